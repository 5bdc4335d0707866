package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"
	"hyeopchi/ui/field"
)

// eventsTab is 협치학교 → 행사: the year's forums, workshops, archiving,
// advisory meetings and the sharing workshop with their form, and per
// kind the budget its events used against the plan's line.
type eventsTab struct {
	e      *env
	grid   *Grid
	budget *Grid
	head   *widget.Label
	events []store.Event
	kinds  []store.EventBudgetRow
	f      *form
	cur    store.Event

	kind                                     *widget.Select
	title, date, place, amount, male, female *field.Entry
	note                                     *field.Entry
	delBtn                                   *widget.Button
}

func newEventsTab(e *env) *eventsTab {
	t := &eventsTab{e: e}
	t.grid = NewGrid(
		Column{Title: "일자", Width: 95}, Column{Title: "종류", Width: 140}, Column{Title: "행사명", Width: 175},
		Column{Title: "장소", Width: 120}, Column{Title: "예산(천원)", Width: 85, Numeric: true},
		Column{Title: "남", Width: 40, Numeric: true}, Column{Title: "여", Width: 40, Numeric: true}, Column{Title: "계", Width: 45, Numeric: true},
	)
	t.grid.OnSelect = func(i int) {
		if i < 0 || i >= len(t.events) {
			return
		}
		x := t.events[i]
		t.f.leave(func() { t.load(x) })
	}
	t.budget = NewGrid(
		Column{Title: "종류", Width: 140}, Column{Title: "예산 항목", Width: 170},
		Column{Title: "항목 예산(천원)", Width: 110, Numeric: true}, Column{Title: "사용(천원)", Width: 85, Numeric: true},
		Column{Title: "잔액(천원)", Width: 85, Numeric: true}, Column{Title: "행사 수", Width: 60, Numeric: true},
		Column{Title: "목표(회 내외)", Width: 90, Numeric: true},
		Column{Title: "남", Width: 40, Numeric: true}, Column{Title: "여", Width: 40, Numeric: true},
	)
	t.budget.Style = func(row, col int) widget.Importance {
		if row < len(t.kinds) && t.kinds[row].Over() && (col == 3 || col == 4) {
			return widget.DangerImportance
		}
		return widget.MediumImportance
	}
	t.head = widget.NewLabel("")
	t.head.TextStyle.Bold = true
	t.f = newForm(e, t.save, func() { t.f.leave(func() { t.load(t.cur) }) })
	t.kind = newSelect(store.EventKinds, nil)
	t.kind.PlaceHolder = "종류 고르기"
	entry := hintEntry
	t.title = entry("행사명")
	t.date = entry("2017-06-15")
	t.place = entry("장소")
	t.amount = entry("천원")
	t.male = entry("명")
	t.female = entry("명")
	t.note = field.NewMultiLineEntry()
	t.note.SetMinRowsVisible(2)
	t.f.add("kind", "종류", t.kind)
	t.f.add("title", "행사명", t.title)
	t.f.add("date", "일자", t.date)
	t.f.add("place", "장소", t.place)
	t.f.add("budget", "예산(천원)", t.amount)
	t.f.add("attend_male", "참석 남", t.male)
	t.f.add("attend_female", "참석 여", t.female)
	t.f.add("note", "비고", t.note)
	t.delBtn = widget.NewButton("삭제", t.askDelete)
	t.delBtn.Importance = widget.DangerImportance
	return t
}

func (t *eventsTab) object() fyne.CanvasObject {
	legend := container.NewHBox(widget.NewLabel("종류별 예산: 계획의 「지역협치 활성화 연계 지원」 항목과 견줍니다."), schoolSwatch(ColorError), widget.NewLabel("예산 초과"))
	lower := container.NewBorder(legend, nil, nil, nil, t.budget)
	left := container.NewVSplit(t.grid, lower)
	left.Offset = 0.55
	right := container.NewBorder(t.head, container.NewHBox(t.delBtn), nil, nil, t.f.object())
	split := container.NewHSplit(left, right)
	split.Offset = 0.72
	return split
}

