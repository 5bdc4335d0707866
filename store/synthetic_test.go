package store

import (
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"hyeopchi/store/value"
)

func TestSyntheticIsDeterministic(t *testing.T) {
	a, b := SyntheticData(4, 7), SyntheticData(4, 7)
	if !reflect.DeepEqual(a, b) {
		t.Error("two calls with the same years and seed differ")
	}
	if reflect.DeepEqual(a, SyntheticData(4, 8)) {
		t.Error("seeds 7 and 8 give the same data")
	}
	if reflect.DeepEqual(a.Plans, SyntheticData(4, 8).Plans) {
		t.Error("seeds 7 and 8 give the same plans")
	}
}

func TestSyntheticFollowsTheRules(t *testing.T) {
	for _, years := range []int{1, 2, 3, 5, 10} {
		for _, seed := range []int64{0, 1, 2, 42, -9} {
			t.Run(fmt.Sprintf("%d years seed %d", years, seed), func(t *testing.T) {
				checkSynthetic(t, SyntheticData(years, seed), years)
			})
		}
	}
}

func TestSyntheticNoYears(t *testing.T) {
	d := SyntheticData(0, 1)
	if len(d.Districts) != 25 || len(d.Plans)+len(d.Platforms)+len(d.Sessions)+len(d.BudgetLines)+len(d.Milestones) != 0 {
		t.Errorf("0 years: %d districts, %d plans, %d platforms", len(d.Districts), len(d.Plans), len(d.Platforms))
	}
}

// TestSyntheticVariety guards against a generator that passes the rules by
// producing little: over a few seeds every stage, every platform growth
// stage, pending platforms and cancelled sessions all occur.
func TestSyntheticVariety(t *testing.T) {
	stages := map[Stage]int{}
	growth := map[int]int{}
	statuses := map[PlatformStatus]int{}
	sessionStatuses := map[SessionStatus]int{}
	pb := 0
	for seed := range int64(5) {
		d := SyntheticData(5, seed)
		for _, p := range d.Plans {
			stages[p.Stage]++
			if p.PB != "" {
				pb++
			}
		}
		for _, p := range d.Platforms {
			growth[p.Growth]++
			statuses[p.Status]++
		}
		for _, s := range d.Sessions {
			sessionStatuses[s.Status]++
		}
	}
	for _, s := range Stages {
		if stages[s] == 0 {
			t.Errorf("no plan at stage %s", s)
		}
	}
	for g := 1; g <= 3; g++ {
		if growth[g] == 0 {
			t.Errorf("no platform at growth stage %d", g)
		}
	}
	if len(statuses) < 2 {
		t.Errorf("platform statuses %v: want some still in selection", statuses)
	}
	for _, s := range SessionStatuses {
		if sessionStatuses[s] == 0 {
			t.Errorf("no session %s", s)
		}
	}
	if pb == 0 {
		t.Error("no plan linked to the participatory budget")
	}
}

func checkSynthetic(t *testing.T, d Dataset, years int) {
	t.Helper()
	first, last := SyntheticFirstYear, SyntheticFirstYear+years-1
	asOf := SyntheticAsOf(years)
	if d.Settings.CurrentYear != last || len(d.Settings.Checklist) != 13 {
		t.Errorf("settings: current year %d, want %d", d.Settings.CurrentYear, last)
	}
	if len(d.Districts) != 25 {
		t.Errorf("%d districts", len(d.Districts))
	}
	for _, ds := range d.Districts {
		if ds.Ordinance != (ds.OrdinanceOn != "") || ds.OrdinanceOn >= asOf && ds.OrdinanceOn != "" {
			t.Errorf("%s: ordinance %v on %q", ds.Name, ds.Ordinance, ds.OrdinanceOn)
		}
	}
	checkSyntheticPlans(t, d.Plans, first, last)
	checkSyntheticPlatforms(t, d.Platforms, first, last)

	// Courses, sessions, events, budget and milestones per year.
	seedTree := SeedData().BudgetLines
	seedMilestones := SeedData().Milestones
	for y := first; y <= last; y++ {
		var courses []string
		for _, c := range d.Courses {
			if c.Year == y {
				courses = append(courses, c.Name)
			}
		}
		if !slices.Equal(courses, []string{CourseOutreach, CourseLeaders, CoursePracticing}) {
			t.Errorf("%d: courses %q", y, courses)
		}
		checkSessions(t, d.Sessions, y, asOf)
		line := checkSyntheticBudget(t, d.BudgetLines, seedTree, y)
		checkSyntheticCommitments(t, d, y, asOf, line)
		checkSyntheticMilestones(t, d.Milestones, seedMilestones, y)
	}
	if y := d.Sessions[len(d.Sessions)-1].Year; y != last {
		t.Errorf("sessions end in %d", y)
	}
}

