package ui

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// cutObjects lists what the window shows but never laid out, or narrower
// than it needs (a label, field or button whose right part is cut off, a
// form wider than its pane), or past the window's right edge, and every Grid whose key columns
// do not all show without scrolling. Lists, tables and scrolls that move
// sideways show their own content partly by design: their inside is not
// checked, they themselves are.
func cutObjects(w fyne.Window, keys bool) []string {
	var out []string
	d := fyne.CurrentApp().Driver()
	winW := w.Canvas().Size().Width
	var walk func(o fyne.CanvasObject, path string)
	walk = func(o fyne.CanvasObject, path string) {
		if o == nil || !o.Visible() {
			return
		}
		name := describe(o)
		here := path + "/" + name
		min, size := o.MinSize(), o.Size()
		// (Fyne's dialogs keep a spare title label of no size.)
		if size.Width == 0 && size.Height == 0 && min.Width > 1 && min.Height > 1 && !strings.HasPrefix(here, "overlay") {
			out = append(out, fmt.Sprintf("%s: shown but never laid out (needs %.0f×%.0f)", here, min.Width, min.Height))
			return
		}
		if size.Width > 0 && min.Width > size.Width+1 {
			out = append(out, fmt.Sprintf("%s: needs %.0f wide, has %.0f", here, min.Width, size.Width))
			return // report the outermost cut only
		}
		if pos := d.AbsolutePositionForObject(o); size.Width > 0 && pos.X+size.Width > winW+1 {
			out = append(out, fmt.Sprintf("%s: ends at %.0f, past the window (%.0f)", here, pos.X+size.Width, winW))
			return
		}
		switch x := o.(type) {
		case *Grid:
			if vis, need := x.Size().Width, x.keyWidth(); keys && need > vis+1 {
				out = append(out, fmt.Sprintf("%s: key columns need %.0f wide, table has %.0f", here, need, vis))
			}
			return
		case *widget.Table, *widget.List, *widget.GridWrap, *widget.Tree, *widget.Entry:
			return
		case *container.Scroll:
			if x.Direction != container.ScrollVerticalOnly && x.Direction != container.ScrollNone {
				return
			}
			walk(x.Content, here)
			return
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c, here)
			}
			return
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c, here)
			}
		}
	}
	walk(w.Content(), "")
	for _, o := range w.Canvas().Overlays().List() {
		walk(o, "overlay")
	}
	return out
}

// appTabs finds the tab containers in o.
func appTabs(o fyne.CanvasObject) []*container.AppTabs {
	var out []*container.AppTabs
	switch x := o.(type) {
	case *container.AppTabs:
		out = append(out, x)
		for _, it := range x.Items {
			out = append(out, appTabs(it.Content)...)
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			out = append(out, appTabs(c)...)
		}
	case *container.Split:
		out = append(append(out, appTabs(x.Leading)...), appTabs(x.Trailing)...)
	case *container.Scroll:
		out = append(out, appTabs(x.Content)...)
	}
	return out
}

func describe(o fyne.CanvasObject) string {
	t := reflect.TypeOf(o).String()
	switch x := o.(type) {
	case *widget.Label:
		return fmt.Sprintf("%s(%q)", t, short(x.Text))
	case *widget.Button:
		return fmt.Sprintf("%s(%q)", t, short(x.Text))
	case *widget.Check:
		return fmt.Sprintf("%s(%q)", t, short(x.Text))
	case *widget.Select:
		return fmt.Sprintf("%s(%q)", t, short(x.Selected))
	}
	return t
}

func short(s string) string {
	if r := []rune(s); len(r) > 20 {
		return string(r[:20]) + "…"
	}
	return s
}

