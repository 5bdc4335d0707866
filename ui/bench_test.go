package ui

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hyeopchi/store"
)

// BenchmarkCreateWindow builds the whole window over a ten-year file and
// shows every screen once: what the coordinator waits for at start-up and
// on first visiting each screen.
func BenchmarkCreateWindow(b *testing.B) {
	st, err := store.Create(filepath.Join(b.TempDir(), "bench.db"), store.WithSynthetic(store.SeedData(), 10, 1))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	a := test.NewApp()
	defer a.Quit()
	a.Settings().SetTheme(NewTheme())
	b.ReportAllocs()
	for b.Loop() {
		w := a.NewWindow("")
		u := Create(a, w, st)
		w.Resize(fyne.NewSize(1280, 800))
		for _, id := range Drive(u).Screens() {
			Drive(u).Show(id)
		}
		u.waitAll()
		w.Close()
	}
}
