package ui

import (
	"image"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"
)

// newTestUI builds the window over a fresh file holding the plan's data.
func newTestUI(t *testing.T) (*App, fyne.Window, *store.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme())
	st, err := store.Create(filepath.Join(t.TempDir(), "hyeopchi.db"), store.SeedData())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	clock := time.Date(2017, 3, 2, 10, 0, 0, 0, time.UTC)
	st.Now = func() time.Time { clock = clock.Add(time.Second); return clock }
	w := a.NewWindow("")
	u := Create(a, w, st)
	w.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(w.Close)
	// Background work a test started (a report preview) ends with the test,
	// not in the middle of the next one.
	t.Cleanup(u.waitAll)
	return u, w, st
}

func TestWindowTitleAndNavigation(t *testing.T) {
	u, w, _ := newTestUI(t)
	if w.Title() != "협치 사무국 — hyeopchi.db" {
		t.Fatalf("title %q", w.Title())
	}
	for i, id := range Drive(u).Screens() {
		Drive(u).Show(id)
		if Drive(u).Current() != id {
			t.Fatalf("Show(%s) left screen %s", id, Drive(u).Current())
		}
		if u.body.Objects[0] != u.objs[i] {
			t.Fatalf("screen %s not shown", id.Title())
		}
	}
	u.next()
	if Drive(u).Current() != ScreenDashboard {
		t.Fatalf("Ctrl+Tab from the last screen went to %s", Drive(u).Current())
	}
	// Tapping the navigation list switches too.
	u.nav.Select(3)
	if Drive(u).Current() != ScreenSchool {
		t.Fatal("navigation list did not switch")
	}
}

func TestDashboardShowsDistrictsOfYear(t *testing.T) {
	u, _, _ := newTestUI(t)
	Drive(u).SetYear(2016)
	Drive(u).Show(ScreenDashboard)
	d := u.screen(ScreenDashboard).(*dashboard)
	if d.grid.Rows() != 25 {
		t.Fatalf("dashboard has %d districts, want 25", d.grid.Rows())
	}
	found := false
	for r := 0; r < d.grid.Rows(); r++ {
		if d.grid.Cell(r, 1) == "관악구" {
			found = true
			if d.grid.Cell(r, 2) != "본계획 수립기" || d.grid.Cell(r, 3) != "167,000" || d.grid.Cell(r, 5) != "100,000" {
				t.Fatalf("관악구 row: %q %q %q", d.grid.Cell(r, 2), d.grid.Cell(r, 3), d.grid.Cell(r, 5))
			}
		}
	}
	if !found {
		t.Fatal("관악구 missing")
	}
	if got := d.grid.Cell(25, 3); got != "1,145,622" {
		t.Fatalf("plans total %q, want 1,145,622", got)
	}
	if got := d.grid.Cell(25, 5); got != "899,976" {
		t.Fatalf("platform total %q, want 899,976", got)
	}
	// 2016's school is known only by the plan's totals: no district's
	// count is 0, and the 계 row carries the recorded 24 sessions.
	for r := 0; r < 25; r++ {
		if got := d.grid.Cell(r, 6); got != "미기재" {
			t.Fatalf("%s 교육 회차 %q, want 미기재", d.grid.Cell(r, 1), got)
		}
	}
	if got := d.grid.Cell(25, 6); got != "전체 24" {
		t.Fatalf("교육 회차 total %q, want 전체 24", got)
	}
	// The district chosen in the top bar carries to the dashboard.
	Drive(u).SetDistrict("도봉구")
	if d.grid.Rows() != 1 || d.grid.Cell(0, 1) != "도봉구" {
		t.Fatalf("district filter: %d rows", d.grid.Rows())
	}
}

