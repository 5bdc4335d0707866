package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"
	"hyeopchi/ui/field"
)

// plansUI opens 혁신계획 on 2016 over the plan's data.
func plansUI(t *testing.T) (*App, fyne.Window, *store.Store, *plansScreen) {
	t.Helper()
	u, w, st := newTestUI(t)
	Drive(u).SetYear(2016)
	Drive(u).Show(ScreenPlans)
	return u, w, st, u.screen(ScreenPlans).(*plansScreen)
}

// selectDistrict taps the row of a district.
func selectDistrict(t *testing.T, s *plansScreen, district string) {
	t.Helper()
	for r := 0; r < s.grid.Rows(); r++ {
		if s.grid.Cell(r, planColDistrict) == district {
			s.grid.Table.Select(widget.TableCellID{Row: r, Col: 0})
			return
		}
	}
	t.Fatalf("no row for %s", district)
}

// retype replaces what a field holds, as a coordinator selecting all and typing.
func retype(e *field.Entry, s string) {
	e.SetText("")
	test.Type(e, s)
}

// confirmDialog answers the dialog on top of the window; it fails if none.
func confirmDialog(t *testing.T, w fyne.Window, yes bool) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog was shown")
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Visible() {
			if (b.Importance == widget.HighImportance) == yes {
				test.Tap(b)
				return
			}
		}
	}
	t.Fatal("dialog has no such button")
}

func planOf(t *testing.T, st *store.Store, year int, district string) store.Plan {
	t.Helper()
	ps, err := st.Plans(store.Filter{Year: year, District: district})
	if err != nil || len(ps) != 1 {
		t.Fatalf("%d %s: %v, %d plans", year, district, err, len(ps))
	}
	return ps[0]
}

func TestPlansScreenShowsTheFirstReference(t *testing.T) {
	_, _, _, s := plansUI(t)
	if s.grid.Rows() != 8 {
		t.Fatalf("%d rows, want the 8 of 참고1", s.grid.Rows())
	}
	want := map[string][]string{ // 지원 사항, 사업기간, 개월, 지원액, TFT 계/민/구의원/관
		"영등포구": {"수립계획서", "2016-11-01 ~ 2017-06-30", "8", "200,000", "20", "12", "-", "8"},
		"도봉구":  {"수립계획서", "2016-11-01 ~ 2017-03-31", "5", "79,000", "15", "9", "1", "5"},
		"성동구":  {"수립계획서", "2016-11-01 ~ 2017-05-30 (날짜로 7개월)", "6", "100,000", "12", "6", "-", "6"},
	}
	for r := 0; r < s.grid.Rows(); r++ {
		w, ok := want[s.grid.Cell(r, planColDistrict)]
		if !ok {
			continue
		}
		got := []string{s.grid.Cell(r, planColSupport), s.grid.Cell(r, planColPeriod), s.grid.Cell(r, planColMonths), s.grid.Cell(r, planColAmount),
			s.grid.Cell(r, planColTFT), s.grid.Cell(r, planColCivil), s.grid.Cell(r, planColCouncil), s.grid.Cell(r, planColOfficial)}
		if strings.Join(got, "|") != strings.Join(w, "|") {
			t.Errorf("row %s: %q, want %q", s.grid.Cell(r, planColDistrict), got, w)
		}
		if s.grid.Cell(r, planColDistrict) == "성동구" {
			if s.grid.Cell(r, planColCheck) != "경고 1" || s.grid.Importance(s.grid.order[r], planColMonths) != widget.WarningImportance {
				t.Errorf("성동구's months must be flagged: %q", s.grid.Cell(r, planColCheck))
			}
		} else if s.grid.Cell(r, planColCheck) != "정상" {
			t.Errorf("%s: %q", s.grid.Cell(r, planColDistrict), s.grid.Cell(r, planColCheck))
		}
	}
	if got := s.grid.Cell(8, planColAmount); got != "1,145,622" {
		t.Errorf("total %q, want 1,145,622", got)
	}
	if got := s.grid.Cell(8, planColTFT); got != "145" {
		t.Errorf("TFT total %q, want 145", got)
	}
}

func TestPlansStageFilter(t *testing.T) {
	_, _, _, s := plansUI(t)
	s.stage.SetSelected("실행기")
	if s.grid.Rows() != 0 || !strings.Contains(s.detail.hint.Text, "2016년 혁신계획이 없습니다") {
		t.Fatalf("실행기 2016: %d rows, hint %q", s.grid.Rows(), s.detail.hint.Text)
	}
	s.stage.SetSelected("본계획 수립기")
	if s.grid.Rows() != 8 {
		t.Fatalf("본계획 수립기 2016: %d rows", s.grid.Rows())
	}
}