// checkSyntheticYear wants a record's year y in first–last.
func checkSyntheticYear(t *testing.T, what string, y, first, last int) {
	t.Helper()
	if y < first || y > last {
		t.Errorf("%s: year %d outside %d–%d", what, y, first, last)
	}
}

// checkSyntheticPlans checks each plan alone, then each district's plans
// as a sequence.
func checkSyntheticPlans(t *testing.T, plans []Plan, first, last int) {
	t.Helper()
	byDistrict := map[string][]Plan{}
	for _, p := range plans {
		what := fmt.Sprintf("plan %s %d", p.District, p.Year)
		checkSyntheticYear(t, what, p.Year, first, last)
		checkSyntheticPlan(t, what, p)
		byDistrict[p.District] = append(byDistrict[p.District], p)
	}
	for district, ps := range byDistrict {
		checkPlanSequence(t, district, ps)
	}
}

// checkSyntheticPlan checks one plan's period, amount, stage, TFT and
// participatory budget.
func checkSyntheticPlan(t *testing.T, what string, p Plan) {
	t.Helper()
	if !IsDistrict(p.District) || !p.Start.Valid() || !p.End.Valid() || p.Start > p.End || p.Start.Year() != p.Year {
		t.Errorf("%s: %s ~ %s", what, p.Start, p.End)
	}
	if p.Months != value.MonthsBetween(p.Start, p.End) || p.Months < 1 {
		t.Errorf("%s: %d months for %s ~ %s", what, p.Months, p.Start, p.End)
	}
	if p.Amount*12 > 300000*int64(p.Months) {
		t.Errorf("%s: %d over 300,000 per 12 months for %d months", what, p.Amount, p.Months)
	}
	switch p.Stage {
	case StagePrep:
		if p.Amount != 0 {
			t.Errorf("%s: 준비기 funded %d", what, p.Amount)
		}
	case StageDrafting:
		if p.Months > 12 || p.Amount <= 0 {
			t.Errorf("%s: 수립기 of %d months, %d", what, p.Months, p.Amount)
		}
		if p.MainPlanOn != "" && (p.MainPlanOn < p.Start || p.MainPlanOn > p.End) {
			t.Errorf("%s: main plan on %s outside the period", what, p.MainPlanOn)
		}
	case StageExecution:
		if p.Amount <= 0 {
			t.Errorf("%s: 실행기 unfunded", what)
		}
	default:
		t.Errorf("%s: stage %d", what, p.Stage)
	}
	if p.TFTCivil < 1 || p.TFTOfficial < 1 || p.TFTCouncil < 0 || len(p.Fields) == 0 {
		t.Errorf("%s: TFT %d/%d/%d fields %q", what, p.TFTCivil, p.TFTCouncil, p.TFTOfficial, p.Fields)
	}
	if p.PB != "" && !slices.Contains(PBTypes, p.PB) {
		t.Errorf("%s: PB %q", what, p.PB)
	}
}

// checkPlanSequence wants a district's plans one a year, not overlapping,
// stages never going back (one 수립기 at most in a row), 36 months in all
// at most.
func checkPlanSequence(t *testing.T, district string, ps []Plan) {
	t.Helper()
	months := 0
	for i, p := range ps {
		months += p.Months
		if i == 0 {
			continue
		}
		prev := ps[i-1]
		if p.Year <= prev.Year {
			t.Errorf("%s: two plans in %d", district, p.Year)
		}
		if p.Start <= prev.End {
			t.Errorf("%s: %s ~ %s overlaps %s ~ %s", district, p.Start, p.End, prev.Start, prev.End)
		}
		if p.Stage < prev.Stage || p.Stage == StageDrafting && prev.Stage == StageDrafting {
			t.Errorf("%s: %s after %s", district, p.Stage, prev.Stage)
		}
	}
	if months > 36 {
		t.Errorf("%s: %d months in all, over 36", district, months)
	}
}

