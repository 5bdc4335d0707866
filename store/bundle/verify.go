package bundle

import (
	"archive/zip"
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Checked is what Verify found: the files the manifest lists, and every
// file that differs from it, named.
type Checked struct {
	Files    int
	Problems []string // "보고서/…pdf: 내용이 목록과 다릅니다 (SHA-256 …)"
}

// OK reports whether every file matches the manifest.
func (c Checked) OK() bool { return len(c.Problems) == 0 }

var manifestLine = regexp.MustCompile(`^([0-9a-f]{64})  ([0-9]+)  (.+)$`)

type listed struct {
	sum  string
	size int64
}

// Verify re-reads every file of the bundle at path and compares its size
// and SHA-256 with the manifest. A file missing, changed, unreadable or
// not in the manifest is a problem; an error means the file is not a
// bundle at all.
func Verify(path string) (Checked, error) {
	var c Checked
	zr, err := openBundle(path)
	if err != nil {
		return c, err
	}
	defer zr.Close()
	var manifest *zip.File
	seen := map[string]int{}
	for _, f := range zr.File {
		seen[f.Name]++
		if f.Name == ManifestName {
			manifest = f
		}
	}
	if manifest == nil {
		return c, fmt.Errorf("%s: 묶음의 목록(%s)이 없습니다", path, ManifestName)
	}
	want, order, err := c.readManifest(manifest)
	if err != nil {
		return c, fmt.Errorf("%s: %s 을(를) 읽을 수 없습니다: %w", path, ManifestName, err)
	}
	if len(want) == 0 {
		return c, fmt.Errorf("%s: %s 에 파일 목록이 없습니다", path, ManifestName)
	}
	c.Files = len(want)
	for name, n := range seen {
		if n > 1 {
			c.Problems = append(c.Problems, fmt.Sprintf("%s: 묶음 안에 %d번 있습니다", name, n))
		}
	}
	extra := c.checkFiles(zr.File, want)
	for _, name := range order {
		if seen[name] == 0 {
			c.Problems = append(c.Problems, fmt.Sprintf("%s: 목록에 있으나 묶음에 없습니다", name))
		}
	}
	sort.Strings(extra)
	for _, name := range extra {
		c.Problems = append(c.Problems, fmt.Sprintf("%s: 목록에 없는 파일입니다", name))
	}
	return c, nil
}

// openBundle opens the zip at path, saying in Korean why it cannot.
func openBundle(path string) (*zip.ReadCloser, error) {
	// Only a regular file: a FIFO would make the reader wait forever.
	if info, err := os.Stat(path); err == nil && !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: 일반 파일이 아닙니다 (감사 묶음은 .zip 파일입니다)", path)
	}
	zr, err := zip.OpenReader(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("%s: 없는 파일입니다", path)
	case errors.Is(err, zip.ErrFormat):
		return nil, fmt.Errorf("%s: zip 파일이 아닙니다 (감사 묶음은 .zip 입니다)", path)
	case err != nil:
		return nil, fmt.Errorf("%s: zip 파일로 읽을 수 없습니다: %w", path, err)
	}
	return zr, nil
}

// readManifest reads the manifest's lines: each file's sum and size by
// name, and the names in the manifest's order. A name listed twice, or a
// manifest that stops midway, is a problem; the error is one that keeps
// the manifest from being opened.
func (c *Checked) readManifest(manifest *zip.File) (map[string]listed, []string, error) {
	want := map[string]listed{}
	var order []string
	rc, err := manifest.Open()
	if err != nil {
		return nil, nil, err
	}
	sc := bufio.NewScanner(rc)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		m := manifestLine.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		// the pattern admits digits only: a size too large to read becomes
		// the largest int64, which no file has, so the file is reported
		size, _ := strconv.ParseInt(m[2], 10, 64)
		if _, dup := want[m[3]]; dup {
			c.Problems = append(c.Problems, fmt.Sprintf("%s: 목록에 두 번 있습니다", m[3]))
			continue
		}
		want[m[3]] = listed{m[1], size}
		order = append(order, m[3])
	}
	err = sc.Err()
	rc.Close() // read only: the scanner's error says whether the reading went well
	if err != nil {
		c.Problems = append(c.Problems, fmt.Sprintf("%s: 읽다가 멈췄습니다 (%v)", ManifestName, err))
	}
	return want, order, nil
}

// checkFiles compares each file but the manifest with its manifest line,
// and returns the names the manifest does not list.
func (c *Checked) checkFiles(files []*zip.File, want map[string]listed) []string {
	var extra []string
	for _, f := range files {
		if f.Name == ManifestName {
			continue
		}
		l, ok := want[f.Name]
		if !ok {
			extra = append(extra, f.Name)
			continue
		}
		sum, size, err := hashEntry(f)
		switch {
		case errors.Is(err, zip.ErrChecksum):
			c.Problems = append(c.Problems, fmt.Sprintf("%s: 손상되었습니다 (zip 검사합이 맞지 않음)", f.Name))
		case err != nil:
			c.Problems = append(c.Problems, fmt.Sprintf("%s: 손상되어 읽을 수 없습니다 (압축 풀기 실패)", f.Name))
		case sum != l.sum || size != l.size:
			c.Problems = append(c.Problems, fmt.Sprintf("%s: 내용이 목록과 다릅니다 (SHA-256 %s, %d바이트; 목록에는 %s, %d바이트)",
				f.Name, sum, size, l.sum, l.size))
		}
	}
	return extra
}

func hashEntry(f *zip.File) (string, int64, error) {
	rc, err := f.Open()
	if err != nil {
		return "", 0, err
	}
	defer rc.Close()
	h := sha256.New()
	n, err := io.Copy(h, rc)
	if err != nil {
		return "", n, err
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

// Summary is the one-line Korean result of a check.
func (c Checked) Summary(path string) string {
	if c.OK() {
		return fmt.Sprintf("묶음이 온전합니다: %s (파일 %d개, 모두 %s 의 SHA-256과 같음)", path, c.Files, ManifestName)
	}
	return fmt.Sprintf("묶음이 목록과 다릅니다: %s (파일 %d개 중 문제 %d건)\n%s", path, c.Files, len(c.Problems),
		strings.Join(c.Problems, "\n"))
}
