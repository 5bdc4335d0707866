package store

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	bolt "go.etcd.io/bbolt"

	"hyeopchi/store/value"
)

// Finding is one result of a whole-file check: where and what.
type Finding struct {
	Where   string `json:"where"`
	Message string `json:"message"`
	Warning bool   `json:"warning"`
}

func (f Finding) String() string {
	if f.Warning {
		return f.Where + ": 경고: " + f.Message
	}
	return f.Where + ": " + f.Message
}

// Findings is a list of findings.
type Findings []Finding

// Errors keeps the findings that are not warnings.
func (fs Findings) Errors() Findings {
	var out Findings
	for _, f := range fs {
		if !f.Warning {
			out = append(out, f)
		}
	}
	return out
}

// Check runs bbolt's own consistency check and every rule over every record.
func (s *Store) Check() (fs Findings, err error) {
	defer recoverDamage(s.path, &err)
	var out Findings
	err = s.view(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			out = append(out, Finding{Where: "파일", Message: "데이터 파일 손상: " + err.Error()})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	d, err := s.Export()
	if err != nil {
		return append(out, Finding{Where: "파일", Message: "기록을 읽을 수 없습니다: " + err.Error()}), nil
	}
	return append(out, CheckDataset(d, value.DateOf(s.Now()))...), nil
}

// CheckDataset runs the rules over a whole dataset.
func CheckDataset(d Dataset, today Date) Findings {
	var out Findings
	add := func(where string, ps Problems) {
		for _, p := range ps {
			out = append(out, Finding{Where: where, Message: p.Message, Warning: p.Warning})
		}
	}
	// the rules compare a record with its district's others, or a session
	// with those of its identity and its day and venue: found through maps,
	// never by scanning every record for every record
	year := d.Settings.CurrentYear
	if year == 0 {
		year = today.Year()
	}
	var oldOverdue []int
	plans := byDistrict(d.Plans, func(p Plan) string { return p.District })
	for _, p := range d.Plans {
		var others []Plan
		for _, o := range plans[p.District] {
			if o.ID != p.ID {
				others = append(others, o)
			}
		}
		ps, old := scopeDeadline(CheckPlan(p, others, today, d.Settings.Deadlines), p, year)
		if old {
			oldOverdue = append(oldOverdue, p.Year)
		}
		add("혁신계획 "+p.label(), ps)
	}
	if line := OldDeadlineLine(oldOverdue); line != "" {
		out = append(out, Finding{Where: "혁신계획", Message: line, Warning: true})
	}
	years := map[int]bool{}
	for _, p := range d.Plans {
		if !years[p.Year] {
			years[p.Year] = true
			add(fmt.Sprintf("혁신계획 %d년", p.Year), CheckPBDongsCity(d.Plans, p.Year))
		}
	}
	platforms := byDistrict(d.Platforms, func(p Platform) string { return p.District })
	for _, p := range d.Platforms {
		var others []Platform
		for _, o := range platforms[p.District] {
			if o.ID != p.ID {
				others = append(others, o)
			}
		}
		add("시민협력플랫폼 "+p.label(), CheckPlatform(p, others))
	}
	sessions := newSessionIndex(d.Sessions)
	for i, x := range d.Sessions {
		add("교육회차 "+x.label(), CheckSession(x, sessions.peers(x, sessions.keys[i], i, x.ID), d.Courses))
	}
	for _, e := range d.Events {
		add("행사 "+e.label(), CheckEvent(e))
	}
	for _, l := range d.BudgetLines {
		add("예산 "+l.label(), CheckBudgetLine(l, d.BudgetLines))
	}
	add("예산", CheckBudget(BudgetStatusOf(d, 0)))
	for _, m := range d.Milestones {
		add("일정 "+m.label(), CheckMilestone(m))
	}
	add("설정", CheckSettings(d.Settings))
	for _, x := range d.Districts {
		if !slices.Contains(Regions, x.Region) {
			out = append(out, Finding{Where: "자치구 " + x.Name, Message: fmt.Sprintf("권역 %q 이(가) %s 중 하나가 아닙니다", x.Region, strings.Join(Regions, ", "))})
		}
	}
	if len(d.Districts) != len(Districts) {
		out = append(out, Finding{Where: "자치구", Message: fmt.Sprintf("자치구가 %d개입니다 (25개여야 합니다)", len(d.Districts))})
	}
	return out
}

// CheckFile opens a database file read-only (a backup, a file to restore)
// and checks it. It never changes the file.
func CheckFile(path string) (fs Findings, err error) {
	defer recoverDamage(path, &err)
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("파일을 열 수 없습니다: %s: %w", path, err)
	}
	// bbolt would read a file with one bad meta page as of the transaction
	// before: a backup must be whole to be restored.
	if err := verifyMeta(path); err != nil {
		return nil, err
	}
	s, err := open(path, &Options{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	var v int
	if err := s.view(func(tx *bolt.Tx) error {
		for _, b := range allBuckets {
			if tx.Bucket(b) == nil && string(b) != string(bucketExports) {
				return fmt.Errorf("%w: %s (%s 없음)", ErrNotStore, path, b)
			}
		}
		var err error
		v, err = schemaOf(tx)
		return err
	}); err != nil {
		return nil, err
	}
	if v < 1 {
		return nil, fmt.Errorf("%w: %s", ErrNotStore, path)
	}
	return s.Check()
}

// ErrDamaged says a file's pages are broken.
var ErrDamaged = errors.New("데이터 파일이 손상되었습니다")

// recoverDamage turns bbolt's panic on a broken page into an error.
func recoverDamage(path string, err *error) {
	if r := recover(); r != nil {
		// bbolt's own words ("assertion failed", page numbers) mean
		// nothing to the coordinator; the way out does.
		*err = fmt.Errorf("%w: %s (내부 페이지를 읽을 수 없습니다). 백업에서 복원하세요: hyeopchi restore 백업파일 --db %s", ErrDamaged, path, path)
	}
}
