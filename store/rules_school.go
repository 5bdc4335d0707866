package store

// CheckSession judges a school session. others are the other sessions of
// the same year.
func CheckSession(x Session, others []Session) Problems {
	var ps Problems
	checkYear(&ps, x.Year)
	if x.Course == "" {
		ps.errorf("course", "과정을 입력하세요")
	}
	checkDate(&ps, "date", "일자", x.Date)
	checkDistrict(&ps, "district", x.District, false)
	return ps
}

// CheckEvent judges an event.
func CheckEvent(e Event) Problems {
	var ps Problems
	checkYear(&ps, e.Year)
	checkDate(&ps, "date", "일자", e.Date)
	if e.Budget < 0 {
		ps.errorf("budget", "예산 %s천원 이(가) 음수입니다", Money(e.Budget))
	}
	return ps
}
