package workbook

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"hyeopchi/store"
	"hyeopchi/store/value"
)

// table is one sheet (or one CSV) as rows of text, whatever the format.
type table struct {
	file     string
	sheet    string // name used in problems
	order    int    // position among the file's sheets, to sort problems
	rows     []tableRow
	serial   bool // cells may hold spreadsheet serial dates and times
	date1904 bool
	formulas map[cellRef]string // formula cells that carry no value
	bools    map[cellRef]string // TRUE/FALSE cells, which the row reader gives as 1 and 0
	merges   [][4]int           // merged ranges, filled in once the rows are read
}

// applyBools writes TRUE and FALSE cells as the words they show, so that
// TRUE in an amount is an error and not the number 1.
func (t *table) applyBools() {
	if len(t.bools) == 0 {
		return
	}
	for i := range t.rows {
		r := &t.rows[i]
		for c := range r.cells {
			if v, ok := t.bools[cellRef{r.n, c}]; ok {
				r.cells[c] = v
			}
		}
	}
}

// tableRow is a non-empty row with its 1-based spreadsheet row (or CSV line).
type tableRow struct {
	n     int
	cells []string
}

type cellRef struct{ row, col int }

// header is where a table's header was found and what its columns hold.
type header struct {
	kind    string
	first   int // spreadsheet row of the header's first row
	last    int // index in table.rows of the header's last row
	cols    map[string]int
	names   []string // header text per column, as the file has it
	units   map[string]string
	missing []requirement
}

// headerSearchRows bounds how far down a best-guess header is looked for
// when no row names all of a kind's required columns.
const headerSearchRows = 30

// findHeader returns the first row (or pair of rows) whose cells name all
// the required columns of one of kinds; failing that, the row that comes
// closest, with what it lacks; nil if nothing looks like a header.
func findHeader(t *table, kinds []string) *header {
	var best *header
	bestScore := 0
	for i, r := range t.rows {
		for _, kind := range kinds {
			h := buildHeader(kind, r.cells, nil)
			h.first, h.last = r.n, i
			if len(h.missing) == 0 {
				return h
			}
			var h2 *header
			if i+1 < len(t.rows) && t.rows[i+1].n == r.n+1 {
				h2 = buildHeader(kind, r.cells, t.rows[i+1].cells)
				h2.first, h2.last = r.n, i+1
				if len(h2.missing) == 0 {
					return h2
				}
			}
			if i >= headerSearchRows {
				continue
			}
			for _, c := range []*header{h, h2} {
				if c == nil {
					continue
				}
				score := len(c.cols)
				partly := false
				for _, req := range required[kind] {
					if req.partly(c.cols) {
						partly = true
					}
				}
				if partly && score >= 2 && score > bestScore {
					best, bestScore = c, score
				}
			}
		}
	}
	return best
}

// buildHeader reads one header row, or two when sub is given: a group
// cell such as "민관TFT 구성" above "계 민 구의원 관" names each column
// below it.
func buildHeader(kind string, top, sub []string) *header {
	n := len(top)
	if len(sub) > n {
		n = len(sub)
	}
	h := &header{kind: kind, cols: map[string]int{}, names: make([]string, n), units: map[string]string{}}
	parent := ""
	for c := 0; c < n; c++ {
		a, b := "", ""
		if c < len(top) {
			a = value.Clean(top[c])
		}
		if c < len(sub) {
			b = value.Clean(sub[c])
		}
		if strings.HasPrefix(a, "※") || strings.HasPrefix(a, "(단위") {
			a = ""
		}
		name := a
		if sub != nil {
			switch {
			case a != "" && b != "" && value.Compact(a) != value.Compact(b):
				name, parent = a+" "+b, a
			case a != "":
				name, parent = a, ""
			case b != "" && parent != "":
				name = parent + " " + b
			default:
				name = b
			}
		}
		h.names[c] = name
		field, unit := matchHeader(kind, name)
		if field == "" {
			continue
		}
		if _, dup := h.cols[field]; dup {
			continue
		}
		h.cols[field] = c
		if unit != "" {
			h.units[field] = unit
		}
	}
	for _, req := range required[kind] {
		if !req.met(h.cols) {
			h.missing = append(h.missing, req)
		}
	}
	return h
}

// colName is what a problem calls column c: its header text, or its letter.
func (h *header) colName(c int) string {
	if c < len(h.names) && h.names[c] != "" {
		return h.names[c]
	}
	return columnLetter(c)
}

