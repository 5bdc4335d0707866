package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"
)

// 설정 holds each year's deadlines and event targets: the plan's for 2017
// at first; a new year copies the last one's dates a year on; a bad date
// is refused under its list; what is saved is what the rules use.
func TestSettingsDeadlinesAndEventTargets(t *testing.T) {
	u, _, st := newTestUI(t)
	s := u.settingsDialog()
	y := s.years
	if len(y.deadlines) != 1 || y.deadlines[0].year.Text != "2017" || y.deadlines[0].call.Text != "2017-07-31" ||
		y.deadlines[0].draft.Text != "2017-06-30" || y.deadlines[0].main.Text != "2017-10-31" {
		t.Fatalf("2017 deadlines shown: %+v", y.deadlines)
	}
	if len(y.targets) != 3 || y.targets[0].kind.Selected != "정책토론회" || y.targets[0].count.Text != "5" ||
		y.targets[1].count.Text != "20" || y.targets[2].count.Text != "10" {
		t.Fatalf("2017 targets shown: %d", len(y.targets))
	}
	y.addDeadline(store.YearDeadlines{})
	y.layout()
	retype(y.deadlines[1].year, "2018")
	retype(y.deadlines[1].call, "2018-02-30")
	s.f.save.Run()
	if p := s.f.problem("deadlines"); !strings.Contains(p, "2018년 공모 마감") {
		t.Fatalf("a bad date: %q", p)
	}
	if got, _ := st.Settings(); len(got.Deadlines) != 1 {
		t.Fatalf("a refused save stored %+v", got.Deadlines)
	}
	retype(y.deadlines[1].call, "2018-08-31")
	retype(y.deadlines[1].draft, "2018-06-30")
	retype(y.targets[0].count, "6")
	s.f.save.Run()
	got, _ := st.Settings()
	d, ok := store.DeadlinesOf(got.Deadlines, 2018)
	if !ok || d.Call != "2018-08-31" || store.EventTargetOf(got.EventTargets, 2017, "정책토론회") != 6 {
		t.Fatalf("saved: %+v %+v", got.Deadlines, got.EventTargets)
	}
	// The plan rules use the saved date: 공모 on 2018-08-15 is now in time.
	p := store.Plan{District: "관악구", Year: 2018, Stage: store.StagePrep, TFTCivil: 1, TFTOfficial: 1,
		Process: []store.Step{{Name: "공모", On: "2018-08-15"}}}
	if ps := store.CheckPlan(p, nil, "2018-09-01", got.Deadlines); len(ps.Field("process")) != 0 {
		t.Fatalf("공모 before the saved deadline: %v", ps)
	}
	got.Deadlines[1].Call = "2018-07-31"
	if ps := store.CheckPlan(p, nil, "2018-09-01", got.Deadlines); len(ps.Field("process")) != 1 {
		t.Fatalf("공모 after the deadline: %v", ps)
	}
	// + 연도 추가 copies the last year's dates a year on.
	s = u.settingsDialog()
	test.Tap(findButton(t, s, "+ 연도 추가"))
	last := s.years.deadlines[len(s.years.deadlines)-1]
	if last.year.Text != "2019" || last.call.Text != "2019-08-31" || last.draft.Text != "2019-06-30" {
		t.Fatalf("new year row: %q %q %q", last.year.Text, last.call.Text, last.draft.Text)
	}
}

// findButton finds a button of the settings form by its text.
func findButton(t *testing.T, s *settingsForm, text string) *widget.Button {
	t.Helper()
	for _, o := range test.LaidOutObjects(s.f.object()) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}
