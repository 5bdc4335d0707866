package store

import (
	"fmt"
	"slices"
	"strings"

	"hyeopchi/store/value"
)

// The programme's limits for community innovation plans (the plan's Ⅴ).
const (
	// PlanGrantPer12 is the most a plan gets per 12 months (최대 3억 / 12개월
	// 기준), 천원. Support is yearly (연차별 지원): one record is one year's
	// support, so this is also the cap of one record.
	PlanGrantPer12 int64 = 300000
	// PlanMaxMonths is the most months of support a district gets in all
	// (최대 36개월, 연차별 지원, 계획 수립 기간 포함): funded months only, since
	// 준비기 is 비예산.
	PlanMaxMonths = 36
	// PlanDraftingMaxMonths is the longest 본계획 수립기 (최대 12개월 이내).
	PlanDraftingMaxMonths = 12
	// PlanRecordMaxMonths is the longest funded record: one year's support.
	PlanRecordMaxMonths = 12
)

// The plan's figures for the 시민참여예산 (지역계획형) types, 천원.
const (
	PBGeneralAmount  int64 = 500000  // 일반형: 區 단위 5억 (정액)
	PBPlannedMax     int64 = 1000000 // 계획형(융합형): 區 단위 10억 이내
	PBIntegrationMax int64 = 200000  // 계획형(융합형)의 통합비용 2억 이내
	PBDongAmount     int64 = 30000   // 洞회의 실행계획형: 洞마다 0.3억
	PBDongsCity            = 80      // 洞 단위 계획형: 80개 (서울시 전체)
)

// PlanShare is the pro-rata grant for a period of months:
// 300,000 × months ÷ 12 (25,000천원 a month, so it is always whole).
func PlanShare(months int) int64 { return PlanGrantPer12 * int64(months) / 12 }

// CheckPlan judges a plan against the programme's rules. others are the
// other plans of the same district (any year); today dates the warnings;
// deadlines are the years' deadlines from settings.
// Every limit uses the months as the document states them (Plan.Months);
// only where none are stated are they counted from the dates.
func CheckPlan(p Plan, others []Plan, today Date, deadlines []YearDeadlines) Problems {
	var ps Problems
	checkDistrict(&ps, "district", p.District, true)
	checkYear(&ps, p.Year)
	if p.Stage == 0 {
		ps.errorf(KeyStage, "단계를 고르세요 (준비기, 본계획 수립기, 실행기)")
	}
	checkPlanPeriod(&ps, p)
	months := p.StatedMonths()
	checkPlanAmount(&ps, p, months)
	checkPlanRecordMonths(&ps, p)
	checkPlanTFT(&ps, p)
	checkPlanPB(&ps, p)
	checkDate(&ps, "draft_plan_submitted", "본계획(초안) 제출일", p.DraftPlanOn)
	checkDate(&ps, "main_plan_submitted", "본계획 제출일", p.MainPlanOn)
	checkPlanProcess(&ps, p, others)
	checkPlanDistrict(&ps, p, others)
	checkPlanDeadline(&ps, p, today, deadlines)
	checkPlanDates(&ps, p, deadlines)
	return ps
}

// checkPlanRecordMonths: one record is one year's support (연차별 지원),
// so a funded record runs at most 12 months: 수립기 (최대 12개월 이내) and
// 실행기 alike.
func checkPlanRecordMonths(ps *Problems, p Plan) {
	months := p.StatedMonths()
	switch {
	case p.Stage == StageDrafting && months > PlanDraftingMaxMonths:
		ps.errorf(KeyMonths, "본계획 수립기는 최대 %d개월입니다 (%d개월): 계획 수립 기간은 최대 12개월 이내", PlanDraftingMaxMonths, months)
	case p.Stage == StageExecution && months > PlanRecordMaxMonths:
		ps.errorf(KeyMonths, "실행기는 한 건에 최대 %d개월입니다 (%d개월): 연차별 지원이므로 한 해의 지원을 한 건으로 입력하세요", PlanRecordMaxMonths, months)
	}
}

