package main

/*
#cgo LDFLAGS: -lX11
#include <X11/Xlib.h>

static Display *demoDisplay;

static void demoOpen(void) { demoDisplay = XOpenDisplay(NULL); }

// demoDestroy removes the window at once, without waiting for the process
// to wind down.
static void demoDestroy(Window w) {
	if (!demoDisplay || !w) return;
	XDestroyWindow(demoDisplay, w);
	XSync(demoDisplay, False);
}
*/
import "C"

import (
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

// xWindow is the demo window's X11 id, once it is on screen.
var xWindow atomic.Uint64

// The kernel signals this process the moment `go run` ends; the window goes
// at once, before the checker looks for the next trial's window (a dying
// process keeps its window some 40 ms otherwise).
func init() {
	if !startedByGoRun() {
		return
	}
	C.demoOpen()
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGUSR1)
	syscall.RawSyscall(syscall.SYS_PRCTL, syscall.PR_SET_PDEATHSIG, uintptr(syscall.SIGUSR1), 0)
	go func() {
		<-sig
		leave()
	}()
}

// noteWindow remembers w's X11 id; call it on the main goroutine.
func noteWindow(w fyne.Window) {
	if nw, ok := w.(driver.NativeWindow); ok {
		nw.RunNative(func(ctx any) {
			if x, ok := ctx.(driver.X11WindowContext); ok {
				xWindow.Store(uint64(x.WindowHandle))
			}
		})
	}
}

// leave removes the window and ends the process.
func leave() {
	C.demoDestroy(C.Window(xWindow.Load()))
	os.Exit(0)
}
