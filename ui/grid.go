package ui

import (
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"
)

// Column describes one column of a Grid.
type Column struct {
	Title   string
	Width   float32
	Numeric bool // right-aligned, sorted by value ("1,145,622" → 1145622)
	// Keys are the record fields (store.Key…) the column shows: a rule
	// problem of one of them colours the cell (Grid.Problems).
	Keys []string
	// Checks marks the 점검 column, coloured by all of the row's problems.
	Checks bool
}

// Grid is the sortable table every list screen uses: a header row that
// sorts on tap, rows of text, an optional totals row (계) that stays last,
// and a callback with the index of the selected row in the caller's slice.
type Grid struct {
	*widget.Table
	cols  []Column
	rows  [][]string
	order []int // display position → index into rows
	total []string
	// Style may colour a cell: it gets the caller's row index.
	Style func(row, col int) widget.Importance
	// Problems, when set, gives a row's rule problems (the caller's row
	// index): a cell whose column shows a field with a problem is red for
	// an error, amber for a warning; the 점검 column takes all of them.
	Problems func(row int) store.Problems
	// OnSelect gets the caller's row index; -1 when the totals row is tapped.
	OnSelect func(row int)
	// Key is how many leading columns must show without scrolling
	// sideways (0: all of them); the layout gives the table that width.
	Key int

	sortCol int
	desc    bool
}

// NewGrid makes an empty grid with the given columns.
func NewGrid(cols ...Column) *Grid {
	g := &Grid{cols: cols, sortCol: -1}
	g.Table = widget.NewTable(g.size, g.create, g.update)
	g.Table.ShowHeaderRow = true
	g.Table.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		return b
	}
	g.Table.UpdateHeader = g.updateHeader
	g.Table.OnSelected = func(id widget.TableCellID) {
		if g.OnSelect == nil {
			return
		}
		if id.Row >= len(g.order) {
			g.OnSelect(-1)
			return
		}
		g.OnSelect(g.order[id.Row])
	}
	for i, c := range cols {
		w := c.Width
		if w == 0 {
			w = 100
		}
		g.Table.SetColumnWidth(i, w)
	}
	return g
}

// keyWidth is the width the key columns take, with the row header and the
// vertical scroll bar.
func (g *Grid) keyWidth() float32 {
	n := g.Key
	if n <= 0 || n > len(g.cols) {
		n = len(g.cols)
	}
	w := theme.ScrollBarSize() + theme.Padding()
	for _, c := range g.cols[:n] {
		if c.Width == 0 {
			w += 100
		} else {
			w += c.Width
		}
		w += theme.SeparatorThicknessSize()
	}
	return w
}

// SetRows replaces the rows and the totals row (nil for none), keeping the sort.
func (g *Grid) SetRows(rows [][]string, total []string) {
	g.rows, g.total = rows, total
	g.order = make([]int, len(rows))
	for i := range g.order {
		g.order[i] = i
	}
	g.applySort()
	g.Table.UnselectAll()
	g.Table.Refresh()
}

// Rows is the number of data rows.
func (g *Grid) Rows() int { return len(g.rows) }

// Cell is the text shown at display position (row, col); the totals row
// follows the data rows.
func (g *Grid) Cell(row, col int) string {
	if row < len(g.order) {
		return g.rows[g.order[row]][col]
	}
	if g.total != nil && row == len(g.order) {
		return g.total[col]
	}
	return ""
}

// SortBy sorts by a column; sorting by the same column again reverses it.
func (g *Grid) SortBy(col int) {
	if g.sortCol == col {
		g.desc = !g.desc
	} else {
		g.sortCol, g.desc = col, false
	}
	g.applySort()
	g.Table.UnselectAll()
	g.Table.Refresh()
}

// SelectRow selects the display row showing the caller's row index.
func (g *Grid) SelectRow(index int) {
	for pos, i := range g.order {
		if i == index {
			g.Table.Select(widget.TableCellID{Row: pos, Col: 0})
			return
		}
	}
}

func (g *Grid) applySort() {
	c := g.sortCol
	if c < 0 || c >= len(g.cols) {
		return
	}
	num := g.cols[c].Numeric
	sort.SliceStable(g.order, func(a, b int) bool {
		x, y := g.rows[g.order[a]][c], g.rows[g.order[b]][c]
		var less bool
		if num {
			less = numberOf(x) < numberOf(y)
		} else {
			less = x < y
		}
		if g.desc {
			return !less && x != y
		}
		return less
	})
}

func numberOf(s string) float64 {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	if i := strings.IndexFunc(s, func(r rune) bool { return (r < '0' || r > '9') && r != '.' && r != '-' }); i >= 0 {
		s = s[:i]
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return -1 << 62
	}
	return f
}

func (g *Grid) size() (int, int) {
	n := len(g.order)
	if g.total != nil {
		n++
	}
	return n, len(g.cols)
}

func (g *Grid) create() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func (g *Grid) update(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.Alignment = fyne.TextAlignLeading
	if g.cols[id.Col].Numeric {
		l.Alignment = fyne.TextAlignTrailing
	}
	l.Importance = widget.MediumImportance
	l.TextStyle = fyne.TextStyle{}
	if id.Row >= len(g.order) {
		l.TextStyle.Bold = true
	} else {
		l.Importance = g.Importance(g.order[id.Row], id.Col)
	}
	l.SetText(g.Cell(id.Row, id.Col))
}

// Importance is the colour of a data cell (the caller's row index): the
// Style's, else that of the row's problems in the column's fields.
func (g *Grid) Importance(row, col int) widget.Importance {
	switch {
	case g.Style != nil:
		return g.Style(row, col)
	case g.Problems != nil && col >= 0 && col < len(g.cols):
		return g.problemImportance(row, g.cols[col])
	}
	return widget.MediumImportance
}

// problemImportance is the colour of a cell of col in row: that of the
// problems of the fields the column shows.
func (g *Grid) problemImportance(row int, col Column) widget.Importance {
	ps := g.Problems(row)
	if col.Checks {
		return importanceOf(ps)
	}
	var mine store.Problems
	for _, k := range col.Keys {
		mine = append(mine, ps.Field(k)...)
	}
	return importanceOf(mine)
}

func (g *Grid) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := o.(*widget.Button)
	if id.Col < 0 || id.Col >= len(g.cols) {
		b.SetText("")
		return
	}
	t := g.cols[id.Col].Title
	if id.Col == g.sortCol {
		if g.desc {
			t += " ▼"
		} else {
			t += " ▲"
		}
	}
	col := id.Col
	b.OnTapped = func() { g.SortBy(col) }
	b.SetText(t)
}
