package store

import (
	"errors"
	"strings"
	"testing"
)

// testCourses are the plan's courses for 2017 and 2019 (none for 2018).
var testCourses = append(courses(2017), courses(2019)...)

// session is a valid held session to vary in tests.
func session() Session {
	return Session{ID: 1, Year: 2017, Course: CourseOutreach, Number: 1, Date: "2017-05-10", Time: "14:00-16:00",
		District: "관악구", Venue: "관악구청 대회의실", Capacity: 40, AttendMale: 10, AttendFemale: 20, Status: SessionDone}
}

// want is what a check must find: a problem on field whose message holds
// text, an error or a warning. Field "" means no problem at all.
type want struct {
	field, text string
	warning     bool
}

func assertProblems(t *testing.T, ps Problems, w want) {
	t.Helper()
	if w.field == "" {
		if len(ps) != 0 {
			t.Fatalf("want no problem, got %v", ps)
		}
		return
	}
	if len(ps) != 1 {
		t.Fatalf("want one problem on %s, got %v", w.field, ps)
	}
	p := ps[0]
	if p.Field != w.field || p.Warning != w.warning || !strings.Contains(p.Message, w.text) {
		t.Fatalf("want %s (warning %v) %q, got %+v", w.field, w.warning, w.text, p)
	}
}

func TestCheckSessionFields(t *testing.T) {
	cases := []struct {
		name string
		edit func(*Session)
		want want
	}{
		{"a held session within capacity passes", func(*Session) {}, want{}},
		{"course is required", func(x *Session) { x.Course = " " }, want{"course", "과정을 입력하세요", false}},
		{"date is required", func(x *Session) { x.Date = "" }, want{"date", "일자를 입력하세요", false}},
		{"a date that is no date is an error", func(x *Session) { x.Date = "2017-02-30" }, want{"date", `"2017-02-30" 이(가) 올바른 날짜가 아닙니다`, false}},
		{"a date of another year is an error", func(x *Session) { x.Date = "2018-05-10" }, want{"date", "2018-05-10 이(가) 2017년이 아닙니다", false}},
		{"1 April is inside the school period", func(x *Session) { x.Date = "2017-04-01" }, want{}},
		{"30 November is inside the school period", func(x *Session) { x.Date = "2017-11-30" }, want{}},
		{"31 March is outside: warning", func(x *Session) { x.Date = "2017-03-31" }, want{"date", "협치학교 기간(2017-04-01 ~ 2017-11-30) 밖입니다", true}},
		{"1 December is outside: warning", func(x *Session) { x.Date = "2017-12-01" }, want{"date", "기간(2017-04-01 ~ 2017-11-30) 밖", true}},
		{"another year's period is April–November too", func(x *Session) { x.Year, x.Date = 2019, "2019-03-15" }, want{"date", "(2019-04-01 ~ 2019-11-30)", true}},
		{"time is optional", func(x *Session) { x.Time = "" }, want{}},
		{"time with ~ and a one-digit hour reads", func(x *Session) { x.Time = "9:30 ~ 12:30" }, want{}},
		{"an unparseable time is an error with the form", func(x *Session) { x.Time = "2시" }, want{"time", `시간 "2시" 은(는) 형식이 맞지 않습니다 (예: 14:00-17:00)`, false}},
		{"a start time alone passes", func(x *Session) { x.Time = "14:00" }, want{}},
		{"minutes past 59 are an error", func(x *Session) { x.Time = "14:60-16:00" }, want{"time", "형식이 맞지 않습니다", false}},
		{"an end before the start is an error", func(x *Session) { x.Time = "17:00-14:00" }, want{"time", "끝나는 시각이 시작 시각보다 늦어야 합니다", false}},
		{"an unknown district is an error", func(x *Session) { x.District = "관악" }, want{"district", "서울시 자치구가 아닙니다", false}},
		{"no district is fine (a central session)", func(x *Session) { x.District = "" }, want{}},
		{"negative capacity is an error", func(x *Session) { x.Capacity, x.AttendMale, x.AttendFemale = -1, 0, 0 }, want{"capacity", "정원 -1 은(는) 0 이상", false}},
		{"negative attendance is an error", func(x *Session) { x.AttendMale = -3 }, want{"attend_male", "참석 남 -3", false}},
		{"attendance equal to capacity passes", func(x *Session) { x.AttendMale, x.AttendFemale = 15, 25 }, want{}},
		{"attendance over capacity is a warning", func(x *Session) { x.AttendMale, x.AttendFemale = 16, 25 }, want{"capacity", "참석 41명(남 16, 여 25)이 정원 40명을 넘습니다", true}},
		{"no capacity set: no capacity warning", func(x *Session) { x.Capacity = 0 }, want{}},
		{"a planned session without attendance passes", func(x *Session) { x.Status, x.AttendMale, x.AttendFemale = SessionPlanned, 0, 0 }, want{}},
		{"a planned session with attendance is an error", func(x *Session) { x.Status = SessionPlanned }, want{"status", "참석 인원(30명)은 완료된 회차에만 입력합니다: 상태가 예정입니다", false}},
		{"a cancelled session with attendance is an error", func(x *Session) { x.Status, x.AttendMale, x.AttendFemale = SessionCancelled, 0, 1 }, want{"status", "상태가 취소입니다", false}},
		{"a cancelled session without attendance passes", func(x *Session) { x.Status, x.AttendMale, x.AttendFemale = SessionCancelled, 0, 0 }, want{}},
		{"status is required", func(x *Session) { x.Status = "" }, want{"status", "상태를 고르세요 (예정, 완료, 취소)", false}},
		{"an unknown status is an error", func(x *Session) { x.Status = "연기" }, want{"status", `상태 "연기" 을(를) 알 수 없습니다`, false}},
		{"a negative number is an error", func(x *Session) { x.Number = -1 }, want{"number", "회차 -1", false}},
		{"a bad year is an error", func(x *Session) { x.Year = 17; x.Date = "0017-05-10" }, want{"year", "연도 17", false}},
		{"each of the year's courses passes", func(x *Session) { x.Course = CoursePracticing }, want{}},
		{"a course written without its space passes", func(x *Session) { x.Course = "협치실행교육" }, want{}},
		{"an unknown course warns, naming the known ones", func(x *Session) { x.Course = "활동가 교육" },
			want{"course", `과정 "활동가 교육" 은(는) 2017년 과정이 아닙니다 (찾아가는 협치 이해교육, 지역협치 책임자 교육, 협치실행 교육;`, true}},
		{"a year without a course list is not judged", func(x *Session) { x.Year, x.Date, x.Course = 2018, "2018-05-10", "활동가 교육" }, want{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x := session()
			c.edit(&x)
			assertProblems(t, CheckSession(x, nil, testCourses), c.want)
		})
	}
}

