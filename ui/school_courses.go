package ui

import (
	"cmp"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"
)

// coursesTab is 협치학교 → 과정: the year's courses (the plan's three for
// 2017), editable, and for a year without any a copy of the last year's.
type coursesTab struct {
	*recordTab[store.Course]
	changed  func()         // the other tabs reload
	uses     map[string]int // sessions of the year per course name
	copyBtn  *widget.Button
	copyFrom int
}

func newCoursesTab(e *env, changed func()) *coursesTab {
	t := &coursesTab{changed: changed}
	t.recordTab = newRecordTab(e, recordKind[store.Course]{
		fields:  store.CourseFields,
		id:      func(c store.Course) uint64 { return c.ID },
		blank:   func(year int) store.Course { return store.Course{Year: year} },
		heading: func(c store.Course) string { return fmt.Sprintf("%d %s", c.Year, c.Name) },
		fresh:   func(year int) string { return fmt.Sprintf("%d년 새 과정", year) },
		prepare: func(c *store.Course) { c.Year = cmp.Or(c.Year, e.year) },
		store:   e.st.SaveCourse,
		remove:  func(c store.Course) error { return e.st.DeleteCourse(c.ID) },
		what:    func(c store.Course) string { return fmt.Sprintf("과정 %d %s", c.Year, c.Name) },
		refuse: func(c store.Course) (string, string) {
			if n := t.uses[c.Name]; n > 0 {
				return "과정 삭제", fmt.Sprintf("회차 %d건이 %q 과정을 씁니다. 회차를 먼저 옮기거나 지우세요.", n, c.Name)
			}
			return "", ""
		},
		firstKey: store.KeyName,
		changed:  func() { t.changed() },
	}, Column{Title: "과정", Width: 200}, Column{Title: "대상", Width: 360}, Column{Title: "회차", Width: 60, Numeric: true})
	t.head.Wrapping = fyne.TextWrapWord
	t.f.entry(store.KeyContents).SetMinRowsVisible(5)
	t.copyBtn = widget.NewButton("", t.copyCourses)
	t.copyBtn.Hide()
	return t
}

func (t *coursesTab) object() fyne.CanvasObject {
	left := container.NewBorder(container.NewVBox(t.copyBtn), nil, nil, nil, t.grid)
	right := container.NewBorder(t.head, container.NewHBox(t.delBtn), nil, nil, t.f.object())
	split := container.NewHSplit(left, right)
	split.Offset = 0.6
	return split
}

func (t *coursesTab) refresh() {
	cs, err := t.e.st.Courses(t.e.year)
	t.e.showError(err)
	xs, err := t.e.st.Sessions(store.Filter{Year: t.e.year})
	t.e.showError(err)
	t.uses = map[string]int{}
	for _, x := range xs {
		t.uses[x.Course]++
	}
	var shown []store.Course
	var rows [][]string
	q := store.NewQuery(t.e.query)
	for _, c := range cs {
		if !q.Match(c.Name, c.Audience, c.Contents) {
			continue
		}
		shown = append(shown, c)
		rows = append(rows, []string{c.Name, c.Audience, fmt.Sprint(t.uses[c.Name])})
	}
	t.copyFrom = 0
	if len(cs) == 0 {
		all, err := t.e.st.Courses(0)
		t.e.showError(err)
		for _, c := range all {
			if c.Year < t.e.year && c.Year > t.copyFrom {
				t.copyFrom = c.Year
			}
		}
	}
	if t.copyFrom != 0 {
		t.copyBtn.SetText(fmt.Sprintf("%d년 과정을 %d년으로 복사", t.copyFrom, t.e.year))
		t.copyBtn.Show()
	} else {
		t.copyBtn.Hide()
	}
	t.setItems(shown, rows, nil, cs)
}

// copyCourses copies the courses of the last year that has any into the
// year shown, which has none.
func (t *coursesTab) copyCourses() {
	from := t.copyFrom
	if from == 0 {
		return
	}
	cs, err := t.e.st.Courses(from)
	if err != nil {
		t.e.showError(err)
		return
	}
	for _, c := range cs {
		c.ID, c.Year = 0, t.e.year
		if _, err := t.e.st.SaveCourse(&c); err != nil {
			t.e.showError(err)
			return
		}
	}
	t.changed()
}
