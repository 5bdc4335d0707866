package ui

import (
	"strings"
	"testing"

	"hyeopchi/reports"
	"hyeopchi/store"
)

// Each report's header is set in 설정: its own 문서번호, the 결재일자 once
// approved, 방침번호 and 공개여부.
func TestSettingsDialogReportHeaders(t *testing.T) {
	u, _, st := newTestUI(t)
	s := u.settingsDialog()
	if len(s.docs) != len(reports.Kinds) {
		t.Fatalf("%d report rows, want %d", len(s.docs), len(reports.Kinds))
	}
	for _, k := range reports.Kinds {
		r := s.docs[k]
		if r.number.Text != "" || r.approved.Text != "" || r.policy.Text != "" || r.disclosure.Selected != sameAsDefault {
			t.Fatalf("%s: a fresh file has a header filled in: %q %q %q %q", k, r.number.Text, r.approved.Text, r.policy.Text, r.disclosure.Selected)
		}
	}
	if s.disclosure.Selected != "대시민공개" {
		t.Fatalf("default 공개여부 %q", s.disclosure.Selected)
	}
	a := s.docs[reports.KindAnnual]
	a.number.SetText("지역공동체담당관-3001")
	a.approved.SetText("2017. 12. 32.")
	a.policy.SetText("정무부시장 방침 제7호")
	a.disclosure.SetSelected("부분공개")
	s.f.save.Run()
	if p := s.f.problem("documents"); !strings.Contains(p, "지역협치 추진 현황 결재일자") {
		t.Fatalf("a wrong approval date: %q", p)
	}
	if got, _ := st.Settings(); len(got.Documents) != 0 {
		t.Fatalf("saved despite the wrong date: %+v", got.Documents)
	}
	a.approved.SetText("2017. 12. 20.")
	s.docs[reports.KindPlans].number.SetText("지역공동체담당관-2990")
	s.f.save.Run()
	got, _ := st.Settings()
	want := map[string]store.DocHeader{
		reports.KindAnnual: {DocNumber: "지역공동체담당관-3001", Approved: "2017-12-20", PolicyNumber: "정무부시장 방침 제7호", Disclosure: "부분공개"},
		reports.KindPlans:  {DocNumber: "지역공동체담당관-2990"},
	}
	if len(got.Documents) != len(want) || got.Documents[reports.KindAnnual] != want[reports.KindAnnual] ||
		got.Documents[reports.KindPlans] != want[reports.KindPlans] {
		t.Fatalf("saved %+v, want %+v", got.Documents, want)
	}
	if h := got.Header(reports.KindPlans); h.Disclosure != "대시민공개" {
		t.Fatalf("plans follow the default 공개여부: %+v", h)
	}
	// opened again, the dialog shows what was saved
	s = u.settingsDialog()
	if r := s.docs[reports.KindAnnual]; r.approved.Text != "2017-12-20" || r.disclosure.Selected != "부분공개" {
		t.Fatalf("reloaded: %q %q", r.approved.Text, r.disclosure.Selected)
	}
}
