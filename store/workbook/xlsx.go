package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"hyeopchi/store/value"
)

const corruptXLSX = notSpreadsheet + " (파일이 손상되었거나 일부만 저장되었습니다)"

// readXLSX reads a workbook's sheets by name; a non-empty result is the one
// line the whole file gets.
func readXLSX(file string, data []byte, ps *problems, out *Parsed) (msg string) {
	defer func() {
		// A broken file must be a message, whatever the library does with it.
		if r := recover(); r != nil {
			msg = corruptXLSX
		}
	}()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return corruptXLSX
	}
	entries, msg := zipEntries(zr)
	if msg != "" {
		return msg
	}
	if entries["xl/workbook.xml"] == nil {
		return notZipSheet(entries)
	}
	sharedStrings, msg := checkArchive(zr, entries)
	if msg != "" {
		return msg
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		RawCellValue:      true,
		UnzipSizeLimit:    maxUnzipSize,
		UnzipXMLSizeLimit: maxUnzipSize,
	})
	if err != nil {
		if f != nil {
			_ = f.Close() // the file is refused anyway; nothing was written
		}
		return corruptXLSX
	}
	defer func() { _ = f.Close() }() // read only: closing drops temporary files
	book := &xlsxBook{file: file, f: f, entries: entries, sharedStrings: sharedStrings}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		book.date1904 = *props.Date1904
	}
	book.paths = sheetPaths(entries)
	sheets := f.GetSheetList()
	chosen := chooseSheets(file, sheets, ps)
	if len(chosen) == 0 && ps.len() == 0 {
		// No sheet has a kind's name, as when a CSV was saved as xlsx:
		// read the sheets whose header tells their kind, as a CSV is read.
		chosen = book.sheetsByHeader(sheets)
		if len(chosen) == 0 {
			ps.add(0, -1, Problem{File: file, Message: fmt.Sprintf(
				"%s 시트가 없습니다 (이 파일의 시트: %s): 사무국이 보낸 양식의 시트 이름을 그대로 써 주세요",
				strings.Join(Kinds, ", "), strings.Join(sheets, ", "))})
			return ""
		}
	}
	for order, kind := range Kinds {
		if name := chosen[kind]; name != "" {
			book.readSheet(order, kind, name, ps, out)
		}
	}
	return ""
}

