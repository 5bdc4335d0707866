package reports

import (
	"fmt"
	"time"

	"hyeopchi/store"

	"hyeopchi/store/value"
)

// The plan's own records (2017 지역협치 기본계획: 참고1, 참고2, Ⅸ, Ⅹ), built
// here until store.SeedData exists, plus a few 2017 records of the kind the
// office keeps during the year.

var generated = time.Date(2017, 2, 22, 10, 0, 0, 0, time.UTC)

// planSettings are the default settings with the plan's own header
// recorded for every report, as the coordinator records an approval.
func planSettings() store.Settings {
	s := store.DefaultSettings()
	s.Documents = map[string]store.DocHeader{}
	for _, k := range Kinds {
		s.Documents[k] = store.DocHeader{DocNumber: "지역공동체담당관-2053", Approved: "2017-02-22",
			PolicyNumber: "정무부시장 방침 제7호"}
	}
	return s
}

func d(s string) store.Date { return store.Date(s) }

// plans2016 is 참고1 and platforms2016 참고2, as the store seeds them.
func plans2016() []store.Plan { return store.SeedData().Plans }

func platforms2016() []store.Platform {
	ps := store.SeedData().Platforms
	// contact data as the edit form holds it; reports must mask it
	ps[0].Members[0].Contact = "010-2345-6789"
	ps[0].Members[3].Contact = "lee.sh@gangbuk.kr"
	return ps
}

// budget2017 is Ⅸ 지역협치 추진 사업비 내역, as the store seeds it.
func budget2017() []store.BudgetLine { return store.SeedData().BudgetLines }

// committed2017 is what the office has committed in the fixture year.
func committed2017() map[string]int64 {
	return map[string]int64{
		"지역사회혁신계획 수립・실행 지원/지역사회혁신계획 지원비":   250000,
		"시민협력플랫폼 지원/시민협력플랫폼 지원":            300000,
		"지역협치 기반조성/협치학교(지역협치 분야) 운영":       12345,
		"지역협치 활성화 연계 지원/협치 정책토론회(지역협치 분야)": 5000,
		"/지역협치 기반조성": 999999, // a parent's entry: ignored
	}
}

func milestones2017() []store.Milestone { return store.SeedData().Milestones }

func courses2017() []store.Course { return store.SeedData().Courses }

func sessions2017() []store.Session {
	s := func(course string, n int, date, district, venue string, capacity, m, f int, status string) store.Session {
		return store.Session{Year: 2017, Course: course, Number: n, Date: d(date), Time: "14:00-17:00",
			District: district, Venue: venue, Capacity: capacity, AttendMale: m, AttendFemale: f, Status: store.SessionStatus(status),
			Audience: "자치구 공무원", Instructor: "협치서울 강사단"}
	}
	return []store.Session{
		s("찾아가는 협치 이해교육", 1, "2017-04-12", "관악구", "관악구청 대강당", 80, 31, 44, "완료"),
		s("찾아가는 협치 이해교육", 2, "2017-04-26", "도봉구", "도봉구청 8층 회의실", 60, 22, 35, "완료"),
		s("지역협치 책임자 교육", 1, "2017-05-10", "", "서울시청 서소문별관", 40, 17, 21, "완료"),
		s("협치실행 교육", 1, "2017-06-07", "관악구", "관악구 협치회의실", 30, 0, 0, "예정"),
		s("찾아가는 협치 이해교육", 3, "2017-05-17", "금천구", "금천구청", 50, 0, 0, "취소"),
	}
}

func events2017() []store.Event {
	return []store.Event{
		{Year: 2017, Kind: "정책토론회", Title: "지역협치와 시민참여예산 연계 토론회", Date: d("2017-03-15"), Place: "서울시청 다목적홀", Budget: 5000, AttendMale: 40, AttendFemale: 52},
		{Year: 2017, Kind: "현장 워크숍", Title: "=HYPERLINK(\"http://evil.example\",\"클릭\")", Date: d("2017-04-20"), Place: "+성동구 성수동", Budget: 500, AttendMale: 8, AttendFemale: 11},
	}
}

func submissions2017() []store.Submission {
	return []store.Submission{
		{District: "관악구", Kind: "혁신계획", Year: 2017, Received: d("2017-06-28"), Due: d("2017-06-30"), FileName: "관악구_본계획_초안.xlsx", Status: "확정"},
		{District: "관악구", Kind: "플랫폼", Year: 2017, Received: d("2017-03-02"), Due: d("2017-03-10"), FileName: "관악구_플랫폼_명단.xlsx", Status: "보완요청", Errors: []string{"관악구.xlsx:플랫폼:4:대표자: 비어 있습니다"}},
	}
}

