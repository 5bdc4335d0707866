package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// hyeopchiBin builds the real binary once per test run.
func hyeopchiBin(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "hyeopchi-bin")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "hyeopchi")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = &buildError{out: string(out), err: err}
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

type buildError struct {
	out string
	err error
}

func (e *buildError) Error() string { return e.err.Error() + "\n" + e.out }

// initWithBinary makes x.db in dir with the built binary's init, as a
// coordinator's first start does, and returns its path.
func initWithBinary(t *testing.T, bin, dir string) string {
	t.Helper()
	db := filepath.Join(dir, "x.db")
	if out, err := exec.Command(bin, "init", "--db", db).CombinedOutput(); err != nil {
		t.Fatalf("init: %v %s", err, out)
	}
	return db
}

func runCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return o.String(), e.String(), code
}

func TestInitAndListPlans(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	if _, e, code := runCLI(t, "init", "--db", db); code != 0 {
		t.Fatalf("init: %d %s", code, e)
	}
	out, e, code := runCLI(t, "list", "plans", "--db", db, "--year", "2016", "--json")
	if code != 0 {
		t.Fatalf("list: %d %s", code, e)
	}
	var plans []map[string]any
	if err := json.Unmarshal([]byte(out), &plans); err != nil {
		t.Fatal(err)
	}
	if len(plans) != 8 {
		t.Fatalf("%d plans, want 8", len(plans))
	}
	var sum float64
	for _, p := range plans {
		sum += p["amount"].(float64)
		for _, k := range []string{"district", "year", "stage", "support", "start", "end", "months", "amount", "tft_civil", "tft_council", "tft_official", "tft_total", "fields"} {
			if _, ok := p[k]; !ok {
				t.Fatalf("plan lacks key %q: %v", k, p)
			}
		}
		if p["district"] == "관악구" {
			if p["tft_total"].(float64) != 23 || p["tft_civil"].(float64) != 14 || p["tft_council"].(float64) != 0 || p["tft_official"].(float64) != 9 {
				t.Fatalf("관악구 TFT: %v", p)
			}
			if p["start"] != "2016-11-01" || p["end"] != "2017-08-31" {
				t.Fatalf("관악구 dates: %v %v", p["start"], p["end"])
			}
			if _, ok := p["fields"].([]any); !ok {
				t.Fatalf("fields not an array: %v", p["fields"])
			}
		}
	}
	if sum != 1145622 {
		t.Fatalf("amounts sum to %v, want 1145622", sum)
	}
}

