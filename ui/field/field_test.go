package field

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The shortcuts the tests press. Ctrl is Cmd on macOS, except in Ctrl+Tab,
// as in browsers.
var (
	ctrlS        fyne.Shortcut = Ctrl(fyne.KeyS)
	ctrlF        fyne.Shortcut = Ctrl(fyne.KeyF)
	ctrlN        fyne.Shortcut = Ctrl(fyne.KeyN)
	ctrlTab      fyne.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierControl}
	ctrlShiftTab fyne.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierControl | fyne.KeyModifierShift}
)

// fakeIME stands in for the platform: the test decides when "the commit has
// arrived" (settle), what key an input method hands back (echo) and the time.
type fakeIME struct {
	t       *testing.T
	pending []func()
	clock   time.Time
}

func newFakeIME(t *testing.T, echo int) *fakeIME {
	f := &fakeIME{t: t, clock: time.Date(2017, 7, 31, 9, 0, 0, 0, time.UTC)}
	oldAfter, oldAsk, oldNow, oldHas := afterCommit, askCommit, now, hasInputMethod
	afterCommit = func(fn func()) { f.pending = append(f.pending, fn) }
	askCommit = func(fyne.Window) int { return echo }
	now = func() time.Time { return f.clock }
	hasInputMethod = func(fyne.Window) bool { return true }
	t.Cleanup(func() { afterCommit, askCommit, now, hasInputMethod = oldAfter, oldAsk, oldNow, oldHas })
	return f
}

// settle runs what waits for commits asked for so far.
func (f *fakeIME) settle() {
	f.t.Helper()
	if len(f.pending) == 0 {
		f.t.Fatal("nothing waits for a commit")
	}
	run := f.pending
	f.pending = nil
	for _, fn := range run {
		fn()
	}
}

// form is one window with two fields and a save action that records what
// the first field held when it ran.
type form struct {
	win   fyne.Window
	name  *Entry
	note  *Entry
	save  *Action
	saved []string
}

func newForm(t *testing.T) *form {
	test.NewTempApp(t)
	f := &form{name: NewEntry(), note: NewMultiLineEntry()}
	f.win = test.NewWindow(container.NewVBox(f.name, f.note))
	f.save = NewAction(f.win, func() { f.saved = append(f.saved, f.name.Text) })
	f.name.OnSubmitted = func(string) { f.save.Run() }
	f.win.Canvas().Focus(f.name)
	return f
}

func (f *form) wantSaved(t *testing.T, want ...string) {
	t.Helper()
	if len(f.saved) != len(want) {
		t.Fatalf("saved %q, want %q", f.saved, want)
	}
	for i := range want {
		if f.saved[i] != want[i] {
			t.Fatalf("saved %q, want %q", f.saved, want)
		}
	}
}

// The input method delivers the last syllable only after the save was asked
// for; every way of saving must wait for it.
func TestSaveWaitsForLastSyllable(t *testing.T) {
	for _, tc := range []struct {
		name string
		save func(f *form)
	}{
		{"button", func(f *form) { test.Tap(widget.NewButton("저장", f.save.Run)) }},
		{"enter", func(f *form) { f.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) }},
		{"ctrl+s", func(f *form) {
			AddShortcut(f.win, ctrlS, f.save.Run)
			f.name.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault})
		}},
		{"run", func(f *form) { f.save.Run() }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ime := newFakeIME(t, 0)
			f := newForm(t)
			test.Type(f.name, "관악")
			tc.save(f)
			f.wantSaved(t) // not yet: the input method still holds 구
			test.Type(f.name, "구")
			ime.settle()
			f.wantSaved(t, "관악구")
		})
	}
}

func TestSaveAskedTwiceWhileWaitingSavesOnce(t *testing.T) {
	ime := newFakeIME(t, 0)
	f := newForm(t)
	test.Type(f.name, "관악구")
	f.save.Run()
	f.save.Run()
	test.Tap(widget.NewButton("저장", f.save.Run))
	ime.settle()
	f.wantSaved(t, "관악구")

	test.Type(f.name, "청")
	f.save.Run()
	ime.settle()
	f.wantSaved(t, "관악구", "관악구청")
}

