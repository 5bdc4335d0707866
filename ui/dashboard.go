package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"

	"hyeopchi/store/value"
)

// dashboard is 현황: the 25 districts × programmes for the selected year,
// coloured by state (the legend says which colour means what), a 권역
// filter, the next five deadlines and the year's budget against what is
// committed. Tapping a cell opens that record's screen.
type dashboard struct {
	e      *env
	grid   *Grid
	title  *widget.Label
	region *widget.Select
	rows   []dashRow
	styles [][]widget.Importance
	next   *widget.RichText // the next five deadlines
	money  *widget.RichText // the budget against commitments
}

type dashRow struct {
	district, region string
	planID, platID   uint64
}

const allRegions = "권역 전체"

func newDashboard(e *env) *dashboard {
	d := &dashboard{e: e}
	d.grid = NewGrid(
		Column{Title: "권역", Width: 66}, Column{Title: "자치구", Width: 84},
		Column{Title: "혁신계획 단계", Width: 132}, Column{Title: "혁신계획(천원)", Width: 112, Numeric: true},
		Column{Title: "플랫폼 단계", Width: 160}, Column{Title: "플랫폼(천원)", Width: 102, Numeric: true},
		Column{Title: "교육 회차", Width: 76, Numeric: true}, Column{Title: "제출", Width: 290},
	)
	d.grid.Style = func(row, col int) widget.Importance {
		if row < len(d.styles) {
			return d.styles[row][col]
		}
		return widget.MediumImportance
	}
	d.grid.Table.OnSelected = func(id widget.TableCellID) {
		d.grid.Table.UnselectAll()
		d.openCell(d.grid.indexAt(id.Row), id.Col)
	}
	d.title = widget.NewLabel("")
	d.title.TextStyle.Bold = true
	d.region = widget.NewSelect(append([]string{allRegions}, store.Regions...), nil)
	d.region.SetSelected(allRegions)
	d.region.OnChanged = func(string) { d.refresh() }
	d.next = widget.NewRichText()
	d.money = widget.NewRichText()
	d.next.Truncation = fyne.TextTruncateEllipsis
	d.money.Truncation = fyne.TextTruncateEllipsis
	return d
}

// indexAt is the caller's row index shown at display position pos, -1
// for the totals row.
func (g *Grid) indexAt(pos int) int {
	if pos >= 0 && pos < len(g.order) {
		return g.order[pos]
	}
	return -1
}

// openCell opens the record behind a cell: the plan, the consortium, the
// school's sessions or the district's files.
func (d *dashboard) openCell(row, col int) {
	if row < 0 || row >= len(d.rows) {
		return
	}
	r := d.rows[row]
	switch {
	case col == 2 || col == 3 || (col < 2 && r.planID != 0):
		if r.planID != 0 {
			d.e.openRecord(ScreenPlans, r.district, r.planID)
		}
	case col == 4 || col == 5 || (col < 2 && r.platID != 0):
		if r.platID != 0 {
			d.e.openRecord(ScreenPlatforms, r.district, r.platID)
		}
	case col == 6:
		d.e.openRecord(ScreenSchool, r.district, 0)
	case col == 7:
		d.e.openRecord(ScreenIntake, r.district, 0)
	}
}

func (d *dashboard) content() fyne.CanvasObject {
	head := container.NewBorder(nil, nil, nil, d.region, d.title)
	toCalendar := widget.NewButton("일정 보기", func() { d.e.open(ScreenBudget) })
	toCalendar.Importance = widget.LowImportance
	deadlines := container.NewBorder(container.NewHBox(boldLabel("다가오는 마감"), toCalendar), nil, nil, nil, d.next)
	money := container.NewBorder(boldLabel("예산 대비 약정 (천원)"), nil, nil, nil, d.money)
	strip := container.NewGridWithColumns(2, deadlines, money)
	top := container.NewVBox(head, strip, dashLegend())
	return container.NewBorder(top, nil, nil, nil, d.grid)
}

