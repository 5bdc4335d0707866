package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"
)

// plansScreen is 혁신계획: the plan's 참고1 columns with a totals row.
type plansScreen struct {
	e      *env
	grid   *Grid
	detail *widget.Label
	plans  []store.Plan
}

func newPlansScreen(e *env) *plansScreen {
	s := &plansScreen{e: e}
	s.grid = NewGrid(
		Column{Title: "연도", Width: 60}, Column{Title: "자치구명", Width: 90},
		Column{Title: "단계", Width: 110}, Column{Title: "지원 사항", Width: 100},
		Column{Title: "사업기간", Width: 250}, Column{Title: "지원(교부)액(천원)", Width: 140, Numeric: true},
		Column{Title: "TFT 계", Width: 70, Numeric: true}, Column{Title: "민", Width: 50, Numeric: true},
		Column{Title: "구의원", Width: 60, Numeric: true}, Column{Title: "관", Width: 50, Numeric: true},
		Column{Title: "분야", Width: 300},
	)
	s.detail = widget.NewLabel("")
	s.detail.Wrapping = fyne.TextWrapWord
	s.grid.OnSelect = func(i int) {
		if i < 0 {
			return
		}
		p := s.plans[i]
		s.detail.SetText(fmt.Sprintf("%d %s\n단계: %s\n지원 사항: %s\n사업기간: %s ~ %s (%d개월)\n지원액: %s천원\n민관TFT: 계 %d (민 %d, 구의원 %d, 관 %d)\n분야: %s\n참여예산: %s\n비고: %s",
			p.Year, p.District, p.Stage, p.Support, p.Start, p.End, p.Months, store.Money(p.Amount),
			p.TFTTotal(), p.TFTCivil, p.TFTCouncil, p.TFTOfficial, strings.Join(p.Fields, "/"), p.PB, p.Note))
	}
	return s
}

func (s *plansScreen) content() fyne.CanvasObject {
	split := container.NewHSplit(s.grid, container.NewVScroll(s.detail))
	split.Offset = 0.72
	return split
}

func (s *plansScreen) refresh() {
	ps, err := s.e.st.Plans(s.e.filter())
	s.e.showError(err)
	s.plans = s.plans[:0]
	var rows [][]string
	var total int64
	for _, p := range ps {
		line := fmt.Sprintf("%d %s %s %s %s", p.Year, p.District, p.Stage, p.Support, strings.Join(p.Fields, "/"))
		if s.e.query != "" && !strings.Contains(line, s.e.query) {
			continue
		}
		s.plans = append(s.plans, p)
		total += p.Amount
		rows = append(rows, []string{fmt.Sprint(p.Year), p.District, p.Stage.String(), p.Support,
			fmt.Sprintf("%s ~ %s (%d개월)", p.Start, p.End, p.Months), store.Money(p.Amount),
			fmt.Sprint(p.TFTTotal()), fmt.Sprint(p.TFTCivil), fmt.Sprint(p.TFTCouncil), fmt.Sprint(p.TFTOfficial),
			strings.Join(p.Fields, "/")})
	}
	if len(rows) == 0 {
		s.detail.SetText(fmt.Sprintf("%d년 혁신계획이 없습니다. [접수·가져오기]에서 자치구 파일을 불러오세요.", s.e.year))
	} else {
		s.detail.SetText("표에서 자치구를 고르면 자세한 내용이 여기에 나옵니다.")
	}
	s.grid.SetRows(rows, []string{"계", fmt.Sprintf("%d개 구", len(rows)), "", "", "", store.Money(total), "", "", "", "", ""})
}

func (s *plansScreen) selectFirst() {
	if s.grid.Rows() > 0 {
		s.grid.Table.Select(widget.TableCellID{Row: 0, Col: 0})
	}
}
