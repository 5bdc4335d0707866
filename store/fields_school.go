package store

// EventFields are the fields of an event (행사) as its form shows them.
var EventFields = []Field[Event]{
	ChoiceField(KeyKind, "종류", "종류 고르기", EventKinds, func(x *Event) *string { return &x.Kind }),
	TextField(KeyTitle, "행사명", "행사명", func(x *Event) *string { return &x.Title }),
	DateField(KeyDate, "일자", func(x *Event) *Date { return &x.Date }).WithHint("2017-06-15"),
	TextField(KeyPlace, "장소", "장소", func(x *Event) *string { return &x.Place }),
	AmountField(KeyBudget, "예산(천원)", func(x *Event) *int64 { return &x.Budget }),
	CountField(KeyAttendMale, "참석 남", "명", func(x *Event) *int { return &x.AttendMale }),
	CountField(KeyAttendFemale, "참석 여", "명", func(x *Event) *int { return &x.AttendFemale }),
	NoteField(KeyNote, "비고", func(x *Event) *string { return &x.Note }),
}

// CourseFields are the fields of a governance school course (과정).
var CourseFields = []Field[Course]{
	TextField(KeyName, "과정명", "", func(x *Course) *string { return &x.Name }),
	TextField(KeyAudience, "대상", "자치구 공무원, 자치구 주민, 시민단체", func(x *Course) *string { return &x.Audience }),
	NoteField(KeyContents, "내용", func(x *Course) *string { return &x.Contents }).WithHint("한 줄에 하나씩"),
}
