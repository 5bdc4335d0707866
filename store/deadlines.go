package store

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// Due is a milestone's due date: its End, or its Start when it has no End.
func (m Milestone) Due() Date {
	if m.End.IsZero() {
		return m.Start
	}
	return m.End
}

// CheckMilestone judges a calendar item before it is saved.
func CheckMilestone(m Milestone) Problems {
	var ps Problems
	checkYear(&ps, m.Year)
	if strings.TrimSpace(m.Title) == "" {
		ps.errorf(KeyTitle, "일정 이름을 입력하세요")
	}
	checkDate(&ps, "start", "시작", m.Start)
	checkDate(&ps, "end", "끝", m.End)
	if m.Start.IsZero() {
		ps.errorf(KeyStart, "시작일을 입력하세요 (예: 2017-02-01)")
	}
	if m.Start.Valid() && m.End.Valid() && !m.End.IsZero() && m.End < m.Start {
		ps.errorf(KeyEnd, "끝 %s 이(가) 시작 %s 보다 앞섭니다", m.End, m.Start)
	}
	if strings.TrimSpace(m.Owner) == "" {
		ps.errorf(KeyOwner, "담당을 입력하세요 (%s 또는 %s)", OwnerOffice, OwnerDistrict)
	}
	if m.Kind != "" && !slices.Contains(SubmissionKinds, m.Kind) {
		ps.errorf(KeyKind, "제출 종류 %q 을(를) 알 수 없습니다 (%s 중 하나)", m.Kind, strings.Join(SubmissionKinds, ", "))
	}
	if m.Kind != "" && !m.Deadline {
		ps.errorf(KeyKind, "제출 종류는 마감 일정에만 씁니다: 마감을 고르거나 제출 종류를 비우세요")
	}
	if m.Start.Valid() && m.Due().Valid() && !m.Start.IsZero() && m.Start.Year() != m.Year && m.Due().Year() != m.Year {
		ps.warnf(KeyStart, "기간 %s ~ %s 이(가) %d년에 걸치지 않습니다", m.Start, m.Due(), m.Year)
	}
	return ps
}

// Milestones lists a year's milestones (0 = all years) by start date.
func (s *Store) Milestones(year int) ([]Milestone, error) {
	var out []Milestone
	err := s.view(func(tx *bolt.Tx) error {
		ms, err := all[Milestone](tx, bucketMilestones)
		for _, m := range ms {
			if year == 0 || m.Year == year {
				out = append(out, m)
			}
		}
		return err
	})
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].ID < out[j].ID
	})
	return out, err
}

// Milestone reads one calendar item.
func (s *Store) Milestone(id uint64) (Milestone, error) {
	m := Milestone{ID: id}
	err := s.view(func(tx *bolt.Tx) error { return get(tx, &m) })
	return m, err
}

// SaveMilestone checks and stores a calendar item (new when ID is 0).
func (s *Store) SaveMilestone(m *Milestone) (Problems, error) {
	m.Title = strings.TrimSpace(m.Title)
	ps := CheckMilestone(*m)
	if ps.HasErrors() {
		return ps, &InvalidError{Label: "일정 " + m.label(), Problems: ps}
	}
	return ps, s.update(func(tx *bolt.Tx) error { return put(tx, s.Now(), m) })
}

// DeleteMilestone removes a calendar item.
func (s *Store) DeleteMilestone(id uint64) error {
	return s.update(func(tx *bolt.Tx) error { return del(tx, s.Now(), &Milestone{ID: id}) })
}

// NextDeadlines lists the n nearest deadlines due on or after today, of
// any year, nearest first.
func (s *Store) NextDeadlines(today Date, n int) ([]Milestone, error) {
	ms, err := s.Milestones(0)
	return nextDeadlines(ms, today, n), err
}

