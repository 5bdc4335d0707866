package workbook

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"hyeopchi/store"

	"hyeopchi/store/value"
)

// maskedPlatforms are the platforms as the workbook carries them: every
// contact masked (the store keeps the full one when it comes back).
func maskedPlatforms(ps []store.Platform) []store.Platform {
	var out []store.Platform
	for _, p := range ps {
		p.Members = append([]store.Member(nil), p.Members...)
		for i := range p.Members {
			p.Members[i].Contact = value.MaskContact(p.Members[i].Contact)
		}
		out = append(out, p)
	}
	return out
}

// A filled template reads back to the records it was filled with (their
// contacts masked), both as written and after LibreOffice opened and
// saved it.
func TestTemplateRoundTrip(t *testing.T) {
	opt := templateOptions()
	var b bytes.Buffer
	if err := Template(&b, opt); err != nil {
		t.Fatal(err)
	}
	check := func(t *testing.T, name string, data []byte) {
		p, probs := Read(name, data)
		for _, pr := range probs {
			t.Errorf("problem: %s", pr)
		}
		equalRecords(t, "plans", plansOf(p), opt.Plans)
		equalRecords(t, "platforms", platformsOf(p), maskedPlatforms(opt.Platforms))
		if !strings.Contains(fmt.Sprint(opt.Platforms), "010-1234-5678") || strings.Contains(string(unzipAll(t, data)), "010-1234-5678") {
			t.Error("the fixture must have a phone number, and the workbook must not carry it whole")
		}
		equalRecords(t, "sessions", sessionsOf(p), opt.Sessions)
		equalRecords(t, "kinds", p.Kinds, Kinds)
		if o := p.Plans[0].Origin; o.Row != firstData || o.Cols["amount"] != "지원액(천원)" || o.Cols["start"] != "시작일" {
			t.Errorf("first plan origin = %+v", o)
		}
	}
	t.Run("as written", func(t *testing.T) { check(t, "template.xlsx", b.Bytes()) })
	t.Run("committed fixture", func(t *testing.T) {
		p := mustRead(t, "template-filled.xlsx")
		equalRecords(t, "plans", plansOf(p), opt.Plans)
	})
	t.Run("saved by LibreOffice", func(t *testing.T) {
		p := mustRead(t, "lo-template.xlsx")
		equalRecords(t, "plans", plansOf(p), opt.Plans)
		equalRecords(t, "platforms", platformsOf(p), opt.Platforms)
		equalRecords(t, "sessions", sessionsOf(p), opt.Sessions)
	})
}

func TestTemplateBlank(t *testing.T) {
	p := mustRead(t, "template-blank.xlsx")
	if len(p.Plans)+len(p.Platforms)+len(p.Sessions) != 0 {
		t.Errorf("blank template holds records: %+v", p)
	}
	equalRecords(t, "kinds", p.Kinds, Kinds)
}

// The blank workbook carries what makes it easy to fill: a title and a
// note above the contract's headers, drop-downs, number and date formats.
func TestTemplateLayout(t *testing.T) {
	opt := templateOptions()
	opt.District = "관악구"
	var b bytes.Buffer
	if err := Template(&b, opt); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	if got := f.GetSheetList(); strings.Join(got, ",") != "혁신계획,플랫폼,교육" {
		t.Errorf("sheets = %v", got)
	}
	if got := templateCell(t, f, "혁신계획", "A1"); got != "2017년 관악구 지역사회혁신계획 (금액 단위: 천원)" {
		t.Errorf("title = %q", got)
	}
	if got := templateCell(t, f, "혁신계획", "A2"); !strings.HasPrefix(got, "※") {
		t.Errorf("note row = %q", got)
	}
	checkTemplateHeaders(t, f)
	checkTemplateDropDowns(t, f)
	checkTemplateFormats(t, f)
}

