package store

// CheckPlan judges a plan against the programme's rules. others are the
// other plans of the same district (any year); today dates the warnings.
func CheckPlan(p Plan, others []Plan, today Date) Problems {
	var ps Problems
	checkDistrict(&ps, "district", p.District, true)
	checkYear(&ps, p.Year)
	if p.Stage == 0 {
		ps.errorf("stage", "단계를 고르세요 (준비기, 본계획 수립기, 실행기)")
	}
	checkDate(&ps, "start", "시작일", p.Start)
	checkDate(&ps, "end", "종료일", p.End)
	if !p.Start.IsZero() && !p.End.IsZero() && p.End < p.Start {
		ps.errorf("end", "종료일 %s 이(가) 시작일 %s 보다 앞섭니다", p.End, p.Start)
	}
	if p.Amount < 0 {
		ps.errorf("amount", "지원액 %s천원 이(가) 음수입니다", Money(p.Amount))
	}
	for _, f := range []struct {
		field, label string
		n            int
	}{{"tft_civil", "TFT 민", p.TFTCivil}, {"tft_council", "TFT 구의원", p.TFTCouncil}, {"tft_official", "TFT 관", p.TFTOfficial}} {
		if f.n < 0 {
			ps.errorf(f.field, "%s %d 은(는) 0 이상이어야 합니다", f.label, f.n)
		}
	}
	return ps
}
