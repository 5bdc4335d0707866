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
	// Now gives the current time; tests replace it.
	Now func() time.Time

	mu        sync.Mutex
	listeners []func()

	search searchCache // the search index of the last committed data
}

// Options say how to open a file.
type Options struct {
	// ReadOnly opens without taking the write lock.
	ReadOnly bool
	// NoBackup skips the automatic backup before a migration.
	NoBackup bool
}

// Open opens an existing database file, migrating it to SchemaVersion. A
// file held by another process fails within LockTimeout with ErrLocked.
func Open(path string, opt *Options) (*Store, error) {
	if opt == nil {
		opt = &Options{}
	}
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("데이터 파일을 열 수 없습니다: %s: %w", path, err)
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
		return nil, fmt.Errorf("%w: %s (%v)", ErrNotStore, path, err)
	}
	s = &Store{db: db, path: path, Now: time.Now}
	if opt.ReadOnly {
		if err := s.checkVersion(); err != nil {
			db.Close()
			return nil, err
		}
		return s, nil
	}
	if err := s.migrate(!opt.NoBackup); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// Create makes a new database file at path holding data. It refuses to
// overwrite an existing file.
func Create(path string, data Dataset) (*Store, error) {
	if _, err := os.Stat(path); err == nil {
		return nil, fmt.Errorf("이미 있는 파일입니다: %s (다른 이름을 쓰거나 먼저 지우세요)", path)
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("폴더를 만들 수 없습니다: %s: %w", dir, err)
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