// origins maps each field to the header of the column it comes from.
func (h *header) origins() map[string]string {
	m := map[string]string{}
	for f, c := range h.cols {
		m[f] = h.colName(c)
	}
	derive := func(field string, from ...string) {
		if _, ok := m[field]; ok {
			return
		}
		for _, f := range from {
			if v, ok := m[f]; ok {
				m[field] = v
				return
			}
		}
	}
	switch h.kind {
	case KindPlans:
		derive(fStart, fPeriod)
		derive(fEnd, fPeriod)
		derive(fMonths, fPeriod, fEnd)
	case KindSessions:
		derive(fYear, fDate)
		derive(fTime, fDate)
	}
	return m
}

// maxDataRows is the most data rows a sheet may hold.
const maxDataRows = 10_000

// sheetReader turns a table's rows into records of one kind.
type sheetReader struct {
	t      *table
	h      *header
	ps     *problems
	out    *Parsed
	cols   map[string]string
	failed map[string]bool // fields some row got wrong: their totals are not checked
}

// readTable finds the header of t among kinds and reads its records.
// quiet tables (a CSV whose kind is unknown) report a missing header.
func readTable(t *table, kinds []string, ps *problems, out *Parsed) (kind string) {
	if len(t.rows) == 0 {
		return ""
	}
	h := findHeader(t, kinds)
	if h == nil {
		if len(kinds) == 1 {
			ps.add(t.order, -1, Problem{File: t.file, Sheet: t.sheet,
				Message: fmt.Sprintf("머리글 행을 찾을 수 없습니다: %s 열이 있는 행이 필요합니다", requiredList(kinds[0]))})
		} else {
			var want []string
			for _, k := range kinds {
				want = append(want, k+": "+requiredList(k))
			}
			ps.add(t.order, -1, Problem{File: t.file, Sheet: t.sheet,
				Message: "머리글 행을 찾을 수 없습니다: 어떤 자료인지 알 수 없습니다 (" + strings.Join(want, " / ") + ")"})
		}
		return ""
	}
	if t.sheet == "" {
		t.sheet = h.kind
	}
	if len(h.missing) > 0 {
		for _, req := range h.missing {
			name := req.label
			if req.hint != "" {
				name = req.hint
			}
			ps.add(t.order, -1, Problem{File: t.file, Sheet: t.sheet, Row: h.first, Column: req.label,
				Message: fmt.Sprintf("필수 열 %q 이(가) 머리글에 없습니다 (필요한 열: %s)", name, requiredList(h.kind))})
		}
		return h.kind
	}
	sr := &sheetReader{t: t, h: h, ps: ps, out: out, cols: h.origins(), failed: map[string]bool{}}
	if unit, ok := h.units[fAmount]; ok {
		if u := value.Compact(strings.TrimPrefix(value.Compact(unit), "단위:")); u == "원" {
			c := h.cols[fAmount]
			ps.add(t.order, c, Problem{File: t.file, Sheet: t.sheet, Row: h.first, Column: h.colName(c),
				Message: "금액 단위가 원입니다: 지원액은 천원 단위로 적어 주세요 (예: 200,000)"})
			return h.kind
		}
	}
	sr.read()
	return h.kind
}

// rowKind classifies a row below the header.
type rowKind int

const (
	rowData rowKind = iota
	rowTotal
	rowSkip
)

func (sr *sheetReader) classify(r tableRow) rowKind {
	first := ""
	for _, c := range r.cells {
		if c = value.Clean(c); c != "" {
			first = c
			break
		}
	}
	switch k := value.Compact(first); {
	case k == "":
		return rowSkip
	case k == "계" || k == "합계" || k == "총계":
		return rowTotal
	case k == "소계" || strings.HasPrefix(k, "※") || strings.HasPrefix(k, "*"):
		return rowSkip
	}
	if f, _ := matchHeader(sr.h.kind, first); f == "" {
		return rowData
	}
	if h := buildHeader(sr.h.kind, r.cells, nil); len(h.missing) == 0 {
		return rowSkip // the header repeated, as on a printed page
	}
	return rowData
}

