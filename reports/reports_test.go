package reports

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"hyeopchi/store"

	"hyeopchi/store/value"
)

var docsDir = flag.String("docs", "", "also write page 1 of each report as PNG into this directory")

type reportCase struct {
	kind     string
	year     int
	district string
	want     []string // found in pdftotext -layout, spaces ignored
}

var planCases = []reportCase{
	{KindPlans, 2016, "", []string{"2016년 지역사회혁신계획 현황", "1,145,622", "200,000", "167,000", "152,725", "96,897",
		"자치구명", "지원(교부)액", "민관TFT 구성", "구의원", "(8개월)", "(6개월)", "(10개월)", "79,000"}},
	{KindPlatforms, 2016, "", []string{"899,976", "99,976", "강북마을모임", "김성훈", "강북구사회적경제통합지원센터",
		"이상훈(강북마을 부대표)", "※ 지원액 : 자치구별 100,000천원 지원 (단, 강북구의 경우만 99,976천원 지원)",
		"전체 지원액 합계 : 899,976천원", "010-****-6789", "l***@gangbuk.kr", "대표자 명", "플랫폼책임자"}},
	{KindSchool, 2017, "", []string{"1,563", "찾아가는 협치 이해교육", "지역협치 책임자 교육", "협치실행 교육",
		"참석 인원", "관악구", "5,500", "2016년"}},
	{KindBudget, 2017, "", []string{"4,000,270", "300,270", "3,700,000", "2,293,420", "1,543,100", "163,750",
		"100,750", "63,000", "사무관리비", "자치단체 경상보조", "집행(약정)", "잔액", "567,345", "3,432,925",
		"1,950,000", "‘17년 예산"}},
	{KindDistrict, 2017, "관악구", []string{"2017년 관악구 지역협치 현황", "167,000", "250,000", "(사)관악주민연대",
		"홍선(관악사회복지 운영위원장)", "관악구_본계획_초안.xlsx", "협치관악구회의", "협치관악 추진단", "채용",
		"네트워크 참여 단체 수", "관악구청 대강당", "22개월"}},
	{KindAnnual, 2017, "", []string{"1,145,622", "899,976", "4,000,270", "목 차", "사전 검토항목", "성인지",
		"<참고1> 2016년도 지역사회혁신계획 사업 선정 결과", "<참고2> 2016년도 시민협력플랫폼 선정 단체 현황",
		"자치구별 현황", "관악구 지역협치 현황", "추진 일정", "■", "□"}},
}

func squeeze(s string) string {
	return strings.Join(strings.Fields(s), "")
}

func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

func makePDF(t *testing.T, c reportCase) (string, int) {
	t.Helper()
	var buf bytes.Buffer
	pages, err := PDF(c.kind, planInput(c.kind, c.year, c.district), &buf)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), c.kind+".pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, pages
}

func TestPDFReportsCarryThePlansFigures(t *testing.T) {
	for _, c := range planCases {
		t.Run(c.kind, func(t *testing.T) {
			path, pages := makePDF(t, c)
			text := tool(t, "pdftotext", "-layout", path, "-")
			flat := squeeze(text)
			want := append([]string{"(단위 : 천원)", "문서번호", "지역공동체담당관-2053", "결재일자", "2017.2.22.",
				"공개여부", "대시민공개", "방침번호", "정무부시장 방침 제7호", "2017. 2.", "서울특별시 (지역공동체담당관)", "협조"}, DefaultApprovalLine()...)
			if c.kind == KindSchool {
				want = want[1:] // no amount table but the events'
				want = append(want, "(단위 : 천원)")
			}
			for _, w := range append(want, c.want...) {
				if !strings.Contains(flat, squeeze(w)) {
					t.Errorf("%s: %q not in the text", c.kind, w)
				}
			}
			// every page numbered "- i / n -"
			got := regexp.MustCompile(`- (\d+) / (\d+) -`).FindAllStringSubmatch(text, -1)
			if len(got) != pages {
				t.Fatalf("%d page numbers for %d pages", len(got), pages)
			}
			for i, m := range got {
				if m[1] != fmt.Sprint(i+1) || m[2] != fmt.Sprint(pages) {
					t.Errorf("page %d footer reads %q", i+1, m[0])
				}
			}
			if n := strings.Count(text, "\f"); n != pages {
				t.Errorf("pdftotext sees %d pages, PDF returned %d", n, pages)
			}
			// contact data never in the clear
			for _, raw := range []string{"2345-6789", "lee.sh@"} {
				if strings.Contains(text, raw) {
					t.Errorf("contact %q printed unmasked", raw)
				}
			}
		})
	}
}

