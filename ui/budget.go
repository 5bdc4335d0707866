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
	"hyeopchi/ui/field"
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

func (s *budgetScreen) refresh() {
	bs, err := s.e.st.BudgetStatus(s.e.year)
	s.e.showError(err)
	s.status = bs
	var rows [][]string
	var office, grant, comm int64
	over := 0
	for _, b := range bs {
		name := strings.Repeat("    ", b.Depth) + b.Name
		rows = append(rows, []string{name, dash(b.OfficeCost), dash(b.Grant),
			store.Money(b.Total()), store.Money(b.Committed), store.Money(b.Remaining()), b.State().String()})
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
		total = []string{"계", store.Money(office), store.Money(grant), store.Money(office + grant), store.Money(comm), store.Money(office + grant - comm), ""}
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

	ms, err := s.e.st.Milestones(s.e.year)
	s.e.showError(err)
	today := s.e.today()
	s.miles = s.miles[:0]
	rows = nil
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
	// A form showing a record that is gone goes back to the hint.
	if s.line.obj.Visible() && s.line.line.ID != 0 && !slices.ContainsFunc(s.status, func(b store.BudgetStatus) bool { return b.ID == s.line.line.ID }) {
		s.showDetail(nil)
	}
	if s.mile.obj.Visible() && s.mile.m.ID != 0 && !slices.ContainsFunc(ms, func(m store.Milestone) bool { return m.ID == s.mile.m.ID }) {
		s.showDetail(nil)
	}
}

// deadlineText is a milestone's 마감 cell: "D-7 마감 임박", or "" for a span.
func deadlineText(m store.Milestone, today store.Date) string {
	if !m.Deadline {
		return ""
	}
	return m.Due().DDay(today) + " " + store.DeadlineState(m.Due(), today).String()
}

func dash(v int64) string {
	if v == 0 {
		return "-"
	}
	return store.Money(v)
}

// ---- budget line form

type budgetForm struct {
	s        *budgetScreen
	f        *form
	line     store.BudgetLine // as stored; ID 0 for a new line
	kids     bool
	title    *widget.Label
	summary  *widget.Label
	name     *field.Entry
	parent   *widget.Select
	office   *field.Entry
	grant    *field.Entry
	program  *widget.Select
	programs []string // Program values in program.Options order
	contract *field.Entry
	addKid   *widget.Button
	del      *widget.Button
	obj      fyne.CanvasObject
}

const topLevel = "(최상위)"

func newBudgetForm(s *budgetScreen) *budgetForm {
	b := &budgetForm{s: s}
	b.f = newForm(s.e, b.save, b.cancel)
	b.title = widget.NewLabel("")
	b.title.TextStyle.Bold = true
	b.title.Wrapping = fyne.TextWrapWord
	b.summary = widget.NewLabel("")
	b.summary.Wrapping = fyne.TextWrapWord
	b.name = field.NewEntry()
	b.parent = widget.NewSelect(nil, nil)
	b.office = field.NewEntry()
	b.grant = field.NewEntry()
	b.programs = store.Programs()
	var labels []string
	for _, p := range b.programs {
		labels = append(labels, store.ProgramLabel(p))
	}
	b.program = widget.NewSelect(labels, nil)
	b.contract = field.NewEntry()
	b.contract.SetPlaceHolder("기록에 없는 약정 (예: 위탁 계약)")
	b.f.add("line", "구분", b.name)
	b.f.add("parent", "상위 항목", b.parent)
	b.f.add("office_cost", "사무관리비", b.office)
	b.f.add("grant", "경상보조", b.grant)
	b.f.add("program", "약정 연결", b.program)
	b.f.add("contracted", "계약·집행액", b.contract)
	b.f.add("committed", "약정 합계", b.summary)
	b.addKid = widget.NewButton("하위 항목 추가", func() {
		name := b.line.Name
		b.f.leave(func() { b.create(name) })
	})
	b.del = widget.NewButton("삭제", b.delete)
	b.del.Importance = widget.DangerImportance
	b.f.rows.Layout = columns{2} // wide and low, under the table
	b.obj = container.NewBorder(b.title, nil, nil, container.NewVBox(b.addKid, b.del), b.f.object())
	return b
}

// parentOptions are the year's line names the line may sit under: not
// itself nor anything below it.
func (b *budgetForm) parentOptions(self uint64) []string {
	out := []string{topLevel}
	skipDepth := -1
	for _, st := range b.s.status {
		if skipDepth >= 0 && st.Depth > skipDepth {
			continue
		}
		skipDepth = -1
		if self != 0 && st.ID == self {
			skipDepth = st.Depth
			continue
		}
		if !slices.Contains(out, st.Name) {
			out = append(out, st.Name)
		}
	}
	return out
}

// show loads a line: a parent shows its sums, not editable.
func (b *budgetForm) show(st store.BudgetStatus) {
	raw, err := b.s.e.st.BudgetLine(st.ID)
	if err != nil {
		b.s.e.showError(err)
		return
	}
	b.line, b.kids = raw, st.HasKids
	b.title.SetText(fmt.Sprintf("%d년 예산 항목 (단위: 천원)", raw.Year))
	b.fill(st)
	b.s.showDetail(b.obj)
}

// create starts a new line of the year under parent ("" for a top line).
func (b *budgetForm) create(parent string) {
	b.line, b.kids = store.BudgetLine{Year: b.s.e.year, Parent: parent}, false
	b.title.SetText(fmt.Sprintf("%d년 예산: 새 항목 (단위: 천원)", b.s.e.year))
	b.fill(store.BudgetStatus{BudgetLine: b.line})
	b.s.showDetail(b.obj)
	b.s.e.win.Canvas().Focus(b.name)
}

func (b *budgetForm) fill(st store.BudgetStatus) {
	l := b.line
	b.f.load(func() {
		b.parent.Options = b.parentOptions(l.ID)
		b.name.SetText(l.Name)
		if l.Parent == "" {
			b.parent.SetSelected(topLevel)
		} else {
			b.parent.SetSelected(l.Parent)
		}
		if b.kids {
			b.office.SetText(store.Money(st.OfficeCost))
			b.grant.SetText(store.Money(st.Grant))
			b.contract.SetText("")
			b.program.SetSelected(store.ProgramLabel(""))
		} else {
			b.office.SetText(amountText(l.OfficeCost))
			b.grant.SetText(amountText(l.Grant))
			b.contract.SetText(amountText(l.Contracted))
			b.program.SetSelected(store.ProgramLabel(l.Program))
		}
	})
	for _, w := range []fyne.Disableable{b.office, b.grant, b.contract, b.program} {
		if b.kids {
			w.Disable()
		} else {
			w.Enable()
		}
	}
	if l.ID == 0 {
		b.summary.SetText("저장하면 약정과 잔액이 나옵니다.")
		b.summary.Importance = widget.MediumImportance
	} else {
		text := fmt.Sprintf("계 %s · 약정 %s · 잔액 %s천원 — %s", store.Money(st.Total()), store.Money(st.Committed), store.Money(st.Remaining()), st.State())
		if b.kids {
			text += "\n하위 항목의 합계입니다. 금액은 하위 항목에서 고치세요."
		}
		b.summary.SetText(text)
		b.summary.Importance = budgetImportance(st.State())
	}
	b.summary.Refresh()
	b.addKid.Hidden = l.ID == 0 || (!b.kids && (l.OfficeCost != 0 || l.Grant != 0 || l.Program != "" || l.Contracted != 0))
	b.del.Hidden = l.ID == 0 || b.kids
	b.addKid.Refresh()
	b.del.Refresh()
	// Show the line's over-commitment warning under 약정 합계.
	if l.ID != 0 && !b.kids {
		b.f.showProblems(store.CheckBudget([]store.BudgetStatus{st}))
	}
}

func amountText(v int64) string {
	if v == 0 {
		return ""
	}
	return store.Money(v)
}

func (b *budgetForm) save() {
	l := b.line
	l.Name = strings.TrimSpace(b.name.Text)
	l.Parent = b.parent.Selected
	if l.Parent == topLevel {
		l.Parent = ""
	}
	var ps store.Problems
	if !b.kids {
		for _, a := range []struct {
			field, label string
			entry        *field.Entry
			to           *int64
		}{{"office_cost", "사무관리비", b.office, &l.OfficeCost}, {"grant", "경상보조", b.grant, &l.Grant}, {"contracted", "계약·집행액", b.contract, &l.Contracted}} {
			v, p := parseAmount(a.label, a.entry.Text)
			if p != nil {
				p.Field = a.field
				ps = append(ps, *p)
			}
			*a.to = v
		}
		if i := b.program.SelectedIndex(); i >= 0 {
			l.Program = b.programs[i]
		}
	}
	if len(ps) > 0 {
		b.f.showProblems(ps)
		return
	}
	ps, err := b.s.e.st.SaveBudgetLine(&l)
	var inv *store.InvalidError
	if errors.As(err, &inv) {
		b.f.showProblems(inv.Problems)
		return
	}
	if err != nil {
		b.s.e.showError(err)
		return
	}
	b.f.dirty = false
	b.s.refresh()
	for _, st := range b.s.status {
		if st.ID == l.ID {
			b.line, b.kids = l, st.HasKids
			b.fill(st)
		}
	}
	b.f.showProblems(ps)
}

func (b *budgetForm) cancel() {
	b.f.dirty = false
	for _, st := range b.s.status {
		if st.ID == b.line.ID && b.line.ID != 0 {
			b.show(st)
			return
		}
	}
	b.s.showDetail(nil)
}

func (b *budgetForm) delete() {
	l := b.line
	confirmDelete(b.s.e, fmt.Sprintf("%d년 예산 항목 %q", l.Year, l.Name), func() error {
		if err := b.s.e.st.DeleteBudgetLine(l.ID); err != nil {
			return err
		}
		b.f.dirty = false
		b.s.refresh()
		b.s.showDetail(nil)
		return nil
	})
}

// ---- milestone form

type milestoneForm struct {
	s        *budgetScreen
	f        *form
	m        store.Milestone
	title    *widget.Label
	name     *field.Entry
	start    *field.Entry
	end      *field.Entry
	owner    *widget.Select
	deadline *widget.Check
	kind     *widget.Select
	dday     *widget.Label
	del      *widget.Button
	obj      fyne.CanvasObject
}

const noKind = "(없음)"

func newMilestoneForm(s *budgetScreen) *milestoneForm {
	m := &milestoneForm{s: s}
	m.f = newForm(s.e, m.save, m.cancel)
	m.title = widget.NewLabel("")
	m.title.TextStyle.Bold = true
	m.name = field.NewMultiLineEntry()
	m.name.SetMinRowsVisible(2)
	m.start = field.NewEntry()
	m.start.SetPlaceHolder("2017-02-01")
	m.end = field.NewEntry()
	m.end.SetPlaceHolder("2017-07-31")
	m.owner = widget.NewSelect([]string{store.OwnerOffice, store.OwnerDistrict}, nil)
	m.deadline = widget.NewCheck("자치구가 지켜야 할 마감일 (끝 = 마감일)", nil)
	m.kind = widget.NewSelect(append([]string{noKind}, store.SubmissionKinds...), nil)
	m.dday = widget.NewLabel("")
	m.f.add("title", "일정", m.name)
	m.f.add("start", "시작", m.start)
	m.f.add("end", "끝", m.end)
	m.f.add("owner", "담당", m.owner)
	m.f.add("deadline", "마감", m.deadline)
	m.f.add("kind", "제출 종류", m.kind)
	m.f.add("dday", "D-day", m.dday)
	m.del = widget.NewButton("삭제", m.delete)
	m.del.Importance = widget.DangerImportance
	m.obj = container.NewBorder(m.title, container.NewHBox(m.del), nil, nil, m.f.object())
	return m
}

func (m *milestoneForm) show(x store.Milestone) {
	m.m = x
	m.title.SetText(fmt.Sprintf("%d년 일정", x.Year))
	m.fill()
	m.s.showDetail(m.obj)
}

func (m *milestoneForm) create() {
	m.m = store.Milestone{Year: m.s.e.year, Owner: store.OwnerOffice}
	m.title.SetText(fmt.Sprintf("%d년 일정: 새 일정", m.s.e.year))
	m.fill()
	m.s.showDetail(m.obj)
	m.s.e.win.Canvas().Focus(m.name)
}

func (m *milestoneForm) fill() {
	x := m.m
	m.f.load(func() {
		m.name.SetText(x.Title)
		m.start.SetText(string(x.Start))
		m.end.SetText(string(x.End))
		m.owner.SetSelected(x.Owner)
		m.deadline.SetChecked(x.Deadline)
		if x.Kind == "" {
			m.kind.SetSelected(noKind)
		} else {
			m.kind.SetSelected(x.Kind)
		}
	})
	today := m.s.e.today()
	switch {
	case x.ID == 0:
		m.dday.SetText("-")
		m.dday.Importance = widget.MediumImportance
	case x.Deadline:
		st := store.DeadlineState(x.Due(), today)
		m.dday.SetText(fmt.Sprintf("%s %s (마감일 %s)", x.Due().DDay(today), st, x.Due()))
		m.dday.Importance = dueImportance(st)
	default:
		m.dday.SetText("기간 일정 (마감 아님)")
		m.dday.Importance = widget.LowImportance
	}
	m.dday.Refresh()
	m.del.Hidden = x.ID == 0
	m.del.Refresh()
}

func (m *milestoneForm) save() {
	x := m.m
	x.Title = strings.Join(strings.Fields(m.name.Text), " ") // one line, however typed
	var ps store.Problems
	for _, d := range []struct {
		field, label string
		entry        *field.Entry
		to           *store.Date
	}{{"start", "시작", m.start, &x.Start}, {"end", "끝", m.end, &x.End}} {
		v, p := parseDateField(d.label, d.entry.Text)
		if p != nil {
			p.Field = d.field
			ps = append(ps, *p)
		}
		*d.to = v
	}
	if len(ps) > 0 {
		m.f.showProblems(ps)
		return
	}
	x.Owner = m.owner.Selected
	x.Deadline = m.deadline.Checked
	x.Kind = m.kind.Selected
	if x.Kind == noKind {
		x.Kind = ""
	}
	if x.Deadline && x.End.IsZero() {
		x.End = x.Start
	}
	ps, err := m.s.e.st.SaveMilestone(&x)
	var inv *store.InvalidError
	if errors.As(err, &inv) {
		m.f.showProblems(inv.Problems)
		return
	}
	if err != nil {
		m.s.e.showError(err)
		return
	}
	m.f.dirty = false
	m.s.refresh()
	m.show(x)
	m.f.showProblems(ps)
}

func (m *milestoneForm) cancel() {
	m.f.dirty = false
	if m.m.ID == 0 {
		m.s.showDetail(nil)
		return
	}
	m.fill()
}

func (m *milestoneForm) delete() {
	x := m.m
	confirmDelete(m.s.e, fmt.Sprintf("%d년 일정 %q", x.Year, x.Title), func() error {
		if err := m.s.e.st.DeleteMilestone(x.ID); err != nil {
			return err
		}
		m.f.dirty = false
		m.s.refresh()
		m.s.showDetail(nil)
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
