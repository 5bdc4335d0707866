package workbook

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// partOf is one part of a workbook, unzipped.
func partOf(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if zf.Name == name {
			rc, _ := zf.Open()
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatalf("no part %s", name)
	return ""
}

// TestReadMalformedSheetXML damages the 혁신계획 sheet of a sound workbook
// (three plans, in rows 4, 5 and 7) in each way a file gets damaged: the
// file is refused with the sheet and, where the damage is past the first
// row, the row where reading stopped; no plan is read from it.
func TestReadMalformedSheetXML(t *testing.T) {
	base, err := os.ReadFile(filepath.Join(fixtureDir, "good.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	const part = "xl/worksheets/sheet1.xml"
	sheet := partOf(t, base, part)
	if p, probs := Read("good.xlsx", base); len(probs) != 0 || len(p.Plans) != 3 {
		t.Fatalf("the base workbook: %d plans, %v", len(p.Plans), probs)
	}
	must := func(old, new string) string {
		if !strings.Contains(sheet, old) {
			t.Fatalf("the fixture has no %q", old)
		}
		return strings.Replace(sheet, old, new, 1)
	}
	doctype := func(dtd string) string {
		return strings.Replace(sheet, `?>`, "?>\n"+dtd, 1)
	}
	laughs := `<!DOCTYPE worksheet [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">` +
		`<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>`
	cases := []struct {
		name  string
		xml   string
		row   int    // 0: the whole sheet
		col   string // "" for none
		words string
	}{
		{"an undefined entity in row 7", must(`<c r="A7" t="s"><v>28</v></c>`, `<c r="A7" t="inlineStr"><is><t>&bogus;</t></is></c>`), 7, "", "정의되지 않은 엔티티"},
		{"an unclosed cell in row 7", must(`<c r="B7"><v>2016</v></c>`, `<c r="B7"><v>2016</v>`), 7, "", "태그가 제대로 닫히지 않았습니다"},
		{"garbage bytes in row 7", must(`<c r="B7"><v>2016</v></c>`, "<c r=\"B7\"><v>20\xff\xfe16</v></c>"), 7, "", "UTF-8"},
		{"a sheet cut in row 7", sheet[:strings.Index(sheet, `<c r="C7"`)], 7, "", "중간에 끊겼습니다"},
		{"a sheet cut after row 5", sheet[:strings.Index(sheet, `<row r="7"`)], 6, "", "중간에 끊겼습니다"},
		{"a binary sheet part", "\x00\x01\x02PK\x03\x04\xff\xfe garbage \x00\x00", 0, "", "처음부터 읽을 수 없습니다"},
		{"billion laughs", doctype(laughs), 0, "", "<!DOCTYPE>"},
		{"an external entity (XXE)", doctype(`<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`), 0, "", "XXE"},
		{"a shared string that is not there", must(`<c r="A7" t="s"><v>28</v></c>`, `<c r="A7" t="s"><v>9999</v></c>`), 7, "A", "공유 문자열 9999번이 파일에 없습니다"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, probs := Read("damaged.xlsx", rezip(t, base, part, []byte(c.xml)))
			if len(probs) != 1 {
				t.Fatalf("want one problem, got %d: %v", len(probs), probs)
			}
			pr := probs[0]
			if pr.File != "damaged.xlsx" || pr.Sheet != "혁신계획" || pr.Row != c.row || pr.Column != c.col || !strings.Contains(pr.Message, c.words) {
				t.Fatalf("got %q; want sheet 혁신계획, row %d, column %q, %q", pr, c.row, c.col, c.words)
			}
			if strings.Contains(pr.Message, "비어 있습니다") {
				t.Fatalf("the real reason must be named: %s", pr)
			}
			if len(p.Plans) != 0 {
				t.Fatalf("%d plans read from a damaged sheet", len(p.Plans))
			}
		})
	}
}

// TestReadMalformedParts damages the parts every sheet depends on.
func TestReadMalformedParts(t *testing.T) {
	base, err := os.ReadFile(filepath.Join(fixtureDir, "good.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	ss := partOf(t, base, "xl/sharedStrings.xml")
	wb := partOf(t, base, "xl/workbook.xml")
	for _, c := range []struct {
		name, part, xml, words string
	}{
		{"shared strings cut", "xl/sharedStrings.xml", ss[:len(ss)/2], "중간에 끊겼습니다"},
		{"shared strings with an entity", "xl/sharedStrings.xml", strings.Replace(ss, "<t>", "<t>&x;", 1), "엔티티"},
		{"shared strings with a DTD", "xl/sharedStrings.xml", strings.Replace(ss, "?>", `?><!DOCTYPE sst [<!ENTITY a "b">]>`, 1), "<!DOCTYPE>"},
		{"workbook with garbage", "xl/workbook.xml", strings.Replace(wb, "<sheets>", "<sheets>\xff\xff", 1), "UTF-8"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, probs := Read("damaged.xlsx", rezip(t, base, c.part, []byte(c.xml)))
			if len(probs) != 1 || !strings.Contains(probs[0].Message, c.words) || !strings.Contains(probs[0].Message, c.part) {
				t.Fatalf("want one problem naming %s and %q, got %v", c.part, c.words, probs)
			}
			if len(p.Plans)+len(p.Platforms)+len(p.Sessions) != 0 {
				t.Fatal("records read from a damaged workbook")
			}
		})
	}
}

// TestReadBooleanCells: a TRUE typed into 지원액 is an error at its cell,
// not an amount of 1.
func TestReadBooleanCells(t *testing.T) {
	base, err := os.ReadFile(filepath.Join(fixtureDir, "good.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	const part = "xl/worksheets/sheet1.xml"
	sheet := partOf(t, base, part)
	old := `<c r="F5"><v>167000</v></c>`
	if !strings.Contains(sheet, old) {
		t.Fatal("fixture changed")
	}
	p, probs := Read("bool.xlsx", rezip(t, base, part, []byte(strings.Replace(sheet, old, `<c r="F5" t="b"><v>1</v></c>`, 1))))
	if len(probs) != 1 || probs[0].Row != 5 || !strings.HasPrefix(probs[0].Column, "지원액") || !strings.Contains(probs[0].Message, `"TRUE"`) {
		t.Fatalf("want TRUE refused at row 5, 지원액: %v", probs)
	}
	for _, pl := range p.Plans {
		if pl.Plan.Amount == 1 {
			t.Fatal("TRUE read as 1")
		}
	}
}
