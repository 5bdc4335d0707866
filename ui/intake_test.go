package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hyeopchi/store"
	"hyeopchi/store/workbook"
	"hyeopchi/store/workbook/wbtest"
)

func TestIntakeShowsEveryErrorAndImportsNothing(t *testing.T) {
	u, _, st := newTestUI(t)
	Drive(u).Show(ScreenIntake)
	s := u.screen(ScreenIntake).(*intakeScreen)
	before, _ := st.Plans(store.Filter{})
	s.load([]string{filepath.Join("..", "testdata", "workbook", "plans-errors.csv")})
	s.wait()
	if s.preview.Rows() < 5 || !s.apply.Disabled() || s.request.Disabled() {
		t.Fatalf("preview rows %d, apply disabled %v, request disabled %v", s.preview.Rows(), s.apply.Disabled(), s.request.Disabled())
	}
	found := false
	for r := 0; r < s.preview.Rows(); r++ {
		if strings.Contains(s.preview.Cell(r, 0), "2행 · 지원액") && strings.Contains(s.preview.Cell(r, 2), "25만") {
			found = true
		}
	}
	if !found {
		t.Fatal("the 25만 amount is not shown at its row and column")
	}
	after, _ := st.Plans(store.Filter{})
	if len(after) != len(before) {
		t.Fatal("a file with errors changed the plans")
	}
	// The file was received all the same: it waits for correction.
	subs, _ := st.Submissions(store.Filter{})
	if len(subs) != 1 || subs[0].Status != "보완요청" || len(subs[0].Errors) < 5 {
		t.Fatalf("register: %+v", subs)
	}
	if s.register.Rows() != 1 {
		t.Fatalf("register grid has %d rows", s.register.Rows())
	}
}

func TestIntakePreviewThenApply(t *testing.T) {
	u, _, st := newTestUI(t)
	Drive(u).Show(ScreenIntake)
	s := u.screen(ScreenIntake).(*intakeScreen)
	s.load([]string{filepath.Join("..", "testdata", "workbook", "platform-cp949.csv")})
	s.wait()
	if s.apply.Disabled() {
		t.Fatalf("a valid file with changes must be appliable; head: %s", s.head.Text)
	}
	n := 0
	for r := 0; r < s.preview.Rows(); r++ {
		if s.preview.Cell(r, 1) == "수정" || s.preview.Cell(r, 1) == "추가" {
			n++
		}
	}
	if n == 0 {
		t.Fatal("the preview lists no change")
	}
	s.applyFiles()
	s.wait()
	if !strings.Contains(s.head.Text, "가져왔습니다") {
		t.Fatalf("after 적용: %s", s.head.Text)
	}
	subs, _ := st.Submissions(store.Filter{})
	if len(subs) != 1 || subs[0].Status != "확정" || subs[0].SHA256 == "" {
		t.Fatalf("register after import: %+v", subs)
	}
	data, err := st.FileData(subs[0].SHA256)
	if err != nil || len(data) != int(subs[0].Size) {
		t.Fatalf("the original file is not kept: %v %d", err, len(data))
	}
}

