package ui

import (
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"
)

// platformsUI opens 시민협력플랫폼 for 2016 over the plan's data.
func platformsUI(t *testing.T) (*App, fyne.Window, *store.Store, *platformsScreen) {
	t.Helper()
	u, w, st := newTestUI(t)
	Drive(u).SetYear(2016)
	Drive(u).Show(ScreenPlatforms)
	return u, w, st, u.screen(ScreenPlatforms).(*platformsScreen)
}

func selectPlatform(t *testing.T, s *platformsScreen, d string) {
	t.Helper()
	if !s.selectDistrict(d) || !s.loaded || s.cur.District != d {
		t.Fatalf("could not select %s", d)
	}
}

// addMember fills the member dialog as the coordinator would and taps 확인.
func addMember(t *testing.T, s *platformsScreen, role store.Role, org, rep, contact string) {
	t.Helper()
	test.Tap(s.members.addBtn)
	md := s.members.dlg
	if md == nil || md.index != -1 {
		t.Fatal("+ 구성원 opened no dialog")
	}
	md.f.choice(store.KeyRole).SetSelected(string(role))
	test.Type(md.f.entry(store.KeyOrg), org)
	test.Type(md.f.entry(store.KeyRep), rep)
	test.Type(md.f.entry(store.KeyContact), contact)
	test.Tap(md.ok)
}

// buttons lists the buttons under o (overlays: dialogs).
func buttons(o fyne.CanvasObject) []*widget.Button {
	var out []*widget.Button
	switch x := o.(type) {
	case *widget.Button:
		return []*widget.Button{x}
	case *fyne.Container:
		for _, c := range x.Objects {
			out = append(out, buttons(c)...)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			out = append(out, buttons(c)...)
		}
	}
	return out
}

func TestPlatformsTableAndRosterAreTheSecondReference(t *testing.T) {
	_, _, _, s := platformsUI(t)
	g := s.grid
	if g.Rows() != 9 {
		t.Fatalf("%d consortia in 2016, want 9", g.Rows())
	}
	if g.Cell(9, 0) != "계" || g.Cell(9, 1) != "9개 구" || g.Cell(9, 5) != "899,976" {
		t.Fatalf("totals row: %q %q %q", g.Cell(9, 0), g.Cell(9, 1), g.Cell(9, 5))
	}
	g.SortBy(5) // grant ascending: 강북구's 99,976 first
	if g.Cell(0, 0) != "강북구" || g.Cell(0, 1) != "강북마을모임" || g.Cell(0, 2) != "3" || g.Cell(0, 5) != "99,976" {
		t.Fatalf("강북구 row: %q %q %q %q", g.Cell(0, 0), g.Cell(0, 1), g.Cell(0, 2), g.Cell(0, 5))
	}
	selectPlatform(t, s, "강북구")
	want := [][]string{
		{"대표 단체", "강북마을모임", "김성훈", ""},
		{"참여 단체", "강북구사회적경제협의회", "최동준", ""},
		{"참여 단체", "강북구사회적경제통합지원센터", "정명훈", ""},
		{"플랫폼책임자", "", "이상훈(강북마을 부대표)", ""},
	}
	if s.members.grid.Rows() != len(want) {
		t.Fatalf("roster of %d rows, want %d", s.members.grid.Rows(), len(want))
	}
	for r, row := range want {
		for c, cell := range row {
			if got := s.members.grid.Cell(r, c); got != cell {
				t.Errorf("roster (%d,%d) = %q, want %q", r, c, got, cell)
			}
		}
	}
	// the plan gives no space, step or stage: the form shows them empty
	if s.form.dirty || s.form.entry(store.KeyGrant).Text != "99,976" || s.form.entry(store.KeySpace).Text != "" || s.form.choice(store.KeyStatus).Selected != "" || s.form.choice(store.KeyGrowth).Selected != "" {
		t.Fatalf("form: dirty %v grant %q space %q status %q growth %q", s.form.dirty, s.form.entry(store.KeyGrant).Text, s.form.entry(store.KeySpace).Text, s.form.choice(store.KeyStatus).Selected, s.form.choice(store.KeyGrowth).Selected)
	}
	if !strings.Contains(s.compareHead.Text, "2015년 강북구 컨소시엄이 없어") {
		t.Fatalf("작년과 비교 in the first year: %q", s.compareHead.Text)
	}
}

