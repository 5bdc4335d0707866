package ui

import (
	"time"
)

// Driver works a built window as the coordinator would, without a mouse:
// it chooses screens, tabs, rows and the top bar's filter, types into the
// plan's form and waits for background work. It is for tests and
// ui/screenshots only; the program itself never uses it.
type Driver interface {
	// Screens lists the screens in navigation order (Ctrl+1 … Ctrl+8).
	Screens() []ScreenID
	// Show switches to a screen, as a tap in the navigation would.
	Show(id ScreenID)
	// Current is the screen shown.
	Current() ScreenID
	// SetYear chooses the year in the top bar.
	SetYear(y int)
	// SetDistrict chooses a district ("" for all) in the top bar.
	SetDistrict(d string)
	// SelectFirst selects the first row of the current screen, if it has rows.
	SelectFirst()
	// SelectTab shows tab i of the current screen, if it has tabs.
	SelectTab(i int)
	// Wait blocks until the current screen's background work (a report
	// preview, a save) is done.
	Wait()
	// DiscardChanges drops what was typed in the form last typed in (as 취소).
	DiscardChanges()
	// Scenes lists the extra scenes of a screen (none for most screens).
	Scenes(id ScreenID) []Scene
	// OpenPlan shows 혁신계획 with a district's plan of a year in the form;
	// false if there is none.
	OpenPlan(year int, district string) bool
	// EnterPlanField types text into a field of the open plan's form (by the
	// record's JSON field name: "amount", "start", …) and, if save, presses
	// 저장; false if the form has no such field or no plan is open.
	EnterPlanField(name, text string, save bool) bool
	// ShowSchool opens 협치학교 on a tab (일정, 통계, 행사, 과정), the calendar
	// on month (0 keeps it) and the statistics grouped by (과정별, 자치구별,
	// 월별; "" keeps it).
	ShowSchool(tab string, month time.Month, statsBy string)
	// ShowPicker opens the window's own file dialog in dir.
	ShowPicker(save bool, dir, name string, exts []string)
}

// Drive returns the Driver of u. For tests and ui/screenshots only.
func Drive(u *App) Driver { return driver{u} }

// driver is the Driver of one window.
type driver struct{ u *App }

func (d driver) Screens() []ScreenID {
	ids := make([]ScreenID, len(screenTable))
	for i, s := range screenTable {
		ids[i] = s.id
	}
	return ids
}

func (d driver) Show(id ScreenID)        { d.u.showScreen(id) }
func (d driver) Current() ScreenID       { return d.u.currentID() }
func (d driver) SetYear(y int)           { d.u.setYear(y) }
func (d driver) SetDistrict(dist string) { d.u.setDistrict(dist) }
func (d driver) SelectFirst()            { d.u.selectFirst() }

func (d driver) SelectTab(i int) {
	if t, ok := d.u.screens[d.u.current].(tabber); ok {
		t.selectTab(i)
	}
}

func (d driver) Wait() {
	if w, ok := d.u.screens[d.u.current].(waiter); ok {
		w.wait()
	}
}

func (d driver) DiscardChanges() {
	if f := d.u.env.active; f != nil && f.dirty {
		f.cancel.OnTapped()
		f.markClean()
	}
}

func (d driver) Scenes(id ScreenID) []Scene {
	if s, ok := d.u.screen(id).(scener); ok {
		return s.scenes()
	}
	return nil
}

func (d driver) OpenPlan(year int, district string) bool {
	d.u.setYear(year)
	d.u.showScreen(ScreenPlans)
	s := d.u.screen(ScreenPlans).(*plansScreen)
	for i, p := range s.plans {
		if p.District == district {
			s.grid.SelectRow(i)
			return s.detail.plan.ID == p.ID
		}
	}
	return false
}

func (d driver) EnterPlanField(name, text string, save bool) bool {
	pd := d.u.screen(ScreenPlans).(*plansScreen).detail
	en := pd.input(name)
	if en == nil || !pd.editing {
		return false
	}
	en.SetText(text)
	if save {
		pd.form.save.Run()
		pd.pane.Refresh()
	}
	return true
}

func (d driver) ShowSchool(tab string, month time.Month, statsBy string) {
	s, ok := d.u.screen(ScreenSchool).(*schoolScreen)
	if !ok {
		return
	}
	d.u.showScreen(ScreenSchool)
	s.showTab(tab)
	if month != 0 {
		s.cal.setMonth(month)
	}
	if statsBy != "" {
		s.stats.by.SetSelected(statsBy)
	}
}

func (d driver) ShowPicker(save bool, dir, name string, exts []string) {
	d.u.env.app.Preferences().SetString(prefLastDir, dir)
	newPicker(d.u.env, save, name, exts, func(string) {}, "")
}