func TestPlanFormRefusesBadAmountThenSaves(t *testing.T) {
	_, _, st, s := plansUI(t)
	selectDistrict(t, s, "관악구")
	d := s.detail
	if d.title.Text != "2016 관악구 혁신계획" || d.input(store.KeyAmount).Text != "167,000" {
		t.Fatalf("form shows %q, amount %q", d.title.Text, d.input(store.KeyAmount).Text)
	}
	before, _ := st.Audit(store.AuditFilter{})

	retype(d.input(store.KeyAmount), "25만")
	test.Tap(d.form.saveBtn)
	if got := d.form.problem("amount"); got != `지원액 "25만" 은(는) 금액이 아닙니다 (천원 단위 숫자, 예: 250,000)` {
		t.Fatalf("under 지원액: %q", got)
	}
	if p := planOf(t, st, 2016, "관악구"); p.Amount != 167000 {
		t.Fatalf("a refused amount was saved: %d", p.Amount)
	}

	// 10 months allow 300,000 at most: the store's rule refuses one more.
	retype(d.input(store.KeyAmount), "300,001")
	test.Tap(d.form.saveBtn)
	if got := d.form.problem("amount"); !strings.Contains(got, "지원액 300,001천원 이(가) 한도 300,000천원") {
		t.Fatalf("under 지원액: %q", got)
	}
	if after, _ := st.Audit(store.AuditFilter{}); len(after) != len(before) {
		t.Fatalf("a refused save wrote %d audit entries", len(after)-len(before))
	}

	retype(d.input(store.KeyAmount), "250,000")
	test.Tap(d.form.saveBtn)
	if got := d.form.problem("amount"); got != "" {
		t.Fatalf("a good amount still shows %q", got)
	}
	if p := planOf(t, st, 2016, "관악구"); p.Amount != 250000 || p.Months != 10 || p.TFTTotal() != 23 {
		t.Fatalf("saved plan: %+v", p)
	}
	if d.form.dirty || s.grid.Cell(8, planColAmount) != "1,228,622" {
		t.Fatalf("after save: dirty %v, total %q", d.form.dirty, s.grid.Cell(8, planColAmount))
	}
	if d.amountText != "2016년 지원액 250,000 / 한도 250,000" || d.amountBar.Value != 250000 {
		t.Fatalf("caps: %q %v", d.amountText, d.amountBar.Value)
	}
}

func TestPlanFormWarningSavesAndStays(t *testing.T) {
	_, _, st, s := plansUI(t)
	selectDistrict(t, s, "관악구")
	d := s.detail
	retype(d.input(store.KeyAmount), "260,000") // above 10 months' share of 250,000: a warning
	test.Tap(d.form.saveBtn)
	if p := planOf(t, st, 2016, "관악구"); p.Amount != 260000 {
		t.Fatalf("a warning blocked saving: %d", p.Amount)
	}
	if got := d.form.problem("amount"); !strings.Contains(got, "경고: 지원액 260,000천원 이(가) 10개월 안분액 250,000천원") {
		t.Fatalf("the warning is not shown after saving: %q", got)
	}
}

func TestPlanFormShowsRuleProblemsOfStoredPlan(t *testing.T) {
	_, _, _, s := plansUI(t)
	selectDistrict(t, s, "성동구")
	if got := s.detail.form.problem("months"); !strings.Contains(got, "개월 수 6개월이 사업기간 2016-11-01 ~ 2017-05-30 (7개월)과 다릅니다") {
		t.Fatalf("성동구 months: %q", got)
	}
}

