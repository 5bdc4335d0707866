package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"
	"hyeopchi/ui/field"
)

// maxSearchRows is how many hits the search window lists; a query that
// finds more says so.
const maxSearchRows = 300

// searchLine is one line of the results: a group's heading or a hit.
type searchLine struct {
	heading string
	hit     store.SearchHit
}

// globalSearch is 모든 기록에서 찾기 (Ctrl+Shift+F): one field, the hits
// grouped by kind, year and district; a hit opens its record.
type globalSearch struct {
	u     *App
	entry *field.Entry
	head  *widget.Label
	list  *widget.List
	lines []searchLine
	hits  []store.SearchHit
	dlg   dialog.Dialog
}

func newGlobalSearch(u *App) *globalSearch {
	g := &globalSearch{u: u}
	g.entry = field.NewEntry()
	g.entry.SetPlaceHolder("사람, 단체, 장소, 과정, 파일 이름, 메모 — 초성(ㄱㅅㅎ)도 됩니다")
	g.entry.OnChanged = func(string) { g.run() }
	g.entry.OnSubmitted = func(string) { g.openFirst() }
	g.head = widget.NewLabel("")
	g.head.Wrapping = fyne.TextWrapWord
	g.list = widget.NewList(func() int { return len(g.lines) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			ln := g.lines[i]
			if ln.heading != "" {
				l.TextStyle = fyne.TextStyle{Bold: true}
				l.Importance = widget.HighImportance
				l.SetText(ln.heading)
				return
			}
			l.TextStyle = fyne.TextStyle{}
			l.Importance = widget.MediumImportance
			l.SetText("    " + ln.hit.Title + " — " + hitWhere(ln.hit))
		})
	g.list.OnSelected = func(i widget.ListItemID) {
		g.list.Unselect(i)
		if i >= 0 && i < len(g.lines) && g.lines[i].heading == "" {
			g.open(g.lines[i].hit)
		}
	}
	return g
}

// hitWhere says where a hit matched; a contact's value is never shown.
func hitWhere(h store.SearchHit) string {
	if h.Contact {
		return fmt.Sprintf("%s 일치 (%s)", h.Field, h.Text)
	}
	return h.Field + ": " + h.Text
}

// run searches for what the field holds.
func (g *globalSearch) run() {
	hits, err := g.u.env.st.Search(g.entry.Text, store.Filter{})
	if err != nil {
		g.head.SetText("찾을 수 없습니다: " + err.Error())
		return
	}
	g.hits = hits
	shown := hits
	if len(shown) > maxSearchRows {
		shown = shown[:maxSearchRows]
	}
	g.lines = g.lines[:0]
	for _, gr := range store.GroupHits(shown) {
		g.lines = append(g.lines, searchLine{heading: fmt.Sprintf("%s (%d건)", gr.Heading(), len(gr.Hits))})
		for _, h := range gr.Hits {
			g.lines = append(g.lines, searchLine{hit: h})
		}
	}
	switch {
	case g.entry.Text == "":
		g.head.SetText("찾을 말을 쓰세요. 대소문자와 띄어쓰기는 가리지 않고, 연락처로도 찾지만 결과에는 연락처를 보이지 않습니다.")
	case len(hits) == 0:
		g.head.SetText(fmt.Sprintf("%q 을(를) 찾지 못했습니다.", g.entry.Text))
	case len(hits) > maxSearchRows:
		g.head.SetText(fmt.Sprintf("%d건 중 처음 %d건입니다. 더 좁혀 찾으세요. 줄을 고르면 그 기록을 엽니다.", len(hits), maxSearchRows))
	default:
		g.head.SetText(fmt.Sprintf("%d건. 줄을 고르면 그 기록을 엽니다 (Enter: 첫 번째).", len(hits)))
	}
	g.list.Refresh()
	g.list.ScrollToTop()
}

func (g *globalSearch) openFirst() {
	if len(g.hits) > 0 {
		g.open(g.hits[0])
	}
}

// open closes the search window and shows the hit's record in its screen.
func (g *globalSearch) open(h store.SearchHit) {
	if g.dlg != nil {
		g.dlg.Hide()
	}
	g.u.openHit(h)
}

