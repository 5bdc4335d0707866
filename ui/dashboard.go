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

// Screens a dashboard cell opens, by navigation index.
const (
	screenPlans     = 1
	screenPlatforms = 2
	screenSchool    = 3
	screenBudget    = 4
	screenIntake    = 5
)

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
			d.e.openRecord(screenPlans, r.district, r.planID)
		}
	case col == 4 || col == 5 || (col < 2 && r.platID != 0):
		if r.platID != 0 {
			d.e.openRecord(screenPlatforms, r.district, r.platID)
		}
	case col == 6:
		d.e.openRecord(screenSchool, r.district, 0)
	case col == 7:
		d.e.openRecord(screenIntake, r.district, 0)
	}
}

func (d *dashboard) content() fyne.CanvasObject {
	head := container.NewBorder(nil, nil, nil, d.region, d.title)
	toCalendar := widget.NewButton("일정 보기", func() { d.e.open(screenBudget) })
	toCalendar.Importance = widget.LowImportance
	deadlines := container.NewBorder(container.NewHBox(boldLabel("다가오는 마감"), toCalendar), nil, nil, nil, d.next)
	money := container.NewBorder(boldLabel("예산 대비 약정 (천원)"), nil, nil, nil, d.money)
	strip := container.NewGridWithColumns(2, deadlines, money)
	top := container.NewVBox(head, strip, dashLegend())
	return container.NewBorder(top, nil, nil, nil, d.grid)
}

func (d *dashboard) refresh() {
	e := d.e
	today := e.today()
	f := store.Filter{Year: e.year}
	ds, err := e.st.Districts()
	e.showError(err)
	plans, _ := e.st.Plans(f)
	plats, _ := e.st.Platforms(f)
	sessions, _ := e.st.Sessions(f)
	// a year known only by the plan's totals (2016) has no per-district
	// sessions: those are unknown, not 0
	totalsOnly := -1
	if len(sessions) == 0 {
		sys, err := e.st.SchoolYears()
		e.showError(err)
		for _, y := range sys {
			if y.Year == e.year && y.Sessions > 0 {
				totalsOnly = y.Sessions
			}
		}
	}
	dues, err := e.st.Dues(e.year, today)
	e.showError(err)
	region := d.region.Selected
	var rows [][]string
	d.rows, d.styles = nil, nil
	var planSum, platSum int64
	var sessSum, late, soon int
	for _, dist := range ds {
		if e.district != "" && dist.Name != e.district {
			continue
		}
		if region != "" && region != allRegions && dist.Region != region {
			continue
		}
		if !store.NewQuery(e.query).Match(dist.Name, dist.Region) {
			continue
		}
		r := dashRow{district: dist.Name, region: dist.Region}
		row := []string{dist.Region, dist.Name, "-", "", "-", "", "", ""}
		style := make([]widget.Importance, len(row))
		for i := range style {
			style[i] = widget.MediumImportance
		}
		style[2], style[4], style[6], style[7] = widget.LowImportance, widget.LowImportance, widget.LowImportance, widget.LowImportance
		for _, p := range plans {
			if p.District != dist.Name {
				continue
			}
			row[2], row[3] = p.Stage.String(), store.Money(p.Amount)
			style[2] = widget.HighImportance
			if !p.End.IsZero() && p.End < today {
				row[2] += " 완료"
				style[2] = widget.SuccessImportance
			}
			r.planID = p.ID
			planSum += p.Amount
		}
		for _, p := range plats {
			if p.District != dist.Name {
				continue
			}
			row[4], style[4] = platformCell(p)
			row[5] = store.Money(p.Grant)
			r.platID = p.ID
			platSum += p.Grant
		}
		n, planned := 0, 0
		for _, x := range sessions {
			if x.District == dist.Name && x.Status != "취소" {
				n++
				if x.Status != "완료" {
					planned++
				}
			}
		}
		sessSum += n
		row[6] = fmt.Sprint(n)
		if totalsOnly >= 0 {
			row[6] = "미기재"
		}
		switch {
		case n > 0 && planned == 0:
			style[6] = widget.SuccessImportance
		case n > 0:
			style[6] = widget.HighImportance
		}
		row[7], style[7] = "해당 없음", widget.LowImportance
		var mine []store.Due
		for _, x := range dues {
			if x.District == dist.Name {
				mine = append(mine, x)
			}
		}
		if len(mine) > 0 {
			worst := slices.MaxFunc(mine, func(a, b store.Due) int { return int(a.State) - int(b.State) })
			row[7], style[7] = worst.Label(today), dueImportance(worst.State)
			if len(mine) > 1 {
				row[7] += fmt.Sprintf(" 외 %d", len(mine)-1)
			}
			for _, x := range mine {
				switch x.State {
				case store.DueLate:
					late++
				case store.DueSoon:
					soon++
				}
			}
		}
		rows = append(rows, row)
		d.rows = append(d.rows, r)
		d.styles = append(d.styles, style)
	}
	sessTotal := fmt.Sprint(sessSum)
	if totalsOnly >= 0 { // the city's recorded total, whatever the filter
		sessTotal = fmt.Sprintf("전체 %d", totalsOnly)
	}
	d.grid.SetRows(rows, []string{"계", fmt.Sprintf("%d개 구", len(rows)), "", store.Money(planSum), "", store.Money(platSum),
		sessTotal, fmt.Sprintf("마감 지남 %d · 임박 %d", late, soon)})
	title := fmt.Sprintf("%d년 현황: 자치구별 혁신계획·플랫폼·교육·제출", e.year)
	if region != "" && region != allRegions {
		title += " — " + region
	}
	d.title.SetText(title)
	d.showDeadlines(today)
	d.showMoney()
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
	if slices.Index(store.PlatformStatuses, p.Status) >= slices.Index(store.PlatformStatuses, "협약체결") {
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
			&widget.TextSegment{Text: fmt.Sprintf("%s / %s%s %s", store.Money(b.Committed), store.Money(b.Total()), share, b.State()),
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

// openRecord switches to screen i showing the record id of district: by
// ID where the screen can, else by choosing the district in the top bar
// and selecting the first row.
func (u *App) openRecord(i int, district string, id uint64) {
	u.Show(i)
	if r, ok := u.screens[i].(recordShower); ok && id != 0 && r.showRecord(id) {
		return
	}
	u.SetDistrict(district)
	u.SelectFirst()
}
