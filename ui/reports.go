package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// reportsScreen is 보고서: official PDFs and Excel copies.
type reportsScreen struct {
	e    *env
	body *widget.Label
}

func newReportsScreen(e *env) *reportsScreen {
	return &reportsScreen{e: e, body: widget.NewLabel("")}
}

func (s *reportsScreen) content() fyne.CanvasObject { return s.body }

func (s *reportsScreen) refresh() {
	s.body.SetText("보고서 종류: 혁신계획(참고1), 시민협력플랫폼(참고2), 협치학교, 예산(Ⅸ), 자치구, 연간")
}
