package ui

import (
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
)

// The roster, indicator and 작년과 비교 parts of the 시민협력플랫폼 screen.

// rosterChanged redraws the roster and what depends on it; edited says
// the coordinator changed it (the form is then dirty and the roster rules
// are checked at once, so a second 대표 단체 shows before 저장).
func (s *platformsScreen) rosterChanged(edited bool) {
	s.showRosterHead()
	var rows [][]string
	for _, m := range s.members {
		rows = append(rows, rosterRow(m))
	}
	s.roster.SetRows(rows, nil)
	s.rosterSelected(-1)
	if edited {
		s.form.dirty = true
		var roster store.Problems
		for _, p := range store.CheckPlatform(store.Platform{Members: s.members}, nil) {
			if store.IsRosterField(p.Field) {
				roster = append(roster, p)
			}
		}
		s.showRosterProblems(roster)
	}
	s.showCompare()
}

// rosterSelected shows the selected member's line in full under the
// roster (the manager's note may be longer than its cell).
func (s *platformsScreen) rosterSelected(i int) {
	s.rosterSel = i
	setWrapped(s.rosterPane, s.rosterLine, s.roster.Size().Width, func() {
		if i < 0 || i >= len(s.members) {
			s.rosterLine.Hide()
			return
		}
		r := rosterRow(s.members[i])
		text := strings.Join(slices.DeleteFunc(r[:3], func(x string) bool { return x == "" }), " · ")
		if r[3] != "" {
			text += " · 연락처 " + r[3]
		}
		s.rosterLine.SetText(text)
		s.rosterLine.Show()
	})
}

// rosterRow is a member in the 참고2 layout: 구분 | 단체명 | 대표자 명,
// the manager's note in brackets after the name; the contact masked.
func rosterRow(m store.Member) []string {
	rep := m.Rep
	if m.Role == store.RoleManager && strings.TrimSpace(m.Note) != "" {
		rep = fmt.Sprintf("%s(%s)", m.Rep, strings.TrimSpace(m.Note))
	}
	return []string{string(m.Role), m.Org, rep, store.MaskContact(m.Contact)}
}

func (s *platformsScreen) showRosterHead() {
	if !s.loaded {
		return
	}
	d := s.district.Selected
	if d == "" {
		d = "자치구 미정"
	}
	orgs := 0
	for _, m := range s.members {
		if m.Role != store.RoleManager {
			orgs++
		}
	}
	s.rosterHead.SetText(fmt.Sprintf("자치구 %s · %d년 컨소시엄 단체 %d곳", d, s.formYear(), orgs))
}

// sortRoster keeps 참고2's order: 대표 단체, 참여 단체, 플랫폼책임자.
func sortRoster(ms []store.Member) {
	rank := func(r store.Role) int {
		if i := slices.Index(store.Roles, r); i >= 0 {
			return i
		}
		return len(store.Roles)
	}
	slices.SortStableFunc(ms, func(a, b store.Member) int { return rank(a.Role) - rank(b.Role) })
}

func (s *platformsScreen) removeMember() {
	i := s.rosterSel
	if i < 0 || i >= len(s.members) {
		return
	}
	s.members = slices.Delete(slices.Clone(s.members), i, i+1)
	s.rosterChanged(true)
}

// memberDialog edits one roster line; the contact is shown in full here
// and nowhere else.
type memberDialog struct {
	s       *platformsScreen
	index   int // into s.members; -1 for a new member
	role    *widget.Select
	org     *field.Entry
	rep     *field.Entry
	note    *field.Entry
	contact *field.Entry
	msg     *widget.Label
	ok      *widget.Button
	cancel  *widget.Button
	d       *dialog.CustomDialog
}

func (s *platformsScreen) openMember(index int) {
	if !s.loaded {
		return
	}
	m := store.Member{Role: store.RoleMember}
	title := "구성원 추가"
	if index >= 0 {
		m = s.members[index]
		title = fmt.Sprintf("구성원 %d행 고치기", index+1)
	}
	md := &memberDialog{s: s, index: index}
	var roles []string
	for _, r := range store.Roles {
		roles = append(roles, string(r))
	}
	md.role = newSelect(roles, nil)
	if slices.Contains(store.Roles, m.Role) {
		md.role.SetSelected(string(m.Role))
	}
	md.org, md.rep, md.note, md.contact = field.NewEntry(), field.NewEntry(), field.NewEntry(), field.NewEntry()
	md.org.SetText(m.Org)
	md.rep.SetText(m.Rep)
	md.note.SetText(m.Note)
	md.contact.SetText(m.Contact)
	md.org.SetPlaceHolder("플랫폼책임자는 비워 둡니다")
	md.rep.SetPlaceHolder("대표자 또는 책임자 이름")
	md.note.SetPlaceHolder("예: 강북마을 부대표")
	md.contact.SetPlaceHolder("010-1234-5678 또는 전자우편")
	md.msg = problemLabel()
	apply := field.NewAction(s.e.win, md.apply)
	for _, e := range []*field.Entry{md.org, md.rep, md.note, md.contact} {
		e.OnSubmitted = func(string) { apply.Run() }
	}
	md.ok = widget.NewButton("확인", apply.Run)
	md.ok.Importance = widget.HighImportance
	md.cancel = widget.NewButton("취소", func() { md.d.Hide() })
	rows := container.New(layout.NewFormLayout(),
		boldLabel("구분"), md.role, boldLabel("단체명"), md.org, boldLabel("대표자 명"), md.rep,
		boldLabel("비고"), md.note, boldLabel("연락처"), md.contact)
	note := widget.NewLabel("연락처는 개인정보입니다: 이 창에서만 모두 보이고 목록에서는 가려집니다.")
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.LowImportance
	body := container.NewVBox(rows, note, md.msg, container.NewHBox(layout.NewSpacer(), md.cancel, md.ok))
	md.d = dialog.NewCustomWithoutButtons(title, body, s.e.win)
	md.d.Resize(fyne.NewSize(560, body.MinSize().Height+80))
	s.md = md
	md.d.Show()
	s.e.win.Canvas().Focus(md.org)
}

