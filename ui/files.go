package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"
	"hyeopchi/ui/field"
	"hyeopchi/ui/osdialog"

	"hyeopchi/store/value"
)

const prefLastDir = "lastDir"

// startDir is the folder a file dialog opens in: the last one used, else
// the home folder.
func (e *env) startDir() string {
	if dir := e.app.Preferences().String(prefLastDir); dir != "" {
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			return dir
		}
	}
	home, _ := os.UserHomeDir()
	return home
}

func (e *env) keepDir(path string) { e.app.Preferences().SetString(prefLastDir, filepath.Dir(path)) }

// filterOf names the files a dialog shows.
func filterOf(exts []string) osdialog.Filter {
	names := map[string]string{".pdf": "PDF 파일", ".xlsx": "엑셀 파일", ".db": "데이터 파일", ".csv": "CSV 파일", ".zip": "압축 파일"}
	var ls []string
	seen := map[string]bool{}
	for _, x := range exts {
		x = strings.ToLower(x)
		if !seen[x] {
			seen[x] = true
			ls = append(ls, x)
		}
	}
	f := osdialog.Filter{Exts: ls}
	switch {
	case len(ls) == 1 && names[ls[0]] != "":
		f.Name = names[ls[0]]
	case len(ls) > 0:
		f.Name = "자치구 파일"
	}
	return f
}

// saveFile asks where to save, starting in the last folder used, and calls
// fn with the chosen path (the system's own dialog where there is one).
func (e *env) saveFile(name string, exts []string, fn func(path string)) {
	e.fileDialog(true, name, exts, fn)
}

// openFile asks for a file to open, starting in the last folder used.
func (e *env) openFile(exts []string, fn func(path string)) {
	e.fileDialog(false, "", exts, fn)
}

func (e *env) fileDialog(save bool, name string, exts []string, fn func(path string)) {
	done := func(path string) {
		path = filepath.FromSlash(path)
		e.keepDir(path)
		fn(path)
	}
	if e.picker != nil { // one file dialog at a time
		e.picker.focusLocation()
		return
	}
	if !e.native || !osdialog.Available() {
		newPicker(e, save, name, exts, done, "")
		return
	}
	if !e.nativeOpen.CompareAndSwap(false, true) {
		return // the system's dialog is already up
	}
	title, dir, filter := "열기", e.startDir(), filterOf(exts)
	if save {
		title = "저장"
	}
	go func() {
		defer e.nativeOpen.Store(false)
		var path string
		var err error
		if save {
			path, err = osdialog.Save(title, dir, name, filter)
		} else {
			path, err = osdialog.Open(title, dir, filter)
		}
		fyne.Do(func() {
			switch {
			case errors.Is(err, osdialog.ErrCancelled):
			case err != nil: // the program's own dialog then, saying why
				newPicker(e, save, name, exts, done, "시스템 파일 창을 열 수 없어 이 창을 씁니다 ("+err.Error()+")")
			default:
				done(path)
			}
		})
	}()
}

// picker is the window's own file dialog, where the system has none: a
// 위치 box that takes a typed or pasted path (Ctrl+L goes there), a side
// bar of the usual folders, the folder's subfolders and matching files,
// and for saving a 파일 이름 box that also takes a full path. What goes
// wrong is said in the dialog.
type picker struct {
	e     *env
	save  bool
	exts  []string
	dir   string
	items []pickItem
	loc   *field.Entry
	name  *field.Entry
	list  *widget.List
	msg   *widget.Label
	ok    *widget.Button
	d     *dialog.CustomDialog
	done  func(string)
}

type pickItem struct {
	name string
	dir  bool
}

