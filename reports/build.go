package reports

import (
	"cmp"
	"fmt"
	"sort"
	"strings"

	"hyeopchi/store"
	"hyeopchi/store/value"
)

// build makes the document of one report kind.
func build(kind string, in *Input) (*document, error) {
	if err := normalize(kind, in); err != nil {
		return nil, err
	}
	d := &document{kind: kind, title: docTitle(kind, in)}
	switch kind {
	case KindPlans:
		d.sections = []section{plansSection("", in, in.Year)}
	case KindPlatforms:
		d.sections = []section{platformsSection("", in, in.Year)}
	case KindSchool:
		d.sections = []section{schoolSection("", in)}
	case KindBudget:
		d.sections = []section{budgetSection("", in)}
	case KindDistrict:
		d.sections = []section{districtSection("", in, in.District)}
	case KindAnnual:
		d.cover = true
		d.sections = annualSections(in)
	}
	d.landscape = d.sections[0].landscape
	return d, nil
}

func (in *Input) has(year int, district string) bool {
	return year == in.Year && (in.District == "" || district == in.District)
}

func (in *Input) plans(year int) []store.Plan {
	var out []store.Plan
	for _, p := range in.Plans {
		if p.Year == year && (in.District == "" || p.District == in.District) {
			out = append(out, p)
		}
	}
	return out
}

func (in *Input) platforms(year int) []store.Platform {
	var out []store.Platform
	for _, p := range in.Platforms {
		if p.Year == year && (in.District == "" || p.District == in.District) {
			out = append(out, p)
		}
	}
	return out
}

// sessions are the year's sessions in date order.
func (in *Input) sessions() []store.Session {
	var out []store.Session
	for _, s := range in.Sessions {
		if in.has(s.Year, s.District) {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Date != b.Date {
			return a.Date < b.Date
		}
		if a.Course != b.Course {
			return a.Course < b.Course
		}
		return a.Number < b.Number
	})
	return out
}

func (in *Input) district(name string) store.District {
	for _, d := range in.Districts {
		if d.Name == name {
			return d
		}
	}
	return store.District{Name: name, Region: store.DefaultRegion[name]}
}

// ---- 지역사회혁신계획 (참고1) ----

func plansSection(title string, in *Input, year int) section {
	s := section{title: title, landscape: true}
	ps := in.plans(year)
	var sum int64
	for _, p := range ps {
		sum += p.Amount
	}
	s.para(fmt.Sprintf("□ %d년도 지역사회혁신계획 : %d개 자치구, 지원(교부)액 합계 %s천원", year, len(ps), value.Thousands(sum)))
	s.tbl(planTable(ps, false, "혁신계획"))
	return s
}

// planTable is the plan's 참고1 table; history adds the year and stage
// columns a district profile needs.
func planTable(ps []store.Plan, history bool, sheet string) *table {
	t := &table{sheet: sheet, unit: true}
	var lead []column
	var leadHead []cell
	if history {
		lead = []column{{title: "연도", numeric: true}, {title: "단계"}}
		leadHead = []cell{hd("연도", 1, 2), hd("단계", 1, 2)}
	} else {
		lead = []column{{title: "자치구명"}}
		leadHead = []cell{hd("자치구명", 1, 2)}
	}
	t.cols = append(lead,
		column{title: "지원 사항"}, column{title: "사업기간"},
		column{title: "지원(교부)액(천원)", numeric: true},
		column{title: "민관TFT 계", numeric: true}, column{title: "민관TFT 민", numeric: true},
		column{title: "민관TFT 구의원", numeric: true}, column{title: "민관TFT 관", numeric: true},
		column{title: "분야"})
	t.head = [][]cell{
		append(leadHead, hd("지원 사항", 1, 2), hd("사업기간", 1, 2), hd("지원(교부)액", 1, 2),
			hd("민관TFT 구성", 4, 1), hd("분야", 1, 2)),
		{hd("계", 1, 1), hd("민", 1, 1), hd("구의원", 1, 1), hd("관", 1, 1)},
	}
	var sum int64
	for _, p := range ps {
		support := p.Support
		if support == "" {
			support = p.Stage.String()
		}
		var first []cell
		if history {
			first = []cell{yearCell(p.Year), ctr(p.Stage.String())}
		} else {
			first = []cell{ctr(p.District)}
		}
		t.add(append(first, ctr(support), ctr(value.OfficialPeriod(p.Start, p.End, p.Months)), amt(p.Amount),
			num(p.TFTTotal()), num(p.TFTCivil), num(p.TFTCouncil), num(p.TFTOfficial),
			txt(strings.Join(p.Fields, "/")))...)
		sum += p.Amount
	}
	lead0 := len(lead)
	tot := []cell{{text: "계", span: lead0 + 2, align: alignCenter}, amt(sum)}
	for range 5 {
		tot = append(tot, txt(""))
	}
	t.addTotal(tot...)
	return t
}

// ---- 시민협력플랫폼 (참고2) ----

func platformsSection(title string, in *Input, year int) section {
	s := section{title: title}
	ps := in.platforms(year)
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.District
	}
	line := fmt.Sprintf("□ %d년도 시민협력플랫폼 : %d개 자치구", year, len(ps))
	if len(ps) > 0 {
		line += " (" + strings.Join(names, "・") + ")"
	}
	s.para(line)
	for _, r := range in.PlatformRounds {
		if r.Year == year && r.Applied > 0 && in.District == "" {
			// the plan's 참고2 line: "총 10개 자치구 신청, 9개 자치구 선정(노원은 신청후 철회)"
			sel := fmt.Sprintf("□ 선정결과 : 총 %d개 자치구 신청, %d개 자치구 선정", r.Applied, len(ps))
			if r.Note != "" {
				sel += "(" + r.Note + ")"
			}
			s.para(sel)
		}
	}
	s.tbl(platformSummary(ps, "플랫폼 지원"))
	if len(ps) > 0 {
		s.heading("□ 컨소시엄 구성")
		s.tbl(rosterBlocks(ps))
		s.tbl(rosterSheet(ps, "플랫폼 구성"))
		s.paras(grantNote(ps)...)
	}
	return s
}