func TestPlatformsSearch(t *testing.T) {
	u, _, _, s := platformsUI(t)
	test.Type(u.bar.search, "새숲")
	if s.grid.Rows() != 1 || s.grid.Cell(0, 0) != "관악구" || s.grid.Cell(1, 5) != "100,000" {
		t.Fatalf("search 새숲: %d rows, first %q", s.grid.Rows(), s.grid.Cell(0, 0))
	}
}

// The GUI check: a second 대표 단체 for 강북구 2016 is refused on
// 저장, the message stands at the roster, and the file is unchanged.
func TestPlatformsSecondLeadIsRefused(t *testing.T) {
	_, _, st, s := platformsUI(t)
	selectPlatform(t, s, "강북구")
	before, err := st.Platform(s.cur.ID)
	if err != nil {
		t.Fatal(err)
	}
	auditBefore, _ := st.Audit(store.AuditFilter{})

	addMember(t, s, store.RoleLead, "강북청년네트워크", "박청년", "")
	if s.members.grid.Rows() != 5 || s.members.grid.Cell(1, 1) != "강북청년네트워크" || s.members.grid.Cell(1, 0) != "대표 단체" {
		t.Fatalf("the new lead is not in the roster after the first lead: %d rows, row 2 %q", s.members.grid.Rows(), s.members.grid.Cell(1, 1))
	}
	test.Tap(s.form.saveBtn)

	const want = "대표 단체가 2개입니다 (강북마을모임, 강북청년네트워크): 컨소시엄마다 대표 단체는 1개만 둘 수 있습니다"
	if !s.rosterMsg.Visible() || !strings.Contains(s.rosterMsg.Text, want) || s.rosterMsg.Importance != widget.DangerImportance {
		t.Fatalf("roster message: visible %v, %q", s.rosterMsg.Visible(), s.rosterMsg.Text)
	}
	if s.form.general.Visible() {
		t.Fatalf("the roster's problem must stand at the roster, not at the bottom: %q", s.form.general.Text)
	}
	after, err := st.Platform(before.ID)
	if err != nil || !reflect.DeepEqual(before, after) {
		t.Fatalf("the refused save changed the record:\n%+v\n%+v", before, after)
	}
	if auditAfter, _ := st.Audit(store.AuditFilter{}); len(auditAfter) != len(auditBefore) {
		t.Fatal("the refused save wrote to the audit log")
	}
	if !s.form.dirty || len(s.members.items) != 5 {
		t.Fatal("the coordinator's edit must stay on screen to be fixed")
	}

	// Fixing it: the new organisation becomes a participant, and 저장 passes.
	s.members.grid.SelectRow(1)
	test.Tap(s.members.editBtn)
	s.members.dlg.f.choice(store.KeyRole).SetSelected(string(store.RoleMember))
	test.Tap(s.members.dlg.ok)
	test.Tap(s.form.saveBtn)
	if s.rosterMsg.Visible() {
		t.Fatalf("problem left after fixing: %q", s.rosterMsg.Text)
	}
	got, _ := st.Platform(before.ID)
	if len(got.Members) != 5 || got.Members[1].Org != "강북청년네트워크" || got.Members[1].Role != store.RoleMember {
		t.Fatalf("saved roster: %+v", got.Members)
	}
}

