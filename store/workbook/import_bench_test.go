package workbook

import (
	"os"
	"path/filepath"
	"testing"

	"hyeopchi/store"
)

// BenchmarkImportDryRun checks a district workbook against a ten-year
// file: reading, matching and every rule, as the preview does.
func BenchmarkImportDryRun(b *testing.B) {
	st, err := store.Create(filepath.Join(b.TempDir(), "bench.db"), store.WithSynthetic(store.SeedData(), 10, 1))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "workbook", "good.xlsx"))
	if err != nil {
		b.Fatal(err)
	}
	files := []File{{Name: "good.xlsx", Data: data}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ImportFiles(st, files, true); err != nil {
			b.Fatal(err)
		}
	}
}
