package store

import (
	"slices"
	"strings"
	"time"

	"hyeopchi/store/value"
)

// SchoolPeriod is when the governance school runs in year: April to
// November, as the plan's Ⅹ schedules 협치학교(지역협치 분야) 운영
// (2017. 4. ~ 11.). The plan dates no other year, so every year uses
// these months; a session outside them is a warning, not an error.
func SchoolPeriod(year int) (start, end Date) {
	return value.NewDate(year, time.April, 1), value.NewDate(year, time.December, 0)
}

// CheckSession judges a school session. others are the other sessions of
// the same year (or at least those of the same identity and those on the
// same day at the same venue: see sessionIndex); courses are the courses
// (협치학교 → 과정) of any year, the session's year's being the known ones.
// Only a 완료 session has attendance: a 예정 or 취소 one
// with attendance is an error whatever its date (the rule has no clock;
// the coordinator marks a session 완료 when entering who came). A
// cancelled session holds no venue, so it clashes with nothing.
func CheckSession(x Session, others []Session, courses []Course) Problems {
	var ps Problems
	checkYear(&ps, x.Year)
	if strings.TrimSpace(x.Course) == "" {
		ps.errorf(KeyCourse, "과정을 입력하세요")
	} else {
		checkSessionCourse(&ps, x, courses)
	}
	if x.Number < 0 {
		ps.errorf(KeyNumber, "회차 %d 은(는) 0 이상이어야 합니다", x.Number)
	}
	checkSessionDate(&ps, x)
	from, to, timeErr := 0, 0, error(nil)
	if strings.TrimSpace(x.Time) != "" {
		if from, to, timeErr = value.ParseTimeRange(x.Time); timeErr != nil {
			ps.errorf(KeyTime, "%s", timeErr.Error())
		}
	}
	checkDistrict(&ps, "district", x.District, false)
	for _, f := range []struct {
		field, label string
		n            int
	}{{"capacity", "정원", x.Capacity}, {"attend_male", "참석 남", x.AttendMale}, {"attend_female", "참석 여", x.AttendFemale}} {
		if f.n < 0 {
			ps.errorf(f.field, "%s %d 은(는) 0 이상이어야 합니다", f.label, f.n)
		}
	}
	checkSessionStatus(&ps, x)
	for _, o := range others {
		if o.ID != 0 && o.ID == x.ID {
			continue
		}
		// the same course and number in another district is another session
		if x.Number > 0 && SameSession(o, x) && o.Status != SessionCancelled && x.Status != SessionCancelled {
			ps.warnf(KeyNumber, "%s %d회가 이미 있습니다 (%s)", x.Course, x.Number, o.Date)
		}
		if timeErr == nil {
			checkVenueClash(&ps, x, from, to, o)
		}
	}
	return ps
}

// checkSessionDate wants a date in the session's year, and warns about one
// outside the school's period.
func checkSessionDate(ps *Problems, x Session) {
	switch {
	case x.Date.IsZero():
		ps.errorf(KeyDate, "일자를 입력하세요 (예: 2017-05-10)")
	case !x.Date.Valid():
		checkDate(ps, "date", "일자", x.Date)
	case x.Date.Year() != x.Year:
		ps.errorf(KeyDate, "일자 %s 이(가) %d년이 아닙니다", x.Date, x.Year)
	default:
		if start, end := SchoolPeriod(x.Year); x.Date < start || x.Date > end {
			ps.warnf(KeyDate, "일자 %s 이(가) 협치학교 기간(%s ~ %s) 밖입니다", x.Date, start, end)
		}
	}
}

// checkSessionStatus wants a known status, and attendance only for a held
// session (within its capacity, else a warning).
func checkSessionStatus(ps *Problems, x Session) {
	switch x.Status {
	case SessionDone:
		if x.Capacity > 0 && x.Attendance() > x.Capacity {
			ps.warnf(KeyCapacity, "참석 %d명(남 %d, 여 %d)이 정원 %d명을 넘습니다", x.Attendance(), x.AttendMale, x.AttendFemale, x.Capacity)
		}
	case SessionPlanned, SessionCancelled:
		if x.AttendMale > 0 || x.AttendFemale > 0 {
			ps.errorf(KeyStatus, "참석 인원(%d명)은 완료된 회차에만 입력합니다: 상태가 %s입니다", x.Attendance(), x.Status)
		}
	case "":
		ps.errorf(KeyStatus, "상태를 고르세요 (%s)", strings.Join(Labels(SessionStatuses), ", "))
	default:
		ps.errorf(KeyStatus, "상태 %q 을(를) 알 수 없습니다 (%s 중 하나)", x.Status, strings.Join(Labels(SessionStatuses), ", "))
	}
}

