package store

import (
	"strings"
	"testing"
)

func TestMatcher(t *testing.T) {
	cases := []struct {
		name, query, text string
		want              bool
	}{
		{"whole name", "김성훈", "대표 김성훈", true},
		{"spaces in the query are ignored", "김 성 훈", "김성훈", true},
		{"spaces in the text are ignored", "관악구청대강당", "관악구청 대강당", true},
		{"case is ignored", "seoul LAB", "Seoul Lab 협동조합", true},
		{"initial consonants find the syllables", "ㄱㅅㅎ", "강사 김성훈", true},
		{"initial consonants keep their order", "ㅎㅅㄱ", "김성훈", false},
		{"an initial consonant must begin the syllable", "ㄱㅅㅁ", "김성훈", false},
		{"syllables and consonants mixed", "김ㅅ훈", "김성훈", true},
		{"a double consonant is its own", "ㄱ", "까치", false},
		{"a double consonant finds its syllable", "ㄲ", "까치", true},
		{"conjoining jamo as some keyboards send them", "\u1100\u1109\u1112", "김성훈", true},
		{"decomposed Hangul in a file name", "관악구", nfd("관악구.xlsx"), true},
		{"another name", "김성훈", "김성민", false},
		{"empty text", "김", "", false},
	}
	for _, c := range cases {
		m, ok := NewMatcher(c.query)
		if !ok {
			t.Fatalf("%s: no matcher for %q", c.name, c.query)
		}
		if got := m.Match(c.text); got != c.want {
			t.Errorf("%s: Match(%q, %q) = %v, want %v", c.name, c.query, c.text, got, c.want)
		}
	}
	if _, ok := NewMatcher("  \t"); ok {
		t.Error("a query of spaces must find nothing")
	}
}

// nfd decomposes Hangul syllables into conjoining jamo (NFD), as macOS
// writes file names.
func nfd(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0xAC00 || r > 0xD7A3 {
			b.WriteRune(r)
			continue
		}
		i := r - 0xAC00
		b.WriteRune(0x1100 + i/588)
		b.WriteRune(0x1161 + (i%588)/28)
		if t := i % 28; t > 0 {
			b.WriteRune(0x11A7 + t)
		}
	}
	return b.String()
}

// searchStore is the plan's data with one person, 김성훈, in a roster (with
// a phone number) and as a session's instructor.
func searchStore(t *testing.T) (*Store, Platform) {
	t.Helper()
	s := newTestStore(t, SeedData())
	ps, err := s.Platforms(Filter{Year: 2016, District: "관악구"})
	if err != nil || len(ps) == 0 {
		t.Fatalf("no 2016 관악구 platform in the seed: %v", err)
	}
	p := ps[0]
	p.Members = append(p.Members, Member{Role: RoleMember, Org: "Seoul Lab 협동조합", Rep: "김성훈", Contact: "010-2345-6789"})
	if _, err := s.SavePlatform(&p); err != nil {
		t.Fatal(err)
	}
	x := Session{Year: 2017, Course: CourseOutreach, Number: 1, Date: "2017-05-10", Time: "14:00-17:00",
		District: "도봉구", Venue: "도봉구청 소회의실", Instructor: "김성훈", Status: SessionPlanned, Capacity: 30}
	if _, err := s.SaveSession(&x); err != nil {
		t.Fatal(err)
	}
	return s, p
}

func TestSearchFindsAPersonEverywhere(t *testing.T) {
	s, p := searchStore(t)
	for _, q := range []string{"김성훈", "김 성훈", "ㄱㅅㅎ"} {
		hits, err := s.Search(q, Filter{})
		if err != nil {
			t.Fatal(err)
		}
		kinds := map[string]SearchHit{}
		var plat SearchHit
		for _, h := range hits {
			if _, ok := kinds[h.Kind]; !ok {
				kinds[h.Kind] = h
			}
			if h.Kind == HitPlatform && h.ID == p.ID {
				plat = h
			}
		}
		if plat.District != "관악구" || plat.Year != 2016 {
			t.Errorf("%s: platform hit %+v, want 관악구 2016 ID %d", q, plat, p.ID)
		}
		if q != "ㄱㅅㅎ" && (plat.Text != "김성훈" || plat.Field != "참여 단체 대표자") {
			t.Errorf("%s: platform hit %+v, want it by 참여 단체 대표자 김성훈", q, plat)
		}
		ses, ok := kinds[HitSession]
		if !ok || ses.Text != "김성훈" || ses.District != "도봉구" || ses.Field != "강사" {
			t.Errorf("%s: session hit %+v, want 도봉구 by 강사", q, ses)
		}
		if _, ok := kinds[HitAudit]; !ok {
			t.Errorf("%s: the audit log of the two saves must be found: %+v", q, hits)
		}
	}
	hits, _ := s.Search("김성훈", Filter{District: "도봉구"})
	for _, h := range hits {
		if h.District != "도봉구" {
			t.Errorf("a district filter let %+v through", h)
		}
	}
	if len(hits) == 0 {
		t.Error("도봉구's session must be found with the district filter")
	}
}

