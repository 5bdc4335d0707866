package store

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckCourse(t *testing.T) {
	leaders := Course{ID: 1, Year: 2017, Name: CourseLeaders}
	others := []Course{leaders, {ID: 2, Year: 2017, Name: CourseOutreach}, {ID: 3, Year: 2016, Name: "협치실행 심화 교육"}}
	uses := map[string]int{CourseLeaders: 4}
	cases := []struct {
		name   string
		c, was Course
		want   string // "" for none
	}{
		{"a new course with a new name", Course{Year: 2017, Name: "협치실행 심화 교육"}, Course{}, ""},
		{"a name is needed", Course{Year: 2017}, Course{}, "과정명을 입력하세요"},
		{"one name a year", Course{Year: 2017, Name: CourseOutreach}, Course{}, `2017년에 "` + CourseOutreach + `" 과정이 이미 있습니다`},
		{"a course in use keeps its name", Course{ID: 1, Year: 2017, Name: "새 이름"}, leaders,
			`회차 4건이 "` + CourseLeaders + `" 과정을 씁니다: 이름을 바꾸려면 새 과정을 만들고 회차의 과정을 옮기세요`},
		{"a course saved unchanged", leaders, leaders, ""},
	}
	for _, c := range cases {
		ps := CheckCourse(c.c, c.was, others, uses)
		got := ""
		if len(ps) > 0 {
			got = ps[0].Message
			if ps[0].Field != KeyName || len(ps) != 1 {
				t.Errorf("%s: %+v", c.name, ps)
			}
		}
		if got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// TestSaveCourseHoldsTheRules: the store, not the form, refuses a second
// course of the same name in a year, in the one transaction that saves.
func TestSaveCourseHoldsTheRules(t *testing.T) {
	st, err := Create(filepath.Join(t.TempDir(), "x.db"), SeedData())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	cs, err := st.Courses(2017)
	if err != nil || len(cs) == 0 {
		t.Fatalf("courses: %v %v", cs, err)
	}
	twin := Course{Year: 2017, Name: cs[0].Name}
	ps, err := st.SaveCourse(&twin)
	var inv *InvalidError
	if !errors.As(err, &inv) || len(ps.Field(KeyName)) != 1 || !strings.Contains(ps[0].Message, "이미 있습니다") || twin.ID != 0 {
		t.Fatalf("a twin: %v %+v (id %d)", err, ps, twin.ID)
	}
	after, _ := st.Courses(2017)
	if len(after) != len(cs) {
		t.Fatalf("%d courses after a refused save, want %d", len(after), len(cs))
	}
	fresh := Course{Year: 2017, Name: "협치실행 심화 교육"}
	if ps, err := st.SaveCourse(&fresh); err != nil || len(ps) != 0 || fresh.ID == 0 {
		t.Fatalf("a new course: %v %+v", err, ps)
	}
}
