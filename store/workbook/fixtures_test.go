package workbook

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/jung-kurt/gofpdf"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/korean"

	"hyeopchi/store"
	"hyeopchi/store/value"
)

// The fixtures under testdata/workbook are made by this file. Run
//
//	go test ./store/workbook/ -run TestFixturesUpToDate -update
//
// to rewrite them, then testdata/workbook/libreoffice.sh for the files a
// real office suite saves. Without -update the test checks that the
// committed files still hold what this file would write.
var update = flag.Bool("update", false, "rewrite the fixtures under testdata/workbook")

const fixtureDir = "../../testdata/workbook"

// fxSheet describes one sheet of a fixture workbook.
type fxSheet struct {
	name     string
	rows     [][]any           // from row 1; nil is an empty cell
	merges   [][2]string       // ranges to merge, e.g. {"A3", "A4"}
	formulas map[string]string // cells holding a formula and no value
}

// fxDate is a real spreadsheet date; fxTime a real time of day (a
// fraction of a day), both written as numbers with a date or time format.
type (
	fxDate string
	fxTime float64
)

func writeFixtureXLSX(sheets []fxSheet) ([]byte, error) {
	f := excelize.NewFile()
	defer func() { _ = f.Close() }()
	dateFmt, timeFmt := "yyyy-mm-dd", "hh:mm"
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	if err != nil {
		return nil, err
	}
	timeStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &timeFmt})
	if err != nil {
		return nil, err
	}
	for i, sh := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh.name); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(sh.name); err != nil {
			return nil, err
		}
		for r, row := range sh.rows {
			for c, v := range row {
				cell := cellName(c, r+1)
				var err error
				switch v := v.(type) {
				case nil:
					continue
				case fxDate:
					d := store.Date(v).Time()
					err = f.SetCellInt(sh.name, cell, int64(d.Sub(excelEpoch).Hours()/24))
					if err == nil {
						err = f.SetCellStyle(sh.name, cell, cell, dateStyle)
					}
				case fxTime:
					err = f.SetCellFloat(sh.name, cell, float64(v), -1, 64)
					if err == nil {
						err = f.SetCellStyle(sh.name, cell, cell, timeStyle)
					}
				case string:
					err = f.SetCellStr(sh.name, cell, v)
				default:
					err = f.SetCellValue(sh.name, cell, v)
				}
				if err != nil {
					return nil, err
				}
			}
		}
		for _, m := range sh.merges {
			if err := f.MergeCell(sh.name, m[0], m[1]); err != nil {
				return nil, err
			}
		}
		for cell, formula := range sh.formulas {
			if err := f.SetCellFormula(sh.name, cell, formula); err != nil {
				return nil, err
			}
		}
	}
	var b bytes.Buffer
	err = f.Write(&b)
	return b.Bytes(), err
}

// Sample records: 2016's selections from the plan's 참고1 and 참고2.

var plansHeader = []any{"자치구", "연도", "단계", "지원사항", "사업기간", "지원액(천원)", "TFT 민", "TFT 구의원", "TFT 관", "TFT 계", "분야", "참여예산"}

