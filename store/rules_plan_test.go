package store

import (
	"fmt"
	"strings"
	"testing"
)

// basePlan is a plan that breaks no rule: 관악구's 12 months of 실행기 at
// the full 300,000.
func basePlan() Plan {
	return Plan{District: "관악구", Year: 2018, Stage: StageExecution, Support: "실행",
		Start: "2018-01-01", End: "2018-12-31", Months: 12, Amount: 300000,
		TFTCivil: 14, TFTOfficial: 9, Fields: []string{"마을", "교육"}}
}

// drafted is 관악구's drafting year before basePlan, main plan submitted.
func drafted() Plan {
	return Plan{District: "관악구", Year: 2017, Stage: StageDrafting, Support: "본계획 수립",
		Start: "2017-01-01", End: "2017-12-31", Months: 12, Amount: 250000, MainPlanOn: "2017-09-15"}
}

// planWant is what a plan rule case expects.
type planWant struct {
	field string // "" when the plan must pass without errors or warnings
	warn  bool   // the problem is a warning, not an error
	text  string // the message names these numbers
}

// planRuleCase edits basePlan (and its district's other plans), judged on
// today (or TestCheckPlanRules' day when empty).
type planRuleCase struct {
	name   string
	edit   func(p *Plan, others *[]Plan)
	today  Date
	expect planWant
}

