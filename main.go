// Command hyeopchi is the desktop program of Seoul's regional governance
// office (협치 사무국): without a command it opens the window; with one it
// runs that command on the database and exits.
package main

import (
	"errors"
	"os"
	"runtime"

	_ "envfix" // first: a UTF-8 locale before Fyne reads it
	"fyne.io/fyne/v2"

	"hyeopchi/store"
	"hyeopchi/ui"
)

// version is set by make dist from git describe.
var version = "dev"

func main() {
	args := os.Args[1:]
	if isCommand(args) {
		attachConsole() // a -H windowsgui build has no console of its own
	}
	os.Exit(run(args, os.Stdout, os.Stderr))
}

// isCommand reports whether args run a command (or ask for help, or are
// wrong) rather than open the window: then the output is for a console.
func isCommand(args []string) bool {
	o, err := parseArgs(args)
	return err != nil || o.help || o.version || len(o.words) > 0
}

// errNoDisplay is returned on a Linux machine without a display.
var errNoDisplay = errors.New("화면(DISPLAY)이 없어 창을 열 수 없습니다. 화면 없이 쓸 수 있는 명령: " + commandNames() + " (hyeopchi --help)")

// runGUI opens the window over the database at path. The file is opened
// before any window, so a second instance stops with the lock message.
func runGUI(path string) error {
	if runtime.GOOS == "linux" && os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return errNoDisplay
	}
	st, err := openStore(path)
	if err != nil {
		return err
	}
	current := st // the window may move to another file (파일 → 열기)
	defer func() { current.Close() }()

	tail := captureLog(os.Stderr)
	a := ui.NewApp("kr.seoul.hyeopchi")
	// the native window is made by Show; without OpenGL it is not, and
	// Fyne would run on with no window, holding the data file
	w, err := newWindow(a, "협치 사무국")
	var u *ui.App
	if err == nil {
		u = ui.Create(a, w, st)
		u.UseNativeDialogs(true)
		u.OnFileChanged(func(s *store.Store) { current = s })
		u.SetDataDirs(ui.DataDirs{Portable: portableDir(), User: userDataDir()})
		w.Resize(ui.WindowSize(a))
		w.SetMaster()
		err = showWindow(w)
	}
	if err != nil {
		// return, so that the deferred Close releases the data file
		e := windowFailed{cause: tail.cause()}
		if e.cause == "" && !errors.Is(err, errNoWindow) {
			e.cause = err.Error()
		}
		what := e.cause
		if what == "" {
			what = "원인 모름"
		}
		e.log = logFailure(path, what, tail)
		return e
	}
	go func() {
		// the day's first backup, then the status line says so
		if _, err := st.DailyBackup(); err != nil {
			fyne.LogError("자동 백업 실패", err)
		}
		fyne.Do(u.RefreshStatus)
	}()
	a.Run()
	return nil
}
