package ui

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"
	"hyeopchi/store/value"
)

// plansScreen is 혁신계획: the year's plans in the plan's 참고1 columns with
// a totals row on the left; on the right the selected plan's form, and the
// district's history across years with the caps it has used.
type plansScreen struct {
	e      *env
	grid   *Grid
	stage  *widget.Select
	legend *widget.Label
	plans  []store.Plan
	checks []store.Problems // each row's problems, for colour and 점검
	detail *planDetail
	split  fyne.CanvasObject // table and form, side by side or stacked
	// selecting guards OnSelect while the screen itself moves the selection.
	selecting bool
}

const allStages = "단계 전체"

// The grid's columns: 참고1's, with 개월 and 지원액 before the period so
// that they show beside a narrow table; app_test.go reads 연도 (0),
// 자치구명 (1) and 지원액 (5).
const (
	planColYear = iota
	planColDistrict
	planColStage
	planColSupport
	planColMonths
	planColAmount
	planColPeriod
	planColTFT
	planColCivil
	planColCouncil
	planColOfficial
	planColFields
	planColPB
	planColCheck
)

func newPlansScreen(e *env) *plansScreen {
	s := &plansScreen{e: e}
	s.grid = NewGrid(
		Column{Title: "연도", Width: 52, Keys: []string{store.KeyYear}},
		Column{Title: "자치구명", Width: 80, Keys: []string{store.KeyDistrict}},
		Column{Title: "단계", Width: 108, Keys: []string{store.KeyStage}}, Column{Title: "지원 사항", Width: 92},
		Column{Title: "개월", Width: 52, Numeric: true, Keys: []string{store.KeyMonths}},
		Column{Title: "지원(교부)액(천원)", Width: 140, Numeric: true, Keys: []string{store.KeyAmount}},
		Column{Title: "사업기간", Width: 250, Keys: []string{store.KeyStart, store.KeyEnd}},
		Column{Title: "TFT 계", Width: 64, Numeric: true},
		Column{Title: "민", Width: 48, Numeric: true, Keys: []string{store.KeyTFTCivil}},
		Column{Title: "구의원", Width: 60, Numeric: true, Keys: []string{store.KeyTFTCouncil}},
		Column{Title: "관", Width: 48, Numeric: true, Keys: []string{store.KeyTFTOfficial}},
		Column{Title: "분야", Width: 300}, Column{Title: "참여예산", Width: 80, Keys: []string{store.KeyPB}},
		Column{Title: "점검", Width: 90, Checks: true},
	)
	s.grid.Key = planColAmount + 1
	s.grid.Problems = func(row int) store.Problems {
		if row < 0 || row >= len(s.checks) {
			return nil
		}
		return s.checks[row]
	}
	s.grid.OnSelect = s.onSelect
	s.stage = newSelect(append([]string{allStages}, stageLabels()...), nil)
	s.stage.SetSelected(allStages)
	s.stage.OnChanged = func(string) { s.refresh() }
	s.legend = widget.NewLabel("색: 빨강 = 오류(저장 불가), 주황 = 경고 · 점검 칸에 건수")
	s.legend.Importance = widget.LowImportance
	s.detail = newPlanDetail(e, s)
	return s
}

// relayout puts the form beside or under the table again once its width changed.
func (s *plansScreen) relayout() {
	if s.split != nil {
		s.split.Refresh()
	}
}

func stageLabels() []string {
	var out []string
	for _, st := range store.Stages {
		out = append(out, st.String())
	}
	return out
}

func (s *plansScreen) content() fyne.CanvasObject {
	top := container.NewHBox(widget.NewLabel("단계"), s.stage)
	table := container.NewBorder(top, s.legend, nil, nil, s.grid)
	history := s.detail.historyObject()
	left := container.NewVSplit(table, history)
	left.Offset = 0.7
	// 연도 … 지원액 show beside the form; the rest scroll sideways.
	s.split = newAdaptiveSplit(left, s.detail.object(), 0.55, s.grid.keyWidth, func(stacked bool) {
		// Under the table the form needs the height; the history waits
		// for a wider window.
		if stacked {
			history.Hide()
		} else {
			history.Show()
		}
		left.Refresh()
	})
	return s.split
}

