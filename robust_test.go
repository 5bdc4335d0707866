package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

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

// runCLIGuarded is runCLI that fails the test, instead of hanging it,
// when the command does not return (a write into a FIFO with no reader
// waits forever): a hang guard, not a speed check.
func runCLIGuarded(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		stdout, stderr, code = runCLI(t, args...)
		close(done)
	}()
	select {
	case <-done:
		return
	case <-time.After(30 * time.Second):
		t.Fatalf("%v did not return", args)
	}
	return
}

// TestWritersRefuseNonRegularTargets runs every command that writes a
// file the user names at each kind of target: a device, a FIFO, a
// folder and a link are refused with the path named, and stay as they
// were (a link's target too).
func TestWritersRefuseNonRegularTargets(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix file kinds")
	}
	dir, db := newDB(t)
	victim := filepath.Join(dir, "victim")
	os.WriteFile(victim, []byte("keep me"), 0o644)
	commands := []struct {
		name, ext string
		args      []string
	}{
		{"backup", ".db", []string{"backup", "--db", db, "--out"}},
		{"export", ".pdf", []string{"export", "--db", db, "--report", "plans", "--year", "2016", "--out"}},
		{"template", ".xlsx", []string{"template", "--db", db, "--district", "관악", "--year", "2016", "--out"}},
	}
	for _, c := range commands {
		targets := []struct {
			kind, words string
			make        func(path string) error
		}{
			{"FIFO", "FIFO", func(p string) error { return syscall.Mkfifo(p, 0o644) }},
			{"folder", "폴더", func(p string) error { return os.Mkdir(p, 0o755) }},
			{"link", "심볼릭 링크", func(p string) error { return os.Symlink(victim, p) }},
			{"dangling link", "심볼릭 링크", func(p string) error { return os.Symlink(filepath.Join(dir, "nowhere"), p) }},
			{"device", "장치", func(p string) error {
				// the null device again, under a name the command takes
				return syscall.Mknod(p, syscall.S_IFCHR|0o666, int(1<<8|3))
			}},
		}
		for _, tg := range targets {
			t.Run(c.name+" to a "+tg.kind, func(t *testing.T) {
				path := filepath.Join(dir, strings.ReplaceAll(tg.kind, " ", "-")+"-"+c.name+c.ext)
				if err := tg.make(path); err != nil {
					t.Skipf("cannot make a %s here: %v", tg.kind, err)
				}
				before, _ := os.Lstat(path)
				_, e, code := runCLIGuarded(t, append(c.args, path)...)
				if code != 1 || !strings.Contains(e, tg.words) || !strings.Contains(e, path) {
					t.Fatalf("exit %d, want 1 with %q and the path: %s", code, tg.words, e)
				}
				after, err := os.Lstat(path)
				if err != nil || after.Mode() != before.Mode() {
					t.Fatalf("%s changed: %v → %v", path, before.Mode(), after)
				}
				if b, _ := os.ReadFile(victim); string(b) != "keep me" {
					t.Fatalf("the link's target was written")
				}
				if _, err := os.Lstat(filepath.Join(dir, "nowhere")); err == nil {
					t.Fatalf("a dangling link's target was made")
				}
			})
		}
	}
	// backup --out /dev/null itself, the reported case
	before, _ := os.Lstat("/dev/null")
	if _, e, code := runCLI(t, "backup", "--db", db, "--out", "/dev/null"); code != 1 || !strings.Contains(e, "장치") {
		t.Fatalf("backup --out /dev/null: %d %s", code, e)
	}
	if after, _ := os.Lstat("/dev/null"); after.Mode() != before.Mode() {
		t.Fatalf("/dev/null is now %v", after.Mode())
	}
}

// TestReadersRefuseEndlessInput: import and restore take regular files
// only; /dev/zero, /dev/urandom and a FIFO with no writer are refused at
// once instead of read without end (or waited on).
func TestReadersRefuseEndlessInput(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix devices")
	}
	dir, db := newDB(t)
	fifo := filepath.Join(dir, "fifo.csv")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, db)
	for _, c := range [][]string{
		{"import", "/dev/zero"}, {"import", "/dev/urandom"}, {"import", fifo},
		{"restore", "/dev/zero"}, {"restore", fifo},
	} {
		t.Run(strings.Join(c, " "), func(t *testing.T) {
			_, e, code := runCLIGuarded(t, append(c, "--db", db)...)
			if code != 1 || !strings.Contains(e, "일반 파일이 아닙니다") || !strings.Contains(e, c[1]) {
				t.Fatalf("exit %d: %s", code, e)
			}
		})
	}
	big := filepath.Join(dir, "big.csv")
	if err := os.WriteFile(big, bytes.Repeat([]byte("a,b\n"), 21<<18), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, e, code := runCLI(t, "import", big, "--db", db); code != 1 || !strings.Contains(e, "너무 큽니다") {
		t.Fatalf("a 21 MB file: %d %s", code, e)
	}
	if snapshot(t, db) != before {
		t.Fatal("refused input changed the data")
	}
}

