package store

import (
	"fmt"
	"testing"
)

// statLine writes a row the way the tests compare it.
func statLine(r StatRow) string {
	return fmt.Sprintf("%s: 회차 %d 완료 %d 취소 %d 장소 %d 정원 %d 남 %d 여 %d 미상 %d 계 %d %s",
		r.Label, r.Sessions, r.Held, r.Cancelled, r.Places, r.Capacity, r.Male, r.Female, r.Unknown, r.Total(), r.RateText())
}

func TestSchoolStats(t *testing.T) {
	courses := courses(2017)
	courses = append(courses, Course{Year: 2016, Name: "옛 과정"})
	mk := func(course, date, district, venue string, status SessionStatus, capa, m, f int) Session {
		return Session{Year: 2017, Course: course, Date: Date(date), District: district, Venue: venue, Status: status, Capacity: capa, AttendMale: m, AttendFemale: f}
	}
	sessions := []Session{
		mk(CourseOutreach, "2017-04-12", "관악구", "관악구청 대회의실", SessionDone, 40, 10, 20),
		mk(CourseOutreach, "2017-04-20", "관악구", " 관악구청 대회의실", SessionDone, 40, 12, 18),
		mk(CourseOutreach, "2017-05-03", "도봉구", "도봉구청 소회의실", SessionCancelled, 30, 0, 0),
		mk(CourseLeaders, "2017-05-10", "", "서울시 인재개발원", SessionDone, 20, 9, 11),
		mk(CourseLeaders, "2017-09-01", "도봉구", "도봉구청 소회의실", SessionPlanned, 25, 0, 0),
		mk("특별 과정", "2017-12-05", "관악구", "관악구청 대회의실", SessionDone, 10, 2, 3),
		{Year: 2016, Course: CourseOutreach, Date: "2016-05-01", Status: SessionDone, Capacity: 99, AttendMale: 99},
	}
	st := SchoolStats(courses, sessions, []SchoolYear{{Year: 2016, Courses: 5, Sessions: 24, Participants: 1563}}, 2017)
	if st.Recorded != nil {
		t.Fatalf("2017 has no recorded totals: %+v", st.Recorded)
	}
	check := func(what string, got []StatRow, want []string) {
		t.Helper()
		if len(got) != len(want) {
			for _, r := range got {
				t.Log(statLine(r))
			}
			t.Fatalf("%s: %d rows, want %d", what, len(got), len(want))
		}
		for i := range want {
			if g := statLine(got[i]); g != want[i] {
				t.Errorf("%s row %d:\n got %s\nwant %s", what, i, g, want[i])
			}
		}
	}
	check("courses", st.Courses, []string{
		"찾아가는 협치 이해교육: 회차 2 완료 2 취소 1 장소 1 정원 80 남 22 여 38 미상 0 계 60 75.0%",
		"지역협치 책임자 교육: 회차 2 완료 1 취소 0 장소 2 정원 20 남 9 여 11 미상 0 계 20 100.0%",
		"협치실행 교육: 회차 0 완료 0 취소 0 장소 0 정원 0 남 0 여 0 미상 0 계 0 -",
		"특별 과정: 회차 1 완료 1 취소 0 장소 1 정원 10 남 2 여 3 미상 0 계 5 50.0%",
	})
	check("districts", st.Districts, []string{
		"도봉구: 회차 1 완료 0 취소 1 장소 1 정원 0 남 0 여 0 미상 0 계 0 -",
		"관악구: 회차 3 완료 3 취소 0 장소 1 정원 90 남 24 여 41 미상 0 계 65 72.2%",
		"미지정: 회차 1 완료 1 취소 0 장소 1 정원 20 남 9 여 11 미상 0 계 20 100.0%",
	})
	var months []string
	for _, r := range st.Months {
		months = append(months, r.Label)
	}
	if fmt.Sprint(months) != "[4월 5월 6월 7월 8월 9월 10월 11월 12월]" {
		t.Fatalf("months %v", months)
	}
	check("april", st.Months[:2], []string{
		"4월: 회차 2 완료 2 취소 0 장소 1 정원 80 남 22 여 38 미상 0 계 60 75.0%",
		"5월: 회차 1 완료 1 취소 1 장소 1 정원 20 남 9 여 11 미상 0 계 20 100.0%",
	})
	check("total", []StatRow{st.Total}, []string{
		"계: 회차 5 완료 4 취소 1 장소 3 정원 110 남 33 여 52 미상 0 계 85 77.3%",
	})
}

