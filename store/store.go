package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"hyeopchi/store/safefile"
)

// SchemaVersion is the layout this build writes. Each older version has a
// migration step in migrations.go.
const SchemaVersion = 2

// LockTimeout is how long Open waits for a file another process holds.
const LockTimeout = time.Second

var (
	bucketMeta        = []byte("meta")
	bucketDistricts   = []byte("districts")
	bucketPlans       = []byte("plans")
	bucketPlatforms   = []byte("platforms")
	bucketCourses     = []byte("courses")
	bucketSessions    = []byte("sessions")
	bucketSchoolYears = []byte("school_years")
	bucketEvents      = []byte("events")
	bucketSubmissions = []byte("submissions")
	bucketFiles       = []byte("files")
	bucketBudget      = []byte("budget")
	bucketMilestones  = []byte("milestones")
	bucketAudit       = []byte("audit")
	bucketExports     = []byte("exports")
	keySchema         = []byte("schema")
	keySettings       = []byte("settings")
	keyCreated        = []byte("created")
)

var allBuckets = [][]byte{
	bucketMeta, bucketDistricts, bucketPlans, bucketPlatforms, bucketCourses,
	bucketSessions, bucketSchoolYears, bucketEvents, bucketSubmissions,
	bucketFiles, bucketBudget, bucketMilestones, bucketAudit, bucketExports,
}

// Errors a caller may want to tell apart; their text is for people.
var (
	ErrLocked   = errors.New("데이터 파일이 다른 프로그램에서 사용 중입니다")
	ErrTooNew   = errors.New("이 데이터 파일은 더 새로운 버전의 프로그램으로 만들어졌습니다")
	ErrNotFound = errors.New("기록을 찾을 수 없습니다")
	ErrNotStore = errors.New("협치 사무국 데이터 파일이 아닙니다")
)

// Store is an open hyeopchi database file.
type Store struct {
	db   *bolt.DB
	path string
	// readOnly: opened without the write lock; nothing may be written.
	readOnly bool
	// damaged: a meta page is invalid (opened for a restore only).
	damaged bool
	// Now gives the current time; tests replace it.
	Now func() time.Time

	mu        sync.Mutex
	listeners []func()

	search searchCache // the search index of the last committed data
}

// Options say how to open a file.
type Options struct {
	// ReadOnly opens without taking the write lock and without writing:
	// a file the user may not write (chmod 444) opens for reading.
	ReadOnly bool
	// NoBackup skips the automatic backup before a migration.
	NoBackup bool
	// Damaged opens a file whose meta page is damaged, for a restore
	// over it only.
	Damaged bool
}

// ErrNoFile says the data file does not exist; only init and the window's
// first run make one.
var ErrNoFile = errors.New("데이터 파일이 없습니다")

// ErrReadOnly says the data file may be read but not written.
var ErrReadOnly = errors.New("데이터 파일이 읽기 전용입니다")

// Open opens an existing database file, migrating it to SchemaVersion. A
// file held by another process fails within LockTimeout with ErrLocked. A
// missing or empty file is never made here (Create does that), and a file
// with a damaged meta page is refused with the newest backup named.
func Open(path string, opt *Options) (*Store, error) {
	if opt == nil {
		opt = &Options{}
	}
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("%w: %s (새 파일은 hyeopchi init 으로 만듭니다)", ErrNoFile, path)
	case err != nil:
		return nil, fmt.Errorf("데이터 파일을 열 수 없습니다: %s: %s", path, safefile.Describe(err))
	case info.IsDir():
		return nil, fmt.Errorf("%w: %s 은(는) 폴더입니다", ErrNotStore, path)
	case !info.Mode().IsRegular():
		return nil, fmt.Errorf("%w: %s 은(는) 일반 파일이 아닙니다", ErrNotStore, path)
	case info.Size() == 0:
		return nil, fmt.Errorf("%w: %s 은(는) 빈 파일입니다 (새 파일은 지운 뒤 hyeopchi init 으로 만듭니다)", ErrNotStore, path)
	}
	if !opt.ReadOnly {
		f, err := os.OpenFile(path, os.O_RDWR, 0)
		if errors.Is(err, os.ErrPermission) {
			return nil, fmt.Errorf("%w: %s (바꾸려면 파일의 읽기 전용 속성을 풀거나 쓸 권한을 받으세요. 보기만 하는 list, check, backup, export 는 쓸 수 있습니다)", ErrReadOnly, path)
		}
		if err != nil {
			return nil, fmt.Errorf("데이터 파일을 열 수 없습니다: %s: %s", path, safefile.Describe(err))
		}
		f.Close()
	}
	if err := verifyMeta(path); err != nil && !(opt.Damaged && errors.Is(err, ErrMetaDamaged)) {
		if errors.Is(err, ErrMetaDamaged) {
			return nil, fmt.Errorf("%w. %s", err, restoreHint(path))
		}
		return nil, err
	}
	return open(path, opt)
}

