package ui

import (
	"cmp"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"

	"hyeopchi/store/value"
)

// eventsTab is 협치학교 → 행사: the year's forums, workshops, archiving,
// advisory meetings and the sharing workshop with their form, and per
// kind the budget its events used against the plan's line.
type eventsTab struct {
	*recordTab[store.Event]
	budget *Grid
	kinds  []store.EventBudgetRow
}

func newEventsTab(e *env) *eventsTab {
	t := &eventsTab{}
	t.recordTab = newRecordTab(e, recordKind[store.Event]{
		fields:   store.EventFields,
		id:       func(x store.Event) uint64 { return x.ID },
		blank:    func(year int) store.Event { return store.Event{Year: year} },
		heading:  func(x store.Event) string { return fmt.Sprintf("%s %s", x.Date, x.Title) },
		fresh:    func(int) string { return "새 행사" },
		prepare:  func(x *store.Event) { x.Year = cmp.Or(x.Date.Year(), x.Year) },
		store:    e.st.SaveEvent,
		remove:   func(x store.Event) error { return e.st.DeleteEvent(x.ID) },
		what:     func(x store.Event) string { return fmt.Sprintf("행사 %s %s", x.Date, x.Title) },
		firstKey: store.KeyTitle,
		changed:  func() { t.refresh(); e.status() },
	},
		Column{Title: "일자", Width: 95}, Column{Title: "종류", Width: 140}, Column{Title: "행사명", Width: 175},
		Column{Title: "장소", Width: 120}, Column{Title: "예산(천원)", Width: 85, Numeric: true},
		Column{Title: "남", Width: 40, Numeric: true}, Column{Title: "여", Width: 40, Numeric: true}, Column{Title: "계", Width: 45, Numeric: true},
	)
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
	var shown []store.Event
	var rows [][]string
	var budget int64
	var m, f int
	q := store.NewQuery(t.e.query)
	for _, x := range es {
		if !q.Match(x.Kind, x.Title, x.Place, x.Note, string(x.Date)) {
			continue
		}
		shown = append(shown, x)
		budget += x.Budget
		m += x.AttendMale
		f += x.AttendFemale
		rows = append(rows, []string{string(x.Date), x.Kind, x.Title, x.Place, value.Thousands(x.Budget),
			fmt.Sprint(x.AttendMale), fmt.Sprint(x.AttendFemale), fmt.Sprint(x.AttendMale + x.AttendFemale)})
	}
	t.setItems(shown, rows, []string{"계", fmt.Sprintf("%d건", len(rows)), "", "", value.Thousands(budget), fmt.Sprint(m), fmt.Sprint(f), fmt.Sprint(m + f)}, es)
	t.refreshBudget(es)
	if len(t.items) == 0 && t.cur.ID == 0 {
		t.head.SetText(fmt.Sprintf("%d년 행사가 없습니다. [+ 새로]로 행사를 추가하세요.", t.e.year))
	}
}

// refreshBudget is the lower table: per kind, the plan's line and what the
// year's events used of it.
func (t *eventsTab) refreshBudget(es []store.Event) {
	lines, err := t.e.st.BudgetLines(t.e.year)
	t.e.showError(err)
	st, err := t.e.st.Settings()
	t.e.showError(err)
	t.kinds = store.EventBudgets(lines, es, st.EventTargets, t.e.year)
	var rows [][]string
	var amount, used int64
	for _, k := range t.kinds {
		line := k.Line
		if line == "" {
			line = "없음"
		}
		amount += k.Amount
		used += k.Used
		rows = append(rows, []string{k.Kind, line, value.Thousands(k.Amount), value.Thousands(k.Used), value.Thousands(k.Remaining()),
			fmt.Sprint(k.Events), targetText(k.Target), fmt.Sprint(k.Male), fmt.Sprint(k.Female)})
	}
	t.budget.SetRows(rows, []string{"계", "", value.Thousands(amount), value.Thousands(used), value.Thousands(amount - used), "", "", "", ""})
}

// targetText is a kind's target count from 설정; "" when none is set.
func targetText(n int) string {
	if n <= 0 {
		return ""
	}
	return fmt.Sprint(n)
}
