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
	"slices"
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

// run draws every screen over the plan's data into out, then the scenes,
// the file dialog, and the screens that need generated data.
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
	d := ui.Drive(ui.Create(a, w, st))
	w.Resize(winSize)
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	if err := firstLooks(d, w, out, year); err != nil {
		return err
	}
	if err := refusedSave(d, w, out, year); err != nil {
		return err
	}
	// Scenes beyond each screen's first look, over a little more data than
	// the plan gives (contacts, a 2017 roster), added after the shots above.
	if err := sceneData(st); err != nil {
		return err
	}
	if err := sceneShots(d, w, out); err != nil {
		return err
	}
	if err := pickerShots(d, w, dir, out); err != nil {
		return err
	}
	if err := budgetTabs(d, w, out); err != nil {
		return err
	}
	if err := schoolShots(a, out); err != nil {
		return err
	}
	return overviewShots(a, dir, out)
}

// shotPath is the file of screen id's picture (its place in the navigation,
// then its ID) with an optional scene name: 2-plans.png, 2-plans-form.png.
func shotPath(d ui.Driver, out string, id ui.ScreenID, scene string) string {
	n := slices.Index(d.Screens(), id) + 1
	if scene == "" {
		return filepath.Join(out, fmt.Sprintf("%d-%s.png", n, id))
	}
	return filepath.Join(out, fmt.Sprintf("%d-%s-%s.png", n, id, scene))
}

// firstLooks draws each screen as it opens, with its first row selected.
func firstLooks(d ui.Driver, w fyne.Window, out string, year int) error {
	for _, id := range d.Screens() {
		if id == ui.ScreenSchool {
			continue // schoolShots: the plan dates no session, so it uses synthetic data
		}
		d.SetYear(year)
		if id == ui.ScreenBudget { // the plan's budget and calendar are of 2017
			d.SetYear(store.SeedYear)
		}
		d.Show(id)
		d.SelectFirst()
		d.Wait() // e.g. the report preview, built in the background
		if err := capture(w, shotPath(d, out, id, "")); err != nil {
			return err
		}
	}
	return nil
}

// refusedSave shows 혁신계획 again with 관악구's plan open and an amount
// typed as "25만": 저장 refuses it and says why under the field.
func refusedSave(d ui.Driver, w fyne.Window, out string, year int) error {
	if !d.OpenPlan(year, "관악구") || !d.EnterPlanField("amount", "25만", true) {
		return nil
	}
	if err := capture(w, shotPath(d, out, ui.ScreenPlans, "form")); err != nil {
		return err
	}
	d.DiscardChanges()
	return nil
}

// sceneShots draws the scenes each screen lists beyond its first look.
func sceneShots(d ui.Driver, w fyne.Window, out string) error {
	for _, id := range d.Screens() {
		for _, sc := range d.Scenes(id) {
			if sc.Year != 0 {
				d.SetYear(sc.Year)
			}
			d.SetDistrict(sc.District)
			d.Show(id)
			sc.Show()
			err := capture(w, shotPath(d, out, id, sc.Name))
			clearOverlays(w)
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// clearOverlays closes every dialog open on w.
func clearOverlays(w fyne.Window) {
	for o := w.Canvas().Overlays().Top(); o != nil; o = w.Canvas().Overlays().Top() {
		w.Canvas().Overlays().Remove(o)
	}
}

// budgetTabs draws 예산·일정's calendar list and year timeline.
func budgetTabs(d ui.Driver, w fyne.Window, out string) error {
	d.SetYear(store.SeedYear)
	d.Show(ui.ScreenBudget)
	d.SelectTab(1)
	d.SelectFirst()
	if err := capture(w, shotPath(d, out, ui.ScreenBudget, "calendar")); err != nil {
		return err
	}
	d.SelectTab(2)
	return capture(w, shotPath(d, out, ui.ScreenBudget, "timeline"))
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
	d := ui.Drive(ui.Create(a, w, st))
	w.Resize(winSize)
	d.SetYear(store.SeedYear)
	d.Show(ui.ScreenDashboard)
	if err := capture(w, shotPath(d, out, ui.ScreenDashboard, "2017-07")); err != nil {
		return err
	}
	d.Show(ui.ScreenBudget)
	d.SelectTab(0)
	d.SelectFirst()
	if err := capture(w, shotPath(d, out, ui.ScreenBudget, "2017-07")); err != nil {
		return err
	}
	d.SelectTab(2)
	return capture(w, shotPath(d, out, ui.ScreenBudget, "timeline-2017-07"))
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
	next.Status, next.Growth = store.PlatformAgreement, 2
	_, err = st.SavePlatform(&next)
	return err
}

// pickerShots shows the window's own file dialogs (where the system has
// none) over a folder of received files: opening a district file, and
// saving a report with a folder that does not exist typed in the name.
func pickerShots(d ui.Driver, w fyne.Window, dir, out string) error {
	files := filepath.Join(dir, "받은 파일")
	if err := os.MkdirAll(filepath.Join(files, "2016"), 0o755); err != nil {
		return err
	}
	for _, n := range []string{"관악구_2016.xlsx", "강북구_2016.xlsx", "성동구_혁신계획.csv", "회의록.hwp"} {
		if err := os.WriteFile(filepath.Join(files, n), []byte("x"), 0o644); err != nil {
			return err
		}
	}
	d.Show(ui.ScreenIntake)
	d.ShowPicker(false, files, "", []string{".xlsx", ".csv"})
	err := capture(w, shotPath(d, out, ui.ScreenIntake, "open-dialog"))
	clearOverlays(w)
	return err
}
