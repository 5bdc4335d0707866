package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"
)

// dashboard is 현황: the 25 districts × programmes for the selected year.
type dashboard struct {
	e     *env
	grid  *Grid
	title *widget.Label
	rows  []dashRow
}

type dashRow struct {
	district, region string
	planID, platID   uint64
}

func newDashboard(e *env) *dashboard {
	d := &dashboard{e: e}
	d.grid = NewGrid(
		Column{Title: "권역", Width: 80}, Column{Title: "자치구", Width: 90},
		Column{Title: "혁신계획 단계", Width: 120}, Column{Title: "혁신계획 지원액(천원)", Width: 150, Numeric: true},
		Column{Title: "플랫폼 단계", Width: 150}, Column{Title: "플랫폼 지원액(천원)", Width: 140, Numeric: true},
		Column{Title: "교육 회차", Width: 80, Numeric: true}, Column{Title: "제출", Width: 80, Numeric: true},
	)
	d.grid.OnSelect = func(i int) {
		if i < 0 || i >= len(d.rows) {
			return
		}
		switch {
		case d.rows[i].planID != 0:
			e.open(1)
		case d.rows[i].platID != 0:
			e.open(2)
		}
	}
	d.title = widget.NewLabel("")
	d.title.TextStyle.Bold = true
	return d
}

func (d *dashboard) content() fyne.CanvasObject {
	return container.NewBorder(d.title, nil, nil, nil, d.grid)
}

func (d *dashboard) refresh() {
	e := d.e
	f := store.Filter{Year: e.year}
	ds, err := e.st.Districts()
	e.showError(err)
	plans, _ := e.st.Plans(f)
	plats, _ := e.st.Platforms(f)
	sessions, _ := e.st.Sessions(f)
	subs, _ := e.st.Submissions(f)
	var rows [][]string
	d.rows = nil
	var planSum, platSum int64
	var sessSum, subSum int
	for _, dist := range ds {
		if e.district != "" && dist.Name != e.district {
			continue
		}
		if e.query != "" && !strings.Contains(dist.Name+dist.Region, e.query) {
			continue
		}
		r := dashRow{district: dist.Name, region: dist.Region}
		row := []string{dist.Region, dist.Name, "-", "", "-", "", "", ""}
		for _, p := range plans {
			if p.District == dist.Name {
				row[2], row[3] = p.Stage.String(), store.Money(p.Amount)
				r.planID = p.ID
				planSum += p.Amount
			}
		}
		for _, p := range plats {
			if p.District == dist.Name {
				row[4] = fmt.Sprintf("%d단계 %s", p.Growth, store.GrowthStages[p.Growth])
				row[5] = store.Money(p.Grant)
				r.platID = p.ID
				platSum += p.Grant
			}
		}
		n := 0
		for _, x := range sessions {
			if x.District == dist.Name {
				n++
			}
		}
		sessSum += n
		row[6] = fmt.Sprint(n)
		m := 0
		for _, x := range subs {
			if x.District == dist.Name {
				m++
			}
		}
		subSum += m
		row[7] = fmt.Sprint(m)
		rows = append(rows, row)
		d.rows = append(d.rows, r)
	}
	d.grid.SetRows(rows, []string{"계", fmt.Sprintf("%d개 구", len(rows)), "", store.Money(planSum), "", store.Money(platSum), fmt.Sprint(sessSum), fmt.Sprint(subSum)})
	d.title.SetText(fmt.Sprintf("%d년 현황: 자치구별 혁신계획·플랫폼·교육·제출", e.year))
}