// planRuleCases are the plan rules' boundaries, one case each.
var planRuleCases = []planRuleCase{
	{"300,000 for 12 months passes", func(p *Plan, o *[]Plan) {}, "", planWant{}},
	{"300,001 for 12 months fails", func(p *Plan, o *[]Plan) { p.Amount = 300001 }, "",
		planWant{"amount", false, "지원액 300,001천원 이(가) 한도 300,000천원"}},
	{"250,000 for 10 months passes", func(p *Plan, o *[]Plan) {
		p.End, p.Months, p.Amount = "2018-10-31", 10, 250000
	}, "", planWant{}},
	{"250,001 for 10 months only warns (above the pro-rata share)", func(p *Plan, o *[]Plan) {
		p.End, p.Months, p.Amount = "2018-10-31", 10, 250001
	}, "", planWant{"amount", true, "10개월 안분액 250,000천원"}},
	{"300,000 for 10 months only warns", func(p *Plan, o *[]Plan) {
		p.End, p.Months, p.Amount = "2018-10-31", 10, 300000
	}, "", planWant{"amount", true, "지원액 300,000천원"}},
	{"300,001 for 10 months fails", func(p *Plan, o *[]Plan) {
		p.End, p.Months, p.Amount = "2018-10-31", 10, 300001
	}, "", planWant{"amount", false, "한도 300,000천원"}},
	{"실행기 of 12 months passes (one record is one year's support)", func(p *Plan, o *[]Plan) {}, "", planWant{}},
	{"실행기 of 13 months fails", func(p *Plan, o *[]Plan) {
		p.End, p.Months = "2019-01-31", 13
	}, "", planWant{"months", false, "실행기는 한 건에 최대 12개월입니다 (13개월)"}},
	{"one 24-month 실행기 record fails on its months", func(p *Plan, o *[]Plan) {
		p.End, p.Months, p.Amount = "2019-12-31", 24, 600000
	}, "", planWant{"months", false, "실행기는 한 건에 최대 12개월입니다 (24개월)"}},
	{"one 24-month 실행기 record of 600,000 fails on its amount: the cap is per record", func(p *Plan, o *[]Plan) {
		p.End, p.Months, p.Amount = "2019-12-31", 24, 600000
	}, "", planWant{"amount", false, "지원액 600,000천원 이(가) 한도 300,000천원(12개월 기준 최대 3억, 연차별 지원이므로 한 건마다)"}},
	{"375,000 for 15 months fails: above the per-record cap", func(p *Plan, o *[]Plan) {
		p.End, p.Months, p.Amount = "2019-03-31", 15, 375000
	}, "", planWant{"amount", false, "한도 300,000천원"}},
	{"준비기 without a grant passes", func(p *Plan, o *[]Plan) {
		p.Stage, p.Amount, p.End, p.Months = StagePrep, 0, "2018-04-30", 4
	}, "", planWant{}},
	{"준비기 with 1천원 fails", func(p *Plan, o *[]Plan) {
		p.Stage, p.Amount, p.End, p.Months = StagePrep, 1, "2018-04-30", 4
	}, "", planWant{"amount", false, "준비기에는 예산을 지원하지 않습니다 (지원액 1천원"}},
	{"수립기 of 12 months passes", func(p *Plan, o *[]Plan) {
		p.Stage, p.MainPlanOn = StageDrafting, "2018-10-01"
	}, "", planWant{}},
	{"수립기 of 13 months fails", func(p *Plan, o *[]Plan) {
		p.Stage, p.MainPlanOn, p.End, p.Months, p.Amount = StageDrafting, "2018-10-01", "2019-01-31", 13, 300000
	}, "", planWant{"months", false, "본계획 수립기는 최대 12개월입니다 (13개월)"}},
	{"준비기 of 13 months passes (비예산, no cap)", func(p *Plan, o *[]Plan) {
		p.Stage, p.Amount, p.End, p.Months = StagePrep, 0, "2019-01-31", 13
	}, "", planWant{}},
	{"36 months in all passes", func(p *Plan, o *[]Plan) {
		*o = []Plan{drafted(), {District: "관악구", Year: 2019, Stage: StageExecution,
			Start: "2019-01-01", End: "2019-12-31", Months: 12, Amount: 300000}}
	}, "", planWant{}},
	{"a 37th funded month fails", func(p *Plan, o *[]Plan) {
		*o = []Plan{drafted(), {District: "관악구", Year: 2019, Stage: StageExecution,
			Start: "2019-01-01", End: "2019-12-31", Months: 12, Amount: 300000},
			{District: "관악구", Year: 2020, Stage: StageExecution,
				Start: "2020-01-01", End: "2020-01-31", Months: 1, Amount: 25000}}
	}, "", planWant{"months", false, "관악구 지원 기간 합계 37개월이 최대 36개월을 넘습니다 (2017년 12 + 2018년 12 + 2019년 12 + 2020년 1; 수립기·실행기"}},
	{"준비기 6 + 36 funded months passes (6 + 12 + 12 + 12 is not 42): 준비기 is 비예산", func(p *Plan, o *[]Plan) {
		*o = []Plan{{District: "관악구", Year: 2016, Stage: StagePrep, Start: "2016-05-01", End: "2016-10-31", Months: 6, TFTCivil: 3, TFTOfficial: 2},
			drafted(), {District: "관악구", Year: 2019, Stage: StageExecution,
				Start: "2019-01-01", End: "2019-12-31", Months: 12, Amount: 300000}}
	}, "", planWant{}},
	{"stated months, not the dates, count towards the 36", func(p *Plan, o *[]Plan) {
		// 12 + 12 + 11 stated = 35; the 2019 dates cover 13 months (37 by the dates).
		*o = []Plan{drafted(), {District: "관악구", Year: 2019, Stage: StageExecution,
			Start: "2019-01-01", End: "2020-01-31", Months: 11, Amount: 250000}}
	}, "", planWant{}},
	{"협약 after the main plan passes", func(p *Plan, o *[]Plan) {
		*o = []Plan{drafted()}
		p.Process = []Step{{"공모", "2017-03-01"}, {"협의·조정", "2017-10-01"}, {"협약", "2017-12-20"}}
	}, "", planWant{}},
	{"협약 on the day the main plan is submitted passes", func(p *Plan, o *[]Plan) {
		p.MainPlanOn = "2017-12-20"
		p.Process = []Step{{"협약", "2017-12-20"}}
	}, "", planWant{}},
	{"협약 without a main plan fails", func(p *Plan, o *[]Plan) {
		p.Process = []Step{{"협약", "2017-12-20"}}
	}, "", planWant{"process", false, "협약은 본계획 제출 후에만 맺습니다: 본계획 제출일이 없습니다"}},
	{"협약 a day before the main plan fails", func(p *Plan, o *[]Plan) {
		p.MainPlanOn = "2017-12-21"
		p.Process = []Step{{"협약", "2017-12-20"}}
	}, "", planWant{"process", false, "협약 2017-12-20 이(가) 본계획 제출일 2017-12-21 보다 앞섭니다"}},
	{"a later year's main plan does not count for 협약", func(p *Plan, o *[]Plan) {
		later := drafted()
		later.Year, later.Start, later.End, later.MainPlanOn = 2019, "2019-01-01", "2019-12-31", "2017-01-01"
		*o = []Plan{later}
		p.Process = []Step{{"협약", "2017-12-20"}}
	}, "", planWant{"process", false, "본계획 제출일이 없습니다"}},
	{"steps out of date order fail", func(p *Plan, o *[]Plan) {
		p.Process = []Step{{"공모", "2017-05-01"}, {"협의·조정", "2017-04-01"}}
	}, "", planWant{"process", false, "협의·조정 2017-04-01 이(가) 앞 단계 공모 2017-05-01 보다 앞섭니다"}},
	{"steps out of order fail", func(p *Plan, o *[]Plan) {
		p.Process = []Step{{"지원", "2017-05-01"}, {"공모", "2017-06-01"}}
	}, "", planWant{"process", false, "절차 공모 이(가) 지원 뒤에 올 수 없습니다"}},
	{"an unknown step fails", func(p *Plan, o *[]Plan) {
		p.Process = []Step{{"심사", "2017-05-01"}}
	}, "", planWant{"process", false, `절차 "심사" 을(를) 알 수 없습니다`}},
	{"end a day after start passes", func(p *Plan, o *[]Plan) {
		p.End, p.Months, p.Amount = "2018-01-02", 1, 25000
	}, "", planWant{}},
	{"end on the start fails", func(p *Plan, o *[]Plan) {
		p.End, p.Months, p.Amount = "2018-01-01", 1, 25000
	}, "", planWant{"end", false, "종료일 2018-01-01 은(는) 시작일 2018-01-01 보다 뒤여야 합니다"}},
	{"end before start fails", func(p *Plan, o *[]Plan) { p.End = "2017-12-31" }, "",
		planWant{"end", false, "종료일 2017-12-31 은(는) 시작일 2018-01-01 보다 뒤여야 합니다"}},
	{"a period right after the last passes", func(p *Plan, o *[]Plan) { *o = []Plan{drafted()} }, "", planWant{}},
	{"a period overlapping by a day fails", func(p *Plan, o *[]Plan) {
		d := drafted()
		d.End = "2018-01-01"
		*o = []Plan{d}
	}, "", planWant{"start", false, "사업기간 2018-01-01 ~ 2018-12-31 이(가) 2017년 계획의 사업기간 2017-01-01 ~ 2018-01-01 와(과) 겹칩니다"}},
	{"another district's period does not count", func(p *Plan, o *[]Plan) {
		d := basePlan()
		d.District = "도봉구"
		*o = []Plan{d}
	}, "", planWant{}},
	{"two plans in one year fail", func(p *Plan, o *[]Plan) {
		d := drafted()
		d.Year = 2018
		*o = []Plan{d}
	}, "", planWant{"year", false, "관악구 2018년 계획이 이미 있습니다"}},
	{"TFT of 1 민 and 1 관 passes", func(p *Plan, o *[]Plan) { p.TFTCivil, p.TFTCouncil, p.TFTOfficial = 1, 0, 1 }, "", planWant{}},
	{"TFT 0/0/0 fails from 준비기 on: no 민", func(p *Plan, o *[]Plan) {
		p.Stage, p.Amount, p.End, p.Months = StagePrep, 0, "2018-04-30", 4
		p.TFTCivil, p.TFTCouncil, p.TFTOfficial = 0, 0, 0
	}, "", planWant{"tft_civil", false, "준비기부터 민·관 합동 TFT가 있어야 합니다: TFT 민이 0명입니다"}},
	{"TFT 0/0/0 fails from 준비기 on: no 관", func(p *Plan, o *[]Plan) {
		p.Stage, p.Amount, p.End, p.Months = StagePrep, 0, "2018-04-30", 4
		p.TFTCivil, p.TFTCouncil, p.TFTOfficial = 0, 0, 0
	}, "", planWant{"tft_official", false, "TFT 관이 0명입니다 (민 1명 이상, 관 1명 이상)"}},
	{"TFT without 관 fails", func(p *Plan, o *[]Plan) { p.TFTOfficial = 0; p.TFTCouncil = 3 }, "", planWant{"tft_official", false, "TFT 관이 0명입니다"}},
	{"TFT 민 -1 fails", func(p *Plan, o *[]Plan) { p.TFTCivil = -1 }, "", planWant{"tft_civil", false, "TFT 민 -1 은(는) 0 이상"}},
	{"TFT 구의원 -1 fails", func(p *Plan, o *[]Plan) { p.TFTCouncil = -1 }, "", planWant{"tft_council", false, "TFT 구의원 -1"}},
	{"TFT 관 -1 fails", func(p *Plan, o *[]Plan) { p.TFTOfficial = -1 }, "", planWant{"tft_official", false, "TFT 관 -1"}},
	{"months the dates disagree with only warn (성동구 2016)", func(p *Plan, o *[]Plan) {
		p.Year, p.Stage, p.Start, p.End, p.Months, p.Amount = 2016, StageDrafting, "2016-11-01", "2017-05-30", 6, 100000
		p.MainPlanOn = "2017-05-01"
	}, "", planWant{"months", true, "개월 수 6개월이 사업기간 2016-11-01 ~ 2017-05-30 (7개월)과 다릅니다"}},
	{"the stated months set the cap", func(p *Plan, o *[]Plan) {
		// The dates cover 7 months (175,000), the stated 6 allow 150,000.
		p.Year, p.Stage, p.Start, p.End, p.Months, p.Amount = 2016, StageDrafting, "2016-11-01", "2017-05-30", 6, 160000
		p.MainPlanOn = "2017-05-01"
	}, "", planWant{"amount", true, "6개월 안분액 150,000천원"}},
	{"unknown 참여예산 type fails", func(p *Plan, o *[]Plan) { p.PB = "특별형" }, "",
		planWant{"participatory_budget", false, `참여예산 연계 "특별형"`}},
	{"계획형 as older files wrote it passes", func(p *Plan, o *[]Plan) { p.PB = "계획형" }, "", planWant{}},
	{"융합형 as older files wrote it passes", func(p *Plan, o *[]Plan) { p.PB = "융합형" }, "", planWant{}},
	{"일반형 of 5억 passes", func(p *Plan, o *[]Plan) { p.PB, p.PBAmount = PBGeneral, 500000 }, "", planWant{}},
	{"일반형 above 5억 warns", func(p *Plan, o *[]Plan) { p.PB, p.PBAmount = PBGeneral, 500001 }, "",
		planWant{"pb_amount", true, "일반형 區 단위 금액 500,001천원 이(가) 계획의 500,000천원(5억)보다 많습니다"}},
	{"계획형 of 10억 with 2억 통합비용 passes", func(p *Plan, o *[]Plan) {
		p.PB, p.PBAmount, p.PBIntegration = PBPlanned, 1000000, 200000
	}, "", planWant{}},
	{"계획형 above 10억 warns", func(p *Plan, o *[]Plan) { p.PB, p.PBAmount = "융합형", 1000001 }, "",
		planWant{"pb_amount", true, "계획형(융합형) 區 단위 금액 1,000,001천원 이(가) 계획의 1,000,000천원(10억 이내)"}},
	{"통합비용 above 2억 warns", func(p *Plan, o *[]Plan) { p.PB, p.PBIntegration = PBPlanned, 200001 }, "",
		planWant{"pb_integration_cost", true, "통합비용 200,001천원 이(가) 계획의 200,000천원(2억원 이내)"}},
	{"통합비용 with 일반형 warns", func(p *Plan, o *[]Plan) { p.PB, p.PBIntegration = PBGeneral, 1000 }, "",
		planWant{"pb_integration_cost", true, "통합비용은 계획형(융합형)에만 부여합니다"}},
	{"洞 단위 0.3억 a 洞 passes", func(p *Plan, o *[]Plan) { p.PB, p.PBDongs, p.PBDongAmount = PBGeneral, 4, 120000 }, "", planWant{}},
	{"洞 단위 above 0.3억 a 洞 warns", func(p *Plan, o *[]Plan) { p.PB, p.PBDongs, p.PBDongAmount = PBGeneral, 4, 120001 }, "",
		planWant{"pb_dong_amount", true, "洞 단위 금액 120,001천원 이(가) 4개 洞 × 30,000천원(0.3억) = 120,000천원보다 많습니다"}},
	{"more 洞 than the city's 80 warns", func(p *Plan, o *[]Plan) { p.PB, p.PBDongs = PBPlanned, 81 }, "",
		planWant{"pb_dongs", true, "洞 수 81개 이(가) 계획의 동단위 계획형 80개"}},
	{"amounts without a type warn", func(p *Plan, o *[]Plan) { p.PBAmount = 500000 }, "",
		planWant{"participatory_budget", true, "참여예산 금액이 있는데 유형"}},
	{"a negative 참여예산 amount fails", func(p *Plan, o *[]Plan) { p.PB, p.PBAmount = PBGeneral, -1 }, "",
		planWant{"pb_amount", false, "참여예산 區 단위 금액 -1 은(는) 0 이상"}},
	{"공모 on the year's deadline passes", func(p *Plan, o *[]Plan) {
		p.Process = []Step{{"공모", "2018-07-31"}}
	}, "", planWant{}},
	{"공모 a day after the year's deadline warns", func(p *Plan, o *[]Plan) {
		p.Process = []Step{{"공모", "2018-08-01"}}
	}, "", planWant{"process", true, "공모 2018-08-01 이(가) 2018년 공모 마감(신규 자치구 모집) 2018-07-31 보다 늦습니다"}},
	{"공모 in a year without deadlines in settings passes", func(p *Plan, o *[]Plan) {
		p.Process = []Step{{"공모", "2019-12-01"}}
	}, "", planWant{}},
	{"본계획(초안) on 6-30 passes", func(p *Plan, o *[]Plan) { p.PB, p.DraftPlanOn = PBPlanned, "2018-06-30" }, "", planWant{}},
	{"본계획(초안) on 7-01 warns", func(p *Plan, o *[]Plan) { p.PB, p.DraftPlanOn = PBPlanned, "2018-07-01" }, "",
		planWant{"draft_plan_submitted", true, "본계획(초안) 제출일 2018-07-01 이(가) 2018년 시민참여예산 연계 본계획(초안) 제출 마감 2018-06-30 보다 늦습니다"}},
	{"a bad 본계획(초안) date fails", func(p *Plan, o *[]Plan) { p.DraftPlanOn = "2018-06-31" }, "",
		planWant{"draft_plan_submitted", false, `본계획(초안) 제출일 "2018-06-31"`}},
	{"a drafting plan without its main plan warns after its period", func(p *Plan, o *[]Plan) {
		p.Stage, p.End, p.Months, p.Amount = StageDrafting, "2018-06-30", 6, 150000
	}, "2018-07-01", planWant{"main_plan_submitted", true, "본계획 제출 마감 2018-06-30 이(가) 지났습니다 (D+1)"}},
	{"a drafting plan is not late on its last day", func(p *Plan, o *[]Plan) {
		p.Stage, p.End, p.Months, p.Amount = StageDrafting, "2018-06-30", 6, 150000
	}, "2018-06-30", planWant{}},
	{"the main plan is due by the settings' 10-31 at the latest", func(p *Plan, o *[]Plan) {
		p.Stage = StageDrafting
	}, "2018-11-01", planWant{"main_plan_submitted", true, "본계획 제출 마감 2018-10-31 이(가) 지났습니다"}},
	{"a year without deadlines in settings has only the period", func(p *Plan, o *[]Plan) {
		p.Year, p.Stage, p.Start, p.End = 2019, StageDrafting, "2019-01-01", "2019-12-31"
	}, "2019-11-01", planWant{}},
	{"a submitted main plan is not late", func(p *Plan, o *[]Plan) {
		p.Stage, p.MainPlanOn = StageDrafting, "2018-12-01"
	}, "2019-03-01", planWant{}},
	{"no district fails", func(p *Plan, o *[]Plan) { p.District = "" }, "", planWant{"district", false, "자치구를 입력하세요"}},
	{"no stage fails", func(p *Plan, o *[]Plan) { p.Stage = 0 }, "", planWant{"stage", false, "단계를 고르세요"}},
	{"a bad date fails", func(p *Plan, o *[]Plan) { p.Start = "2018-02-30" }, "", planWant{"start", false, `시작일 "2018-02-30"`}},
}

