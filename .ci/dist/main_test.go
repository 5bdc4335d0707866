package main

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNumericVersion(t *testing.T) {
	for _, c := range []struct {
		describe string
		commits  int
		want     [4]int
	}{
		{"v1.2.3", 40, [4]int{1, 2, 3, 40}},
		{"v1.2.3-4-gabcdef0-dirty", 44, [4]int{1, 2, 3, 44}},
		{"2.0-1-gabc", 7, [4]int{2, 0, 0, 7}},
		{"0085553", 120, [4]int{0, 1, 0, 120}}, // no tag: FyneApp.toml's 0.1.0
		{"v1.0.0", 70000, [4]int{1, 0, 0, 65535}},
	} {
		if got := numericVersion(c.describe, "0.1.0", c.commits); got != c.want {
			t.Errorf("%q: %v, want %v", c.describe, got, c.want)
		}
	}
}

func TestICOHoldsFourPNGs(t *testing.T) {
	ico, err := makeICO("../../assets/icon.png")
	if err != nil {
		t.Fatal(err)
	}
	var head [3]uint16
	binary.Read(bytes.NewReader(ico), binary.LittleEndian, &head)
	if head != [3]uint16{0, 1, 4} {
		t.Fatalf("ICO header %v", head)
	}
	for i, want := range []byte{0, 48, 32, 16} { // 0 is 256
		e := ico[6+16*i:]
		if e[0] != want || e[1] != want {
			t.Errorf("entry %d is %dx%d", i, e[0], e[1])
		}
		off := binary.LittleEndian.Uint32(e[12:])
		if !bytes.HasPrefix(ico[off:], []byte("\x89PNG")) {
			t.Errorf("entry %d is not a PNG", i)
		}
	}
}

// Explorer reads a Korean name only when the zip marks it as UTF-8.
func TestZipNamesAreUTF8(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "hyeopchi-v1-windows-amd64")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "읽어보기.txt"), []byte("안녕"), 0o644)
	os.WriteFile(filepath.Join(dir, "hyeopchi.exe"), []byte("MZ"), 0o755)
	out := filepath.Join(t.TempDir(), "x.zip")
	if err := cmdZip([]string{"-out", out, dir}); err != nil {
		t.Fatal(err)
	}
	r, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	names := map[string]bool{}
	for _, f := range r.File {
		names[f.Name] = true
		if f.Name == "hyeopchi-v1-windows-amd64/읽어보기.txt" && (f.Flags&0x800 == 0 || f.NonUTF8) {
			t.Errorf("%s is not marked UTF-8 (flags %#x)", f.Name, f.Flags)
		}
	}
	if !names["hyeopchi-v1-windows-amd64/읽어보기.txt"] || !names["hyeopchi-v1-windows-amd64/hyeopchi.exe"] || len(names) != 2 {
		t.Fatalf("zip holds %v", names)
	}
}

func TestWindowsText(t *testing.T) {
	dir := t.TempDir()
	src, dst := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	os.WriteFile(src, []byte("첫 줄\n둘째 줄\r\n"), 0o644)
	if err := windowsText(src, dst); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(dst)
	if string(b) != "\ufeff첫 줄\r\n둘째 줄\r\n" || strings.Contains(strings.ReplaceAll(string(b), "\r\n", ""), "\n") {
		t.Fatalf("%q", b)
	}
}