// checkPlanTFT: counts of 0 or more, and from 준비기 on a 민·관 합동 TFT —
// at least one civilian (민) and one official (관).
func checkPlanTFT(ps *Problems, p Plan) {
	for _, f := range []struct {
		field, label string
		n            int
	}{{KeyTFTCivil, "TFT 민", p.TFTCivil}, {KeyTFTCouncil, "TFT 구의원", p.TFTCouncil}, {KeyTFTOfficial, "TFT 관", p.TFTOfficial}} {
		if f.n < 0 {
			ps.errorf(f.field, "%s %d 은(는) 0 이상이어야 합니다", f.label, f.n)
		}
	}
	if p.Stage == 0 {
		return
	}
	if p.TFTCivil == 0 {
		ps.errorf(KeyTFTCivil, "%s부터 민·관 합동 TFT가 있어야 합니다: TFT 민이 0명입니다 (민 1명 이상, 관 1명 이상)", StagePrep)
	}
	if p.TFTOfficial == 0 {
		ps.errorf(KeyTFTOfficial, "%s부터 민·관 합동 TFT가 있어야 합니다: TFT 관이 0명입니다 (민 1명 이상, 관 1명 이상)", StagePrep)
	}
}

// checkPlanPB: a known type (계획형 and 융합형 are one), amounts of 0 or
// more, and warnings where the amounts pass the plan's figures.
func checkPlanPB(ps *Problems, p Plan) {
	pb, ok := ParsePB(p.PB)
	if !ok {
		ps.errorf(KeyPB, "참여예산 연계 %q 을(를) 알 수 없습니다 (%s 중 하나)", p.PB, strings.Join(PBTypes, ", "))
	}
	for _, f := range []struct {
		field, label string
		v            int64
	}{{"pb_amount", "참여예산 區 단위 금액", p.PBAmount}, {"pb_integration_cost", "통합비용", p.PBIntegration},
		{"pb_dongs", "洞 수", int64(p.PBDongs)}, {"pb_dong_amount", "참여예산 洞 단위 금액", p.PBDongAmount}} {
		if f.v < 0 {
			ps.errorf(f.field, "%s %s 은(는) 0 이상이어야 합니다", f.label, value.Thousands(f.v))
		}
	}
	if pb == "" {
		if ok && (p.PBAmount > 0 || p.PBIntegration > 0 || p.PBDongs > 0 || p.PBDongAmount > 0) {
			ps.warnf(KeyPB, "참여예산 금액이 있는데 유형(%s)이 없습니다", strings.Join(PBTypes, ", "))
		}
		return
	}
	switch {
	case pb == PBGeneral && p.PBAmount > PBGeneralAmount:
		ps.warnf(KeyPBAmount, "일반형 區 단위 금액 %s천원 이(가) 계획의 %s천원(5억)보다 많습니다", value.Thousands(p.PBAmount), value.Thousands(PBGeneralAmount))
	case pb == PBPlanned && p.PBAmount > PBPlannedMax:
		ps.warnf(KeyPBAmount, "계획형(융합형) 區 단위 금액 %s천원 이(가) 계획의 %s천원(10억 이내)보다 많습니다", value.Thousands(p.PBAmount), value.Thousands(PBPlannedMax))
	}
	switch {
	case pb == PBGeneral && p.PBIntegration > 0:
		ps.warnf(KeyPBIntegration, "통합비용 %s천원: 통합비용은 계획형(융합형)에만 부여합니다 (일반형)", value.Thousands(p.PBIntegration))
	case p.PBIntegration > PBIntegrationMax:
		ps.warnf(KeyPBIntegration, "통합비용 %s천원 이(가) 계획의 %s천원(2억원 이내)보다 많습니다", value.Thousands(p.PBIntegration), value.Thousands(PBIntegrationMax))
	}
	if p.PBDongs > PBDongsCity {
		ps.warnf(KeyPBDongs, "洞 수 %d개 이(가) 계획의 동단위 계획형 %d개(서울시 전체)보다 많습니다", p.PBDongs, PBDongsCity)
	}
	if limit := PBDongAmount * int64(max(p.PBDongs, 0)); p.PBDongAmount > limit {
		ps.warnf(KeyPBDongAmount, "洞 단위 금액 %s천원 이(가) %d개 洞 × %s천원(0.3억) = %s천원보다 많습니다",
			value.Thousands(p.PBDongAmount), max(p.PBDongs, 0), value.Thousands(PBDongAmount), value.Thousands(limit))
	}
}

