package store

import (
	"encoding/json"
	"time"

	bolt "go.etcd.io/bbolt"
)

func appendAudit(tx *bolt.Tx, now time.Time, e AuditEntry) error {
	b := tx.Bucket(bucketAudit)
	b.FillPercent = 1 // entries only ever append: fill the pages
	seq, err := b.NextSequence()
	if err != nil {
		return err
	}
	e.Seq = seq
	e.When = now
	raw, err := json.Marshal(e)
	if err != nil {
		return err
	}
	return b.Put(itob(seq), raw)
}

// AuditFilter narrows the audit log.
type AuditFilter struct {
	Kind  string    // record kind, "" = all
	Since time.Time // zero = from the start
	Until time.Time // zero = to now
	Text  string    // in label or key
	Limit int       // newest first; 0 = all
}

// Audit lists the change log, newest first.
func (s *Store) Audit(f AuditFilter) ([]AuditEntry, error) {
	var out []AuditEntry
	err := s.view(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketAudit).Cursor()
		for k, v := c.Last(); k != nil; k, v = c.Prev() {
			var e AuditEntry
			if err := json.Unmarshal(v, &e); err != nil {
				return err
			}
			if f.Kind != "" && e.Kind != f.Kind {
				continue
			}
			if !f.Since.IsZero() && e.When.Before(f.Since) {
				continue
			}
			if !f.Until.IsZero() && e.When.After(f.Until) {
				continue
			}
			if f.Text != "" && !containsFold(e.Label+" "+e.Key+" "+e.Kind, f.Text) {
				continue
			}
			out = append(out, e)
			if f.Limit > 0 && len(out) >= f.Limit {
				break
			}
		}
		return nil
	})
	return out, err
}
