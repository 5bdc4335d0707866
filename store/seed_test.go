package store

import (
	"slices"
	"strings"
	"testing"

	"hyeopchi/store/value"
)

// seedPlanWant is a plan of 참고1: district, end, months as printed,
// amount, TFT 계 as printed, and its number of fields.
type seedPlanWant struct {
	district string
	end      Date
	months   int
	amount   int64
	tftTotal int
	fields   int
}

func TestSeedPlansAreTheFirstReference(t *testing.T) {
	plans := SeedData().Plans
	// 참고1: district, end, months as printed, amount, TFT 계 as printed.
	want := []seedPlanWant{
		{"영등포구", "2017-06-30", 8, 200000, 20, 5},
		{"관악구", "2017-08-31", 10, 167000, 23, 5},
		{"서대문구", "2017-06-30", 8, 150000, 26, 7},
		{"성동구", "2017-05-30", 6, 100000, 12, 4},
		{"도봉구", "2017-03-31", 5, 79000, 15, 5},
		{"동대문구", "2017-10-31", 12, 200000, 14, 6},
		{"금천구", "2017-07-31", 9, 152725, 14, 6},
		{"은평구", "2017-04-30", 6, 96897, 21, 8},
	}
	if len(plans) != len(want) {
		t.Fatalf("got %d plans, want %d", len(plans), len(want))
	}
	var sum int64
	for i, w := range want {
		p := plans[i]
		sum += p.Amount
		t.Run(w.district, func(t *testing.T) { checkSeedPlan(t, p, w) })
	}
	if sum != 1145622 {
		t.Errorf("plans sum to %d, the plan's 계 is 1,145,622", sum)
	}
	gwanak := plans[1]
	if gwanak.TFTCivil != 14 || gwanak.TFTCouncil != 0 || gwanak.TFTOfficial != 9 {
		t.Errorf("관악구 TFT %d/%d/%d, want 14/0/9", gwanak.TFTCivil, gwanak.TFTCouncil, gwanak.TFTOfficial)
	}
	sd := plans[3]
	if sd.Months != 6 || value.MonthsBetween(sd.Start, sd.End) != 7 {
		t.Errorf("성동구 states %d months over a period of %d started months, want 6 over 7", sd.Months, value.MonthsBetween(sd.Start, sd.End))
	}
	if got := plans[7].Fields; !slices.Equal(got, []string{"교육", "주민자치", "문화예술", "도시재생", "환경", "공동체", "복지", "사경"}) {
		t.Errorf("은평구 fields %q", got)
	}
}

// checkSeedPlan compares one seed plan with its line of 참고1, and with
// what every 2016 plan shares.
func checkSeedPlan(t *testing.T, p Plan, w seedPlanWant) {
	t.Helper()
	if p.District != w.district || p.End != w.end || p.Months != w.months || p.Amount != w.amount {
		t.Errorf("got %s %s %d개월 %d, want %s %s %d개월 %d", p.District, p.End, p.Months, p.Amount, w.district, w.end, w.months, w.amount)
	}
	if p.TFTTotal() != w.tftTotal {
		t.Errorf("TFT %d+%d+%d = %d, the plan prints 계 %d", p.TFTCivil, p.TFTCouncil, p.TFTOfficial, p.TFTTotal(), w.tftTotal)
	}
	if len(p.Fields) != w.fields {
		t.Errorf("fields %q: %d, want %d", p.Fields, len(p.Fields), w.fields)
	}
	for _, f := range p.Fields {
		if f == "" || strings.Contains(f, "/") {
			t.Errorf("field %q not split", f)
		}
	}
	if p.ID != 0 || p.Year != 2016 || p.Stage != StageDrafting || p.Support != "수립계획서" || p.Start != "2016-11-01" {
		t.Errorf("got id %d year %d stage %v support %q start %s", p.ID, p.Year, p.Stage, p.Support, p.Start)
	}
	if !IsDistrict(p.District) || !p.End.Valid() {
		t.Errorf("bad district %q or end %q", p.District, p.End)
	}
	if p.Amount*12 > 300000*int64(p.Months) {
		t.Errorf("amount %d over the cap for %d months", p.Amount, p.Months)
	}
}

