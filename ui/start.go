package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
)

// NewApp makes the application as hyeopchi starts it: its ID, icon and
// theme (NanumGothic, Fyne's own words in Korean). The Korean typing check
// (ui/imedemo) starts the same way, under its own ID.
func NewApp(id string) fyne.App {
	a := app.NewWithID(id)
	a.SetIcon(Icon)
	a.Settings().SetTheme(NewTheme())
	return a
}
