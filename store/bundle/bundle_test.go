package bundle

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"hyeopchi/store"
	"hyeopchi/store/workbook"
)

const phone = "010-2345-6789"

// bundleStore is the plan's data plus three synthetic years, a phone
// number in 관악구's 2016 roster, and two received files: 관악구's own and
// 강북구's.
func bundleStore(t *testing.T) (*store.Store, map[string][]byte) {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Create(filepath.Join(dir, "x.db"), store.WithSynthetic(store.SeedData(), 3, 2017))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	clock := time.Date(2017, 3, 2, 9, 0, 0, 0, time.UTC)
	st.Now = func() time.Time { clock = clock.Add(time.Second); return clock }
	ps, err := st.Platforms(store.Filter{Year: 2016, District: "관악구"})
	if err != nil || len(ps) != 1 {
		t.Fatalf("관악구 2016 platform: %v %d", err, len(ps))
	}
	ps[0].Members[0].Contact = phone
	if _, err := st.SavePlatform(&ps[0]); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, d := range []string{"관악구", "강북구"} {
		path := filepath.Join(dir, d+"_2016.xlsx")
		if _, err := workbook.WriteTemplateFile(st, d, 2016, path); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := workbook.ImportFiles(st, []workbook.File{{Name: filepath.Base(path), Data: data}}, false)
		if err != nil || len(rep.Problems) > 0 {
			t.Fatalf("import %s: %v %v", d, err, rep.Problems)
		}
		files[d] = data
	}
	return st, files
}

// entries reads every file of a zip.
func entries(t *testing.T, data []byte) (map[string][]byte, []*zip.File) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		out[f.Name] = b
	}
	return out, zr.File
}

// text is what a person reads in a bundle's file.
func text(t *testing.T, name string, data []byte) string {
	t.Helper()
	switch filepath.Ext(name) {
	case ".pdf":
		cmd := exec.Command("pdftotext", "-layout", "-", "-")
		cmd.Stdin = bytes.NewReader(data)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", name, err)
		}
		return string(out)
	case ".xlsx":
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		defer f.Close()
		var b strings.Builder
		for _, sh := range f.GetSheetList() {
			rows, err := f.GetRows(sh)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rows {
				b.WriteString(sh + "\t" + strings.Join(r, "\t") + "\n")
			}
		}
		return b.String()
	}
	return string(data)
}

func TestBundleHoldsTheDistrictAndNothingElse(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	st, files := bundleStore(t)
	shared, err := st.ReceiveRejected(store.ImportFile{Name: "관악구_강북구_함께.xlsx", Data: []byte("shared"),
		Kinds: []string{"플랫폼"}, Districts: []string{"관악구", "강북구"}, Years: []int{2016}}, []string{"오류"})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	var calls, last int
	res, err := Make(st, Options{District: "관악구", From: 2016, To: 2017, Progress: func(done, total int, _ string) {
		calls++
		if done < last || done > total {
			t.Errorf("progress went %d → %d of %d", last, done, total)
		}
		last = done
	}}, &buf)
	if err != nil {
		t.Fatal(err)
	}
	got, zfs := entries(t, buf.Bytes())
	if calls < len(got) || last == 0 {
		t.Errorf("progress heard %d times for %d files (last %d)", calls, len(got), last)
	}
	checkBundleNames(t, got, zfs)
	checkBundleYearReports(t, st, got)
	checkBundleOriginal(t, st, got, files["관악구"])
	if res.Counts.Submissions != 1 || res.Counts.Plans == 0 || res.Counts.Platforms == 0 || res.Counts.Audit == 0 {
		t.Errorf("counts %+v", res.Counts)
	}
	checkBundleNamesNoOther(t, got)
	checkBundleWorkbookAndManifest(t, got, shared.ID)
	checkBundleAuditCSV(t, got)
}

// checkBundleNames wants every file at the bundle's one fixed time, and
// the manifest, the audit CSV, the records and the district's reports.
func checkBundleNames(t *testing.T, got map[string][]byte, zfs []*zip.File) {
	t.Helper()
	var names []string
	for _, f := range zfs {
		names = append(names, f.Name)
		if !f.Modified.Equal(zfs[0].Modified) {
			t.Errorf("%s: time %v, want the bundle's one fixed time %v", f.Name, f.Modified, zfs[0].Modified)
		}
	}
	for _, want := range []string{"목록.txt", "변경기록.csv", "자료/관악구_2016-2017_기록.xlsx",
		"보고서/2016년_관악구_지역협치_현황.pdf", "보고서/2017년_관악구_지역협치_현황.pdf"} {
		if _, ok := got[want]; !ok {
			t.Errorf("no %s in %v", want, names)
		}
	}
}

