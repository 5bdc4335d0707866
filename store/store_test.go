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

	"hyeopchi/store/value"
)

func newTestStore(t *testing.T, d Dataset) *Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "test.db")
	s, err := Create(path, d)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	clock := time.Date(2017, 3, 2, 9, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { clock = clock.Add(time.Second); return clock }
	return s
}

func TestPlanRoundTripAndAudit(t *testing.T) {
	s := newTestStore(t, EmptyData())
	p := &Plan{District: "관악구", Year: 2017, Stage: StageDrafting, Support: "본계획 수립",
		Start: "2017-03-01", End: "2017-12-31", Months: 10, Amount: 250000,
		TFTCivil: 14, TFTOfficial: 9, Fields: []string{"마을", "교육"}}
	if _, err := s.SavePlan(p); err != nil {
		t.Fatal(err)
	}
	if p.ID == 0 {
		t.Fatal("saved plan got no ID")
	}
	got, err := s.Plan(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Amount != 250000 || got.Stage != StageDrafting || got.TFTTotal() != 23 || strings.Join(got.Fields, "/") != "마을/교육" {
		t.Fatalf("round trip changed the plan: %+v", got)
	}
	// Reopen the file: the data is on disk.
	path := s.Path()
	s.Close()
	s2, err := Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	ps, err := s2.Plans(Filter{Year: 2017, District: "관악구"})
	if err != nil || len(ps) != 1 || ps[0].Amount != 250000 {
		t.Fatalf("after reopen: %v %+v", err, ps)
	}
	got.Amount = 260000
	if _, err := s2.SavePlan(&got); err != nil {
		t.Fatal(err)
	}
	// Saving the same data again is not a change.
	if _, err := s2.SavePlan(&got); err != nil {
		t.Fatal(err)
	}
	if err := s2.DeletePlan(got.ID); err != nil {
		t.Fatal(err)
	}
	log, err := s2.Audit(AuditFilter{Kind: "혁신계획"})
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range log {
		actions = append(actions, e.Action)
	}
	if strings.Join(actions, ",") != "삭제,수정,추가" {
		t.Fatalf("audit actions newest first = %v, want 삭제,수정,추가", actions)
	}
	upd := log[1]
	if !strings.Contains(upd.Before, `"amount":250000`) || !strings.Contains(upd.After, `"amount":260000`) {
		t.Fatalf("audit entry lacks before → after: %+v", upd)
	}
	if !strings.Contains(log[0].Before, `"amount":260000`) {
		t.Fatal("the delete entry must keep the deleted record")
	}
}

func TestSaveBlockedByRuleChangesNothing(t *testing.T) {
	s := newTestStore(t, EmptyData())
	before, _ := s.Audit(AuditFilter{})
	p := &Plan{District: "없는구", Year: 2017, Stage: StagePrep, Start: "2017-05-01", End: "2017-04-01"}
	ps, err := s.SavePlan(p)
	var inv *InvalidError
	if !errors.As(err, &inv) {
		t.Fatalf("want InvalidError, got %v", err)
	}
	if len(ps.Field("district")) == 0 || len(ps.Field("end")) == 0 {
		t.Fatalf("want district and end problems, got %v", ps)
	}
	all, _ := s.Plans(Filter{})
	after, _ := s.Audit(AuditFilter{})
	if len(all) != 0 || len(after) != len(before) {
		t.Fatalf("a refused save wrote something: %d plans, audit %d → %d", len(all), len(before), len(after))
	}
}

func TestSecondOpenIsRefusedWhileLocked(t *testing.T) {
	s := newTestStore(t, EmptyData())
	start := time.Now()
	_, err := Open(s.Path(), nil)
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("want ErrLocked, got %v", err)
	}
	if !strings.Contains(err.Error(), "데이터 파일이 다른 프로그램에서 사용 중입니다: "+s.Path()) {
		t.Fatalf("message = %q", err)
	}
	_ = start
	// The first holder keeps working.
	if err := s.SaveDistrict(District{Name: "관악구", Region: "서남권", Council: "협치관악구회의"}); err != nil {
		t.Fatal(err)
	}
}

// writeV1 makes a file as version 1 of the program wrote it: districts
// without regions, no settings, no export register.
func writeV1(t *testing.T, path string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range allBuckets {
			if string(b) == string(bucketExports) {
				continue
			}
			if _, err := tx.CreateBucket(b); err != nil {
				return err
			}
		}
		m := tx.Bucket(bucketMeta)
		m.Put(keySchema, []byte("1"))
		for _, name := range Districts {
			raw, _ := json.Marshal(map[string]any{"district": name, "council": "협치" + name + "회의"})
			tx.Bucket(bucketDistricts).Put([]byte(name), raw)
		}
		raw, _ := json.Marshal(Plan{ID: 1, District: "도봉구", Year: 2016, Stage: StageDrafting, Amount: 79000})
		return tx.Bucket(bucketPlans).Put(itob(1), raw)
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
}

