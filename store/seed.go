package store

import (
	"fmt"
	"strings"
	"time"

	"hyeopchi/store/value"
)

// BudgetLine.Program says what commits against a line, so the budget screen
// can set spending beside it:
//
//	"plans"              the year's Plan.Amount
//	"platforms"          the year's Platform.Grant
//	"school"             the governance school (sessions carry no cost)
//	"events:정책토론회"  Event.Budget of the year's events of that Kind
//	""                   nothing: a parent (its amounts are its children's
//	                     sum) or the office's own running costs (운영비)
const (
	ProgramPlans     = "plans"
	ProgramPlatforms = "platforms"
	ProgramSchool    = "school"
	ProgramEvents    = "events:"
)

// EventProgram is the Program of the budget line that events of kind
// commit against.
func EventProgram(kind string) string { return ProgramEvents + kind }

// Milestone.Owner values.
const (
	OwnerOffice   = "사무국"
	OwnerDistrict = "자치구"
)

// SeedYear is the programme year of the plan "2017 지역협치 기본계획".
const SeedYear = 2017

// SeedData is the plan "2017 지역협치 기본계획" (지역공동체담당관-2053) typed
// in: settings and checklist, the 25 districts, the 2016 selections of 참고1
// and 참고2, the 2016 school totals, the 2017 courses, budget (Ⅸ) and
// calendar (Ⅹ with the deadlines of Ⅴ and Ⅵ). The plan dates no event, so
// there are none. Each call returns fresh slices.
func SeedData() Dataset {
	return Dataset{
		Settings:    seedSettings(),
		Districts:   seedDistricts(),
		Plans:       seedPlans(),
		Platforms:   seedPlatforms(),
		Courses:     courses(SeedYear),
		SchoolYears: []SchoolYear{{Year: 2016, Courses: 5, Sessions: 24, Participants: 1563, Note: "찾아가는 협치 이해교육, 활동가 교육, 협치실행교육 등"}},
		// 참고2: 선정결과 : 총 10개 자치구 신청, 9개 자치구 선정(노원은 신청후 철회)
		PlatformRounds: []PlatformRound{{Year: 2016, Applied: 10, Note: "노원은 신청후 철회"}},
		BudgetLines:    seedBudget(SeedYear),
		Milestones:     milestones(SeedYear),
	}
}

func seedSettings() Settings {
	return Settings{
		Office:       "서울특별시",
		Department:   "지역공동체담당관",
		ApprovalLine: []string{"주무관", "지역생태계팀장", "지역공동체담당관", "서울혁신기획관", "정무부시장"},
		DocNumber:    "지역공동체담당관-2053",
		Disclosure:   "대시민공개",
		CurrentYear:  SeedYear,
		Checklist:    checklist(),
		Deadlines:    []YearDeadlines{seedDeadlines(SeedYear)},
		EventTargets: seedEventTargets(SeedYear),
	}
}

// seedDeadlines are the plan's Ⅴ deadlines, with its year's dates: 신규
// 자치구 모집 "~’17. 7. 31", 본계획(초안) "늦어도 ‘17. 6월말", 본계획 수립
// 완료 "~’17. 10월". Other years copy them in 설정.
func seedDeadlines(year int) YearDeadlines {
	return YearDeadlines{Year: year, Call: value.NewDate(year, time.July, 31),
		PBDraft: value.NewDate(year, time.June, 30), MainPlan: value.NewDate(year, time.October, 31)}
}

// seedEventTargets are the plan's Ⅶ-2 counts: 협치 정책토론회 "총 5회 내외",
// 지역협치 현장 워크숍 "총 20회 내외", 자문네트워크 회의 "총 10회 내외".
// The plan gives none for 사례 아카이빙 and the 성과공유 워크숍.
func seedEventTargets(year int) []EventTarget {
	return []EventTarget{{Year: year, Kind: "정책토론회", Count: 5},
		{Year: year, Kind: "현장 워크숍", Count: 20}, {Year: year, Kind: "자문네트워크 회의", Count: 10}}
}

