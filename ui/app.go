// Package ui is hyeopchi's window: a navigation list on the left, one
// screen per programme area, a shared top bar (year, district, search,
// new) and a status line. Screens call the store; no rule and no bbolt
// call lives here.
package ui

import (
	"fmt"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"
	"hyeopchi/ui/field"

	"hyeopchi/store/value"
)

// screen is one area of the window.
type screen interface {
	// content is built once.
	content() fyne.CanvasObject
	// refresh reloads from the store with the current filter.
	refresh()
}

// creator is a screen with a 새로 action.
type creator interface{ create() }

// env is what every screen shares: the store, the window and the filter
// chosen in the top bar, which carries across screens.
type env struct {
	st       *store.Store
	win      fyne.Window
	app      fyne.App
	year     int
	district string // "" for all
	query    string
	today    func() store.Date
	// open switches to a screen.
	open func(id ScreenID)
	// openRecord switches to a screen showing a district's record.
	openRecord func(id ScreenID, district string, recID uint64)
	// status updates the status line.
	status func()
	// searchAll opens 모든 기록에서 찾기 with a query ("" keeps the last).
	searchAll func(query string)
	// active is the form last typed in: Ctrl+S saves it.
	active *form
	// native: file dialogs are the system's own where it has them (the
	// real window; tests and screenshots use the window's own dialog).
	native bool
	// picker is the window's own file dialog while it is open (Ctrl+L);
	// nativeOpen is set while the system's is.
	picker     *picker
	nativeOpen atomic.Bool
	// bg is work started in the background outside the screens (a file
	// manager being started), for tests to wait on.
	bg sync.WaitGroup
	// saves counts the store's commits, so that a form knows its 저장
	// reached the file.
	saves atomic.Int64
}

func (e *env) filter() store.Filter { return store.Filter{Year: e.year, District: e.district} }

func (e *env) showError(err error) {
	if err != nil {
		dialog.ShowError(err, e.win)
	}
}

// App is the built window.
type App struct {
	env      *env
	screens  []screen // in screenTable's order
	objs     []fyne.CanvasObject
	nav      *widget.List
	body     *fyne.Container
	current  int // the position in screenTable of the screen shown
	bar      *topBar
	status   *widget.Button
	lastSave time.Time
	guard    bool // the navigation is being put back, not changed
	// fileChanged hears of the data file the window moved to.
	fileChanged func(*store.Store)
	dataDirs    DataDirs      // where the program keeps data on its own, for 설정
	search      *globalSearch // 모든 기록에서 찾기, made on first use
}

// ScreenID names a screen of the window. Its value is the English word
// the screen's pictures are named by (docs/screens/2-plans.png).
type ScreenID string

// The window's screens; screenTable gives their order, titles and keys.
const (
	ScreenDashboard ScreenID = "dashboard" // 현황
	ScreenPlans     ScreenID = "plans"     // 혁신계획
	ScreenPlatforms ScreenID = "platforms" // 시민협력플랫폼
	ScreenSchool    ScreenID = "school"    // 협치학교
	ScreenBudget    ScreenID = "budget"    // 예산·일정
	ScreenIntake    ScreenID = "intake"    // 접수·가져오기
	ScreenReports   ScreenID = "reports"   // 보고서
	ScreenAudit     ScreenID = "audit"     // 변경 기록
)

// screenDef is one screen of the window: its title in the navigation list
// and the 보기 menu, how it is made, and the key that opens it with Ctrl.
type screenDef struct {
	id    ScreenID
	title string
	build func(*env) screen
	key   fyne.KeyName
}

