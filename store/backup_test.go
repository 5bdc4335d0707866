package store

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

func TestBackupsListedByDateWithReason(t *testing.T) {
	s := newTestStore(t, EmptyData())
	for _, r := range []string{"daily", "import", "restore"} {
		if _, err := s.AutoBackup(r); err != nil {
			t.Fatal(err)
		}
	}
	// Another file's backups and a half-written copy share the folder.
	other := filepath.Join(s.BackupDir(), "test-2-20170302-090000.000-daily.db")
	os.WriteFile(other, []byte("x"), 0o600)
	os.WriteFile(filepath.Join(s.BackupDir(), ".backup-123"), []byte("x"), 0o600)
	bs, err := s.Backups()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range bs {
		got = append(got, b.When.Format("15:04:05")+" "+b.ReasonLabel())
	}
	if strings.Join(got, ", ") != "09:00:03 복원 전, 09:00:02 가져오기 전, 09:00:01 매일 첫 실행" {
		t.Fatalf("backups newest first: %v", got)
	}
	for i := 0; i < KeepBackups; i++ {
		s.AutoBackup("import")
	}
	if _, err := os.Stat(other); err != nil {
		t.Fatal("pruning removed another file's backup")
	}
	if bs, _ := s.Backups(); len(bs) != KeepBackups {
		t.Fatalf("%d kept", len(bs))
	}
}

func TestDailyBackupOncePerDay(t *testing.T) {
	s := newTestStore(t, EmptyData())
	day := time.Date(2017, 3, 2, 9, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { return day }
	if p, err := s.DailyBackup(); err != nil || !strings.HasSuffix(p, "-daily.db") {
		t.Fatalf("first open of the day: %q %v", p, err)
	}
	day = day.Add(3 * time.Hour)
	if p, _ := s.DailyBackup(); p != "" {
		t.Fatalf("second open the same day made %s", p)
	}
	day = day.Add(24 * time.Hour)
	if p, _ := s.DailyBackup(); p == "" {
		t.Fatal("no backup on the next day")
	}
	// Two backups in the same millisecond keep both.
	a, _ := s.AutoBackup("import")
	b, _ := s.AutoBackup("import")
	if a == b {
		t.Fatal("the second backup overwrote the first")
	}
	if bs, _ := s.Backups(); len(bs) != 4 {
		t.Fatalf("%d backups, want 4", len(bs))
	}
}

func TestRestoreOfTheOldestBackup(t *testing.T) {
	s := newTestStore(t, EmptyData())
	p := &Plan{District: "성동구", Year: 2017, Stage: StageExecution, TFTCivil: 1, TFTOfficial: 1, Start: "2017-01-01", End: "2017-12-31", Months: 12, Amount: 1000}
	mustSave(t)(s.SavePlan(p))
	if _, err := s.AutoBackup("daily"); err != nil {
		t.Fatal(err)
	}
	p.Amount = 2000
	mustSave(t)(s.SavePlan(p))
	for i := 1; i < KeepBackups; i++ {
		s.AutoBackup("import")
	}
	bs, _ := s.Backups()
	oldest := bs[len(bs)-1]
	if oldest.Reason != "daily" || len(bs) != KeepBackups {
		t.Fatalf("setup: %d backups, oldest %s", len(bs), oldest.Reason)
	}
	// The restore backup prunes the oldest, which is the one restored.
	if err := s.Restore(oldest.Path); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Plan(p.ID)
	if got.Amount != 1000 {
		t.Fatalf("restored amount %d, want 1000", got.Amount)
	}
}

func TestRestoreRefusesBrokenRulesAndNewerFiles(t *testing.T) {
	s := newTestStore(t, EmptyData())
	mustSave(t)(s.SavePlan(&Plan{District: "성동구", Year: 2017, Stage: StageExecution, TFTCivil: 1, TFTOfficial: 1, Amount: 1000}))
	want, _ := s.Export()

	// A file whose records break a rule (written past the checks).
	src := newTestStore(t, SeedData())
	err := src.update(func(tx *bolt.Tx) error {
		return put(tx, src.Now(), &BudgetLine{Year: 2017, Name: "엉터리", Program: "events:불꽃놀이"})
	})
	if err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(t.TempDir(), "broken.db")
	if err := src.BackupTo(broken); err != nil {
		t.Fatal(err)
	}
	err = s.Restore(broken)
	if err == nil || !strings.Contains(err.Error(), "복원할 수 없습니다") || !strings.Contains(err.Error(), "불꽃놀이") {
		t.Fatalf("restore of a file breaking rules: %v", err)
	}

	// A file from a newer program.
	err = src.update(func(tx *bolt.Tx) error {
		raw, _ := json.Marshal(SchemaVersion + 1)
		return tx.Bucket(bucketMeta).Put(keySchema, raw)
	})
	if err != nil {
		t.Fatal(err)
	}
	newer := filepath.Join(t.TempDir(), "newer.db")
	src.BackupTo(newer)
	if err := s.Restore(newer); !errors.Is(err, ErrTooNew) {
		t.Fatalf("restore of a newer file: %v", err)
	}

	// Not a database at all.
	junk := filepath.Join(t.TempDir(), "junk.db")
	os.WriteFile(junk, []byte(strings.Repeat("협치", 3000)), 0o600)
	if err := s.Restore(junk); err == nil {
		t.Fatal("a junk file was restored")
	}

	got, _ := s.Export()
	a, _ := json.Marshal(want)
	b, _ := json.Marshal(got)
	if string(a) != string(b) {
		t.Fatal("refused restores changed the current data")
	}
	if _, err := os.Stat(s.Path() + ".restore"); !os.IsNotExist(err) {
		t.Fatal("a refused restore left its copy beside the file")
	}
	if bs, _ := s.Backups(); len(bs) != 0 {
		t.Fatalf("a refused restore made %d backups", len(bs))
	}
}

func TestLoadAddsAllOrNothing(t *testing.T) {
	s := newTestStore(t, SeedData())
	before, _ := s.Export()
	fs, err := s.Load(SyntheticData(2, 7), "합성 자료")
	if err == nil || !strings.Contains(err.Error(), "오류") {
		t.Fatalf("synthetic 2017 on top of the plan's 2017 budget must be refused: %v %d", err, len(fs.Errors()))
	}
	after, _ := s.Export()
	if len(after.Plans) != len(before.Plans) || len(after.BudgetLines) != len(before.BudgetLines) {
		t.Fatal("a refused load wrote records")
	}
	if bs, _ := s.Backups(); len(bs) != 1 || bs[0].Reason != "import" {
		t.Fatalf("an import backup must come first: %+v", bs)
	}

	e := newTestStore(t, EmptyData())
	d := SyntheticData(2, 7)
	if _, err := e.Load(d, "합성 자료"); err != nil {
		t.Fatal(err)
	}
	got, _ := e.Export()
	if len(got.Plans) != len(d.Plans) || len(got.Sessions) != len(d.Sessions) || len(got.Districts) != 25 {
		t.Fatalf("loaded %d plans of %d, %d sessions of %d", len(got.Plans), len(d.Plans), len(got.Sessions), len(d.Sessions))
	}
	log, _ := e.Audit(AuditFilter{Limit: 1})
	if log[0].Action != "가져오기" || !strings.Contains(log[0].Label, "합성 자료") {
		t.Fatalf("audit: %+v", log[0])
	}
}