func TestPlatformsContactIsMaskedOutsideTheMemberForm(t *testing.T) {
	u, _, st, s := platformsUI(t)
	ps, _ := st.Platforms(store.Filter{Year: 2016, District: "강북구"})
	p := ps[0]
	p.Members[0].Contact = "010-1234-5678"
	p.Members[3].Contact = "leesh@example.kr"
	if _, err := st.SavePlatform(&p); err != nil {
		t.Fatal(err)
	}
	s.refresh()
	selectPlatform(t, s, "강북구")
	if s.members.grid.Cell(0, 3) != "010-****-5678" || s.members.grid.Cell(3, 3) != "l***@example.kr" {
		t.Fatalf("roster contacts: %q %q", s.members.grid.Cell(0, 3), s.members.grid.Cell(3, 3))
	}
	s.members.grid.SelectRow(0)
	if !s.rosterLine.Visible() || !strings.Contains(s.rosterLine.Text, "010-****-5678") || strings.Contains(s.rosterLine.Text, "1234") {
		t.Fatalf("selected line: %q", s.rosterLine.Text)
	}
	for r := 0; r < s.members.grid.Rows(); r++ {
		for c := 0; c < 4; c++ {
			if strings.Contains(s.members.grid.Cell(r, c), "1234") || strings.Contains(s.members.grid.Cell(r, c), "leesh") {
				t.Fatalf("roster (%d,%d) shows a contact: %q", r, c, s.members.grid.Cell(r, c))
			}
		}
	}
	test.Tap(s.members.editBtn)
	if s.members.dlg.f.entry(store.KeyContact).Text != "010-1234-5678" {
		t.Fatalf("member form contact %q, want it in full", s.members.dlg.f.entry(store.KeyContact).Text)
	}
	test.Tap(s.members.dlg.cancel)
	// Search never looks into contacts.
	test.Type(u.bar.search, "5678")
	if s.grid.Rows() != 0 {
		t.Fatalf("search found a contact: %d rows", s.grid.Rows())
	}
}

func TestPlatformsEditRosterAndSave(t *testing.T) {
	_, _, st, s := platformsUI(t)
	selectPlatform(t, s, "관악구")
	id := s.cur.ID

	// A line's own error keeps the member dialog open and the roster as it was.
	test.Tap(s.members.addBtn)
	test.Type(s.members.dlg.f.entry(store.KeyRep), "누구")
	test.Tap(s.members.dlg.ok)
	if !s.members.dlg.msg.Visible() || !strings.Contains(s.members.dlg.msg.Text, "구성원 6행(참여 단체): 단체명을 입력하세요") || len(s.members.items) != 5 {
		t.Fatalf("blank organisation: %q, %d members", s.members.dlg.msg.Text, len(s.members.items))
	}
	test.Tap(s.members.dlg.cancel)

	s.members.grid.SelectRow(1) // (사)난곡주민도서관 새숲
	test.Tap(s.members.editBtn)
	s.members.dlg.f.entry(store.KeyRep).SetText("박도서")
	test.Tap(s.members.dlg.ok)
	s.members.grid.SelectRow(3) // 삼성고등학교사회적협동조합
	test.Tap(s.members.delBtn)
	addMember(t, s, store.RoleMember, "관악청년네트워크", "박청년", "010-2222-3333")
	if got := s.members.grid.Cell(4, 0); got != string(store.RoleManager) {
		t.Fatalf("the manager must stay last, row 5 is %q", got)
	}
	test.Tap(s.form.saveBtn)
	if s.form.dirty {
		t.Fatalf("save did not go through: %q %q", s.rosterMsg.Text, s.form.general.Text)
	}
	p, _ := st.Platform(id)
	var orgs []string
	for _, m := range p.Members {
		orgs = append(orgs, m.Org+"/"+m.Rep)
	}
	want := "(사)관악주민연대/민경자 (사)난곡주민도서관 새숲/박도서 (준)사회적협동조합 공동체관악/김승오 관악청년네트워크/박청년 /홍선"
	if strings.Join(orgs, " ") != want || p.Members[3].Contact != "010-2222-3333" {
		t.Fatalf("saved roster %q", strings.Join(orgs, " "))
	}
	if s.grid.Cell(s.rowOf(t, "관악구"), 2) != "4" {
		t.Fatal("the table did not follow the save")
	}
}