func (sr *sheetReader) read() {
	var data, totals []tableRow
	for _, r := range sr.t.rows[sr.h.last+1:] {
		switch sr.classify(r) {
		case rowData:
			data = append(data, r)
		case rowTotal:
			totals = append(totals, r)
		}
	}
	if len(data) > maxDataRows {
		sr.ps.add(sr.t.order, -1, Problem{File: sr.t.file, Sheet: sr.t.sheet,
			Message: fmt.Sprintf("데이터 행이 너무 많습니다 (%s행): 시트마다 %s행까지 읽습니다", value.Thousands(int64(len(data))), value.Thousands(maxDataRows))})
		return
	}
	sums := map[string]int64{}
	switch sr.h.kind {
	case KindPlans:
		for _, r := range data {
			p, ok := sr.plan(r)
			if ok {
				sr.out.Plans = append(sr.out.Plans, p)
			}
			sums[fAmount] += p.Plan.Amount
			sums[fTFTCivil] += int64(p.Plan.TFTCivil)
			sums[fTFTCouncil] += int64(p.Plan.TFTCouncil)
			sums[fTFTOfficial] += int64(p.Plan.TFTOfficial)
			sums[fTFTTotal] += int64(p.Plan.TFTTotal())
		}
	case KindPlatforms:
		for _, r := range data {
			sr.member(r)
		}
	case KindSessions:
		for _, r := range data {
			s, ok := sr.session(r)
			if ok {
				sr.out.Sessions = append(sr.out.Sessions, s)
			}
			sums[fCapacity] += int64(s.Session.Capacity)
			sums[fAttendMale] += int64(s.Session.AttendMale)
			sums[fAttendFemale] += int64(s.Session.AttendFemale)
			sums[fAttendTotal] += int64(s.Session.Attendance())
		}
	}
	for _, r := range totals {
		sr.checkTotal(r, sums)
	}
}

// checkTotal compares a 계/합계 row with the sum of the rows above and below.
func (sr *sheetReader) checkTotal(r tableRow, sums map[string]int64) {
	var fields []string
	switch sr.h.kind {
	case KindPlans:
		fields = []string{fAmount, fTFTCivil, fTFTCouncil, fTFTOfficial, fTFTTotal}
	case KindSessions:
		fields = []string{fCapacity, fAttendMale, fAttendFemale, fAttendTotal}
	}
	rc := sr.row(r)
	for _, f := range fields {
		s, ok := rc.text(f)
		if !ok || value.Clean(s) == "" {
			continue
		}
		var got int64
		var err error
		if f == fAmount {
			got, err = value.ParseAmount(s)
		} else {
			var n int
			n, err = value.ParseCount(s, "인원")
			got = int64(n)
		}
		if err != nil {
			rc.fail(f, err.Error())
			continue
		}
		if sr.failed[f] {
			continue
		}
		if want := sums[f]; got != want {
			rc.fail(f, fmt.Sprintf("합계 %s 이(가) 각 행의 합 %s 와(과) 다릅니다", value.Thousands(got), value.Thousands(want)))
		}
	}
}

// Longest text a cell may hold, by what the column is: a name or a short
// value, a list of fields, a note. A longer cell is refused at the cell,
// so that one file cannot grow the data file without bound.
const (
	maxNameChars = 200
	maxListChars = 1_000
	maxNoteChars = 4_000
)

func maxChars(field string) int {
	switch field {
	case fNote:
		return maxNoteChars
	case fFields:
		return maxListChars
	}
	return maxNameChars
}

// rowCtx reads the cells of one row and reports its problems.
type rowCtx struct {
	sr       *sheetReader
	r        tableRow
	bad      bool
	reported map[string]bool
}

func (sr *sheetReader) row(r tableRow) *rowCtx {
	return &rowCtx{sr: sr, r: r}
}

// text is the cell of field in this row; ok is false when the sheet has no
// such column or the cell is a formula without a value (reported here).
func (rc *rowCtx) text(field string) (string, bool) {
	c, has := rc.sr.h.cols[field]
	if !has {
		return "", false
	}
	v := ""
	if c < len(rc.r.cells) {
		v = rc.r.cells[c]
	}
	if limit := maxChars(field); len(v) > limit {
		if n := utf8.RuneCountInString(v); n > limit {
			rc.fail(field, fmt.Sprintf("글자가 너무 많습니다 (%s자): 이 칸은 %s자까지 적습니다", value.Thousands(int64(n)), value.Thousands(int64(limit))))
			return "", true
		}
	}
	if value.Clean(v) == "" {
		if f, isFormula := rc.sr.t.formulas[cellRef{rc.r.n, c}]; isFormula {
			rc.fail(field, fmt.Sprintf("수식 %q 의 계산 결과가 파일에 저장되어 있지 않습니다: 엑셀에서 열어 저장하거나 값으로 붙여 넣어 주세요", "="+f))
			return "", false
		}
	}
	return v, true
}

