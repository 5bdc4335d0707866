package store

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	bolt "go.etcd.io/bbolt"

	"hyeopchi/store/value"
)

// CopyRosterToNextYear makes next year's consortium of a district from this
// year's (id), in one transaction, for the coordinator to edit: same name,
// space, growth stage and roster (contacts included), indicators with
// their names and targets but no results, status 신청. Its months are
// this year's, cut to what is left of the district's 36; its grant is this
// year's, cut to the cap for those months. It refuses when the district
// already has a consortium next year or has used its 36 months.
func (s *Store) CopyRosterToNextYear(id uint64) (Platform, Problems, error) {
	var next Platform
	var ps Problems
	err := s.update(func(tx *bolt.Tx) error {
		p := Platform{ID: id}
		if err := get(tx, &p); err != nil {
			return fmt.Errorf("복사할 시민협력플랫폼(번호 %d)을 찾을 수 없습니다: %w", id, err)
		}
		all, err := platformsOf(tx, p.District, 0)
		if err != nil {
			return err
		}
		for _, o := range all {
			if o.Year == p.Year+1 {
				return fmt.Errorf("%d년 %s 시민협력플랫폼이 이미 있어 %d년 명단을 복사하지 않았습니다 (자치구별 한 해 1개 컨소시엄)", o.Year, o.District, p.Year)
			}
		}
		left := PlatformMonthsCap - PlatformMonthsUsed(all)
		if left <= 0 {
			return fmt.Errorf("%s 은(는) 이미 %d개월 지원을 모두 받아 %d년으로 복사할 수 없습니다 (최대 %d개월)", p.District, PlatformMonthsUsed(all), p.Year+1, PlatformMonthsCap)
		}
		next = nextYearPlatform(p, left)
		ps = CheckPlatform(next, all)
		if ps.HasErrors() {
			return &InvalidError{Label: "시민협력플랫폼 " + next.label(), Problems: ps}
		}
		next.Updated = s.Now()
		return put(tx, s.Now(), &next)
	})
	return next, ps, err
}

// nextYearPlatform is p carried into the next year with at most monthsLeft
// months of support.
func nextYearPlatform(p Platform, monthsLeft int) Platform {
	months := min(p.Months, monthsLeft)
	grant := p.Grant
	if months < p.Months {
		grant = min(grant, PlatformGrantCapFor(months))
	}
	n := Platform{
		District: p.District, Year: p.Year + 1, Name: p.Name, Space: p.Space,
		Growth: p.Growth, Grant: grant, Months: months, Status: PlatformApplied,
		Members: slices.Clone(p.Members), Note: p.Note,
	}
	if end := p.SupportEnd(); !end.IsZero() {
		// the next 12 months begin the day after this year's support ends
		n.StartOn = value.DateOf(end.Time().AddDate(0, 0, 1))
	}
	for _, ind := range p.Indicators {
		n.Indicators = append(n.Indicators, Indicator{Common: ind.Common, Name: ind.Name, Target: ind.Target})
	}
	return n
}

// ChangeKind is what happened to a roster line from one year to the next.
type ChangeKind int

// The kinds of roster change, in the order a person reads them.
const (
	MemberJoined ChangeKind = iota + 1 // 가입: in this year's roster only
	MemberLeft                         // 탈퇴: in last year's only
	RoleChanged                        // 구분 변경: e.g. 참여 단체 → 대표 단체
	RepChanged                         // 대표자 변경 (or a new 플랫폼책임자)
)

var changeLabels = map[ChangeKind]string{
	MemberJoined: "가입", MemberLeft: "탈퇴", RoleChanged: "구분 변경", RepChanged: "대표자 변경",
}

func (k ChangeKind) String() string { return changeLabels[k] }

// RosterChange is one difference between two years' rosters.
type RosterChange struct {
	Kind     ChangeKind
	Role     Role   // this year's role (last year's for MemberLeft)
	PrevRole Role   // last year's role, when matched
	Org      string // as this year's roster spells it (last year's for MemberLeft)
	PrevOrg  string // as last year's spelled it, when matched
	Rep      string // this year's representative or manager
	PrevRep  string // last year's
}

// String says the change in a line: "가입: 참여 단체 새숲도서관 (대표자 이명애)".
func (c RosterChange) String() string {
	switch {
	case c.Kind == MemberJoined && c.Role == RoleManager:
		return fmt.Sprintf("가입: 플랫폼책임자 %s", c.Rep)
	case c.Kind == MemberLeft && c.Role == RoleManager:
		return fmt.Sprintf("탈퇴: 플랫폼책임자 %s", c.Rep)
	case c.Kind == MemberJoined:
		return fmt.Sprintf("가입: %s %s (대표자 %s)", c.Role, c.Org, c.Rep)
	case c.Kind == MemberLeft:
		return fmt.Sprintf("탈퇴: %s %s (대표자 %s)", c.Role, c.Org, c.Rep)
	case c.Kind == RoleChanged:
		return fmt.Sprintf("구분 변경: %s %s → %s", c.Org, c.PrevRole, c.Role)
	case c.Kind == RepChanged && c.Role == RoleManager:
		return fmt.Sprintf("플랫폼책임자 변경: %s → %s", c.PrevRep, c.Rep)
	case c.Kind == RepChanged:
		return fmt.Sprintf("대표자 변경: %s %s → %s", c.Org, c.PrevRep, c.Rep)
	}
	return ""
}

