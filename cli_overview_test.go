package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestListBudgetJSON(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	runCLI(t, "init", "--db", db)
	out, e, code := runCLI(t, "list", "budget", "--year", "2017", "--json", "--db", db)
	if code != 0 {
		t.Fatal(e)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 13 {
		t.Fatalf("%d lines, want 13", len(rows))
	}
	var top, leaves float64
	for _, r := range rows {
		for _, k := range []string{"line", "parent", "office_cost", "grant", "total", "committed", "remaining"} {
			if _, ok := r[k]; !ok {
				t.Fatalf("budget row lacks %q: %v", k, r)
			}
		}
		if r["total"].(float64) != r["office_cost"].(float64)+r["grant"].(float64) ||
			r["remaining"].(float64) != r["total"].(float64)-r["committed"].(float64) {
			t.Fatalf("row does not add up: %v", r)
		}
		if r["parent"] == "" {
			top += r["total"].(float64)
		}
		if r["line"] == "협치학교(지역협치 분야) 운영" && (r["office_cost"].(float64) != 100750 || r["parent"] != "지역협치 기반조성") {
			t.Fatalf("school line: %v", r)
		}
		if r["line"] == "자문네트워크 회의" || r["line"] == "지역사회혁신계획 지원비" {
			leaves += r["total"].(float64)
		}
	}
	if top != 4000270 || leaves != 2208000 {
		t.Fatalf("top lines sum to %v (want 4,000,270), two leaves %v", top, leaves)
	}
	text, _, _ := runCLI(t, "list", "budget", "--db", db)
	if !strings.Contains(text, "4,000,270") || !strings.Contains(text, "약정 없음") {
		t.Fatalf("text budget:\n%s", text)
	}
}

// TestBackupRestoreRoundTripAllLists: every `list --json` of a restored
// file matches the original, and the replaced data is kept in backups/.
func TestBackupRestoreRoundTripAllLists(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	if _, e, code := runCLI(t, "init", "--synthetic", "2", "--db", db); code != 0 {
		t.Fatal(e)
	}
	kinds := []string{"plans", "platforms", "sessions", "events", "submissions", "budget"}
	lists := func(db string) map[string]string {
		out := map[string]string{}
		for _, k := range kinds {
			text, e, code := runCLI(t, "list", k, "--json", "--db", db)
			if code != 0 {
				t.Fatalf("list %s: %s", k, e)
			}
			out[k] = text
		}
		return out
	}
	before := lists(db)
	bak := filepath.Join(dir, "copy.db")
	if _, e, code := runCLI(t, "backup", "--out", bak, "--db", db); code != 0 {
		t.Fatal(e)
	}
	other := filepath.Join(dir, "other", "y.db")
	runCLI(t, "init", "--db", other)
	replaced := lists(other)
	if _, e, code := runCLI(t, "restore", bak, "--db", other); code != 0 {
		t.Fatal(e)
	}
	after := lists(other)
	for _, k := range kinds {
		if before[k] != after[k] {
			t.Errorf("list %s differs after restore", k)
		}
	}
	if before["plans"] == replaced["plans"] {
		t.Fatal("the test needs different data in the two files")
	}
	if out, e, code := runCLI(t, "check", "--db", other); code != 0 {
		t.Fatalf("check after restore: %s %s", out, e)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "other", "backups"))
	if len(entries) != 1 || !strings.HasSuffix(entries[0].Name(), "-restore.db") {
		t.Fatalf("backups beside the restored file: %v", entries)
	}
	// The kept backup restores the replaced data.
	if _, e, code := runCLI(t, "restore", filepath.Join(dir, "other", "backups", entries[0].Name()), "--db", other); code != 0 {
		t.Fatal(e)
	}
	if got := lists(other); got["plans"] != replaced["plans"] {
		t.Fatal("restoring the kept backup did not bring back the replaced data")
	}
}

func TestRestoreRefusesDamagedFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	runCLI(t, "init", "--db", db)
	before, _, _ := runCLI(t, "list", "plans", "--json", "--db", db)
	bad := filepath.Join(dir, "bad.db")
	runCLI(t, "backup", "--out", bad, "--db", db)
	raw, _ := os.ReadFile(bad)
	for i := 4096 * 2; i < len(raw); i += 5 {
		raw[i] ^= 0x5a
	}
	os.WriteFile(bad, raw, 0o600)
	_, e, code := runCLI(t, "restore", bad, "--db", db)
	if code != 1 || !strings.Contains(e, "복원할 수 없습니다") {
		t.Fatalf("restore of a damaged file: %d %s", code, e)
	}
	after, _, _ := runCLI(t, "list", "plans", "--json", "--db", db)
	if after != before {
		t.Fatal("a refused restore changed the data")
	}
	if _, _, code := runCLI(t, "check", "--db", db); code != 0 {
		t.Fatal("check after a refused restore")
	}
}
