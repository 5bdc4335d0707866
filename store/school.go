package store

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// StatRow is one line of the governance school's statistics: a course, a
// district or a month. Attendance is sex-disaggregated (성별분리통계) as
// the plan's checklist asks; Unknown counts participants of yearly totals
// whose sex was not recorded.
type StatRow struct {
	Label     string `json:"label"`
	Sessions  int    `json:"sessions"`  // not cancelled: 예정 and 완료
	Held      int    `json:"held"`      // 완료
	Cancelled int    `json:"cancelled"` // 취소
	Places    int    `json:"places"`    // distinct venues of the sessions not cancelled
	Capacity  int    `json:"capacity"`  // capacity of the held sessions
	Male      int    `json:"male"`
	Female    int    `json:"female"`
	Unknown   int    `json:"unknown"`
	// TotalsOnly marks a row made from a year's recorded totals (2016):
	// no per-session detail, no places, no capacity, no sex.
	TotalsOnly bool `json:"totals_only"`
}

// Total is everyone who attended.
func (r StatRow) Total() int { return r.Male + r.Female + r.Unknown }

// Rate is attendance against the capacity of the held sessions, in
// percent; ok is false when there is no capacity to compare with.
func (r StatRow) Rate() (pct float64, ok bool) {
	if r.Capacity <= 0 || r.TotalsOnly {
		return 0, false
	}
	return 100 * float64(r.Male+r.Female) / float64(r.Capacity), true
}

// RateText writes the rate "87.5%", or "-" when there is none.
func (r StatRow) RateText() string {
	if p, ok := r.Rate(); ok {
		return fmt.Sprintf("%.1f%%", p)
	}
	return "-"
}

// SchoolStatistics is a year's school statistics three ways, with the total.
type SchoolStatistics struct {
	Year      int
	Courses   []StatRow // the year's courses in their order, then any other course sessions name
	Districts []StatRow // districts with sessions in the city's order, then 미지정
	Months    []StatRow // April–November always, and any other month with sessions
	Total     StatRow
	// Recorded is the year's recorded totals (SchoolYear), if any. When the
	// year has no sessions the rows are made from it, marked TotalsOnly.
	Recorded *SchoolYear
}

// NoDistrict labels sessions that name no district.
const NoDistrict = "미지정"

// SchoolStats counts year's sessions per course, district and month.
// Cancelled sessions count only as Cancelled; attendance and capacity are
// those of held (완료) sessions. A year with recorded totals and no
// sessions (2016: 5 courses, 24 sessions, 1,563 participants) gets one
// TotalsOnly row per table, since the plan gives nothing finer.
func SchoolStats(courses []Course, sessions []Session, years []SchoolYear, year int) SchoolStatistics {
	st := SchoolStatistics{Year: year, Total: StatRow{Label: "계"}}
	for _, y := range years {
		if y.Year == year {
			y := y
			st.Recorded = &y
		}
	}
	var xs []Session
	for _, x := range sessions {
		if x.Year == year {
			xs = append(xs, x)
		}
	}
	if len(xs) == 0 && st.Recorded != nil {
		return totalsOnlyStats(st)
	}
	byCourse, courseOrder := courseGroups(courses, xs, year)
	byDistrict := map[string]*statGroup{}
	byMonth := map[time.Month]*statGroup{}
	for m := time.April; m <= time.November; m++ {
		byMonth[m] = &statGroup{row: StatRow{Label: fmt.Sprintf("%d월", m)}}
	}
	var total statGroup
	total.row.Label = "계"
	for _, x := range xs {
		byCourse[x.Course].add(x)
		d := x.District
		if d == "" {
			d = NoDistrict
		}
		if byDistrict[d] == nil {
			byDistrict[d] = &statGroup{row: StatRow{Label: d}}
		}
		byDistrict[d].add(x)
		if x.Date.Valid() && !x.Date.IsZero() {
			m := x.Date.Time().Month()
			if byMonth[m] == nil {
				byMonth[m] = &statGroup{row: StatRow{Label: fmt.Sprintf("%d월", m)}}
			}
			byMonth[m].add(x)
		}
		total.add(x)
	}
	st.Courses = finishStats(courseOrder)
	st.Districts = finishStats(districtGroupOrder(byDistrict))
	var ms []*statGroup
	for m := time.January; m <= time.December; m++ {
		if g := byMonth[m]; g != nil {
			ms = append(ms, g)
		}
	}
	st.Months = finishStats(ms)
	st.Total = finishStats([]*statGroup{&total})[0]
	return st
}

// totalsOnlyStats fills every table of st with one TotalsOnly row made
// from the year's recorded totals (st.Recorded, not nil).
func totalsOnlyStats(st SchoolStatistics) SchoolStatistics {
	r := st.Recorded
	row := func(label string) StatRow {
		return StatRow{Label: label, Sessions: r.Sessions, Held: r.Sessions, Unknown: r.Participants, TotalsOnly: true}
	}
	st.Courses = []StatRow{row(fmt.Sprintf("%d개 과정 (합계만 기록)", r.Courses))}
	st.Districts = []StatRow{row("자치구 구분 없음 (합계만 기록)")}
	st.Months = []StatRow{row("월 구분 없음 (합계만 기록)")}
	st.Total = row("계")
	return st
}

