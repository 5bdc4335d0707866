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

	"hyeopchi/store/value"
)

// The roster, indicator and 작년과 비교 parts of the 시민협력플랫폼 screen.

// makeRoster is the roster's table, with the selected member's line and
// the roster's problems under it.
func (s *platformsScreen) makeRoster() {
	s.rosterHead = widget.NewLabel("")
	s.rosterHead.TextStyle.Bold = true
	s.rosterHead.Truncation = fyne.TextTruncateEllipsis
	s.rosterLine = widget.NewLabel("")
	s.rosterLine.Wrapping = fyne.TextWrapWord
	s.rosterLine.Hide()
	s.rosterMsg = problemLabel()
	s.members = newRowList(s.e, rowKind[store.Member]{
		fields:   store.MemberFields,
		blank:    store.Member{Role: store.RoleMember},
		what:     "구성원",
		addText:  "+ 구성원",
		cols:     []Column{{Title: "구분", Width: 100}, {Title: "단체명", Width: 220}, {Title: "대표자 명", Width: 226}, {Title: "연락처", Width: 124}},
		row:      rosterRow,
		fieldOf:  store.MemberField,
		check:    func(ms []store.Member) store.Problems { return store.CheckPlatform(store.Platform{Members: ms}, nil) },
		order:    sortRoster,
		first:    store.KeyOrg,
		width:    560,
		note:     "연락처는 개인정보입니다: 이 창에서만 모두 보이고 목록에서는 가려집니다.",
		selected: s.rosterSelected,
		changed:  s.rosterChanged,
		editable: func() bool { return s.loaded },
	})
	s.members.grid.Style = func(row, _ int) widget.Importance {
		if s.rosterBad[row] {
			return widget.DangerImportance
		}
		return widget.MediumImportance
	}
}

