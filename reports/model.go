package reports

import (
	"fmt"

	"hyeopchi/store/value"
)

// The builders turn records into a document of sections, blocks and tables;
// the PDF and xlsx writers render that one model, so both formats show the
// same figures.

type align byte

const (
	alignLeft align = iota
	alignCenter
	alignRight
)

func (a align) pdf() string { return [...]string{"L", "C", "R"}[a] }

// cell is one table cell. text is what the PDF shows; a numeric cell also
// carries num, which the workbook stores as a number.
type cell struct {
	text    string
	num     int64
	numeric bool
	span    int // columns covered; 0 means 1
	rowspan int // header cells only; 0 means 1
	align   align
	indent  int  // levels, for budget lines
	plain   bool // a number without separators in the workbook: a year
	blank   bool // nothing in the workbook: the PDF's 미기재
}

func (c cell) cols() int {
	if c.span < 1 {
		return 1
	}
	return c.span
}

// txt is a left-aligned text cell.
func txt(s string) cell { return cell{text: s} }

// ctr is a centred text cell.
func ctr(s string) cell { return cell{text: s, align: alignCenter} }

// amt is an amount or count: separators, "-" for zero, right-aligned.
func amt(n int64) cell {
	c := cell{num: n, numeric: true, align: alignRight, text: value.Thousands(n)}
	if n == 0 {
		c.text = "-"
	}
	return c
}

// unk is a value nobody entered: 미기재 in the PDF, an empty workbook cell.
func unk() cell { return cell{text: unknown, align: alignCenter, blank: true} }

// known is c, or unk() when ok is false.
func known(c cell, ok bool) cell {
	if !ok {
		return unk()
	}
	return c
}

// num is a count of people or sessions; like amt.
func num(n int) cell { return amt(int64(n)) }

// yearCell is a year as every table's 연도 column shows it, "2016년", and
// stored in the workbook as the plain number 2016.
func yearCell(y int) cell {
	return cell{text: fmt.Sprintf("%d년", y), num: int64(y), numeric: true, plain: true, align: alignCenter}
}

// hd is a header cell.
func hd(s string, span, rowspan int) cell {
	return cell{text: s, span: span, rowspan: rowspan, align: alignCenter}
}

type row struct {
	cells []cell
	bold  bool
	shade bool
	total bool // a totals row (계): bold and shaded
	group int  // rows of one group stay on one page where they fit
}

type column struct {
	title   string // the workbook's header; the PDF's unless head is set
	numeric bool   // never wrapped; the workbook's #,##0
}

type output byte

const (
	both output = iota
	pdfOnly
	xlsxOnly
)

type table struct {
	sheet  string // workbook sheet name
	cols   []column
	head   [][]cell // the PDF header rows, repeated on every page; nil = the column titles
	rows   []row
	only   output
	unit   bool // an amount table: "(단위 : 천원)" above it
	noHead bool // the PDF draws no header: its row groups carry their own
}

func (t *table) add(cells ...cell) { t.rows = append(t.rows, row{cells: cells}) }

func (t *table) addTotal(cells ...cell) {
	t.rows = append(t.rows, row{cells: cells, total: true})
}

func (t *table) headRows() [][]cell {
	if t.head != nil {
		return t.head
	}
	h := make([]cell, len(t.cols))
	for i, c := range t.cols {
		h[i] = hd(c.title, 1, 1)
	}
	return [][]cell{h}
}

// block is a paragraph or a table.
type block struct {
	text  string
	bold  bool
	table *table
}

type section struct {
	title     string // heading; an entry of the annual report's contents
	landscape bool
	newPage   bool // start on a fresh page (annual report)
	sub       bool // a subsection in the contents (a district's profile)
	empty     bool // one line saying the year has no data of its kind
	blocks    []block
}

func (s *section) para(t string)    { s.blocks = append(s.blocks, block{text: t}) }
func (s *section) heading(t string) { s.blocks = append(s.blocks, block{text: t, bold: true}) }
func (s *section) tbl(t *table)     { s.blocks = append(s.blocks, block{table: t}) }
func (s *section) paras(ts ...string) {
	for _, t := range ts {
		s.para(t)
	}
}

type document struct {
	kind      string
	title     string
	landscape bool // first page's orientation
	cover     bool // annual: cover page, checklist and contents
	sections  []section
}
