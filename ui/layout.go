package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// adaptiveSplit puts a table (lead) beside its form (trail) when the
// window is wide enough for the table's key columns and the form's own
// width, and the form under the table when it is not (a 1024-wide
// screen). The divider can still be dragged; it never hides key columns.
type adaptiveSplit struct {
	split *container.Split
	// want is the width the lead side needs to show its key columns.
	want   func() float32
	offset float64 // the side-by-side offset asked for
	// stacked, if set, hears when the form goes under the table (true)
	// or beside it (false), e.g. to make room by hiding a pane.
	stacked func(bool)
}

// newAdaptiveSplit makes the split; offset is the lead's share when side by side.
func newAdaptiveSplit(lead, trail fyne.CanvasObject, offset float64, want func() float32, stacked func(bool)) fyne.CanvasObject {
	a := &adaptiveSplit{split: container.NewHSplit(lead, trail), want: want, offset: offset, stacked: stacked}
	a.split.Offset = offset
	return container.New(a, a.split)
}

const splitDivider = 8 // about the width of Fyne's split handle

func (a *adaptiveSplit) sideBySide(width float32) bool {
	return width >= a.want()+splitDivider+a.split.Trailing.MinSize().Width
}

func (a *adaptiveSplit) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	side := a.sideBySide(size.Width)
	if side != a.split.Horizontal {
		a.split.Horizontal = side
		if side {
			a.split.Offset = a.offset
		} else {
			a.split.Offset = 0.45
		}
		if a.stacked != nil {
			a.stacked(!side)
		}
	}
	if side && size.Width > 0 {
		lo := float64((a.want() + splitDivider) / size.Width)
		hi := 1 - float64((a.split.Trailing.MinSize().Width+splitDivider)/size.Width)
		if a.split.Offset < lo {
			a.split.Offset = lo
		}
		if a.split.Offset > float64(hi) {
			a.split.Offset = hi
		}
	}
	a.split.Move(fyne.NewPos(0, 0))
	a.split.Resize(size)
	a.split.Refresh()
}

// MinSize is the wider side's width (under each other, they fit) and the
// taller side's height.
func (a *adaptiveSplit) MinSize(_ []fyne.CanvasObject) fyne.Size {
	l, t := a.split.Leading.MinSize(), a.split.Trailing.MinSize()
	return fyne.NewSize(fyne.Max(l.Width, t.Width), fyne.Max(l.Height, t.Height))
}
