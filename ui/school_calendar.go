package ui

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"

	"hyeopchi/store/value"
)

// monthCalendar is one month of the year as a grid of days from Sunday
// to Saturday, each day listing its sessions; tapping a day calls onDay.
// The year is the top bar's; the month is chosen with ◀ ▶ or the list.
type monthCalendar struct {
	year   int
	month  time.Month
	yearL  *widget.Label
	months *widget.Select
	prev   *widget.Button
	next   *widget.Button
	cells  [42]*dayCell
	days   *fyne.Container
	byDay  map[store.Date][]store.Session
	picked store.Date
	today  store.Date
	onDay  func(store.Date)
	// onMonth runs after the month changed (the list below follows it).
	onMonth func()
	obj     fyne.CanvasObject
}

var calMonthNames = func() []string {
	var out []string
	for m := 1; m <= 12; m++ {
		out = append(out, strconv.Itoa(m)+"월")
	}
	return out
}()

func newMonthCalendar(onDay func(store.Date), onMonth func()) *monthCalendar {
	c := &monthCalendar{month: time.April, onDay: onDay, onMonth: onMonth}
	c.yearL = widget.NewLabel("")
	c.yearL.TextStyle.Bold = true
	c.months = newSelect(calMonthNames, func(s string) {
		for i, n := range calMonthNames {
			if n == s && time.Month(i+1) != c.month {
				c.setMonth(time.Month(i + 1))
			}
		}
	})
	c.prev = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { c.setMonth(c.month - 1) })
	c.next = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { c.setMonth(c.month + 1) })
	names := container.NewGridWithColumns(7)
	c.days = container.NewGridWithColumns(7)
	for i, n := range []string{"일", "월", "화", "수", "목", "금", "토"} {
		t := canvas.NewText(n, theme.Color(theme.ColorNameForeground))
		t.Alignment = fyne.TextAlignCenter
		t.TextStyle.Bold = true
		switch i {
		case 0:
			t.Color = ColorError
		case 6:
			t.Color = ColorActive
		}
		names.Add(t)
	}
	for i := range c.cells {
		c.cells[i] = newDayCell(func(d store.Date) {
			c.pick(d)
			if c.onDay != nil {
				c.onDay(d)
			}
		})
		c.days.Add(c.cells[i])
	}
	legend := container.NewHBox(widget.NewLabel("범례:"),
		schoolSwatch(ColorActive), widget.NewLabel(string(store.SessionPlanned)),
		schoolSwatch(ColorOK), widget.NewLabel(string(store.SessionDone)),
		schoolSwatch(ColorNone), widget.NewLabel(string(store.SessionCancelled)+" (날짜를 누르면 그날 회차가 아래 목록에 나옵니다)"))
	bar := container.NewHBox(c.prev, c.yearL, c.months, c.next)
	c.obj = container.NewBorder(container.NewVBox(bar, names), legend, nil, nil, c.days)
	return c
}

// schoolSwatch is a small colour square for a legend.
func schoolSwatch(col color.Color) fyne.CanvasObject {
	r := canvas.NewRectangle(col)
	r.SetMinSize(fyne.NewSize(12, 12))
	r.CornerRadius = 2
	return container.NewCenter(r)
}

// setMonth shows month m of the calendar's year (clamped to January–December).
func (c *monthCalendar) setMonth(m time.Month) {
	if m < time.January {
		m = time.January
	}
	if m > time.December {
		m = time.December
	}
	c.month = m
	c.render()
	if c.onMonth != nil {
		c.onMonth()
	}
}

// setSessions gives the calendar the year's sessions to show.
func (c *monthCalendar) setSessions(year int, xs []store.Session, today store.Date) {
	c.year, c.today = year, today
	c.byDay = map[store.Date][]store.Session{}
	for _, x := range xs {
		c.byDay[x.Date] = append(c.byDay[x.Date], x)
	}
	if c.picked.Year() != year {
		c.picked = ""
	}
	c.render()
}

func (c *monthCalendar) pick(d store.Date) {
	c.picked = d
	c.render()
}

// first is the date shown in the top-left cell: the Sunday on or before the 1st.
func (c *monthCalendar) first() time.Time {
	t := time.Date(c.year, c.month, 1, 0, 0, 0, 0, time.UTC)
	return t.AddDate(0, 0, -int(t.Weekday()))
}