// StatedMonths are the months the limits use: as stated, or, where none are
// stated, as many as the period's dates cover.
func (p Plan) StatedMonths() int {
	if p.Months > 0 {
		return p.Months
	}
	return value.MonthsBetween(p.Start, p.End)
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
		ps.warnf(KeyStart, "사업기간(시작일 ~ 종료일)이 비어 있습니다")
	case p.Start.IsZero():
		ps.warnf(KeyStart, "시작일이 비어 있습니다")
	case p.End.IsZero():
		ps.warnf(KeyEnd, "종료일이 비어 있습니다")
	case p.End <= p.Start:
		ps.errorf(KeyEnd, "종료일 %s 은(는) 시작일 %s 보다 뒤여야 합니다", p.End, p.Start)
	}
	if p.Months < 0 {
		ps.errorf(KeyMonths, "개월 수 %d 은(는) 0 이상이어야 합니다", p.Months)
		return
	}
	if n := value.MonthsBetween(p.Start, p.End); p.Months > 0 && n > 0 && n != p.Months {
		ps.warnf(KeyMonths, "개월 수 %d개월이 사업기간 %s ~ %s (%d개월)과 다릅니다; 한도는 적힌 %d개월로 계산합니다",
			p.Months, p.Start, p.End, n, p.Months)
	}
}

