package main

import (
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"

	"hyeopchi/store"
	"hyeopchi/ui"
)

// schoolShots renders 협치학교's tabs over the plan's data with one year of
// synthetic sessions and events (the plan dates none), as of 1 July 2017,
// into a file named 예시자료.db so that the window title says so; and the
// 2016 statistics, which are the plan's totals.
func schoolShots(a fyne.App, out string) error {
	dir, err := os.MkdirTemp("", "hyeopchi-school-shots")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	st, err := store.Create(filepath.Join(dir, "예시자료.db"), store.WithSynthetic(store.SeedData(), 1, 1))
	if err != nil {
		return err
	}
	defer st.Close()
	st.Now = func() time.Time { return time.Date(2017, 7, 1, 10, 0, 0, 0, time.Local) }

	w := a.NewWindow("협치 사무국")
	defer w.Close()
	d := ui.Drive(ui.Create(a, w, st))
	w.Resize(winSize)
	shots := []struct {
		file, tab string
		year      int
		month     time.Month
		by        string
	}{
		{"4-school.png", "일정", 2017, time.May, ""},
		{"4-school-stats.png", "통계", 2017, 0, "월별"},
		{"4-school-stats-course.png", "통계", 2017, 0, "과정별"},
		{"4-school-stats-2016.png", "통계", 2016, 0, "과정별"},
		{"4-school-events.png", "행사", 2017, 0, ""},
		{"4-school-courses.png", "과정", 2017, 0, ""},
	}
	for _, s := range shots {
		d.SetYear(s.year)
		d.ShowSchool(s.tab, s.month, s.by)
		d.SelectFirst()
		if err := capture(w, filepath.Join(out, s.file)); err != nil {
			return err
		}
	}
	return nil
}
