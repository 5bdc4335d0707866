package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"
)

// auditScreen is 변경 기록: every change, newest first, before → after.
type auditScreen struct {
	e       *env
	grid    *Grid
	detail  *widget.Label
	entries []store.AuditEntry
}

func newAuditScreen(e *env) *auditScreen {
	s := &auditScreen{e: e}
	s.grid = NewGrid(Column{Title: "일시", Width: 160}, Column{Title: "작업", Width: 70},
		Column{Title: "종류", Width: 110}, Column{Title: "대상", Width: 300})
	s.detail = widget.NewLabel("")
	s.detail.Wrapping = fyne.TextWrapWord
	s.grid.OnSelect = func(i int) {
		if i < 0 || i >= len(s.entries) {
			return
		}
		a := s.entries[i]
		s.detail.SetText(fmt.Sprintf("%s %s %s\n\n이전:\n%s\n\n이후:\n%s", a.When.Format("2006-01-02 15:04:05"), a.Action, a.Label, orNone(a.Before), orNone(a.After)))
	}
	return s
}

func orNone(s string) string {
	if s == "" {
		return "(없음)"
	}
	return s
}

func (s *auditScreen) content() fyne.CanvasObject {
	split := container.NewHSplit(s.grid, container.NewVScroll(s.detail))
	split.Offset = 0.6
	return split
}

func (s *auditScreen) refresh() {
	es, err := s.e.st.Audit(store.AuditFilter{Text: s.e.query, Limit: 5000})
	s.e.showError(err)
	s.entries = es
	var rows [][]string
	for _, a := range es {
		rows = append(rows, []string{a.When.Format("2006-01-02 15:04:05"), a.Action, a.Kind, a.Label})
	}
	s.grid.SetRows(rows, nil)
	s.detail.SetText(fmt.Sprintf("변경 기록 %d건. 줄을 고르면 이전 → 이후 내용이 나옵니다.", len(rows)))
}
