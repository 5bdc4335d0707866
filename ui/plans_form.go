package ui

import (
	"errors"
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"
	"hyeopchi/store/value"
	"hyeopchi/ui/field"
)

// planDetail is the right pane of 혁신계획: the form of one plan, and under
// it the district's history across years with the caps used so far.
type planDetail struct {
	e       *env
	s       *plansScreen
	plan    store.Plan // as loaded (ID 0 for a new plan)
	editing bool       // a plan (or a new one) is open in the form

	hint  *widget.Label
	title *widget.Label
	del   *widget.Button
	// form holds an input per store.PlanFields; what is the plan form's own
	// is below: the process steps and the TFT's live total.
	form     *editor[store.Plan]
	pane     *fyne.Container // form and history, hidden until a plan is open
	steps    []*field.Entry  // one date per store.PlanSteps
	tftTotal *widget.Label

	monthsText, amountText string // what the cap bars say
	monthsBar, amountBar   *widget.ProgressBar
	history                *Grid
	historyTitle           *widget.Label
	historyPlans           []store.Plan
}

// tftKeys are the task force's three counts, shown in a row with their sum.
var tftKeys = []string{store.KeyTFTCivil, store.KeyTFTCouncil, store.KeyTFTOfficial}

// newPlanDetail makes the plan pane of s: the form laid out in rows, the
// cap bars and the history table; it stays hidden until a plan is open.
func newPlanDetail(e *env, s *plansScreen) *planDetail {
	d := &planDetail{e: e, s: s}
	d.hint = widget.NewLabel("")
	d.hint.Wrapping = fyne.TextWrapWord
	d.title = widget.NewLabel("")
	d.title.TextStyle.Bold = true
	d.del = widget.NewButton("삭제", d.confirmDelete)
	d.del.Importance = widget.DangerImportance
	d.form = newLaidOutEditor(e, store.PlanFields, d.save, d.cancel)
	d.tftTotal = widget.NewLabel("0")
	for _, key := range tftKeys {
		d.form.entry(key).OnChanged = func(string) { d.updateTFT() }
	}
	d.layOutForm()
	d.monthsBar = widget.NewProgressBar()
	d.amountBar = widget.NewProgressBar()
	d.makeHistory()
	return d
}

// layOutForm puts the plan's fields on the form. Related fields share a
// row, so that the whole plan fits beside the table; each keeps its own
// problem line.
func (d *planDetail) layOutForm() {
	f := d.form.form
	in := func(key, label string) cell { return cell{key, label, d.form.inputs[key]} }
	addInline(f, "자치구", in(store.KeyDistrict, ""), in(store.KeyYear, "연도"))
	addInline(f, "단계", in(store.KeyStage, ""), in(store.KeySupport, "지원 사항"))
	addInline(f, "사업기간", in(store.KeyStart, ""), in(store.KeyEnd, "~"))
	addInline(f, "지원액(천원)", in(store.KeyAmount, ""), in(store.KeyMonths, "개월"))
	narrow := func(key string) fyne.CanvasObject {
		en := d.form.entry(key)
		f.watch(en)
		return container.NewGridWrap(fyne.NewSize(46, en.MinSize().Height), en)
	}
	addGrid(f, "민관TFT", tftKeys, container.NewHBox(
		widget.NewLabel("민"), narrow(store.KeyTFTCivil), widget.NewLabel("구의원"), narrow(store.KeyTFTCouncil),
		widget.NewLabel("관"), narrow(store.KeyTFTOfficial), widget.NewLabel("계"), d.tftTotal))
	f.add(store.KeyFields, "분야", d.form.inputs[store.KeyFields])
	addInline(f, "참여예산", in(store.KeyPB, ""), in(store.KeyPBAmount, "區 단위"))
	addInline(f, "통합비용(천원)", in(store.KeyPBIntegration, ""), in(store.KeyPBDongs, "洞 수"))
	f.add(store.KeyPBDongAmount, "洞 단위(천원)", d.form.inputs[store.KeyPBDongAmount])
	d.layOutSteps()
	f.add(store.KeyNote, "비고", d.form.inputs[store.KeyNote])
}