func goodSheets() []fxSheet {
	plans := fxSheet{name: "혁신계획", rows: [][]any{
		{"2017년 지역사회혁신계획 신청 현황"},
		{nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, "(단위: 천원)"},
		plansHeader,
		{"영등포구", "2016", "수립기", "수립계획서", "2016.11.01.부터 2017.06.30.까지 (8개월)", "200,000천원", 12, "-", 8, 20, "마을/교육/사경/다문화/도시재생", ""},
		{"관악", 2016, "본계획 수립기", "수립계획서", "2016.11.01 ~ 2017.08.31", 167000, 14, 0, 9, 23, "마을·교육·사경·복지·도시재생", "계획형"},
		{},
		{"도봉구", 2016, "수립기", "수립계획서", "2016. 11. 1. ~ 2017. 3. 31. (5개월)", " 79,000 ", 9, 1, 5, nil, "마을, 복지, 사경, 교육, 도시재생", "일반형"},
		{"계", nil, nil, nil, nil, "446,000천원", 35, 1, 22, 58},
		{"※ 자료: 2017 지역협치 기본계획 <참고1>"},
	}, merges: [][2]string{{"A1", "L1"}}}
	platforms := fxSheet{name: "플랫폼", rows: [][]any{
		{"자치구", "연도", "구분", "단체명", "대표자", "비고", "연락처"},
		{"강북구", 2016, "대표 단체", "강북마을모임", "김성훈"},
		{"강북구", 2016, "참여 단체", "강북구사회적경제협의회", "최동준"},
		{"강북구", 2016, "참여 단체", "강북구사회적경제통합지원센터", "정명훈"},
		{"강북구", 2016, "플랫폼책임자", nil, "이상훈", "강북마을 부대표", "010-1234-5678"},
		{"관악구", 2016, "대표 단체", "(사)관악주민연대", "민경자"},
		{nil, nil, "참여 단체", "(사)난곡주민도서관 새숲", "이명애"},
		{nil, nil, "플랫폼 책임자", "", "홍선", "관악사회복지 운영위원장"},
	}, merges: [][2]string{{"A6", "A8"}, {"B6", "B8"}}}
	sessions := fxSheet{name: "교육", rows: [][]any{
		{"2017년 협치학교 교육 실적"},
		{"과정", "회차", "일자", "시간", "자치구", "장소", "대상", "정원", "참석 남", "참석 여", "참석 계"},
		{"찾아가는 협치 이해교육", 1, fxDate("2017-04-12"), "14:00-17:00", "관악구", "관악구청 대회의실", "자치구 공무원", 40, 12, 20, 32},
		{"지역협치 책임자 교육", "2회", "2017.5.10.(수)", fxTime(14.0 / 24), "중", "시민청", "협치담당 공무원", "30명", 11, 14, 25},
		{"합계", nil, nil, nil, nil, nil, nil, 70, 23, 34, 57},
	}}
	guide := fxSheet{name: "작성방법", rows: [][]any{{"이 시트는 읽지 않습니다"}, {"자치구", "연도"}, {"아무구", "올해"}}}
	return []fxSheet{plans, platforms, sessions, guide}
}

// goodPlans are the records good.xlsx and the plans CSVs hold.
func goodPlans() []store.Plan {
	return []store.Plan{
		{District: "영등포구", Year: 2016, Stage: store.StageDrafting, Support: "수립계획서", Start: "2016-11-01", End: "2017-06-30", Months: 8,
			Amount: 200000, TFTCivil: 12, TFTCouncil: 0, TFTOfficial: 8, Fields: []string{"마을", "교육", "사경", "다문화", "도시재생"}},
		{District: "관악구", Year: 2016, Stage: store.StageDrafting, Support: "수립계획서", Start: "2016-11-01", End: "2017-08-31", Months: 10,
			Amount: 167000, TFTCivil: 14, TFTCouncil: 0, TFTOfficial: 9, Fields: []string{"마을", "교육", "사경", "복지", "도시재생"}, PB: store.PBPlanned},
		{District: "도봉구", Year: 2016, Stage: store.StageDrafting, Support: "수립계획서", Start: "2016-11-01", End: "2017-03-31", Months: 5,
			Amount: 79000, TFTCivil: 9, TFTCouncil: 1, TFTOfficial: 5, Fields: []string{"마을", "복지", "사경", "교육", "도시재생"}, PB: "일반형"},
	}
}

func goodPlatforms() []store.Platform {
	return []store.Platform{
		{District: "강북구", Year: 2016, Members: []store.Member{
			{Role: store.RoleLead, Org: "강북마을모임", Rep: "김성훈"},
			{Role: store.RoleMember, Org: "강북구사회적경제협의회", Rep: "최동준"},
			{Role: store.RoleMember, Org: "강북구사회적경제통합지원센터", Rep: "정명훈"},
			{Role: store.RoleManager, Rep: "이상훈", Note: "강북마을 부대표", Contact: "010-1234-5678"},
		}},
		{District: "관악구", Year: 2016, Members: []store.Member{
			{Role: store.RoleLead, Org: "(사)관악주민연대", Rep: "민경자"},
			{Role: store.RoleMember, Org: "(사)난곡주민도서관 새숲", Rep: "이명애"},
			{Role: store.RoleManager, Rep: "홍선", Note: "관악사회복지 운영위원장"},
		}},
	}
}

func goodSessions() []store.Session {
	return []store.Session{
		{Year: 2017, Course: "찾아가는 협치 이해교육", Number: 1, Date: "2017-04-12", Time: "14:00-17:00", District: "관악구",
			Venue: "관악구청 대회의실", Audience: "자치구 공무원", Capacity: 40, AttendMale: 12, AttendFemale: 20},
		{Year: 2017, Course: "지역협치 책임자 교육", Number: 2, Date: "2017-05-10", Time: "14:00", District: "중구",
			Venue: "시민청", Audience: "협치담당 공무원", Capacity: 30, AttendMale: 11, AttendFemale: 14},
	}
}

