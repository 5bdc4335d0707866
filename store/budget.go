package store

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"hyeopchi/store/value"
)

// What commits against a budget line (BudgetLine.Program; see seed.go):
//
//   - "plans": the year's Plan.Amount; "platforms": the year's
//     Platform.Grant; "events:KIND": Event.Budget of the year's events of
//     that kind.
//   - "school": nothing from the records. School sessions carry no cost:
//     the plan runs the school directly or through one 위탁 contract, so
//     the coordinator enters that contract as the line's Contracted.
//   - Every leaf also commits its Contracted, the amount entered by hand
//     for costs no record carries (운영비 spending, the school contract).
//   - A parent commits the sum of its children; its own amounts, Program
//     and Contracted must stay empty (CheckBudgetLine).

// BudgetStatus is a budget line with its amounts summed up the tree and
// what the programme has committed against it.
type BudgetStatus struct {
	BudgetLine
	Depth     int  // 0 for a top line
	HasKids   bool // its amounts are its children's sum
	Committed int64
}

// Total is 사무관리비 + 경상보조.
func (b BudgetStatus) Total() int64 { return b.OfficeCost + b.Grant }

// Remaining is what is left after the commitments.
func (b BudgetStatus) Remaining() int64 { return b.Total() - b.Committed }

// Over reports whether commitments pass the line.
func (b BudgetStatus) Over() bool { return b.Committed > b.Total() }

// BudgetState is how far a line is committed, one colour each on screen.
type BudgetState int

// The states of a budget line, from calm to alarming.
const (
	BudgetIdle   BudgetState = iota // 약정 없음: nothing committed yet
	BudgetActive                    // 집행 중: committed, under 90%
	BudgetFull                      // 전액 약정: exactly the budget
	BudgetNear                      // 소진 임박: 90% or more, not all
	BudgetOver                      // 초과: commitments pass the line
)

var budgetStateLabels = map[BudgetState]string{
	BudgetIdle: "약정 없음", BudgetActive: "집행 중", BudgetFull: "전액 약정",
	BudgetNear: "소진 임박", BudgetOver: "초과",
}

func (s BudgetState) String() string { return budgetStateLabels[s] }

// NearShare is the share of a line, in percent, from which it is 소진 임박.
const NearShare = 90

// State says how far the line is committed.
func (b BudgetStatus) State() BudgetState {
	switch {
	case b.Committed > b.Total():
		return BudgetOver
	case b.Committed == 0:
		return BudgetIdle
	case b.Committed == b.Total():
		return BudgetFull
	case b.Committed*100 >= b.Total()*NearShare:
		return BudgetNear
	}
	return BudgetActive
}

// ProgramLabel is how a person reads a line's Program.
func ProgramLabel(program string) string {
	switch {
	case program == "":
		return "없음"
	case program == ProgramPlans:
		return "혁신계획 지원액"
	case program == ProgramPlatforms:
		return "플랫폼 지원액"
	case program == ProgramSchool:
		return "협치학교 (계약액 직접 입력)"
	case strings.HasPrefix(program, ProgramEvents):
		return "행사: " + strings.TrimPrefix(program, ProgramEvents)
	}
	return program
}

// Programs lists every Program a line may carry, "" (none) first.
func Programs() []string {
	out := []string{"", ProgramPlans, ProgramPlatforms, ProgramSchool}
	for _, k := range EventKinds {
		out = append(out, EventProgram(k))
	}
	return out
}

// BudgetStatus lists a year's budget lines (0 = all years) in the plan's
// order, parents with their children's sums, each with its commitments.
func (s *Store) BudgetStatus(year int) ([]BudgetStatus, error) {
	var out []BudgetStatus
	err := s.view(func(tx *bolt.Tx) error {
		d, err := budgetData(tx)
		out = BudgetStatusOf(d, year)
		return err
	})
	return out, err
}

// budgetData reads what BudgetStatusOf needs.
func budgetData(tx *bolt.Tx) (Dataset, error) {
	var d Dataset
	var err error
	if d.BudgetLines, err = all[BudgetLine](tx, bucketBudget); err != nil {
		return d, err
	}
	if d.Plans, err = all[Plan](tx, bucketPlans); err != nil {
		return d, err
	}
	if d.Platforms, err = all[Platform](tx, bucketPlatforms); err != nil {
		return d, err
	}
	d.Events, err = all[Event](tx, bucketEvents)
	return d, err
}