// checkBundleYearReports wants a programme's report for each year the
// district has its records, and only then.
func checkBundleYearReports(t *testing.T, st *store.Store, got map[string][]byte) {
	t.Helper()
	for y := 2016; y <= 2017; y++ {
		f := store.Filter{Year: y, District: "관악구"}
		plans, _ := st.Plans(f)
		plats, _ := st.Platforms(f)
		for name, n := range map[string]int{
			fmt.Sprintf("보고서/%d년_지역사회혁신계획_현황_관악구.pdf", y): len(plans),
			fmt.Sprintf("보고서/%d년_시민협력플랫폼_현황_관악구.pdf", y):  len(plats),
		} {
			if _, ok := got[name]; ok != (n > 0) {
				t.Errorf("%s in the bundle: %v, records: %d", name, ok, n)
			}
		}
	}
}

// checkBundleOriginal wants the district's own file, byte for byte, under
// its receipt number.
func checkBundleOriginal(t *testing.T, st *store.Store, got map[string][]byte, file []byte) {
	t.Helper()
	all, _ := st.Submissions(store.Filter{District: "관악구"})
	var subs []store.Submission
	for _, x := range all {
		if x.District == "관악구" {
			subs = append(subs, x)
		}
	}
	if len(subs) != 1 {
		t.Fatalf("관악구's own submissions: %+v", subs)
	}
	orig := originalName(subs[0])
	if !strings.HasPrefix(orig, "0001_") && !strings.HasPrefix(orig, "0002_") {
		t.Errorf("original's name %q lacks its receipt number", orig)
	}
	if !bytes.Equal(got["원본/"+orig], file) {
		t.Errorf("원본/%s is not the file as received", orig)
	}
}

// checkBundleNamesNoOther wants no file named after, or naming, another
// district, no year outside the range, and the phone masked.
func checkBundleNamesNoOther(t *testing.T, got map[string][]byte) {
	t.Helper()
	others := []string{}
	for _, d := range store.Districts {
		if d != "관악구" {
			others = append(others, d)
		}
	}
	for name, data := range got {
		for _, d := range others {
			if strings.Contains(name, d) {
				t.Errorf("a file of another district: %s", name)
			}
		}
		if strings.HasPrefix(name, "원본/") {
			continue // bytes as received; checked above
		}
		s := text(t, name, data)
		for _, d := range others {
			if strings.Contains(s, d) {
				t.Errorf("%s names another district, %s", name, d)
			}
		}
		for _, y := range []string{"2015년", "2018년", "2019년"} {
			if strings.Contains(s, y) {
				t.Errorf("%s shows a year outside 2016–2017: %s", name, y)
			}
		}
		if strings.Contains(s, phone) {
			t.Errorf("%s shows the phone number unmasked", name)
		}
	}
}

// checkBundleWorkbookAndManifest wants every sheet in the workbook with the
// phone masked, and the manifest to name the shared file left out
// (receipt number sharedID) and say contacts are masked.
func checkBundleWorkbookAndManifest(t *testing.T, got map[string][]byte, sharedID uint64) {
	t.Helper()
	xl := text(t, "x.xlsx", got["자료/관악구_2016-2017_기록.xlsx"])
	for _, sheet := range []string{"자치구", "혁신계획", "시민협력플랫폼", "플랫폼 구성", "교육회차", "접수"} {
		if !strings.Contains(xl, sheet+"\t") {
			t.Errorf("the workbook lacks sheet %s", sheet)
		}
	}
	if !strings.Contains(xl, "010-****-6789") {
		t.Errorf("the roster sheet must show the masked phone")
	}
	if want := fmt.Sprintf("넣지 않은 원본: 다른 자치구와 함께 담긴 파일 1건 (접수번호 %d)", sharedID); !strings.Contains(string(got["목록.txt"]), want) {
		t.Errorf("the manifest must say %q:\n%s", want, got["목록.txt"])
	}
	if !strings.Contains(string(got["목록.txt"]), "연락처: 가림") {
		t.Errorf("the manifest must say contacts are masked:\n%s", got["목록.txt"])
	}
}

