package main

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestListPlansTableShowsPlanFields(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	if _, e, code := runCLI(t, "init", "--db", db); code != 0 {
		t.Fatalf("init: %d %s", code, e)
	}
	out, e, code := runCLI(t, "list", "plans", "--db", db, "--year", "2016")
	if code != 0 {
		t.Fatalf("list: %d %s", code, e)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 10 {
		t.Fatalf("%d lines, want header, 8 plans and 계:\n%s", len(lines), out)
	}
	for _, h := range []string{"참여예산", "절차", "본계획 제출"} {
		if !strings.Contains(lines[0], h) {
			t.Errorf("header lacks %s: %s", h, lines[0])
		}
	}
	for _, l := range lines[1:9] {
		if strings.Contains(l, "성동구") != strings.Contains(l, "6 (날짜로 7)") {
			t.Errorf("months disagreeing with the dates must be shown on 성동구's row only: %s", l)
		}
	}
	if !strings.HasPrefix(lines[9], "계") || !strings.Contains(lines[9], "1,145,622") {
		t.Errorf("totals: %s", lines[9])
	}
}