// screenTable is every screen, in navigation order (Ctrl+1 … Ctrl+8).
var screenTable = []screenDef{
	{ScreenDashboard, "현황", func(e *env) screen { return newDashboard(e) }, fyne.Key1},
	{ScreenPlans, "혁신계획", func(e *env) screen { return newPlansScreen(e) }, fyne.Key2},
	{ScreenPlatforms, "시민협력플랫폼", func(e *env) screen { return newPlatformsScreen(e) }, fyne.Key3},
	{ScreenSchool, "협치학교", func(e *env) screen { return newSchoolScreen(e) }, fyne.Key4},
	{ScreenBudget, "예산·일정", func(e *env) screen { return newBudgetScreen(e) }, fyne.Key5},
	{ScreenIntake, "접수·가져오기", func(e *env) screen { return newIntakeScreen(e) }, fyne.Key6},
	{ScreenReports, "보고서", func(e *env) screen { return newReportsScreen(e) }, fyne.Key7},
	{ScreenAudit, "변경 기록", func(e *env) screen { return newAuditScreen(e) }, fyne.Key8},
}

// screenIndex is id's position in screenTable, -1 for an unknown ID.
func screenIndex(id ScreenID) int {
	for i, d := range screenTable {
		if d.id == id {
			return i
		}
	}
	return -1
}

// Title is the screen's name in the navigation list and the 보기 menu.
func (id ScreenID) Title() string {
	if i := screenIndex(id); i >= 0 {
		return screenTable[i].title
	}
	return ""
}

// screen is the screen named id (nil for an unknown ID).
func (u *App) screen(id ScreenID) screen {
	if i := screenIndex(id); i >= 0 {
		return u.screens[i]
	}
	return nil
}

// Create builds the whole window over st and returns it; the caller shows it.
func Create(a fyne.App, w fyne.Window, st *store.Store) *App {
	year := startYear(a, st)
	e := &env{st: st, win: w, app: a, year: year, today: func() store.Date { return value.DateOf(st.Now()) }}
	u := &App{env: e}
	e.open = u.showScreen
	e.openRecord = u.openRecord
	e.status = u.updateStatus
	e.searchAll = u.searchFor
	for _, d := range screenTable {
		u.screens = append(u.screens, d.build(e))
	}
	u.objs = make([]fyne.CanvasObject, len(u.screens))
	u.bar = newTopBar(e, u.refreshCurrent, u.createCurrent)
	u.nav = widget.NewList(func() int { return len(screenTable) },
		func() fyne.CanvasObject { return widget.NewLabel("시민협력플랫폼") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(screenTable[i].title) })
	u.nav.OnSelected = func(i widget.ListItemID) { u.navSelected(i) }
	u.body = container.NewStack()
	u.status = widget.NewButton("", u.showWarnings)
	u.status.Importance = widget.LowImportance
	u.status.Alignment = widget.ButtonAlignLeading

	main := container.NewBorder(u.bar.object(), nil, nil, nil, u.body)
	// The navigation takes the width of its longest name and no more, so
	// that a 1366- or 1024-wide laptop screen leaves the rest to the screen.
	side := container.NewBorder(nil, nil, nil, widget.NewSeparator(), u.nav)
	w.SetContent(container.NewBorder(nil, u.status, side, nil, main))
	w.SetMainMenu(u.menu())
	w.SetCloseIntercept(u.Quit)
	w.SetTitle("협치 사무국 — " + filepath.Base(st.Path()))
	st.OnChange(func() {
		e.saves.Add(1)
		u.lastSave = time.Now()
		fyne.Do(u.updateStatus)
	})
	field.AddShortcut(w, field.Ctrl(fyne.KeyL), func() {
		if e.picker != nil {
			e.picker.focusLocation()
		}
	})
	u.nav.Select(0)
	u.updateStatus()
	return u
}

// UseNativeDialogs makes file dialogs the system's own where it has them
// (Windows; zenity or kdialog on Linux); the window's own dialog is the
// fallback.
func (u *App) UseNativeDialogs(on bool) { u.env.native = on }

// Quit closes the window (끝내기, Ctrl+Q, the window's close button); a
// form with unsaved changes asks first.
func (u *App) Quit() {
	f := u.env.active
	if f == nil || !f.dirty {
		u.close()
		return
	}
	dialog.ShowConfirm("끝내기", "저장하지 않은 변경이 있습니다. 버리고 끝낼까요?", func(ok bool) {
		if ok {
			f.markClean()
			u.close()
		}
	}, u.env.win)
}