// checkVenueClash is an error when session x (from–to, its time read
// without error) and o, neither cancelled, are at the same venue on the
// same day at overlapping times.
func checkVenueClash(ps *Problems, x Session, from, to int, o Session) {
	venue := strings.TrimSpace(x.Venue)
	if venue == "" || x.Time == "" || x.Status == SessionCancelled ||
		o.Status == SessionCancelled || o.Date != x.Date || strings.TrimSpace(o.Venue) != venue {
		return
	}
	of, ot, err := value.ParseTimeRange(o.Time)
	if err != nil || o.Time == "" {
		return
	}
	// a start time alone counts as its minute
	if from < max(ot, of+1) && of < max(to, from+1) {
		ps.errorf(KeyVenue, "장소 %q: %s %s 이(가) 같은 장소의 %s %d회(%s)와 시간이 겹칩니다", venue, x.Date, strings.TrimSpace(x.Time), o.Course, o.Number, strings.TrimSpace(o.Time))
	}
}

// checkSessionCourse warns when a session's course is none of its year's
// courses (the plan's three, each for a named audience), naming the known.
// A year with no courses at all is not judged.
func checkSessionCourse(ps *Problems, x Session, courses []Course) {
	if x.Year < 2000 || x.Year > 2100 {
		return // the year's own error says enough
	}
	var known []string
	name := compact(x.Course)
	for _, c := range courses {
		if c.Year != x.Year {
			continue
		}
		if c.Name == x.Course || compact(c.Name) == name {
			return
		}
		known = append(known, c.Name)
	}
	if len(known) == 0 {
		return // a year without a course list (a new, empty file) has nothing to compare with
	}
	ps.warnf(KeyCourse, "과정 %q 은(는) %d년 과정이 아닙니다 (%s; 협치학교 → 과정에서 고칠 수 있습니다)", x.Course, x.Year, strings.Join(known, ", "))
}

// CheckEvent judges an event.
func CheckEvent(e Event) Problems {
	var ps Problems
	checkYear(&ps, e.Year)
	switch {
	case strings.TrimSpace(e.Kind) == "":
		ps.errorf(KeyKind, "종류를 고르세요 (%s)", strings.Join(EventKinds, ", "))
	case !slices.Contains(EventKinds, e.Kind):
		ps.warnf(KeyKind, "종류 %q 은(는) 계획의 행사 종류가 아니어서 예산 항목에 잡히지 않습니다 (%s)", e.Kind, strings.Join(EventKinds, ", "))
	}
	if strings.TrimSpace(e.Title) == "" {
		ps.errorf(KeyTitle, "행사명을 입력하세요")
	}
	switch {
	case e.Date.IsZero():
		ps.errorf(KeyDate, "일자를 입력하세요 (예: 2017-05-10)")
	case !e.Date.Valid():
		checkDate(&ps, "date", "일자", e.Date)
	case e.Date.Year() != e.Year:
		ps.errorf(KeyDate, "일자 %s 이(가) %d년이 아닙니다", e.Date, e.Year)
	}
	if e.Budget < 0 {
		ps.errorf(KeyBudget, "예산 %s천원 이(가) 음수입니다", value.Thousands(e.Budget))
	}
	if e.AttendMale < 0 {
		ps.errorf(KeyAttendMale, "참석 남 %d 은(는) 0 이상이어야 합니다", e.AttendMale)
	}
	if e.AttendFemale < 0 {
		ps.errorf(KeyAttendFemale, "참석 여 %d 은(는) 0 이상이어야 합니다", e.AttendFemale)
	}
	return ps
}
