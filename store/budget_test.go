package store

import (
	"errors"
	"strings"
	"testing"

	"hyeopchi/store/value"
)

// statusByName finds a line of a BudgetStatus list; the plan's twin name
// 시민협력플랫폼 지원 is told apart by depth.
func statusByName(t *testing.T, bs []BudgetStatus, name string, depth int) BudgetStatus {
	t.Helper()
	for _, b := range bs {
		if b.Name == name && b.Depth == depth {
			return b
		}
	}
	t.Fatalf("no line %q at depth %d", name, depth)
	return BudgetStatus{}
}

func TestBudgetSumsAgainstThePlan(t *testing.T) {
	s := newTestStore(t, SeedData())
	bs, err := s.BudgetStatus(2017)
	if err != nil {
		t.Fatal(err)
	}
	checkSeedBudgetStatus(t, bs)
	commitAgainstTheBudget(t, s, bs)
	bs, _ = s.BudgetStatus(2017)
	checkCommitments(t, bs)
	checkOverCommitmentWarnsOnce(t, s)
}

// checkSeedBudgetStatus wants the plan's 2017 lines with their amounts,
// 4,000,270 in all and nothing committed.
func checkSeedBudgetStatus(t *testing.T, bs []BudgetStatus) {
	t.Helper()
	for _, c := range []struct {
		name          string
		depth         int
		office, grant int64
	}{
		{BudgetPlansTop, 0, 93420, 2200000},
		{BudgetPlansGrant, 1, 0, 2200000},
		{BudgetPlansOffice, 1, 93420, 0},
		{BudgetPlatformsTop, 0, 43100, 1500000},
		{BudgetPlatformsGrant, 1, 0, 1500000},
		{BudgetPlatformsOffice, 1, 43100, 0},
		{BudgetBaseTop, 0, 163750, 0},
		{BudgetSchool, 1, 100750, 0},
		{BudgetLinkage, 1, 63000, 0},
		{"협치 정책토론회(지역협치 분야)", 2, 25000, 0},
		{"자문네트워크 회의", 2, 8000, 0},
	} {
		b := statusByName(t, bs, c.name, c.depth)
		if b.OfficeCost != c.office || b.Grant != c.grant {
			t.Errorf("%s: %s + %s, want %s + %s", c.name, value.Thousands(b.OfficeCost), value.Thousands(b.Grant), value.Thousands(c.office), value.Thousands(c.grant))
		}
	}
	var total, committed int64
	for _, b := range bs {
		if b.Depth == 0 {
			total += b.Total()
			committed += b.Committed
		}
	}
	if total != 4000270 || committed != 0 {
		t.Fatalf("2017 total %s, committed %s; want 4,000,270 and nothing committed (the plan's selections are 2016)", value.Thousands(total), value.Thousands(committed))
	}
}

// commitAgainstTheBudget saves 2017's commitments: a plan, a consortium,
// two forums (and one of 2016) and the school contract.
func commitAgainstTheBudget(t *testing.T, s *Store, bs []BudgetStatus) {
	t.Helper()
	// Commitments: a plan, a consortium, two forums and the school contract.
	mustSave(t)(s.SavePlan(&Plan{District: "관악구", Year: 2017, Stage: StageExecution, TFTCivil: 1, TFTOfficial: 1, Start: "2017-09-01", End: "2018-08-31", Months: 12, Amount: 300000}))
	mustSave(t)(s.SavePlatform(&Platform{District: "노원구", Year: 2017, Name: "노원 플랫폼", Space: 60, Growth: 1, Grant: 100000, Months: 12, Status: "사업개시",
		Members: []Member{{Role: RoleLead, Org: "노원마을", Rep: "이"}, {Role: RoleMember, Org: "노원청년", Rep: "박"}, {Role: RoleManager, Rep: "김"}}}))
	mustSave(t)(s.SaveEvent(&Event{Year: 2017, Kind: "정책토론회", Title: "1차", Date: "2017-05-10", Budget: 15000}))
	mustSave(t)(s.SaveEvent(&Event{Year: 2017, Kind: "정책토론회", Title: "2차", Date: "2017-09-10", Budget: 12000}))
	mustSave(t)(s.SaveEvent(&Event{Year: 2016, Kind: "정책토론회", Title: "작년", Date: "2016-09-10", Budget: 99000}))
	school := statusByName(t, bs, BudgetSchool, 1).BudgetLine
	school.Contracted = 95000
	ps, err := s.SaveBudgetLine(&school)
	if err != nil || len(ps) != 0 {
		t.Fatalf("school contract: %v %v", err, ps)
	}
}

