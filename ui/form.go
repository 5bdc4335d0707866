package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"
	"hyeopchi/store/value"
	"hyeopchi/ui/field"
)

// form is the detail pane every screen edits a record in: one row per
// field (label, input, and under it that field's problems: errors in red,
// warnings in amber — the same sentences as the importer's), a 저장 (Ctrl+S)
// and a 취소 (Esc) button, and a dirty flag so that leaving a changed form
// asks first.
type form struct {
	e       *env
	rows    *fyne.Container
	msgs    map[string]*widget.Label // field name → its problem label
	labels  []*fyne.Container        // each row's label cell (fitLabels)
	general *widget.Label            // problems of fields not on the form
	save    *field.Action
	saveBtn *widget.Button
	cancel  *widget.Button
	dirty   bool
	loading bool
	// saved says "저장했습니다" beside the buttons after a save that
	// reached the file, until the next change or record.
	saved *widget.Label
}

// newForm makes an empty form whose 저장 runs onSave and 취소 runs onCancel.
func newForm(e *env, onSave, onCancel func()) *form {
	f := &form{e: e, msgs: map[string]*widget.Label{}}
	f.rows = container.NewVBox()
	f.general = problemLabel()
	f.saved = widget.NewLabel("")
	f.saved.Importance = widget.SuccessImportance
	f.saved.Hide()
	f.save = field.NewAction(e.win, func() {
		before := e.saves.Load()
		onSave()
		if e.saves.Load() != before && !f.dirty {
			f.showSaved()
		}
	})
	f.saveBtn = widget.NewButton("저장", f.save.Run)
	f.saveBtn.Importance = widget.HighImportance
	f.cancel = widget.NewButton("취소", onCancel)
	return f
}

func problemLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// add puts a labelled input on the form; name is the record's JSON field
// name, so that rule problems land under it.
func (f *form) add(name, label string, input fyne.CanvasObject) {
	msg := problemLabel()
	f.msgs[name] = msg
	l := widget.NewLabel(label)
	l.TextStyle.Bold = true
	cell := container.NewGridWrap(fyne.NewSize(120, l.MinSize().Height), l)
	f.labels = append(f.labels, cell)
	f.rows.Add(container.NewBorder(nil, msg, nil, nil, container.NewBorder(nil, nil, cell, nil, input)))
	f.watch(input)
}

// fitLabels makes the labels' column as wide as its widest label, as a
// dialog of a few fields lays them out (a screen's form keeps 120, so
// that its rows line up whatever the labels).
func (f *form) fitLabels() {
	var w float32
	for _, c := range f.labels {
		w = max(w, c.Objects[0].MinSize().Width)
	}
	for _, c := range f.labels {
		c.Layout = layout.NewGridWrapLayout(fyne.NewSize(w, c.Objects[0].MinSize().Height))
	}
	f.rows.Refresh()
}

// watch marks the form dirty when the input changes.
func (f *form) watch(input fyne.CanvasObject) {
	mark := f.markChanged
	switch w := input.(type) {
	case *field.Entry:
		prev := w.OnChanged
		w.OnChanged = func(s string) {
			mark()
			if prev != nil {
				prev(s)
			}
		}
		if !w.MultiLine {
			w.OnSubmitted = func(string) { f.save.Run() }
		}
		w.OnEscape = func() { f.cancel.OnTapped() }
	case *widget.Select:
		prev := w.OnChanged
		w.OnChanged = func(s string) {
			mark()
			if prev != nil {
				prev(s)
			}
		}
	case *widget.Check:
		prev := w.OnChanged
		w.OnChanged = func(b bool) {
			mark()
			if prev != nil {
				prev(b)
			}
		}
	}
}

// object is the form with its buttons, scrollable.
func (f *form) object() fyne.CanvasObject {
	buttons := container.NewHBox(f.saveBtn, f.cancel, f.saved)
	return container.NewBorder(nil, container.NewVBox(f.general, buttons), nil, nil, container.NewVScroll(f.rows))
}