// platformFacts are a consortium's 성장단계, 공간, 지원 개월, 진행 상태 and
// 지원액; what nobody entered reads 미기재.
func platformFacts(p store.Platform) []cell {
	return []cell{known(ctr(growth(p.Growth)), growth(p.Growth) != ""), known(num(p.Space), p.Space > 0),
		known(num(p.Months), p.Months > 0), known(ctr(string(p.Status)), p.Status != ""), amt(p.Grant)}
}

func growth(g int) string {
	if l, ok := store.GrowthStages[g]; ok {
		return fmt.Sprintf("%d단계 %s", g, l)
	}
	return ""
}

func consortium(p store.Platform) string {
	if p.Name != "" {
		return p.Name
	}
	for _, m := range p.Members {
		if m.Role == store.RoleLead {
			return m.Org + " 컨소시엄"
		}
	}
	return ""
}

func platformSummary(ps []store.Platform, sheet string) *table {
	t := &table{sheet: sheet, unit: true, cols: []column{
		{title: "자치구"}, {title: "컨소시엄"}, {title: "성장단계"}, {title: "공간(㎡)", numeric: true},
		{title: "지원 개월", numeric: true}, {title: "진행 상태"}, {title: "지원액(천원)", numeric: true},
	}}
	t.head = [][]cell{{hd("자치구", 1, 1), hd("컨소시엄", 1, 1), hd("성장단계", 1, 1), hd("공간(㎡)", 1, 1),
		hd("지원 개월", 1, 1), hd("진행 상태", 1, 1), hd("지원액", 1, 1)}}
	var sum int64
	for _, p := range ps {
		t.add(append([]cell{ctr(p.District), txt(consortium(p))}, platformFacts(p)...)...)
		sum += p.Grant
	}
	t.addTotal(cell{text: "계", span: 6, align: alignCenter}, amt(sum))
	return t
}

func hasContacts(ps []store.Platform) bool {
	for _, p := range ps {
		for _, m := range p.Members {
			if strings.TrimSpace(m.Contact) != "" {
				return true
			}
		}
	}
	return false
}

func managerText(m store.Member) string {
	name := m.Rep
	if name == "" {
		name = m.Org
	}
	if m.Note != "" {
		name += "(" + m.Note + ")"
	}
	return name
}

// rosterBlocks is the 참고2 layout: per district a block "자치구 | 강북구",
// 구분 | 단체명 | 대표자 명, the members and the platform manager.
func rosterBlocks(ps []store.Platform) *table {
	contacts := hasContacts(ps)
	t := &table{only: pdfOnly, noHead: true, cols: []column{{title: "구분"}, {title: "단체명"}, {title: "대표자 명"}}}
	if contacts {
		t.cols = append(t.cols, column{title: "연락처"})
	}
	n := len(t.cols)
	for i, p := range ps {
		g := i + 1
		t.rows = append(t.rows,
			row{group: g, bold: true, cells: []cell{ctr("자치구"), {text: p.District, span: n - 1, align: alignCenter}}},
			row{group: g, shade: true, cells: headCells(t.cols)})
		for _, role := range []store.Role{store.RoleLead, store.RoleMember} {
			for _, m := range p.Members {
				if m.Role != role && (role != store.RoleMember || knownRole(m.Role)) {
					continue
				}
				r := row{group: g, cells: []cell{ctr(string(role)), txt(m.Org), ctr(m.Rep)}}
				if contacts {
					r.cells = append(r.cells, txt(value.MaskContact(m.Contact)))
				}
				t.rows = append(t.rows, r)
			}
		}
		for _, m := range p.Members {
			if m.Role != store.RoleManager {
				continue
			}
			r := row{group: g, cells: []cell{ctr(string(m.Role)), {text: managerText(m), span: 2}}}
			if contacts {
				r.cells = append(r.cells, txt(value.MaskContact(m.Contact)))
			}
			t.rows = append(t.rows, r)
		}
	}
	return t
}

func knownRole(r store.Role) bool {
	for _, k := range store.Roles {
		if r == k {
			return true
		}
	}
	return false
}

func headCells(cols []column) []cell {
	out := make([]cell, len(cols))
	for i, c := range cols {
		out[i] = cell{text: c.title, align: alignCenter}
	}
	return out
}

// rosterSheet is the roster as plain rows for the workbook.
func rosterSheet(ps []store.Platform, sheet string) *table {
	t := &table{sheet: sheet, only: xlsxOnly, cols: []column{
		{title: "자치구"}, {title: "구분"}, {title: "단체명"}, {title: "대표자"}, {title: "비고"}, {title: "연락처"},
	}}
	for _, p := range ps {
		for _, m := range p.Members {
			t.add(txt(p.District), txt(string(m.Role)), txt(m.Org), txt(m.Rep), txt(m.Note), txt(value.MaskContact(m.Contact)))
		}
	}
	return t
}

