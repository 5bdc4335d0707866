package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"

	"hyeopchi/store/value"
)

// budgetScreen is 예산·일정, three tabs: the year's budget lines (the
// plan's Ⅸ) with what is committed against them and the selected line's
// form below; the calendar (Ⅹ) as a list with D-days and the selected
// milestone's form beside it; and the year timeline (months across).
type budgetScreen struct {
	e         *env
	budget    *Grid
	status    []store.BudgetStatus
	head      *widget.Label
	cal       *Grid
	miles     []store.Milestone
	timeline  *timeline
	tabs      *container.AppTabs
	lineStack *fyne.Container // hint or budget line form
	mileStack *fyne.Container // hint or milestone form
	line      *budgetForm
	mile      *milestoneForm
}

func newBudgetScreen(e *env) *budgetScreen {
	s := &budgetScreen{e: e}
	s.budget = NewGrid(Column{Title: "구분", Width: 330},
		Column{Title: "사무관리비(천원)", Width: 124, Numeric: true}, Column{Title: "경상보조(천원)", Width: 116, Numeric: true},
		Column{Title: "계(천원)", Width: 104, Numeric: true}, Column{Title: "약정(천원)", Width: 104, Numeric: true},
		Column{Title: "잔액(천원)", Width: 104, Numeric: true}, Column{Title: "상태", Width: 120})
	s.budget.Style = func(row, col int) widget.Importance {
		if row >= len(s.status) {
			return widget.MediumImportance
		}
		st := s.status[row].State()
		switch {
		case col == 6:
			return budgetImportance(st)
		case (col == 4 || col == 5) && (st == store.BudgetOver || st == store.BudgetNear):
			return budgetImportance(st)
		}
		return widget.MediumImportance
	}
	s.budget.OnSelect = func(i int) {
		if i < 0 || i >= len(s.status) {
			return
		}
		b := s.status[i]
		s.leave(func() { s.line.show(b) })
	}
	s.cal = NewGrid(Column{Title: "일정", Width: 250}, Column{Title: "시작", Width: 104}, Column{Title: "끝", Width: 104},
		Column{Title: "담당", Width: 58}, Column{Title: "마감", Width: 118})
	s.cal.Style = func(row, col int) widget.Importance {
		if col == 4 && row < len(s.miles) && s.miles[row].Deadline {
			return dueImportance(store.DeadlineState(s.miles[row].Due(), s.e.today()))
		}
		return widget.MediumImportance
	}
	s.cal.OnSelect = func(i int) {
		if i >= 0 && i < len(s.miles) {
			m := s.miles[i]
			s.leave(func() { s.mile.show(m) })
		}
	}
	s.timeline = newTimeline()
	s.timeline.OnTapped = func(i int) {
		if i >= 0 && i < len(s.miles) {
			s.cal.SelectRow(i) // shows it in the form on 일정 목록
		}
	}
	s.head = widget.NewLabel("")
	s.head.TextStyle.Bold = true
	s.line = newBudgetForm(s)
	s.mile = newMilestoneForm(s)
	return s
}

func (s *budgetScreen) content() fyne.CanvasObject {
	top := container.NewBorder(nil, nil, nil, budgetLegend(), s.head)
	lineHint := widget.NewLabel("표에서 예산 항목을 고르면 여기에서 고칩니다. [+ 새로]는 새 항목입니다.")
	s.lineStack = container.NewStack(lineHint, s.line.obj)
	budget := container.NewVSplit(container.NewBorder(top, nil, nil, nil, s.budget), s.lineStack)
	budget.Offset = 0.64
	mileHint := widget.NewLabel("일정을 고르면 여기에서 고칩니다.\n[+ 새로]는 새 일정입니다.")
	mileHint.Wrapping = fyne.TextWrapWord
	s.mileStack = container.NewStack(container.NewPadded(mileHint), s.mile.obj)
	cal := container.NewHSplit(s.cal, s.mileStack)
	cal.Offset = 0.63
	line := container.NewBorder(timelineLegend(), nil, nil, nil, container.NewVScroll(s.timeline))
	s.tabs = container.NewAppTabs(
		container.NewTabItem("예산 (Ⅸ)", budget),
		container.NewTabItem("일정 목록", cal),
		container.NewTabItem("연간 일정표", line),
	)
	s.showDetail(nil)
	return s.tabs
}

