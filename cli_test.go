package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"hyeopchi/store/workbook/wbtest"
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

func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

func toolOut(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// TestExportSeededReports runs `export` for every report over a database
// made by `init` and reads the PDFs back as a person's tools would.
func TestExportSeededReports(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	if _, e, code := runCLI(t, "init", "--db", db); code != 0 {
		t.Fatal(e)
	}
	for _, c := range []struct {
		report, year, district string
		want                   []string
	}{
		{"plans", "2016", "", []string{"1,145,622", "167,000", "(6개월)", "마을/교육/사경/다문화/도시재생"}},
		{"platforms", "2016", "", []string{"899,976", "99,976", "강북마을모임", "김성훈", "이상훈(강북마을 부대표)"}},
		{"budget", "2017", "", []string{"4,000,270", "300,270", "3,700,000", "2,293,420", "1,543,100", "163,750"}},
		{"school", "2016", "", []string{"1,563", "24"}},
		{"district", "2016", "관악구", []string{"관악구", "167,000", "(사)관악주민연대"}},
		{"annual", "2017", "", []string{"1,145,622", "899,976", "4,000,270", "사전 검토항목"}},
	} {
		t.Run(c.report, func(t *testing.T) {
			out := filepath.Join(dir, c.report+".pdf")
			args := []string{"export", "--db", db, "--report", c.report, "--year", c.year, "--out", out}
			if c.district != "" {
				args = append(args, "--district", c.district)
			}
			if _, e, code := runCLI(t, args...); code != 0 {
				t.Fatalf("export: %s", e)
			}
			text := toolOut(t, "pdftotext", "-layout", out, "-")
			flat := squeeze(text)
			for _, w := range append([]string{"(단위 : 천원)", "주무관", "지역생태계팀장", "지역공동체담당관", "서울혁신기획관", "정무부시장"}, c.want...) {
				if c.report == "school" && w == "(단위 : 천원)" {
					continue
				}
				if !strings.Contains(flat, squeeze(w)) {
					t.Errorf("%q not in %s.pdf", w, c.report)
				}
			}
			pages := regexp.MustCompile(`- (\d+) / (\d+) -`).FindAllStringSubmatch(text, -1)
			if len(pages) == 0 || pages[0][1] != "1" {
				t.Errorf("no page numbers \"- 1 / N -\" in %s.pdf", c.report)
			}
			toolOut(t, "qpdf", "--check", out)
			fonts := toolOut(t, "pdffonts", out)
			if !strings.Contains(strings.ToLower(fonts), "nanumgothic") || strings.Count(fonts, " yes ") < 2 {
				t.Errorf("fonts not embedded:\n%s", fonts)
			}
		})
	}
	// The same table as xlsx, and the export register.
	x := filepath.Join(dir, "plans.xlsx")
	if _, e, code := runCLI(t, "export", "--db", db, "--report", "plans", "--year", "2016", "--out", x); code != 0 {
		t.Fatal(e)
	}
	f, err := excelize.OpenFile(x)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	found := false
	for _, sh := range f.GetSheetList() {
		rows, _ := f.GetRows(sh)
		for _, r := range rows {
			if strings.Contains(strings.Join(r, "|"), "1,145,622") || strings.Contains(strings.Join(r, "|"), "1145622") {
				found = true
			}
		}
	}
	if !found {
		t.Error("plans.xlsx lacks the total 1,145,622")
	}
	if _, e, code := runCLI(t, "export", "--db", db, "--report", "plans", "--out", filepath.Join(dir, "x.doc")); code == 0 {
		t.Errorf("export to .doc accepted: %s", e)
	}
	if _, _, code := runCLI(t, "export", "--db", db, "--report", "nonsense", "--out", x); code != 2 {
		t.Errorf("unknown report: exit %d, want 2", code)
	}
}

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

// The 25-district workbook imported twice: the second import reads
// nothing, changes nothing, and every list --json stays the same.
func TestImportDistricts25TwiceCLI(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	runCLI(t, "init", "--db", db)
	r := wbtest.Build(wbtest.Options{})
	data, err := wbtest.Workbook(r)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "25개구.xlsx")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, e, code := runCLI(t, "import", "--db", db, file)
	if code != 0 {
		t.Fatalf("import: %d %s", code, e)
	}
	if n := strings.Count(out, "\n"); n > 40 || !strings.Contains(out, "경고 25건: 플랫폼 공간 면적 미기재 (플랫폼:4, 12, 20 …)") ||
		!strings.HasSuffix(out, "가져왔습니다: 추가 800건, 수정 0건, 변경 없음 0건\n") {
		t.Fatalf("%d lines:\n%s", n, out)
	}
	lists := func() string {
		var b strings.Builder
		for _, kind := range []string{"plans", "platforms", "sessions", "events", "submissions", "budget", "audit"} {
			o, e, code := runCLI(t, "list", kind, "--json", "--db", db)
			if code != 0 {
				t.Fatalf("list %s: %s", kind, e)
			}
			b.WriteString(o)
		}
		return b.String()
	}
	before := lists()
	out, e, code = runCLI(t, "import", "--db", db, file)
	if code != 0 || !strings.HasPrefix(out, "변경 없음: 이미 가져온 파일입니다 (25개구.xlsx, ") {
		t.Fatalf("second import: %d %s %s", code, out, e)
	}
	if after := lists(); after != before {
		t.Fatal("a second import changed a list")
	}

	// --verbose lists every warning; a changed copy's dry run shows its
	// change with the values.
	r.Plans[20].Amount = 171000
	changed, err := wbtest.Workbook(r)
	if err != nil {
		t.Fatal(err)
	}
	copyFile := filepath.Join(dir, "25개구-수정.xlsx")
	os.WriteFile(copyFile, changed, 0o644)
	out, e, code = runCLI(t, "import", "--dry-run", "--verbose", "--db", db, copyFile)
	if code != 0 || !strings.Contains(out, "수정 혁신계획 2018 관악구: 지원액: 170,000천원 → 171,000천원\n") ||
		strings.Count(out, "경고: ") != 25 || !strings.HasSuffix(out, "오류 없음. 가져오면 추가 0건, 수정 1건, 변경 없음 799건\n") {
		t.Fatalf("dry run: %d %s %s", code, out, e)
	}
	if after := lists(); after != before {
		t.Fatal("a dry run changed a list")
	}
}
