package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"

	"hyeopchi/store/value"
)

// The statistics' groupings.
const (
	statsByCourse   = "과정별"
	statsByDistrict = "자치구별"
	statsByMonth    = "월별"
)

// Colours of the attendance chart: one per sex, grey where sex is unknown.
var (
	colorMale    = color.NRGBA{0x00, 0x83, 0x8f, 0xff}
	colorFemale  = color.NRGBA{0xad, 0x14, 0x57, 0xff}
	colorUnknown = color.NRGBA{0x9e, 0x9e, 0x9e, 0xff}
)

// schoolStats is the 통계 tab: the year's sessions per course, district or
// month (store.SchoolStats) as a table and as attendance bars by sex.
type schoolStats struct {
	e     *env
	by    *widget.RadioGroup
	note  *widget.Label
	grid  *Grid
	chart *stackedBars
	stats store.SchoolStatistics
	rows  []store.StatRow
}

func newSchoolStats(e *env) *schoolStats {
	s := &schoolStats{e: e}
	s.by = widget.NewRadioGroup([]string{statsByCourse, statsByDistrict, statsByMonth}, func(string) { s.show() })
	s.by.Horizontal = true
	s.by.Required = true
	s.note = widget.NewLabel("")
	s.note.Wrapping = fyne.TextWrapWord
	s.grid = NewGrid(
		Column{Title: "구분", Width: 230}, Column{Title: "회차", Width: 60, Numeric: true},
		Column{Title: "완료", Width: 60, Numeric: true}, Column{Title: "취소", Width: 60, Numeric: true},
		Column{Title: "장소 수", Width: 70, Numeric: true}, Column{Title: "정원(완료)", Width: 90, Numeric: true},
		Column{Title: "남", Width: 65, Numeric: true}, Column{Title: "여", Width: 65, Numeric: true},
		Column{Title: "계", Width: 70, Numeric: true}, Column{Title: "참석률", Width: 75, Numeric: true},
	)
	s.chart = newStackedBars([]stackedSeries{{"남", colorMale}, {"여", colorFemale}, {"성별 미상", colorUnknown}})
	s.by.SetSelected(statsByCourse)
	return s
}

func (s *schoolStats) object() fyne.CanvasObject {
	top := container.NewVBox(container.NewHBox(widget.NewLabel("보기:"), s.by), s.note)
	split := container.NewVSplit(s.grid, container.NewVScroll(s.chart))
	split.Offset = 0.45
	return container.NewBorder(top, nil, nil, nil, split)
}

func (s *schoolStats) refresh() {
	cs, err := s.e.st.Courses(s.e.year)
	s.e.showError(err)
	xs, err := s.e.st.Sessions(s.e.filter())
	s.e.showError(err)
	ys, err := s.e.st.SchoolYears()
	s.e.showError(err)
	s.stats = store.SchoolStats(cs, xs, ys, s.e.year)
	s.show()
}

// show fills the table and the chart with the grouping chosen.
func (s *schoolStats) show() {
	if s.grid == nil || s.chart == nil {
		return
	}
	st := s.stats
	switch s.by.Selected {
	case statsByDistrict:
		s.rows = st.Districts
	case statsByMonth:
		s.rows = st.Months
	default:
		s.rows = st.Courses
	}
	var rows [][]string
	var bars []stackedBar
	for _, r := range s.rows {
		rows = append(rows, statCells(r))
		bars = append(bars, stackedBar{label: r.Label, values: []int{r.Male, r.Female, r.Unknown}})
	}
	s.grid.SetRows(rows, statCells(st.Total))
	s.chart.set(fmt.Sprintf("%d년 참석 인원 (%s, 완료 회차)", st.Year, s.by.Selected), bars)

	var note []string
	if r := st.Recorded; r != nil {
		if st.Total.TotalsOnly {
			note = append(note, fmt.Sprintf("%d년은 계획서의 합계만 있습니다: %d개 과정, %d회, %s명. 회차·자치구·월·성별 구분은 기록되지 않았습니다.",
				r.Year, r.Courses, r.Sessions, value.Thousands(int64(r.Participants))))
		} else {
			note = append(note, fmt.Sprintf("기록된 %d년 합계: %d개 과정, %d회, %s명 (아래 표는 입력된 회차만 셉니다).",
				r.Year, r.Courses, r.Sessions, value.Thousands(int64(r.Participants))))
		}
	}
	if !st.Total.TotalsOnly {
		note = append(note, "회차 = 예정·완료 회차, 정원·참석 = 완료 회차, 참석률 = 참석 ÷ 정원. 취소 회차는 취소 칸에만 셉니다.")
		if s.e.district != "" {
			note = append(note, s.e.district+" 회차만 셉니다 (위 자치구 선택).")
		}
	}
	s.note.SetText(strings.Join(note, "\n"))
}