func TestCheckSessionVenueOverlap(t *testing.T) {
	other := session()
	other.ID, other.Number, other.Course, other.Time = 2, 4, CourseLeaders, "13:00-15:00"
	cases := []struct {
		name string
		edit func(x, o *Session)
		want want
	}{
		{"same venue, day and overlapping times is an error", func(x, o *Session) {},
			want{"venue", `장소 "관악구청 대회의실": 2017-05-10 14:00-16:00 이(가) 같은 장소의 지역협치 책임자 교육 4회(13:00-15:00)와 시간이 겹칩니다`, false}},
		{"venues compare trimmed", func(x, o *Session) { o.Venue = " 관악구청 대회의실 " }, want{"venue", "시간이 겹칩니다", false}},
		{"one inside the other overlaps", func(x, o *Session) { o.Time = "14:30-15:00" }, want{"venue", "시간이 겹칩니다", false}},
		{"times read with ~ overlap too", func(x, o *Session) { o.Time = "15:59 ~ 18:00" }, want{"venue", "시간이 겹칩니다", false}},
		{"back to back does not overlap", func(x, o *Session) { o.Time = "16:00-18:00" }, want{}},
		{"ending as the other starts does not overlap", func(x, o *Session) { o.Time = "12:00-14:00" }, want{}},
		{"another day does not clash", func(x, o *Session) { o.Date = "2017-05-11" }, want{}},
		{"another venue does not clash", func(x, o *Session) { o.Venue = "관악구청 소회의실" }, want{}},
		{"no venue does not clash", func(x, o *Session) { x.Venue, o.Venue = "", "" }, want{}},
		{"a cancelled other session frees the venue", func(x, o *Session) { o.Status, o.AttendMale, o.AttendFemale = SessionCancelled, 0, 0 }, want{}},
		{"a cancelled session holds no venue", func(x, o *Session) { x.Status, x.AttendMale, x.AttendFemale = SessionCancelled, 0, 0 }, want{}},
		{"the session itself is not another", func(x, o *Session) { o.ID = x.ID }, want{}},
		{"an unparseable time reports only the time", func(x, o *Session) { x.Time = "오후" }, want{"time", "형식이 맞지 않습니다", false}},
		{"the same number twice in a course is a warning", func(x, o *Session) { o.Course, o.Number, o.Date = CourseOutreach, 1, "2017-06-01" },
			want{"number", "찾아가는 협치 이해교육 1회가 이미 있습니다 (2017-06-01)", true}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x, o := session(), other
			c.edit(&x, &o)
			assertProblems(t, CheckSession(x, []Session{o}, testCourses), c.want)
		})
	}
}

