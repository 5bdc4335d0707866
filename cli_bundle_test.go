package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBundleCommandMakesVerifiesAndCatchesAChangedByte(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	if _, e, code := runCLI(t, "init", "--db", db); code != 0 {
		t.Fatalf("init: %s", e)
	}
	zipPath := filepath.Join(dir, "관악구-2016.zip")
	out, e, code := runCLI(t, "bundle", "--db", db, "--district", "관악", "--year", "2016", "--out", zipPath)
	if code != 0 || !strings.Contains(out, "관악구 2016년 감사 묶음을 만들었습니다") || !strings.Contains(out, "연락처 가림") {
		t.Fatalf("bundle: %d %q %q", code, out, e)
	}
	out, e, code = runCLI(t, "bundle", "--verify", zipPath)
	if code != 0 || !strings.Contains(out, "묶음이 온전합니다") {
		t.Fatalf("verify: %d %q %q", code, out, e)
	}

	// alter one byte of the profile PDF inside the bundle
	raw, _ := os.ReadFile(zipPath)
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	target := "보고서/2016년_관악구_지역협치_현황.pdf"
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	found := false
	for _, f := range zr.File {
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == target {
			data[100] ^= 0x20
			found = true
		}
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
		w.Write(data)
	}
	zw.Close()
	if !found {
		t.Fatalf("no %s in the bundle", target)
	}
	os.WriteFile(zipPath, buf.Bytes(), 0o644)
	out, e, code = runCLI(t, "bundle", "--verify", zipPath)
	if code != 1 {
		t.Fatalf("verify of a changed bundle: exit %d, want 1 (%q %q)", code, out, e)
	}
	lines := strings.Split(strings.TrimSpace(e), "\n")
	if len(lines) != 2 || !strings.Contains(lines[1], target+": 내용이 목록과 다릅니다") {
		t.Errorf("stderr must name the one changed file:\n%s", e)
	}

	for _, args := range [][]string{
		{"bundle", "--db", db, "--out", zipPath},
		{"bundle", "--db", db, "--district", "관악구", "--out", filepath.Join(dir, "x.pdf")},
		{"bundle", "--db", db, "--district", "관악구", "--from", "2016", "--out", zipPath},
		{"bundle", "--db", db, "--district", "관악구", "--year", "2016", "--from", "2016", "--to", "2017", "--out", zipPath},
		{"bundle", "--verify", zipPath, "--district", "관악구"},
	} {
		if _, e, code := runCLI(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, e)
		}
	}
}

func TestSearchCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	if _, e, code := runCLI(t, "init", "--db", db); code != 0 {
		t.Fatalf("init: %s", e)
	}
	for _, q := range []string{"김성훈", "ㄱㅅㅎ"} {
		out, e, code := runCLI(t, "search", q, "--db", db)
		if code != 0 || !strings.Contains(out, "시민협력플랫폼 · 2016 · 강북구") {
			t.Errorf("search %s: %d %q\n%s", q, code, e, out)
		}
	}
	out, _, code := runCLI(t, "search", "김성훈", "--db", db, "--json")
	if code != 0 {
		t.Fatal(out)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) == 0 {
		t.Fatal("no hits")
	}
	for _, k := range []string{"kind", "kind_label", "year", "district", "id", "title", "field", "text", "by_contact"} {
		if _, ok := rows[0][k]; !ok {
			t.Errorf("json lacks %s: %v", k, rows[0])
		}
	}
	if rows[0]["kind"] != "platform" || rows[0]["district"] != "강북구" || rows[0]["text"] != "김성훈" {
		t.Errorf("first hit %v", rows[0])
	}
	out, _, code = runCLI(t, "search", "없는사람이름", "--db", db)
	if code != 0 || !strings.Contains(out, "찾지 못했습니다") {
		t.Errorf("nothing found: %d %q", code, out)
	}
	if _, _, code := runCLI(t, "search", "--db", db); code != 2 {
		t.Errorf("search without words: exit %d, want 2", code)
	}
}
