package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"hyeopchi/store"
	"hyeopchi/store/value"
)

// addFixtures seeds a fuzz target with the committed fixtures of some
// extensions.
func addFixtures(f *testing.F, exts ...string) {
	entries, err := os.ReadDir(fixtureDir)
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		for _, ext := range exts {
			if strings.HasSuffix(e.Name(), ext) {
				b, err := os.ReadFile(filepath.Join(fixtureDir, e.Name()))
				if err != nil {
					f.Fatal(err)
				}
				f.Add(b)
			}
		}
	}
}

// checkParsed holds what Read promises whatever the input: problems carry
// the file and a message; a file without problems gives sound records.
func checkParsed(t *testing.T, file string, p *Parsed, probs []Problem) {
	if p == nil {
		t.Fatal("Read returned nil")
	}
	for _, pr := range probs {
		if pr.File != file || pr.Message == "" || pr.Row < 0 {
			t.Fatalf("malformed problem %+v", pr)
		}
	}
	if len(probs) > 0 {
		return
	}
	checkSoundPlans(t, p.Plans)
	checkSoundPlatforms(t, p.Platforms)
	checkSoundSessions(t, p.Sessions)
}

// checkSoundPlans: a plan read without problems has a district, a year in
// range, a stage, a valid period in order, and no negative amount or count.
func checkSoundPlans(t *testing.T, plans []PlanRow) {
	t.Helper()
	for _, r := range plans {
		pl := r.Plan
		if !store.IsDistrict(pl.District) || pl.Year < value.MinYear || pl.Year > value.MaxYear || pl.Stage.String() == "" ||
			!pl.Start.Valid() || !pl.End.Valid() || pl.End < pl.Start || pl.Amount < 0 ||
			pl.TFTCivil < 0 || pl.TFTCouncil < 0 || pl.TFTOfficial < 0 || r.Origin.Row < 1 {
			t.Fatalf("unsound plan %+v at %+v", pl, r.Origin)
		}
	}
}

// checkSoundPlatforms: a platform read without problems has a district and
// members, each with its origin, a representative and (but for the
// manager) an organisation.
func checkSoundPlatforms(t *testing.T, platforms []PlatformRow) {
	t.Helper()
	for _, r := range platforms {
		if !store.IsDistrict(r.Platform.District) || len(r.Members) != len(r.Platform.Members) || len(r.Members) == 0 {
			t.Fatalf("unsound platform %+v", r)
		}
		for _, m := range r.Platform.Members {
			if m.Rep == "" || (m.Role != store.RoleManager && m.Org == "") {
				t.Fatalf("unsound member %+v", m)
			}
		}
	}
}

// checkSoundSessions: a session read without problems has a course, a
// valid date, a real district or none, and no negative attendance.
func checkSoundSessions(t *testing.T, sessions []SessionRow) {
	t.Helper()
	for _, r := range sessions {
		s := r.Session
		if s.Course == "" || s.Date.IsZero() || !s.Date.Valid() || (s.District != "" && !store.IsDistrict(s.District)) ||
			s.AttendMale < 0 || s.AttendFemale < 0 {
			t.Fatalf("unsound session %+v", s)
		}
	}
}

func FuzzReadCSV(f *testing.F) {
	addFixtures(f, ".csv")
	f.Add([]byte(plansErrorsCSV))
	f.Add([]byte("과정,일시\n협치실행 교육,2017.6.1.(목) 14:00-17:00\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, probs := Read("f.csv", data)
		checkParsed(t, "f.csv", p, probs)
	})
}

