//go:build (linux || freebsd || openbsd || netbsd) && !android && !wayland && !wasm

package field

/*
#cgo LDFLAGS: -lX11
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <X11/Xlib.h>
#include <X11/Xatom.h>
#include <X11/keysym.h>

static Display *imeDisplay;
static KeyCode imeKeycode;
static Bool imeServer;

// imeKey picks a key that no input method composes with and that Fyne
// ignores: F20 where the keymap has it, else Pause.
static KeyCode imeKey(Display *d) {
	KeyCode k = XKeysymToKeycode(d, XK_F20);
	if (!k) k = XKeysymToKeycode(d, XK_Pause);
	return k;
}

// imeRunning reports whether an input method server (ibus, fcitx, …) serves
// this program, found as Xlib finds it: the name in XMODIFIERS among the
// servers on the root window. Xlib's own local method (no server) does not
// hand keys back.
static Bool imeRunning(Display *d) {
	const char *mods = getenv("XMODIFIERS");
	const char *name = mods ? strstr(mods, "@im=") : NULL;
	if (!name) return False;
	name += 4;
	int n = (int)strcspn(name, "@");
	if (n == 0 || n > 64 || !strncmp(name, "none", n) || !strncmp(name, "local", n)) return False;
	char server[80];
	snprintf(server, sizeof server, "@server=%.*s", n, name);
	Atom want = XInternAtom(d, server, True);
	Atom servers = XInternAtom(d, "XIM_SERVERS", True);
	if (want == None || servers == None) return False;
	Atom type;
	int format;
	unsigned long count, after;
	unsigned char *data = NULL;
	if (XGetWindowProperty(d, DefaultRootWindow(d), servers, 0, 1024, False, XA_ATOM,
			&type, &format, &count, &after, &data) != Success || !data) return False;
	Bool found = False;
	for (unsigned long i = 0; i < count; i++)
		if (((Atom *)data)[i] == want) found = True;
	XFree(data);
	return found;
}

// imeCommit sends that key to win through the X server. The window's input
// context passes it to the input method, which commits the syllable it holds
// and then hands the key back. Returns the key's code, 0 when there is no
// input method to ask.
static int imeCommit(Window win) {
	if (!imeDisplay) {
		imeDisplay = XOpenDisplay(NULL);
		if (!imeDisplay) return 0;
		imeKeycode = imeKey(imeDisplay);
		imeServer = imeRunning(imeDisplay);
	}
	if (!imeKeycode || !imeServer || !win) return 0;
	XKeyEvent ev = {0};
	ev.type = KeyPress;
	ev.display = imeDisplay;
	ev.window = win;
	ev.root = DefaultRootWindow(imeDisplay);
	ev.subwindow = None;
	ev.time = CurrentTime; // time 0: GLFW reports the handed-back key too
	ev.x = ev.y = ev.x_root = ev.y_root = 1;
	ev.keycode = imeKeycode;
	ev.same_screen = True;
	XSendEvent(imeDisplay, win, False, KeyPressMask, (XEvent *)&ev);
	ev.type = KeyRelease;
	XSendEvent(imeDisplay, win, False, KeyReleaseMask, (XEvent *)&ev);
	XFlush(imeDisplay);
	return imeKeycode;
}
*/
import "C"

import (
	"sync"

	"fyne.io/fyne/v2/driver"
)

// x11 guards the package's own X connection.
var x11 sync.Mutex

// commitNative makes ibus, fcitx or any XIM input method commit the syllable
// it is composing by sending the window a key it does not compose with. It
// returns that key's code: GLFW reports the key twice, when it is sent and
// when the input method hands it back, after the commit.
func commitNative(ctx any) (echo int) {
	var win uintptr
	switch c := ctx.(type) {
	case driver.X11WindowContext:
		win = c.WindowHandle
	case *driver.X11WindowContext:
		win = c.WindowHandle
	}
	if win == 0 {
		return 0
	}
	x11.Lock()
	defer x11.Unlock()
	return int(C.imeCommit(C.Window(win)))
}