func (c *monthCalendar) render() {
	c.yearL.SetText(fmt.Sprintf("%d년", c.year))
	c.months.SetSelected(calMonthNames[c.month-1])
	if c.month == time.January {
		c.prev.Disable()
	} else {
		c.prev.Enable()
	}
	if c.month == time.December {
		c.next.Disable()
	} else {
		c.next.Enable()
	}
	start, end := store.SchoolPeriod(c.year)
	day := c.first()
	// Only the weeks the month touches: 4 to 6 rows.
	last := time.Date(c.year, c.month+1, 0, 0, 0, 0, 0, time.UTC)
	cellsShown := int(last.Sub(day).Hours()/24) + 1
	cellsShown = (cellsShown + 6) / 7 * 7
	for i, cell := range c.cells {
		if i < cellsShown {
			cell.Show()
		} else {
			cell.Hide()
		}
		d := value.DateOf(day)
		if day.Month() != c.month {
			cell.set("", 0, 0, nil, false, false, false)
		} else {
			var lines []calLine
			for _, x := range c.byDay[d] {
				lines = append(lines, sessionLine(x))
			}
			cell.set(d, day.Day(), day.Weekday(), lines, d == c.picked, d == c.today, d >= start && d <= end)
		}
		day = day.AddDate(0, 0, 1)
	}
	c.days.Refresh() // rows shown may have changed
}

// sessionLine is how a session reads in its day: "14:00 찾아가는 협치 이해교육 3회".
func sessionLine(x store.Session) calLine {
	text := x.Course
	if x.Number > 0 {
		text += fmt.Sprintf(" %d회", x.Number)
	}
	if len(x.Time) >= 5 {
		text = x.Time[:5] + " " + text
	}
	col := color.Color(ColorActive)
	switch x.Status {
	case store.SessionDone:
		col = ColorOK
	case store.SessionCancelled:
		col = ColorNone
		text = "(취소) " + text
	}
	return calLine{text: text, color: col}
}

// dayText is what the cell of day (1–31) of the shown month lists, one
// session a line (tests read it).
func (c *monthCalendar) dayText(day int) string {
	for _, cell := range c.cells {
		if cell.date != "" && cell.day == day {
			return cell.text()
		}
	}
	return ""
}

// tapDay taps the cell of day of the shown month, as the coordinator would.
func (c *monthCalendar) tapDay(day int) {
	for _, cell := range c.cells {
		if cell.date != "" && cell.day == day {
			cell.Tapped(&fyne.PointEvent{})
		}
	}
}

// calLine is one line of a day cell.
type calLine struct {
	text  string
	color color.Color
}

// dayCell is one day of the calendar: its number and its sessions, cut to
// the cell's width; "+2건" when they do not all fit.
type dayCell struct {
	widget.BaseWidget
	date     store.Date // "" for a day outside the month
	day      int
	weekday  time.Weekday
	lines    []calLine
	selected bool
	today    bool
	inPeriod bool
	onTap    func(store.Date)
}

func newDayCell(onTap func(store.Date)) *dayCell {
	c := &dayCell{onTap: onTap}
	c.ExtendBaseWidget(c)
	return c
}

func (c *dayCell) set(d store.Date, day int, wd time.Weekday, lines []calLine, selected, today, inPeriod bool) {
	c.date, c.day, c.weekday, c.lines, c.selected, c.today, c.inPeriod = d, day, wd, lines, selected, today, inPeriod
	c.Refresh()
}

func (c *dayCell) text() string {
	s := ""
	for i, l := range c.lines {
		if i > 0 {
			s += "\n"
		}
		s += l.text
	}
	return s
}

// Tapped picks the day.
func (c *dayCell) Tapped(*fyne.PointEvent) {
	if c.date != "" && c.onTap != nil {
		c.onTap(c.date)
	}
}

func (c *dayCell) CreateRenderer() fyne.WidgetRenderer {
	r := &dayCellRenderer{c: c, bg: canvas.NewRectangle(color.Transparent), num: canvas.NewText("", color.Black)}
	r.num.TextStyle.Bold = true
	r.Refresh()
	return r
}

type dayCellRenderer struct {
	c     *dayCell
	bg    *canvas.Rectangle
	num   *canvas.Text
	texts []*canvas.Text
	objs  []fyne.CanvasObject
}

func (r *dayCellRenderer) textSize() float32 { return theme.CaptionTextSize() }