// templateCell is a cell's stored value.
func templateCell(t *testing.T, f *excelize.File, sheet, ref string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// checkTemplateHeaders: each sheet's header row is the contract's.
func checkTemplateHeaders(t *testing.T, f *excelize.File) {
	t.Helper()
	headers := map[string][]string{
		"혁신계획": {"자치구", "연도", "단계", "지원사항", "시작일", "종료일", "개월", "지원액(천원)", "TFT 민", "TFT 구의원", "TFT 관", "분야", "참여예산", "비고"},
		"플랫폼":  {"자치구", "연도", "구분", "단체명", "대표자", "비고", "연락처"},
		"교육":   {"과정", "회차", "일자", "시간", "자치구", "장소", "대상", "정원", "참석 남", "참석 여", "강사", "상태", "비고"},
	}
	for sheet, want := range headers {
		for i, h := range want {
			if got := templateCell(t, f, sheet, cellName(i, headerRow)); got != h {
				t.Errorf("%s header %d = %q, want %q", sheet, i, got, h)
			}
		}
	}
}

// checkTemplateDropDowns: the fixed lists are offered in their columns'
// data rows.
func checkTemplateDropDowns(t *testing.T, f *excelize.File) {
	t.Helper()
	lists := map[string]map[string]string{}
	for _, sheet := range Kinds {
		dvs, err := f.GetDataValidations(sheet)
		if err != nil {
			t.Fatal(err)
		}
		lists[sheet] = map[string]string{}
		for _, dv := range dvs {
			lists[sheet][dv.Sqref] = dv.Formula1
		}
	}
	wantLists := []struct{ sheet, sqref, contains string }{
		{"혁신계획", "A4:A1003", "종로구,중구,"},
		{"혁신계획", "A4:A1003", ",강동구"},
		{"혁신계획", "C4:C1003", "준비기,본계획 수립기,실행기"},
		{"혁신계획", "M4:M1003", "일반형,계획형(융합형)"},
		{"플랫폼", "C4:C1003", "대표 단체,참여 단체,플랫폼책임자"},
		{"교육", "A4:A1003", "찾아가는 협치 이해교육,지역협치 책임자 교육,협치실행 교육"},
		{"교육", "L4:L1003", "예정,완료,취소"},
	}
	for _, w := range wantLists {
		if got := lists[w.sheet][w.sqref]; !strings.Contains(got, w.contains) {
			t.Errorf("%s %s drop-down = %q, want it to list %q", w.sheet, w.sqref, got, w.contains)
		}
	}
}

// templateNumFmt is a cell's built-in number format and its custom one
// ("" for none).
func templateNumFmt(t *testing.T, f *excelize.File, sheet, ref string) (int, string) {
	t.Helper()
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	custom := ""
	if st.CustomNumFmt != nil {
		custom = *st.CustomNumFmt
	}
	return st.NumFmt, custom
}

// checkTemplateFormats: amounts are #,##0 and dates yyyy-mm-dd, in filled
// and empty rows alike, and a date is stored as its serial.
func checkTemplateFormats(t *testing.T, f *excelize.File) {
	t.Helper()
	if n, _ := templateNumFmt(t, f, "혁신계획", "H4"); n != 3 {
		t.Errorf("amount format = %d, want 3 (#,##0)", n)
	}
	if n, _ := templateNumFmt(t, f, "혁신계획", "H500"); n != 3 {
		t.Errorf("amount format of an empty row = %d, want 3 (#,##0) from the column", n)
	}
	for _, ref := range [][2]string{{"혁신계획", "E4"}, {"혁신계획", "F4"}, {"교육", "C4"}, {"교육", "C900"}} {
		if _, c := templateNumFmt(t, f, ref[0], ref[1]); c != "yyyy-mm-dd" {
			t.Errorf("%s!%s date format = %q, want yyyy-mm-dd", ref[0], ref[1], c)
		}
	}
	if got := templateCell(t, f, "혁신계획", "E4"); got != "42675" {
		t.Errorf("start date is stored as %q, want the serial 42675 of 2016-11-01", got)
	}
}

// A course list too long for a validation formula goes to a hidden sheet,
// which Read ignores.
func TestTemplateLongCourseList(t *testing.T) {
	var courses []string
	for i := 1; i <= 30; i++ {
		courses = append(courses, fmt.Sprintf("지역협치 심화 과정 제%d기", i))
	}
	var b bytes.Buffer
	if err := Template(&b, TemplateOptions{Year: 2017, Courses: courses, Sessions: []store.Session{{Year: 2017, Course: courses[29], Date: "2017-09-01"}}}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	if visible, _ := f.GetSheetVisible(listSheet); visible {
		t.Error("the list sheet is visible")
	}
	dvs, _ := f.GetDataValidations("교육")
	if len(dvs) == 0 || !strings.Contains(dvs[0].Formula1, listSheet+"!$A$1:$A$30") {
		t.Errorf("course drop-down = %+v", dvs)
	}
	p, probs := Read("long.xlsx", b.Bytes())
	if len(probs) != 0 || len(p.Sessions) != 1 || p.Sessions[0].Session.Course != courses[29] {
		t.Errorf("read back: %v %+v", probs, p.Sessions)
	}
}

// unzipAll is every part of a workbook, unzipped, one after another.
func unzipAll(t *testing.T, data []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var all bytes.Buffer
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		_, err = io.Copy(&all, rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	return all.Bytes()
}