// checkRoster reports a roster that breaks the one-lead, one-manager rule.
func checkRoster(t *testing.T, p Platform) {
	t.Helper()
	leads, managers := 0, 0
	for _, m := range p.Members {
		switch m.Role {
		case RoleLead:
			leads++
		case RoleManager:
			managers++
			if m.Org != "" || m.Rep == "" {
				t.Errorf("%s %d: manager %+v: want a name and no organisation", p.District, p.Year, m)
			}
		case RoleMember:
		default:
			t.Errorf("%s %d: unknown role %q", p.District, p.Year, m.Role)
		}
		if m.Role != RoleManager && (m.Org == "" || m.Rep == "") {
			t.Errorf("%s %d: member %+v lacks organisation or representative", p.District, p.Year, m)
		}
	}
	if leads != 1 || managers != 1 {
		t.Errorf("%s %d: %d leads and %d managers, want 1 and 1", p.District, p.Year, leads, managers)
	}
	if p.Members[0].Role != RoleLead || p.Members[len(p.Members)-1].Role != RoleManager {
		t.Errorf("%s %d: roster not in 참고2 order (lead first, manager last)", p.District, p.Year)
	}
}

func TestSeedPlatformsAreTheSecondReference(t *testing.T) {
	ps := SeedData().Platforms
	if len(ps) != 9 {
		t.Fatalf("got %d platforms, want 9", len(ps))
	}
	byDistrict := map[string]Platform{}
	var sum int64
	for _, p := range ps {
		if _, dup := byDistrict[p.District]; dup {
			t.Errorf("%s twice", p.District)
		}
		byDistrict[p.District] = p
		sum += p.Grant
		checkSeedPlatform(t, p)
	}
	if sum != 899976 {
		t.Errorf("grants sum to %d, want 899,976", sum)
	}
	// The plan's own list of the nine (노원구 withdrew).
	for _, d := range strings.Split("마포・동대문・관악・은평・서대문・성동・강동・광진・강북", "・") {
		if _, ok := byDistrict[d+"구"]; !ok {
			t.Errorf("%s구 missing", d)
		}
	}
	checkSeedRosters(t, byDistrict)
}

// checkSeedPlatform checks what every consortium of 참고2 shares: a
// roster by the rules, nothing invented, the full grant but 강북구's.
func checkSeedPlatform(t *testing.T, p Platform) {
	t.Helper()
	checkRoster(t, p)
	// the plan gives no space, stage, months or selection step: none invented
	if p.Year != 2016 || p.Months != 0 || p.Growth != 0 || p.Status != "" || p.Space != 0 || p.ID != 0 {
		t.Errorf("%s: year %d months %d growth %d status %q space %d id %d", p.District, p.Year, p.Months, p.Growth, p.Status, p.Space, p.ID)
	}
	if ps := CheckPlatform(p, nil); ps.HasErrors() {
		t.Errorf("%s: the plan's consortium breaks a rule: %v", p.District, ps.Errors())
	}
	if want := int64(100000); p.District != "강북구" && p.Grant != want {
		t.Errorf("%s grant %d, want %d", p.District, p.Grant, want)
	}
}

