package store

import (
	"cmp"
	"fmt"
	"slices"

	"hyeopchi/store/value"
)

// PlanUsage is what a district has used of the plan caps by a year: months
// of support against the 36 in all, and the year's grant against its
// pro-rata share (300,000 × months ÷ 12).
type PlanUsage struct {
	District   string
	Year       int
	Months     int   // funded months (수립기 and 실행기) of the district's plans up to and including Year
	MonthsAll  int   // funded months of all its plans, later years too
	YearMonths int   // stated months of Year's plan
	Amount     int64 // Year's grant, 천원
	Share      int64 // Year's pro-rata share of 300,000 per 12 months, 천원
}

// String is the usage as the screen says it.
func (u PlanUsage) String() string {
	return fmt.Sprintf("지원 개월 %d / %d · %d년 지원액 %s / 한도 %s", u.Months, PlanMaxMonths, u.Year, value.Thousands(u.Amount), value.Thousands(u.Share))
}

// PlanUsageOf sums a district's plans (any mix of districts may be given).
// Like CheckPlan's 36-month rule it counts funded months only
// (PlanFundedMonths): 준비기 is 비예산.
func PlanUsageOf(district string, year int, plans []Plan) PlanUsage {
	u := PlanUsage{District: district, Year: year,
		Months: PlanFundedMonths(district, year, plans), MonthsAll: PlanFundedMonths(district, 0, plans)}
	for _, p := range plans {
		if p.District != district {
			continue
		}
		m := p.StatedMonths()
		if p.Year == year {
			u.YearMonths += m
			u.Amount += p.Amount
			u.Share += PlanShare(min(m, PlanRecordMaxMonths))
		}
	}
	return u
}

// PlanHistoryOf is a district's plans across years, oldest first.
func PlanHistoryOf(district string, plans []Plan) []Plan {
	var out []Plan
	for _, p := range plans {
		if p.District == district {
			out = append(out, p)
		}
	}
	slices.SortStableFunc(out, func(a, b Plan) int { return cmp.Or(cmp.Compare(a.Year, b.Year), cmp.Compare(a.Start, b.Start)) })
	return out
}

// PlanHistory reads a district's plans across years, oldest first.
func (s *Store) PlanHistory(district string) ([]Plan, error) {
	ps, err := s.Plans(Filter{District: district})
	return PlanHistoryOf(district, ps), err
}
