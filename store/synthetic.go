package store

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"hyeopchi/store/value"
)

// SyntheticFirstYear is the first year SyntheticData covers.
const SyntheticFirstYear = SeedYear

// SyntheticAsOf is the day synthetic data of that many years describes: 1
// July of its last year. Sessions and events before it have happened
// (sessions 완료, a few 취소; attendance known); from it on they are 예정.
func SyntheticAsOf(years int) Date {
	return value.NewDate(SyntheticFirstYear+max(years, 1)-1, time.July, 1)
}

// SyntheticData makes plausible data for all 25 districts for `years`
// consecutive programme years from 2017 (2017 … 2017+years-1), for demos,
// screenshots and load tests. It follows the programme's rules: a plan's
// grant is at most 300,000천원 per 12 months, 수립기 lasts at most 12 months
// and a district's plans at most 36 months in all, a district's plan periods
// never overlap and it has at most one plan a year; one consortium per
// district and year, at most 3 years, grant ≤ 100,000, space ≥ 50㎡,
// rosters of 4–12 with one 대표 단체 and one 플랫폼책임자; 20–40 school
// sessions a year, April–November, never two at one venue at once. Budget
// lines have the 2017 tree and cover what commits against them. The same
// (years, seed) always gives the same Dataset. years < 1 gives settings and
// districts only.
func SyntheticData(years int, seed int64) Dataset {
	g := &synth{
		r:     rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15)),
		first: SyntheticFirstYear,
		last:  SyntheticFirstYear + years - 1,
		asOf:  SyntheticAsOf(years),
	}
	g.ds.Settings = seedSettings()
	g.ds.Settings.CurrentYear = max(g.last, g.first)
	g.ds.Settings.Deadlines, g.ds.Settings.EventTargets = nil, nil
	for y := g.first; y <= max(g.last, g.first); y++ {
		g.ds.Settings.Deadlines = append(g.ds.Settings.Deadlines, seedDeadlines(y))
		g.ds.Settings.EventTargets = append(g.ds.Settings.EventTargets, seedEventTargets(y)...)
	}
	g.ds.Districts = seedDistricts()
	for i := range g.ds.Districts {
		g.ds.Districts[i].Note = ""
		g.ds.Districts[i].Ordinance = false
		g.ds.Districts[i].Council = CouncilName(g.ds.Districts[i].Name)
	}
	if years < 1 {
		return g.ds
	}
	for i := range g.ds.Districts {
		g.districtPlans(&g.ds.Districts[i])
	}
	for _, d := range Districts {
		g.districtPlatforms(d)
	}
	order := func(name string) int { return slices.Index(Districts, name) }
	slices.SortStableFunc(g.ds.Plans, func(a, b Plan) int {
		return cmp.Or(cmp.Compare(a.Year, b.Year), cmp.Compare(order(a.District), order(b.District)))
	})
	slices.SortStableFunc(g.ds.Platforms, func(a, b Platform) int {
		return cmp.Or(cmp.Compare(a.Year, b.Year), cmp.Compare(order(a.District), order(b.District)))
	})
	for y := g.first; y <= g.last; y++ {
		g.ds.Courses = append(g.ds.Courses, courses(y)...)
		g.school(y)
		g.events(y)
		g.ds.BudgetLines = append(g.ds.BudgetLines, g.budget(y)...)
		g.ds.Milestones = append(g.ds.Milestones, milestones(y)...)
	}
	return g.ds
}

type synth struct {
	r           *rand.Rand
	first, last int
	asOf        Date
	ds          Dataset
}

