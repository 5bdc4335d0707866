package ui

import (
	"cmp"
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/reports"
	"hyeopchi/store"
	"hyeopchi/ui/field"
)

// sameAsDefault is a report's 공개여부 choice that follows the default.
const sameAsDefault = "기본값"

// docRow is one report kind's header fields in 설정.
type docRow struct {
	number, approved, policy *field.Entry
	disclosure               *widget.Select
}

// docRows lays out the header of every report kind: 보고서 | 문서번호 |
// 결재일자 | 방침번호 | 공개여부.
func (s *settingsForm) docRows() fyne.CanvasObject {
	s.docs = map[string]*docRow{}
	grid := container.NewGridWithColumns(5, boldLabel("보고서"), boldLabel("문서번호"), boldLabel("결재일자(결재 후)"),
		boldLabel("방침번호"), boldLabel("공개여부"))
	for _, k := range reports.Kinds {
		r := &docRow{number: hintEntry("예: …담당관-2101"), approved: hintEntry("2017-02-22"),
			policy: hintEntry("예: 방침 제7호"), disclosure: widget.NewSelect(append([]string{sameAsDefault}, store.Disclosures...), nil)}
		s.docs[k] = r
		for _, w := range []fyne.CanvasObject{r.number, r.approved, r.policy, r.disclosure} {
			s.f.watch(w)
		}
		grid.Add(widget.NewLabel(reports.Title(k)))
		grid.Add(r.number)
		grid.Add(r.approved)
		grid.Add(r.policy)
		grid.Add(r.disclosure)
	}
	return grid
}

// settingsForm is 설정 (파일 → 설정…): the office and department that head
// official documents, the approval line (결재선) in order, the default
// disclosure, each report's header (문서번호, 결재일자 once approved,
// 방침번호, 공개여부), the year the program opens on, and the 권역 of each
// district.
type settingsForm struct {
	u          *App
	f          *form
	st         store.Settings
	office     *field.Entry
	department *field.Entry
	disclosure *widget.Select
	docs       map[string]*docRow // report kind → its header fields
	year       *field.Entry
	approvers  []*field.Entry
	approval   *fyne.Container
	regions    map[string]*widget.Select
	years      *yearRules // deadlines and event targets per year
	dlg        dialog.Dialog
}

func newSettingsForm(u *App) *settingsForm {
	s := &settingsForm{u: u, regions: map[string]*widget.Select{}}
	s.f = newForm(u.env, s.save, s.close)
	s.office = field.NewEntry()
	s.department = field.NewEntry()
	s.disclosure = widget.NewSelect(store.Disclosures, nil)
	s.year = field.NewEntry()
	s.approval = container.NewVBox()
	add := widget.NewButton("+ 결재자 추가", func() {
		s.addApprover("")
		s.f.markChanged()
		s.layoutApprovers()
	})
	s.f.add("data_location", "데이터 위치", u.dataLocationRow())
	s.f.add(store.KeyOffice, "기관", s.office)
	s.f.add(store.KeyDepartment, "부서", s.department)
	s.f.add(store.KeyApprovalLine, "결재선", container.NewBorder(nil, container.NewHBox(add), nil, nil, s.approval))
	s.f.add(store.KeyDisclosure, "공개여부(기본)", s.disclosure)
	s.f.add(store.KeyDocuments, "보고서 머리", s.docRows())
	s.f.add(store.KeyCurrentYear, "기준 연도", s.year)
	grid := container.NewGridWithColumns(3)
	for _, name := range store.Districts {
		sel := widget.NewSelect(store.Regions, nil)
		s.regions[name] = sel
		s.f.watch(sel)
		label := widget.NewLabel(name)
		grid.Add(container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(80, label.MinSize().Height), label), nil, sel))
	}
	s.f.add("regions", "권역", grid)
	s.years = newYearRules(s.f)
	s.years.add()
	s.load()
	return s
}

func (s *settingsForm) load() {
	st, err := s.u.env.st.Settings()
	s.u.env.showError(err)
	ds, err := s.u.env.st.Districts()
	s.u.env.showError(err)
	s.st = st
	s.f.load(func() {
		s.office.SetText(st.Office)
		s.department.SetText(st.Department)
		s.disclosure.SetSelected(st.Disclosure)
		for _, k := range reports.Kinds {
			h := st.Documents[k]
			r := s.docs[k]
			r.number.SetText(h.DocNumber)
			r.approved.SetText(string(h.Approved))
			r.policy.SetText(h.PolicyNumber)
			r.disclosure.SetSelected(cmp.Or(h.Disclosure, sameAsDefault))
		}
		s.year.SetText(strconv.Itoa(st.CurrentYear))
		s.approvers = nil
		for _, a := range st.ApprovalLine {
			s.addApprover(a)
		}
		for _, d := range ds {
			if sel, ok := s.regions[d.Name]; ok {
				sel.SetSelected(d.Region)
			}
		}
		s.years.load(st)
	})
	s.layoutApprovers()
}

