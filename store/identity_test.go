package store

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"hyeopchi/store/value"
)

func TestSessionIdentity(t *testing.T) {
	x := session()
	cases := []struct {
		name string
		edit func(*Session)
		same bool
	}{
		{"the same row is the same session", func(*Session) {}, true},
		{"other fields do not make another session", func(o *Session) { o.Venue, o.AttendMale, o.Date = "딴 곳", 3, "2017-06-01" }, true},
		{"course names compare without spaces", func(o *Session) { o.Course = strings.ReplaceAll(o.Course, " ", "") }, true},
		{"another district's same course and number is another session", func(o *Session) { o.District = "은평구" }, false},
		{"the city's own session is another than a district's", func(o *Session) { o.District = "" }, false},
		{"another year is another session", func(o *Session) { o.Year, o.Date = 2018, "2018-05-10" }, false},
		{"another number is another session", func(o *Session) { o.Number = 2 }, false},
		{"without a number, date and time tell", func(o *Session) { o.Number = 0 }, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := x
			c.edit(&o)
			if got := SameSession(x, o); got != c.same {
				t.Fatalf("SameSession = %v, want %v (%q vs %q)", got, c.same, SessionIdentity(x), SessionIdentity(o))
			}
		})
	}
	a, b := x, x
	a.Number, b.Number = 0, 0
	if !SameSession(a, b) {
		t.Fatal("two unnumbered sessions on the same day and time are one")
	}
	b.Time = "09:00-12:00"
	if SameSession(a, b) {
		t.Fatal("unnumbered sessions at other times are two")
	}
}

func TestSameNumberInTwoDistrictsIsNoWarning(t *testing.T) {
	x, o := session(), session()
	o.ID, o.District, o.Venue = 2, "은평구", "은평구청"
	if ps := CheckSession(x, []Session{o}, testCourses); len(ps) != 0 {
		t.Fatalf("another district's 1회 is another session: %v", ps)
	}
	o.District = x.District
	if ps := CheckSession(x, []Session{o}, testCourses); len(ps.Field("number")) != 1 || !ps.Field("number")[0].Warning {
		t.Fatalf("the district's own 1회 twice is a warning: %v", ps)
	}
}

