package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"

	"hyeopchi/store/value"
)

// schoolScreen is 협치학교: four tabs over the year chosen in the top bar.
// 일정: a month calendar, the sessions of the month (or of a day, or the
// year) below it and the selected session's form on the right. 통계:
// sessions, places and attendance by sex per course, district and month
// with a bar chart. 행사: events with their form and the budget each event
// kind used against its line. 과정: the year's courses.
type schoolScreen struct {
	e    *env
	tabs *container.AppTabs

	cal       *monthCalendar
	calYear   int
	list      *Grid
	listHead  *widget.Label
	summary   *widget.Label
	scope     listScope
	sessions  []store.Session // the year's sessions passing the filter
	shown     []store.Session // the list's rows
	offCourse map[int]bool    // rows whose course is none of the year's (a rule's warning)
	ed        *sessionEditor

	stats   *schoolStats
	events  *eventsTab
	courses *coursesTab
}

// listScope is what the session list under the calendar shows.
type listScope int

const (
	scopeMonth listScope = iota // the calendar's month
	scopeDay                    // the day tapped
	scopeYear                   // the whole year
)

// The tabs of 협치학교, in order.
const (
	tabSchedule = "일정"
	tabStats    = "통계"
	tabEvents   = "행사"
	tabCourses  = "과정"
)

func newSchoolScreen(e *env) *schoolScreen {
	s := &schoolScreen{e: e}
	s.list = NewGrid(
		Column{Title: "일자", Width: 95}, Column{Title: "시간", Width: 100}, Column{Title: "과정", Width: 180},
		Column{Title: "회차", Width: 50, Numeric: true}, Column{Title: "자치구", Width: 75}, Column{Title: "장소", Width: 160},
		Column{Title: "강사", Width: 70}, Column{Title: "정원", Width: 55, Numeric: true}, Column{Title: "남", Width: 50, Numeric: true},
		Column{Title: "여", Width: 50, Numeric: true}, Column{Title: "계", Width: 55, Numeric: true}, Column{Title: "상태", Width: 55},
	)
	s.list.Key = 7 // through 강사
	s.list.Style = func(row, col int) widget.Importance {
		if col == 2 && s.offCourse[row] {
			return widget.WarningImportance
		}
		if col != 11 || row >= len(s.shown) {
			return widget.MediumImportance
		}
		switch s.shown[row].Status {
		case store.SessionDone:
			return widget.SuccessImportance
		case store.SessionCancelled:
			return widget.LowImportance
		}
		return widget.HighImportance
	}
	s.list.OnSelect = func(i int) {
		if i < 0 || i >= len(s.shown) {
			return
		}
		x := s.shown[i]
		s.ed.f.leave(func() { s.ed.load(x) })
		if x.Date.Year() == s.cal.year && s.scope == scopeYear {
			s.cal.month = x.Date.Time().Month()
			s.cal.picked = x.Date
			s.cal.render()
		}
	}
	s.listHead = widget.NewLabel("")
	s.listHead.TextStyle.Bold = true
	s.listHead.Truncation = fyne.TextTruncateEllipsis
	s.summary = widget.NewLabel("")
	s.summary.Wrapping = fyne.TextWrapWord
	s.cal = newMonthCalendar(s.pickDay, func() {
		s.scope = scopeMonth
		s.fillList()
	})
	s.ed = newSessionEditor(e, s.afterSave)
	s.stats = newSchoolStats(e)
	s.events = newEventsTab(e)
	s.courses = newCoursesTab(e, s.refresh)
	return s
}