// fail reports a problem in field's cell, once per field.
func (rc *rowCtx) fail(field, msg string) {
	rc.bad = true
	rc.sr.failed[field] = true
	if rc.reported[field] {
		return
	}
	if rc.reported == nil {
		rc.reported = map[string]bool{}
	}
	rc.reported[field] = true
	c, has := rc.sr.h.cols[field]
	col := ""
	if has {
		col = rc.sr.h.colName(c)
	} else {
		c = -1
	}
	rc.sr.ps.add(rc.sr.t.order, c, Problem{File: rc.sr.t.file, Sheet: rc.sr.t.sheet, Row: rc.r.n, Column: col, Message: msg})
}

// failErr reports err, or that the cell is empty when it is value.ErrEmpty.
func (rc *rowCtx) failErr(field, subject string, err error) {
	if errors.Is(err, value.ErrEmpty) {
		rc.fail(field, subject+" 비어 있습니다")
		return
	}
	rc.fail(field, err.Error())
}

func (rc *rowCtx) origin() Origin {
	return Origin{File: rc.sr.t.file, Sheet: rc.sr.t.sheet, Row: rc.r.n, Cols: rc.sr.cols}
}

// str reads an optional free-text field.
func (rc *rowCtx) str(field string) string {
	s, _ := rc.text(field)
	return value.Clean(s)
}

// count reads an optional count; empty and "-" are 0.
func (rc *rowCtx) count(field, what string) (int, bool) {
	s, ok := rc.text(field)
	if !ok {
		return 0, false
	}
	n, err := value.ParseCount(s, what)
	if errors.Is(err, value.ErrEmpty) {
		return 0, true
	}
	if err != nil {
		rc.fail(field, err.Error())
		return 0, false
	}
	return n, true
}

func (rc *rowCtx) district(required bool) string {
	s, ok := rc.text(fDistrict)
	if !ok {
		return ""
	}
	d, err := parseDistrict(s)
	if err != nil && (required || !errors.Is(err, value.ErrEmpty)) && !value.IsDash(value.Clean(s)) {
		rc.failErr(fDistrict, "자치구가", err)
	}
	return d
}

func (rc *rowCtx) year() int {
	s, ok := rc.text(fYear)
	if !ok {
		return 0
	}
	y, err := value.ParseYear(s)
	if err != nil {
		rc.failErr(fYear, "연도가", err)
	}
	return y
}

func (rc *rowCtx) date(field string) store.Date {
	s, ok := rc.text(field)
	if !ok {
		return ""
	}
	d, err := parseDate(s, rc.sr.t.serial, rc.sr.t.date1904)
	if err != nil && !errors.Is(err, value.ErrEmpty) {
		rc.fail(field, err.Error())
	}
	return d
}

// plan reads one row of 혁신계획.
func (sr *sheetReader) plan(r tableRow) (PlanRow, bool) {
	rc := sr.row(r)
	p := store.Plan{District: rc.district(true), Year: rc.year()}
	p.Stage = rc.stage()
	funded := p.Stage != 0 && p.Stage != store.StagePrep
	p.Support = rc.str(fSupport)
	stated := rc.planPeriod(&p, funded)
	if n, ok := rc.count(fMonths, "개월 수"); ok && n > 0 {
		stated = n
	}
	p.Months = stated
	if p.Months == 0 {
		p.Months = value.MonthsBetween(p.Start, p.End)
	}
	p.Amount = rc.planAmount(funded)
	rc.planTFT(&p)
	if s, ok := rc.text(fFields); ok {
		p.Fields = value.ParseList(s)
	}
	if s, ok := rc.text(fPB); ok {
		pb, err := parseParticipatoryBudget(s)
		if err != nil {
			rc.fail(fPB, err.Error())
		}
		p.PB = pb
	}
	p.Note = rc.str(fNote)
	return PlanRow{Plan: p, Origin: rc.origin()}, !rc.bad
}