// TestTemplateOnFullDisk: with the disk full, template --out over an
// existing file fails with a Korean message and leaves the old file
// whole. The disk is a 64 KB tmpfs in a private mount namespace.
func TestTemplateOnFullDisk(t *testing.T) {
	if runtime.GOOS != "linux" || os.Geteuid() != 0 {
		t.Skip("needs root to mount a small tmpfs")
	}
	if _, err := exec.LookPath("unshare"); err != nil {
		t.Skip("no unshare")
	}
	bin := hyeopchiBin(t)
	_, db := newDB(t)
	mnt := t.TempDir()
	script := `set -e
mount -t tmpfs -o size=64k tmpfs "$MNT"
head -c 30000 /dev/urandom > "$MNT/관악구.xlsx"
sha256sum "$MNT/관악구.xlsx" | cut -d' ' -f1
head -c 40000 /dev/zero > "$MNT/filler" || true
set +e
"$BIN" template --db "$DB" --district 관악 --year 2016 --out "$MNT/관악구.xlsx" 2>&1
echo "exit $?"
sha256sum "$MNT/관악구.xlsx" | cut -d' ' -f1
ls -a "$MNT"
`
	cmd := exec.Command("unshare", "-m", "sh", "-c", script)
	cmd.Env = append(os.Environ(), "MNT="+mnt, "BIN="+bin, "DB="+db)
	out, err := cmd.CombinedOutput()
	if err != nil && strings.Contains(string(out), "mount") {
		t.Skipf("cannot mount here: %s", out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 4 {
		t.Fatalf("script: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "디스크 공간이 부족합니다") || !strings.Contains(string(out), "exit 1") {
		t.Fatalf("want a Korean full-disk message and exit 1:\n%s", out)
	}
	var sums []string
	for _, l := range lines {
		if len(l) == 64 && !strings.ContainsAny(l, " :") {
			sums = append(sums, l)
		}
	}
	if len(sums) != 2 || sums[0] != sums[1] {
		t.Fatalf("the old file changed:\n%s", out)
	}
	if strings.Contains(string(out), ".tmp-") {
		t.Fatalf("a temporary file was left:\n%s", out)
	}
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

// TestReadOnlyDataFile: a data file the user may not write is listed,
// checked, backed up and exported; a command that changes it says the
// file is read-only. The commands run as an unprivileged user (root
// writes anything).
func TestReadOnlyDataFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix permissions")
	}
	// a copy of the program where another user may run it
	binDir, err := os.MkdirTemp("", "hyeopchi-ro")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(binDir) })
	os.Chmod(binDir, 0o755)
	bin := filepath.Join(binDir, "hyeopchi")
	if b, err := os.ReadFile(hyeopchiBin(t)); err != nil || os.WriteFile(bin, b, 0o755) != nil {
		t.Fatal(err)
	}
	dir, db := newDB(t)
	out := t.TempDir()
	for _, d := range []string{dir, out} {
		os.Chmod(d, 0o777)
	}
	os.Chmod(filepath.Dir(dir), 0o755)
	os.Chmod(filepath.Dir(out), 0o755)
	os.Chmod(db, 0o444)
	runAs := func(args ...string) (string, int) {
		cmd := exec.Command(bin, args...)
		if os.Geteuid() == 0 {
			cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		}
		b, err := cmd.CombinedOutput()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return string(b), code
	}
	for _, c := range [][]string{
		{"list", "plans", "--year", "2016"}, {"check"}, {"list", "audit", "--json"},
		{"backup", "--out", filepath.Join(out, "b.db")},
		{"export", "--report", "plans", "--year", "2016", "--out", filepath.Join(out, "p.pdf")},
		{"template", "--district", "관악", "--year", "2016", "--out", filepath.Join(out, "t.xlsx")},
	} {
		if o, code := runAs(append(c, "--db", db)...); code != 0 {
			t.Errorf("%v on a read-only file: exit %d\n%s", c, code, o)
		}
	}
	if o, code := runAs("import", filepath.Join("testdata", "workbook", "good.xlsx"), "--db", db); code != 1 || !strings.Contains(o, "읽기 전용") {
		t.Errorf("import into a read-only file: exit %d\n%s", code, o)
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
		for _, cmd := range [][]string{{"list", "plans"}, {"check"}, {"import", filepath.Join("testdata", "workbook", "good.xlsx")}} {
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

// TestHeaderOnlyFileRefused: a file with a header and no rows (or only
// CRs) is refused and leaves no receipt with an empty district.
func TestHeaderOnlyFileRefused(t *testing.T) {
	dir, db := newDB(t, "--empty")
	head := filepath.Join(dir, "head.csv")
	os.WriteFile(head, []byte("자치구,연도,단계,사업기간,지원액,TFT 민,TFT 구의원,TFT 관\r\r\r"), 0o644)
	before := snapshot(t, db)
	_, e, code := runCLI(t, "import", head, "--db", db)
	if code != 1 || !strings.Contains(e, "가져올 자료가 없습니다") {
		t.Fatalf("exit %d %s", code, e)
	}
	if snapshot(t, db) != before {
		t.Fatal("a header-only file was received")
	}
}
