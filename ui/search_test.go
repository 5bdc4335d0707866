package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"hyeopchi/store"
)

// linesOf is the search window's lines as the coordinator reads them.
func linesOf(g *globalSearch) []string {
	var out []string
	for _, l := range g.lines {
		if l.heading != "" {
			out = append(out, l.heading)
		} else {
			out = append(out, "    "+l.hit.Title+" — "+hitWhere(l.hit))
		}
	}
	return out
}

// pick selects the first hit line that contains text, as a click would.
func pick(t *testing.T, g *globalSearch, kind, text string) store.SearchHit {
	t.Helper()
	for i, l := range g.lines {
		if l.heading == "" && l.hit.Kind == kind && strings.Contains(l.hit.Title+" "+hitWhere(l.hit), text) {
			g.list.Select(i)
			return l.hit
		}
	}
	t.Fatalf("no %s hit with %q in:\n%s", kind, text, strings.Join(linesOf(g), "\n"))
	return store.SearchHit{}
}

func TestGlobalSearchOpensTheRecord(t *testing.T) {
	u, _, st := newTestUI(t)
	x := store.Session{Year: 2017, Course: store.CourseOutreach, Number: 1, Date: "2017-05-10", Time: "14:00-17:00",
		District: "도봉구", Venue: "도봉구청 소회의실", Instructor: "김성훈", Status: store.SessionPlanned, Capacity: 30}
	if _, err := st.SaveSession(&x); err != nil {
		t.Fatal(err)
	}
	Drive(u).SetYear(2017)
	Drive(u).SetDistrict("관악구")
	u.showSearch()
	g := u.search
	test.Type(g.entry, "ㄱㅅㅎ")
	lines := strings.Join(linesOf(g), "\n")
	for _, want := range []string{"시민협력플랫폼 · 2016 · 강북구", "교육회차 · 2017 · 도봉구", "변경 기록 · 2017 · 도봉구"} {
		if !strings.Contains(lines, want) {
			t.Errorf("no group %q in:\n%s", want, lines)
		}
	}

	// a consortium: the platforms screen on its year and district, the consortium open
	hit := pick(t, g, store.HitPlatform, "대표 단체 대표자: 김성훈")
	p := u.screen(ScreenPlatforms).(*platformsScreen)
	if Drive(u).Current() != ScreenPlatforms || p.cur.ID != hit.ID || p.cur.District != "강북구" ||
		u.env.year != 2016 || u.env.district != "강북구" {
		t.Fatalf("screen %s, consortium %d %q, filter %d %q; want %d 강북구 2016",
			Drive(u).Current(), p.cur.ID, p.cur.District, u.env.year, u.env.district, hit.ID)
	}

	// a session: 협치학교 on the year, the session in the editor
	u.showSearch()
	if g.entry.Text != "ㄱㅅㅎ" {
		t.Errorf("the search window must keep the last query, has %q", g.entry.Text)
	}
	hit = pick(t, g, store.HitSession, "강사: 김성훈")
	sc := u.screen(ScreenSchool).(*schoolScreen)
	if Drive(u).Current() != ScreenSchool || sc.ed.cur.ID != x.ID || u.env.year != 2017 {
		t.Fatalf("screen %s, session %d (want %d), year %d", Drive(u).Current(), sc.ed.cur.ID, x.ID, u.env.year)
	}

	// an audit entry: 변경 기록 with the entry shown
	u.showSearch()
	hit = pick(t, g, store.HitAudit, "김성훈")
	a := u.screen(ScreenAudit).(*auditScreen)
	if Drive(u).Current() != ScreenAudit || !strings.Contains(a.detail.Text, "김성훈") {
		t.Fatalf("screen %s, audit detail %q", Drive(u).Current(), a.detail.Text)
	}
}

func TestGlobalSearchNeverShowsAContact(t *testing.T) {
	u, _, st := newTestUI(t)
	ps, _ := st.Platforms(store.Filter{Year: 2016, District: "관악구"})
	ps[0].Members[0].Contact = "010-2345-6789"
	if _, err := st.SavePlatform(&ps[0]); err != nil {
		t.Fatal(err)
	}
	u.showSearch()
	test.Type(u.search.entry, "2345 6789")
	lines := linesOf(u.search)
	if len(lines) == 0 {
		t.Fatal("the contact must find the consortium")
	}
	for _, l := range lines {
		if strings.Contains(l, "2345") || strings.Contains(l, "6789") {
			t.Errorf("a line shows the contact: %s", l)
		}
	}
	pick(t, u.search, store.HitPlatform, "연락처 일치")
	if !strings.Contains(u.search.head.Text, "건") {
		t.Errorf("head %q", u.search.head.Text)
	}
}

// Every kind of hit opens its own record: a plan, a received file, an
// event and a course.
func TestGlobalSearchOpensEveryKind(t *testing.T) {
	u, _, st := newTestUI(t)
	ps, _ := st.Plans(store.Filter{Year: 2016, District: "관악구"})
	ps[0].Note = "감사 대상 메모"
	if _, err := st.SavePlan(&ps[0]); err != nil {
		t.Fatal(err)
	}
	sub, err := st.ReceiveRejected(store.ImportFile{Name: "관악구_감사대상.xlsx", Data: []byte("x"),
		Kinds: []string{"혁신계획"}, Districts: []string{"관악구"}, Years: []int{2016}}, []string{"오류 하나"})
	if err != nil {
		t.Fatal(err)
	}
	ev := store.Event{Year: 2017, Kind: store.EventKinds[0], Title: "감사대상 토론회", Date: "2017-06-01", Place: "시청"}
	if _, err := st.SaveEvent(&ev); err != nil {
		t.Fatal(err)
	}
	co := store.Course{Year: 2017, Name: "감사대상 과정"}
	if _, err := st.SaveCourse(&co); err != nil {
		t.Fatal(err)
	}
	Drive(u).SetYear(2017)
	u.searchFor("감사대상")
	g := u.search

	pick(t, g, store.HitPlan, "비고: 감사 대상 메모")
	pl := u.screen(ScreenPlans).(*plansScreen)
	if Drive(u).Current() != ScreenPlans || u.env.year != 2016 || pl.detail.plan.ID != ps[0].ID {
		t.Fatalf("plan: screen %s year %d plan %d (want %d)", Drive(u).Current(), u.env.year, pl.detail.plan.ID, ps[0].ID)
	}

	u.searchFor("")
	pick(t, g, store.HitSubmission, "관악구_감사대상.xlsx")
	in := u.screen(ScreenIntake).(*intakeScreen)
	if Drive(u).Current() != ScreenIntake || in.selected < 0 || in.subs[in.selected].ID != sub.ID {
		t.Fatalf("submission: screen %s selected %d", Drive(u).Current(), in.selected)
	}

	u.searchFor("")
	pick(t, g, store.HitEvent, "감사대상 토론회")
	sc := u.screen(ScreenSchool).(*schoolScreen)
	if Drive(u).Current() != ScreenSchool || sc.tabs.Selected().Text != tabEvents || sc.events.cur.ID != ev.ID {
		t.Fatalf("event: screen %s tab %q event %d (want %d)", Drive(u).Current(), sc.tabs.Selected().Text, sc.events.cur.ID, ev.ID)
	}

	u.searchFor("")
	pick(t, g, store.HitCourse, "감사대상 과정")
	if sc.tabs.Selected().Text != tabCourses || sc.courses.cur.ID != co.ID {
		t.Fatalf("course: tab %q course %d (want %d)", sc.tabs.Selected().Text, sc.courses.cur.ID, co.ID)
	}
}
