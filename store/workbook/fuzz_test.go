package workbook

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hyeopchi/store"
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
	for _, r := range p.Plans {
		pl := r.Plan
		if !store.IsDistrict(pl.District) || pl.Year < minYear || pl.Year > maxYear || pl.Stage.String() == "" ||
			!pl.Start.Valid() || !pl.End.Valid() || pl.End < pl.Start || pl.Amount < 0 ||
			pl.TFTCivil < 0 || pl.TFTCouncil < 0 || pl.TFTOfficial < 0 || r.Origin.Row < 1 {
			t.Fatalf("unsound plan %+v at %+v", pl, r.Origin)
		}
	}
	for _, r := range p.Platforms {
		if !store.IsDistrict(r.Platform.District) || len(r.Members) != len(r.Platform.Members) || len(r.Members) == 0 {
			t.Fatalf("unsound platform %+v", r)
		}
		for _, m := range r.Platform.Members {
			if m.Rep == "" || (m.Role != store.RoleManager && m.Org == "") {
				t.Fatalf("unsound member %+v", m)
			}
		}
	}
	for _, r := range p.Sessions {
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
		v, err := parseAmount(s)
		if err != nil {
			return
		}
		if v < 0 || v > maxAmount {
			t.Fatalf("parseAmount(%q) = %d", s, v)
		}
		// What it reads, written the usual way, reads the same.
		if w, err := parseAmount(thousands(v) + "천원"); err != nil || w != v {
			t.Fatalf("parseAmount(%q) = %d, but %q reads as %d, %v", s, v, thousands(v)+"천원", w, err)
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
		if d.IsZero() || !d.Valid() || d.Year() < minYear || d.Year() > maxYear {
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
		start, end, months, err := parsePeriod(s)
		if err != nil {
			return
		}
		if !start.Valid() || !end.Valid() || start.IsZero() || end < start || months < 0 || months > 120 {
			t.Fatalf("parsePeriod(%q) = %s, %s, %d", s, start, end, months)
		}
		if s2, e2, _, err := parsePeriod(string(start) + " ~ " + string(end)); err != nil || s2 != start || e2 != end {
			t.Fatalf("parsePeriod(%q) = %s ~ %s, which reads back as %s ~ %s, %v", s, start, end, s2, e2, err)
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