func TestPlanCreateForDistrictAndYear(t *testing.T) {
	u, _, st, s := plansUI(t)
	Drive(u).SetDistrict("도봉구")
	Drive(u).SetYear(2017)
	if s.grid.Rows() != 0 {
		t.Fatalf("도봉구 2017 has %d plans", s.grid.Rows())
	}
	s.create()
	d := s.detail
	if d.form.choice(store.KeyDistrict).Selected != "도봉구" || d.input(store.KeyYear).Text != "2017" || d.form.choice(store.KeyStage).Selected != "준비기" || d.title.Text != "새 혁신계획" {
		t.Fatalf("blank plan: %q %q %q %q", d.form.choice(store.KeyDistrict).Selected, d.input(store.KeyYear).Text, d.form.choice(store.KeyStage).Selected, d.title.Text)
	}
	d.form.choice(store.KeyStage).SetSelected("실행기")
	retype(d.input(store.KeySupport), "실행")
	retype(d.input(store.KeyStart), "2017-03-01") // 도봉구's 2016 period runs to 2017-03-31
	retype(d.input(store.KeyEnd), "2017-12-31")
	retype(d.input(store.KeyAmount), "250,000")
	retype(d.input(store.KeyTFTCivil), "9")
	retype(d.input(store.KeyTFTOfficial), "5")
	if d.tftTotal.Text != "14" {
		t.Fatalf("TFT 계 %q", d.tftTotal.Text)
	}
	retype(d.steps[2], "2017-04-10") // 협약 without a main plan
	test.Tap(d.form.saveBtn)
	if got := d.form.problem("start"); !strings.Contains(got, "2016년 계획의 사업기간 2016-11-01 ~ 2017-03-31 와(과) 겹칩니다") {
		t.Fatalf("under 시작일: %q", got)
	}
	if got := d.form.problem("process"); !strings.Contains(got, "협약은 본계획 제출 후에만 맺습니다") {
		t.Fatalf("under 절차: %q", got)
	}
	if ps, _ := st.Plans(store.Filter{Year: 2017}); len(ps) != 0 {
		t.Fatal("a refused plan was saved")
	}
	retype(d.input(store.KeyStart), "2017-04-01")
	retype(d.input(store.KeyMainPlanOn), "2017-03-20")
	test.Tap(d.form.saveBtn)
	p := planOf(t, st, 2017, "도봉구")
	if p.Stage != store.StageExecution || p.Months != 0 || p.StatedMonths() != 9 || p.Amount != 250000 ||
		len(p.Process) != 1 || p.Process[0] != (store.Step{Name: "협약", On: "2017-04-10"}) {
		t.Fatalf("saved: %+v", p)
	}
	if s.grid.Rows() != 1 || d.title.Text != "2017 도봉구 혁신계획" {
		t.Fatalf("after save: %d rows, title %q", s.grid.Rows(), d.title.Text)
	}
	// The district's history and the caps used so far.
	if d.history.Rows() != 2 || d.monthsText != "지원 개월 14 / 36" || d.monthsBar.Value != 14 {
		t.Fatalf("history %d rows, %q %v", d.history.Rows(), d.monthsText, d.monthsBar.Value)
	}
	if d.amountText != "2017년 지원액 250,000 / 한도 225,000" {
		t.Fatalf("caps: %q", d.amountText)
	}
}

func TestPlanDeleteAsksFirst(t *testing.T) {
	_, w, st, s := plansUI(t)
	selectDistrict(t, s, "은평구")
	test.Tap(s.detail.del)
	confirmDialog(t, w, false)
	planOf(t, st, 2016, "은평구") // still there
	test.Tap(s.detail.del)
	confirmDialog(t, w, true)
	if ps, _ := st.Plans(store.Filter{Year: 2016, District: "은평구"}); len(ps) != 0 {
		t.Fatal("the plan was not deleted")
	}
	if s.grid.Rows() != 7 || s.detail.editing {
		t.Fatalf("after delete: %d rows, form open %v", s.grid.Rows(), s.detail.editing)
	}
}

func TestPlanLeavingChangedFormAsks(t *testing.T) {
	_, w, st, s := plansUI(t)
	selectDistrict(t, s, "관악구")
	d := s.detail
	retype(d.input(store.KeyNote), "메모")
	selectDistrict(t, s, "도봉구")
	if d.title.Text != "2016 관악구 혁신계획" || d.input(store.KeyNote).Text != "메모" {
		t.Fatalf("the form changed before asking: %q %q", d.title.Text, d.input(store.KeyNote).Text)
	}
	confirmDialog(t, w, false) // stay
	if d.title.Text != "2016 관악구 혁신계획" || !d.form.dirty {
		t.Fatal("staying lost the changes")
	}
	selectDistrict(t, s, "도봉구")
	confirmDialog(t, w, true) // drop the changes
	if d.title.Text != "2016 도봉구 혁신계획" || d.input(store.KeyAmount).Text != "79,000" {
		t.Fatalf("after leaving: %q %q", d.title.Text, d.input(store.KeyAmount).Text)
	}
	if p := planOf(t, st, 2016, "관악구"); p.Note != "" {
		t.Fatalf("dropped changes were saved: %q", p.Note)
	}
}

func TestPlanFormShowsTypingAndRuleProblemsTogether(t *testing.T) {
	u, _, st, s := plansUI(t)
	Drive(u).SetDistrict("관악구")
	Drive(u).SetYear(2018)
	s.create()
	d := s.detail
	if d.input(store.KeyTFTCivil).Text != "" || d.del.Disabled() != true {
		t.Fatalf("a new plan starts blank, without 삭제: %q %v", d.input(store.KeyTFTCivil).Text, d.del.Disabled())
	}
	d.form.choice(store.KeyStage).SetSelected("실행기")
	retype(d.input(store.KeyStart), "2018-01-01")
	retype(d.input(store.KeyEnd), "2018-12-31")
	retype(d.input(store.KeyAmount), "300,001")
	retype(d.input(store.KeyTFTCouncil), "-1")
	test.Tap(d.form.saveBtn)
	if got := d.form.problem("tft_council"); got != `TFT 구의원 "-1" 은(는) 음수입니다: TFT 구의원은(는) 0 이상이어야 합니다` {
		t.Fatalf("under 구의원: %q", got)
	}
	if got := d.form.problem("amount"); !strings.Contains(got, "지원액 300,001천원 이(가) 한도 300,000천원") {
		t.Fatalf("under 지원액: %q", got)
	}
	if ps, _ := st.Plans(store.Filter{Year: 2018}); len(ps) != 0 {
		t.Fatal("a refused plan was saved")
	}
}

