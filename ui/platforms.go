package ui

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"
	"hyeopchi/ui/field"
)

// platformsScreen is 시민협력플랫폼: the year's consortia (table with a 계
// row), the roster of the selected one in the plan's 참고2 layout with its
// member editor, and on the right the consortium's form with its
// indicators and 작년과 비교. The roster and indicators are edited in
// memory and stored with the consortium by 저장, in one rule check.
type platformsScreen struct {
	e      *env
	grid   *Grid
	plats  []store.Platform
	checks []store.Problems // the rules' findings per row of plats

	cur     store.Platform    // the consortium in the form as stored (ID 0: new)
	loaded  bool              // a consortium is in the form
	members []store.Member    // its roster as edited
	inds    []store.Indicator // its indicators as edited

	form       *form
	district   *widget.Select
	year       *field.Entry
	name       *field.Entry
	space      *field.Entry
	growth     *widget.Select
	status     *widget.Select
	startOn    *field.Entry  // 사업 개시일
	startHint  *widget.Label // the support period it starts
	grant      *field.Entry
	months     *field.Entry
	monthsHint *widget.Label
	note       *field.Entry
	copyBtn    *widget.Button
	delBtn     *widget.Button

	rosterHead *widget.Label
	roster     *Grid
	rosterLine *widget.Label // the selected member in full (the table may cut it)
	rosterMsg  *widget.Label // problems of the roster ("members…"), under it
	rosterPane *fyne.Container
	rosterBad  map[int]bool // member rows with an error
	rosterSel  int
	addMember  *widget.Button
	editMember *widget.Button
	delMember  *widget.Button

	indGrid *Grid
	indMsg  *widget.Label // the indicators' problems (both kinds, targets), under them
	indSel  int
	addInd  *widget.Button
	editInd *widget.Button
	delInd  *widget.Button

	compareHead *widget.Label
	compare     *fyne.Container // one wrapped line per change
	formScroll  *container.Scroll
	tabs        *container.AppTabs

	md *memberDialog    // the member dialog last opened (tests, screenshots)
	id *indicatorDialog // the indicator dialog last opened
}

var growthOptions = func() []string {
	var out []string
	for g := 1; g <= len(store.GrowthStages); g++ {
		out = append(out, fmt.Sprintf("%d %s", g, store.GrowthStages[g]))
	}
	return out
}()

