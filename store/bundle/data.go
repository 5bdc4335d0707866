package bundle

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"hyeopchi/store"

	"hyeopchi/store/value"
)

// unknown is what a value nobody entered prints as.
const unknown = "미기재"

// sheet is one sheet of the records workbook.
type sheet struct {
	name string
	head []string
	rows [][]any // string, int, int64
}

// contact is a contact as the bundle writes it.
func (sc *scope) contact(s string) string {
	if sc.opt.WithContacts {
		return s
	}
	return value.MaskContact(s)
}

// or is s, or 미기재 when nobody entered it.
func or(s string) string {
	if strings.TrimSpace(s) == "" {
		return unknown
	}
	return s
}

func orDate(d store.Date) string { return or(string(d)) }

// workbook is every record of the district in the range, one sheet a kind.
func (sc *scope) workbook() ([]byte, error) {
	d := sc.district
	ord := "미제정"
	if d.Ordinance {
		ord = "제정"
	}
	coord := "미채용"
	if d.Coordinator {
		coord = "채용"
	}
	sheets := []sheet{{name: "자치구", head: []string{"자치구", "권역", "협치회의", "추진단·사무국", "협치조정관", "협치조례", "조례 제정일", "비고"},
		rows: [][]any{{d.Name, or(d.Region), or(d.Council), or(d.Office), coord, ord, orDate(d.OrdinanceOn), d.Note}}}}

	plans := sheet{name: "혁신계획", head: []string{"ID", "연도", "단계", "지원 사항", "시작", "끝", "개월", "지원액(천원)",
		"TFT 민", "TFT 구의원", "TFT 관", "분야", "참여예산", "절차", "본계획 제출", "비고"}}
	for _, p := range sc.plans {
		var steps []string
		for _, s := range p.Process {
			steps = append(steps, strings.TrimSpace(s.Name+" "+string(s.On)))
		}
		plans.rows = append(plans.rows, []any{p.ID, p.Year, or(p.Stage.String()), or(p.Support), orDate(p.Start), orDate(p.End),
			p.Months, p.Amount, p.TFTCivil, p.TFTCouncil, p.TFTOfficial, or(strings.Join(p.Fields, ", ")), or(p.PB),
			strings.Join(steps, ", "), orDate(p.MainPlanOn), p.Note})
	}
	plats := sheet{name: "시민협력플랫폼", head: []string{"ID", "연도", "컨소시엄", "공간(㎡)", "성장단계", "지원액(천원)", "개월", "진행 상태", "비고"}}
	roster := sheet{name: "플랫폼 구성", head: []string{"플랫폼 ID", "연도", "컨소시엄", "구분", "단체명", "대표자", "비고", "연락처"}}
	inds := sheet{name: "성과지표", head: []string{"플랫폼 ID", "연도", "컨소시엄", "구분", "지표", "목표", "실적"}}
	for _, p := range sc.platforms {
		growth := store.GrowthStages[p.Growth]
		plats.rows = append(plats.rows, []any{p.ID, p.Year, or(p.Name), p.Space, or(growth), p.Grant, p.Months, or(string(p.Status)), p.Note})
		for _, m := range p.Members {
			roster.rows = append(roster.rows, []any{p.ID, p.Year, or(p.Name), or(string(m.Role)), or(m.Org), or(m.Rep), m.Note, or(sc.contact(m.Contact))})
		}
		for _, x := range p.Indicators {
			kind := "개별 지표"
			if x.Common {
				kind = "공통 지표"
			}
			inds.rows = append(inds.rows, []any{p.ID, p.Year, or(p.Name), kind, or(x.Name), or(x.Target), or(x.Result)})
		}
	}
	sessions := sheet{name: "교육회차", head: []string{"ID", "연도", "일자", "시간", "과정", "회차", "장소", "대상", "정원", "남", "여", "강사", "상태", "비고"}}
	for _, x := range sc.sessions {
		sessions.rows = append(sessions.rows, []any{x.ID, x.Year, orDate(x.Date), or(x.Time), or(x.Course), x.Number, or(x.Venue),
			or(x.Audience), x.Capacity, x.AttendMale, x.AttendFemale, or(x.Instructor), or(string(x.Status)), x.Note})
	}
	subs := sheet{name: "접수", head: []string{"접수번호", "연도", "종류", "접수일", "기한", "파일 이름", "크기(바이트)", "SHA-256", "상태", "오류 수", "오류", "비고"}}
	for _, x := range sc.subs {
		year := any(x.Year)
		if x.Year == 0 {
			year = unknown
		}
		subs.rows = append(subs.rows, []any{x.ID, year, or(x.Kind), orDate(x.Received), orDate(x.Due), x.FileName, x.Size, x.SHA256,
			or(string(x.Status)), len(x.Errors), strings.Join(x.Errors, "\n"), x.Note})
	}
	return writeWorkbook(sc, []sheet{sheets[0], plans, plats, roster, inds, sessions, subs})
}