func FuzzReadXLSX(f *testing.F) {
	addFixtures(f, ".xlsx")
	f.Fuzz(func(t *testing.T, data []byte) {
		p, probs := Read("f.xlsx", data)
		checkParsed(t, "f.xlsx", p, probs)
	})
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"200,000", "200,000천원", " 200000 ", "25만", "-5,000", "1,500.5", "1.5E5", "(5,000)", "-", "99976.0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := value.ParseAmount(s)
		if err != nil {
			return
		}
		if v < 0 || v > value.MaxAmount {
			t.Fatalf("value.ParseAmount(%q) = %d", s, v)
		}
		// What it reads, written the usual way, reads the same.
		if w, err := value.ParseAmount(value.Thousands(v) + "천원"); err != nil || w != v {
			t.Fatalf("value.ParseAmount(%q) = %d, but %q reads as %d, %v", s, v, value.Thousands(v)+"천원", w, err)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2016-11-01", "2016.11.01", "2016.11.01.", "2016. 11. 1.", "20161101", "2016년 11월 1일", "'17.7.31.", "2017.4.5.(수)", "42675", "2017-02-29"} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, serial bool) {
		d, err := parseDate(s, serial, false)
		if err != nil {
			return
		}
		if d.IsZero() || !d.Valid() || d.Year() < value.MinYear || d.Year() > value.MaxYear {
			t.Fatalf("parseDate(%q) = %q", s, d)
		}
		if again, err := parseDate(string(d), false, false); err != nil || again != d {
			t.Fatalf("parseDate(%q) = %q, which reads back as %q, %v", s, d, again, err)
		}
	})
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2016.11.01.부터 2017.06.30.까지 (8개월)", "2016.11.01 ~ 2017.06.30", "2016-11-01 - 2017-06-30",
		"20161101~20170630", "2016. 11. 1. ～ 2017. 6. 30. (8개월)", "2016.11.01", "(8개월)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		start, end, months, err := value.ReadPeriod(s)
		if err != nil {
			return
		}
		if !start.Valid() || !end.Valid() || start.IsZero() || end < start || months < 0 || months > 120 {
			t.Fatalf("value.ReadPeriod(%q) = %s, %s, %d", s, start, end, months)
		}
		if s2, e2, _, err := value.ReadPeriod(string(start) + " ~ " + string(end)); err != nil || s2 != start || e2 != end {
			t.Fatalf("value.ReadPeriod(%q) = %s ~ %s, which reads back as %s ~ %s, %v", s, start, end, s2, e2, err)
		}
	})
}

