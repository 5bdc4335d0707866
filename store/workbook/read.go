// Package workbook reads the files districts send back (an xlsx workbook
// with one sheet per kind, or one CSV per kind) and writes the blank
// workbook they fill. It knows the district file contract
// (district-workbook.md) and nothing of the database: Read parses a whole
// file into records and reports every problem at once, each placed at
// FILE:SHEET:ROW:COLUMN; the store runs the programme's rules on the
// records and imports all or nothing.
package workbook

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/korean"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"hyeopchi/store"
	"hyeopchi/store/value"
)

// PlanRow is a community innovation plan read from a file.
type PlanRow struct {
	Plan   store.Plan
	Origin Origin
}

// PlatformRow is one district's roster for one year: the platform with its
// members in file order. Origin is the first member's row; Members[i] is
// where Platform.Members[i] was read.
type PlatformRow struct {
	Platform store.Platform
	Origin   Origin
	Members  []Origin
}

// SessionRow is a governance school session read from a file.
type SessionRow struct {
	Session store.Session
	Origin  Origin
}

// Parsed is what a file holds. Origins share their Cols maps: treat them
// as read-only.
type Parsed struct {
	Plans     []PlanRow
	Platforms []PlatformRow
	Sessions  []SessionRow
	Kinds     []string // kinds present, in the order of Kinds: sheets found, or the CSV's kind
	Districts []string // districts named by any record, in store.Districts order
	Years     []int    // programme years of any record, ascending
}

// Limits on what a file may be; beyond them it is refused, not read.
const (
	MaxFileSize  = 20 << 20 // bytes of the file itself
	maxUnzipSize = 40 << 20 // bytes of an xlsx's parts once unzipped
	maxColumns   = 256      // cells to the right of this are not read
	maxCSVFields = 1024     // fields on one CSV line
)

// notSpreadsheet is the one line a file that is no spreadsheet gets.
const notSpreadsheet = "엑셀(xlsx) 또는 CSV 파일이 아닙니다"

// Read parses a district file: an xlsx workbook or a CSV, told apart by
// content, not by name. It returns every problem at once, sorted by
// sheet, row and column; a file with problems must not be imported. The
// result is never nil; records with problems are left out of it.
func Read(fileName string, data []byte) (*Parsed, []Problem) {
	out := &Parsed{}
	file := baseName(fileName)
	ps := &problems{}
	one := func(msg string) (*Parsed, []Problem) {
		return out, []Problem{{File: file, Message: msg}}
	}
	switch {
	case len(data) == 0:
		return one("빈 파일입니다")
	case len(data) > MaxFileSize:
		return one(fmt.Sprintf("파일이 너무 큽니다 (%s): %dMB까지 읽습니다", sizeText(int64(len(data))), MaxFileSize>>20))
	case bytes.HasPrefix(data, []byte("PK\x03\x04")), bytes.HasPrefix(data, []byte("PK\x05\x06")):
		if msg := readXLSX(file, data, ps, out); msg != "" {
			return one(msg)
		}
	case bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
		return one(notSpreadsheet + " (예전 엑셀 xls, 한글 hwp 또는 암호가 걸린 파일로 보입니다: 엑셀에서 암호 없이 \"Excel 통합 문서(*.xlsx)\"로 저장해 주세요)")
	case bytes.HasPrefix(data, []byte("%PDF")):
		return one(notSpreadsheet + " (PDF 파일입니다)")
	case bytes.HasPrefix(data, []byte("HWP Document File")):
		return one(notSpreadsheet + " (한글 hwp 파일입니다)")
	case bytes.HasPrefix(data, []byte("\x89PNG")), bytes.HasPrefix(data, []byte("\xff\xd8\xff")), bytes.HasPrefix(data, []byte("GIF8")):
		return one(notSpreadsheet + " (그림 파일입니다)")
	case binaryHead(data):
		return one(notSpreadsheet)
	default:
		if msg := readCSV(file, data, ps, out); msg != "" {
			return one(msg)
		}
	}
	out.summarise()
	return out, ps.sorted()
}

// baseName strips any directory, whether written with / or \.
func baseName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		return name[i+1:]
	}
	return name
}

func sizeText(n int64) string {
	return fmt.Sprintf("%.1fMB", float64(n)/(1<<20))
}

// summarise fills in the districts and years the records name.
func (p *Parsed) summarise() {
	districts := map[string]bool{}
	years := map[int]bool{}
	for _, r := range p.Plans {
		districts[r.Plan.District], years[r.Plan.Year] = true, true
	}
	for _, r := range p.Platforms {
		districts[r.Platform.District], years[r.Platform.Year] = true, true
	}
	for _, r := range p.Sessions {
		districts[r.Session.District], years[r.Session.Year] = true, true
	}
	for _, d := range store.Districts {
		if districts[d] {
			p.Districts = append(p.Districts, d)
		}
	}
	for y := range years {
		if y != 0 {
			p.Years = append(p.Years, y)
		}
	}
	sort.Ints(p.Years)
}

// addKind records that a kind was found, keeping the order of Kinds.
func (p *Parsed) addKind(kind string) {
	for _, k := range p.Kinds {
		if k == kind {
			return
		}
	}
	p.Kinds = append(p.Kinds, kind)
	sort.Slice(p.Kinds, func(i, j int) bool { return kindIndex(p.Kinds[i]) < kindIndex(p.Kinds[j]) })
}

func kindIndex(kind string) int {
	for i, k := range Kinds {
		if k == kind {
			return i
		}
	}
	return len(Kinds)
}

