package reports

import (
	"io"
	"testing"
)

// BenchmarkAnnualReport makes the annual report of the last year of a
// ten-year database, in process.
func BenchmarkAnnualReport(b *testing.B) {
	in := synthetic(10)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := PDF(KindAnnual, in, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnnualWorkbook is the same report's workbook.
func BenchmarkAnnualWorkbook(b *testing.B) {
	in := synthetic(10)
	b.ReportAllocs()
	for b.Loop() {
		if err := XLSX(KindAnnual, in, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
