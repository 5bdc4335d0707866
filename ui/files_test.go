package ui

import (
	"bytes"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/ui/field"
)

// folders makes dir/보고서/{a.pdf, b.xlsx, 하위/} and returns dir.
func folders(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	sub := filepath.Join(dir, "보고서")
	if err := os.MkdirAll(filepath.Join(sub, "하위"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"a.pdf", "b.xlsx"} {
		if err := os.WriteFile(filepath.Join(sub, n), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func itemNames(p *picker) []string {
	var out []string
	for _, it := range p.items {
		out = append(out, it.name)
	}
	return out
}

// The open dialog takes a typed or pasted path: a folder shows it, a file
// opens it. Its side bar and buttons are Korean; no "(상위 폴더)" line.
func TestOpenDialogTakesATypedPath(t *testing.T) {
	u, w, _ := newTestUI(t)
	dir := folders(t)
	var got []string
	u.env.openFile([]string{".xlsx"}, func(p string) { got = append(got, p) })
	p := u.env.picker
	if p == nil || w.Canvas().Overlays().Top() == nil {
		t.Fatal("no file dialog shown")
	}
	if w.Canvas().Focused() != p.loc {
		t.Fatal("the path box does not have the focus")
	}
	retype(p.loc, filepath.Join(dir, "보고서"))
	p.loc.OnSubmitted(p.loc.Text)
	if p.dir != filepath.Join(dir, "보고서") || strings.Join(itemNames(p), ",") != "하위,b.xlsx" {
		t.Fatalf("folder %q shows %v, want 하위 and b.xlsx only", p.dir, itemNames(p))
	}
	var labels []string
	for _, pl := range p.places() {
		labels = append(labels, pl.label)
	}
	joined := strings.Join(labels, ",")
	if !strings.Contains(joined, "홈") || strings.Contains(joined, "Home") || strings.Contains(joined, "Computer") {
		t.Fatalf("side bar %q", joined)
	}
	for _, n := range itemNames(p) {
		if strings.Contains(n, "(") {
			t.Fatalf("a line %q in the list", n)
		}
	}
	// A relative path goes from the folder shown; Enter on a file opens it.
	retype(p.loc, "b.xlsx")
	p.loc.OnSubmitted(p.loc.Text)
	want := filepath.Join(dir, "보고서", "b.xlsx")
	if len(got) != 1 || got[0] != want {
		t.Fatalf("opened %v, want %s", got, want)
	}
	if u.env.picker != nil || w.Canvas().Overlays().Top() != nil {
		t.Fatal("the dialog stayed open")
	}
	// The next dialog starts in that folder, first in the side bar.
	u.env.openFile(nil, func(string) {})
	if u.env.picker.dir != filepath.Join(dir, "보고서") {
		t.Fatalf("next dialog starts in %s", u.env.picker.dir)
	}
	if pl := u.env.picker.places(); pl[0].label != "최근 폴더" || pl[0].path != filepath.Join(dir, "보고서") {
		t.Fatalf("side bar starts with %+v", pl[0])
	}
	u.env.picker.close()
}

// A path that does not exist is said in the dialog, which stays open.
func TestOpenDialogSaysWhatIsMissing(t *testing.T) {
	u, w, _ := newTestUI(t)
	dir := folders(t)
	called := false
	u.env.openFile(nil, func(string) { called = true })
	p := u.env.picker
	missing := filepath.Join(dir, "없는폴더", "x.xlsx")
	retype(p.loc, missing)
	test.Tap(p.ok)
	if called || w.Canvas().Overlays().Top() == nil {
		t.Fatal("a missing file was opened or closed the dialog")
	}
	if want := "찾을 수 없습니다: " + missing + " (없는 경로입니다)"; p.msg.Text != want || !p.msg.Visible() {
		t.Fatalf("message %q, want %q", p.msg.Text, want)
	}
}

// The save dialog honours a full path typed as the name, adds the
// extension, and refuses a folder that does not exist, saying so.
func TestSaveDialogTakesAFullPath(t *testing.T) {
	u, w, _ := newTestUI(t)
	dir := folders(t)
	var got []string
	u.env.saveFile("혁신계획.pdf", []string{".pdf"}, func(p string) { got = append(got, p) })
	p := u.env.picker
	if p.name.Text != "혁신계획.pdf" || w.Canvas().Focused() != p.name {
		t.Fatalf("name box %q, focused %v", p.name.Text, w.Canvas().Focused())
	}
	bad := filepath.Join(dir, "없음", "보고서.pdf")
	retype(p.name, bad)
	test.Tap(p.ok)
	if len(got) != 0 || w.Canvas().Overlays().Top() == nil {
		t.Fatal("saved into a folder that does not exist")
	}
	if want := "저장할 폴더가 없습니다: " + filepath.Dir(bad) + " (없는 경로입니다)"; p.msg.Text != want {
		t.Fatalf("message %q, want %q", p.msg.Text, want)
	}
	retype(p.name, filepath.Join(dir, "보고서", "하위", "연간보고서"))
	p.name.OnSubmitted(p.name.Text)
	want := filepath.Join(dir, "보고서", "하위", "연간보고서.pdf")
	if len(got) != 1 || got[0] != want {
		t.Fatalf("saved to %v, want %s", got, want)
	}
}

// Saving over a file asks first; 아니요 keeps the dialog open.
func TestSaveDialogAsksBeforeReplacing(t *testing.T) {
	u, w, _ := newTestUI(t)
	dir := folders(t)
	var got []string
	u.env.saveFile("a.pdf", []string{".pdf"}, func(p string) { got = append(got, p) })
	p := u.env.picker
	retype(p.loc, filepath.Join(dir, "보고서"))
	p.loc.OnSubmitted(p.loc.Text)
	test.Tap(p.ok)
	confirmDialog(t, w, false)
	if len(got) != 0 || u.env.picker != p {
		t.Fatal("replaced without asking")
	}
	test.Tap(p.ok)
	confirmDialog(t, w, true)
	if want := filepath.Join(dir, "보고서", "a.pdf"); len(got) != 1 || got[0] != want {
		t.Fatalf("saved to %v, want %s", got, want)
	}
}

// Ctrl+L in the name box goes to the path box; a list click on a file
// fills the name.
func TestCtrlLGoesToThePath(t *testing.T) {
	u, w, _ := newTestUI(t)
	dir := folders(t)
	u.env.saveFile("x.xlsx", []string{".xlsx"}, func(string) {})
	p := u.env.picker
	p.setDir(filepath.Join(dir, "보고서"))
	p.list.Select(1) // b.xlsx
	if p.name.Text != "b.xlsx" {
		t.Fatalf("name %q after choosing b.xlsx", p.name.Text)
	}
	w.Canvas().Focus(p.name)
	p.name.TypedShortcut(field.Ctrl("L"))
	if w.Canvas().Focused() != p.loc {
		t.Fatal("Ctrl+L did not go to the path box")
	}
	p.list.Select(0) // 하위
	if p.dir != filepath.Join(dir, "보고서", "하위") {
		t.Fatalf("a folder line did not open the folder: %s", p.dir)
	}
	tapButton(t, w.Canvas().Overlays().Top(), "위로")
	if p.dir != filepath.Join(dir, "보고서") {
		t.Fatalf("위로 went to %s", p.dir)
	}
}

// The file dialogs write nothing to the log (Fyne's own dialog printed an
// English "Fyne error … VIDEOS folder" line on stderr).
func TestFileDialogsLogNothing(t *testing.T) {
	u, _, _ := newTestUI(t)
	var buf bytes.Buffer
	log.SetOutput(&buf)
	defer log.SetOutput(os.Stderr)
	u.env.openFile([]string{".xlsx", ".csv"}, func(string) {})
	u.env.picker.close()
	u.env.saveFile("a.pdf", []string{".pdf"}, func(string) {})
	u.env.picker.close()
	if buf.Len() != 0 {
		t.Fatalf("logged %q", buf.String())
	}
}

// 폴더 열기 without a file manager says so in the window, with the path
// to copy (it showed nothing before).
func TestOpenFolderWithoutFileManagerSaysSo(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Explorer is always there")
	}
	u, w, _ := newTestUI(t)
	t.Setenv("PATH", t.TempDir()) // no xdg-open
	dir := folders(t)
	u.env.openFolder(dir)
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("nothing shown")
	}
	var texts []string
	for _, o := range test.LaidOutObjects(top) {
		switch x := o.(type) {
		case *widget.Label:
			texts = append(texts, x.Text)
		case *widget.Entry:
			texts = append(texts, x.Text)
		}
	}
	all := strings.Join(texts, "|")
	if !strings.Contains(all, "폴더를 열 수 없습니다: 파일 관리자를 실행할 수 없습니다") || !strings.Contains(all, "|"+dir) {
		t.Fatalf("dialog says %q", all)
	}
	tapButton(t, top, "경로 복사")
	if got := fyne.CurrentApp().Clipboard().Content(); got != dir {
		t.Fatalf("clipboard %q", got)
	}
}

// A file manager that fails (xdg-open's exit code 3: no program for
// folders) is said in the window too, not only a missing one.
func TestOpenFolderFailureIsShown(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("explorer's exit code means nothing")
	}
	u, w, _ := newTestUI(t)
	bin := t.TempDir()
	script := "#!/bin/sh\necho 'xdg-open: no method available' >&2\nexit 3\n"
	if err := os.WriteFile(filepath.Join(bin, "xdg-open"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	u.env.openFolder(folders(t))
	u.env.bg.Wait()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("a failed xdg-open showed nothing")
	}
	var said string
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, "폴더를 열 수 없습니다") {
			said = l.Text
		}
	}
	if said != "폴더를 열 수 없습니다: 폴더를 열 프로그램(파일 관리자)이 없습니다 (xdg-open 종료 코드 3)" {
		t.Fatalf("said %q", said)
	}
}

// A second 파일 열기 while the dialog is open does not stack another one.
func TestOneFileDialogAtATime(t *testing.T) {
	u, w, _ := newTestUI(t)
	u.env.openFile(nil, func(string) {})
	first := u.env.picker
	u.env.saveFile("a.pdf", []string{".pdf"}, func(string) {})
	if u.env.picker != first || len(w.Canvas().Overlays().List()) != 1 {
		t.Fatalf("%d dialogs open", len(w.Canvas().Overlays().List()))
	}
	first.close()
	if u.env.picker != nil || w.Canvas().Overlays().Top() != nil {
		t.Fatal("취소 left a dialog")
	}
}