// decodeText turns a CSV's bytes into text: UTF-8 with or without BOM,
// UTF-16 with BOM (Excel's "유니코드 텍스트"), else CP949 as Korean Excel
// saves it.
func decodeText(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data = data[3:]
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		b, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", err
		}
		return string(b), nil
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	b, _, err := transform.Bytes(korean.EUCKR.NewDecoder(), data)
	if err != nil {
		return "", err
	}
	if bytes.ContainsRune(b, utf8.RuneError) {
		return "", errors.New("not CP949")
	}
	return string(b), nil
}

// binaryHead reports NUL bytes near the start, which no text file but
// UTF-16 (told by its BOM) has.
func binaryHead(data []byte) bool {
	if bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff")) {
		return false
	}
	return bytes.IndexByte(data[:min(len(data), 8192)], 0) >= 0
}

// looksBinary reports control characters no text file has.
func looksBinary(s string) bool {
	for _, r := range s {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' {
			return true
		}
	}
	return false
}

// readCSV reads one CSV file; a non-empty result is the one line the whole
// file gets.
func readCSV(file string, data []byte, ps *problems, out *Parsed) string {
	text, err := decodeText(data)
	if err != nil {
		return notSpreadsheet + " (글자 인코딩을 알 수 없습니다: CSV는 UTF-8 또는 CP949(EUC-KR)로 저장해 주세요)"
	}
	if looksBinary(text) {
		return notSpreadsheet
	}
	if head := strings.ToLower(strings.TrimSpace(text[:min(len(text), 1024)])); strings.HasPrefix(head, "<") &&
		(strings.Contains(head, "<html") || strings.Contains(head, "<table") || strings.Contains(head, "<?xml")) {
		return notSpreadsheet + " (웹 페이지(HTML)나 XML 형식입니다: 엑셀에서 \"Excel 통합 문서(*.xlsx)\"로 저장해 주세요)"
	}
	// Excel for Mac and old editors end lines with CR alone; files pieced
	// together mix all three. One kind of line end, before anything is
	// split: a CR is never glued to a cell, nor a file read as one line.
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	comma := ','
	if firstLine := strings.SplitN(strings.TrimLeft(text, "\r\n"), "\n", 2)[0]; strings.Count(firstLine, "\t") > strings.Count(firstLine, ",") {
		comma = '\t'
	}
	fields := 0
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			fields = 0
		case byte(comma):
			if fields++; fields > maxCSVFields {
				return fmt.Sprintf("한 줄에 열이 너무 많습니다: %d열까지 읽습니다", maxCSVFields)
			}
		}
	}
	if line, col, ok := runawayQuote(text, byte(comma)); !ok {
		ps.add(0, col, Problem{File: file, Row: line, Column: columnLetter(col), Message: "따옴표(\")로 시작한 칸이 그 행에서 닫히지 않아, 다음 행들이 이 칸 하나에 들어갑니다: 따옴표를 닫거나 지워 주세요"})
		return ""
	}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = comma
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	t := &table{file: file, formulas: nil}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.Line
			}
			ps.add(0, -1, Problem{File: file, Row: line, Message: "CSV 형식이 맞지 않습니다 (따옴표나 구분 기호를 확인해 주세요)"})
			return ""
		}
		line, _ := r.FieldPos(0)
		if !emptyCells(rec) {
			if len(rec) > maxColumns {
				rec = rec[:maxColumns]
			}
			t.rows = append(t.rows, tableRow{n: line, cells: rec})
			if len(t.rows) > maxDataRows+headerSearchRows+100 {
				return fmt.Sprintf("행이 너무 많습니다: 파일마다 %s행까지 읽습니다", value.Thousands(maxDataRows))
			}
		}
	}
	if len(t.rows) == 0 {
		return "빈 파일입니다"
	}
	if kind := readTable(t, Kinds, ps, out); kind != "" {
		out.addKind(kind)
	}
	return ""
}

// runawayQuote finds a quoted field that swallows the rows after it: one
// still open at the end of the file, or one holding a line with as many
// separators as a row has, near enough (a note written over several lines
// has few).
// It returns the line and 0-based field where that quote opened, and ok
// when there is none. text has \n line ends only.
func runawayQuote(text string, comma byte) (line, field int, ok bool) {
	first := strings.SplitN(strings.TrimLeft(text, "\n"), "\n", 2)[0]
	rowSeps := max(2, strings.Count(first, string(comma))-1)
	line, field = 1, 0
	atStart, quoted := true, false
	openLine, openField, seps := 0, 0, 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if quoted {
			switch c {
			case '"':
				if i+1 < len(text) && text[i+1] == '"' {
					i++
					continue
				}
				quoted = false
			case '\n':
				line++
				seps = 0
			case comma:
				if line > openLine {
					if seps++; seps >= rowSeps {
						return openLine, openField, false
					}
				}
			}
			continue
		}
		switch c {
		case '"':
			if atStart {
				quoted, openLine, openField, seps = true, line, field, 0
			}
			atStart = false
		case comma:
			field++
			atStart = true
		case '\n':
			line++
			field, atStart = 0, true
		default:
			atStart = false
		}
	}
	if quoted {
		return openLine, openField, false
	}
	return 0, 0, true
}

// emptyCells reports whether a row has nothing but spaces.
func emptyCells(cells []string) bool {
	for _, c := range cells {
		if strings.TrimFunc(c, func(r rune) bool { return unicode.IsSpace(r) || r == '\ufeff' }) != "" {
			return false
		}
	}
	return true
}
