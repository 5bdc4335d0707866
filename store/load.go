package store

import (
	"fmt"
	"strings"

	bolt "go.etcd.io/bbolt"

	"hyeopchi/store/value"
)

// Load adds a whole dataset to the file in one transaction, after an
// automatic "import" backup: either every record is there afterwards or,
// on any error or a crash, none is. Records get new IDs; districts (by
// name) and the yearly school totals (by year) replace the stored ones;
// settings stay as they are. The rules run over the stored records and the
// new ones together, and any error refuses the whole load.
func (s *Store) Load(d Dataset, why string) (Findings, error) {
	if _, err := s.AutoBackup("import"); err != nil {
		return nil, fmt.Errorf("가져오기 전 백업을 만들 수 없습니다: %w", err)
	}
	var fs Findings
	err := s.update(func(tx *bolt.Tx) error {
		cur, err := exportTx(tx)
		if err != nil {
			return err
		}
		fs = CheckDataset(merge(cur, d), value.DateOf(s.Now()))
		if bad := fs.Errors(); len(bad) > 0 {
			var lines []string
			for i, f := range bad {
				if i == 5 {
					lines = append(lines, fmt.Sprintf("… 외 %d건", len(bad)-5))
					break
				}
				lines = append(lines, f.String())
			}
			return fmt.Errorf("%s: 오류 %d건으로 가져오지 않았습니다:\n  %s", why, len(bad), strings.Join(lines, "\n  "))
		}
		n := 0
		for _, r := range d.records() {
			if len(r.key()) == 8 {
				r.setID(0)
			}
			if err := putQuiet(tx, r); err != nil {
				return err
			}
			n++
		}
		return appendAudit(tx, s.Now(), AuditEntry{Action: "가져오기", Kind: "파일", Key: s.path,
			Label: fmt.Sprintf("%s %d건", why, n)})
	})
	return fs, err
}

// records lists every record of d for writing.
func (d *Dataset) records() []record {
	var recs []record
	recs = appendRecords(recs, d.Districts)
	recs = appendRecords(recs, d.Plans)
	recs = appendRecords(recs, d.Platforms)
	recs = appendRecords(recs, d.Courses)
	recs = appendRecords(recs, d.Sessions)
	recs = appendRecords(recs, d.SchoolYears)
	recs = appendRecords(recs, d.PlatformRounds)
	recs = appendRecords(recs, d.Events)
	recs = appendRecords(recs, d.BudgetLines)
	recs = appendRecords(recs, d.Milestones)
	return recs
}

// appendRecords adds a pointer to each of xs, in order, to recs.
func appendRecords[T any, P interface {
	*T
	record
}](recs []record, xs []T) []record {
	for i := range xs {
		recs = append(recs, P(&xs[i]))
	}
	return recs
}

// merge is cur with add's records added, as Load would store them.
func merge(cur, add Dataset) Dataset {
	out := cur
	byName := map[string]int{}
	for i, x := range cur.Districts {
		byName[x.Name] = i
	}
	out.Districts = append([]District{}, cur.Districts...)
	for _, x := range add.Districts {
		if i, ok := byName[x.Name]; ok {
			out.Districts[i] = x
		} else {
			out.Districts = append(out.Districts, x)
		}
	}
	// New records have no ID yet; give them ones no stored record has, so
	// that rules comparing "others" by ID tell them apart.
	next := uint64(1) << 62
	out.Plans = withNewIDs(cur.Plans, add.Plans, &next)
	out.Platforms = withNewIDs(cur.Platforms, add.Platforms, &next)
	out.Sessions = withNewIDs(cur.Sessions, add.Sessions, &next)
	out.Events = withNewIDs(cur.Events, add.Events, &next)
	out.BudgetLines = withNewIDs(cur.BudgetLines, add.BudgetLines, &next)
	out.Milestones = withNewIDs(cur.Milestones, add.Milestones, &next)
	out.Courses = append(append([]Course{}, cur.Courses...), add.Courses...)
	out.SchoolYears = append(append([]SchoolYear{}, cur.SchoolYears...), add.SchoolYears...)
	out.PlatformRounds = append(append([]PlatformRound{}, cur.PlatformRounds...), add.PlatformRounds...)
	return out
}

// withNewIDs is cur followed by add, each of add given the next stand-in ID.
func withNewIDs[T any, P interface {
	*T
	setID(uint64)
}](cur, add []T, next *uint64) []T {
	out := append([]T{}, cur...)
	for _, x := range add {
		P(&x).setID(*next)
		*next++
		out = append(out, x)
	}
	return out
}
