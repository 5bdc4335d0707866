package store

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"hyeopchi/store/safefile"
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
// that a half-written copy never carries the final name. A path that is
// not a regular file (a device, a folder, a link) is refused.
func (s *Store) BackupTo(path string) error {
	return s.backupTo(path, "")
}

// backupTo writes the copy through a temporary file whose name starts with
// prefix ("" for safefile's own).
func (s *Store) backupTo(path, prefix string) error {
	if abs(path) == abs(s.path) {
		return fmt.Errorf("백업 파일은 지금 쓰는 데이터 파일과 달라야 합니다: %s", path)
	}
	if err := safefile.CheckTarget(path); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("백업 폴더를 만들 수 없습니다: %s: %s", filepath.Dir(path), safefile.Describe(err))
	}
	err := safefile.Write(path, safefile.Options{Perm: 0o600, TempPrefix: prefix}, func(w io.Writer) error {
		if s.damaged {
			// bbolt would copy the older transaction: keep the file as it is.
			f, err := os.Open(s.path)
			if err != nil {
				return err
			}
			defer f.Close()
			_, err = io.Copy(w, f)
			return err
		}
		_, err := s.Backup(w)
		return err
	})
	if err != nil {
		return fmt.Errorf("백업하지 못했습니다: %w", err)
	}
	return nil
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
// KeepBackups. reason goes into the file name: daily, import, restore,
// migrate (BackupReasons says them in Korean).
func (s *Store) AutoBackup(reason string) (string, error) {
	base := strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path))
	stamp := s.Now().Format(backupStamp)
	path := filepath.Join(s.BackupDir(), fmt.Sprintf("%s-%s-%s.db", base, stamp, reason))
	for n := 2; ; n++ { // two backups within a millisecond keep both
		if _, err := os.Stat(path); os.IsNotExist(err) {
			break
		}
		path = filepath.Join(s.BackupDir(), fmt.Sprintf("%s-%s-%s-%d.db", base, stamp, reason, n))
	}
	if err := s.backupTo(path, s.backupTempPrefix()); err != nil {
		return "", err
	}
	return path, s.pruneBackups()
}

// backupStamp is the time in a backup's name; names sort by it.
const backupStamp = "20060102-150405.000"

// BackupReasons says in Korean why an automatic backup was made.
var BackupReasons = map[string]string{
	"daily": "매일 첫 실행", "import": "가져오기 전", "restore": "복원 전", "migrate": "변환 전", "manual": "직접 백업",
}

// BackupInfo describes one file in backups/.
type BackupInfo struct {
	Path   string
	When   time.Time // from the name: when the copy was taken
	Reason string    // daily, import, restore, migrate, …
	Size   int64
}

// ReasonLabel is the backup's reason in Korean.
func (b BackupInfo) ReasonLabel() string {
	if l, ok := BackupReasons[b.Reason]; ok {
		return l
	}
	return b.Reason
}

// Backups lists the automatic backups of this file, newest first. Only
// names AutoBackup writes count, so that another file's backups in the
// same folder are neither listed nor pruned.
func (s *Store) Backups() ([]BackupInfo, error) {
	entries, err := os.ReadDir(s.BackupDir())
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	base := strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path))
	re := regexp.MustCompile(`^` + regexp.QuoteMeta(base) + `-(\d{8}-\d{6}\.\d{3})-([a-z]+)(-\d+)?\.db$`)
	var out []BackupInfo
	for _, e := range entries {
		m := re.FindStringSubmatch(e.Name())
		if e.IsDir() || m == nil {
			continue
		}
		when, err := time.ParseInLocation(backupStamp, m[1], time.Local)
		if err != nil {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, BackupInfo{Path: filepath.Join(s.BackupDir(), e.Name()), When: when, Reason: m[2], Size: info.Size()})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].When.Equal(out[j].When) {
			return out[i].When.After(out[j].When)
		}
		return out[i].Path > out[j].Path
	})
	return out, nil
}

// staleTemp is how old a half-written backup (a process killed while
// copying) must be before pruning removes it; a younger one may be
// another file's backup in progress.
const staleTemp = time.Hour

func (s *Store) pruneBackups() error {
	bs, err := s.Backups()
	if err != nil {
		return err
	}
	for i := KeepBackups; i < len(bs); i++ {
		os.Remove(bs[i].Path) // best effort: a backup left over is pruned next time
	}
	// best effort too: ReadDir returns what it read before an error, and a
	// temporary file not removed now is removed next time
	entries, _ := os.ReadDir(s.BackupDir())
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".backup-") {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleTemp {
			os.Remove(filepath.Join(s.BackupDir(), e.Name()))
		}
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
		if b.When.Format("20060102") == today {
			return "", nil
		}
	}
	return s.AutoBackup("daily")
}