// checkSeedRosters compares the consortia's rosters with 참고2: 강북구's
// grant, lead and manager, some representatives, every roster's size.
func checkSeedRosters(t *testing.T, byDistrict map[string]Platform) {
	t.Helper()
	gb := byDistrict["강북구"]
	if gb.Grant != 99976 {
		t.Errorf("강북구 grant %d, want 99,976", gb.Grant)
	}
	if m := gb.Members[0]; m.Role != RoleLead || m.Org != "강북마을모임" || m.Rep != "김성훈" {
		t.Errorf("강북구 lead %+v, want 강북마을모임 (김성훈)", m)
	}
	if m := gb.Members[len(gb.Members)-1]; m.Rep != "이상훈" || m.Note != "강북마을 부대표" {
		t.Errorf("강북구 manager %+v, want 이상훈 (강북마을 부대표)", m)
	}

	find := func(district, org string) Member {
		for _, m := range byDistrict[district].Members {
			if m.Org == org {
				return m
			}
		}
		t.Errorf("%s: no %s", district, org)
		return Member{}
	}
	cases := []struct{ district, org, rep string }{
		{"은평구", "생태보전시민모임", "민성환, 한봉호"},
		{"은평구", "(사) 은평상상", "전양수"},
		{"성동구", "예술과도시사회연구소", "김 강"},
		{"관악구", "(사)관악주민연대", "민경자"},
		{"관악구", "(준)사회적협동조합 공동체관악", "김승오"},
		{"동대문구", "(사)푸른사람들", "문종석"},
		{"광진구", "광진문화예술인네트워크 다락", "서미경"},
	}
	for _, c := range cases {
		if m := find(c.district, c.org); m.Rep != c.rep {
			t.Errorf("%s %s: rep %q, want %q", c.district, c.org, m.Rep, c.rep)
		}
	}
	sizes := map[string]int{"강북구": 4, "관악구": 5, "동대문구": 6, "마포구": 4, "은평구": 4, "강동구": 5, "광진구": 6, "서대문구": 5, "성동구": 5}
	for d, n := range sizes {
		if got := len(byDistrict[d].Members); got != n {
			t.Errorf("%s roster has %d lines, the plan %d", d, got, n)
		}
	}
}

func TestSeedBudgetIsTheNinthSection(t *testing.T) {
	lines := SeedData().BudgetLines
	if len(lines) != 13 {
		t.Fatalf("got %d lines, want 13", len(lines))
	}
	checkSeedBudgetKeys(t, lines)
	// A line's parent is the first line named Parent.
	parent := budgetParents(t, lines)
	isParent := make([]bool, len(lines))
	for _, p := range parent {
		if p >= 0 {
			isParent[p] = true
		}
	}
	checkSeedBudgetSums(t, lines, parent, isParent)
	if parent[4] != 3 {
		t.Errorf("the child 시민협력플랫폼 지원 hangs under line %d, want 4", parent[4]+1)
	}
	checkSeedBudgetPrograms(t, lines)
}

// checkSeedBudgetKeys wants each line once by year, parent and name, in
// Order, of 2017, not stored.
func checkSeedBudgetKeys(t *testing.T, lines []BudgetLine) {
	t.Helper()
	type key struct {
		year         int
		parent, name string
	}
	keys := map[key]bool{}
	for i, l := range lines {
		k := key{l.Year, l.Parent, l.Name}
		if keys[k] {
			t.Errorf("key %v twice", k)
		}
		keys[k] = true
		if l.Order != i+1 || l.Year != 2017 || l.ID != 0 {
			t.Errorf("%s: order %d year %d id %d, want order %d year 2017", l.Name, l.Order, l.Year, l.ID, i+1)
		}
	}
}

// checkSeedBudgetSums wants parents to carry nothing and the leaves to add
// up to the plan's totals, overall and under each top line.
func checkSeedBudgetSums(t *testing.T, lines []BudgetLine, parent []int, isParent []bool) {
	t.Helper()
	// Parents carry nothing; leaves add up to the plan's totals.
	var office, grant int64
	sums := make([][2]int64, len(lines))
	for i, l := range lines {
		if isParent[i] {
			if l.OfficeCost != 0 || l.Grant != 0 || l.Program != "" {
				t.Errorf("parent %s carries %d/%d/%q", l.Name, l.OfficeCost, l.Grant, l.Program)
			}
			continue
		}
		office += l.OfficeCost
		grant += l.Grant
		for p := parent[i]; p >= 0; p = parent[p] {
			sums[p][0] += l.OfficeCost
			sums[p][1] += l.Grant
		}
	}
	if office != 300270 || grant != 3700000 || office+grant != 4000270 {
		t.Errorf("leaves sum to 사무관리비 %d, 경상보조 %d, 계 %d; want 300,270, 3,700,000, 4,000,270", office, grant, office+grant)
	}
	for _, c := range []struct {
		order         int
		line          string
		office, grant int64
	}{
		{1, BudgetPlansTop, 93420, 2200000},
		{4, BudgetPlatformsTop, 43100, 1500000},
		{7, BudgetBaseTop, 163750, 0},
		{9, BudgetLinkage, 63000, 0},
	} {
		i := c.order - 1
		if lines[i].Name != c.line || !isParent[i] {
			t.Errorf("line %d is %q (parent %v), want parent %q", c.order, lines[i].Name, isParent[i], c.line)
		}
		if sums[i] != [2]int64{c.office, c.grant} {
			t.Errorf("%s sums to %d/%d, want %d/%d", c.line, sums[i][0], sums[i][1], c.office, c.grant)
		}
	}
}