// checkCommitments wants each line's commitments, its parents' sums, and
// its state, the forum line over by 2,000.
func checkCommitments(t *testing.T, bs []BudgetStatus) {
	t.Helper()
	for _, c := range []struct {
		name      string
		depth     int
		committed int64
		state     BudgetState
	}{
		{BudgetPlansGrant, 1, 300000, BudgetActive},
		{BudgetPlansTop, 0, 300000, BudgetActive},
		{BudgetPlatformsGrant, 1, 100000, BudgetActive},
		{BudgetSchool, 1, 95000, BudgetNear},
		{"협치 정책토론회(지역협치 분야)", 2, 27000, BudgetOver},
		{BudgetLinkage, 1, 27000, BudgetActive},
		{BudgetBaseTop, 0, 122000, BudgetActive},
		{"자문네트워크 회의", 2, 0, BudgetIdle},
	} {
		b := statusByName(t, bs, c.name, c.depth)
		if b.Committed != c.committed || b.State() != c.state {
			t.Errorf("%s: committed %s (%s), want %s (%s)", c.name, value.Thousands(b.Committed), b.State(), value.Thousands(c.committed), c.state)
		}
	}
	if got := statusByName(t, bs, "협치 정책토론회(지역협치 분야)", 2).Remaining(); got != -2000 {
		t.Errorf("forum remaining %d, want -2000", got)
	}
}

// checkOverCommitmentWarnsOnce wants the over-committed forum line to be
// one warning of check, and no error.
func checkOverCommitmentWarnsOnce(t *testing.T, s *Store) {
	t.Helper()
	// The over-committed forum line is a warning of `check`, once (not
	// again for its parents).
	fs, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	var over []string
	for _, f := range fs {
		if strings.Contains(f.Message, "약정") {
			over = append(over, f.String())
		}
	}
	if len(over) != 1 || !strings.Contains(over[0], "경고") || !strings.Contains(over[0], "2017 협치 정책토론회(지역협치 분야): 약정 27,000천원이 예산 25,000천원보다 2,000천원 많습니다") {
		t.Fatalf("check findings about commitments: %v", over)
	}
	if len(fs.Errors()) != 0 {
		t.Fatalf("over-commitment must not be an error: %v", fs.Errors())
	}
}