// dashData is what 현황 reads from the store for the year shown.
type dashData struct {
	today     store.Date
	districts []store.District
	plans     []store.Plan
	plats     []store.Platform
	sessions  []store.Session
	dues      []store.Due
	// totalsOnly is the city's recorded number of sessions of a year known
	// only by the plan's totals (2016), whose per-district sessions are
	// unknown, not 0; -1 for other years.
	totalsOnly int
}

// dashTotals sums the rows shown, for the totals row.
type dashTotals struct {
	plan, plat           int64
	sessions, late, soon int
}

// dashLine is one district's row: the records its cells open, its cells
// and their colours.
type dashLine struct {
	rec    dashRow
	cells  []string
	styles []widget.Importance
}

func (d *dashboard) refresh() {
	e := d.e
	data := d.load()
	region := d.region.Selected
	var rows [][]string
	d.rows, d.styles = nil, nil
	var t dashTotals
	q := store.NewQuery(e.query)
	for _, dist := range data.districts {
		if !d.shows(dist, region, q) {
			continue
		}
		l := data.line(dist, &t)
		rows = append(rows, l.cells)
		d.rows = append(d.rows, l.rec)
		d.styles = append(d.styles, l.styles)
	}
	d.grid.SetRows(rows, data.totalsRow(len(rows), t))
	title := fmt.Sprintf("%d년 현황: 자치구별 혁신계획·플랫폼·교육·제출", e.year)
	if region != "" && region != allRegions {
		title += " — " + region
	}
	d.title.SetText(title)
	d.showDeadlines(data.today)
	d.showMoney()
}

// load reads the year's districts, plans, consortia, sessions and dues;
// what cannot be read is said in a dialog and left empty.
func (d *dashboard) load() *dashData {
	e := d.e
	f := store.Filter{Year: e.year}
	x := &dashData{today: e.today(), totalsOnly: -1}
	var err error
	x.districts, err = e.st.Districts()
	e.showError(err)
	x.plans, err = e.st.Plans(f)
	e.showError(err)
	x.plats, err = e.st.Platforms(f)
	e.showError(err)
	x.sessions, err = e.st.Sessions(f)
	e.showError(err)
	if len(x.sessions) == 0 {
		sys, err := e.st.SchoolYears()
		e.showError(err)
		for _, y := range sys {
			if y.Year == e.year && y.Sessions > 0 {
				x.totalsOnly = y.Sessions
			}
		}
	}
	x.dues, err = e.st.Dues(e.year, x.today)
	e.showError(err)
	return x
}

// shows reports whether a district passes the top bar's district, the
// 권역 chosen and the search q.
func (d *dashboard) shows(dist store.District, region string, q store.Query) bool {
	e := d.e
	if e.district != "" && dist.Name != e.district {
		return false
	}
	if region != "" && region != allRegions && dist.Region != region {
		return false
	}
	return q.Match(dist.Name, dist.Region)
}

// line is a district's row, its amounts, sessions and deadlines added to t.
func (x *dashData) line(dist store.District, t *dashTotals) dashLine {
	l := dashLine{
		rec:    dashRow{district: dist.Name, region: dist.Region},
		cells:  []string{dist.Region, dist.Name, "-", "", "-", "", "", ""},
		styles: make([]widget.Importance, 8),
	}
	for i := range l.styles {
		l.styles[i] = widget.MediumImportance
	}
	l.styles[2], l.styles[4], l.styles[6], l.styles[7] = widget.LowImportance, widget.LowImportance, widget.LowImportance, widget.LowImportance
	x.planCells(&l, t)
	x.platformCells(&l, t)
	x.sessionCell(&l, t)
	x.dueCell(&l, t)
	return l
}

// planCells are the district's plan: its stage (완료 once it has ended)
// and amount.
func (x *dashData) planCells(l *dashLine, t *dashTotals) {
	for _, p := range x.plans {
		if p.District != l.rec.district {
			continue
		}
		l.cells[2], l.cells[3] = p.Stage.String(), value.Thousands(p.Amount)
		l.styles[2] = widget.HighImportance
		if !p.End.IsZero() && p.End < x.today {
			l.cells[2] += " 완료"
			l.styles[2] = widget.SuccessImportance
		}
		l.rec.planID = p.ID
		t.plan += p.Amount
	}
}