// checkSeedBudgetPrograms wants the child named after its parent, and a
// line for every programme and event kind.
func checkSeedBudgetPrograms(t *testing.T, lines []BudgetLine) {
	t.Helper()
	// The child that shares its parent's name.
	n := 0
	for _, l := range lines {
		if l.Name == "시민협력플랫폼 지원" {
			n++
			if l.Parent == "시민협력플랫폼 지원" && (l.Grant != 1500000 || l.Program != ProgramPlatforms) {
				t.Errorf("child 시민협력플랫폼 지원: %d %q", l.Grant, l.Program)
			}
		}
	}
	if n != 2 {
		t.Errorf("시민협력플랫폼 지원 appears %d times, want parent and child", n)
	}
	programs := map[string]string{}
	for _, l := range lines {
		if l.Program != "" {
			programs[l.Program] = l.Name
		}
	}
	for _, p := range []string{ProgramPlans, ProgramPlatforms, ProgramSchool} {
		if programs[p] == "" {
			t.Errorf("no line for program %q", p)
		}
	}
	for _, k := range []string{"정책토론회", "현장 워크숍", "사례 아카이빙", "자문네트워크 회의"} {
		if !slices.Contains(EventKinds, k) || programs[EventProgram(k)] == "" {
			t.Errorf("no line for events of kind %q", k)
		}
	}
}

// budgetParents gives each line's parent index (-1 for a top line): the
// first line, in Order, named Parent, which must come before it.
func budgetParents(t *testing.T, lines []BudgetLine) []int {
	t.Helper()
	parent := make([]int, len(lines))
	for i, l := range lines {
		parent[i] = -1
		if l.Parent == "" {
			continue
		}
		if j := slices.IndexFunc(lines[:i], func(p BudgetLine) bool { return p.Name == l.Parent }); j >= 0 {
			parent[i] = j
		}
		if parent[i] < 0 {
			t.Errorf("%s: parent %q not listed before it", l.Name, l.Parent)
		}
	}
	return parent
}

func TestSeedSettingsAndChecklist(t *testing.T) {
	s := SeedData().Settings
	if s.Office != "서울특별시" || s.Department != "지역공동체담당관" || s.DocNumber != "지역공동체담당관-2053" || s.Disclosure != "대시민공개" || s.CurrentYear != 2017 {
		t.Errorf("settings %+v", s)
	}
	if !slices.Equal(s.ApprovalLine, []string{"주무관", "지역생태계팀장", "지역공동체담당관", "서울혁신기획관", "정무부시장"}) {
		t.Errorf("approval line %q", s.ApprovalLine)
	}
	areas := []string{"시민 참여", "전문가 자문", "갈등", "사회적 약자 배려", "성인지", "일자리", "선거법", "안전", "타 기관", "홍보", "정책 영문화", "바른 우리말", "결재문서공개"}
	done := map[string]bool{"시민 참여": true, "전문가 자문": true, "타 기관": true, "홍보": true, "바른 우리말": true}
	if len(s.Checklist) != 13 {
		t.Fatalf("checklist has %d items, want 13", len(s.Checklist))
	}
	for i, c := range s.Checklist {
		if c.Area != areas[i] {
			t.Errorf("item %d: area %q, want %q", i+1, c.Area, areas[i])
		}
		if c.Done != done[c.Area] {
			t.Errorf("%s: done %v, the plan marks %v", c.Area, c.Done, done[c.Area])
		}
		if !strings.HasSuffix(c.Question, "?") || strings.HasPrefix(c.Question, "●") || c.Example == "" || strings.HasPrefix(c.Example, "예)") {
			t.Errorf("%s: question %q example %q", c.Area, c.Question, c.Example)
		}
	}
}