func TestMigrationFromVersion1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v1.db")
	writeV1(t, path)
	s, err := Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ds, err := s.Districts()
	if err != nil || len(ds) != 25 {
		t.Fatalf("districts after migration: %v %d", err, len(ds))
	}
	for _, d := range ds {
		if d.Region != DefaultRegion[d.Name] || d.Council != "협치"+d.Name+"회의" {
			t.Fatalf("%s: region %q council %q", d.Name, d.Region, d.Council)
		}
	}
	st, _ := s.Settings()
	if len(st.ApprovalLine) != 5 || st.ApprovalLine[0] != "주무관" {
		t.Fatalf("settings not defaulted: %+v", st)
	}
	ps, _ := s.Plans(Filter{})
	if len(ps) != 1 || ps[0].Amount != 79000 {
		t.Fatalf("plans lost in migration: %+v", ps)
	}
	bs, _ := s.Backups()
	if len(bs) != 1 || !strings.Contains(bs[0].Path, "-migrate.db") {
		t.Fatalf("want one migrate backup, got %+v", bs)
	}
	var v int
	s.view(func(tx *bolt.Tx) error { v, _ = schemaOf(tx); return nil })
	if v != SchemaVersion {
		t.Fatalf("schema %d after migration", v)
	}
}

func TestNewerFileIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	db, _ := bolt.Open(path, 0o600, nil)
	db.Update(func(tx *bolt.Tx) error {
		b, _ := tx.CreateBucket(bucketMeta)
		return b.Put(keySchema, []byte("99"))
	})
	db.Close()
	raw, _ := os.ReadFile(path)
	_, err := Open(path, nil)
	if !errors.Is(err, ErrTooNew) || !strings.Contains(err.Error(), "파일 버전 99") {
		t.Fatalf("want ErrTooNew naming version 99, got %v", err)
	}
	after, _ := os.ReadFile(path)
	if string(raw) != string(after) {
		t.Fatal("refusing a newer file changed it")
	}
}

func TestNotADatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.db")
	os.WriteFile(path, []byte("이것은 데이터 파일이 아닙니다"), 0o600)
	if _, err := Open(path, nil); !errors.Is(err, ErrNotStore) {
		t.Fatalf("want ErrNotStore, got %v", err)
	}
}

