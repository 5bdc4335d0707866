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
		if name == "school" {
			continue // schoolShots: the plan dates no session, so it uses synthetic data
		}
		u.SetYear(year)
		u.Show(i)
		u.SelectFirst()
		u.Wait() // e.g. the report preview, built in the background
		path := filepath.Join(out, fmt.Sprintf("%d-%s.png", i+1, name))
		if err := capture(w, path); err != nil {
			return err
		}
		fmt.Println(path)
	}
	// 혁신계획 again with 관악구's plan open and an amount typed as "25만":
	// 저장 refuses it and says why under the field.
	if u.OpenPlan(year, "관악구") && u.EnterPlanField("amount", "25만", true) {
		path := filepath.Join(out, "2-plans-form.png")
		if err := capture(w, path); err != nil {
			return err
		}
		fmt.Println(path)
	}
	return schoolShots(a, out)
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
	return f.Close()
}
