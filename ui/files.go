package ui

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"
)

const prefLastDir = "lastDir"

// rememberDir sets a file dialog to the last folder used and keeps the new one.
func (e *env) startDir() fyne.ListableURI {
	dir := e.app.Preferences().String(prefLastDir)
	if dir == "" {
		return nil
	}
	u, err := storage.ListerForURI(storage.NewFileURI(dir))
	if err != nil {
		return nil
	}
	return u
}

func (e *env) keepDir(path string) { e.app.Preferences().SetString(prefLastDir, filepath.Dir(path)) }

// saveFile asks where to save, starting in the last folder used, and calls
// fn with the chosen path.
func (e *env) saveFile(name string, exts []string, fn func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		e.keepDir(path)
		fn(path)
	}, e.win)
	d.SetFileName(name)
	if len(exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(exts))
	}
	if l := e.startDir(); l != nil {
		d.SetLocation(l)
	}
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

// openFile asks for a file to open, starting in the last folder used.
func (e *env) openFile(exts []string, fn func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		e.keepDir(path)
		fn(path)
	}, e.win)
	if len(exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(exts))
	}
	if l := e.startDir(); l != nil {
		d.SetLocation(l)
	}
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

func (u *App) backupDialog() {
	e := u.env
	name := "hyeopchi-backup-" + e.st.Now().Format("20060102-1504") + ".db"
	e.saveFile(name, []string{".db"}, func(path string) {
		if err := e.st.BackupTo(path); err != nil {
			e.showError(err)
			return
		}
		u.updateStatus()
		dialog.ShowInformation("백업", "백업했습니다:\n"+path, e.win)
	})
}

// restoreFrom replaces the data with the file at path (the store checks it
// first and keeps the current data in backups/) and shows the result.
func (u *App) restoreFrom(path string) error {
	if err := u.env.st.Restore(path); err != nil {
		return err
	}
	u.refreshCurrent()
	u.updateStatus()
	return nil
}

// backupLine is how the restore dialog lists a backup.
func backupLine(b store.BackupInfo) string {
	return fmt.Sprintf("%s   %s   %s KB", b.When.Format("2006-01-02 15:04:05"), b.ReasonLabel(), store.Money((b.Size+1023)/1024))
}

// restoreDialog lists the automatic backups by date, newest first, and
// offers another file; either is restored after a confirmation.
func (u *App) restoreDialog() {
	e := u.env
	bs, err := e.st.Backups()
	if err != nil {
		e.showError(err)
		return
	}
	var d dialog.Dialog
	restore := func(path string) {
		dialog.ShowConfirm("복원", fmt.Sprintf("%s 의 자료로 바꿉니다.\n먼저 파일을 점검하고, 지금 자료는 backups 폴더에 백업해 둡니다. 계속할까요?", filepath.Base(path)), func(ok bool) {
			if !ok {
				return
			}
			if err := u.restoreFrom(path); err != nil {
				dialog.ShowError(fmt.Errorf("%w\n지금 자료는 그대로입니다", err), e.win)
				return
			}
			if d != nil {
				d.Hide()
			}
			dialog.ShowInformation("복원", "복원했습니다:\n"+path, e.win)
		}, e.win)
	}
	list := widget.NewList(func() int { return len(bs) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(backupLine(bs[i])) })
	list.OnSelected = func(i widget.ListItemID) {
		list.UnselectAll()
		restore(bs[i].Path)
	}
	other := widget.NewButton("다른 파일에서…", func() { e.openFile([]string{".db"}, restore) })
	head := widget.NewLabel(fmt.Sprintf("자동 백업 (%s, 최근 %d개) — 고르면 그 자료로 복원합니다.", e.st.BackupDir(), store.KeepBackups))
	head.Wrapping = fyne.TextWrapWord
	var body fyne.CanvasObject = list
	if len(bs) == 0 {
		body = widget.NewLabel("자동 백업이 아직 없습니다.")
	}
	d = dialog.NewCustom("복원할 백업 고르기", "닫기", container.NewBorder(head, other, nil, nil, body), e.win)
	d.Resize(fyne.NewSize(720, 480))
	d.Show()
}