// checkSyntheticPlatforms checks each consortium, and each district's
// consortia as at most 3 consecutive years.
func checkSyntheticPlatforms(t *testing.T, platforms []Platform, first, last int) {
	t.Helper()
	platformYears := map[string][]int{}
	for _, p := range platforms {
		what := fmt.Sprintf("platform %s %d", p.District, p.Year)
		checkSyntheticYear(t, what, p.Year, first, last)
		checkSyntheticPlatform(t, what, p, last)
		if ys := platformYears[p.District]; len(ys) > 0 && ys[len(ys)-1] == p.Year {
			t.Errorf("%s: two consortia", what)
		}
		platformYears[p.District] = append(platformYears[p.District], p.Year)
	}
	for district, ys := range platformYears {
		if len(ys) > 3 || ys[len(ys)-1]-ys[0] != len(ys)-1 {
			t.Errorf("%s: platform years %v, want at most 3 consecutive", district, ys)
		}
	}
}

// checkSyntheticPlatform checks one consortium's roster, figures, status
// and indicators.
func checkSyntheticPlatform(t *testing.T, what string, p Platform, last int) {
	t.Helper()
	checkRoster(t, p)
	if n := len(p.Members); n < 4 || n > 12 {
		t.Errorf("%s: roster of %d", what, n)
	}
	orgs := map[string]bool{}
	for _, m := range p.Members {
		if m.Org != "" && orgs[m.Org] {
			t.Errorf("%s: %s twice", what, m.Org)
		}
		orgs[m.Org] = true
	}
	if p.Grant <= 0 || p.Grant > 100000 || p.Space < 50 || p.Months != 12 || p.Growth < 1 || p.Growth > 3 {
		t.Errorf("%s: grant %d space %d months %d growth %d", what, p.Grant, p.Space, p.Months, p.Growth)
	}
	if !slices.Contains(PlatformStatuses, p.Status) || p.Year < last && p.Status != "사업개시" {
		t.Errorf("%s: status %q", what, p.Status)
	}
	if len(p.Indicators) == 0 || !p.Indicators[0].Common {
		t.Errorf("%s: indicators %+v", what, p.Indicators)
	}
}

// checkSyntheticBudget wants year y's budget lines to follow the seed's
// tree, amounts where it has them; it returns each programme's line
// amount.
func checkSyntheticBudget(t *testing.T, all, seedTree []BudgetLine, y int) map[string]int64 {
	t.Helper()
	var lines []BudgetLine
	for _, l := range all {
		if l.Year == y {
			lines = append(lines, l)
		}
	}
	if len(lines) != len(seedTree) {
		t.Fatalf("%d: %d budget lines, want %d", y, len(lines), len(seedTree))
	}
	line := map[string]int64{}
	for i, l := range lines {
		s := seedTree[i]
		if l.Name != s.Name || l.Parent != s.Parent || l.Order != s.Order || l.Program != s.Program {
			t.Errorf("%d: line %d is %q under %q (%q), want the 2017 tree's %q under %q", y, i+1, l.Name, l.Parent, l.Program, s.Name, s.Parent)
		}
		if (s.OfficeCost == 0) != (l.OfficeCost == 0) || (s.Grant == 0) != (l.Grant == 0) {
			t.Errorf("%d: %s carries %d/%d where 2017 carries %d/%d", y, l.Name, l.OfficeCost, l.Grant, s.OfficeCost, s.Grant)
		}
		if l.Program != "" {
			line[l.Program] = l.OfficeCost + l.Grant
		}
	}
	return line
}

// checkSyntheticCommitments checks year y's events, and that what plans,
// consortia and events commit stays within each programme's line.
func checkSyntheticCommitments(t *testing.T, d Dataset, y int, asOf Date, line map[string]int64) {
	t.Helper()
	committed := map[string]int64{}
	for _, p := range d.Plans {
		if p.Year == y {
			committed[ProgramPlans] += p.Amount
		}
	}
	for _, p := range d.Platforms {
		if p.Year == y {
			committed[ProgramPlatforms] += p.Grant
		}
	}
	events := 0
	for _, e := range d.Events {
		if e.Year != y {
			continue
		}
		events++
		if !slices.Contains(EventKinds, e.Kind) || e.Date.Year() != y || e.Title == "" || e.Place == "" {
			t.Errorf("%d: event %+v", y, e)
		}
		if (e.Date >= asOf || e.Kind == "사례 아카이빙") != (e.AttendMale+e.AttendFemale == 0) {
			t.Errorf("%d: event %s on %s (as of %s) attended by %d", y, e.Title, e.Date, asOf, e.AttendMale+e.AttendFemale)
		}
		committed[EventProgram(e.Kind)] += e.Budget
	}
	if events < 3 {
		t.Errorf("%d: %d events", y, events)
	}
	for program, amount := range committed {
		if _, ok := line[program]; ok && amount > line[program] {
			t.Errorf("%d: %s commits %d against a line of %d", y, program, amount, line[program])
		}
	}
}