// ref1Sheets lays out the plan's 참고1 as an office would: a two-row
// header with "민관TFT 구성" over 계/민/구의원/관, merged cells, "-" for
// none, amounts with 천원, periods in one cell with their months.
func ref1Sheets() []fxSheet {
	rows := [][]any{
		{"<참고1> 2016년도 지역사회혁신계획 사업 선정 결과"},
		{nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, "(단위 : 천원)"},
		{"자치구명", "연도", "단계", "지원 사항", "사업기간", "지원(교부)액", "민관TFT 구성", nil, nil, nil, "분야"},
		{nil, nil, nil, nil, nil, nil, "계", "민", "구의원", "관"},
	}
	for _, p := range ref1Plans() {
		council := any("-")
		if p.TFTCouncil > 0 {
			council = p.TFTCouncil
		}
		rows = append(rows, []any{p.District, p.Year, "본계획 수립기", p.Support,
			fmt.Sprintf("%s부터 %s까지 (%d개월)", dotted(p.Start), dotted(p.End), p.Months),
			value.Thousands(p.Amount) + "천원", p.TFTTotal(), p.TFTCivil, council, p.TFTOfficial, strings.Join(p.Fields, "/")})
	}
	rows = append(rows, []any{"계", nil, nil, nil, nil, "1,145,622천원"})
	return []fxSheet{{name: "혁신계획", rows: rows, merges: [][2]string{
		{"A1", "K1"}, {"A3", "A4"}, {"B3", "B4"}, {"C3", "C4"}, {"D3", "D4"}, {"E3", "E4"}, {"F3", "F4"}, {"G3", "J3"}, {"K3", "K4"}, {"A13", "E13"},
	}}}
}

// dotted writes a date the way the plan does: 2016.11.01.
func dotted(d store.Date) string { return strings.ReplaceAll(string(d), "-", ".") + "." }

func ref1Plans() []store.Plan {
	p := func(d string, end store.Date, months int, amount int64, civil, council, official int, fields string) store.Plan {
		return store.Plan{District: d, Year: 2016, Stage: store.StageDrafting, Support: "수립계획서", Start: "2016-11-01", End: end,
			Months: months, Amount: amount, TFTCivil: civil, TFTCouncil: council, TFTOfficial: official, Fields: strings.Split(fields, "/")}
	}
	return []store.Plan{
		p("영등포구", "2017-06-30", 8, 200000, 12, 0, 8, "마을/교육/사경/다문화/도시재생"),
		p("관악구", "2017-08-31", 10, 167000, 14, 0, 9, "마을/교육/사경/복지/도시재생"),
		p("서대문구", "2017-06-30", 8, 150000, 14, 0, 12, "복지/교육/여성/안전/환경/도시/마을"),
		p("성동구", "2017-05-30", 6, 100000, 6, 0, 6, "복지/마을/찾동/사경"),
		p("도봉구", "2017-03-31", 5, 79000, 9, 1, 5, "마을/복지/사경/교육/도시재생"),
		p("동대문구", "2017-10-31", 12, 200000, 10, 2, 2, "안전/복지/도시재생/교육/일자리/자치"),
		p("금천구", "2017-07-31", 9, 152725, 10, 0, 4, "안전/일자리/교육문화/복지건강/도시환경/주민자치소통"),
		p("은평구", "2017-04-30", 6, 96897, 11, 1, 9, "교육/주민자치/문화예술/도시재생/환경/공동체/복지/사경"),
	}
}

// templatePlans etc. fill the template fixture: every field the
// workbook carries, in the forms the program keeps them.
func templateOptions() TemplateOptions {
	plans := ref1Plans()[:3]
	plans = append(plans, store.Plan{District: "중구", Year: 2017, Stage: store.StagePrep, TFTCivil: 7, TFTOfficial: 3, Note: "준비기: 지원 없음"},
		store.Plan{District: "강동구", Year: 2017, Stage: store.StageExecution, Support: "실행", Start: "2017-03-01", End: "2018-02-28",
			Months: 12, Amount: 300000, TFTCivil: 15, TFTCouncil: 2, TFTOfficial: 6, Fields: []string{"마을", "환경"}, PB: store.PBPlanned, Note: "2018 참여예산 연계"})
	return TemplateOptions{
		District:  "",
		Year:      2017,
		Plans:     plans,
		Platforms: goodPlatforms(),
		Sessions: append(goodSessions(), store.Session{Year: 2017, Course: "협치실행 교육", Date: "2017-11-02", District: "",
			Venue: "서울시청", Instructor: "김강사", Status: "예정", Note: "취소 시 공지"}),
		Courses: []string{"찾아가는 협치 이해교육", "지역협치 책임자 교육", "협치실행 교육"},
	}
}