func (s *platformsScreen) rowOf(t *testing.T, d string) int {
	t.Helper()
	for r := 0; r < s.grid.Rows(); r++ {
		if s.grid.Cell(r, 0) == d {
			return r
		}
	}
	t.Fatalf("%s not in the table", d)
	return -1
}

func TestPlatformsIndicators(t *testing.T) {
	_, _, st, s := platformsUI(t)
	selectPlatform(t, s, "마포구")
	test.Tap(s.inds.addBtn)
	test.Type(s.inds.dlg.f.entry(store.KeyName), "공론장 개최")
	test.Type(s.inds.dlg.f.entry(store.KeyTarget), "6회")
	test.Tap(s.inds.dlg.ok)
	test.Tap(s.inds.addBtn)
	s.inds.dlg.tick(store.KeyCommon).SetChecked(false)
	test.Type(s.inds.dlg.f.entry(store.KeyTarget), "10명")
	test.Tap(s.inds.dlg.ok) // no name: refused in the dialog
	if !strings.Contains(s.inds.dlg.msg.Text, "성과지표 2행: 지표 이름을 입력하세요") {
		t.Fatalf("indicator without name: %q", s.inds.dlg.msg.Text)
	}
	test.Type(s.inds.dlg.f.entry(store.KeyName), "청년 활동가 양성")
	test.Tap(s.inds.dlg.ok)
	if s.inds.grid.Rows() != 2 || s.inds.grid.Cell(0, 0) != "공통" || s.inds.grid.Cell(1, 0) != "개별" || s.tabs.Items[1].Text != "성과지표 2" {
		t.Fatalf("indicators: %d rows, tab %q", s.inds.grid.Rows(), s.tabs.Items[1].Text)
	}
	test.Tap(s.form.saveBtn)
	p, _ := st.Platform(s.cur.ID)
	if len(p.Indicators) != 2 || p.Indicators[1] != (store.Indicator{Name: "청년 활동가 양성", Target: "10명"}) {
		t.Fatalf("saved indicators %+v", p.Indicators)
	}
}

func TestPlatformsCopyToNextYearThenCompare(t *testing.T) {
	u, w, st, s := platformsUI(t)
	selectPlatform(t, s, "강북구")
	test.Tap(s.copyBtn)
	next, _ := st.Platforms(store.Filter{Year: 2017, District: "강북구"})
	if len(next) != 1 || next[0].Status != "신청" || len(next[0].Members) != 4 {
		t.Fatalf("2017 after 다음 해로 복사: %+v", next)
	}
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("no word that the copy was made")
	}
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	test.Tap(s.copyBtn) // again: refused, nothing added
	if all, _ := st.Platforms(store.Filter{District: "강북구"}); len(all) != 2 {
		t.Fatalf("%d 강북구 consortia after copying twice", len(all))
	}

	Drive(u).SetYear(2017)
	selectPlatform(t, s, "강북구")
	if !strings.Contains(s.compareHead.Text, "2016년 → 2017년: 명단이 같습니다") {
		t.Fatalf("fresh copy: %q", s.compareHead.Text)
	}
	s.members.grid.SelectRow(1)
	test.Tap(s.members.editBtn)
	s.members.dlg.f.entry(store.KeyRep).SetText("한동수")
	test.Tap(s.members.dlg.ok)
	s.members.grid.SelectRow(2)
	test.Tap(s.members.delBtn)
	if len(s.compare.Objects) != 2 || s.tabs.Items[2].Text != "작년과 비교 2" {
		t.Fatalf("%d compare lines, tab %q", len(s.compare.Objects), s.tabs.Items[2].Text)
	}
	lines := []string{
		"대표자 변경: 강북구사회적경제협의회 최동준 → 한동수",
		"탈퇴: 참여 단체 강북구사회적경제통합지원센터 (대표자 정명훈)",
	}
	for i, l := range lines {
		if got := s.compare.Objects[i].(*widget.Label).Text; got != l {
			t.Errorf("compare line %d: %q, want %q", i+1, got, l)
		}
	}
	if s.compareHead.Text != "2016년 → 2017년: 탈퇴 1 · 대표자 변경 1" {
		t.Errorf("compare heading %q", s.compareHead.Text)
	}
}

