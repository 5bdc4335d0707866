package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"time"

	"hyeopchi/store/safefile"
)

// bbolt keeps two meta pages (pages 0 and 1) and writes them in turn, one
// per commit. When one is damaged bbolt silently opens the file on the
// other: the transaction before the last. verifyMeta reads both pages
// itself, so that such a file is refused with a word instead of served
// without its last change.

const (
	boltMagic      = 0xED0CDAED
	boltVersion    = 2
	boltMetaFlag   = 0x04 // the page header's flag for a meta page
	pageHeaderSize = 16
	metaSumEnd     = 56 // the checksum covers the meta's bytes before it
	metaSize       = 64
)

// ErrMetaDamaged says one of the file's two meta pages is invalid.
var ErrMetaDamaged = errors.New("데이터 파일의 첫 부분(메타 페이지)이 손상되었습니다")

// metaPage is one meta page as read from the file.
type metaPage struct {
	ok       bool
	pageSize uint32
	txid     uint64
}

func readMetaPage(b []byte, id uint64) metaPage {
	if len(b) < pageHeaderSize+metaSize {
		return metaPage{}
	}
	le := binary.LittleEndian
	if le.Uint64(b[0:8]) != id || le.Uint16(b[8:10])&boltMetaFlag == 0 {
		return metaPage{}
	}
	m := b[pageHeaderSize : pageHeaderSize+metaSize]
	if le.Uint32(m[0:4]) != boltMagic || le.Uint32(m[4:8]) != boltVersion {
		return metaPage{}
	}
	h := fnv.New64a()
	h.Write(m[:metaSumEnd])
	if h.Sum64() != le.Uint64(m[metaSumEnd:metaSize]) {
		return metaPage{}
	}
	return metaPage{ok: true, pageSize: le.Uint32(m[8:12]), txid: le.Uint64(m[48:56])}
}

// verifyMeta checks both meta pages of the bbolt file at path. A file
// whose pages are both unreadable is no data file; one with a single bad
// page is ErrMetaDamaged.
func verifyMeta(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("데이터 파일을 열 수 없습니다: %s: %s", path, safefile.Describe(err))
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("%w: %s (%s)", ErrNotStore, path, safefile.Describe(err))
	}
	m0 := readMetaPage(head[:n], 0)
	bad := -1
	var m1 metaPage
	if m0.ok {
		m1 = readPageAt(f, int64(m0.pageSize), 1)
		if !m1.ok {
			bad = 1
		}
	} else {
		// Page 0 gave no page size: look for page 1 at each size bbolt uses.
		for size := int64(1024); size <= 65536; size *= 2 {
			if m1 = readPageAt(f, size, 1); m1.ok && int64(m1.pageSize) == size {
				break
			}
		}
		if !m1.ok {
			return fmt.Errorf("%w: %s (bbolt 파일의 표지가 없습니다)", ErrNotStore, path)
		}
		bad = 0
	}
	if bad < 0 {
		return nil
	}
	return fmt.Errorf("%w: %s (메타 페이지 %d 이상). 이대로 열면 마지막 변경이 빠진 예전 상태가 보이므로 열지도 쓰지도 않습니다",
		ErrMetaDamaged, path, bad)
}

func readPageAt(f *os.File, pageSize, id int64) metaPage {
	if pageSize < 1024 || pageSize > 1<<20 {
		return metaPage{}
	}
	b := make([]byte, pageHeaderSize+metaSize)
	if _, err := f.ReadAt(b, pageSize*id); err != nil {
		return metaPage{}
	}
	return readMetaPage(b, uint64(id))
}

// restoreHint points to the newest automatic backup of the file at path
// and the command that restores it.
func restoreHint(path string) string {
	s := &Store{path: path, Now: time.Now}
	bs, _ := s.Backups() // a backup folder that cannot be read: the hint says there is no backup
	if len(bs) == 0 {
		return fmt.Sprintf("자동 백업이 없습니다 (%s): 따로 둔 백업이 있으면 hyeopchi restore 백업파일 --db %s 로 복원하세요", s.BackupDir(), path)
	}
	b := bs[0]
	return fmt.Sprintf("가장 최근 백업: %s (%s, %s) — hyeopchi restore %s --db %s 로 복원하세요 (창에서는 파일 → 복원)",
		b.Path, b.When.Format("2006-01-02 15:04:05"), b.ReasonLabel(), b.Path, path)
}
