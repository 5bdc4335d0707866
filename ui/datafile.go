package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/dialog"

	"hyeopchi/store"
)

// The 파일 menu's 새 파일 and 열기: the window moves to another data file.

// OnFileChanged registers fn to hear of the data file the window moved to
// (the caller closes the last one at exit).
func (u *App) OnFileChanged(fn func(*store.Store)) { u.fileChanged = fn }

// newFileDialog asks where to make a new data file holding the plan's data.
func (u *App) newFileDialog() {
	e := u.env
	e.saveFile("hyeopchi.db", []string{".db"}, func(path string) {
		if !strings.EqualFold(filepath.Ext(path), ".db") {
			path += ".db"
		}
		if _, err := os.Stat(path); err == nil {
			e.showError(errors.New("이미 있는 파일입니다: " + path + " (열려면 파일 → 열기를 쓰세요)"))
			return
		}
		st, err := store.Create(path, store.SeedData())
		if err != nil {
			e.showError(err)
			return
		}
		u.switchTo(st)
	})
}

// openFileDialog asks for a data file to open instead of this one.
func (u *App) openFileDialog() {
	u.env.openFile([]string{".db"}, u.OpenFile)
}

// OpenFile moves the window to the data file at path. A file another
// program holds, or one that is not a data file, is refused with the
// reason, and the window stays on its file.
func (u *App) OpenFile(path string) {
	if filepath.Clean(path) == filepath.Clean(u.env.st.Path()) {
		return
	}
	st, err := store.Open(path, nil)
	if err != nil {
		u.env.showError(err)
		return
	}
	u.switchTo(st)
}

// switchTo rebuilds the window over st and closes the file it had.
func (u *App) switchTo(st *store.Store) {
	old := u.env.st
	if f := u.env.active; f != nil && f.dirty {
		f.leave(func() { u.switchTo(st) })
		return
	}
	next := Create(u.env.app, u.env.win, st)
	next.env.native = u.env.native
	next.fileChanged = u.fileChanged
	if next.fileChanged != nil {
		next.fileChanged(st)
	}
	if err := old.Close(); err != nil {
		dialog.ShowError(err, u.env.win)
	}
}