func TestPlatformsNewConsortium(t *testing.T) {
	u, _, st, s := platformsUI(t)
	Drive(u).SetDistrict("노원구")
	u.createCurrent()
	if !s.loaded || s.cur.ID != 0 || s.form.choice(store.KeyDistrict).Selected != "노원구" || s.form.entry(store.KeyName).Text != "노원구 시민협력플랫폼" || s.form.choice(store.KeyStatus).Selected != "신청" {
		t.Fatalf("new consortium: district %q name %q status %q", s.form.choice(store.KeyDistrict).Selected, s.form.entry(store.KeyName).Text, s.form.choice(store.KeyStatus).Selected)
	}
	test.Tap(s.form.saveBtn)
	if !strings.Contains(s.form.problem(store.KeySpace), "공간 면적을 입력하세요 (요건: 50㎡ 이상)") {
		t.Fatalf("space problem %q", s.form.problem(store.KeySpace))
	}
	if !strings.Contains(s.rosterMsg.Text, "대표 단체가 없습니다") || !strings.Contains(s.rosterMsg.Text, "플랫폼책임자가 없습니다") {
		t.Fatalf("roster problems %q", s.rosterMsg.Text)
	}
	test.Type(s.form.entry(store.KeySpace), "40")
	s.form.entry(store.KeyGrant).SetText("120,000")
	addMember(t, s, store.RoleLead, "노원마을넷", "최노원", "")
	addMember(t, s, store.RoleManager, "", "김책임", "010-1111-2222")
	if !strings.Contains(s.rosterMsg.Text, "참여 단체가 없습니다") {
		t.Fatalf("a consortium of one organisation: roster problems %q", s.rosterMsg.Text)
	}
	addMember(t, s, store.RoleMember, "노원청년네트워크", "박노원", "")
	test.Tap(s.form.saveBtn)
	if !strings.Contains(s.form.problem(store.KeySpace), "공간 면적 40㎡ 이(가) 요건(50㎡ 이상)에 못 미칩니다") ||
		!strings.Contains(s.form.problem(store.KeyGrant), "지원액 120,000천원 이(가) 연 한도 100,000천원을 넘습니다") {
		t.Fatalf("space %q grant %q", s.form.problem(store.KeySpace), s.form.problem(store.KeyGrant))
	}
	if all, _ := st.Platforms(store.Filter{District: "노원구"}); len(all) != 0 {
		t.Fatal("a refused new consortium was stored")
	}
	s.form.entry(store.KeySpace).SetText("60")
	s.form.entry(store.KeyGrant).SetText("100,000")
	test.Tap(s.form.saveBtn)
	all, _ := st.Platforms(store.Filter{District: "노원구"})
	if len(all) != 1 || all[0].Space != 60 || all[0].Grant != 100000 || len(all[0].Members) != 3 || all[0].Members[2].Contact != "010-1111-2222" {
		t.Fatalf("stored: %+v", all)
	}
	if s.grid.Rows() != 1 || s.cur.ID != all[0].ID || s.form.dirty {
		t.Fatalf("after save: %d rows, form on %d", s.grid.Rows(), s.cur.ID)
	}
	Drive(u).SetDistrict("")
	if s.grid.Rows() != 10 || s.grid.Cell(10, 5) != "999,976" {
		t.Fatalf("10 consortia, total %q", s.grid.Cell(10, 5))
	}

	// A second one for 노원구 2016 is refused at 연도.
	Drive(u).SetDistrict("노원구")
	u.createCurrent()
	s.form.entry(store.KeySpace).SetText("60")
	addMember(t, s, store.RoleLead, "다른 단체", "이대표", "")
	addMember(t, s, store.RoleManager, "", "박책임", "")
	test.Tap(s.form.saveBtn)
	if !strings.Contains(s.form.problem(store.KeyYear), "2016년 노원구 시민협력플랫폼이 이미 있습니다") {
		t.Fatalf("second consortium: %q", s.form.problem(store.KeyYear))
	}
}