// csv fixtures: the same plans as good.xlsx, as Korean Excel would save
// them, with a title line and an empty line above the header.
const plansCSV = `2017년 지역사회혁신계획 신청 현황,,,,,,,,,,,
,,,,,,,,,,,
자 치 구,연도,단계,지원사항,사업기간,지원액(천원),TFT 민,TFT 구의원,TFT 관,TFT 계,분야,참여예산
영등포구,2016,수립기,수립계획서,2016.11.01.부터 2017.06.30.까지 (8개월),"200,000천원",12,-,8,20,마을/교육/사경/다문화/도시재생,
관악,2016,본계획 수립기,수립계획서,2016.11.01 ~ 2017.08.31,167000,14,0,9,23,마을·교육·사경·복지·도시재생,계획형
도봉구,2016,수립기,수립계획서,2016. 11. 1. ~ 2017. 3. 31. (5개월)," 79,000 ",9,1,5,,"마을, 복지, 사경, 교육, 도시재생",일반형
합계,,,,,"446,000",35,1,22,58,,
`

const platformCSV = `자치구,연도,구분,단체명,대표자,비고,연락처
강북,2016,대표 단체,강북마을모임,김성훈,,
강북,2016,참여 단체,강북구사회적경제협의회,최동준,,
강북,2016,참여 단체,강북구사회적경제통합지원센터,정명훈,,
강북,2016,플랫폼책임자,,이상훈,강북마을 부대표,010-1234-5678
`

const sessionsCSV = "\ufeff과정,회차,일자,시간,자치구,장소,대상,정원,참석 남,참석 여,참석 계\r\n" +
	"찾아가는 협치 이해교육,1,2017-04-12,14:00-17:00,관악구,관악구청 대회의실,자치구 공무원,40,12,20,32\r\n" +
	"지역협치 책임자 교육,2회,2017.5.10.(수),14:00,중,시민청,협치담당 공무원,30명,11,14,25\r\n" +
	"계,,,,,,,70,23,34,57\r\n"

// plansErrorsCSV has one mistake per row, and two on the last: every one
// must be reported at once.
const plansErrorsCSV = `자치구,연도,단계,사업기간,지원액,TFT 민,TFT 구의원,TFT 관,TFT 계
관악구,2017,수립기,2017.03.01 ~ 2017.12.31,25만,10,0,5,15
관악구,2017,수립기,2017.03.01 ~ 2017.12.31,"-5,000",10,0,5,15
관악구,2017,수립기,2017.03.01 ~ 2017.12.31,1500.5,10,0,5,15
관악구,2017,수립기,2017.02.30 ~ 2017.12.31,100000,10,0,5,15
관악구,2017,수립기,2017.03.01 ~ 2017.12.31,100000,10,0,5,16
관학구,2017,수립기,2017.03.01 ~ 2017.12.31,100000,10,0,5,15
관악구,17,성숙기,2017.03.01 ~ 2017.12.31,100000,10,0,5,15
관악구,2017,실행기,,,열,0,5,
`

// fixtures returns every generated fixture by file name.
func fixtures() (map[string][]byte, error) {
	files := map[string][]byte{}
	add := func(name string, sheets []fxSheet) error {
		b, err := writeFixtureXLSX(sheets)
		files[name] = b
		return err
	}
	steps := append(planFixtureSteps(add), otherFixtureSteps(add, files)...)
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	addCSVFixtures(files)
	if err := addForeignFixtures(files); err != nil {
		return nil, err
	}
	good := files["good.xlsx"]
	files["truncated.xlsx"] = good[:len(good)/2]
	return files, nil
}

// fxPlansSheet is a 혁신계획 sheet with the usual header above rows.
func fxPlansSheet(rows ...[]any) []fxSheet {
	return []fxSheet{{name: "혁신계획", rows: append([][]any{plansHeader}, rows...)}}
}

