// Package field is the one text field and the one save action every form in
// hyeopchi uses, so that text typed through an input method (Korean IME) is
// whole when it is saved.
//
// API (keep it stable; screens depend on it):
//
//	e := field.NewEntry()            // single line, *field.Entry embeds widget.Entry
//	m := field.NewMultiLineEntry()   // multi line
//	save := field.NewAction(win, func() { ... }) // the deferred, IME-safe action
//	btn := widget.NewButton("저장", save.Run)     // or save.Button("저장")
//	e.OnSubmitted = func(string) { save.Run() }   // Enter
//	field.AddShortcut(win, field.CtrlS, save.Run) // works while a field has focus
package field

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Entry is a text field whose text is complete when an Action runs.
type Entry struct {
	widget.Entry
}

// NewEntry makes a single-line field.
func NewEntry() *Entry {
	e := &Entry{}
	e.ExtendBaseWidget(e)
	return e
}

// NewMultiLineEntry makes a multi-line field.
func NewMultiLineEntry() *Entry {
	e := &Entry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// Action is a save or submit action that first lets the input method commit
// what it is composing.
type Action struct {
	win fyne.Window
	fn  func()
}

// NewAction wraps fn for win.
func NewAction(win fyne.Window, fn func()) *Action { return &Action{win: win, fn: fn} }

// Run commits pending input and then calls the action.
func (a *Action) Run() { a.fn() }

// Button makes a button that runs the action.
func (a *Action) Button(label string) *widget.Button { return widget.NewButton(label, a.Run) }