func TestPlatformsDeleteAsksFirst(t *testing.T) {
	_, w, st, s := platformsUI(t)
	selectPlatform(t, s, "강북구")
	test.Tap(s.delBtn)
	if all, _ := st.Platforms(store.Filter{District: "강북구"}); len(all) != 1 {
		t.Fatal("deleted before asking")
	}
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("삭제 did not ask")
	}
	var yes *widget.Button
	for _, b := range buttons(top) {
		if b.Importance == widget.HighImportance {
			yes = b
		}
	}
	if yes == nil {
		t.Fatal("no confirm button in the dialog")
	}
	test.Tap(yes)
	if all, _ := st.Platforms(store.Filter{District: "강북구"}); len(all) != 0 {
		t.Fatal("강북구 still there after confirming")
	}
	if s.grid.Rows() != 8 || s.loaded {
		t.Fatalf("after delete: %d rows, form loaded %v", s.grid.Rows(), s.loaded)
	}
}

func TestPlatformsLeavingChangedFormAsks(t *testing.T) {
	_, w, _, s := platformsUI(t)
	selectPlatform(t, s, "강북구")
	test.Type(s.form.entry(store.KeyNote), " 메모")
	s.selectDistrict("관악구")
	if s.cur.District != "강북구" || w.Canvas().Overlays().Top() == nil {
		t.Fatalf("left a changed form without asking (now %s)", s.cur.District)
	}
}

// The consortium's 사업 개시일 is kept; support beyond 36 months from the
// district's first start is refused under it; a consortium a rule warns
// about is marked in the table's 점검 column.
func TestPlatformStartDateAndMarks(t *testing.T) {
	u, _, st, s := platformsUI(t)
	stored := func(year int) store.Platform {
		t.Helper()
		ps, err := st.Platforms(store.Filter{Year: year, District: "강북구"})
		if err != nil || len(ps) != 1 {
			t.Fatalf("%d 강북구: %v %d", year, err, len(ps))
		}
		return ps[0]
	}
	selectPlatform(t, s, "강북구")
	// what the plan does not state for 2016: space, months, status
	retype(s.form.entry(store.KeySpace), "60")
	retype(s.form.entry(store.KeyMonths), "12")
	s.form.choice(store.KeyStatus).SetSelected("사업개시")
	retype(s.form.entry(store.KeyStartOn), "2016-09-01")
	s.form.choice(store.KeyGrowth).SetSelectedIndex(1) // 2 자립화 전략
	test.Tap(s.form.saveBtn)
	if p := stored(2016); p.StartOn != "2016-09-01" || p.Growth != 2 || p.Months != 12 {
		t.Fatalf("start date not saved: %+v", p)
	}
	// 2017 from 2017-09-01 (growth back to 1: a warning) and 2018 from 2018-09-01.
	for _, x := range []struct {
		year int
		on   store.Date
	}{{2017, "2017-09-01"}, {2018, "2018-09-01"}} {
		p := stored(2016)
		p.ID, p.Year, p.StartOn, p.Status, p.Growth = 0, x.year, x.on, "신청", 1
		if x.year == 2018 {
			p.Growth = 2
		}
		if _, err := st.SavePlatform(&p); err != nil {
			t.Fatal(err)
		}
	}
	Drive(u).SetYear(2018)
	selectPlatform(t, s, "강북구")
	retype(s.form.entry(store.KeyStartOn), "2018-10-01")
	test.Tap(s.form.saveBtn)
	if got := s.form.problem(store.KeyStartOn); !strings.Contains(got, "2016년 사업 개시일 2016-09-01 부터 2019-09-30 까지 37개월로 최대 36개월을 넘습니다") {
		t.Fatalf("under 사업 개시일: %q", got)
	}
	if p := stored(2018); p.StartOn != "2018-09-01" {
		t.Fatalf("a refused start date was saved: %+v", p)
	}
	s.form.dirty = false
	Drive(u).SetYear(2017)
	if s.grid.Rows() != 1 || s.grid.Cell(0, platColCheck) != "경고 1" || s.grid.Importance(0, platColCheck) != widget.WarningImportance {
		t.Fatalf("2017 강북구 (growth down) marked %q", s.grid.Cell(0, platColCheck))
	}
	selectPlatform(t, s, "강북구")
	if got := s.form.problem(store.KeyGrowth); !strings.Contains(got, "경고: 성장 단계가 2016년 2단계(자립화 전략)에서 2017년 1단계(네트워크 구축)(으)로 내려갑니다") {
		t.Fatalf("opening 2017 강북구: %q", got)
	}
	Drive(u).SetYear(2016)
	for r := 0; r < s.grid.Rows(); r++ {
		if s.grid.Cell(r, 0) == "강북구" && s.grid.Cell(r, platColCheck) != "정상" {
			t.Fatalf("2016 강북구 marked %q", s.grid.Cell(r, platColCheck))
		}
	}
}

