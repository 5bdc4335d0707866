package workbook

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"hyeopchi/store"
)

// deflateChunk compresses b into byte-aligned, non-final deflate blocks
// that stand on their own, so that copies of it can be concatenated; final
// ends the stream instead.
func deflateChunk(t testing.TB, b []byte, final bool) []byte {
	t.Helper()
	var out bytes.Buffer
	w, err := flate.NewWriter(&out, flate.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(b); err != nil {
		t.Fatal(err)
	}
	if final {
		err = w.Close()
	} else {
		err = w.Flush()
	}
	if err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// buildZipBomb writes, in dir, an xlsx whose one worksheet is valid XML
// that unzips to about mib MiB of spaces from a file of about mib KiB. With
// lie, the zip's directory claims the sheet is only 1 MiB.
func buildZipBomb(t testing.TB, dir string, mib int, lie bool) string {
	t.Helper()
	path := filepath.Join(dir, "bomb.xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	zw := zip.NewWriter(f)
	small := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
			`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="혁신계획" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(small[name])); err != nil {
			t.Fatal(err)
		}
	}
	head := []byte(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	tail := []byte(`</sheetData></worksheet>`)
	spaces := bytes.Repeat([]byte(" "), 1<<20)
	crc := crc32.Update(0, crc32.IEEETable, head)
	for range mib {
		crc = crc32.Update(crc, crc32.IEEETable, spaces)
	}
	crc = crc32.Update(crc, crc32.IEEETable, tail)
	a, b, c := deflateChunk(t, head, false), deflateChunk(t, spaces, false), deflateChunk(t, tail, true)
	size := uint64(len(head)) + uint64(mib)<<20 + uint64(len(tail))
	if lie {
		size = 1 << 20
	}
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate, CRC32: crc,
		CompressedSize64: uint64(len(a) + mib*len(b) + len(c)), UncompressedSize64: size,
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, chunk := range append(append([][]byte{a}, repeat(b, mib)...), c) {
		if _, err := w.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func repeat(b []byte, n int) [][]byte {
	out := make([][]byte, n)
	for i := range out {
		out[i] = b
	}
	return out
}

// The bomb is real: unzipped, its sheet is as large as it claims.
func TestZipBombIsReal(t *testing.T) {
	path := buildZipBomb(t, t.TempDir(), 8, false)
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = zr.Close() }()
	for _, zf := range zr.File {
		if zf.Name != "xl/worksheets/sheet1.xml" {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		n, err := io.Copy(io.Discard, rc)
		if err != nil || n < 8<<20 {
			t.Fatalf("sheet unzips to %d bytes, err %v; want 8 MiB and a good checksum", n, err)
		}
		return
	}
	t.Fatal("no sheet in the bomb")
}

// readMeasured reads a file and reports the bytes allocated meanwhile.
func readMeasured(t *testing.T, path string) ([]Problem, uint64) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, probs := Read(filepath.Base(path), data)
	runtime.ReadMemStats(&after)
	return probs, after.TotalAlloc - before.TotalAlloc
}

// A zip bomb is refused with one line, allocating far less than it would
// unzip to (and less than 200 MB in all).
func TestZipBombRefused(t *testing.T) {
	const limit = 200 << 20
	t.Run("2 GiB sheet", func(t *testing.T) {
		path := buildZipBomb(t, t.TempDir(), 2048, false)
		if fi, _ := os.Stat(path); fi.Size() > 4<<20 {
			t.Fatalf("the bomb is %d bytes; it should be small", fi.Size())
		}
		probs, alloc := readMeasured(t, path)
		if len(probs) != 1 || !strings.Contains(probs[0].String(), "bomb.xlsx: 압축을 풀면 40MB가 넘습니다") {
			t.Fatalf("problems = %v, want the one zip bomb line", probs)
		}
		t.Logf("allocated %.1f KB", float64(alloc)/(1<<10))
		if alloc > limit {
			t.Errorf("allocated %d bytes reading the bomb, want under %d", alloc, limit)
		}
	})
	t.Run("sizes that lie", func(t *testing.T) {
		// The directory claims 1 MiB; the data unzips to 256 MiB.
		path := buildZipBomb(t, t.TempDir(), 256, true)
		probs, alloc := readMeasured(t, path)
		if len(probs) != 1 || !strings.Contains(probs[0].Message, notSpreadsheet) {
			t.Fatalf("problems = %v, want one line saying the file is broken", probs)
		}
		t.Logf("allocated %.1f KB", float64(alloc)/(1<<10))
		if alloc > limit {
			t.Errorf("allocated %d bytes reading the bomb, want under %d", alloc, limit)
		}
	})
}

// BenchmarkReadZipBomb measures the time and memory a 2 GiB bomb costs
// before it is refused.
func BenchmarkReadZipBomb(b *testing.B) {
	data, err := os.ReadFile(buildZipBomb(b, b.TempDir(), 2048, false))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, probs := Read("bomb.xlsx", data); len(probs) != 1 {
			b.Fatal(probs)
		}
	}
}

// BenchmarkReadGoodWorkbook measures reading an ordinary district file.
func BenchmarkReadGoodWorkbook(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(fixtureDir, "lo-good.xlsx"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, probs := Read("lo-good.xlsx", data); len(probs) != 0 {
			b.Fatal(probs)
		}
	}
}

// bigWorkbook is a 교육 sheet of n session rows, written with excelize's
// stream writer.
func bigWorkbook(t testing.TB, n int) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer func() { _ = f.Close() }()
	if err := f.SetSheetName("Sheet1", "교육"); err != nil {
		t.Fatal(err)
	}
	sw, err := f.NewStreamWriter("교육")
	if err != nil {
		t.Fatal(err)
	}
	if err := sw.SetRow("A1", []any{"과정", "회차", "일자", "시간", "자치구", "장소", "정원", "참석 남", "참석 여", "참석 계"}); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		row := []any{"찾아가는 협치 이해교육", i + 1, 42837 + i%300, "14:00-17:00", store.Districts[i%25], "구청 대회의실", 40, 12, 20, 32}
		if err := sw.SetRow(cellName(0, i+2), row); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// A sheet at the row limit is read; one row more is refused with one line.
func TestReadXLSXRowLimit(t *testing.T) {
	data := bigWorkbook(t, maxDataRows)
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	p, probs := Read("big.xlsx", data)
	runtime.ReadMemStats(&after)
	if len(probs) != 0 || len(p.Sessions) != maxDataRows {
		t.Fatalf("%d sessions, problems %v", len(p.Sessions), probs)
	}
	t.Logf("%d rows: file %.1f MB, allocated %.1f MB", maxDataRows, float64(len(data))/(1<<20), float64(after.TotalAlloc-before.TotalAlloc)/(1<<20))
	_, probs = Read("bigger.xlsx", bigWorkbook(t, maxDataRows+1))
	if len(probs) != 1 || probs[0].String() != "bigger.xlsx:교육: 데이터 행이 너무 많습니다 (10,001행): 시트마다 10,000행까지 읽습니다" {
		t.Fatalf("problems = %v", probs)
	}
}

// BenchmarkReadLargeWorkbook reads a sheet at the row limit.
func BenchmarkReadLargeWorkbook(b *testing.B) {
	data := bigWorkbook(b, maxDataRows)
	b.ReportAllocs()
	for b.Loop() {
		if _, probs := Read("big.xlsx", data); len(probs) != 0 {
			b.Fatal(probs)
		}
	}
}