// BudgetStatusOf is BudgetStatus over a dataset.
func BudgetStatusOf(d Dataset, year int) []BudgetStatus {
	return budgetTree(d.BudgetLines, year, func(l BudgetLine) int64 {
		return committed(l, d.Plans, d.Platforms, d.Events)
	})
}

func committed(l BudgetLine, plans []Plan, platforms []Platform, events []Event) int64 {
	sum := l.Contracted
	switch {
	case l.Program == ProgramPlans:
		for _, p := range plans {
			if p.Year == l.Year {
				sum += p.Amount
			}
		}
	case l.Program == ProgramPlatforms:
		for _, p := range platforms {
			if p.Year == l.Year {
				sum += p.Grant
			}
		}
	case strings.HasPrefix(l.Program, ProgramEvents):
		kind := strings.TrimPrefix(l.Program, ProgramEvents)
		for _, e := range events {
			if e.Year == l.Year && e.Kind == kind {
				sum += e.Budget
			}
		}
	}
	return sum
}

// parents gives, for lines sorted by Order, the index of each line's
// parent, -1 for a top line or one whose parent is missing. A line's
// parent is the first other line, in Order, with the Parent name: the plan
// names a child "시민협력플랫폼 지원" after its parent, so names alone would
// loop.
func parents(ls []BudgetLine) []int {
	out := make([]int, len(ls))
	for i, l := range ls {
		out[i] = -1
		if l.Parent == "" {
			continue
		}
		for j, p := range ls {
			if j != i && p.Name == l.Parent {
				out[i] = j
				break
			}
		}
	}
	return out
}

// budgetTree orders lines depth-first as the plan prints them and sums
// children into parents.
func budgetTree(lines []BudgetLine, year int, commit func(BudgetLine) int64) []BudgetStatus {
	byYear := map[int][]BudgetLine{}
	var years []int
	for _, l := range lines {
		if year != 0 && l.Year != year {
			continue
		}
		if _, ok := byYear[l.Year]; !ok {
			years = append(years, l.Year)
		}
		byYear[l.Year] = append(byYear[l.Year], l)
	}
	sort.Ints(years)
	var out []BudgetStatus
	for _, y := range years {
		ls := byYear[y]
		sortLines(ls)
		parent := parents(ls)
		var walk func(p, depth int) (office, grant, comm int64)
		walk = func(p, depth int) (office, grant, comm int64) {
			for i, l := range ls {
				if parent[i] != p || i == p {
					continue
				}
				at := len(out)
				out = append(out, BudgetStatus{BudgetLine: l, Depth: depth})
				o, g, c := walk(i, depth+1)
				if at+1 < len(out) { // has children
					out[at].HasKids = true
					out[at].OfficeCost, out[at].Grant = o, g
					out[at].Committed = c
				} else {
					out[at].Committed = commit(l)
				}
				office += out[at].OfficeCost
				grant += out[at].Grant
				comm += out[at].Committed
			}
			return
		}
		walk(-1, 0)
	}
	return out
}

func sortLines(ls []BudgetLine) {
	sort.SliceStable(ls, func(i, j int) bool { return ls[i].Order < ls[j].Order })
}

// CheckBudget warns where commitments pass a line. Only leaves are
// judged: a parent over its budget always has a child that is.
func CheckBudget(status []BudgetStatus) Problems {
	var ps Problems
	for _, b := range status {
		if b.HasKids || !b.Over() {
			continue
		}
		ps.warnf(KeyCommitted, "%d %s: 약정 %s천원이 예산 %s천원보다 %s천원 많습니다",
			b.Year, b.Name, value.Thousands(b.Committed), value.Thousands(b.Total()), value.Thousands(b.Committed-b.Total()))
	}
	return ps
}

