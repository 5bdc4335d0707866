package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"
)

func schoolOf(t *testing.T, u *App) *schoolScreen {
	t.Helper()
	s, ok := u.screen(ScreenSchool).(*schoolScreen)
	if !ok {
		t.Fatal("no 협치학교 screen")
	}
	return s
}

// typeSession fills the session form as the coordinator would.
func typeSession(s *schoolScreen, course, date, clock, venue, capacity string) {
	s.ed.f.choice(store.KeyCourse).SetSelected(course)
	test.Type(s.ed.f.entry(store.KeyDate), date)
	test.Type(s.ed.f.entry(store.KeyTime), clock)
	test.Type(s.ed.f.entry(store.KeyVenue), venue)
	test.Type(s.ed.f.entry(store.KeyCapacity), capacity)
}

func TestSchoolCreateSessionShowsInCalendar(t *testing.T) {
	u, _, st := newTestUI(t)
	Drive(u).SetYear(2017)
	Drive(u).ShowSchool(tabSchedule, 0, "")
	s := schoolOf(t, u)
	if s.cal.month != time.March {
		t.Fatalf("calendar opens on today's month, got %d", s.cal.month)
	}
	if got := s.ed.f.choice(store.KeyCourse).Options; len(got) != 3 || got[0] != store.CourseOutreach {
		t.Fatalf("course choices %q, want the plan's three", got)
	}
	u.createCurrent() // + 새로
	typeSession(s, store.CourseOutreach, "2017-05-10", "14:00-16:00", "관악구청 대회의실", "40")
	s.ed.f.choice(store.KeyDistrict).SetSelected("관악구")
	test.Type(s.ed.f.entry(store.KeyInstructor), "김강사")
	test.Tap(s.ed.f.saveBtn)

	xs, err := st.Sessions(store.Filter{Year: 2017})
	if err != nil || len(xs) != 1 {
		t.Fatalf("stored sessions: %v %+v", err, xs)
	}
	x := xs[0]
	if x.Date != "2017-05-10" || x.Time != "14:00-16:00" || x.Venue != "관악구청 대회의실" || x.Number != 1 ||
		x.Status != store.SessionPlanned || x.Capacity != 40 || x.District != "관악구" || x.Instructor != "김강사" {
		t.Fatalf("stored %+v", x)
	}

	// Switch the calendar away and back to May 2017: the session is on day 10.
	test.Tap(s.cal.prev)
	if s.cal.month != time.April || strings.Contains(s.cal.dayText(10), store.CourseOutreach) {
		t.Fatalf("April shows %q on the 10th", s.cal.dayText(10))
	}
	s.cal.months.SetSelected("5월")
	if s.cal.month != time.May || s.cal.yearL.Text != "2017년" {
		t.Fatalf("calendar on %s %d", s.cal.yearL.Text, s.cal.month)
	}
	if got := s.cal.dayText(10); got != "14:00 찾아가는 협치 이해교육 1회" {
		t.Fatalf("day 10 shows %q", got)
	}
	if s.cal.dayText(11) != "" {
		t.Fatalf("day 11 shows %q", s.cal.dayText(11))
	}
	// Tapping the day lists its session and opens it.
	s.cal.tapDay(10)
	if s.list.Rows() != 1 || s.list.Cell(0, 0) != "2017-05-10" || s.list.Cell(0, 6) != "김강사" || s.ed.cur.ID != x.ID {
		t.Fatalf("day list: %d rows, form on %d", s.list.Rows(), s.ed.cur.ID)
	}
	if !strings.HasPrefix(s.listHead.Text, "2017-05-10 회차 1건") {
		t.Fatalf("list head %q", s.listHead.Text)
	}
}

