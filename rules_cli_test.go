package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"hyeopchi/store"
)

// writePlansXLSX writes a 혁신계획 sheet as a district would fill it.
func writePlansXLSX(t *testing.T, path string, rows [][]any) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "혁신계획")
	head := []any{"자치구", "연도", "단계", "사업기간", "지원액(천원)", "TFT 민", "TFT 구의원", "TFT 관", "참여예산"}
	for r, row := range append([][]any{head}, rows...) {
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := f.SetSheetRow("혁신계획", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// The importer calls the same rules as the form: a 24-month 실행기 record
// and a plan without a 민·관 TFT are refused at their cells
// (FILE:SHEET:ROW:COLUMN: message), and 융합형 is read as 계획형(융합형).
func TestImportAppliesThePlanRules(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	if _, e, code := runCLI(t, "init", "--empty", "--db", db); code != 0 {
		t.Fatal(e)
	}
	bad := filepath.Join(dir, "rules.xlsx")
	writePlansXLSX(t, bad, [][]any{
		{"관악구", 2017, "실행기", "2017.01.01 ~ 2018.12.31", "600,000", 14, 0, 9, ""},
		{"도봉구", 2017, "준비기", "", "", 0, 0, 0, ""},
		{"은평구", 2017, "실행기", "2017.01.01 ~ 2017.12.31", "300,000", 11, 1, 9, "융합형"},
	})
	_, e, code := runCLI(t, "import", "--db", db, bad)
	if code != 1 {
		t.Fatalf("import of rule breaches: exit %d\n%s", code, e)
	}
	for _, want := range []string{
		bad + ":혁신계획:2:사업기간: 실행기는 한 건에 최대 12개월입니다 (24개월)",
		bad + ":혁신계획:2:지원액(천원): 지원액 600,000천원 이(가) 한도 300,000천원",
		bad + ":혁신계획:3:TFT 민: 준비기부터 민·관 합동 TFT가 있어야 합니다: TFT 민이 0명입니다",
		bad + ":혁신계획:3:TFT 관: 준비기부터 민·관 합동 TFT가 있어야 합니다: TFT 관이 0명입니다",
	} {
		if !strings.Contains(e, want) {
			t.Errorf("missing %q in:\n%s", want, e)
		}
	}
	if strings.Contains(e, ":4:") {
		t.Errorf("the good row was reported:\n%s", e)
	}
	good := filepath.Join(dir, "good.xlsx")
	writePlansXLSX(t, good, [][]any{{"은평구", 2017, "실행기", "2017.01.01 ~ 2017.12.31", "300,000", 11, 1, 9, "융합형"}})
	if out, e, code := runCLI(t, "import", "--db", db, good); code != 0 {
		t.Fatalf("good import: %d %s %s", code, out, e)
	}
	out, _, _ := runCLI(t, "list", "plans", "--json", "--db", db)
	var plans []map[string]any
	if err := json.Unmarshal([]byte(out), &plans); err != nil || len(plans) != 1 {
		t.Fatalf("list: %v %s", err, out)
	}
	if plans[0]["participatory_budget"] != "계획형(융합형)" {
		t.Fatalf("참여예산 %v", plans[0]["participatory_budget"])
	}
	if out, e, code := runCLI(t, "check", "--db", db); code != 0 {
		t.Fatalf("check after a good import: %d %s %s", code, out, e)
	}
}

// Importing a district's file again keeps what only the office enters: the
// 참여예산 amounts and the 본계획(초안) date have no column in the file.
func TestImportKeepsOfficeOnlyFields(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	if _, e, code := runCLI(t, "init", "--empty", "--db", db); code != 0 {
		t.Fatal(e)
	}
	file := filepath.Join(dir, "eunpyeong.xlsx")
	writePlansXLSX(t, file, [][]any{{"은평구", 2017, "실행기", "2017.01.01 ~ 2017.12.31", "300,000", 11, 1, 9, "계획형"}})
	if _, e, code := runCLI(t, "import", "--db", db, file); code != 0 {
		t.Fatal(e)
	}
	st, err := store.Open(db, nil)
	if err != nil {
		t.Fatal(err)
	}
	ps, _ := st.Plans(store.Filter{District: "은평구"})
	p := ps[0]
	p.PBAmount, p.PBIntegration, p.PBDongs, p.PBDongAmount, p.DraftPlanOn = 900000, 150000, 3, 90000, "2017-06-20"
	if _, err := st.SavePlan(&p); err != nil {
		t.Fatal(err)
	}
	st.Close()
	writePlansXLSX(t, file, [][]any{{"은평구", 2017, "실행기", "2017.01.01 ~ 2017.12.31", "290,000", 11, 1, 9, "계획형"}})
	if _, e, code := runCLI(t, "import", "--db", db, file); code != 0 {
		t.Fatal(e)
	}
	out, _, _ := runCLI(t, "list", "plans", "--json", "--db", db)
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil || len(got) != 1 {
		t.Fatalf("%v %s", err, out)
	}
	for k, want := range map[string]any{"amount": 290000.0, "pb_amount": 900000.0, "pb_integration_cost": 150000.0,
		"pb_dongs": 3.0, "pb_dong_amount": 90000.0, "draft_plan_submitted": "2017-06-20"} {
		if got[0][k] != want {
			t.Errorf("%s = %v, want %v", k, got[0][k], want)
		}
	}
}
