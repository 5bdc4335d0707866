package store

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// killYears of synthetic data make the large import the kill test
// interrupts: about four thousand records, several megabytes, in one
// transaction.
const killYears = 40

// killHelperEnv names the file the helper process imports into.
const killHelperEnv = "HYEOPCHI_KILL_HELPER_DB"

// TestKillHelper is not a test of its own: TestKillDuringImport runs the
// test binary again with killHelperEnv set, and this imports the synthetic
// years into that file in one transaction, saying "start" before and
// "done <ms>" after, until it is killed.
func TestKillHelper(t *testing.T) {
	path := os.Getenv(killHelperEnv)
	if path == "" {
		t.Skip("only run by TestKillDuringImport")
	}
	s, err := Open(path, nil)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	fmt.Println("start")
	began := time.Now()
	switch os.Getenv(killModeEnv) {
	case "backup":
		// backups into backups/ and to a file of the user's, in turn
		out := os.Getenv(killOutEnv)
		for range killBackups {
			if _, err := s.AutoBackup("manual"); err != nil {
				fmt.Println("error", err)
				os.Exit(3)
			}
			if err := s.BackupTo(out); err != nil {
				fmt.Println("error", err)
				os.Exit(3)
			}
		}
	case "restore":
		if err := s.Restore(os.Getenv(killOutEnv)); err != nil {
			fmt.Println("error", err)
			os.Exit(3)
		}
	default:
		if _, err := s.Load(SyntheticData(killYears, 11), "합성 자료"); err != nil {
			fmt.Println("error", err)
			os.Exit(3)
		}
	}
	fmt.Println("done", time.Since(began).Milliseconds())
	s.Close()
	os.Exit(0)
}

// The helper's other work: killModeEnv is "backup" or "restore", and
// killOutEnv the backup's target or the file to restore.
const (
	killModeEnv = "HYEOPCHI_KILL_HELPER_MODE"
	killOutEnv  = "HYEOPCHI_KILL_HELPER_OUT"
	killBackups = 6
)

// TestKillDuringImport kills (SIGKILL) a process in the middle of a large
// import, again and again, each time on a fresh copy of a file, then opens
// the file: check finds no error, and the import is either whole or absent.
func TestKillDuringImport(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 21 processes")
	}
	dir := t.TempDir()
	base := createFile(t, filepath.Join(dir, "base.db"), EmptyData())
	baseCount, baseAudit := countRecords(t, base)
	d := SyntheticData(killYears, 11)
	whole := baseCount + len(d.records()) - len(d.Districts) // districts replace theirs

	took := timeWholeImport(t, base, filepath.Join(dir, "full.db"), whole)
	t.Logf("the import of %d records takes %d ms", whole-baseCount, took)

	r := rand.New(rand.NewPCG(1, 2))
	absent, complete, finished := 0, 0, 0
	const kills = 20
	for i := range kills {
		path := filepath.Join(dir, fmt.Sprintf("kill-%02d.db", i))
		copyOrFail(t, base, path)
		h := startHelper(t, path, "", "")
		if line := <-h.lines; line != "start" {
			t.Fatalf("helper said %q", line)
		}
		// Spread over the whole import, from the backup before it to just
		// after its commit: one kill in each slice of the time it takes.
		at := (float64(i) + r.Float64()) / kills * 1.2 * float64(took)
		time.Sleep(time.Duration(at * float64(time.Millisecond)))
		h.cmd.Process.Signal(syscall.SIGKILL)
		h.cmd.Wait()
		for line := range h.lines {
			if strings.HasPrefix(line, "done") {
				finished++
			}
		}

		n, audit := checkKilledFile(t, i, path)
		switch {
		case n == baseCount && audit == baseAudit:
			absent++
		case n == whole && audit == baseAudit+1:
			complete++
		default:
			t.Fatalf("kill %d: %d records and %d audit entries; want %d and %d (absent) or %d and %d (whole)",
				i, n, audit, baseCount, baseAudit, whole, baseAudit+1)
		}
	}
	t.Logf("%d kills: import absent %d times, whole %d times (%d finished before the kill)", kills, absent, complete, finished)
	if absent == 0 {
		t.Fatal("no kill landed before the import committed: the test did not test the crash")
	}
}