func TestPDFIsValidWithEmbeddedFontsAndProperties(t *testing.T) {
	for _, c := range planCases {
		t.Run(c.kind, func(t *testing.T) {
			path, _ := makePDF(t, c)
			if out := tool(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors found") {
				t.Errorf("qpdf --check:\n%s", out)
			}
			fonts := strings.Split(strings.TrimSpace(tool(t, "pdffonts", path)), "\n")
			if len(fonts) < 4 {
				t.Fatalf("pdffonts lists no fonts:\n%s", strings.Join(fonts, "\n"))
			}
			var regular, bold bool
			for _, l := range fonts[2:] {
				f := strings.Fields(l)
				// name type... emb sub uni object ID: emb is the 5th field from the end
				if emb := f[len(f)-5]; emb != "yes" {
					t.Errorf("font not embedded: %s", l)
				}
				// gofpdf names the subsets utf8nanumgothic and utf8nanumgothicB
				name := strings.ToLower(f[0])
				regular = regular || strings.HasSuffix(name, "nanumgothic")
				bold = bold || strings.HasSuffix(name, "nanumgothicb")
			}
			if !regular || !bold {
				t.Errorf("want NanumGothic regular and bold, got:\n%s", strings.Join(fonts, "\n"))
			}
			info := tool(t, "pdfinfo", "-isodates", path)
			in := planInput(c.kind, c.year, c.district)
			for _, w := range []string{"Title: " + DocumentTitle(c.kind, in),
				"Author: 서울특별시 (지역공동체담당관)", "CreationDate: 2017-02-22T10:00:00Z",
				"Producer: hyeopchi"} {
				if !strings.Contains(squeeze(info), squeeze(w)) {
					t.Errorf("pdfinfo lacks %q:\n%s", w, info)
				}
			}
		})
	}
}

func TestSameInputSameBytes(t *testing.T) {
	for _, kind := range []string{KindPlatforms, KindAnnual} {
		var a, b bytes.Buffer
		in := planInput(kind, 2017, "")
		if _, err := PDF(kind, in, &a); err != nil {
			t.Fatal(err)
		}
		if _, err := PDF(kind, planInput(kind, 2017, ""), &b); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: two runs on the same input differ", kind)
		}
	}
}

func TestLandscapeForWideTables(t *testing.T) {
	for _, c := range []struct {
		kind string
		size string
	}{{KindPlans, "841.89 x 595.28"}, {KindBudget, "595.28 x 841.89"}, {KindSchool, "841.89 x 595.28"}} {
		path, _ := makePDF(t, reportCase{kind: c.kind, year: 2016})
		if info := tool(t, "pdfinfo", path); !strings.Contains(info, c.size) {
			t.Errorf("%s: want page size %s:\n%s", c.kind, c.size, info)
		}
	}
}