// layOutSteps is the row of dated steps, with the main plan's submission
// (draft and final) where it falls: after 협의·조정, before 협약. The steps
// are the plan's own part of the form: several dates kept as one list.
func (d *planDetail) layOutSteps() {
	f := d.form.form
	var cells []fyne.CanvasObject
	for _, name := range store.PlanSteps {
		en := hintEntry("")
		d.steps = append(d.steps, en)
		if name == "협약" {
			cells = append(cells, stepCell("본계획(초안) 제출", d.form.entry(store.KeyDraftPlanOn)),
				stepCell("본계획 제출", d.form.entry(store.KeyMainPlanOn)))
		}
		cells = append(cells, stepCell(name, en))
	}
	addGrid(f, "절차·날짜", []string{store.KeyProcess, store.KeyDraftPlanOn, store.KeyMainPlanOn},
		container.NewGridWithColumns(3, cells...))
	for _, en := range append([]*field.Entry{d.form.entry(store.KeyMainPlanOn), d.form.entry(store.KeyDraftPlanOn)}, d.steps...) {
		f.watch(en)
	}
}

// makeHistory makes the district's history table; a tapped year opens
// that year's plan.
func (d *planDetail) makeHistory() {
	d.history = NewGrid(Column{Title: "연도", Width: 52}, Column{Title: "단계", Width: 108},
		Column{Title: "개월", Width: 52, Numeric: true}, Column{Title: "지원액(천원)", Width: 110, Numeric: true},
		Column{Title: "사업기간", Width: 250}, Column{Title: "본계획 제출", Width: 100})
	d.history.Key = 4 // through 지원액
	d.historyTitle = widget.NewLabel("")
	d.historyTitle.TextStyle.Bold = true
	d.history.OnSelect = func(i int) {
		if i >= 0 && i < len(d.historyPlans) {
			d.s.openFromHistory(d.historyPlans[i])
		}
	}
}

// input is the text input of a plan field by its key (store.KeyAmount …);
// nil when the field is not typed into an entry.
func (d *planDetail) input(key string) *field.Entry { return d.form.entry(key) }

// object is the right pane: title and 삭제, the caps used, the form.
func (d *planDetail) object() fyne.CanvasObject {
	head := container.NewBorder(nil, nil, nil, d.del, d.title)
	label := func(text string) fyne.CanvasObject {
		l := widget.NewLabel(text)
		l.TextStyle.Bold = true
		return container.NewGridWrap(fyne.NewSize(120, l.MinSize().Height), l)
	}
	caps := container.NewVBox(
		container.NewBorder(nil, nil, label("지원 기간"), nil, d.monthsBar),
		container.NewBorder(nil, nil, label("연 지원액"), nil, d.amountBar),
	)
	d.pane = container.NewBorder(container.NewVBox(head, caps, widget.NewSeparator()), nil, nil, nil, d.form.object())
	d.pane.Hide()
	return container.NewStack(container.NewVBox(d.hint), d.pane)
}

// historyObject is the district's history across years, under the table.
func (d *planDetail) historyObject() fyne.CanvasObject {
	return container.NewBorder(d.historyTitle, nil, nil, nil, d.history)
}

// open loads a plan into the form and shows what the rules say of it now.
func (d *planDetail) open(p store.Plan) {
	d.plan, d.editing = p, true
	d.form.show(p, func() { d.showSteps(p) })
	if p.ID == 0 {
		d.title.SetText("새 혁신계획")
		d.del.Disable()
	} else {
		d.title.SetText(fmt.Sprintf("%d %s 혁신계획", p.Year, p.District))
		d.del.Enable()
		all, err := d.e.st.PlanHistory(p.District)
		d.e.showError(err)
		d.form.showProblems(store.CheckPlan(p, othersOf(p, all), d.e.today(), d.e.deadlines()))
	}
	d.showHistory(p.District, p.Year)
	d.hint.Hide()
	d.pane.Show()
	d.s.relayout() // the form beside or under the table, as the width allows
	// Problem lines wrap to the pane's width only once laid out; a second
	// pass gives each row the height its lines need.
	d.pane.Refresh()
}

