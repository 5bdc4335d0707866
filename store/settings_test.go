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
