// Command screenshots renders every screen of hyeopchi with Fyne's test
// driver (no display needed) over a database holding the plan's data, and
// writes one PNG per screen: make screenshots.
package main

import (
	_ "envfix" // a locale Fyne can parse, before it reads it

	"flag"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hyeopchi/store"
	"hyeopchi/ui"
)

// files names each screen's PNG, in navigation order.
var files = []string{"dashboard", "plans", "platforms", "school", "budget", "intake", "reports", "audit"}

func main() {
	out := flag.String("out", "docs/screens", "folder for the PNG files")
	year := flag.Int("year", 2016, "year shown")
	flag.Parse()
	if err := run(*out, *year); err != nil {
		fmt.Fprintln(os.Stderr, "screenshots:", err)
		os.Exit(1)
	}
}

func run(out string, year int) error {
	dir, err := os.MkdirTemp("", "hyeopchi-shots")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	st, err := store.Create(filepath.Join(dir, "hyeopchi.db"), store.SeedData())
	if err != nil {
		return err
	}
	defer st.Close()
	st.Now = func() time.Time { return time.Date(2017, 3, 2, 10, 0, 0, 0, time.Local) }

	a := test.NewApp()
	defer a.Quit()
	a.Settings().SetTheme(ui.NewTheme())
	w := a.NewWindow("협치 사무국")
	u := ui.Create(a, w, st)
	w.Resize(fyne.NewSize(1280, 800))
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for i, name := range files {
		u.SetYear(year)
		if i == 4 { // the plan's budget and calendar are of 2017
			u.SetYear(store.SeedYear)
		}
		u.Show(i)
		u.SelectFirst()
		if err := capture(w, filepath.Join(out, fmt.Sprintf("%d-%s.png", i+1, name))); err != nil {
			return err
		}
	}
	u.SetYear(store.SeedYear)
	u.Show(4)
	u.SelectTab(1)
	u.SelectFirst()
	if err := capture(w, filepath.Join(out, "5-budget-calendar.png")); err != nil {
		return err
	}
	u.SelectTab(2)
	if err := capture(w, filepath.Join(out, "5-budget-timeline.png")); err != nil {
		return err
	}
	return overviewShots(a, dir, out)
}

// overviewShots shows 현황 and 예산·일정 over a year of generated data on a
// July day, when deadlines are near or past and money is committed.
func overviewShots(a fyne.App, dir, out string) error {
	st, err := store.Create(filepath.Join(dir, "synthetic.db"), store.WithSynthetic(store.SeedData(), 1, 2017))
	if err != nil {
		return err
	}
	defer st.Close()
	st.Now = func() time.Time { return time.Date(2017, 7, 27, 10, 0, 0, 0, time.Local) }
	w := a.NewWindow("협치 사무국")
	u := ui.Create(a, w, st)
	w.Resize(fyne.NewSize(1280, 800))
	u.SetYear(store.SeedYear)
	u.Show(0)
	if err := capture(w, filepath.Join(out, "1-dashboard-2017-07.png")); err != nil {
		return err
	}
	u.Show(4)
	u.SelectTab(0)
	u.SelectFirst()
	if err := capture(w, filepath.Join(out, "5-budget-2017-07.png")); err != nil {
		return err
	}
	u.SelectTab(2)
	return capture(w, filepath.Join(out, "5-budget-timeline-2017-07.png"))
}

func capture(w fyne.Window, path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Println(path)
	return nil
}
