package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"hyeopchi/store"
)

func TestIntakeShowsEveryErrorAndImportsNothing(t *testing.T) {
	u, _, st := newTestUI(t)
	u.Show(5)
	s := u.screens[5].(*intakeScreen)
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
	u.Show(5)
	s := u.screens[5].(*intakeScreen)
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
