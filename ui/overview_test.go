package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"
)

func fixClock(st *store.Store, y int, m time.Month, d int) {
	st.Now = func() time.Time { return time.Date(y, m, d, 10, 0, 0, 0, time.UTC) }
}

// dashRowOf finds a district's display row on the dashboard.
func dashRowOf(t *testing.T, d *dashboard, district string) int {
	t.Helper()
	for r := 0; r < d.grid.Rows(); r++ {
		if d.grid.Cell(r, 1) == district {
			return r
		}
	}
	t.Fatalf("%s not on the dashboard", district)
	return -1
}

func TestDashboardColoursDuesAndRegions(t *testing.T) {
	u, _, st := newTestUI(t)
	// the plan gives no stage or step: the coordinator enters 관악구's
	ps, _ := st.Platforms(store.Filter{Year: 2016, District: "관악구"})
	ps[0].Space, ps[0].Growth, ps[0].Months, ps[0].Status = 60, 1, 12, "사업개시"
	if _, err := st.SavePlatform(&ps[0]); err != nil {
		t.Fatal(err)
	}
	Drive(u).SetYear(2016)
	Drive(u).Show(ScreenDashboard)
	d := u.screen(ScreenDashboard).(*dashboard)
	r := dashRowOf(t, d, "관악구")
	if d.grid.Cell(r, 4) != "1단계 · 사업개시" || d.grid.Style(d.grid.indexAt(r), 4) != widget.SuccessImportance {
		t.Fatalf("관악구 platform: %q", d.grid.Cell(r, 4))
	}
	if r := dashRowOf(t, d, "강북구"); d.grid.Cell(r, 4) != "미기재" || d.grid.Style(d.grid.indexAt(r), 4) != widget.HighImportance {
		t.Fatalf("강북구 platform, stage and step not entered: %q", d.grid.Cell(r, 4))
	}
	if d.grid.Style(d.grid.indexAt(r), 2) != widget.HighImportance {
		t.Fatal("a plan under way is blue")
	}
	if r := dashRowOf(t, d, "종로구"); d.grid.Cell(r, 2) != "-" || d.grid.Style(d.grid.indexAt(r), 2) != widget.LowImportance {
		t.Fatal("no plan is grey 해당 없음")
	}
	// The next deadlines from 2017-03-02: five, nearest first.
	if n := len(d.next.Segments); n != 10 || !strings.HasPrefix(d.next.Segments[0].Textual(), "D-120 진행") ||
		!strings.Contains(d.next.Segments[1].Textual(), "2017-06-30") {
		t.Fatalf("next deadlines: %d segments, first %q", n, d.next.Segments[0].Textual())
	}

	// 2017 on 1 August: the plan's districts have sent nothing.
	fixClock(st, 2017, time.August, 1)
	Drive(u).SetYear(2017)
	r = dashRowOf(t, d, "관악구")
	if got := d.grid.Cell(r, 7); got != "혁신계획 마감 지남 (D+32) 외 1" {
		t.Fatalf("관악구 submissions: %q", got)
	}
	if d.grid.Style(d.grid.indexAt(r), 7) != widget.DangerImportance {
		t.Fatal("an overdue submission is red")
	}
	if got := d.grid.Cell(25, 7); got != "마감 지남 17 · 임박 0" {
		t.Fatalf("totals: %q", got)
	}
	if r := dashRowOf(t, d, "종로구"); d.grid.Cell(r, 7) != "해당 없음" {
		t.Fatalf("종로구 takes no part: %q", d.grid.Cell(r, 7))
	}
	if !strings.Contains(d.money.Segments[0].Textual(), "0 / 2,293,420 (0%) 약정 없음") {
		t.Fatalf("budget against commitments: %q", d.money.Segments[0].Textual())
	}

	// The region filter.
	d.region.SetSelected("동남권")
	var names []string
	for r := 0; r < d.grid.Rows(); r++ {
		names = append(names, d.grid.Cell(r, 1))
	}
	if strings.Join(names, ",") != "서초구,강남구,송파구,강동구" || !strings.Contains(d.title.Text, "동남권") {
		t.Fatalf("동남권: %v (%s)", names, d.title.Text)
	}
}

