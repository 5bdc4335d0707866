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
	Events      []store.Event
	Submissions []store.Submission
	Budget      []store.BudgetLine
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
	KindAnnual:    "지역협치 연간 보고서",
}

// Title is a kind's Korean name for menus ("지역사회혁신계획 현황"); "" for
// an unknown kind.
func Title(kind string) string { return kindTitles[kind] }

// UsesDistrict reports whether a kind can be narrowed to one district
// (budget cannot; district must be).
func UsesDistrict(kind string) bool { return kind != KindBudget }

// DefaultApprovalLine is the plan's approval line, used when
// Settings.ApprovalLine is empty.
func DefaultApprovalLine() []string {
	return []string{"주무관", "지역생태계팀장", "지역공동체담당관", "서울혁신기획관", "정무부시장"}
}

// DefaultChecklist is the plan's pre-review checklist (사전 검토항목) with
// the plan's own marks; the annual report prints Settings.Checklist.
func DefaultChecklist() []store.Check {
	return []store.Check{
		{Area: "시민 참여", Question: "시민 의견 반영 및 사업 참여 방안을 검토하였습니까?", Example: "청책토론회, 설문조사, 시민공모 등", Done: true},
		{Area: "전문가 자문", Question: "관련 전문가 의견을 반영하였습니까?", Example: "자문위원회 개최, 타당성 검토, T/F 운영 등", Done: true},
		{Area: "갈등", Question: "이해 당사자 간 갈등발생 가능성을 검토하였습니까?", Example: "주택가 공공주차장 조성, 택시 불법영업 단속 등"},
		{Area: "사회적 약자 배려", Question: "사회적 약자에 대한 배려를 검토하였습니까?", Example: "아동, 장애인, 한부모 가정 등"},
		{Area: "성인지", Question: "성별분리통계 작성여부를 검토하였습니까?", Example: "인적통계 남·여 구분, 수혜집단의 남·여 구분 등"},
		{Area: "일자리", Question: "일자리 창출 효과 및 일자리 수를 검토하였습니까?", Example: "직·간접 채용, 취업알선, 전문인력양성, 창업지원 등"},
		{Area: "선거법", Question: "공직선거법에 저촉 여부를 검토하였습니까?", Example: "홍보물 배포, 표창수여, 경품지급, 기부행위 등"},
		{Area: "안전", Question: "시민 안전 위험요인과 안전대책을 검토하였습니까?", Example: "장소·시설물 점검, 안전관리 인력확보 등"},
		{Area: "타 기관", Question: "타 기관 협의·협력(타 자원 활용 등)을 하였습니까?", Example: "중앙부처, 타 지자체, 투자·출연기관, 민간단체 등", Done: true},
		{Area: "홍보", Question: "사업 홍보 방안을 검토하였습니까?", Example: "보도자료, 기자 설명회, 현장 설명회 등", Done: true},
		{Area: "정책 영문화", Question: "정책 영문화 및 해외홍보 방안을 검토하였습니까?", Example: "영문 제목·요약, 해외 언론 보도, 외국어 홈페이지 등"},
		{Area: "바른 우리말", Question: "서울시 행정 순화어 목록을 확인하였습니까?", Example: "별첨, 첨부 ⇒ 붙임, 가이드라인 ⇒ 지침 등", Done: true},
		{Area: "결재문서공개", Question: "공개 여부를 “비공개”로 설정했다면 법적근거를 명확히 검토하였습니까?", Example: "정보공개법 제9조 제1항 제1호~제8호"},
	}
}

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