// rosterChanged redraws what depends on the roster; edited says the
// coordinator changed it (the form is then dirty and the roster rules are
// checked at once, so a second 대표 단체 shows before 저장).
func (s *platformsScreen) rosterChanged(edited bool) {
	s.showRosterHead()
	if edited {
		s.form.markChanged()
		var roster store.Problems
		for _, p := range store.CheckPlatform(store.Platform{Members: s.members.items}, nil) {
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
	ms := s.members.items
	setWrapped(s.rosterPane, s.rosterLine, s.members.grid.Size().Width, func() {
		if i < 0 || i >= len(ms) {
			s.rosterLine.Hide()
			return
		}
		r := rosterRow(ms[i])
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
	return []string{string(m.Role), m.Org, rep, value.MaskContact(m.Contact)}
}

func (s *platformsScreen) showRosterHead() {
	if !s.loaded {
		return
	}
	d := s.form.text(store.KeyDistrict)
	if d == "" {
		d = "자치구 미정"
	}
	orgs := 0
	for _, m := range s.members.items {
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

// ---- indicators

// makeIndicators is the indicators' table and their editor.
func (s *platformsScreen) makeIndicators() {
	s.inds = newRowList(s.e, rowKind[store.Indicator]{
		fields:  store.IndicatorFields,
		blank:   store.Indicator{Common: true},
		what:    "성과지표",
		addText: "+ 지표",
		cols:    []Column{{Title: "구분", Width: 52}, {Title: "지표", Width: 160}, {Title: "목표", Width: 72}, {Title: "실적", Width: 72}},
		row: func(ind store.Indicator) []string {
			kind := "개별"
			if ind.Common {
				kind = "공통"
			}
			return []string{kind, ind.Name, ind.Target, ind.Result}
		},
		fieldOf: store.IndicatorField,
		check: func(is []store.Indicator) store.Problems {
			return store.CheckPlatform(store.Platform{Indicators: is}, nil)
		},
		first:    store.KeyName,
		width:    520,
		changed:  s.indicatorsChanged,
		editable: func() bool { return s.loaded },
	})
}

// indicatorsChanged follows the indicators: edited, the form is dirty and
// their rules are checked at once, as for the roster; the tab's title
// carries their number.
func (s *platformsScreen) indicatorsChanged(edited bool) {
	if edited {
		s.form.markChanged()
		var inds store.Problems
		for _, p := range store.CheckPlatform(store.Platform{Indicators: s.inds.items}, nil) {
			if store.IsIndicatorField(p.Field) {
				inds = append(inds, p)
			}
		}
		setProblems(s.indMsg, inds)
	}
	title := "성과지표"
	if len(s.inds.items) > 0 {
		title = fmt.Sprintf("성과지표 %d", len(s.inds.items))
	}
	s.tabs.Items[1].Text = title
	s.tabs.Refresh()
}

// ---- 작년과 비교

// showCompare lists who joined, left or changed representative since the
// district's consortium of the year before, against the roster as edited.
func (s *platformsScreen) showCompare() {
	if !s.loaded {
		return
	}
	d, y := s.form.text(store.KeyDistrict), s.formYear()
	if d == "" {
		s.setCompare("자치구를 고르면 작년 명단과 비교합니다.", nil)
		return
	}
	prev, err := s.e.st.Platforms(store.Filter{Year: y - 1, District: d})
	if err != nil || len(prev) == 0 {
		s.setCompare(fmt.Sprintf("%d년 %s 컨소시엄이 없어 비교할 명단이 없습니다 (첫해).", y-1, d), nil)
		return
	}
	diff := store.RosterDiff(prev[0].Members, s.members.items)
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
			s.form.markClean()
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
		{Name: "member", Year: 2016, Show: pick(func() { s.members.open(0) })},
		{Name: "refused", Year: 2016, Show: pick(func() {
			s.members.open(-1)
			md := s.members.dlg
			md.f.choice(store.KeyRole).SetSelected(string(store.RoleLead))
			md.f.entry(store.KeyOrg).SetText("강북청년네트워크")
			md.f.entry(store.KeyRep).SetText("박청년")
			md.ok.OnTapped()
			s.form.saveBtn.OnTapped()
		})},
		{Name: "compare", Year: 2017, Show: pick(func() { s.tabs.SelectIndex(2) })},
		{Name: "indicators", Year: 2017, Show: pick(func() { s.tabs.SelectIndex(1) })},
	}
}

// ---- one editor for the rows of a list kept with its record

// rowKind is what a list of rows edited in memory (a consortium's members
// or indicators) needs to know of its rows.
type rowKind[T any] struct {
	fields  []store.Field[T]
	blank   T        // a new row
	what    string   // "구성원": the dialog's title says "구성원 추가", "구성원 2행 고치기"
	addText string   // the add button: "+ 구성원"
	cols    []Column // the table
	row     func(T) []string
	// fieldOf is where the rules put a problem of row i's field key
	// (store.MemberField); check runs them over all the rows.
	fieldOf func(i int, key string) string
	check   func([]T) store.Problems
	order   func([]T) // puts changed rows in order (nil: as they come)
	first   string    // the key the dialog opens in
	width   float32   // the dialog's width
	note    string    // a line under the dialog's fields ("": none)
	// selected follows the table's selection (-1: none; nil: nothing to do);
	// changed follows the rows after a redraw, edited by the coordinator or not.
	selected func(i int)
	changed  func(edited bool)
	editable func() bool // whether the record is open for editing
}

// rowList is a list of rows edited in memory: its table, the buttons to
// add, edit and remove a row, and the dialog a row is edited in, which
// takes a row only when the rules find no error in it.
type rowList[T any] struct {
	e       *env
	kind    rowKind[T]
	items   []T // the rows as edited
	sel     int // the selected row, -1 for none
	grid    *Grid
	addBtn  *widget.Button
	editBtn *widget.Button
	delBtn  *widget.Button
	dlg     *rowDialog[T] // the dialog last opened (tests, screenshots)
}

// newRowList makes the list's table and buttons; its rows come with set.
func newRowList[T any](e *env, kind rowKind[T]) *rowList[T] {
	l := &rowList[T]{e: e, kind: kind, sel: -1}
	l.grid = NewGrid(kind.cols...)
	l.grid.OnSelect = l.selectRow
	l.addBtn = widget.NewButton(kind.addText, func() { l.open(-1) })
	l.editBtn = widget.NewButton("수정", func() {
		if l.sel >= 0 {
			l.open(l.sel)
		}
	})
	l.delBtn = widget.NewButton("빼기", l.remove)
	return l
}

// set puts the record's rows in the list (copied), none selected.
func (l *rowList[T]) set(items []T) {
	l.items = slices.Clone(items)
	l.sel = -1
}

// selectRow follows the table's selection (-1: none).
func (l *rowList[T]) selectRow(i int) {
	l.sel = i
	if l.kind.selected != nil {
		l.kind.selected(i)
	}
}

// redraw shows the rows in the table, none selected, and tells the screen.
func (l *rowList[T]) redraw(edited bool) {
	var rows [][]string
	for _, x := range l.items {
		rows = append(rows, l.kind.row(x))
	}
	l.grid.SetRows(rows, nil)
	l.selectRow(-1)
	l.kind.changed(edited)
}

// remove takes the selected row out.
func (l *rowList[T]) remove() {
	i := l.sel
	if i < 0 || i >= len(l.items) {
		return
	}
	l.items = slices.Delete(slices.Clone(l.items), i, i+1)
	l.redraw(true)
}

// rowDialog edits one row in the fields of its kind; 확인 (Enter) puts it
// in the list, 취소 (Esc) leaves the list as it was.
type rowDialog[T any] struct {
	l      *rowList[T]
	index  int // into l.items; -1 for a new row
	cur    T   // the row as it was
	f      *editor[T]
	msg    *widget.Label // the row's problems
	ok     *widget.Button
	cancel *widget.Button
	d      *dialog.CustomDialog
	// active is the form the coordinator typed in before: the dialog's
	// own form is only a part of that one's record.
	active *form
}

// open edits row index (-1: a new row) in a dialog.
func (l *rowList[T]) open(index int) {
	if !l.kind.editable() {
		return
	}
	d := &rowDialog[T]{l: l, index: index, cur: l.kind.blank, active: l.e.active}
	title := l.kind.what + " 추가"
	if index >= 0 {
		d.cur = l.items[index]
		title = fmt.Sprintf("%s %d행 고치기", l.kind.what, index+1)
	}
	d.f = newEditor(l.e, l.kind.fields, d.apply, d.close)
	d.f.fitLabels()
	for _, f := range l.kind.fields {
		if c := d.tick(f.Key); c != nil && f.Hint != "" {
			c.Text = f.Hint // a check's hint is the text beside its box
		}
	}
	d.f.show(d.cur, nil)
	d.msg = problemLabel()
	d.ok = widget.NewButton("확인", d.f.save.Run)
	d.ok.Importance = widget.HighImportance
	d.cancel = widget.NewButton("취소", d.close)
	body := container.NewVBox(d.f.rows)
	if l.kind.note != "" {
		note := widget.NewLabel(l.kind.note)
		note.Wrapping = fyne.TextWrapWord
		note.Importance = widget.LowImportance
		body.Add(note)
	}
	body.Add(d.msg)
	body.Add(container.NewHBox(layout.NewSpacer(), d.cancel, d.ok))
	d.d = dialog.NewCustomWithoutButtons(title, body, l.e.win)
	d.d.Resize(fyne.NewSize(l.kind.width, body.MinSize().Height+80))
	l.dlg = d
	d.d.Show()
	d.f.focus(l.kind.first)
}

// tick is the check of key (nil when key is not a check).
func (d *rowDialog[T]) tick(key string) *widget.Check {
	c, _ := d.f.inputs[key].(*widget.Check)
	return c
}

// apply checks the row with the record's rules and puts it in the list;
// the row's own errors keep the dialog open.
func (d *rowDialog[T]) apply() {
	l := d.l
	x, own := d.f.read(d.cur)
	trial := slices.Clone(l.items)
	i := d.index
	if i < 0 {
		trial = append(trial, x)
		i = len(trial) - 1
	} else {
		trial[i] = x
	}
	prefix := l.kind.fieldOf(i, "")
	for _, p := range l.kind.check(trial).Errors() {
		if strings.HasPrefix(p.Field, prefix) {
			own = append(own, p)
		}
	}
	if len(own) > 0 {
		setProblems(d.msg, own)
		return
	}
	if l.kind.order != nil {
		l.kind.order(trial)
	}
	l.items = trial
	d.close()
	l.redraw(true)
}

// close hides the dialog; Ctrl+S is again the record's.
func (d *rowDialog[T]) close() {
	d.d.Hide()
	d.f.markClean()
	if d.l.e.active == d.f.form {
		d.l.e.active = d.active
	}
}
