package reports

import (
	"fmt"
	"time"

	"hyeopchi/store"
)

// The plan's own records (2017 지역협치 기본계획: 참고1, 참고2, Ⅸ, Ⅹ), built
// here until store.SeedData exists, plus a few 2017 records of the kind the
// office keeps during the year.

var generated = time.Date(2017, 2, 22, 10, 0, 0, 0, time.UTC)

func planSettings() store.Settings {
	return store.Settings{
		Office:       "서울특별시",
		Department:   "지역공동체담당관",
		ApprovalLine: DefaultApprovalLine(),
		DocNumber:    "지역공동체담당관-2053",
		Disclosure:   "공개",
		CurrentYear:  2017,
		Checklist:    DefaultChecklist(),
	}
}

func d(s string) store.Date { return store.Date(s) }

// plans2016 is 참고1: 2016년도 지역사회혁신계획 사업 선정 결과.
func plans2016() []store.Plan {
	row := func(district, end string, months int, amount int64, civil, council, official int, fields ...string) store.Plan {
		return store.Plan{District: district, Year: 2016, Stage: store.StageDrafting, Support: "수립계획서",
			Start: d("2016-11-01"), End: d(end), Months: months, Amount: amount,
			TFTCivil: civil, TFTCouncil: council, TFTOfficial: official, Fields: fields}
	}
	return []store.Plan{
		row("영등포구", "2017-06-30", 8, 200000, 12, 0, 8, "마을", "교육", "사경", "다문화", "도시재생"),
		row("관악구", "2017-08-31", 10, 167000, 14, 0, 9, "마을", "교육", "사경", "복지", "도시재생"),
		row("서대문구", "2017-06-30", 8, 150000, 14, 0, 12, "복지", "교육", "여성", "안전", "환경", "도시", "마을"),
		row("성동구", "2017-05-30", 6, 100000, 6, 0, 6, "복지", "마을", "찾동", "사경"),
		row("도봉구", "2017-03-31", 5, 79000, 9, 1, 5, "마을", "복지", "사경", "교육", "도시재생"),
		row("동대문구", "2017-10-31", 12, 200000, 10, 2, 2, "안전", "복지", "도시재생", "교육", "일자리", "자치"),
		row("금천구", "2017-07-31", 9, 152725, 10, 0, 4, "안전", "일자리", "교육문화", "복지건강", "도시환경", "주민자치소통"),
		row("은평구", "2017-04-30", 6, 96897, 11, 1, 9, "교육", "주민자치", "문화예술", "도시재생", "환경", "공동체", "복지", "사경"),
	}
}

func roster(district string, grant int64, lead [2]string, members [][2]string, manager, note string) store.Platform {
	p := store.Platform{District: district, Year: 2016, Grant: grant, Months: 12, Growth: 1, Space: 50, Status: "사업개시"}
	p.Members = append(p.Members, store.Member{Role: store.RoleLead, Org: lead[0], Rep: lead[1]})
	for _, m := range members {
		p.Members = append(p.Members, store.Member{Role: store.RoleMember, Org: m[0], Rep: m[1]})
	}
	p.Members = append(p.Members, store.Member{Role: store.RoleManager, Rep: manager, Note: note})
	return p
}

