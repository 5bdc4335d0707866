package store

// CheckPlatform judges a consortium against the programme's rules. others
// are the other consortia of the same district (any year).
func CheckPlatform(p Platform, others []Platform) Problems {
	var ps Problems
	checkDistrict(&ps, "district", p.District, true)
	checkYear(&ps, p.Year)
	if p.Grant < 0 {
		ps.errorf("grant", "지원액 %s천원 이(가) 음수입니다", Money(p.Grant))
	}
	return ps
}