func newPlatformsScreen(e *env) *platformsScreen {
	s := &platformsScreen{e: e, rosterSel: -1, indSel: -1}
	s.grid = NewGrid(
		Column{Title: "자치구", Width: 74}, Column{Title: "대표 단체", Width: 170},
		Column{Title: "단체 수", Width: 62, Numeric: true}, Column{Title: "성장 단계", Width: 120},
		Column{Title: "선정 단계", Width: 126}, Column{Title: "지원액(천원)", Width: 110, Numeric: true},
		Column{Title: "점검", Width: 90},
	)
	// Records that break a rule (old ones too, which are kept as they are) are marked.
	s.grid.Style = func(row, col int) widget.Importance {
		switch {
		case col != platColCheck || row >= len(s.checks):
		case s.checks[row].HasErrors():
			return widget.DangerImportance
		case len(s.checks[row]) > 0:
			return widget.WarningImportance
		}
		return widget.MediumImportance
	}
	s.grid.OnSelect = func(i int) {
		if i < 0 || i >= len(s.plats) {
			return
		}
		p := s.plats[i]
		if s.loaded && s.cur.ID == p.ID {
			return
		}
		s.form.leave(func() { s.load(p) })
	}

	s.form = newForm(e, s.save, s.cancel)
	s.district = newSelect(store.Districts, func(string) { s.districtChanged() })
	s.year = field.NewEntry()
	s.year.OnChanged = func(string) { s.contextChanged() }
	s.name = field.NewEntry()
	s.space = field.NewEntry()
	s.space.SetPlaceHolder("50 이상")
	s.growth = newSelect(growthOptions, nil)
	s.status = newSelect(store.Labels(store.PlatformStatuses), nil)
	s.startOn = field.NewEntry()
	s.startOn.SetPlaceHolder("2017-09-01")
	s.startHint = widget.NewLabel("")
	s.startOn.OnChanged = func(string) { s.updateStartHint() }
	s.grant = field.NewEntry()
	s.grant.SetPlaceHolder("최대 100,000")
	s.months = field.NewEntry()
	s.months.OnChanged = func(string) {
		s.updateMonthsHint()
		s.updateStartHint()
	}
	s.monthsHint = widget.NewLabel("")
	s.note = field.NewMultiLineEntry()
	s.note.SetMinRowsVisible(2)
	s.form.add("district", "자치구", s.district)
	s.form.add("year", "연도", s.year)
	s.form.add("name", "컨소시엄", s.name)
	s.form.add("space", "공간(㎡)", s.space)
	s.form.add("growth_stage", "성장 단계", s.growth)
	s.form.add("status", "선정 단계", s.status)
	s.form.add("start_on", "사업 개시일", container.NewBorder(nil, nil, nil, s.startHint, s.startOn))
	s.form.watch(s.startOn)
	s.form.add("grant", "지원액(천원)", s.grant)
	s.form.add("months", "지원 개월", container.NewBorder(nil, nil, nil, s.monthsHint, s.months))
	s.form.watch(s.months)
	s.form.add("note", "비고", s.note)
	s.copyBtn = widget.NewButton("다음 해로 복사", s.copyToNextYear)
	s.delBtn = widget.NewButton("삭제", s.remove)
	s.delBtn.Importance = widget.DangerImportance

	s.rosterHead = widget.NewLabel("")
	s.rosterHead.TextStyle.Bold = true
	s.rosterHead.Truncation = fyne.TextTruncateEllipsis
	s.roster = NewGrid(Column{Title: "구분", Width: 100}, Column{Title: "단체명", Width: 220},
		Column{Title: "대표자 명", Width: 226}, Column{Title: "연락처", Width: 124})
	s.roster.OnSelect = s.rosterSelected
	s.rosterLine = widget.NewLabel("")
	s.rosterLine.Wrapping = fyne.TextWrapWord
	s.rosterLine.Hide()
	s.roster.Style = func(row, _ int) widget.Importance {
		if s.rosterBad[row] {
			return widget.DangerImportance
		}
		return widget.MediumImportance
	}
	s.rosterMsg = problemLabel()
	s.addMember = widget.NewButton("+ 구성원", func() { s.openMember(-1) })
	s.editMember = widget.NewButton("수정", func() {
		if s.rosterSel >= 0 {
			s.openMember(s.rosterSel)
		}
	})
	s.delMember = widget.NewButton("빼기", s.removeMember)

	s.indGrid = NewGrid(Column{Title: "구분", Width: 52}, Column{Title: "지표", Width: 160},
		Column{Title: "목표", Width: 72}, Column{Title: "실적", Width: 72})
	s.indGrid.OnSelect = func(i int) { s.indSel = i }
	s.addInd = widget.NewButton("+ 지표", func() { s.openIndicator(-1) })
	s.editInd = widget.NewButton("수정", func() {
		if s.indSel >= 0 {
			s.openIndicator(s.indSel)
		}
	})
	s.delInd = widget.NewButton("빼기", s.removeIndicator)

	s.compareHead = widget.NewLabel("")
	s.compareHead.Wrapping = fyne.TextWrapWord
	s.compareHead.TextStyle.Bold = true
	s.compare = container.NewVBox()
	s.formScroll = container.NewVScroll(s.form.rows)
	s.indMsg = problemLabel()
	indPane := container.NewBorder(container.NewHBox(s.addInd, s.editInd, s.delInd), s.indMsg, nil, nil, s.indGrid)
	s.tabs = container.NewAppTabs(
		container.NewTabItem("컨소시엄", s.formScroll),
		container.NewTabItem("성과지표", indPane),
		container.NewTabItem("작년과 비교", container.NewVScroll(container.NewVBox(s.compareHead, s.compare))),
	)
	s.setEnabled(false)
	return s
}

