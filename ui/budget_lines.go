package ui

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"

	"hyeopchi/store/value"
)

// budgetForm is the chosen budget line's form under the table: the
// line's fields (store.BudgetLineFields) two to a row, its 약정 합계, and
// 하위 항목 추가 and 삭제 beside them. A parent line shows its children's
// sums there, which are not edited on the parent.
type budgetForm struct {
	s       *budgetScreen
	f       *editor[store.BudgetLine]
	line    store.BudgetLine // as stored; ID 0 for a new line
	kids    bool
	title   *widget.Label
	summary *widget.Label
	addKid  *widget.Button
	del     *widget.Button
	obj     fyne.CanvasObject
}

// lineSums are the fields a parent line shows as its children's sums:
// not editable and not read from the form.
var lineSums = []string{store.KeyOfficeCost, store.KeyGrant, store.KeyContracted, store.KeyProgram}

func newBudgetForm(s *budgetScreen) *budgetForm {
	b := &budgetForm{s: s}
	b.f = newEditor(s.e, store.BudgetLineFields, b.save, b.cancel)
	b.title = widget.NewLabel("")
	b.title.TextStyle.Bold = true
	b.title.Wrapping = fyne.TextWrapWord
	b.summary = widget.NewLabel("")
	b.summary.Wrapping = fyne.TextWrapWord
	b.f.add(store.KeyCommitted, "약정 합계", b.summary)
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
	out := []string{store.BudgetTopLevel}
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
	b.f.focus(store.KeyLine)
}

// fill shows b.line, whose status is st, in the form: its fields (a
// parent's sums instead of its amounts), its 약정 합계 and, for a stored
// leaf, its over-commitment warning under 약정 합계.
func (b *budgetForm) fill(st store.BudgetStatus) {
	l := b.line
	b.f.choice(store.KeyParent).Options = b.parentOptions(l.ID)
	b.f.show(l, func() {
		if b.kids {
			b.showSums(st)
		}
	})
	for _, key := range lineSums {
		w := b.f.inputs[key].(fyne.Disableable)
		if b.kids {
			w.Disable()
		} else {
			w.Enable()
		}
	}
	b.showSummary(st)
	b.addKid.Hidden = l.ID == 0 || (!b.kids && (l.OfficeCost != 0 || l.Grant != 0 || l.Program != "" || l.Contracted != 0))
	b.del.Hidden = l.ID == 0 || b.kids
	b.addKid.Refresh()
	b.del.Refresh()
	if l.ID != 0 && !b.kids {
		b.f.showProblems(store.CheckBudget([]store.BudgetStatus{st}))
	}
}

// showSums puts a parent's sums where a leaf has its amounts.
func (b *budgetForm) showSums(st store.BudgetStatus) {
	b.f.entry(store.KeyOfficeCost).SetText(value.Thousands(st.OfficeCost))
	b.f.entry(store.KeyGrant).SetText(value.Thousands(st.Grant))
	b.f.entry(store.KeyContracted).SetText("")
	b.f.choice(store.KeyProgram).SetSelected(store.ProgramLabel(""))
}

// showSummary is 약정 합계: the line's 계, 약정 and 잔액 in its state's
// colour, or what saving will show for a new line.
func (b *budgetForm) showSummary(st store.BudgetStatus) {
	if b.line.ID == 0 {
		b.summary.SetText("저장하면 약정과 잔액이 나옵니다.")
		b.summary.Importance = widget.MediumImportance
	} else {
		text := fmt.Sprintf("계 %s · 약정 %s · 잔액 %s천원 — %s", value.Thousands(st.Total()), value.Thousands(st.Committed), value.Thousands(st.Remaining()), st.State())
		if b.kids {
			text += "\n하위 항목의 합계입니다. 금액은 하위 항목에서 고치세요."
		}
		b.summary.SetText(text)
		b.summary.Importance = budgetImportance(st.State())
	}
	b.summary.Refresh()
}

// read is the line as the form holds it, with the problems of fields
// that do not read; a parent's sums are not its own and stay as stored.
func (b *budgetForm) read() (store.BudgetLine, store.Problems) {
	l := b.line
	var ps store.Problems
	for _, f := range store.BudgetLineFields {
		if b.kids && slices.Contains(lineSums, f.Key) {
			continue
		}
		if p := f.Read(&l, b.f.text(f.Key)); p != nil {
			ps = append(ps, *p)
		}
	}
	return l, ps
}

// save stores the line and shows it again with its new status; problems
// stay under their fields.
func (b *budgetForm) save() {
	l, ps := b.read()
	if len(ps) > 0 {
		b.f.showProblems(ps)
		return
	}
	ps, ok := storeRecord(b.s.e, b.f.form, &l, b.s.e.st.SaveBudgetLine)
	if !ok {
		return
	}
	b.s.refresh()
	for _, st := range b.s.status {
		if st.ID == l.ID {
			b.line, b.kids = l, st.HasKids
			b.fill(st)
		}
	}
	b.f.showProblems(ps)
}

// cancel shows the stored line again, or the hint for a new one.
func (b *budgetForm) cancel() {
	b.f.markClean()
	for _, st := range b.s.status {
		if st.ID == b.line.ID && b.line.ID != 0 {
			b.show(st)
			return
		}
	}
	b.s.showDetail(nil)
}

// delete deletes the line shown once the coordinator agrees.
func (b *budgetForm) delete() {
	l := b.line
	b.s.deleteRecord(b.f.form, fmt.Sprintf("%d년 예산 항목 %q", l.Year, l.Name), func() error {
		return b.s.e.st.DeleteBudgetLine(l.ID)
	})
}