func mustSave(t *testing.T) func(Problems, error) {
	return func(ps Problems, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
}

func TestBudgetState(t *testing.T) {
	for _, c := range []struct {
		name             string
		office, commit   int64
		want             BudgetState
		wantWord         string
		wantOverWarnings int
	}{
		{"nothing committed", 1000, 0, BudgetIdle, "약정 없음", 0},
		{"89% is still 집행 중", 1000, 890, BudgetActive, "집행 중", 0},
		{"90% is 소진 임박", 1000, 900, BudgetNear, "소진 임박", 0},
		{"all of it", 1000, 1000, BudgetFull, "전액 약정", 0},
		{"one over", 1000, 1001, BudgetOver, "초과", 1},
		{"committed against an empty line", 0, 5, BudgetOver, "초과", 1},
		{"empty line, nothing committed", 0, 0, BudgetIdle, "약정 없음", 0},
	} {
		b := BudgetStatus{BudgetLine: BudgetLine{Year: 2017, Name: "x", OfficeCost: c.office}, Committed: c.commit}
		if b.State() != c.want || b.State().String() != c.wantWord {
			t.Errorf("%s: %v %q, want %q", c.name, b.State(), b.State(), c.wantWord)
		}
		if n := len(CheckBudget([]BudgetStatus{b})); n != c.wantOverWarnings {
			t.Errorf("%s: %d warnings, want %d", c.name, n, c.wantOverWarnings)
		}
	}
}

func TestCheckBudgetLine(t *testing.T) {
	year := seedBudget(2017)
	for i := range year {
		year[i].ID = uint64(i + 1)
	}
	byName := func(name string, depth int) BudgetLine {
		for _, b := range budgetTree(year, 2017, func(BudgetLine) int64 { return 0 }) {
			if b.Name == name && b.Depth == depth {
				return year[b.ID-1] // as stored: a parent's sums are not its own
			}
		}
		t.Fatalf("no %s", name)
		return BudgetLine{}
	}
	edit := func(name string, depth int, fn func(*BudgetLine)) BudgetLine {
		l := byName(name, depth)
		fn(&l)
		return l
	}
	for _, c := range []struct {
		name  string
		line  BudgetLine
		field string // "" = no error
		want  string
	}{
		{"every seeded line passes: the twin child", byName(BudgetPlatformsGrant, 1), "", ""},
		{"every seeded line passes: the twin parent", byName(BudgetPlatformsTop, 0), "", ""},
		{"a leaf's amount may change", edit(BudgetPlansGrant, 1, func(l *BudgetLine) { l.Grant = 2500000 }), "", ""},
		{"a new top line", BudgetLine{Year: 2017, Name: "지역협치 홍보"}, "", ""},
		{"a new leaf under an empty parent", BudgetLine{Year: 2017, Name: "홍보물", Parent: BudgetLinkage, OfficeCost: 1000}, "", ""},
		{"a name is needed", BudgetLine{Year: 2017, Name: " "}, "line", "이름을 입력하세요"},
		{"the year must be real", BudgetLine{Year: 17, Name: "x"}, "year", "연도 17"},
		{"no negative amounts", BudgetLine{Year: 2017, Name: "x", Grant: -1}, "grant", "경상보조 -1천원 이(가) 음수입니다"},
		{"no negative contract", BudgetLine{Year: 2017, Name: "x", Contracted: -5}, "contracted", "음수"},
		{"the parent must exist", BudgetLine{Year: 2017, Name: "x", Parent: "없는 항목"}, "parent", `상위 항목 "없는 항목" 이(가) 2017년 예산에 없습니다`},
		{"a parent of another year does not count", BudgetLine{Year: 2018, Name: "x", Parent: BudgetLinkage}, "parent", "2018년 예산에 없습니다"},
		{"no child under a line with amounts", BudgetLine{Year: 2017, Name: "x", Parent: BudgetSchool}, "parent", "금액이나 약정 연결이 있습니다"},
		{"a parent carries no amounts", edit(BudgetLinkage, 1, func(l *BudgetLine) { l.OfficeCost = 63000 }), "office_cost", "하위 항목이 4개 있는 항목입니다"},
		{"a parent carries no programme", edit(BudgetPlansTop, 0, func(l *BudgetLine) { l.Program = ProgramSchool }), "program", "하위 항목이 2개"},
		{"no second line of the same name and parent", BudgetLine{Year: 2017, Name: BudgetSchool, Parent: BudgetBaseTop}, "line", "이미 있습니다"},
		{"no twin elsewhere", BudgetLine{Year: 2017, Name: BudgetSchool}, "line", "이름의 항목이 이미 있습니다"},
		{"a programme commits against one line only", BudgetLine{Year: 2017, Name: "x", Program: ProgramPlans}, "program", `이미 "지역사회혁신계획 지원비" 항목에 있습니다`},
		{"unknown programme", BudgetLine{Year: 2017, Name: "x", Program: "events:불꽃놀이"}, "program", "알 수 없습니다"},
		{"no loop", edit(BudgetLinkage, 1, func(l *BudgetLine) { l.Parent = "협치 정책토론회(지역협치 분야)" }), "parent", "자신으로 돌아옵니다"},
	} {
		ps := CheckBudgetLine(c.line, year)
		if c.field == "" {
			if ps.HasErrors() {
				t.Errorf("%s: %v", c.name, ps)
			}
			continue
		}
		found := false
		for _, p := range ps.Field(c.field) {
			found = found || !p.Warning && strings.Contains(p.Message, c.want)
		}
		if !found {
			t.Errorf("%s: want %s error %q, got %v", c.name, c.field, c.want, ps)
		}
	}
}

func TestSaveRenameAndDeleteBudgetLines(t *testing.T) {
	s := newTestStore(t, SeedData())
	before, _ := s.BudgetStatus(2017)
	top := statusByName(t, before, BudgetPlatformsTop, 0).BudgetLine
	raw, err := s.BudgetLine(top.ID)
	if err != nil || raw.Grant != 0 {
		t.Fatalf("a parent is stored without amounts: %+v %v", raw, err)
	}
	raw.Name = "시민협력플랫폼 운영 지원"
	if _, err := s.SaveBudgetLine(&raw); err != nil {
		t.Fatal(err)
	}
	after, _ := s.BudgetStatus(2017)
	if len(after) != len(before) {
		t.Fatalf("renaming a parent lost lines: %d → %d", len(before), len(after))
	}
	renamed := statusByName(t, after, "시민협력플랫폼 운영 지원", 0)
	if renamed.Total() != 1543100 || !renamed.HasKids {
		t.Fatalf("renamed parent lost its children: %+v", renamed)
	}
	if c := statusByName(t, after, BudgetPlatformsGrant, 1); c.Parent != "시민협력플랫폼 운영 지원" || c.Grant != 1500000 {
		t.Fatalf("child not moved with its parent: %+v", c)
	}

	// A new leaf goes last under its parent; its amounts count upwards.
	leaf := &BudgetLine{Year: 2017, Name: "소식지 제작", Parent: BudgetLinkage, OfficeCost: 7000}
	if _, err := s.SaveBudgetLine(leaf); err != nil {
		t.Fatal(err)
	}
	after, _ = s.BudgetStatus(2017)
	if l := statusByName(t, after, BudgetLinkage, 1); l.Total() != 70000 {
		t.Fatalf("linkage with the new leaf: %s", value.Thousands(l.Total()))
	}
	if after[len(after)-1].Name != "소식지 제작" || after[len(after)-1].Depth != 2 {
		t.Fatalf("new leaf placed at %+v", after[len(after)-1])
	}

	// Saving a leaf that is now over-committed returns the warning.
	forum := statusByName(t, after, "지역협치 현장 워크숍", 2).BudgetLine
	forum.Contracted = 12000
	ps, err := s.SaveBudgetLine(&forum)
	if err != nil || len(ps.Warnings()) != 1 || len(ps.Field("committed")) != 1 {
		t.Fatalf("over-committed save: %v %v", err, ps)
	}

	// A refused save changes nothing.
	bad := &BudgetLine{Year: 2017, Name: "x", Parent: BudgetSchool, OfficeCost: 1}
	_, err = s.SaveBudgetLine(bad)
	var inv *InvalidError
	if !errors.As(err, &inv) || bad.ID != 0 {
		t.Fatalf("want a refused save, got %v (id %d)", err, bad.ID)
	}

	if err := s.DeleteBudgetLine(statusByName(t, after, BudgetLinkage, 1).ID); err == nil || !strings.Contains(err.Error(), "하위 항목이 5개") {
		t.Fatalf("deleting a parent: %v", err)
	}
	if err := s.DeleteBudgetLine(leaf.ID); err != nil {
		t.Fatal(err)
	}
	after, _ = s.BudgetStatus(2017)
	if l := statusByName(t, after, BudgetLinkage, 1); l.Total() != 63000 {
		t.Fatalf("after delete: %s", value.Thousands(l.Total()))
	}
}
