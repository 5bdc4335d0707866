package store

import (
	"fmt"
	"slices"
	"strings"
)

// The programme's limits for community innovation plans (the plan's Ⅴ).
const (
	// PlanGrantPer12 is the most a plan gets per 12 months (최대 3억 / 12개월 기준), 천원.
	PlanGrantPer12 int64 = 300000
	// PlanMaxMonths is the most months of support a district gets in all
	// (최대 36개월, 연차별 지원, 계획 수립 기간 포함).
	PlanMaxMonths = 36
	// PlanDraftingMaxMonths is the longest 본계획 수립기 (최대 12개월 이내).
	PlanDraftingMaxMonths = 12
)

// PlanShare is the pro-rata grant for a period of months:
// 300,000 × months ÷ 12 (25,000천원 a month, so it is always whole).
func PlanShare(months int) int64 { return PlanGrantPer12 * int64(months) / 12 }

// PlanCap is the most a plan of that many months may get: 300,000천원 for
// a period of up to 12 months, 300,000 × months ÷ 12 for a longer one.
func PlanCap(months int) int64 {
	if months <= 12 {
		return PlanGrantPer12
	}
	return PlanShare(months)
}

// CheckPlan judges a plan against the programme's rules. others are the
// other plans of the same district (any year); today dates the warnings.
// Every limit uses the months as the document states them (Plan.Months);
// only where none are stated are they counted from the dates.
func CheckPlan(p Plan, others []Plan, today Date) Problems {
	var ps Problems
	checkDistrict(&ps, "district", p.District, true)
	checkYear(&ps, p.Year)
	if p.Stage == 0 {
		ps.errorf("stage", "단계를 고르세요 (준비기, 본계획 수립기, 실행기)")
	}
	checkPlanPeriod(&ps, p)
	months := p.StatedMonths()
	checkPlanAmount(&ps, p, months)
	if p.Stage == StageDrafting && months > PlanDraftingMaxMonths {
		ps.errorf("months", "본계획 수립기는 최대 %d개월입니다 (%d개월)", PlanDraftingMaxMonths, months)
	}
	for _, f := range []struct {
		field, label string
		n            int
	}{{"tft_civil", "TFT 민", p.TFTCivil}, {"tft_council", "TFT 구의원", p.TFTCouncil}, {"tft_official", "TFT 관", p.TFTOfficial}} {
		if f.n < 0 {
			ps.errorf(f.field, "%s %d 은(는) 0 이상이어야 합니다", f.label, f.n)
		}
	}
	if p.PB != "" && !slices.Contains(PBTypes, p.PB) {
		ps.errorf("participatory_budget", "참여예산 연계 %q 을(를) 알 수 없습니다 (%s 중 하나)", p.PB, strings.Join(PBTypes, ", "))
	}
	checkDate(&ps, "main_plan_submitted", "본계획 제출일", p.MainPlanOn)
	checkPlanProcess(&ps, p, others)
	checkPlanDistrict(&ps, p, others)
	checkPlanDeadline(&ps, p, today)
	return ps
}

// StatedMonths are the months the limits use: as stated, or, where none are
// stated, as many as the period's dates cover.
func (p Plan) StatedMonths() int {
	if p.Months > 0 {
		return p.Months
	}
	return MonthsBetween(p.Start, p.End)
}