// grantNote is the 참고2 footnote computed from the grants: the usual grant,
// the districts that got another, and the total.
func grantNote(ps []store.Platform) []string {
	count := map[int64]int{}
	var sum, usual int64
	for _, p := range ps {
		count[p.Grant]++
		sum += p.Grant
	}
	best := 0
	for _, p := range ps { // first of the most frequent, in roster order
		if count[p.Grant] > best {
			best, usual = count[p.Grant], p.Grant
		}
	}
	var other []store.Platform
	for _, p := range ps {
		if p.Grant != usual {
			other = append(other, p)
		}
	}
	line := fmt.Sprintf("※ 지원액 : 자치구별 %s천원 지원", value.Thousands(usual))
	switch {
	case len(other) == 1:
		line += fmt.Sprintf(" (단, %s의 경우만 %s천원 지원)", other[0].District, value.Thousands(other[0].Grant))
	case len(other) > 1:
		parts := make([]string, len(other))
		for i, p := range other {
			parts[i] = fmt.Sprintf("%s %s천원", p.District, value.Thousands(p.Grant))
		}
		line += " (단, " + strings.Join(parts, ", ") + " 지원)"
	}
	return []string{line, fmt.Sprintf("   - 전체 지원액 합계 : %s천원", value.Thousands(sum))}
}

// ---- 협치학교 ----

type tally struct {
	sessions, done, capacity, male, female int
}

func (t *tally) add(s store.Session) {
	if s.Status != store.SessionCancelled {
		t.sessions++
	}
	if s.Status == store.SessionDone {
		t.done++
	}
	t.capacity += s.Capacity
	t.male += s.AttendMale
	t.female += s.AttendFemale
}

func (t tally) cells() []cell {
	return []cell{num(t.sessions), num(t.done), num(t.capacity), num(t.male), num(t.female), num(t.male + t.female)}
}

func tallyHead(first ...cell) [][]cell {
	r1 := append(first, hd("회차", 1, 2), hd("완료", 1, 2), hd("정원", 1, 2), hd("참석 인원", 3, 1))
	return [][]cell{r1, {hd("남", 1, 1), hd("여", 1, 1), hd("계", 1, 1)}}
}

var tallyCols = []column{{title: "회차", numeric: true}, {title: "완료", numeric: true}, {title: "정원", numeric: true},
	{title: "참석 남", numeric: true}, {title: "참석 여", numeric: true}, {title: "참석 계", numeric: true}}

// schoolSection is the 협치학교 report: the year's summary and courses, then
// the sessions by course, by district and one by one, and (for the whole
// city) the events.
func schoolSection(title string, in *Input) section {
	s := section{title: title, landscape: true}
	ss := in.sessions()
	var all tally
	for _, x := range ss {
		all.add(x)
	}
	courses := courseNames(in, ss)
	recorded := in.recordedSchoolYear()
	s.para(schoolSummary(in, ss, len(courses), all, recorded))
	if in.District == "" {
		if t := schoolYears(in); len(t.rows) > 0 {
			s.heading("□ 연도별 총괄")
			s.tbl(t)
		}
	}
	if t := courseTable(courses); len(t.rows) > 0 {
		s.heading("□ 교육 과정")
		s.tbl(t)
	}
	if len(ss) == 0 {
		if recorded != nil && in.District == "" {
			s.para("※ 회차별 기록 없이 연간 실적 합계만 있어 과정별·자치구별·회차별 현황은 싣지 않습니다.")
		}
		if in.District == "" {
			schoolEvents(&s, in, false)
		}
		return s
	}

	s.heading("□ 과정별 운영 현황 (성별)")
	s.tbl(courseTally(courses, ss, all))
	s.heading("□ 자치구별 운영 현황 (성별)")
	s.tbl(districtTally(ss, all))
	s.heading("□ 회차별 현황")
	s.tbl(sessionTable(ss, "회차"))

	if in.District == "" {
		schoolEvents(&s, in, true)
	}
	return s
}

// schoolSummary is the school report's first line: the year's sessions ss
// (all is their tally, courses the count of courses), else the totals
// recorded for the year (whole city only), else that there are none.
func schoolSummary(in *Input, ss []store.Session, courses int, all tally, recorded *store.SchoolYear) string {
	switch {
	case len(ss) > 0:
		return fmt.Sprintf("□ %d년 협치학교 : %d개 과정, %d회 운영 (완료 %d회), 참석 %s명 (남 %s명, 여 %s명)",
			in.Year, courses, all.sessions, all.done, value.Thousands(int64(all.male+all.female)), value.Thousands(int64(all.male)), value.Thousands(int64(all.female)))
	case recorded != nil && in.District == "":
		// only the year's totals are known, as the plan gives 2016's
		return fmt.Sprintf("□ %d년 협치학교 : %d개 과정, %d회 운영, 참석 %s명 (남녀 구분 미기재)",
			in.Year, recorded.Courses, recorded.Sessions, value.Thousands(int64(recorded.Participants)))
	}
	return fmt.Sprintf("□ %d년 협치학교 : 기록된 교육 회차 없음", in.Year)
}

// schoolEvents adds the year's events linked to the school, and with
// targets the events held against their targets.
func schoolEvents(s *section, in *Input, targets bool) {
	if t := eventTable(in); len(t.rows) > 1 {
		s.heading("□ 지역협치 활성화 연계 행사")
		s.tbl(t)
	}
	if !targets {
		return
	}
	if t := eventTargetTable(in); len(t.rows) > 0 {
		s.heading("□ 행사 목표 대비 개최")
		s.tbl(t)
	}
}