func (s *schoolScreen) content() fyne.CanvasObject {
	month := widget.NewButton("이 달", func() { s.scope = scopeMonth; s.cal.pick(""); s.fillList() })
	year := widget.NewButton("연간 전체", func() { s.scope = scopeYear; s.cal.pick(""); s.fillList() })
	head := container.NewBorder(nil, nil, nil, container.NewHBox(month, year), s.listHead)
	left := container.NewVSplit(s.cal.obj, container.NewBorder(head, nil, nil, nil, s.list))
	left.Offset = 0.6
	split := container.NewHSplit(left, s.ed.obj) // the calendar needs the height: the form stays beside it
	split.Offset = 0.68
	schedule := container.NewBorder(s.summary, nil, nil, nil, split)
	s.tabs = container.NewAppTabs(
		container.NewTabItem(tabSchedule, schedule),
		container.NewTabItem(tabStats, s.stats.object()),
		container.NewTabItem(tabEvents, s.events.object()),
		container.NewTabItem(tabCourses, s.courses.object()),
	)
	return s.tabs
}

func (s *schoolScreen) refresh() {
	cs, err := s.e.st.Courses(s.e.year)
	s.e.showError(err)
	var names []string
	for _, c := range cs {
		names = append(names, c.Name)
	}
	s.ed.setCourses(names)
	all, err := s.e.st.Sessions(s.e.filter())
	s.e.showError(err)
	s.sessions = s.sessions[:0]
	q := store.NewQuery(s.e.query)
	for _, x := range all {
		if q.Match(x.Course, x.Venue, x.District, x.Instructor, x.Audience, x.Note, string(x.Date)) {
			s.sessions = append(s.sessions, x)
		}
	}
	today := s.e.today()
	if s.calYear != s.e.year {
		s.calYear = s.e.year
		s.cal.month = time.April // the school's first month
		if today.Year() == s.e.year {
			s.cal.month = today.Time().Month()
		}
		s.scope = scopeMonth
	}
	s.cal.setSessions(s.e.year, s.sessions, today)
	s.fillList()
	s.summary.SetText(s.summaryText(names))
	s.ed.follow(all, s.e.year)
	s.stats.refresh()
	s.events.refresh()
	s.courses.refresh()
}

// summaryText is the line above the calendar: the year in numbers, or
// what to do when it has nothing.
func (s *schoolScreen) summaryText(courses []string) string {
	y := s.e.year
	if len(courses) == 0 && len(s.sessions) == 0 {
		text := fmt.Sprintf("%d년 과정과 회차가 없습니다. [과정] 탭에서 과정을 만든 뒤 [+ 새로]로 회차를 추가하세요.", y)
		if r := s.recorded(); r != nil {
			text = fmt.Sprintf("%d년은 회차별 기록 없이 합계만 있습니다: %d개 과정, %d회, %s명 ([통계] 탭).", y, r.Courses, r.Sessions, value.Thousands(int64(r.Participants)))
		}
		return text
	}
	var held, planned, cancelled, m, f int
	for _, x := range s.sessions {
		switch x.Status {
		case store.SessionDone:
			held++
			m += x.AttendMale
			f += x.AttendFemale
		case store.SessionCancelled:
			cancelled++
		default:
			planned++
		}
	}
	start, end := store.SchoolPeriod(y)
	text := fmt.Sprintf("%d년 협치학교 (%s ~ %s): 과정 %d개 · 회차 %d건 (완료 %d, 예정 %d, 취소 %d) · 참석 남 %s명, 여 %s명",
		y, start, end, len(courses), len(s.sessions), held, planned, cancelled, value.Thousands(int64(m)), value.Thousands(int64(f)))
	if len(s.sessions) == 0 {
		text += " — [+ 새로] 또는 달력의 날짜를 고른 뒤 [+ 새로]로 회차를 추가하세요."
	}
	return text
}

func (s *schoolScreen) recorded() *store.SchoolYear {
	ys, err := s.e.st.SchoolYears()
	s.e.showError(err)
	for _, r := range ys {
		if r.Year == s.e.year {
			return &r
		}
	}
	return nil
}