// A shortcut whose function is itself an action waits once, not twice.
func TestShortcutToActionWaitsOnce(t *testing.T) {
	ime := newFakeIME(t, 0)
	f := newForm(t)
	AddShortcut(f.win, ctrlS, f.save.Run)
	test.Type(f.name, "관악구")
	f.name.TypedShortcut(ctrlS)
	ime.settle()
	f.wantSaved(t, "관악구")
	if len(ime.pending) != 0 {
		t.Fatalf("save waited a second time")
	}
}

// A plain widget.Entry swallows every shortcut; the field passes the
// window's own to it and keeps copy, paste and select-all for itself.
func TestShortcutsWorkWhileFieldHasFocus(t *testing.T) {
	ime := newFakeIME(t, 0)
	f := newForm(t)
	got := map[string]int{}
	for name, s := range map[string]fyne.Shortcut{
		"save": ctrlS, "search": ctrlF, "new": ctrlN, "next": ctrlTab, "previous": ctrlShiftTab, "screen 3": Ctrl(fyne.Key3),
	} {
		AddShortcut(f.win, s, func() { got[name]++ })
	}
	for _, tc := range []struct {
		pressed fyne.Shortcut
		want    string
	}{
		{&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}, "save"},
		{&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}, "search"},
		{&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}, "new"},
		{&desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierControl}, "next"},
		{&desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierControl | fyne.KeyModifierShift}, "previous"},
		{&desktop.CustomShortcut{KeyName: fyne.Key3, Modifier: fyne.KeyModifierShortcutDefault}, "screen 3"},
	} {
		for _, e := range []*Entry{f.name, f.note} {
			before := got[tc.want]
			e.TypedShortcut(tc.pressed)
			ime.settle()
			if got[tc.want] != before+1 {
				t.Errorf("%s in %p: %q ran %d times, want 1", tc.pressed.ShortcutName(), e, tc.want, got[tc.want]-before)
			}
		}
	}

	test.Type(f.name, "관악")
	f.name.TypedShortcut(&fyne.ShortcutSelectAll{})
	test.Type(f.name, "구")
	if f.name.Text != "구" {
		t.Errorf("after select all and typing: %q, want 구", f.name.Text)
	}
	if len(ime.pending) != 0 {
		t.Errorf("select all went to the window")
	}
}

// Clicking into another field while 구 is being composed: the input method
// commits it after the focus has moved, and it must go back.
func TestSyllableFollowsTheFieldItWasTypedIn(t *testing.T) {
	ime := newFakeIME(t, 0)
	f := newForm(t)
	test.Type(f.name, "관악")
	f.win.Canvas().Focus(f.note) // the click
	f.note.TypedRune('구')        // the late commit
	if f.name.Text != "관악구" || f.note.Text != "" {
		t.Fatalf("name %q note %q, want 관악구 and nothing", f.name.Text, f.note.Text)
	}
	ime.settle()
	test.Type(f.note, "메모")
	if f.name.Text != "관악구" || f.note.Text != "메모" {
		t.Fatalf("name %q note %q, want 관악구 and 메모", f.name.Text, f.note.Text)
	}
}

// What arrives in the new field is the coordinator's own typing unless it is
// Hangul that comes at once.
func TestTypingInTheNewFieldStaysThere(t *testing.T) {
	for _, tc := range []struct {
		name     string
		typed    func(ime *fakeIME, note *Entry)
		wantName string
		wantNote string
	}{
		{"latin letter", func(_ *fakeIME, note *Entry) { note.TypedRune('a') }, "관악", "a"},
		{"digit then Hangul", func(_ *fakeIME, note *Entry) { note.TypedRune('1'); note.TypedRune('구') }, "관악", "1구"},
		{"Hangul after the commit arrived", func(ime *fakeIME, note *Entry) { ime.settle(); note.TypedRune('구') }, "관악", "구"},
		{"Hangul after the time is up", func(ime *fakeIME, note *Entry) {
			ime.clock = ime.clock.Add(echoTimeout)
			note.TypedRune('구')
		}, "관악", "구"},
		{"one commit of two runes, then own typing", func(ime *fakeIME, note *Entry) {
			note.TypedRune('구')
			note.TypedRune('청')
			ime.clock = ime.clock.Add(batchGap + time.Millisecond)
			note.TypedRune('서')
		}, "관악구청", "서"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ime := newFakeIME(t, 0)
			f := newForm(t)
			test.Type(f.name, "관악")
			f.win.Canvas().Focus(f.note)
			tc.typed(ime, f.note)
			if f.name.Text != tc.wantName || f.note.Text != tc.wantNote {
				t.Fatalf("name %q note %q, want %q and %q", f.name.Text, f.note.Text, tc.wantName, tc.wantNote)
			}
		})
	}
}