// courseTally is the sessions' tally per course, with the total.
func courseTally(courses []store.Course, ss []store.Session, all tally) *table {
	byCourse := &table{sheet: "과정별", cols: append([]column{{title: "과정"}, {title: "교육 대상"}}, tallyCols...),
		head: tallyHead(hd("과정", 1, 2), hd("교육 대상", 1, 2))}
	for _, c := range courses {
		var t tally
		for _, x := range ss {
			if x.Course == c.Name {
				t.add(x)
			}
		}
		byCourse.add(append([]cell{txt(c.Name), txt(c.Audience)}, t.cells()...)...)
	}
	byCourse.addTotal(append([]cell{{text: "계", span: 2, align: alignCenter}}, all.cells()...)...)
	return byCourse
}

// districtTally is the sessions' tally per district, with the total.
func districtTally(ss []store.Session, all tally) *table {
	byDistrict := &table{sheet: "자치구별", cols: append([]column{{title: "자치구"}}, tallyCols...),
		head: tallyHead(hd("자치구", 1, 2))}
	for _, d := range sessionDistricts(ss) {
		var t tally
		for _, x := range ss {
			if x.District == d {
				t.add(x)
			}
		}
		name := d
		if name == "" {
			name = "(자치구 없음)"
		}
		byDistrict.add(append([]cell{ctr(name)}, t.cells()...)...)
	}
	byDistrict.addTotal(append([]cell{ctr("계")}, all.cells()...)...)
	return byDistrict
}

// eventTargetTable sets the year's events of each kind against the target
// in settings (the plan's "총 5회 내외"); a kind without one says 미기재.
func eventTargetTable(in *Input) *table {
	t := &table{sheet: "행사 목표", cols: []column{{title: "구분"}, {title: "목표(회 내외)", numeric: true}, {title: "개최(회)", numeric: true}}}
	for _, r := range store.EventBudgets(nil, in.Events, in.Settings.EventTargets, in.Year) {
		if r.Target == 0 && r.Events == 0 {
			continue
		}
		target := num(r.Target)
		if r.Target == 0 {
			target = ctr(unknown)
		}
		t.add(ctr(r.Kind), target, num(r.Events))
	}
	return t
}

// recordedSchoolYear is the year's recorded totals (SchoolYear), if any.
func (in *Input) recordedSchoolYear() *store.SchoolYear {
	for i, y := range in.SchoolYears {
		if y.Year == in.Year {
			return &in.SchoolYears[i]
		}
	}
	return nil
}

// courseTable is the plan's Ⅶ course table: course, audience and the
// main contents, one item a line.
func courseTable(cs []store.Course) *table {
	t := &table{sheet: "교육 과정", cols: []column{{title: "과정"}, {title: "교육 대상"}, {title: "주요 내용"}}}
	for _, c := range cs {
		if c.Audience == "" && c.Contents == "" {
			continue // a course only a session names: nothing more is known
		}
		var items []string
		for _, l := range strings.Split(c.Contents, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				items = append(items, "- "+l)
			}
		}
		contents := strings.Join(items, "\n")
		if contents == "" {
			contents = unknown
		}
		t.add(txt(c.Name), txt(orUnknown(c.Audience)), txt(contents))
	}
	return t
}

// courseNames are the year's courses, then any course a session names that
// the course list lacks.
func courseNames(in *Input, ss []store.Session) []store.Course {
	var out []store.Course
	seen := map[string]bool{}
	for _, c := range in.Courses {
		if c.Year == in.Year && !seen[c.Name] {
			seen[c.Name] = true
			out = append(out, c)
		}
	}
	for _, x := range ss {
		if !seen[x.Course] {
			seen[x.Course] = true
			out = append(out, store.Course{Year: in.Year, Name: x.Course})
		}
	}
	return out
}

// sessionDistricts are the districts sessions were held in, in the city's
// order, then any other name.
func sessionDistricts(ss []store.Session) []string {
	seen := map[string]bool{}
	for _, x := range ss {
		seen[x.District] = true
	}
	var out []string
	for _, d := range store.Districts {
		if seen[d] {
			out = append(out, d)
			delete(seen, d)
		}
	}
	var rest []string
	for d := range seen {
		rest = append(rest, d)
	}
	sort.Strings(rest)
	return append(out, rest...)
}

func sessionTable(ss []store.Session, sheet string) *table {
	t := &table{sheet: sheet, cols: []column{
		{title: "과정"}, {title: "회차", numeric: true}, {title: "일자"}, {title: "시간"}, {title: "자치구"},
		{title: "장소"}, {title: "대상"}, {title: "강사"}, {title: "정원", numeric: true},
		{title: "참석 남", numeric: true}, {title: "참석 여", numeric: true}, {title: "참석 계", numeric: true}, {title: "상태"},
	}}
	t.head = [][]cell{
		{hd("과정", 1, 2), hd("회차", 1, 2), hd("일자", 1, 2), hd("시간", 1, 2), hd("자치구", 1, 2), hd("장소", 1, 2),
			hd("대상", 1, 2), hd("강사", 1, 2), hd("정원", 1, 2), hd("참석 인원", 3, 1), hd("상태", 1, 2)},
		{hd("남", 1, 1), hd("여", 1, 1), hd("계", 1, 1)},
	}
	var all tally
	for _, x := range ss {
		all.add(x)
		t.add(txt(x.Course), num(x.Number), ctr(value.Official(x.Date)), ctr(x.Time), ctr(x.District), txt(x.Venue),
			txt(x.Audience), txt(x.Instructor), num(x.Capacity), num(x.AttendMale), num(x.AttendFemale),
			num(x.Attendance()), ctr(string(x.Status)))
	}
	t.addTotal(cell{text: "계", span: 8, align: alignCenter}, num(all.capacity), num(all.male), num(all.female),
		num(all.male+all.female), txt(""))
	return t
}