func TestBackupRestoreRoundTrip(t *testing.T) {
	s := newTestStore(t, EmptyData())
	p := &Plan{District: "성동구", Year: 2017, Stage: StageExecution, TFTCivil: 1, TFTOfficial: 1, Start: "2017-01-01", End: "2017-12-31", Months: 12, Amount: 300000}
	if _, err := s.SavePlan(p); err != nil {
		t.Fatal(err)
	}
	bak := filepath.Join(t.TempDir(), "b.db")
	if err := s.BackupTo(bak); err != nil {
		t.Fatal(err)
	}
	want, _ := s.Export()
	if err := s.DeletePlan(p.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.Restore(bak); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Export()
	a, _ := json.Marshal(want.Plans)
	b, _ := json.Marshal(got.Plans)
	if string(a) != string(b) {
		t.Fatalf("restore gave %s, want %s", b, a)
	}
	bs, _ := s.Backups()
	if len(bs) == 0 || !strings.Contains(bs[0].Path, "restore") {
		t.Fatalf("restore must keep the current data as a backup: %+v", bs)
	}
}

func TestRestoreOfDamagedFileKeepsData(t *testing.T) {
	s := newTestStore(t, EmptyData())
	s.SavePlan(&Plan{District: "성동구", Year: 2017, Stage: StageExecution, TFTCivil: 1, TFTOfficial: 1, Amount: 1000})
	bad := filepath.Join(t.TempDir(), "bad.db")
	if err := s.BackupTo(bad); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(bad)
	for i := 4096 * 2; i < len(raw); i += 7 { // scribble over every page after the meta pages
		raw[i] ^= 0xff
	}
	os.WriteFile(bad, raw, 0o600)
	if err := s.Restore(bad); err == nil {
		t.Fatal("a damaged file was restored")
	}
	ps, _ := s.Plans(Filter{})
	if len(ps) != 1 || ps[0].Amount != 1000 {
		t.Fatalf("current data changed after refused restore: %+v", ps)
	}
}

func TestAutoBackupKeepsThirty(t *testing.T) {
	s := newTestStore(t, EmptyData())
	for i := 0; i < KeepBackups+5; i++ {
		if _, err := s.AutoBackup("test"); err != nil {
			t.Fatal(err)
		}
	}
	bs, _ := s.Backups()
	if len(bs) != KeepBackups {
		t.Fatalf("%d backups kept, want %d", len(bs), KeepBackups)
	}
	if p, _ := s.DailyBackup(); p != "" {
		t.Fatal("a second daily backup on the same day")
	}
}

func TestBudgetTreeSums(t *testing.T) {
	lines := []BudgetLine{
		{Year: 2017, Name: "A", Order: 1},
		{Year: 2017, Name: "a1", Parent: "A", Order: 2, Grant: 100, Program: "plans"},
		{Year: 2017, Name: "a2", Parent: "A", Order: 3, OfficeCost: 7},
		{Year: 2017, Name: "B", Order: 4},
		{Year: 2017, Name: "b1", Parent: "B", Order: 5},
		{Year: 2017, Name: "b1x", Parent: "b1", Order: 6, OfficeCost: 5, Program: "events:포럼"},
	}
	out := budgetTree(lines, 2017, func(l BudgetLine) int64 {
		if l.Program == "plans" {
			return 120
		}
		return 0
	})
	var names []string
	for _, b := range out {
		names = append(names, b.Name)
	}
	if strings.Join(names, ",") != "A,a1,a2,B,b1,b1x" {
		t.Fatalf("order %v", names)
	}
	if out[0].Total() != 107 || out[0].Committed != 120 || !out[0].Over() || out[3].Total() != 5 || out[4].Depth != 1 || out[5].Depth != 2 {
		t.Fatalf("sums wrong: %+v", out)
	}
}

func TestMonthsBetween(t *testing.T) {
	for _, c := range []struct {
		start, end Date
		want       int
	}{
		{"2016-11-01", "2017-06-30", 8},
		{"2016-11-01", "2017-05-30", 7}, // 성동구: the plan says 6
		{"2016-11-01", "2017-03-31", 5},
		{"2017-01-15", "2017-02-14", 1},
		{"2017-01-15", "2017-02-15", 2},
		{"2017-01-01", "2017-12-31", 12},
		{"2017-05-01", "2017-04-01", 0},
	} {
		if got := value.MonthsBetween(c.start, c.end); got != c.want {
			t.Errorf("%s ~ %s: %d months, want %d", c.start, c.end, got, c.want)
		}
	}
}

func TestDDay(t *testing.T) {
	d := Date("2017-07-31")
	for today, want := range map[Date]string{"2017-07-24": "D-7", "2017-07-31": "D-day", "2017-08-03": "D+3"} {
		if got := d.DDay(today); got != want {
			t.Errorf("%s from %s = %s, want %s", d, today, got, want)
		}
	}
}

func TestMaskContact(t *testing.T) {
	for in, want := range map[string]string{
		"010-1234-5678":   "010-****-5678",
		"01012345678":     "010****5678",
		"02-2133-6366":    "02-****-6366",
		"kim@example.kr":  "k***@example.kr",
		"김지현@seoul.go.kr": "김***@seoul.go.kr",
		"":                "",
	} {
		if got := value.MaskContact(in); got != want {
			t.Errorf("value.MaskContact(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNormalizeDistrict(t *testing.T) {
	for in, want := range map[string]string{"관악": "관악구", " 관악구 ": "관악구", "관 악 구": "관악구", "중구": "중구", "중": "중구", "영등포": "영등포구"} {
		if got, ok := NormalizeDistrict(in); !ok || got != want {
			t.Errorf("NormalizeDistrict(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "부산", "관악시"} {
		if _, ok := NormalizeDistrict(in); ok {
			t.Errorf("NormalizeDistrict(%q) accepted", in)
		}
	}
}

func TestSeededBudgetMatchesPlan(t *testing.T) {
	s := newTestStore(t, SeedData())
	bs, err := s.BudgetStatus(2017)
	if err != nil {
		t.Fatal(err)
	}
	var office, grant int64
	for _, b := range bs {
		if b.Depth == 0 {
			office += b.OfficeCost
			grant += b.Grant
		}
	}
	if office != 300270 || grant != 3700000 || office+grant != 4000270 {
		t.Fatalf("budget %d + %d = %d, want 300,270 + 3,700,000 = 4,000,270", office, grant, office+grant)
	}
	if len(bs) != 13 {
		t.Fatalf("%d budget lines, want 13", len(bs))
	}
}

func TestSeedPassesCheckAndSyntheticToo(t *testing.T) {
	s := newTestStore(t, SeedData())
	fs, err := s.Check()
	if err != nil || len(fs.Errors()) != 0 {
		t.Fatalf("seed check: %v %v", err, fs.Errors())
	}
	s2 := newTestStore(t, WithSynthetic(SeedData(), 3, 1))
	fs, err = s2.Check()
	if err != nil || len(fs.Errors()) != 0 {
		t.Fatalf("synthetic check: %v %v", err, fs.Errors())
	}
	ps, _ := s2.Plans(Filter{})
	if len(ps) < 25 {
		t.Fatalf("only %d plans in 3 synthetic years", len(ps))
	}
}