func TestSchoolFormShowsRuleProblems(t *testing.T) {
	u, _, st := newTestUI(t)
	Drive(u).SetYear(2017) // the window opens on 2016, the plan's records' year
	Drive(u).ShowSchool(tabSchedule, time.May, "")
	s := schoolOf(t, u)
	u.createCurrent()
	typeSession(s, store.CourseOutreach, "2017-05-10", "14:00-16:00", "관악구청 대회의실", "40")
	test.Tap(s.ed.f.saveBtn)

	// A second session in the same room at an overlapping time is refused.
	u.createCurrent()
	typeSession(s, store.CourseLeaders, "2017-05-10", "15:00~17:00", " 관악구청 대회의실", "30")
	test.Tap(s.ed.f.saveBtn)
	if got := s.ed.f.problem(store.KeyVenue); !strings.Contains(got, "시간이 겹칩니다") {
		t.Fatalf("venue problem %q", got)
	}
	if xs, _ := st.Sessions(store.Filter{Year: 2017}); len(xs) != 1 {
		t.Fatalf("overlap saved: %d sessions", len(xs))
	}
	// Typing errors are the importer's sentences, under their fields.
	test.Type(s.ed.f.entry(store.KeyTime), "x") // "15:00~17:00x"
	test.Type(s.ed.f.entry(store.KeyCapacity), "명x")
	test.Tap(s.ed.f.saveBtn)
	if got := s.ed.f.problem(store.KeyCapacity); got != `정원 "30명x" 은(는) 숫자가 아닙니다 (정원, 예: 12)` {
		t.Fatalf("capacity problem %q", got)
	}
	// "30명" reads as 30, as it does in a district's file.
	s.ed.f.entry(store.KeyCapacity).SetText("30명")
	test.Tap(s.ed.f.saveBtn)
	if got := s.ed.f.problem(store.KeyTime); !strings.Contains(got, "(예: 14:00-17:00)") {
		t.Fatalf("time problem %q", got)
	}
	// Another room, a date outside the school period and attendance on a
	// planned session.
	s.ed.f.entry(store.KeyTime).SetText("9:30~12:30")
	s.ed.f.entry(store.KeyVenue).SetText("서울시 인재개발원")
	s.ed.f.entry(store.KeyDate).SetText("2017-12-05")
	s.ed.f.entry(store.KeyAttendMale).SetText("3")
	test.Tap(s.ed.f.saveBtn)
	if got := s.ed.f.problem(store.KeyStatus); !strings.Contains(got, "완료된 회차에만") {
		t.Fatalf("status problem %q", got)
	}
	s.ed.f.choice(store.KeyStatus).SetSelected(string(store.SessionDone))
	s.ed.f.entry(store.KeyAttendMale).SetText("20")
	s.ed.f.entry(store.KeyAttendFemale).SetText("15")
	test.Tap(s.ed.f.saveBtn)
	xs, _ := st.Sessions(store.Filter{Year: 2017})
	if len(xs) != 2 || xs[1].Time != "09:30-12:30" || xs[1].Number != 1 || xs[1].Course != store.CourseLeaders {
		t.Fatalf("second session: %+v", xs)
	}
	// Saved with its warnings shown in amber: outside the period, over capacity.
	if !strings.Contains(s.ed.f.problem(store.KeyDate), "경고: 일자 2017-12-05 이(가) 협치학교 기간") ||
		!strings.Contains(s.ed.f.problem(store.KeyCapacity), "경고: 참석 35명") {
		t.Fatalf("warnings: %q / %q", s.ed.f.problem(store.KeyDate), s.ed.f.problem(store.KeyCapacity))
	}
	if s.cal.month != time.December || !strings.Contains(s.cal.dayText(5), "09:30 지역협치 책임자 교육 1회") {
		t.Fatalf("calendar follows the saved session: %d %q", s.cal.month, s.cal.dayText(5))
	}
}

