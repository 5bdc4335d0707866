package store

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Stage is a community innovation plan's stage.
type Stage int

// The plan's three stages.
const (
	StagePrep      Stage = iota + 1 // 준비기: no grant
	StageDrafting                   // 본계획 수립기: funded, ≤ 12 months
	StageExecution                  // 실행기: funded
)

var stageLabels = map[Stage]string{
	StagePrep:      "준비기",
	StageDrafting:  "본계획 수립기",
	StageExecution: "실행기",
}

// Stages lists the stages in order.
var Stages = []Stage{StagePrep, StageDrafting, StageExecution}

func (s Stage) String() string {
	if l, ok := stageLabels[s]; ok {
		return l
	}
	return ""
}

// ParseStage reads a stage label; "수립기" and "본계획수립기" are 본계획 수립기.
func ParseStage(s string) (Stage, error) {
	switch compact(s) {
	case "준비기", "준비":
		return StagePrep, nil
	case "본계획수립기", "수립기", "본계획수립", "수립":
		return StageDrafting, nil
	case "실행기", "실행":
		return StageExecution, nil
	}
	return 0, fmt.Errorf("단계 %q 을(를) 알 수 없습니다 (준비기, 수립기, 실행기 중 하나)", s)
}

// MarshalJSON writes the Korean label.
func (s Stage) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// UnmarshalJSON reads the Korean label.
func (s *Stage) UnmarshalJSON(b []byte) error {
	var l string
	if err := json.Unmarshal(b, &l); err != nil {
		return err
	}
	if l == "" {
		*s = 0
		return nil
	}
	v, err := ParseStage(l)
	*s = v
	return err
}

// Role is a consortium member's role.
type Role string

// The roster's three roles.
const (
	RoleLead    Role = "대표 단체"
	RoleMember  Role = "참여 단체"
	RoleManager Role = "플랫폼책임자"
)

// Roles lists the roles in roster order.
var Roles = []Role{RoleLead, RoleMember, RoleManager}

// ParseRole reads a role, ignoring spaces.
func ParseRole(s string) (Role, error) {
	for _, r := range Roles {
		if compact(s) == compact(string(r)) {
			return r, nil
		}
	}
	return "", fmt.Errorf("구분 %q 을(를) 알 수 없습니다 (대표 단체, 참여 단체, 플랫폼책임자 중 하나)", s)
}

// PlanSteps are a plan's process steps in order.
var PlanSteps = []string{"공모", "협의·조정", "협약", "지원", "평가"}

// PlatformStatus is a consortium's selection step ("" = not recorded).
type PlatformStatus string

// The selection steps, in order.
const (
	PlatformApplied    PlatformStatus = "신청"
	PlatformConsulting PlatformStatus = "협의조정·컨설팅"
	PlatformReview     PlatformStatus = "심의"
	PlatformAgreement  PlatformStatus = "협약체결"
	PlatformTraining   PlatformStatus = "보조금 집행교육"
	PlatformStarted    PlatformStatus = "사업개시"
)

// PlatformStatuses are a platform's selection steps in order.
var PlatformStatuses = []PlatformStatus{PlatformApplied, PlatformConsulting, PlatformReview, PlatformAgreement, PlatformTraining, PlatformStarted}

// GrowthStages names a platform's growth stages 1–3.
var GrowthStages = map[int]string{1: "네트워크 구축", 2: "자립화 전략", 3: "자립화 완료"}

// The plan's two types of 시민참여예산 (지역계획형): 일반형, and 계획형 which
// the plan also calls 융합형, "계획형(융합형)".
const (
	PBGeneral = "일반형"
	PBPlanned = "계획형(융합형)"
)

// PBTypes are the participatory-budget links of a plan.
var PBTypes = []string{PBGeneral, PBPlanned}

// PBLabel is a stored type as the plan writes it: 계획형 and 융합형 of
// older records are 계획형(융합형); an unknown one stays as stored.
func PBLabel(s string) string {
	if pb, ok := ParsePB(s); ok {
		return pb
	}
	return s
}

// ParsePB reads a participatory-budget type: "일반형", and "계획형",
// "융합형" or "계획형(융합형)" as the one type written two ways. "" is none.
func ParsePB(s string) (string, bool) {
	t := strings.NewReplacer("(", "", ")", "", "/", "", "·", "", ",", "", "형", "").Replace(compact(s))
	switch t {
	case "":
		return "", true
	case "일반":
		return PBGeneral, true
	case "계획", "융합", "계획융합", "융합계획":
		return PBPlanned, true
	}
	return "", false
}

// SessionStatus is a school session's state.
type SessionStatus string

// A session's states.
const (
	SessionPlanned   SessionStatus = "예정"
	SessionDone      SessionStatus = "완료"
	SessionCancelled SessionStatus = "취소"
)

// SessionStatuses are a school session's states.
var SessionStatuses = []SessionStatus{SessionPlanned, SessionDone, SessionCancelled}

// SubmissionKinds are the kinds of district file.
var SubmissionKinds = []string{"혁신계획", "플랫폼", "교육"}

// SubmissionStatus is a received file's state.
type SubmissionStatus string

// A received file's states, in order.
const (
	SubmissionReceived   SubmissionStatus = "접수"
	SubmissionReviewing  SubmissionStatus = "검토중"
	SubmissionCorrection SubmissionStatus = "보완요청" // rejected: the district is asked to correct it
	SubmissionConfirmed  SubmissionStatus = "확정"   // imported
)

// SubmissionStatuses are a submission's states in order.
var SubmissionStatuses = []SubmissionStatus{SubmissionReceived, SubmissionReviewing, SubmissionCorrection, SubmissionConfirmed}

// Labels are the values of a list of typed labels as plain strings, for a
// choice list or a message.
func Labels[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

// EventKinds are the plan's event kinds.
var EventKinds = []string{"정책토론회", "현장 워크숍", "사례 아카이빙", "자문네트워크 회의", "성과공유 워크숍"}

func compact(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if r != ' ' && r != '\t' && r != '\u00a0' && r != '\u3000' {
			out = append(out, r)
		}
	}
	return string(out)
}
