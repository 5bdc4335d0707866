package ui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"
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
	form  *form
	pane  *fyne.Container // form and history, hidden until a plan is open

	district, stage, pb                       *widget.Select
	year, support, start, end, months, amount *field.Entry
	civil, council, official, fields, mainOn  *field.Entry
	draftOn                                   *field.Entry // 본계획(초안) 제출일
	pbAmount, pbIntegration, pbDongs, pbDong  *field.Entry // 참여예산 금액
	note                                      *field.Entry
	steps                                     []*field.Entry // one date per store.PlanSteps
	tftTotal                                  *widget.Label

	monthsText, amountText string // what the cap bars say
	monthsBar, amountBar   *widget.ProgressBar
	history                *Grid
	historyTitle           *widget.Label
	historyPlans           []store.Plan
}

const noPB = "없음"

func newPlanDetail(e *env, s *plansScreen) *planDetail {
	d := &planDetail{e: e, s: s}
	d.hint = widget.NewLabel("")
	d.hint.Wrapping = fyne.TextWrapWord
	d.title = widget.NewLabel("")
	d.title.TextStyle.Bold = true
	d.del = widget.NewButton("삭제", d.confirmDelete)
	d.del.Importance = widget.DangerImportance
	d.form = newForm(e, d.save, d.cancel)

	d.district = newSelect(store.Districts, nil)
	d.district.PlaceHolder = "자치구 선택"
	d.stage = newSelect(stageLabels(), nil)
	d.stage.PlaceHolder = "단계 선택"
	d.pb = newSelect(append([]string{noPB}, store.PBTypes...), nil)
	entry := func(placeholder string) *field.Entry {
		en := field.NewEntry()
		en.SetPlaceHolder(placeholder)
		return en
	}
	d.year = entry("2017")
	d.support = entry("예: 실행")
	d.start = entry("2017-03-01")
	d.end = entry("2017-12-31")
	d.months = entry("날짜로")
	d.amount = entry("250,000")
	d.civil, d.council, d.official = entry("0"), entry("0"), entry("0")
	d.fields = entry("마을/교육/사경")
	d.mainOn = entry("")
	d.draftOn = entry("")
	d.pbAmount, d.pbIntegration = entry("500,000"), entry("200,000 이내")
	d.pbDongs, d.pbDong = entry("0"), entry("洞마다 30,000 × 洞 수")
	d.note = field.NewMultiLineEntry()
	d.note.SetMinRowsVisible(2)
	d.tftTotal = widget.NewLabel("0")
	for _, en := range []*field.Entry{d.civil, d.council, d.official} {
		en.OnChanged = func(string) { d.updateTFT() }
	}

	// Related fields share a row, so that the whole plan fits beside the
	// table; each keeps its own problem line.
	f := d.form
	addInline(f, "자치구", cell{"district", "", d.district}, cell{"year", "연도", d.year})
	addInline(f, "단계", cell{"stage", "", d.stage}, cell{"support", "지원 사항", d.support})
	addInline(f, "사업기간", cell{"start", "", d.start}, cell{"end", "~", d.end})
	addInline(f, "지원액(천원)", cell{"amount", "", d.amount}, cell{"months", "개월", d.months})
	narrow := func(en *field.Entry) fyne.CanvasObject {
		f.watch(en)
		return container.NewGridWrap(fyne.NewSize(46, en.MinSize().Height), en)
	}
	addGrid(f, "민관TFT", []string{"tft_civil", "tft_council", "tft_official"}, container.NewHBox(
		widget.NewLabel("민"), narrow(d.civil), widget.NewLabel("구의원"), narrow(d.council),
		widget.NewLabel("관"), narrow(d.official), widget.NewLabel("계"), d.tftTotal))
	f.add("fields", "분야", d.fields)
	addInline(f, "참여예산", cell{"participatory_budget", "", d.pb}, cell{"pb_amount", "區 단위", d.pbAmount})
	addInline(f, "통합비용(천원)", cell{"pb_integration_cost", "", d.pbIntegration}, cell{"pb_dongs", "洞 수", d.pbDongs})
	f.add("pb_dong_amount", "洞 단위(천원)", d.pbDong)
	// The dated steps, with the main plan's submission where it falls:
	// after 협의·조정, before 협약.
	var steps []fyne.CanvasObject
	for _, name := range store.PlanSteps {
		en := entry("")
		d.steps = append(d.steps, en)
		if name == "협약" {
			steps = append(steps, stepCell("본계획(초안) 제출", d.draftOn), stepCell("본계획 제출", d.mainOn))
		}
		steps = append(steps, stepCell(name, en))
	}
	addGrid(f, "절차·날짜", []string{"process", "draft_plan_submitted", "main_plan_submitted"}, container.NewGridWithColumns(3, steps...))
	for _, en := range append([]*field.Entry{d.mainOn, d.draftOn}, d.steps...) {
		f.watch(en)
	}
	f.add("note", "비고", d.note)

	d.monthsBar = widget.NewProgressBar()
	d.amountBar = widget.NewProgressBar()
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
	return d
}

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
	d.form.load(func() {
		d.district.SetSelected(p.District)
		if p.District == "" {
			d.district.ClearSelected()
		}
		d.year.SetText(numText(p.Year))
		if p.Stage == 0 {
			d.stage.ClearSelected()
		} else {
			d.stage.SetSelected(p.Stage.String())
		}
		d.support.SetText(p.Support)
		d.start.SetText(string(p.Start))
		d.end.SetText(string(p.End))
		d.months.SetText(numText(p.Months))
		d.amount.SetText(moneyText(p.Amount))
		count := strconv.Itoa // a stored 0 is a count; a new plan starts blank
		if p.ID == 0 {
			count = numText
		}
		d.civil.SetText(count(p.TFTCivil))
		d.council.SetText(count(p.TFTCouncil))
		d.official.SetText(count(p.TFTOfficial))
		d.fields.SetText(strings.Join(p.Fields, "/"))
		// 계획형 and 융합형 of older records show as the one type
		switch pb, ok := store.ParsePB(p.PB); {
		case p.PB == "":
			d.pb.SetSelected(noPB)
		case ok:
			d.pb.SetSelected(pb)
		default:
			if !hasString(d.pb.Options, p.PB) {
				d.pb.Options = append(d.pb.Options, p.PB)
			}
			d.pb.SetSelected(p.PB)
		}
		d.pbAmount.SetText(moneyText(p.PBAmount))
		d.pbIntegration.SetText(moneyText(p.PBIntegration))
		d.pbDongs.SetText(numText(p.PBDongs))
		d.pbDong.SetText(moneyText(p.PBDongAmount))
		for i, name := range store.PlanSteps {
			d.steps[i].SetText("")
			for _, st := range p.Process {
				if st.Name == name {
					d.steps[i].SetText(string(st.On))
				}
			}
		}
		d.mainOn.SetText(string(p.MainPlanOn))
		d.draftOn.SetText(string(p.DraftPlanOn))
		d.note.SetText(p.Note)
	})
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
	d.form.dirty = false
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

