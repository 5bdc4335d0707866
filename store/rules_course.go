package store

import (
	"errors"

	bolt "go.etcd.io/bbolt"
)

// CheckCourse holds a course to the rest of its year: it has a name, the
// name is the year's only one, and a course the year's sessions use keeps
// its name (they name it). was is the stored course (zero for a new one),
// others the year's courses, uses the year's sessions by course name.
func CheckCourse(c, was Course, others []Course, uses map[string]int) Problems {
	var ps Problems
	switch {
	case c.Name == "":
		ps.errorf(KeyName, "과정명을 입력하세요")
	case was.ID != 0 && c.Name != was.Name && uses[was.Name] > 0:
		ps.errorf(KeyName, "회차 %d건이 %q 과정을 씁니다: 이름을 바꾸려면 새 과정을 만들고 회차의 과정을 옮기세요", uses[was.Name], was.Name)
	}
	for _, o := range others {
		if o.ID != c.ID && o.Year == c.Year && o.Name == c.Name && c.Name != "" {
			ps.errorf(KeyName, "%d년에 %q 과정이 이미 있습니다", c.Year, c.Name)
		}
	}
	return ps
}

// courseUses counts sessions by course name.
func courseUses(xs []Session) map[string]int {
	uses := map[string]int{}
	for _, x := range xs {
		uses[x.Course]++
	}
	return uses
}

// checkCourseIn runs CheckCourse against what tx holds of c's year.
func checkCourseIn(tx *bolt.Tx, c Course) (Problems, error) {
	var was Course
	if c.ID != 0 {
		was.ID = c.ID
		if err := get(tx, &was); err != nil && !errors.Is(err, ErrNotFound) {
			return nil, err
		}
	}
	courses, err := all[Course](tx, bucketCourses)
	if err != nil {
		return nil, err
	}
	sessions, err := all[Session](tx, bucketSessions)
	if err != nil {
		return nil, err
	}
	var year []Session
	for _, x := range sessions {
		if x.Year == c.Year {
			year = append(year, x)
		}
	}
	return CheckCourse(c, was, courses, courseUses(year)), nil
}
