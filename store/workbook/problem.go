package workbook

import (
	"sort"
	"strconv"
	"strings"
)

// Problem is one thing wrong in a district file, placed where the
// coordinator can find it.
type Problem struct {
	File    string // base name of the file, e.g. 관악구.xlsx
	Sheet   string // sheet name; for a CSV the kind it holds (혁신계획, 플랫폼, 교육)
	Row     int    // 1-based spreadsheet row, or the CSV line; 0 for the whole sheet or file
	Column  string // the header text as the file has it, or the column letter; "" for a whole row
	Message string // Korean: what was found and what is expected
	Kind    string // a warning's kind in a few words ("공간 면적 미기재"), for counting
}

// String writes the problem as FILE:SHEET:ROW:COLUMN: message, leaving out
// the parts that do not apply: "x.pdf: 엑셀(xlsx) 또는 CSV 파일이 아닙니다".
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Sheet != "" {
		b.WriteString(":" + p.Sheet)
	}
	if p.Row > 0 {
		b.WriteString(":" + strconv.Itoa(p.Row))
	}
	if p.Column != "" {
		b.WriteString(":" + p.Column)
	}
	b.WriteString(": " + p.Message)
	return b.String()
}

// Error makes a Problem usable as an error.
func (p Problem) Error() string { return p.String() }

// Origin is where a record came from: the file, the sheet (for a CSV the
// kind), the row, and for each of the record's fields (by its JSON name,
// e.g. "amount", "tft_civil", "start") the header of the column it was read
// from, so that a rule the store runs later can point at the cell.
type Origin struct {
	File  string
	Sheet string
	Row   int
	Cols  map[string]string
}

// Problem places a message about one field of the record at its cell. A
// field the file had no column for is reported on the whole row.
func (o Origin) Problem(field, msg string) Problem {
	return Problem{File: o.File, Sheet: o.Sheet, Row: o.Row, Column: o.Cols[field], Message: msg}
}

// problems collects problems with the column position they were found at,
// so they can be sorted into reading order.
type problems struct {
	list []placed
}

type placed struct {
	p     Problem
	sheet int // order of the sheet in the file
	col   int // 0-based column index, -1 for none
	seq   int
}

func (ps *problems) add(sheet, col int, p Problem) {
	ps.list = append(ps.list, placed{p: p, sheet: sheet, col: col, seq: len(ps.list)})
}

func (ps *problems) len() int { return len(ps.list) }

// sorted returns the problems by sheet, row, column, then the order found.
func (ps *problems) sorted() []Problem {
	l := ps.list
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.sheet != b.sheet {
			return a.sheet < b.sheet
		}
		if a.p.Row != b.p.Row {
			return a.p.Row < b.p.Row
		}
		if a.col != b.col {
			return a.col < b.col
		}
		return a.seq < b.seq
	})
	out := make([]Problem, len(l))
	for i, x := range l {
		out[i] = x.p
	}
	return out
}

// columnLetter turns a 0-based column index into its spreadsheet letter.
func columnLetter(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}
