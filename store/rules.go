package store

import (
	"fmt"
	"strings"
)

// Problem is one finding of a rule about one field of a record. An error
// blocks saving; a warning (Warning true) does not. Field is the record's
// JSON field name ("amount"), so that forms and the importer can place it.
type Problem struct {
	Field   string `json:"field"`
	Message string `json:"message"`
	Warning bool   `json:"warning"`
	// Kind names a warning's kind in a few words ("공간 면적 미기재"), so
	// that many warnings of one kind can be counted on one line.
	Kind string `json:"kind,omitempty"`
}

func (p Problem) String() string {
	if p.Warning {
		return "경고: " + p.Message
	}
	return p.Message
}

// Problems is what a rule check returns.
type Problems []Problem

// Errors keeps the blocking problems.
func (ps Problems) Errors() Problems { return ps.filter(false) }

// Warnings keeps the warnings.
func (ps Problems) Warnings() Problems { return ps.filter(true) }

func (ps Problems) filter(warn bool) Problems {
	var out Problems
	for _, p := range ps {
		if p.Warning == warn {
			out = append(out, p)
		}
	}
	return out
}

// HasErrors reports whether any problem blocks saving.
func (ps Problems) HasErrors() bool { return len(ps.Errors()) > 0 }

// Field lists the problems of one field.
func (ps Problems) Field(name string) Problems {
	var out Problems
	for _, p := range ps {
		if p.Field == name {
			out = append(out, p)
		}
	}
	return out
}

func (ps *Problems) errorf(field, format string, args ...any) {
	*ps = append(*ps, Problem{Field: field, Message: fmt.Sprintf(format, args...)})
}

func (ps *Problems) warnf(field, format string, args ...any) {
	*ps = append(*ps, Problem{Field: field, Message: fmt.Sprintf(format, args...), Warning: true, Kind: warningKind(field, format)})
}