func TestDashboardCellOpensRecord(t *testing.T) {
	u, _, _ := newTestUI(t)
	Drive(u).SetYear(2016)
	Drive(u).Show(ScreenDashboard)
	d := u.screen(ScreenDashboard).(*dashboard)
	d.grid.Table.Select(widget.TableCellID{Row: dashRowOf(t, d, "관악구"), Col: 3})
	plans := u.screen(ScreenPlans).(*plansScreen)
	if Drive(u).Current() != ScreenPlans || plans.detail.form.choice(store.KeyDistrict).Selected != "관악구" {
		t.Fatalf("plan cell opened screen %s on %q", Drive(u).Current(), plans.detail.form.choice(store.KeyDistrict).Selected)
	}
	Drive(u).SetDistrict("")
	Drive(u).Show(ScreenDashboard)
	d.grid.Table.Select(widget.TableCellID{Row: dashRowOf(t, d, "강북구"), Col: 4})
	plats := u.screen(ScreenPlatforms).(*platformsScreen)
	if Drive(u).Current() != ScreenPlatforms || plats.cur.District != "강북구" {
		t.Fatalf("platform cell opened screen %s on %q", Drive(u).Current(), plats.cur.District)
	}
	// A district without a plan: its plan cell opens nothing.
	Drive(u).SetDistrict("")
	Drive(u).Show(ScreenDashboard)
	d.grid.Table.Select(widget.TableCellID{Row: dashRowOf(t, d, "종로구"), Col: 2})
	if Drive(u).Current() != ScreenDashboard {
		t.Fatalf("an empty cell opened screen %s", Drive(u).Current())
	}
}

// budgetRowOf is the index in s.status of a line.
func budgetRowOf(t *testing.T, s *budgetScreen, name string) int {
	t.Helper()
	for i, b := range s.status {
		if b.Name == name {
			return i
		}
	}
	t.Fatalf("no budget line %q", name)
	return -1
}

func TestBudgetScreenEditsLines(t *testing.T) {
	u, _, st := newTestUI(t)
	Drive(u).SetYear(2017)
	Drive(u).Show(ScreenBudget)
	s := u.screen(ScreenBudget).(*budgetScreen)
	office := s.line.f.entry(store.KeyOfficeCost) // one input, whichever line is shown
	if s.budget.Rows() != 13 || s.budget.Cell(13, 3) != "4,000,270" {
		t.Fatalf("2017 budget: %d rows, total %q", s.budget.Rows(), s.budget.Cell(13, 3))
	}

	// A parent shows its sums and cannot take amounts.
	s.budget.SelectRow(budgetRowOf(t, s, store.BudgetLinkage))
	if !s.line.obj.Visible() || !office.Disabled() || office.Text != "63,000" {
		t.Fatalf("parent form: visible %v, disabled %v, %q", s.line.obj.Visible(), office.Disabled(), office.Text)
	}

	// A leaf: a wrong amount is refused under its field.
	i := budgetRowOf(t, s, "지역협치 현장 워크숍")
	s.budget.SelectRow(i)
	if office.Disabled() || office.Text != "10,000" {
		t.Fatalf("leaf form: %q", office.Text)
	}
	office.SetText("25만")
	s.line.f.save.Run()
	if p := s.line.f.problem(store.KeyOfficeCost); !strings.Contains(p, `사무관리비 "25만" 은(는) 금액이 아닙니다`) {
		t.Fatalf("problem under 사무관리비: %q", p)
	}
	if !s.line.f.dirty {
		t.Fatal("a refused save must keep the form dirty")
	}
	office.SetText("12,000")
	s.line.f.save.Run()
	if s.budget.Cell(13, 3) != "4,002,270" {
		t.Fatalf("total after raising the workshop line: %q", s.budget.Cell(13, 3))
	}
	// A contract past the line: saved, with the warning in amber and 초과.
	s.line.f.entry(store.KeyContracted).SetText("15,000")
	s.line.f.save.Run()
	i = budgetRowOf(t, s, "지역협치 현장 워크숍")
	if p := s.line.f.problem(store.KeyCommitted); !strings.Contains(p, "경고: 2017 지역협치 현장 워크숍: 약정 15,000천원이 예산 12,000천원보다 3,000천원 많습니다") {
		t.Fatalf("over-commitment warning: %q", p)
	}
	if s.status[i].State() != store.BudgetOver || s.budget.Style(i, 6) != widget.DangerImportance || s.budget.Style(i, 5) != widget.DangerImportance {
		t.Fatal("an over-committed line is red with 초과")
	}
	if !strings.Contains(s.head.Text, "약정이 예산을 넘은 항목 1개") {
		t.Fatalf("head: %q", s.head.Text)
	}
	ls, _ := st.BudgetLines(2017)
	for _, l := range ls {
		if l.Name == "지역협치 현장 워크숍" && (l.OfficeCost != 12000 || l.Contracted != 15000) {
			t.Fatalf("stored: %+v", l)
		}
	}

	// + 새로 on the budget tab makes a new line under a chosen parent.
	s.create()
	s.line.f.entry(store.KeyLine).SetText("소식지 제작")
	s.line.f.choice(store.KeyParent).SetSelected(store.BudgetLinkage)
	office.SetText("5,000")
	s.line.f.save.Run()
	i = budgetRowOf(t, s, "소식지 제작")
	if s.status[i].Depth != 2 || s.budget.Cell(13+1, 3) != "4,007,270" {
		t.Fatalf("new line at depth %d, total %q", s.status[i].Depth, s.budget.Cell(14, 3))
	}
	// A line under a leaf that has amounts is refused, under 상위 항목.
	s.create()
	s.line.f.entry(store.KeyLine).SetText("x")
	s.line.f.choice(store.KeyParent).SetSelected(store.BudgetSchool)
	s.line.f.save.Run()
	if p := s.line.f.problem(store.KeyParent); !strings.Contains(p, "금액이나 약정 연결이 있습니다") {
		t.Fatalf("child of a leaf: %q", p)
	}
}

