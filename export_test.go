package main

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

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
