package store

import (
	"encoding/json"
	"time"

	bolt "go.etcd.io/bbolt"
)

// ExportEntry is one line of the export register: which report, for what,
// when, how many pages, and the file's sha256.
type ExportEntry struct {
	Seq      uint64    `json:"seq"`
	Report   string    `json:"report"`
	Year     int       `json:"year"`
	District string    `json:"district"`
	Format   string    `json:"format"` // pdf, xlsx
	Path     string    `json:"path"`
	Pages    int       `json:"pages"`
	SHA256   string    `json:"sha256"`
	When     time.Time `json:"when"`
}

// RecordExport adds an entry to the export register.
func (s *Store) RecordExport(e ExportEntry) error {
	return s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketExports)
		seq, err := b.NextSequence()
		if err != nil {
			return err
		}
		e.Seq = seq
		if e.When.IsZero() {
			e.When = s.Now()
		}
		raw, err := json.Marshal(e)
		if err != nil {
			return err
		}
		return b.Put(itob(seq), raw)
	})
}

// Exports lists the export register, newest first.
func (s *Store) Exports() ([]ExportEntry, error) {
	var out []ExportEntry
	err := s.view(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketExports).Cursor()
		for k, v := c.Last(); k != nil; k, v = c.Prev() {
			var e ExportEntry
			if err := json.Unmarshal(v, &e); err != nil {
				return err
			}
			out = append(out, e)
		}
		return nil
	})
	return out, err
}

// ReportData is everything a report is built from, read in one transaction.
type ReportData struct {
	Dataset
	Submissions []Submission
	Budget      []BudgetStatus
}

// ReportData reads the records a report needs.
func (s *Store) ReportData() (ReportData, error) {
	var r ReportData
	var err error
	if r.Dataset, err = s.Export(); err != nil {
		return r, err
	}
	if r.Submissions, err = s.Submissions(Filter{}); err != nil {
		return r, err
	}
	r.Budget, err = s.BudgetStatus(0)
	return r, err
}