// CheckBudgetLine judges a line before it is saved; year holds the other
// lines of its year (the line itself, by ID, is ignored there).
func CheckBudgetLine(l BudgetLine, year []BudgetLine) Problems {
	var ps Problems
	checkYear(&ps, l.Year)
	if strings.TrimSpace(l.Name) == "" {
		ps.errorf(KeyLine, "예산 항목 이름을 입력하세요")
	}
	for _, f := range []struct {
		field, label string
		v            int64
	}{{"office_cost", "사무관리비", l.OfficeCost}, {"grant", "경상보조", l.Grant}, {"contracted", "계약·집행액", l.Contracted}} {
		if f.v < 0 {
			ps.errorf(f.field, "%s %s천원 이(가) 음수입니다", f.label, value.Thousands(f.v))
		}
	}
	if !slices.Contains(Programs(), l.Program) {
		ps.errorf(KeyProgram, "약정 연결 %q 을(를) 알 수 없습니다", l.Program)
	}
	ls, self := yearAfterSave(l, year)
	parent := parents(ls)
	checkBudgetParent(&ps, ls, parent, self)
	checkBudgetChildren(&ps, ls[self], parent, self)
	checkBudgetTwins(&ps, ls, self)
	return ps
}

// yearAfterSave is line l's year as it would be after saving, in Order,
// with l's position in it.
func yearAfterSave(l BudgetLine, year []BudgetLine) ([]BudgetLine, int) {
	ls := []BudgetLine{}
	for _, o := range year {
		if o.Year == l.Year && o.ID != l.ID || l.ID == 0 && o.Year == l.Year && o != l {
			ls = append(ls, o)
		}
	}
	if l.ID == 0 && l.Order == 0 {
		l.Order = nextOrder(ls)
	}
	ls = append(ls, l)
	sortLines(ls)
	return ls, slices.IndexFunc(ls, func(o BudgetLine) bool { return o == l })
}

// checkBudgetParent wants line ls[self]'s parent to exist in its year,
// lead to the top without coming back to it, and carry no amount of its
// own.
func checkBudgetParent(ps *Problems, ls []BudgetLine, parent []int, self int) {
	l := ls[self]
	if l.Parent != "" && parent[self] < 0 {
		ps.errorf(KeyParent, "상위 항목 %q 이(가) %d년 예산에 없습니다", l.Parent, l.Year)
	}
	// Following parents from the line must reach the top.
	for i, n := parent[self], 0; i >= 0; i, n = parent[i], n+1 {
		if i == self || n > len(ls) {
			ps.errorf(KeyParent, "상위 항목 %q 을(를) 따라가면 %q 자신으로 돌아옵니다", l.Parent, l.Name)
			break
		}
	}
	if p := parent[self]; p >= 0 {
		if q := ls[p]; q.OfficeCost != 0 || q.Grant != 0 || q.Contracted != 0 || q.Program != "" {
			ps.errorf(KeyParent, "상위 항목 %q 에 금액이나 약정 연결이 있습니다: 먼저 그 항목의 금액과 약정 연결을 비우세요 (상위 항목의 금액은 하위 항목의 합계입니다)", q.Name)
		}
	}
}

// checkBudgetChildren refuses amounts and a programme on line l (at self)
// when it has children: its sums are theirs.
func checkBudgetChildren(ps *Problems, l BudgetLine, parent []int, self int) {
	kids := 0
	for i := range parent {
		if parent[i] == self {
			kids++
		}
	}
	if kids == 0 {
		return
	}
	for _, f := range []struct {
		field string
		set   bool
	}{{"office_cost", l.OfficeCost != 0}, {"grant", l.Grant != 0}, {"contracted", l.Contracted != 0}, {"program", l.Program != ""}} {
		if f.set {
			ps.errorf(f.field, "하위 항목이 %d개 있는 항목입니다: 금액과 약정은 하위 항목의 합계이니 하위 항목에서 고치세요", kids)
		}
	}
}

// checkBudgetTwins refuses a second line of one name (but a child named
// after its parent) and a programme linked to two lines.
func checkBudgetTwins(ps *Problems, ls []BudgetLine, self int) {
	l := ls[self]
	for i, o := range ls {
		if i == self {
			continue
		}
		if o.Name == l.Name && o.Parent == l.Parent {
			ps.errorf(KeyLine, "%d년 예산에 %q 항목이 이미 있습니다", l.Year, l.Name)
		} else if o.Name == l.Name && l.Parent != l.Name && o.Parent != o.Name {
			// Only a child named after its parent (the plan's 시민협력플랫폼
			// 지원) may share a name: other twins make parents ambiguous.
			ps.errorf(KeyLine, "%d년 예산에 %q 이름의 항목이 이미 있습니다 (상위 항목 밑의 같은 이름만 허용)", l.Year, l.Name)
		}
		if l.Program != "" && o.Program == l.Program {
			ps.errorf(KeyProgram, "약정 연결 %s 은(는) 이미 %q 항목에 있습니다 (한 항목에만 연결하세요)", ProgramLabel(l.Program), o.Name)
		}
	}
}