// newPicker shows the dialog; note, if not "", is said first.
func newPicker(e *env, save bool, name string, exts []string, done func(string), note string) *picker {
	p := &picker{e: e, save: save, done: done}
	for _, x := range exts {
		p.exts = append(p.exts, strings.ToLower(x))
	}
	p.msg = widget.NewLabel("")
	p.msg.Wrapping = fyne.TextWrapWord
	p.msg.Importance = widget.DangerImportance
	p.loc = field.NewEntry()
	p.loc.SetPlaceHolder("폴더나 파일의 경로를 쓰거나 붙여 넣고 Enter")
	p.loc.OnSubmitted = func(s string) { p.goTo(s) }
	p.makeList()
	up := widget.NewButtonWithIcon("위로", theme.MoveUpIcon(), func() { p.setDir(filepath.Dir(p.dir)) })
	top := container.NewBorder(nil, nil, widget.NewLabel("위치"), up, p.loc)
	side := p.sideBar()
	title := "파일 열기"
	if save {
		title = "저장할 곳"
	}
	bottom := p.bottom(name, exts)
	body := container.NewBorder(top, bottom, container.NewBorder(nil, nil, nil, widget.NewSeparator(), side), nil, p.list)
	p.d = dialog.NewCustomWithoutButtons(title, body, e.win)
	e.picker = p
	winSize := e.win.Canvas().Size()
	p.d.Resize(fyne.NewSize(fyne.Min(820, winSize.Width-40), fyne.Min(560, winSize.Height-40)))
	p.d.Show()
	p.setDir(e.startDir())
	if note != "" {
		p.say(note)
	}
	if save {
		e.win.Canvas().Focus(p.name)
	} else {
		e.win.Canvas().Focus(p.loc)
	}
	return p
}

// makeList makes the list of the folder's subfolders and files: a tap
// opens a folder, or chooses a file (its name, when saving).
func (p *picker) makeList() {
	p.list = widget.NewList(func() int { return len(p.items) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewIcon(theme.FolderIcon()), nil, l)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			it := p.items[i]
			c.Objects[0].(*widget.Label).SetText(it.name)
			icon := theme.FileIcon()
			if it.dir {
				icon = theme.FolderIcon()
			}
			c.Objects[1].(*widget.Icon).SetResource(icon)
		})
	p.list.OnSelected = func(i widget.ListItemID) {
		it := p.items[i]
		path := filepath.Join(p.dir, it.name)
		if it.dir {
			p.list.UnselectAll()
			p.setDir(path)
			return
		}
		if p.save {
			p.name.SetText(it.name)
		} else {
			p.loc.SetText(path)
		}
	}
}

// sideBar is the list of the usual folders; a tap goes there.
func (p *picker) sideBar() fyne.CanvasObject {
	places := p.places()
	side := widget.NewList(func() int { return len(places) },
		func() fyne.CanvasObject { return widget.NewLabel("바탕 화면") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(places[i].label) })
	side.OnSelected = func(i widget.ListItemID) {
		side.UnselectAll()
		p.setDir(places[i].path)
	}
	return side
}

// bottom is the dialog's foot: what went wrong, the 파일 이름 box when
// saving (name in it), the files shown, and 취소 and 열기 or 저장.
func (p *picker) bottom(name string, exts []string) fyne.CanvasObject {
	label := "열기"
	if p.save {
		label = "저장"
	}
	p.ok = widget.NewButton(label, p.confirm)
	p.ok.Importance = widget.HighImportance
	cancel := widget.NewButton("취소", func() { p.close() })
	bottom := container.NewVBox(p.msg)
	if p.save {
		p.name = field.NewEntry()
		p.name.SetText(name)
		p.name.OnSubmitted = func(string) { p.confirm() }
		p.name.OnEscape = p.close
		bottom.Add(container.NewBorder(nil, nil, widget.NewLabel("파일 이름"), nil, p.name))
	}
	p.loc.OnEscape = p.close
	if f := filterOf(exts); f.Name != "" {
		bottom.Add(widget.NewLabel("보이는 파일: " + f.Name + " (" + strings.Join(f.Exts, ", ") + ")"))
	}
	bottom.Add(container.NewHBox(layout.NewSpacer(), cancel, p.ok))
	return bottom
}

type place struct{ label, path string }