func writeWorkbook(sc *scope, sheets []sheet) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE5F2"}}})
	if err != nil {
		return nil, err
	}
	// "@": a text cell stays text, so that "=…" typed by a district is never a formula
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49})
	if err != nil {
		return nil, err
	}
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			return nil, err
		}
		for c, h := range s.head {
			ref, _ := excelize.CoordinatesToCellName(c+1, 1) // fails only below column or row 1
			if err := f.SetCellStr(s.name, ref, h); err != nil {
				return nil, err
			}
			if err := f.SetCellStyle(s.name, ref, ref, head); err != nil {
				return nil, err
			}
			if err := f.SetColWidth(s.name, colName(c), colName(c), float64(min(40, max(10, 2*len([]rune(h))+2)))); err != nil {
				return nil, err
			}
		}
		for r, row := range s.rows {
			for c, v := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+2) // fails only below column or row 1
				switch x := v.(type) {
				case string:
					err = f.SetCellStr(s.name, ref, x)
					if err == nil {
						err = f.SetCellStyle(s.name, ref, ref, text)
					}
				default:
					err = f.SetCellValue(s.name, ref, x)
				}
				if err != nil {
					return nil, fmt.Errorf("%s 시트 %s: %w", s.name, ref, err)
				}
			}
		}
		if err := f.SetPanes(s.name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return nil, err
		}
	}
	if err := f.SetDocProps(&excelize.DocProperties{Title: sc.opt.District + " 기록 " + sc.rangeName(),
		Creator: "협치 사무국", Created: sc.made.Format("2006-01-02T15:04:05Z"), Modified: sc.made.Format("2006-01-02T15:04:05Z"),
		Language: "ko-KR"}); err != nil {
		return nil, err
	}
	f.SetActiveSheet(0)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func colName(c int) string {
	n, _ := excelize.ColumnNumberToName(c + 1) // fails only below column 1 or past XFD, beyond any sheet here
	return n
}

// auditCSV is the audit entries of the district's records, oldest first,
// for Excel (UTF-8 with BOM), each cell safe from being read as a formula.
func (sc *scope) auditCSV() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	if err := w.Write([]string{"순번", "일시", "작업", "종류", "대상", "키", "이전", "이후"}); err != nil {
		return nil, err
	}
	for _, e := range sc.audit {
		row := []string{fmt.Sprint(e.Seq), e.When.Format("2006-01-02 15:04:05"), e.Action, e.Kind, e.Label, e.Key,
			sc.recordJSON(e.Before), sc.recordJSON(e.After)}
		for i := range row {
			row[i] = safeCell(row[i])
		}
		if err := w.Write(row); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// recordJSON is a record's JSON as the audit log holds it, with contacts
// masked unless the bundle keeps them.
func (sc *scope) recordJSON(raw string) string {
	if raw == "" || sc.opt.WithContacts || !strings.Contains(raw, `"contact"`) {
		return raw
	}
	var v any
	if json.Unmarshal([]byte(raw), &v) != nil {
		return raw
	}
	var walk func(key string, v any) any
	walk = func(key string, v any) any {
		switch x := v.(type) {
		case map[string]any:
			for k, y := range x {
				x[k] = walk(k, y)
			}
		case []any:
			for i, y := range x {
				x[i] = walk(key, y)
			}
		case string:
			if key == "contact" {
				return value.MaskContact(x)
			}
		}
		return v
	}
	v = walk("", v)
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return raw
	}
	return strings.TrimSpace(b.String())
}

// safeCell keeps a spreadsheet from reading a cell as a formula.
func safeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
