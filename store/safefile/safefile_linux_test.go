//go:build linux

package safefile

import (
	"bytes"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestWriteTargetKinds writes over every kind of thing a path can name:
// a regular file and a missing one are written whole; a folder, a link, a
// FIFO, a socket and a device are refused and left as they were.
func TestWriteTargetKinds(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.txt")
	if err := os.WriteFile(target, []byte("original"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name    string
		make    func(t *testing.T) string
		refused string // "" when the write must succeed
	}{
		{"a regular file is replaced", func(t *testing.T) string {
			p := filepath.Join(dir, "old.txt")
			os.WriteFile(p, []byte("old"), 0o644)
			return p
		}, ""},
		{"a missing file is made", func(t *testing.T) string { return filepath.Join(dir, "new.txt") }, ""},
		{"a folder is refused", func(t *testing.T) string {
			p := filepath.Join(dir, "folder")
			os.Mkdir(p, 0o755)
			return p
		}, "폴더입니다"},
		{"a link to a file is refused", func(t *testing.T) string {
			p := filepath.Join(dir, "link.txt")
			if err := os.Symlink(target, p); err != nil {
				t.Fatal(err)
			}
			return p
		}, "링크가 가리키는 파일을 덮어쓰지 않습니다"},
		{"a dangling link is refused", func(t *testing.T) string {
			p := filepath.Join(dir, "dangling.txt")
			if err := os.Symlink(filepath.Join(dir, "nowhere"), p); err != nil {
				t.Fatal(err)
			}
			return p
		}, "심볼릭 링크"},
		{"a FIFO is refused", func(t *testing.T) string {
			p := filepath.Join(dir, "fifo")
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Fatal(err)
			}
			return p
		}, "FIFO"},
		{"a socket is refused", func(t *testing.T) string {
			p := filepath.Join(dir, "sock")
			l, err := net.Listen("unix", p)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { l.Close() })
			return p
		}, "소켓"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkWriteTarget(t, dir, target, c.make(t), c.refused) })
	}
}

// checkWriteTarget writes over p: written whole when refused is "", else
// refused with a message naming p and refused, p and the link target
// (holding "original") left as they were, nothing left behind in dir.
func checkWriteTarget(t *testing.T, dir, target, p, refused string) {
	t.Helper()
	before, _ := os.Lstat(p)
	err := WriteFile(p, []byte("new content"), 0o644)
	if refused == "" {
		if err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(p); string(b) != "new content" {
			t.Fatalf("wrote %q", b)
		}
		return
	}
	if err == nil || !strings.Contains(err.Error(), refused) || !strings.Contains(err.Error(), p) {
		t.Fatalf("want a refusal naming %s and %q, got %v", p, refused, err)
	}
	after, lerr := os.Lstat(p)
	if lerr != nil || after.Mode() != before.Mode() {
		t.Fatalf("the target changed: %v → %v (%v)", before.Mode(), after, lerr)
	}
	if b, _ := os.ReadFile(target); string(b) != "original" {
		t.Fatalf("the link's target was written: %q", b)
	}
	leftovers(t, dir)
}

// TestWriteRefusesDevice: /dev/null stays the device. The program runs
// as root here, which could replace it: the refusal is what keeps it.
func TestWriteRefusesDevice(t *testing.T) {
	before, err := os.Lstat("/dev/null")
	if err != nil {
		t.Skip(err)
	}
	err = WriteFile("/dev/null", []byte("x"), 0o644)
	if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), "장치") {
		t.Fatalf("want the device refused, got %v", err)
	}
	after, _ := os.Lstat("/dev/null")
	if after.Mode() != before.Mode() || after.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("/dev/null is now %v", after.Mode())
	}
}

// TestReadFileKinds reads every kind of thing a path can name: only a
// regular file within the limit is read; nothing waits or reads forever.
func TestReadFileKinds(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.csv")
	os.WriteFile(small, []byte("abc"), 0o644)
	big := filepath.Join(dir, "big.csv")
	os.WriteFile(big, bytes.Repeat([]byte("a"), 2048), 0o644)
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.csv")
	os.Symlink(small, link)
	cases := []struct {
		name, path string
		want       string // content, or "" when refused
		err        error
	}{
		{"a small regular file", small, "abc", nil},
		{"a link to a regular file", link, "abc", nil},
		{"a file over the limit", big, "", ErrTooLarge},
		{"/dev/zero never ends", "/dev/zero", "", ErrNotRegular},
		{"/dev/urandom never ends", "/dev/urandom", "", ErrNotRegular},
		{"a FIFO with no writer", fifo, "", ErrNotRegular},
		{"a folder", dir, "", ErrNotRegular},
		{"a missing file", filepath.Join(dir, "none"), "", os.ErrNotExist},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			done := make(chan struct{})
			var b []byte
			var err error
			go func() {
				b, err = ReadFile(c.path, 1024)
				close(done)
			}()
			select {
			case <-done:
			case <-time.After(20 * time.Second): // a hang, not a speed check
				t.Fatal("ReadFile did not return")
			}
			if c.err == nil {
				if err != nil || string(b) != c.want {
					t.Fatalf("got %q, %v", b, err)
				}
				return
			}
			if !errors.Is(err, c.err) || !strings.Contains(err.Error(), c.path) {
				t.Fatalf("want %v naming %s, got %v", c.err, c.path, err)
			}
		})
	}
}