func (s *platformsScreen) content() fyne.CanvasObject {
	memberBtns := container.NewHBox(s.addMember, s.editMember, s.delMember)
	s.rosterPane = container.NewBorder(container.NewBorder(nil, nil, nil, memberBtns, s.rosterHead),
		container.NewVBox(s.rosterLine, s.rosterMsg), nil, nil, s.roster)
	left := container.NewVSplit(s.grid, s.rosterPane)
	left.Offset = 0.6

	buttons := container.NewHBox(s.form.saveBtn, s.form.cancel, layout.NewSpacer(), s.copyBtn, s.delBtn)
	right := container.NewBorder(nil, container.NewVBox(s.form.general, buttons), nil, nil, s.tabs)
	split := container.NewHSplit(left, right)
	split.Offset = 0.65
	return split
}

func (s *platformsScreen) refresh() {
	ps, err := s.e.st.Platforms(s.e.filter())
	s.e.showError(err)
	all, err := s.e.st.Platforms(store.Filter{District: s.e.district})
	s.e.showError(err)
	s.plats, s.checks = s.plats[:0], s.checks[:0]
	var rows [][]string
	var total int64
	for _, p := range ps {
		if !store.NewQuery(s.e.query).Match(platformFields(p)...) {
			continue
		}
		s.plats = append(s.plats, p)
		var others []store.Platform
		for _, o := range all {
			if o.District == p.District && o.ID != p.ID {
				others = append(others, o)
			}
		}
		s.checks = append(s.checks, store.CheckPlatform(p, others))
		total += p.Grant
		rows = append(rows, []string{p.District, leadOf(p), fmt.Sprint(orgCount(p)),
			growthLabel(p.Growth), string(p.Status), store.Money(p.Grant), checkText(s.checks[len(s.checks)-1])})
	}
	s.grid.SetRows(rows, []string{"계", fmt.Sprintf("%d개 구", len(rows)), "", "", "", store.Money(total), ""})
	if s.form.dirty {
		return // keep the coordinator's edits on screen
	}
	for i, p := range s.plats {
		if s.loaded && p.ID == s.cur.ID && p.ID != 0 {
			s.grid.SelectRow(i)
			s.load(p)
			return
		}
	}
	s.clear()
}

// platformFields are what the top bar's search looks in: district, name,
// organisations, representatives and notes (never contacts).
func platformFields(p store.Platform) []string {
	text := []string{p.District, p.Name, p.Note}
	for _, m := range p.Members {
		text = append(text, m.Org, m.Rep, m.Note)
	}
	return text
}

func leadOf(p store.Platform) string {
	for _, m := range p.Members {
		if m.Role == store.RoleLead {
			return m.Org
		}
	}
	return ""
}

// orgCount is the number of organisations (the manager is a person).
func orgCount(p store.Platform) int {
	n := 0
	for _, m := range p.Members {
		if m.Role != store.RoleManager {
			n++
		}
	}
	return n
}

// platColCheck is the table's column of rule findings.
const platColCheck = 6

func growthLabel(g int) string {
	if l, ok := store.GrowthStages[g]; ok {
		return fmt.Sprintf("%d %s", g, l)
	}
	return ""
}

func (s *platformsScreen) selectFirst() {
	if s.grid.Rows() > 0 {
		s.grid.Table.Select(widget.TableCellID{Row: 0, Col: 0})
	}
}

// selectDistrict selects the district's consortium in the table.
func (s *platformsScreen) selectDistrict(d string) bool {
	for i, p := range s.plats {
		if p.District == d {
			s.grid.SelectRow(i)
			return true
		}
	}
	return false
}