// checklist is the plan's 사전 검토항목; Example is the text after "예)".
func checklist() []Check {
	return []Check{
		{Area: "시민 참여", Question: "시민 의견 반영 및 사업 참여 방안을 검토하였습니까?", Example: "청책토론회, 설문조사, 시민공모 등", Done: true},
		{Area: "전문가 자문", Question: "관련 전문가 의견을 반영하였습니까?", Example: "자문위원회 개최, 타당성 검토, T/F 운영 등", Done: true},
		{Area: "갈등", Question: "이해 당사자 간 갈등발생 가능성을 검토하였습니까?", Example: "주택가 공공주차장 조성, 택시 불법영업 단속 등"},
		{Area: "사회적 약자 배려", Question: "사회적 약자에 대한 배려를 검토하였습니까?", Example: "아동, 장애인, 한부모 가정 등"},
		{Area: "성인지", Question: "성별분리통계 작성여부를 검토하였습니까?", Example: "인적통계 남·여 구분, 수혜집단의 남·여 구분 등"},
		{Area: "일자리", Question: "일자리 창출 효과 및 일자리 수를 검토하였습니까?", Example: "직·간접 채용, 취업알선, 전문인력양성, 창업지원 등"},
		{Area: "선거법", Question: "공직선거법에 저촉 여부를 검토하였습니까?", Example: "홍보물 배포, 표창수여, 경품지급, 기부행위 등"},
		{Area: "안전", Question: "시민 안전 위험요인과 안전대책을 검토하였습니까?", Example: "장소·시설물 점검, 안전관리 인력확보 등"},
		{Area: "타 기관", Question: "타 기관 협의·협력(타 자원 활용 등)을 하였습니까?", Example: "중앙부처, 타 지자체, 투자·출연기관, 민간단체 등", Done: true},
		{Area: "홍보", Question: "사업 홍보 방안을 검토하였습니까?", Example: "보도자료, 기자 설명회, 현장 설명회 등", Done: true},
		{Area: "정책 영문화", Question: "정책 영문화 및 해외홍보 방안을 검토하였습니까?", Example: "영문 제목‧요약, 해외 언론 보도, 외국어 홈페이지 등"},
		{Area: "바른 우리말", Question: "서울시 행정 순화어 목록을 확인하였습니까?", Example: "별첨, 첨부 ⇒ 붙임, 가이드라인 ⇒ 지침 등", Done: true},
		{Area: "결재문서공개", Question: "공개 여부를 “비공개”로 설정했다면 법적근거를 명확히 검토하였습니까?", Example: "정보공개법 제9조 제1항 제1호~제8호"},
	}
}

// CouncilName is a district's council for governance: 협치관악구회의.
func CouncilName(district string) string { return "협치" + district + "회의" }

// seedDistricts knows only what the plan says: 도봉구's ordinance (2016,
// day not given). "협치OO구회의" is the plan's model, not a district's
// council: councils, offices and coordinators stay unrecorded (미기재).
func seedDistricts() []District {
	out := make([]District, 0, len(Districts))
	for _, name := range Districts {
		d := District{Name: name, Region: DefaultRegion[name]}
		if name == "도봉구" {
			d.Ordinance = true
			d.Note = "협치조례 제정(2016년)"
		}
		out = append(out, d)
	}
	return out
}

// seedPlans is 참고1: the 2016 selections, all drafting their main plan in
// 2017. Months are as the plan states them, not as the dates count.
func seedPlans() []Plan {
	row := func(district, end string, months int, amount int64, civil, council, official int, fields string) Plan {
		return Plan{
			District: district, Year: 2016, Stage: StageDrafting, Support: "수립계획서",
			Start: "2016-11-01", End: Date(end), Months: months, Amount: amount,
			TFTCivil: civil, TFTCouncil: council, TFTOfficial: official,
			Fields: strings.Split(fields, "/"),
		}
	}
	return []Plan{
		row("영등포구", "2017-06-30", 8, 200000, 12, 0, 8, "마을/교육/사경/다문화/도시재생"),
		row("관악구", "2017-08-31", 10, 167000, 14, 0, 9, "마을/교육/사경/복지/도시재생"),
		row("서대문구", "2017-06-30", 8, 150000, 14, 0, 12, "복지/교육/여성/안전/환경/도시/마을"),
		row("성동구", "2017-05-30", 6, 100000, 6, 0, 6, "복지/마을/찾동/사경"),
		row("도봉구", "2017-03-31", 5, 79000, 9, 1, 5, "마을/복지/사경/교육/도시재생"),
		row("동대문구", "2017-10-31", 12, 200000, 10, 2, 2, "안전/복지/도시재생/교육/일자리/자치"),
		row("금천구", "2017-07-31", 9, 152725, 10, 0, 4, "안전/일자리/교육문화/복지건강/도시환경/주민자치소통"),
		row("은평구", "2017-04-30", 6, 96897, 11, 1, 9, "교육/주민자치/문화예술/도시재생/환경/공동체/복지/사경"),
	}
}

