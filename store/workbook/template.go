package workbook

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"hyeopchi/store"

	"hyeopchi/store/value"
)

// TemplateOptions say whom the blank workbook is for and what it holds
// already, so a district corrects its records instead of retyping them.
type TemplateOptions struct {
	District  string // for the titles; "" for a workbook any district fills
	Year      int    // programme year, for the titles; 0 for none
	Plans     []store.Plan
	Platforms []store.Platform
	Sessions  []store.Session
	Courses   []string // the year's course names, offered in 과정
}

// Rows of every sheet of the blank workbook: a title, a note on how to
// fill it, the header, then the records.
const (
	titleRow   = 1
	noteRow    = 2
	headerRow  = 3
	firstData  = 4
	filledRows = 1000 // rows that get drop-downs below the header
)

// templateColumn is one column of the blank workbook.
type templateColumn struct {
	header   string
	width    float64
	required bool
	format   string // "amount", "date", "count" or "" for text
	list     []string
}

// templateSheet is one sheet of the blank workbook.
type templateSheet struct {
	name, title, note string
	cols              []templateColumn
	rows              [][]any // values per column: string, int, int64, store.Date or nil
}

func stageLabels() []string {
	var l []string
	for _, s := range store.Stages {
		l = append(l, s.String())
	}
	return l
}

func roleLabels() []string {
	var l []string
	for _, r := range store.Roles {
		l = append(l, string(r))
	}
	return l
}