// showSaved says beside the buttons that the record is stored (with the
// time, so that a second 저장 shows too), without a dialog to close; it
// goes at the next change or when another record is opened.
func (f *form) showSaved() {
	f.saved.SetText("저장했습니다 " + time.Now().Format("15:04:05"))
	f.saved.Show()
}

// markChanged says the coordinator changed something on the form (its
// inputs call it; a screen calls it for a change made by its own widgets).
func (f *form) markChanged() {
	if !f.loading {
		f.dirty = true
		f.e.active = f
		f.saved.Hide()
	}
}

// markClean says the form holds what is stored (after a save or a delete).
func (f *form) markClean() { f.dirty = false }

// load fills the inputs without marking the form dirty.
func (f *form) load(fill func()) {
	f.loading = true
	f.saved.Hide()
	fill()
	f.loading = false
	f.dirty = false
	f.showProblems(nil)
}

// showProblems puts each problem under its field; the rest go at the bottom.
func (f *form) showProblems(ps store.Problems) {
	byField := map[string][]store.Problem{}
	var rest []string
	for _, p := range ps {
		if _, ok := f.msgs[p.Field]; ok {
			byField[p.Field] = append(byField[p.Field], p)
		} else {
			rest = append(rest, p.String())
		}
	}
	for name, l := range f.msgs {
		setProblems(l, byField[name])
	}
	if len(rest) == 0 {
		f.general.Hide()
	} else {
		f.general.SetText(strings.Join(rest, "\n"))
		f.general.Importance = widget.DangerImportance
		f.general.Show()
	}
	f.rows.Refresh()
}

func setProblems(l *widget.Label, ps []store.Problem) {
	if len(ps) == 0 {
		l.SetText("")
		l.Hide()
		return
	}
	var lines []string
	l.Importance = widget.WarningImportance
	for _, p := range ps {
		lines = append(lines, p.String())
		if !p.Warning {
			l.Importance = widget.DangerImportance
		}
	}
	l.SetText(strings.Join(lines, "\n"))
	l.Show()
}

// problem is the text shown under a field (tests read it).
func (f *form) problem(name string) string {
	if l, ok := f.msgs[name]; ok && l.Visible() {
		return l.Text
	}
	return ""
}

// leave runs next now if the form is unchanged, else after the
// coordinator agrees to drop the changes.
func (f *form) leave(next func()) {
	if !f.dirty {
		next()
		return
	}
	dialog.ShowConfirm("저장하지 않은 변경", "바꾼 내용을 저장하지 않았습니다. 버리고 넘어갈까요?", func(ok bool) {
		if ok {
			f.dirty = false
			next()
		}
	}, f.e.win)
}

// confirmDelete asks before deleting what.
func confirmDelete(e *env, what string, del func() error) {
	dialog.ShowConfirm("삭제", fmt.Sprintf("%s 을(를) 삭제할까요?\n변경 기록에는 남습니다.", what), func(ok bool) {
		if ok {
			e.showError(del())
		}
	}, e.win)
}

// Reading what the coordinator typed into a field that is not described
// by a store.Field: the grammar is store/value's, the message the label
// and then the grammar's words, as under a described field.

// parseCount reads a whole number of people, months, ㎡ and the like.
func parseCount(label, s string) (int, *store.Problem) {
	v, err := value.ParseCount(s, label)
	return v, store.ValueProblem(label, label, err)
}

// parseDateField reads a date: "2017-07-31", "2017.7.31." and the like.
func parseDateField(label, s string) (store.Date, *store.Problem) {
	v, err := value.ReadDate(s)
	return v, store.ValueProblem(label, label, err)
}

// newSelect is widget.NewSelect with a Korean placeholder.
func newSelect(options []string, changed func(string)) *widget.Select {
	s := widget.NewSelect(options, changed)
	s.PlaceHolder = "고르세요"
	return s
}

// boldLabel is a label in bold.
func boldLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.TextStyle.Bold = true
	return l
}

// hintEntry is a field showing what to type until something is typed.
func hintEntry(hint string) *field.Entry {
	e := field.NewEntry()
	e.SetPlaceHolder(hint)
	return e
}