// PlatformName is the consortium name used where the plan gives none.
func PlatformName(district string) string { return district + " 시민협력플랫폼" }

// seedPlatforms is 참고2: the 2016 consortia, names as printed. The plan
// gives no space, growth stage, months of support or selection step:
// they stay zero (미기재) until the coordinator enters them.
func seedPlatforms() []Platform {
	p := func(district string, grant int64, members ...Member) Platform {
		return Platform{
			District: district, Year: 2016, Name: PlatformName(district),
			Grant: grant, Members: members,
		}
	}
	lead := func(org, rep string) Member { return Member{Role: RoleLead, Org: org, Rep: rep} }
	member := func(org, rep string) Member { return Member{Role: RoleMember, Org: org, Rep: rep} }
	manager := func(name, note string) Member { return Member{Role: RoleManager, Rep: name, Note: note} }
	return []Platform{
		p("강북구", 99976,
			lead("강북마을모임", "김성훈"),
			member("강북구사회적경제협의회", "최동준"),
			member("강북구사회적경제통합지원센터", "정명훈"),
			manager("이상훈", "강북마을 부대표")),
		p("관악구", 100000,
			lead("(사)관악주민연대", "민경자"),
			member("(사)난곡주민도서관 새숲", "이명애"),
			member("(준)사회적협동조합 공동체관악", "김승오"),
			member("삼성고등학교사회적협동조합", "김혜정"),
			manager("홍선", "관악사회복지 운영위원장")),
		p("동대문구", 100000,
			lead("(사)열린사회동대문시민회", "주영남"),
			member("경희대학교 지구사회봉사단", "우기동"),
			member("동대문구자치구 마을생태계조성사업단", "박내현"),
			member("삶터 사회적협동조합", "이재남"),
			member("(사)푸른사람들", "문종석"),
			manager("심소영", "열린사회동대문시민회 사무국장")),
		p("마포구", 100000,
			lead("서울프린지네트워크", "오성화"),
			member("홍우주사회적협동조합", "정문식"),
			member("마포구마을생태계조성사업단", "위성남"),
			manager("위성남", "다정한사무소 대표")),
		p("은평구", 100000,
			lead("(사) 은평상상", "전양수"),
			member("생태보전시민모임", "민성환, 한봉호"),
			member("(사)터울림", "오영호"),
			manager("홍성민", "터울림 대표")),
		p("강동구", 100000,
			lead("사회적협동조합 함께강동", "송문식"),
			member("청년아지트 강동팟", "이진영"),
			member("강동마을모임 동동", "문영란"),
			member("강동주민자치네트워크", "조길래"),
			manager("이진영", "청년아지트 강동팟 대표")),
		p("광진구", 100000,
			lead("광진협동사회경제네트워크", "전송배"),
			member("광진복지네트워크", "주세연"),
			member("광진시민사회단체연석회의", "마주현"),
			member("광진마을공동체네트워크", "한원형"),
			member("광진문화예술인네트워크 다락", "서미경"),
			manager("정명우", "전. 광진지역자활센터 IT사업단 공동체 “웰컴” 대표")),
		p("서대문구", 100000,
			lead("(사)서대문사람숲", "김성희"),
			member("(사)한국로하스협회", "조승연"),
			member("서대문마을넷", "전상희"),
			member("소셜아트플래툰", "송상훈"),
			manager("이은주", "서대문구 인권위원회 위원")),
		p("성동구", 100000,
			lead("성동협동사회경제추진단", "신만수"),
			member("성동청소년문화의집", "우영숙"),
			member("예술과도시사회연구소", "김 강"),
			member("성동평화의집", "나충열"),
			manager("신상선", "전, 성동청소년수련관 운영부장")),
	}
}

// The governance school's three courses (Ⅶ-1), in the plan's order.
const (
	CourseOutreach   = "찾아가는 협치 이해교육"
	CourseLeaders    = "지역협치 책임자 교육"
	CoursePracticing = "협치실행 교육"
)

