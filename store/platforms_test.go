package store

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func platformOf(t *testing.T, s *Store, year int, district string) Platform {
	t.Helper()
	ps, err := s.Platforms(Filter{Year: year, District: district})
	if err != nil || len(ps) != 1 {
		t.Fatalf("%d %s: %v, %d consortia", year, district, err, len(ps))
	}
	return ps[0]
}

func TestCopyRosterToNextYear(t *testing.T) {
	s := newTestStore(t, SeedData())
	p := platformOf(t, s, 2016, "강북구")
	// what the plan does not give, as the coordinator enters it
	p.Space, p.Growth, p.Months, p.Status = 60, 1, 12, "사업개시"
	p.Members[0].Contact = "010-2222-3333"
	p.Indicators = []Indicator{{Common: true, Name: "공론장 개최", Target: "6회", Result: "7회"},
		{Name: "주민 제안 의제 발굴", Target: "12건", Result: "9건"}}
	p.StartOn = "2016-09-01"
	if _, err := s.SavePlatform(&p); err != nil {
		t.Fatal(err)
	}
	auditBefore, _ := s.Audit(AuditFilter{})
	next, ps, err := s.CopyRosterToNextYear(p.ID)
	if err != nil || len(ps) != 0 {
		t.Fatalf("copy: %v %v", err, ps)
	}
	got := platformOf(t, s, 2017, "강북구")
	if got.ID != next.ID || got.ID == p.ID {
		t.Fatalf("copy has ID %d (returned %d), original %d", got.ID, next.ID, p.ID)
	}
	if got.Name != p.Name || got.Space != p.Space || got.Growth != p.Growth || got.Grant != 99976 || got.Months != 12 || got.Status != "신청" {
		t.Fatalf("copied consortium: %+v", got)
	}
	if !reflect.DeepEqual(got.Members, p.Members) {
		t.Fatalf("roster not copied:\n%+v\n%+v", got.Members, p.Members)
	}
	if len(got.Indicators) != 2 || got.Indicators[0] != (Indicator{Common: true, Name: "공론장 개최", Target: "6회"}) ||
		got.Indicators[1] != (Indicator{Name: "주민 제안 의제 발굴", Target: "12건"}) {
		t.Fatalf("indicators: want name and target without result, got %+v", got.Indicators)
	}
	if diff := RosterDiff(p.Members, got.Members); len(diff) != 0 {
		t.Fatalf("a fresh copy differs from last year: %v", diff)
	}
	// the next 12 months of support begin the day after 2016's end
	if got.StartOn != "2017-09-01" {
		t.Fatalf("next year's 사업 개시일 %q, want 2017-09-01", got.StartOn)
	}
	// One change in the audit log: the new record.
	auditAfter, _ := s.Audit(AuditFilter{})
	if len(auditAfter) != len(auditBefore)+1 {
		t.Fatalf("copy wrote %d audit entries, want 1", len(auditAfter)-len(auditBefore))
	}
	// Editing the copy leaves last year alone.
	got.Members[1].Rep = "새대표"
	if _, err := s.SavePlatform(&got); err != nil {
		t.Fatal(err)
	}
	if platformOf(t, s, 2016, "강북구").Members[1].Rep != "최동준" {
		t.Fatal("editing the copy changed 2016")
	}

	// A second copy is refused, in Korean, and changes nothing.
	_, _, err = s.CopyRosterToNextYear(p.ID)
	if err == nil || !strings.Contains(err.Error(), "2017년 강북구 시민협력플랫폼이 이미 있어 2016년 명단을 복사하지 않았습니다") {
		t.Fatalf("second copy: %v", err)
	}
	if all, _ := s.Platforms(Filter{District: "강북구"}); len(all) != 2 {
		t.Fatalf("%d 강북구 consortia after a refused copy, want 2", len(all))
	}
	if _, _, err := s.CopyRosterToNextYear(9999); !errors.Is(err, ErrNotFound) {
		t.Fatalf("copying a missing record: %v", err)
	}
}