// platforms2016 is 참고2: 2016년도 시민협력플랫폼 선정 단체 현황.
func platforms2016() []store.Platform {
	ps := []store.Platform{
		roster("강북구", 99976, [2]string{"강북마을모임", "김성훈"}, [][2]string{{"강북구사회적경제협의회", "최동준"}, {"강북구사회적경제통합지원센터", "정명훈"}}, "이상훈", "강북마을 부대표"),
		roster("관악구", 100000, [2]string{"(사)관악주민연대", "민경자"}, [][2]string{{"(사)난곡주민도서관 새숲", "이명애"}, {"(준)사회적협동조합 공동체관악", "김승오"}, {"삼성고등학교사회적협동조합", "김혜정"}}, "홍선", "관악사회복지 운영위원장"),
		roster("동대문구", 100000, [2]string{"(사)열린사회동대문시민회", "주영남"}, [][2]string{{"경희대학교 지구사회봉사단", "우기동"}, {"동대문구자치구 마을생태계조성사업단", "박내현"}, {"삶터 사회적협동조합", "이재남"}, {"(사)푸른사람들", "문종석"}}, "심소영", "열린사회동대문시민회 사무국장"),
		roster("마포구", 100000, [2]string{"서울프린지네트워크", "오성화"}, [][2]string{{"홍우주사회적협동조합", "정문식"}, {"마포구마을생태계조성사업단", "위성남"}}, "위성남", "다정한사무소 대표"),
		roster("은평구", 100000, [2]string{"(사) 은평상상", "전양수"}, [][2]string{{"생태보전시민모임", "민성환, 한봉호"}, {"(사)터울림", "오영호"}}, "홍성민", "터울림 대표"),
		roster("강동구", 100000, [2]string{"사회적협동조합 함께강동", "송문식"}, [][2]string{{"청년아지트 강동팟", "이진영"}, {"강동마을모임 동동", "문영란"}, {"강동주민자치네트워크", "조길래"}}, "이진영", "청년아지트 강동팟 대표"),
		roster("광진구", 100000, [2]string{"광진협동사회경제네트워크", "전송배"}, [][2]string{{"광진복지네트워크", "주세연"}, {"광진시민사회단체연석회의", "마주현"}, {"광진마을공동체네트워크", "한원형"}, {"광진문화예술인네트워크 다락", "서미경"}}, "정명우", "전. 광진지역자활센터 IT사업단 공동체 “웰컴” 대표"),
		roster("서대문구", 100000, [2]string{"(사)서대문사람숲", "김성희"}, [][2]string{{"(사)한국로하스협회", "조승연"}, {"서대문마을넷", "전상희"}, {"소셜아트플래툰", "송상훈"}}, "이은주", "서대문구 인권위원회 위원"),
		roster("성동구", 100000, [2]string{"성동협동사회경제추진단", "신만수"}, [][2]string{{"성동청소년문화의집", "우영숙"}, {"예술과도시사회연구소", "김 강"}, {"성동평화의집", "나충열"}}, "신상선", "전, 성동청소년수련관 운영부장"),
	}
	// contact data as the edit form holds it; reports must mask it
	ps[0].Members[0].Contact = "010-2345-6789"
	ps[0].Members[3].Contact = "lee.sh@gangbuk.kr"
	return ps
}

// budget2017 is Ⅸ 지역협치 추진 사업비 내역.
func budget2017() []store.BudgetLine {
	var out []store.BudgetLine
	add := func(parent, name string, office, grant int64, program string) {
		out = append(out, store.BudgetLine{Year: 2017, Parent: parent, Name: name, Order: len(out) + 1,
			OfficeCost: office, Grant: grant, Program: program})
	}
	add("", "지역사회혁신계획 수립・실행 지원", 0, 0, "")
	add("지역사회혁신계획 수립・실행 지원", "지역사회혁신계획 지원비", 0, 2200000, "plans")
	add("지역사회혁신계획 수립・실행 지원", "지역사회혁신계획 관련 운영비", 93420, 0, "")
	add("", "시민협력플랫폼 지원", 0, 0, "")
	add("시민협력플랫폼 지원", "시민협력플랫폼 지원", 0, 1500000, "platforms")
	add("시민협력플랫폼 지원", "시민협력플랫폼 관련 운영비", 43100, 0, "")
	add("", "지역협치 기반조성", 0, 0, "")
	add("지역협치 기반조성", "협치학교(지역협치 분야) 운영", 100750, 0, "school")
	add("지역협치 기반조성", "지역협치 활성화 연계 지원", 0, 0, "")
	add("지역협치 활성화 연계 지원", "협치 정책토론회(지역협치 분야)", 25000, 0, "events")
	add("지역협치 활성화 연계 지원", "지역협치 현장 워크숍", 10000, 0, "events")
	add("지역협치 활성화 연계 지원", "지역협치 사례 아카이빙", 20000, 0, "events")
	add("지역협치 활성화 연계 지원", "자문네트워크 회의", 8000, 0, "events")
	return out
}

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