// A cell far longer than a page wraps, runs on over pages under repeated
// headers, and loses nothing.
func TestLongTextWrapsAcrossPages(t *testing.T) {
	in := planInput(KindSchool, 2017, "")
	var words []string
	for i := 1; i <= 600; i++ {
		words = append(words, fmt.Sprintf("장소%03d", i))
	}
	in.Sessions[0].Venue = strings.Join(words, " ")
	in.Sessions[1].Instructor = strings.Repeat("아주긴강사이름", 12) // one word wider than its column
	var buf bytes.Buffer
	pages, err := PDF(KindSchool, in, &buf)
	if err != nil {
		t.Fatal(err)
	}
	if pages < 4 {
		t.Errorf("600 words in one cell: want at least 4 pages, got %d", pages)
	}
	path := filepath.Join(t.TempDir(), "long.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	text := tool(t, "pdftotext", "-layout", path, "-")
	pos := 0
	for _, w := range words {
		i := strings.Index(text[pos:], w)
		if i < 0 {
			t.Fatalf("%s missing or out of order", w)
		}
		pos += i + len(w)
	}
	if got := strings.Count(squeeze(text), "참석인원"); got < pages-1 {
		t.Errorf("header repeated on %d of %d pages", got, pages)
	}
	// the word broken over lines: every piece is there ("름" ends each copy)
	if n := strings.Count(text, "름"); n != 12 {
		t.Errorf("long word: %d of 12 copies", n)
	}
}

func TestWrapNeverExceedsWidthNorDropsText(t *testing.T) {
	in := planInput(KindPlans, 2016, "")
	p := &pdfWriter{in: &in, widths: [2]map[rune]int{{}, {}}}
	p.f = newFpdf()
	p.setFont(false, bodySize)
	cases := []struct {
		name string
		text string
		w    float64
	}{
		{"fields at slashes", "교육/주민자치/문화예술/도시재생/환경/공동체/복지/사경", 30},
		{"period at spaces", "2016-11-01 ~ 2017-06-30 (8개월)", 25},
		{"one long word", "동대문구자치구마을생태계조성사업단", 15},
		{"narrower than a letter", "가나다", 1},
		{"fits", "관악구", 50},
		{"new lines kept", "첫 줄\n둘째 줄", 50},
		{"emoji becomes ?", "행사 🎉 안내", 50},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lines := p.wrap(c.text, c.w)
			for _, l := range lines {
				if p.width(l) > c.w && len([]rune(l)) > 1 {
					t.Errorf("line %q is %.1f mm, wider than %.1f", l, p.width(l), c.w)
				}
			}
			if got, want := squeeze(strings.Join(lines, "")), squeeze(clean(c.text)); got != want {
				t.Errorf("text changed: %q → %q", want, got)
			}
		})
	}
}

