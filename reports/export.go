package reports

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/jung-kurt/gofpdf"

	"hyeopchi/store"
	"hyeopchi/store/safefile"
)

// Export builds report kind from st's records and writes it to path as PDF
// or xlsx (by the extension), through a temporary file so that a failed
// export never leaves half a file; the export register gets a line.
func Export(st *store.Store, kind string, year int, district, path string) (store.ExportEntry, error) {
	var e store.ExportEntry
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".pdf" && ext != ".xlsx" {
		return e, fmt.Errorf("%s: 파일 이름은 .pdf 또는 .xlsx 로 끝나야 합니다", path)
	}
	if err := safefile.CheckTarget(path); err != nil {
		return e, err
	}
	// the fonts are read (a sixth of a PDF's time) while the records are
	var fonts chan *gofpdf.Fpdf
	if ext == ".pdf" {
		fonts = make(chan *gofpdf.Fpdf, 1)
		go func() { fonts <- newFpdf() }()
	}
	data, err := st.ReportData()
	if err != nil {
		return e, err
	}
	if year == 0 {
		year = data.Settings.CurrentYear
	}
	in := FromDataset(data.Dataset, data.Submissions, data.Budget, year, district, st.Now())
	// a report allocates some 50 MB that is garbage right after: collect
	// less often while it is made (a quarter less time for the CLI)
	defer lessGC()()
	var buf bytes.Buffer
	pages := 0
	if ext == ".pdf" {
		var d *document
		if d, err = build(kind, &in); err == nil {
			_, pages, err = render(d, &in, &buf, <-fonts)
		}
	} else {
		err = XLSX(kind, in, &buf)
	}
	if err != nil {
		return e, err
	}
	if err := safefile.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return e, err
	}
	sum := sha256.Sum256(buf.Bytes())
	e = store.ExportEntry{Report: kind, Year: year, District: district, Format: ext[1:], Path: path,
		Pages: pages, SHA256: hex.EncodeToString(sum[:]), When: time.Now()}
	if st.ReadOnly() {
		return e, nil // the register is in the file, which may not be written
	}
	return e, st.RecordExport(e)
}

var (
	gcMu    sync.Mutex
	gcUsers int
	gcPrev  int
)

// lessGC raises the garbage collector's target while a report is made and
// returns the function that lowers it again (exports may overlap).
func lessGC() func() {
	gcMu.Lock()
	if gcUsers == 0 {
		gcPrev = debug.SetGCPercent(400)
	}
	gcUsers++
	gcMu.Unlock()
	return func() {
		gcMu.Lock()
		if gcUsers--; gcUsers == 0 {
			debug.SetGCPercent(gcPrev)
		}
		gcMu.Unlock()
	}
}
