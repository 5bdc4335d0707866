package reports

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strings"
	"time"

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
	data, err := st.ReportData()
	if err != nil {
		return e, err
	}
	if year == 0 {
		year = data.Settings.CurrentYear
	}
	in := FromDataset(data.Dataset, data.Submissions, data.Budget, year, district, st.Now())
	var buf bytes.Buffer
	pages := 0
	if ext == ".pdf" {
		pages, err = PDF(kind, in, &buf)
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
