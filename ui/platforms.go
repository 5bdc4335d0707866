package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"
	"hyeopchi/ui/field"

	"hyeopchi/store/value"
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

	cur     store.Platform            // the consortium in the form as stored (ID 0: new)
	loaded  bool                      // a consortium is in the form
	members *rowList[store.Member]    // its roster as edited, with its table
	inds    *rowList[store.Indicator] // its indicators as edited

	form       *editor[store.Platform] // the consortium's fields (store.PlatformFields)
	startHint  *widget.Label           // beside 사업 개시일: the support period it starts
	monthsHint *widget.Label           // beside 지원 개월: the district's months in all
	copyBtn    *widget.Button
	delBtn     *widget.Button

	rosterHead *widget.Label
	rosterLine *widget.Label // the selected member in full (the table may cut it)
	rosterMsg  *widget.Label // problems of the roster ("members…"), under it
	rosterPane *fyne.Container
	rosterBad  map[int]bool // member rows with an error

	indMsg *widget.Label // the indicators' problems (both kinds, targets), under them

	compareHead *widget.Label
	compare     *fyne.Container // one wrapped line per change
	formScroll  *container.Scroll
	tabs        *container.AppTabs
}

func newPlatformsScreen(e *env) *platformsScreen {
	s := &platformsScreen{e: e}
	s.makeTable()
	s.makeForm()
	s.makeRoster()
	s.makeIndicators()
	s.makeTabs()
	s.setEnabled(false)
	return s
}

// makeTable is the consortia's table; a row's 점검 cell is marked when
// the record breaks a rule (old ones too, which are kept as they are).
func (s *platformsScreen) makeTable() {
	s.grid = NewGrid(
		Column{Title: "자치구", Width: 74}, Column{Title: "대표 단체", Width: 170},
		Column{Title: "단체 수", Width: 62, Numeric: true}, Column{Title: "성장 단계", Width: 120},
		Column{Title: "선정 단계", Width: 126}, Column{Title: "지원액(천원)", Width: 110, Numeric: true},
		Column{Title: "점검", Width: 90, Checks: true},
	)
	s.grid.Problems = func(row int) store.Problems {
		if row < 0 || row >= len(s.checks) {
			return nil
		}
		return s.checks[row]
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
}

// makeForm is the consortium's form: its fields, with the support period
// beside 사업 개시일 and the district's months beside 지원 개월; district
// and year also move the roster's heading and 작년과 비교.
func (s *platformsScreen) makeForm() {
	s.startHint = widget.NewLabel("")
	s.monthsHint = widget.NewLabel("")
	s.form = newLaidOutEditor(s.e, store.PlatformFields, s.save, s.cancel)
	beside := map[string]fyne.CanvasObject{store.KeyStartOn: s.startHint, store.KeyMonths: s.monthsHint}
	for _, f := range store.PlatformFields {
		in := s.form.inputs[f.Key]
		if b, ok := beside[f.Key]; ok {
			s.form.add(f.Key, f.Label, container.NewBorder(nil, nil, nil, b, in))
			s.form.watch(in)
		} else {
			s.form.add(f.Key, f.Label, in)
		}
	}
	afterChange(s.form.inputs[store.KeyDistrict], s.districtChanged)
	afterChange(s.form.inputs[store.KeyYear], s.contextChanged)
	afterChange(s.form.inputs[store.KeyStartOn], s.updateStartHint)
	afterChange(s.form.inputs[store.KeyMonths], func() {
		s.updateMonthsHint()
		s.updateStartHint()
	})
	s.copyBtn = widget.NewButton("다음 해로 복사", s.copyToNextYear)
	s.delBtn = widget.NewButton("삭제", s.remove)
	s.delBtn.Importance = widget.DangerImportance
}

// afterChange runs fn each time in changes, after the form has marked the
// change.
func afterChange(in fyne.CanvasObject, fn func()) {
	switch w := in.(type) {
	case *field.Entry:
		prev := w.OnChanged
		w.OnChanged = func(t string) {
			if prev != nil {
				prev(t)
			}
			fn()
		}
	case *widget.Select:
		prev := w.OnChanged
		w.OnChanged = func(t string) {
			if prev != nil {
				prev(t)
			}
			fn()
		}
	}
}

// makeTabs puts the form, the indicators and 작년과 비교 in tabs.
func (s *platformsScreen) makeTabs() {
	s.compareHead = widget.NewLabel("")
	s.compareHead.Wrapping = fyne.TextWrapWord
	s.compareHead.TextStyle.Bold = true
	s.compare = container.NewVBox()
	s.formScroll = container.NewVScroll(s.form.rows)
	s.indMsg = problemLabel()
	indPane := container.NewBorder(container.NewHBox(s.inds.addBtn, s.inds.editBtn, s.inds.delBtn), s.indMsg, nil, nil, s.inds.grid)
	s.tabs = container.NewAppTabs(
		container.NewTabItem("컨소시엄", s.formScroll),
		container.NewTabItem("성과지표", indPane),
		container.NewTabItem("작년과 비교", container.NewVScroll(container.NewVBox(s.compareHead, s.compare))),
	)
}

func (s *platformsScreen) content() fyne.CanvasObject {
	memberBtns := container.NewHBox(s.members.addBtn, s.members.editBtn, s.members.delBtn)
	s.rosterPane = container.NewBorder(container.NewBorder(nil, nil, nil, memberBtns, s.rosterHead),
		container.NewVBox(s.rosterLine, s.rosterMsg), nil, nil, s.members.grid)
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
	q := store.NewQuery(s.e.query)
	for _, p := range ps {
		if !q.Match(platformSearched(p)...) {
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
			store.GrowthText(p.Growth), string(p.Status), value.Thousands(p.Grant), checkText(s.checks[len(s.checks)-1])})
	}
	s.grid.SetRows(rows, []string{"계", fmt.Sprintf("%d개 구", len(rows)), "", "", "", value.Thousands(total), ""})
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

// platformSearched are what the top bar's search looks in: district, name,
// organisations, representatives and notes (never contacts).
func platformSearched(p store.Platform) []string {
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
			// unreadable, the year's districts count as free: the first is offered
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
		s.form.focus(store.KeySpace)
	})
}

