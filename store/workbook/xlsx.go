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
	entries := map[string]*zip.File{}
	var total uint64
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
		if total > maxUnzipSize || zf.UncompressedSize64 > maxUnzipSize {
			return fmt.Sprintf("압축을 풀면 %dMB가 넘습니다: 손상되었거나 정상적인 엑셀 파일이 아닙니다 (압축 폭탄일 수 있습니다)", maxUnzipSize>>20)
		}
		entries[strings.ToLower(strings.ReplaceAll(zf.Name, `\`, "/"))] = zf
	}
	if entries["xl/workbook.xml"] == nil {
		return notZipSheet(entries)
	}
	// Unzip every part once, within its declared size, so that a damaged
	// or lying archive is one clear line rather than a half-read sheet.
	for _, zf := range zr.File {
		if !intact(zf) {
			return corruptXLSX
		}
	}
	// The parts the reader reads are read whole and strictly first, so
	// that a damaged part is refused rather than read up to the damage.
	for _, name := range []string{"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[content_types].xml"} {
		if zf := entries[name]; zf != nil {
			if _, msg := checkPart(zf, ""); msg != "" {
				return msg
			}
		}
	}
	sharedStrings := 0
	if zf := entries["xl/sharedstrings.xml"]; zf != nil {
		n, msg := checkPart(zf, "si")
		if msg != "" {
			return msg
		}
		sharedStrings = n
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		RawCellValue:      true,
		UnzipSizeLimit:    maxUnzipSize,
		UnzipXMLSizeLimit: maxUnzipSize,
	})
	if err != nil {
		if f != nil {
			_ = f.Close()
		}
		return corruptXLSX
	}
	defer func() { _ = f.Close() }()
	date1904 := false
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		date1904 = *props.Date1904
	}
	paths := sheetPaths(entries)
	sheets := f.GetSheetList()
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
	if len(chosen) == 0 && ps.len() == 0 {
		// No sheet has a kind's name, as when a CSV was saved as xlsx:
		// read the sheets whose header tells their kind, as a CSV is read.
		for _, name := range sheets {
			t := &table{file: file, sheet: name, serial: true, date1904: date1904}
			if loadRows(f, name, t) != "" {
				continue
			}
			h := findHeader(t, Kinds)
			if h == nil || len(h.missing) > 0 || chosen[h.kind] != "" {
				continue
			}
			chosen[h.kind] = name
		}
		if len(chosen) == 0 {
			ps.add(0, -1, Problem{File: file, Message: fmt.Sprintf(
				"%s 시트가 없습니다 (이 파일의 시트: %s): 사무국이 보낸 양식의 시트 이름을 그대로 써 주세요",
				strings.Join(Kinds, ", "), strings.Join(sheets, ", "))})
			return ""
		}
	}
	for order, kind := range Kinds {
		name := chosen[kind]
		if name == "" {
			continue
		}
		out.addKind(kind)
		t := &table{file: file, sheet: name, order: order, serial: true, date1904: date1904}
		zf := entries[strings.ToLower(paths[name])]
		if zf == nil {
			ps.add(order, -1, Problem{File: file, Sheet: name, Message: "시트의 내용을 찾을 수 없습니다 (파일이 손상되었습니다)"})
			continue
		}
		// The scan comes first: it refuses a sheet the row reader would
		// read only in part.
		if p := scanSheet(zf, t, sharedStrings); p.Message != "" {
			ps.add(order, -1, p)
			continue
		}
		if msg := loadRows(f, name, t); msg != "" {
			ps.add(order, -1, Problem{File: file, Sheet: name, Message: msg})
			continue
		}
		t.applyBools()
		fillMerges(t, t.merges)
		readTable(t, []string{kind}, ps, out)
	}
	return ""
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
			return fmt.Sprintf("행이 너무 많습니다: 시트마다 %s행까지 읽습니다", thousands(maxDataRows))
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
	_ = rc.Close()
	if err != nil {
		return whole("시트를 읽을 수 없습니다 (파일이 손상되었습니다)")
	}
	var merges [][4]int
	formulas := map[cellRef]string{}
	bools := map[cellRef]string{}
	dec := xml.NewDecoder(bytes.NewReader(b))
	row, col := 0, -1
	lastRow, inRow := 0, false
	var inCell, inF, inV, hasF, hasV bool
	var cellType string
	var formula, value strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			at := lastRow + 1
			if inRow {
				at = row
			}
			if lastRow == 0 && !inRow {
				return whole("시트를 처음부터 읽을 수 없습니다: " + xmlTrouble(err) + ". 엑셀에서 열어 다시 저장해 주세요")
			}
			return Problem{File: t.file, Sheet: t.sheet, Row: at, Message: fmt.Sprintf(
				"시트를 끝까지 읽을 수 없습니다: %d행에서 읽기가 멈췄습니다 (%s). 그 앞의 행만 가져오지 않도록 파일 전체를 받지 않습니다: 엑셀에서 열어 다시 저장해 주세요",
				at, xmlTrouble(err))}
		}
		switch e := tok.(type) {
		case xml.Directive:
			if bytes.HasPrefix(bytes.TrimSpace(bytes.ToUpper(e)), []byte("DOCTYPE")) {
				return whole(doctypeRefused)
			}
		case xml.StartElement:
			switch e.Name.Local {
			case "row":
				if r, err := strconv.Atoi(attr(e, "r")); err == nil {
					row = r
				} else {
					row++
				}
				col, inRow = -1, true
			case "c":
				if c, _, err := excelize.CellNameToCoordinates(attr(e, "r")); err == nil {
					col = c - 1
				} else {
					col++
				}
				inCell, hasF, hasV = true, false, false
				cellType = attr(e, "t")
				formula.Reset()
				value.Reset()
			case "f":
				inF, hasF = inCell, inCell
			case "v", "is":
				inV = inCell
			case "mergeCell":
				if len(merges) < maxMerges {
					if m, ok := parseRange(attr(e, "ref")); ok {
						merges = append(merges, m)
					}
				}
			}
		case xml.CharData:
			if inF && formula.Len() < 200 {
				formula.Write(e)
			}
			if inV && len(bytes.TrimSpace(e)) > 0 {
				hasV = true
			}
			if inV && value.Len() < 64 {
				value.Write(e)
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "row":
				lastRow, inRow = row, false
			case "f":
				inF = false
			case "v", "is":
				inV = false
			case "c":
				at := cellRef{row, col}
				v := strings.TrimSpace(value.String())
				if hasF && !hasV && len(formulas) < maxFormulas {
					formulas[at] = strings.TrimSpace(formula.String())
				}
				switch {
				case cellType == "b" && hasV:
					bools[at] = map[bool]string{true: "TRUE", false: "FALSE"}[v == "1"]
				case cellType == "s" && hasV:
					i, err := strconv.Atoi(v)
					if err != nil || i < 0 || (sharedStrings >= 0 && i >= sharedStrings) {
						return Problem{File: t.file, Sheet: t.sheet, Row: row, Column: columnLetter(max(col, 0)), Message: fmt.Sprintf(
							"공유 문자열 %s번이 파일에 없습니다 (문자열 %d개): 파일이 손상되었습니다. 엑셀에서 열어 다시 저장해 주세요", v, max(sharedStrings, 0))}
					}
				}
				inCell = false
			}
		}
	}
	t.formulas = formulas
	t.bools = bools
	t.merges = merges
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
		if clean(v) == "" {
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
				if clean(r.cells[c]) == "" {
					r.cells[c] = v
				}
			}
		}
	}
}
