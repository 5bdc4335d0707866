package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// labels collects the texts of every label under o.
func labels(o fyne.CanvasObject) []string {
	var out []string
	switch x := o.(type) {
	case *widget.Label:
		out = append(out, x.Text)
	case *fyne.Container:
		for _, c := range x.Objects {
			out = append(out, labels(c)...)
		}
	}
	return out
}

func TestSettingsShowsDataLocation(t *testing.T) {
	u, _, st := newTestUI(t)
	dir := filepath.Dir(st.Path())
	for _, c := range []struct {
		name string
		dirs DataDirs
		want string
	}{
		{"portable marker: data beside the program", DataDirs{Portable: dir, User: "/elsewhere"}, "휴대용: 프로그램 옆 data 폴더"},
		{"no marker: the user's data folder", DataDirs{User: dir}, "사용자 데이터 폴더"},
		{"a file chosen with --db", DataDirs{Portable: "/usb/data", User: "/home/x/.local/share/hyeopchi"}, "따로 고른 파일"},
	} {
		u.SetDataDirs(c.dirs)
		text := strings.Join(labels(u.dataLocationRow()), "\n")
		if !strings.Contains(text, c.want) || !strings.Contains(text, st.Path()) {
			t.Errorf("%s: 데이터 위치 shows %q, want %q and the file", c.name, text, c.want)
		}
	}
	u.SetDataDirs(DataDirs{Portable: dir})
	s := u.settingsDialog()
	defer s.close()
	if _, ok := s.f.msgs["data_location"]; !ok {
		t.Fatal("설정 has no 데이터 위치 row")
	}
}
