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
	d := SyntheticData(killYears, 11)
	s, err := Open(path, nil)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	fmt.Println("start")
	began := time.Now()
	if _, err := s.Load(d, "합성 자료"); err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	fmt.Println("done", time.Since(began).Milliseconds())
	s.Close()
	os.Exit(0)
}

// TestKillDuringImport kills (SIGKILL) a process in the middle of a large
// import, again and again, each time on a fresh copy of a file, then opens
// the file: check finds no error, and the import is either whole or absent.
func TestKillDuringImport(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 21 processes")
	}
	dir := t.TempDir()
	base := filepath.Join(dir, "base.db")
	st, err := Create(base, EmptyData())
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	baseCount, baseAudit := countRecords(t, base)
	d := SyntheticData(killYears, 11)
	whole := baseCount + len(d.records()) - len(d.Districts) // districts replace theirs

	// One run to the end measures how long the import takes here.
	path := filepath.Join(dir, "full.db")
	copyOrFail(t, base, path)
	helper := startHelper(t, path)
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
	t.Logf("the import of %d records takes %d ms", whole-baseCount, took)

	r := rand.New(rand.NewPCG(1, 2))
	absent, complete, finished := 0, 0, 0
	const kills = 20
	for i := range kills {
		path := filepath.Join(dir, fmt.Sprintf("kill-%02d.db", i))
		copyOrFail(t, base, path)
		h := startHelper(t, path)
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

		s, err := Open(path, nil)
		if err != nil {
			t.Fatalf("kill %d: the file does not open: %v", i, err)
		}
		fs, err := s.Check()
		s.Close()
		if err != nil || len(fs.Errors()) != 0 {
			t.Fatalf("kill %d: check: %v %v", i, err, fs.Errors())
		}
		n, audit := countRecords(t, path)
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

type helperProc struct {
	cmd   *exec.Cmd
	lines chan string
}

func startHelper(t *testing.T, path string) helperProc {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), killHelperEnv+"="+path)
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