func nextDeadlines(ms []Milestone, today Date, n int) []Milestone {
	var out []Milestone
	for _, m := range ms {
		if m.Deadline && m.Due() >= today {
			out = append(out, m)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Due() != out[j].Due() {
			return out[i].Due() < out[j].Due()
		}
		return out[i].Title < out[j].Title
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// DueState is where something due stands, one colour each on screen:
// grey 해당 없음, green 확정, blue 진행, amber 마감 임박, red 마감 지남.
type DueState int

// The states, from calm to alarming.
const (
	DueNone DueState = iota // 해당 없음
	DueDone                 // 확정
	DueOpen                 // 진행: due later
	DueSoon                 // 마감 임박: due within SoonDays
	DueLate                 // 마감 지남
)

var dueLabels = map[DueState]string{DueNone: "해당 없음", DueDone: "확정", DueOpen: "진행", DueSoon: "마감 임박", DueLate: "마감 지남"}

func (s DueState) String() string { return dueLabels[s] }

// SoonDays is how near a due date is 마감 임박 (D-7 … D-day).
const SoonDays = 7

// DeadlineState places a due date against today: 마감 지남 after it,
// 마감 임박 from D-7 to D-day, 진행 before.
func DeadlineState(due, today Date) DueState {
	switch n := due.DaysUntil(today); {
	case due.IsZero():
		return DueNone
	case n < 0:
		return DueLate
	case n <= SoonDays:
		return DueSoon
	}
	return DueOpen
}

// Due is where one district stands against one kind of submission in a
// year.
type Due struct {
	District string
	Kind     string
	Year     int
	Deadline Milestone        // the deadline that decides the state
	Status   SubmissionStatus // furthest status of its submissions, "" for none
	State    DueState
}

// Dues lists, for each district and each submission kind with deadlines
// in the year, where the district stands (districts in the city's order):
//
//   - Only districts taking part are expected to submit: a kind
//     혁신계획 if the district has a plan in the year or the year before,
//     플랫폼 likewise a consortium, 교육 a school session in the year, and
//     any district that sent a file of that kind and year.
//   - 확정: a submission of that kind, year and district has status 확정.
//   - 마감 지남: otherwise, once any deadline milestone of that kind has
//     passed (the district is missing a submission); Status says what was
//     received, if anything.
//   - 마감 임박 / 진행: otherwise, by the next deadline (D-7 … D-day is 임박).
func Dues(d Dataset, subs []Submission, year int, today Date) []Due {
	deadlines := map[string][]Milestone{}
	for _, m := range d.Milestones {
		if m.Year == year && m.Deadline && m.Kind != "" {
			deadlines[m.Kind] = append(deadlines[m.Kind], m)
		}
	}
	for _, ms := range deadlines {
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].Due() < ms[j].Due() })
	}
	expected := expectedSubmissions(d, year)
	status := map[[2]string]SubmissionStatus{}
	for _, x := range subs {
		if x.Year != year {
			continue
		}
		k := [2]string{x.District, x.Kind}
		expected[k] = true
		if slices.Index(SubmissionStatuses, x.Status) > slices.Index(SubmissionStatuses, status[k]) {
			status[k] = x.Status
		}
	}
	var out []Due
	for _, district := range Districts {
		for _, kind := range SubmissionKinds {
			k := [2]string{district, kind}
			ms := deadlines[kind]
			if !expected[k] || len(ms) == 0 {
				continue
			}
			out = append(out, dueOf(Due{District: district, Kind: kind, Year: year, Status: status[k]}, ms, today))
		}
	}
	return out
}

// expectedSubmissions are the district and kind pairs expected to submit
// in year: plans and consortia of the year or the one before, and the
// districts of the year's sessions.
func expectedSubmissions(d Dataset, year int) map[[2]string]bool {
	expected := map[[2]string]bool{}
	for _, p := range d.Plans {
		if p.Year == year || p.Year == year-1 {
			expected[[2]string{p.District, "혁신계획"}] = true
		}
	}
	for _, p := range d.Platforms {
		if p.Year == year || p.Year == year-1 {
			expected[[2]string{p.District, "플랫폼"}] = true
		}
	}
	for _, x := range d.Sessions {
		if x.Year == year && x.District != "" {
			expected[[2]string{x.District, "교육"}] = true
		}
	}
	return expected
}

// dueOf sets due's deadline and state from its kind's deadlines ms (in
// date order, at least one): done once confirmed, late once the first has
// passed, else by the next one.
func dueOf(due Due, ms []Milestone, today Date) Due {
	due.Deadline = ms[0]
	switch {
	case due.Status == SubmissionConfirmed:
		due.State = DueDone
	case ms[0].Due() < today:
		due.State = DueLate
	default:
		due.State = DeadlineState(ms[0].Due(), today)
		for _, m := range ms {
			if m.Due() >= today {
				due.Deadline, due.State = m, DeadlineState(m.Due(), today)
				break
			}
		}
	}
	return due
}

// Dues is Dues over the stored records.
func (s *Store) Dues(year int, today Date) ([]Due, error) {
	var out []Due
	err := s.view(func(tx *bolt.Tx) error {
		d, err := exportTx(tx)
		if err != nil {
			return err
		}
		subs, err := all[Submission](tx, bucketSubmissions)
		out = Dues(d, subs, year, today)
		return err
	})
	return out, err
}

// Label says a due in a few words: "혁신계획 마감 지남 (D+3, 검토중)".
func (d Due) Label(today Date) string {
	switch d.State {
	case DueDone:
		return d.Kind + " 확정"
	case DueLate, DueSoon:
		s := fmt.Sprintf("%s %s (%s", d.Kind, d.State, d.Deadline.Due().DDay(today))
		if d.Status != "" {
			s += ", " + string(d.Status)
		}
		return s + ")"
	case DueOpen:
		if d.Status != "" {
			return d.Kind + " " + string(d.Status)
		}
		return fmt.Sprintf("%s 진행 (%s)", d.Kind, d.Deadline.Due().DDay(today))
	}
	return d.Kind + " 해당 없음"
}
