package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hyeopchi/store"
)

// newDB makes a data file with `init` (flags as given) in a new folder.
func newDB(t *testing.T, flags ...string) (dir, db string) {
	t.Helper()
	dir = t.TempDir()
	db = filepath.Join(dir, "x.db")
	if _, e, code := runCLI(t, append([]string{"init", "--db", db}, flags...)...); code != 0 {
		t.Fatalf("init: %s", e)
	}
	return dir, db
}

// TestDamagedMetaPageRefused: zeroing the first 4 KB of the data file
// would let bbolt open the transaction before the last. Every command
// refuses it, names the newest backup and restore, and restore brings the
// data back.
func TestDamagedMetaPageRefused(t *testing.T) {
	dir, db := newDB(t, "--empty")
	good := filepath.Join("testdata", "workbook", "good.xlsx")
	if _, e, code := runCLI(t, "import", good, "--db", db); code != 0 {
		t.Fatal(e)
	}
	want := snapshot(t, db)
	raw, _ := os.ReadFile(db)
	copy(raw[:4096], make([]byte, 4096))
	if err := os.WriteFile(db, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range [][]string{{"list", "plans"}, {"check"}, {"export", "--report", "plans", "--out", filepath.Join(dir, "p.pdf")},
		{"import", filepath.Join("testdata", "workbook", "plans-utf8.csv")}, {"backup", "--out", filepath.Join(dir, "b.db")}} {
		out, e, code := runCLI(t, append(c, "--db", db)...)
		if code != 1 || !strings.Contains(e, "메타 페이지") || !strings.Contains(e, "가장 최근 백업") || !strings.Contains(e, "restore") {
			t.Fatalf("%v: exit %d\n%s%s", c, code, out, e)
		}
		if strings.Contains(e, "panic") || strings.Contains(e, "assertion") {
			t.Fatalf("%v: bbolt's own text: %s", c, e)
		}
	}
	if b, _ := os.ReadFile(db); !bytes.Equal(b, raw) {
		t.Fatal("the damaged file was written")
	}
	st := &struct{ path string }{db}
	_ = st
	backups, _ := filepath.Glob(filepath.Join(dir, "backups", "x-*-import.db"))
	if len(backups) != 1 {
		t.Fatalf("backups: %v", backups)
	}
	// The import's backup holds the data before the import; restoring it
	// and importing again gives the data back.
	if _, e, code := runCLI(t, "restore", backups[0], "--db", db); code != 0 {
		t.Fatalf("restore over a damaged file: %s", e)
	}
	if _, e, code := runCLI(t, "import", good, "--db", db); code != 0 {
		t.Fatal(e)
	}
	if got := snapshot(t, db); got != want {
		t.Fatal("the data after restore and import differs")
	}
}

// TestNoFileIsMadeByReading: list on a missing file, a missing folder
// or an empty file says so and makes nothing; only init makes a file.
func TestNoFileIsMadeByReading(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "none.db")
	inFolder := filepath.Join(dir, "no", "such", "folder", "x.db")
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o600)
	for _, c := range []struct{ db, words string }{
		{missing, "데이터 파일이 없습니다"}, {inFolder, "데이터 파일이 없습니다"}, {empty, "빈 파일입니다"},
	} {
		for _, cmd := range [][]string{{"list", "plans"}, {"check"}, {"import", filepath.Join("testdata", "workbook", "good.xlsx")},
			{"search", "관악"}, {"bundle", "--district", "관악", "--out", filepath.Join(dir, "b.zip")}} {
			_, e, code := runCLI(t, append(cmd, "--db", c.db)...)
			if code != 1 || !strings.Contains(e, c.words) || !strings.Contains(e, c.db) {
				t.Errorf("%v --db %s: exit %d %s", cmd, c.db, code, e)
			}
		}
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("a missing file was made")
	}
	if _, err := os.Stat(filepath.Join(dir, "no")); err == nil {
		t.Error("a missing folder was made")
	}
	if info, _ := os.Stat(empty); info.Size() != 0 {
		t.Error("an empty file was initialised")
	}
	if _, e, code := runCLI(t, "init", "--db", inFolder); code != 0 {
		t.Fatalf("init makes the folder and file: %s", e)
	}
}