func TestSeedDistricts(t *testing.T) {
	ds := SeedData().Districts
	if len(ds) != 25 {
		t.Fatalf("got %d districts", len(ds))
	}
	perRegion := map[string]int{}
	for i, d := range ds {
		if d.Name != Districts[i] {
			t.Errorf("district %d is %q, want %q", i, d.Name, Districts[i])
		}
		if !slices.Contains(Regions, d.Region) {
			t.Errorf("%s: region %q", d.Name, d.Region)
		}
		perRegion[d.Region]++
		if d.Ordinance != (d.Name == "도봉구") {
			t.Errorf("%s: ordinance %v", d.Name, d.Ordinance)
		}
		if d.Coordinator || d.Office != "" || d.OrdinanceOn != "" {
			t.Errorf("%s: invented %+v", d.Name, d)
		}
	}
	if len(perRegion) != 4 {
		t.Errorf("districts fall in %d regions, want 4", len(perRegion))
	}
	for _, d := range ds {
		if d.Council != "" { // the plan names the model (협치OO구회의), no district's council
			t.Errorf("%s: council %q invented", d.Name, d.Council)
		}
	}
}

func TestSeedMilestones(t *testing.T) {
	ms := SeedData().Milestones
	byTitle := map[string]Milestone{}
	for _, m := range ms {
		if _, dup := byTitle[m.Title]; dup {
			t.Errorf("%q twice", m.Title)
		}
		byTitle[m.Title] = m
		if m.Year != 2017 || !m.Start.Valid() || !m.End.Valid() || m.Start > m.End || m.Start.Year() != 2017 || m.End.Year() != 2017 {
			t.Errorf("%q: year %d %s ~ %s", m.Title, m.Year, m.Start, m.End)
		}
		if m.Owner != OwnerOffice && m.Owner != OwnerDistrict {
			t.Errorf("%q: owner %q", m.Title, m.Owner)
		}
		if m.Kind != "" && (!m.Deadline || !slices.Contains(SubmissionKinds, m.Kind)) {
			t.Errorf("%q: kind %q on deadline %v", m.Title, m.Kind, m.Deadline)
		}
	}
	if len(ms) != 26 {
		t.Errorf("got %d milestones, want 19 of Ⅹ, 3 more of Ⅴ/Ⅵ and 4 deadlines", len(ms))
	}
	cases := []struct {
		title      string
		start, end Date
		owner      string
		deadline   bool
		kind       string
	}{
		{"지역사회혁신계획 추진계획 수립", "2017-02-01", "2017-02-28", OwnerOffice, false, ""},
		{"시민참여예산제와의 융합 프로세스 수립", "2017-02-01", "2017-03-31", OwnerOffice, false, ""},
		{"정책토론회, 현장 워크숍 등 개최", "2017-02-01", "2017-11-30", OwnerOffice, false, ""},
		{"지역사회혁신계획 매뉴얼 보완(개발)", "2017-04-01", "2017-04-30", OwnerOffice, false, ""},
		{"지역협치 디딤돌(성과공유) 워크숍", "2017-12-01", "2017-12-31", OwnerOffice, false, ""},
		{"협치○○구회의(협치추진 민・관 TFT) 구축․운영", "2017-01-01", "2017-12-31", OwnerDistrict, false, ""},
		{"지역사회혁신계획 본계획(실행계획) 제출・실행", "2017-03-01", "2017-10-31", OwnerDistrict, false, ""},
		{"‘16년 사업 결과 보고 및 정산", "2017-01-01", "2017-12-31", OwnerDistrict, true, ""},
		{"신규 지원기관 추가 선정", "2017-02-01", "2017-08-31", OwnerOffice, false, ""},
		{"‘18년 시민참여예산 연계 본계획(초안) 제출 마감", "2017-06-30", "2017-06-30", OwnerDistrict, true, "혁신계획"},
		{"지역사회혁신계획 신규 자치구 모집 마감(수립지원 접수)", "2017-07-31", "2017-07-31", OwnerDistrict, true, "혁신계획"},
		{"시민협력플랫폼 최종 모집 마감", "2017-07-31", "2017-07-31", OwnerDistrict, true, "플랫폼"},
		{"지역사회혁신계획 본계획 수립・제출 마감", "2017-10-31", "2017-10-31", OwnerDistrict, true, "혁신계획"},
	}
	for _, c := range cases {
		m, ok := byTitle[c.title]
		if !ok {
			t.Errorf("no milestone %q", c.title)
			continue
		}
		if m.Start != c.start || m.End != c.end || m.Owner != c.owner || m.Deadline != c.deadline || m.Kind != c.kind {
			t.Errorf("%q: %s ~ %s %s deadline %v kind %q; want %s ~ %s %s %v %q", c.title, m.Start, m.End, m.Owner, m.Deadline, m.Kind, c.start, c.end, c.owner, c.deadline, c.kind)
		}
	}
}