func open(path string, opt *Options) (s *Store, err error) {
	defer recoverDamage(path, &err)
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: LockTimeout, ReadOnly: opt.ReadOnly, InitialMmapSize: initialMmapSize()})
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, fmt.Errorf("%w: %s", ErrLocked, path)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %s (%s)", ErrNotStore, path, boltTrouble(err))
	}
	s = &Store{db: db, path: path, Now: time.Now, readOnly: opt.ReadOnly}
	if opt.ReadOnly {
		if err := s.checkVersion(); err != nil {
			db.Close()
			return nil, err
		}
		return s, nil
	}
	s.damaged = opt.Damaged && errors.Is(verifyMeta(path), ErrMetaDamaged)
	s.removeLeftovers()
	if err := s.migrate(!opt.NoBackup); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

func (s *Store) errReadOnly() error {
	return fmt.Errorf("%w: %s (읽기 전용으로 열었습니다: 바꾸는 명령은 쓸 수 있는 파일에서 하세요)", ErrReadOnly, s.path)
}

// ReadOnly reports whether the file was opened for reading only.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Create makes a new database file at path holding data. It refuses to
// overwrite an existing file.
func Create(path string, data Dataset) (*Store, error) {
	if _, err := os.Lstat(path); err == nil {
		return nil, fmt.Errorf("이미 있는 파일입니다: %s (다른 이름을 쓰거나 먼저 지우세요)", path)
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("폴더를 만들 수 없습니다: %s: %s", dir, safefile.Describe(err))
		}
	}
	s, err := open(path, &Options{NoBackup: true})
	if err != nil {
		return nil, err
	}
	if err := s.load(data, "초기 자료"); err != nil {
		s.Close()
		os.Remove(path)
		return nil, err
	}
	return s, nil
}

// Close releases the file.
func (s *Store) Close() error { return s.db.Close() }

// Path is the file's path.
func (s *Store) Path() string { return s.path }

// OnChange registers fn to be called after every committed change.
func (s *Store) OnChange(fn func()) {
	s.mu.Lock()
	s.listeners = append(s.listeners, fn)
	s.mu.Unlock()
}

func (s *Store) changed() {
	s.mu.Lock()
	ls := append([]func(){}, s.listeners...)
	s.mu.Unlock()
	for _, fn := range ls {
		fn()
	}
}

// update runs fn in one write transaction and tells listeners afterwards.
func (s *Store) update(fn func(tx *bolt.Tx) error) error {
	if s.readOnly {
		return s.errReadOnly()
	}
	if err := s.db.Update(fn); err != nil {
		return err
	}
	s.changed()
	return nil
}

func (s *Store) view(fn func(tx *bolt.Tx) error) error { return s.db.View(fn) }

func (s *Store) checkVersion() error {
	return s.view(func(tx *bolt.Tx) error {
		v, err := schemaOf(tx)
		if err != nil {
			return err
		}
		if v > SchemaVersion {
			return fmt.Errorf("%w (파일 버전 %d, 프로그램 버전 %d): %s", ErrTooNew, v, SchemaVersion, s.path)
		}
		return nil
	})
}

func schemaOf(tx *bolt.Tx) (int, error) {
	m := tx.Bucket(bucketMeta)
	if m == nil {
		return 0, nil
	}
	b := m.Get(keySchema)
	if b == nil {
		return 0, nil
	}
	var v int
	if err := json.Unmarshal(b, &v); err != nil {
		return 0, fmt.Errorf("%w: 스키마 버전을 읽을 수 없습니다", ErrNotStore)
	}
	return v, nil
}

func itob(v uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, v)
	return b
}

func btoi(b []byte) uint64 {
	if len(b) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(b)
}

// boltTrouble says in Korean why bbolt would not open a file.
func boltTrouble(err error) string {
	switch {
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrChecksum):
		return "bbolt 파일의 표지가 없거나 손상되었습니다"
	case errors.Is(err, berrors.ErrVersionMismatch):
		return "다른 버전의 bbolt 파일입니다"
	case errors.Is(err, berrors.ErrInvalidMapping):
		return "파일을 메모리에 올릴 수 없습니다 (파일이 잘렸을 수 있습니다)"
	}
	return safefile.Describe(err)
}