func TestCheckEvent(t *testing.T) {
	ok := Event{Year: 2017, Kind: "정책토론회", Title: "2017 지역협치 정책토론회", Date: "2017-06-15", Place: "시민청", Budget: 5000, AttendMale: 30, AttendFemale: 40}
	cases := []struct {
		name string
		edit func(*Event)
		want want
	}{
		{"a complete event passes", func(*Event) {}, want{}},
		{"kind is required", func(e *Event) { e.Kind = "" }, want{"kind", "종류를 고르세요 (정책토론회,", false}},
		{"a kind outside the plan is a warning", func(e *Event) { e.Kind = "간담회" }, want{"kind", "예산 항목에 잡히지 않습니다", true}},
		{"title is required", func(e *Event) { e.Title = "" }, want{"title", "행사명을 입력하세요", false}},
		{"date is required", func(e *Event) { e.Date = "" }, want{"date", "일자를 입력하세요", false}},
		{"a date of another year is an error", func(e *Event) { e.Date = "2016-12-01" }, want{"date", "2016-12-01 이(가) 2017년이 아닙니다", false}},
		{"events may be outside the school period", func(e *Event) { e.Date = "2017-12-12" }, want{}},
		{"a negative budget is an error", func(e *Event) { e.Budget = -1000 }, want{"budget", "예산 -1,000천원", false}},
		{"negative attendance is an error", func(e *Event) { e.AttendFemale = -1 }, want{"attend_female", "참석 여 -1", false}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := ok
			c.edit(&e)
			assertProblems(t, CheckEvent(e), c.want)
		})
	}
}

// The store runs the rules on save: an overlap blocks it, a warning does not.
func TestSaveSessionRunsRules(t *testing.T) {
	s := newTestStore(t, SeedData())
	a := session()
	a.ID = 0
	if ps, err := s.SaveSession(&a); err != nil || len(ps) != 0 {
		t.Fatalf("first session: %v %v", ps, err)
	}
	b := session()
	b.ID, b.Course, b.Time = 0, CourseLeaders, "15:00-17:00"
	ps, err := s.SaveSession(&b)
	var inv *InvalidError
	if !errors.As(err, &inv) || len(ps.Field("venue")) != 1 || b.ID != 0 {
		t.Fatalf("overlap saved: %v %v", ps, err)
	}
	b.Venue = "관악구청 소회의실"
	b.AttendMale = 50
	ps, err = s.SaveSession(&b)
	if err != nil || b.ID == 0 || len(ps.Warnings()) != 1 {
		t.Fatalf("over capacity must save with a warning: %v %v", ps, err)
	}
	// Editing a session does not clash with itself.
	a.Note = "메모"
	if _, err := s.SaveSession(&a); err != nil {
		t.Fatal(err)
	}
	fs, err := s.Check()
	var school Findings
	for _, f := range fs {
		if strings.HasPrefix(f.Where, "교육회차") {
			school = append(school, f)
		}
	}
	if err != nil || len(school) != 1 || !school[0].Warning || !strings.Contains(school[0].Message, "정원") {
		t.Fatalf("check: %v %v", fs, err)
	}
}

// The synthetic data keeps the school's rules: no errors, no warnings.
func TestSyntheticSchoolPassesRules(t *testing.T) {
	d := SyntheticData(3, 7)
	for _, f := range CheckDataset(d, SyntheticAsOf(3)) {
		if strings.HasPrefix(f.Where, "교육회차") || strings.HasPrefix(f.Where, "행사") {
			t.Errorf("%s", f)
		}
	}
}

// Two sessions given only their start time clash when it is the same;
// one given only a start clashes with a range that covers it.
func TestStartTimeAloneClashes(t *testing.T) {
	base := Session{ID: 1, Year: 2017, Course: "협치실행 교육", Number: 1, Date: "2017-05-10", Venue: "구청 강당", Capacity: 30, Status: SessionPlanned}
	for _, c := range []struct {
		a, b  string
		clash bool
	}{
		{"14:00", "14:00", true},
		{"14:00", "15:00", false},
		{"14:00", "13:00-15:00", true},
		{"15:00", "13:00-15:00", false},
	} {
		x, o := base, base
		x.Time, o.ID, o.Number, o.Time = c.a, 2, 2, c.b
		got := len(CheckSession(x, []Session{o}, testCourses).Field("venue")) > 0
		if got != c.clash {
			t.Errorf("%s vs %s: clash %v, want %v", c.a, c.b, got, c.clash)
		}
	}
}