// checkBundleAuditCSV wants the audit CSV to hold the district's changes
// only, as Excel reads it.
func checkBundleAuditCSV(t *testing.T, got map[string][]byte) {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(got["변경기록.csv"], []byte("\ufeff"))))
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 2 || rows[0][0] != "순번" {
		t.Fatalf("audit CSV: %v", rows)
	}
	for _, row := range rows[1:] {
		if !strings.Contains(row[6]+row[7], `"관악구"`) {
			t.Errorf("audit row of another record: %v", row)
		}
	}
}

func TestBundleWithContactsSaysSo(t *testing.T) {
	st, _ := bundleStore(t)
	var buf bytes.Buffer
	if _, err := Make(st, Options{District: "관악구", From: 2016, To: 2016, WithContacts: true}, &buf); err != nil {
		t.Fatal(err)
	}
	got, _ := entries(t, buf.Bytes())
	if !strings.Contains(string(got["목록.txt"]), "연락처: 입력한 그대로 (--with-contacts;") {
		t.Errorf("manifest:\n%s", got["목록.txt"])
	}
	if !strings.Contains(text(t, "x.xlsx", got["자료/관악구_2016_기록.xlsx"]), phone) {
		t.Error("with contacts the roster sheet shows the phone as entered")
	}
	if !strings.Contains(string(got["변경기록.csv"]), phone) {
		t.Error("with contacts the audit CSV keeps the phone")
	}
}

func TestBundleIsDeterministicAndVerifies(t *testing.T) {
	st, _ := bundleStore(t)
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.zip"), filepath.Join(dir, "b.zip")
	for _, p := range []string{a, b} {
		if _, err := WriteFile(st, Options{District: "관악구", From: 2016, To: 2017}, p); err != nil {
			t.Fatal(err)
		}
	}
	ab, _ := os.ReadFile(a)
	bb, _ := os.ReadFile(b)
	if !bytes.Equal(ab, bb) {
		t.Error("two bundles of the same data differ")
	}
	ex, err := st.Exports()
	if err != nil || len(ex) != 2 || ex[0].Report != RegisterName || ex[0].Format != "zip" || ex[0].District != "관악구" {
		t.Errorf("the export register must list both bundles: %v %+v", err, ex)
	}
	c, err := Verify(a)
	if err != nil || !c.OK() || c.Files < 6 {
		t.Fatalf("a fresh bundle must verify: %v %+v", err, c)
	}
	if tmp, _ := filepath.Glob(filepath.Join(dir, ".hyeopchi-bundle-*")); len(tmp) > 0 {
		t.Errorf("temporary files left: %v", tmp)
	}

	got, zfs := entries(t, ab)
	checkVerifyFindsAChangedFile(t, dir, got, zfs)
	checkVerifyFindsAFlippedByte(t, dir, ab, zfs)
	checkVerifyFindsAnExtraFile(t, dir, got, zfs)
}

// checkVerifyFindsAChangedFile changes one byte of one file, the zip
// otherwise sound, and wants Verify to name that file alone.
func checkVerifyFindsAChangedFile(t *testing.T, dir string, got map[string][]byte, zfs []*zip.File) {
	t.Helper()
	target := "자료/관악구_2016-2017_기록.xlsx"
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zfs {
		data := got[f.Name]
		if f.Name == target {
			data = append([]byte(nil), data...)
			data[len(data)/2] ^= 0x01
		}
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
		w.Write(data)
	}
	zw.Close()
	changed := filepath.Join(dir, "changed.zip")
	os.WriteFile(changed, out.Bytes(), 0o644)
	c, err := Verify(changed)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Problems) != 1 || !strings.HasPrefix(c.Problems[0], target+": 내용이 목록과 다릅니다") {
		t.Errorf("want one problem naming %s: %v", target, c.Problems)
	}
}

// checkVerifyFindsAFlippedByte flips one byte in the zip itself, inside a
// file's stored data, and wants Verify to name that file alone.
func checkVerifyFindsAFlippedByte(t *testing.T, dir string, ab []byte, zfs []*zip.File) {
	t.Helper()
	for _, f := range zfs {
		if f.Name != "변경기록.csv" {
			continue
		}
		off, err := f.DataOffset()
		if err != nil {
			t.Fatal(err)
		}
		raw := append([]byte(nil), ab...)
		raw[off+int64(f.CompressedSize64)/2] ^= 0xFF
		flipped := filepath.Join(dir, "flipped.zip")
		os.WriteFile(flipped, raw, 0o644)
		c, err := Verify(flipped)
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Problems) != 1 || !strings.HasPrefix(c.Problems[0], "변경기록.csv: ") {
			t.Errorf("want one problem naming 변경기록.csv: %v", c.Problems)
		}
	}
}

