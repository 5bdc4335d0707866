package workbook_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"hyeopchi/store"
	"hyeopchi/store/workbook"
	"hyeopchi/store/workbook/wbtest"
)

func seeded(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Create(filepath.Join(t.TempDir(), "x.db"), store.SeedData())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	clock := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	st.Now = func() time.Time { clock = clock.Add(time.Second); return clock }
	return st
}

func dump(t *testing.T, st *store.Store) string {
	t.Helper()
	d, err := st.Export()
	if err != nil {
		t.Fatal(err)
	}
	subs, err := st.Submissions(store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	audit, err := st.Audit(store.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal([]any{d, subs, len(audit)})
	return string(raw)
}

func importOK(t *testing.T, st *store.Store, name string, data []byte, dry bool) workbook.ImportReport {
	t.Helper()
	rep, err := workbook.ImportFiles(st, []workbook.File{{Name: name, Data: data}}, dry)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() {
		t.Fatalf("%s: %d errors, first %v", name, len(rep.Problems), rep.Problems[0])
	}
	return rep
}

// cliLines is what the command line prints for an import (without --verbose).
func cliLines(rep workbook.ImportReport, dry bool) []string {
	lines := append(rep.ChangeLines(dry, false), rep.WarningLines(false)...)
	return append(lines, rep.Summary(dry))
}

// All 25 districts' year in one workbook, each numbering its sessions from
// 1: every row is its own record, the output is a screenful, and the same
// file again changes nothing.
func TestDistricts25ImportsQuietlyOnce(t *testing.T) {
	st := seeded(t)
	r := wbtest.Build(wbtest.Options{})
	if r.Rows() != 965 || len(r.Sessions) != 750 {
		t.Fatalf("the workbook has %d rows, %d sessions", r.Rows(), len(r.Sessions))
	}
	data, err := wbtest.Workbook(r)
	if err != nil {
		t.Fatal(err)
	}
	checkQuietFirstImport(t, st, importOK(t, st, "25개구.xlsx", data, false))
	checkSameFileKnown(t, st, data)
	checkResavedCopyUnchanged(t, st, r)
}

// checkQuietFirstImport: the 25 districts' workbook adds every row as its
// own record, no district's session is another's duplicate, and the
// command line's output is a screenful with the warnings of a kind on one
// line.
func checkQuietFirstImport(t *testing.T, st *store.Store, rep workbook.ImportReport) {
	t.Helper()
	if res := rep.Result; res.Added != 800 || res.Changed != 0 || res.Unchanged != 0 || !rep.Applied {
		t.Fatalf("first import: 추가 %d 수정 %d 변경 없음 %d", res.Added, res.Changed, res.Unchanged)
	}
	xs, err := st.Sessions(store.Filter{Year: 2018})
	if err != nil || len(xs) != 750 {
		t.Fatalf("%d sessions stored, want 750 (%v)", len(xs), err)
	}
	for _, w := range rep.Warnings {
		if strings.Contains(w.Message, "회가 이미 있습니다") {
			t.Fatalf("another district's session is no duplicate: %v", w)
		}
	}
	lines := cliLines(rep, false)
	if len(lines) > 40 {
		t.Fatalf("%d lines for a good workbook, want a screenful:\n%s", len(lines), strings.Join(lines, "\n"))
	}
	want := "경고 25건: 플랫폼 공간 면적 미기재 (플랫폼:4, 12, 20 …)"
	if !strings.Contains(strings.Join(lines, "\n"), want) {
		t.Fatalf("want the warnings as one line %q:\n%s", want, strings.Join(lines, "\n"))
	}
	if got := len(rep.WarningLines(true)); got != 25 {
		t.Fatalf("--verbose lists %d warnings, want 25", got)
	}
}

// checkSameFileKnown: the same file again is recognised before it is read
// and changes nothing.
func checkSameFileKnown(t *testing.T, st *store.Store, data []byte) {
	t.Helper()
	before := dump(t, st)
	again := importOK(t, st, "25개구.xlsx", data, false)
	if again.Applied || len(again.Known) != 1 || again.Files != nil {
		t.Fatalf("the same file again must be recognised before reading: %+v", again.Known)
	}
	if s := again.Summary(false); s != "변경 없음: 이미 가져온 파일입니다 (25개구.xlsx, 2026-12-01 접수)" {
		t.Fatalf("summary: %s", s)
	}
	if dump(t, st) != before {
		t.Fatal("importing the same file twice changed the data file")
	}
}

// checkResavedCopyUnchanged: the same records in a file with other bytes
// (saved again, another drop-down list) are read, matched record by
// record, and nothing changes.
func checkResavedCopyUnchanged(t *testing.T, st *store.Store, r wbtest.Records) {
	t.Helper()
	var buf bytes.Buffer
	if err := workbook.Template(&buf, workbook.TemplateOptions{Plans: r.Plans, Platforms: r.Platforms, Sessions: r.Sessions,
		Courses: append(wbtest.Courses, "기타 과정")}); err != nil {
		t.Fatal(err)
	}
	records, _ := st.Export()
	rep := importOK(t, st, "다시 저장.xlsx", buf.Bytes(), false)
	if res := rep.Result; len(rep.Known) != 0 || res.Added != 0 || res.Changed != 0 || res.Unchanged != 800 {
		t.Fatalf("a re-saved copy: %s", rep.Summary(false))
	}
	if s := rep.Summary(false); s != "변경 없음: 데이터에 이미 같은 내용이 있습니다" {
		t.Fatalf("summary: %s", s)
	}
	if now, _ := st.Export(); !reflect.DeepEqual(now, records) {
		t.Fatal("a re-saved copy changed records")
	}
}

// A copy of the 25-district workbook with 3 amounts changed is exactly 3
// changes, each shown with its values; applying it and importing it again
// changes nothing more.
func TestDistricts25ChangedCopy(t *testing.T) {
	st := seeded(t)
	r := wbtest.Build(wbtest.Options{})
	data, err := wbtest.Workbook(r)
	if err != nil {
		t.Fatal(err)
	}
	importOK(t, st, "25개구.xlsx", data, false)
	before := dump(t, st)

	r.Plans[3].Amount += 5000  // 성동구
	r.Plans[20].Amount -= 1000 // 관악구
	r.Sessions[100].AttendMale = 1
	changed, err := wbtest.Workbook(r)
	if err != nil {
		t.Fatal(err)
	}
	rep := importOK(t, st, "25개구-수정.xlsx", changed, true)
	if res := rep.Result; res.Changed != 3 || res.Added != 0 || res.Unchanged != 797 {
		t.Fatalf("dry run: 추가 %d 수정 %d 변경 없음 %d", res.Added, res.Changed, res.Unchanged)
	}
	if dump(t, st) != before {
		t.Fatal("a dry run changed the data file")
	}
	out := strings.Join(rep.ChangeLines(true, false), "\n")
	for _, want := range []string{
		"수정 혁신계획 2018 성동구: 지원액: 153,000천원 → 158,000천원",
		"수정 혁신계획 2018 관악구: 지원액: 170,000천원 → 169,000천원",
		"수정 교육회차 " + rep.Result.Changes[len(r.Plans)+len(r.Platforms)+100].Label + ": 참석 남: 13 → 1",
		"혁신계획: 추가 0건, 수정 2건, 변경 없음 23건",
		"교육회차: 추가 0건, 수정 1건, 변경 없음 749건",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("dry run lacks %q:\n%s", want, out)
		}
	}
	if s := rep.Summary(true); s != "오류 없음. 가져오면 추가 0건, 수정 3건, 변경 없음 797건" {
		t.Errorf("summary: %s", s)
	}
	rep = importOK(t, st, "25개구-수정.xlsx", changed, false)
	if rep.Result.Changed != 3 || !rep.Applied || rep.Summary(false) != "가져왔습니다: 추가 0건, 수정 3건, 변경 없음 797건" {
		t.Fatalf("import: %s", rep.Summary(false))
	}
	ps, _ := st.Plans(store.Filter{Year: 2018, District: "관악구"})
	if len(ps) != 1 || ps[0].Amount != 169000 {
		t.Fatalf("관악구 2018: %+v", ps)
	}
	after := dump(t, st)
	importOK(t, st, "25개구-수정.xlsx", changed, false)
	if dump(t, st) != after {
		t.Fatal("the changed copy imported twice changed the data file again")
	}
}

// The two district CSV files: the same course and number in 관악구
// and 은평구 are two sessions, and the second file adds, not overwrites.
func TestTwoDistrictsSameNumberCSV(t *testing.T) {
	st := seeded(t)
	head := "과정,회차,일자,시간,자치구,장소,대상,정원,참석 남,참석 여\n"
	gwanak := head + "찾아가는 협치 이해교육,1,2017-05-10,14:00-17:00,관악구,관악구청,주민,40,10,20\n"
	eunpyeong := head + "찾아가는 협치 이해교육,1,2017-05-12,14:00-17:00,은평구,은평구청,주민,40,5,15\n"
	for _, f := range []struct{ name, data string }{{"관악구.csv", gwanak}, {"은평구.csv", eunpyeong}} {
		rep := importOK(t, st, f.name, []byte(f.data), false)
		if rep.Result.Added != 1 || rep.Result.Changed != 0 || len(rep.Warnings) != 0 {
			t.Fatalf("%s: %s %v", f.name, rep.Summary(false), rep.Warnings)
		}
	}
	xs, err := st.Sessions(store.Filter{Year: 2017})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, x := range xs {
		got = append(got, x.District)
	}
	if strings.Join(got, ",") != "관악구,은평구" {
		t.Fatalf("sessions: %v", got)
	}
}