// The plan's Ⅴ rules under their fields: a TFT without 관 is refused, a
// 24-month 실행기 is refused, 참여예산 amounts above the plan's figures and a
// late 본계획(초안) only warn and are stored; 융합형 shows as 계획형(융합형).
func TestPlanFormPlanRulesUnderTheirFields(t *testing.T) {
	_, _, st, s := plansUI(t)
	selectDistrict(t, s, "관악구")
	d := s.detail
	retype(d.input(store.KeyTFTOfficial), "0")
	test.Tap(d.form.saveBtn)
	if got := d.form.problem("tft_official"); !strings.Contains(got, "준비기부터 민·관 합동 TFT가 있어야 합니다: TFT 관이 0명입니다") {
		t.Fatalf("under TFT 관: %q", got)
	}
	if p := planOf(t, st, 2016, "관악구"); p.TFTOfficial != 9 {
		t.Fatalf("a TFT without 관 was saved: %+v", p)
	}
	retype(d.input(store.KeyTFTOfficial), "9")
	d.form.choice(store.KeyStage).SetSelected(store.StageExecution.String())
	retype(d.input(store.KeyEnd), "2018-10-31")
	retype(d.input(store.KeyMonths), "24")
	test.Tap(d.form.saveBtn)
	if got := d.form.problem("months"); !strings.Contains(got, "실행기는 한 건에 최대 12개월입니다 (24개월)") {
		t.Fatalf("under 개월: %q", got)
	}
	d.form.choice(store.KeyStage).SetSelected(store.StageDrafting.String())
	retype(d.input(store.KeyEnd), "2017-08-31")
	retype(d.input(store.KeyMonths), "10")
	d.form.choice(store.KeyPB).SetSelected(store.PBGeneral)
	retype(d.input(store.KeyPBAmount), "600,000")
	retype(d.input(store.KeyPBIntegration), "10,000")
	retype(d.input(store.KeyDraftPlanOn), "2017-07-03")
	test.Tap(d.form.saveBtn)
	p := planOf(t, st, 2016, "관악구")
	if p.PB != store.PBGeneral || p.PBAmount != 600000 || p.PBIntegration != 10000 || p.DraftPlanOn != "2017-07-03" {
		t.Fatalf("warnings blocked saving: %+v", p)
	}
	for field, want := range map[string]string{
		"pb_amount":            "경고: 일반형 區 단위 금액 600,000천원 이(가) 계획의 500,000천원(5억)보다 많습니다",
		"pb_integration_cost":  "경고: 통합비용 10,000천원: 통합비용은 계획형(융합형)에만 부여합니다",
		"draft_plan_submitted": "경고: 본계획(초안) 제출일 2017-07-03 이(가) 2017년 시민참여예산 연계 본계획(초안) 제출 마감 2017-06-30 보다 늦습니다",
	} {
		if got := d.form.problem(field); !strings.Contains(got, want) {
			t.Errorf("under %s: %q, want %q", field, got, want)
		}
	}
	// An older record's 융합형 is the one type.
	p.PB = "융합형"
	if _, err := st.SavePlan(&p); err != nil {
		t.Fatal(err)
	}
	s.refresh()
	selectDistrict(t, s, "관악구")
	if d.form.choice(store.KeyPB).Selected != store.PBPlanned {
		t.Fatalf("융합형 shows as %q", d.form.choice(store.KeyPB).Selected)
	}
}

// The form's bar counts the months the 36-month rule counts: 수립기 and
// 실행기, not 준비기.
func TestPlanFormBarCountsFundedMonths(t *testing.T) {
	_, _, st, s := plansUI(t)
	prep := store.Plan{District: "관악구", Year: 2015, Stage: store.StagePrep, Start: "2015-05-01", End: "2015-10-31", Months: 6, TFTCivil: 5, TFTOfficial: 3}
	if _, err := st.SavePlan(&prep); err != nil {
		t.Fatal(err)
	}
	s.refresh()
	selectDistrict(t, s, "관악구")
	d := s.detail
	if d.monthsText != "지원 개월 10 / 36" || d.monthsBar.Value != 10 {
		t.Fatalf("bar: %q %v", d.monthsText, d.monthsBar.Value)
	}
	if got := d.history.Cell(d.history.Rows(), 2); got != "10" {
		t.Fatalf("history total months %q, want the funded 10", got)
	}
}
