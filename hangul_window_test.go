package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"hyeopchi/ui/xtest"
)

// TestHangulTypedInRealWindow is a coordinator typing Korean into the real
// window: ibus-hangul over XIM on a display of its own, the program started
// with no locale set (a fresh account), 협치회의 typed as 두벌식 keys into
// the name of a new budget line (Ctrl+5, Ctrl+N), saved with Ctrl+S, the
// window closed with 파일 → 끝내기, and the line read back with
// `list budget --json`.
func TestHangulTypedInRealWindow(t *testing.T) {
	for _, c := range []string{"Xvfb", "xdotool", "ibus-daemon", "ibus", "dbus-daemon", "gsettings"} {
		if _, err := exec.LookPath(c); err != nil {
			t.Skipf("%s missing: .ci/deps installs xvfb xdotool ibus ibus-hangul dbus libglib2.0-bin", c)
		}
	}
	if _, err := os.Stat("/usr/share/ibus/component/hangul.xml"); err != nil {
		t.Skip("ibus-hangul missing: .ci/deps installs it")
	}
	bin := hyeopchiBin(t)
	dir := t.TempDir()
	db := initWithBinary(t, bin, dir)
	before := budgetLines(t, bin, db)

	env, imeEnv := startHangulDesktop(t, dir)
	w := startRealWindow(t, bin, db, env)
	w.typeBudgetLine(t, imeEnv)
	w.quitByMenu(t)
	if strings.Contains(w.stderr.String(), "locale") {
		t.Errorf("stderr speaks of the locale: %s", w.stderr.String())
	}

	after := budgetLines(t, bin, db)
	if len(after) != len(before)+1 {
		t.Fatalf("%d budget lines before, %d after; stderr: %s", len(before), len(after), w.stderr.String())
	}
	found := false
	for _, l := range after {
		found = found || l == "협치회의"
	}
	if !found {
		t.Fatalf("no line 협치회의 after typing it; lines: %q", after)
	}
}

// startHangulDesktop starts the desktop: a display, a session bus, ibus
// with its Hangul engine starting in Hangul mode. It returns the
// program's environment, with no locale set at all, and the input
// method's, which runs in a UTF-8 locale as a desktop session's does.
func startHangulDesktop(t *testing.T, dir string) (env, imeEnv []string) {
	t.Helper()
	env = []string{"XDG_CONFIG_HOME=" + filepath.Join(dir, "config"), "XDG_CACHE_HOME=" + filepath.Join(dir, "cache")}
	for _, kv := range os.Environ() {
		switch strings.SplitN(kv, "=", 2)[0] {
		case "LC_ALL", "LC_CTYPE", "LC_MESSAGES", "LANG", "LANGUAGE", "DISPLAY", "DBUS_SESSION_BUS_ADDRESS",
			"XMODIFIERS", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "HYEOPCHI_DB":
		default:
			env = append(env, kv)
		}
	}
	env = append(env, "DISPLAY="+xtest.Display(t, "1600x1000x24"), "XMODIFIERS=@im=ibus")
	env = append(env, "DBUS_SESSION_BUS_ADDRESS="+startSessionBus(t, env))
	imeEnv = append(env[:len(env):len(env)], "LC_ALL=C.UTF-8")
	runTool(t, imeEnv, "gsettings", "set", "org.freedesktop.ibus.engine.hangul", "initial-input-mode", "hangul")
	runTool(t, imeEnv, "ibus-daemon", "-drx", "--panel=disable")
	t.Cleanup(func() {
		cmd := exec.Command("ibus", "exit")
		cmd.Env = imeEnv
		cmd.Run()
	})
	for i := 0; ; i++ { // until the daemon answers
		cmd := exec.Command("ibus", "engine", "hangul")
		cmd.Env = imeEnv
		if cmd.Run() == nil {
			break
		}
		if i == 100 {
			t.Fatal("ibus-daemon did not start")
		}
		time.Sleep(100 * time.Millisecond)
	}
	time.Sleep(time.Second) // its XIM server (ibus-x11) comes up beside it
	return env, imeEnv
}

// runTool runs a helper program of the desktop; its failure ends the test.
func runTool(t *testing.T, env []string, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Env = env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v %s", name, strings.Join(args, " "), err, out)
	}
}

// realWindow is the program running with its window shown.
type realWindow struct {
	env    []string
	id     string        // the window's X id
	stderr *bytes.Buffer // the program's
	exited chan error    // the program's end
}

// startRealWindow starts the program on db and waits for its window.
func startRealWindow(t *testing.T, bin, db string, env []string) *realWindow {
	t.Helper()
	gui := exec.Command(bin, "--db", db)
	gui.Env = env
	w := &realWindow{env: env, stderr: new(bytes.Buffer), exited: make(chan error, 1)}
	gui.Stdout, gui.Stderr = new(bytes.Buffer), w.stderr
	if err := gui.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { w.exited <- gui.Wait() }()
	t.Cleanup(func() { gui.Process.Kill() })
	for i := 0; i < 600 && w.id == ""; i++ {
		if w.id = w.xdo("search", "--name", "협치 사무국"); w.id == "" {
			time.Sleep(100 * time.Millisecond)
		}
	}
	if w.id == "" {
		t.Fatalf("no window titled 협치 사무국; stderr: %s", w.stderr.String())
	}
	w.id = strings.Fields(w.id)[0]
	time.Sleep(time.Second) // the first frame
	return w
}

