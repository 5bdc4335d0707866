package ui

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"
)

// Owner colours of the timeline's bars. They are not status colours: a
// bar says who does it; a deadline's state is the word beside it.
var (
	colorOwnerOffice   = color.NRGBA{0x6a, 0x1b, 0x9a, 0xff} // 사무국: purple
	colorOwnerDistrict = color.NRGBA{0x00, 0x83, 0x8f, 0xff} // 자치구: teal
	colorOwnerOther    = color.NRGBA{0x75, 0x75, 0x75, 0xff}
	colorToday         = color.NRGBA{0x42, 0x42, 0x42, 0xff}
)

func ownerColor(owner string) color.Color {
	switch owner {
	case store.OwnerOffice:
		return colorOwnerOffice
	case store.OwnerDistrict:
		return colorOwnerDistrict
	}
	return colorOwnerOther
}

// Timeline geometry: a title column, then twelve month columns.
const (
	tlLabel    = 210 // title column
	tlMinMonth = 34  // narrowest month column
	tlHeader   = 26  // month names
	tlRow      = 26
	tlBar      = 14 // bar height
	tlDeadline = 6  // width of a one-day deadline's bar
)

// timeline is the year's calendar: months across, one milestone per row
// as a bar from its start to its end in its owner's colour, a deadline's
// D-day beside it, and a line for today. Tapping a row calls OnTapped.
type timeline struct {
	widget.BaseWidget
	year  int
	items []store.Milestone
	today store.Date
	// OnTapped gets the index of the tapped row.
	OnTapped func(i int)
}

func newTimeline() *timeline {
	t := &timeline{}
	t.ExtendBaseWidget(t)
	return t
}

func (t *timeline) set(year int, items []store.Milestone, today store.Date) {
	t.year, t.items, t.today = year, append([]store.Milestone(nil), items...), today
	t.Refresh()
}

// Tapped selects the row under the pointer.
func (t *timeline) Tapped(ev *fyne.PointEvent) {
	row := int((ev.Position.Y - tlHeader) / tlRow)
	if ev.Position.Y >= tlHeader && row < len(t.items) && t.OnTapped != nil {
		t.OnTapped(row)
	}
}

// monthWidth is the width of a month column when the timeline is width wide.
func monthWidth(width float32) float32 {
	return max((width-tlLabel)/12, tlMinMonth)
}

