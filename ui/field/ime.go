package field

import (
	"slices"
	"sync"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

// commitDelay is how long an action waits for the input method's commit
// where nothing marks its arrival (Windows, no input method). Measured on
// X11 with ibus-hangul: about 150 ms is enough when the machine is idle.
const commitDelay = 200 * time.Millisecond

// echoTimeout bounds the wait for the input method to hand the commit key
// back (X11); a busy machine was measured taking half a second.
const echoTimeout = 1500 * time.Millisecond

// batchGap: once a commit starts arriving, the rest of it follows at once.
const batchGap = 30 * time.Millisecond

// Replaced in tests.
var (
	now = time.Now
	// afterCommit runs fn on Fyne's main goroutine once a commit asked for
	// now has had time to arrive.
	afterCommit = func(fn func()) {
		time.AfterFunc(commitDelay, func() { fyne.Do(fn) })
	}
	// askCommit asks the input method of win to commit; it returns the code
	// of the key whose second key event marks the end of the commit, or 0.
	askCommit = requestCommit
	// hasInputMethod tells whether an input method can hold text typed in
	// win: not in a window without a native one (Fyne's test driver), where
	// an action runs at once.
	hasInputMethod = func(win fyne.Window) bool {
		_, ok := win.(driver.NativeWindow)
		return ok
	}
)

// windowState is what this package knows about one window.
type windowState struct {
	win       fyne.Window
	shortcuts map[string]func()

	target *Entry    // field that lost focus while a syllable may be pending
	until  time.Time // give Hangul runes back to target until then

	echoKey    int       // key sent to make the input method commit (X11)
	sent, seen int       // echo keys sent; their TypedKey events seen, ≤ 2*sent
	waiting    []*waiter // callbacks waiting for an echo

	settled int // > 0 while a deferred action runs
}

// waiter is a callback run once the key events of the first need/2 echo
// keys have been seen: the last is the input method handing its key back.
type waiter struct {
	need int
	fn   func()
}

var (
	mu     sync.Mutex
	states = map[fyne.Canvas]*windowState{}
)

// stateFor returns the state of canvas c, making it on first use. It also
// hooks the canvas: text and keys that arrive while nothing has focus (after
// a click on an empty spot) still count.
func stateFor(c fyne.Canvas) *windowState {
	mu.Lock()
	st := states[c]
	if st != nil {
		mu.Unlock()
		return st
	}
	st = &windowState{shortcuts: map[string]func(){}}
	states[c] = st
	mu.Unlock()

	prevRune := c.OnTypedRune()
	c.SetOnTypedRune(func(r rune) {
		if !st.route(r, nil) && prevRune != nil {
			prevRune(r)
		}
	})
	prevKey := c.OnTypedKey()
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		st.sawKey(k.Physical.ScanCode)
		if prevKey != nil {
			prevKey(k)
		}
	})
	return st
}

func lookupState(c fyne.Canvas) *windowState {
	mu.Lock()
	defer mu.Unlock()
	return states[c]
}

func stateForWindow(win fyne.Window) *windowState {
	st := stateFor(win.Canvas())
	mu.Lock()
	st.win = win
	mu.Unlock()
	return st
}

// window finds the window of a canvas seen only through a field.
func (st *windowState) window() fyne.Window {
	mu.Lock()
	win := st.win
	mu.Unlock()
	if win != nil {
		return win
	}
	for _, w := range fyne.CurrentApp().Driver().AllWindows() {
		if lookupState(w.Canvas()) == st {
			mu.Lock()
			st.win = w
			mu.Unlock()
			return w
		}
	}
	return nil
}

func (st *windowState) addShortcut(s fyne.Shortcut, run func()) {
	mu.Lock()
	st.shortcuts[s.ShortcutName()] = run
	mu.Unlock()
}

func windowShortcut(c fyne.Canvas, s fyne.Shortcut) func() {
	st := lookupState(c)
	if st == nil {
		return nil
	}
	mu.Lock()
	defer mu.Unlock()
	return st.shortcuts[s.ShortcutName()]
}

// commitThen asks the input method of win to commit and runs fn on the main
// goroutine once the commit has arrived: when the input method hands back
// the key that asked for it, or after commitDelay where no key marks it.
// Call it on the main goroutine.
func (st *windowState) commitThen(win fyne.Window, fn func()) {
	if !st.commitThenEcho(win, fn) {
		afterCommit(fn)
	}
}