func TestMaskContact(t *testing.T) {
	cases := []struct{ in, want string }{
		{"010-1234-5678", "010-****-5678"},
		{"02-2133-6366", "02-****-6366"},
		{"01012345678", "010****5678"},
		{"a.kim@seoul.go.kr", "a***@seoul.go.kr"},
		{"김지현 02-2133-6366, jh@x.kr", "김지현 02-****-6366, j***@x.kr"},
		{"", ""},
		{"사무실 방문", "사무실 방문"},
	}
	for _, c := range cases {
		if got := value.MaskContact(c.in); got != c.want {
			t.Errorf("value.MaskContact(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestGrantNoteFromData(t *testing.T) {
	p := func(d string, g int64) store.Platform { return store.Platform{District: d, Grant: g} }
	cases := []struct {
		name string
		ps   []store.Platform
		want string
	}{
		{"the plan's: one exception", platforms2016(),
			"※ 지원액 : 자치구별 100,000천원 지원 (단, 강북구의 경우만 99,976천원 지원)|   - 전체 지원액 합계 : 899,976천원"},
		{"all equal", []store.Platform{p("마포구", 100000), p("관악구", 100000)},
			"※ 지원액 : 자치구별 100,000천원 지원|   - 전체 지원액 합계 : 200,000천원"},
		{"two exceptions", []store.Platform{p("마포구", 100000), p("관악구", 100000), p("강북구", 90000), p("은평구", 80000)},
			"※ 지원액 : 자치구별 100,000천원 지원 (단, 강북구 90,000천원, 은평구 80,000천원 지원)|   - 전체 지원액 합계 : 370,000천원"},
	}
	for _, c := range cases {
		if got := strings.Join(grantNote(c.ps), "|"); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

func TestBudgetTreeSumsAndCommitted(t *testing.T) {
	in := planInput(KindBudget, 2017, "")
	roots := budgetTree(&in)
	if len(roots) != 3 {
		t.Fatalf("want 3 top lines, got %d", len(roots))
	}
	want := []struct {
		name                     string
		office, grant, committed int64
		children                 int
	}{
		{"지역사회혁신계획 수립・실행 지원", 93420, 2200000, 250000, 2},
		{"시민협력플랫폼 지원", 43100, 1500000, 300000, 2},
		{"지역협치 기반조성", 163750, 0, 17345, 2},
	}
	for i, w := range want {
		r := roots[i]
		if r.line.Name != w.name || r.office != w.office || r.grant != w.grant || r.committed != w.committed || len(r.children) != w.children {
			t.Errorf("line %d: got %s %d %d %d (%d children), want %+v", i, r.line.Name, r.office, r.grant, r.committed, len(r.children), w)
		}
	}
	if sub := roots[2].children[1]; sub.office != 63000 || len(sub.children) != 4 {
		t.Errorf("지역협치 활성화 연계 지원: %d with %d children, want 63,000 with 4", sub.office, len(sub.children))
	}
	// a cycle does not hang and keeps every line
	in.Budget = []store.BudgetLine{{Year: 2017, Name: "가", Parent: "나", OfficeCost: 1}, {Year: 2017, Name: "나", Parent: "가", OfficeCost: 2}}
	if roots := budgetTree(&in); len(roots) != 2 {
		t.Errorf("cycle: want both lines as top lines, got %d", len(roots))
	}
}

func TestRequestErrors(t *testing.T) {
	cases := []struct {
		name, kind, district string
		year                 int
		want                 string
	}{
		{"unknown kind", "summary", "", 2017, `보고서 종류 "summary" 을(를) 알 수 없습니다`},
		{"district needs one", KindDistrict, "", 2017, "자치구를 선택하세요"},
		{"unknown district", KindPlans, "판교구", 2017, `자치구 "판교구" 을(를) 알 수 없습니다`},
	}
	for _, c := range cases {
		in := planInput(c.kind, c.year, c.district)
		_, err := PDF(c.kind, in, io.Discard)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", c.name, err, c.want)
		}
		if err := XLSX(c.kind, in, io.Discard); err == nil {
			t.Errorf("%s: XLSX accepted it", c.name)
		}
	}
	// a short district name is accepted and written in full
	in := planInput(KindDistrict, 2017, "관악")
	if got := DocumentTitle(KindDistrict, in); got != "2017년 관악구 지역협치 현황" {
		t.Errorf("title %q", got)
	}
	if got := FileName(KindPlans, planInput(KindPlans, 2016, "관악구"), "pdf"); got != "2016년_지역사회혁신계획_현황_관악구.pdf" {
		t.Errorf("file name %q", got)
	}
}

func TestEmptyYearStillMakesADocument(t *testing.T) {
	in := Input{Year: 2030, Generated: generated}
	for _, kind := range Kinds {
		if kind == KindDistrict {
			in.District = "중구"
		}
		var buf bytes.Buffer
		if _, err := PDF(kind, in, &buf); err != nil || buf.Len() == 0 {
			t.Errorf("%s: %v", kind, err)
		}
		if err := XLSX(kind, in, io.Discard); err != nil {
			t.Errorf("%s xlsx: %v", kind, err)
		}
	}
}

func openXLSX(t *testing.T, kind string, year int, district string) (*excelize.File, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := XLSX(kind, planInput(kind, year, district), &buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f, buf.Bytes()
}

func TestXLSXTables(t *testing.T) {
	f, _ := openXLSX(t, KindPlans, 2016, "")
	if got := f.GetSheetList(); len(got) != 1 || got[0] != "혁신계획" {
		t.Fatalf("sheets %v", got)
	}
	rows, err := f.GetRows("혁신계획")
	if err != nil {
		t.Fatal(err)
	}
	if rows[0][0] != "자치구명" || rows[0][3] != "지원(교부)액(천원)" {
		t.Errorf("header %v", rows[0])
	}
	if len(rows) != 10 || rows[9][0] != "계" {
		t.Fatalf("want 8 plans and 계 under the header, got %d rows", len(rows))
	}
	checkPlanAmountCells(t, f)
	checkPlanSheetLook(t, f)
	checkBudgetSheet(t)
}

// checkPlanAmountCells: amounts are numbers formatted #,##0; the total is
// a value.
func checkPlanAmountCells(t *testing.T, f *excelize.File) {
	t.Helper()
	for _, ref := range []string{"D2", "D10"} {
		raw, _ := f.GetCellValue("혁신계획", ref, excelize.Options{RawCellValue: true})
		shown, _ := f.GetCellValue("혁신계획", ref)
		if ref == "D10" && (raw != "1145622" || shown != "1,145,622") {
			t.Errorf("total: raw %q shown %q", raw, shown)
		}
		if formula, _ := f.GetCellFormula("혁신계획", ref); formula != "" {
			t.Errorf("%s is a formula %q", ref, formula)
		}
		id, _ := f.GetCellStyle("혁신계획", ref)
		st, _ := f.GetStyle(id)
		if st.CustomNumFmt == nil || *st.CustomNumFmt != "#,##0" {
			t.Errorf("%s number format %v", ref, st.CustomNumFmt)
		}
	}
}

// checkPlanSheetLook: the header is bold on a fill and frozen, and the
// document's title and author are the report's.
func checkPlanSheetLook(t *testing.T, f *excelize.File) {
	t.Helper()
	hid, _ := f.GetCellStyle("혁신계획", "A1")
	if hs, _ := f.GetStyle(hid); hs.Font == nil || !hs.Font.Bold || len(hs.Fill.Color) == 0 {
		t.Errorf("header style not bold with a fill: %+v", hs)
	}
	panes, err := f.GetPanes("혁신계획")
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
		t.Errorf("header row not frozen: %+v %v", panes, err)
	}
	props, _ := f.GetDocProps()
	if props.Title != "2016년 지역사회혁신계획 현황" || props.Creator != "서울특별시 (지역공동체담당관)" {
		t.Errorf("doc props %+v", props)
	}
}

// checkBudgetSheet: 2017's budget sheet ends with its totals, and a child
// line is indented.
func checkBudgetSheet(t *testing.T) {
	t.Helper()
	f, _ := openXLSX(t, KindBudget, 2017, "")
	rows, _ := f.GetRows("사업비")
	last := rows[len(rows)-1]
	if last[0] != "계" || last[3] != "4,000,270" || last[4] != "567,345" || last[5] != "3,432,925" {
		t.Errorf("budget total row %v", last)
	}
	id, _ := f.GetCellStyle("사업비", "A3")
	if st, _ := f.GetStyle(id); st.Alignment == nil || st.Alignment.Indent != 1 {
		t.Errorf("child line not indented: %+v", st.Alignment)
	}
}

// Text a spreadsheet would run as a formula is stored as a string.
func TestXLSXFormulaInjectionStaysText(t *testing.T) {
	f, raw := openXLSX(t, KindSchool, 2017, "")
	rows, err := f.GetRows("행사")
	if err != nil {
		t.Fatal(err)
	}
	var found int
	for ri, r := range rows {
		for ci, v := range r {
			if !formulaLike(v) {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(ci+1, ri+1)
			if fm, _ := f.GetCellFormula("행사", ref); fm != "" {
				t.Errorf("%s became a formula: %q", ref, fm)
			}
			id, _ := f.GetCellStyle("행사", ref)
			if st, _ := f.GetStyle(id); st.NumFmt != 49 {
				t.Errorf("%s %q not in text format (%d)", ref, v, st.NumFmt)
			}
			found++
		}
	}
	if found != 2 {
		t.Errorf("want the two formula-like texts, found %d", found)
	}
	// in the file itself: shared strings, and no formula anywhere
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	var sheets, shared string
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		switch {
		case strings.HasPrefix(zf.Name, "xl/worksheets/sheet"):
			sheets += string(b)
		case zf.Name == "xl/sharedStrings.xml":
			shared = string(b)
		}
	}
	if strings.Contains(sheets, "<f>") || strings.Contains(sheets, "<f ") {
		t.Error("a worksheet holds a formula")
	}
	if !strings.Contains(shared, "=HYPERLINK(&#34;http://evil.example&#34;") && !strings.Contains(shared, "=HYPERLINK(&quot;http://evil.example&quot;") {
		t.Errorf("injected text not a shared string")
	}
	if regexp.MustCompile(`<c r="B3"[^>]*t="s"`).FindString(sheets) == "" {
		t.Errorf("B3 not stored as a shared string")
	}
}

func TestXLSXAnnualSheetsAreUnique(t *testing.T) {
	f, _ := openXLSX(t, KindAnnual, 2017, "")
	seen := map[string]bool{}
	for _, s := range f.GetSheetList() {
		if seen[s] || len([]rune(s)) > 31 {
			t.Errorf("bad sheet name %q", s)
		}
		seen[s] = true
	}
	for _, w := range []string{"혁신계획", "플랫폼 지원", "사업비", "자치구별", "2016년 혁신계획", "2016년 플랫폼 구성"} {
		if !seen[w] {
			t.Errorf("no sheet %q in %v", w, f.GetSheetList())
		}
	}
	rows, _ := f.GetRows("2016년 플랫폼 구성")
	for _, r := range rows {
		for _, v := range r {
			if strings.Contains(v, "2345-6789") || strings.Contains(v, "lee.sh@") {
				t.Errorf("unmasked contact %q", v)
			}
		}
	}
}

// Page 1 of every report as a picture: made and checked here, kept under
// docs/reports with -docs ../docs/reports.
func TestPageImages(t *testing.T) {
	dir := t.TempDir()
	for _, c := range planCases {
		path, _ := makePDF(t, c)
		prefix := filepath.Join(dir, c.kind)
		tool(t, "pdftoppm", "-r", "60", "-f", "1", "-l", "1", "-png", "-singlefile", path, prefix)
		b, err := os.ReadFile(prefix + ".png")
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if w, h := img.Bounds().Dx(), img.Bounds().Dy(); !(w == 497 && h == 702 || w == 702 && h == 497) {
			t.Errorf("%s: page 1 is %dx%d, want A4 at 60 dpi", c.kind, w, h)
		}
		if *docsDir != "" {
			if err := os.WriteFile(filepath.Join(*docsDir, c.kind+".png"), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// The contents give the page each section starts on.
func TestContentsPointAtSectionStarts(t *testing.T) {
	for _, in := range []Input{planInput(KindAnnual, 2017, ""), synthetic(3)} {
		var buf bytes.Buffer
		if _, err := PDF(KindAnnual, in, &buf); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "annual.pdf")
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		pages := strings.Split(tool(t, "pdftotext", "-layout", path, "-"), "\f")
		entry := regexp.MustCompile(`^\s*(\S.*?)\s+(\d+)\s*$`)
		d, err := build(KindAnnual, &in)
		if err != nil {
			t.Fatal(err)
		}
		var checked int
		// the contents follow the cover and the checklist
		toc := strings.Join(pages[2:2+tocPages(len(d.sections))], "\n")
		for _, line := range strings.Split(toc, "\n") {
			m := entry.FindStringSubmatch(line)
			if m == nil || strings.HasPrefix(strings.TrimSpace(line), "-") {
				continue
			}
			var n int
			fmt.Sscan(m[2], &n)
			if n < 1 || n > len(pages) {
				t.Errorf("%q points past the end", line)
				continue
			}
			top := squeeze(strings.SplitN(strings.TrimSpace(pages[n-1]), "\n", 2)[0])
			s := d.sections[checked]
			if !strings.HasPrefix(squeeze(s.title), squeeze(m[1])) {
				t.Errorf("contents line %d reads %q, the section is %q", checked+1, m[1], s.title)
			}
			switch {
			case s.newPage && !strings.HasPrefix(top, squeeze(m[1])):
				t.Errorf("contents say %q starts on page %d, which starts %q", m[1], n, top)
			case !s.newPage && !hasLine(pages[n-1], s.title):
				t.Errorf("contents say %q starts on page %d, which lacks it", m[1], n)
			case !s.newPage && n > 1 && hasLine(pages[n-2], s.title):
				t.Errorf("contents say %q starts on page %d, it is already on page %d", m[1], n, n-1)
			}
			checked++
		}
		if checked != len(d.sections) {
			t.Errorf("%d contents lines for %d sections", checked, len(d.sections))
		}
	}
}

func TestXLSXYearsArePlainNumbers(t *testing.T) {
	f, _ := openXLSX(t, KindDistrict, 2017, "관악구")
	raw, _ := f.GetCellValue("혁신계획 이력", "A2", excelize.Options{RawCellValue: true})
	shown, _ := f.GetCellValue("혁신계획 이력", "A2")
	if raw != "2016" || shown != "2016" {
		t.Errorf("year raw %q shown %q", raw, shown)
	}
}

// A table with no rows for the year says so instead of looking broken.
func TestEmptyTableSaysSo(t *testing.T) {
	in := planInput(KindPlans, 2030, "")
	var buf bytes.Buffer
	if _, err := PDF(KindPlans, in, &buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "empty.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if text := tool(t, "pdftotext", "-layout", path, "-"); !strings.Contains(text, "해당 자료가 없습니다") {
		t.Fatalf("an empty year's table does not say so:\n%s", text)
	}
}

// hasLine reports whether a page has a line that reads title.
func hasLine(page, title string) bool {
	for _, l := range strings.Split(page, "\n") {
		if squeeze(l) == squeeze(title) {
			return true
		}
	}
	return false
}
