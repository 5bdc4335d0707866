package store

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"hyeopchi/store/value"
)

// planImport matches the batch to stored records by identity (identity.go),
// runs the rules and works out the changes, without writing. Matching and
// the rules' comparisons go through maps keyed by identity, so the cost
// grows with the rows, not with rows × stored records.
func (s *Store) planImport(tx *bolt.Tx, b ImportBatch) (ImportResult, error) {
	var res ImportResult
	today := value.DateOf(s.Now())
	year, err := programmeYear(tx, s.Now())
	if err != nil {
		return res, err
	}
	plans, err := all[Plan](tx, bucketPlans)
	if err != nil {
		return res, err
	}
	platforms, err := all[Platform](tx, bucketPlatforms)
	if err != nil {
		return res, err
	}
	sessions, err := all[Session](tx, bucketSessions)
	if err != nil {
		return res, err
	}
	settings, err := getSettings(tx)
	if err != nil {
		return res, err
	}
	courses, err := all[Course](tx, bucketCourses)
	if err != nil {
		return res, err
	}
	known, err := confirmedFiles(tx)
	if err != nil {
		return res, err
	}
	for _, f := range b.Files {
		if _, ok := known[fileHash(f.Data)]; ok {
			res.Known = append(res.Known, f.Name)
		}
	}
	res.planPlans(b.Plans, plans, today, settings.Deadlines, year)
	res.planPlatforms(b.Platforms, platforms)
	res.planSessions(b.Sessions, sessions, courses)
	return res, nil
}

// note counts one record's change and lists it.
func (res *ImportResult) note(c Change) {
	switch c.Action {
	case ActionAdd:
		res.Added++
	case ActionChange:
		res.Changed++
	default:
		res.Unchanged++
	}
	res.Changes = append(res.Changes, c)
}

// problems lists the rule problems of the batch's record kind/i.
func (res *ImportResult) problems(kind string, i int, ps Problems) {
	for _, pr := range ps {
		res.Problems = append(res.Problems, RecordProblem{Kind: kind, Index: i, Problem: pr})
	}
}

// planPlans matches the batch's plans by district and year, keeps what
// the office entered that a district's file has no columns for, and checks
// each plan against the district's others, stored and in the batch.
func (res *ImportResult) planPlans(batch, stored []Plan, today Date, deadlines []YearDeadlines, year int) {
	at := firstByIdentity(stored, PlanIdentity)
	storedBy := byDistrict(stored, func(p Plan) string { return p.District })
	batchBy := byDistrict(indexes(len(batch)), func(i int) string { return batch[i].District })
	for i := range batch {
		p := &batch[i]
		var before *Plan
		if j, ok := at[PlanIdentity(*p)]; ok {
			before = &stored[j]
			keepStoredPlan(p, *before)
		}
		others := districtPeers(storedBy[p.District], func(o Plan) uint64 { return o.ID }, p.ID, batch, batchBy[p.District], i)
		ps, old := scopeDeadline(CheckPlan(*p, others, today, deadlines), *p, year)
		if old {
			res.OldOverdue = append(res.OldOverdue, p.Year)
		}
		res.problems("plan", i, ps)
		res.note(recordChange("혁신계획", p.label(), before, *p))
	}
}

// keepStoredPlan gives the file's plan p the stored one's ID, and keeps
// the stored entries where the file leaves them empty or has no column.
func keepStoredPlan(p *Plan, before Plan) {
	p.ID = before.ID
	p.Process, p.MainPlanOn = keepSteps(p.Process, before.Process), orDate(p.MainPlanOn, before.MainPlanOn)
	if p.Note == "" {
		p.Note = before.Note
	}
	if p.PB == "" {
		p.PB = before.PB
	}
	// a district's file has no columns for these: the office's entries stay
	p.DraftPlanOn = orDate(p.DraftPlanOn, before.DraftPlanOn)
	if p.PBAmount == 0 && p.PBIntegration == 0 && p.PBDongs == 0 && p.PBDongAmount == 0 {
		p.PBAmount, p.PBIntegration, p.PBDongs, p.PBDongAmount = before.PBAmount, before.PBIntegration, before.PBDongs, before.PBDongAmount
	}
}

