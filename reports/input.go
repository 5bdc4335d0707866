package reports

import (
	"time"

	"hyeopchi/store"
)

// FromDataset gathers what the reports need from a store's records:
// every record of d, the intake register, and the committed amounts of
// the budget's leaf lines as BudgetStatus worked them out.
func FromDataset(d store.Dataset, subs []store.Submission, budget []store.BudgetStatus, year int, district string, generated time.Time) Input {
	committed := map[string]int64{}
	for _, b := range budget {
		if !b.HasKids {
			committed[BudgetKey(b.BudgetLine)] += b.Committed
		}
	}
	return Input{
		Settings: d.Settings, Year: year, District: district, Districts: d.Districts,
		Plans: d.Plans, Platforms: d.Platforms, Courses: d.Courses, Sessions: d.Sessions,
		SchoolYears: d.SchoolYears, PlatformRounds: d.PlatformRounds, Events: d.Events, Submissions: subs, Budget: d.BudgetLines,
		Committed: committed, Milestones: d.Milestones, Generated: generated,
	}
}
