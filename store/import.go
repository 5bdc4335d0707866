package store

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"hyeopchi/store/value"
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
// with ID 0 are matched to stored ones by their identity (identity.go): a
// plan or a consortium by district and year, a session by year, district,
// course and number (or date and time when it has no number).
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
	// OldOverdue lists the years of plans whose main plan is overdue in a
	// year before the programme year: counted, not warned one by one.
	OldOverdue []int
}

// Import checks a batch against the rules and, unless dryRun, writes it
// all in one transaction with one submission per file, after a backup.
// Any rule error writes nothing. A batch that changes no record writes
// nothing either, so importing the same file twice changes nothing.
func (s *Store) Import(b ImportBatch, dryRun bool) (ImportResult, error) {
	var res ImportResult
	planned := 0 // the transaction the plan read
	plan := func(tx *bolt.Tx) error {
		var err error
		res, err = s.planImport(tx, b)
		planned = tx.ID()
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
		// Plan again inside the write transaction if another one wrote
		// since the plan was made (a write transaction's ID is the last
		// committed one's + 1).
		r := res
		if tx.ID() != planned+1 {
			var err error
			if r, err = s.planImport(tx, b); err != nil {
				return err
			}
		}
		if hasErrors(r.Problems) {
			return fmt.Errorf("가져오는 중 자료가 바뀌어 규칙 오류가 생겼습니다: 다시 시도하세요")
		}
		now := s.Now()
		for _, name := range [][]byte{bucketPlans, bucketPlatforms, bucketSessions} {
			// new records take the next IDs, at the end: fill the pages
			tx.Bucket(name).FillPercent = 0.9
		}
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
			sub, known, err := receive(tx, now, f, SubmissionConfirmed, nil, describe(r))
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
		sub, _, err = receive(tx, s.Now(), f, SubmissionCorrection, problems, "")
		return err
	})
	return sub, err
}

// receive stores the file's bytes and its submission; known reports a
// file already received with the same content.
func receive(tx *bolt.Tx, now time.Time, f ImportFile, status SubmissionStatus, problems []string, note string) (Submission, bool, error) {
	sum := sha256.Sum256(f.Data)
	hash := hex.EncodeToString(sum[:])
	subs, err := all[Submission](tx, bucketSubmissions)
	if err != nil {
		return Submission{}, false, err
	}
	for _, x := range subs {
		if x.SHA256 == hash && x.FileName == f.Name && (x.Status == status || x.Status == SubmissionConfirmed) {
			return x, true, nil
		}
	}
	if err := tx.Bucket(bucketFiles).Put([]byte(hash), f.Data); err != nil {
		return Submission{}, false, err
	}
	sub := Submission{
		District: strings.Join(f.Districts, ","), Kind: strings.Join(f.Kinds, ","),
		Received: value.DateOf(now), FileName: f.Name, Size: int64(len(f.Data)), SHA256: hash,
		Status: status, Errors: problems, Note: note, Updated: now,
	}
	if len(f.Years) > 0 {
		sub.Year = f.Years[0]
	}
	if sub.Due, err = dueDate(tx, sub); err != nil {
		return Submission{}, false, err
	}
	return sub, false, put(tx, now, &sub)
}

// dueDate is the deadline milestone of the submission's kind and year.
func dueDate(tx *bolt.Tx, sub Submission) (Date, error) {
	ms, err := all[Milestone](tx, bucketMilestones)
	if err != nil {
		return "", err
	}
	var due Date
	for _, m := range ms {
		if m.Deadline && m.Kind != "" && strings.Contains(sub.Kind, m.Kind) && (sub.Year == 0 || m.Year == sub.Year || m.Year == sub.Year+1) {
			if due == "" || m.End < due {
				due = m.End
			}
		}
	}
	return due, nil
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
		return fmt.Errorf("상태 %q 을(를) 알 수 없습니다 (%s)", x.Status, strings.Join(Labels(SubmissionStatuses), ", "))
	}
	x.Updated = s.Now()
	return s.update(func(tx *bolt.Tx) error { return put(tx, s.Now(), x) })
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
