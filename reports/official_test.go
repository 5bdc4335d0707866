package reports

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/xuri/excelize/v2"

	"hyeopchi/store"
)

// Reports as a reviewer on the 결재 line reads them, exported from a fresh
// `init` database (a real bbolt file with the plan's data).

var exportDay = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

// freshInput is the plan's data as `hyeopchi init` stores it, read back
// as the CLI reads it.
func freshInput(t *testing.T, year int, district string) Input {
	t.Helper()
	st, err := store.Create(filepath.Join(t.TempDir(), "fresh.db"), store.SeedData())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	data, err := st.ReportData()
	if err != nil {
		t.Fatal(err)
	}
	return FromDataset(data.Dataset, data.Submissions, data.Budget, year, district, exportDay)
}

type exported struct {
	kind, district string
	year           int
	pages          []string // pdftotext -layout, one string a page (footer included)
	text           string
	path           string
}

func exportFresh(t *testing.T, kind string, year int, district string) exported {
	t.Helper()
	var buf bytes.Buffer
	n, err := PDF(kind, freshInput(t, year, district), &buf)
	if err != nil {
		t.Fatalf("%s %d %s: %v", kind, year, district, err)
	}
	path := filepath.Join(t.TempDir(), kind+".pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	text := tool(t, "pdftotext", "-layout", path, "-")
	pages := strings.Split(strings.TrimSuffix(text, "\f"), "\f")
	if len(pages) != n {
		t.Fatalf("%s: pdftotext sees %d pages, PDF returned %d", kind, len(pages), n)
	}
	return exported{kind: kind, district: district, year: year, pages: pages, text: text, path: path}
}

// everyReport is each report for 2016 and 2017, and the district profile
// of 관악구 (plan and platform), 강북구 (platform only) and 도봉구 (plan and
// the ordinance).
func everyReport(t *testing.T) []exported {
	t.Helper()
	everyOnce.Do(func() { every = exportEvery(t) })
	if len(every) == 0 {
		t.Fatal("the reports could not be exported")
	}
	return every
}

var (
	everyOnce sync.Once
	every     []exported // made once: several tests read them
)

func exportEvery(t *testing.T) []exported {
	t.Helper()
	var out []exported
	for _, y := range []int{2016, 2017} {
		for _, k := range Kinds {
			if k == KindDistrict {
				for _, d := range []string{"관악구", "강북구", "도봉구"} {
					out = append(out, exportFresh(t, k, y, d))
				}
				continue
			}
			out = append(out, exportFresh(t, k, y, ""))
		}
	}
	return out
}

func (e exported) name() string {
	return strings.TrimSpace(e.kind + " " + e.district + " " + string(rune('0'+e.year%10)))
}

func TestEveryCharacterIsDrawable(t *testing.T) {
	for _, e := range everyReport(t) {
		for _, r := range e.text {
			if unicode.IsSpace(r) || r == '\f' {
				continue
			}
			if !drawable(r) {
				t.Errorf("%s %d: %U %q is not in the embedded fonts", e.kind, e.year, r, r)
			}
		}
	}
	// the plan's look-alikes print as the middle dot the fonts have
	annual := exportFresh(t, KindAnnual, 2017, "")
	for _, w := range []string{"영문 제목·요약", "구축·운영"} {
		if !strings.Contains(annual.text, w) {
			t.Errorf("annual 2017 lacks %q", w)
		}
	}
	// anything else fails the export (in tests; "?" for the coordinator)
	in := freshInput(t, 2017, "")
	in.Events = append(in.Events, store.Event{Year: 2017, Kind: "정책토론회", Title: "토론회 🎉", Date: "2017-05-01"})
	_, err := PDF(KindSchool, in, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "U+1F389") || !strings.Contains(err.Error(), "내장 글꼴에 없는 글자") {
		t.Fatalf("an undrawable character: %v", err)
	}
}

func TestSchool2016HeadlineUsesRecordedTotals(t *testing.T) {
	for _, e := range []exported{exportFresh(t, KindSchool, 2016, ""), exportFresh(t, KindAnnual, 2016, "")} {
		flat := squeeze(e.text)
		if !strings.Contains(flat, squeeze("□ 2016년 협치학교 : 5개 과정, 24회 운영, 참석 1,563명")) {
			t.Errorf("%s: headline not from the recorded totals:\n%s", e.kind, e.text)
		}
		if strings.Contains(flat, "0개과정") || strings.Contains(flat, "참석0명") {
			t.Errorf("%s: a zero headline is printed", e.kind)
		}
	}
}

func TestNoRosterTwice(t *testing.T) {
	for _, e := range []exported{exportFresh(t, KindAnnual, 2016, ""), exportFresh(t, KindDistrict, 2016, "강북구")} {
		// 강북구's lead organisation appears once in its profile, once in
		// the platforms section of the annual report
		want := 1
		if e.kind == KindAnnual {
			want = 2
		}
		if n := strings.Count(e.text, "강북마을모임"); n != want {
			t.Errorf("%s: 강북마을모임 printed %d times, want %d", e.kind, n, want)
		}
		if strings.Contains(e.text, "연락처") {
			t.Errorf("%s: an empty 연락처 column is printed", e.kind)
		}
	}
}

func TestEmptyBudgetAndScheduleSayOneLine(t *testing.T) {
	annual := exportFresh(t, KindAnnual, 2016, "")
	for _, w := range []string{"해당 연도 예산 자료 없음", "해당 연도 일정 자료 없음"} {
		if !strings.Contains(annual.text, w) {
			t.Errorf("annual 2016 lacks %q", w)
		}
	}
	if strings.Contains(squeeze(annual.text), "예산0천원") {
		t.Error("annual 2016 prints a 0 budget")
	}
	// the two one-liners share a page with what precedes them
	for i, p := range annual.pages {
		if strings.Contains(p, "해당 연도 예산 자료 없음") && strings.Contains(p, "해당 연도 일정 자료 없음") {
			if len(nonEmptyLines(p)) < 5 {
				t.Errorf("page %d holds little but the two empty sections:\n%s", i+1, p)
			}
		}
	}
	budget := exportFresh(t, KindBudget, 2016, "")
	if !strings.Contains(budget.text, "해당 연도 예산 자료 없음") || strings.Contains(budget.text, "해당 자료가 없습니다") {
		t.Errorf("budget 2016:\n%s", budget.text)
	}
	if len(annual.pages) > 26 {
		t.Errorf("annual 2016 has %d pages, want about 24", len(annual.pages))
	}
}

func nonEmptyLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

func TestOneReportName(t *testing.T) {
	in := freshInput(t, 2017, "")
	if Title(KindAnnual) != "지역협치 추진 현황" || !strings.HasSuffix(DocumentTitle(KindAnnual, in), Title(KindAnnual)) ||
		!strings.Contains(FileName(KindAnnual, in, "pdf"), strings.ReplaceAll(Title(KindAnnual), " ", "_")) {
		t.Errorf("kind %q, title %q, file %q", Title(KindAnnual), DocumentTitle(KindAnnual, in), FileName(KindAnnual, in, "pdf"))
	}
}

// Every 연도 cell reads "2016년", never a bare "2016".
func TestYearColumnsAgree(t *testing.T) {
	e := exportFresh(t, KindDistrict, 2017, "관악구")
	bare := regexp.MustCompile(`(?m)^\s*20\d\d\s`)
	if m := bare.FindString(e.text); m != "" {
		t.Errorf("a bare year %q in a 연도 column:\n%s", m, e.text)
	}
	if n := strings.Count(e.text, "2016년"); n < 2 {
		t.Errorf("want 2016년 in the plan and the platform history, found %d", n)
	}
}

func TestSchool2017PrintsCourseContents(t *testing.T) {
	e := exportFresh(t, KindSchool, 2017, "")
	for _, w := range []string{"주요 내용", "협치서울 기본 개념 이해", "퍼실리테이션 기법", "민관 협치경험 공유",
		"자치구 협치진단, 지역사회 SWOT분석"} {
		if !strings.Contains(squeeze(e.text), squeeze(w)) {
			t.Errorf("school 2017 lacks %q", w)
		}
	}
}

func TestBudgetAsIX(t *testing.T) {
	e := exportFresh(t, KindBudget, 2017, "")
	if !strings.Contains(e.text, "‘17년 예산") || strings.Contains(e.text, "'17년") {
		t.Errorf("budget heading:\n%s", e.text)
	}
	// 계 on the top lines and the total, as Ⅸ has it; none on the lines under them
	for _, c := range []struct {
		line string
		want bool
	}{
		{"지역사회혁신계획 수립・실행 지원", true}, {"지역사회혁신계획 지원비", false},
		{"지역협치 기반조성", true}, {"협치학교(지역협치 분야) 운영", false},
	} {
		var got string
		for _, l := range strings.Split(e.text, "\n") {
			if strings.HasPrefix(strings.TrimSpace(l), c.line+" ") {
				got = l
			}
		}
		if got == "" {
			t.Fatalf("no line %q", c.line)
		}
		n := len(regexp.MustCompile(`\d[\d,]*|-`).FindAllString(strings.TrimPrefix(strings.TrimSpace(got), c.line), -1))
		if has := n == 5; has != c.want {
			t.Errorf("%q: %d figures (계 shown %v, want %v): %q", c.line, n, has, c.want, got)
		}
	}
}

// A heading stays on the page where what follows it begins, and no page
// holds only headings.
func TestHeadingsKeepWithTheirTables(t *testing.T) {
	for _, y := range []int{2016, 2017} {
		for _, k := range Kinds {
			d := ""
			if k == KindDistrict {
				d = "도봉구"
			}
			checkHeadings(t, k, freshInput(t, y, d))
		}
		for _, d := range []string{"관악구", "강북구"} {
			checkHeadings(t, KindDistrict, freshInput(t, y, d))
		}
	}
	checkHeadings(t, KindAnnual, synthetic(3))
	if traced < 100 {
		t.Fatalf("only %d headings traced", traced)
	}
}

var traced int

func checkHeadings(t *testing.T, kind string, in Input) {
	t.Helper()
	d, err := build(kind, &in)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	p, pages, err := render(d, &in, &buf, nil)
	if err != nil {
		t.Fatal(err)
	}
	traced += len(p.trace)
	if p.lonelyTotals != 0 {
		t.Errorf("%s %d: %d totals rows begin a page alone", kind, in.Year, p.lonelyTotals)
	}
	for _, h := range p.trace {
		if h.next != 0 && h.next != h.page {
			t.Errorf("%s %d: %q on page %d, what follows it on page %d", kind, in.Year, h.text, h.page, h.next)
		}
	}
	// in the text: no page whose lines are all headings
	path := filepath.Join(t.TempDir(), "h.pdf")
	os.WriteFile(path, buf.Bytes(), 0o644)
	texts := strings.Split(tool(t, "pdftotext", "-layout", path, "-"), "\f")
	heading := map[string]bool{}
	for _, h := range p.trace {
		heading[squeeze(h.text)] = true
	}
	for i := 0; i < pages; i++ {
		lines := nonEmptyLines(texts[i])
		body := 0
		for _, l := range lines[:len(lines)-1] { // the last is the page number
			if !heading[squeeze(l)] {
				body++
			}
		}
		if body == 0 {
			t.Errorf("%s %d: page %d holds only headings:\n%s", kind, in.Year, i+1, texts[i])
		}
	}
}

// No report prints a date as 2016-11-01; plans and schedules write
// 2016. 11. 1. and the plan's months.
func TestOfficialDates(t *testing.T) {
	iso := regexp.MustCompile(`\d{4}-\d{2}-\d{2}`)
	for _, e := range everyReport(t) {
		if m := iso.FindString(e.text); m != "" {
			t.Errorf("%s %d %s: ISO date %q printed", e.kind, e.year, e.district, m)
		}
	}
	plans := exportFresh(t, KindPlans, 2016, "")
	for _, w := range []string{"2016. 11. 1.~2017. 6. 30.(8개월)", "2016. 11. 1.~2017. 8. 31.(10개월)"} {
		if !strings.Contains(squeeze(plans.text), squeeze(w)) {
			t.Errorf("plans 2016 lacks %q", w)
		}
	}
	annual := exportFresh(t, KindAnnual, 2017, "")
	var order []string
	for _, l := range strings.Split(annual.text, "\n") {
		for _, w := range []string{"지역사회혁신계획 추진계획 수립", "시민참여예산제와의 융합 프로세스 수립", "지원사업 관련 공모 진행",
			"지역사회혁신계획 매뉴얼 보완(개발)", "지역협치 디딤돌(성과공유) 워크숍", "협치○○구회의", "‘16년 사업 결과 보고 및 정산",
			"지역사회혁신계획 신규 자치구 모집 마감"} {
			if strings.Contains(l, w) {
				order = append(order, w+" | "+strings.Join(strings.Fields(l), " "))
			}
		}
	}
	want := []string{
		"지역사회혁신계획 추진계획 수립 | 사무국 지역사회혁신계획 추진계획 수립 2017. 2.",
		"시민참여예산제와의 융합 프로세스 수립 | 사무국 시민참여예산제와의 융합 프로세스 수립 2017. 2.~3.",
		"지원사업 관련 공모 진행 | 사무국 지원사업 관련 공모 진행 2017. 2.~7.",
		"지역사회혁신계획 매뉴얼 보완(개발) | 사무국 지역사회혁신계획 매뉴얼 보완(개발) 2017. 4.",
		"지역협치 디딤돌(성과공유) 워크숍 | 사무국 지역협치 디딤돌(성과공유) 워크숍 2017. 12.",
		"협치○○구회의 | 자치구 협치○○구회의(협치추진 민・관 TFT) 구축·운영 2017. 1.~12.",
		"‘16년 사업 결과 보고 및 정산 | 자치구 ‘16년 사업 결과 보고 및 정산 ~2017. 12. 마감",
		"지역사회혁신계획 신규 자치구 모집 마감 | 자치구 지역사회혁신계획 신규 자치구 모집 마감(수립지원 접수) 2017. 7. 31. 마감",
	}
	if strings.Join(order, "\n") != strings.Join(want, "\n") {
		t.Errorf("schedule:\n%s\nwant:\n%s", strings.Join(order, "\n"), strings.Join(want, "\n"))
	}
}

// The header: each report's own 문서번호 and 방침번호 from 설정, 결재일자
// empty until an approval is recorded, 공개여부 as set.
func TestHeaderFromSettings(t *testing.T) {
	for _, e := range everyReport(t) {
		head := squeeze(e.pages[0][:strings.Index(e.pages[0], "결\n")])
		if strings.Contains(e.text, "2053") {
			t.Errorf("%s: the plan's 문서번호 reused", e.kind)
		}
		if strings.Contains(e.text, "2026.12.1.") {
			t.Errorf("%s: 결재일자 filled with the export date", e.kind)
		}
		if want := "문서번호결재일자공개여부대시민공개방침번호주무관"; !strings.HasPrefix(head, want) {
			t.Errorf("%s: header %q, want %q", e.kind, head, want)
		}
	}
	in := freshInput(t, 2017, "")
	in.Settings.Documents = map[string]store.DocHeader{
		KindAnnual: {DocNumber: "지역공동체담당관-3001", Approved: "2017-12-20", PolicyNumber: "정무부시장 방침 제7호", Disclosure: "부분공개"},
		KindPlans:  {DocNumber: "지역공동체담당관-2990"},
	}
	for kind, want := range map[string]string{
		KindAnnual: "문서번호지역공동체담당관-3001결재일자2017.12.20.공개여부부분공개방침번호정무부시장방침제7호주무관",
		KindPlans:  "문서번호지역공동체담당관-2990결재일자공개여부대시민공개방침번호주무관",
	} {
		var buf bytes.Buffer
		if _, err := PDF(kind, in, &buf); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "h.pdf")
		os.WriteFile(path, buf.Bytes(), 0o644)
		text := tool(t, "pdftotext", "-layout", "-l", "1", path, "-")
		if head := squeeze(text[:strings.Index(text, "결\n")]); !strings.HasPrefix(head, want) {
			t.Errorf("%s: header %q, want %q", kind, head, want)
		}
	}
}