func TestSeedSchool(t *testing.T) {
	d := SeedData()
	if len(d.SchoolYears) != 1 {
		t.Fatalf("school years %+v", d.SchoolYears)
	}
	if y := d.SchoolYears[0]; y.Year != 2016 || y.Courses != 5 || y.Sessions != 24 || y.Participants != 1563 || !strings.Contains(y.Note, "찾아가는 협치 이해교육") {
		t.Errorf("2016 school %+v", y)
	}
	var names []string
	for _, c := range d.Courses {
		names = append(names, c.Name)
		if c.Year != 2017 || c.Audience == "" || c.Contents == "" {
			t.Errorf("course %+v", c)
		}
	}
	if !slices.Equal(names, []string{"찾아가는 협치 이해교육", "지역협치 책임자 교육", "협치실행 교육"}) {
		t.Errorf("courses %q", names)
	}
	if !strings.Contains(d.Courses[1].Contents, "퍼실리테이션 기법") || !strings.Contains(d.Courses[2].Audience, "지역사회혁신계획 관계자") {
		t.Errorf("course contents not the plan's: %+v", d.Courses)
	}
	if len(d.Events) != 0 || len(d.Sessions) != 0 {
		t.Errorf("the plan dates no event or session; got %d events, %d sessions", len(d.Events), len(d.Sessions))
	}
}

func TestSeedDataIsFreshEachCall(t *testing.T) {
	a := SeedData()
	a.Plans[0].Fields[0] = "changed"
	a.Platforms[0].Members[0].Rep = "changed"
	a.Settings.ApprovalLine[0] = "changed"
	b := SeedData()
	if b.Plans[0].Fields[0] == "changed" || b.Platforms[0].Members[0].Rep == "changed" || b.Settings.ApprovalLine[0] == "changed" {
		t.Error("SeedData shares slices between calls")
	}
}

// 참고2's 선정결과 line is kept: 10 districts applied, 노원 withdrew. It
// survives the file, and a second load replaces the year's line.
func TestSeedPlatformRound(t *testing.T) {
	s := newTestStore(t, SeedData())
	d, err := s.Export()
	if err != nil {
		t.Fatal(err)
	}
	if len(d.PlatformRounds) != 1 || d.PlatformRounds[0] != (PlatformRound{Year: 2016, Applied: 10, Note: "노원은 신청후 철회"}) {
		t.Fatalf("platform rounds %+v", d.PlatformRounds)
	}
	if _, err := s.Load(Dataset{PlatformRounds: []PlatformRound{{Year: 2016, Applied: 11, Note: "노원·중랑 철회"}, {Year: 2017, Applied: 7}}}, "시험"); err != nil {
		t.Fatal(err)
	}
	d, _ = s.Export()
	if len(d.PlatformRounds) != 2 || d.PlatformRounds[0].Applied != 11 || d.PlatformRounds[1].Year != 2017 {
		t.Fatalf("after a load: %+v", d.PlatformRounds)
	}
	st, _ := s.Settings()
	if st.CurrentYear != 2017 || len(st.Checklist) != 13 {
		t.Fatal("platform rounds disturbed the settings in the same bucket")
	}
}