// commitThenEcho asks the input method of win to commit and runs fn once it
// hands back the key that asked for it. It reports false, and does not run
// fn, where no key marks the commit's arrival. Call it on the main
// goroutine.
func (st *windowState) commitThenEcho(win fyne.Window, fn func()) bool {
	var code int
	if win != nil {
		code = askCommit(win)
	}
	if code == 0 {
		return false
	}
	mu.Lock()
	if code != st.echoKey {
		st.echoKey, st.sent, st.seen = code, 0, 0
	}
	st.sent++
	w := &waiter{need: 2 * st.sent, fn: fn}
	st.waiting = append(st.waiting, w)
	mu.Unlock()
	time.AfterFunc(echoTimeout, func() { fyne.Do(func() { st.giveUp(w) }) })
	return true
}

// sawKey counts a TypedKey of the echo key and runs the waiters it
// completes. (TypedKey, not KeyDown: GLFW may report the second press of a
// key whose release the input method kept as a repeat, which has no KeyDown.)
func (st *windowState) sawKey(code int) {
	mu.Lock()
	if code == 0 || code != st.echoKey {
		mu.Unlock()
		return
	}
	if st.seen < 2*st.sent { // more would be the coordinator pressing that key
		st.seen++
	}
	ready := st.takeReady()
	mu.Unlock()
	for _, w := range ready {
		fyne.Do(w.fn)
	}
}

// giveUp runs w if its echo has not come (a widget other than a field had
// focus, or the input method is stuck) and counts its keys as seen.
func (st *windowState) giveUp(w *waiter) {
	mu.Lock()
	if !slices.Contains(st.waiting, w) {
		mu.Unlock()
		return
	}
	st.seen = max(st.seen, w.need)
	ready := st.takeReady()
	mu.Unlock()
	for _, w := range ready {
		w.fn()
	}
}

// takeReady removes and returns the waiters whose keys have all been seen.
// Hold mu.
func (st *windowState) takeReady() []*waiter {
	var ready []*waiter
	st.waiting = slices.DeleteFunc(st.waiting, func(w *waiter) bool {
		if w.need <= st.seen {
			ready = append(ready, w)
			return true
		}
		return false
	})
	return ready
}

// expectCommit notes that e lost focus: until the input method's commit has
// arrived, Hangul typed elsewhere in the window is the syllable e was
// composing.
func (st *windowState) expectCommit(e *Entry) {
	if win := st.window(); win == nil || !hasInputMethod(win) {
		return // nothing can be composing there
	}
	mu.Lock()
	st.target = e
	st.until = now().Add(echoTimeout)
	mu.Unlock()
	win := st.window()
	// Deferred so that a platform that delivers the commit at once
	// (Windows) does not re-enter Fyne's focus change.
	fyne.Do(func() {
		st.commitThen(win, func() {
			mu.Lock()
			if st.target == e {
				st.target = nil
			}
			mu.Unlock()
		})
	})
}

// route gives r to the field that lost focus if r is (part of) the syllable
// the input method was composing there, and reports whether it did. to is the
// field r was typed into, nil for the canvas.
func (st *windowState) route(r rune, to *Entry) bool {
	mu.Lock()
	t := st.target
	if t == nil {
		mu.Unlock()
		return false
	}
	give := t != to && unicode.Is(unicode.Hangul, r) && now().Before(st.until)
	if give {
		// One commit is one string, delivered at once: what comes later
		// is the coordinator typing in the new place.
		st.until = now().Add(batchGap)
	} else {
		// The commit came home, the time is up, or the coordinator types
		// something else in the new place: stop giving back.
		st.target = nil
	}
	mu.Unlock()
	if give {
		t.Entry.TypedRune(r)
	}
	return give
}

func (st *windowState) isSettled() bool {
	mu.Lock()
	defer mu.Unlock()
	return st.settled > 0
}

// runSettled runs fn marked as running after a commit, so that an Action run
// from it (a shortcut's fn calling save.Run) does not wait a second time.
func (st *windowState) runSettled(fn func()) {
	mu.Lock()
	st.settled++
	mu.Unlock()
	defer func() {
		mu.Lock()
		st.settled--
		mu.Unlock()
	}()
	fn()
}

// requestCommit asks the platform's input method to commit the text it is
// composing in win (commit_*.go). Without a native window (Fyne's test
// driver) it does nothing.
func requestCommit(win fyne.Window) (echo int) {
	if nw, ok := win.(driver.NativeWindow); ok {
		nw.RunNative(func(ctx any) { echo = commitNative(ctx) })
	}
	return echo
}