// create starts a new consortium for the year and district of the top
// bar (or the first district without one that year).
func (s *platformsScreen) create() {
	s.form.leave(func() {
		d := s.e.district
		if d == "" {
			taken := map[string]bool{}
			all, _ := s.e.st.Platforms(store.Filter{Year: s.e.year})
			for _, p := range all {
				taken[p.District] = true
			}
			for _, name := range store.Districts {
				if !taken[name] {
					d = name
					break
				}
			}
		}
		p := store.Platform{District: d, Year: s.e.year, Growth: 1, Months: 12, Status: store.PlatformStatuses[0]}
		if d != "" {
			p.Name = store.PlatformName(d)
		}
		s.grid.Table.UnselectAll()
		s.load(p)
		s.tabs.SelectIndex(0)
		s.e.win.Canvas().Focus(s.space)
	})
}

// load puts a consortium in the form.
func (s *platformsScreen) load(p store.Platform) {
	s.cur, s.loaded = p, true
	s.members = slices.Clone(p.Members)
	s.inds = slices.Clone(p.Indicators)
	s.rosterSel, s.indSel = -1, -1
	s.form.load(func() {
		if p.District == "" {
			s.district.ClearSelected()
		} else {
			s.district.SetSelected(p.District)
		}
		s.year.SetText(strconv.Itoa(p.Year))
		s.name.SetText(p.Name)
		s.space.SetText(countText(p.Space))
		if p.Growth >= 1 && p.Growth <= len(growthOptions) {
			s.growth.SetSelectedIndex(p.Growth - 1)
		} else {
			s.growth.ClearSelected()
		}
		if slices.Contains(store.PlatformStatuses, p.Status) {
			s.status.SetSelected(string(p.Status))
		} else {
			s.status.ClearSelected()
		}
		s.startOn.SetText(string(p.StartOn))
		s.grant.SetText(store.Money(p.Grant))
		s.months.SetText(strconv.Itoa(p.Months))
		s.note.SetText(p.Note)
	})
	s.setEnabled(true)
	s.delBtn.Enable()
	s.copyBtn.Enable()
	if p.ID == 0 {
		s.delBtn.Disable()
		s.copyBtn.Disable()
	}
	s.rosterChanged(false)
	s.indicatorsChanged(false)
	// a stored consortium shows what the rules say of it now (an older
	// record may break a rule made since)
	var ps store.Problems
	if p.ID != 0 {
		all, err := s.e.st.Platforms(store.Filter{District: p.District})
		s.e.showError(err)
		var others []store.Platform
		for _, o := range all {
			if o.ID != p.ID {
				others = append(others, o)
			}
		}
		ps = store.CheckPlatform(p, others)
	}
	s.showProblems(ps)
}

// clear empties the form: nothing selected.
func (s *platformsScreen) clear() {
	s.cur, s.loaded = store.Platform{}, false
	s.members, s.inds = nil, nil
	s.form.load(func() {
		s.district.ClearSelected()
		for _, e := range []*field.Entry{s.year, s.name, s.space, s.startOn, s.grant, s.months, s.note} {
			e.SetText("")
		}
		s.growth.ClearSelected()
		s.status.ClearSelected()
	})
	s.showProblems(nil)
	s.roster.SetRows(nil, nil)
	s.indGrid.SetRows(nil, nil)
	s.setCompare("", nil)
	s.monthsHint.SetText("")
	s.setEnabled(false)
	if len(s.plats) == 0 {
		s.rosterHead.SetText(fmt.Sprintf("%d년 시민협력플랫폼이 없습니다. [+ 새로] 또는 [접수·가져오기]에서 자치구 파일을 불러오세요.", s.e.year))
	} else {
		s.rosterHead.SetText("표에서 자치구를 고르면 컨소시엄 단체 구성이 여기에 나옵니다.")
	}
}

func (s *platformsScreen) setEnabled(on bool) {
	type enabler interface {
		Enable()
		Disable()
	}
	for _, w := range []enabler{s.district, s.year, s.name, s.space, s.growth, s.status, s.startOn, s.grant, s.months, s.note,
		s.form.saveBtn, s.form.cancel, s.copyBtn, s.delBtn, s.addMember, s.editMember, s.delMember,
		s.addInd, s.editInd, s.delInd} {
		if on {
			w.Enable()
		} else {
			w.Disable()
		}
	}
}

