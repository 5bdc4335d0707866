package ui

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"
	"hyeopchi/ui/field"

	"hyeopchi/store/value"
)

// deadlineRow is one year's deadlines in 설정: the dates the plan rules
// hold a plan's 공모, 본계획(초안) and 본계획 against.
type deadlineRow struct {
	year, call, draft, main *field.Entry
}

// targetRow is one year's target count for a kind of event.
type targetRow struct {
	year  *field.Entry
	kind  *widget.Select
	count *field.Entry
}

// yearRules are the two per-year lists of 설정: deadlines and event targets.
type yearRules struct {
	f         *form
	deadlines []*deadlineRow
	targets   []*targetRow
	dlBox     *fyne.Container
	tgBox     *fyne.Container
}

func newYearRules(f *form) *yearRules {
	r := &yearRules{f: f, dlBox: container.NewVBox(), tgBox: container.NewVBox()}
	return r
}

// add puts the two lists on the form.
func (r *yearRules) add() {
	addDl := widget.NewButton("+ 연도 추가", func() {
		next := store.YearDeadlines{Year: 2017}
		if n := len(r.deadlines); n > 0 {
			last, _ := r.readDeadline(r.deadlines[n-1])
			next = store.YearDeadlines{Year: last.Year + 1, Call: shiftYear(last.Call), PBDraft: shiftYear(last.PBDraft), MainPlan: shiftYear(last.MainPlan)}
		}
		r.addDeadline(next)
		r.changed()
	})
	head := container.NewGridWithColumns(5, widget.NewLabel("연도"), widget.NewLabel("공모 마감"),
		widget.NewLabel("본계획(초안)"), widget.NewLabel("본계획 제출"), widget.NewLabel(""))
	r.f.add(store.KeyDeadlines, "마감일", container.NewVBox(head, r.dlBox, container.NewHBox(addDl,
		widget.NewLabel("신규 자치구 모집(공모), 시민참여예산 연계 본계획(초안), 본계획 수립·제출"))))
	addTg := widget.NewButton("+ 목표 추가", func() {
		year := 2017
		if n := len(r.targets); n > 0 {
			year, _ = strconv.Atoi(strings.TrimSpace(r.targets[n-1].year.Text))
		}
		r.addTarget(store.EventTarget{Year: year})
		r.changed()
	})
	thead := container.NewGridWithColumns(4, widget.NewLabel("연도"), widget.NewLabel("행사 종류"), widget.NewLabel("목표(회 내외)"), widget.NewLabel(""))
	r.f.add(store.KeyEventTargets, "행사 목표", container.NewVBox(thead, r.tgBox, container.NewHBox(addTg)))
}

func (r *yearRules) changed() {
	if !r.f.loading {
		r.f.markChanged()
	}
	r.layout()
}

// load shows the settings' lists.
func (r *yearRules) load(st store.Settings) {
	r.deadlines, r.targets = nil, nil
	ds := append([]store.YearDeadlines(nil), st.Deadlines...)
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].Year < ds[j].Year })
	for _, d := range ds {
		r.addDeadline(d)
	}
	for _, t := range st.EventTargets {
		r.addTarget(t)
	}
	r.layout()
}

func (r *yearRules) entry(text string) *field.Entry {
	e := field.NewEntry()
	e.SetText(text)
	e.OnChanged = func(string) {
		if !r.f.loading {
			r.f.markChanged()
		}
	}
	return e
}

func (r *yearRules) addDeadline(d store.YearDeadlines) {
	row := &deadlineRow{year: r.entry(value.CountText(d.Year)), call: r.entry(string(d.Call)),
		draft: r.entry(string(d.PBDraft)), main: r.entry(string(d.MainPlan))}
	row.call.SetPlaceHolder("2017-07-31")
	row.draft.SetPlaceHolder("2017-06-30")
	row.main.SetPlaceHolder("2017-10-31")
	r.deadlines = append(r.deadlines, row)
}

func (r *yearRules) addTarget(t store.EventTarget) {
	kind := widget.NewSelect(store.EventKinds, func(string) {
		if !r.f.loading {
			r.f.markChanged()
		}
	})
	kind.PlaceHolder = "종류"
	if t.Kind != "" {
		if !hasString(kind.Options, t.Kind) {
			kind.Options = append(kind.Options, t.Kind)
		}
		kind.SetSelected(t.Kind)
	}
	r.targets = append(r.targets, &targetRow{year: r.entry(value.CountText(t.Year)), kind: kind, count: r.entry(strconv.Itoa(t.Count))})
}

// layout draws the rows, each with its 빼기.
func (r *yearRules) layout() {
	r.dlBox.Objects = nil
	for i, row := range r.deadlines {
		i := i
		del := widget.NewButton("빼기", func() {
			r.deadlines = append(r.deadlines[:i], r.deadlines[i+1:]...)
			r.changed()
		})
		r.dlBox.Add(container.NewGridWithColumns(5, row.year, row.call, row.draft, row.main, del))
	}
	r.dlBox.Refresh()
	r.tgBox.Objects = nil
	for i, row := range r.targets {
		i := i
		del := widget.NewButton("빼기", func() {
			r.targets = append(r.targets[:i], r.targets[i+1:]...)
			r.changed()
		})
		r.tgBox.Add(container.NewGridWithColumns(4, row.year, row.kind, row.count, del))
	}
	r.tgBox.Refresh()
}

func (r *yearRules) readDeadline(row *deadlineRow) (store.YearDeadlines, store.Problems) {
	var ps store.Problems
	keep := func(p *store.Problem) {
		if p != nil {
			p.Field = "deadlines"
			ps = append(ps, *p)
		}
	}
	var d store.YearDeadlines
	var p *store.Problem
	d.Year, p = parseCount("마감일의 연도", row.year.Text)
	keep(p)
	d.Call, p = parseDateField(fmt.Sprintf("%d년 공모 마감", d.Year), row.call.Text)
	keep(p)
	d.PBDraft, p = parseDateField(fmt.Sprintf("%d년 본계획(초안) 제출 마감", d.Year), row.draft.Text)
	keep(p)
	d.MainPlan, p = parseDateField(fmt.Sprintf("%d년 본계획 제출 마감", d.Year), row.main.Text)
	keep(p)
	return d, ps
}

// read puts the lists into st; what cannot be read is a problem under its list.
func (r *yearRules) read(st *store.Settings) store.Problems {
	var ps store.Problems
	st.Deadlines = []store.YearDeadlines{}
	for _, row := range r.deadlines {
		d, bad := r.readDeadline(row)
		ps = append(ps, bad...)
		st.Deadlines = append(st.Deadlines, d)
	}
	st.EventTargets = []store.EventTarget{}
	for _, row := range r.targets {
		var t store.EventTarget
		var p *store.Problem
		t.Year, p = parseCount("행사 목표의 연도", row.year.Text)
		if p != nil {
			p.Field = "event_targets"
			ps = append(ps, *p)
		}
		t.Kind = row.kind.Selected
		t.Count, p = parseCount(fmt.Sprintf("%d년 %s 목표", t.Year, t.Kind), row.count.Text)
		if p != nil {
			p.Field = "event_targets"
			ps = append(ps, *p)
		}
		st.EventTargets = append(st.EventTargets, t)
	}
	return ps
}

// shiftYear is the same day a year later ("" stays "").
func shiftYear(d store.Date) store.Date {
	if d.IsZero() || !d.Valid() {
		return d
	}
	return value.DateOf(d.Time().AddDate(1, 0, 0))
}