// between is a uniform int in [lo, hi].
func (g *synth) between(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

func (g *synth) pick(list []string) string { return list[g.r.IntN(len(list))] }

// pickN is n distinct items of list in list order.
func (g *synth) pickN(list []string, n int) []string {
	idx := g.r.Perm(len(list))[:n]
	slices.Sort(idx)
	out := make([]string, n)
	for i, j := range idx {
		out[i] = list[j]
	}
	return out
}

var (
	surnames    = []string{"김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안", "송", "류", "전", "홍", "고", "문", "양", "손", "배", "백", "허", "남", "심", "노"}
	givenSyllab = []string{"민", "서", "준", "지", "현", "수", "영", "진", "우", "성", "혜", "은", "정", "호", "경", "미", "선", "희", "동", "상", "철", "재", "윤", "아", "연", "주", "하", "태", "나", "승"}
	orgPatterns = []string{
		"(사)%s주민연대", "%s마을넷", "%s사회적경제네트워크", "사회적협동조합 함께%s", "%s청년네트워크",
		"%s문화예술인모임", "%s여성회", "%s환경운동연합", "%s복지네트워크", "%s마을공동체네트워크",
		"%s주민자치협의회", "%s교육희망네트워크", "(사)%s생활협동조합", "%s장애인자립생활센터",
		"%s도시재생주민협의체", "%s평화의집", "%s청소년문화의집", "%s시민연대", "%s공익활동지원센터",
		"%s마을미디어모임",
	}
	staffTitles = []string{"사무국장", "운영위원장", "대표", "부대표", "활동가", "정책위원"}
	planFields  = []string{"마을", "교육", "사경", "복지", "도시재생", "안전", "일자리", "환경", "문화예술", "여성", "청년", "주민자치", "다문화", "건강"}
)

func (g *synth) person() string {
	a := g.pick(givenSyllab)
	b := g.pick(givenSyllab)
	for b == a {
		b = g.pick(givenSyllab)
	}
	return g.pick(surnames) + a + b
}

// shortName drops the final 구 (관악구 → 관악); 중구 stays.
func shortName(district string) string {
	if len([]rune(district)) <= 2 {
		return district
	}
	return strings.TrimSuffix(district, "구")
}

// planCap is the most a plan of that many months may get: 300,000 per 12.
func planCap(months int) int64 { return int64(months) * 300000 / 12 }

// districtPlans draws one district's road through the stages, a plan a
// year: 준비기 (unfunded, 3–5 months), 본계획 수립기 (6–12 months) the next
// year, then 실행기 of up to 12 months a year until 36 months in all. Only
// the years in range are kept; the district's record follows the road.
func (g *synth) districtPlans(d *District) {
	if g.r.IntN(100) < 15 {
		return // never takes part
	}
	prepYear := g.first - 2 + g.r.IntN(min(g.last-g.first+1, 5)+2)
	civil, council, official := g.between(6, 16), g.between(0, 2), g.between(2, 12)
	fields := g.pickN(planFields, g.between(3, 7))
	var road []Plan
	used := 0
	add := func(p Plan) {
		p.District = d.Name
		p.Year = p.Start.Year()
		p.Months = value.MonthsBetween(p.Start, p.End)
		p.TFTCivil = max(civil+g.between(-2, 2), 1)
		p.TFTCouncil = council
		p.TFTOfficial = max(official+g.between(-1, 1), 1)
		p.Fields = slices.Clone(fields)
		used += p.Months
		road = append(road, p)
	}

	startMonth := time.Month(g.between(3, 7))
	prepStart := value.NewDate(prepYear, startMonth, 1)
	add(Plan{Stage: StagePrep, Support: "수립계획서", Start: prepStart,
		End: value.NewDate(prepYear, startMonth+time.Month(g.between(3, 5)), 0)})

	months := g.between(6, 12)
	start := value.NewDate(prepYear+1, time.Month(g.between(1, 3)), 1)
	end := periodEnd(start, months)
	drafting := Plan{Stage: StageDrafting, Support: "본계획 수립", Start: start, End: end,
		Amount: g.amount(months)}
	if end < g.asOf {
		drafting.MainPlanOn = value.NewDate(end.Year(), end.Time().Month(), 1+g.r.IntN(end.Time().Day()))
	}
	add(drafting)

	for 36-used >= 3 {
		prev := road[len(road)-1]
		start := max(value.NewDate(prev.End.Year(), prev.End.Time().Month(), prev.End.Time().Day()+1),
			value.NewDate(prev.Year+1, time.January, 1))
		months := min(12, 36-used)
		p := Plan{Stage: StageExecution, Support: "실행", Start: start, End: periodEnd(start, months),
			Amount: g.amount(months)}
		if p.Start.Year() >= 2018 && g.r.IntN(2) == 0 {
			// three spellings drawn, as before the two types were one
			p.PB, _ = ParsePB(g.pick([]string{"일반형", "계획형", "융합형"}))
		}
		add(p)
	}

	for _, p := range road {
		if p.Start >= g.asOf {
			break
		}
		switch p.Stage {
		case StageDrafting:
			d.Office = g.pick([]string{"협치" + shortName(d.Name) + "추진단", "협치" + shortName(d.Name) + "사무국"})
			d.Ordinance = true
			d.OrdinanceOn = value.NewDate(p.Start.Year(), p.Start.Time().Month()+time.Month(g.between(1, 5)), g.between(1, 28))
			if d.OrdinanceOn >= g.asOf {
				d.Ordinance, d.OrdinanceOn = false, ""
			}
		case StageExecution:
			d.Coordinator = true
		}
	}
	for _, p := range road {
		if p.Year >= g.first && p.Year <= g.last {
			g.ds.Plans = append(g.ds.Plans, p)
		}
	}
}

// amount is 60–100% of the cap for months, in whole 1,000천원.
func (g *synth) amount(months int) int64 {
	c := planCap(months)
	return c * int64(g.between(60, 100)) / 100 / 1000 * 1000
}

// periodEnd is the last day of the period of n months from start.
func periodEnd(start Date, n int) Date { return value.DateOf(start.Time().AddDate(0, n, -1)) }

// districtPlatforms gives a district one consortium for up to 3 consecutive
// years, its roster carried over and sometimes grown.
func (g *synth) districtPlatforms(district string) {
	if g.r.IntN(100) < 20 {
		return
	}
	startYear := g.first - 1 + g.r.IntN(g.last-g.first+2) // the programme began in 2016
	orgs := g.platformOrgs(district)
	size := g.between(3, 10) // organisations; with the manager, 4–11
	var orgMembers []Member
	for i := range size {
		orgMembers = append(orgMembers, g.platformMember(orgs, i))
	}
	manager := Member{Role: RoleManager, Rep: g.person(),
		Note:    strings.TrimPrefix(orgs[g.r.IntN(size)], "(사)") + " " + g.pick(staffTitles),
		Contact: fmt.Sprintf("010-0000-%04d", g.r.IntN(10000))}
	base := Platform{District: district, Name: PlatformName(district), Space: 50 + 10*g.r.IntN(14), Months: 12}
	measures := g.platformMeasures()

	for year := startYear; year < startYear+3; year++ {
		if year > g.last {
			break
		}
		growth := year - startYear + 1
		if year > startYear && len(orgMembers) < 11 && g.r.IntN(2) == 0 {
			orgMembers = append(orgMembers, g.platformMember(orgs, len(orgMembers)))
		}
		if year < g.first {
			continue
		}
		p := base
		p.Year, p.Growth = year, growth
		g.platformYear(&p, measures)
		members := slices.Clone(orgMembers)
		p.Members = append(members, manager)
		g.ds.Platforms = append(g.ds.Platforms, p)
	}
}

// platformOrgs are the district's organisation names, shuffled.
func (g *synth) platformOrgs(district string) []string {
	short := shortName(district)
	orgs := slices.Clone(orgPatterns)
	g.r.Shuffle(len(orgs), func(i, j int) { orgs[i], orgs[j] = orgs[j], orgs[i] })
	for i := range orgs {
		orgs[i] = fmt.Sprintf(orgs[i], short)
	}
	return orgs
}

// platformMember is the consortium's i-th organisation: the first leads
// and has a contact.
func (g *synth) platformMember(orgs []string, i int) Member {
	role := RoleMember
	if i == 0 {
		role = RoleLead
	}
	m := Member{Role: role, Org: orgs[i], Rep: g.person()}
	if i == 0 {
		m.Contact = fmt.Sprintf("010-0000-%04d", g.r.IntN(10000))
	}
	return m
}

// platformMeasure is one performance indicator a consortium keeps: its
// target at the first growth stage is base units.
type platformMeasure struct {
	common     bool
	name, unit string
	base       int
}

// platformMeasures are the two common indicators and one of the
// consortium's own.
func (g *synth) platformMeasures() []platformMeasure {
	return []platformMeasure{
		{true, "네트워크 참여 단체 수", "개", 30},
		{true, "공론장 개최", "회", 6},
		[]platformMeasure{
			{false, "주민 제안 의제 발굴", "건", 12},
			{false, "청년 활동가 양성", "명", 15},
			{false, "자립 연합체 설립 준비모임", "회", 4},
			{false, "온라인 소통 채널 회원", "명", 300},
		}[g.r.IntN(4)],
	}
}

// platformYear draws a consortium's year (p.Year and p.Growth set): its
// grant, its status and its indicators, with results for years before
// the last.
func (g *synth) platformYear(p *Platform, measures []platformMeasure) {
	p.Grant = int64(100000)
	if g.r.IntN(4) == 0 {
		p.Grant = int64(g.between(90000, 99999))
	}
	p.Status = PlatformStarted
	if p.Year == g.last && p.Growth == 1 && g.r.IntN(2) == 0 {
		p.Status = PlatformStatus(g.pick(Labels(PlatformStatuses)))
	}
	for _, m := range measures {
		target := m.base * (2 + p.Growth) / 3 // targets rise with the growth stage
		ind := Indicator{Common: m.common, Name: m.name, Target: fmt.Sprintf("%d%s", target, m.unit)}
		if p.Year < g.last {
			ind.Result = fmt.Sprintf("%d%s", target*g.between(70, 130)/100, m.unit)
		}
		p.Indicators = append(p.Indicators, ind)
	}
}

type slot struct{ from, to string }

var courseSlots = map[string][]slot{
	CourseOutreach:   {{"10:00", "12:00"}, {"14:00", "16:00"}, {"19:00", "21:00"}},
	CourseLeaders:    {{"10:00", "13:00"}, {"14:00", "17:00"}},
	CoursePracticing: {{"09:30", "12:30"}, {"14:00", "17:00"}, {"13:00", "18:00"}},
}

var centralVenues = []string{"서울시 인재개발원", "서울혁신파크 미래청", "서울시NPO지원센터"}

// school draws 20–40 sessions of the year's three courses on weekdays from
// April to November.
func (g *synth) school(year int) {
	n := g.between(20, 40)
	cs := courses(year)
	type booked struct {
		date  Date
		venue string
		s     slot
	}
	var taken []booked
	clash := func(b booked) bool {
		for _, t := range taken {
			if t.date == b.date && t.venue == b.venue && b.s.from < t.s.to && t.s.from < b.s.to {
				return true
			}
		}
		return false
	}
	var out []Session
	for i := range n {
		c := cs[0]
		switch {
		case i%4 == 1:
			c = cs[1]
		case i%4 == 3:
			c = cs[2]
		}
		district := g.pick(Districts)
		venues := []string{district + "청 대회의실", district + "청 소회의실", shortName(district) + " 마을활력소"}
		if c.Name != CourseOutreach {
			venues = append(venues, centralVenues...)
		}
		var b booked
		for {
			b = booked{date: g.weekday(year, time.April, time.November), venue: g.pick(venues), s: g.pick2(courseSlots[c.Name])}
			if !clash(b) {
				break
			}
		}
		taken = append(taken, b)
		audiences := strings.Split(c.Audience, ", ")
		s := Session{
			Year: year, Course: c.Name, Date: b.date, Time: b.s.from + "-" + b.s.to,
			District: district, Venue: b.venue, Audience: g.pick(audiences),
			Instructor: g.person(), Status: SessionPlanned,
		}
		if c.Name == CourseOutreach {
			s.Capacity = 10 * g.between(3, 8)
		} else {
			s.Capacity = 5 * g.between(4, 8)
		}
		if s.Date < g.asOf {
			s.Status = SessionDone
			if g.r.IntN(20) == 0 {
				s.Status, s.Note = SessionCancelled, "일정 변경으로 취소"
			} else {
				total := s.Capacity * g.between(55, 100) / 100
				s.AttendFemale = total * g.between(40, 70) / 100
				s.AttendMale = total - s.AttendFemale
			}
		}
		out = append(out, s)
	}
	slices.SortStableFunc(out, func(a, b Session) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.Time, b.Time), cmp.Compare(a.Venue, b.Venue))
	})
	number := map[string]int{}
	for i := range out {
		number[out[i].Course]++
		out[i].Number = number[out[i].Course]
	}
	g.ds.Sessions = append(g.ds.Sessions, out...)
}