// fillList fills the session list for the scope.
func (s *schoolScreen) fillList() {
	s.shown = s.shown[:0]
	for _, x := range s.sessions {
		var in bool
		switch s.scope {
		case scopeDay:
			in = x.Date == s.cal.picked
		case scopeMonth:
			in = x.Date.Year() == s.cal.year && x.Date.Time().Month() == s.cal.month
		default:
			in = true
		}
		if in {
			s.shown = append(s.shown, x)
		}
	}
	var rows [][]string
	var capa, m, f int
	courses, err := s.e.st.Courses(0)
	s.e.showError(err)
	s.offCourse = map[int]bool{}
	for i, x := range s.shown {
		if len(store.CheckSession(x, nil, courses).Field(store.KeyCourse)) > 0 {
			s.offCourse[i] = true
		}
	}
	for _, x := range s.shown {
		capa += x.Capacity
		m += x.AttendMale
		f += x.AttendFemale
		rows = append(rows, []string{string(x.Date), x.Time, x.Course, fmt.Sprint(x.Number), x.District, x.Venue, x.Instructor,
			fmt.Sprint(x.Capacity), fmt.Sprint(x.AttendMale), fmt.Sprint(x.AttendFemale), fmt.Sprint(x.Attendance()), string(x.Status)})
	}
	s.list.SetRows(rows, []string{"계", "", fmt.Sprintf("%d건", len(rows)), "", "", "", "", fmt.Sprint(capa), fmt.Sprint(m), fmt.Sprint(f), fmt.Sprint(m + f), ""})
	var head string
	switch s.scope {
	case scopeDay:
		head = fmt.Sprintf("%s 회차 %d건", s.cal.picked, len(rows))
		if len(rows) == 0 {
			head += " — [+ 새로]를 누르면 이 날 회차를 추가합니다"
		}
	case scopeMonth:
		head = fmt.Sprintf("%d년 %d월 회차 %d건", s.cal.year, s.cal.month, len(rows))
	default:
		head = fmt.Sprintf("%d년 전체 회차 %d건", s.e.year, len(rows))
	}
	s.listHead.SetText(head)
}

// pickDay narrows the list to the day tapped; a day with one session opens it.
func (s *schoolScreen) pickDay(d store.Date) {
	s.scope = scopeDay
	s.fillList()
	if len(s.shown) == 1 {
		s.list.SelectRow(0)
	}
}

// afterSave reloads after the editor stored or removed a session and
// shows the stored one in the calendar and the list.
func (s *schoolScreen) afterSave(x *store.Session) {
	s.refresh()
	s.e.status()
	if x == nil || x.Year != s.e.year {
		return
	}
	if x.Date.Year() == s.cal.year {
		if s.scope == scopeMonth && x.Date.Time().Month() != s.cal.month {
			s.cal.month = x.Date.Time().Month()
			s.cal.render()
			s.fillList()
		}
		if s.scope == scopeDay && x.Date != s.cal.picked {
			s.cal.pick(x.Date)
			s.fillList()
		}
	}
	for i, o := range s.shown {
		if o.ID == x.ID {
			s.list.SelectRow(i)
		}
	}
}

func (s *schoolScreen) create() {
	switch s.tabs.Selected().Text {
	case tabEvents:
		s.events.create()
	case tabCourses:
		s.courses.create()
	default:
		s.tabs.SelectIndex(0)
		day := s.cal.picked
		if day.Year() != s.e.year {
			day = ""
		}
		s.ed.create(s.e.year, day)
	}
}

func (s *schoolScreen) selectFirst() {
	switch s.tabs.Selected().Text {
	case tabEvents:
		s.events.selectFirst()
	case tabCourses:
		s.courses.selectFirst()
	case tabSchedule:
		if len(s.shown) > 0 {
			s.list.SelectRow(0)
		}
	}
}

// showTab selects one of the tabs by its title.
func (s *schoolScreen) showTab(title string) {
	for i, t := range s.tabs.Items {
		if t.Text == title {
			s.tabs.SelectIndex(i)
		}
	}
}
