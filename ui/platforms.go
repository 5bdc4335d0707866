package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"
)

// platformsScreen is 시민협력플랫폼: consortia of the year and the roster of
// the selected one in the plan's 참고2 layout.
type platformsScreen struct {
	e      *env
	grid   *Grid
	roster *Grid
	head   *widget.Label
	plats  []store.Platform
}

func newPlatformsScreen(e *env) *platformsScreen {
	s := &platformsScreen{e: e}
	s.grid = NewGrid(
		Column{Title: "연도", Width: 60}, Column{Title: "자치구", Width: 90},
		Column{Title: "대표 단체", Width: 220}, Column{Title: "단체 수", Width: 70, Numeric: true},
		Column{Title: "성장 단계", Width: 130}, Column{Title: "지원액(천원)", Width: 120, Numeric: true},
	)
	s.roster = NewGrid(Column{Title: "구분", Width: 110}, Column{Title: "단체명", Width: 260},
		Column{Title: "대표자 명", Width: 380}, Column{Title: "연락처", Width: 130})
	s.head = widget.NewLabel("")
	s.head.TextStyle.Bold = true
	s.grid.OnSelect = func(i int) {
		if i < 0 {
			return
		}
		s.showRoster(s.plats[i])
	}
	return s
}

func (s *platformsScreen) content() fyne.CanvasObject {
	split := container.NewVSplit(s.grid, container.NewBorder(s.head, nil, nil, nil, s.roster))
	split.Offset = 0.5
	return split
}

func (s *platformsScreen) showRoster(p store.Platform) {
	s.head.SetText(fmt.Sprintf("자치구 %s · %s · 지원액 %s천원", p.District, p.Name, store.Money(p.Grant)))
	var rows [][]string
	for _, m := range p.Members {
		org, rep := m.Org, m.Rep
		if m.Role == store.RoleManager {
			org = ""
			if m.Note != "" {
				rep = fmt.Sprintf("%s(%s)", m.Rep, m.Note)
			}
		}
		rows = append(rows, []string{string(m.Role), org, rep, store.MaskContact(m.Contact)})
	}
	s.roster.SetRows(rows, nil)
}

func (s *platformsScreen) refresh() {
	ps, err := s.e.st.Platforms(s.e.filter())
	s.e.showError(err)
	s.plats = s.plats[:0]
	var rows [][]string
	var total int64
	for _, p := range ps {
		lead := ""
		var text []string
		for _, m := range p.Members {
			if m.Role == store.RoleLead {
				lead = m.Org
			}
			text = append(text, m.Org, m.Rep)
		}
		if s.e.query != "" && !strings.Contains(p.District+" "+strings.Join(text, " "), s.e.query) {
			continue
		}
		s.plats = append(s.plats, p)
		total += p.Grant
		rows = append(rows, []string{fmt.Sprint(p.Year), p.District, lead, fmt.Sprint(len(p.Members)),
			fmt.Sprintf("%d %s", p.Growth, store.GrowthStages[p.Growth]), store.Money(p.Grant)})
	}
	s.grid.SetRows(rows, []string{"계", fmt.Sprintf("%d개 구", len(rows)), "", "", "", store.Money(total)})
	s.roster.SetRows(nil, nil)
	if len(rows) == 0 {
		s.head.SetText(fmt.Sprintf("%d년 시민협력플랫폼이 없습니다. [접수·가져오기]에서 자치구 파일을 불러오세요.", s.e.year))
	} else {
		s.head.SetText("위 표에서 자치구를 고르면 컨소시엄 단체 구성이 여기에 나옵니다.")
	}
}

func (s *platformsScreen) selectFirst() {
	if s.grid.Rows() > 0 {
		s.grid.Table.Select(widget.TableCellID{Row: 0, Col: 0})
	}
}
