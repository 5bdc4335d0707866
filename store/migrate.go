package store

import (
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// migrations[v] turns a version-v file into version v+1, inside the same
// transaction as the version bump.
var migrations = map[int]func(tx *bolt.Tx) error{
	0: migrateEmpty,
	1: migrateRegions,
}

// migrateEmpty lays out a new, empty file.
func migrateEmpty(tx *bolt.Tx) error {
	for _, b := range allBuckets {
		if _, err := tx.CreateBucketIfNotExists(b); err != nil {
			return err
		}
	}
	return nil
}

// migrateRegions: version 1 kept districts without a 권역 and had no
// settings or export register. Version 2 gives every district its default
// region and the office its default settings.
func migrateRegions(tx *bolt.Tx) error {
	if err := migrateEmpty(tx); err != nil {
		return err
	}
	b := tx.Bucket(bucketDistricts)
	for _, name := range Districts {
		var d District
		if raw := b.Get([]byte(name)); raw != nil {
			if err := json.Unmarshal(raw, &d); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
		}
		d.Name = name
		if d.Region == "" {
			d.Region = DefaultRegion[name]
		}
		raw, err := json.Marshal(d)
		if err != nil {
			return err
		}
		if err := b.Put([]byte(name), raw); err != nil {
			return err
		}
	}
	m := tx.Bucket(bucketMeta)
	if m.Get(keySettings) == nil {
		raw, err := json.Marshal(DefaultSettings())
		if err != nil {
			return err
		}
		if err := m.Put(keySettings, raw); err != nil {
			return err
		}
	}
	return nil
}

// migrate brings the file to SchemaVersion, one step per version, after a
// backup when the file already held data.
func (s *Store) migrate(backup bool) error {
	var v int
	if err := s.view(func(tx *bolt.Tx) error {
		var err error
		v, err = schemaOf(tx)
		return err
	}); err != nil {
		return err
	}
	if v > SchemaVersion {
		return fmt.Errorf("%w (파일 버전 %d, 프로그램 버전 %d): %s", ErrTooNew, v, SchemaVersion, s.path)
	}
	if v == SchemaVersion {
		return nil
	}
	if backup && v > 0 {
		if _, err := s.AutoBackup("migrate"); err != nil {
			return fmt.Errorf("변환 전 백업을 만들 수 없습니다: %w", err)
		}
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		from := v
		for ; v < SchemaVersion; v++ {
			step, ok := migrations[v]
			if !ok {
				return fmt.Errorf("버전 %d 파일을 변환하는 방법이 없습니다", v)
			}
			if err := step(tx); err != nil {
				return fmt.Errorf("버전 %d → %d 변환 실패: %w", v, v+1, err)
			}
		}
		raw, err := json.Marshal(SchemaVersion)
		if err != nil {
			return err
		}
		if err := tx.Bucket(bucketMeta).Put(keySchema, raw); err != nil {
			return err
		}
		if from > 0 {
			return appendAudit(tx, s.Now(), AuditEntry{Action: "변환", Kind: "파일",
				Key: s.path, Label: fmt.Sprintf("스키마 %d → %d", from, SchemaVersion)})
		}
		return nil
	})
}