func TestCheckPlanRules(t *testing.T) {
	const today = Date("2018-03-01")
	for _, c := range planRuleCases {
		t.Run(c.name, func(t *testing.T) {
			p := basePlan()
			var others []Plan
			c.edit(&p, &others)
			day := today
			if c.today != "" {
				day = c.today
			}
			checkPlanRuleCase(t, c.expect, CheckPlan(p, others, day, testDeadlines))
		})
	}
}

// checkPlanRuleCase wants no problem at all, or the expected one (a
// warning not blocking the save).
func checkPlanRuleCase(t *testing.T, expect planWant, ps Problems) {
	t.Helper()
	if expect.field == "" {
		if len(ps) != 0 {
			t.Fatalf("want no problems, got %v", ps)
		}
		return
	}
	var hit bool
	for _, pr := range ps.Field(expect.field) {
		if pr.Warning == expect.warn && strings.Contains(pr.Message, expect.text) {
			hit = true
		}
	}
	if !hit {
		t.Fatalf("want %s (warning %v) containing %q, got %v", expect.field, expect.warn, expect.text, ps)
	}
	if expect.warn && ps.HasErrors() {
		t.Fatalf("a warning case must not block saving: %v", ps.Errors())
	}
}

// testDeadlines are settings' deadlines for 2018 (the plan's dates moved a
// year on); 2019 has none.
var testDeadlines = []YearDeadlines{seedDeadlines(2017), {Year: 2018, Call: "2018-07-31", PBDraft: "2018-06-30", MainPlan: "2018-10-31"}}