// BudgetLines lists a year's budget lines (0 = all years) in the plan's order.
func (s *Store) BudgetLines(year int) ([]BudgetLine, error) {
	var out []BudgetLine
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		out, err = linesOf(tx, year)
		return err
	})
	return out, err
}

func linesOf(tx *bolt.Tx, year int) ([]BudgetLine, error) {
	ls, err := all[BudgetLine](tx, bucketBudget)
	var out []BudgetLine
	for _, l := range ls {
		if year == 0 || l.Year == year {
			out = append(out, l)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Year != out[j].Year {
			return out[i].Year < out[j].Year
		}
		return out[i].Order < out[j].Order
	})
	return out, err
}

// BudgetLine reads one line as stored (a parent's amounts are empty).
func (s *Store) BudgetLine(id uint64) (BudgetLine, error) {
	l := BudgetLine{ID: id}
	err := s.view(func(tx *bolt.Tx) error { return get(tx, &l) })
	return l, err
}

// SaveBudgetLine checks and stores a budget line (new when ID is 0; a new
// line goes last in its year). Renaming a parent renames its children's
// Parent too. Rule errors block it with an *InvalidError; the warnings that
// come back say whether the line is now over-committed.
func (s *Store) SaveBudgetLine(l *BudgetLine) (Problems, error) {
	var ps Problems
	l.Name = strings.TrimSpace(l.Name)
	err := s.update(func(tx *bolt.Tx) error {
		year, err := linesOf(tx, l.Year)
		if err != nil {
			return err
		}
		if l.ID == 0 && l.Order == 0 {
			l.Order = nextOrder(year)
		}
		ps = CheckBudgetLine(*l, year)
		if ps.HasErrors() {
			return &InvalidError{Label: "예산 " + l.label(), Problems: ps}
		}
		now := s.Now()
		if l.ID != 0 {
			if err := renameChildren(tx, now, *l, year); err != nil {
				return err
			}
		}
		if err := put(tx, now, l); err != nil {
			return err
		}
		d, err := budgetData(tx)
		if err != nil {
			return err
		}
		for _, b := range BudgetStatusOf(d, l.Year) {
			if b.ID == l.ID {
				ps = append(ps, CheckBudget([]BudgetStatus{b})...)
			}
		}
		return nil
	})
	return ps, err
}

// nextOrder puts a new line after every line of its year.
func nextOrder(year []BudgetLine) int {
	n := 0
	for _, o := range year {
		n = max(n, o.Order)
	}
	return n + 1
}

// renameChildren points the children of the stored version of l at l's
// new name.
func renameChildren(tx *bolt.Tx, now time.Time, l BudgetLine, year []BudgetLine) error {
	ls := slices.Clone(year)
	sortLines(ls)
	self := slices.IndexFunc(ls, func(o BudgetLine) bool { return o.ID == l.ID })
	if self < 0 || ls[self].Name == l.Name {
		return nil
	}
	parent := parents(ls)
	for i := range ls {
		if parent[i] == self {
			c := ls[i]
			c.Parent = l.Name
			if err := put(tx, now, &c); err != nil {
				return err
			}
		}
	}
	return nil
}

// DeleteBudgetLine removes a line without children.
func (s *Store) DeleteBudgetLine(id uint64) error {
	return s.update(func(tx *bolt.Tx) error {
		l := BudgetLine{ID: id}
		if err := get(tx, &l); err != nil {
			return err
		}
		year, err := linesOf(tx, l.Year)
		if err != nil {
			return err
		}
		sortLines(year)
		parent := parents(year)
		self := slices.IndexFunc(year, func(o BudgetLine) bool { return o.ID == id })
		kids := 0
		for i := range year {
			if parent[i] == self {
				kids++
			}
		}
		if kids > 0 {
			return fmt.Errorf("예산 %s: 하위 항목이 %d개 있어 삭제할 수 없습니다. 먼저 하위 항목을 지우세요", l.label(), kids)
		}
		return del(tx, s.Now(), &l)
	})
}