// close empties the pane (after a delete, or when the plan left the list).
func (d *planDetail) close() {
	d.plan, d.editing = store.Plan{}, false
	d.form.markClean()
	d.pane.Hide()
	d.hint.Show()
	d.s.relayout()
	d.showHistory("", 0)
}

// reloaded follows a refresh of the table: an unchanged form reopens its
// plan as stored, or closes when the filter no longer lists it; a changed
// form stays as it is.
func (d *planDetail) reloaded() {
	if !d.editing {
		d.close()
		return
	}
	if d.form.dirty || d.plan.ID == 0 {
		d.s.selectPlan(d.plan.ID)
		return
	}
	for _, p := range d.s.plans {
		if p.ID == d.plan.ID {
			d.s.selectPlan(p.ID)
			d.open(p)
			return
		}
	}
	d.close()
}

// showSteps fills the process steps' dates from p.
func (d *planDetail) showSteps(p store.Plan) {
	for i, name := range store.PlanSteps {
		d.steps[i].SetText("")
		for _, st := range p.Process {
			if st.Name == name {
				d.steps[i].SetText(string(st.On))
			}
		}
	}
}

// updateTFT shows the task force's size as its three counts are typed.
func (d *planDetail) updateTFT() {
	var p store.Plan
	for _, key := range tftKeys {
		if f, ok := store.FieldOf(store.PlanFields, key); ok {
			// A count that does not read adds nothing here; 저장 names it.
			_ = f.Parse(&p, d.form.text(key))
		}
	}
	d.tftTotal.SetText(strconv.Itoa(p.TFTTotal()))
}

// read turns the inputs into a plan; what cannot be read is a problem
// under its field, in the importer's words.
func (d *planDetail) read() (store.Plan, store.Problems) {
	p, ps := d.form.read(d.plan)
	p.Process = nil
	for i, name := range store.PlanSteps {
		on, pr := parseDateField(name, d.steps[i].Text)
		if pr != nil {
			pr.Field = store.KeyProcess
			ps = append(ps, *pr)
		}
		if on != "" {
			p.Process = append(p.Process, store.Step{Name: name, On: on})
		}
	}
	return p, ps
}

// save stores the form's plan; rule errors stay under their fields and
// nothing is written.
func (d *planDetail) save() {
	p, ps := d.read()
	if len(ps) > 0 {
		// Also say what the rules find in the rest of the form, so that one
		// 저장 shows every problem.
		all, err := d.e.st.PlanHistory(p.District)
		d.e.showError(err)
		for _, r := range store.CheckPlan(p, othersOf(p, all), d.e.today(), d.e.deadlines()) {
			if len(ps.Field(r.Field)) == 0 {
				ps = append(ps, r)
			}
		}
		d.form.showProblems(ps)
		return
	}
	ps, err := d.e.st.SavePlan(&p)
	var inv *store.InvalidError
	if errors.As(err, &inv) {
		d.form.showProblems(ps)
		return
	}
	if err != nil {
		d.e.showError(err)
		return
	}
	d.plan = p
	d.form.markClean()
	d.s.refresh() // reopens the saved plan with its warnings
	if !d.editing {
		d.open(p) // saved into another year or stage than the table shows
	}
}

// cancel drops the changes: the plan as stored, or an empty pane for a new one.
func (d *planDetail) cancel() {
	if d.plan.ID == 0 {
		d.close()
		return
	}
	d.form.markClean()
	d.s.refresh()
}