func milestones2017() []store.Milestone {
	m := func(owner, title, start, end string, deadline bool) store.Milestone {
		return store.Milestone{Year: 2017, Owner: owner, Title: title, Start: d(start), End: d(end), Deadline: deadline}
	}
	return []store.Milestone{
		m("사무국", "지역사회혁신계획 추진계획 수립", "2017-02-01", "2017-02-28", false),
		m("사무국", "시민참여예산제와의 융합 프로세스 수립", "2017-02-01", "2017-03-31", false),
		m("사무국", "협치학교(지역협치 분야) 운영", "2017-04-01", "2017-11-30", false),
		m("사무국", "지역협치 디딤돌(성과공유) 워크숍", "2017-12-01", "2017-12-31", false),
		m("자치구", "지역사회혁신계획 수립계획 제출", "2017-02-01", "2017-07-31", true),
		m("자치구", "지역사회혁신계획 본계획(실행계획) 제출・실행", "2017-03-01", "2017-10-31", true),
	}
}

func courses2017() []store.Course {
	return []store.Course{
		{Year: 2017, Name: "찾아가는 협치 이해교육", Audience: "자치구 공무원, 자치구 주민, 시민단체"},
		{Year: 2017, Name: "지역협치 책임자 교육", Audience: "자치구 협치담당 공무원, 지역사회혁신계획 관계자, 시민협력플랫폼 관계자"},
		{Year: 2017, Name: "협치실행 교육", Audience: "자치구 협치담당 공무원, 지역사회혁신계획 관계자"},
	}
}

func sessions2017() []store.Session {
	s := func(course string, n int, date, district, venue string, capacity, m, f int, status string) store.Session {
		return store.Session{Year: 2017, Course: course, Number: n, Date: d(date), Time: "14:00-17:00",
			District: district, Venue: venue, Capacity: capacity, AttendMale: m, AttendFemale: f, Status: status,
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
		SchoolYears: []store.SchoolYear{{Year: 2016, Courses: 5, Sessions: 24, Participants: 1563, Note: "찾아가는 협치 이해교육, 활동가 교육, 협치실행교육 등"}},
		Events:      events2017(), Submissions: submissions2017(), Budget: budget2017(), Committed: committed2017(),
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
				Start: store.NewDate(y, 1, 1), End: store.NewDate(y, 12, 31), Amount: int64(100000 + i*1000),
				TFTCivil: 10 + i%7, TFTCouncil: i % 2, TFTOfficial: 5 + i%4, Fields: []string{"마을", "교육", "복지", "도시재생"}})
			p := store.Platform{District: n, Year: y, Name: n + " 시민협력플랫폼", Grant: 100000, Months: 12, Growth: 1 + i%3, Status: "사업개시"}
			for k := 0; k < 5; k++ {
				p.Members = append(p.Members, store.Member{Role: store.Roles[min(k, 2)], Org: fmt.Sprintf("%s 단체%d", n, k), Rep: "홍길동", Contact: "010-1234-5678"})
			}
			in.Platforms = append(in.Platforms, p)
			for k := 1; k <= 8; k++ {
				in.Sessions = append(in.Sessions, store.Session{Year: y, Course: courses2017()[k%3].Name, Number: k,
					Date: store.NewDate(y, time.Month(3+k), 10), District: n, Venue: n + "청", Capacity: 40, AttendMale: 15, AttendFemale: 20, Status: "완료"})
			}
			for k := 0; k < 4; k++ {
				in.Submissions = append(in.Submissions, store.Submission{District: n, Year: y, Kind: store.SubmissionKinds[k%3],
					Received: store.NewDate(y, 6, 1), FileName: fmt.Sprintf("%s_%d_%d.xlsx", n, y, k), Status: "확정"})
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
