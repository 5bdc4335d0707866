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

func TestCheckPlanRules(t *testing.T) {
	const today = Date("2018-03-01")
	type want struct {
		field string // "" when the plan must pass without errors or warnings
		warn  bool   // the problem is a warning, not an error
		text  string // the message names these numbers
	}
	cases := []struct {
		name   string
		edit   func(p *Plan, others *[]Plan)
		today  Date
		expect want
	}{
		{"300,000 for 12 months passes", func(p *Plan, o *[]Plan) {}, "", want{}},
		{"300,001 for 12 months fails", func(p *Plan, o *[]Plan) { p.Amount = 300001 }, "",
			want{"amount", false, "지원액 300,001천원 이(가) 한도 300,000천원"}},
		{"250,000 for 10 months passes", func(p *Plan, o *[]Plan) {
			p.End, p.Months, p.Amount = "2018-10-31", 10, 250000
		}, "", want{}},
		{"250,001 for 10 months only warns (above the pro-rata share)", func(p *Plan, o *[]Plan) {
			p.End, p.Months, p.Amount = "2018-10-31", 10, 250001
		}, "", want{"amount", true, "10개월 안분액 250,000천원"}},
		{"300,000 for 10 months only warns", func(p *Plan, o *[]Plan) {
			p.End, p.Months, p.Amount = "2018-10-31", 10, 300000
		}, "", want{"amount", true, "지원액 300,000천원"}},
		{"300,001 for 10 months fails", func(p *Plan, o *[]Plan) {
			p.End, p.Months, p.Amount = "2018-10-31", 10, 300001
		}, "", want{"amount", false, "한도 300,000천원"}},
		{"375,000 for 15 months passes", func(p *Plan, o *[]Plan) {
			p.End, p.Months, p.Amount = "2019-03-31", 15, 375000
		}, "", want{}},
		{"375,001 for 15 months fails", func(p *Plan, o *[]Plan) {
			p.End, p.Months, p.Amount = "2019-03-31", 15, 375001
		}, "", want{"amount", false, "15개월 한도 375,000천원(300,000 × 15 ÷ 12)"}},
		{"준비기 without a grant passes", func(p *Plan, o *[]Plan) {
			p.Stage, p.Amount, p.End, p.Months = StagePrep, 0, "2018-04-30", 4
		}, "", want{}},
		{"준비기 with 1천원 fails", func(p *Plan, o *[]Plan) {
			p.Stage, p.Amount, p.End, p.Months = StagePrep, 1, "2018-04-30", 4
		}, "", want{"amount", false, "준비기에는 예산을 지원하지 않습니다 (지원액 1천원"}},
		{"수립기 of 12 months passes", func(p *Plan, o *[]Plan) {
			p.Stage, p.MainPlanOn = StageDrafting, "2018-10-01"
		}, "", want{}},
		{"수립기 of 13 months fails", func(p *Plan, o *[]Plan) {
			p.Stage, p.MainPlanOn, p.End, p.Months, p.Amount = StageDrafting, "2018-10-01", "2019-01-31", 13, 300000
		}, "", want{"months", false, "본계획 수립기는 최대 12개월입니다 (13개월)"}},
		{"36 months in all passes", func(p *Plan, o *[]Plan) {
			*o = []Plan{drafted(), {District: "관악구", Year: 2019, Stage: StageExecution,
				Start: "2019-01-01", End: "2019-12-31", Months: 12, Amount: 300000}}
		}, "", want{}},
		{"a 37th month fails", func(p *Plan, o *[]Plan) {
			*o = []Plan{drafted(), {District: "관악구", Year: 2019, Stage: StageExecution,
				Start: "2019-01-01", End: "2020-01-31", Months: 13, Amount: 300000}}
		}, "", want{"months", false, "관악구 지원 기간 합계 37개월이 최대 36개월을 넘습니다 (2017년 12 + 2018년 12 + 2019년 13"}},
		{"준비기 months count towards the 36", func(p *Plan, o *[]Plan) {
			*o = []Plan{{District: "관악구", Year: 2016, Stage: StagePrep, Start: "2016-05-01", End: "2016-05-31", Months: 1},
				drafted(), {District: "관악구", Year: 2019, Stage: StageExecution,
					Start: "2019-01-01", End: "2019-12-31", Months: 12, Amount: 300000}}
		}, "", want{"months", false, "합계 37개월"}},
		{"stated months, not the dates, count towards the 36", func(p *Plan, o *[]Plan) {
			*o = []Plan{drafted(), {District: "관악구", Year: 2019, Stage: StageExecution,
				Start: "2019-01-01", End: "2019-12-31", Months: 11, Amount: 250000}}
			p.Months = 13
			p.End = "2019-01-31"
			(*o)[1].Start = "2019-02-01" // ~ 2020-01-31 covers 12 months; 11 stated
			(*o)[1].End = "2020-01-31"
		}, "", want{}},
		{"협약 after the main plan passes", func(p *Plan, o *[]Plan) {
			*o = []Plan{drafted()}
			p.Process = []Step{{"공모", "2017-03-01"}, {"협의·조정", "2017-10-01"}, {"협약", "2017-12-20"}}
		}, "", want{}},
		{"협약 on the day the main plan is submitted passes", func(p *Plan, o *[]Plan) {
			p.MainPlanOn = "2017-12-20"
			p.Process = []Step{{"협약", "2017-12-20"}}
		}, "", want{}},
		{"협약 without a main plan fails", func(p *Plan, o *[]Plan) {
			p.Process = []Step{{"협약", "2017-12-20"}}
		}, "", want{"process", false, "협약은 본계획 제출 후에만 맺습니다: 본계획 제출일이 없습니다"}},
		{"협약 a day before the main plan fails", func(p *Plan, o *[]Plan) {
			p.MainPlanOn = "2017-12-21"
			p.Process = []Step{{"협약", "2017-12-20"}}
		}, "", want{"process", false, "협약 2017-12-20 이(가) 본계획 제출일 2017-12-21 보다 앞섭니다"}},
		{"a later year's main plan does not count for 협약", func(p *Plan, o *[]Plan) {
			later := drafted()
			later.Year, later.Start, later.End, later.MainPlanOn = 2019, "2019-01-01", "2019-12-31", "2017-01-01"
			*o = []Plan{later}
			p.Process = []Step{{"협약", "2017-12-20"}}
		}, "", want{"process", false, "본계획 제출일이 없습니다"}},
		{"steps out of date order fail", func(p *Plan, o *[]Plan) {
			p.Process = []Step{{"공모", "2017-05-01"}, {"협의·조정", "2017-04-01"}}
		}, "", want{"process", false, "협의·조정 2017-04-01 이(가) 앞 단계 공모 2017-05-01 보다 앞섭니다"}},
		{"steps out of order fail", func(p *Plan, o *[]Plan) {
			p.Process = []Step{{"지원", "2017-05-01"}, {"공모", "2017-06-01"}}
		}, "", want{"process", false, "절차 공모 이(가) 지원 뒤에 올 수 없습니다"}},
		{"an unknown step fails", func(p *Plan, o *[]Plan) {
			p.Process = []Step{{"심사", "2017-05-01"}}
		}, "", want{"process", false, `절차 "심사" 을(를) 알 수 없습니다`}},
		{"end a day after start passes", func(p *Plan, o *[]Plan) {
			p.End, p.Months, p.Amount = "2018-01-02", 1, 25000
		}, "", want{}},
		{"end on the start fails", func(p *Plan, o *[]Plan) {
			p.End, p.Months, p.Amount = "2018-01-01", 1, 25000
		}, "", want{"end", false, "종료일 2018-01-01 은(는) 시작일 2018-01-01 보다 뒤여야 합니다"}},
		{"end before start fails", func(p *Plan, o *[]Plan) { p.End = "2017-12-31" }, "",
			want{"end", false, "종료일 2017-12-31 은(는) 시작일 2018-01-01 보다 뒤여야 합니다"}},
		{"a period right after the last passes", func(p *Plan, o *[]Plan) { *o = []Plan{drafted()} }, "", want{}},
		{"a period overlapping by a day fails", func(p *Plan, o *[]Plan) {
			d := drafted()
			d.End = "2018-01-01"
			*o = []Plan{d}
		}, "", want{"start", false, "사업기간 2018-01-01 ~ 2018-12-31 이(가) 2017년 계획의 사업기간 2017-01-01 ~ 2018-01-01 와(과) 겹칩니다"}},
		{"another district's period does not count", func(p *Plan, o *[]Plan) {
			d := basePlan()
			d.District = "도봉구"
			*o = []Plan{d}
		}, "", want{}},
		{"two plans in one year fail", func(p *Plan, o *[]Plan) {
			d := drafted()
			d.Year = 2018
			*o = []Plan{d}
		}, "", want{"year", false, "관악구 2018년 계획이 이미 있습니다"}},
		{"TFT of 0 passes", func(p *Plan, o *[]Plan) { p.TFTCouncil = 0; p.TFTCivil = 0 }, "", want{}},
		{"TFT 민 -1 fails", func(p *Plan, o *[]Plan) { p.TFTCivil = -1 }, "", want{"tft_civil", false, "TFT 민 -1 은(는) 0 이상"}},
		{"TFT 구의원 -1 fails", func(p *Plan, o *[]Plan) { p.TFTCouncil = -1 }, "", want{"tft_council", false, "TFT 구의원 -1"}},
		{"TFT 관 -1 fails", func(p *Plan, o *[]Plan) { p.TFTOfficial = -1 }, "", want{"tft_official", false, "TFT 관 -1"}},
		{"months the dates disagree with only warn (성동구 2016)", func(p *Plan, o *[]Plan) {
			p.Year, p.Stage, p.Start, p.End, p.Months, p.Amount = 2016, StageDrafting, "2016-11-01", "2017-05-30", 6, 100000
			p.MainPlanOn = "2017-05-01"
		}, "", want{"months", true, "개월 수 6개월이 사업기간 2016-11-01 ~ 2017-05-30 (7개월)과 다릅니다"}},
		{"the stated months set the cap", func(p *Plan, o *[]Plan) {
			// The dates cover 7 months (175,000), the stated 6 allow 150,000.
			p.Year, p.Stage, p.Start, p.End, p.Months, p.Amount = 2016, StageDrafting, "2016-11-01", "2017-05-30", 6, 160000
			p.MainPlanOn = "2017-05-01"
		}, "", want{"amount", true, "6개월 안분액 150,000천원"}},
		{"unknown 참여예산 type fails", func(p *Plan, o *[]Plan) { p.PB = "특별형" }, "",
			want{"participatory_budget", false, `참여예산 연계 "특별형"`}},
		{"a drafting plan without its main plan warns after its period", func(p *Plan, o *[]Plan) {
			p.Stage, p.End, p.Months, p.Amount = StageDrafting, "2018-06-30", 6, 150000
		}, "2018-07-01", want{"main_plan_submitted", true, "본계획 제출 마감 2018-06-30 이(가) 지났습니다 (D+1)"}},
		{"a drafting plan is not late on its last day", func(p *Plan, o *[]Plan) {
			p.Stage, p.End, p.Months, p.Amount = StageDrafting, "2018-06-30", 6, 150000
		}, "2018-06-30", want{}},
		{"the main plan is due by 10-31 at the latest", func(p *Plan, o *[]Plan) {
			p.Stage = StageDrafting
		}, "2018-11-01", want{"main_plan_submitted", true, "본계획 제출 마감 2018-10-31 이(가) 지났습니다"}},
		{"a submitted main plan is not late", func(p *Plan, o *[]Plan) {
			p.Stage, p.MainPlanOn = StageDrafting, "2018-12-01"
		}, "2019-03-01", want{}},
		{"no district fails", func(p *Plan, o *[]Plan) { p.District = "" }, "", want{"district", false, "자치구를 입력하세요"}},
		{"no stage fails", func(p *Plan, o *[]Plan) { p.Stage = 0 }, "", want{"stage", false, "단계를 고르세요"}},
		{"a bad date fails", func(p *Plan, o *[]Plan) { p.Start = "2018-02-30" }, "", want{"start", false, `시작일 "2018-02-30"`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := basePlan()
			var others []Plan
			c.edit(&p, &others)
			day := today
			if c.today != "" {
				day = c.today
			}
			ps := CheckPlan(p, others, day)
			if c.expect.field == "" {
				if len(ps) != 0 {
					t.Fatalf("want no problems, got %v", ps)
				}
				return
			}
			var hit bool
			for _, pr := range ps.Field(c.expect.field) {
				if pr.Warning == c.expect.warn && strings.Contains(pr.Message, c.expect.text) {
					hit = true
				}
			}
			if !hit {
				t.Fatalf("want %s (warning %v) containing %q, got %v", c.expect.field, c.expect.warn, c.expect.text, ps)
			}
			if c.expect.warn && ps.HasErrors() {
				t.Fatalf("a warning case must not block saving: %v", ps.Errors())
			}
		})
	}
}

func TestPlanCapAndShare(t *testing.T) {
	for _, c := range []struct {
		months     int
		cap, share int64
	}{{1, 300000, 25000}, {6, 300000, 150000}, {10, 300000, 250000}, {12, 300000, 300000}, {13, 325000, 325000}, {36, 900000, 900000}} {
		if got := PlanCap(c.months); got != c.cap {
			t.Errorf("PlanCap(%d) = %d, want %d", c.months, got, c.cap)
		}
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
		ps := CheckPlan(p, nil, "2017-03-02")
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
			ps := CheckPlan(p, nil, "2017-04-01")
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
	u := PlanUsageOf("관악구", 2017, plans)
	if u.Months != 14 || u.MonthsAll != 26 || u.Amount != 167000 || u.Share != 250000 || u.YearMonths != 10 {
		t.Fatalf("usage 2017: %+v", u)
	}
	if got := u.String(); got != "지원 개월 14 / 36 · 2017년 지원액 167,000 / 한도 250,000" {
		t.Fatalf("String() = %q", got)
	}
	u = PlanUsageOf("관악구", 2019, plans)
	if u.Months != 26 || u.Amount != 0 || u.Share != 0 {
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