// The indicators' rules show under the indicators: both kinds, each with
// a target for its year; warnings do not block saving.
func TestPlatformIndicatorKindsUnderTheIndicators(t *testing.T) {
	_, _, st, s := platformsUI(t)
	selectPlatform(t, s, "강북구")
	add := func(common bool, name, target string) {
		t.Helper()
		s.inds.open(-1)
		s.inds.dlg.tick(store.KeyCommon).SetChecked(common)
		s.inds.dlg.f.entry(store.KeyName).SetText(name)
		s.inds.dlg.f.entry(store.KeyTarget).SetText(target)
		test.Tap(s.inds.dlg.ok)
	}
	add(true, "공론장 개최", "6회")
	if !s.indMsg.Visible() || !strings.Contains(s.indMsg.Text, "성과지표에 개별 지표가 없습니다") {
		t.Fatalf("one 공통 지표: %q", s.indMsg.Text)
	}
	add(false, "청년 활동가 양성", "")
	if strings.Contains(s.indMsg.Text, "개별 지표가 없습니다") || !strings.Contains(s.indMsg.Text, "성과지표 2행(청년 활동가 양성): 목표가 없습니다") {
		t.Fatalf("both kinds, one without target: %q", s.indMsg.Text)
	}
	test.Tap(s.form.saveBtn)
	ps, _ := st.Platforms(store.Filter{Year: 2016, District: "강북구"})
	if len(ps) != 1 || len(ps[0].Indicators) != 2 {
		t.Fatalf("a warning blocked saving: %+v", ps)
	}
	if !strings.Contains(s.indMsg.Text, "목표가 없습니다") {
		t.Fatalf("after saving: %q", s.indMsg.Text)
	}
}

// The 사업 개시일 shows the support period it starts.
func TestPlatformStartHint(t *testing.T) {
	_, _, _, s := platformsUI(t)
	selectPlatform(t, s, "강북구")
	retype(s.form.entry(store.KeyMonths), "12") // the plan states no months for 2016
	retype(s.form.entry(store.KeyStartOn), "2016-09-01")
	if s.startHint.Text != "지원 기간 ~ 2017-08-31 (12개월)" || !s.form.dirty {
		t.Fatalf("hint %q, dirty %v", s.startHint.Text, s.form.dirty)
	}
	retype(s.form.entry(store.KeyMonths), "6")
	if s.startHint.Text != "지원 기간 ~ 2017-02-28 (6개월)" {
		t.Fatalf("hint %q", s.startHint.Text)
	}
	retype(s.form.entry(store.KeyStartOn), "2016-13-01")
	if s.startHint.Text != "" {
		t.Fatalf("hint for a bad date %q", s.startHint.Text)
	}
}