// xOf is where a date falls across the year: the start of its day, or its
// end when end is set. Dates of other years stick to the edges.
func (t *timeline) xOf(d store.Date, end bool, width float32) float32 {
	mw := monthWidth(width)
	tm := d.Time()
	switch {
	case tm.Year() < t.year:
		return tlLabel
	case tm.Year() > t.year:
		return tlLabel + 12*mw
	}
	days := float32(time.Date(tm.Year(), tm.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day())
	day := float32(tm.Day() - 1)
	if end {
		day++
	}
	return tlLabel + mw*(float32(tm.Month()-1)+day/days)
}

// span is the bar of item i: from x0 to x1.
func (t *timeline) span(i int, width float32) (x0, x1 float32) {
	m := t.items[i]
	x0 = t.xOf(m.Start, false, width)
	x1 = t.xOf(m.Due(), true, width)
	if x1-x0 < tlDeadline {
		x1 = x0 + tlDeadline
	}
	return x0, x1
}

func (t *timeline) CreateRenderer() fyne.WidgetRenderer { return &timelineRenderer{t: t} }

type timelineRenderer struct {
	t    *timeline
	size fyne.Size
	objs []fyne.CanvasObject
}

func (r *timelineRenderer) Destroy()                     {}
func (r *timelineRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *timelineRenderer) MinSize() fyne.Size {
	return fyne.NewSize(tlLabel+12*tlMinMonth, tlHeader+float32(max(len(r.t.items), 1))*tlRow+4)
}

func (r *timelineRenderer) Layout(size fyne.Size) {
	r.size = size
	r.build()
}

func (r *timelineRenderer) Refresh() {
	r.build()
	canvas.Refresh(r.t)
}

// build lays every rectangle and text out for the current size.
func (r *timelineRenderer) build() {
	t := r.t
	w := max(r.size.Width, r.MinSize().Width)
	h := max(r.size.Height, r.MinSize().Height)
	mw := monthWidth(w)
	fg := theme.ColorForWidget(theme.ColorNameForeground, t)
	grid := theme.ColorForWidget(theme.ColorNameSeparator, t)
	size := theme.SizeForWidget(theme.SizeNameText, t)
	var objs []fyne.CanvasObject
	text := func(s string, c color.Color, x, y float32, bold bool) *canvas.Text {
		tx := canvas.NewText(s, c)
		tx.TextSize = size
		tx.TextStyle.Bold = bold
		tx.Move(fyne.NewPos(x, y))
		tx.Resize(tx.MinSize())
		objs = append(objs, tx)
		return tx
	}
	// Alternate rows shaded, then month lines and names.
	for i := range t.items {
		if i%2 == 1 {
			band := canvas.NewRectangle(theme.ColorForWidget(theme.ColorNameInputBackground, t))
			band.Move(fyne.NewPos(0, tlHeader+float32(i)*tlRow))
			band.Resize(fyne.NewSize(tlLabel+12*mw, tlRow))
			objs = append(objs, band)
		}
	}
	for m := 0; m <= 12; m++ {
		x := tlLabel + float32(m)*mw
		line := canvas.NewLine(grid)
		line.Position1, line.Position2 = fyne.NewPos(x, 0), fyne.NewPos(x, h)
		objs = append(objs, line)
		if m < 12 {
			name := fmt.Sprintf("%d월", m+1)
			tw := fyne.MeasureText(name, size, fyne.TextStyle{Bold: true}).Width
			text(name, fg, x+(mw-tw)/2, 2, true)
		}
	}
	if len(t.items) == 0 {
		text(fmt.Sprintf("%d년 일정이 없습니다. [+ 새로]로 일정을 만드세요.", t.year), fg, 8, tlHeader+4, false)
	}
	for i, m := range t.items {
		y := tlHeader + float32(i)*tlRow
		text(fitText(m.Title, size, tlLabel-12), fg, 6, y+(tlRow-size)/2-2, false)
		x0, x1 := t.span(i, w)
		bar := canvas.NewRectangle(ownerColor(m.Owner))
		bar.CornerRadius = 3
		bar.Move(fyne.NewPos(x0, y+(tlRow-tlBar)/2))
		bar.Resize(fyne.NewSize(x1-x0, tlBar))
		objs = append(objs, bar)
		if m.Deadline && t.today != "" {
			st := store.DeadlineState(m.Due(), t.today)
			label := m.Due().DDay(t.today) + " " + st.String()
			c := theme.ColorForWidget(importanceColor(dueImportance(st)), t)
			lw := fyne.MeasureText(label, size*0.9, fyne.TextStyle{Bold: true}).Width
			x := x1 + 4
			if x+lw > tlLabel+12*mw { // no room after the bar: inside its end, white
				x, c = x1-4-lw, color.White
			}
			tx := text(label, c, x, y+(tlRow-size)/2-1, true)
			tx.TextSize = size * 0.9
			tx.Resize(tx.MinSize())
		}
	}
	if tm := t.today.Time(); !tm.IsZero() && tm.Year() == t.year {
		x := t.xOf(t.today, false, w)
		line := canvas.NewLine(colorToday)
		line.StrokeWidth = 2
		line.Position1, line.Position2 = fyne.NewPos(x, tlHeader-4), fyne.NewPos(x, h)
		objs = append(objs, line)
	}
	r.objs = objs
}

// fitText shortens s with "…" to fit width at the given text size.
func fitText(s string, size, width float32) string {
	if fyne.MeasureText(s, size, fyne.TextStyle{}).Width <= width {
		return s
	}
	rs := []rune(s)
	for n := len(rs) - 1; n > 0; n-- {
		if t := string(rs[:n]) + "…"; fyne.MeasureText(t, size, fyne.TextStyle{}).Width <= width {
			return t
		}
	}
	return "…"
}

// importanceColor is the theme colour a Label of that importance uses, so
// that legends and drawings match the tables' words.
func importanceColor(i widget.Importance) fyne.ThemeColorName {
	switch i {
	case widget.LowImportance:
		return theme.ColorNameDisabled
	case widget.HighImportance:
		return theme.ColorNamePrimary
	case widget.DangerImportance:
		return theme.ColorNameError
	case widget.WarningImportance:
		return theme.ColorNameWarning
	case widget.SuccessImportance:
		return theme.ColorNameSuccess
	}
	return theme.ColorNameForeground
}

func timelineLegend() fyne.CanvasObject {
	swatch := func(c color.Color, word string) fyne.CanvasObject {
		r := canvas.NewRectangle(c)
		r.CornerRadius = 3
		r.SetMinSize(fyne.NewSize(22, tlBar))
		return newLegendEntry(r, word)
	}
	today := canvas.NewRectangle(colorToday)
	today.SetMinSize(fyne.NewSize(3, tlBar))
	return newLegendRow(
		swatch(colorOwnerOffice, "사무국"), swatch(colorOwnerDistrict, "자치구"), newLegendEntry(today, "오늘"),
		widget.NewLabel("· 마감: D-day와 상태 (마감 임박 = D-7 이내)"),
	)
}
