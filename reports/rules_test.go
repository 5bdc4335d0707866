package reports

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hyeopchi/store"
)

// pdfText is a report's text as pdftotext reads it, spaces squeezed out.
func pdfText(t *testing.T, kind string, in Input) string {
	t.Helper()
	var buf bytes.Buffer
	if _, err := PDF(kind, in, &buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), kind+".pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return squeeze(tool(t, "pdftotext", "-layout", path, "-"))
}

// The district profile's 누계 counts what the 36-month rule counts: 수립기
// and 실행기, not 준비기 (비예산).
func TestDistrictReportCountsFundedMonths(t *testing.T) {
	in := planInput(KindDistrict, 2018, "관악구")
	in.Plans = append(in.Plans,
		store.Plan{District: "관악구", Year: 2015, Stage: store.StagePrep, Start: "2015-05-01", End: "2015-10-31", Months: 6, TFTCivil: 5, TFTOfficial: 3},
		store.Plan{District: "관악구", Year: 2018, Stage: store.StageExecution, Start: "2018-09-01", End: "2019-08-31", Months: 12, Amount: 300000, TFTCivil: 5, TFTOfficial: 3})
	// 관악구: 2016 수립기 10 + 2017 실행기 12 (by its dates) + 2018 실행기 12; the 2015 준비기's 6 left out
	want := store.PlanFundedMonths("관악구", 2018, in.Plans)
	if want != 34 {
		t.Fatalf("funded months %d, want 34", want)
	}
	if text := pdfText(t, KindDistrict, in); !strings.Contains(text, squeeze("□ 지원 기간 누계 : 34개월 (최대 36개월)")) {
		t.Fatalf("누계 is not 34 months:\n%s", text)
	}
}

// The school report (and the annual report, which holds it) sets the
// year's events against the targets in settings.
func TestSchoolReportEventTargets(t *testing.T) {
	in := planInput(KindSchool, 2017, "")
	text := pdfText(t, KindSchool, in)
	for _, want := range []string{"□ 행사 목표 대비 개최", "정책토론회 5 1", "현장 워크숍 20 1", "자문네트워크 회의 10 -"} {
		if !strings.Contains(text, squeeze(want)) {
			t.Errorf("%q not in the school report", want)
		}
	}
	in.Settings.EventTargets = []store.EventTarget{}
	text = pdfText(t, KindSchool, in)
	if !strings.Contains(text, squeeze("정책토론회 미기재 1")) || strings.Contains(text, squeeze("자문네트워크 회의 10")) {
		t.Errorf("without targets in settings the report must say 미기재:\n%s", text)
	}
	annual := pdfText(t, KindAnnual, planInput(KindAnnual, 2017, ""))
	if !strings.Contains(annual, squeeze("□ 행사 목표 대비 개최")) || !strings.Contains(annual, squeeze("정책토론회 5 1")) {
		t.Error("the annual report lacks the event targets")
	}
}