func (d *planDetail) confirmDelete() {
	p := d.plan
	if p.ID == 0 {
		return
	}
	confirmDelete(d.e, fmt.Sprintf("%d %s 혁신계획", p.Year, p.District), func() error {
		if err := d.e.st.DeletePlan(p.ID); err != nil {
			return err
		}
		d.close()
		d.s.refresh()
		return nil
	})
}

// showHistory fills the district's years and the caps used by year.
func (d *planDetail) showHistory(district string, year int) {
	var hist []store.Plan
	if district != "" {
		var err error
		hist, err = d.e.st.PlanHistory(district)
		d.e.showError(err)
	}
	d.historyPlans = hist
	d.historyTitle.SetText("")
	if district != "" {
		d.historyTitle.SetText(district + " 연도별 이력 (36개월에 드는 지원 개월: 수립기·실행기, 준비기는 비예산이라 제외)")
	}
	u := store.PlanUsageOf(district, year, hist)
	d.monthsText = fmt.Sprintf("지원 개월 %d / %d", u.Months, store.PlanMaxMonths)
	d.amountText = fmt.Sprintf("%d년 지원액 %s / 한도 %s", year, value.Thousands(u.Amount), value.Thousands(u.Share))
	monthsText, amountText := d.monthsText, d.amountText
	d.monthsBar.TextFormatter = func() string { return monthsText }
	d.monthsBar.Max = store.PlanMaxMonths
	d.monthsBar.SetValue(float64(u.Months))
	d.amountBar.TextFormatter = func() string { return amountText }
	d.amountBar.Max = float64(max(u.Share, 1))
	d.amountBar.SetValue(float64(u.Amount))
	var rows [][]string
	var total int64
	for _, p := range hist {
		total += p.Amount
		rows = append(rows, []string{fmt.Sprint(p.Year), p.Stage.String(), value.CountText(p.StatedMonths()), value.Thousands(p.Amount),
			datesText(p), string(p.MainPlanOn)})
	}
	d.history.SetRows(rows, []string{"계", "지원 개월", fmt.Sprint(store.PlanFundedMonths(district, 0, hist)), value.Thousands(total), "", ""})
}

// deadlines are the years' deadlines from 설정, which the plan rules use.
func (e *env) deadlines() []store.YearDeadlines {
	st, err := e.st.Settings()
	e.showError(err)
	return st.Deadlines
}

// cell is one input of a shared form row: its record field, a short label
// ("" for none) and the input.
type cell struct {
	name, label string
	input       fyne.CanvasObject
}

// addInline puts several inputs on one labelled form row, in equal
// columns, with each input's problems under the row.
func addInline(f *form, label string, cells ...cell) {
	var cols []fyne.CanvasObject
	var names []string
	for _, c := range cells {
		in := c.input
		if c.label != "" {
			in = container.NewBorder(nil, nil, widget.NewLabel(c.label), nil, c.input)
		}
		cols = append(cols, in)
		names = append(names, c.name)
		f.watch(c.input)
	}
	addGrid(f, label, names, container.NewGridWithColumns(len(cols), cols...))
}

// addGrid puts a block of inputs on one labelled form row; the problems of
// the named fields go under it, each on its own line.
func addGrid(f *form, label string, names []string, block fyne.CanvasObject) {
	var msgs []fyne.CanvasObject
	for _, n := range names {
		m := problemLabel()
		f.msgs[n] = m
		msgs = append(msgs, m)
	}
	l := widget.NewLabel(label)
	l.TextStyle.Bold = true
	f.rows.Add(container.NewBorder(nil, container.NewVBox(msgs...), container.NewGridWrap(fyne.NewSize(120, l.MinSize().Height), l), nil, block))
}

// stepCell is a process step's date with its name above it.
func stepCell(name string, en *field.Entry) fyne.CanvasObject {
	l := widget.NewLabel(name)
	l.SizeName = theme.SizeNameCaptionText
	return container.NewBorder(l, nil, nil, nil, en)
}
