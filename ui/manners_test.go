package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"hyeopchi/store"
)

// After 저장 the form says so beside its buttons, without a dialog; the
// next change takes the words away. A refused save says nothing of the kind.
func TestSaveSaysSavedBesideTheForm(t *testing.T) {
	_, w, st, s := plansUI(t)
	selectDistrict(t, s, "관악구")
	f := s.detail.form
	if f.saved.Visible() {
		t.Fatal("저장했습니다 shown before any save")
	}
	retype(s.detail.input(store.KeyAmount), "25만")
	test.Tap(f.saveBtn)
	if f.saved.Visible() {
		t.Fatal("a refused save says 저장했습니다")
	}
	retype(s.detail.input(store.KeyAmount), "160,000")
	test.Tap(f.saveBtn)
	if !f.saved.Visible() || !strings.HasPrefix(f.saved.Text, "저장했습니다 ") {
		t.Fatalf("after 저장: %q (visible %v)", f.saved.Text, f.saved.Visible())
	}
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("저장 opened a dialog")
	}
	if p := planOf(t, st, 2016, "관악구"); p.Amount != 160000 {
		t.Fatalf("stored amount %d", p.Amount)
	}
	test.Type(s.detail.input(store.KeyNote), "메모")
	if f.saved.Visible() {
		t.Fatal("저장했습니다 stays after a new change")
	}

}

// quitItem is 파일 → 끝내기.
func quitItem(t *testing.T, w fyne.Window) *fyne.MenuItem {
	t.Helper()
	for _, m := range w.MainMenu().Items {
		for _, it := range m.Items {
			if sc, ok := it.Shortcut.(*desktop.CustomShortcut); ok && sc.KeyName == fyne.KeyQ && it.IsQuit {
				if it.Label != "끝내기" {
					t.Fatalf("the Ctrl+Q item is %q", it.Label)
				}
				return it
			}
		}
	}
	t.Fatal("no 끝내기 item with Ctrl+Q")
	return nil
}

func windowOpen(w fyne.Window) bool {
	for _, x := range fyne.CurrentApp().Driver().AllWindows() {
		if x == w {
			return true
		}
	}
	return false
}

// quitUI is newTestUI for tests that close the window themselves: on
// 2016's 혁신계획.
func quitUI(t *testing.T) (*App, fyne.Window, *store.Store, *plansScreen) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme())
	st, err := store.Create(filepath.Join(t.TempDir(), "hyeopchi.db"), store.SeedData())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	w := a.NewWindow("")
	u := Create(a, w, st)
	w.Resize(fyne.NewSize(1366, 728))
	t.Cleanup(func() {
		if windowOpen(w) {
			w.Close()
		}
	})
	t.Cleanup(u.waitAll)
	Drive(u).SetYear(2016)
	Drive(u).Show(ScreenPlans)
	return u, w, st, u.screen(ScreenPlans).(*plansScreen)
}

// Ctrl+Q (끝내기) closes the window, asking first when a form holds
// unsaved changes.
func TestCtrlQAsksAboutUnsavedChanges(t *testing.T) {
	_, w, st, s := quitUI(t)
	selectDistrict(t, s, "관악구")
	retype(s.detail.input(store.KeyAmount), "160,000")
	quit := quitItem(t, w)
	quit.Action()
	confirmDialog(t, w, false)
	if !windowOpen(w) {
		t.Fatal("아니요 closed the window")
	}
	if !s.detail.form.dirty || s.detail.input(store.KeyAmount).Text != "160,000" {
		t.Fatal("아니요 lost the typing")
	}
	quit.Action()
	confirmDialog(t, w, true)
	if windowOpen(w) {
		t.Fatal("예 left the window open")
	}
	if p := planOf(t, st, 2016, "관악구"); p.Amount != 167000 {
		t.Fatalf("quitting stored %d", p.Amount)
	}
}

