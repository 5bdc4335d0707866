package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"
)

// schoolScreen is 협치학교: sessions of the year, and the year's totals.
type schoolScreen struct {
	e       *env
	grid    *Grid
	summary *widget.Label
}

func newSchoolScreen(e *env) *schoolScreen {
	s := &schoolScreen{e: e}
	s.grid = NewGrid(
		Column{Title: "일자", Width: 100}, Column{Title: "시간", Width: 100}, Column{Title: "과정", Width: 180},
		Column{Title: "회차", Width: 50, Numeric: true}, Column{Title: "자치구", Width: 80}, Column{Title: "장소", Width: 150},
		Column{Title: "정원", Width: 60, Numeric: true}, Column{Title: "남", Width: 50, Numeric: true},
		Column{Title: "여", Width: 50, Numeric: true}, Column{Title: "계", Width: 60, Numeric: true}, Column{Title: "상태", Width: 60},
	)
	s.summary = widget.NewLabel("")
	s.summary.Wrapping = fyne.TextWrapWord
	return s
}

func (s *schoolScreen) content() fyne.CanvasObject {
	return container.NewBorder(s.summary, nil, nil, nil, s.grid)
}

func (s *schoolScreen) refresh() {
	xs, err := s.e.st.Sessions(s.e.filter())
	s.e.showError(err)
	var rows [][]string
	var capa, m, f int
	for _, x := range xs {
		if s.e.query != "" && !strings.Contains(x.Course+x.Venue+x.District, s.e.query) {
			continue
		}
		capa += x.Capacity
		m += x.AttendMale
		f += x.AttendFemale
		rows = append(rows, []string{string(x.Date), x.Time, x.Course, fmt.Sprint(x.Number), x.District, x.Venue,
			fmt.Sprint(x.Capacity), fmt.Sprint(x.AttendMale), fmt.Sprint(x.AttendFemale), fmt.Sprint(x.Attendance()), x.Status})
	}
	s.grid.SetRows(rows, []string{"계", "", fmt.Sprintf("%d회", len(rows)), "", "", "", fmt.Sprint(capa), fmt.Sprint(m), fmt.Sprint(f), fmt.Sprint(m + f), ""})
	text := fmt.Sprintf("%d년 협치학교: %d회", s.e.year, len(rows))
	ys, _ := s.e.st.SchoolYears()
	for _, y := range ys {
		if y.Year == s.e.year {
			text = fmt.Sprintf("%d년 협치학교 실적: %d개 과정 %d회 %s명 (회차별 기록 없음)", y.Year, y.Courses, y.Sessions, store.Money(int64(y.Participants)))
		}
	}
	if len(rows) == 0 && len(ys) == 0 {
		text += " — 회차가 없습니다."
	}
	cs, _ := s.e.st.Courses(s.e.year)
	if len(cs) > 0 {
		var names []string
		for _, c := range cs {
			names = append(names, c.Name)
		}
		text += "\n과정: " + strings.Join(names, ", ")
	}
	s.summary.SetText(text)
}