// planInput is the plan's data as the store will hand it over.
func planInput(kind string, year int, district string) Input {
	var ds []store.District
	for _, n := range store.Districts {
		x := store.District{Name: n, Region: store.DefaultRegion[n], Council: "협치" + n + "회의"}
		if n == "도봉구" {
			x.Ordinance, x.OrdinanceOn = true, d("2016-10-10")
		}
		if n == "관악구" {
			x.Office, x.Coordinator = "협치관악 추진단", true
		}
		ds = append(ds, x)
	}
	plans := plans2016()
	plans = append(plans, store.Plan{District: "관악구", Year: 2017, Stage: store.StageExecution, Support: "실행",
		Start: d("2017-09-01"), End: d("2018-08-31"), Amount: 250000, TFTCivil: 15, TFTOfficial: 9,
		Fields: []string{"마을", "교육", "사경", "복지", "도시재생"}, PB: "계획형",
		Process: []store.Step{{Name: "공모", On: d("2017-03-02")}, {Name: "협의·조정", On: d("2017-07-14")}, {Name: "협약", On: d("2017-08-25")}}})
	platforms := platforms2016()
	p17 := platforms[1]
	p17.Year, p17.Growth, p17.Status = 2017, 2, "협약체결"
	p17.Indicators = []store.Indicator{{Common: true, Name: "네트워크 참여 단체 수", Target: "30개", Result: "24개"},
		{Name: "주민 공론장 개최", Target: "6회", Result: "2회"}}
	platforms = append(platforms, p17)
	return Input{
		Settings: planSettings(), Year: year, District: district, Districts: ds,
		Plans: plans, Platforms: platforms, Courses: courses2017(), Sessions: sessions2017(),
		SchoolYears:    []store.SchoolYear{{Year: 2016, Courses: 5, Sessions: 24, Participants: 1563, Note: "찾아가는 협치 이해교육, 활동가 교육, 협치실행교육 등"}},
		PlatformRounds: store.SeedData().PlatformRounds,
		Events:         events2017(), Submissions: submissions2017(), Budget: budget2017(), Committed: committed2017(),
		Milestones: milestones2017(), Generated: generated,
	}
}

// synthetic is a ten-year database of the size the office reaches: every
// district with a plan, a platform of five members, eight sessions and
// four submissions a year.
func synthetic(years int) Input {
	in := planInput(KindAnnual, 2016+years-1, "")
	for y := 2017; y < 2016+years; y++ {
		for i, n := range store.Districts {
			in.Plans = append(in.Plans, store.Plan{District: n, Year: y, Stage: store.Stages[i%3], Support: "실행",
				Start: value.NewDate(y, 1, 1), End: value.NewDate(y, 12, 31), Amount: int64(100000 + i*1000),
				TFTCivil: 10 + i%7, TFTCouncil: i % 2, TFTOfficial: 5 + i%4, Fields: []string{"마을", "교육", "복지", "도시재생"}})
			p := store.Platform{District: n, Year: y, Name: n + " 시민협력플랫폼", Grant: 100000, Months: 12, Growth: 1 + i%3, Status: "사업개시"}
			for k := 0; k < 5; k++ {
				p.Members = append(p.Members, store.Member{Role: store.Roles[min(k, 2)], Org: fmt.Sprintf("%s 단체%d", n, k), Rep: "홍길동", Contact: "010-1234-5678"})
			}
			in.Platforms = append(in.Platforms, p)
			for k := 1; k <= 8; k++ {
				in.Sessions = append(in.Sessions, store.Session{Year: y, Course: courses2017()[k%3].Name, Number: k,
					Date: value.NewDate(y, time.Month(3+k), 10), District: n, Venue: n + "청", Capacity: 40, AttendMale: 15, AttendFemale: 20, Status: "완료"})
			}
			for k := 0; k < 4; k++ {
				in.Submissions = append(in.Submissions, store.Submission{District: n, Year: y, Kind: store.SubmissionKinds[k%3],
					Received: value.NewDate(y, 6, 1), FileName: fmt.Sprintf("%s_%d_%d.xlsx", n, y, k), Status: "확정"})
			}
		}
		for _, c := range courses2017() {
			c.Year = y
			in.Courses = append(in.Courses, c)
		}
		for _, l := range budget2017() {
			l.Year = y
			in.Budget = append(in.Budget, l)
		}
		for _, m := range milestones2017() {
			m.Year = y
			in.Milestones = append(in.Milestones, m)
		}
	}
	return in
}