func TestCtrlQWithoutChangesClosesAtOnce(t *testing.T) {
	u, w, _, _ := quitUI(t)
	if got := WindowSize(u.env.app); got != fyne.NewSize(1280, 680) {
		t.Fatalf("first window size %v, want 1280×680", got)
	}
	w.Resize(fyne.NewSize(1200, 700))
	quitItem(t, w).Action()
	if windowOpen(w) || w.Canvas().Overlays().Top() != nil {
		t.Fatal("끝내기 with nothing changed did not close the window at once")
	}
	// The next window opens at the size this one had.
	if got := WindowSize(u.env.app); got != fyne.NewSize(1200, 700) {
		t.Fatalf("next window size %v, want 1200×700", got)
	}
}

// The window opens on the latest year with records the first time, and
// on the year last shown after that (for the same data file).
func TestYearIsRemembered(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme())
	path := filepath.Join(t.TempDir(), "hyeopchi.db")
	st, err := store.Create(path, store.SeedData())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if s, _ := st.Settings(); s.CurrentYear != 2017 {
		t.Fatalf("the plan's 기준 연도 is %d, want 2017", s.CurrentYear)
	}
	open := func() *App {
		w := a.NewWindow("")
		t.Cleanup(w.Close)
		u := Create(a, w, st)
		t.Cleanup(u.waitAll)
		return u
	}
	u := open()
	if u.env.year != 2016 || u.bar.year.Selected != "2016" {
		t.Fatalf("first run opens on %d (%q), want 2016, the year of the plan's records", u.env.year, u.bar.year.Selected)
	}
	Drive(u).Show(ScreenPlans)
	if n := u.screen(ScreenPlans).(*plansScreen).grid.Rows(); n != 8 {
		t.Fatalf("혁신계획 shows %d plans on the first run", n)
	}
	Drive(u).SetYear(2018)
	if u2 := open(); u2.env.year != 2018 || u2.bar.year.Selected != "2018" {
		t.Fatalf("second run opens on %d, want 2018, the year last shown", u2.env.year)
	}
	// Another data file has its own year.
	other, err := store.Create(filepath.Join(t.TempDir(), "empty.db"), store.EmptyData())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	w := a.NewWindow("")
	t.Cleanup(w.Close)
	if u3 := Create(a, w, other); u3.env.year == 2018 {
		t.Fatal("the year of one file carried to another")
	}
}

// Before + 새로, 협치학교's session pane says what to do instead of
// showing an empty form titled 새 회차; the date and time hints read as
// examples.
func TestNewSessionFormOnlyAfterNew(t *testing.T) {
	u, _, _ := newTestUI(t)
	Drive(u).SetYear(2017)
	Drive(u).ShowSchool(tabSchedule, 0, "")
	s := schoolOf(t, u)
	if s.ed.head.Text != sessionIdle || s.ed.body.Visible() {
		t.Fatalf("before 새로: %q, form visible %v", s.ed.head.Text, s.ed.body.Visible())
	}
	u.createCurrent()
	if s.ed.head.Text != "새 회차" || !s.ed.body.Visible() {
		t.Fatalf("after 새로: %q, form visible %v", s.ed.head.Text, s.ed.body.Visible())
	}
	if s.ed.f.entry(store.KeyDate).Text != "" || s.ed.f.entry(store.KeyDate).PlaceHolder != "예: 2017-05-10" || s.ed.f.entry(store.KeyTime).PlaceHolder != "예: 14:00-17:00" {
		t.Fatalf("date %q hint %q, time hint %q", s.ed.f.entry(store.KeyDate).Text, s.ed.f.entry(store.KeyDate).PlaceHolder, s.ed.f.entry(store.KeyTime).PlaceHolder)
	}
	test.Tap(s.ed.f.cancel)
	if s.ed.head.Text != sessionIdle || s.ed.body.Visible() {
		t.Fatalf("취소 of a new session: %q, form visible %v", s.ed.head.Text, s.ed.body.Visible())
	}

}