// stage reads a plan's 단계, which may not be empty; 0 when it is missing
// or wrong.
func (rc *rowCtx) stage() store.Stage {
	s, ok := rc.text(fStage)
	if !ok {
		return 0
	}
	if value.Clean(s) == "" {
		rc.fail(fStage, "단계가 비어 있습니다 (준비기, 수립기, 실행기 중 하나)")
		return 0
	}
	st, err := store.ParseStage(value.Clean(s))
	if err != nil {
		rc.fail(fStage, err.Error())
		return 0
	}
	return st
}

// planPeriod reads a plan's start and end into p, from the 시작일 and 종료일
// columns when the sheet has them and they are used, else from 사업기간;
// it returns the months the period text states (0 when none). A funded
// plan must have its period.
func (rc *rowCtx) planPeriod(p *store.Plan, funded bool) (stated int) {
	startText, hasStart := rc.text(fStart)
	endText, hasEnd := rc.text(fEnd)
	periodText, hasPeriod := rc.text(fPeriod)
	switch {
	case hasStart && hasEnd && (value.Clean(startText) != "" || value.Clean(endText) != "" || !hasPeriod || value.Clean(periodText) == ""):
		rc.planDates(p, funded, startText, endText)
	case hasPeriod:
		start, end, months, err := value.ReadPeriod(periodText)
		switch {
		case errors.Is(err, value.ErrEmpty):
			if funded {
				rc.fail(fPeriod, "사업기간이 비어 있습니다 (예: 2016.11.01 ~ 2017.06.30)")
			}
		case err != nil:
			rc.fail(fPeriod, err.Error())
		default:
			p.Start, p.End, stated = start, end, months
		}
	}
	return stated
}

// planDates reads a plan's 시작일 and 종료일 columns into p: both or
// neither (both when the plan is funded), the end not before the start.
func (rc *rowCtx) planDates(p *store.Plan, funded bool, startText, endText string) {
	p.Start = rc.date(fStart)
	p.End = rc.date(fEnd)
	if funded || p.Start != "" || p.End != "" {
		if value.Clean(startText) == "" {
			rc.fail(fStart, "시작일이 비어 있습니다")
		}
		if value.Clean(endText) == "" {
			rc.fail(fEnd, "종료일이 비어 있습니다")
		}
	}
	if p.Start != "" && p.End != "" && p.End < p.Start {
		rc.fail(fEnd, fmt.Sprintf("종료일 %s 이(가) 시작일 %s 보다 앞섭니다", p.End, p.Start))
	}
}

// planAmount reads a plan's 지원액, which a funded plan must state; 0 when
// it is missing or wrong.
func (rc *rowCtx) planAmount(funded bool) int64 {
	s, ok := rc.text(fAmount)
	if !ok {
		return 0
	}
	a, err := value.ParseAmount(s)
	switch {
	case errors.Is(err, value.ErrEmpty):
		if funded {
			rc.fail(fAmount, "지원액이 비어 있습니다 (천원 단위 금액; 준비기는 0)")
		}
	case err != nil:
		rc.fail(fAmount, err.Error())
	default:
		return a
	}
	return 0
}

// planTFT reads a plan's TFT counts into p and checks a stated TFT 계
// against their sum.
func (rc *rowCtx) planTFT(p *store.Plan) {
	civil, okC := rc.count(fTFTCivil, "TFT 인원")
	council, okK := rc.count(fTFTCouncil, "TFT 인원")
	official, okO := rc.count(fTFTOfficial, "TFT 인원")
	p.TFTCivil, p.TFTCouncil, p.TFTOfficial = civil, council, official
	if s, ok := rc.text(fTFTTotal); ok && value.Clean(s) != "" {
		total, err := value.ParseCount(s, "TFT 인원")
		switch {
		case err != nil:
			rc.fail(fTFTTotal, err.Error())
		case okC && okK && okO && total != p.TFTTotal():
			rc.fail(fTFTTotal, fmt.Sprintf("TFT 계 %d 이(가) 민 %d + 구의원 %d + 관 %d = %d 와(과) 다릅니다",
				total, civil, council, official, p.TFTTotal()))
		}
	}
}