func TestCopyRosterStopsAt36Months(t *testing.T) {
	s := newTestStore(t, SeedData())
	p := platformOf(t, s, 2016, "관악구")
	p.Space, p.Growth, p.Months, p.Status = 60, 1, 12, "사업개시" // 12 months, as the coordinator enters them
	if _, err := s.SavePlatform(&p); err != nil {
		t.Fatal(err)
	}
	n1, _, err := s.CopyRosterToNextYear(p.ID) // 2017: 24 months
	if err != nil {
		t.Fatal(err)
	}
	n1.Months = 6 // 2017 supported for 6 months only: 18 in all
	n1.Grant = 50000
	if _, err := s.SavePlatform(&n1); err != nil {
		t.Fatal(err)
	}
	n2, _, err := s.CopyRosterToNextYear(n1.ID) // 2018: 6 months, as 2017
	if err != nil || n2.Months != 6 || n2.Grant != 50000 {
		t.Fatalf("2018: %v months %d grant %d", err, n2.Months, n2.Grant)
	}
	n2.Months, n2.Grant = 12, 100000 // 30 in all
	if _, err := s.SavePlatform(&n2); err != nil {
		t.Fatal(err)
	}
	n3, _, err := s.CopyRosterToNextYear(n2.ID) // 2019: only 6 months left
	if err != nil || n3.Months != 6 || n3.Grant != 50000 {
		t.Fatalf("2019: %v months %d grant %d, want 6 months and 50,000", err, n3.Months, n3.Grant)
	}
	_, _, err = s.CopyRosterToNextYear(n3.ID)
	if err == nil || !strings.Contains(err.Error(), "관악구 은(는) 이미 36개월 지원을 모두 받아 2020년으로 복사할 수 없습니다") {
		t.Fatalf("fifth year: %v", err)
	}
}

func TestRosterDiff(t *testing.T) {
	lead := func(org, rep string) Member { return Member{Role: RoleLead, Org: org, Rep: rep} }
	member := func(org, rep string) Member { return Member{Role: RoleMember, Org: org, Rep: rep} }
	manager := func(name, note string) Member { return Member{Role: RoleManager, Rep: name, Note: note} }
	prev := []Member{
		lead("(사)관악주민연대", "민경자"),
		member("(사)난곡주민도서관 새숲", "이명애"),
		member("(준)사회적협동조합 공동체관악", "김승오"),
		member("삼성고등학교사회적협동조합", "김혜정"),
		manager("홍선", "관악사회복지 운영위원장"),
	}
	cases := []struct {
		name string
		cur  []Member
		want []string
	}{
		{"the same roster has no change", prev, nil},
		{"spaces, (사) and (준) do not make another organisation", []Member{
			lead("관악주민연대", "민경자"),
			member("난곡주민도서관새숲", "이명애"),
			member("사회적협동조합 공동체관악", "김승오"),
			member("삼성고등학교 사회적협동조합", "김혜정"),
			manager("홍 선", "관악사회복지 운영위원장 (겸)"),
		}, nil},
		{"a member joins at the end", append(clone(prev[:4]), member("관악청년네트워크", "박청년"), prev[4]),
			[]string{"가입: 참여 단체 관악청년네트워크 (대표자 박청년)"}},
		{"a member leaves", []Member{prev[0], prev[1], prev[3], prev[4]},
			[]string{"탈퇴: 참여 단체 (준)사회적협동조합 공동체관악 (대표자 김승오)"}},
		{"a representative changes", []Member{prev[0], member("(사)난곡주민도서관 새숲", "박도서"), prev[2], prev[3], prev[4]},
			[]string{"대표자 변경: (사)난곡주민도서관 새숲 이명애 → 박도서"}},
		{"the manager changes", append(clone(prev[:4]), manager("김책임", "")),
			[]string{"플랫폼책임자 변경: 홍선 → 김책임"}},
		{"lead and member swap roles, one with a new representative", []Member{
			lead("(사)난곡주민도서관 새숲", "이명애"),
			member("(사)관악주민연대", "조새인"),
			prev[2], prev[3], prev[4],
		}, []string{
			"구분 변경: (사)난곡주민도서관 새숲 참여 단체 → 대표 단체",
			"구분 변경: (사)관악주민연대 대표 단체 → 참여 단체",
			"대표자 변경: (사)관악주민연대 민경자 → 조새인",
		}},
		{"joined in roster order, then left in last year's order", []Member{
			lead("새 대표 단체", "가"), member("(사)난곡주민도서관 새숲", "이명애"), member("새 참여 단체", "나"), prev[4],
		}, []string{
			"가입: 대표 단체 새 대표 단체 (대표자 가)",
			"가입: 참여 단체 새 참여 단체 (대표자 나)",
			"탈퇴: 대표 단체 (사)관악주민연대 (대표자 민경자)",
			"탈퇴: 참여 단체 (준)사회적협동조합 공동체관악 (대표자 김승오)",
			"탈퇴: 참여 단체 삼성고등학교사회적협동조합 (대표자 김혜정)",
		}},
		{"no roster this year: everyone left", nil, nil},
		{"an organisation listed twice matches once", append(clone(prev), member("관악주민연대", "민경자")),
			[]string{"가입: 참여 단체 관악주민연대 (대표자 민경자)"}},
		{"rows without an organisation are left out", append(clone(prev), member(" ", "누구")), nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, ch := range RosterDiff(prev, c.cur) {
				got = append(got, ch.String())
			}
			if c.cur == nil {
				if len(got) != 5 || !strings.HasPrefix(got[0], "탈퇴: 대표 단체") || got[4] != "탈퇴: 플랫폼책임자 홍선" {
					t.Fatalf("empty roster this year: %q", got)
				}
				return
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Fatalf("got  %q\nwant %q", got, c.want)
			}
		})
	}
	checkRosterFromNothing(t, prev)
}

