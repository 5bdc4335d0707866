package store

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// ImportFile is one file received from a district, with what it names.
type ImportFile struct {
	Name      string
	Data      []byte
	Kinds     []string // 혁신계획, 플랫폼, 교육
	Districts []string
	Years     []int
}

// ImportBatch is everything read from the files of one import. Records
// with ID 0 are matched to stored ones by their natural key: a plan or a
// consortium by district and year, a session by year, course and number
// (or date and time when it has no number).
type ImportBatch struct {
	Files     []ImportFile
	Plans     []Plan
	Platforms []Platform
	Sessions  []Session
}

// RecordProblem is a rule problem of one record of a batch: Kind is
// "plan", "platform" or "session" and Index its position in the batch.
type RecordProblem struct {
	Kind  string
	Index int
	Problem
}

// FieldChange is one field that an import changes.
type FieldChange struct {
	Field  string `json:"field"`
	Before string `json:"before"`
	After  string `json:"after"`
}

// Change is what an import does to one record.
type Change struct {
	Kind   string        `json:"kind"` // 혁신계획, 시민협력플랫폼, 교육회차
	Label  string        `json:"label"`
	Action string        `json:"action"` // 추가, 수정, 변경 없음
	Fields []FieldChange `json:"fields"`
}

// ImportResult says what an import did or, for a dry run, would do.
type ImportResult struct {
	Problems  []RecordProblem
	Changes   []Change
	Added     int
	Changed   int
	Unchanged int
	// Known lists files received before (same sha256).
	Known       []string
	Submissions []Submission
	Backup      string
}

// Import checks a batch against the rules and, unless dryRun, writes it
// all in one transaction with one submission per file, after a backup.
// Any rule error writes nothing. A batch that changes no record writes
// nothing either, so importing the same file twice changes nothing.
func (s *Store) Import(b ImportBatch, dryRun bool) (ImportResult, error) {
	var res ImportResult
	plan := func(tx *bolt.Tx) error {
		var err error
		res, err = s.planImport(tx, b)
		return err
	}
	if err := s.view(plan); err != nil {
		return res, err
	}
	if len(res.Problems) > 0 && hasErrors(res.Problems) {
		return res, nil
	}
	if dryRun || (res.Added == 0 && res.Changed == 0 && len(res.Known) == len(b.Files)) {
		return res, nil
	}
	if res.Added+res.Changed > 0 {
		p, err := s.AutoBackup("import")
		if err != nil {
			return res, fmt.Errorf("가져오기 전 백업을 만들 수 없습니다: %w", err)
		}
		res.Backup = p
	}
	err := s.update(func(tx *bolt.Tx) error {
		// Plan again inside the write transaction: the file may have changed since.
		r, err := s.planImport(tx, b)
		if err != nil {
			return err
		}
		if hasErrors(r.Problems) {
			return fmt.Errorf("가져오는 중 자료가 바뀌어 규칙 오류가 생겼습니다: 다시 시도하세요")
		}
		now := s.Now()
		for i := range b.Plans {
			if err := put(tx, now, &b.Plans[i]); err != nil {
				return err
			}
		}
		for i := range b.Platforms {
			if err := put(tx, now, &b.Platforms[i]); err != nil {
				return err
			}
		}
		for i := range b.Sessions {
			if err := put(tx, now, &b.Sessions[i]); err != nil {
				return err
			}
		}
		r.Backup = res.Backup
		r.Submissions = nil
		for _, f := range b.Files {
			sub, known, err := receive(tx, now, f, "확정", nil, describe(r))
			if err != nil {
				return err
			}
			if !known {
				r.Submissions = append(r.Submissions, sub)
			}
		}
		res = r
		return nil
	})
	return res, err
}

func hasErrors(ps []RecordProblem) bool {
	for _, p := range ps {
		if !p.Warning {
			return true
		}
	}
	return false
}

func describe(r ImportResult) string {
	return fmt.Sprintf("추가 %d건, 수정 %d건, 변경 없음 %d건", r.Added, r.Changed, r.Unchanged)
}

