package workbook_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"hyeopchi/store"
	"hyeopchi/store/workbook"
	"hyeopchi/store/workbook/wbtest"
)

// seededCopy copies a seeded data file for one iteration: making it is
// not what the benchmark measures.
func seededCopy(b *testing.B, seed []byte, i int) *store.Store {
	b.Helper()
	path := filepath.Join(b.TempDir(), fmt.Sprintf("b%d.db", i))
	if err := os.WriteFile(path, seed, 0o600); err != nil {
		b.Fatal(err)
	}
	st, err := store.Open(path, &store.Options{NoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	return st
}

func seedFile(b *testing.B) []byte {
	b.Helper()
	path := filepath.Join(b.TempDir(), "seed.db")
	st, err := store.Create(path, store.SeedData())
	if err != nil {
		b.Fatal(err)
	}
	st.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// benchImport imports one workbook into a fresh copy of the seeded file
// per iteration: read, match, rules, backup, one transaction, register.
func benchImport(b *testing.B, opt wbtest.Options) {
	r := wbtest.Build(opt)
	data, err := wbtest.Workbook(r)
	if err != nil {
		b.Fatal(err)
	}
	seed := seedFile(b)
	files := []workbook.File{{Name: "25개구.xlsx", Data: data}}
	b.ReportAllocs()
	b.ReportMetric(float64(r.Rows()), "rows")
	i := 0
	for b.Loop() {
		b.StopTimer()
		st := seededCopy(b, seed, i)
		i++
		b.StartTimer()
		rep, err := workbook.ImportFiles(st, files, false)
		if err != nil || !rep.OK() || !rep.Applied {
			b.Fatalf("import: %v %v", err, rep.Problems)
		}
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
}

// BenchmarkImport25Districts imports all 25 districts' year (25 plans,
// 190 roster rows, 750 sessions: 965 rows) into the seeded file.
func BenchmarkImport25Districts(b *testing.B) { benchImport(b, wbtest.Options{}) }

// BenchmarkImportRows imports 25-district workbooks of growing size up to
// 10,000 rows: the time per row stays flat when the cost is linear.
func BenchmarkImportRows(b *testing.B) {
	for _, per := range []int{30, 90, 190, 390} {
		r := wbtest.Build(wbtest.Options{SessionsPerDistrict: per})
		b.Run(fmt.Sprintf("rows=%d", r.Rows()), func(b *testing.B) {
			benchImport(b, wbtest.Options{SessionsPerDistrict: per})
		})
	}
}

// BenchmarkImportAgain imports a 10,000-row workbook that was imported
// before: it is known by its sha256 and not read.
func BenchmarkImportAgain(b *testing.B) {
	data, err := wbtest.Districts25(wbtest.Options{SessionsPerDistrict: 390})
	if err != nil {
		b.Fatal(err)
	}
	st := seededCopy(b, seedFile(b), 0)
	defer st.Close()
	files := []workbook.File{{Name: "25개구.xlsx", Data: data}}
	if _, err := workbook.ImportFiles(st, files, false); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		rep, err := workbook.ImportFiles(st, files, false)
		if err != nil || len(rep.Known) != 1 {
			b.Fatalf("not recognised: %v %+v", err, rep.Known)
		}
	}
}