// apply checks the line with the consortium's rules and puts it in the
// roster; the line's own errors keep the dialog open.
func (md *memberDialog) apply() {
	s := md.s
	m := store.Member{Role: store.Role(md.role.Selected), Org: strings.TrimSpace(md.org.Text),
		Rep: strings.TrimSpace(md.rep.Text), Note: strings.TrimSpace(md.note.Text), Contact: strings.TrimSpace(md.contact.Text)}
	trial := slices.Clone(s.members)
	i := md.index
	if i < 0 {
		trial = append(trial, m)
		i = len(trial) - 1
	} else {
		trial[i] = m
	}
	prefix := store.MemberField(i, "")
	var own store.Problems
	for _, p := range store.CheckPlatform(store.Platform{Members: trial}, nil).Errors() {
		if strings.HasPrefix(p.Field, prefix) {
			own = append(own, p)
		}
	}
	if len(own) > 0 {
		setProblems(md.msg, own)
		return
	}
	sortRoster(trial)
	s.members = trial
	md.d.Hide()
	s.rosterChanged(true)
}

// ---- indicators

func (s *platformsScreen) indicatorsChanged(edited bool) {
	var rows [][]string
	for _, ind := range s.inds {
		kind := "개별"
		if ind.Common {
			kind = "공통"
		}
		rows = append(rows, []string{kind, ind.Name, ind.Target, ind.Result})
	}
	s.indGrid.SetRows(rows, nil)
	s.indSel = -1
	if edited {
		s.form.dirty = true
		// the indicators' rules at once, as for the roster
		var inds store.Problems
		for _, p := range store.CheckPlatform(store.Platform{Indicators: s.inds}, nil) {
			if strings.HasPrefix(p.Field, "indicators") {
				inds = append(inds, p)
			}
		}
		setProblems(s.indMsg, inds)
	}
	title := "성과지표"
	if len(s.inds) > 0 {
		title = fmt.Sprintf("성과지표 %d", len(s.inds))
	}
	s.tabs.Items[1].Text = title
	s.tabs.Refresh()
}

func (s *platformsScreen) removeIndicator() {
	i := s.indSel
	if i < 0 || i >= len(s.inds) {
		return
	}
	s.inds = slices.Delete(slices.Clone(s.inds), i, i+1)
	s.indicatorsChanged(true)
}

// indicatorDialog edits one performance indicator.
type indicatorDialog struct {
	s      *platformsScreen
	index  int
	common *widget.Check
	name   *field.Entry
	target *field.Entry
	result *field.Entry
	msg    *widget.Label
	ok     *widget.Button
	d      *dialog.CustomDialog
}

func (s *platformsScreen) openIndicator(index int) {
	if !s.loaded {
		return
	}
	ind := store.Indicator{Common: true}
	title := "성과지표 추가"
	if index >= 0 {
		ind = s.inds[index]
		title = fmt.Sprintf("성과지표 %d행 고치기", index+1)
	}
	id := &indicatorDialog{s: s, index: index}
	id.common = widget.NewCheck("공통 지표 (아니면 자치구 개별 지표)", nil)
	id.common.SetChecked(ind.Common)
	id.name, id.target, id.result = field.NewEntry(), field.NewEntry(), field.NewEntry()
	id.name.SetText(ind.Name)
	id.target.SetText(ind.Target)
	id.result.SetText(ind.Result)
	id.target.SetPlaceHolder("예: 30개")
	id.result.SetPlaceHolder("평가 때 채웁니다")
	id.msg = problemLabel()
	apply := field.NewAction(s.e.win, id.apply)
	for _, e := range []*field.Entry{id.name, id.target, id.result} {
		e.OnSubmitted = func(string) { apply.Run() }
	}
	id.ok = widget.NewButton("확인", apply.Run)
	id.ok.Importance = widget.HighImportance
	cancel := widget.NewButton("취소", func() { id.d.Hide() })
	rows := container.New(layout.NewFormLayout(), boldLabel("구분"), id.common, boldLabel("지표"), id.name,
		boldLabel("목표"), id.target, boldLabel("실적"), id.result)
	body := container.NewVBox(rows, id.msg, container.NewHBox(layout.NewSpacer(), cancel, id.ok))
	id.d = dialog.NewCustomWithoutButtons(title, body, s.e.win)
	id.d.Resize(fyne.NewSize(520, body.MinSize().Height+80))
	s.id = id
	id.d.Show()
	s.e.win.Canvas().Focus(id.name)
}

