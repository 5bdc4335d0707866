package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// snapshot is every list the CLI gives, as JSON: the database as a script sees it.
func snapshot(t *testing.T, db string) string {
	t.Helper()
	var b strings.Builder
	for _, kind := range []string{"plans", "platforms", "sessions", "events", "submissions", "budget"} {
		out, e, code := runCLI(t, "list", kind, "--json", "--db", db)
		if code != 0 {
			t.Fatalf("list %s: %s", kind, e)
		}
		b.WriteString(out)
	}
	return b.String()
}

var problemLine = regexp.MustCompile(`^[^:]+:[^:]+:\d+:[^:]*: \S`)

func TestImportAllOrNothing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	runCLI(t, "init", "--empty", "--db", db)
	before := snapshot(t, db)
	good := filepath.Join("testdata", "workbook", "good.xlsx")
	bad := filepath.Join("testdata", "workbook", "plans-errors.csv")

	// One bad file among good ones: every problem, one line each, nothing changed.
	_, e, code := runCLI(t, "import", "--db", db, good, bad)
	if code != 1 {
		t.Fatalf("import with a bad file: exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(e), "\n")
	if len(lines) < 5 {
		t.Fatalf("want every problem of plans-errors.csv, got:\n%s", e)
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, bad+":혁신계획:") || !problemLine.MatchString(l) {
			t.Errorf("not FILE:SHEET:ROW:COLUMN: message: %q", l)
		}
	}
	if !strings.Contains(e, bad+":혁신계획:2:지원액: \"25만\" 은(는) 금액이 아닙니다") {
		t.Errorf("the 25만 amount is not reported at its cell:\n%s", e)
	}
	if after := snapshot(t, db); after != before {
		t.Fatal("a refused import changed the database")
	}

	// A dry run changes nothing either.
	out, e, code := runCLI(t, "import", "--dry-run", "--db", db, good)
	if code != 0 || !strings.Contains(out, "가져오면 추가") {
		t.Fatalf("dry run: %d %s %s", code, out, e)
	}
	if after := snapshot(t, db); after != before {
		t.Fatal("a dry run changed the database")
	}

	// The good file imports; the same file again changes nothing and says so.
	out, e, code = runCLI(t, "import", "--db", db, good)
	if code != 0 || !strings.Contains(out, "가져왔습니다") {
		t.Fatalf("import: %d %s %s", code, out, e)
	}
	once := snapshot(t, db)
	if once == before {
		t.Fatal("the import changed nothing")
	}
	out, _, code = runCLI(t, "import", "--db", db, good)
	if code != 0 || !strings.Contains(out, "변경 없음") {
		t.Fatalf("second import: %d %s", code, out)
	}
	if again := snapshot(t, db); again != once {
		t.Fatal("importing the same file twice changed the database")
	}
}

func TestImportRefusesNonSpreadsheets(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	runCLI(t, "init", "--db", db)
	before := snapshot(t, db)
	for _, f := range []string{"report.pdf", "document.hwp", "image.png", "truncated.xlsx", "empty.csv"} {
		path := filepath.Join("testdata", "workbook", f)
		_, e, code := runCLI(t, "import", "--db", db, path)
		lines := strings.Split(strings.TrimSpace(e), "\n")
		if code != 1 || len(lines) != 1 || !strings.HasPrefix(lines[0], path+": ") {
			t.Errorf("%s: exit %d, want one clear line, got:\n%s", f, code, e)
		}
	}
	_, e, code := runCLI(t, "import", "--db", db, filepath.Join(t.TempDir(), "없는파일.xlsx"))
	if code != 1 || !strings.Contains(e, "없는 파일입니다") {
		t.Errorf("missing file: %d %s", code, e)
	}
	if _, _, code := runCLI(t, "import", "--db", db); code != 2 {
		t.Errorf("import without files: exit %d, want 2", code)
	}
	if after := snapshot(t, db); after != before {
		t.Fatal("refused files changed the database")
	}
}

func TestTemplateRoundTrip(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	runCLI(t, "init", "--db", db)
	tpl := filepath.Join(dir, "관악구.xlsx")
	if _, e, code := runCLI(t, "template", "--db", db, "--out", tpl, "--district", "관악", "--year", "2016"); code != 0 {
		t.Fatal(e)
	}
	out, e, code := runCLI(t, "import", "--db", db, tpl)
	if code != 0 || !strings.Contains(out, "변경 없음") {
		t.Fatalf("a prefilled template must import unchanged: %d %s %s", code, out, e)
	}
	// Only the register grows: the file was received.
	after := snapshot(t, db)
	if strings.Count(after, "관악구.xlsx") != 1 || !strings.Contains(after, `"status": "확정"`) {
		t.Fatalf("register after template import:\n%s", after)
	}
	blank := filepath.Join(dir, "blank.xlsx")
	if _, e, code := runCLI(t, "template", "--db", db, "--out", blank); code != 0 {
		t.Fatal(e)
	}
}
