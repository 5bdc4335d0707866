// Command imedemo opens a one-line field, a multi-line field and a 저장
// button, for checking Korean input through a real input method
// (shared/tools/hangul-ime-check). It starts the way hyeopchi starts: the
// same locale set-up (envfix), application, theme and field widgets.
//
// It prints "BUTTON X,Y", the button's centre in window pixels, and
// "MULTILINE X,Y", the multi-line field's centre, once the window is laid
// out. Each save (button, Enter in the one-line field, or Ctrl+S) prints
// "SAVED[text]" for the one-line field and "MULTI[text]" for the multi-line
// one, its line breaks written as \n.
// With -second it adds a second one-line field, prints "FIELD X,Y" for it,
// and each save prints "SECOND[text]" after SAVED, to check that a syllable
// being composed stays in the first field when the second one is clicked.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	_ "envfix" // first, as in hyeopchi: the locale before Fyne reads it
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/ui"
	"hyeopchi/ui/field"
)

func main() {
	second := flag.Bool("second", false, "add a second field")
	flag.Parse()

	a := ui.NewApp("kr.seoul.hyeopchi.imedemo")
	// The title comes once the window is on screen: the checker looks for it
	// by title and sends keys right away.
	w := a.NewWindow("한글")
	a.Lifecycle().SetOnStarted(func() {
		noteWindow(w)
		w.SetTitle("IME 확인")
	})

	e := field.NewEntry()
	e.SetPlaceHolder("이름")
	other := field.NewEntry()
	other.SetPlaceHolder("다음 칸")
	memo := field.NewMultiLineEntry()
	memo.SetPlaceHolder("비고")
	memo.SetMinRowsVisible(3)
	save := field.NewAction(w, func() {
		fmt.Printf("SAVED[%s]\n", e.Text)
		if *second {
			fmt.Printf("SECOND[%s]\n", other.Text)
		}
		fmt.Printf("MULTI[%s]\n", strings.ReplaceAll(memo.Text, "\n", `\n`))
	})
	e.OnSubmitted = func(string) { save.Run() }
	field.AddShortcut(w, field.Ctrl(fyne.KeyS), save.Run)
	btn := widget.NewButton("저장", save.Run)

	box := container.NewVBox(e)
	if *second {
		box.Add(other)
	}
	box.Add(memo)
	box.Add(btn)
	w.SetContent(box)
	w.Resize(fyne.NewSize(400, 300))
	w.Canvas().Focus(e)

	go func() {
		pos := waitPlaced(w, btn)
		fmt.Printf("BUTTON %d,%d\n", pos.x, pos.y)
		pos = waitPlaced(w, memo)
		fmt.Printf("MULTILINE %d,%d\n", pos.x, pos.y)
		if *second {
			pos = waitPlaced(w, other)
			fmt.Printf("FIELD %d,%d\n", pos.x, pos.y)
		}
	}()
	go exitWithParent()
	w.ShowAndRun()
}

type pixel struct{ x, y int }

// waitPlaced returns the centre of o in window pixels once the window has
// laid it out.
func waitPlaced(w fyne.Window, o fyne.CanvasObject) pixel {
	for {
		var p pixel
		var ok bool
		fyne.DoAndWait(func() {
			if o.Size().IsZero() {
				return
			}
			d := fyne.CurrentApp().Driver()
			c := d.AbsolutePositionForObject(o).Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
			s := w.Canvas().Scale()
			p, ok = pixel{int(c.X * s), int(c.Y * s)}, true
		})
		if ok {
			return p
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// startParent is the process that started this one, read as early as possible.
var startParent = os.Getppid()

// exitWithParent ends the program as soon as the process that started it
// ends: `go run` exits on SIGTERM without passing it on, and a window left
// open would take the keys of the checker's next trial. (On Linux the
// kernel tells at once; this is the fallback.)
func exitWithParent() {
	if !startedByGoRun() {
		return
	}
	for startParent != 1 && os.Getppid() == startParent {
		time.Sleep(20 * time.Millisecond)
	}
	leave()
}

// startedByGoRun reports whether this binary is one `go run` built.
func startedByGoRun() bool {
	exe, _ := os.Executable()
	return strings.Contains(exe, "go-build")
}
