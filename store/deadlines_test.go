package store

import (
	"errors"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

func TestDeadlineStateOnFixedDates(t *testing.T) {
	due := Date("2017-07-31")
	for _, c := range []struct {
		today Date
		state DueState
		dday  string
	}{
		{"2017-03-02", DueOpen, "D-151"},
		{"2017-07-23", DueOpen, "D-8"},
		{"2017-07-24", DueSoon, "D-7"},
		{"2017-07-30", DueSoon, "D-1"},
		{"2017-07-31", DueSoon, "D-day"},
		{"2017-08-01", DueLate, "D+1"},
		{"2018-01-01", DueLate, "D+154"},
	} {
		if got := DeadlineState(due, c.today); got != c.state {
			t.Errorf("%s from %s: %s, want %s", due, c.today, got, c.state)
		}
		if got := due.DDay(c.today); got != c.dday {
			t.Errorf("%s from %s: %s, want %s", due, c.today, got, c.dday)
		}
	}
	if DeadlineState("", "2017-07-31") != DueNone {
		t.Error("no due date is 해당 없음")
	}
}

func TestNextDeadlines(t *testing.T) {
	s := newTestStore(t, SeedData())
	for _, c := range []struct {
		today Date
		n     int
		want  []string
	}{
		{"2017-03-02", 5, []string{"2017-06-30", "2017-07-31", "2017-07-31", "2017-10-31", "2017-12-31"}},
		{"2017-07-31", 2, []string{"2017-07-31", "2017-07-31"}},
		{"2017-08-01", 5, []string{"2017-10-31", "2017-12-31"}},
		{"2018-01-01", 5, nil},
	} {
		ms, err := s.NextDeadlines(c.today, c.n)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range ms {
			got = append(got, string(m.Due()))
			if !m.Deadline {
				t.Errorf("%s is not a deadline", m.Title)
			}
		}
		if strings.Join(got, ",") != strings.Join(c.want, ",") {
			t.Errorf("from %s: %v, want %v", c.today, got, c.want)
		}
	}
	ms, _ := s.NextDeadlines("2017-03-02", 1)
	if !strings.Contains(ms[0].Title, "시민참여예산 연계 본계획(초안) 제출 마감") {
		t.Fatalf("first deadline of 2017: %s", ms[0].Title)
	}
}

func TestCheckMilestone(t *testing.T) {
	ok := Milestone{Year: 2017, Title: "공모", Start: "2017-02-01", End: "2017-07-31", Owner: OwnerOffice}
	with := func(fn func(*Milestone)) Milestone { m := ok; fn(&m); return m }
	for _, c := range []struct {
		name    string
		m       Milestone
		field   string
		want    string
		warning bool
	}{
		{"a plain span passes", ok, "", "", false},
		{"a one-day deadline with a kind passes", with(func(m *Milestone) { m.Deadline, m.Kind, m.Start = true, "플랫폼", "2017-07-31" }), "", "", false},
		{"a title is needed", with(func(m *Milestone) { m.Title = "" }), "title", "일정 이름을 입력하세요", false},
		{"a start is needed", with(func(m *Milestone) { m.Start = "" }), "start", "시작일을 입력하세요", false},
		{"the start must be a date", with(func(m *Milestone) { m.Start = "2017-02-30" }), "start", `시작 "2017-02-30" 이(가) 올바른 날짜가 아닙니다`, false},
		{"the end not before the start", with(func(m *Milestone) { m.End = "2017-01-31" }), "end", "끝 2017-01-31 이(가) 시작 2017-02-01 보다 앞섭니다", false},
		{"an owner is needed", with(func(m *Milestone) { m.Owner = " " }), "owner", "담당을 입력하세요", false},
		{"a known kind", with(func(m *Milestone) { m.Deadline, m.Kind = true, "예산" }), "kind", `제출 종류 "예산"`, false},
		{"a kind only on a deadline", with(func(m *Milestone) { m.Kind = "혁신계획" }), "kind", "마감 일정에만", false},
		{"another year's dates warn", with(func(m *Milestone) { m.Start, m.End = "2018-02-01", "2018-03-01" }), "start", "2017년에 걸치지 않습니다", true},
	} {
		ps := CheckMilestone(c.m)
		if c.field == "" {
			if len(ps) != 0 {
				t.Errorf("%s: %v", c.name, ps)
			}
			continue
		}
		found := false
		for _, p := range ps.Field(c.field) {
			found = found || p.Warning == c.warning && strings.Contains(p.Message, c.want)
		}
		if !found {
			t.Errorf("%s: want %s problem %q, got %v", c.name, c.field, c.want, ps)
		}
	}
}

func TestSaveAndDeleteMilestone(t *testing.T) {
	s := newTestStore(t, EmptyData())
	m := &Milestone{Year: 2017, Title: "권역별 설명회", Start: "2017-03-06", End: "2017-03-10", Owner: OwnerOffice}
	if _, err := s.SaveMilestone(m); err != nil || m.ID == 0 {
		t.Fatalf("%v %d", err, m.ID)
	}
	got, err := s.Milestone(m.ID)
	if err != nil || got != *m {
		t.Fatalf("round trip: %+v %v", got, err)
	}
	bad := &Milestone{Year: 2017, Title: "x", Start: "2017-03-06", End: "2017-03-01", Owner: OwnerOffice}
	_, err = s.SaveMilestone(bad)
	var inv *InvalidError
	if !errors.As(err, &inv) || len(inv.Problems.Field("end")) != 1 {
		t.Fatalf("want a refused save with an end problem, got %v", err)
	}
	if err := s.DeleteMilestone(m.ID); err != nil {
		t.Fatal(err)
	}
	if ms, _ := s.Milestones(2017); len(ms) != 0 {
		t.Fatalf("left after delete: %v", ms)
	}
}

func TestDues(t *testing.T) {
	d := Dataset{
		Milestones: []Milestone{
			{Year: 2017, Title: "본계획 초안", Start: "2017-06-30", End: "2017-06-30", Owner: OwnerDistrict, Deadline: true, Kind: "혁신계획"},
			{Year: 2017, Title: "본계획", Start: "2017-10-31", End: "2017-10-31", Owner: OwnerDistrict, Deadline: true, Kind: "혁신계획"},
			{Year: 2017, Title: "플랫폼 모집", Start: "2017-07-31", End: "2017-07-31", Owner: OwnerDistrict, Deadline: true, Kind: "플랫폼"},
			{Year: 2017, Title: "공모", Start: "2017-02-01", End: "2017-07-31", Owner: OwnerOffice},
			{Year: 2016, Title: "작년 마감", Start: "2016-12-01", End: "2016-12-01", Owner: OwnerDistrict, Deadline: true, Kind: "교육"},
		},
		Plans: []Plan{
			{ID: 1, District: "관악구", Year: 2016},
			{ID: 2, District: "성동구", Year: 2017},
			{ID: 3, District: "중구", Year: 2015}, // two years back: not expected
		},
		Platforms: []Platform{{ID: 1, District: "강북구", Year: 2016}},
		Sessions:  []Session{{ID: 1, District: "마포구", Year: 2017}},
	}
	subs := []Submission{
		{ID: 1, District: "성동구", Kind: "혁신계획", Year: 2017, Status: "검토중"},
		{ID: 2, District: "성동구", Kind: "혁신계획", Year: 2017, Status: "확정"},
		{ID: 3, District: "관악구", Kind: "혁신계획", Year: 2016, Status: "확정"}, // another year
		{ID: 4, District: "노원구", Kind: "플랫폼", Year: 2017, Status: "보완요청"},
	}
	for _, c := range []struct {
		today Date
		want  string
	}{
		// Districts in the city's order: 성동구, 강북구, 노원구, 관악구.
		{"2017-03-02", "성동구 혁신계획 확정 | 강북구 플랫폼 진행 (D-151) | 노원구 플랫폼 보완요청 | 관악구 혁신계획 진행 (D-120)"},
		{"2017-06-25", "성동구 혁신계획 확정 | 강북구 플랫폼 진행 (D-36) | 노원구 플랫폼 보완요청 | 관악구 혁신계획 마감 임박 (D-5)"},
		{"2017-07-01", "성동구 혁신계획 확정 | 강북구 플랫폼 진행 (D-30) | 노원구 플랫폼 보완요청 | 관악구 혁신계획 마감 지남 (D+1)"},
		{"2017-07-25", "성동구 혁신계획 확정 | 강북구 플랫폼 마감 임박 (D-6) | 노원구 플랫폼 마감 임박 (D-6, 보완요청) | 관악구 혁신계획 마감 지남 (D+25)"},
		{"2017-08-01", "성동구 혁신계획 확정 | 강북구 플랫폼 마감 지남 (D+1) | 노원구 플랫폼 마감 지남 (D+1, 보완요청) | 관악구 혁신계획 마감 지남 (D+32)"},
	} {
		var got []string
		for _, due := range Dues(d, subs, 2017, c.today) {
			got = append(got, due.District+" "+due.Label(c.today))
		}
		if strings.Join(got, " | ") != c.want {
			t.Errorf("on %s:\n got %s\nwant %s", c.today, strings.Join(got, " | "), c.want)
		}
	}
}

func TestStoreDuesReadsSubmissions(t *testing.T) {
	s := newTestStore(t, SeedData())
	dues, err := s.Dues(2017, "2017-08-01")
	if err != nil {
		t.Fatal(err)
	}
	// The plan's 8 districts (2016 plans) and 9 consortia are expected in
	// 2017; nothing was received, so every one is overdue.
	late := map[string]int{}
	for _, d := range dues {
		if d.State != DueLate {
			t.Errorf("%s %s: %s", d.District, d.Kind, d.State)
		}
		late[d.Kind]++
	}
	if late["혁신계획"] != 8 || late["플랫폼"] != 9 {
		t.Fatalf("overdue: %v", late)
	}
	// A confirmed file clears it.
	err = s.update(func(tx *bolt.Tx) error {
		return put(tx, s.Now(), &Submission{District: "관악구", Kind: "혁신계획", Year: 2017, Status: "확정", FileName: "관악구.xlsx"})
	})
	if err != nil {
		t.Fatal(err)
	}
	dues, _ = s.Dues(2017, "2017-08-01")
	for _, d := range dues {
		if d.District == "관악구" && d.Kind == "혁신계획" && d.State != DueDone {
			t.Fatalf("관악구 after a confirmed file: %s", d.State)
		}
	}
}
