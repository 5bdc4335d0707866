package store

import (
	"errors"
	"strings"
	"testing"
)

func TestCheckSettings(t *testing.T) {
	ok := DefaultSettings()
	with := func(fn func(*Settings)) Settings {
		s := ok
		s.ApprovalLine = append([]string{}, ok.ApprovalLine...)
		fn(&s)
		return s
	}
	for _, c := range []struct {
		name  string
		st    Settings
		field string
		want  string
	}{
		{"the plan's settings pass", ok, "", ""},
		{"a report's header passes", with(func(s *Settings) {
			s.Documents = map[string]DocHeader{"annual": {DocNumber: "지역공동체담당관-2101", Approved: "2017-03-02", PolicyNumber: "정무부시장 방침 제7호", Disclosure: "부분공개"}}
		}), "", ""},
		{"an office is needed", with(func(s *Settings) { s.Office = " " }), "office", "기관명을 입력하세요"},
		{"a department is needed", with(func(s *Settings) { s.Department = "" }), "department", "부서명을 입력하세요"},
		{"someone approves", with(func(s *Settings) { s.ApprovalLine = nil }), "approval_line", "한 명 이상"},
		{"no empty approver", with(func(s *Settings) { s.ApprovalLine[2] = "" }), "approval_line", "결재선 3번째 칸이 비어 있습니다"},
		{"a known disclosure", with(func(s *Settings) { s.Disclosure = "극비" }), "disclosure", `공개여부 "극비"`},
		{"a real year", with(func(s *Settings) { s.CurrentYear = 17 }), "current_year", "기준 연도 17"},
		{"a deadline in another year", with(func(s *Settings) {
			s.Deadlines = []YearDeadlines{{Year: 2018, Call: "2017-07-31"}}
		}), "deadlines", "2018년 공모 마감 2017-07-31 이(가) 2018년이 아닙니다"},
		{"a deadline that is no date", with(func(s *Settings) {
			s.Deadlines = []YearDeadlines{{Year: 2018, PBDraft: "2018-06-31"}}
		}), "deadlines", `2018년 본계획(초안) 제출 마감 "2018-06-31" 이(가) 올바른 날짜가 아닙니다`},
		{"a year's deadlines twice", with(func(s *Settings) {
			s.Deadlines = []YearDeadlines{seedDeadlines(2018), seedDeadlines(2018)}
		}), "deadlines", "2018년 마감일이 두 번 있습니다"},
		{"a negative event target", with(func(s *Settings) {
			s.EventTargets = []EventTarget{{Year: 2017, Kind: "정책토론회", Count: -1}}
		}), "event_targets", "2017년 정책토론회 목표 -1회 은(는) 0 이상"},
		{"an event target twice", with(func(s *Settings) {
			s.EventTargets = []EventTarget{{Year: 2017, Kind: "정책토론회", Count: 5}, {Year: 2017, Kind: "정책토론회", Count: 6}}
		}), "event_targets", "2017년 정책토론회 목표가 두 번 있습니다"},
		{"a report's known disclosure", with(func(s *Settings) {
			s.Documents = map[string]DocHeader{"annual": {Disclosure: "극비"}}
		}), "documents.annual.disclosure", `공개여부 "극비"`},
		{"a report's approval date is a date", with(func(s *Settings) {
			s.Documents = map[string]DocHeader{"plans": {Approved: "2017-02-30"}}
		}), "documents.plans.approved", `결재일자 "2017-02-30"`},
	} {
		ps := CheckSettings(c.st)
		if c.field == "" {
			if len(ps) != 0 {
				t.Errorf("%s: %v", c.name, ps)
			}
			continue
		}
		if f := ps.Field(c.field); len(f) != 1 || !strings.Contains(f[0].Message, c.want) {
			t.Errorf("%s: want %s %q, got %v", c.name, c.field, c.want, ps)
		}
	}
}