func (r *dayCellRenderer) MinSize() fyne.Size {
	h := fyne.MeasureText("0", theme.TextSize(), fyne.TextStyle{Bold: true}).Height
	lh := fyne.MeasureText("가", r.textSize(), fyne.TextStyle{}).Height
	return fyne.NewSize(64, h+2*lh+6)
}

func (r *dayCellRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	r.bg.Move(fyne.NewPos(0, 0))
	const pad = 3
	numSize := fyne.MeasureText(r.num.Text, r.num.TextSize, r.num.TextStyle)
	r.num.Move(fyne.NewPos(pad+1, 1))
	r.num.Resize(numSize)
	lh := fyne.MeasureText("가", r.textSize(), fyne.TextStyle{}).Height
	y := numSize.Height + 1
	fit := int((size.Height - y - 1) / lh)
	if fit < 0 {
		fit = 0
	}
	w := size.Width - 2*pad
	// Each session on two lines when they all fit so, else on one, cut.
	var disp []calLine
	if n := len(r.c.lines); n > 0 && 2*n <= fit {
		for _, l := range r.c.lines {
			a, b := clipSplit(l.text, w, r.textSize())
			disp = append(disp, calLine{a, l.color}, calLine{clipText(b, w, r.textSize()), l.color})
		}
	} else {
		for i, l := range r.c.lines {
			if i == fit-1 && n > fit {
				disp = append(disp, calLine{fmt.Sprintf("+%d건 더", n-fit+1), theme.Color(theme.ColorNameForeground)})
				break
			}
			if i >= fit {
				break
			}
			disp = append(disp, calLine{clipText(l.text, w, r.textSize()), l.color})
		}
	}
	for i, t := range r.texts {
		t.Hide()
		if i >= len(disp) {
			continue
		}
		t.Text, t.Color = disp[i].text, disp[i].color
		t.Move(fyne.NewPos(pad, y+float32(i)*lh))
		t.Resize(fyne.NewSize(w, lh))
		t.Show()
	}
}

// clipSplit breaks text at the last space that lets the first part fit
// width; the first part is cut if no space does.
func clipSplit(text string, width, size float32) (string, string) {
	words := strings.Fields(text)
	for i := len(words) - 1; i > 0; i-- {
		head := strings.Join(words[:i], " ")
		if fyne.MeasureText(head, size, fyne.TextStyle{}).Width <= width {
			return head, strings.Join(words[i:], " ")
		}
	}
	return clipText(text, width, size), ""
}

func (r *dayCellRenderer) Refresh() {
	c := r.c
	switch {
	case c.date == "":
		r.bg.FillColor = theme.Color(theme.ColorNameDisabledButton)
	case c.selected:
		r.bg.FillColor = theme.Color(theme.ColorNameSelection)
	case c.inPeriod:
		r.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
	default:
		r.bg.FillColor = theme.Color(theme.ColorNameBackground)
	}
	r.bg.StrokeWidth = 1
	r.bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	if c.today {
		r.bg.StrokeWidth = 2
		r.bg.StrokeColor = theme.Color(theme.ColorNamePrimary)
	}
	r.num.Text = ""
	if c.date != "" {
		r.num.Text = strconv.Itoa(c.day)
	}
	r.num.TextSize = theme.TextSize()
	r.num.Color = theme.Color(theme.ColorNameForeground)
	switch c.weekday {
	case time.Sunday:
		r.num.Color = ColorError
	case time.Saturday:
		r.num.Color = ColorActive
	}
	for len(r.texts) < 2*len(c.lines) {
		r.texts = append(r.texts, canvas.NewText("", color.Black))
	}
	for _, t := range r.texts {
		t.TextSize = r.textSize()
	}
	r.objs = []fyne.CanvasObject{r.bg, r.num}
	for _, t := range r.texts {
		r.objs = append(r.objs, t)
	}
	r.Layout(c.Size())
	canvas.Refresh(c)
}

func (r *dayCellRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *dayCellRenderer) Destroy()                     {}

// clipText cuts text to width, ending it with "…" when cut.
func clipText(text string, width, size float32) string {
	if fyne.MeasureText(text, size, fyne.TextStyle{}).Width <= width {
		return text
	}
	rs := []rune(text)
	lo, hi := 0, len(rs)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(rs[:mid])+"…", size, fyne.TextStyle{}).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return ""
	}
	return string(rs[:lo]) + "…"
}