// schoolYears is the yearly summary: the totals the office recorded (as the
// plan gives 2016's) and, for years without them, the sessions' own counts.
func schoolYears(in *Input) *table {
	t := &table{sheet: "연도별", cols: []column{{title: "연도", numeric: true}, {title: "과정", numeric: true},
		{title: "회차", numeric: true}, {title: "참여 인원", numeric: true}, {title: "비고"}}}
	years := map[int]*store.SchoolYear{}
	for _, y := range in.SchoolYears {
		if y.Year <= in.Year {
			y := y
			years[y.Year] = &y
		}
	}
	courses := map[int]map[string]bool{}
	for _, x := range in.Sessions {
		if x.Year > in.Year {
			continue
		}
		if sy, ok := years[x.Year]; ok && sy.Note != "(회차 집계)" {
			continue
		}
		sy := years[x.Year]
		if sy == nil {
			sy = &store.SchoolYear{Year: x.Year, Note: "(회차 집계)"}
			years[x.Year] = sy
			courses[x.Year] = map[string]bool{}
		}
		courses[x.Year][x.Course] = true
		sy.Courses = len(courses[x.Year])
		if x.Status != store.SessionCancelled {
			sy.Sessions++
		}
		sy.Participants += x.Attendance()
	}
	var keys []int
	for y := range years {
		keys = append(keys, y)
	}
	sort.Ints(keys)
	for _, y := range keys {
		sy := years[y]
		t.add(yearCell(y), num(sy.Courses), num(sy.Sessions), num(sy.Participants), txt(sy.Note))
	}
	return t
}

func eventTable(in *Input) *table {
	t := &table{sheet: "행사", unit: true, cols: []column{{title: "구분"}, {title: "행사명"}, {title: "일자"},
		{title: "장소"}, {title: "예산(천원)", numeric: true}, {title: "참석 남", numeric: true},
		{title: "참석 여", numeric: true}, {title: "참석 계", numeric: true}}}
	t.head = [][]cell{
		{hd("구분", 1, 2), hd("행사명", 1, 2), hd("일자", 1, 2), hd("장소", 1, 2), hd("예산", 1, 2), hd("참석 인원", 3, 1)},
		{hd("남", 1, 1), hd("여", 1, 1), hd("계", 1, 1)},
	}
	var budget int64
	var m, f int
	for _, e := range in.Events {
		if e.Year != in.Year {
			continue
		}
		t.add(ctr(e.Kind), txt(e.Title), ctr(value.Official(e.Date)), txt(e.Place), amt(e.Budget),
			num(e.AttendMale), num(e.AttendFemale), num(e.AttendMale+e.AttendFemale))
		budget += e.Budget
		m += e.AttendMale
		f += e.AttendFemale
	}
	t.addTotal(cell{text: "계", span: 4, align: alignCenter}, amt(budget), num(m), num(f), num(m+f))
	return t
}

// ---- 사업비 (Ⅸ) ----

type budgetNode struct {
	line      store.BudgetLine
	children  []*budgetNode
	office    int64
	grant     int64
	committed int64
}

// budgetTree arranges the year's lines under their parents and sums them.
func budgetTree(in *Input) []*budgetNode {
	var lines []store.BudgetLine
	for _, l := range in.Budget {
		if l.Year == in.Year {
			lines = append(lines, l)
		}
	}
	sort.SliceStable(lines, func(i, j int) bool { return lines[i].Order < lines[j].Order })
	byName := map[string][]*budgetNode{}
	nodes := make([]*budgetNode, len(lines))
	for i, l := range lines {
		nodes[i] = &budgetNode{line: l}
		byName[l.Name] = append(byName[l.Name], nodes[i])
	}
	// the plan names a child like its parent ("시민협력플랫폼 지원" under
	// "시민협력플랫폼 지원"): a parent is a line of that name that is not
	// itself the child's sibling
	parentOf := func(n *budgetNode) *budgetNode {
		var fallback *budgetNode
		for _, c := range byName[n.line.Parent] {
			if c == n {
				continue
			}
			if c.line.Parent != n.line.Parent {
				return c
			}
			if fallback == nil {
				fallback = c
			}
		}
		return fallback
	}
	parent := map[*budgetNode]*budgetNode{}
	for _, n := range nodes {
		if n.line.Parent != "" {
			parent[n] = parentOf(n)
		}
	}
	var roots []*budgetNode
	for _, n := range nodes {
		p := parent[n]
		if p == nil || loops(n, parent) {
			roots = append(roots, n)
			continue
		}
		p.children = append(p.children, n)
	}
	for _, r := range roots {
		r.sum(in.Committed)
	}
	return roots
}

// loops reports whether following n's parents comes back to n.
func loops(n *budgetNode, parent map[*budgetNode]*budgetNode) bool {
	for p, i := parent[n], 0; p != nil && i <= len(parent); p, i = parent[p], i+1 {
		if p == n {
			return true
		}
	}
	return false
}

func (n *budgetNode) sum(committed map[string]int64) {
	if len(n.children) == 0 {
		n.office, n.grant, n.committed = n.line.OfficeCost, n.line.Grant, committed[BudgetKey(n.line)]
		return
	}
	n.office, n.grant, n.committed = 0, 0, 0
	for _, c := range n.children {
		c.sum(committed)
		n.office += c.office
		n.grant += c.grant
		n.committed += c.committed
	}
}