func TestSaveSettingsAndRegions(t *testing.T) {
	s := newTestStore(t, SeedData())
	st, _ := s.Settings()
	st.ApprovalLine = []string{"주무관", "팀장"}
	st.CurrentYear = 2018
	if err := s.SaveSettings(st); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Settings()
	if strings.Join(got.ApprovalLine, ",") != "주무관,팀장" || got.CurrentYear != 2018 || len(got.Checklist) != 13 {
		t.Fatalf("settings after save: %+v", got)
	}
	st.Office = ""
	var inv *InvalidError
	if err := s.SaveSettings(st); !errors.As(err, &inv) {
		t.Fatalf("empty office saved: %v", err)
	}
	if err := s.SaveRegions(map[string]string{"중구": "동북권", "관악구": "서북권", "도봉구": "서남권"}); err != nil {
		t.Fatal(err)
	}
	ds, _ := s.Districts()
	for _, d := range ds {
		want := DefaultRegion[d.Name]
		switch d.Name {
		case "중구":
			want = "동북권"
		case "관악구":
			want = "서북권"
		case "도봉구":
			want = "서남권"
		}
		if d.Region != want {
			t.Errorf("%s: %s, want %s", d.Name, d.Region, want)
		}
		if d.Name == "도봉구" && (!d.Ordinance || d.Note != "협치조례 제정(2016년)") {
			t.Error("changing the region lost the district's other fields")
		}
	}
	if err := s.SaveRegions(map[string]string{"중구": "남극권"}); err == nil || !strings.Contains(err.Error(), "남극권") {
		t.Fatalf("unknown region: %v", err)
	}
	log, _ := s.Audit(AuditFilter{Kind: "자치구"})
	if len(log) != 3 {
		t.Fatalf("%d district changes logged, want 3", len(log))
	}
	if fs, _ := s.Check(); len(fs.Errors()) != 0 {
		t.Fatal(fs.Errors())
	}
}

// The plan's deadlines and event targets are settings, from the plan for
// 2017; a file saved before they were settings reads them from the plan.
func TestSettingsDeadlinesAndTargets(t *testing.T) {
	st := DefaultSettings()
	d, ok := DeadlinesOf(st.Deadlines, 2017)
	if !ok || d.Call != "2017-07-31" || d.PBDraft != "2017-06-30" || d.MainPlan != "2017-10-31" {
		t.Fatalf("2017 deadlines: %+v %v", d, ok)
	}
	if _, ok := DeadlinesOf(st.Deadlines, 2018); ok {
		t.Fatal("the plan gives no 2018 deadlines")
	}
	for kind, n := range map[string]int{"정책토론회": 5, "현장 워크숍": 20, "자문네트워크 회의": 10, "사례 아카이빙": 0} {
		if got := EventTargetOf(st.EventTargets, 2017, kind); got != n {
			t.Errorf("%s: target %d, want %d", kind, got, n)
		}
	}
	s := newTestStore(t, SeedData())
	// an older file: settings without the two lists
	old := st
	old.Deadlines, old.EventTargets = nil, nil
	if err := s.SaveSettings(old); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Settings()
	if len(got.Deadlines) != 1 || len(got.EventTargets) != 3 {
		t.Fatalf("older settings read: %+v %+v", got.Deadlines, got.EventTargets)
	}
	// the coordinator's own years stay as saved, an emptied list empty
	got.Deadlines = append(got.Deadlines, YearDeadlines{Year: 2018, Call: "2018-08-31"})
	got.EventTargets = []EventTarget{}
	if err := s.SaveSettings(got); err != nil {
		t.Fatal(err)
	}
	again, _ := s.Settings()
	if d, ok := DeadlinesOf(again.Deadlines, 2018); !ok || d.Call != "2018-08-31" || len(again.EventTargets) != 0 {
		t.Fatalf("saved settings: %+v %+v", again.Deadlines, again.EventTargets)
	}
}
