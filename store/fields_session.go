package store

import (
	"cmp"
	"strings"

	"hyeopchi/store/value"
)

// SessionNoDistrict is the district choice for a session of no district.
const SessionNoDistrict = "(없음)"

// SessionFields are the fields of a governance school session (회차) as its
// form shows them. The course's choices are the year's courses, which the
// screen offers as they change; a number left empty is the course's next.
var SessionFields = []Field[Session]{
	ChoiceField(KeyCourse, "과정", "과정 고르기", nil, func(x *Session) *string { return &x.Course }),
	CountField(KeyNumber, "회차", "자동", func(x *Session) *int { return &x.Number }),
	DateField(KeyDate, "일자", func(x *Session) *Date { return &x.Date }).WithHint("예: 2017-05-10"),
	sessionTimeField(),
	sessionDistrictField(),
	TextField(KeyVenue, "장소", "장소", func(x *Session) *string { return &x.Venue }),
	TextField(KeyAudience, "대상", "대상", func(x *Session) *string { return &x.Audience }),
	CountField(KeyCapacity, "정원", "명", func(x *Session) *int { return &x.Capacity }),
	TextField(KeyInstructor, "강사", "강사", func(x *Session) *string { return &x.Instructor }),
	ChoiceField(KeyStatus, "상태", "", Labels(SessionStatuses), func(x *Session) *string { return (*string)(&x.Status) }),
	CountField(KeyAttendMale, "참석 남", "명", func(x *Session) *int { return &x.AttendMale }),
	CountField(KeyAttendFemale, "참석 여", "명", func(x *Session) *int { return &x.AttendFemale }),
	NoteField(KeyNote, "비고", func(x *Session) *string { return &x.Note }),
}

// sessionTimeField is a session's 시간: a range the rules read ("9:30~12:30")
// is stored as they write it ("09:30-12:30"); anything else is kept as
// typed, for the rules to name (CheckSession), so it never fails to read.
func sessionTimeField() Field[Session] {
	f := TextField(KeyTime, "시간", "예: 14:00-17:00", func(x *Session) *string { return &x.Time })
	f.Parse = func(x *Session, s string) error {
		x.Time = strings.TrimSpace(s)
		if from, to, err := value.ParseTimeRange(x.Time); err == nil {
			x.Time = value.FormatTimeRange(from, to)
		}
		return nil
	}
	return f
}

// sessionDistrictField is a session's 자치구: one of the districts, or
// SessionNoDistrict for a session of none (stored as "").
func sessionDistrictField() Field[Session] {
	at := func(x *Session) *string { return &x.District }
	f := ChoiceField(KeyDistrict, "자치구", "", append([]string{SessionNoDistrict}, Districts...), at)
	f.Format = func(x *Session) string { return cmp.Or(x.District, SessionNoDistrict) }
	f.Parse = func(x *Session, s string) error {
		x.District = strings.TrimSpace(s)
		if x.District == SessionNoDistrict {
			x.District = ""
		}
		return nil
	}
	return f
}
