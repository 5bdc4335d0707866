//go:build linux

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

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
		{"bundle", ".zip", []string{"bundle", "--db", db, "--district", "관악", "--year", "2016", "--out"}},
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
	if os.Geteuid() != 0 {
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

// TestReadOnlyDataFile: a data file the user may not write is listed,
// checked, backed up and exported; a command that changes it says the
// file is read-only. The commands run as an unprivileged user (root
// writes anything).
func TestReadOnlyDataFile(t *testing.T) {
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