func (s *settingsForm) addApprover(title string) {
	e := field.NewEntry()
	e.SetText(title)
	e.OnChanged = func(string) {
		if !s.f.loading {
			s.f.markChanged()
		}
	}
	s.approvers = append(s.approvers, e)
}

// layoutApprovers draws the approval line: one row per approver, in
// signing order, with buttons to move or remove it.
func (s *settingsForm) layoutApprovers() {
	s.approval.Objects = nil
	for i, e := range s.approvers {
		i := i
		up := widget.NewButton("▲", func() { s.moveApprover(i, i-1) })
		down := widget.NewButton("▼", func() { s.moveApprover(i, i+1) })
		del := widget.NewButton("빼기", func() {
			s.approvers = append(s.approvers[:i], s.approvers[i+1:]...)
			s.f.markChanged()
			s.layoutApprovers()
		})
		if i == 0 {
			up.Disable()
		}
		if i == len(s.approvers)-1 {
			down.Disable()
		}
		num := widget.NewLabel(strconv.Itoa(i+1) + ".")
		s.approval.Add(container.NewBorder(nil, nil, num, container.NewHBox(up, down, del), e))
	}
	s.approval.Refresh()
}

func (s *settingsForm) moveApprover(from, to int) {
	if to < 0 || to >= len(s.approvers) {
		return
	}
	s.approvers[from], s.approvers[to] = s.approvers[to], s.approvers[from]
	s.f.markChanged()
	s.layoutApprovers()
}

func (s *settingsForm) save() {
	st := s.st
	st.Office = strings.TrimSpace(s.office.Text)
	st.Department = strings.TrimSpace(s.department.Text)
	st.Disclosure = s.disclosure.Selected
	st.Documents = map[string]store.DocHeader{}
	var bad store.Problems
	for _, k := range reports.Kinds {
		r := s.docs[k]
		h := store.DocHeader{DocNumber: strings.TrimSpace(r.number.Text), PolicyNumber: strings.TrimSpace(r.policy.Text)}
		if r.disclosure.Selected != sameAsDefault {
			h.Disclosure = r.disclosure.Selected
		}
		var p *store.Problem
		if h.Approved, p = parseDateField(reports.Title(k)+" 결재일자", r.approved.Text); p != nil {
			p.Field = "documents" // shown under the reports' headers
			bad = append(bad, *p)
		}
		if h != (store.DocHeader{}) {
			st.Documents[k] = h
		}
	}
	if len(bad) > 0 {
		s.f.showProblems(bad)
		return
	}
	st.ApprovalLine = nil
	for _, e := range s.approvers {
		st.ApprovalLine = append(st.ApprovalLine, strings.TrimSpace(e.Text))
	}
	y, p := parseCount("기준 연도", s.year.Text)
	if p != nil {
		p.Field = "current_year"
		s.f.showProblems(store.Problems{*p})
		return
	}
	st.CurrentYear = y
	if ps := s.years.read(&st); len(ps) > 0 {
		s.f.showProblems(ps)
		return
	}
	if ps := store.CheckSettings(st); ps.HasErrors() {
		s.f.showProblems(ps)
		return
	}
	regions := map[string]string{}
	for name, sel := range s.regions {
		if sel.Selected != "" {
			regions[name] = sel.Selected
		}
	}
	e := s.u.env
	err := e.st.SaveSettings(st)
	var inv *store.InvalidError
	if errors.As(err, &inv) {
		s.f.showProblems(inv.Problems)
		return
	}
	if err == nil {
		err = e.st.SaveRegions(regions)
	}
	if err != nil {
		e.showError(err)
		return
	}
	s.f.markClean()
	if st.CurrentYear != s.st.CurrentYear {
		s.u.setYear(st.CurrentYear)
	}
	s.st = st
	s.u.refreshCurrent()
	s.close()
}

func (s *settingsForm) close() {
	if s.dlg != nil {
		s.dlg.Hide()
	}
}

// settingsDialog opens 설정 over the window.
func (u *App) settingsDialog() *settingsForm {
	s := newSettingsForm(u)
	s.dlg = dialog.NewCustomWithoutButtons("설정", s.f.object(), u.env.win)
	s.dlg.Resize(fyne.NewSize(900, 680))
	s.dlg.Show()
	return s
}
