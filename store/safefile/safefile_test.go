package safefile

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func leftovers(t *testing.T, dir string) {
	t.Helper()
	es, _ := os.ReadDir(dir)
	for _, e := range es {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Fatalf("temporary file left behind: %s", e.Name())
		}
	}
}

// TestWriteFailureKeepsOldFile: when the writing fails half way (here
// the disk is full), the old file is as it was and no temporary file is
// left; the message says why in Korean.
func TestWriteFailureKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "report.pdf")
	os.WriteFile(p, []byte("the old report"), 0o644)
	err := Write(p, Options{}, func(w io.Writer) error {
		if _, err := w.Write(bytes.Repeat([]byte("x"), 8192)); err != nil {
			return err
		}
		return &os.PathError{Op: "write", Path: p, Err: syscall.ENOSPC}
	})
	if err == nil || !strings.Contains(err.Error(), "디스크 공간이 부족합니다") || !strings.Contains(err.Error(), p) {
		t.Fatalf("got %v", err)
	}
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatal("the cause is lost")
	}
	if b, _ := os.ReadFile(p); string(b) != "the old report" {
		t.Fatalf("the old file is now %q", b)
	}
	leftovers(t, dir)
}

func TestDescribe(t *testing.T) {
	for _, c := range []struct {
		err  error
		want string
	}{
		{&os.LinkError{Op: "rename", Old: "a", New: "b", Err: syscall.EEXIST}, "이미 있습니다"},
		{&os.PathError{Op: "open", Path: "a", Err: syscall.ENOENT}, "없는 파일이나 폴더입니다"},
		{&os.PathError{Op: "open", Path: "a", Err: syscall.EACCES}, "권한이 없습니다"},
		{&os.PathError{Op: "write", Path: "a", Err: syscall.ENOSPC}, "디스크 공간이 부족합니다"},
	} {
		if got := Describe(c.err); !strings.HasPrefix(got, c.want) {
			t.Errorf("Describe(%v) = %q, want %q", c.err, got, c.want)
		}
	}
}