// A click on an empty spot leaves nothing focused; the commit then reaches
// the canvas and still goes back.
func TestSyllableCommittedWithNothingFocused(t *testing.T) {
	newFakeIME(t, 0)
	f := newForm(t)
	test.Type(f.name, "관악")
	f.win.Canvas().Unfocus()
	test.TypeOnCanvas(f.win.Canvas(), "구")
	if f.name.Text != "관악구" {
		t.Fatalf("name %q, want 관악구", f.name.Text)
	}
}

// On X11 the input method hands back the key that asked it to commit, after
// the commit: GLFW reports that key twice. The action runs on the second.
func TestActionRunsWhenInputMethodHandsKeyBack(t *testing.T) {
	const echo = 127
	ime := newFakeIME(t, echo)
	f := newForm(t)
	key := func(code int) { f.name.TypedKey(&fyne.KeyEvent{Physical: fyne.HardwareKey{ScanCode: code}}) }

	test.Type(f.name, "관악")
	f.save.Run()
	key(echo) // sent
	key(40)   // another key does not count
	f.wantSaved(t)
	test.Type(f.name, "구")
	key(echo) // handed back
	f.wantSaved(t, "관악구")
	if len(ime.pending) != 0 {
		t.Fatalf("waited for a delay too")
	}

	// Two asks in flight: the first hand-back ends only the first.
	f.save.Run()
	f.name.FocusLost()
	key(echo)
	key(echo)
	f.wantSaved(t, "관악구", "관악구")
	st := lookupState(f.win.Canvas())
	if st.target != f.name {
		t.Fatalf("focus loss ended before its key came back")
	}
	key(echo)
	key(echo)
	if st.target != nil {
		t.Fatalf("focus loss still waiting after its key came back")
	}
}

// If the key never comes back (a button had focus), the action runs after
// the timeout, and later hand-backs count from there.
func TestActionRunsWhenKeyIsNotHandedBack(t *testing.T) {
	const echo = 127
	newFakeIME(t, echo)
	f := newForm(t)
	test.Type(f.name, "관악구")
	f.save.Run()
	st := lookupState(f.win.Canvas())
	if len(st.waiting) != 1 {
		t.Fatalf("%d waiting, want 1", len(st.waiting))
	}
	st.giveUp(st.waiting[0])
	f.wantSaved(t, "관악구")

	f.save.Run()
	key := &fyne.KeyEvent{Physical: fyne.HardwareKey{ScanCode: echo}}
	f.name.TypedKey(key)
	f.wantSaved(t, "관악구")
	f.name.TypedKey(key)
	f.wantSaved(t, "관악구", "관악구")
}

// Fyne's test driver has no native window: asking for a commit does
// nothing, no input method can hold text there, and the action runs at once.
func TestNoNativeWindow(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(NewEntry())
	if code := requestCommit(w); code != 0 {
		t.Fatalf("requestCommit = %d without a native window", code)
	}
	ran := false
	NewAction(w, func() { ran = true }).Run()
	if !ran {
		t.Fatal("the action did not run at once without an input method")
	}
}

// Screens may type into a field that no window shows yet.
func TestFieldOutsideAnyWindow(t *testing.T) {
	test.NewTempApp(t)
	e := NewEntry()
	test.Type(e, "관악구")
	e.FocusLost()
	if e.Text != "관악구" {
		t.Fatalf("text %q", e.Text)
	}
}

