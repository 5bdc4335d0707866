package store

import (
	"strconv"

	"hyeopchi/store/value"
)

// PBNone is the 참여예산 choice for a plan without a participatory-budget
// link; the record stores it as "".
const PBNone = "없음"

// PlanFields are the fields of a community innovation plan (혁신계획) as its
// form shows them. Labels are the words a problem under the field starts
// with; the form lays several of them out on one row under its own row
// labels (자치구 · 연도, 사업기간 시작 ~ 종료 …). The process steps are not
// here: they are several dates kept as one list (Plan.Process), which the
// form reads step by step under KeyProcess.
var PlanFields = []Field[Plan]{
	ChoiceField(KeyDistrict, "자치구", "자치구 선택", Districts, func(x *Plan) *string { return &x.District }),
	CountField(KeyYear, "연도", "2017", func(x *Plan) *int { return &x.Year }),
	planStageField(),
	TextField(KeySupport, "지원 사항", "예: 실행", func(x *Plan) *string { return &x.Support }),
	DateField(KeyStart, "시작일", func(x *Plan) *Date { return &x.Start }).WithHint("2017-03-01"),
	DateField(KeyEnd, "종료일", func(x *Plan) *Date { return &x.End }).WithHint("2017-12-31"),
	AmountField(KeyAmount, "지원액", func(x *Plan) *int64 { return &x.Amount }).WithHint("250,000"),
	CountField(KeyMonths, "개월", "날짜로", func(x *Plan) *int { return &x.Months }),
	tftField(KeyTFTCivil, "TFT 민", func(x *Plan) *int { return &x.TFTCivil }),
	tftField(KeyTFTCouncil, "TFT 구의원", func(x *Plan) *int { return &x.TFTCouncil }),
	tftField(KeyTFTOfficial, "TFT 관", func(x *Plan) *int { return &x.TFTOfficial }),
	ListField(KeyFields, "분야", "마을/교육/사경", func(x *Plan) *[]string { return &x.Fields }),
	planPBField(),
	AmountField(KeyPBAmount, "참여예산 區 단위 금액", func(x *Plan) *int64 { return &x.PBAmount }).WithHint("500,000"),
	AmountField(KeyPBIntegration, "통합비용", func(x *Plan) *int64 { return &x.PBIntegration }).WithHint("200,000 이내"),
	CountField(KeyPBDongs, "洞 수", "0", func(x *Plan) *int { return &x.PBDongs }),
	AmountField(KeyPBDongAmount, "참여예산 洞 단위 금액", func(x *Plan) *int64 { return &x.PBDongAmount }).WithHint("洞마다 30,000 × 洞 수"),
	DateField(KeyDraftPlanOn, "본계획(초안) 제출일", func(x *Plan) *Date { return &x.DraftPlanOn }).WithHint(""),
	DateField(KeyMainPlanOn, "본계획 제출일", func(x *Plan) *Date { return &x.MainPlanOn }).WithHint(""),
	NoteField(KeyNote, "비고", func(x *Plan) *string { return &x.Note }),
}

// planStageField is the plan's stage, chosen by its label; none chosen is 0.
func planStageField() Field[Plan] {
	var labels []string
	for _, st := range Stages {
		labels = append(labels, st.String())
	}
	return Field[Plan]{Key: KeyStage, Label: "단계", Input: InputChoice, Hint: "단계 선택", Choices: labels,
		Format: func(x *Plan) string { return x.Stage.String() },
		Parse: func(x *Plan, s string) error {
			if s == "" {
				x.Stage = 0
				return nil
			}
			st, err := ParseStage(s)
			x.Stage = st
			return err
		}}
}

// tftField is a count of the task force's members. A stored plan shows a
// 0 as "0", a count someone wrote down; a new plan starts blank.
func tftField(key, label string, at func(*Plan) *int) Field[Plan] {
	f := CountField(key, label, "0", at)
	f.Format = func(x *Plan) string {
		if x.ID == 0 {
			return value.CountText(*at(x))
		}
		return strconv.Itoa(*at(x))
	}
	return f
}

// planPBField is the participatory-budget link: PBNone or one of PBTypes.
// 계획형 and 융합형 of older records show as the one type; a type the
// program does not know shows as stored, for the rules to name.
func planPBField() Field[Plan] {
	return Field[Plan]{Key: KeyPB, Label: "참여예산", Input: InputChoice, Choices: append([]string{PBNone}, PBTypes...),
		Format: func(x *Plan) string {
			if x.PB == "" {
				return PBNone
			}
			return PBLabel(x.PB)
		},
		Parse: func(x *Plan, s string) error {
			x.PB = s
			if s == PBNone {
				x.PB = ""
			}
			return nil
		}}
}
