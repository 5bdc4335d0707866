package store

import (
	"encoding/json"
	"time"

	bolt "go.etcd.io/bbolt"
)

// FileIdentity says which data file, in which state, something was made
// from: its path, when it was created, its schema and its last change.
type FileIdentity struct {
	Path       string
	Created    time.Time // zero for a file made before the stamp was kept
	Schema     int
	LastSeq    uint64    // the audit log's last entry, 0 when it is empty
	LastChange time.Time // that entry's time
}

// Identity reads the file's identity in one read transaction.
func (s *Store) Identity() (FileIdentity, error) {
	id := FileIdentity{Path: s.path}
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		if id.Schema, err = schemaOf(tx); err != nil {
			return err
		}
		if raw := tx.Bucket(bucketMeta).Get(keyCreated); raw != nil {
			if err := json.Unmarshal(raw, &id.Created); err != nil {
				id.Created = time.Time{} // an unreadable stamp is an unknown one
			}
		}
		k, v := tx.Bucket(bucketAudit).Cursor().Last()
		if k == nil {
			return nil
		}
		var e AuditEntry
		if err := json.Unmarshal(v, &e); err != nil {
			return err
		}
		id.LastSeq, id.LastChange = e.Seq, e.When
		return nil
	})
	return id, err
}