// rezip returns the workbook base with one part replaced, so that fuzzing
// reaches the sheet reader past the zip's checksums.
func rezip(t testing.TB, base []byte, part string, content []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, zf := range zr.File {
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		if zf.Name == part {
			_, err = w.Write(content)
		} else {
			var rc io.ReadCloser
			if rc, err = zf.Open(); err == nil {
				_, err = io.Copy(w, rc)
				_ = rc.Close()
			}
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// FuzzReadXLSXSheet fuzzes the worksheet XML of a sound workbook.
func FuzzReadXLSXSheet(f *testing.F) {
	base, err := os.ReadFile(filepath.Join(fixtureDir, "good.xlsx"))
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range []string{"good.xlsx", "lo-good.xlsx", "ref1.xlsx", "formula-nocache.xlsx", "lo-template.xlsx", "bad-date.xlsx"} {
		data, err := os.ReadFile(filepath.Join(fixtureDir, name))
		if err != nil {
			f.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			f.Fatal(err)
		}
		for _, zf := range zr.File {
			if zf.Name == "xl/worksheets/sheet1.xml" {
				rc, _ := zf.Open()
				b, _ := io.ReadAll(rc)
				_ = rc.Close()
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, sheet []byte) {
		p, probs := Read("f.xlsx", rezip(t, base, "xl/worksheets/sheet1.xml", sheet))
		checkParsed(t, "f.xlsx", p, probs)
	})
}

// normEOL is text with every line end as one \n, as a reader sees it.
func normEOL(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// sessionRowsCSV writes n session rows, with venue and note in every row,
// as a spreadsheet program would (quoting what needs it), with line ends
// chosen by eol: LF, CRLF, CR, or the three in turn.
func sessionRowsCSV(n int, venue, note string, eol uint8) string {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"과정", "일자", "장소", "정원", "비고"})
	for i := range n {
		w.Write([]string{"협치실행 교육", fmt.Sprintf("2017-04-%02d", i%28+1), venue, "30", note})
	}
	w.Flush()
	ends := [][]string{{"\n"}, {"\r\n"}, {"\r"}, {"\n", "\r", "\r\n"}}[eol%4]
	// Only the line ends between records change; a line end inside a
	// quoted field stays what it was.
	var out strings.Builder
	r := csv.NewReader(&b)
	r.FieldsPerRecord = -1
	recs, _ := r.ReadAll()
	for i, rec := range recs {
		var line bytes.Buffer
		lw := csv.NewWriter(&line)
		lw.Write(rec)
		lw.Flush()
		out.WriteString(strings.TrimSuffix(line.String(), "\n"))
		out.WriteString(ends[i%len(ends)])
	}
	return out.String()
}

// FuzzCSVRowsInRowsOut: a CSV of n well-formed rows gives n sessions
// holding the cells as written, or a problem: never fewer rows, never a
// cell glued to another.
func FuzzCSVRowsInRowsOut(f *testing.F) {
	f.Add("시청 본관", "첫 회", uint8(3), uint8(0))
	f.Add("관악구청 \"대강당\"", "둘째 회\n강사 변경, 장소 같음", uint8(5), uint8(3))
	f.Add("마포구청", "셋째 회\r\n", uint8(2), uint8(2))
	f.Add("a,b,c", "\"", uint8(1), uint8(1))
	f.Fuzz(func(t *testing.T, venue, note string, n, eol uint8) {
		if !utf8.ValidString(venue) || !utf8.ValidString(note) {
			t.Skip("the rows are text; other bytes are FuzzReadCSV's")
		}
		rows := 1 + int(n%20)
		p, probs := Read("f.csv", []byte(sessionRowsCSV(rows, venue, note, eol)))
		checkParsed(t, "f.csv", p, probs)
		if len(probs) > 0 {
			return
		}
		if len(p.Sessions) != rows {
			t.Fatalf("%d rows in, %d sessions out (venue %q, note %q, eol %d)", rows, len(p.Sessions), venue, note, eol%4)
		}
		for _, s := range p.Sessions {
			if s.Session.Venue != value.Clean(normEOL(venue)) || s.Session.Note != value.Clean(normEOL(note)) || s.Session.Capacity != 30 {
				t.Fatalf("read back 장소 %q 비고 %q 정원 %d; wrote %q, %q, 30", s.Session.Venue, s.Session.Note, s.Session.Capacity, venue, note)
			}
		}
	})
}

// xmlText reports whether s is made of runes XML 1.0 can carry.
func xmlText(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0xfffe || r == 0xffff || (r >= 0xd800 && r <= 0xdfff) {
			return false
		}
	}
	return true
}

// FuzzXLSXRowsInRowsOut: a workbook of n session rows gives n sessions
// holding the cells as written, or a problem.
func FuzzXLSXRowsInRowsOut(f *testing.F) {
	f.Add("시청 본관", "첫 회", uint8(3))
	f.Add(" 앞뒤 공백 ", "여러 줄\n메모", uint8(7))
	f.Add("&amp;<b>", "\x01", uint8(1))
	f.Fuzz(func(t *testing.T, venue, note string, n uint8) {
		if !xmlText(venue) || !xmlText(note) {
			t.Skip("a cell holds what XML can carry; excelize writes other runes as U+FFFD")
		}
		rows := 1 + int(n%20)
		x := excelize.NewFile()
		sh := "Sheet1"
		x.SetSheetName(sh, KindSessions)
		sh = KindSessions
		for c, h := range []string{"과정", "일자", "장소", "정원", "비고"} {
			x.SetCellStr(sh, cellName(c, 1), h)
		}
		for i := range rows {
			r := i + 2
			x.SetCellStr(sh, cellName(0, r), "협치실행 교육")
			x.SetCellStr(sh, cellName(1, r), fmt.Sprintf("2017-04-%02d", i%28+1))
			x.SetCellStr(sh, cellName(2, r), venue)
			x.SetCellInt(sh, cellName(3, r), 30)
			x.SetCellStr(sh, cellName(4, r), note)
		}
		var b bytes.Buffer
		if err := x.Write(&b); err != nil {
			t.Skip(err)
		}
		p, probs := Read("f.xlsx", b.Bytes())
		checkParsed(t, "f.xlsx", p, probs)
		if len(probs) > 0 {
			return
		}
		if len(p.Sessions) != rows {
			t.Fatalf("%d rows in, %d sessions out (venue %q, note %q)", rows, len(p.Sessions), venue, note)
		}
		for _, s := range p.Sessions {
			if s.Session.Venue != value.Clean(normEOL(venue)) || s.Session.Note != value.Clean(normEOL(note)) {
				t.Fatalf("read back 장소 %q 비고 %q; wrote %q, %q", s.Session.Venue, s.Session.Note, venue, note)
			}
		}
	})
}