func writeDistricts25(t *testing.T, r wbtest.Records, name string) string {
	t.Helper()
	data, err := wbtest.Workbook(r)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// The preview lists every change with its values, and its rows filter by
// sheet and by kind (a kind of warning, 추가, 수정, …).
func TestIntakePreviewChangesAndFilters(t *testing.T) {
	u, _, _ := newTestUI(t)
	Drive(u).Show(ScreenIntake)
	s := u.screen(ScreenIntake).(*intakeScreen)
	r := wbtest.Build(wbtest.Options{SessionsPerDistrict: 4})
	first := writeDistricts25(t, r, "25개구.xlsx")
	s.load([]string{first})
	s.wait()
	if s.apply.Disabled() {
		t.Fatalf("head: %s", s.head.Text)
	}
	shown := func() []string {
		var out []string
		for i := 0; i < s.preview.Rows(); i++ {
			out = append(out, s.preview.Cell(i, 0)+" | "+s.preview.Cell(i, 1)+" | "+s.preview.Cell(i, 2))
		}
		return out
	}
	all := len(shown())
	if all != 25*6+25 {
		t.Fatalf("%d rows, want 150 new records and 25 warnings", all)
	}
	s.kindSel.SetSelected("경고: 공간 면적 미기재")
	if rows := shown(); len(rows) != 25 || !strings.Contains(rows[0], "25개구.xlsx · 플랫폼 · 4행") {
		t.Fatalf("warnings of one kind: %d rows, first %v", len(rows), rows[0])
	}
	s.sheetSel.SetSelected("혁신계획")
	if rows := shown(); len(rows) != 0 {
		t.Fatalf("no warning of that kind on 혁신계획: %v", rows)
	}
	s.kindSel.SetSelected("추가")
	rows := shown()
	if len(rows) != 25 || !strings.Contains(rows[0], "혁신계획 2018 종로구 | 추가 | 새 기록: 자치구 종로구; 연도 2018; 단계 실행기") ||
		!strings.Contains(rows[0], "지원액 150,000천원") {
		t.Fatalf("new plans: %d rows, first %v", len(rows), rows[0])
	}
	s.sheetSel.SetSelected(allSheets)
	s.kindSel.SetSelected(allKinds)
	s.applyFiles()
	s.wait()

	r.Plans[20].Amount = 171000
	r.Sessions[2].AttendFemale = 30
	s.load([]string{writeDistricts25(t, r, "25개구-수정.xlsx")})
	s.wait()
	s.kindSel.SetSelected("수정")
	rows = shown()
	if len(rows) != 2 || rows[0] != "혁신계획 2018 관악구 | 수정 | 지원액: 170,000천원 → 171,000천원" ||
		!strings.HasSuffix(rows[1], " | 수정 | 참석 여: 12 → 30") {
		t.Fatalf("changes: %q", rows)
	}
	if !strings.Contains(s.head.Text, "수정 2건") {
		t.Fatalf("head: %s", s.head.Text)
	}
}

// A file of another year than the top bar's shows in the register once
// received; before, the register said no file had been received.
func TestIntakeRegisterShowsTheFileJustReceived(t *testing.T) {
	u, _, st := newTestUI(t)
	Drive(u).SetYear(2017) // the window opens on 2016, the plan's records' year
	Drive(u).Show(ScreenIntake)
	s := u.screen(ScreenIntake).(*intakeScreen)
	if s.e.year != 2017 {
		t.Fatalf("top bar year %d", s.e.year)
	}
	path := writeDistricts25(t, wbtest.Build(wbtest.Options{Year: 2018, SessionsPerDistrict: 1}), "2018 자치구.xlsx")
	s.load([]string{path})
	s.wait()
	s.applyFiles()
	s.wait()
	subs, _ := st.Submissions(store.Filter{})
	if len(subs) != 1 || subs[0].Year != 2018 {
		t.Fatalf("register: %+v", subs)
	}
	if s.register.Rows() != 1 || s.register.Cell(0, 4) != "2018 자치구.xlsx" || s.register.Cell(0, 3) != "2018" {
		t.Fatalf("the file just received is not in the register (%d rows); detail %q", s.register.Rows(), s.detail.Text)
	}
	s.refresh()
	if s.register.Rows() != 1 {
		t.Fatal("the file just received left the register on refresh")
	}
	// Opening another file: the 2018 file is no longer just received; the
	// register says where it is instead of "아직 접수한 파일이 없습니다".
	s.load([]string{filepath.Join("..", "testdata", "workbook", "platform-cp949.csv")})
	s.wait()
	s.refresh()
	if s.register.Rows() != 0 || !strings.Contains(s.detail.Text, "다른 연도·자치구 1건") {
		t.Fatalf("rows %d, detail %q", s.register.Rows(), s.detail.Text)
	}
}

// A changed copy of a file lists its changes before the records that stay.
func TestIntakeChangesComeFirst(t *testing.T) {
	u, _, st := newTestUI(t)
	Drive(u).Show(ScreenIntake)
	s := u.screen(ScreenIntake).(*intakeScreen)
	r := wbtest.Build(wbtest.Options{SessionsPerDistrict: 2})
	data, err := wbtest.Workbook(r)
	if err != nil {
		t.Fatal(err)
	}
	if rep, err := workbook.ImportFiles(st, []workbook.File{{Name: "a.xlsx", Data: data}}, false); err != nil || !rep.Applied {
		t.Fatalf("%v %v", err, rep.Problems)
	}
	r.Sessions[49].Capacity = 35 // the last session
	s.load([]string{writeDistricts25(t, r, "b.xlsx")})
	s.wait()
	// the 25 warnings (no space yet) come first, then the change
	if got := s.preview.Cell(25, 1) + " | " + s.preview.Cell(25, 2); got != "수정 | 정원: 40 → 35" {
		t.Fatalf("first row after the warnings: %s (row 24: %s)", got, s.preview.Cell(24, 1))
	}
	if s.preview.Cell(26, 1) != "변경 없음" || s.preview.Rows() != 25+25+25+50 {
		t.Fatalf("rows %d, next %s", s.preview.Rows(), s.preview.Cell(26, 1))
	}
}