// courses are the plan's three courses for year: audiences joined by ", ",
// contents one item a line.
func courses(year int) []Course {
	return []Course{
		{Year: year, Name: CourseOutreach,
			Audience: "자치구 공무원, 자치구 주민, 시민단체",
			Contents: "협치서울 기본 개념 이해\n지역협치 지원 방안\n지역협치 사례를 통해본 협치이해"},
		{Year: year, Name: CourseLeaders,
			Audience: "자치구 협치담당 공무원, 지역사회혁신계획 관계자, 시민협력플랫폼 관계자",
			Contents: "자치구 행정 및 시민사회 이해\n퍼실리테이션 기법\n서울시 협치정책 및 실행프로세스 이해\n리더십, 갈등조정, 소통 등 기본 소양"},
		{Year: year, Name: CoursePracticing,
			Audience: "자치구 협치담당 공무원, 지역사회혁신계획 관계자",
			Contents: "협치서울 및 자치구 협치 지원 방안\n민관 상호이해를 통한 파트너십 형성\n민관 협치경험 공유\n자치구 협치진단, 지역사회 SWOT분석, 자치구 협치 비전․슬로건 만들기 등"},
	}
}

// Budget line names of the plan's Ⅸ. The parent 시민협력플랫폼 지원 has a
// child of the same name: a line's key is (Year, Parent, Name), and a
// line's parent is the year's first line, in Order, named Parent.
const (
	BudgetPlansTop        = "지역사회혁신계획 수립・실행 지원"
	BudgetPlansGrant      = "지역사회혁신계획 지원비"
	BudgetPlansOffice     = "지역사회혁신계획 관련 운영비"
	BudgetPlatformsTop    = "시민협력플랫폼 지원"
	BudgetPlatformsGrant  = "시민협력플랫폼 지원"
	BudgetPlatformsOffice = "시민협력플랫폼 관련 운영비"
	BudgetBaseTop         = "지역협치 기반조성"
	BudgetSchool          = "협치학교(지역협치 분야) 운영"
	BudgetLinkage         = "지역협치 활성화 연계 지원"
)

// budgetAmounts are one year's leaf amounts, 천원.
type budgetAmounts struct {
	plansGrant, plansOffice         int64
	platformsGrant, platformsOffice int64
	school                          int64
	forum, workshop, archive, panel int64
}

var seedBudgetAmounts = budgetAmounts{
	plansGrant: 2200000, plansOffice: 93420,
	platformsGrant: 1500000, platformsOffice: 43100,
	school: 100750,
	forum:  25000, workshop: 10000, archive: 20000, panel: 8000,
}

func seedBudget(year int) []BudgetLine { return planBudgetLines(year, seedBudgetAmounts) }

// planBudgetLines lays out the Ⅸ table for year, rows in the plan's order.
func planBudgetLines(year int, a budgetAmounts) []BudgetLine {
	var out []BudgetLine
	add := func(parent, name, program string, office, grant int64) {
		out = append(out, BudgetLine{Year: year, Name: name, Parent: parent, Order: len(out) + 1,
			OfficeCost: office, Grant: grant, Program: program})
	}
	add("", BudgetPlansTop, "", 0, 0)
	add(BudgetPlansTop, BudgetPlansGrant, ProgramPlans, 0, a.plansGrant)
	add(BudgetPlansTop, BudgetPlansOffice, "", a.plansOffice, 0)
	add("", BudgetPlatformsTop, "", 0, 0)
	add(BudgetPlatformsTop, BudgetPlatformsGrant, ProgramPlatforms, 0, a.platformsGrant)
	add(BudgetPlatformsTop, BudgetPlatformsOffice, "", a.platformsOffice, 0)
	add("", BudgetBaseTop, "", 0, 0)
	add(BudgetBaseTop, BudgetSchool, ProgramSchool, a.school, 0)
	add(BudgetBaseTop, BudgetLinkage, "", 0, 0)
	add(BudgetLinkage, "협치 정책토론회(지역협치 분야)", EventProgram("정책토론회"), a.forum, 0)
	add(BudgetLinkage, "지역협치 현장 워크숍", EventProgram("현장 워크숍"), a.workshop, 0)
	add(BudgetLinkage, "지역협치 사례 아카이빙", EventProgram("사례 아카이빙"), a.archive, 0)
	add(BudgetLinkage, "자문네트워크 회의", EventProgram("자문네트워크 회의"), a.panel, 0)
	return out
}

// monthSpan runs from the first day of month m1 to the last day of m2.
func monthSpan(year int, m1, m2 time.Month) (Date, Date) {
	return value.NewDate(year, m1, 1), value.NewDate(year, m2+1, 0)
}