// ReceiveRejected registers a file that could not be imported, with its
// problems, as a submission awaiting correction (보완요청). A file already
// registered (same sha256) is not registered twice.
func (s *Store) ReceiveRejected(f ImportFile, problems []string) (Submission, error) {
	var sub Submission
	err := s.update(func(tx *bolt.Tx) error {
		var err error
		sub, _, err = receive(tx, s.Now(), f, "보완요청", problems, "")
		return err
	})
	return sub, err
}

// receive stores the file's bytes and its submission; known reports a
// file already received with the same content.
func receive(tx *bolt.Tx, now time.Time, f ImportFile, status string, problems []string, note string) (Submission, bool, error) {
	sum := sha256.Sum256(f.Data)
	hash := hex.EncodeToString(sum[:])
	subs, err := all[Submission](tx, bucketSubmissions)
	if err != nil {
		return Submission{}, false, err
	}
	for _, x := range subs {
		if x.SHA256 == hash && x.FileName == f.Name && (x.Status == status || x.Status == "확정") {
			return x, true, nil
		}
	}
	if err := tx.Bucket(bucketFiles).Put([]byte(hash), f.Data); err != nil {
		return Submission{}, false, err
	}
	sub := Submission{
		District: strings.Join(f.Districts, ","), Kind: strings.Join(f.Kinds, ","),
		Received: DateOf(now), FileName: f.Name, Size: int64(len(f.Data)), SHA256: hash,
		Status: status, Errors: problems, Note: note, Updated: now,
	}
	if len(f.Years) > 0 {
		sub.Year = f.Years[0]
	}
	sub.Due = dueDate(tx, sub)
	return sub, false, put(tx, now, &sub)
}

// dueDate is the deadline milestone of the submission's kind and year.
func dueDate(tx *bolt.Tx, sub Submission) Date {
	ms, _ := all[Milestone](tx, bucketMilestones)
	var due Date
	for _, m := range ms {
		if m.Deadline && m.Kind != "" && strings.Contains(sub.Kind, m.Kind) && (sub.Year == 0 || m.Year == sub.Year || m.Year == sub.Year+1) {
			if due == "" || m.End < due {
				due = m.End
			}
		}
	}
	return due
}

// FileData returns the original bytes of a received file.
func (s *Store) FileData(sha string) ([]byte, error) {
	var out []byte
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketFiles).Get([]byte(sha))
		if b == nil {
			return ErrNotFound
		}
		out = append([]byte(nil), b...)
		return nil
	})
	return out, err
}

// SaveSubmission stores a submission's status and note (the register).
func (s *Store) SaveSubmission(x *Submission) error {
	ok := false
	for _, st := range SubmissionStatuses {
		ok = ok || st == x.Status
	}
	if !ok {
		return fmt.Errorf("상태 %q 을(를) 알 수 없습니다 (%s)", x.Status, strings.Join(SubmissionStatuses, ", "))
	}
	x.Updated = s.Now()
	return s.update(func(tx *bolt.Tx) error { return put(tx, s.Now(), x) })
}