func TestSearchNeverShowsAContact(t *testing.T) {
	s, p := searchStore(t)
	hits, err := s.Search("2345-6789", Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"01023456789", "010 2345 6789", "(010)2345.6789"} {
		if other, _ := s.Search(q, Filter{}); len(other) != len(hits) {
			t.Errorf("%q finds %d, %q %d: a phone is found however it is written", q, len(other), "2345-6789", len(hits))
		}
	}
	var plat, audit bool
	for _, h := range hits {
		for _, v := range []string{h.Title, h.Field, h.Text} {
			if strings.Contains(v, "6789") || strings.Contains(v, "2345") {
				t.Errorf("a hit shows the contact: %+v", h)
			}
		}
		if !h.Contact {
			t.Errorf("found by the contact only, the hit must say so: %+v", h)
		}
		plat = plat || (h.Kind == HitPlatform && h.ID == p.ID && h.Text == "참여 단체 김성훈")
		audit = audit || h.Kind == HitAudit
	}
	if !plat || !audit {
		t.Errorf("the contact must find the consortium (saying whose) and the audit entry: %+v", hits)
	}
}

func TestSearchGroupsByKindYearDistrict(t *testing.T) {
	s := newTestStore(t, WithSynthetic(SeedData(), 3, 2017))
	hits, err := s.Search("구", Filter{})
	if err != nil {
		t.Fatal(err)
	}
	gs := GroupHits(hits)
	if len(gs) < 3 {
		t.Fatalf("%d groups", len(gs))
	}
	seen := map[string]bool{}
	n := 0
	for i, g := range gs {
		key := g.Heading()
		if seen[key] {
			t.Errorf("group %q appears twice", key)
		}
		seen[key] = true
		for _, h := range g.Hits {
			if h.Kind != g.Kind || h.Year != g.Year || h.District != g.District {
				t.Errorf("%+v in group %q", h, key)
			}
		}
		n += len(g.Hits)
		if i > 0 && g.Kind == gs[i-1].Kind && g.Year > gs[i-1].Year {
			t.Errorf("years must be newest first: %q after %q", key, gs[i-1].Heading())
		}
	}
	if n != len(hits) {
		t.Errorf("groups hold %d hits of %d", n, len(hits))
	}
	if h := (SearchGroup{Kind: HitPlan, Year: 2017, District: "관악구"}).Heading(); h != "혁신계획 · 2017 · 관악구" {
		t.Errorf("heading %q", h)
	}
}

func TestSearchSeesEveryChange(t *testing.T) {
	s, p := searchStore(t)
	if hits, _ := s.Search("새이름협동조합", Filter{}); len(hits) != 0 {
		t.Fatalf("found before it exists: %+v", hits)
	}
	first := &s.search.entries[0]
	s.Search("ㄱㅅㅎ", Filter{})
	if &s.search.entries[0] != first {
		t.Error("with no change saved, a search must reuse the text read for the last one")
	}
	p.Members[0].Org = "새이름 협동조합"
	if _, err := s.SavePlatform(&p); err != nil {
		t.Fatal(err)
	}
	hits, err := s.Search("새이름협동조합", Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if &s.search.entries[0] == first {
		t.Error("after a change the text must be read again")
	}
	var plat bool
	for _, h := range hits {
		plat = plat || (h.Kind == HitPlatform && h.ID == p.ID && h.Text == "새이름 협동조합")
	}
	if !plat {
		t.Errorf("a saved change must be found at once: %+v", hits)
	}
	if err := s.DeletePlatform(p.ID); err != nil {
		t.Fatal(err)
	}
	hits, _ = s.Search("새이름협동조합", Filter{})
	for _, h := range hits {
		if h.Kind == HitPlatform {
			t.Errorf("a deleted consortium is still found: %+v", h)
		}
	}
}

func TestSearchHitIsOneShortLine(t *testing.T) {
	m, _ := NewMatcher("비전")
	got := snippet("협치서울 및 자치구 협치 지원 방안\n민관 협치경험 공유\n자치구 협치 비전 만들기", m)
	if got != "자치구 협치 비전 만들기" {
		t.Errorf("snippet %q, want the line holding the match", got)
	}
	long := strings.Repeat("가", 100)
	if got := []rune(snippet(long, m)); len(got) != 80 || got[79] != '…' {
		t.Errorf("a long value is cut to 80 characters: %d", len(got))
	}
}

// TestQueryMatchesEveryWordWithinOneField is the screens' search: all
// words, any case, each inside one field, never across two.
func TestQueryMatchesEveryWordWithinOneField(t *testing.T) {
	cases := []struct {
		query  string
		fields []string
		want   bool
	}{
		{"", []string{"관악구"}, true},
		{"관악", []string{"관악구", "마을"}, true},
		{"관악 마을", []string{"관악구", "마을공동체"}, true},
		{"관악 교육", []string{"관악구", "마을공동체"}, false},
		{"FORUM", []string{"Governance forum"}, true},
		{"ㄱㅇ", []string{"관악구"}, true},
		// "구마" straddles 관악구|마을: two fields, so no match.
		{"구마", []string{"관악구", "마을"}, false},
		{"구 마", []string{"관악구", "마을"}, true},
	}
	for _, c := range cases {
		if got := NewQuery(c.query).Match(c.fields...); got != c.want {
			t.Errorf("NewQuery(%q).Match(%q) = %v, want %v", c.query, c.fields, got, c.want)
		}
	}
}
