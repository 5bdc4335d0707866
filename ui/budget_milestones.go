package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"
)

// milestoneForm is the chosen milestone's form beside the calendar list:
// its fields (store.MilestoneFields), its D-day and 삭제.
type milestoneForm struct {
	s     *budgetScreen
	f     *editor[store.Milestone]
	m     store.Milestone // as stored; ID 0 for a new milestone
	title *widget.Label
	dday  *widget.Label
	del   *widget.Button
	obj   fyne.CanvasObject
}

func newMilestoneForm(s *budgetScreen) *milestoneForm {
	m := &milestoneForm{s: s}
	m.f = newEditor(s.e, store.MilestoneFields, m.save, m.cancel)
	m.title = widget.NewLabel("")
	m.title.TextStyle.Bold = true
	m.dday = widget.NewLabel("")
	m.f.add(store.KeyDDay, "D-day", m.dday)
	m.del = widget.NewButton("삭제", m.delete)
	m.del.Importance = widget.DangerImportance
	m.obj = container.NewBorder(m.title, container.NewHBox(m.del), nil, nil, m.f.object())
	return m
}

// show loads a stored milestone.
func (m *milestoneForm) show(x store.Milestone) {
	m.m = x
	m.title.SetText(fmt.Sprintf("%d년 일정", x.Year))
	m.fill()
	m.s.showDetail(m.obj)
}

// create starts a new milestone of the year, the office's.
func (m *milestoneForm) create() {
	m.m = store.Milestone{Year: m.s.e.year, Owner: store.OwnerOffice}
	m.title.SetText(fmt.Sprintf("%d년 일정: 새 일정", m.s.e.year))
	m.fill()
	m.s.showDetail(m.obj)
	m.f.focus(store.KeyTitle)
}

// fill shows m.m in the form with its D-day.
func (m *milestoneForm) fill() {
	x := m.m
	m.f.show(x, nil)
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

// save stores the milestone (a deadline typed without an end is due on
// its start) and shows it again; problems stay under their fields.
func (m *milestoneForm) save() {
	x, ps := m.f.read(m.m)
	if len(ps) > 0 {
		m.f.showProblems(ps)
		return
	}
	if x.Deadline && x.End.IsZero() {
		x.End = x.Start
	}
	ps, ok := storeRecord(m.s.e, m.f.form, &x, m.s.e.st.SaveMilestone)
	if !ok {
		return
	}
	m.s.refresh()
	m.show(x)
	m.f.showProblems(ps)
}

// cancel shows the stored milestone again, or the hint for a new one.
func (m *milestoneForm) cancel() {
	m.f.markClean()
	if m.m.ID == 0 {
		m.s.showDetail(nil)
		return
	}
	m.fill()
}

// delete deletes the milestone shown once the coordinator agrees.
func (m *milestoneForm) delete() {
	x := m.m
	m.s.deleteRecord(m.f.form, fmt.Sprintf("%d년 일정 %q", x.Year, x.Title), func() error {
		return m.s.e.st.DeleteMilestone(x.ID)
	})
}
