package store

import (
	"strings"

	bolt "go.etcd.io/bbolt"
)

// BudgetStatus is a budget line with its amounts summed up the tree and
// what the programme has committed against it.
type BudgetStatus struct {
	BudgetLine
	Depth     int  // 0 for a top line
	HasKids   bool // its amounts are its children's sum
	Committed int64
}

// Total is 사무관리비 + 경상보조.
func (b BudgetStatus) Total() int64 { return b.OfficeCost + b.Grant }

// Remaining is what is left after the commitments.
func (b BudgetStatus) Remaining() int64 { return b.Total() - b.Committed }

// Over reports whether commitments pass the line.
func (b BudgetStatus) Over() bool { return b.Committed > b.Total() }

// BudgetStatus lists a year's budget lines (0 = all years) in the plan's
// order, parents with their children's sums, each with its commitments:
// a line's Program says what commits against it — "plans" (plan amounts
// of the year), "platforms" (consortium grants), "events:KIND" (event
// budgets of that kind).
func (s *Store) BudgetStatus(year int) ([]BudgetStatus, error) {
	var out []BudgetStatus
	err := s.view(func(tx *bolt.Tx) error {
		lines, err := all[BudgetLine](tx, bucketBudget)
		if err != nil {
			return err
		}
		plans, err := all[Plan](tx, bucketPlans)
		if err != nil {
			return err
		}
		platforms, err := all[Platform](tx, bucketPlatforms)
		if err != nil {
			return err
		}
		events, err := all[Event](tx, bucketEvents)
		if err != nil {
			return err
		}
		out = budgetTree(lines, year, func(l BudgetLine) int64 {
			return committed(l, plans, platforms, events)
		})
		return nil
	})
	return out, err
}

func committed(l BudgetLine, plans []Plan, platforms []Platform, events []Event) int64 {
	var sum int64
	switch {
	case l.Program == "plans":
		for _, p := range plans {
			if p.Year == l.Year {
				sum += p.Amount
			}
		}
	case l.Program == "platforms":
		for _, p := range platforms {
			if p.Year == l.Year {
				sum += p.Grant
			}
		}
	case strings.HasPrefix(l.Program, "events:"):
		kind := strings.TrimPrefix(l.Program, "events:")
		for _, e := range events {
			if e.Year == l.Year && e.Kind == kind {
				sum += e.Budget
			}
		}
	}
	return sum
}

// budgetTree orders lines depth-first as the plan prints them and sums
// children into parents. A line's parent is the year's first line, in
// Order, with the Parent name: the plan names a child "시민협력플랫폼 지원"
// after its parent, so names alone would loop.
func budgetTree(lines []BudgetLine, year int, commit func(BudgetLine) int64) []BudgetStatus {
	byYear := map[int][]BudgetLine{}
	var years []int
	for _, l := range lines {
		if year != 0 && l.Year != year {
			continue
		}
		if _, ok := byYear[l.Year]; !ok {
			years = append(years, l.Year)
		}
		byYear[l.Year] = append(byYear[l.Year], l)
	}
	sortInts(years)
	var out []BudgetStatus
	for _, y := range years {
		ls := byYear[y]
		sortLines(ls)
		parent := make([]int, len(ls))
		for i, l := range ls {
			parent[i] = -1
			if l.Parent == "" {
				continue
			}
			for j, p := range ls {
				if j != i && p.Name == l.Parent {
					parent[i] = j
					break
				}
			}
		}
		var walk func(p, depth int) (office, grant, comm int64)
		walk = func(p, depth int) (office, grant, comm int64) {
			for i, l := range ls {
				if parent[i] != p || i == p {
					continue
				}
				at := len(out)
				out = append(out, BudgetStatus{BudgetLine: l, Depth: depth})
				o, g, c := walk(i, depth+1)
				if at+1 < len(out) { // has children
					out[at].HasKids = true
					out[at].OfficeCost, out[at].Grant = o, g
					out[at].Committed = c
				} else {
					out[at].Committed = commit(l)
				}
				office += out[at].OfficeCost
				grant += out[at].Grant
				comm += out[at].Committed
			}
			return
		}
		walk(-1, 0)
	}
	return out
}

func sortInts(xs []int) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j] < xs[j-1]; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}

func sortLines(ls []BudgetLine) {
	for i := 1; i < len(ls); i++ {
		for j := i; j > 0 && ls[j].Order < ls[j-1].Order; j-- {
			ls[j], ls[j-1] = ls[j-1], ls[j]
		}
	}
}