// zipEntries indexes the archive's entries by their lower-case,
// slash-separated names, or refuses an archive that would unzip to more
// than maxUnzipSize.
func zipEntries(zr *zip.Reader) (map[string]*zip.File, string) {
	entries := map[string]*zip.File{}
	var total uint64
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
		if total > maxUnzipSize || zf.UncompressedSize64 > maxUnzipSize {
			return nil, fmt.Sprintf("압축을 풀면 %dMB가 넘습니다: 손상되었거나 정상적인 엑셀 파일이 아닙니다 (압축 폭탄일 수 있습니다)", maxUnzipSize>>20)
		}
		entries[strings.ToLower(strings.ReplaceAll(zf.Name, `\`, "/"))] = zf
	}
	return entries, ""
}

// checkArchive unzips every part once and reads the parts the reader
// relies on whole and strictly, before anything is read from them; it
// returns the count of shared strings and "" or the file's one line.
func checkArchive(zr *zip.Reader, entries map[string]*zip.File) (sharedStrings int, msg string) {
	// Unzip every part once, within its declared size, so that a damaged
	// or lying archive is one clear line rather than a half-read sheet.
	for _, zf := range zr.File {
		if !intact(zf) {
			return 0, corruptXLSX
		}
	}
	// The parts the reader reads are read whole and strictly first, so
	// that a damaged part is refused rather than read up to the damage.
	for _, name := range []string{"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[content_types].xml"} {
		if zf := entries[name]; zf != nil {
			if _, msg := checkPart(zf, ""); msg != "" {
				return 0, msg
			}
		}
	}
	if zf := entries["xl/sharedstrings.xml"]; zf != nil {
		return checkPart(zf, "si")
	}
	return 0, ""
}

// chooseSheets picks, for each kind, the sheet named exactly after it, or
// else the one sheet whose name is like it; several like it are a problem
// and none is chosen for that kind.
func chooseSheets(file string, sheets []string, ps *problems) map[string]string {
	chosen := map[string]string{}
	for _, name := range sheets {
		if k, exact := sheetKind(name); exact && chosen[k] == "" {
			chosen[k] = name
		}
	}
	for _, kind := range Kinds {
		if chosen[kind] != "" {
			continue
		}
		var like []string
		for _, name := range sheets {
			if k, exact := sheetKind(name); k == kind && !exact {
				like = append(like, name)
			}
		}
		switch len(like) {
		case 0:
		case 1:
			chosen[kind] = like[0]
		default:
			ps.add(kindIndex(kind), -1, Problem{File: file, Message: fmt.Sprintf(
				"%s 시트가 여러 개입니다 (%s): 읽을 시트의 이름을 %q(으)로 바꿔 주세요", kind, strings.Join(like, ", "), kind)})
		}
	}
	return chosen
}

// xlsxBook is an opened workbook with what reading its sheets needs.
type xlsxBook struct {
	file          string
	f             *excelize.File
	entries       map[string]*zip.File // by lower-case name
	paths         map[string]string    // sheet name -> its part in the zip
	sharedStrings int
	date1904      bool
}

// sheetsByHeader chooses, for each kind, the first sheet whose header
// names that kind with all its columns.
func (b *xlsxBook) sheetsByHeader(sheets []string) map[string]string {
	chosen := map[string]string{}
	for _, name := range sheets {
		t := &table{file: b.file, sheet: name, serial: true, date1904: b.date1904}
		if loadRows(b.f, name, t) != "" {
			continue
		}
		h := findHeader(t, Kinds)
		if h == nil || len(h.missing) > 0 || chosen[h.kind] != "" {
			continue
		}
		chosen[h.kind] = name
	}
	return chosen
}

// readSheet reads the sheet chosen for kind into out, or adds the problem
// that keeps it out.
func (b *xlsxBook) readSheet(order int, kind, name string, ps *problems, out *Parsed) {
	out.addKind(kind)
	t := &table{file: b.file, sheet: name, order: order, serial: true, date1904: b.date1904}
	zf := b.entries[strings.ToLower(b.paths[name])]
	if zf == nil {
		ps.add(order, -1, Problem{File: b.file, Sheet: name, Message: "시트의 내용을 찾을 수 없습니다 (파일이 손상되었습니다)"})
		return
	}
	// The scan comes first: it refuses a sheet the row reader would
	// read only in part.
	if p := scanSheet(zf, t, b.sharedStrings); p.Message != "" {
		ps.add(order, -1, p)
		return
	}
	if msg := loadRows(b.f, name, t); msg != "" {
		ps.add(order, -1, Problem{File: b.file, Sheet: name, Message: msg})
		return
	}
	t.applyBools()
	fillMerges(t, t.merges)
	readTable(t, []string{kind}, ps, out)
}

// intact reports whether a zip entry unzips to its declared size and
// checksum; the reader stops at the declared size.
func intact(zf *zip.File) bool {
	rc, err := zf.Open()
	if err != nil {
		return false
	}
	defer func() { _ = rc.Close() }()
	n, err := io.Copy(io.Discard, rc)
	return err == nil && uint64(n) == zf.UncompressedSize64
}

// notZipSheet names what a zip file that is no workbook seems to be.
func notZipSheet(entries map[string]*zip.File) string {
	mime := ""
	if zf := entries["mimetype"]; zf != nil {
		if rc, err := zf.Open(); err == nil {
			b, _ := io.ReadAll(io.LimitReader(rc, 200))
			_ = rc.Close()
			mime = string(b)
		}
	}
	switch {
	case strings.Contains(mime, "opendocument.spreadsheet"):
		return notSpreadsheet + " (ODS 파일입니다: \"Excel 통합 문서(*.xlsx)\"로 저장해 주세요)"
	case strings.Contains(mime, "hwp"), entries["contents/content.hpf"] != nil:
		return notSpreadsheet + " (한글 hwpx 파일입니다)"
	case entries["word/document.xml"] != nil:
		return notSpreadsheet + " (워드 docx 파일입니다)"
	}
	return notSpreadsheet
}

// loadRows reads a sheet's non-empty rows as stored values: no number
// format applied and no formula evaluated.
func loadRows(f *excelize.File, name string, t *table) string {
	rows, err := f.Rows(name)
	if err != nil {
		return "시트를 읽을 수 없습니다 (파일이 손상되었습니다)"
	}
	defer func() { _ = rows.Close() }()
	n := 0
	for rows.Next() {
		n++
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return fmt.Sprintf("%d행을 읽을 수 없습니다 (파일이 손상되었습니다)", n)
		}
		if emptyCells(cells) {
			continue
		}
		if len(cells) > maxColumns {
			cells = cells[:maxColumns]
		}
		t.rows = append(t.rows, tableRow{n: n, cells: slices.Clone(cells)})
		if len(t.rows) > maxDataRows+headerSearchRows+100 {
			return fmt.Sprintf("행이 너무 많습니다: 시트마다 %s행까지 읽습니다", value.Thousands(maxDataRows))
		}
	}
	if rows.Error() != nil {
		return "시트를 끝까지 읽을 수 없습니다 (파일이 손상되었습니다)"
	}
	return ""
}

// sheetPaths maps sheet names to their parts in the zip, from the
// workbook and its relationships.
func sheetPaths(entries map[string]*zip.File) map[string]string {
	ids := map[string]string{} // relationship id -> sheet name
	eachElement(entries["xl/workbook.xml"], func(e xml.StartElement) {
		if e.Name.Local != "sheet" {
			return
		}
		name, id := "", ""
		for _, a := range e.Attr {
			switch {
			case a.Name.Local == "name" && a.Name.Space == "":
				name = a.Value
			case a.Name.Local == "id" && a.Name.Space != "":
				id = a.Value
			}
		}
		ids[id] = name
	})
	paths := map[string]string{}
	eachElement(entries["xl/_rels/workbook.xml.rels"], func(e xml.StartElement) {
		if e.Name.Local != "Relationship" {
			return
		}
		id, target := "", ""
		for _, a := range e.Attr {
			switch a.Name.Local {
			case "Id":
				id = a.Value
			case "Target":
				target = a.Value
			}
		}
		if name, ok := ids[id]; ok && target != "" {
			if strings.HasPrefix(target, "/") {
				target = strings.TrimPrefix(target, "/")
			} else {
				target = "xl/" + target
			}
			paths[name] = path.Clean(target)
		}
	})
	return paths
}

// eachElement calls fn for each start element of a small zip part.
func eachElement(zf *zip.File, fn func(xml.StartElement)) {
	if zf == nil {
		return
	}
	rc, err := zf.Open()
	if err != nil {
		return
	}
	defer func() { _ = rc.Close() }()
	dec := xml.NewDecoder(io.LimitReader(rc, maxUnzipSize))
	for {
		tok, err := dec.RawToken()
		if err != nil {
			return
		}
		if e, ok := tok.(xml.StartElement); ok {
			fn(e)
		}
	}
}

// Caps on what a sheet scan keeps.
const (
	maxMerges   = 10_000
	maxFormulas = 100_000
)

// scanSheet reads a worksheet's XML whole and strictly, before the row
// reader does: a sheet that cannot be read to its end (an undefined
// entity, an unclosed tag, garbage bytes, a cut) is refused with the row
// where reading stopped, rather than read up to the damage; a DTD is
// refused by name. On the way it finds what the row reader cannot tell:
// formula cells with no stored value, merged ranges (whose value the rows
// below and to the right share), TRUE/FALSE cells (which the row reader
// gives as 1 and 0), and shared-string numbers beyond the file's strings.
// strings is the count of shared strings, -1 when unknown.
func scanSheet(zf *zip.File, t *table, sharedStrings int) Problem {
	whole := func(msg string) Problem { return Problem{File: t.file, Sheet: t.sheet, Message: msg} }
	rc, err := zf.Open()
	if err != nil {
		return whole("시트를 읽을 수 없습니다 (파일이 손상되었습니다)")
	}
	b, err := io.ReadAll(io.LimitReader(rc, maxUnzipSize))
	_ = rc.Close() // read only: what was read is checked by err
	if err != nil {
		return whole("시트를 읽을 수 없습니다 (파일이 손상되었습니다)")
	}
	s := &sheetScan{t: t, sharedStrings: sharedStrings, col: -1,
		formulas: map[cellRef]string{}, bools: map[cellRef]string{}}
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return s.stopped(err)
		}
		if p := s.token(tok); p.Message != "" {
			return p
		}
	}
	t.formulas = s.formulas
	t.bools = s.bools
	t.merges = s.merges
	return Problem{}
}

// sheetScan is where scanSheet is in a worksheet's XML, and what it has
// found so far.
type sheetScan struct {
	t             *table
	sharedStrings int

	merges   [][4]int
	formulas map[cellRef]string
	bools    map[cellRef]string

	row, col, lastRow       int
	inRow, inCell, inF, inV bool
	hasF, hasV              bool
	cellType                string
	formula, value          strings.Builder
}

// stopped is the problem for XML that cannot be read on: the row where
// reading stopped, or the whole sheet when it stopped before any row.
func (s *sheetScan) stopped(err error) Problem {
	at := s.lastRow + 1
	if s.inRow {
		at = s.row
	}
	if s.lastRow == 0 && !s.inRow {
		return Problem{File: s.t.file, Sheet: s.t.sheet, Message: "시트를 처음부터 읽을 수 없습니다: " + xmlTrouble(err) + ". 엑셀에서 열어 다시 저장해 주세요"}
	}
	return Problem{File: s.t.file, Sheet: s.t.sheet, Row: at, Message: fmt.Sprintf(
		"시트를 끝까지 읽을 수 없습니다: %d행에서 읽기가 멈췄습니다 (%s). 그 앞의 행만 가져오지 않도록 파일 전체를 받지 않습니다: 엑셀에서 열어 다시 저장해 주세요",
		at, xmlTrouble(err))}
}

// token takes one XML token; a DTD or a broken cell is a problem.
func (s *sheetScan) token(tok xml.Token) Problem {
	switch e := tok.(type) {
	case xml.Directive:
		if bytes.HasPrefix(bytes.TrimSpace(bytes.ToUpper(e)), []byte("DOCTYPE")) {
			return Problem{File: s.t.file, Sheet: s.t.sheet, Message: doctypeRefused}
		}
	case xml.StartElement:
		s.start(e)
	case xml.CharData:
		s.chars(e)
	case xml.EndElement:
		return s.end(e)
	}
	return Problem{}
}

// start enters a row, a cell, a formula or a value, or notes a merged range.
func (s *sheetScan) start(e xml.StartElement) {
	switch e.Name.Local {
	case "row":
		if r, err := strconv.Atoi(attr(e, "r")); err == nil {
			s.row = r
		} else {
			s.row++
		}
		s.col, s.inRow = -1, true
	case "c":
		if c, _, err := excelize.CellNameToCoordinates(attr(e, "r")); err == nil {
			s.col = c - 1
		} else {
			s.col++
		}
		s.inCell, s.hasF, s.hasV = true, false, false
		s.cellType = attr(e, "t")
		s.formula.Reset()
		s.value.Reset()
	case "f":
		s.inF, s.hasF = s.inCell, s.inCell
	case "v", "is":
		s.inV = s.inCell
	case "mergeCell":
		if len(s.merges) < maxMerges {
			if m, ok := parseRange(attr(e, "ref")); ok {
				s.merges = append(s.merges, m)
			}
		}
	}
}

// chars keeps the start of a cell's formula and value text.
func (s *sheetScan) chars(e xml.CharData) {
	if s.inF && s.formula.Len() < 200 {
		s.formula.Write(e)
	}
	if s.inV && len(bytes.TrimSpace(e)) > 0 {
		s.hasV = true
	}
	if s.inV && s.value.Len() < 64 {
		s.value.Write(e)
	}
}

// end leaves an element; at a cell's end it records the cell.
func (s *sheetScan) end(e xml.EndElement) Problem {
	switch e.Name.Local {
	case "row":
		s.lastRow, s.inRow = s.row, false
	case "f":
		s.inF = false
	case "v", "is":
		s.inV = false
	case "c":
		s.inCell = false
		return s.endCell()
	}
	return Problem{}
}

// endCell records a formula with no stored value and a TRUE/FALSE cell,
// and refuses a shared-string number beyond the file's strings.
func (s *sheetScan) endCell() Problem {
	at := cellRef{s.row, s.col}
	v := strings.TrimSpace(s.value.String())
	if s.hasF && !s.hasV && len(s.formulas) < maxFormulas {
		s.formulas[at] = strings.TrimSpace(s.formula.String())
	}
	switch {
	case s.cellType == "b" && s.hasV:
		s.bools[at] = map[bool]string{true: "TRUE", false: "FALSE"}[v == "1"]
	case s.cellType == "s" && s.hasV:
		i, err := strconv.Atoi(v)
		if err != nil || i < 0 || (s.sharedStrings >= 0 && i >= s.sharedStrings) {
			return Problem{File: s.t.file, Sheet: s.t.sheet, Row: s.row, Column: columnLetter(max(s.col, 0)), Message: fmt.Sprintf(
				"공유 문자열 %s번이 파일에 없습니다 (문자열 %d개): 파일이 손상되었습니다. 엑셀에서 열어 다시 저장해 주세요", v, max(s.sharedStrings, 0))}
		}
	}
	return Problem{}
}

// doctypeRefused is what a part with a DTD gets: entity expansion
// (billion laughs) and external entities (XXE) live there.
const doctypeRefused = "문서 형식 선언(<!DOCTYPE>)이 들어 있습니다: 엔티티 확장이나 외부 파일 참조(XXE)가 있을 수 있어 읽지 않습니다. 엑셀에서 열어 다시 저장해 주세요"

// xmlTrouble says in Korean what stopped an XML decoder.
func xmlTrouble(err error) string {
	s := err.Error()
	switch {
	case strings.Contains(s, "unexpected EOF"):
		return "XML이 중간에 끊겼습니다"
	case strings.Contains(s, "entity"):
		return "정의되지 않은 엔티티(&...;)가 있습니다"
	case strings.Contains(s, "UTF-8"):
		return "글자가 깨졌습니다 (UTF-8이 아닌 바이트)"
	case strings.Contains(s, "closed by"), strings.Contains(s, "unexpected end element"):
		return "태그가 제대로 닫히지 않았습니다"
	case strings.Contains(s, "CharsetReader"):
		return "지원하지 않는 글자 인코딩입니다"
	case strings.Contains(s, "illegal character"), strings.Contains(s, "invalid character"):
		return "XML에 쓸 수 없는 글자가 있습니다"
	}
	return "XML 형식 오류"
}

// checkPart reads a small part (the workbook, its relationships, the
// shared strings) whole and strictly; it returns the count of elements
// named count ("si" for shared strings) and "" or what is wrong.
func checkPart(zf *zip.File, count string) (int, string) {
	rc, err := zf.Open()
	if err != nil {
		return 0, corruptXLSX
	}
	defer func() { _ = rc.Close() }()
	dec := xml.NewDecoder(io.LimitReader(rc, maxUnzipSize))
	n := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return n, ""
		}
		if err != nil {
			return 0, fmt.Sprintf("%s (%s 부분: %s). 엑셀에서 열어 다시 저장해 주세요", corruptXLSX, zf.Name, xmlTrouble(err))
		}
		switch e := tok.(type) {
		case xml.Directive:
			if bytes.HasPrefix(bytes.TrimSpace(bytes.ToUpper(e)), []byte("DOCTYPE")) {
				return 0, fmt.Sprintf("%s 부분에 %s", zf.Name, doctypeRefused)
			}
		case xml.StartElement:
			if e.Name.Local == count {
				n++
			}
		}
	}
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// parseRange reads "A1:C2" as first row, first column, last row, last
// column (rows 1-based, columns 0-based).
func parseRange(ref string) ([4]int, bool) {
	a, b, ok := strings.Cut(ref, ":")
	if !ok {
		return [4]int{}, false
	}
	c1, r1, err1 := excelize.CellNameToCoordinates(a)
	c2, r2, err2 := excelize.CellNameToCoordinates(b)
	if err1 != nil || err2 != nil || r2 < r1 || c2 < c1 {
		return [4]int{}, false
	}
	return [4]int{r1, c1 - 1, r2, c2 - 1}, true
}

// fillMerges gives every empty cell of a merged range the value of its
// top-left cell, as the merged cell shows it; rows with nothing of their
// own stay out.
func fillMerges(t *table, merges [][4]int) {
	if len(merges) == 0 {
		return
	}
	rowAt := func(n int) int {
		i := sort.Search(len(t.rows), func(i int) bool { return t.rows[i].n >= n })
		if i < len(t.rows) && t.rows[i].n == n {
			return i
		}
		return -1
	}
	budget := 5_000_000 // cells filled at most, against hostile ranges
	for _, m := range merges {
		top := rowAt(m[0])
		if top < 0 || m[1] >= len(t.rows[top].cells) || m[1] >= maxColumns {
			continue
		}
		v := t.rows[top].cells[m[1]]
		if value.Clean(v) == "" {
			continue
		}
		last := min(m[3], maxColumns-1)
		for i := top; i < len(t.rows) && t.rows[i].n <= m[2]; i++ {
			r := &t.rows[i]
			for c := m[1]; c <= last; c++ {
				if budget--; budget < 0 {
					return
				}
				for len(r.cells) <= c {
					r.cells = append(r.cells, "")
				}
				if value.Clean(r.cells[c]) == "" {
					r.cells[c] = v
				}
			}
		}
	}
}