func (d *planDetail) updateTFT() {
	n := 0
	for _, en := range []*field.Entry{d.civil, d.council, d.official} {
		v, _ := strconv.Atoi(strings.TrimSpace(en.Text))
		n += v
	}
	d.tftTotal.SetText(strconv.Itoa(n))
}

// read turns the inputs into a plan; what cannot be read is a problem
// under its field, in the importer's words.
func (d *planDetail) read() (store.Plan, store.Problems) {
	p := d.plan
	var ps store.Problems
	keep := func(name string, pr *store.Problem) {
		if pr != nil {
			pr.Field = name
			ps = append(ps, *pr)
		}
	}
	p.District = d.district.Selected
	var pr *store.Problem
	p.Year, pr = parseCount("연도", d.year.Text)
	keep("year", pr)
	p.Stage, _ = store.ParseStage(d.stage.Selected)
	if d.stage.Selected == "" {
		p.Stage = 0
	}
	p.Support = strings.TrimSpace(d.support.Text)
	p.Start, pr = parseDateField("시작일", d.start.Text)
	keep("start", pr)
	p.End, pr = parseDateField("종료일", d.end.Text)
	keep("end", pr)
	p.Months, pr = parseCount("개월", d.months.Text)
	keep("months", pr)
	p.Amount, pr = parseAmount("지원액", d.amount.Text)
	keep("amount", pr)
	p.TFTCivil, pr = parseCount("TFT 민", d.civil.Text)
	keep("tft_civil", pr)
	p.TFTCouncil, pr = parseCount("TFT 구의원", d.council.Text)
	keep("tft_council", pr)
	p.TFTOfficial, pr = parseCount("TFT 관", d.official.Text)
	keep("tft_official", pr)
	p.Fields = splitFields(d.fields.Text)
	p.PB = d.pb.Selected
	if p.PB == noPB {
		p.PB = ""
	}
	p.PBAmount, pr = parseAmount("참여예산 區 단위 금액", d.pbAmount.Text)
	keep("pb_amount", pr)
	p.PBIntegration, pr = parseAmount("통합비용", d.pbIntegration.Text)
	keep("pb_integration_cost", pr)
	p.PBDongs, pr = parseCount("洞 수", d.pbDongs.Text)
	keep("pb_dongs", pr)
	p.PBDongAmount, pr = parseAmount("참여예산 洞 단위 금액", d.pbDong.Text)
	keep("pb_dong_amount", pr)
	p.Process = nil
	for i, name := range store.PlanSteps {
		on, pr := parseDateField(name, d.steps[i].Text)
		keep("process", pr)
		if on != "" {
			p.Process = append(p.Process, store.Step{Name: name, On: on})
		}
	}
	p.MainPlanOn, pr = parseDateField("본계획 제출일", d.mainOn.Text)
	keep("main_plan_submitted", pr)
	p.DraftPlanOn, pr = parseDateField("본계획(초안) 제출일", d.draftOn.Text)
	keep("draft_plan_submitted", pr)
	p.Note = strings.TrimSpace(d.note.Text)
	return p, ps
}

// splitFields reads "마을/교육, 사경" as three fields.
func splitFields(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == ',' || r == '·' }) {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
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
	d.form.dirty = false
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
	d.form.dirty = false
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
	d.amountText = fmt.Sprintf("%d년 지원액 %s / 한도 %s", year, store.Money(u.Amount), store.Money(u.Share))
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
		rows = append(rows, []string{fmt.Sprint(p.Year), p.Stage.String(), numText(p.StatedMonths()), store.Money(p.Amount),
			datesText(p), string(p.MainPlanOn)})
	}
	d.history.SetRows(rows, []string{"계", "지원 개월", fmt.Sprint(store.PlanFundedMonths(district, 0, hist)), store.Money(total), "", ""})
}

// deadlines are the years' deadlines from 설정, which the plan rules use.
func (e *env) deadlines() []store.YearDeadlines {
	st, err := e.st.Settings()
	e.showError(err)
	return st.Deadlines
}

func numText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func moneyText(v int64) string {
	if v == 0 {
		return ""
	}
	return store.Money(v)
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
