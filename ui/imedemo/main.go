// Command imedemo opens one field and one 저장 button, for checking Korean
// input through a real input method (shared/tools/hangul-ime-check).
//
// It prints "BUTTON X,Y", the button's centre in window pixels, on its first
// line, and "SAVED[text]" each time it saves (button, Enter or Ctrl+S).
// With -second it adds a second field, prints "FIELD X,Y" for it, and each
// save prints "SECOND[text]" after SAVED, to check that a syllable being
// composed stays in the first field when the second one is clicked.
package main

import (
	"flag"
	"fmt"
	"image/color"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"hyeopchi/assets"
	"hyeopchi/ui/field"
)

func main() {
	second := flag.Bool("second", false, "add a second field")
	flag.Parse()

	a := app.New()
	a.Settings().SetTheme(hangulTheme{})
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
	save := field.NewAction(w, func() {
		fmt.Printf("SAVED[%s]\n", e.Text)
		if *second {
			fmt.Printf("SECOND[%s]\n", other.Text)
		}
	})
	e.OnSubmitted = func(string) { save.Run() }
	field.AddShortcut(w, field.CtrlS, save.Run)
	btn := save.Button("저장")

	box := container.NewVBox(e)
	if *second {
		box.Add(other)
	}
	box.Add(btn)
	w.SetContent(box)
	w.Resize(fyne.NewSize(360, 180))
	w.Canvas().Focus(e)

	go func() {
		pos := waitPlaced(w, btn)
		fmt.Printf("BUTTON %d,%d\n", pos.x, pos.y)
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

// hangulTheme is the default theme with NanumGothic, so Hangul shows.
type hangulTheme struct{}

var (
	regular = fyne.NewStaticResource("NanumGothic.ttf", assets.FontRegular)
	bold    = fyne.NewStaticResource("NanumGothicBold.ttf", assets.FontBold)
)

func (hangulTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Bold {
		return bold
	}
	return regular
}

func (hangulTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return theme.DefaultTheme().Color(n, v)
}

func (hangulTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (hangulTheme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }
