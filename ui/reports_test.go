package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"hyeopchi/reports"
	"hyeopchi/store"
)

// reportsUI opens 보고서 over the plan's data with the report and year chosen.
func reportsUI(t *testing.T, kind string, year int) (*App, *reportsScreen, *store.Store) {
	t.Helper()
	u, _, st := newTestUI(t)
	Drive(u).SetYear(year)
	Drive(u).Show(ScreenReports)
	s := u.screen(ScreenReports).(*reportsScreen)
	s.kind.SetSelected(reports.Title(kind))
	waitIdle(t, s)
	return u, s, st
}

// waitIdle polls until the screen's background work is done.
func waitIdle(t *testing.T, s *reportsScreen) {
	t.Helper()
	for end := time.Now().Add(time.Minute); !s.idle(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatal("report still building after a minute")
		}
	}
}

func TestReportsSavePDFRecordsExport(t *testing.T) {
	_, s, st := reportsUI(t, reports.KindPlans, 2016)
	if kind, year, district := s.params(); kind != reports.KindPlans || year != 2016 || district != "" {
		t.Fatalf("chosen %s %d %q, want plans 2016 all", kind, year, district)
	}
	before, _ := st.Exports()
	path := filepath.Join(t.TempDir(), "혁신계획") // the dialog may leave the extension off
	s.saveTo("pdf", path)
	waitIdle(t, s)
	b, err := os.ReadFile(path + ".pdf")
	if err != nil {
		t.Fatalf("%s: %v (message %q)", path, err, s.msg.Text)
	}
	if !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Fatalf("file starts with %q", b[:min(8, len(b))])
	}
	after, _ := st.Exports()
	if len(after) != len(before)+1 {
		t.Fatalf("register has %d lines, want %d", len(after), len(before)+1)
	}
	x := after[0]
	if x.Report != reports.KindPlans || x.Year != 2016 || x.Format != "pdf" || x.Pages <= 0 || x.Path != path+".pdf" {
		t.Fatalf("register line %+v", x)
	}
	if s.register.Rows() != len(after) || s.register.Cell(0, 1) != "지역사회혁신계획 현황" ||
		s.register.Cell(0, 6) != x.SHA256[:12] || s.register.Cell(0, 7) != path+".pdf" {
		t.Fatalf("register grid row: %q %q %q", s.register.Cell(0, 1), s.register.Cell(0, 6), s.register.Cell(0, 7))
	}
	if s.lastDir != filepath.Dir(path) || s.openBtn.Disabled() {
		t.Fatalf("폴더 열기 points at %q, disabled %v", s.lastDir, s.openBtn.Disabled())
	}
	if !strings.HasPrefix(s.msg.Text, "저장했습니다 (PDF ") {
		t.Fatalf("message %q", s.msg.Text)
	}
	if !s.progress.Hidden || s.pdfBtn.Disabled() {
		t.Fatal("progress bar still shown or buttons still disabled after saving")
	}
}

func TestReportsSaveXLSX(t *testing.T) {
	_, s, st := reportsUI(t, reports.KindBudget, 2017)
	if !s.dist.Disabled() {
		t.Fatal("the district choice must be off for the budget")
	}
	path := filepath.Join(t.TempDir(), "예산.xlsx")
	s.saveTo("xlsx", path)
	waitIdle(t, s)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("PK")) {
		t.Fatal("not a zip (xlsx) file")
	}
	xs, _ := st.Exports()
	if len(xs) != 1 || xs[0].Format != "xlsx" || xs[0].Report != reports.KindBudget || xs[0].District != "" {
		t.Fatalf("register %+v", xs)
	}
}

func TestReportsDistrictNeedsDistrict(t *testing.T) {
	u, s, st := reportsUI(t, reports.KindDistrict, 2016)
	want := "자치구 지역협치 현황: 자치구를 선택하세요"
	if !strings.HasPrefix(s.previewHead.Text, want) {
		t.Fatalf("preview says %q, want %q", s.previewHead.Text, want)
	}
	dir := t.TempDir()
	s.saveTo("pdf", filepath.Join(dir, "자치구.pdf"))
	waitIdle(t, s)
	if !strings.HasPrefix(s.msg.Text, want) {
		t.Fatalf("message %q, want %q", s.msg.Text, want)
	}
	if files, _ := os.ReadDir(dir); len(files) != 0 {
		t.Fatalf("wrote %d files", len(files))
	}
	if xs, _ := st.Exports(); len(xs) != 0 {
		t.Fatalf("register has %d lines", len(xs))
	}
	// With a district from the top bar it saves.
	Drive(u).SetDistrict("관악구")
	waitIdle(t, s)
	if _, _, d := s.params(); d != "관악구" {
		t.Fatalf("district %q, want 관악구 from the top bar", d)
	}
	path := filepath.Join(dir, "관악구.pdf")
	s.saveTo("pdf", path)
	waitIdle(t, s)
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("%v (message %q)", err, s.msg.Text)
	}
	if xs, _ := st.Exports(); len(xs) != 1 || xs[0].District != "관악구" || xs[0].Pages <= 0 {
		t.Fatalf("register %+v", xs)
	}
}

func TestReportsPreview(t *testing.T) {
	// No program on PATH (no pdftoppm, as on Windows): page 1 is still a picture.
	t.Setenv("PATH", t.TempDir())
	_, s, _ := reportsUI(t, reports.KindPlans, 2016)
	s.shown = ""
	s.changed()
	waitIdle(t, s)
	head := s.previewHead.Text
	if !strings.HasPrefix(head, "2016년 지역사회혁신계획 현황 · 모두 ") || !strings.HasSuffix(head, "1쪽 미리보기") {
		t.Fatalf("preview head %q", head)
	}
	if strings.Contains(head, "pdftoppm") || strings.Contains(head, "poppler") {
		t.Fatalf("the preview names an external program: %q", head)
	}
	var img *canvas.Image
	var find func(o fyne.CanvasObject)
	find = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *canvas.Image:
			img = x
		case *fyne.Container:
			for _, c := range x.Objects {
				find(c)
			}
		}
	}
	find(s.previewBody)
	if img == nil || img.Image == nil {
		t.Fatal("the preview shows no picture")
	}
	// 참고1 is landscape A4
	if b := img.Image.Bounds(); b.Dx() <= b.Dy() || b.Dx()*100/b.Dy() != 141 {
		t.Fatalf("page 1 is %dx%d, want landscape A4", b.Dx(), b.Dy())
	}
}
