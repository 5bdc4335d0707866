package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"
	"hyeopchi/ui/field"
)

// coursesTab is 협치학교 → 과정: the year's courses (the plan's three for
// 2017), editable, and for a year without any a copy of the last year's.
type coursesTab struct {
	e       *env
	changed func() // the other tabs reload
	grid    *Grid
	head    *widget.Label
	courses []store.Course
	uses    map[string]int // sessions of the year per course name
	f       *form
	cur     store.Course

	name, audience, contents *field.Entry
	delBtn, copyBtn          *widget.Button
	copyFrom                 int
}

func newCoursesTab(e *env, changed func()) *coursesTab {
	t := &coursesTab{e: e, changed: changed}
	t.grid = NewGrid(Column{Title: "과정", Width: 200}, Column{Title: "대상", Width: 360}, Column{Title: "회차", Width: 60, Numeric: true})
	t.grid.OnSelect = func(i int) {
		if i < 0 || i >= len(t.courses) {
			return
		}
		c := t.courses[i]
		t.f.leave(func() { t.load(c) })
	}
	t.head = widget.NewLabel("")
	t.head.TextStyle.Bold = true
	t.head.Wrapping = fyne.TextWrapWord
	t.f = newForm(e, t.save, func() { t.f.leave(func() { t.load(t.cur) }) })
	t.name = field.NewEntry()
	t.audience = field.NewEntry()
	t.audience.SetPlaceHolder("자치구 공무원, 자치구 주민, 시민단체")
	t.contents = field.NewMultiLineEntry()
	t.contents.SetPlaceHolder("한 줄에 하나씩")
	t.contents.SetMinRowsVisible(5)
	t.f.add("name", "과정명", t.name)
	t.f.add("audience", "대상", t.audience)
	t.f.add("contents", "내용", t.contents)
	t.delBtn = widget.NewButton("삭제", t.askDelete)
	t.delBtn.Importance = widget.DangerImportance
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
	t.courses = t.courses[:0]
	var rows [][]string
	q := store.NewQuery(t.e.query)
	for _, c := range cs {
		if !q.Match(c.Name, c.Audience, c.Contents) {
			continue
		}
		t.courses = append(t.courses, c)
		rows = append(rows, []string{c.Name, c.Audience, fmt.Sprint(t.uses[c.Name])})
	}
	t.grid.SetRows(rows, nil)
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
	if !t.f.dirty {
		cur := store.Course{Year: t.e.year}
		for _, c := range cs {
			if c.ID == t.cur.ID && c.ID != 0 {
				cur = c
			}
		}
		t.load(cur)
	}
}

func (t *coursesTab) load(c store.Course) {
	t.cur = c
	if c.ID == 0 {
		t.head.SetText(fmt.Sprintf("%d년 새 과정", t.e.year))
	} else {
		t.head.SetText(fmt.Sprintf("%d %s", c.Year, c.Name))
	}
	t.f.load(func() {
		t.name.SetText(c.Name)
		t.audience.SetText(c.Audience)
		t.contents.SetText(c.Contents)
	})
	enableWhen(t.delBtn, c.ID != 0)
}

func (t *coursesTab) create() {
	t.f.leave(func() {
		t.load(store.Course{Year: t.e.year})
		t.e.win.Canvas().Focus(t.name)
	})
}

func (t *coursesTab) selectFirst() {
	if len(t.courses) > 0 {
		t.grid.SelectRow(0)
	}
}

func (t *coursesTab) save() {
	c := t.cur
	c.Name = strings.TrimSpace(t.name.Text)
	c.Audience = strings.TrimSpace(t.audience.Text)
	c.Contents = strings.TrimSpace(t.contents.Text)
	if c.Year == 0 {
		c.Year = t.e.year
	}
	var ps store.Problems
	switch {
	case c.Name == "":
		ps = append(ps, store.Problem{Field: "name", Message: "과정명을 입력하세요"})
	case t.cur.ID != 0 && c.Name != t.cur.Name && t.uses[t.cur.Name] > 0:
		ps = append(ps, store.Problem{Field: "name", Message: fmt.Sprintf("회차 %d건이 %q 과정을 씁니다: 이름을 바꾸려면 새 과정을 만들고 회차의 과정을 옮기세요", t.uses[t.cur.Name], t.cur.Name)})
	}
	others, err := t.e.st.Courses(c.Year)
	t.e.showError(err)
	for _, o := range others {
		if o.ID != c.ID && o.Name == c.Name {
			ps = append(ps, store.Problem{Field: "name", Message: fmt.Sprintf("%d년에 %q 과정이 이미 있습니다", c.Year, c.Name)})
		}
	}
	if len(ps) > 0 {
		t.f.showProblems(ps)
		return
	}
	if err := t.e.st.SaveCourse(&c); err != nil {
		t.e.showError(err)
		return
	}
	t.f.dirty = false
	t.cur = c
	t.changed()
	for i, o := range t.courses {
		if o.ID == c.ID {
			t.grid.SelectRow(i)
		}
	}
}

func (t *coursesTab) askDelete() {
	c := t.cur
	if c.ID == 0 {
		return
	}
	if n := t.uses[c.Name]; n > 0 {
		dialog.ShowInformation("과정 삭제", fmt.Sprintf("회차 %d건이 %q 과정을 씁니다. 회차를 먼저 옮기거나 지우세요.", n, c.Name), t.e.win)
		return
	}
	confirmDelete(t.e, fmt.Sprintf("과정 %d %s", c.Year, c.Name), func() error {
		if err := t.e.st.DeleteCourse(c.ID); err != nil {
			return err
		}
		t.f.dirty = false
		t.cur = store.Course{Year: t.e.year}
		t.changed()
		return nil
	})
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
		if err := t.e.st.SaveCourse(&c); err != nil {
			t.e.showError(err)
			return
		}
	}
	t.changed()
}