// showDetail shows a form (the budget line's or the milestone's) on its
// tab, or neither (nil).
func (s *budgetScreen) showDetail(o fyne.CanvasObject) {
	for _, st := range []*fyne.Container{s.lineStack, s.mileStack} {
		if st == nil {
			continue
		}
		st.Objects[0].Show()
		st.Objects[1].Hide()
		if st.Objects[1] == o {
			st.Objects[0].Hide()
			o.Show()
		}
		st.Refresh()
	}
	switch {
	case s.tabs == nil || o == nil:
	case o == s.line.obj:
		s.tabs.SelectIndex(0)
	case o == s.mile.obj:
		s.tabs.SelectIndex(1)
	}
}

// leave runs next once neither form holds unsaved changes.
func (s *budgetScreen) leave(next func()) {
	s.line.f.leave(func() { s.mile.f.leave(next) })
}

// create is + 새로: a new budget line on the budget tab, else a new
// milestone.
func (s *budgetScreen) create() {
	s.leave(func() {
		if s.tabs != nil && s.tabs.SelectedIndex() == 0 {
			s.line.create("")
		} else {
			s.mile.create()
		}
	})
}

// selectFirst selects the first row of the tab shown (the budget's on the
// timeline).
func (s *budgetScreen) selectFirst() {
	switch {
	case s.tabs != nil && s.tabs.SelectedIndex() == 1 && s.cal.Rows() > 0:
		s.cal.SelectRow(0)
	case (s.tabs == nil || s.tabs.SelectedIndex() == 0) && s.budget.Rows() > 0:
		s.budget.SelectRow(0)
	}
}

// refresh reloads the year's lines and milestones; a form showing a
// record that is gone goes back to its hint.
func (s *budgetScreen) refresh() {
	s.refreshLines()
	ms := s.refreshCalendar()
	if s.line.obj.Visible() && s.line.line.ID != 0 && !slices.ContainsFunc(s.status, func(b store.BudgetStatus) bool { return b.ID == s.line.line.ID }) {
		s.showDetail(nil)
	}
	if s.mile.obj.Visible() && s.mile.m.ID != 0 && !slices.ContainsFunc(ms, func(m store.Milestone) bool { return m.ID == s.mile.m.ID }) {
		s.showDetail(nil)
	}
}

// refreshLines fills the budget table (parents indented above their
// children, 계 of the top lines) and its heading.
func (s *budgetScreen) refreshLines() {
	bs, err := s.e.st.BudgetStatus(s.e.year)
	s.e.showError(err)
	s.status = bs
	var rows [][]string
	var office, grant, comm int64
	over := 0
	for _, b := range bs {
		name := strings.Repeat("    ", b.Depth) + b.Name
		rows = append(rows, []string{name, dash(b.OfficeCost), dash(b.Grant),
			value.Thousands(b.Total()), value.Thousands(b.Committed), value.Thousands(b.Remaining()), b.State().String()})
		if b.Depth == 0 {
			office += b.OfficeCost
			grant += b.Grant
			comm += b.Committed
		}
		if !b.HasKids && b.Over() {
			over++
		}
	}
	var total []string
	if len(rows) > 0 {
		total = []string{"계", value.Thousands(office), value.Thousands(grant), value.Thousands(office + grant), value.Thousands(comm), value.Thousands(office + grant - comm), ""}
	}
	s.budget.SetRows(rows, total)
	switch {
	case len(rows) == 0:
		s.head.SetText(fmt.Sprintf("%d년 예산이 없습니다. [+ 예산 항목]으로 항목을 만드세요.", s.e.year))
	case over > 0:
		s.head.SetText(fmt.Sprintf("%d년 예산 — 약정이 예산을 넘은 항목 %d개", s.e.year, over))
	default:
		s.head.SetText(fmt.Sprintf("%d년 예산 (계획 Ⅸ)", s.e.year))
	}
}

// refreshCalendar fills the calendar list and the timeline with the
// year's milestones that match the search, and returns all of them.
func (s *budgetScreen) refreshCalendar() []store.Milestone {
	ms, err := s.e.st.Milestones(s.e.year)
	s.e.showError(err)
	today := s.e.today()
	s.miles = s.miles[:0]
	var rows [][]string
	q := store.NewQuery(s.e.query)
	for _, m := range ms {
		if !q.Match(m.Title, m.Owner, m.Kind) {
			continue
		}
		s.miles = append(s.miles, m)
		rows = append(rows, []string{m.Title, string(m.Start), string(m.End), m.Owner, deadlineText(m, today)})
	}
	s.cal.SetRows(rows, nil)
	s.timeline.set(s.e.year, s.miles, today)
	return ms
}