// What the plan does not give reads 미기재 in the PDF and stays empty in
// the workbook; nothing is printed as a fact nobody entered.
func TestUnknownsReadMigijae(t *testing.T) {
	for _, e := range []exported{exportFresh(t, KindPlatforms, 2016, ""), exportFresh(t, KindAnnual, 2017, "")} {
		var row string
		for _, l := range strings.Split(e.text, "\n") {
			if strings.Contains(l, "관악구 시민협력플랫폼") {
				row = strings.Join(strings.Fields(l), " ")
				break
			}
		}
		if row != "관악구 관악구 시민협력플랫폼 미기재 미기재 미기재 미기재 100,000" {
			t.Errorf("%s: 관악구 row %q", e.kind, row)
		}
		for _, bad := range []string{"1단계", "사업개시", "네트워크 구축"} {
			if strings.Contains(e.text, bad) {
				t.Errorf("%s: %q printed as a fact", e.kind, bad)
			}
		}
		if !strings.Contains(squeeze(e.text), squeeze("□ 선정결과 : 총 10개 자치구 신청, 9개 자치구 선정(노원은 신청후 철회)")) {
			t.Errorf("%s: the plan's 선정결과 line is missing", e.kind)
		}
	}
	// the district defaults: only 도봉구's ordinance is known
	for district, want := range map[string]string{
		"강북구": "동북권 미기재 미기재 미기재 미기재",
		"도봉구": "동북권 미기재 미기재 미기재 제정 협치조례 제정(2016년)",
	} {
		e := exportFresh(t, KindDistrict, 2016, district)
		lines := nonEmptyLines(e.text)
		var got string
		for i, l := range lines {
			if strings.Contains(l, "협치조례") && strings.Contains(l, "권역") {
				got = strings.Join(strings.Fields(lines[i+1]), " ")
			}
		}
		if got != want {
			t.Errorf("%s: 협치 기반 %q, want %q", district, got, want)
		}
		for _, bad := range []string{"미채용", "미제정", "협치" + district + "회의"} {
			if strings.Contains(e.text, bad) {
				t.Errorf("%s: %q printed, the plan does not say so", district, bad)
			}
		}
	}
	// the workbook leaves them empty
	var buf bytes.Buffer
	if err := XLSX(KindPlatforms, freshInput(t, 2016, ""), &buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("플랫폼 지원")
	if len(rows) < 2 || rows[0][2] != "성장단계" {
		t.Fatalf("sheet %v", rows)
	}
	for _, ref := range []string{"C3", "D3", "E3", "F3"} {
		if v, _ := f.GetCellValue("플랫폼 지원", ref); v != "" {
			t.Errorf("%s holds %q, want empty", ref, v)
		}
	}
	if v, _ := f.GetCellValue("플랫폼 지원", "G3"); v != "100,000" {
		t.Errorf("G3 grant %q", v)
	}
}

// Pages are compressed after gofpdf (one zlib writer for all): every
// stream is compressed, the file checks clean, and its text is the text
// of the uncompressed file.
func TestPackedPDF(t *testing.T) {
	in := synthetic(3)
	d, err := build(KindAnnual, &in)
	if err != nil {
		t.Fatal(err)
	}
	var packed bytes.Buffer
	pages, err := renderPDF(d, &in, &packed)
	if err != nil {
		t.Fatal(err)
	}
	raw := packed.Bytes()
	if n := bytes.Count(raw, []byte("/Filter /FlateDecode /Length")); n < pages {
		t.Errorf("%d compressed streams for %d pages", n, pages)
	}
	if regexp.MustCompile(`obj\n<</Length \d+>>\nstream`).Match(raw) {
		t.Error("an uncompressed stream is left")
	}
	dir := t.TempDir()
	a := filepath.Join(dir, "packed.pdf")
	os.WriteFile(a, raw, 0o644)
	if out := tool(t, "qpdf", "--check", a); !strings.Contains(out, "No syntax or stream encoding errors found") {
		t.Fatalf("qpdf --check:\n%s", out)
	}
	// the same document unpacked: qpdf writes its streams uncompressed
	b := filepath.Join(dir, "plain.pdf")
	tool(t, "qpdf", "--stream-data=uncompress", a, b)
	if ta, tb := tool(t, "pdftotext", "-layout", a, "-"), tool(t, "pdftotext", "-layout", b, "-"); ta != tb || strings.Count(ta, "\f") != pages {
		t.Error("packed and unpacked files read differently")
	}
	// a file not in gofpdf's form comes back as it is, with an error
	if out, err := packPDF([]byte("%PDF-1.4\nnot a pdf")); err == nil || string(out) != "%PDF-1.4\nnot a pdf" {
		t.Errorf("packing a broken file: %v", err)
	}
}

// A year known only by its school totals prints no per-district zeros.
func TestOverviewSchoolByDistrictUnknown(t *testing.T) {
	e := exportFresh(t, KindAnnual, 2016, "")
	var row string
	for _, l := range strings.Split(e.text, "\n") {
		if f := strings.Fields(l); len(f) > 2 && f[0] == "종로구" {
			row = strings.Join(f, " ")
		}
	}
	if row != "종로구 "+store.DefaultRegion["종로구"]+" - - 미기재 미기재 - -" {
		t.Errorf("종로구 in 자치구별 현황: %q", row)
	}
	if !strings.Contains(squeeze(e.text), squeeze("※ 2016년 협치학교는 연간 합계(24회, 참석 1,563명)만 있어 자치구별 구분은 미기재입니다.")) {
		t.Error("the note on the school's totals is missing")
	}
	// a year with sessions counts them per district
	in := synthetic(2)
	var buf bytes.Buffer
	if _, err := PDF(KindAnnual, in, &buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "a.pdf")
	os.WriteFile(path, buf.Bytes(), 0o644)
	if strings.Contains(tool(t, "pdftotext", "-layout", path, "-"), "자치구별 구분은 미기재") {
		t.Error("a year with sessions says its districts are unknown")
	}
}
