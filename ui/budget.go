package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"
)

// budgetScreen is 예산·일정: the year's budget lines (the plan's Ⅸ) and
// its milestones (Ⅹ).
type budgetScreen struct {
	e      *env
	budget *Grid
	cal    *Grid
	status []store.BudgetStatus
}

func newBudgetScreen(e *env) *budgetScreen {
	s := &budgetScreen{e: e}
	s.budget = NewGrid(Column{Title: "구분", Width: 320}, Column{Title: "사무관리비(천원)", Width: 130, Numeric: true},
		Column{Title: "경상보조(천원)", Width: 130, Numeric: true}, Column{Title: "계(천원)", Width: 130, Numeric: true},
		Column{Title: "집행(약정)(천원)", Width: 130, Numeric: true}, Column{Title: "잔액(천원)", Width: 130, Numeric: true})
	s.budget.Style = func(row, col int) widget.Importance {
		if row < len(s.status) && s.status[row].Over() && col >= 4 {
			return widget.DangerImportance
		}
		return widget.MediumImportance
	}
	s.cal = NewGrid(Column{Title: "일정", Width: 360}, Column{Title: "시작", Width: 100}, Column{Title: "끝", Width: 100},
		Column{Title: "담당", Width: 70}, Column{Title: "마감", Width: 80})
	return s
}

func (s *budgetScreen) content() fyne.CanvasObject {
	split := container.NewVSplit(s.budget, s.cal)
	split.Offset = 0.55
	return split
}

func (s *budgetScreen) refresh() {
	bs, err := s.e.st.BudgetStatus(s.e.year)
	s.e.showError(err)
	s.status = bs
	var rows [][]string
	var office, grant, comm int64
	for _, b := range bs {
		rows = append(rows, []string{strings.Repeat("    ", b.Depth) + b.Name, dash(b.OfficeCost), dash(b.Grant),
			store.Money(b.Total()), store.Money(b.Committed), store.Money(b.Remaining())})
		if b.Depth == 0 {
			office += b.OfficeCost
			grant += b.Grant
			comm += b.Committed
		}
	}
	s.budget.SetRows(rows, []string{"계", store.Money(office), store.Money(grant), store.Money(office + grant), store.Money(comm), store.Money(office + grant - comm)})
	ms, err := s.e.st.Milestones(s.e.year)
	s.e.showError(err)
	today := s.e.today()
	rows = nil
	for _, m := range ms {
		if s.e.query != "" && !strings.Contains(m.Title, s.e.query) {
			continue
		}
		dday := ""
		if m.Deadline {
			dday = m.End.DDay(today)
		}
		rows = append(rows, []string{m.Title, string(m.Start), string(m.End), m.Owner, dday})
	}
	s.cal.SetRows(rows, nil)
}

func dash(v int64) string {
	if v == 0 {
		return "-"
	}
	return store.Money(v)
}

var _ = fmt.Sprint