// createFile makes a data file at path holding d, closed, and returns path.
func createFile(t *testing.T, path string, d Dataset) string {
	t.Helper()
	st, err := Create(path, d)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// timeWholeImport runs one import to the end on a copy of base at path,
// wants it whole, and returns how long it took here, in ms.
func timeWholeImport(t *testing.T, base, path string, whole int) int {
	t.Helper()
	copyOrFail(t, base, path)
	helper := startHelper(t, path, "", "")
	took := 0
	for line := range helper.lines {
		if ms, ok := strings.CutPrefix(line, "done "); ok {
			took, _ = strconv.Atoi(ms)
		}
		if strings.HasPrefix(line, "error") {
			t.Fatal(line)
		}
	}
	helper.cmd.Wait()
	if n, _ := countRecords(t, path); n != whole || took == 0 {
		t.Fatalf("an import run to the end left %d records, want %d (took %d ms)", n, whole, took)
	}
	return took
}

// checkKilledFile wants the file of kill i to open and pass check, and
// returns its records and audit entries.
func checkKilledFile(t *testing.T, i int, path string) (n, audit int) {
	t.Helper()
	s, err := Open(path, nil)
	if err != nil {
		t.Fatalf("kill %d: the file does not open: %v", i, err)
	}
	fs, err := s.Check()
	s.Close()
	if err != nil || len(fs.Errors()) != 0 {
		t.Fatalf("kill %d: check: %v %v", i, err, fs.Errors())
	}
	return countRecords(t, path)
}

type helperProc struct {
	cmd   *exec.Cmd
	lines chan string
}

func startHelper(t *testing.T, path, mode, arg string) helperProc {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), killHelperEnv+"="+path, killModeEnv+"="+mode, killOutEnv+"="+arg)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 8)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	return helperProc{cmd: cmd, lines: lines}
}

// countRecords counts the programme records and audit entries of a file.
func countRecords(t *testing.T, path string) (records, audit int) {
	t.Helper()
	s, err := Open(path, &Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d, err := s.Export()
	if err != nil {
		t.Fatal(err)
	}
	log, err := s.Audit(AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return len(d.records()), len(log)
}

func copyOrFail(t *testing.T, src, dst string) {
	t.Helper()
	if err := copyFile(src, dst); err != nil {
		t.Fatal(err)
	}
}

// runToEnd runs the helper once to its end and returns how long its work took.
func runToEnd(t *testing.T, path, mode, out string) int {
	t.Helper()
	h := startHelper(t, path, mode, out)
	took := 0
	for line := range h.lines {
		if ms, ok := strings.CutPrefix(line, "done "); ok {
			took, _ = strconv.Atoi(ms)
		}
		if strings.HasPrefix(line, "error") {
			t.Fatal(line)
		}
	}
	h.cmd.Wait()
	if took == 0 {
		took = 1
	}
	return took
}

// killAt starts the helper and kills it (SIGKILL) at the i-th of n slices
// of took ms; it reports whether the work had finished.
func killAt(t *testing.T, r *rand.Rand, i, n, took int, path, mode, out string) bool {
	t.Helper()
	h := startHelper(t, path, mode, out)
	if line := <-h.lines; line != "start" {
		t.Fatalf("helper said %q", line)
	}
	at := (float64(i) + r.Float64()) / float64(n) * 1.2 * float64(took)
	time.Sleep(time.Duration(at * float64(time.Millisecond)))
	h.cmd.Process.Signal(syscall.SIGKILL)
	h.cmd.Wait()
	finished := false
	for line := range h.lines {
		finished = finished || strings.HasPrefix(line, "done")
	}
	return finished
}

// checkOpens opens a file for writing (which removes what a killed
// process left) and checks it: no error.
func checkOpens(t *testing.T, what, path string) {
	t.Helper()
	s, err := Open(path, nil)
	if err != nil {
		t.Fatalf("%s: the file does not open: %v", what, err)
	}
	fs, err := s.Check()
	s.Close()
	if err != nil || len(fs.Errors()) != 0 {
		t.Fatalf("%s: check: %v %v", what, err, fs.Errors())
	}
}

// TestKillDuringBackup kills a process making backups, again and again:
// the data file is sound, a backup under its final name is always whole,
// and the next start removes the half-written ones.
func TestKillDuringBackup(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 11 processes")
	}
	dir := t.TempDir()
	base := filepath.Join(dir, "base.db")
	st, err := Create(base, SyntheticData(killYears, 11))
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	want, _ := countRecords(t, base)
	took := runToEnd(t, base, "backup", filepath.Join(dir, "full-out.db"))
	t.Logf("%d backups of a %d-record file take %d ms", 2*killBackups, want, took)
	r := rand.New(rand.NewPCG(3, 4))
	const kills = 10
	whole := 0
	for i := range kills {
		sub := filepath.Join(dir, fmt.Sprintf("k%02d", i))
		os.Mkdir(sub, 0o755)
		path := filepath.Join(sub, "x.db")
		out := filepath.Join(sub, "out.db")
		copyOrFail(t, base, path)
		killAt(t, r, i, kills, took, path, "backup", out)
		checkOpens(t, fmt.Sprintf("kill %d: the data file", i), path)
		// Open removed this file's half-written backups.
		entries, _ := os.ReadDir(filepath.Join(sub, "backups"))
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".backup-") {
				t.Fatalf("kill %d: %s left in backups/ after the next start", i, e.Name())
			}
		}
		// Every backup that has its final name is whole.
		finals, _ := filepath.Glob(filepath.Join(sub, "backups", "x-*.db"))
		if _, err := os.Stat(out); err == nil {
			finals = append(finals, out)
			whole++
		}
		for _, b := range finals {
			fs, err := CheckFile(b)
			if err != nil || len(fs.Errors()) != 0 {
				t.Fatalf("kill %d: backup %s: %v %v", i, b, err, fs.Errors())
			}
			if n, _ := countRecords(t, b); n != want {
				t.Fatalf("kill %d: backup %s holds %d records, want %d", i, b, n, want)
			}
		}
	}
	t.Logf("%d kills: the user's backup was there %d times", kills, whole)
}