// load puts a consortium in the form.
func (s *platformsScreen) load(p store.Platform) {
	s.cur, s.loaded = p, true
	s.members.set(p.Members)
	s.inds.set(p.Indicators)
	s.form.show(p, nil)
	s.setEnabled(true)
	enableWhen(s.delBtn, p.ID != 0)
	enableWhen(s.copyBtn, p.ID != 0)
	s.members.redraw(false)
	s.inds.redraw(false)
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
	s.members.set(nil)
	s.inds.set(nil)
	s.form.empty()
	s.showProblems(nil)
	s.members.grid.SetRows(nil, nil)
	s.inds.grid.SetRows(nil, nil)
	s.setCompare("", nil)
	s.monthsHint.SetText("")
	s.setEnabled(false)
	if len(s.plats) == 0 {
		s.rosterHead.SetText(fmt.Sprintf("%d년 시민협력플랫폼이 없습니다. [+ 새로] 또는 [접수·가져오기]에서 자치구 파일을 불러오세요.", s.e.year))
	} else {
		s.rosterHead.SetText("표에서 자치구를 고르면 컨소시엄 단체 구성이 여기에 나옵니다.")
	}
}

// setEnabled lets the coordinator edit, or not while no consortium is in
// the form.
func (s *platformsScreen) setEnabled(on bool) {
	ws := []fyne.Disableable{s.form.saveBtn, s.form.cancel, s.copyBtn, s.delBtn,
		s.members.addBtn, s.members.editBtn, s.members.delBtn, s.inds.addBtn, s.inds.editBtn, s.inds.delBtn}
	for _, in := range s.form.inputs {
		if w, ok := in.(fyne.Disableable); ok {
			ws = append(ws, w)
		}
	}
	for _, w := range ws {
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
	p, bad := s.form.read(s.cur)
	p.Members = slices.Clone(s.members.items)
	p.Indicators = slices.Clone(s.inds.items)
	return p, bad
}

// typed is the stored consortium with key's field as typed now, and
// whether that field reads.
func (s *platformsScreen) typed(key string) (store.Platform, bool) {
	p := s.cur
	f, ok := store.FieldOf(store.PlatformFields, key)
	return p, ok && f.Read(&p, s.form.text(key)) == nil
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
	s.form.markClean()
	s.cur = p
	s.refresh()
	s.showProblems(ps) // warnings stay in sight
}

func (s *platformsScreen) cancel() {
	if s.cur.ID == 0 {
		s.form.markClean()
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
		s.form.markClean()
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
		case store.IsIndicatorField(p.Field):
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
	setWrapped(s.rosterPane, s.rosterMsg, s.members.grid.Size().Width, func() { setProblems(s.rosterMsg, ps) })
	s.members.grid.Refresh()
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
	d := s.form.text(store.KeyDistrict)
	if d != "" && !s.form.loading {
		name := s.form.entry(store.KeyName)
		n := strings.TrimSpace(name.Text)
		if n == "" || strings.HasSuffix(n, " 시민협력플랫폼") && store.IsDistrict(strings.TrimSuffix(n, " 시민협력플랫폼")) {
			name.SetText(store.PlatformName(d))
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
	if p, ok := s.typed(store.KeyYear); ok && p.Year != 0 {
		return p.Year
	}
	return s.cur.Year
}

// updateMonthsHint shows the district's months of support with this year's.
func (s *platformsScreen) updateMonthsHint() {
	d := s.form.text(store.KeyDistrict)
	if !s.loaded || d == "" {
		s.monthsHint.SetText("")
		return
	}
	all, err := s.e.st.Platforms(store.Filter{District: d})
	if err != nil {
		return
	}
	var others []store.Platform
	for _, o := range all {
		if o.ID != s.cur.ID {
			others = append(others, o)
		}
	}
	typed, _ := s.typed(store.KeyMonths) // months that do not read count as 0
	s.monthsHint.SetText(fmt.Sprintf("누계 %d / %d개월", store.PlatformMonthsUsed(others)+max(typed.Months, 0), store.PlatformMonthsCap))
}

// updateStartHint shows the support period the 사업 개시일 starts: its
// months (12 a year) from that day.
func (s *platformsScreen) updateStartHint() {
	on, ok := s.typed(store.KeyStartOn)
	months, _ := s.typed(store.KeyMonths) // months that do not read count as 0
	m := months.Months
	end := store.Platform{StartOn: on.StartOn, Months: m}.SupportEnd()
	if !ok || end.IsZero() {
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
