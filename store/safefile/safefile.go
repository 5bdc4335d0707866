// Package safefile writes and reads the files the program is handed by
// path: a report, a backup, a blank workbook, a district's file. Writing
// goes through a temporary file in the same folder and a rename, so that a
// full disk or a kill never leaves half a file under the final name, and it
// refuses a target that is not a regular file (a device, a FIFO, a socket,
// a folder) or is a symbolic link. Reading takes regular files only, and
// never more than a stated limit.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// Errors a caller may tell apart; their text is for people.
var (
	ErrNotRegular = errors.New("일반 파일이 아닙니다")
	ErrSymlink    = errors.New("심볼릭 링크(바로 가기)입니다")
	ErrTooLarge   = errors.New("파일이 너무 큽니다")
)

// Options say how Write makes the file.
type Options struct {
	// Perm is the new file's permission; 0 means 0644.
	Perm os.FileMode
	// TempPrefix starts the temporary file's name, so that a program that
	// was killed while writing can find and remove what it left; "" gives
	// ".<name>.tmp-".
	TempPrefix string
}

// kindOf names in Korean what a non-regular file is.
func kindOf(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "폴더"
	case m&fs.ModeSymlink != 0:
		return "심볼릭 링크"
	case m&fs.ModeNamedPipe != 0:
		return "FIFO(이름 있는 파이프)"
	case m&fs.ModeSocket != 0:
		return "소켓"
	case m&fs.ModeCharDevice != 0, m&fs.ModeDevice != 0:
		return "장치"
	}
	return "특수 파일"
}

// CheckTarget reports whether path may be written: it does not exist, or
// it is a regular file (not a link to one).
func CheckTarget(path string) error {
	info, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fail(err, "파일을 쓸 수 없습니다: %s", path)
	}
	switch m := info.Mode(); {
	case m&fs.ModeSymlink != 0:
		return fmt.Errorf("%w: %s: 링크가 가리키는 파일을 덮어쓰지 않습니다 (실제 파일 경로를 쓰세요)", ErrSymlink, path)
	case !m.IsRegular():
		return fmt.Errorf("%w: %s 은(는) %s입니다: 덮어쓰지 않습니다 (다른 파일 이름을 쓰세요)", ErrNotRegular, path, kindOf(m))
	}
	return nil
}

// Write makes the file at path from what fn writes, all or nothing: fn
// writes a temporary file in the same folder, which is synced and renamed
// over path only when fn and every write succeeded.
func Write(path string, opt Options, fn func(w io.Writer) error) (err error) {
	if err := CheckTarget(path); err != nil {
		return err
	}
	dir, name := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	if info, err := os.Stat(dir); err != nil {
		return fail(err, "파일을 쓸 수 없습니다: %s: 폴더 %s", path, dir)
	} else if !info.IsDir() {
		return fmt.Errorf("파일을 쓸 수 없습니다: %s: %s 은(는) 폴더가 아닙니다", path, dir)
	}
	prefix := opt.TempPrefix
	if prefix == "" {
		prefix = "." + name + ".tmp-"
	}
	tmp, err := os.CreateTemp(dir, prefix+"*")
	if err != nil {
		return fail(err, "파일을 쓸 수 없습니다: %s", path)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := fn(tmp); err != nil {
		return fail(err, "파일을 쓸 수 없습니다: %s", path)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err, "파일을 쓸 수 없습니다: %s", path)
	}
	if err := tmp.Close(); err != nil {
		return fail(err, "파일을 쓸 수 없습니다: %s", path)
	}
	perm := opt.Perm
	if perm == 0 {
		perm = 0o644
	}
	if err := os.Chmod(tmp.Name(), perm); err != nil {
		return fail(err, "파일을 쓸 수 없습니다: %s", path)
	}
	// Checked again just before the rename: a rename replaces the name,
	// never what a link points to, and fails on a folder.
	if err := CheckTarget(path); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fail(err, "파일을 쓸 수 없습니다: %s", path)
	}
	return nil
}

// WriteFile writes data to path as Write does.
func WriteFile(path string, data []byte, perm os.FileMode) error {
	return Write(path, Options{Perm: perm}, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// OpenRegular opens path for reading if it is a regular file (a link to
// one is followed): a device, a FIFO, a socket or a folder is refused
// before it is opened, so that reading never waits on a pipe nor runs
// without end.
func OpenRegular(path string) (*os.File, os.FileInfo, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, nil, fail(err, "파일을 열 수 없습니다: %s", path)
	}
	if !info.Mode().IsRegular() {
		return nil, nil, fmt.Errorf("%w: %s 은(는) %s입니다: 읽지 않습니다", ErrNotRegular, path, kindOf(info.Mode()))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fail(err, "파일을 열 수 없습니다: %s", path)
	}
	// The name may have been swapped between Stat and Open: judge what
	// was opened.
	info, err = f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		f.Close()
		return nil, nil, fmt.Errorf("%w: %s: 읽지 않습니다", ErrNotRegular, path)
	}
	return f, info, nil
}

// ReadFile reads a regular file of at most limit bytes. A larger file is
// refused with ErrTooLarge, whatever its size claims: at most limit+1
// bytes are ever read.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, info, err := OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info.Size() > limit {
		return nil, tooLarge(path, info.Size(), limit)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fail(err, "파일을 읽을 수 없습니다: %s", path)
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(path, int64(len(data)), limit)
	}
	return data, nil
}

func tooLarge(path string, size, limit int64) error {
	return fmt.Errorf("%w: %s (%s 넘음): %s까지 읽습니다", ErrTooLarge, path, SizeText(size), SizeText(limit))
}

// SizeText writes a size the way people read it: 20MB, 1.5MB, 300KB.
func SizeText(n int64) string {
	switch {
	case n >= 1<<20:
		s := fmt.Sprintf("%.1f", float64(n)/(1<<20))
		return strings.TrimSuffix(s, ".0") + "MB"
	case n >= 1<<10:
		return fmt.Sprintf("%dKB", n>>10)
	}
	return fmt.Sprintf("%d바이트", n)
}

// Describe says in Korean what went wrong with a file operation, without
// Go's own text where a person would not read it.
func Describe(err error) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, fs.ErrNotExist):
		return "없는 파일이나 폴더입니다"
	case errors.Is(err, fs.ErrPermission):
		return "권한이 없습니다 (읽기 전용이거나 다른 사용자의 파일입니다)"
	case errors.Is(err, fs.ErrExist):
		return "이미 있습니다"
	case diskFull(err):
		return "디스크 공간이 부족합니다"
	case errors.Is(err, syscall.EROFS):
		return "읽기 전용 디스크입니다"
	case errors.Is(err, syscall.EISDIR):
		return "폴더입니다"
	case errors.Is(err, syscall.ENOTDIR):
		return "경로 중간에 폴더가 아닌 것이 있습니다"
	case errors.Is(err, syscall.EXDEV):
		return "다른 디스크로 옮길 수 없습니다"
	case errors.Is(err, syscall.EIO):
		return "디스크 입출력 오류입니다"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return Describe(pe.Err)
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return Describe(le.Err)
	}
	return err.Error()
}

// fileError is a Korean message that still answers errors.Is for its
// cause (fs.ErrNotExist, fs.ErrPermission, …).
type fileError struct {
	msg string
	err error
}

func (e *fileError) Error() string { return e.msg }
func (e *fileError) Unwrap() error { return e.err }

// fail says what could not be done, then why, in Korean.
func fail(err error, format string, args ...any) error {
	return &fileError{msg: fmt.Sprintf(format, args...) + ": " + Describe(err), err: err}
}
