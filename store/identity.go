package store

import (
	"fmt"
	"strconv"
	"strings"
)

// Record identity (district-workbook.md, "Record identity"): what makes
// two rows, or a row and a stored record, the same record. It is decided
// here only; the importer, check and the forms all use these keys, so a
// row never finds a record of another district.
//
//	plan        district + year
//	consortium  district + year (the file's roster replaces the stored one)
//	member      consortium + role + organisation (the manager: his name)
//	session     year + district + course + number; without a number
//	            year + district + course + date + time
//
// A session without a district is the city's own and a different record
// from any district's. Names compare without spaces and case.

// PlanIdentity is the identity of a plan.
func PlanIdentity(p Plan) string { return fmt.Sprintf("%d|%s", p.Year, p.District) }

// PlatformIdentity is the identity of a consortium.
func PlatformIdentity(p Platform) string { return fmt.Sprintf("%d|%s", p.Year, p.District) }

// MemberIdentity is the identity of a roster line within its consortium.
func MemberIdentity(m Member) string {
	if m.Role == RoleManager {
		return string(m.Role) + "|" + OrgKey(m.Rep)
	}
	return string(m.Role) + "|" + OrgKey(m.Org)
}

// SessionIdentity is the identity of a school session. A session with no
// year yet takes its date's.
func SessionIdentity(x Session) string {
	year := x.Year
	if year == 0 {
		year = x.Date.Year()
	}
	head := strconv.Itoa(year) + "|" + x.District + "|" + OrgKey(x.Course) + "|"
	if x.Number > 0 {
		return head + "#" + strconv.Itoa(x.Number)
	}
	return head + string(x.Date) + "|" + strings.TrimSpace(x.Time)
}

// SameSession reports whether two sessions are the same record.
func SameSession(a, b Session) bool { return SessionIdentity(a) == SessionIdentity(b) }

// venueDay is what a venue clash needs in common: the day and the venue.
func venueDay(x Session) string { return string(x.Date) + "|" + strings.TrimSpace(x.Venue) }

// sessionIndex finds a session's peers without scanning them all: the
// sessions of the same identity (a second 3회) and those on the same day
// at the same venue (a clash). Everything CheckSession compares is among
// them, so giving it only these is the same as giving it the whole year.
type sessionIndex struct {
	byID    map[string][]int
	byVenue map[string][]int
	all     []Session
	keys    []string // identity of all[i]
}

func newSessionIndex(xs []Session) *sessionIndex {
	ix := &sessionIndex{byID: map[string][]int{}, byVenue: map[string][]int{}}
	for _, x := range xs {
		ix.add(x)
	}
	return ix
}

func (ix *sessionIndex) add(x Session) {
	i := len(ix.all)
	ix.all = append(ix.all, x)
	k := SessionIdentity(x)
	ix.keys = append(ix.keys, k)
	ix.byID[k] = append(ix.byID[k], i)
	if strings.TrimSpace(x.Venue) != "" {
		v := venueDay(x)
		ix.byVenue[v] = append(ix.byVenue[v], i)
	}
}

// first is the session of identity k with the lowest position, if any.
func (ix *sessionIndex) first(k string) (Session, bool) {
	if l := ix.byID[k]; len(l) > 0 {
		return ix.all[l[0]], true
	}
	return Session{}, false
}

// peers are the sessions x (of identity k) is compared with, leaving out
// skip (a position, -1 for none) and the stored record x replaces (except,
// 0 for none).
func (ix *sessionIndex) peers(x Session, k string, skip int, except uint64) []Session {
	var out []Session
	seen := map[int]bool{}
	take := func(l []int) {
		for _, i := range l {
			o := ix.all[i]
			if i == skip || seen[i] || (except != 0 && o.ID == except) {
				continue
			}
			seen[i] = true
			out = append(out, o)
		}
	}
	take(ix.byID[k])
	if strings.TrimSpace(x.Venue) != "" {
		take(ix.byVenue[venueDay(x)])
	}
	return out
}

// byDistrict groups records by district, for the rules that compare a
// plan or a consortium with the district's others.
func byDistrict[T any](xs []T, district func(T) string) map[string][]T {
	m := map[string][]T{}
	for _, x := range xs {
		d := district(x)
		m[d] = append(m[d], x)
	}
	return m
}