// The case: 관악구's session, then 은평구's with the same course
// and number. Both stay; the second is 추가, not 수정 of the first.
func TestImportKeepsEachDistrictsSession(t *testing.T) {
	s := newTestStore(t, EmptyData())
	gwanak := Session{Course: CourseOutreach, Number: 1, Date: "2017-05-10", Time: "14:00-16:00", District: "관악구", Venue: "관악구청", AttendMale: 10, AttendFemale: 20}
	eunpyeong := Session{Course: CourseOutreach, Number: 1, Date: "2017-05-12", Time: "14:00-16:00", District: "은평구", Venue: "은평구청", AttendMale: 5, AttendFemale: 15}
	for i, x := range []Session{gwanak, eunpyeong} {
		res, err := s.Import(ImportBatch{Files: []ImportFile{{Name: "f.csv", Data: []byte{byte(i)}}}, Sessions: []Session{x}}, false)
		if err != nil {
			t.Fatal(err)
		}
		if res.Added != 1 || res.Changed != 0 || len(res.Problems) != 0 {
			t.Fatalf("import %d: 추가 %d 수정 %d %v", i, res.Added, res.Changed, res.Problems)
		}
	}
	xs, err := s.Sessions(Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(xs) != 2 || xs[0].District != "관악구" || xs[0].Attendance() != 30 || xs[1].District != "은평구" || xs[1].Attendance() != 20 {
		t.Fatalf("both districts' sessions must stay as imported: %+v", xs)
	}
	// 관악구's file again, with a change: only 관악구's session changes.
	gwanak.AttendMale = 12
	res, err := s.Import(ImportBatch{Files: []ImportFile{{Name: "f.csv", Data: []byte{9}}}, Sessions: []Session{gwanak}}, false)
	if err != nil || res.Changed != 1 || res.Added != 0 {
		t.Fatalf("re-import: %+v %v", res, err)
	}
	if got := res.Changes[0].String(); got != "수정 교육회차 "+res.Changes[0].Label+": 참석 남: 10 → 12" {
		t.Fatalf("change line: %q", got)
	}
	xs, _ = s.Sessions(Filter{District: "은평구"})
	if len(xs) != 1 || xs[0].AttendMale != 5 {
		t.Fatalf("은평구's session changed: %+v", xs)
	}
}

func TestImportRefusesOneSessionTwiceInAFile(t *testing.T) {
	s := newTestStore(t, EmptyData())
	x := Session{Course: CourseOutreach, Number: 3, Date: "2017-05-10", District: "관악구"}
	y := x
	y.Date = "2017-05-17"
	res, err := s.Import(ImportBatch{Files: []ImportFile{{Name: "f.csv", Data: []byte("x")}}, Sessions: []Session{x, y}}, false)
	if err != nil {
		t.Fatal(err)
	}
	var errs []RecordProblem
	for _, p := range res.Problems {
		if !p.Warning {
			errs = append(errs, p)
		}
	}
	if len(errs) != 1 || errs[0].Index != 1 || !strings.Contains(errs[0].Message, "2017 관악구 찾아가는 협치 이해교육 3회: 같은 회차가 이 파일에 이미 있습니다") {
		t.Fatalf("want one error, on the second row: %+v", res.Problems)
	}
	if xs, _ := s.Sessions(Filter{}); len(xs) != 0 {
		t.Fatal("a refused import wrote sessions")
	}
}

func TestImportRosterDiffByMember(t *testing.T) {
	s := newTestStore(t, EmptyData())
	roster := []Member{{Role: RoleLead, Org: "강북마을모임", Rep: "김성훈"}, {Role: RoleMember, Org: "강북구사회적경제협의회", Rep: "최동준"},
		{Role: RoleManager, Rep: "이상훈", Note: "강북마을 부대표"}}
	p := Platform{District: "강북구", Year: 2017, Members: roster}
	if _, err := s.Import(ImportBatch{Files: []ImportFile{{Name: "a", Data: []byte("a")}}, Platforms: []Platform{p}}, false); err != nil {
		t.Fatal(err)
	}
	// the same lines in another order change nothing
	p.Members = []Member{roster[2], roster[0], roster[1]}
	res, err := s.Import(ImportBatch{Files: []ImportFile{{Name: "b", Data: []byte("b")}}, Platforms: []Platform{p}}, true)
	if err != nil || res.Unchanged != 1 || res.Changed != 0 {
		t.Fatalf("reordered roster: %+v %v", res, err)
	}
	p.Members = []Member{roster[0], {Role: RoleMember, Org: "강북구사회적경제협의회", Rep: "박새롬"}, {Role: RoleMember, Org: "새단체", Rep: "정하나"}, roster[2]}
	res, err = s.Import(ImportBatch{Files: []ImportFile{{Name: "c", Data: []byte("c")}}, Platforms: []Platform{p}}, true)
	if err != nil || res.Changed != 1 {
		t.Fatalf("changed roster: %+v %v", res, err)
	}
	want := "수정 시민협력플랫폼 2017 강북구: 구성원(참여 단체 강북구사회적경제협의회) 대표자: 최동준 → 박새롬, 구성원(참여 단체 새단체): 없음 → 대표자 정하나"
	if got := res.Changes[0].String(); got != want {
		t.Fatalf("roster change:\n got %s\nwant %s", got, want)
	}
}

// A drafting plan's overdue main plan is news in the programme year only;
// an older year's is counted for one line, a later year's not at all.
func TestDeadlineWarningsBelongToTheProgrammeYear(t *testing.T) {
	s := newTestStore(t, EmptyData())
	s.Now = func() time.Time { return time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC) }
	plan := func(district string, year int) Plan {
		return Plan{District: district, Year: year, Stage: StageDrafting, Start: value.NewDate(year, time.January, 1), End: value.NewDate(year, time.June, 30),
			Months: 6, Amount: 100000, TFTCivil: 5, TFTOfficial: 3}
	}
	batch := ImportBatch{Files: []ImportFile{{Name: "p", Data: []byte("p")}},
		Plans: []Plan{plan("관악구", 2016), plan("은평구", 2016), plan("도봉구", 2017), plan("중구", 2018)}}
	res, err := s.Import(batch, true)
	if err != nil {
		t.Fatal(err)
	}
	var deadline []RecordProblem
	for _, p := range res.Problems {
		if p.Problem.Kind == DeadlineWarning {
			deadline = append(deadline, p)
		}
	}
	if len(deadline) != 1 || deadline[0].Index != 2 || !strings.Contains(deadline[0].Message, "본계획 제출 마감 2017-06-30 이(가) 지났습니다") {
		t.Fatalf("only the 2017 plan (설정의 기준 연도) is warned: %+v", deadline)
	}
	if len(res.OldOverdue) != 2 || OldDeadlineLine(res.OldOverdue) != "참고: 지난 연도 수립기 계획 2건(2016년 2건)은 본계획 제출일 없이 제출 마감이 지났습니다 (마감 경고는 기준 연도의 것만 하나씩 알립니다)" {
		t.Fatalf("old years: %v %q", res.OldOverdue, OldDeadlineLine(res.OldOverdue))
	}
	// check agrees: one warning for 2017, one line for 2016
	if _, err := s.Import(batch, false); err != nil {
		t.Fatal(err)
	}
	fs, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	n, old := 0, 0
	for _, f := range fs {
		if strings.Contains(f.Message, "본계획 제출 마감") {
			n++
		}
		if strings.HasPrefix(f.Message, "참고: 지난 연도 수립기 계획 2건") {
			old++
		}
	}
	if n != 1 || old != 1 {
		t.Fatalf("check: %d deadline warnings, %d old-year lines:\n%v", n, old, fs)
	}
}

// Every warning the rules give has a kind of its own, so that import
// output can count them by kind.
func TestEveryWarningHasAKind(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	n := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(node ast.Node) bool {
			call, ok := node.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "warnf" || len(call.Args) < 2 {
				return true
			}
			lit, ok := call.Args[1].(*ast.BasicLit)
			if !ok {
				t.Errorf("%s: warnf with a format that is not a literal", fset.Position(call.Pos()))
				return true
			}
			format, _ := strconv.Unquote(lit.Value)
			if _, ok := warningKinds[format]; !ok {
				t.Errorf("%s: warning %q has no kind in warningKinds", fset.Position(call.Pos()), format)
			}
			n++
			return true
		})
	}
	if n < 10 {
		t.Fatalf("found only %d warnings", n)
	}
}