// milestones is the plan's Ⅹ 행정사항 for year, then the 추진일정 items of Ⅴ
// and Ⅵ that Ⅹ lacks, then the deadlines Ⅴ and Ⅵ set. "2017. 1. ~" runs
// to the year's end; "~ 2017. 12." from its start. A deadline's due date is
// its End; Kind is the submission kind it is the due date of, if any.
// Ⅵ's 성과지표개발 ('17. 1. ~ 3.) is Ⅹ's 시민협력플랫폼 성과지표 개발
// (2017. 2. ~ 3.); Ⅹ's dates are kept.
func milestones(year int) []Milestone {
	var out []Milestone
	span := func(owner, title string, m1, m2 time.Month) {
		s, e := monthSpan(year, m1, m2)
		out = append(out, Milestone{Year: year, Title: title, Start: s, End: e, Owner: owner})
	}
	due := func(title, kind string, m time.Month, d int) {
		on := value.NewDate(year, m, d)
		out = append(out, Milestone{Year: year, Title: title, Start: on, End: on, Owner: OwnerDistrict, Deadline: true, Kind: kind})
	}
	prev, next := (year-1)%100, (year+1)%100

	// Ⅹ: 협치서울사무국(지역공동체담당관)
	span(OwnerOffice, "지역사회혁신계획 추진계획 수립", 2, 2)
	span(OwnerOffice, "시민협력플랫폼 추진계획 수립", 2, 2)
	span(OwnerOffice, "협치학교(지역협치 분야) 추진계획 수립", 2, 2)
	span(OwnerOffice, "시민참여예산제와의 융합 프로세스 수립", 2, 3)
	span(OwnerOffice, "시민협력플랫폼 성과지표 개발", 2, 3)
	span(OwnerOffice, "지원사업 관련 설명회 등 개최", 2, 3)
	span(OwnerOffice, "지원사업 관련 공모 진행", 2, 7)
	span(OwnerOffice, "정책토론회, 현장 워크숍 등 개최", 2, 11)
	span(OwnerOffice, "시민협력플랫폼 지원(계속, 신규)", 3, 10)
	span(OwnerOffice, "지역사회혁신계획 지원(수립, 실행)", 3, 10)
	span(OwnerOffice, "지역사회혁신계획 매뉴얼 보완(개발)", 4, 4)
	span(OwnerOffice, "협치학교(지역협치 분야) 운영", 4, 11)
	span(OwnerOffice, "지역협치 디딤돌(성과공유) 워크숍", 12, 12)
	// Ⅹ: 자치구(협치OO구회의)별 추진사항
	span(OwnerDistrict, "협치○○구회의(협치추진 민・관 TFT) 구축․운영", 1, 12)
	span(OwnerDistrict, "지역협치 기반(조례, 지원조직 등) 조성", 1, 12)
	span(OwnerDistrict, "시민협력플랫폼 등 지역시민사회와 협력방안 모색・실행", 1, 12)
	span(OwnerDistrict, "지역사회혁신계획 수립계획 제출", 2, 7)
	span(OwnerDistrict, "지역사회혁신계획 본계획(실행계획) 제출・실행", 3, 10)
	span(OwnerDistrict, fmt.Sprintf("‘%02d년 사업 결과 보고 및 정산", prev), 1, 12)
	out[len(out)-1].Deadline = true // "~ 2017. 12.": due by the year's end
	// Ⅴ and Ⅵ 추진일정 not in Ⅹ
	span(OwnerOffice, "지원 대상 자치구 선정(수립지원 접수는 7. 31까지)", 3, 9)
	span(OwnerOffice, "신규 지원기관 추가 선정", 2, 8)
	span(OwnerOffice, fmt.Sprintf("‘%02d년 선정기관 모니터링・성과평가", prev), 8, 9)
	// Ⅴ and Ⅵ deadlines
	due(fmt.Sprintf("‘%02d년 시민참여예산 연계 본계획(초안) 제출 마감", next), "혁신계획", 6, 30)
	due("지역사회혁신계획 신규 자치구 모집 마감(수립지원 접수)", "혁신계획", 7, 31)
	due("시민협력플랫폼 최종 모집 마감", "플랫폼", 7, 31)
	due("지역사회혁신계획 본계획 수립・제출 마감", "혁신계획", 10, 31)
	return out
}