func TestCalendarFormAndTimeline(t *testing.T) {
	u, _, st := newTestUI(t)
	fixClock(st, 2017, time.July, 25)
	Drive(u).SetYear(2017)
	Drive(u).Show(ScreenBudget)
	s := u.screen(ScreenBudget).(*budgetScreen)
	if s.cal.Rows() != 26 || len(s.timeline.items) != 26 {
		t.Fatalf("%d milestones listed, %d on the timeline; want 26", s.cal.Rows(), len(s.timeline.items))
	}
	for i, m := range s.miles {
		if m.Title == "시민협력플랫폼 최종 모집 마감" {
			if got := s.cal.Cell(i, 4); got != "D-6 마감 임박" || s.cal.Style(i, 4) != widget.WarningImportance {
				t.Fatalf("7-31 deadline on 7-25: %q", got)
			}
		}
	}

	// Tapping a timeline row opens that milestone on 일정 목록.
	s.selectTab(2)
	s.timeline.Tapped(&fyne.PointEvent{Position: fyne.NewPos(100, tlHeader+tlRow*4+5)})
	if s.tabs.SelectedIndex() != 1 || !s.mile.obj.Visible() || s.mile.m.ID != s.miles[4].ID {
		t.Fatalf("timeline tap: tab %d, form %v", s.tabs.SelectedIndex(), s.mile.obj.Visible())
	}

	// + 새로 on the calendar makes a milestone; wrong dates stay in the form.
	s.create()
	test.Type(s.mile.f.entry(store.KeyTitle), "권역별 설명회")
	s.mile.f.entry(store.KeyStart).SetText("2017.3.6")
	s.mile.f.entry(store.KeyEnd).SetText("2017-03-01")
	s.mile.f.save.Run()
	if p := s.mile.f.problem(store.KeyEnd); !strings.Contains(p, "끝 2017-03-01 이(가) 시작 2017-03-06 보다 앞섭니다") {
		t.Fatalf("end before start: %q", p)
	}
	s.mile.f.entry(store.KeyEnd).SetText("20170310")
	s.mile.f.save.Run()
	if s.cal.Rows() != 27 || len(s.timeline.items) != 27 {
		t.Fatalf("after adding: %d rows", s.cal.Rows())
	}
	ms, _ := st.Milestones(2017)
	found := false
	for _, m := range ms {
		found = found || m.Title == "권역별 설명회" && m.Start == "2017-03-06" && m.End == "2017-03-10" && m.Owner == store.OwnerOffice
	}
	if !found {
		t.Fatal("the new milestone is not stored as typed")
	}
	// A deadline without an end is due on its start.
	s.create()
	s.mile.f.entry(store.KeyTitle).SetText("교육 결과 제출")
	s.mile.f.entry(store.KeyStart).SetText("2017-11-30")
	s.mile.f.choice(store.KeyOwner).SetSelected(store.OwnerDistrict)
	s.mile.f.inputs[store.KeyDeadline].(*widget.Check).SetChecked(true)
	s.mile.f.choice(store.KeyKind).SetSelected("교육")
	s.mile.f.save.Run()
	if s.mile.m.End != "2017-11-30" || !strings.HasPrefix(s.mile.dday.Text, "D-128 진행") {
		t.Fatalf("deadline: end %q, %q", s.mile.m.End, s.mile.dday.Text)
	}
	if ds, _ := st.NextDeadlines("2017-11-01", 1); len(ds) != 1 || ds[0].Title != "교육 결과 제출" {
		t.Fatalf("next deadline: %+v", ds)
	}
}