func (g *synth) pick2(s []slot) slot { return s[g.r.IntN(len(s))] }

// weekday is a random Monday–Friday of year between the first day of m1
// and the last of m2.
func (g *synth) weekday(year int, m1, m2 time.Month) Date {
	return g.weekdayIn(value.NewDate(year, m1, 1), value.NewDate(year, m2+1, 0))
}

// weekdayIn is a random Monday–Friday from first to last.
func (g *synth) weekdayIn(first, last Date) Date {
	start := first.Time()
	days := int(last.Time().Sub(start).Hours()/24) + 1
	for {
		t := start.AddDate(0, 0, g.r.IntN(days))
		if t.Weekday() != time.Saturday && t.Weekday() != time.Sunday {
			return value.DateOf(t)
		}
	}
}

var eventPlaces = []string{"서울시청 다목적홀", "서울시NPO지원센터", "서울혁신파크 미래청", "시민청 바스락홀", "협치서울 사무국 회의실"}

// events are a year's forums, field workshops, archiving, advisory
// meetings (each kind within its 2017 budget line) and the December
// sharing workshop.
func (g *synth) events(year int) {
	var out []Event
	// Attendance by sex, per kind; an archiving job has none.
	attend := map[string][2]int{"정책토론회": {20, 80}, "현장 워크숍": {6, 25}, "자문네트워크 회의": {4, 10}, "성과공유 워크숍": {40, 100}}
	add := func(kind, title, place string, date Date, budget int64) {
		e := Event{Year: year, Kind: kind, Title: title, Date: date, Place: place, Budget: budget}
		if r, ok := attend[kind]; ok && date < g.asOf {
			e.AttendFemale, e.AttendMale = g.between(r[0], r[1]), g.between(r[0], r[1])
		}
		out = append(out, e)
	}
	a := seedBudgetAmounts
	forums := g.between(1, 3)
	for i := 1; i <= forums; i++ {
		add("정책토론회", fmt.Sprintf("%d 지역협치 정책토론회 (%d차)", year, i), g.pick(eventPlaces),
			g.weekday(year, time.March, time.November), a.forum/int64(forums)/1000*1000)
	}
	workshops := g.between(2, 4)
	for range workshops {
		d := g.pick(Districts)
		add("현장 워크숍", "지역협치 현장 워크숍: "+d, d+"청 대회의실",
			g.weekday(year, time.March, time.November), a.workshop/int64(workshops)/100*100)
	}
	add("사례 아카이빙", fmt.Sprintf("%d 지역협치 사례 아카이빙", year), "협치서울 사무국",
		g.weekday(year, time.October, time.November), int64(g.between(15, 20))*1000)
	panels := g.between(2, 3)
	for i := 1; i <= panels; i++ {
		add("자문네트워크 회의", fmt.Sprintf("자문네트워크 회의 (%d차)", i), "협치서울 사무국 회의실",
			g.weekday(year, time.March, time.November), a.panel/int64(panels)/100*100)
	}
	add("성과공유 워크숍", fmt.Sprintf("%d 지역협치 디딤돌(성과공유) 워크숍", year), g.pick(eventPlaces),
		g.weekdayIn(value.NewDate(year, time.December, 1), value.NewDate(year, time.December, 20)), 0)
	out[len(out)-1].Note = "예산: 사업별 운영비"
	slices.SortStableFunc(out, func(a, b Event) int { return cmp.Compare(a.Date, b.Date) })
	g.ds.Events = append(g.ds.Events, out...)
}

// budget is the 2017 tree for year with grants raised, in whole 100,000천원,
// to cover the year's plans and platforms, and running costs up 3% a year.
func (g *synth) budget(year int) []BudgetLine {
	var plans, platforms int64
	for _, p := range g.ds.Plans {
		if p.Year == year {
			plans += p.Amount
		}
	}
	for _, p := range g.ds.Platforms {
		if p.Year == year {
			platforms += p.Grant
		}
	}
	roundUp := func(v int64) int64 { return (v + 99999) / 100000 * 100000 }
	grow := func(v int64) int64 { return v * int64(100+3*(year-SeedYear)) / 100 / 10 * 10 }
	a := seedBudgetAmounts
	a.plansGrant = max(a.plansGrant, roundUp(plans))
	a.platformsGrant = max(a.platformsGrant, roundUp(platforms))
	a.plansOffice, a.platformsOffice, a.school = grow(a.plansOffice), grow(a.platformsOffice), grow(a.school)
	return planBudgetLines(year, a)
}