func TestPlansScreenSortAndSearch(t *testing.T) {
	u, _, _ := newTestUI(t)
	Drive(u).SetYear(2016)
	Drive(u).Show(ScreenPlans)
	s := u.screen(ScreenPlans).(*plansScreen)
	if s.grid.Rows() != 8 || s.grid.Cell(8, 5) != "1,145,622" {
		t.Fatalf("plans: %d rows, total %q", s.grid.Rows(), s.grid.Cell(8, 5))
	}
	s.grid.SortBy(5) // amount ascending
	if s.grid.Cell(0, 1) != "도봉구" || s.grid.Cell(0, 5) != "79,000" {
		t.Fatalf("smallest amount first: %s %s", s.grid.Cell(0, 1), s.grid.Cell(0, 5))
	}
	s.grid.SortBy(5) // descending
	if s.grid.Cell(0, 5) != "200,000" {
		t.Fatalf("largest first: %s", s.grid.Cell(0, 5))
	}
	if s.grid.Cell(8, 0) != "계" {
		t.Fatal("the totals row must stay last when sorted")
	}
	test.Type(u.bar.search, "다문화")
	if s.grid.Rows() != 1 || s.grid.Cell(0, 1) != "영등포구" {
		t.Fatalf("search 다문화: %d rows", s.grid.Rows())
	}
}

func TestAuditScreenListsChanges(t *testing.T) {
	u, _, st := newTestUI(t)
	ps, _ := st.Plans(store.Filter{Year: 2016, District: "관악구"})
	p := ps[0]
	p.Note = "메모"
	if _, err := st.SavePlan(&p); err != nil {
		t.Fatal(err)
	}
	Drive(u).Show(ScreenAudit)
	s := u.screen(ScreenAudit).(*auditScreen)
	if s.grid.Rows() < 2 || s.grid.Cell(0, 1) != "수정" || s.grid.Cell(0, 3) != "2016 관악구" {
		t.Fatalf("newest audit row: %q %q", s.grid.Cell(0, 1), s.grid.Cell(0, 3))
	}
}

// Leaving a changed form for another screen asks first; "no" keeps the
// form and its text, "yes" goes.
func TestLeavingChangedFormAsks(t *testing.T) {
	u, w, _ := newTestUI(t)
	Drive(u).SetYear(2016)
	Drive(u).Show(ScreenPlans)
	s := u.screen(ScreenPlans).(*plansScreen)
	s.selectFirst()
	amount := s.detail.input(store.KeyAmount)
	amount.SetText("")
	test.Type(amount, "123")
	if u.env.active == nil || !u.env.active.dirty {
		t.Fatal("typing did not mark the form changed")
	}
	Drive(u).Show(ScreenDashboard)
	if Drive(u).Current() != ScreenPlans {
		t.Fatalf("left the changed form without asking: on screen %s", Drive(u).Current())
	}
	d := w.Canvas().Overlays().Top()
	if d == nil {
		t.Fatal("no question asked")
	}
	tapButton(t, d, "아니요")
	if Drive(u).Current() != ScreenPlans || amount.Text != "123" {
		t.Fatalf("after 아니요: screen %s, amount %q", Drive(u).Current(), amount.Text)
	}
	Drive(u).Show(ScreenDashboard)
	tapButton(t, w.Canvas().Overlays().Top(), "예")
	if Drive(u).Current() != ScreenDashboard {
		t.Fatalf("after 예: screen %s", Drive(u).Current())
	}
}