// xdo runs xdotool on the window's display and returns what it prints.
func (w *realWindow) xdo(args ...string) string {
	cmd := exec.Command("xdotool", args...)
	cmd.Env = w.env
	out, _ := cmd.Output() // a key that was not taken shows in the lines read back
	return strings.TrimSpace(string(out))
}

// typeBudgetLine types 협치회의 as 두벌식 keys into a new budget line's
// name and saves it.
func (w *realWindow) typeBudgetLine(t *testing.T, imeEnv []string) {
	t.Helper()
	w.xdo("windowfocus", w.id)
	time.Sleep(300 * time.Millisecond)
	w.xdo("key", "ctrl+5") // 예산·일정
	time.Sleep(500 * time.Millisecond)
	w.xdo("key", "ctrl+n") // a new line, the cursor in 구분
	time.Sleep(500 * time.Millisecond)
	runTool(t, imeEnv, "ibus", "engine", "hangul")
	w.xdo("type", "--delay", "100", "guqclghldml") // 협치회의
	time.Sleep(400 * time.Millisecond)
	w.xdo("key", "ctrl+s")
	time.Sleep(1500 * time.Millisecond)
}

// quitByMenu closes the window with 파일 → 끝내기 (the menu's first
// title, then its last item) and waits for the program to end well.
func (w *realWindow) quitByMenu(t *testing.T) {
	t.Helper()
	w.xdo("mousemove", "--window", w.id, "25", "12", "click", "1")
	time.Sleep(500 * time.Millisecond)
	w.xdo("key", "Up")
	time.Sleep(300 * time.Millisecond)
	w.xdo("key", "Return")
	select {
	case err := <-w.exited:
		if err != nil {
			t.Fatalf("the program ended with %v; stderr: %s", err, w.stderr.String())
		}
	case <-time.After(20 * time.Second): // a hang, not a timing assertion
		t.Fatalf("the window did not close with 파일 → 끝내기; stderr: %s", w.stderr.String())
	}
}

// budgetLines is the names `list budget --json` gives.
func budgetLines(t *testing.T, bin, db string) []string {
	t.Helper()
	out, err := exec.Command(bin, "list", "budget", "--db", db, "--json").Output()
	if err != nil {
		t.Fatalf("list budget: %v", err)
	}
	var rows []struct {
		Line string `json:"line"`
	}
	if err := json.Unmarshal(out, &rows); err != nil {
		t.Fatalf("list budget --json: %v\n%s", err, out)
	}
	var names []string
	for _, r := range rows {
		names = append(names, r.Line)
	}
	return names
}

// startSessionBus starts a D-Bus session bus of its own (ibus and its
// settings live there) and returns its address.
func startSessionBus(t *testing.T, env []string) string {
	t.Helper()
	d := exec.Command("dbus-daemon", "--session", "--nofork", "--print-address=1")
	d.Env = env
	out, err := d.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		d.Process.Kill()
		d.Wait()
	})
	return xtest.FirstLine(t, out, "dbus-daemon")
}

// Whatever locale the machine has, Korean messages go to stderr alone: no
// "Fyne error: Error parsing user locale" beside them.
func TestStderrCleanInEveryLocale(t *testing.T) {
	bin := hyeopchiBin(t)
	db := initWithBinary(t, bin, t.TempDir())
	var base []string
	for _, kv := range os.Environ() {
		switch strings.SplitN(kv, "=", 2)[0] {
		case "LC_ALL", "LC_CTYPE", "LC_MESSAGES", "LANG", "LANGUAGE":
		default:
			base = append(base, kv)
		}
	}
	for _, loc := range [][]string{nil, {"LANG=C"}, {"LANG=C.UTF-8"}, {"LANG=en_US.UTF-8"}, {"LANG=ko_KR.UTF-8"}, {"LC_ALL=C"}, {"LC_ALL=POSIX"}} {
		for _, args := range [][]string{{"list", "budget", "--db", db, "--json"}, {"list", "nosuch", "--db", db}} {
			cmd := exec.Command(bin, args...)
			cmd.Env = append(base[:len(base):len(base)], loc...)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			cmd.Run()
			want := ""
			if args[1] == "nosuch" {
				want = "hyeopchi: 알 수 없는 목록 종류: nosuch\n"
			}
			got := stderr.String()
			if want == "" && got != "" || !strings.HasPrefix(got, want) || strings.Contains(got, "Fyne") || strings.Contains(got, "locale") {
				t.Errorf("%v %v: stderr %q", loc, args, got)
			}
		}
	}
}