func (t *eventsTab) refresh() {
	es, err := t.e.st.Events(t.e.filter())
	t.e.showError(err)
	t.events = t.events[:0]
	var rows [][]string
	var budget int64
	var m, f int
	q := store.NewQuery(t.e.query)
	for _, x := range es {
		if !q.Match(x.Kind, x.Title, x.Place, x.Note, string(x.Date)) {
			continue
		}
		t.events = append(t.events, x)
		budget += x.Budget
		m += x.AttendMale
		f += x.AttendFemale
		rows = append(rows, []string{string(x.Date), x.Kind, x.Title, x.Place, store.Money(x.Budget),
			fmt.Sprint(x.AttendMale), fmt.Sprint(x.AttendFemale), fmt.Sprint(x.AttendMale + x.AttendFemale)})
	}
	t.grid.SetRows(rows, []string{"계", fmt.Sprintf("%d건", len(rows)), "", "", store.Money(budget), fmt.Sprint(m), fmt.Sprint(f), fmt.Sprint(m + f)})

	lines, err := t.e.st.BudgetLines(t.e.year)
	t.e.showError(err)
	st, err := t.e.st.Settings()
	t.e.showError(err)
	t.kinds = store.EventBudgets(lines, es, st.EventTargets, t.e.year)
	rows = nil
	var amount, used int64
	for _, k := range t.kinds {
		line := k.Line
		if line == "" {
			line = "없음"
		}
		amount += k.Amount
		used += k.Used
		rows = append(rows, []string{k.Kind, line, store.Money(k.Amount), store.Money(k.Used), store.Money(k.Remaining()),
			fmt.Sprint(k.Events), targetText(k.Target), fmt.Sprint(k.Male), fmt.Sprint(k.Female)})
	}
	t.budget.SetRows(rows, []string{"계", "", store.Money(amount), store.Money(used), store.Money(amount - used), "", "", "", ""})

	if !t.f.dirty {
		cur := store.Event{Year: t.e.year}
		if t.cur.ID != 0 {
			for _, x := range es {
				if x.ID == t.cur.ID {
					cur = x
				}
			}
		}
		t.load(cur)
	}
	if len(t.events) == 0 && t.cur.ID == 0 {
		t.head.SetText(fmt.Sprintf("%d년 행사가 없습니다. [+ 새로]로 행사를 추가하세요.", t.e.year))
	}
}

// targetText is a kind's target count from 설정; "" when none is set.
func targetText(n int) string {
	if n <= 0 {
		return ""
	}
	return fmt.Sprint(n)
}

func (t *eventsTab) load(x store.Event) {
	t.cur = x
	if x.ID == 0 {
		t.head.SetText("새 행사")
	} else {
		t.head.SetText(fmt.Sprintf("%s %s", x.Date, x.Title))
	}
	num := countText
	t.f.load(func() {
		if x.Kind == "" {
			t.kind.ClearSelected()
		} else {
			if !hasString(t.kind.Options, x.Kind) {
				t.kind.Options = append(t.kind.Options, x.Kind)
			}
			t.kind.SetSelected(x.Kind)
		}
		t.title.SetText(x.Title)
		t.date.SetText(string(x.Date))
		t.place.SetText(x.Place)
		t.amount.SetText("")
		if x.Budget != 0 {
			t.amount.SetText(store.Money(x.Budget))
		}
		t.male.SetText(num(x.AttendMale))
		t.female.SetText(num(x.AttendFemale))
		t.note.SetText(x.Note)
	})
	enableWhen(t.delBtn, x.ID != 0)
}

func (t *eventsTab) create() {
	t.f.leave(func() {
		t.load(store.Event{Year: t.e.year})
		t.e.win.Canvas().Focus(t.title)
	})
}

func (t *eventsTab) selectFirst() {
	if len(t.events) > 0 {
		t.grid.SelectRow(0)
	}
}

func (t *eventsTab) save() {
	x := t.cur
	var ps store.Problems
	add := func(name string, p *store.Problem) {
		if p != nil {
			p.Field = name
			ps = append(ps, *p)
		}
	}
	var p *store.Problem
	x.Kind = t.kind.Selected
	x.Title = strings.TrimSpace(t.title.Text)
	x.Date, p = parseDateField("일자", t.date.Text)
	add("date", p)
	x.Place = strings.TrimSpace(t.place.Text)
	x.Budget, p = parseAmount("예산", t.amount.Text)
	add("budget", p)
	x.AttendMale, p = parseCount("참석 남", t.male.Text)
	add("attend_male", p)
	x.AttendFemale, p = parseCount("참석 여", t.female.Text)
	add("attend_female", p)
	x.Note = strings.TrimSpace(t.note.Text)
	if len(ps) > 0 {
		t.f.showProblems(ps)
		return
	}
	if y := x.Date.Year(); y != 0 {
		x.Year = y
	}
	ps, err := t.e.st.SaveEvent(&x)
	var inv *store.InvalidError
	if errors.As(err, &inv) {
		t.f.showProblems(ps)
		return
	}
	if err != nil {
		t.e.showError(err)
		return
	}
	t.f.dirty = false
	t.cur = x
	t.refresh()
	t.e.status()
	for i, o := range t.events {
		if o.ID == x.ID {
			t.grid.SelectRow(i)
		}
	}
	t.f.showProblems(ps)
}

func (t *eventsTab) askDelete() {
	x := t.cur
	if x.ID == 0 {
		return
	}
	confirmDelete(t.e, fmt.Sprintf("행사 %s %s", x.Date, x.Title), func() error {
		if err := t.e.st.DeleteEvent(x.ID); err != nil {
			return err
		}
		t.f.dirty = false
		t.cur = store.Event{Year: t.e.year}
		t.refresh()
		t.e.status()
		return nil
	})
}
