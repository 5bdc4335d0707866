package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// intakeScreen is 접수·가져오기: the register of files received.
type intakeScreen struct {
	e    *env
	grid *Grid
	head *widget.Label
}

func newIntakeScreen(e *env) *intakeScreen {
	s := &intakeScreen{e: e}
	s.grid = NewGrid(Column{Title: "접수일", Width: 100}, Column{Title: "자치구", Width: 90}, Column{Title: "종류", Width: 90},
		Column{Title: "연도", Width: 60}, Column{Title: "파일", Width: 260}, Column{Title: "상태", Width: 80},
		Column{Title: "오류", Width: 60, Numeric: true})
	s.head = widget.NewLabel("")
	return s
}

func (s *intakeScreen) content() fyne.CanvasObject {
	return container.NewBorder(s.head, nil, nil, nil, s.grid)
}

func (s *intakeScreen) refresh() {
	xs, err := s.e.st.Submissions(s.e.filter())
	s.e.showError(err)
	var rows [][]string
	for _, x := range xs {
		rows = append(rows, []string{string(x.Received), x.District, x.Kind, fmt.Sprint(x.Year), x.FileName, x.Status, fmt.Sprint(len(x.Errors))})
	}
	s.grid.SetRows(rows, nil)
	s.head.SetText(fmt.Sprintf("접수 대장: %d건", len(rows)))
}