// RosterDiff says who joined, who left and who changed role or
// representative between last year's roster (prev) and this year's (cur).
//
// Organisations are matched by OrgKey, so "(사)난곡주민도서관 새숲" and
// "난곡주민도서관새숲" are one organisation; representatives are compared
// by RepKey. The 플랫폼책임자 rows are matched by role (the first with the
// first): a different name is a RepChanged. Rows without an organisation
// name (other than managers) are left out, and an organisation listed
// twice matches only once. Changes come in this year's roster order, then
// those who left in last year's order; a line whose role and
// representative both changed gives a RoleChanged then a RepChanged.
func RosterDiff(prev, cur []Member) []RosterChange {
	var out []RosterChange
	prevByKey := map[string]int{}
	var prevManagers []int
	for i, m := range prev {
		if m.Role == RoleManager {
			prevManagers = append(prevManagers, i)
			continue
		}
		if k := OrgKey(m.Org); k != "" {
			if _, dup := prevByKey[k]; !dup {
				prevByKey[k] = i
			}
		}
	}
	matched := make([]bool, len(prev))
	managers := 0
	for _, m := range cur {
		if m.Role == RoleManager {
			if managers < len(prevManagers) {
				pm := prev[prevManagers[managers]]
				matched[prevManagers[managers]] = true
				if RepKey(pm.Rep) != RepKey(m.Rep) {
					out = append(out, RosterChange{Kind: RepChanged, Role: RoleManager, PrevRole: RoleManager, Rep: m.Rep, PrevRep: pm.Rep})
				}
			} else {
				out = append(out, RosterChange{Kind: MemberJoined, Role: RoleManager, Rep: m.Rep})
			}
			managers++
			continue
		}
		k := OrgKey(m.Org)
		if k == "" {
			continue
		}
		i, ok := prevByKey[k]
		if !ok || matched[i] {
			out = append(out, RosterChange{Kind: MemberJoined, Role: m.Role, Org: m.Org, Rep: m.Rep})
			continue
		}
		matched[i] = true
		pm := prev[i]
		c := RosterChange{Role: m.Role, PrevRole: pm.Role, Org: m.Org, PrevOrg: pm.Org, Rep: m.Rep, PrevRep: pm.Rep}
		if pm.Role != m.Role {
			c.Kind = RoleChanged
			out = append(out, c)
		}
		if RepKey(pm.Rep) != RepKey(m.Rep) {
			c.Kind = RepChanged
			out = append(out, c)
		}
	}
	for i, m := range prev {
		if matched[i] || (m.Role != RoleManager && OrgKey(m.Org) == "") {
			continue
		}
		out = append(out, RosterChange{Kind: MemberLeft, Role: m.Role, Org: m.Org, Rep: m.Rep})
	}
	return out
}

// orgPrefixes are legal-form marks that come and go in front of an
// organisation's name from one year's list to the next: (사) 사단법인,
// (재) 재단법인, (주) 주식회사, (준) in preparation, (협) 협동조합,
// (사협) 사회적협동조합. A name such as "사회적협동조합 함께강동" keeps its
// words: only these marks, and 사단법인/재단법인 written out, are dropped.
var orgPrefixes = []string{"(사)", "(재)", "(주)", "(준)", "(협)", "(사협)", "사단법인", "재단법인"}

// OrgKey is the name an organisation is matched by across years: without
// spaces, with full-width parentheses made plain, Latin letters in lower
// case and any leading legal-form marks (orgPrefixes) dropped.
func OrgKey(name string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case unicode.IsSpace(r):
		case r == '（':
			b.WriteRune('(')
		case r == '）':
			b.WriteRune(')')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	k := b.String()
	for trimmed := true; trimmed; {
		trimmed = false
		for _, p := range orgPrefixes {
			if strings.HasPrefix(k, p) && len(k) > len(p) {
				k, trimmed = k[len(p):], true
			}
		}
	}
	return k
}

// RepKey is how representatives are compared: without spaces, several
// names (민성환, 한봉호) in any order.
func RepKey(rep string) string {
	parts := strings.FieldsFunc(rep, func(r rune) bool { return strings.ContainsRune(",/·・、", r) })
	var keys []string
	for _, p := range parts {
		if k := strings.Join(strings.Fields(p), ""); k != "" {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return strings.Join(keys, ",")
}