// checkRosterFromNothing wants everyone of roster prev joined, the manager
// too, when there was no roster before.
func checkRosterFromNothing(t *testing.T, prev []Member) {
	t.Helper()
	// From nothing, everyone joined, the manager too.
	var got []string
	for _, ch := range RosterDiff(nil, prev) {
		if ch.Kind != MemberJoined {
			t.Fatalf("from an empty roster: %v", ch)
		}
		got = append(got, ch.String())
	}
	if len(got) != 5 || got[4] != "가입: 플랫폼책임자 홍선" {
		t.Fatalf("from an empty roster: %q", got)
	}
}

func TestRosterDiffSeveralRepresentatives(t *testing.T) {
	prev := []Member{{Role: RoleMember, Org: "생태보전시민모임", Rep: "민성환, 한봉호"}}
	if d := RosterDiff(prev, []Member{{Role: RoleMember, Org: "생태보전시민모임", Rep: "한봉호,민성환"}}); len(d) != 0 {
		t.Fatalf("two names in another order: %v", d)
	}
	d := RosterDiff(prev, []Member{{Role: RoleMember, Org: "생태보전시민모임", Rep: "민성환"}})
	if len(d) != 1 || d[0].String() != "대표자 변경: 생태보전시민모임 민성환, 한봉호 → 민성환" {
		t.Fatalf("one of two names left: %v", d)
	}
}

func TestRosterDiffFields(t *testing.T) {
	prev := []Member{{Role: RoleMember, Org: "(사)푸른사람들", Rep: "문종석"}}
	cur := []Member{{Role: RoleLead, Org: "푸른사람들", Rep: "문종석"}}
	d := RosterDiff(prev, cur)
	want := RosterChange{Kind: RoleChanged, Role: RoleLead, PrevRole: RoleMember, Org: "푸른사람들", PrevOrg: "(사)푸른사람들", Rep: "문종석", PrevRep: "문종석"}
	if len(d) != 1 || d[0] != want {
		t.Fatalf("got %+v\nwant %+v", d, want)
	}
}

func TestOrgKeyAndRepKey(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		{"(사)관악주민연대", "관악주민연대"},
		{"(사) 은평상상", "은평상상"},
		{"（사）은평상상", "은평상상"},
		{"사단법인 서대문사람숲", "서대문사람숲"},
		{"(준)사회적협동조합 공동체관악", "사회적협동조합공동체관악"},
		{"(사)(준)어떤단체", "어떤단체"},
		{"Social Art 플래툰", "socialart플래툰"},
	} {
		if OrgKey(c.a) != OrgKey(c.b) {
			t.Errorf("OrgKey(%q) = %q, OrgKey(%q) = %q: want equal", c.a, OrgKey(c.a), c.b, OrgKey(c.b))
		}
	}
	for _, c := range []struct{ a, b string }{
		{"사회적협동조합 함께강동", "함께강동"}, // a name's words stay
		{"강북마을모임", "강북마을"},
		{"(사)", ""}, // a bare mark is not dropped to nothing
	} {
		if OrgKey(c.a) == OrgKey(c.b) {
			t.Errorf("OrgKey(%q) = OrgKey(%q) = %q: want different", c.a, c.b, OrgKey(c.a))
		}
	}
	if RepKey("민성환, 한봉호") != RepKey("한봉호,민성환") || RepKey("김 강") != RepKey("김강") || RepKey("김강") == RepKey("김감") {
		t.Error("RepKey")
	}
}

func clone(ms []Member) []Member { return append([]Member(nil), ms...) }