// read is the consortium as the form has it; problems are what could not
// be read (placed under their fields like rule problems).
func (s *platformsScreen) read() (store.Platform, store.Problems) {
	p := s.cur
	var bad store.Problems
	count := func(name, label, unit string, e *field.Entry) int {
		v, pr := parseCount(label, strings.TrimSuffix(strings.TrimSpace(e.Text), unit))
		if pr != nil {
			pr.Field = name
			bad = append(bad, *pr)
		}
		return v
	}
	p.District = s.district.Selected
	p.Year = count("year", "연도", "년", s.year)
	p.Name = strings.TrimSpace(s.name.Text)
	p.Space = count("space", "공간 면적", "㎡", s.space)
	p.Growth = s.growth.SelectedIndex() + 1
	p.Status = store.PlatformStatus(s.status.Selected)
	g, pr := parseAmount("지원액", s.grant.Text)
	if pr != nil {
		pr.Field = "grant"
		bad = append(bad, *pr)
	}
	p.Grant = g
	on, pr := parseDateField("사업 개시일", s.startOn.Text)
	if pr != nil {
		pr.Field = "start_on"
		bad = append(bad, *pr)
	}
	p.StartOn = on
	p.Months = count("months", "지원 개월 수", "개월", s.months)
	p.Note = strings.TrimSpace(s.note.Text)
	p.Members = slices.Clone(s.members)
	p.Indicators = slices.Clone(s.inds)
	return p, bad
}

func (s *platformsScreen) save() {
	if !s.loaded {
		return
	}
	p, bad := s.read()
	if len(bad) > 0 {
		s.showProblems(bad)
		return
	}
	ps, err := s.e.st.SavePlatform(&p)
	var invalid *store.InvalidError
	if errors.As(err, &invalid) {
		s.showProblems(ps)
		return
	}
	if err != nil {
		s.e.showError(err)
		return
	}
	s.form.dirty = false
	s.cur = p
	s.refresh()
	s.showProblems(ps) // warnings stay in sight
}

func (s *platformsScreen) cancel() {
	if s.cur.ID == 0 {
		s.form.dirty = false
		s.clear()
		return
	}
	s.load(s.cur)
}

func (s *platformsScreen) remove() {
	if !s.loaded || s.cur.ID == 0 {
		return
	}
	p := s.cur
	confirmDelete(s.e, fmt.Sprintf("%d년 %s 시민협력플랫폼(%s)", p.Year, p.District, p.Name), func() error {
		if err := s.e.st.DeletePlatform(p.ID); err != nil {
			return err
		}
		s.form.dirty = false
		s.loaded = false
		s.refresh()
		return nil
	})
}

// copyToNextYear copies the stored roster into next year (the store
// refuses when next year already has one).
func (s *platformsScreen) copyToNextYear() {
	if !s.loaded || s.cur.ID == 0 {
		return
	}
	if s.form.dirty {
		s.e.showError(errors.New("바꾼 내용을 먼저 저장하세요: 다음 해로는 저장된 명단을 복사합니다"))
		return
	}
	next, _, err := s.e.st.CopyRosterToNextYear(s.cur.ID)
	if err != nil {
		s.e.showError(err)
		return
	}
	dialog.ShowInformation("다음 해로 복사",
		fmt.Sprintf("%d년 %s 명단을 %d년으로 복사했습니다.\n선정 단계는 %s, 성과지표 실적은 비워 두었습니다.\n상단의 연도를 %d(으)로 바꾸면 고칠 수 있습니다.",
			s.cur.Year, s.cur.District, next.Year, next.Status, next.Year), s.e.win)
}