func TestPlanShare(t *testing.T) {
	for _, c := range []struct {
		months int
		share  int64
	}{{1, 25000}, {6, 150000}, {10, 250000}, {12, 300000}} {
		if got := PlanShare(c.months); got != c.share {
			t.Errorf("PlanShare(%d) = %d, want %d", c.months, got, c.share)
		}
	}
}

// TestSeedPlansMessages: the plan's 참고1 passes, and only 성동구 (6 months
// stated, 7 started by the dates) draws a warning while no main plan is due.
func TestSeedPlansMessages(t *testing.T) {
	d := SeedData()
	for _, p := range d.Plans {
		ps := CheckPlan(p, nil, "2017-03-02", d.Settings.Deadlines)
		if ps.HasErrors() {
			t.Errorf("%s: %v", p.District, ps.Errors())
		}
		if p.District == "성동구" {
			if len(ps) != 1 || ps[0].Field != "months" || !strings.Contains(ps[0].Message, "(7개월)") {
				t.Errorf("성동구: want one months warning, got %v", ps)
			}
		} else if len(ps) != 0 {
			t.Errorf("%s: %v", p.District, ps)
		}
	}
	// After 도봉구's period ends without a main plan on record, it is late.
	for _, p := range d.Plans {
		if p.District == "도봉구" {
			ps := CheckPlan(p, nil, "2017-04-01", d.Settings.Deadlines)
			if len(ps.Field("main_plan_submitted")) != 1 || ps.HasErrors() {
				t.Errorf("도봉구 on 2017-04-01: %v", ps)
			}
		}
	}
}