// refresh reloads the year's plans with the top bar's filter and the stage
// filter. A form with unsaved changes keeps them.
func (s *plansScreen) refresh() {
	ps, err := s.e.st.Plans(s.e.filter())
	s.e.showError(err)
	all, err := s.e.st.Plans(store.Filter{District: s.e.district})
	s.e.showError(err)
	stage := s.stage.Selected
	dl := s.e.deadlines()
	s.plans, s.checks = s.plans[:0], s.checks[:0]
	var rows [][]string
	var total int64
	var civil, council, official int
	q := store.NewQuery(s.e.query)
	for _, p := range ps {
		if stage != "" && stage != allStages && p.Stage.String() != stage {
			continue
		}
		if !q.Match(planSearchFields(p)...) {
			continue
		}
		s.plans = append(s.plans, p)
		s.checks = append(s.checks, store.CheckPlan(p, othersOf(p, all), s.e.today(), dl))
		total += p.Amount
		civil, council, official = civil+p.TFTCivil, council+p.TFTCouncil, official+p.TFTOfficial
		rows = append(rows, []string{fmt.Sprint(p.Year), p.District, p.Stage.String(), p.Support,
			value.CountText(p.StatedMonths()), value.Thousands(p.Amount), datesText(p),
			fmt.Sprint(p.TFTTotal()), dashCount(p.TFTCivil), dashCount(p.TFTCouncil), dashCount(p.TFTOfficial),
			value.ListText(p.Fields), store.PBLabel(p.PB), checkText(s.checks[len(s.checks)-1])})
	}
	s.selecting = true
	s.grid.SetRows(rows, []string{"계", fmt.Sprintf("%d개 구", len(rows)), "", "", "", value.Thousands(total), "",
		fmt.Sprint(civil + council + official), fmt.Sprint(civil), fmt.Sprint(council), fmt.Sprint(official), "", "", ""})
	s.selecting = false
	if len(rows) == 0 {
		s.detail.hint.SetText(fmt.Sprintf("%d년 혁신계획이 없습니다. [+ 새로] 또는 [접수·가져오기]에서 자치구 파일을 불러오세요.", s.e.year))
	} else {
		s.detail.hint.SetText("표에서 자치구를 고르면 계획을 고칠 수 있습니다. [+ 새로]로 새 계획을 추가합니다.")
	}
	s.detail.reloaded()
}

// othersOf are the other plans of p's district.
func othersOf(p store.Plan, all []store.Plan) []store.Plan {
	var out []store.Plan
	for _, o := range all {
		if o.District == p.District && o.ID != p.ID {
			out = append(out, o)
		}
	}
	return out
}

// planSearchFields are what the top bar's search looks in, field by field.
func planSearchFields(p store.Plan) []string {
	return []string{strconv.Itoa(p.Year), p.District, p.Stage.String(), p.Support, value.ListText(p.Fields), store.PBLabel(p.PB), p.Note}
}

// datesText is "2016-11-01 ~ 2017-06-30"; where the stated months
// disagree with the dates it says how many the dates cover.
func datesText(p store.Plan) string {
	t := value.PeriodText(p.Start, p.End)
	if n := value.MonthsBetween(p.Start, p.End); p.Months > 0 && n > 0 && n != p.Months {
		t += fmt.Sprintf(" (날짜로 %d개월)", n)
	}
	return t
}

// dashCount writes 0 as "-", as 참고1 does.
func dashCount(n int) string {
	if n == 0 {
		return "-"
	}
	return fmt.Sprint(n)
}

func checkText(ps store.Problems) string {
	e, w := len(ps.Errors()), len(ps.Warnings())
	switch {
	case e > 0 && w > 0:
		return fmt.Sprintf("오류 %d·경고 %d", e, w)
	case e > 0:
		return fmt.Sprintf("오류 %d", e)
	case w > 0:
		return fmt.Sprintf("경고 %d", w)
	}
	return "정상"
}

func importanceOf(ps store.Problems) widget.Importance {
	switch {
	case ps.HasErrors():
		return widget.DangerImportance
	case len(ps) > 0:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

// onSelect opens a row's plan in the form, asking first when the form
// holds unsaved changes; until the coordinator agrees, the row of the plan
// being edited stays selected.
func (s *plansScreen) onSelect(i int) {
	if s.selecting || i < 0 || i >= len(s.plans) {
		return
	}
	p := s.plans[i]
	if p.ID == s.detail.plan.ID && s.detail.editing {
		return
	}
	if s.detail.form.dirty {
		s.selectPlan(s.detail.plan.ID)
	}
	s.detail.form.leave(func() {
		s.selectPlan(p.ID)
		s.detail.open(p)
	})
}

// selectPlan highlights the row of a plan without reopening it.
func (s *plansScreen) selectPlan(id uint64) {
	s.selecting = true
	defer func() { s.selecting = false }()
	for i, p := range s.plans {
		if p.ID == id && id != 0 {
			s.grid.SelectRow(i)
			return
		}
	}
	s.grid.Table.UnselectAll()
}

// openFromHistory opens a plan tapped in the district's history.
func (s *plansScreen) openFromHistory(p store.Plan) {
	if p.ID == s.detail.plan.ID {
		return
	}
	s.detail.form.leave(func() {
		s.selectPlan(p.ID)
		s.detail.open(p)
	})
}

// create starts a blank plan for the selected district and year (+ 새로).
func (s *plansScreen) create() {
	s.detail.form.leave(func() {
		s.selectPlan(0)
		s.detail.open(store.Plan{District: s.e.district, Year: s.e.year, Stage: store.StagePrep})
		s.detail.form.focus(store.KeySupport)
	})
}

func (s *plansScreen) selectFirst() {
	if len(s.plans) > 0 {
		s.grid.Table.Select(widget.TableCellID{Row: 0, Col: 0})
	}
}

// showRecord selects the plan with the given ID (a dashboard click).
func (s *plansScreen) showRecord(id uint64) bool {
	for i, p := range s.plans {
		if p.ID == id {
			s.grid.SelectRow(i)
			return true
		}
	}
	return false
}