func (id *indicatorDialog) apply() {
	s := id.s
	ind := store.Indicator{Common: id.common.Checked, Name: strings.TrimSpace(id.name.Text),
		Target: strings.TrimSpace(id.target.Text), Result: strings.TrimSpace(id.result.Text)}
	trial := slices.Clone(s.inds)
	i := id.index
	if i < 0 {
		trial = append(trial, ind)
		i = len(trial) - 1
	} else {
		trial[i] = ind
	}
	prefix := store.IndicatorField(i, "")
	var own store.Problems
	for _, p := range store.CheckPlatform(store.Platform{Indicators: trial}, nil).Errors() {
		if strings.HasPrefix(p.Field, prefix) {
			own = append(own, p)
		}
	}
	if len(own) > 0 {
		setProblems(id.msg, own)
		return
	}
	s.inds = trial
	id.d.Hide()
	s.indicatorsChanged(true)
}

// ---- 작년과 비교

// showCompare lists who joined, left or changed representative since the
// district's consortium of the year before, against the roster as edited.
func (s *platformsScreen) showCompare() {
	if !s.loaded {
		return
	}
	d, y := s.district.Selected, s.formYear()
	if d == "" {
		s.setCompare("자치구를 고르면 작년 명단과 비교합니다.", nil)
		return
	}
	prev, err := s.e.st.Platforms(store.Filter{Year: y - 1, District: d})
	if err != nil || len(prev) == 0 {
		s.setCompare(fmt.Sprintf("%d년 %s 컨소시엄이 없어 비교할 명단이 없습니다 (첫해).", y-1, d), nil)
		return
	}
	diff := store.RosterDiff(prev[0].Members, s.members)
	if len(diff) == 0 {
		s.setCompare(fmt.Sprintf("%d년 → %d년: 명단이 같습니다 (가입·탈퇴·대표자 변경 없음).", y-1, y), nil)
		return
	}
	count := map[store.ChangeKind]int{}
	for _, c := range diff {
		count[c.Kind]++
	}
	var parts []string
	for _, k := range []store.ChangeKind{store.MemberJoined, store.MemberLeft, store.RepChanged, store.RoleChanged} {
		if count[k] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", k, count[k]))
		}
	}
	s.setCompare(fmt.Sprintf("%d년 → %d년: %s", y-1, y, strings.Join(parts, " · ")), diff)
}

// setCompare shows the comparison's heading and one line per change; the
// tab's title carries the number of changes.
func (s *platformsScreen) setCompare(head string, diff []store.RosterChange) {
	s.compareHead.SetText(head)
	s.compare.RemoveAll()
	for _, c := range diff {
		l := widget.NewLabel(c.String())
		l.Wrapping = fyne.TextWrapWord
		s.compare.Add(l)
	}
	title := "작년과 비교"
	if len(diff) > 0 {
		title = fmt.Sprintf("작년과 비교 %d", len(diff))
	}
	s.tabs.Items[2].Text = title
	s.tabs.Refresh()
}

// scenes: 강북구's roster with masked contacts, its member dialog, a
// refused second 대표 단체, and 2017 against 2016 (the screenshot program
// puts contacts and a 2017 roster in its file first).
func (s *platformsScreen) scenes() []Scene {
	pick := func(then func()) func() {
		return func() {
			s.form.dirty = false
			s.loaded = false
			s.refresh()
			s.selectDistrict("강북구")
			if then != nil {
				then()
			}
		}
	}
	return []Scene{
		{Name: "roster", Year: 2016, Show: pick(nil)},
		{Name: "member", Year: 2016, Show: pick(func() { s.openMember(0) })},
		{Name: "refused", Year: 2016, Show: pick(func() {
			s.openMember(-1)
			s.md.role.SetSelected(string(store.RoleLead))
			s.md.org.SetText("강북청년네트워크")
			s.md.rep.SetText("박청년")
			s.md.ok.OnTapped()
			s.form.saveBtn.OnTapped()
		})},
		{Name: "compare", Year: 2017, Show: pick(func() { s.tabs.SelectIndex(2) })},
		{Name: "indicators", Year: 2017, Show: pick(func() { s.tabs.SelectIndex(1) })},
	}
}