func budgetSection(title string, in *Input) section {
	s := section{title: title}
	roots := budgetTree(in)
	if len(roots) == 0 {
		s.para(fmt.Sprintf("□ %d년 : 해당 연도 예산 자료 없음", in.Year))
		s.empty = true
		return s
	}
	t := &table{sheet: "사업비", unit: true, cols: []column{{title: "구분"},
		{title: "사무관리비(천원)", numeric: true}, {title: "자치단체 경상보조(천원)", numeric: true},
		{title: "계(천원)", numeric: true}, {title: "집행(약정)(천원)", numeric: true}, {title: "잔액(천원)", numeric: true}}}
	t.head = [][]cell{
		{hd("구 분", 1, 2), hd(fmt.Sprintf("‘%02d년 예산", in.Year%100), 3, 1), hd("집행(약정)", 1, 2), hd("잔액", 1, 2)},
		{hd("사무관리비", 1, 1), hd("자치단체 경상보조", 1, 1), hd("계", 1, 1)},
	}
	var office, grant, committed int64
	var walk func(n *budgetNode, depth int)
	walk = func(n *budgetNode, depth int) {
		name := txt(n.line.Name)
		name.indent = depth
		total := n.office + n.grant
		sum := amt(total)
		if depth > 0 {
			sum.text = "" // like Ⅸ, 계 only on the top lines; the workbook keeps the number
		}
		t.rows = append(t.rows, row{bold: len(n.children) > 0, cells: []cell{name, amt(n.office), amt(n.grant),
			sum, amt(n.committed), amt(total - n.committed)}})
		for _, c := range n.children {
			walk(c, depth+1)
		}
	}
	for _, r := range roots {
		walk(r, 0)
		office += r.office
		grant += r.grant
		committed += r.committed
	}
	t.addTotal(ctr("계"), amt(office), amt(grant), amt(office+grant), amt(committed), amt(office+grant-committed))
	s.para(fmt.Sprintf("□ %d년 예산 %s천원 (사무관리비 %s천원, 자치단체 경상보조 %s천원), 집행(약정) %s천원 (%s), 잔액 %s천원",
		in.Year, value.Thousands(office+grant), value.Thousands(office), value.Thousands(grant), value.Thousands(committed),
		percent(committed, office+grant), value.Thousands(office+grant-committed)))
	s.tbl(t)
	return s
}

// ---- 추진 일정 (Ⅹ) ----

func scheduleSection(title string, in *Input) section {
	s := section{title: title}
	t := &table{sheet: "일정", cols: []column{{title: "구분"}, {title: "추진 사항"}, {title: "기간"}, {title: "마감"}}}
	var ms []store.Milestone
	for _, m := range in.Milestones {
		if m.Year == in.Year {
			ms = append(ms, m)
		}
	}
	if len(ms) == 0 {
		s.para(fmt.Sprintf("□ %d년 : 해당 연도 일정 자료 없음", in.Year))
		s.empty = true
		return s
	}
	// Ⅹ's own order: the office's items, then the districts', each as entered
	sort.SliceStable(ms, func(i, j int) bool {
		return ms[i].Owner == store.OwnerOffice && ms[j].Owner != store.OwnerOffice
	})
	for _, m := range ms {
		t.add(ctr(m.Owner), txt(m.Title), ctr(span(m)), ctr(yesNo(m.Deadline, "마감", "")))
	}
	s.tbl(t)
	return s
}

// ---- 자치구 ----

// districtSection is one district's page: its governance base, its
// innovation plans, its platform, its school sessions and its submissions,
// up to the report's year.
func districtSection(title string, in *Input, name string) section {
	s := section{title: title, landscape: true}
	s.heading("1. 협치 기반")
	s.tbl(districtBase(in.district(name)))
	s.heading("2. 지역사회혁신계획")
	districtPlans(&s, in, name)
	s.heading("3. 시민협력플랫폼")
	districtPlatforms(&s, in, name)
	s.heading("4. 협치학교")
	districtSchool(&s, in, name)
	s.heading("5. 제출 현황")
	districtSubmissions(&s, in, name)
	return s
}

// districtBase is the one-row table of a district's governance base.
func districtBase(d store.District) *table {
	base := &table{sheet: "협치 기반", cols: []column{{title: "권역"}, {title: "협치회의"}, {title: "추진단·사무국"},
		{title: "협치조정관"}, {title: "협치조례"}, {title: "비고"}}}
	// only what was recorded: a false flag means nobody entered it
	ord := known(ctr("제정"), d.Ordinance)
	if d.Ordinance && !d.OrdinanceOn.IsZero() {
		ord.text += " (" + value.Official(d.OrdinanceOn) + ")"
	}
	base.add(ctr(d.Region), known(ctr(d.Council), d.Council != ""), known(ctr(d.Office), d.Office != ""),
		known(ctr("채용"), d.Coordinator), ord, txt(d.Note))
	return base
}

// districtPlans adds a district's plans up to the year, with the months
// the 36-month rule counts, and the year's plan's process.
func districtPlans(s *section, in *Input, name string) {
	var plans []store.Plan
	var current *store.Plan
	// the months the 36-month rule counts: 수립기 and 실행기, not 준비기
	months := store.PlanFundedMonths(name, in.Year, in.Plans)
	for i, p := range in.Plans {
		if p.District == name && p.Year <= in.Year {
			plans = append(plans, p)
			if p.Year == in.Year {
				current = &in.Plans[i]
			}
		}
	}
	sort.SliceStable(plans, func(i, j int) bool { return plans[i].Year < plans[j].Year })
	if len(plans) == 0 {
		s.para(fmt.Sprintf("□ %d년까지 지역사회혁신계획 지원 이력 없음", in.Year))
	} else {
		s.para(fmt.Sprintf("□ 지원 기간 누계 : %d개월 (최대 36개월)", months))
		s.tbl(planTable(plans, true, "혁신계획 이력"))
	}
	if current != nil && len(current.Process) > 0 {
		steps := &table{sheet: "추진 절차", cols: []column{{title: "절차"}, {title: "일자"}}}
		for _, st := range current.Process {
			steps.add(ctr(st.Name), ctr(value.Official(st.On)))
		}
		s.heading(fmt.Sprintf("□ %d년 추진 절차", in.Year))
		s.tbl(steps)
	}
}