// checkSyntheticMilestones wants year y's milestones to be the seed's,
// moved to y.
func checkSyntheticMilestones(t *testing.T, all, seedMilestones []Milestone, y int) {
	t.Helper()
	var ms []Milestone
	for _, m := range all {
		if m.Year == y {
			ms = append(ms, m)
		}
	}
	if len(ms) != len(seedMilestones) {
		t.Errorf("%d: %d milestones, want %d", y, len(ms), len(seedMilestones))
	}
	for i, m := range ms {
		s := seedMilestones[i]
		if m.Start.Year() != y || m.End.Year() != y || m.Start[4:] != s.Start[4:] || m.End != sameDayIn(s.End, y) || m.Deadline != s.Deadline || m.Kind != s.Kind {
			t.Errorf("%d: milestone %+v does not follow 2017's %+v", y, m, s)
		}
	}
}

// sameDayIn moves d to year y, a month's last day staying its last day.
func sameDayIn(d Date, y int) Date {
	t := d.Time()
	if t.AddDate(0, 0, 1).Day() == 1 {
		return value.NewDate(y, t.Month()+1, 0)
	}
	return value.NewDate(y, t.Month(), t.Day())
}

func checkSessions(t *testing.T, all []Session, year int, asOf Date) {
	t.Helper()
	var ss []Session
	for _, s := range all {
		if s.Year == year {
			ss = append(ss, s)
		}
	}
	if len(ss) < 20 || len(ss) > 40 {
		t.Errorf("%d: %d sessions, want 20–40", year, len(ss))
	}
	numbers := map[string][]int{}
	for i, s := range ss {
		what := fmt.Sprintf("%d %s %d회 %s", year, s.Course, s.Number, s.Date)
		checkSyntheticSession(t, what, s, year, asOf)
		numbers[s.Course] = append(numbers[s.Course], s.Number)
		checkSessionTime(t, what, s, ss[:i])
		if i > 0 && s.Date < ss[i-1].Date {
			t.Errorf("%s: sessions not in date order", what)
		}
	}
	for course, ns := range numbers {
		for i, n := range ns {
			if n != i+1 {
				t.Errorf("%d %s: numbers %v, want 1…%d in date order", year, course, ns, len(ns))
				break
			}
		}
	}
}

// checkSyntheticSession checks a session's day, attendance, status as of
// asOf, and that its details are filled in.
func checkSyntheticSession(t *testing.T, what string, s Session, year int, asOf Date) {
	t.Helper()
	day := s.Date.Time()
	if s.Date.Year() != year || day.Month() < time.April || day.Month() > time.November || day.Weekday() == time.Saturday || day.Weekday() == time.Sunday {
		t.Errorf("%s: date not a weekday of April–November", what)
	}
	if s.Capacity <= 0 || s.AttendMale < 0 || s.AttendFemale < 0 || s.Attendance() > s.Capacity {
		t.Errorf("%s: %d+%d attended, capacity %d", what, s.AttendMale, s.AttendFemale, s.Capacity)
	}
	past := s.Date < asOf
	switch {
	case past && s.Status == "완료":
		if s.Attendance() == 0 {
			t.Errorf("%s: 완료 with no attendance", what)
		}
	case past && s.Status == "취소", !past && s.Status == "예정":
		if s.Attendance() != 0 {
			t.Errorf("%s: %s with attendance %d", what, s.Status, s.Attendance())
		}
	default:
		t.Errorf("%s: status %q on %s as of %s", what, s.Status, s.Date, asOf)
	}
	if !IsDistrict(s.District) || s.Venue == "" || s.Instructor == "" || s.Audience == "" {
		t.Errorf("%s: %+v", what, s)
	}
}

// checkSessionTime wants a session's time "HH:MM-HH:MM", clashing with
// none of the earlier sessions at its venue that day.
func checkSessionTime(t *testing.T, what string, s Session, earlier []Session) {
	t.Helper()
	from, to := s.Time[:5], s.Time[6:]
	if len(s.Time) != 11 || from >= to {
		t.Errorf("%s: time %q", what, s.Time)
	}
	for _, o := range earlier {
		if o.Date == s.Date && o.Venue == s.Venue && from < o.Time[6:] && o.Time[:5] < to {
			t.Errorf("%s: %s %s clashes with %s %s at %s", what, s.Time, s.Course, o.Time, o.Course, s.Venue)
		}
	}
}

func BenchmarkSyntheticData(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		SyntheticData(10, 1)
	}
}