func TestSyntheticPlansPassTheRules(t *testing.T) {
	for _, years := range []int{1, 3, 5, 10} {
		for _, seed := range []int64{0, 1, 42} {
			t.Run(fmt.Sprintf("%d years seed %d", years, seed), func(t *testing.T) {
				d := WithSynthetic(SeedData(), years, seed)
				for _, f := range CheckDataset(d, SyntheticAsOf(years)).Errors() {
					t.Error(f)
				}
			})
		}
	}
}

func TestPlanUsage(t *testing.T) {
	plans := []Plan{
		{District: "관악구", Year: 2016, Stage: StagePrep, Months: 4},
		{District: "관악구", Year: 2017, Stage: StageDrafting, Months: 10, Amount: 167000},
		{District: "관악구", Year: 2018, Stage: StageExecution, Months: 12, Amount: 280000},
		{District: "도봉구", Year: 2017, Stage: StageDrafting, Months: 5, Amount: 79000},
	}
	// 준비기 (비예산) does not count: 10 funded months by 2017, 22 in all.
	u := PlanUsageOf("관악구", 2017, plans)
	if u.Months != 10 || u.MonthsAll != 22 || u.Amount != 167000 || u.Share != 250000 || u.YearMonths != 10 {
		t.Fatalf("usage 2017: %+v", u)
	}
	if got := u.String(); got != "지원 개월 10 / 36 · 2017년 지원액 167,000 / 한도 250,000" {
		t.Fatalf("String() = %q", got)
	}
	if got := PlanFundedMonths("관악구", 2017, plans); got != u.Months {
		t.Fatalf("PlanFundedMonths = %d, usage %d", got, u.Months)
	}
	u = PlanUsageOf("관악구", 2019, plans)
	if u.Months != 22 || u.Amount != 0 || u.Share != 0 {
		t.Fatalf("usage 2019: %+v", u)
	}
	h := PlanHistoryOf("관악구", plans)
	if len(h) != 3 || h[0].Year != 2016 || h[2].Year != 2018 {
		t.Fatalf("history: %+v", h)
	}
}