// platformCells are the district's consortium: its stage and grant.
func (x *dashData) platformCells(l *dashLine, t *dashTotals) {
	for _, p := range x.plats {
		if p.District != l.rec.district {
			continue
		}
		l.cells[4], l.styles[4] = platformCell(p)
		l.cells[5] = value.Thousands(p.Grant)
		l.rec.platID = p.ID
		t.plat += p.Grant
	}
}

// sessionCell is the number of the district's sessions not cancelled:
// green when all are done, blue while some are planned; 미기재 in a year
// known only by its totals.
func (x *dashData) sessionCell(l *dashLine, t *dashTotals) {
	n, planned := 0, 0
	for _, s := range x.sessions {
		if s.District == l.rec.district && s.Status != store.SessionCancelled {
			n++
			if s.Status != store.SessionDone {
				planned++
			}
		}
	}
	t.sessions += n
	l.cells[6] = fmt.Sprint(n)
	if x.totalsOnly >= 0 {
		l.cells[6] = "미기재"
	}
	switch {
	case n > 0 && planned == 0:
		l.styles[6] = widget.SuccessImportance
	case n > 0:
		l.styles[6] = widget.HighImportance
	}
}

// dueCell is the district's most pressing submission (and how many more
// there are), counted into t's late and soon.
func (x *dashData) dueCell(l *dashLine, t *dashTotals) {
	l.cells[7], l.styles[7] = "해당 없음", widget.LowImportance
	var mine []store.Due
	for _, due := range x.dues {
		if due.District == l.rec.district {
			mine = append(mine, due)
		}
	}
	if len(mine) == 0 {
		return
	}
	worst := slices.MaxFunc(mine, func(a, b store.Due) int { return int(a.State) - int(b.State) })
	l.cells[7], l.styles[7] = worst.Label(x.today), dueImportance(worst.State)
	if len(mine) > 1 {
		l.cells[7] += fmt.Sprintf(" 외 %d", len(mine)-1)
	}
	for _, due := range mine {
		switch due.State {
		case store.DueLate:
			t.late++
		case store.DueSoon:
			t.soon++
		}
	}
}

// totalsRow is the grid's 계 row over n districts shown.
func (x *dashData) totalsRow(n int, t dashTotals) []string {
	sessTotal := fmt.Sprint(t.sessions)
	if x.totalsOnly >= 0 { // the city's recorded total, whatever the filter
		sessTotal = fmt.Sprintf("전체 %d", x.totalsOnly)
	}
	return []string{"계", fmt.Sprintf("%d개 구", n), "", value.Thousands(t.plan), "", value.Thousands(t.plat),
		sessTotal, fmt.Sprintf("마감 지남 %d · 임박 %d", t.late, t.soon)}
}

// platformCell is a consortium's growth stage and selection step: green
// once the agreement is signed (협약체결 and after), blue before; 미기재
// where neither was entered.
func platformCell(p store.Platform) (string, widget.Importance) {
	var parts []string
	if p.Growth > 0 {
		parts = append(parts, fmt.Sprintf("%d단계", p.Growth))
	}
	if p.Status != "" {
		parts = append(parts, string(p.Status))
	}
	text := strings.Join(parts, " · ")
	if text == "" {
		text = "미기재"
	}
	if slices.Index(store.PlatformStatuses, p.Status) >= slices.Index(store.PlatformStatuses, store.PlatformAgreement) {
		return text, widget.SuccessImportance
	}
	return text, widget.HighImportance
}

