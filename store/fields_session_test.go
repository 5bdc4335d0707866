package store

import "testing"

// TestSessionFieldsRead reads what a coordinator types into the session
// form, field by field, as the form does.
func TestSessionFieldsRead(t *testing.T) {
	cases := []struct {
		name, key, text string
		want            func(Session) bool
		problem         string // "" when the text reads
	}{
		{"a time range with a tilde is written with a dash", KeyTime, " 9:30~12:30 ",
			func(x Session) bool { return x.Time == "09:30-12:30" }, ""},
		{"a start time alone is written with two digits", KeyTime, "9:30",
			func(x Session) bool { return x.Time == "09:30" }, ""},
		{"a time that is not one is kept for the rules to name", KeyTime, "15:00~17:00x",
			func(x Session) bool { return x.Time == "15:00~17:00x" }, ""},
		{"no district is stored as none", KeyDistrict, SessionNoDistrict,
			func(x Session) bool { return x.District == "" }, ""},
		{"a district is stored as it is", KeyDistrict, "관악구",
			func(x Session) bool { return x.District == "관악구" }, ""},
		{"a capacity with its unit reads", KeyCapacity, "30명",
			func(x Session) bool { return x.Capacity == 30 }, ""},
		{"an empty number is none, for the next to be given", KeyNumber, "",
			func(x Session) bool { return x.Number == 0 }, ""},
		{"a capacity that is no number is named with its label", KeyCapacity, "명x",
			func(Session) bool { return true }, `정원 "명x" 은(는) 숫자가 아닙니다 (정원, 예: 12)`},
		{"a dotted date reads", KeyDate, "2017.5.10.",
			func(x Session) bool { return x.Date == "2017-05-10" }, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, ok := FieldOf(SessionFields, c.key)
			if !ok {
				t.Fatalf("no field %q", c.key)
			}
			var x Session
			p := f.Read(&x, c.text)
			switch {
			case c.problem == "" && p != nil:
				t.Fatalf("problem %q", p.Message)
			case c.problem != "" && (p == nil || p.Message != c.problem || p.Field != c.key):
				t.Fatalf("problem %+v, want %q under %s", p, c.problem, c.key)
			case !c.want(x):
				t.Fatalf("read %+v", x)
			}
		})
	}
}

// TestSessionFieldsFormat writes a stored session into the form's fields.
func TestSessionFieldsFormat(t *testing.T) {
	x := Session{Capacity: 40, Time: "14:00-17:00"}
	for key, want := range map[string]string{KeyDistrict: SessionNoDistrict, KeyCapacity: "40", KeyNumber: "", KeyTime: "14:00-17:00"} {
		f, ok := FieldOf(SessionFields, key)
		if !ok {
			t.Fatalf("no field %q", key)
		}
		if got := f.Format(&x); got != want {
			t.Errorf("%s shows %q, want %q", key, got, want)
		}
	}
}

// TestSessionFieldsReadBackWhatTheyWrite: a filled session written into
// the form's fields reads back the same. The course has no fixed choices
// (the screen offers the year's courses), so it is held apart.
func TestSessionFieldsReadBackWhatTheyWrite(t *testing.T) {
	var fixed []Field[Session]
	for _, f := range SessionFields {
		if f.Key != KeyCourse {
			fixed = append(fixed, f)
		}
	}
	checkFields(t, fixed, Session{Number: 3, Date: "2017-05-10", Time: "14:00-17:00", District: "관악구",
		Venue: "관악구청 대회의실", Audience: "자치구 공무원", Capacity: 40, Instructor: "김강사",
		AttendMale: 20, AttendFemale: 15, Status: SessionDone, Note: "첫 줄\n둘째 줄"})
	checkFields(t, fixed, Session{Status: SessionPlanned}) // no district, nothing counted
	course, ok := FieldOf(SessionFields, KeyCourse)
	if !ok || course.Input != InputChoice {
		t.Fatal("no course choice")
	}
	x := Session{Course: CourseOutreach}
	var back Session
	if p := course.Read(&back, course.Format(&x)); p != nil || back.Course != CourseOutreach {
		t.Fatalf("course reads back %q: %+v", back.Course, p)
	}
}
