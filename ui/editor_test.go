package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"hyeopchi/store"
	"hyeopchi/store/workbook"
)

// TestFormReadsWhatTheImporterReads: a form field and a district's file
// cell share one grammar, so the same text gets the same words under the
// field as in the import report, and reads to the same value.
func TestFormReadsWhatTheImporterReads(t *testing.T) {
	u, _, st := newTestUI(t)
	Drive(u).SetYear(2017)
	Drive(u).ShowSchool(tabEvents, 0, "")
	ev := schoolOf(t, u).events
	ev.create()
	ev.f.choice(store.KeyKind).SetSelected(store.EventKinds[0])
	test.Type(ev.f.entry(store.KeyTitle), "정책토론회")
	test.Type(ev.f.entry(store.KeyDate), "2017. 6. 15.")
	test.Type(ev.f.entry(store.KeyBudget), "200,000,000원")
	test.Tap(ev.f.saveBtn)
	want := `예산(천원) "200,000,000원" 은(는) 원 단위입니다: 천원 단위로 적어 주세요 (예: 200,000,000원은 200,000)`
	if got := ev.f.problem(store.KeyBudget); got != want {
		t.Fatalf("under 예산: %q\nwant %q", got, want)
	}
	csv := "자치구,연도,단계,사업기간,지원액,TFT 민,TFT 구의원,TFT 관,TFT 계\n" +
		"관악구,2017,수립기,2017.03.01 ~ 2017.12.31,\"200,000,000원\",10,0,5,15\n"
	_, ps := workbook.Read("plans.csv", []byte(csv))
	if len(ps) != 1 || ps[0].String() != "plans.csv:혁신계획:2:지원액: "+want[len("예산(천원) "):] {
		t.Fatalf("the importer says %v", ps)
	}
	// What the importer reads, the form reads: 27,000천원 and 30명.
	ev.f.entry(store.KeyBudget).SetText("27,000천원")
	ev.f.entry(store.KeyAttendMale).SetText("30명")
	test.Tap(ev.f.saveBtn)
	es, err := st.Events(store.Filter{Year: 2017})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range es {
		found = found || (e.Title == "정책토론회" && e.Budget == 27000 && e.AttendMale == 30)
	}
	if !found || ev.f.dirty {
		t.Fatalf("saved: %v, form still changed: %v (%q %q)", found, ev.f.dirty, ev.f.problem(store.KeyDate), ev.f.general.Text)
	}
}