func TestSchoolCancelAndCopySession(t *testing.T) {
	u, _, st := newTestUI(t)
	x := store.Session{Year: 2017, Course: store.CoursePracticing, Number: 1, Date: "2017-06-07", Time: "14:00-17:00",
		District: "도봉구", Venue: "도봉구청 대회의실", Capacity: 30, Instructor: "박강사", Status: store.SessionPlanned}
	if _, err := st.SaveSession(&x); err != nil {
		t.Fatal(err)
	}
	Drive(u).SetYear(2017)
	Drive(u).ShowSchool(tabSchedule, time.June, "")
	s := schoolOf(t, u)
	s.cal.tapDay(7)
	if s.ed.cur.ID != x.ID || !s.ed.copyBtn.Visible() || s.ed.cancelBtn.Disabled() {
		t.Fatal("tapping the day did not open its session")
	}
	// Copy to a week later: a new planned session, next number, same room.
	if !s.ed.copyTo("2017.06.14") {
		t.Fatal("copy failed")
	}
	xs, _ := st.Sessions(store.Filter{Year: 2017})
	if len(xs) != 2 || xs[1].Date != "2017-06-14" || xs[1].Number != 2 || xs[1].Venue != x.Venue || xs[1].Status != store.SessionPlanned || xs[1].ID == x.ID {
		t.Fatalf("copy: %+v", xs)
	}
	if s.ed.cur.ID != xs[1].ID || !strings.Contains(s.cal.dayText(14), "협치실행 교육 2회") {
		t.Fatalf("the copy is not shown: form %d, day 14 %q", s.ed.cur.ID, s.cal.dayText(14))
	}
	// A copy onto a clash is refused and stores nothing.
	if s.ed.copyTo("2017-06-07") {
		t.Fatal("copy onto the same room and time was stored")
	}
	if xs, _ := st.Sessions(store.Filter{Year: 2017}); len(xs) != 2 {
		t.Fatalf("%d sessions after a refused copy", len(xs))
	}
	// Cancel the copy: it stays, marked 취소, and is greyed in the calendar.
	s.ed.cancelSession()
	got, _ := st.Sessions(store.Filter{Year: 2017})
	if got[1].Status != store.SessionCancelled || got[0].Status != store.SessionPlanned {
		t.Fatalf("cancel: %+v", got)
	}
	if !strings.HasPrefix(s.cal.dayText(14), "(취소) ") || !s.ed.cancelBtn.Disabled() {
		t.Fatalf("cancelled day 14: %q", s.cal.dayText(14))
	}
	// Now the room is free again for a copy on the 14th.
	s.list.SelectRow(0)
	if !s.ed.copyTo("2017-06-14") {
		t.Fatal("the cancelled session still holds the room")
	}
}

func TestSchoolStatistics(t *testing.T) {
	u, _, st := newTestUI(t)
	// 2016: the plan's totals, marked as totals without detail.
	Drive(u).SetYear(2016)
	Drive(u).ShowSchool(tabStats, 0, statsByCourse)
	s := schoolOf(t, u)
	g := s.stats.grid
	checkStats2016(t, s)

	// 2017: the plan's three courses; held sessions count by sex.
	saveStatsSessions(t, st)
	Drive(u).SetYear(2017)
	checkStats2017ByCourse(t, g)
	s.stats.by.SetSelected(statsByMonth)
	if g.Rows() != 8 || g.Cell(0, 0) != "4월" || g.Cell(0, 6) != "10" || g.Cell(0, 7) != "20" {
		t.Fatalf("months: %d rows, %q", g.Rows(), g.Cell(0, 0))
	}
	if c := s.stats.chart.rows; len(c) != 8 || c[0].label != "4월" || c[0].values[0] != 10 || c[0].values[1] != 20 {
		t.Fatalf("month chart %+v", c)
	}
	s.stats.by.SetSelected(statsByDistrict)
	if g.Rows() != 2 || g.Cell(0, 0) != "도봉구" || g.Cell(1, 0) != "관악구" {
		t.Fatalf("districts: %d rows", g.Rows())
	}
	// The top bar's district narrows the statistics.
	Drive(u).SetDistrict("관악구")
	if g.Rows() != 1 || g.Cell(1, 8) != "30" {
		t.Fatalf("관악구 only: %d rows, total %q", g.Rows(), g.Cell(1, 8))
	}
}