// LastBackup is the newest backup's time, zero if none.
func (s *Store) LastBackup() time.Time {
	bs, _ := s.Backups() // a backup folder that cannot be read has no backup to show
	if len(bs) == 0 {
		return time.Time{}
	}
	return bs[0].When
}

// Restore replaces the data with the file at src after checking it (bbolt
// check, schema version, rules); the current data is kept as a backup first.
// On any error the current data stays as it was. The candidate is copied
// beside the live file before anything else, so that the backup's pruning
// cannot remove src (the oldest backup) and what is checked is what is
// swapped in.
func (s *Store) Restore(src string) error {
	if s.readOnly {
		return s.errReadOnly()
	}
	if abs(src) == abs(s.path) {
		return fmt.Errorf("지금 쓰는 데이터 파일로는 복원할 수 없습니다: %s", src)
	}
	in, info, err := safefile.OpenRegular(src)
	if err != nil {
		return fmt.Errorf("복원할 수 없습니다: %w", err)
	}
	defer in.Close()
	if info.Size() == 0 {
		return fmt.Errorf("복원할 수 없습니다: %s: 빈 파일입니다", src)
	}
	tmp := s.restoreTemp()
	if err := copyExactly(in, info.Size(), tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("복원할 수 없습니다: %s: %w", src, err)
	}
	defer os.Remove(tmp)
	findings, err := CheckFile(tmp)
	if err != nil {
		return fmt.Errorf("복원할 수 없습니다: %s: %w", src, err)
	}
	if bad := Findings(findings).Errors(); len(bad) > 0 {
		return fmt.Errorf("복원할 수 없습니다: %s: %d건의 오류 (첫 오류: %s)", src, len(bad), bad[0])
	}
	if _, err := s.AutoBackup("restore"); err != nil {
		return fmt.Errorf("복원 전 백업을 만들 수 없습니다: %w", err)
	}
	if err := s.db.Close(); err != nil {
		return err
	}
	renameErr := os.Rename(tmp, s.path)
	if renameErr != nil {
		renameErr = fmt.Errorf("%s 을(를) %s (으)로 바꿀 수 없습니다: %s", tmp, s.path, safefile.Describe(renameErr))
	}
	db, err := bolt.Open(s.path, 0o600, &bolt.Options{Timeout: LockTimeout})
	if err != nil {
		return fmt.Errorf("복원 후 파일을 다시 열 수 없습니다: %s: %s", s.path, safefile.Describe(err))
	}
	s.db = db
	if renameErr == nil {
		s.damaged = false
	}
	if renameErr != nil {
		return fmt.Errorf("복원할 수 없습니다: %w", renameErr)
	}
	if err := s.migrate(false); err != nil {
		return err
	}
	return s.update(func(tx *bolt.Tx) error {
		return appendAudit(tx, s.Now(), AuditEntry{Action: "복원", Kind: "파일", Key: s.path, Label: "복원: " + src})
	})
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

// copyExactly copies the size bytes a file claims to a new file at dst,
// never more: a file that grows while it is read (or lies) cannot fill the
// disk, and one that shrinks is an error.
func copyExactly(in io.Reader, size int64, dst string) error {
	if err := os.Remove(dst); err != nil && !os.IsNotExist(err) {
		return fmt.Errorf("%s 을(를) 지울 수 없습니다: %s", dst, safefile.Describe(err))
	}
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("%s 을(를) 만들 수 없습니다: %s", dst, safefile.Describe(err))
	}
	n, err := io.Copy(out, io.LimitReader(in, size))
	if err == nil && n != size {
		err = fmt.Errorf("파일이 %d바이트라고 하지만 %d바이트만 읽었습니다", size, n)
	}
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("%s 에 복사할 수 없습니다: %s", dst, safefile.Describe(err))
	}
	return nil
}

// restoreTemp is where a file to restore is copied and checked before it
// replaces the data file.
func (s *Store) restoreTemp() string { return s.path + ".restore" }

// backupTempPrefix starts the temporary files of this data file's
// automatic backups: only the process holding the file writes them, so a
// leftover one is from a process that was killed.
func (s *Store) backupTempPrefix() string { return ".backup-" + filepath.Base(s.path) + "-" }

// removeLeftovers deletes what a killed process left while writing this
// file's backups or restoring into it. Only the holder of the write lock
// calls it.
func (s *Store) removeLeftovers() {
	os.Remove(s.restoreTemp())
	entries, _ := os.ReadDir(s.BackupDir()) // best effort: what is not removed now is removed at the next open
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), s.backupTempPrefix()) && e.Type().IsRegular() {
			os.Remove(filepath.Join(s.BackupDir(), e.Name()))
		}
	}
}