// fxPlanRow is a 2017 수립기 plan row of a district with its amount and TFT
// cells.
func fxPlanRow(district, amount any, tft ...any) []any {
	r := []any{district, 2017, "수립기", "본계획 수립", "2017.03.01 ~ 2017.12.31", amount}
	return append(r, tft...)
}

// planFixtureSteps write the good workbooks and those with mistakes in
// their plans; add writes one workbook under its name.
func planFixtureSteps(add func(string, []fxSheet) error) []func() error {
	plansSheet, row := fxPlansSheet, fxPlanRow
	return []func() error{
		func() error { return add("good.xlsx", goodSheets()) },
		func() error { return add("ref1.xlsx", ref1Sheets()) },
		func() error {
			return add("bad-amount.xlsx", plansSheet(
				row("관악구", "25만", 10, 0, 5, 15),
				row("관악구", "-5,000", 10, 0, 5, 15),
				row("관악구", "1,500.5", 10, 0, 5, 15),
				row("관악구", "100,000", 10, 0, 5, 15)))
		},
		func() error {
			return add("bad-date.xlsx", []fxSheet{{name: "혁신계획", rows: [][]any{
				{"자치구", "연도", "단계", "시작일", "종료일", "지원액", "TFT 민", "TFT 구의원", "TFT 관"},
				{"관악구", 2017, "수립기", fxDate("2017-03-01"), "2017.02.30", 100000, 10, 0, 5},
				{"관악구", 2017, "수립기", "내년 봄", fxDate("2017-12-31"), 100000, 10, 0, 5},
				{"관악구", 2017, "수립기", "2017.03.01.", "20171231", 100000, 10, 0, 5},
				{"관악구", 2017, "수립기", fxDate("2017-12-31"), fxDate("2017-03-01"), 100000, 10, 0, 5},
			}}})
		},
		func() error {
			return add("tft-mismatch.xlsx", plansSheet(row("관악구", 100000, 12, 0, 8, 21), row("관악구", 100000, 12, "-", 8, 20)))
		},
		func() error {
			return add("total-mismatch.xlsx", plansSheet(
				row("관악구", "167,000", 14, 0, 9, 23),
				row("영등포구", "200,000", 12, 0, 8, 20),
				[]any{"합 계", nil, nil, nil, nil, "367,500", 26, 0, 17, 43}))
		},
		func() error {
			return add("missing-column.xlsx", []fxSheet{{name: "혁신계획", rows: [][]any{
				{"2017년 지역사회혁신계획"},
				{"자치구", "연도", "단계", "사업기간", "TFT 민", "TFT 구의원", "TFT 관"},
				{"관악구", 2017, "수립기", "2017.03.01 ~ 2017.12.31", 10, 0, 5},
			}}})
		},
		func() error { return add("unknown-district.xlsx", plansSheet(row("관학구", 100000, 10, 0, 5, 15))) },
	}
}

// otherFixtureSteps write the other workbooks with mistakes, and the
// template blank and filled; add writes one workbook under its name, the
// templates go straight into files.
func otherFixtureSteps(add func(string, []fxSheet) error, files map[string][]byte) []func() error {
	row := fxPlanRow
	return []func() error{
		func() error {
			return add("org-missing.xlsx", []fxSheet{{name: "플랫폼", rows: [][]any{
				{"자치구", "연도", "구분", "단체명", "대표자"},
				{"강북구", 2017, "대표 단체", "강북마을모임", "김성훈"},
				{"강북구", 2017, "참여 단체", nil, "최동준"},
				{"강북구", 2017, "플랫폼책임자", nil, "이상훈"},
			}}})
		},
		func() error {
			return add("formula-nocache.xlsx", []fxSheet{{name: "혁신계획",
				rows: append([][]any{plansHeader}, row("관악구", nil, 10, 0, 5, 15), row("영등포구", 200000, 12, 0, 8, 20),
					[]any{"계"}),
				formulas: map[string]string{"F2": "100000*2", "F4": "SUM(F2:F3)"}}})
		},
		func() error {
			return add("attend-mismatch.xlsx", []fxSheet{{name: "교육", rows: [][]any{
				{"과정", "일자", "참석 남", "참석 여", "참석 계"},
				{"협치실행 교육", fxDate("2017-06-01"), 10, 15, 26},
			}}})
		},
		func() error { return add("platform-only.xlsx", goodSheets()[1:2]) },
		func() error {
			return add("no-known-sheet.xlsx", []fxSheet{{name: "Sheet1", rows: [][]any{{"자치구", "연도"}, {"관악구", 2017}}}})
		},
		func() error {
			var b bytes.Buffer
			err := Template(&b, templateOptions())
			files["template-filled.xlsx"] = b.Bytes()
			return err
		},
		func() error {
			var b bytes.Buffer
			err := Template(&b, TemplateOptions{District: "관악구", Year: 2017})
			files["template-blank.xlsx"] = b.Bytes()
			return err
		},
	}
}