// TestKillDuringRestore kills a process restoring a large backup over a
// small file, again and again: the file opens sound and holds either its
// own data or the backup's, never a mixture, and the copy being checked
// is removed at the next start.
func TestKillDuringRestore(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 11 processes")
	}
	dir := t.TempDir()
	base := createFile(t, filepath.Join(dir, "base.db"), EmptyData())
	src := createFile(t, filepath.Join(dir, "src.db"), SyntheticData(killYears, 11))
	before, _ := countRecords(t, base)
	after, _ := countRecords(t, src)

	full := filepath.Join(dir, "full", "x.db")
	os.Mkdir(filepath.Dir(full), 0o755)
	copyOrFail(t, base, full)
	took := runToEnd(t, full, "restore", src)
	if n, _ := countRecords(t, full); n != after {
		t.Fatalf("a restore run to the end left %d records, want %d", n, after)
	}
	t.Logf("the restore of %d records takes %d ms", after, took)

	r := rand.New(rand.NewPCG(5, 6))
	const kills = 10
	old, restored := 0, 0
	for i := range kills {
		sub := filepath.Join(dir, fmt.Sprintf("k%02d", i))
		os.Mkdir(sub, 0o755)
		path := filepath.Join(sub, "x.db")
		copyOrFail(t, base, path)
		killAt(t, r, i, kills, took, path, "restore", src)
		checkOpens(t, fmt.Sprintf("kill %d", i), path)
		if _, err := os.Stat(path + ".restore"); err == nil {
			t.Fatalf("kill %d: %s.restore left after the next start", i, path)
		}
		switch n, _ := countRecords(t, path); n {
		case before:
			old++
		case after:
			restored++
		default:
			t.Fatalf("kill %d: %d records, want %d (as it was) or %d (restored)", i, n, before, after)
		}
	}
	t.Logf("%d kills: as it was %d times, restored %d times", kills, old, restored)
	if old == 0 {
		t.Fatal("no kill landed before the restore: the test did not test the crash")
	}
}