// 2016 has only the plan's totals: they are the statistics, marked so.
func TestSchoolStatsTotalsOnly(t *testing.T) {
	d := SeedData()
	st := SchoolStats(d.Courses, d.Sessions, d.SchoolYears, 2016)
	if st.Recorded == nil || st.Recorded.Courses != 5 {
		t.Fatalf("recorded %+v", st.Recorded)
	}
	for what, rows := range map[string][]StatRow{"courses": st.Courses, "districts": st.Districts, "months": st.Months, "total": {st.Total}} {
		if len(rows) != 1 {
			t.Fatalf("%s: %d rows", what, len(rows))
		}
		r := rows[0]
		if !r.TotalsOnly || r.Sessions != 24 || r.Total() != 1563 || r.Male+r.Female != 0 || r.RateText() != "-" {
			t.Errorf("%s: %s", what, statLine(r))
		}
	}
	if st.Courses[0].Label != "5개 과정 (합계만 기록)" {
		t.Errorf("label %q", st.Courses[0].Label)
	}
	// 2017 of the plan: its three courses, nothing held yet.
	st = SchoolStats(d.Courses, d.Sessions, d.SchoolYears, 2017)
	if len(st.Courses) != 3 || st.Courses[0].Label != CourseOutreach || st.Courses[2].Label != CoursePracticing || st.Total.Sessions != 0 || st.Recorded != nil {
		t.Fatalf("2017: %+v", st)
	}
	// A year with sessions and recorded totals counts the sessions and keeps the totals aside.
	st = SchoolStats(d.Courses, []Session{{Year: 2016, Course: "x", Date: "2016-05-02", Status: SessionPlanned}}, d.SchoolYears, 2016)
	if st.Total.TotalsOnly || st.Total.Sessions != 1 || st.Recorded == nil {
		t.Fatalf("sessions and totals: %+v", st)
	}
}

func TestSchoolStatsOfSyntheticAddUp(t *testing.T) {
	d := SyntheticData(1, 3)
	st := SchoolStats(d.Courses, d.Sessions, d.SchoolYears, 2017)
	var n, m, f int
	for _, x := range d.Sessions {
		if x.Status != SessionCancelled {
			n++
		}
		m += x.AttendMale
		f += x.AttendFemale
	}
	for what, rows := range map[string][]StatRow{"courses": st.Courses, "districts": st.Districts, "months": st.Months} {
		var sn, sm, sf int
		for _, r := range rows {
			sn, sm, sf = sn+r.Sessions, sm+r.Male, sf+r.Female
		}
		if sn != n || sm != m || sf != f || st.Total.Sessions != n || st.Total.Male != m || st.Total.Female != f {
			t.Errorf("%s: %d/%d/%d, want %d/%d/%d", what, sn, sm, sf, n, m, f)
		}
	}
}

func TestEventBudgets(t *testing.T) {
	lines := seedBudget(2017)
	lines = append(lines, BudgetLine{Year: 2018, Name: "다른 해", Program: EventProgram("정책토론회"), OfficeCost: 999})
	events := []Event{
		{Year: 2017, Kind: "정책토론회", Budget: 12000, AttendMale: 30, AttendFemale: 50},
		{Year: 2017, Kind: "정책토론회", Budget: 14000, AttendMale: 20, AttendFemale: 10},
		{Year: 2017, Kind: "현장 워크숍", Budget: 2500},
		{Year: 2017, Kind: "성과공유 워크숍", AttendMale: 40, AttendFemale: 60},
		{Year: 2017, Kind: "간담회", Budget: 300},
		{Year: 2016, Kind: "현장 워크숍", Budget: 7000},
	}
	got := EventBudgets(lines, events, seedEventTargets(2017), 2017)
	for _, r := range got {
		if want := map[string]int{"정책토론회": 5, "현장 워크숍": 20, "자문네트워크 회의": 10}[r.Kind]; r.Target != want {
			t.Errorf("%s: target %d, want %d", r.Kind, r.Target, want)
		}
	}
	want := []string{
		"정책토론회|협치 정책토론회(지역협치 분야)|25000|26000|-1000|2|30+20|50+10|true",
		"현장 워크숍|지역협치 현장 워크숍|10000|2500|7500|1|0|0|false",
		"사례 아카이빙|지역협치 사례 아카이빙|20000|0|20000|0|0|0|false",
		"자문네트워크 회의|자문네트워크 회의|8000|0|8000|0|0|0|false",
		"성과공유 워크숍||0|0|0|1|40|60|false",
		"간담회||0|300|-300|1|0|0|true",
	}
	if len(got) != len(want) {
		t.Fatalf("%d rows: %+v", len(got), got)
	}
	for i, r := range got {
		m, f := fmt.Sprint(r.Male), fmt.Sprint(r.Female)
		if r.Kind == "정책토론회" && r.Male == 50 && r.Female == 60 {
			m, f = "30+20", "50+10"
		}
		line := fmt.Sprintf("%s|%s|%d|%d|%d|%d|%s|%s|%v", r.Kind, r.Line, r.Amount, r.Used, r.Remaining(), r.Events, m, f, r.Over())
		if line != want[i] {
			t.Errorf("row %d:\n got %s\nwant %s", i, line, want[i])
		}
	}
	// The same sums as the budget screen's commitments.
	s := newTestStore(t, SeedData())
	for i, e := range events[:5] {
		e.Title, e.Date = fmt.Sprintf("행사 %d", i), "2017-06-01"
		if _, err := s.SaveEvent(&e); err != nil {
			t.Fatal(err)
		}
	}
	bs, err := s.BudgetStatus(2017)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bs {
		for _, r := range got {
			if b.Program == EventProgram(r.Kind) && b.Committed != r.Used {
				t.Errorf("%s: budget commits %d, events %d", r.Kind, b.Committed, r.Used)
			}
		}
	}
}

func BenchmarkSchoolStats(b *testing.B) {
	d := SyntheticData(10, 1)
	b.ReportAllocs()
	for b.Loop() {
		SchoolStats(d.Courses, d.Sessions, d.SchoolYears, 2020)
	}
}