// districtPeers are the records a batch record (row i, stored ID self, 0
// for new) is compared with: the district's stored records but the one it
// replaces, and the district's other batch rows.
func districtPeers[T any](stored []T, id func(T) uint64, self uint64, batch []T, rows []int, i int) []T {
	var others []T
	for _, o := range stored {
		if self == 0 || id(o) != self {
			others = append(others, o)
		}
	}
	for _, j := range rows {
		if j != i {
			others = append(others, batch[j])
		}
	}
	return others
}

// planPlatforms matches the batch's consortia by district and year: the
// file's roster replaces the stored one, everything else stays. A
// consortium first met in a file gets defaults the coordinator fills in.
func (res *ImportResult) planPlatforms(batch, stored []Platform) {
	at := firstByIdentity(stored, PlatformIdentity)
	storedBy := byDistrict(stored, func(p Platform) string { return p.District })
	batchBy := byDistrict(indexes(len(batch)), func(i int) string { return batch[i].District })
	for i := range batch {
		p := &batch[i]
		var before *Platform
		if j, ok := at[PlatformIdentity(*p)]; ok {
			before = &stored[j]
			*p = withRoster(*before, p.Members)
		} else {
			newPlatformDefaults(p)
		}
		others := districtPeers(storedBy[p.District], func(o Platform) uint64 { return o.ID }, p.ID, batch, batchBy[p.District], i)
		res.problems("platform", i, CheckPlatform(*p, others))
		res.note(recordChange("시민협력플랫폼", p.label(), before, *p))
	}
}

// withRoster is the stored consortium with the file's roster, contacts
// (masked in the workbook) kept from the stored one.
func withRoster(before Platform, members []Member) Platform {
	merged := before
	merged.Members = members
	keepContacts(merged.Members, before.Members) // masked in the workbook, kept here
	if sameRoster(before.Members, members) {
		merged.Members = before.Members // the same lines in another order change nothing
	}
	return merged
}

// newPlatformDefaults fills a consortium first met in a district's
// roster: the coordinator fills in space and grant later.
func newPlatformDefaults(p *Platform) {
	if p.Name == "" {
		p.Name = PlatformName(p.District)
	}
	if p.Status == "" {
		p.Status = PlatformApplied
	}
	if p.Growth == 0 {
		p.Growth = 1
	}
}

// planSessions matches the batch's sessions by year, district, course and
// number (or date and time), refuses two rows naming one session, and
// checks each against the stored sessions and the batch's.
func (res *ImportResult) planSessions(batch, stored []Session, courses []Course) {
	storedIx := newSessionIndex(stored)
	batchIx := newSessionIndex(nil)
	for i := range batch {
		sessionDefaults(&batch[i])
		batchIx.add(batch[i])
	}
	for i := range batch {
		x := &batch[i]
		k := batchIx.keys[i]
		var before *Session
		if o, ok := storedIx.first(k); ok {
			before = &o
			x.ID = o.ID
			if x.Instructor == "" {
				x.Instructor = o.Instructor
			}
			if x.Note == "" {
				x.Note = o.Note
			}
		}
		if first := batchIx.byID[k][0]; first != i {
			// two rows naming one session: the file must say which it means
			res.Problems = append(res.Problems, RecordProblem{Kind: "session", Index: i, Problem: Problem{Field: KeyNumber,
				Message: fmt.Sprintf("%s: 같은 회차가 이 파일에 이미 있습니다 (연도·자치구·과정·%s가 같음): 한 줄에 한 회차만 적으세요",
					sessionText(*x), map[bool]string{true: "회차", false: "일자·시간"}[x.Number > 0])}})
		}
		others := append(storedIx.peers(*x, k, -1, x.ID), batchIx.peers(*x, k, i, 0)...)
		res.problems("session", i, CheckSession(*x, others, courses))
		res.note(recordChange("교육회차", x.label(), before, *x))
	}
}