// close keeps the window's size for the next start and closes it.
func (u *App) close() {
	size := u.env.win.Canvas().Size()
	if size.Width >= 640 && size.Height >= 480 {
		p := u.env.app.Preferences()
		p.SetFloat(prefWidth, float64(size.Width))
		p.SetFloat(prefHeight, float64(size.Height))
	}
	u.env.win.Close()
}

const prefWidth, prefHeight = "windowWidth", "windowHeight"

// WindowSize is the size the window had when it was last closed; the first
// time 1280×680, which fits a 1366×768 office laptop with its taskbar and
// the window's title bar.
func WindowSize(a fyne.App) fyne.Size {
	w, h := a.Preferences().Float(prefWidth), a.Preferences().Float(prefHeight)
	if w < 640 || h < 480 {
		return fyne.NewSize(1280, 680)
	}
	return fyne.NewSize(float32(w), float32(h))
}

// yearKey is the preference holding the year last shown for a data file.
func yearKey(st *store.Store) string { return "year:" + filepath.Clean(st.Path()) }

// startYear is the year the window opens on: the one last shown for this
// file; the first time, the latest year that has records (the plan's data
// is of 2016 though 설정's 기준 연도 is 2017); for a file without records,
// the 기준 연도.
func startYear(a fyne.App, st *store.Store) int {
	if y := a.Preferences().Int(yearKey(st)); y >= 2000 {
		return y
	}
	if y, err := st.LatestYear(); err == nil && y != 0 {
		return y
	}
	if settings, err := st.Settings(); err == nil && settings.CurrentYear != 0 {
		return settings.CurrentYear
	}
	return time.Now().Year()
}

// showScreen switches to the screen id, as a tap in the navigation would.
func (u *App) showScreen(id ScreenID) { u.showAt(screenIndex(id)) }

// showAt switches to the screen at position i of the navigation.
func (u *App) showAt(i int) {
	if i < 0 || i >= len(u.screens) {
		return
	}
	u.nav.Select(i)
}

// currentID is the screen shown.
func (u *App) currentID() ScreenID { return screenTable[u.current].id }

// navSelected shows the screen chosen in the navigation list (at position
// i); a changed form asks first.
func (u *App) navSelected(i int) {
	if i < 0 || i >= len(u.screens) || u.guard {
		return
	}
	if f := u.env.active; f != nil && f.dirty && i != u.current && u.objs[u.current] != nil {
		// Leaving a changed form asks first; until answered the form stays.
		u.guard = true
		u.nav.Select(u.current)
		u.guard = false
		f.leave(func() {
			u.env.active = nil
			u.nav.Select(i)
		})
		return
	}
	u.current = i
	if u.objs[i] == nil {
		u.objs[i] = u.screens[i].content()
	}
	_, canCreate := u.screens[i].(creator)
	u.bar.setCreate(canCreate)
	u.screens[i].refresh()
	u.body.Objects = []fyne.CanvasObject{u.objs[i]}
	u.body.Refresh()
}

func (u *App) refreshCurrent() { u.screens[u.current].refresh() }

func (u *App) createCurrent() {
	if c, ok := u.screens[u.current].(creator); ok {
		c.create()
	}
}

// saveCurrent is Ctrl+S: it saves the form the coordinator last typed in.
func (u *App) saveCurrent() {
	if f := u.env.active; f != nil && !f.saveBtn.Disabled() {
		f.save.Run()
	}
}

// next goes to the following screen (Ctrl+Tab).
func (u *App) next() { u.showAt((u.current + 1) % len(u.screens)) }

// RefreshStatus redraws the status line (after a backup made elsewhere).
func (u *App) RefreshStatus() { u.updateStatus() }

