package store

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// KeepBackups is how many automatic backups are kept in backups/.
const KeepBackups = 30

// Backup writes a consistent copy of the whole file to w while the program
// runs (bbolt's snapshot inside a read transaction).
func (s *Store) Backup(w io.Writer) (int64, error) {
	var n int64
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		n, err = tx.WriteTo(w)
		return err
	})
	return n, err
}

// BackupTo writes a consistent copy to path, through a temporary file so
// that a half-written copy never carries the final name.
func (s *Store) BackupTo(path string) error {
	if abs(path) == abs(s.path) {
		return fmt.Errorf("백업 파일은 지금 쓰는 데이터 파일과 달라야 합니다: %s", path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("백업 폴더를 만들 수 없습니다: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".backup-*")
	if err != nil {
		return fmt.Errorf("백업 파일을 만들 수 없습니다: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := s.Backup(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("백업 중 오류: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func abs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return a
}

// BackupDir is the backups/ folder beside the database file.
func (s *Store) BackupDir() string { return filepath.Join(filepath.Dir(s.path), "backups") }

// AutoBackup writes a dated backup into backups/ and keeps the newest
// KeepBackups. reason goes into the file name: daily, import, restore, migrate.
func (s *Store) AutoBackup(reason string) (string, error) {
	base := strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path))
	name := fmt.Sprintf("%s-%s-%s.db", base, s.Now().Format("20060102-150405.000"), reason)
	path := filepath.Join(s.BackupDir(), name)
	if err := s.BackupTo(path); err != nil {
		return "", err
	}
	return path, s.pruneBackups()
}

// BackupInfo describes one file in backups/.
type BackupInfo struct {
	Path string
	When time.Time
	Size int64
}

// Backups lists the automatic backups, newest first.
func (s *Store) Backups() ([]BackupInfo, error) {
	entries, err := os.ReadDir(s.BackupDir())
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	base := strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path)) + "-"
	var out []BackupInfo
	for _, e := range entries {
		if e.IsDir() || !strings.HasPrefix(e.Name(), base) || !strings.HasSuffix(e.Name(), ".db") {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, BackupInfo{Path: filepath.Join(s.BackupDir(), e.Name()), When: info.ModTime(), Size: info.Size()})
	}
	sort.Slice(out, func(i, j int) bool { return filepath.Base(out[i].Path) > filepath.Base(out[j].Path) })
	return out, nil
}

func (s *Store) pruneBackups() error {
	bs, err := s.Backups()
	if err != nil {
		return err
	}
	for i := KeepBackups; i < len(bs); i++ {
		os.Remove(bs[i].Path)
	}
	return nil
}

// DailyBackup makes the day's first backup if none was made today.
func (s *Store) DailyBackup() (string, error) {
	bs, err := s.Backups()
	if err != nil {
		return "", err
	}
	today := s.Now().Format("20060102")
	for _, b := range bs {
		if strings.Contains(filepath.Base(b.Path), "-"+today+"-") {
			return "", nil
		}
	}
	return s.AutoBackup("daily")
}

// LastBackup is the newest backup's time, zero if none.
func (s *Store) LastBackup() time.Time {
	bs, _ := s.Backups()
	if len(bs) == 0 {
		return time.Time{}
	}
	return bs[0].When
}

// Restore replaces the data with the file at src after checking it (bbolt
// check, schema version, rules); the current data is kept as a backup first.
// On any error the current data stays as it was.
func (s *Store) Restore(src string) error {
	if abs(src) == abs(s.path) {
		return fmt.Errorf("지금 쓰는 데이터 파일로는 복원할 수 없습니다: %s", src)
	}
	findings, err := CheckFile(src)
	if err != nil {
		return fmt.Errorf("복원할 수 없습니다: %w", err)
	}
	if bad := Findings(findings).Errors(); len(bad) > 0 {
		return fmt.Errorf("복원할 수 없습니다: %s: %d건의 오류 (첫 오류: %s)", src, len(bad), bad[0])
	}
	if _, err := s.AutoBackup("restore"); err != nil {
		return fmt.Errorf("복원 전 백업을 만들 수 없습니다: %w", err)
	}
	// Copy the candidate beside the live file, then swap it in by rename.
	tmp := s.path + ".restore"
	if err := copyFile(src, tmp); err != nil {
		return fmt.Errorf("복원 파일을 복사할 수 없습니다: %w", err)
	}
	defer os.Remove(tmp)
	if err := s.db.Close(); err != nil {
		return err
	}
	renameErr := os.Rename(tmp, s.path)
	db, err := bolt.Open(s.path, 0o600, &bolt.Options{Timeout: LockTimeout})
	if err != nil {
		return fmt.Errorf("복원 후 파일을 다시 열 수 없습니다: %w", err)
	}
	s.db = db
	if renameErr != nil {
		return fmt.Errorf("복원할 수 없습니다: %w", renameErr)
	}
	if err := s.migrate(false); err != nil {
		return err
	}
	err = s.update(func(tx *bolt.Tx) error {
		return appendAudit(tx, s.Now(), AuditEntry{Action: "복원", Kind: "파일", Key: s.path, Label: "복원: " + src})
	})
	return err
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