// sessionDefaults fills what a file's session row may leave out: the
// year from the date, and the status from the attendance.
func sessionDefaults(x *Session) {
	if x.Year == 0 {
		x.Year = x.Date.Year()
	}
	if x.Status == "" {
		x.Status = SessionPlanned
		if x.Attendance() > 0 {
			x.Status = SessionDone
		}
	}
}

func sessionText(x Session) string {
	where := x.District
	if where == "" {
		where = "서울시"
	}
	if x.Number > 0 {
		return fmt.Sprintf("%d %s %s %d회", x.Year, where, x.Course, x.Number)
	}
	return fmt.Sprintf("%d %s %s %s %s", x.Year, where, x.Course, x.Date, strings.TrimSpace(x.Time))
}

// firstByIdentity maps each identity to the position of its first record.
func firstByIdentity[T any](xs []T, id func(T) string) map[string]int {
	m := make(map[string]int, len(xs))
	for i, x := range xs {
		k := id(x)
		if _, dup := m[k]; !dup {
			m[k] = i
		}
	}
	return m
}

func indexes(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// programmeYear is the year the office works in: the one set in 설정, or
// today's.
func programmeYear(tx *bolt.Tx, now time.Time) (int, error) {
	st, err := getSettings(tx)
	if err != nil {
		return 0, err
	}
	if st.CurrentYear != 0 {
		return st.CurrentYear, nil
	}
	return now.Year(), nil
}

// scopeDeadline keeps a plan's overdue-main-plan warning only in the
// programme year: another year's deadline is no news today. It reports
// whether it dropped one of an earlier year, for a single summary line.
func scopeDeadline(ps Problems, p Plan, year int) (Problems, bool) {
	var out Problems
	old := false
	for _, pr := range ps {
		if pr.Warning && pr.Kind == DeadlineWarning && p.Year != year {
			old = old || p.Year < year
			continue
		}
		out = append(out, pr)
	}
	return out, old
}

// OldDeadlineLine is the one line about main plans overdue in years before
// the programme year (their warnings are not listed one by one), or "".
func OldDeadlineLine(years []int) string {
	if len(years) == 0 {
		return ""
	}
	count := map[int]int{}
	var ys []int
	for _, y := range years {
		if count[y] == 0 {
			ys = append(ys, y)
		}
		count[y]++
	}
	sort.Ints(ys)
	var parts []string
	for _, y := range ys {
		parts = append(parts, fmt.Sprintf("%d년 %d건", y, count[y]))
	}
	return fmt.Sprintf("참고: 지난 연도 수립기 계획 %d건(%s)은 본계획 제출일 없이 제출 마감이 지났습니다 (마감 경고는 기준 연도의 것만 하나씩 알립니다)",
		len(years), strings.Join(parts, ", "))
}

// confirmedFiles are the files already imported (status 확정), by sha256.
func confirmedFiles(tx *bolt.Tx) (map[string]Submission, error) {
	subs, err := all[Submission](tx, bucketSubmissions)
	out := map[string]Submission{}
	for _, x := range subs {
		if x.Status == SubmissionConfirmed {
			if _, ok := out[x.SHA256]; !ok {
				out[x.SHA256] = x
			}
		}
	}
	return out, err
}

// ImportedBefore says, for each file's bytes, whether that file was
// imported before (same sha256, status 확정) and when: such a file is
// known before it is read, and need not be read again.
func (s *Store) ImportedBefore(data [][]byte) ([]*Submission, error) {
	out := make([]*Submission, len(data))
	err := s.view(func(tx *bolt.Tx) error {
		known, err := confirmedFiles(tx)
		for i, d := range data {
			if x, ok := known[fileHash(d)]; ok {
				out[i] = &x
			}
		}
		return err
	})
	return out, err
}

func fileHash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