func (u *App) updateStatus() {
	text := "마지막 저장 "
	if u.lastSave.IsZero() {
		text += "-"
	} else {
		text += u.lastSave.Format("15:04")
	}
	text += " · 백업 "
	if b := u.env.st.LastBackup(); b.IsZero() {
		text += "없음"
	} else if b.Format("2006-01-02") == time.Now().Format("2006-01-02") {
		text += "오늘 " + b.Format("15:04")
	} else {
		text += b.Format("2006-01-02 15:04")
	}
	if fs, err := u.env.st.Check(); err == nil {
		text += fmt.Sprintf(" · 오류 %d건 · 경고 %d건", len(fs.Errors()), len(fs)-len(fs.Errors()))
	}
	u.status.SetText(text)
}

func (u *App) showWarnings() {
	fs, err := u.env.st.Check()
	if err != nil {
		u.env.showError(err)
		return
	}
	if len(fs) == 0 {
		dialog.ShowInformation("규칙 점검", "오류와 경고가 없습니다.", u.env.win)
		return
	}
	list := widget.NewList(func() int { return len(fs) },
		func() fyne.CanvasObject { l := widget.NewLabel(""); l.Wrapping = fyne.TextWrapWord; return l },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.SetText(fs[i].String())
			l.Importance = widget.DangerImportance
			if fs[i].Warning {
				l.Importance = widget.WarningImportance
			}
			l.Refresh()
		})
	d := dialog.NewCustom(fmt.Sprintf("규칙 점검: %d건", len(fs)), "닫기", list, u.env.win)
	d.Resize(fyne.NewSize(720, 480))
	d.Show()
}

func (u *App) menu() *fyne.MainMenu {
	var views []*fyne.MenuItem
	for _, d := range screenTable {
		it := fyne.NewMenuItem(d.title, func() { u.showScreen(d.id) })
		it.Shortcut = field.Ctrl(d.key)
		views = append(views, it)
	}
	next := fyne.NewMenuItem("다음 화면", u.next)
	next.Shortcut = field.Ctrl(fyne.KeyTab)
	search := fyne.NewMenuItem("검색", u.bar.focusSearch)
	search.Shortcut = field.Ctrl(fyne.KeyF)
	searchAll := fyne.NewMenuItem("모든 기록에서 찾기…", u.showSearch)
	searchAll.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	saveItem := fyne.NewMenuItem("저장", u.saveCurrent)
	saveItem.Shortcut = field.Ctrl(fyne.KeyS)
	newItem := fyne.NewMenuItem("새로 만들기", u.createCurrent)
	newItem.Shortcut = field.Ctrl(fyne.KeyN)
	bigger := fyne.NewMenuItem("글자 크게", func() { u.scaleText(0.1) })
	bigger.Shortcut = field.Ctrl(fyne.KeyEqual)
	smaller := fyne.NewMenuItem("글자 작게", func() { u.scaleText(-0.1) })
	smaller.Shortcut = field.Ctrl(fyne.KeyMinus)
	backup := fyne.NewMenuItem("백업…", u.backupDialog)
	restore := fyne.NewMenuItem("복원…", u.restoreDialog)
	importItem := fyne.NewMenuItem("가져오기…", func() { u.showScreen(ScreenIntake) })
	exportItem := fyne.NewMenuItem("내보내기…", func() { u.showScreen(ScreenReports) })
	bundleItem := fyne.NewMenuItem("자치구 감사 묶음…", func() { u.env.showBundle(u.env.district, u.env.year) })
	settings := fyne.NewMenuItem("설정…", func() { u.settingsDialog() })
	newFile := fyne.NewMenuItem("새 파일…", u.newFileDialog)
	openFile := fyne.NewMenuItem("열기…", u.openFileDialog)
	quit := fyne.NewMenuItem("끝내기", u.Quit)
	quit.IsQuit = true // in place of Fyne's own English "Quit"
	quit.Shortcut = field.Ctrl(fyne.KeyQ)
	file := fyne.NewMenu("파일", newItem, fyne.NewMenuItemSeparator(), newFile, openFile,
		fyne.NewMenuItemSeparator(), backup, restore,
		fyne.NewMenuItemSeparator(), importItem, exportItem, bundleItem, fyne.NewMenuItemSeparator(), settings,
		fyne.NewMenuItemSeparator(), quit)
	edit := fyne.NewMenu("편집", saveItem, search, searchAll)
	view := fyne.NewMenu("보기", append(append(views, fyne.NewMenuItemSeparator(), next,
		fyne.NewMenuItemSeparator()), bigger, smaller)...)
	help := fyne.NewMenu("도움말",
		fyne.NewMenuItem("단축키", u.showShortcuts),
		fyne.NewMenuItem("정보", func() {
			dialog.ShowInformation("협치 사무국", "2017 지역협치 기본계획의 사업을 관리하는 프로그램\n데이터 파일: "+u.env.st.Path(), u.env.win)
		}))
	return fyne.NewMainMenu(file, edit, view, help)
}