// districtPlatforms adds a district's platforms up to the year and the
// year's consortium with its indicators.
func districtPlatforms(s *section, in *Input, name string) {
	var hist []store.Platform
	var cur *store.Platform
	for i, p := range in.Platforms {
		if p.District == name && p.Year <= in.Year {
			hist = append(hist, p)
			if p.Year == in.Year {
				cur = &in.Platforms[i]
			}
		}
	}
	sort.SliceStable(hist, func(i, j int) bool { return hist[i].Year < hist[j].Year })
	if len(hist) == 0 {
		s.para(fmt.Sprintf("□ %d년까지 시민협력플랫폼 지원 이력 없음", in.Year))
	} else {
		s.tbl(platformHistory(hist))
	}
	if cur == nil {
		return
	}
	s.heading(fmt.Sprintf("□ %d년 컨소시엄 구성", in.Year))
	s.tbl(rosterBlocks([]store.Platform{*cur}))
	s.tbl(rosterSheet([]store.Platform{*cur}, "플랫폼 구성"))
	if len(cur.Indicators) > 0 {
		it := &table{sheet: "성과지표", cols: []column{{title: "구분"}, {title: "지표"}, {title: "목표"}, {title: "실적"}}}
		for _, x := range cur.Indicators {
			it.add(ctr(yesNo(x.Common, "공통 지표", "개별 지표")), txt(x.Name), txt(x.Target), txt(x.Result))
		}
		s.heading("□ 성과지표")
		s.tbl(it)
	}
}

// platformHistory is one district's platforms by year, with the grants'
// total.
func platformHistory(hist []store.Platform) *table {
	ph := &table{sheet: "플랫폼 이력", unit: true, cols: []column{{title: "연도", numeric: true}, {title: "컨소시엄"}, {title: "성장단계"},
		{title: "공간(㎡)", numeric: true}, {title: "지원 개월", numeric: true}, {title: "진행 상태"}, {title: "지원액(천원)", numeric: true}}}
	ph.head = [][]cell{{hd("연도", 1, 1), hd("컨소시엄", 1, 1), hd("성장단계", 1, 1), hd("공간(㎡)", 1, 1),
		hd("지원 개월", 1, 1), hd("진행 상태", 1, 1), hd("지원액", 1, 1)}}
	var grants int64
	for _, p := range hist {
		ph.add(append([]cell{yearCell(p.Year), txt(consortium(p))}, platformFacts(p)...)...)
		grants += p.Grant
	}
	ph.addTotal(cell{text: "계", span: 6, align: alignCenter}, amt(grants))
	return ph
}

// districtSchool adds the year's sessions held in the district, by date.
func districtSchool(s *section, in *Input, name string) {
	var ss []store.Session
	var all tally
	for _, x := range in.Sessions {
		if x.Year == in.Year && x.District == name {
			ss = append(ss, x)
			all.add(x)
		}
	}
	sort.SliceStable(ss, func(i, j int) bool { return ss[i].Date < ss[j].Date })
	if len(ss) > 0 {
		s.para(fmt.Sprintf("□ %d회 운영 (완료 %d회), 참석 %s명 (남 %s명, 여 %s명)", all.sessions, all.done,
			value.Thousands(int64(all.male+all.female)), value.Thousands(int64(all.male)), value.Thousands(int64(all.female))))
		s.tbl(sessionTable(ss, "교육 회차"))
	} else {
		s.para(fmt.Sprintf("□ %d년 %s에서 열린 교육 회차 기록 없음", in.Year, name))
	}
}

// districtSubmissions adds the files the district sent for the year.
func districtSubmissions(s *section, in *Input, name string) {
	sub := &table{sheet: "제출", cols: []column{{title: "구분"}, {title: "접수일"}, {title: "기한"}, {title: "파일명"},
		{title: "상태"}, {title: "오류", numeric: true}, {title: "비고"}}}
	for _, x := range in.Submissions {
		if x.Year == in.Year && x.District == name {
			sub.add(ctr(x.Kind), ctr(value.Official(x.Received)), ctr(value.Official(x.Due)), txt(x.FileName), ctr(string(x.Status)),
				num(len(x.Errors)), txt(x.Note))
		}
	}
	if len(sub.rows) == 0 {
		s.para("□ 접수된 파일이 없습니다.")
	} else {
		s.tbl(sub)
	}
}

// ---- 연간 보고서 ----

