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
	Text  string    // every word in the label, key or kind (Query)
	Limit int       // newest first; 0 = all
	// WithContacts gives contacts as entered, for a caller that masks
	// them itself or was asked for them (an audit bundle --with-contacts).
	WithContacts bool
}

// Audit lists the change log, newest first, with contacts masked unless
// f.WithContacts.
func (s *Store) Audit(f AuditFilter) ([]AuditEntry, error) {
	var out []AuditEntry
	q := NewQuery(f.Text)
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
			if !q.Match(e.Label, e.Key, e.Kind) {
				continue
			}
			// The log is read to be shown: personal data never leaves it whole.
			if !f.WithContacts {
				e.Before, e.After = MaskRecordJSON(e.Before), MaskRecordJSON(e.After)
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