// Enter in a multi-line field: ibus hands over the syllable it composes
// after the Enter key, so the line break waits for the input method to hand
// back its key; 관악구 then Enter gives "관악구\n", never "관악\n구".
func TestMultiLineEnterWaitsForLastSyllable(t *testing.T) {
	const echo = 127
	ime := newFakeIME(t, echo)
	f := newForm(t)
	key := func(code int) { f.note.TypedKey(&fyne.KeyEvent{Physical: fyne.HardwareKey{ScanCode: code}}) }
	f.focusNote(t, ime, echo)

	test.Type(f.note, "관악")
	f.note.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if f.note.Text != "관악" {
		t.Fatalf("line break before the commit: %q", f.note.Text)
	}
	key(echo)              // sent
	test.Type(f.note, "구") // the commit
	key(echo)              // handed back
	if f.note.Text != "관악구\n" {
		t.Fatalf("after the commit: %q, want %q", f.note.Text, "관악구\n")
	}
	test.Type(f.note, "서울")
	if f.note.Text != "관악구\n서울" {
		t.Fatalf("typing on: %q", f.note.Text)
	}
	if len(ime.pending) != 0 {
		t.Fatal("waited for a delay too")
	}
}

// Enter then Ctrl+S in a multi-line field saves the text with its line
// break: the save waits behind the line break.
func TestMultiLineEnterThenSave(t *testing.T) {
	const echo = 127
	ime := newFakeIME(t, echo)
	f := newForm(t)
	var saved []string
	save := NewAction(f.win, func() { saved = append(saved, f.note.Text) })
	AddShortcut(f.win, ctrlS, save.Run)
	key := func(code int) { f.note.TypedKey(&fyne.KeyEvent{Physical: fyne.HardwareKey{ScanCode: code}}) }
	f.focusNote(t, ime, echo)

	test.Type(f.note, "관악")
	f.note.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	f.note.TypedShortcut(ctrlS)
	key(echo)
	test.Type(f.note, "구")
	key(echo) // the line break's
	if len(saved) != 0 {
		t.Fatalf("saved %q before its own commit", saved)
	}
	key(echo)
	key(echo) // the save's
	if len(saved) != 1 || saved[0] != "관악구\n" {
		t.Fatalf("saved %q, want %q", saved, "관악구\n")
	}
}

// Where no key marks the commit (Windows, whose input method commits before
// Enter), and in a window with no input method, the line break comes at once.
func TestMultiLineEnterWithoutEcho(t *testing.T) {
	for _, tc := range []struct {
		name string
		ime  bool
	}{{"no echo key", true}, {"no input method", false}} {
		t.Run(tc.name, func(t *testing.T) {
			var ime *fakeIME
			if tc.ime {
				ime = newFakeIME(t, 0)
			}
			f := newForm(t)
			f.focusNote(t, ime, 0)
			test.Type(f.note, "관악구")
			f.note.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			if f.note.Text != "관악구\n" {
				t.Fatalf("text %q", f.note.Text)
			}
			if ime != nil && len(ime.pending) != 0 {
				t.Error("the line break waited")
			}
		})
	}
}

// Shift+Enter submits a multi-line field that has OnSubmitted (as in
// widget.Entry); the submit action does its own waiting.
func TestMultiLineShiftEnterSubmits(t *testing.T) {
	ime := newFakeIME(t, 127)
	f := newForm(t)
	submitted := 0
	f.note.OnSubmitted = func(string) { submitted++ }
	f.focusNote(t, ime, 127)
	test.Type(f.note, "관악구")
	f.note.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	f.note.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	f.note.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	if submitted != 1 || f.note.Text != "관악구" {
		t.Fatalf("submitted %d, text %q", submitted, f.note.Text)
	}
}

// focusNote moves the focus to the multi-line field and lets the commit
// asked for by the first field's focus loss come home (ime nil: no input
// method).
func (f *form) focusNote(t *testing.T, ime *fakeIME, echo int) {
	t.Helper()
	f.win.Canvas().Focus(f.note)
	switch {
	case ime == nil:
	case echo == 0:
		ime.settle()
	default:
		for range 2 {
			f.note.TypedKey(&fyne.KeyEvent{Physical: fyne.HardwareKey{ScanCode: echo}})
		}
	}
	if st := lookupState(f.win.Canvas()); st != nil && st.target != nil {
		t.Fatal("the first field still waits for its commit")
	}
}
