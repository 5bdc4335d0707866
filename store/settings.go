package store

import (
	"encoding/json"

	bolt "go.etcd.io/bbolt"
)

// DefaultSettings are the office's settings before the coordinator changes them.
func DefaultSettings() Settings { return seedSettings() }

func getSettings(tx *bolt.Tx) (Settings, error) {
	raw := tx.Bucket(bucketMeta).Get(keySettings)
	if raw == nil {
		return DefaultSettings(), nil
	}
	var st Settings
	err := json.Unmarshal(raw, &st)
	return st, err
}

func putSettings(tx *bolt.Tx, st Settings) error {
	if st.Office == "" && len(st.ApprovalLine) == 0 {
		st = DefaultSettings()
	}
	raw, err := json.Marshal(st)
	if err != nil {
		return err
	}
	return tx.Bucket(bucketMeta).Put(keySettings, raw)
}

// Settings reads the office's settings.
func (s *Store) Settings() (Settings, error) {
	var st Settings
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		st, err = getSettings(tx)
		return err
	})
	return st, err
}

// SaveSettings stores the office's settings and logs the change.
func (s *Store) SaveSettings(st Settings) error {
	return s.update(func(tx *bolt.Tx) error {
		before, _ := getSettings(tx)
		if err := putSettings(tx, st); err != nil {
			return err
		}
		b, _ := json.Marshal(before)
		a, _ := json.Marshal(st)
		if string(a) == string(b) {
			return nil
		}
		return appendAudit(tx, s.Now(), AuditEntry{Action: "수정", Kind: "설정", Key: "meta/settings",
			Label: "설정", Before: string(b), After: string(a)})
	})
}
