// Package reports makes the office's official documents from records: PDF
// reports laid out like the plan's own tables (참고1, 참고2, Ⅸ) with the
// header block and approval box of a 결재문서, and the same tables as .xlsx.
// It takes records, never a store, and writes to an io.Writer.
package reports

import (
	"fmt"
	"io"
	"strings"
	"time"

	"hyeopchi/store"
)

// Input is everything a report may draw on. The caller fills it from the
// store; every report filters by Year (and District where it fits) itself,
// so slices may hold all years. Rows appear in the order given.
type Input struct {
	Settings    store.Settings // office, department, approval line, doc number, disclosure, checklist
	Year        int            // 0 = Settings.CurrentYear
	District    string         // "" = all districts; required by "district"
	Districts   []store.District
	Plans       []store.Plan // all years: a district profile shows its history
	Platforms   []store.Platform
	Courses     []store.Course
	Sessions    []store.Session
	SchoolYears []store.SchoolYear
	// PlatformRounds are the platform calls' outcomes, where known.
	PlatformRounds []store.PlatformRound
	Events         []store.Event
	Submissions    []store.Submission
	Budget         []store.BudgetLine
	// Committed is what is committed (집행·약정) against each leaf budget
	// line, in 천원, keyed by BudgetKey. A parent line's committed amount is
	// the sum of its children's; entries for parent lines are ignored.
	Committed  map[string]int64
	Milestones []store.Milestone
	// Generated is the document's date and its creation date in the file's
	// properties; the same Input gives the same bytes. Zero means now.
	Generated time.Time
}

// BudgetKey is the key of a budget line in Input.Committed: Parent+"/"+Name
// ("/지역협치 기반조성" for a top line).
func BudgetKey(l store.BudgetLine) string { return l.Parent + "/" + l.Name }

// The report kinds.
const (
	KindPlans     = "plans"
	KindPlatforms = "platforms"
	KindSchool    = "school"
	KindBudget    = "budget"
	KindDistrict  = "district"
	KindAnnual    = "annual"
)

// Kinds lists the report kinds in menu order.
var Kinds = []string{KindPlans, KindPlatforms, KindSchool, KindBudget, KindDistrict, KindAnnual}

var kindTitles = map[string]string{
	KindPlans:     "지역사회혁신계획 현황",
	KindPlatforms: "시민협력플랫폼 현황",
	KindSchool:    "협치학교 운영 현황",
	KindBudget:    "지역협치 사업비 내역",
	KindDistrict:  "자치구 지역협치 현황",
	KindAnnual:    "지역협치 추진 현황",
}

// Title is a kind's Korean name for menus ("지역사회혁신계획 현황"); "" for
// an unknown kind.
func Title(kind string) string { return kindTitles[kind] }

// UsesDistrict reports whether a kind can be narrowed to one district
// (budget cannot; district must be).
func UsesDistrict(kind string) bool { return kind != KindBudget }

// DefaultApprovalLine is the plan's approval line, used when
// Settings.ApprovalLine is empty.
func DefaultApprovalLine() []string { return store.DefaultSettings().ApprovalLine }

// DefaultChecklist is the plan's pre-review checklist (사전 검토항목) with
// the plan's own marks; the annual report prints Settings.Checklist.
func DefaultChecklist() []store.Check { return store.DefaultSettings().Checklist }

// PDF writes report kind as an official A4 document to w and returns its
// number of pages.
func PDF(kind string, in Input, w io.Writer) (pages int, err error) {
	d, err := build(kind, &in)
	if err != nil {
		return 0, err
	}
	return renderPDF(d, &in, w)
}

// XLSX writes report kind's tables to w as a workbook, one sheet a table.
func XLSX(kind string, in Input, w io.Writer) error {
	d, err := build(kind, &in)
	if err != nil {
		return err
	}
	return renderXLSX(d, &in, w)
}

// DocumentTitle is the title a report of kind carries for in, e.g.
// "2016년 지역사회혁신계획 현황" or "2017년 관악구 지역협치 현황".
func DocumentTitle(kind string, in Input) string {
	if err := normalize(kind, &in); err != nil {
		return Title(kind)
	}
	return docTitle(kind, &in)
}

// FileName is a file name for a report: "2017_지역사회혁신계획_현황_관악구.pdf".
func FileName(kind string, in Input, ext string) string {
	t := strings.ReplaceAll(DocumentTitle(kind, in), " ", "_")
	t = strings.NewReplacer("(", "", ")", "", "/", "_").Replace(t)
	return t + "." + strings.TrimPrefix(ext, ".")
}

func docTitle(kind string, in *Input) string {
	switch kind {
	case KindDistrict:
		return fmt.Sprintf("%d년 %s 지역협치 현황", in.Year, in.District)
	case KindAnnual:
		if in.District != "" {
			return fmt.Sprintf("%d년 지역협치 추진 현황 (%s)", in.Year, in.District)
		}
		return fmt.Sprintf("%d년 지역협치 추진 현황", in.Year)
	}
	t := fmt.Sprintf("%d년 %s", in.Year, kindTitles[kind])
	if in.District != "" && UsesDistrict(kind) {
		t += " (" + in.District + ")"
	}
	return t
}

// normalize checks the request and fills defaults.
func normalize(kind string, in *Input) error {
	if _, ok := kindTitles[kind]; !ok {
		return fmt.Errorf("보고서 종류 %q 을(를) 알 수 없습니다 (%s 중 하나)", kind, strings.Join(Kinds, ", "))
	}
	if in.Year == 0 {
		in.Year = in.Settings.CurrentYear
	}
	if in.Year == 0 {
		return fmt.Errorf("%s: 연도를 지정하세요", Title(kind))
	}
	if in.District != "" {
		d, ok := store.NormalizeDistrict(in.District)
		if !ok {
			return fmt.Errorf("%s: 자치구 %q 을(를) 알 수 없습니다", Title(kind), in.District)
		}
		in.District = d
	}
	if kind == KindDistrict && in.District == "" {
		return fmt.Errorf("%s: 자치구를 선택하세요", Title(kind))
	}
	if !UsesDistrict(kind) {
		in.District = ""
	}
	if len(in.Settings.ApprovalLine) == 0 {
		in.Settings.ApprovalLine = DefaultApprovalLine()
	}
	if in.Settings.Disclosure == "" {
		in.Settings.Disclosure = "공개"
	}
	if in.Settings.Office == "" {
		in.Settings.Office = "서울특별시"
	}
	if in.Generated.IsZero() {
		in.Generated = time.Now()
	}
	return nil
}

// issuer is the issuing office as the plan writes it: "서울특별시 (지역공동체담당관)".
func issuer(s store.Settings) string {
	if s.Department == "" {
		return s.Office
	}
	return s.Office + " (" + s.Department + ")"
}