var roman = []string{"Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "Ⅵ", "Ⅶ", "Ⅷ", "Ⅸ", "Ⅹ"}

func annualSections(in *Input) []section {
	var out []section
	n := 0
	next := func(title string) string {
		n++
		if n <= len(roman) {
			return roman[n-1] + ". " + title
		}
		return fmt.Sprintf("%d. %s", n, title)
	}
	out = append(out,
		plansSection(next(fmt.Sprintf("%d년 지역사회혁신계획", in.Year)), in, in.Year),
		platformsSection(next(fmt.Sprintf("%d년 시민협력플랫폼", in.Year)), in, in.Year),
		schoolSection(next("협치학교 운영"), in))
	if in.District == "" {
		out = append(out, budgetSection(next("지역협치 추진 사업비 내역"), in),
			scheduleSection(next("추진 일정"), in))
	}
	out = append(out, overviewSection(next("자치구별 현황"), in))
	// the profiles' tables stay out of the workbook: the overview sheet has
	// every district, and the district report exports one in full
	for _, d := range activeDistricts(in) {
		s := districtSection(d+" 지역협치 현황", in, d)
		s.sub = true
		for _, b := range s.blocks {
			if b.table != nil && b.table.only == both {
				b.table.only = pdfOnly
			}
		}
		out = append(out, s)
	}
	// like the plan, the annual report ends with last year's selections
	ref := 0
	prev := fmt.Sprintf("%d년 ", in.Year-1)
	if len(in.plans(in.Year-1)) > 0 {
		ref++
		out = append(out, prefixSheets(plansSection(fmt.Sprintf("<참고%d> %d년도 지역사회혁신계획 사업 선정 결과", ref, in.Year-1), in, in.Year-1), prev))
	}
	if len(in.platforms(in.Year-1)) > 0 {
		ref++
		out = append(out, prefixSheets(platformsSection(fmt.Sprintf("<참고%d> %d년도 시민협력플랫폼 선정 단체 현황", ref, in.Year-1), in, in.Year-1), prev))
	}
	for i := range out {
		// a section that only says it has no data follows the one before,
		// and a district's profile follows the previous district's
		out[i].newPage = !out[i].empty && !(out[i].sub && i > 0 && out[i-1].sub)
	}
	return out
}

func prefixSheets(s section, prefix string) section {
	for _, b := range s.blocks {
		if b.table != nil && b.table.sheet != "" {
			b.table.sheet = prefix + b.table.sheet
		}
	}
	return s
}

// activeDistricts are the districts with a plan, platform, session or
// submission in the year, in the city's order.
func activeDistricts(in *Input) []string {
	seen := map[string]bool{}
	for _, p := range in.Plans {
		seen[p.District] = seen[p.District] || in.has(p.Year, p.District)
	}
	for _, p := range in.Platforms {
		seen[p.District] = seen[p.District] || in.has(p.Year, p.District)
	}
	for _, x := range in.Sessions {
		seen[x.District] = seen[x.District] || in.has(x.Year, x.District)
	}
	for _, x := range in.Submissions {
		seen[x.District] = seen[x.District] || in.has(x.Year, x.District)
	}
	var out []string
	for _, d := range store.Districts {
		if seen[d] {
			out = append(out, d)
		}
	}
	return out
}

// overviewSection is one line per district: plan, platform, school and
// submissions of the year.
func overviewSection(title string, in *Input) section {
	s := section{title: title, landscape: true}
	t := &table{sheet: "자치구별", unit: true, cols: []column{{title: "자치구"}, {title: "권역"},
		{title: "혁신계획 단계"}, {title: "혁신계획 지원액(천원)", numeric: true},
		{title: "플랫폼 성장단계"}, {title: "플랫폼 지원액(천원)", numeric: true},
		{title: "교육 회차", numeric: true}, {title: "교육 참석", numeric: true},
		{title: "제출 건수", numeric: true}, {title: "확정 건수", numeric: true}}}
	t.head = [][]cell{
		{hd("자치구", 1, 2), hd("권역", 1, 2), hd("지역사회혁신계획", 2, 1), hd("시민협력플랫폼", 2, 1),
			hd("협치학교", 2, 1), hd("제출 파일", 2, 1)},
		{hd("단계", 1, 1), hd("지원액", 1, 1), hd("성장단계", 1, 1), hd("지원액", 1, 1),
			hd("회차", 1, 1), hd("참석", 1, 1), hd("접수", 1, 1), hd("확정", 1, 1)},
	}
	names := store.Districts
	if in.District != "" {
		names = []string{in.District}
	}
	var tp, tg int64
	var tsess, tatt, tsub, tdone int
	// a year known only by its school totals has no figures per district
	byDistrict := in.recordedSchoolYear() == nil || len(in.sessions()) > 0
	for _, name := range names {
		d := in.district(name)
		var stage string
		var pa, pg int64
		var growthLabel string
		for _, p := range in.Plans {
			if p.Year == in.Year && p.District == name {
				stage = p.Stage.String()
				pa += p.Amount
			}
		}
		for _, p := range in.Platforms {
			if p.Year == in.Year && p.District == name {
				growthLabel = cmp.Or(growth(p.Growth), unknown)
				pg += p.Grant
			}
		}
		var att tally
		for _, x := range in.Sessions {
			if x.Year == in.Year && x.District == name {
				att.add(x)
			}
		}
		var subs, done int
		for _, x := range in.Submissions {
			if x.Year == in.Year && x.District == name {
				subs++
				if x.Status == store.SubmissionConfirmed {
					done++
				}
			}
		}
		t.add(ctr(name), ctr(d.Region), ctr(stage), amt(pa), ctr(growthLabel), amt(pg),
			known(num(att.sessions), byDistrict), known(num(att.male+att.female), byDistrict), num(subs), num(done))
		tp, tg = tp+pa, tg+pg
		tsess, tatt, tsub, tdone = tsess+att.sessions, tatt+att.male+att.female, tsub+subs, tdone+done
	}
	t.addTotal(cell{text: "계", span: 3, align: alignCenter}, amt(tp), txt(""), amt(tg),
		known(num(tsess), byDistrict), known(num(tatt), byDistrict), num(tsub), num(tdone))
	s.tbl(t)
	if !byDistrict {
		y := in.recordedSchoolYear()
		s.para(fmt.Sprintf("※ %d년 협치학교는 연간 합계(%d회, 참석 %s명)만 있어 자치구별 구분은 미기재입니다.",
			in.Year, y.Sessions, value.Thousands(int64(y.Participants))))
	}
	return s
}
