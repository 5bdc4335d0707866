package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOpenChecksBothMetaPages damages each meta page of a file that has
// seen several commits: Open refuses it with ErrMetaDamaged and the
// newest backup named, instead of opening the transaction before; a file
// that is no bbolt file at all is ErrNotStore; restoring from a damaged
// backup is refused too.
func TestOpenChecksBothMetaPages(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	s, err := Create(good, SeedData())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AutoBackup("manual"); err != nil {
		t.Fatal(err)
	}
	set, _ := s.Settings()
	set.CurrentYear = 2018
	if err := s.SaveSettings(set); err != nil {
		t.Fatal(err)
	}
	s.Close()
	raw, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	pageSize := 4096
	damage := func(name string, from, to int) string {
		b := append([]byte(nil), raw...)
		for i := from; i < to && i < len(b); i++ {
			b[i] = 0
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cases := []metaDamage{
		{"page 0 zeroed", damage("p0.db", 0, pageSize), ErrMetaDamaged},
		{"page 1 zeroed", damage("p1.db", pageSize, 2*pageSize), ErrMetaDamaged},
		{"one byte of page 0's checksum", damage("sum0.db", 16+56, 16+57), ErrMetaDamaged},
		{"both pages zeroed", damage("both.db", 0, 2*pageSize), ErrNotStore},
	}
	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, []byte(strings.Repeat("not a database ", 1000)), 0o600)
	cases = append(cases, metaDamage{"a text file", junk, ErrNotStore})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkMetaDamageRefused(t, c) })
	}
	checkDamagedFileNamesItsBackup(t, dir, good, raw, pageSize)
}

// metaDamage is a damaged file and the error opening it must give.
type metaDamage struct {
	name string
	path string
	want error
}

// checkMetaDamageRefused wants Open (read-write and read-only) and
// CheckFile to refuse the file with c.want, writing nothing.
func checkMetaDamageRefused(t *testing.T, c metaDamage) {
	t.Helper()
	before, _ := os.ReadFile(c.path)
	for _, opt := range []*Options{nil, {ReadOnly: true}} {
		s, err := Open(c.path, opt)
		if err == nil {
			s.Close()
			t.Fatalf("opened (%+v)", opt)
		}
		if !errors.Is(err, c.want) {
			t.Fatalf("got %v, want %v", err, c.want)
		}
	}
	if _, err := CheckFile(c.path); !errors.Is(err, c.want) {
		t.Fatalf("CheckFile: %v", err)
	}
	if after, _ := os.ReadFile(c.path); string(after) != string(before) {
		t.Fatal("the file was written")
	}
}

// checkDamagedFileNamesItsBackup wants the refusal to name the newest
// backup (or say there is none) and restore; a damaged file opens for a
// restore that mends it, and a damaged backup is not restored. raw is
// good's bytes before the damage; dir holds p0.db and p1.db.
func checkDamagedFileNamesItsBackup(t *testing.T, dir, good string, raw []byte, pageSize int) {
	t.Helper()
	// The message names the newest backup (of the file beside it) and restore.
	p0 := filepath.Join(dir, "good.db.copy")
	os.Rename(filepath.Join(dir, "p0.db"), p0)
	_, err := Open(p0, nil)
	if err == nil || !strings.Contains(err.Error(), "자동 백업이 없습니다") {
		t.Fatalf("a file without backups: %v", err)
	}
	os.WriteFile(good, append(make([]byte, pageSize), raw[pageSize:]...), 0o600)
	_, err = Open(good, nil)
	if err == nil || !strings.Contains(err.Error(), "가장 최근 백업: "+filepath.Join(dir, "backups", "good-")) || !strings.Contains(err.Error(), "hyeopchi restore") {
		t.Fatalf("want the newest backup named: %v", err)
	}
	// A damaged file opens for a restore over it, and the restore mends it.
	s, err := Open(good, &Options{Damaged: true})
	if err != nil {
		t.Fatal(err)
	}
	bs, _ := s.Backups()
	if err := s.Restore(bs[0].Path); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := verifyMeta(good); err != nil {
		t.Fatalf("after the restore: %v", err)
	}
	// and a damaged backup is not restored
	s, _ = Open(good, nil)
	defer s.Close()
	if err := s.Restore(filepath.Join(dir, "p1.db")); err == nil || !strings.Contains(err.Error(), "메타 페이지") {
		t.Fatalf("restore from a damaged backup: %v", err)
	}
}