// checkStats2016 checks 2016's statistics by course: the plan's totals,
// in the grid, the note, the chart and the schedule's summary.
func checkStats2016(t *testing.T, s *schoolScreen) {
	t.Helper()
	g := s.stats.grid
	if g.Rows() != 1 || g.Cell(0, 0) != "5개 과정 (합계만 기록)" || g.Cell(0, 1) != "24" || g.Cell(0, 8) != "1,563" || g.Cell(0, 6) != "-" {
		t.Fatalf("2016 row: %q %q %q %q", g.Cell(0, 0), g.Cell(0, 1), g.Cell(0, 8), g.Cell(0, 6))
	}
	if g.Cell(1, 1) != "24" || g.Cell(1, 8) != "1,563" {
		t.Fatalf("2016 total: %q %q", g.Cell(1, 1), g.Cell(1, 8))
	}
	if !strings.Contains(s.stats.note.Text, "합계만 있습니다: 5개 과정, 24회, 1,563명") {
		t.Fatalf("note %q", s.stats.note.Text)
	}
	if c := s.stats.chart.rows; len(c) != 1 || c[0].values[2] != 1563 {
		t.Fatalf("chart %+v", c)
	}
	if !strings.Contains(s.summary.Text, "합계만 있습니다: 5개 과정, 24회, 1,563명") {
		t.Fatalf("schedule summary %q", s.summary.Text)
	}
}

// saveStatsSessions saves three 2017 sessions: two held (관악구 10+20,
// 도봉구 5+5 attending) and one planned.
func saveStatsSessions(t *testing.T, st *store.Store) {
	t.Helper()
	for _, x := range []store.Session{
		{Year: 2017, Course: store.CourseOutreach, Date: "2017-04-12", Time: "10:00-12:00", District: "관악구", Venue: "관악구청", Capacity: 40, AttendMale: 10, AttendFemale: 20, Status: store.SessionDone},
		{Year: 2017, Course: store.CourseLeaders, Date: "2017-05-12", Time: "10:00-12:00", District: "도봉구", Venue: "도봉구청", Capacity: 20, AttendMale: 5, AttendFemale: 5, Status: store.SessionDone},
		{Year: 2017, Course: store.CourseLeaders, Date: "2017-09-12", Time: "10:00-12:00", District: "도봉구", Venue: "도봉구청", Capacity: 20, Status: store.SessionPlanned},
	} {
		if _, err := st.SaveSession(&x); err != nil {
			t.Fatal(err)
		}
	}
}

// checkStats2017ByCourse checks 2017's statistics by course over the
// sessions of saveStatsSessions.
func checkStats2017ByCourse(t *testing.T, g *Grid) {
	t.Helper()
	if g.Rows() != 3 || g.Cell(0, 0) != store.CourseOutreach || g.Cell(1, 0) != store.CourseLeaders || g.Cell(2, 0) != store.CoursePracticing {
		t.Fatalf("2017 courses: %d rows", g.Rows())
	}
	if g.Cell(1, 1) != "2" || g.Cell(1, 2) != "1" || g.Cell(1, 6) != "5" || g.Cell(1, 7) != "5" || g.Cell(1, 9) != "50.0%" {
		t.Fatalf("leaders row: %v", []string{g.Cell(1, 1), g.Cell(1, 2), g.Cell(1, 6), g.Cell(1, 7), g.Cell(1, 9)})
	}
	if g.Cell(3, 8) != "40" || g.Cell(3, 9) != "66.7%" {
		t.Fatalf("total: %q %q", g.Cell(3, 8), g.Cell(3, 9))
	}
}