// places are the side bar's folders, by their Korean names.
func (p *picker) places() []place {
	var out []place
	home, _ := os.UserHomeDir()
	seen := map[string]bool{}
	add := func(label, path string) {
		if seen[filepath.Clean(path)] {
			return
		}
		seen[filepath.Clean(path)] = true
		if fi, err := os.Stat(path); err == nil && fi.IsDir() {
			out = append(out, place{label, path})
		}
	}
	if home != "" {
		add("홈", home)
		for _, d := range [][2]string{{"바탕 화면", "Desktop"}, {"바탕 화면", "바탕화면"}, {"문서", "Documents"}, {"문서", "문서"}, {"다운로드", "Downloads"}, {"다운로드", "다운로드"}} {
			if len(out) > 0 && out[len(out)-1].label == d[0] {
				continue
			}
			add(d[0], filepath.Join(home, d[1]))
		}
	}
	if runtime.GOOS == "windows" {
		for c := 'A'; c <= 'Z'; c++ {
			add(fmt.Sprintf("%c: 드라이브", c), fmt.Sprintf("%c:\\", c))
		}
	} else {
		add("컴퓨터 (/)", "/")
	}
	// The folder last used goes first, unless it is one of the above.
	if last := p.e.app.Preferences().String(prefLastDir); last != "" && !seen[filepath.Clean(last)] {
		n := len(out)
		add("최근 폴더", last)
		if len(out) > n {
			out = append(out[n:], out[:n]...)
		}
	}
	return out
}

// setDir shows the folder dir.
func (p *picker) setDir(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		p.say(fmt.Sprintf("폴더를 열 수 없습니다: %s (%s)", dir, osReason(err)))
		return
	}
	p.dir = dir
	p.items = p.items[:0]
	var files []pickItem
	for _, de := range entries {
		n := de.Name()
		if strings.HasPrefix(n, ".") {
			continue
		}
		isDir := de.IsDir()
		if de.Type()&os.ModeSymlink != 0 {
			if fi, err := os.Stat(filepath.Join(dir, n)); err == nil {
				isDir = fi.IsDir()
			}
		}
		switch {
		case isDir:
			p.items = append(p.items, pickItem{n, true})
		case p.matches(n):
			files = append(files, pickItem{n, false})
		}
	}
	byName := func(s []pickItem) {
		sort.Slice(s, func(i, j int) bool { return strings.ToLower(s[i].name) < strings.ToLower(s[j].name) })
	}
	byName(p.items)
	byName(files)
	p.items = append(p.items, files...)
	p.list.UnselectAll()
	p.list.ScrollToTop()
	p.list.Refresh()
	p.loc.SetText(dir)
	p.say("")
}

func (p *picker) matches(name string) bool {
	if len(p.exts) == 0 {
		return true
	}
	ext := strings.ToLower(filepath.Ext(name))
	for _, x := range p.exts {
		if ext == x {
			return true
		}
	}
	return false
}

func (p *picker) say(s string) {
	p.msg.SetText(s)
	if s == "" {
		p.msg.Hide()
	} else {
		p.msg.Show()
	}
}