// member reads one row of 플랫폼 into its district's platform.
func (sr *sheetReader) member(r tableRow) {
	rc := sr.row(r)
	district, year := rc.district(true), rc.year()
	m := store.Member{}
	if s, ok := rc.text(fRole); ok {
		role, err := parseRole(s)
		if err != nil {
			rc.failErr(fRole, "구분이", err)
		}
		m.Role = role
	}
	m.Org = rc.str(fOrg)
	if m.Org == "" && (m.Role == store.RoleLead || m.Role == store.RoleMember) {
		if _, has := sr.h.cols[fOrg]; has {
			rc.fail(fOrg, fmt.Sprintf("단체명이 비어 있습니다: %s 행에는 단체명이 필요합니다", m.Role))
		} else if !sr.failed[fOrg] {
			sr.failed[fOrg] = true
			sr.ps.add(sr.t.order, -1, Problem{File: sr.t.file, Sheet: sr.t.sheet, Row: sr.h.first, Column: "단체명",
				Message: "필수 열 \"단체명\" 이(가) 머리글에 없습니다 (대표 단체·참여 단체 행에 필요합니다)"})
			rc.bad = true
		}
	}
	m.Rep = rc.str(fRep)
	if m.Rep == "" {
		rc.fail(fRep, "대표자가 비어 있습니다 (단체의 대표자, 또는 플랫폼책임자의 이름)")
	}
	m.Note = rc.str(fNote)
	m.Contact = rc.str(fContact)
	if rc.bad {
		return
	}
	o := rc.origin()
	for i := range sr.out.Platforms {
		pr := &sr.out.Platforms[i]
		if pr.Platform.District == district && pr.Platform.Year == year {
			pr.Platform.Members = append(pr.Platform.Members, m)
			pr.Members = append(pr.Members, o)
			return
		}
	}
	sr.out.Platforms = append(sr.out.Platforms, PlatformRow{
		Platform: store.Platform{District: district, Year: year, Members: []store.Member{m}},
		Origin:   o,
		Members:  []Origin{o},
	})
}

// session reads one row of 교육.
func (sr *sheetReader) session(r tableRow) (SessionRow, bool) {
	rc := sr.row(r)
	s := store.Session{}
	s.Course = rc.str(fCourse)
	if s.Course == "" {
		rc.fail(fCourse, "과정이 비어 있습니다")
	}
	s.Number, _ = rc.count(fNumber, "회차")
	if text, ok := rc.text(fDate); ok {
		d, err := parseDate(text, sr.t.serial, sr.t.date1904)
		if err != nil && !errors.Is(err, value.ErrEmpty) {
			if d2, rest, ok := splitDateTime(text); ok {
				d, err = d2, nil
				if _, hasTime := sr.h.cols[fTime]; !hasTime {
					s.Time = rest
				}
			}
		}
		if err != nil {
			rc.failErr(fDate, "일자가", err)
		}
		s.Date = d
	}
	if t := rc.str(fTime); t != "" {
		text, _ := rc.text(fTime)
		s.Time = value.ReadTime(text, sr.t.serial)
	}
	s.District = rc.district(false)
	s.Venue = rc.str(fVenue)
	s.Audience = rc.str(fAudience)
	s.Capacity, _ = rc.count(fCapacity, "정원")
	s.Instructor = rc.str(fInstructor)
	male, okM := rc.count(fAttendMale, "참석 인원")
	female, okF := rc.count(fAttendFemale, "참석 인원")
	s.AttendMale, s.AttendFemale = male, female
	_, hasM := sr.h.cols[fAttendMale]
	_, hasF := sr.h.cols[fAttendFemale]
	if text, ok := rc.text(fAttendTotal); ok && value.Clean(text) != "" && hasM && hasF {
		total, err := value.ParseCount(text, "참석 인원")
		switch {
		case err != nil:
			rc.fail(fAttendTotal, err.Error())
		case okM && okF && total != male+female:
			rc.fail(fAttendTotal, fmt.Sprintf("참석 계 %d 이(가) 남 %d + 여 %d = %d 와(과) 다릅니다", total, male, female, male+female))
		}
	}
	if text, ok := rc.text(fStatus); ok {
		st, err := parseStatus(text)
		if err != nil {
			rc.fail(fStatus, err.Error())
		}
		s.Status = store.SessionStatus(st)
	}
	s.Note = rc.str(fNote)
	if text, ok := rc.text(fYear); ok && value.Clean(text) != "" {
		s.Year = rc.year()
	} else {
		s.Year = s.Date.Year()
	}
	return SessionRow{Session: s, Origin: rc.origin()}, !rc.bad
}

// splitDateTime reads a cell that holds a date and then a time, as an
// 일시 column does: "2017.4.5.(수) 14:00-17:00".
func splitDateTime(raw string) (store.Date, string, bool) { return value.ReadDateTime(raw) }
