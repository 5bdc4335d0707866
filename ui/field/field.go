// Package field is the one text field and the one save action every form in
// hyeopchi uses, so that text typed through an input method (Korean IME) is
// whole when it is saved.
//
// Fyne has no input-method composition support: the syllable still being
// composed lives in the input method, not in the field, until a key makes the
// input method commit it. Saving at once loses it, and a click into another
// field makes it land there. This package asks the input method to commit
// (commit_*.go, one file per platform), runs actions one moment later, and
// gives a late syllable back to the field it was typed in.
//
// API (keep it stable; screens depend on it):
//
//	e := field.NewEntry()            // single line, *field.Entry embeds widget.Entry
//	m := field.NewMultiLineEntry()   // multi line
//	save := field.NewAction(win, func() { ... }) // the deferred, IME-safe action
//	btn := widget.NewButton("저장", save.Run)
//	e.OnSubmitted = func(string) { save.Run() }   // Enter
//	field.AddShortcut(win, field.Ctrl(fyne.KeyL), fn) // works while a field has focus
package field

import (
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Entry is a text field whose text is complete when an Action runs.
type Entry struct {
	widget.Entry
	// OnEscape, if set, runs when Esc is pressed in the field (취소).
	OnEscape func()

	shift bool // a Shift key is held (Shift+Enter submits a multi-line field)
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

// FocusLost asks the input method to commit what it still holds; the
// syllable arrives after the focus has moved, and TypedRune on the field
// that has focus then gives it back here.
func (e *Entry) FocusLost() {
	e.Entry.FocusLost()
	if c := canvasOf(e); c != nil {
		stateFor(c).expectCommit(e)
	}
}

// TypedKey also watches for the input method handing back the key that
// asked it to commit.
func (e *Entry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.OnEscape != nil {
		e.OnEscape()
		return
	}
	c := canvasOf(e)
	if c != nil {
		if st := lookupState(c); st != nil {
			st.sawKey(k.Physical.ScanCode)
		}
	}
	if c != nil && e.breaksLine(k) {
		// The input method hands the syllable it composes over after the
		// Enter key (ibus over XIM): the line break waits for it, or it
		// would land on the next line.
		st := stateFor(c)
		if win := st.window(); win != nil && hasInputMethod(win) && st.commitThenEcho(win, func() { e.Entry.TypedKey(k) }) {
			return
		}
	}
	e.Entry.TypedKey(k)
}

// breaksLine reports whether k inserts a line break here: Enter in a
// multi-line field, unless Shift+Enter submits it.
func (e *Entry) breaksLine(k *fyne.KeyEvent) bool {
	if !e.MultiLine || k.Name != fyne.KeyReturn && k.Name != fyne.KeyEnter {
		return false
	}
	return !(e.shift && e.OnSubmitted != nil)
}

// KeyDown notes Shift, as widget.Entry does for itself.
func (e *Entry) KeyDown(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = true
	}
	e.Entry.KeyDown(k)
}

// KeyUp notes Shift's release.
func (e *Entry) KeyUp(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = false
	}
	e.Entry.KeyUp(k)
}

// TypedRune inserts r here, unless r is the tail of a syllable composed in
// the field that just lost focus.
func (e *Entry) TypedRune(r rune) {
	if c := canvasOf(e); c != nil {
		if st := lookupState(c); st != nil && st.route(r, e) {
			return
		}
	}
	e.Entry.TypedRune(r)
}

// TypedShortcut runs a shortcut added with AddShortcut for this field's
// window; a plain widget.Entry would swallow it. Other shortcuts (copy,
// paste, undo, …) go to the entry as usual.
func (e *Entry) TypedShortcut(s fyne.Shortcut) {
	if c := canvasOf(e); c != nil {
		if run := windowShortcut(c, s); run != nil {
			run()
			return
		}
	}
	e.Entry.TypedShortcut(s)
}

// canvasOf returns the canvas e is shown in, or nil.
func canvasOf(e *Entry) fyne.Canvas {
	d := fyne.CurrentApp().Driver()
	if len(d.AllWindows()) == 0 { // Fyne's test driver panics then
		return nil
	}
	return d.CanvasForObject(e)
}

// Action is a save or submit action that first lets the input method commit
// what it is composing.
type Action struct {
	win     fyne.Window
	fn      func()
	pending atomic.Bool
}

// NewAction wraps fn for win.
func NewAction(win fyne.Window, fn func()) *Action { return &Action{win: win, fn: fn} }

// Run asks the input method to commit, then calls the action on Fyne's main
// goroutine once the committed text has reached the field. Runs asked for
// while one is waiting are the same run.
func (a *Action) Run() {
	if a.win == nil || !hasInputMethod(a.win) {
		a.fn()
		return
	}
	st := stateForWindow(a.win)
	if st.isSettled() { // called from a deferred action: the text is complete
		a.fn()
		return
	}
	if !a.pending.CompareAndSwap(false, true) {
		return
	}
	fyne.Do(func() {
		st.commitThen(a.win, func() {
			a.pending.Store(false)
			st.runSettled(a.fn)
		})
	})
}

// Ctrl is the shortcut Ctrl+key (Cmd+key on macOS), e.g. Ctrl(fyne.Key1):
// the window's menu and AddShortcut take it.
func Ctrl(key fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
}

// AddShortcut makes s run fn in win, also while a field of this package has
// focus. fn runs as an Action: after the input method has committed, so a
// syllable being composed stays in its field.
func AddShortcut(win fyne.Window, s fyne.Shortcut, fn func()) {
	act := NewAction(win, fn)
	stateForWindow(win).addShortcut(s, act.Run)
	win.Canvas().AddShortcut(s, func(fyne.Shortcut) { act.Run() })
}