// checkPlanAmount: no grant in 준비기; at most 300,000 a record (one
// year's support; above the pro-rata share for fewer months only warns).
func checkPlanAmount(ps *Problems, p Plan, months int) {
	switch {
	case p.Amount < 0:
		ps.errorf(KeyAmount, "지원액 %s천원 이(가) 음수입니다", value.Thousands(p.Amount))
		return
	case p.Amount == 0:
		return
	case p.Stage == StagePrep:
		ps.errorf(KeyAmount, "준비기에는 예산을 지원하지 않습니다 (지원액 %s천원 → 0)", value.Thousands(p.Amount))
		return
	case p.Amount > PlanGrantPer12:
		ps.errorf(KeyAmount, "지원액 %s천원 이(가) 한도 %s천원(12개월 기준 최대 3억, 연차별 지원이므로 한 건마다)을 넘습니다", value.Thousands(p.Amount), value.Thousands(PlanGrantPer12))
		return
	case months == 0:
		ps.warnf(KeyAmount, "개월 수를 알 수 없어 지원액 %s천원의 한도를 확인하지 못했습니다", value.Thousands(p.Amount))
		return
	}
	if months < 12 && p.Amount > PlanShare(months) {
		ps.warnf(KeyAmount, "지원액 %s천원 이(가) %d개월 안분액 %s천원(300,000 × %d ÷ 12)보다 많습니다",
			value.Thousands(p.Amount), months, value.Thousands(PlanShare(months)), months)
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
			ps.errorf(KeyProcess, "절차 %q 을(를) 알 수 없습니다 (%s 중 하나)", s.Name, strings.Join(PlanSteps, ", "))
			continue
		case idx <= lastIdx:
			ps.errorf(KeyProcess, "절차 %s 이(가) %s 뒤에 올 수 없습니다 (%s 순서)", s.Name, PlanSteps[lastIdx], strings.Join(PlanSteps, " → "))
			continue
		case !s.On.Valid():
			ps.errorf(KeyProcess, "%s 날짜 %q 이(가) 올바른 날짜가 아닙니다 (예: 2017-07-31)", s.Name, string(s.On))
			continue
		}
		lastIdx = idx
		if !s.On.IsZero() {
			if !lastDated.On.IsZero() && s.On < lastDated.On {
				ps.errorf(KeyProcess, "%s %s 이(가) 앞 단계 %s %s 보다 앞섭니다", s.Name, s.On, lastDated.Name, lastDated.On)
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
		ps.errorf(KeyProcess, "협약은 본계획 제출 후에만 맺습니다: 본계획 제출일이 없습니다")
	case !on.IsZero() && on < submitted:
		ps.errorf(KeyProcess, "협약 %s 이(가) 본계획 제출일 %s 보다 앞섭니다; 협약은 본계획 제출 후에만 맺습니다", on, submitted)
	}
}

// CheckPBDongsCity warns when a year's plans together hold more 洞 of the
// 洞 단위 실행계획형 than the plan's 80 for the whole city.
func CheckPBDongsCity(plans []Plan, year int) Problems {
	var ps Problems
	n := 0
	var parts []string
	for _, p := range plans {
		if p.Year == year && p.PBDongs > 0 {
			n += p.PBDongs
			parts = append(parts, fmt.Sprintf("%s %d", p.District, p.PBDongs))
		}
	}
	if n > PBDongsCity {
		ps.warnf(KeyPBDongs, "%d년 洞 단위 계획형 합계 %d개 이(가) 계획의 %d개(서울시 전체)보다 많습니다 (%s)", year, n, PBDongsCity, strings.Join(parts, ", "))
	}
	return ps
}

// FundedMonths are the months a plan counts towards the 36: its stated
// months in 본계획 수립기 and 실행기 (the plan's "계획 수립 기간을 포함"),
// none in 준비기, which is 비예산.
func (p Plan) FundedMonths() int {
	if p.Stage == StageDrafting || p.Stage == StageExecution {
		return max(p.StatedMonths(), 0)
	}
	return 0
}

// PlanFundedMonths sums the funded months of a district's plans up to and
// including year (0: every year). The 36-month rule, the form's bar and
// the reports all count with it.
func PlanFundedMonths(district string, year int, plans []Plan) int {
	n := 0
	for _, p := range plans {
		if p.District == district && (year == 0 || p.Year <= year) {
			n += p.FundedMonths()
		}
	}
	return n
}

// checkPlanDistrict: one plan a year, periods that do not overlap, and the
// 36-month cap. The cap counts the funded months (수립기 and 실행기) of
// every plan of the district in any year, so every plan of a district that
// is over it reports the breach; 준비기 months do not count.
func checkPlanDistrict(ps *Problems, p Plan, others []Plan) {
	all := []Plan{p}
	for _, o := range others {
		if o.District != p.District {
			continue
		}
		if PlanIdentity(o) == PlanIdentity(p) && p.Year != 0 {
			ps.errorf(KeyYear, "%s %d년 계획이 이미 있습니다 (자치구마다 한 해에 계획 하나)", p.District, p.Year)
		}
		if overlaps(p, o) {
			ps.errorf(KeyStart, "사업기간 %s ~ %s 이(가) %d년 계획의 사업기간 %s ~ %s 와(과) 겹칩니다",
				p.Start, p.End, o.Year, o.Start, o.End)
		}
		all = append(all, o)
	}
	if total := PlanFundedMonths(p.District, 0, all); total > PlanMaxMonths {
		slices.SortStableFunc(all, func(a, b Plan) int { return a.Year - b.Year })
		var parts []string
		for _, x := range all {
			if x.FundedMonths() > 0 {
				parts = append(parts, fmt.Sprintf("%d년 %d", x.Year, x.FundedMonths()))
			}
		}
		ps.errorf(KeyMonths, "%s 지원 기간 합계 %d개월이 최대 %d개월을 넘습니다 (%s; 수립기·실행기, 계획 수립 기간 포함, 준비기 제외)",
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
// agreed period, and no later than that year's 본계획 제출 마감 in settings
// (2017-10-31 for 2017). A year without one in settings has only the period.
func MainPlanDue(p Plan, deadlines []YearDeadlines) Date {
	y := p.End.Year()
	if y == 0 {
		y = p.Year
	}
	d, _ := DeadlinesOf(deadlines, y)
	due := d.MainPlan
	if !p.End.IsZero() && (due.IsZero() || p.End < due) {
		return p.End
	}
	return due
}

// checkPlanDeadline warns when a drafting plan's main plan is overdue.
func checkPlanDeadline(ps *Problems, p Plan, today Date, deadlines []YearDeadlines) {
	if p.Stage != StageDrafting || !p.MainPlanOn.IsZero() || today.IsZero() || !p.End.Valid() {
		return
	}
	due := MainPlanDue(p, deadlines)
	if !due.IsZero() && today > due {
		ps.warnf(KeyMainPlanOn, "본계획 제출 마감 %s 이(가) 지났습니다 (%s): 본계획 제출일이 없습니다", due, due.DDay(today))
	}
}

// checkPlanDates warns when the plan's 공모 date or its 본계획(초안)
// submission falls after the deadline that settings give the year the date
// falls in: 신규 자치구 모집 (7. 31 in 2017), and for districts joining the
// 시민참여예산 the 본계획(초안) (6월말 in 2017).
func checkPlanDates(ps *Problems, p Plan, deadlines []YearDeadlines) {
	for _, s := range p.Process {
		if s.Name != "공모" || s.On.IsZero() || !s.On.Valid() {
			continue
		}
		if d, _ := DeadlinesOf(deadlines, s.On.Year()); !d.Call.IsZero() && s.On > d.Call {
			ps.warnf(KeyProcess, "공모 %s 이(가) %d년 공모 마감(신규 자치구 모집) %s 보다 늦습니다", s.On, d.Year, d.Call)
		}
	}
	if on := p.DraftPlanOn; !on.IsZero() && on.Valid() {
		if d, _ := DeadlinesOf(deadlines, on.Year()); !d.PBDraft.IsZero() && on > d.PBDraft {
			ps.warnf(KeyDraftPlanOn, "본계획(초안) 제출일 %s 이(가) %d년 시민참여예산 연계 본계획(초안) 제출 마감 %s 보다 늦습니다", on, d.Year, d.PBDraft)
		}
	}
}