// deadlineText is a milestone's 마감 cell: "D-7 마감 임박", or "" for a span.
func deadlineText(m store.Milestone, today store.Date) string {
	if !m.Deadline {
		return ""
	}
	return m.Due().DDay(today) + " " + store.DeadlineState(m.Due(), today).String()
}

// dash is an amount in the budget table: "-" for none.
func dash(v int64) string {
	if v == 0 {
		return "-"
	}
	return value.Thousands(v)
}

// storeRecord stores x with put, the form f holding it: problems the
// store refuses x for go under their fields, other errors to a dialog. ok
// when x is stored, with the warnings it was stored with; the form is
// clean then.
func storeRecord[T any](e *env, f *form, x *T, put func(*T) (store.Problems, error)) (warnings store.Problems, ok bool) {
	ps, err := put(x)
	var inv *store.InvalidError
	if errors.As(err, &inv) {
		f.showProblems(inv.Problems)
		return nil, false
	}
	if err != nil {
		e.showError(err)
		return nil, false
	}
	f.markClean()
	return ps, true
}

// deleteRecord deletes what (the record form f shows) with del once the
// coordinator agrees, then shows the screen without it.
func (s *budgetScreen) deleteRecord(f *form, what string, del func() error) {
	confirmDelete(s.e, what, func() error {
		if err := del(); err != nil {
			return err
		}
		f.markClean()
		s.refresh()
		s.showDetail(nil)
		return nil
	})
}

// budgetImportance colours a budget state: red 초과, amber 소진 임박,
// green 전액 약정, blue 집행 중, grey 약정 없음.
func budgetImportance(s store.BudgetState) widget.Importance {
	switch s {
	case store.BudgetOver:
		return widget.DangerImportance
	case store.BudgetNear:
		return widget.WarningImportance
	case store.BudgetFull:
		return widget.SuccessImportance
	case store.BudgetActive:
		return widget.HighImportance
	}
	return widget.LowImportance
}

func budgetLegend() fyne.CanvasObject {
	return legend([]legendItem{
		{widget.HighImportance, "집행 중"}, {widget.SuccessImportance, "전액 약정"},
		{widget.WarningImportance, fmt.Sprintf("소진 임박 (%d%%↑)", store.NearShare)},
		{widget.DangerImportance, "초과"}, {widget.LowImportance, "약정 없음"},
	})
}

// selectTab shows the budget (0), the calendar list (1) or the year
// timeline (2).
func (s *budgetScreen) selectTab(i int) {
	if s.tabs != nil && i >= 0 && i < len(s.tabs.Items) {
		s.tabs.SelectIndex(i)
	}
}

// tabber is a screen with tabs.
type tabber interface{ selectTab(i int) }

// columns lays objects out n to a row, each row as high as its tallest
// object needs and no higher (a GridLayout would stretch them to fill).
type columns struct{ n int }

func (c columns) rows(objs []fyne.CanvasObject) [][]fyne.CanvasObject {
	var out [][]fyne.CanvasObject
	var row []fyne.CanvasObject
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		row = append(row, o)
		if len(row) == c.n {
			out, row = append(out, row), nil
		}
	}
	if len(row) > 0 {
		out = append(out, row)
	}
	return out
}

func (c columns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	w := (size.Width - pad*float32(c.n-1)) / float32(c.n)
	y := float32(0)
	for _, row := range c.rows(objs) {
		h := float32(0)
		for _, o := range row {
			h = max(h, o.MinSize().Height)
		}
		for i, o := range row {
			o.Move(fyne.NewPos(float32(i)*(w+pad), y))
			o.Resize(fyne.NewSize(w, h))
		}
		y += h + pad
	}
}

func (c columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	var width, height float32
	for _, row := range c.rows(objs) {
		h, w := float32(0), float32(0)
		for _, o := range row {
			h = max(h, o.MinSize().Height)
			w = max(w, o.MinSize().Width)
		}
		height += h + pad
		width = max(width, w*float32(c.n)+pad*float32(c.n-1))
	}
	return fyne.NewSize(width, max(height-pad, 0))
}