// statCells writes a statistics row; rows of yearly totals have no places,
// capacity or sex.
func statCells(r store.StatRow) []string {
	n := func(v int) string { return value.Thousands(int64(v)) }
	if r.TotalsOnly {
		return []string{r.Label, n(r.Sessions), n(r.Held), "-", "-", "-", "-", "-", n(r.Total()), "-"}
	}
	return []string{r.Label, n(r.Sessions), n(r.Held), n(r.Cancelled), n(r.Places), n(r.Capacity), n(r.Male), n(r.Female), n(r.Total()), r.RateText()}
}

// stackedSeries is one kind of bar segment with its legend.
type stackedSeries struct {
	name  string
	color color.Color
}

// stackedBar is one bar: a label and a value per series, stacked.
type stackedBar struct {
	label  string
	values []int
}

// stackedBars draws horizontal stacked bars with a title, a legend, a label
// before each bar and its numbers after it.
type stackedBars struct {
	widget.BaseWidget
	title  string
	series []stackedSeries
	rows   []stackedBar
}

func newStackedBars(series []stackedSeries) *stackedBars {
	c := &stackedBars{series: series}
	c.ExtendBaseWidget(c)
	return c
}

func (c *stackedBars) set(title string, rows []stackedBar) {
	c.title, c.rows = title, rows
	c.Refresh()
}

// valueText is what follows a bar: "남 22 · 여 38 · 계 60"; series with
// nothing in any row are left out.
func (c *stackedBars) valueText(r stackedBar) string {
	var parts []string
	total := 0
	for i, v := range r.values {
		total += v
		if c.used(i) {
			parts = append(parts, fmt.Sprintf("%s %s", c.series[i].name, value.Thousands(int64(v))))
		}
	}
	if len(parts) > 1 {
		parts = append(parts, "계 "+value.Thousands(int64(total)))
	}
	return strings.Join(parts, " · ")
}

// used reports whether series i has a value in some row.
func (c *stackedBars) used(i int) bool {
	for _, r := range c.rows {
		if i < len(r.values) && r.values[i] > 0 {
			return true
		}
	}
	return false
}

func (c *stackedBars) CreateRenderer() fyne.WidgetRenderer {
	r := &stackedBarsRenderer{c: c}
	r.Refresh()
	return r
}

type stackedBarsRenderer struct {
	c    *stackedBars
	objs []fyne.CanvasObject
}

func (r *stackedBarsRenderer) lineHeight() float32 {
	return fyne.MeasureText("가", theme.TextSize(), fyne.TextStyle{}).Height
}

func (r *stackedBarsRenderer) rowHeight() float32 { return r.lineHeight() + 8 }

func (r *stackedBarsRenderer) MinSize() fyne.Size {
	n := len(r.c.rows)
	if n == 0 {
		n = 1
	}
	return fyne.NewSize(360, r.lineHeight()+12+float32(n)*r.rowHeight()+4)
}

func (r *stackedBarsRenderer) Layout(size fyne.Size) { r.build(size) }

func (r *stackedBarsRenderer) Refresh() {
	r.build(r.c.Size())
	canvas.Refresh(r.c)
}

func (r *stackedBarsRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *stackedBarsRenderer) Destroy()                     {}

// barsDrawing collects the objects of one drawing of the chart.
type barsDrawing struct {
	objs   []fyne.CanvasObject
	fg     color.Color
	ts, lh float32 // text size, line height
}