func TestListPlatformsFlagsAnywhere(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	t.Setenv("HYEOPCHI_DB", db)
	if _, e, code := runCLI(t, "init"); code != 0 {
		t.Fatalf("init via HYEOPCHI_DB: %s", e)
	}
	out, e, code := runCLI(t, "--json", "list", "--year", "2016", "platforms")
	if code != 0 {
		t.Fatal(e)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	districts := map[any]bool{}
	lead := false
	for _, r := range rows {
		districts[r["district"]] = true
		if r["district"] == "강북구" && r["role"] == "대표 단체" && r["org"] == "강북마을모임" && r["rep"] == "김성훈" {
			lead = true
		}
	}
	if len(districts) != 9 || !lead {
		t.Fatalf("%d districts, 강북구 lead found %v", len(districts), lead)
	}
	text, _, _ := runCLI(t, "list", "platforms", "--year=2016", "--district", "강북")
	if !strings.Contains(text, "강북마을모임") || strings.Contains(text, "관악주민연대") {
		t.Fatalf("text list for 강북:\n%s", text)
	}
}

func TestUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	for _, args := range [][]string{
		{"frobnicate", "--db", db},
		{"list", "--db", db},
		{"list", "widgets", "--db", db},
		{"list", "plans", "--bogus", "--db", db},
		{"list", "plans", "--year", "이천십칠", "--db", db},
		{"list", "plans", "--district", "부산", "--db", db},
		{"init", "--empty", "--synthetic", "2", "--db", db},
	} {
		_, e, code := runCLI(t, args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
		if !strings.Contains(e, "사용법") {
			t.Errorf("%v: no usage on stderr: %s", args, e)
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Fatal("a wrong command created the database")
	}
}

func TestInitRefusesExistingAndCheckPasses(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	runCLI(t, "init", "--db", db)
	_, e, code := runCLI(t, "init", "--db", db)
	if code != 1 || !strings.Contains(e, "이미 있는 파일") {
		t.Fatalf("second init: %d %s", code, e)
	}
	out, e, code := runCLI(t, "check", "--db", db)
	if code != 0 {
		t.Fatalf("check on the seeded file: %d %s %s", code, out, e)
	}
}

func TestBackupRestoreGivesSameList(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	runCLI(t, "init", "--db", db)
	before, _, _ := runCLI(t, "list", "plans", "--json", "--db", db)
	bak := filepath.Join(dir, "b.db")
	if _, e, code := runCLI(t, "backup", "--out", bak, "--db", db); code != 0 {
		t.Fatal(e)
	}
	other := filepath.Join(dir, "y.db")
	runCLI(t, "init", "--empty", "--db", other)
	if _, e, code := runCLI(t, "restore", bak, "--db", other); code != 0 {
		t.Fatal(e)
	}
	after, _, _ := runCLI(t, "list", "plans", "--json", "--db", other)
	if before != after || !strings.Contains(after, "관악구") {
		t.Fatalf("restored list differs:\n%s\n---\n%s", before, after)
	}
}

// TestWindowUnderXvfb starts the real binary, finds its window by its
// Hangul title, and checks that a second instance on the same file stops
// within two seconds with the lock message while the first keeps running.
func TestWindowUnderXvfb(t *testing.T) {
	if os.Getenv("DISPLAY") == "" {
		t.Skip("no DISPLAY: make test runs this under xvfb-run")
	}
	if _, err := exec.LookPath("xdotool"); err != nil {
		t.Fatal("xdotool is needed for the window test (.ci/deps installs it)")
	}
	bin := hyeopchiBin(t)
	db := initWithBinary(t, bin, t.TempDir())
	gui := exec.Command(bin, "--db", db)
	gui.Env = append(os.Environ(), "LANG=C.UTF-8")
	var guiErr bytes.Buffer
	gui.Stderr = &guiErr
	if err := gui.Start(); err != nil {
		t.Fatal(err)
	}
	defer gui.Process.Kill()
	var id string
	for i := 0; i < 600 && id == ""; i++ {
		out, _ := exec.Command("xdotool", "search", "--name", "협치 사무국").Output()
		id = strings.TrimSpace(string(out))
		if id == "" {
			time.Sleep(100 * time.Millisecond)
		}
	}
	if id == "" {
		t.Fatalf("no window titled 협치 사무국 appeared; stderr: %s", guiErr.String())
	}
	name, _ := exec.Command("xdotool", "getwindowname", strings.Fields(id)[0]).Output()
	if !strings.Contains(string(name), "협치 사무국 — x.db") {
		t.Fatalf("window name %q", name)
	}
	second := exec.Command(bin, "--db", db)
	var e2 bytes.Buffer
	second.Stderr = &e2
	start := time.Now()
	err := second.Run()
	took := time.Since(start)
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
		t.Fatalf("second instance: %v, stderr %s", err, e2.String())
	}
	if !strings.Contains(e2.String(), "데이터 파일이 다른 프로그램에서 사용 중입니다: "+db) {
		t.Fatalf("second instance said %q", e2.String())
	}
	if took > 5*time.Second { // a hang, not a timing assertion: the lock waits 1 s
		t.Fatalf("second instance took %v to give up", took)
	}
	if gui.ProcessState != nil {
		t.Fatal("the first instance stopped")
	}
	if err := gui.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
}

func TestNoDisplayMessage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	_, e, code := runCLI(t, "--db", db)
	if code != 1 || !strings.Contains(e, "화면(DISPLAY)이 없어") || !strings.Contains(e, "list") {
		t.Fatalf("no display: %d %q", code, e)
	}
}

var (
	binOnce sync.Once
	binPath string
	binErr  error
)