// tapButton taps the button labelled text inside o.
func tapButton(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	var found *widget.Button
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Button:
			if x.Text == text {
				found = x
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	if found == nil {
		t.Fatalf("no button %q", text)
	}
	test.Tap(found)
}

// Esc in a field is 취소: the form goes back to what is stored.
func TestEscapeCancelsForm(t *testing.T) {
	u, _, _ := newTestUI(t)
	Drive(u).SetYear(2016)
	Drive(u).Show(ScreenPlans)
	s := u.screen(ScreenPlans).(*plansScreen)
	s.selectFirst()
	amount := s.detail.input(store.KeyAmount)
	was := amount.Text
	amount.SetText("")
	test.Type(amount, "999")
	amount.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if amount.Text != was {
		t.Fatalf("after Esc the amount reads %q, want %q", amount.Text, was)
	}
}

// A dashboard click on a district's plan opens that plan, the filter untouched.
func TestDashboardOpensTheRecord(t *testing.T) {
	u, _, st := newTestUI(t)
	Drive(u).SetYear(2016)
	ps, _ := st.Plans(store.Filter{Year: 2016, District: "관악구"})
	u.openRecord(ScreenPlans, "관악구", ps[0].ID)
	s := u.screen(ScreenPlans).(*plansScreen)
	if Drive(u).Current() != ScreenPlans || s.detail.input(store.KeyAmount).Text != "167,000" || u.env.district != "" {
		t.Fatalf("screen %s, amount %q, district filter %q", Drive(u).Current(), s.detail.input(store.KeyAmount).Text, u.env.district)
	}
	pl, _ := st.Platforms(store.Filter{Year: 2016, District: "강북구"})
	u.openRecord(ScreenPlatforms, "강북구", pl[0].ID)
	p := u.screen(ScreenPlatforms).(*platformsScreen)
	if Drive(u).Current() != ScreenPlatforms || p.cur.District != "강북구" {
		t.Fatalf("screen %s, consortium %q", Drive(u).Current(), p.cur.District)
	}
}

// Every screen draws something a person can read: the screen's own area
// (right of the navigation, between the top bar and the status line) has
// many colours (text, lines), not a blank or one-colour canvas.
func TestEveryScreenRenders(t *testing.T) {
	u, w, _ := newTestUI(t)
	Drive(u).SetYear(2016)
	for _, id := range Drive(u).Screens() {
		name := id.Title()
		Drive(u).Show(id)
		Drive(u).SelectFirst()
		Drive(u).Wait()
		img := w.Canvas().Capture()
		scale := float32(img.Bounds().Dx()) / w.Canvas().Size().Width
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(u.body)
		size := u.body.Size()
		colours := map[[4]uint32]bool{}
		b := image.Rect(int(pos.X*scale), int(pos.Y*scale), int((pos.X+size.Width)*scale), int((pos.Y+size.Height)*scale))
		if b.Dx() < 200 || b.Dy() < 200 {
			t.Fatalf("%s: the screen's area is only %v", name, b)
		}
		for y := b.Min.Y; y < b.Max.Y; y += 3 {
			for x := b.Min.X; x < b.Max.X; x += 3 {
				r, g, bl, a := img.At(x, y).RGBA()
				colours[[4]uint32{r >> 12, g >> 12, bl >> 12, a >> 12}] = true
			}
		}
		if len(colours) < 20 {
			t.Errorf("%s looks empty: %d colours", name, len(colours))
		}
	}
}

// 파일 → 열기 moves the window to another data file; a file another
// program holds is refused and the window stays on its own.
func TestOpenAnotherFile(t *testing.T) {
	u, w, st := newTestUI(t)
	other := filepath.Join(t.TempDir(), "다른.db")
	st2, err := store.Create(other, store.EmptyData())
	if err != nil {
		t.Fatal(err)
	}
	// held: refused
	u.OpenFile(other)
	if w.Title() != "협치 사무국 — hyeopchi.db" {
		t.Fatalf("title %q after a refused open", w.Title())
	}
	if _, err := st.Plans(store.Filter{}); err != nil {
		t.Fatalf("the window's own file stopped working: %v", err)
	}
	st2.Close()
	var moved *store.Store
	u.OnFileChanged(func(s *store.Store) { moved = s })
	u.OpenFile(other)
	if moved == nil || w.Title() != "협치 사무국 — 다른.db" {
		t.Fatalf("title %q, moved %v", w.Title(), moved)
	}
	defer moved.Close()
	ps, err := moved.Plans(store.Filter{})
	if err != nil || len(ps) != 0 {
		t.Fatalf("the new file: %v %d plans", err, len(ps))
	}
	if _, err := st.Plans(store.Filter{}); err == nil {
		t.Fatal("the old file is still open")
	}
}
