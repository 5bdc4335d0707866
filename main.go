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

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// errNoDisplay is returned on a Linux machine without a display.
var errNoDisplay = errors.New("화면(DISPLAY)이 없어 창을 열 수 없습니다. 화면 없이 쓸 수 있는 명령: init, import, list, export, template, backup, restore, check, search, bundle (hyeopchi --help)")

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

	a := ui.NewApp("kr.seoul.hyeopchi")
	w := a.NewWindow("협치 사무국")
	u := ui.Create(a, w, st)
	u.OnFileChanged(func(s *store.Store) { current = s })
	go func() {
		// the day's first backup, then the status line says so
		if _, err := st.DailyBackup(); err != nil {
			fyne.LogError("자동 백업 실패", err)
		}
		fyne.Do(u.RefreshStatus)
	}()
	w.Resize(fyne.NewSize(1280, 800))
	w.SetMaster()
	w.ShowAndRun()
	return nil
}
