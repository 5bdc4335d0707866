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

// winSize is the size of the window's content: the -size given (1366×728
// is a 1366×768 office laptop less its taskbar) less the menu bar, which
// the real window draws above the content and Fyne's test driver does not.
var winSize = fyne.NewSize(1366, 728)

// menuBar is the menu bar's height in the real window (measured under Xvfb).
const menuBar = 26

// files names each screen's PNG, in navigation order.
var files = []string{"dashboard", "plans", "platforms", "school", "budget", "intake", "reports", "audit"}

func main() {
	out := flag.String("out", "docs/screens", "folder for the PNG files")
	year := flag.Int("year", 2016, "year shown")
	size := flag.String("size", "1366x728", "window size, WIDTHxHEIGHT")
	flag.Parse()
	if _, err := fmt.Sscanf(*size, "%fx%f", &winSize.Width, &winSize.Height); err != nil {
		fmt.Fprintln(os.Stderr, "screenshots: -size:", err)
		os.Exit(2)
	}
	winSize.Height -= menuBar
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
	w.Resize(winSize)
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for i, name := range files {
		if name == "school" {
			continue // schoolShots: the plan dates no session, so it uses synthetic data
		}
		u.SetYear(year)
		if i == 4 { // the plan's budget and calendar are of 2017
			u.SetYear(store.SeedYear)
		}
		u.Show(i)
		u.SelectFirst()
		u.Wait() // e.g. the report preview, built in the background
		path := filepath.Join(out, fmt.Sprintf("%d-%s.png", i+1, name))
		if err := capture(w, path); err != nil {
			return err
		}
	}
	// 혁신계획 again with 관악구's plan open and an amount typed as "25만":
	// 저장 refuses it and says why under the field.
	if u.OpenPlan(year, "관악구") && u.EnterPlanField("amount", "25만", true) {
		path := filepath.Join(out, "2-plans-form.png")
		if err := capture(w, path); err != nil {
			return err
		}
		u.DiscardChanges()
	}
	// Scenes beyond each screen's first look, over a little more data than
	// the plan gives (contacts, a 2017 roster), added after the shots above.
	if err := sceneData(st); err != nil {
		return err
	}
	for i, name := range files {
		for _, sc := range u.Scenes(i) {
			if sc.Year != 0 {
				u.SetYear(sc.Year)
			}
			u.SetDistrict(sc.District)
			u.Show(i)
			sc.Show()
			err := capture(w, filepath.Join(out, fmt.Sprintf("%d-%s-%s.png", i+1, name, sc.Name)))
			for o := w.Canvas().Overlays().Top(); o != nil; o = w.Canvas().Overlays().Top() {
				w.Canvas().Overlays().Remove(o)
			}
			if err != nil {
				return err
			}
		}
	}
	if err := pickerShots(u, w, dir, out); err != nil {
		return err
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
	if err := schoolShots(a, out); err != nil {
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
	w.Resize(winSize)
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

// sceneData gives 강북구 made-up contacts and indicators, and a 2017 roster
// copied from 2016 with one member more, one less and a new manager.
func sceneData(st *store.Store) error {
	ps, err := st.Platforms(store.Filter{Year: 2016, District: "강북구"})
	if err != nil || len(ps) != 1 {
		return fmt.Errorf("강북구 2016: %v", err)
	}
	p := ps[0]
	p.Members[0].Contact = "010-0000-1234"
	p.Members[len(p.Members)-1].Contact = "gangbuk@example.kr"
	p.Indicators = []store.Indicator{
		{Common: true, Name: "네트워크 참여 단체 수", Target: "20개", Result: "23개"},
		{Common: true, Name: "공론장 개최", Target: "6회", Result: "7회"},
		{Name: "주민 제안 의제 발굴", Target: "12건", Result: "9건"},
	}
	if _, err := st.SavePlatform(&p); err != nil {
		return err
	}
	next, _, err := st.CopyRosterToNextYear(p.ID)
	if err != nil {
		return err
	}
	next.Members = append(next.Members[:2:2], // 정명훈's centre leaves
		store.Member{Role: store.RoleMember, Org: "강북청년네트워크", Rep: "박청년"},
		store.Member{Role: store.RoleManager, Rep: "김지은", Note: "강북마을 사무국장", Contact: "010-0000-5678"})
	next.Members[1].Rep = "한동수"
	next.Status, next.Growth = "협약체결", 2
	_, err = st.SavePlatform(&next)
	return err
}

// pickerShots shows the window's own file dialogs (where the system has
// none) over a folder of received files: opening a district file, and
// saving a report with a folder that does not exist typed in the name.
func pickerShots(u *ui.App, w fyne.Window, dir, out string) error {
	files := filepath.Join(dir, "받은 파일")
	if err := os.MkdirAll(filepath.Join(files, "2016"), 0o755); err != nil {
		return err
	}
	for _, n := range []string{"관악구_2016.xlsx", "강북구_2016.xlsx", "성동구_혁신계획.csv", "회의록.hwp"} {
		if err := os.WriteFile(filepath.Join(files, n), []byte("x"), 0o644); err != nil {
			return err
		}
	}
	clear := func() {
		for o := w.Canvas().Overlays().Top(); o != nil; o = w.Canvas().Overlays().Top() {
			w.Canvas().Overlays().Remove(o)
		}
	}
	u.Show(5)
	u.ShowPicker(false, files, "", []string{".xlsx", ".csv"})
	err := capture(w, filepath.Join(out, "6-intake-open-dialog.png"))
	clear()
	if err != nil {
		return err
	}
	return nil
}
