package main

import (
	"bytes"
	"context"
	"errors"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runBin runs the real binary with extra environment; a run that has not
// ended after two minutes is a hang and is killed.
func runBin(t *testing.T, bin string, env []string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), env...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("%s %v still ran after two minutes (it would hold the data file); stderr: %s", bin, args, e.String())
	}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		code = ee.ExitCode()
	default:
		t.Fatal(err)
	}
	return o.String(), e.String(), code
}

// checkWindowFailure asserts the failure's message, its log, and that the
// data file is free afterwards.
func checkWindowFailure(t *testing.T, bin, db, stderr string, code int, cause string) {
	t.Helper()
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr: %s", code, stderr)
	}
	for _, want := range []string{"창을 열 수 없습니다", "원인: ", cause, "그래픽 카드", "원격 데스크톱", "기록: " + filepath.Join(filepath.Dir(db), "hyeopchi.log")} {
		if !strings.Contains(stderr, want) {
			t.Fatalf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	logText, err := os.ReadFile(filepath.Join(filepath.Dir(db), "hyeopchi.log"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(logText), "창을 열지 못함: ") || !strings.Contains(string(logText), cause) {
		t.Fatalf("log: %s", logText)
	}
	// the data file is free: a command opens it at once
	if _, e, code := runBin(t, bin, nil, "list", "plans", "--db", db, "--year", "2016"); code != 0 {
		t.Fatalf("the data file is still held: %d %s", code, e)
	}
}

// A display that cannot be reached (DISPLAY names no server): the program
// says so and ends instead of panicking.
func TestWindowFailsWithoutServer(t *testing.T) {
	bin := hyeopchiBin(t)
	db := filepath.Join(t.TempDir(), "x.db")
	_, e, code := runBin(t, bin, []string{"DISPLAY=:987", "WAYLAND_DISPLAY=", "LANG=C.UTF-8"}, "--db", db)
	checkWindowFailure(t, bin, db, e, code, "not initialized")
}

// No usable OpenGL (Mesa told to offer only OpenGL 1.1, as on a PC without
// a proper driver): Fyne logs the failure and would run on with no window,
// holding the data file. The program ends, names the cause and frees the file.
func TestWindowFailsWithoutOpenGL(t *testing.T) {
	if os.Getenv("DISPLAY") == "" {
		t.Skip("no DISPLAY: make test runs this under xvfb-run")
	}
	bin := hyeopchiBin(t)
	db := filepath.Join(t.TempDir(), "x.db")
	_, e, code := runBin(t, bin, []string{"MESA_GL_VERSION_OVERRIDE=1.1", "LANG=C.UTF-8"}, "--db", db)
	checkWindowFailure(t, bin, db, e, code, "Failed to create context")
}

// copyBin puts the binary in a folder of its own, as a user unpacks it.
func copyBin(t *testing.T, bin, dir string) string {
	t.Helper()
	data, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "hyeopchi")
	if err := os.WriteFile(p, data, 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

// With portable.txt beside the program, the data file and its backups live
// in data/ beside it; without, in the user's data folder.
func TestPortableMode(t *testing.T) {
	src := hyeopchiBin(t)
	home := t.TempDir()
	env := []string{"HYEOPCHI_DB=", "XDG_DATA_HOME=" + home}

	usb := t.TempDir()
	bin := copyBin(t, src, usb)
	if err := os.WriteFile(filepath.Join(usb, portableMarker), []byte("portable"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, e, code := runBin(t, bin, env, "init"); code != 0 {
		t.Fatalf("portable init: %d %s", code, e)
	}
	if _, err := os.Stat(filepath.Join(usb, "data", "hyeopchi.db")); err != nil {
		t.Fatalf("portable mode made no data/hyeopchi.db: %v", err)
	}
	out, e, code := runBin(t, bin, env, "backup", "--out", filepath.Join(usb, "data", "copy.db"))
	if code != 0 {
		t.Fatalf("backup: %d %s %s", code, e, out)
	}
	if _, err := os.Stat(filepath.Join(home, "hyeopchi")); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("portable mode touched the user's data folder: %v", err)
	}

	plain := copyBin(t, src, t.TempDir())
	if _, e, code := runBin(t, plain, env, "init"); code != 0 {
		t.Fatalf("init: %d %s", code, e)
	}
	if _, err := os.Stat(filepath.Join(home, "hyeopchi", "hyeopchi.db")); err != nil {
		t.Fatalf("without the marker the data file belongs in the user's data folder: %v", err)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(plain), "data")); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("without the marker no data/ beside the program: %v", err)
	}
}

// A command, help, --version or a wrong command line writes to a console
// (on Windows the program attaches to the one it was started from); the
// window does not, so closing that console cannot end it.
func TestIsCommand(t *testing.T) {
	for _, c := range []struct {
		args []string
		want bool
	}{
		{nil, false},
		{[]string{"--db", `C:\협치 자료\x.db`}, false},
		{[]string{"list", "plans"}, true},
		{[]string{"--db", "x.db", "check"}, true},
		{[]string{"--help"}, true},
		{[]string{"--version"}, true},
		{[]string{"--nope"}, true},
	} {
		if got := isCommand(c.args); got != c.want {
			t.Errorf("isCommand(%q) = %v, want %v", c.args, got, c.want)
		}
	}
}

// The log tail keeps the driver's cause even when stderr fails, as it does
// for a window program on Windows, which has none.
func TestLogTailWithoutStderr(t *testing.T) {
	defer log.SetOutput(os.Stderr)
	closed, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	closed.Close()
	tail := captureLog(closed)
	log.Println("Fyne error:  window creation error")
	log.Println("  Cause: VersionUnavailable: WGL: Failed to create OpenGL context")
	if got := tail.cause(); got != "VersionUnavailable: WGL: Failed to create OpenGL context" {
		t.Fatalf("cause %q", got)
	}
}