func (g *globalSearch) show() {
	body := container.NewBorder(container.NewVBox(g.entry, g.head), nil, nil, nil, g.list)
	g.dlg = dialog.NewCustom("모든 기록에서 찾기", "닫기", body, g.u.env.win)
	g.dlg.Resize(fyne.NewSize(860, 600))
	g.dlg.Show()
	g.run()
	g.u.env.win.Canvas().Focus(g.entry)
}

// showSearch opens the search window (Ctrl+Shift+F), keeping the last query.
func (u *App) showSearch() {
	if u.search == nil {
		u.search = newGlobalSearch(u)
	}
	u.search.show()
}

// searchFor opens the search window on query ("" keeps the last one).
func (u *App) searchFor(query string) {
	u.showSearch()
	if query != "" {
		u.search.entry.SetText(query)
	}
}

// hitShower is a screen that can show a search hit's record.
type hitShower interface{ showHit(h store.SearchHit) bool }

// openHit shows a hit's record in its screen: the window's filter moves
// to the record's year and district (the search field of the top bar is
// cleared), then the screen selects the record.
func (u *App) openHit(h store.SearchHit) {
	id, ok := hitScreens[h.Kind]
	i := screenIndex(id)
	if !ok || i < 0 {
		return
	}
	if f := u.env.active; f != nil && f.dirty {
		// a changed form asks first; the record opens once it is answered
		f.leave(func() {
			u.env.active = nil
			u.openHit(h)
		})
		return
	}
	if u.bar.search.Text != "" {
		u.bar.search.SetText("")
	}
	if h.Kind != store.HitAudit {
		if h.Year != 0 {
			u.setYear(h.Year)
		}
		if store.IsDistrict(h.District) {
			u.setDistrict(h.District)
		} else {
			u.setDistrict("")
		}
	}
	u.showAt(i)
	if u.current != i {
		return
	}
	if s, ok := u.screens[i].(hitShower); ok && s.showHit(h) {
		return
	}
	if s, ok := u.screens[i].(recordShower); ok && s.showRecord(h.ID) {
		return
	}
	u.selectFirst()
}

// hitScreens are the screens that show each kind of search hit.
var hitScreens = map[string]ScreenID{
	store.HitPlan: ScreenPlans, store.HitPlatform: ScreenPlatforms,
	store.HitSession: ScreenSchool, store.HitCourse: ScreenSchool, store.HitEvent: ScreenSchool,
	store.HitSubmission: ScreenIntake, store.HitAudit: ScreenAudit,
}

// showHit selects a session (일정, the whole year listed), an event (행사)
// or a course (과정).
func (s *schoolScreen) showHit(h store.SearchHit) bool {
	switch h.Kind {
	case store.HitSession:
		s.showTab(tabSchedule)
		s.scope = scopeYear
		s.cal.pick("")
		s.fillList()
		for i, x := range s.shown {
			if x.ID == h.ID {
				s.list.SelectRow(i)
				return true
			}
		}
	case store.HitEvent:
		s.showTab(tabEvents)
		for i, x := range s.events.items {
			if x.ID == h.ID {
				s.events.grid.SelectRow(i)
				return true
			}
		}
	case store.HitCourse:
		s.showTab(tabCourses)
		for i, x := range s.courses.items {
			if x.ID == h.ID {
				s.courses.grid.SelectRow(i)
				return true
			}
		}
	}
	return false
}

// showHit selects a received file in the register.
func (s *intakeScreen) showHit(h store.SearchHit) bool {
	for i, x := range s.subs {
		if x.ID == h.ID {
			s.register.SelectRow(i)
			return true
		}
	}
	return false
}

// showHit selects an audit entry by its sequence number.
func (s *auditScreen) showHit(h store.SearchHit) bool {
	for i, x := range s.entries {
		if x.Seq == h.ID {
			s.grid.SelectRow(i)
			return true
		}
	}
	return false
}

// scenes: the search window over every record, as Ctrl+Shift+F opens it.
func (d *dashboard) scenes() []Scene {
	return []Scene{{Name: "search", Year: 2016, Show: func() {
		d.e.searchAll("ㄱㅅㅎ")
	}}}
}