// statGroup is one statistics row being counted, with the venues seen.
type statGroup struct {
	row    StatRow
	venues map[string]bool
}

// add counts one session: a cancelled one only as cancelled, a held one
// with its capacity and attendance.
func (g *statGroup) add(x Session) {
	switch x.Status {
	case SessionCancelled:
		g.row.Cancelled++
		return
	case SessionDone:
		g.row.Held++
		g.row.Capacity += x.Capacity
		g.row.Male += x.AttendMale
		g.row.Female += x.AttendFemale
	}
	g.row.Sessions++
	if v := strings.TrimSpace(x.Venue); v != "" {
		if g.venues == nil {
			g.venues = map[string]bool{}
		}
		g.venues[v] = true
	}
}

// finishStats turns the groups into rows, counting each one's places.
func finishStats(gs []*statGroup) []StatRow {
	out := make([]StatRow, len(gs))
	for i, g := range gs {
		g.row.Places = len(g.venues)
		out[i] = g.row
	}
	return out
}

// courseGroups makes a group per course: the year's own in their order,
// then names only sessions use, sorted. It returns them by name and in
// order.
func courseGroups(courses []Course, xs []Session, year int) (map[string]*statGroup, []*statGroup) {
	byCourse := map[string]*statGroup{}
	var order []*statGroup
	for _, c := range courses {
		if c.Year == year && byCourse[c.Name] == nil {
			g := &statGroup{row: StatRow{Label: c.Name}}
			byCourse[c.Name] = g
			order = append(order, g)
		}
	}
	var extra []string
	for _, x := range xs {
		if byCourse[x.Course] == nil {
			byCourse[x.Course] = &statGroup{row: StatRow{Label: x.Course}}
			extra = append(extra, x.Course)
		}
	}
	slices.Sort(extra)
	for _, n := range extra {
		order = append(order, byCourse[n])
	}
	return byCourse, order
}

// districtGroupOrder lists the district groups in the city's order, then names
// that are no district (sorted), then 미지정.
func districtGroupOrder(byDistrict map[string]*statGroup) []*statGroup {
	var ds []*statGroup
	for _, d := range Districts {
		if g := byDistrict[d]; g != nil {
			ds = append(ds, g)
		}
	}
	var odd []string
	for d := range byDistrict {
		if !IsDistrict(d) && d != NoDistrict {
			odd = append(odd, d)
		}
	}
	slices.Sort(odd)
	for _, d := range odd {
		ds = append(ds, byDistrict[d])
	}
	if g := byDistrict[NoDistrict]; g != nil {
		ds = append(ds, g)
	}
	return ds
}

// EventBudgetRow is what the events of one kind used against the budget
// line the plan gives that kind (Program "events:KIND").
type EventBudgetRow struct {
	Kind   string `json:"kind"`
	Line   string `json:"line"`   // the budget line's name; "" when the year has none for the kind
	Amount int64  `json:"amount"` // the line's 사무관리비 + 경상보조, 천원
	Used   int64  `json:"used"`   // the kind's event budgets, 천원
	Events int    `json:"events"`
	Target int    `json:"target"` // the year's target count from settings, 0 for none
	Male   int    `json:"male"`
	Female int    `json:"female"`
}

// Remaining is what the line has left.
func (r EventBudgetRow) Remaining() int64 { return r.Amount - r.Used }

// Over reports whether the kind's events pass their line.
func (r EventBudgetRow) Over() bool { return r.Used > r.Amount }

// EventBudgets lists, for year, each of the plan's event kinds in order
// (then any other kind events use) with its budget line, the budgets its
// events used and their attendance by sex. The sums are those
// BudgetStatus commits against the lines. targets (settings) give each
// kind its target count for the year.
func EventBudgets(lines []BudgetLine, events []Event, targets []EventTarget, year int) []EventBudgetRow {
	rows := map[string]*EventBudgetRow{}
	var order []string
	row := func(kind string) *EventBudgetRow {
		if rows[kind] == nil {
			rows[kind] = &EventBudgetRow{Kind: kind}
			order = append(order, kind)
		}
		return rows[kind]
	}
	for _, k := range EventKinds {
		row(k)
	}
	for _, l := range lines {
		if l.Year != year || !strings.HasPrefix(l.Program, ProgramEvents) {
			continue
		}
		r := row(strings.TrimPrefix(l.Program, ProgramEvents))
		if r.Line == "" {
			r.Line = l.Name
		} else {
			r.Line += ", " + l.Name
		}
		r.Amount += l.OfficeCost + l.Grant
	}
	for _, e := range events {
		if e.Year != year {
			continue
		}
		r := row(e.Kind)
		r.Used += e.Budget
		r.Events++
		r.Male += e.AttendMale
		r.Female += e.AttendFemale
	}
	for _, t := range targets {
		if t.Year == year && strings.TrimSpace(t.Kind) != "" {
			row(strings.TrimSpace(t.Kind)).Target = t.Count
		}
	}
	out := make([]EventBudgetRow, 0, len(order))
	n := len(EventKinds)
	for _, k := range order[:n] {
		out = append(out, *rows[k])
	}
	rest := slices.Clone(order[n:])
	slices.Sort(rest)
	for _, k := range rest {
		out = append(out, *rows[k])
	}
	return out
}