// countOrNil leaves a zero count blank, as a person would.
func countOrNil(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

func dateOrNil(d store.Date) any {
	if d.IsZero() {
		return nil
	}
	return d
}

// templateSheets are the blank workbook's sheets, in order, with opt's
// records filled in.
func templateSheets(opt TemplateOptions) []templateSheet {
	who := strings.TrimSpace(fmt.Sprintf("%s %s", yearText(opt.Year), opt.District))
	if who != "" {
		who += " "
	}
	return []templateSheet{
		planTemplate(who, opt.Plans),
		platformTemplate(who, opt.Platforms),
		sessionTemplate(who, opt.Sessions, opt.Courses),
	}
}

// planTemplate is the 혁신계획 sheet, one row per plan; who starts the title.
func planTemplate(who string, plans []store.Plan) templateSheet {
	sh := templateSheet{
		name:  KindPlans,
		title: who + "지역사회혁신계획 (금액 단위: 천원)",
		note: "※ 3행의 머리글은 고치지 마세요. 노란 머리글은 꼭 채웁니다. 자치구·단계·참여예산은 목록에서 고릅니다. " +
			"날짜는 2017-07-31처럼, 지원액은 천원 단위 숫자(예: 200,000), 분야는 마을/교육처럼 / 로 나눠 적습니다. 준비기는 지원액 0.",
		cols: []templateColumn{
			{header: "자치구", width: 11, required: true, list: store.Districts},
			{header: "연도", width: 7, required: true, format: "count"},
			{header: "단계", width: 13, required: true, list: stageLabels()},
			{header: "지원사항", width: 14},
			{header: "시작일", width: 12, required: true, format: "date"},
			{header: "종료일", width: 12, required: true, format: "date"},
			{header: "개월", width: 6, format: "count"},
			{header: "지원액(천원)", width: 13, required: true, format: "amount"},
			{header: "TFT 민", width: 8, required: true, format: "count"},
			{header: "TFT 구의원", width: 9, required: true, format: "count"},
			{header: "TFT 관", width: 8, required: true, format: "count"},
			{header: "분야", width: 30},
			{header: "참여예산", width: 10, list: store.PBTypes},
			{header: "비고", width: 20},
		},
	}
	for _, p := range plans {
		sh.rows = append(sh.rows, []any{p.District, yearOrNil(p.Year), p.Stage.String(), p.Support,
			dateOrNil(p.Start), dateOrNil(p.End), countOrNil(p.Months), p.Amount,
			p.TFTCivil, p.TFTCouncil, p.TFTOfficial, strings.Join(p.Fields, "/"), store.PBLabel(p.PB), p.Note})
	}
	return sh
}

// platformTemplate is the 플랫폼 sheet, one row per member of each
// platform, contacts masked; who starts the title.
func platformTemplate(who string, platforms []store.Platform) templateSheet {
	sh := templateSheet{
		name:  KindPlatforms,
		title: who + "시민협력플랫폼 컨소시엄 구성",
		note: "※ 3행의 머리글은 고치지 마세요. 한 줄에 한 단체: 대표 단체 하나, 참여 단체 여럿, 플랫폼책임자 한 명. " +
			"구분은 목록에서 고르고, 플랫폼책임자는 대표자 칸에 이름, 비고에 소속을 적습니다. 연락처는 개인정보입니다: " +
			"사무국에 있는 연락처는 010-****-1234처럼 가려 두었으니, 그대로 두면 그 연락처가 유지되고 바뀐 때만 새로 적습니다.",
		cols: []templateColumn{
			{header: "자치구", width: 11, required: true, list: store.Districts},
			{header: "연도", width: 7, required: true, format: "count"},
			{header: "구분", width: 13, required: true, list: roleLabels()},
			{header: "단체명", width: 30, required: true},
			{header: "대표자", width: 14, required: true},
			{header: "비고", width: 30},
			{header: "연락처", width: 18},
		},
	}
	for _, p := range platforms {
		for _, m := range p.Members {
			// The workbook travels by e-mail: a contact goes out masked, and
			// the import keeps the stored one when it comes back unchanged.
			sh.rows = append(sh.rows, []any{p.District, yearOrNil(p.Year), string(m.Role), m.Org, m.Rep, m.Note, value.MaskContact(m.Contact)})
		}
	}
	return sh
}

// sessionTemplate is the 교육 sheet, one row per session, offering the
// year's courses in 과정; who starts the title.
func sessionTemplate(who string, sessions []store.Session, courses []string) templateSheet {
	sh := templateSheet{
		name:  KindSessions,
		title: who + "협치학교 교육 일정·실적",
		note: "※ 3행의 머리글은 고치지 마세요. 한 줄에 한 회차. 과정·자치구·상태는 목록에서 고릅니다. " +
			"일자는 2017-07-31처럼, 시간은 14:00-17:00처럼 적고, 참석 인원은 남·여를 나눠 적습니다.",
		cols: []templateColumn{
			{header: "과정", width: 24, required: true, list: courses},
			{header: "회차", width: 6, format: "count"},
			{header: "일자", width: 12, required: true, format: "date"},
			{header: "시간", width: 12},
			{header: "자치구", width: 11, list: store.Districts},
			{header: "장소", width: 20},
			{header: "대상", width: 20},
			{header: "정원", width: 7, format: "count"},
			{header: "참석 남", width: 8, format: "count"},
			{header: "참석 여", width: 8, format: "count"},
			{header: "강사", width: 12},
			{header: "상태", width: 8, list: store.Labels(store.SessionStatuses)},
			{header: "비고", width: 20},
		},
	}
	for _, s := range sessions {
		sh.rows = append(sh.rows, []any{s.Course, countOrNil(s.Number), dateOrNil(s.Date), s.Time, s.District,
			s.Venue, s.Audience, countOrNil(s.Capacity), countOrNil(s.AttendMale), countOrNil(s.AttendFemale),
			s.Instructor, string(s.Status), s.Note})
	}
	return sh
}

func yearText(y int) string {
	if y == 0 {
		return ""
	}
	return fmt.Sprintf("%d년", y)
}

func yearOrNil(y int) any {
	if y == 0 {
		return nil
	}
	return y
}

// Filled says in Korean what a workbook made with opt holds already: ""
// for a blank one, else the district, year and counts, and that contacts
// are masked.
func (opt TemplateOptions) Filled() string {
	members, contacts := 0, 0
	for _, p := range opt.Platforms {
		members += len(p.Members)
		for _, m := range p.Members {
			if m.Contact != "" {
				contacts++
			}
		}
	}
	if len(opt.Plans)+members+len(opt.Sessions) == 0 {
		return ""
	}
	s := fmt.Sprintf("%s %s 자료를 채움: 혁신계획 %d건, 플랫폼 구성원 %d명, 교육 %d회차",
		opt.District, yearText(opt.Year), len(opt.Plans), members, len(opt.Sessions))
	if contacts > 0 {
		s += fmt.Sprintf(", 연락처 %d건은 가려서 채움 (010-****-1234)", contacts)
	}
	return s
}

// listSheet holds drop-down lists too long to write into the validation.
const listSheet = "목록"

// Template writes the blank workbook districts fill: sheets 혁신계획,
// 플랫폼 and 교육 with the contract's headers under a title and a note,
// drop-downs for 자치구, 단계, 구분, 과정 and the other fixed lists,
// number and date formats on their columns, and the given records filled
// in. Read reads it back to the same records.
func Template(w io.Writer, opt TemplateOptions) error {
	f := excelize.NewFile()
	defer func() { _ = f.Close() }()
	st, err := newTemplateStyles(f)
	if err != nil {
		return err
	}
	lists := 0
	for i, sh := range templateSheets(opt) {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh.name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(sh.name); err != nil {
			return err
		}
		if err := writeTemplateSheet(f, sh, st, &lists); err != nil {
			return fmt.Errorf("%s 시트: %w", sh.name, err)
		}
	}
	f.SetActiveSheet(0)
	if lists > 0 {
		if err := f.SetSheetVisible(listSheet, false); err != nil {
			return err
		}
	}
	return f.Write(w)
}

type templateStyles struct {
	title, note, header, required, text, amount, date, count int
}

func newTemplateStyles(f *excelize.File) (templateStyles, error) {
	var s templateStyles
	border := []excelize.Border{
		{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1},
	}
	dateFmt := "yyyy-mm-dd"
	specs := []struct {
		id    *int
		style excelize.Style
	}{
		{&s.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&s.note, excelize.Style{Font: &excelize.Font{Size: 9, Color: "595959"},
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&s.header, excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&s.required, excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFE699"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&s.text, excelize.Style{NumFmt: 49}},
		{&s.amount, excelize.Style{NumFmt: 3}},
		{&s.date, excelize.Style{CustomNumFmt: &dateFmt}},
		{&s.count, excelize.Style{NumFmt: 1}},
	}
	for _, sp := range specs {
		id, err := f.NewStyle(&sp.style)
		if err != nil {
			return s, err
		}
		*sp.id = id
	}
	return s, nil
}

func (s templateStyles) forFormat(format string) int {
	switch format {
	case "amount":
		return s.amount
	case "date":
		return s.date
	case "count":
		return s.count
	}
	return s.text
}

// excelEpoch is day 0 of the spreadsheet date serials (1900 system).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// writeTemplateSheet writes one sheet of the blank workbook: its title and
// note above the header, the header with each column's width, format and
// drop-down, then the records.
func writeTemplateSheet(f *excelize.File, sh templateSheet, st templateStyles, lists *int) error {
	if err := writeTemplateFrame(f, sh, st); err != nil {
		return err
	}
	for c, col := range sh.cols {
		if err := writeTemplateColumn(f, sh.name, c, col, st, lists); err != nil {
			return err
		}
	}
	for i, row := range sh.rows {
		for c, v := range row {
			if err := writeTemplateCell(f, sh.name, cellName(c, firstData+i), v, st.forFormat(sh.cols[c].format)); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeTemplateFrame writes a sheet's title and note across its columns,
// freezes the rows above the data and makes it print one page wide, in
// landscape.
func writeTemplateFrame(f *excelize.File, sh templateSheet, st templateStyles) error {
	steps := []func() error{
		func() error { return f.SetCellStr(sh.name, cellName(0, titleRow), sh.title) },
		func() error { return f.MergeCell(sh.name, cellName(0, titleRow), cellName(len(sh.cols)-1, titleRow)) },
		func() error { return f.SetCellStyle(sh.name, cellName(0, titleRow), cellName(0, titleRow), st.title) },
		func() error { return f.SetRowHeight(sh.name, titleRow, 24) },
		func() error { return f.SetCellStr(sh.name, cellName(0, noteRow), sh.note) },
		func() error { return f.MergeCell(sh.name, cellName(0, noteRow), cellName(len(sh.cols)-1, noteRow)) },
		func() error { return f.SetCellStyle(sh.name, cellName(0, noteRow), cellName(0, noteRow), st.note) },
		func() error { return f.SetRowHeight(sh.name, noteRow, 42) },
		func() error { return f.SetRowHeight(sh.name, headerRow, 30) },
		func() error {
			return f.SetPanes(sh.name, &excelize.Panes{Freeze: true, YSplit: headerRow, TopLeftCell: cellName(0, firstData), ActivePane: "bottomLeft"})
		},
		func() error {
			// Printed, a sheet is one page wide, in landscape.
			landscape, one, any := "landscape", 1, 0
			if err := f.SetPageLayout(sh.name, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one, FitToHeight: &any}); err != nil {
				return err
			}
			fit := true
			return f.SetSheetProps(sh.name, &excelize.SheetPropsOptions{FitToPage: &fit})
		},
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// writeTemplateColumn sets column c's width and format, writes its header
// (yellow when required) and offers its list, if any, as a drop-down.
func writeTemplateColumn(f *excelize.File, sheet string, c int, col templateColumn, st templateStyles, lists *int) error {
	letter := columnLetter(c)
	if err := f.SetColWidth(sheet, letter, letter, col.width); err != nil {
		return err
	}
	if err := f.SetColStyle(sheet, letter, st.forFormat(col.format)); err != nil {
		return err
	}
	if err := f.SetCellStr(sheet, cellName(c, headerRow), col.header); err != nil {
		return err
	}
	hs := st.header
	if col.required {
		hs = st.required
	}
	if err := f.SetCellStyle(sheet, cellName(c, headerRow), cellName(c, headerRow), hs); err != nil {
		return err
	}
	if len(col.list) > 0 {
		return addDropDown(f, sheet, c, col, lists)
	}
	return nil
}

// writeTemplateCell writes one record value with its column's style; nil
// and "" leave the cell blank, a date goes in as its serial.
func writeTemplateCell(f *excelize.File, sheet, cell string, v any, style int) error {
	var err error
	switch v := v.(type) {
	case nil:
		return nil
	case string:
		if v == "" {
			return nil
		}
		err = f.SetCellStr(sheet, cell, v)
	case int:
		err = f.SetCellInt(sheet, cell, int64(v))
	case int64:
		err = f.SetCellInt(sheet, cell, v)
	case store.Date:
		err = f.SetCellInt(sheet, cell, int64(v.Time().Sub(excelEpoch).Hours()/24))
	}
	if err == nil {
		err = f.SetCellStyle(sheet, cell, cell, style)
	}
	return err
}

// addDropDown offers a list in a column's data rows; a list too long for
// the validation itself goes to the hidden 목록 sheet.
func addDropDown(f *excelize.File, sheet string, c int, col templateColumn, lists *int) error {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = fmt.Sprintf("%s:%s", cellName(c, firstData), cellName(c, firstData+filledRows-1))
	if err := dv.SetDropList(col.list); err != nil {
		if *lists == 0 {
			if _, err := f.NewSheet(listSheet); err != nil {
				return err
			}
		}
		for i, v := range col.list {
			if err := f.SetCellStr(listSheet, cellName(*lists, i+1), v); err != nil {
				return err
			}
		}
		letter := columnLetter(*lists)
		dv.SetSqrefDropList(fmt.Sprintf("%s!$%s$1:$%s$%d", listSheet, letter, letter, len(col.list)))
		*lists++
	}
	dv.SetError(excelize.DataValidationErrorStyleWarning, col.header, col.header+"은(는) 목록에서 고릅니다")
	return f.AddDataValidation(sheet, dv)
}

// cellName is the A1 name of a 0-based column and 1-based row.
func cellName(col, row int) string {
	return fmt.Sprintf("%s%d", columnLetter(col), row)
}