// text adds s, clipped to width w, at (x, y).
func (b *barsDrawing) text(s string, x, y, w float32, align fyne.TextAlign, bold bool) {
	t := canvas.NewText(clipText(s, w, b.ts), b.fg)
	t.TextSize = b.ts
	t.TextStyle.Bold = bold
	t.Alignment = align
	t.Move(fyne.NewPos(x, y))
	t.Resize(fyne.NewSize(w, b.lh))
	b.objs = append(b.objs, t)
}

// barGap is the space between the chart's columns and legend entries.
const barGap = 8

// build draws the chart at size: the title and legend on one line, then a
// bar a row, or a line saying there is none.
func (r *stackedBarsRenderer) build(size fyne.Size) {
	b := &barsDrawing{fg: theme.Color(theme.ColorNameForeground), ts: theme.TextSize(), lh: r.lineHeight()}
	r.drawLegend(b)
	top := b.lh + 12
	if len(r.c.rows) == 0 {
		b.text("표시할 회차가 없습니다.", 0, top, size.Width, fyne.TextAlignLeading, false)
	} else {
		r.drawBars(b, size, top)
	}
	r.objs = b.objs
}

// drawLegend draws the title and, after it, each series' colour and name.
func (r *stackedBarsRenderer) drawLegend(b *barsDrawing) {
	c := r.c
	tw := fyne.MeasureText(c.title, b.ts, fyne.TextStyle{Bold: true}).Width
	b.text(c.title, 0, 0, tw+2, fyne.TextAlignLeading, true)
	x := tw + 3*barGap
	for i, s := range c.series {
		if !c.used(i) && i >= 2 {
			continue // 성별 미상 only where some row has it
		}
		sw := canvas.NewRectangle(s.color)
		sw.Move(fyne.NewPos(x, (b.lh-12)/2))
		sw.Resize(fyne.NewSize(12, 12))
		b.objs = append(b.objs, sw)
		w := fyne.MeasureText(s.name, b.ts, fyne.TextStyle{}).Width + 2
		b.text(s.name, x+16, 0, w, fyne.TextAlignLeading, false)
		x += 16 + w + 2*barGap
	}
}

// columnWidths are the widths of the labels (up to a third of width) and
// of the numbers after the bars, and the largest row total.
func (r *stackedBarsRenderer) columnWidths(width, ts float32) (labelW, valueW float32, maxTotal int) {
	for _, row := range r.c.rows {
		labelW = max(labelW, fyne.MeasureText(row.label, ts, fyne.TextStyle{}).Width+2)
		valueW = max(valueW, fyne.MeasureText(r.c.valueText(row), ts, fyne.TextStyle{}).Width+2)
		t := 0
		for _, v := range row.values {
			t += v
		}
		maxTotal = max(maxTotal, t)
	}
	return min(labelW, width/3), valueW, maxTotal
}

// drawBars draws from top down a row each: its label, its bar stacked by
// series against an axis, and its numbers.
func (r *stackedBarsRenderer) drawBars(b *barsDrawing, size fyne.Size, top float32) {
	c := r.c
	labelW, valueW, maxTotal := r.columnWidths(size.Width, b.ts)
	barX := labelW + barGap
	barW := size.Width - barX - barGap - valueW
	if barW < 40 {
		barW = 40
	}
	rh, lh := r.rowHeight(), b.lh
	axis := canvas.NewLine(theme.Color(theme.ColorNameSeparator))
	axis.StrokeWidth = 1
	axis.Position1 = fyne.NewPos(barX, top)
	axis.Position2 = fyne.NewPos(barX, top+float32(len(c.rows))*rh)
	b.objs = append(b.objs, axis)
	for i, row := range c.rows {
		y := top + float32(i)*rh
		b.text(row.label, 0, y+(rh-lh)/2, labelW, fyne.TextAlignTrailing, false)
		x := barX
		for j, v := range row.values {
			if v <= 0 || maxTotal == 0 || j >= len(c.series) {
				continue
			}
			w := barW * float32(v) / float32(maxTotal)
			bar := canvas.NewRectangle(c.series[j].color)
			bar.Move(fyne.NewPos(x, y+3))
			bar.Resize(fyne.NewSize(w, rh-6))
			b.objs = append(b.objs, bar)
			x += w
		}
		b.text(c.valueText(row), x+barGap, y+(rh-lh)/2, valueW, fyne.TextAlignLeading, false)
	}
}