// TestLeftoversRemovedAtNextStart: what a killed backup or restore
// leaves beside the data file is removed when the file is next opened
// for writing.
func TestLeftoversRemovedAtNextStart(t *testing.T) {
	dir, db := newDB(t)
	os.MkdirAll(filepath.Join(dir, "backups"), 0o755)
	left := []string{db + ".restore", filepath.Join(dir, "backups", ".backup-x.db-123456")}
	other := filepath.Join(dir, "backups", ".backup-y.db-123456") // another file's, in progress
	for _, p := range append(left, other) {
		os.WriteFile(p, []byte("half"), 0o600)
	}
	if _, e, code := runCLI(t, "import", filepath.Join("testdata", "workbook", "good.xlsx"), "--db", db); code != 0 {
		t.Fatal(e)
	}
	for _, p := range left {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s is still there", p)
		}
	}
	if _, err := os.Stat(other); err != nil {
		t.Error("another data file's backup in progress was removed")
	}
}

// TestPersonalDataMasked: a phone number imported from a roster appears
// masked in `list audit --json` and in the prefilled workbook, which says
// what it filled; the workbook imported back keeps the stored number.
func TestPersonalDataMasked(t *testing.T) {
	dir, db := newDB(t, "--empty")
	if _, e, code := runCLI(t, "import", filepath.Join("testdata", "workbook", "good.xlsx"), "--db", db); code != 0 {
		t.Fatal(e)
	}
	const phone, masked = "010-1234-5678", "010-****-5678"
	out, e, code := runCLI(t, "list", "audit", "--json", "--db", db)
	if code != 0 || strings.Contains(out, phone) || !strings.Contains(out, masked) {
		t.Fatalf("list audit --json: exit %d, has the number: %v, masked: %v %s", code, strings.Contains(out, phone), strings.Contains(out, masked), e)
	}
	tpl := filepath.Join(dir, "강북구.xlsx")
	out, e, code = runCLI(t, "template", "--db", db, "--district", "강북", "--year", "2016", "--out", tpl)
	if code != 0 || strings.Contains(out, "빈 양식") || !strings.Contains(out, "강북구 2016년 자료를 채움") || !strings.Contains(out, "연락처 1건은 가려서") {
		t.Fatalf("template: %d %s %s", code, out, e)
	}
	data, _ := os.ReadFile(tpl)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var all bytes.Buffer
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		io.Copy(&all, rc)
		rc.Close()
	}
	if strings.Contains(all.String(), phone) || !strings.Contains(all.String(), masked) {
		t.Fatal("the workbook carries the phone number whole, or not masked")
	}
	out, e, code = runCLI(t, "import", tpl, "--db", db)
	if code != 0 || !strings.Contains(out, "변경 없음") {
		t.Fatalf("the prefilled workbook must import unchanged: %d %s %s", code, out, e)
	}
	st, err := store.Open(db, &store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ps, _ := st.Platforms(store.Filter{District: "강북구", Year: 2016})
	if len(ps) != 1 || ps[0].Members[len(ps[0].Members)-1].Contact != phone {
		t.Fatalf("the stored contact: %+v", ps)
	}
}

// TestSameFileTwice: one file named twice in one import is read once.
func TestSameFileTwice(t *testing.T) {
	dir, db := newDB(t, "--empty")
	good := filepath.Join("testdata", "workbook", "good.xlsx")
	copyOf := filepath.Join(dir, "copy.xlsx")
	b, _ := os.ReadFile(good)
	os.WriteFile(copyOf, b, 0o644)
	out, e, code := runCLI(t, "import", good, good, copyOf, "--db", db)
	if code != 0 || strings.Contains(e, "이미 있습니다") || !strings.Contains(out, "가져왔습니다") || !strings.Contains(out, "한 번만 가져옵니다") {
		t.Fatalf("exit %d\n%s%s", code, out, e)
	}
	once := snapshot(t, db)
	_, db2 := newDB(t, "--empty")
	runCLI(t, "import", good, "--db", db2)
	if snapshot(t, db2) != once {
		t.Fatal("importing a file twice in one go differs from importing it once")
	}
}

// TestHeaderOnlyFileNotReceived: a file with a header and no rows (and
// only CRs) changes nothing, says so, and leaves no receipt with an empty
// district.
func TestHeaderOnlyFileNotReceived(t *testing.T) {
	dir, db := newDB(t, "--empty")
	head := filepath.Join(dir, "head.csv")
	os.WriteFile(head, []byte("자치구,연도,단계,사업기간,지원액,TFT 민,TFT 구의원,TFT 관\r\r\r"), 0o644)
	before := snapshot(t, db)
	out, e, code := runCLI(t, "import", head, "--db", db)
	if code != 0 || !strings.Contains(out, "가져올 자료가 없습니다") || !strings.Contains(out, "접수하지 않았습니다") {
		t.Fatalf("exit %d\n%s%s", code, out, e)
	}
	if snapshot(t, db) != before {
		t.Fatal("a header-only file was received")
	}
}