// showDeadlines lists the next five deadlines of any year, one a line.
func (d *dashboard) showDeadlines(today store.Date) {
	ms, err := d.e.st.NextDeadlines(today, 5)
	d.e.showError(err)
	var segs []widget.RichTextSegment
	if len(ms) == 0 {
		segs = append(segs, &widget.TextSegment{Text: "남은 마감이 없습니다."})
	}
	for _, m := range ms {
		st := store.DeadlineState(m.Due(), today)
		segs = append(segs,
			&widget.TextSegment{Text: fmt.Sprintf("%s %s", m.Due().DDay(today), st),
				Style: widget.RichTextStyle{Inline: true, ColorName: importanceColor(dueImportance(st)), TextStyle: fyne.TextStyle{Bold: true}}},
			&widget.TextSegment{Text: fmt.Sprintf("  %s  %s", m.Due(), m.Title)})
	}
	d.next.Segments = segs
	d.next.Refresh()
}

// showMoney sets the year's top budget lines against their commitments.
func (d *dashboard) showMoney() {
	bs, err := d.e.st.BudgetStatus(d.e.year)
	d.e.showError(err)
	var segs []widget.RichTextSegment
	for _, b := range bs {
		if b.Depth != 0 {
			continue
		}
		share := ""
		if b.Total() > 0 {
			share = fmt.Sprintf(" (%d%%)", b.Committed*100/b.Total())
		}
		segs = append(segs,
			&widget.TextSegment{Text: fmt.Sprintf("%s / %s%s %s", value.Thousands(b.Committed), value.Thousands(b.Total()), share, b.State()),
				Style: widget.RichTextStyle{Inline: true, ColorName: importanceColor(budgetImportance(b.State())), TextStyle: fyne.TextStyle{Bold: true}}},
			&widget.TextSegment{Text: "  " + b.Name})
	}
	if len(segs) == 0 {
		segs = append(segs, &widget.TextSegment{Text: fmt.Sprintf("%d년 예산이 없습니다.", d.e.year)})
	}
	d.money.Segments = segs
	d.money.Refresh()
}

// dueImportance colours a due state: green 확정, blue 진행, amber 마감
// 임박, red 마감 지남, grey 해당 없음.
func dueImportance(s store.DueState) widget.Importance {
	switch s {
	case store.DueDone:
		return widget.SuccessImportance
	case store.DueOpen:
		return widget.HighImportance
	case store.DueSoon:
		return widget.WarningImportance
	case store.DueLate:
		return widget.DangerImportance
	}
	return widget.LowImportance
}

func dashLegend() fyne.CanvasObject {
	return legend([]legendItem{
		{widget.SuccessImportance, "확정·완료"}, {widget.HighImportance, "진행"},
		{widget.WarningImportance, fmt.Sprintf("마감 임박 (D-%d)", store.SoonDays)},
		{widget.DangerImportance, "마감 지남"}, {widget.LowImportance, "해당 없음"},
	})
}

// legendItem is one colour of a legend and the word it means.
type legendItem struct {
	imp  widget.Importance
	word string
}

// legend is a row of colour swatches, each with its word, in the colours
// the tables' words are drawn in.
func legend(items []legendItem) fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for _, it := range items {
		r := canvas.NewRectangle(theme.Color(importanceColor(it.imp)))
		r.CornerRadius = 2
		r.SetMinSize(fyne.NewSize(12, 12))
		objs = append(objs, newLegendEntry(r, it.word))
	}
	return newLegendRow(objs...)
}

func newLegendEntry(swatch fyne.CanvasObject, word string) fyne.CanvasObject {
	return container.NewHBox(container.NewCenter(swatch), widget.NewLabel(word))
}

func newLegendRow(objs ...fyne.CanvasObject) *fyne.Container { return container.NewHBox(objs...) }

// recordShower is a screen that can show one record by its ID.
type recordShower interface{ showRecord(id uint64) bool }

// openRecord switches to screen id showing the record recID of district:
// by ID where the screen can, else by choosing the district in the top bar
// and selecting the first row.
func (u *App) openRecord(id ScreenID, district string, recID uint64) {
	u.showScreen(id)
	if r, ok := u.screen(id).(recordShower); ok && recID != 0 && r.showRecord(recID) {
		return
	}
	u.setDistrict(district)
	u.selectFirst()
}
