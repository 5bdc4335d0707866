package ui

import (
	"path/filepath"
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// DataDirs are the folders the program would pick for its data file on its
// own: the portable one (data beside the program, when portable.txt is
// there; "" otherwise) and the user's data folder.
type DataDirs struct {
	Portable string
	User     string
}

// SetDataDirs tells 설정 where the data may live, so that it can say which
// place is in use.
func (u *App) SetDataDirs(d DataDirs) { u.dataDirs = d }

// dataLocation names the place of the data file in use, in Korean.
func (u *App) dataLocation() string {
	dir := filepath.Clean(filepath.Dir(u.env.st.Path()))
	switch {
	case u.dataDirs.Portable != "" && samePath(dir, u.dataDirs.Portable):
		return "휴대용: 프로그램 옆 data 폴더 (portable.txt가 있어 이곳을 씁니다. USB에 담아 다닐 수 있습니다)"
	case u.dataDirs.User != "" && samePath(dir, u.dataDirs.User):
		if runtime.GOOS == "windows" {
			return "사용자 데이터 폴더 (%AppData%\\hyeopchi)"
		}
		return "사용자 데이터 폴더"
	}
	return "따로 고른 파일 (--db, HYEOPCHI_DB 또는 파일 → 열기)"
}

func samePath(a, b string) bool {
	a, b = filepath.Clean(a), filepath.Clean(b)
	if runtime.GOOS == "windows" {
		return equalFoldASCII(a, b)
	}
	return a == b
}

// equalFoldASCII compares Windows paths, whose letters ignore case.
func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// dataLocationRow is 설정's 데이터 위치: which place, the file, 폴더 열기.
func (u *App) dataLocationRow() fyne.CanvasObject {
	where := widget.NewLabel(u.dataLocation())
	where.Wrapping = fyne.TextWrapWord
	file := widget.NewLabel(u.env.st.Path())
	file.Wrapping = fyne.TextWrapBreak
	open := widget.NewButton("폴더 열기", func() {
		u.env.openFolder(filepath.Dir(u.env.st.Path()))
	})
	return container.NewVBox(where, container.NewBorder(nil, nil, nil, open, file))
}