// warningKinds names each warning by its message's pattern.
var warningKinds = map[string]string{
	"%d %s: 약정 %s천원이 예산 %s천원보다 %s천원 많습니다":                        "약정이 예산 초과",
	"기간 %s ~ %s 이(가) %d년에 걸치지 않습니다":                              "기간이 연도 밖",
	"사업기간(시작일 ~ 종료일)이 비어 있습니다":                                   "사업기간 미기재",
	"시작일이 비어 있습니다":                                               "시작일 미기재",
	"종료일이 비어 있습니다":                                               "종료일 미기재",
	"개월 수 %d개월이 사업기간 %s ~ %s (%d개월)과 다릅니다; 한도는 적힌 %d개월로 계산합니다":   "개월 수와 사업기간 불일치",
	"개월 수를 알 수 없어 지원액 %s천원의 한도를 확인하지 못했습니다":                      "개월 수 미기재로 한도 미확인",
	"지원액 %s천원 이(가) %d개월 안분액 %s천원(300,000 × %d ÷ 12)보다 많습니다":      "지원액이 안분액 초과",
	"본계획 제출 마감 %s 이(가) 지났습니다 (%s): 본계획 제출일이 없습니다":                DeadlineWarning,
	"공간 면적을 입력하세요 (요건: %d㎡ 이상)":                                  "공간 면적 미기재",
	"성장 단계를 고르세요 (1 네트워크 구축, 2 자립화 전략, 3 자립화 완료 중 하나)":           "성장 단계 미기재",
	"선정 단계를 고르세요 (%s)":                                           "선정 단계 미기재",
	"지원액이 있으면 지원 개월 수를 입력하세요 (1~12개월)":                           "지원 개월 미기재",
	"지원액 %s천원 이(가) %d개월 기준 한도 %s천원(100,000천원 × %d/12)을 넘습니다":     "지원액이 개월 기준 한도 초과",
	"구성원 %d행: 연락처 %s 이(가) 전화번호(예: 010-1234-5678)나 전자우편 형식이 아닙니다": "연락처 형식 확인",
	"일자 %s 이(가) 협치학교 기간(%s ~ %s) 밖입니다":                           "협치학교 기간 밖 일자",
	"참석 %d명(남 %d, 여 %d)이 정원 %d명을 넘습니다":                           "참석이 정원 초과",
	"%s %d회가 이미 있습니다 (%s)":                                       "같은 회차 두 번",
	"종류 %q 은(는) 계획의 행사 종류가 아니어서 예산 항목에 잡히지 않습니다 (%s)":            "계획에 없는 행사 종류",
	// the plan's Ⅴ, Ⅵ and Ⅶ
	"참여예산 금액이 있는데 유형(%s)이 없습니다":                                  "참여예산 유형 미기재",
	"일반형 區 단위 금액 %s천원 이(가) 계획의 %s천원(5억)보다 많습니다":                  "참여예산 일반형 5억 초과",
	"계획형(융합형) 區 단위 금액 %s천원 이(가) 계획의 %s천원(10억 이내)보다 많습니다":         "참여예산 계획형 10억 초과",
	"통합비용 %s천원: 통합비용은 계획형(융합형)에만 부여합니다 (일반형)":                    "일반형의 통합비용",
	"통합비용 %s천원 이(가) 계획의 %s천원(2억원 이내)보다 많습니다":                     "통합비용 2억 초과",
	"洞 수 %d개 이(가) 계획의 동단위 계획형 %d개(서울시 전체)보다 많습니다":                "洞 수 80개 초과",
	"洞 단위 금액 %s천원 이(가) %d개 洞 × %s천원(0.3억) = %s천원보다 많습니다":         "洞 단위 금액 초과",
	"%d년 洞 단위 계획형 합계 %d개 이(가) 계획의 %d개(서울시 전체)보다 많습니다 (%s)":       "洞 합계 80개 초과",
	"공모 %s 이(가) %d년 공모 마감(신규 자치구 모집) %s 보다 늦습니다":                 "공모 마감 뒤 공모",
	"본계획(초안) 제출일 %s 이(가) %d년 시민참여예산 연계 본계획(초안) 제출 마감 %s 보다 늦습니다": "본계획(초안) 마감 뒤 제출",
	"성장 단계가 %d년 %s에서 %d년 %s(으)로 내려갑니다 (1 → 2 → 3 단계로 성장)":        "성장 단계 하락",
	"성과지표 %d행(%s): 목표가 없습니다":                                     "성과지표 목표 미기재",
	"성과지표에 공통 지표가 없습니다 (공통 지표와 개별 지표를 구분하여 둡니다; 개별 지표 %d개)":      "공통 지표 없음",
	"성과지표에 개별 지표가 없습니다 (공통 지표와 개별 지표를 구분하여 둡니다; 공통 지표 %d개)":      "개별 지표 없음",
	"과정 %q 은(는) %d년 과정이 아닙니다 (%s; 협치학교 → 과정에서 고칠 수 있습니다)":        "과정 목록에 없는 과정",
}

// DeadlineWarning is the kind of the warning that a main plan is overdue.
const DeadlineWarning = "본계획 제출 마감 지남"

// warningKind names a warning; one whose pattern is not in the table is
// named by its field.
func warningKind(field, format string) string {
	if k, ok := warningKinds[format]; ok {
		return k
	}
	return "경고(" + field + ")"
}

// InvalidError is returned when a save is blocked by rule errors.
type InvalidError struct {
	Label    string
	Problems Problems
}

func (e *InvalidError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: 저장할 수 없습니다", e.Label)
	for _, p := range e.Problems.Errors() {
		b.WriteString("\n  ")
		b.WriteString(p.Message)
	}
	return b.String()
}

// checkDistrict is shared by every record that names a district.
func checkDistrict(ps *Problems, field, name string, required bool) {
	switch {
	case name == "" && required:
		ps.errorf(field, "자치구를 입력하세요")
	case name != "" && !IsDistrict(name):
		ps.errorf(field, "%q 은(는) 서울시 자치구가 아닙니다", name)
	}
}

func checkYear(ps *Problems, year int) {
	if year < 2000 || year > 2100 {
		ps.errorf(KeyYear, "연도 %d 이(가) 올바르지 않습니다 (예: 2017)", year)
	}
}

func checkDate(ps *Problems, field, label string, d Date) {
	if !d.Valid() {
		ps.errorf(field, "%s %q 이(가) 올바른 날짜가 아닙니다 (예: 2017-07-31)", label, string(d))
	}
}
