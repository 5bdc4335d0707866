package workbook

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hyeopchi/store"
)

// TestReadCellLengthLimits: a cell longer than its column allows is
// refused at the cell; one at the limit is read.
func TestReadCellLengthLimits(t *testing.T) {
	const head = "과정,일자,장소,강사,비고\n"
	row := func(course, venue, note string) string {
		return fmt.Sprintf("%s,2017-04-05,%s,김강사,%s\n", course, venue, note)
	}
	cases := []struct {
		name, text string
		col        string // "" when it is read
	}{
		{"장소 of 200 characters is read", row("협치실행 교육", strings.Repeat("가", 200), "메모"), ""},
		{"장소 of 201 characters is refused", row("협치실행 교육", strings.Repeat("가", 201), "메모"), "장소"},
		{"과정 of 201 characters is refused", row(strings.Repeat("a", 201), "시청", "메모"), "과정"},
		{"비고 of 4,000 characters is read", row("협치실행 교육", "시청", strings.Repeat("나", 4000)), ""},
		{"비고 of 4,001 characters is refused", row("협치실행 교육", "시청", strings.Repeat("나", 4001)), "비고"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, probs := Read("교육.csv", []byte(head+c.text))
			if c.col == "" {
				if len(probs) != 0 || len(p.Sessions) != 1 {
					t.Fatalf("%d sessions, %v", len(p.Sessions), probs)
				}
				return
			}
			if len(probs) != 1 || probs[0].Row != 2 || probs[0].Column != c.col || !strings.Contains(probs[0].Message, "글자가 너무 많습니다") {
				t.Fatalf("want one problem at row 2, %s: %v", c.col, probs)
			}
			if len(p.Sessions) != 0 {
				t.Fatal("a refused row was read")
			}
		})
	}
}

// sheetWithNotes is a 혁신계획 sheet of n plans whose 비고 cells all use
// shared string number ss.
func sheetWithNotes(n, ss int) string {
	inline := func(ref, s string) string {
		return fmt.Sprintf(`<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, s)
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">`)
	for i, h := range []string{"자치구", "연도", "단계", "사업기간", "지원액", "TFT 민", "TFT 구의원", "TFT 관", "비고"} {
		b.WriteString(inline(columnLetter(i)+"1", h))
	}
	b.WriteString(`</row>`)
	for i := range n {
		r := i + 2
		fmt.Fprintf(&b, `<row r="%d">`, r)
		b.WriteString(inline(fmt.Sprintf("A%d", r), store.Districts[i%len(store.Districts)]))
		fmt.Fprintf(&b, `<c r="B%d"><v>%d</v></c>`, r, 2001+(i/len(store.Districts))%90)
		b.WriteString(inline(fmt.Sprintf("C%d", r), "수립기"))
		b.WriteString(inline(fmt.Sprintf("D%d", r), "2017.03.01 ~ 2017.12.31"))
		fmt.Fprintf(&b, `<c r="E%d"><v>100000</v></c><c r="F%d"><v>5</v></c><c r="G%d"><v>0</v></c><c r="H%d"><v>5</v></c>`, r, r, r, r)
		fmt.Fprintf(&b, `<c r="I%d" t="s"><v>%d</v></c></row>`, r, ss)
	}
	b.WriteString(`</sheetData></worksheet>`)
	return b.String()
}

// TestImportHugeSharedString: a 17 KB workbook whose one 5 MB string is
// used in 40 cells is refused at each cell, and the data file does not
// grow (it grew by hundreds of megabytes when such cells were stored).
func TestImportHugeSharedString(t *testing.T) {
	base, err := os.ReadFile(filepath.Join(fixtureDir, "good.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	ss := partOf(t, base, "xl/sharedStrings.xml")
	count := strings.Count(ss, "<si>")
	huge := strings.Replace(ss, "</sst>", "<si><t>"+strings.Repeat("협치", 5<<20/6)+"</t></si></sst>", 1)
	data := rezip(t, rezip(t, base, "xl/sharedStrings.xml", []byte(huge)), "xl/worksheets/sheet1.xml", []byte(sheetWithNotes(40, count)))
	if len(data) > 100<<10 {
		t.Fatalf("the file is %d bytes; it should be small", len(data))
	}
	_, probs := Read("huge.xlsx", data)
	if len(probs) != 40 {
		t.Fatalf("want 40 problems, one per cell, got %d: %v", len(probs), probs[:min(3, len(probs))])
	}
	for i, p := range probs {
		if p.Sheet != "혁신계획" || p.Row != i+2 || p.Column != "비고" || !strings.Contains(p.Message, "4,000자까지") {
			t.Fatalf("problem %d: %s", i, p)
		}
	}

	path := filepath.Join(t.TempDir(), "x.db")
	st, err := store.Create(path, store.EmptyData())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	before, _ := os.Stat(path)
	rep, err := ImportFiles(st, []File{{Name: "huge.xlsx", Data: data}}, false)
	if err != nil || rep.OK() || rep.Applied {
		t.Fatalf("import: %v, ok %v, applied %v", err, rep.OK(), rep.Applied)
	}
	after, _ := os.Stat(path)
	if after.Size() != before.Size() {
		t.Fatalf("the data file grew from %d to %d bytes", before.Size(), after.Size())
	}
}

// TestImportGrowthCap: one import may add at most MaxImportSize, however
// its cells keep within their limits.
func TestImportGrowthCap(t *testing.T) {
	base, err := os.ReadFile(filepath.Join(fixtureDir, "good.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	ss := partOf(t, base, "xl/sharedStrings.xml")
	count := strings.Count(ss, "<si>")
	note := strings.Replace(ss, "</sst>", "<si><t>"+strings.Repeat("가", maxNoteChars)+"</t></si></sst>", 1)
	const n = 3000 // each plan stores a 12 KB note twice (record and change log)
	data := rezip(t, rezip(t, base, "xl/sharedStrings.xml", []byte(note)), "xl/worksheets/sheet1.xml", []byte(sheetWithNotes(n, count)))
	path := filepath.Join(t.TempDir(), "x.db")
	st, err := store.Create(path, store.EmptyData())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	before, _ := os.Stat(path)
	rep, err := ImportFiles(st, []File{{Name: "big.xlsx", Data: data}}, false)
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK() || rep.Applied || len(rep.Problems) != 1 || !strings.Contains(rep.Problems[0].Message, "한 번에 가져오는 자료가 너무 큽니다") {
		t.Fatalf("want the import refused as too large: applied %v, %v", rep.Applied, rep.Problems[:min(3, len(rep.Problems))])
	}
	after, _ := os.Stat(path)
	if after.Size() != before.Size() {
		t.Fatalf("the data file grew from %d to %d bytes", before.Size(), after.Size())
	}
}