// abs is a typed path made absolute against the folder shown; "~" is home.
func (p *picker) abs(s string) string {
	s = strings.Trim(strings.TrimSpace(s), `"`)
	if s == "~" || strings.HasPrefix(s, "~/") || strings.HasPrefix(s, `~\`) {
		home, _ := os.UserHomeDir()
		s = filepath.Join(home, s[1:])
	}
	s = filepath.FromSlash(s)
	if !filepath.IsAbs(s) {
		s = filepath.Join(p.dir, s)
	}
	return filepath.Clean(s)
}

// goTo follows what was typed in 위치: a folder is shown; a file is
// opened (or, saving, named).
func (p *picker) goTo(s string) {
	if strings.TrimSpace(s) == "" {
		return
	}
	path := p.abs(s)
	fi, err := os.Stat(path)
	switch {
	case err == nil && fi.IsDir():
		p.setDir(path)
	case err == nil && !p.save:
		p.finish(path)
	case p.save:
		p.saveAs(path)
	default:
		p.say(fmt.Sprintf("찾을 수 없습니다: %s (%s)", path, osReason(err)))
	}
}

// confirm is 열기 or 저장.
func (p *picker) confirm() {
	if !p.save {
		if t := strings.TrimSpace(p.loc.Text); t != "" && p.abs(t) != p.dir {
			p.goTo(t)
			return
		}
		p.say("파일을 고르거나 위치에 파일 경로를 쓰세요.")
		return
	}
	t := strings.TrimSpace(p.name.Text)
	if t == "" {
		p.say("파일 이름을 쓰세요.")
		return
	}
	if l := strings.TrimSpace(p.loc.Text); l != "" && p.abs(l) != p.dir {
		// a folder typed in 위치 but not yet entered: save there
		if fi, err := os.Stat(p.abs(l)); err == nil && fi.IsDir() {
			p.dir = p.abs(l)
		}
	}
	path := p.abs(t)
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		p.name.SetText("")
		p.setDir(path)
		return
	}
	p.saveAs(path)
}

// saveAs checks a path to save to: its folder must exist, its name gets
// the file kind's extension, and a file already there is replaced only
// when the coordinator says so.
func (p *picker) saveAs(path string) {
	if !p.matches(path) && len(p.exts) > 0 {
		path += p.exts[0]
	}
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		reason := "폴더가 아닙니다"
		if err != nil {
			reason = osReason(err)
		}
		p.say(fmt.Sprintf("저장할 폴더가 없습니다: %s (%s)", dir, reason))
		return
	}
	if fi, err := os.Stat(path); err == nil {
		if fi.IsDir() {
			p.setDir(path)
			return
		}
		dialog.ShowConfirm("파일 바꾸기", fmt.Sprintf("이미 있는 파일입니다:\n%s\n새 내용으로 바꿀까요?", path), func(ok bool) {
			if ok {
				p.finish(path)
			}
		}, p.e.win)
		return
	}
	p.finish(path)
}

func (p *picker) finish(path string) {
	p.close()
	p.done(path)
}

func (p *picker) close() {
	p.d.Hide()
	if p.e.picker == p {
		p.e.picker = nil
	}
}

// focusLocation is Ctrl+L in the dialog.
func (p *picker) focusLocation() {
	p.e.win.Canvas().Focus(p.loc)
	p.loc.TypedShortcut(&fyne.ShortcutSelectAll{}) // typing replaces the path
}

// osReason says in Korean why a file or folder could not be used.
func osReason(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "없는 경로입니다"
	case errors.Is(err, fs.ErrPermission):
		return "권한이 없습니다"
	case err == nil:
		return ""
	}
	return err.Error()
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
	return fmt.Sprintf("%s   %s   %s KB", b.When.Format("2006-01-02 15:04:05"), b.ReasonLabel(), value.Thousands((b.Size+1023)/1024))
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

// openFolder shows dir in the system's file manager (Explorer; on Linux
// whatever xdg-open picks, started without a session bus of its own so
// that no dbus-daemon outlives the window). When that fails, the window
// says so and offers the path to copy.
func (e *env) openFolder(dir string) {
	if dir == "" {
		return
	}
	dir = filepath.FromSlash(dir)
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("explorer", filepath.Clean(dir))
	case "darwin":
		cmd = exec.Command("open", dir)
	default:
		cmd = exec.Command("xdg-open", dir)
		cmd.Env = osdialog.QuietEnv()
	}
	if err := cmd.Start(); err != nil {
		e.folderFailed(dir, "파일 관리자를 실행할 수 없습니다 ("+cmd.Path+": "+osReason(err)+")")
		return
	}
	e.bg.Add(1)
	go func() {
		defer e.bg.Done()
		err := cmd.Wait()
		if err == nil || runtime.GOOS == "windows" { // explorer exits 1 even when it opened the folder
			return
		}
		// xdg-open's own lines are English and long: the exit code says enough.
		reason := "파일 관리자가 폴더를 열지 못했습니다"
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			if exit.ExitCode() == 3 {
				reason = "폴더를 열 프로그램(파일 관리자)이 없습니다"
			}
			reason += fmt.Sprintf(" (%s 종료 코드 %d)", filepath.Base(cmd.Path), exit.ExitCode())
		}
		fyne.Do(func() { e.folderFailed(dir, reason) })
	}()
}

// folderFailed says in the window that dir could not be shown, with the
// path ready to copy.
func (e *env) folderFailed(dir, reason string) {
	path := widget.NewEntry()
	path.SetText(dir)
	copyBtn := widget.NewButton("경로 복사", func() { e.app.Clipboard().SetContent(dir) })
	msg := widget.NewLabel("폴더를 열 수 없습니다: " + reason)
	msg.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(msg, container.NewBorder(nil, nil, nil, copyBtn, path))
	d := dialog.NewCustom("폴더 열기", "닫기", body, e.win)
	d.Resize(fyne.NewSize(fyne.Min(640, e.win.Canvas().Size().Width-40), 0))
	d.Show()
}