// checkPlanPeriod: real dates, end after start, months that agree with them.
func checkPlanPeriod(ps *Problems, p Plan) {
	checkDate(ps, "start", "시작일", p.Start)
	checkDate(ps, "end", "종료일", p.End)
	if !p.Start.Valid() || !p.End.Valid() {
		return
	}
	switch {
	case p.Start.IsZero() && p.End.IsZero():
		ps.warnf("start", "사업기간(시작일 ~ 종료일)이 비어 있습니다")
	case p.Start.IsZero():
		ps.warnf("start", "시작일이 비어 있습니다")
	case p.End.IsZero():
		ps.warnf("end", "종료일이 비어 있습니다")
	case p.End <= p.Start:
		ps.errorf("end", "종료일 %s 은(는) 시작일 %s 보다 뒤여야 합니다", p.End, p.Start)
	}
	if p.Months < 0 {
		ps.errorf("months", "개월 수 %d 은(는) 0 이상이어야 합니다", p.Months)
		return
	}
	if n := MonthsBetween(p.Start, p.End); p.Months > 0 && n > 0 && n != p.Months {
		ps.warnf("months", "개월 수 %d개월이 사업기간 %s ~ %s (%d개월)과 다릅니다; 한도는 적힌 %d개월로 계산합니다",
			p.Months, p.Start, p.End, n, p.Months)
	}
}

// checkPlanAmount: no grant in 준비기; at most 300,000 for up to 12 months
// (above the pro-rata share only warns), 300,000 × months ÷ 12 beyond.
func checkPlanAmount(ps *Problems, p Plan, months int) {
	switch {
	case p.Amount < 0:
		ps.errorf("amount", "지원액 %s천원 이(가) 음수입니다", Money(p.Amount))
		return
	case p.Amount == 0:
		return
	case p.Stage == StagePrep:
		ps.errorf("amount", "준비기에는 예산을 지원하지 않습니다 (지원액 %s천원 → 0)", Money(p.Amount))
		return
	case months == 0:
		ps.warnf("amount", "개월 수를 알 수 없어 지원액 %s천원의 한도를 확인하지 못했습니다", Money(p.Amount))
		return
	}
	limit := PlanCap(months)
	switch {
	case p.Amount > limit && months <= 12:
		ps.errorf("amount", "지원액 %s천원 이(가) 한도 %s천원(12개월 기준 최대)을 넘습니다", Money(p.Amount), Money(limit))
	case p.Amount > limit:
		ps.errorf("amount", "지원액 %s천원 이(가) %d개월 한도 %s천원(300,000 × %d ÷ 12)을 넘습니다",
			Money(p.Amount), months, Money(limit), months)
	case p.Amount > PlanShare(months):
		ps.warnf("amount", "지원액 %s천원 이(가) %d개월 안분액 %s천원(300,000 × %d ÷ 12)보다 많습니다",
			Money(p.Amount), months, Money(PlanShare(months)), months)
	}
}

// checkPlanProcess: known steps in order, real dates, and 협약 only after
// a main plan is recorded as submitted (this plan's or an earlier one of the
// district's), since "협약의 체결은 본계획서가 제출된 이후 협의・조정이 완료된 시점".
func checkPlanProcess(ps *Problems, p Plan, others []Plan) {
	lastIdx := -1
	var lastDated Step
	for _, s := range p.Process {
		idx := slices.Index(PlanSteps, s.Name)
		switch {
		case idx < 0:
			ps.errorf("process", "절차 %q 을(를) 알 수 없습니다 (%s 중 하나)", s.Name, strings.Join(PlanSteps, ", "))
			continue
		case idx <= lastIdx:
			ps.errorf("process", "절차 %s 이(가) %s 뒤에 올 수 없습니다 (%s 순서)", s.Name, PlanSteps[lastIdx], strings.Join(PlanSteps, " → "))
			continue
		case !s.On.Valid():
			ps.errorf("process", "%s 날짜 %q 이(가) 올바른 날짜가 아닙니다 (예: 2017-07-31)", s.Name, string(s.On))
			continue
		}
		lastIdx = idx
		if !s.On.IsZero() {
			if !lastDated.On.IsZero() && s.On < lastDated.On {
				ps.errorf("process", "%s %s 이(가) 앞 단계 %s %s 보다 앞섭니다", s.Name, s.On, lastDated.Name, lastDated.On)
			}
			lastDated = s
		}
		if s.Name == "협약" {
			checkAgreement(ps, p, others, s.On)
		}
	}
}

