package reports

import (
	"io"
	"path/filepath"
	"testing"
	"time"

	"hyeopchi/store"
)

// syntheticStore is a real database file with the plan's data and ten
// years of generated data, read back as the CLI and the window read it.
func syntheticStore(b *testing.B) Input {
	b.Helper()
	st, err := store.Create(filepath.Join(b.TempDir(), "bench.db"), store.WithSynthetic(store.SeedData(), 10, 1))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	data, err := st.ReportData()
	if err != nil {
		b.Fatal(err)
	}
	return FromDataset(data.Dataset, data.Submissions, data.Budget, 2026, "", time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
}

// BenchmarkAnnualReport makes the annual report of the last year of a
// ten-year synthetic database, in process, and reports pages per second
// (the README quotes it).
func BenchmarkAnnualReport(b *testing.B) {
	in := syntheticStore(b)
	b.ReportAllocs()
	var pages, made int
	for b.Loop() {
		var err error
		if pages, err = PDF(KindAnnual, in, io.Discard); err != nil {
			b.Fatal(err)
		}
		made += pages
	}
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(float64(made)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkAnnualWorkbook is the same report's workbook.
func BenchmarkAnnualWorkbook(b *testing.B) {
	in := syntheticStore(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := XLSX(KindAnnual, in, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
