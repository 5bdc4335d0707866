package reports

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"hyeopchi/store/value"
)

const numberFormat = "#,##0"

type xlsxStyles struct {
	head, text, formulaText, number, numberBold, plain int
	indent                                             map[int]int
	f                                                  *excelize.File
}

func (st *xlsxStyles) indented(level int, bold bool) (int, error) {
	key := level*2 + map[bool]int{false: 0, true: 1}[bold]
	if id, ok := st.indent[key]; ok {
		return id, nil
	}
	id, err := st.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: bold},
		Alignment: &excelize.Alignment{Indent: level, Vertical: "center"}})
	st.indent[key] = id
	return id, err
}

func newStyles(f *excelize.File) (*xlsxStyles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1},
	}
	nf := numberFormat
	text := 49 // "@": what is typed stays text
	specs := []*excelize.Style{
		{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE5F2"}},
			Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}},
		{Alignment: &excelize.Alignment{Vertical: "center"}},
		{NumFmt: text, Alignment: &excelize.Alignment{Vertical: "center"}},
		{CustomNumFmt: &nf, Alignment: &excelize.Alignment{Vertical: "center"}},
		{CustomNumFmt: &nf, Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "center"}},
		{NumFmt: 1, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}},
	}
	ids := make([]int, len(specs))
	for i, s := range specs {
		id, err := f.NewStyle(s)
		if err != nil {
			return nil, err
		}
		ids[i] = id
	}
	return &xlsxStyles{head: ids[0], text: ids[1], formulaText: ids[2], number: ids[3],
		numberBold: ids[4], plain: ids[5], indent: map[int]int{}, f: f}, nil
}

func renderXLSX(d *document, in *Input, w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return fmt.Errorf("%s: 엑셀 서식을 만들 수 없습니다: %w", d.title, err)
	}
	used := map[string]bool{}
	first := true
	for _, s := range d.sections {
		for _, b := range s.blocks {
			t := b.table
			if t == nil || t.only == pdfOnly || t.sheet == "" {
				continue
			}
			name := sheetName(t.sheet, used)
			if first {
				err = f.SetSheetName("Sheet1", name)
				first = false
			} else {
				_, err = f.NewSheet(name)
			}
			if err == nil {
				err = writeSheet(f, st, name, t)
			}
			if err != nil {
				return fmt.Errorf("%s: 시트 %q 을(를) 쓸 수 없습니다: %w", d.title, name, err)
			}
		}
	}
	if first { // no table at all: one sheet saying so
		name := sheetName(Title(d.kind), used)
		if err := f.SetSheetName("Sheet1", name); err != nil {
			return err
		}
		if err := f.SetCellStr(name, "A1", d.title+": 표가 없습니다"); err != nil {
			return err
		}
	}
	created := in.Generated.UTC().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: d.title, Subject: Title(d.kind), Creator: issuer(in.Settings), LastModifiedBy: issuer(in.Settings),
		Created: created, Modified: created, Language: "ko-KR",
	}); err != nil {
		return fmt.Errorf("%s: 문서 정보를 쓸 수 없습니다: %w", d.title, err)
	}
	f.SetActiveSheet(0)
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("%s: 엑셀 파일을 쓸 수 없습니다: %w", d.title, err)
	}
	return nil
}

// sheetName makes a valid, unused sheet name: at most 31 characters and
// none of : \ / ? * [ ].
func sheetName(s string, used map[string]bool) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return ' '
		}
		return r
	}, s)
	s = strings.Trim(s, "' ")
	if s == "" {
		s = "표"
	}
	cut := func(s string, n int) string {
		r := []rune(s)
		if len(r) > n {
			return string(r[:n])
		}
		return s
	}
	name := cut(s, 31)
	for i := 2; used[strings.ToLower(name)]; i++ {
		suf := fmt.Sprintf(" (%d)", i)
		name = cut(s, 31-len(suf)) + suf
	}
	used[strings.ToLower(name)] = true
	return name
}

func writeSheet(f *excelize.File, st *xlsxStyles, sheet string, t *table) error {
	widths := make([]int, len(t.cols))
	for i, c := range t.cols {
		ref, _ := excelize.CoordinatesToCellName(i+1, 1)
		if err := f.SetCellStr(sheet, ref, c.title); err != nil {
			return err
		}
		widths[i] = textWidth(c.title)
	}
	last, _ := excelize.CoordinatesToCellName(len(t.cols), 1)
	if err := f.SetCellStyle(sheet, "A1", last, st.head); err != nil {
		return err
	}
	for ri, r := range t.rows {
		y := ri + 2
		col := 0
		for _, c := range r.cells {
			if col >= len(t.cols) {
				break
			}
			if c.blank {
				col += c.cols()
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(col+1, y)
			bold := r.bold || r.total
			var style int
			var err error
			switch {
			case c.numeric:
				err = f.SetCellInt(sheet, ref, c.num)
				style = map[bool]int{false: st.number, true: st.numberBold}[bold]
				if c.plain {
					style = st.plain
				}
			default:
				// SetCellStr stores a shared string, never a formula; the
				// text format keeps it text when someone edits the cell
				err = f.SetCellStr(sheet, ref, c.text)
				switch {
				case err != nil:
				case formulaLike(c.text):
					style = st.formulaText
				case c.indent > 0 || bold:
					style, err = st.indented(c.indent, bold)
				default:
					style = st.text
				}
				widths[col] = max(widths[col], textWidth(c.text)+2*c.indent)
			}
			if err != nil {
				return err
			}
			if c.numeric {
				widths[col] = max(widths[col], len(value.Thousands(c.num))+1)
			}
			if err := f.SetCellStyle(sheet, ref, ref, style); err != nil {
				return err
			}
			col += c.cols()
		}
	}
	for i, w := range widths {
		name, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, name, name, float64(min(max(w, 6), 60))+2); err != nil {
			return err
		}
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}})
}

// textWidth approximates a column width in characters: Hangul counts two.
func textWidth(s string) int {
	w := 0
	for _, line := range strings.Split(s, "\n") {
		n := 0
		for _, r := range line {
			if utf8.RuneLen(r) > 1 {
				n += 2
			} else {
				n++
			}
		}
		w = max(w, n)
	}
	return w
}