func checkAgreement(ps *Problems, p Plan, others []Plan, on Date) {
	submitted := p.MainPlanOn
	for _, o := range others {
		if !o.MainPlanOn.IsZero() && o.Year <= p.Year && (submitted.IsZero() || o.MainPlanOn < submitted) {
			submitted = o.MainPlanOn
		}
	}
	switch {
	case submitted.IsZero():
		ps.errorf("process", "협약은 본계획 제출 후에만 맺습니다: 본계획 제출일이 없습니다")
	case !on.IsZero() && on < submitted:
		ps.errorf("process", "협약 %s 이(가) 본계획 제출일 %s 보다 앞섭니다; 협약은 본계획 제출 후에만 맺습니다", on, submitted)
	}
}

// checkPlanDistrict: one plan a year, periods that do not overlap, and the
// 36-month cap. The cap counts the stated months of every plan of the
// district in any year and any stage — 준비기 and 본계획 수립기 included, as
// the plan's "계획 수립 기간을 포함" says — so every plan of a district that
// is over it reports the breach.
func checkPlanDistrict(ps *Problems, p Plan, others []Plan) {
	total := p.StatedMonths()
	all := []Plan{p}
	for _, o := range others {
		if o.District != p.District {
			continue
		}
		if PlanIdentity(o) == PlanIdentity(p) && p.Year != 0 {
			ps.errorf("year", "%s %d년 계획이 이미 있습니다 (자치구마다 한 해에 계획 하나)", p.District, p.Year)
		}
		if overlaps(p, o) {
			ps.errorf("start", "사업기간 %s ~ %s 이(가) %d년 계획의 사업기간 %s ~ %s 와(과) 겹칩니다",
				p.Start, p.End, o.Year, o.Start, o.End)
		}
		total += o.StatedMonths()
		all = append(all, o)
	}
	if total > PlanMaxMonths {
		slices.SortStableFunc(all, func(a, b Plan) int { return a.Year - b.Year })
		var parts []string
		for _, x := range all {
			parts = append(parts, fmt.Sprintf("%d년 %d", x.Year, x.StatedMonths()))
		}
		ps.errorf("months", "%s 지원 기간 합계 %d개월이 최대 %d개월을 넘습니다 (%s; 계획 수립 기간 포함)",
			p.District, total, PlanMaxMonths, strings.Join(parts, " + "))
	}
}

func overlaps(a, b Plan) bool {
	if a.Start.IsZero() || a.End.IsZero() || b.Start.IsZero() || b.End.IsZero() || a.End < a.Start || b.End < b.Start {
		return false
	}
	return a.Start <= b.End && b.Start <= a.End
}

// MainPlanDue is when a drafting plan's main plan is due: the end of its
// agreed period, and no later than that year's 본계획 수립・제출 마감
// (2017-10-31 in the plan's calendar).
func MainPlanDue(p Plan) Date {
	y := p.End.Year()
	if y == 0 {
		y = p.Year
	}
	due := mainPlanDeadline(y)
	if !p.End.IsZero() && p.End < due {
		return p.End
	}
	return due
}

// mainPlanDeadline is the year's 본계획 제출 마감 from the programme calendar.
func mainPlanDeadline(year int) Date {
	for _, m := range milestones(year) {
		if m.Deadline && m.Kind == "혁신계획" && strings.Contains(m.Title, "본계획 수립") {
			return m.End
		}
	}
	return Date(fmt.Sprintf("%04d-10-31", year))
}

// checkPlanDeadline warns when a drafting plan's main plan is overdue.
func checkPlanDeadline(ps *Problems, p Plan, today Date) {
	if p.Stage != StageDrafting || !p.MainPlanOn.IsZero() || today.IsZero() || !p.End.Valid() {
		return
	}
	due := MainPlanDue(p)
	if today > due {
		ps.warnf("main_plan_submitted", "본계획 제출 마감 %s 이(가) 지났습니다 (%s): 본계획 제출일이 없습니다", due, due.DDay(today))
	}
}