func TestSchoolEventsAgainstBudget(t *testing.T) {
	u, _, st := newTestUI(t)
	Drive(u).SetYear(2017)
	Drive(u).ShowSchool(tabEvents, 0, "")
	s := schoolOf(t, u)
	ev := s.events
	if ev.budget.Rows() != len(store.EventKinds) || ev.budget.Cell(0, 0) != "정책토론회" || ev.budget.Cell(0, 2) != "25,000" || ev.budget.Cell(0, 4) != "25,000" {
		t.Fatalf("budget before: %q %q %q", ev.budget.Cell(0, 0), ev.budget.Cell(0, 2), ev.budget.Cell(0, 4))
	}
	u.createCurrent() // + 새로 on 행사 makes an event
	ev.f.choice(store.KeyKind).SetSelected("정책토론회")
	test.Type(ev.f.entry(store.KeyTitle), "2017 지역협치 정책토론회")
	test.Type(ev.f.entry(store.KeyDate), "2017-06-15")
	test.Type(ev.f.entry(store.KeyPlace), "시민청")
	test.Type(ev.f.entry(store.KeyBudget), "27,000")
	test.Type(ev.f.entry(store.KeyAttendMale), "30")
	test.Type(ev.f.entry(store.KeyAttendFemale), "45")
	test.Tap(ev.f.saveBtn)
	es, err := st.Events(store.Filter{Year: 2017})
	if err != nil || len(es) != 1 || es[0].Budget != 27000 || es[0].AttendFemale != 45 {
		t.Fatalf("stored events: %v %+v", err, es)
	}
	if ev.grid.Rows() != 1 || ev.grid.Cell(0, 2) != "2017 지역협치 정책토론회" || ev.grid.Cell(0, 7) != "75" {
		t.Fatalf("event list: %d rows", ev.grid.Rows())
	}
	if ev.budget.Cell(0, 3) != "27,000" || ev.budget.Cell(0, 4) != "-2,000" {
		t.Fatalf("budget after: used %q remaining %q", ev.budget.Cell(0, 3), ev.budget.Cell(0, 4))
	}
	// Held against the plan's targets (설정): 1 of about 5 forums, 0 of 20 workshops.
	for row, want := range map[int][2]string{0: {"1", "5"}, 1: {"0", "20"}, 2: {"0", ""}, 3: {"0", "10"}} {
		if ev.budget.Cell(row, 5) != want[0] || ev.budget.Cell(row, 6) != want[1] {
			t.Errorf("%s: held %q target %q, want %v", ev.budget.Cell(row, 0), ev.budget.Cell(row, 5), ev.budget.Cell(row, 6), want)
		}
	}
	if ev.budget.Style(0, 4) != widget.DangerImportance || ev.budget.Style(1, 4) != widget.MediumImportance {
		t.Fatal("27,000 against 25,000 must show red")
	}
	// The budget screen commits the same.
	bs, _ := st.BudgetStatus(2017)
	for _, b := range bs {
		if b.Program == store.EventProgram("정책토론회") && b.Committed != 27000 {
			t.Fatalf("budget line commits %d", b.Committed)
		}
	}
	// A title is required; the message sits under it.
	u.createCurrent()
	ev.f.choice(store.KeyKind).SetSelected("현장 워크숍")
	test.Type(ev.f.entry(store.KeyDate), "2017-07-01")
	test.Tap(ev.f.saveBtn)
	if got := ev.f.problem("title"); got != "행사명을 입력하세요" {
		t.Fatalf("title problem %q", got)
	}
}

func TestSchoolCoursesCopyToNewYear(t *testing.T) {
	u, _, st := newTestUI(t)
	Drive(u).SetYear(2018)
	Drive(u).ShowSchool(tabCourses, 0, "")
	s := schoolOf(t, u)
	if !s.courses.copyBtn.Visible() || s.courses.copyBtn.Text != "2017년 과정을 2018년으로 복사" {
		t.Fatalf("copy button %q", s.courses.copyBtn.Text)
	}
	test.Tap(s.courses.copyBtn)
	cs, _ := st.Courses(2018)
	if len(cs) != 3 || s.courses.grid.Rows() != 3 || s.courses.copyBtn.Visible() {
		t.Fatalf("2018 courses: %d", len(cs))
	}
	if len(s.ed.f.choice(store.KeyCourse).Options) != 3 {
		t.Fatalf("session form offers %q", s.ed.f.choice(store.KeyCourse).Options)
	}
	// Rename one; a duplicate name is refused.
	s.courses.grid.SelectRow(2)
	s.courses.f.entry(store.KeyName).SetText(store.CourseOutreach)
	test.Tap(s.courses.f.saveBtn)
	if !strings.Contains(s.courses.f.problem("name"), "이미 있습니다") {
		t.Fatalf("duplicate: %q", s.courses.f.problem("name"))
	}
	s.courses.f.entry(store.KeyName).SetText("협치실행 심화 교육")
	test.Tap(s.courses.f.saveBtn)
	cs, _ = st.Courses(2018)
	if cs[2].Name != "협치실행 심화 교육" || !hasString(s.ed.f.choice(store.KeyCourse).Options, "협치실행 심화 교육") {
		t.Fatalf("renamed: %+v", cs[2])
	}
}