// addCSVFixtures adds the CSV files: UTF-8 with and without a BOM, CP949,
// and ones with mistakes.
func addCSVFixtures(files map[string][]byte) {
	cp949 := func(s string) []byte {
		b, err := korean.EUCKR.NewEncoder().Bytes([]byte(s))
		if err != nil {
			panic(err)
		}
		return b
	}
	files["plans-utf8.csv"] = []byte(plansCSV)
	files["plans-utf8bom.csv"] = append([]byte("\xef\xbb\xbf"), plansCSV...)
	files["plans-cp949.csv"] = cp949(strings.ReplaceAll(plansCSV, "\n", "\r\n"))
	files["platform-cp949.csv"] = cp949(platformCSV)
	files["sessions-utf8bom.csv"] = []byte(sessionsCSV)
	files["plans-errors.csv"] = []byte(plansErrorsCSV)
	files["missing-column.csv"] = []byte("자치구,연도,단계,사업기간,지원액,TFT 민,TFT 구의원\n관악구,2017,수립기,2017.03.01 ~ 2017.12.31,100000,10,0\n")
	files["total-mismatch.csv"] = []byte("과정,일자,정원,참석 남,참석 여\n협치실행 교육,2017-06-01,30,10,15\n협치실행 교육,2017-06-08,30,9,16\n계,,60,18,31\n")
	files["no-header.csv"] = []byte("이름,나이\n홍길동,30\n")
	files["ref1-two-row-header.csv"] = []byte("자치구명,연도,단계,지원 사항,사업기간,지원(교부)액,민관TFT 구성,,,,분야\n" +
		",,,,,,계,민,구의원,관,\n" +
		"도봉구,2016,수립기,수립계획서,2016.11.01.부터 2017.03.31.까지 (5개월),\"79,000천원\",15,9,1,5,마을/복지/사경/교육/도시재생\n")
	files["empty.csv"] = []byte{}
}

// addForeignFixtures adds files that are no spreadsheet: a PDF, an HWP
// document's header and a PNG.
func addForeignFixtures(files map[string][]byte) error {
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(false)
	pdf.AddPage()
	pdf.SetFont("Helvetica", "", 12)
	pdf.Cell(40, 10, "2017 plan")
	var pb bytes.Buffer
	if err := pdf.Output(&pb); err != nil {
		return err
	}
	files["report.pdf"] = pb.Bytes()
	// An HWP 5 document is an OLE compound file; its header is enough.
	files["document.hwp"] = append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 504)...)
	var img bytes.Buffer
	if err := png.Encode(&img, image.NewGray(image.Rect(0, 0, 4, 4))); err != nil {
		return err
	}
	files["image.png"] = img.Bytes()
	return nil
}

func TestFixturesUpToDate(t *testing.T) {
	files, err := fixtures()
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		path := filepath.Join(fixtureDir, name)
		if *update {
			if err := os.MkdirAll(fixtureDir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, files[name], 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		committed, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%s: %v (run with -update)", name, err)
		}
		if filepath.Ext(name) != ".xlsx" || name == "truncated.xlsx" {
			if name != "report.pdf" && !bytes.Equal(committed, files[name]) {
				t.Errorf("%s differs from what the generator writes (run with -update)", name)
			}
			continue
		}
		// excelize does not write parts in a fixed order: compare the cells.
		if got, want := sheetCells(t, committed), sheetCells(t, files[name]); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: cells differ from what the generator writes (run with -update)", name)
		}
	}
}

// sheetCells is every sheet's raw cells, merges and formulas.
func sheetCells(t *testing.T, data []byte) map[string][][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	out := map[string][][]string{}
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		merges, _ := f.GetMergeCells(sh)
		var m []string
		for _, mc := range merges {
			m = append(m, mc.GetStartAxis()+":"+mc.GetEndAxis())
		}
		sort.Strings(m)
		out[sh] = append(rows, m)
	}
	return out
}

// readFixture reads a committed fixture with Read.
func readFixture(t *testing.T, name string) (*Parsed, []Problem) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(fixtureDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return Read(name, data)
}