func (u *App) scaleText(d float32) {
	if t, ok := u.env.app.Settings().Theme().(*Theme); ok {
		t.Scale += d
		if t.Scale < 0.8 {
			t.Scale = 0.8
		}
		if t.Scale > 1.6 {
			t.Scale = 1.6
		}
		u.env.app.Settings().SetTheme(t)
	}
}

func (u *App) showShortcuts() {
	text := "Ctrl+1 … Ctrl+8\t화면 바꾸기\nCtrl+Tab\t다음 화면\nCtrl+F\t검색\nCtrl+Shift+F\t모든 기록에서 찾기\nCtrl+N\t새로 만들기\nCtrl+S\t저장\nEsc\t취소\nCtrl+= / Ctrl+-\t글자 크기\nCtrl+L\t파일 창에서 경로 입력\nCtrl+Q\t끝내기"
	dialog.ShowInformation("단축키", text, u.env.win)
}

// topBar is the filter every list screen shares.
type topBar struct {
	e       *env
	year    *widget.Select
	dist    *widget.Select
	search  *field.Entry
	newBtn  *widget.Button
	changed func()
}

func newTopBar(e *env, changed, create func()) *topBar {
	b := &topBar{e: e, changed: changed}
	var years []string
	for y := 2016; y <= e.year+10; y++ {
		years = append(years, strconv.Itoa(y))
	}
	b.year = newSelect(years, func(s string) {
		e.year, _ = strconv.Atoi(s) // the list holds only years
		e.app.Preferences().SetInt(yearKey(e.st), e.year)
		b.changed()
	})
	b.year.SetSelected(strconv.Itoa(e.year))
	b.dist = newSelect(append([]string{"자치구 전체"}, store.Districts...), func(s string) {
		e.district = ""
		if s != "자치구 전체" {
			e.district = s
		}
		b.changed()
	})
	b.dist.PlaceHolder = "자치구 전체" // also sets the width
	b.dist.SetSelected("자치구 전체")
	b.search = field.NewEntry()
	b.search.SetPlaceHolder("검색…")
	b.search.OnChanged = func(s string) {
		e.query = s
		b.changed()
	}
	b.newBtn = widget.NewButton("+ 새로", create)
	b.newBtn.Importance = widget.HighImportance
	return b
}

func (b *topBar) object() fyne.CanvasObject {
	left := container.NewHBox(widget.NewLabel("연도"), b.year, b.dist)
	return container.NewBorder(nil, nil, left, b.newBtn, b.search)
}

func (b *topBar) setCreate(ok bool) {
	if ok {
		b.newBtn.Enable()
	} else {
		b.newBtn.Disable()
	}
}

func (b *topBar) focusSearch() { b.e.win.Canvas().Focus(b.search) }

// setYear chooses the year in the top bar, as the coordinator would.
func (u *App) setYear(y int) { u.bar.year.SetSelected(strconv.Itoa(y)) }

// setDistrict chooses a district ("" for all) in the top bar.
func (u *App) setDistrict(d string) {
	if d == "" {
		d = "자치구 전체"
	}
	u.bar.dist.SetSelected(d)
}

// selecter is a screen that can select its first row (screenshots, tests).
type selecter interface{ selectFirst() }

// selectFirst selects the first row of the current screen, if it has rows.
func (u *App) selectFirst() {
	if s, ok := u.screens[u.current].(selecter); ok {
		s.selectFirst()
	}
}