// layoutStates shows every screen, with its first row open, its scenes,
// and the new-record forms, and calls check on each.
func layoutStates(t *testing.T, u *App, checkNow func(state string)) {
	t.Helper()
	check := func(state string) {
		u.waitAll() // a report preview built in the background lands first
		checkNow(state)
	}
	for i, id := range Drive(u).Screens() {
		name := id.Title()
		Drive(u).SetYear(2016)
		Drive(u).SetDistrict("")
		Drive(u).Show(id)
		check(name)
		Drive(u).SelectFirst()
		Drive(u).Wait()
		check(name + " (첫 줄)")
		if _, ok := u.screen(id).(creator); ok {
			u.createCurrent()
			check(name + " (새로)")
			Drive(u).DiscardChanges()
		}
		for _, sc := range Drive(u).Scenes(id) {
			if sc.Year != 0 {
				Drive(u).SetYear(sc.Year)
			}
			Drive(u).SetDistrict(sc.District)
			Drive(u).Show(id)
			sc.Show()
			check(name + " " + sc.Name)
			for o := u.env.win.Canvas().Overlays().Top(); o != nil; o = u.env.win.Canvas().Overlays().Top() {
				u.env.win.Canvas().Overlays().Remove(o)
			}
			Drive(u).DiscardChanges()
		}
		Drive(u).Show(id)
		for _, tabs := range appTabs(u.objs[i]) {
			for k := range tabs.Items {
				tabs.SelectIndex(k)
				Drive(u).SelectFirst()
				check(fmt.Sprintf("%s (%s 탭)", name, tabs.Items[k].Text))
			}
			tabs.SelectIndex(0)
		}
	}
	// The dialogs of the 파일 and 편집 menus, and the file dialogs.
	clear := func() {
		for o := u.env.win.Canvas().Overlays().Top(); o != nil; o = u.env.win.Canvas().Overlays().Top() {
			u.env.win.Canvas().Overlays().Remove(o)
		}
		u.env.picker = nil
	}
	dialogs := []struct {
		name string
		show func()
	}{
		{"모든 기록에서 찾기", func() { u.searchFor("관악구") }},
		{"자치구 감사 묶음", func() { u.env.showBundle("관악구", 2016) }},
		{"설정", func() { u.settingsDialog() }},
		{"복원", u.restoreDialog},
		{"파일 열기 창", func() { u.env.openFile([]string{".xlsx"}, func(string) {}) }},
		{"저장할 곳 창", func() { u.env.saveFile("a.pdf", []string{".pdf"}, func(string) {}) }},
	}
	for _, d := range dialogs {
		d.show()
		check(d.name)
		clear()
	}
}

// MenuBar is the height of the menu bar the real window draws above the
// content (measured under Xvfb); the test driver draws none, so a window
// of height h is tested as content of h-MenuBar.
const MenuBar = 26

// At 1366×728 (a 1366×768 office laptop less its taskbar) nothing on any
// screen is cut: no field, label or button narrower than its text, no
// form wider than its pane, every table's key columns in view.
func TestNothingCutAt1366x728(t *testing.T) {
	u, w, _ := newTestUI(t)
	w.Resize(fyne.NewSize(1366, 728-MenuBar))
	layoutStates(t, u, func(state string) {
		if cut := cutObjects(w, true); len(cut) > 0 {
			t.Errorf("%s at 1366×728:\n  %s", state, strings.Join(cut, "\n  "))
		}
		if m := w.Content().MinSize(); m.Width > 1366 || m.Height > 728-MenuBar {
			t.Errorf("%s: the window needs %.0f×%.0f", state, m.Width, m.Height)
		}
	})
}

// At 1024×700 every screen still fits the window: the window never has to
// grow past the screen, nothing is cut, and columns that do not show are
// reached by scrolling the table sideways.
func TestEveryScreenFits1024x700(t *testing.T) {
	u, w, _ := newTestUI(t)
	w.Resize(fyne.NewSize(1024, 700-MenuBar))
	layoutStates(t, u, func(state string) {
		if m := w.Content().MinSize(); m.Width > 1024 || m.Height > 700-MenuBar {
			t.Errorf("%s: the window needs %.0f×%.0f, more than 1024×700", state, m.Width, m.Height)
		}
		if cut := cutObjects(w, false); len(cut) > 0 {
			t.Errorf("%s at 1024×700:\n  %s", state, strings.Join(cut, "\n  "))
		}
	})
}