// planImport matches the batch to stored records, runs the rules and
// works out the changes, without writing.
func (s *Store) planImport(tx *bolt.Tx, b ImportBatch) (ImportResult, error) {
	var res ImportResult
	today := DateOf(s.Now())
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
	subs, err := all[Submission](tx, bucketSubmissions)
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
	for _, f := range b.Files {
		sum := sha256.Sum256(f.Data)
		hash := hex.EncodeToString(sum[:])
		for _, x := range subs {
			if x.SHA256 == hash && x.Status == "확정" {
				res.Known = append(res.Known, f.Name)
				break
			}
		}
	}
	// note records what happens to one record; before is a nil pointer for a new one.
	note := func(kind, label string, before, after any) {
		c := Change{Kind: kind, Label: label, Action: "추가"}
		if v := reflect.ValueOf(before); v.Kind() == reflect.Pointer && !v.IsNil() {
			before = v.Elem().Interface()
			c.Fields = diffFields(before, after)
			c.Action = "수정"
			if len(c.Fields) == 0 {
				c.Action = "변경 없음"
			}
		}
		switch c.Action {
		case "추가":
			res.Added++
		case "수정":
			res.Changed++
		default:
			res.Unchanged++
		}
		res.Changes = append(res.Changes, c)
	}
	// Plans: match by district and year.
	for i := range b.Plans {
		p := &b.Plans[i]
		var before *Plan
		for j := range plans {
			if plans[j].District == p.District && plans[j].Year == p.Year {
				before = &plans[j]
				break
			}
		}
		if before != nil {
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
		others := peers(plans, b.Plans, i, p.ID, func(o Plan) uint64 { return o.ID },
			func(o Plan) bool { return o.District == p.District })
		for _, pr := range CheckPlan(*p, others, today, settings.Deadlines) {
			res.Problems = append(res.Problems, RecordProblem{Kind: "plan", Index: i, Problem: pr})
		}
		note("혁신계획", p.label(), before, *p)
	}
	// Consortia: match by district and year; the file's roster replaces the stored one.
	for i := range b.Platforms {
		p := &b.Platforms[i]
		var before *Platform
		for j := range platforms {
			if platforms[j].District == p.District && platforms[j].Year == p.Year {
				before = &platforms[j]
				break
			}
		}
		if before != nil {
			merged := *before
			merged.Members = p.Members
			*p = merged
		} else {
			// a consortium first met in a district's roster: the coordinator
			// fills in space and grant later
			if p.Name == "" {
				p.Name = PlatformName(p.District)
			}
			if p.Status == "" {
				p.Status = PlatformStatuses[0]
			}
			if p.Growth == 0 {
				p.Growth = 1
			}
		}
		others := peers(platforms, b.Platforms, i, p.ID, func(o Platform) uint64 { return o.ID },
			func(o Platform) bool { return o.District == p.District })
		for _, pr := range CheckPlatform(*p, others) {
			res.Problems = append(res.Problems, RecordProblem{Kind: "platform", Index: i, Problem: pr})
		}
		note("시민협력플랫폼", p.label(), before, *p)
	}
	// Sessions: match by year, course and number (or date and time).
	for i := range b.Sessions {
		x := &b.Sessions[i]
		if x.Year == 0 {
			x.Year = x.Date.Year()
		}
		if x.Status == "" {
			x.Status = "예정"
			if x.Attendance() > 0 {
				x.Status = "완료"
			}
		}
		var before *Session
		for j := range sessions {
			o := sessions[j]
			if o.Year == x.Year && o.Course == x.Course &&
				((x.Number > 0 && o.Number == x.Number) || (x.Number == 0 && o.Date == x.Date && o.Time == x.Time)) {
				before = &sessions[j]
				break
			}
		}
		if before != nil {
			x.ID = before.ID
			if x.Instructor == "" {
				x.Instructor = before.Instructor
			}
			if x.Note == "" {
				x.Note = before.Note
			}
		}
		others := peers(sessions, b.Sessions, i, x.ID, func(o Session) uint64 { return o.ID },
			func(o Session) bool { return o.Year == x.Year })
		for _, pr := range CheckSession(*x, others, courses) {
			res.Problems = append(res.Problems, RecordProblem{Kind: "session", Index: i, Problem: pr})
		}
		note("교육회차", x.label(), before, *x)
	}
	return res, nil
}

// peers are the records a rule compares one batch record with: the stored
// ones (but the one it replaces, except) and the batch's others.
func peers[T any](stored, batch []T, self int, except uint64, id func(T) uint64, same func(T) bool) []T {
	var out []T
	for _, o := range stored {
		if same(o) && (except == 0 || id(o) != except) {
			out = append(out, o)
		}
	}
	for j, o := range batch {
		if j != self && same(o) {
			out = append(out, o)
		}
	}
	return out
}

func keepSteps(file, stored []Step) []Step {
	if len(file) > 0 {
		return file
	}
	return stored
}

func orDate(a, b Date) Date {
	if a != "" {
		return a
	}
	return b
}

// diffFields lists the JSON fields that differ, ignoring id and updated.
func diffFields(before, after any) []FieldChange {
	var a, b map[string]json.RawMessage
	ra, _ := json.Marshal(before)
	rb, _ := json.Marshal(after)
	json.Unmarshal(ra, &a)
	json.Unmarshal(rb, &b)
	var keys []string
	for k := range b {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []FieldChange
	for _, k := range keys {
		if k == "id" || k == "updated" {
			continue
		}
		if string(a[k]) != string(b[k]) {
			out = append(out, FieldChange{Field: k, Before: string(a[k]), After: string(b[k])})
		}
	}
	return out
}