func TestTimelineBars(t *testing.T) {
	// text is measured in the app's own font, as in the window
	test.NewTempApp(t).Settings().SetTheme(NewTheme())
	tl := newTimeline()
	tl.set(2017, []store.Milestone{
		{Title: "공모", Start: "2017-02-01", End: "2017-07-31"},
		{Title: "마감", Start: "2017-07-31", End: "2017-07-31", Deadline: true},
		{Title: "이어짐", Start: "2016-11-01", End: "2018-03-31"},
		{Title: "보름", Start: "2017-04-16", End: "2017-04-30"},
	}, "2017-03-02")
	const w = tlLabel + 12*60
	for _, c := range []struct {
		i      int
		x0, x1 float32
	}{
		{0, tlLabel + 60, tlLabel + 7*60},
		{1, tlLabel + 6*60 + 60.0*30/31, tlLabel + 6*60 + 60.0*30/31 + tlDeadline}, // a day is narrower than a deadline's bar
		{2, tlLabel, tlLabel + 12*60},
		{3, tlLabel + 3*60 + 60.0*15/30, tlLabel + 4*60},
	} {
		x0, x1 := tl.span(c.i, w)
		if d := x0 - c.x0; d > 0.01 || d < -0.01 {
			t.Errorf("%s starts at %.2f, want %.2f", tl.items[c.i].Title, x0, c.x0)
		}
		if d := x1 - c.x1; d > 0.01 || d < -0.01 {
			t.Errorf("%s ends at %.2f, want %.2f", tl.items[c.i].Title, x1, c.x1)
		}
	}
	if got := fitText("지역사회혁신계획 본계획(실행계획) 제출・실행", 14, 120); !strings.HasSuffix(got, "…") || len([]rune(got)) > 15 {
		t.Fatalf("fitText: %q", got)
	}
}

func TestSettingsDialogSaves(t *testing.T) {
	u, _, st := newTestUI(t)
	s := u.settingsDialog()
	if s.office.Text != "서울특별시" || len(s.approvers) != 5 || s.approvers[4].Text != "정무부시장" || s.regions["관악구"].Selected != "서남권" {
		t.Fatalf("settings loaded: %q, %d approvers", s.office.Text, len(s.approvers))
	}
	// An empty approver is refused under 결재선 and nothing is saved.
	s.addApprover("")
	s.f.save.Run()
	if p := s.f.problem("approval_line"); !strings.Contains(p, "결재선 6번째 칸이 비어 있습니다") {
		t.Fatalf("empty approver: %q", p)
	}
	s.approvers[5].SetText("협치자문관")
	s.moveApprover(5, 4)
	s.department.SetText(s.department.Text + "(협치)")
	s.year.SetText("2018")
	s.regions["중구"].SetSelected("동북권")
	s.f.save.Run()
	got, _ := st.Settings()
	if got.Department != "지역공동체담당관(협치)" || got.CurrentYear != 2018 ||
		strings.Join(got.ApprovalLine, ",") != "주무관,지역생태계팀장,지역공동체담당관,서울혁신기획관,협치자문관,정무부시장" {
		t.Fatalf("saved: %+v", got)
	}
	if len(got.Checklist) != 13 {
		t.Fatal("saving settings lost the checklist")
	}
	ds, _ := st.Districts()
	for _, d := range ds {
		if d.Name == "중구" && d.Region != "동북권" {
			t.Fatalf("중구 region %q", d.Region)
		}
	}
	if u.env.year != 2018 {
		t.Fatalf("the window did not move to the new current year: %d", u.env.year)
	}
}

func TestRestoreFromTheWindow(t *testing.T) {
	u, _, st := newTestUI(t)
	bak, err := st.AutoBackup("daily")
	if err != nil {
		t.Fatal(err)
	}
	bs, _ := st.Backups()
	if line := backupLine(bs[0]); !strings.Contains(line, "매일 첫 실행") || !strings.HasPrefix(line, "2017-03-02 10:00") {
		t.Fatalf("backup line: %q", line)
	}
	ps, _ := st.Plans(store.Filter{Year: 2016})
	if err := st.DeletePlan(ps[0].ID); err != nil {
		t.Fatal(err)
	}
	// A damaged file is refused and the data stays.
	bad := filepath.Join(t.TempDir(), "bad.db")
	raw, _ := os.ReadFile(bak)
	for i := 4096 * 2; i < len(raw); i += 3 {
		raw[i] ^= 0x33
	}
	os.WriteFile(bad, raw, 0o600)
	if err := u.restoreFrom(bad); err == nil {
		t.Fatal("a damaged file was restored")
	}
	if got, _ := st.Plans(store.Filter{Year: 2016}); len(got) != 7 {
		t.Fatalf("%d plans after a refused restore, want 7", len(got))
	}
	Drive(u).SetYear(2016)
	Drive(u).Show(ScreenDashboard)
	if err := u.restoreFrom(bak); err != nil {
		t.Fatal(err)
	}
	d := u.screen(ScreenDashboard).(*dashboard)
	if got := d.grid.Cell(25, 3); got != "1,145,622" {
		t.Fatalf("dashboard after restore: plans total %q", got)
	}
	if !strings.Contains(u.status.Text, "백업 ") || strings.Contains(u.status.Text, "백업 없음") {
		t.Fatalf("status line: %q", u.status.Text)
	}
}