func BenchmarkCheckDatasetPlans(b *testing.B) {
	d := SyntheticData(10, 1)
	d.Platforms, d.Sessions, d.Events = nil, nil, nil
	b.ReportAllocs()
	for b.Loop() {
		CheckDataset(d, SyntheticAsOf(10))
	}
}

func TestCheckPBDongsCity(t *testing.T) {
	plans := []Plan{
		{District: "관악구", Year: 2018, PBDongs: 21},
		{District: "도봉구", Year: 2018, PBDongs: 14},
		{District: "은평구", Year: 2018, PBDongs: 45},
		{District: "성동구", Year: 2019, PBDongs: 17},
	}
	if ps := CheckPBDongsCity(plans, 2018); len(ps) != 0 {
		t.Fatalf("80 洞 in 2018: %v", ps)
	}
	plans[0].PBDongs = 22
	ps := CheckPBDongsCity(plans, 2018)
	if len(ps) != 1 || !ps[0].Warning || !strings.Contains(ps[0].Message, "2018년 洞 단위 계획형 합계 81개 이(가) 계획의 80개(서울시 전체)보다 많습니다 (관악구 22, 도봉구 14, 은평구 45)") {
		t.Fatalf("81 洞: %v", ps)
	}
	if ps := CheckPBDongsCity(plans, 2019); len(ps) != 0 {
		t.Fatalf("2019: %v", ps)
	}
}