// showProblems puts consortium problems under their fields and roster
// problems ("members", "members[i].…") under the roster.
func (s *platformsScreen) showProblems(ps store.Problems) {
	var form, roster, inds store.Problems
	for _, p := range ps {
		switch {
		case store.IsRosterField(p.Field):
			roster = append(roster, p)
		case strings.HasPrefix(p.Field, "indicators"):
			inds = append(inds, p)
		default:
			form = append(form, p)
		}
	}
	setProblems(s.indMsg, inds)
	s.form.showProblems(form)
	// A problem label measures its lines at the width it had when hidden;
	// give it the row's width and lay the rows out again.
	for _, l := range s.form.msgs {
		if l.Visible() {
			l.Resize(fyne.NewSize(s.form.rows.Size().Width, l.Size().Height))
		}
	}
	s.form.rows.Refresh()
	s.formScroll.Refresh()
	s.showRosterProblems(roster)
	if form.HasErrors() {
		s.tabs.SelectIndex(0)
	}
}

func (s *platformsScreen) showRosterProblems(ps store.Problems) {
	s.rosterBad = map[int]bool{}
	for _, p := range ps.Errors() {
		var i int
		var rest string
		if _, err := fmt.Sscanf(p.Field, "members[%d]%s", &i, &rest); err == nil {
			s.rosterBad[i] = true
		}
	}
	setWrapped(s.rosterPane, s.rosterMsg, s.roster.Size().Width, func() { setProblems(s.rosterMsg, ps) })
	s.roster.Refresh()
}

// setWrapped changes a word-wrapped label under a table: sized to the
// table's width first, so that it measures its lines at that width and
// the pane lays it out at its real height.
func setWrapped(pane *fyne.Container, l *widget.Label, width float32, set func()) {
	set()
	if width > 0 {
		l.Resize(fyne.NewSize(width, l.Size().Height))
	}
	if pane != nil {
		pane.Refresh()
	}
}

// districtChanged follows the district: a name still the default follows too.
func (s *platformsScreen) districtChanged() {
	d := s.district.Selected
	if d != "" && !s.form.loading {
		n := strings.TrimSpace(s.name.Text)
		if n == "" || strings.HasSuffix(n, " 시민협력플랫폼") && store.IsDistrict(strings.TrimSuffix(n, " 시민협력플랫폼")) {
			s.name.SetText(store.PlatformName(d))
		}
	}
	s.contextChanged()
}

// contextChanged: district or year changed, so the months used and last
// year's roster may too.
func (s *platformsScreen) contextChanged() {
	if s.form.loading || !s.loaded {
		return
	}
	s.updateMonthsHint()
	s.showCompare()
	s.showRosterHead()
}

// formYear is the year in the form, or the stored one while it is being typed.
func (s *platformsScreen) formYear() int {
	if y, err := strconv.Atoi(strings.TrimSpace(s.year.Text)); err == nil {
		return y
	}
	return s.cur.Year
}

// updateMonthsHint shows the district's months of support with this year's.
func (s *platformsScreen) updateMonthsHint() {
	if !s.loaded || s.district.Selected == "" {
		s.monthsHint.SetText("")
		return
	}
	all, err := s.e.st.Platforms(store.Filter{District: s.district.Selected})
	if err != nil {
		return
	}
	var others []store.Platform
	for _, o := range all {
		if o.ID != s.cur.ID {
			others = append(others, o)
		}
	}
	m, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(s.months.Text, "개월")))
	s.monthsHint.SetText(fmt.Sprintf("누계 %d / %d개월", store.PlatformMonthsUsed(others)+max(m, 0), store.PlatformMonthsCap))
}

// updateStartHint shows the support period the 사업 개시일 starts: its
// months (12 a year) from that day.
func (s *platformsScreen) updateStartHint() {
	on, pr := parseDateField("사업 개시일", s.startOn.Text)
	m, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(s.months.Text, "개월")))
	end := store.Platform{StartOn: on, Months: m}.SupportEnd()
	if pr != nil || end.IsZero() {
		s.startHint.SetText("")
		return
	}
	s.startHint.SetText(fmt.Sprintf("지원 기간 ~ %s (%d개월)", end, m))
}

// showRecord selects the consortium with the given ID (a dashboard click).
func (s *platformsScreen) showRecord(id uint64) bool {
	for i, p := range s.plats {
		if p.ID == id {
			s.grid.SelectRow(i)
			return true
		}
	}
	return false
}