// checkVerifyFindsAnExtraFile slips in a file the manifest does not list
// and wants Verify to name it.
func checkVerifyFindsAnExtraFile(t *testing.T, dir string, got map[string][]byte, zfs []*zip.File) {
	t.Helper()
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zfs {
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
		w.Write(got[f.Name])
	}
	w, _ := zw.Create("원본/9999_덧붙임.xlsx")
	w.Write([]byte("x"))
	zw.Close()
	extra := filepath.Join(dir, "extra.zip")
	os.WriteFile(extra, out.Bytes(), 0o644)
	c, _ := Verify(extra)
	if len(c.Problems) != 1 || !strings.Contains(c.Problems[0], "원본/9999_덧붙임.xlsx: 목록에 없는 파일") {
		t.Errorf("want the extra file named: %v", c.Problems)
	}
}

func TestBundleRefusesWhatItCannotMake(t *testing.T) {
	st, _ := bundleStore(t)
	cases := []struct {
		opt  Options
		want string
	}{
		{Options{District: "부산진구", From: 2016, To: 2016}, "서울시 자치구가 아닙니다"},
		{Options{District: "관악구", From: 2018, To: 2016}, "기간이 맞지 않습니다"},
		{Options{District: "관악구", From: 2016}, "기간이 맞지 않습니다"},
	}
	for _, c := range cases {
		_, err := Make(st, c.opt, io.Discard)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: %v, want %q", c.opt, err, c.want)
		}
	}
}

func TestBundleWorkbookIsFormulaSafe(t *testing.T) {
	st, _ := bundleStore(t)
	ps, _ := st.Platforms(store.Filter{Year: 2016, District: "관악구"})
	ps[0].Note = "=HYPERLINK(\"http://example.com\",\"열기\")"
	if _, err := st.SavePlatform(&ps[0]); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := Make(st, Options{District: "관악구", From: 2016, To: 2016}, &buf); err != nil {
		t.Fatal(err)
	}
	got, _ := entries(t, buf.Bytes())
	f, err := excelize.OpenReader(bytes.NewReader(got["자료/관악구_2016_기록.xlsx"]))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("시민협력플랫폼")
	if len(rows) != 2 {
		t.Fatalf("platform sheet rows: %v", rows)
	}
	col := len(rows[0]) // 비고 is the last column
	ref, _ := excelize.CoordinatesToCellName(col, 2)
	if v, _ := f.GetCellValue("시민협력플랫폼", ref); v != ps[0].Note {
		t.Errorf("%s holds %q, want the note as text", ref, v)
	}
	if fm, _ := f.GetCellFormula("시민협력플랫폼", ref); fm != "" {
		t.Errorf("%s is a formula: %q", ref, fm)
	}
	id, _ := f.GetCellStyle("시민협력플랫폼", ref)
	style, err := f.GetStyle(id)
	if err != nil || style.NumFmt != 49 {
		t.Errorf("%s must have the text format (@) so that editing it keeps it text: %+v %v", ref, style, err)
	}
	if got := safeCell("=1+2"); got != "'=1+2" {
		t.Errorf("audit CSV cell %q", got)
	}
}

func TestVerifySaysWhatIsNotABundle(t *testing.T) {
	dir := t.TempDir()
	notZip := filepath.Join(dir, "x.zip")
	os.WriteFile(notZip, []byte("not a zip"), 0o644)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("보고서/a.pdf")
	w.Write([]byte("x"))
	zw.Close()
	noList := filepath.Join(dir, "nolist.zip")
	os.WriteFile(noList, buf.Bytes(), 0o644)
	for path, want := range map[string]string{
		filepath.Join(dir, "none.zip"): "없는 파일입니다",
		notZip:                         "zip 파일이 아닙니다",
		noList:                         "묶음의 목록(목록.txt)이 없습니다",
	} {
		if _, err := Verify(path); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", filepath.Base(path), err, want)
		}
	}
}
