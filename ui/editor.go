package ui

import (
	"cmp"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"
	"hyeopchi/ui/field"
)

// editor is a form over one record kind described by its fields
// (store.Field): it makes each field's input from the field's Input, loads
// a record by formatting every field, reads the inputs back by parsing
// them (problems go under the field by its key), and keeps the form's
// dirty state. A screen adds only what is particular to it.
type editor[T any] struct {
	*form
	fields []store.Field[T]
	inputs map[string]fyne.CanvasObject
}

// newEditor makes the form for fields, in their order; onSave runs on
// 저장 (Ctrl+S, Enter), onCancel on 취소 (Esc).
func newEditor[T any](e *env, fields []store.Field[T], onSave, onCancel func()) *editor[T] {
	ed := newLaidOutEditor(e, fields, onSave, onCancel)
	for _, f := range fields {
		ed.add(f.Key, f.Label, ed.inputs[f.Key])
	}
	return ed
}

// newLaidOutEditor is newEditor for a form that places the inputs itself
// (several fields on one row, under a row label of their own): it makes
// every field's input but adds no row; the screen adds them with form.add,
// addInline or addGrid, which watch them for changes.
func newLaidOutEditor[T any](e *env, fields []store.Field[T], onSave, onCancel func()) *editor[T] {
	ed := &editor[T]{form: newForm(e, onSave, onCancel), fields: fields, inputs: map[string]fyne.CanvasObject{}}
	for _, f := range fields {
		ed.inputs[f.Key] = inputFor(f.Input, f.Label, f.Hint, f.Choices)
	}
	return ed
}

// inputFor is the widget a field of this Input is typed into.
func inputFor(in store.Input, label, hint string, choices []string) fyne.CanvasObject {
	switch in {
	case store.InputNote:
		e := field.NewMultiLineEntry()
		e.SetPlaceHolder(hint)
		e.SetMinRowsVisible(2)
		return e
	case store.InputChoice:
		s := newSelect(append([]string(nil), choices...), nil)
		if hint != "" {
			s.PlaceHolder = hint
		}
		return s
	case store.InputCheck:
		return widget.NewCheck(cmp.Or(hint, label), nil) // a check's hint is the sentence beside its box
	}
	return hintEntry(hint)
}

// entry is the text input of key (nil when key is not a text field).
func (ed *editor[T]) entry(key string) *field.Entry {
	e, _ := ed.inputs[key].(*field.Entry)
	return e
}

// choice is the select of key (nil when key is not a choice).
func (ed *editor[T]) choice(key string) *widget.Select {
	s, _ := ed.inputs[key].(*widget.Select)
	return s
}

// text is what key's input holds now.
func (ed *editor[T]) text(key string) string { return inputText(ed.inputs[key]) }

func inputText(in fyne.CanvasObject) string {
	switch w := in.(type) {
	case *field.Entry:
		return w.Text
	case *widget.Select:
		return w.Selected
	case *widget.Check:
		if w.Checked {
			return "예"
		}
	}
	return ""
}

// setText puts s into an input without running the form's checks.
func setText(in fyne.CanvasObject, s string) {
	switch w := in.(type) {
	case *field.Entry:
		w.SetText(s)
	case *widget.Select:
		if s == "" {
			w.ClearSelected()
			return
		}
		if !hasString(w.Options, s) {
			w.Options = append(w.Options, s)
		}
		w.SetSelected(s)
	case *widget.Check:
		w.SetChecked(s != "")
	}
}

// show fills every input from x; the form is clean afterwards. more fills
// what the screen adds beyond the fields (nil for nothing).
func (ed *editor[T]) show(x T, more func()) {
	ed.load(func() {
		for _, f := range ed.fields {
			setText(ed.inputs[f.Key], f.Format(&x))
		}
		if more != nil {
			more()
		}
	})
}

// empty clears every input; the form is clean afterwards.
func (ed *editor[T]) empty() {
	ed.load(func() {
		for _, in := range ed.inputs {
			setText(in, "")
		}
	})
}

// read is base with every field parsed from its input; problems name the
// fields that do not read.
func (ed *editor[T]) read(base T) (T, store.Problems) {
	x := base
	var ps store.Problems
	for _, f := range ed.fields {
		if p := f.Read(&x, ed.text(f.Key)); p != nil {
			ps = append(ps, *p)
		}
	}
	return x, ps
}

// focus puts the keyboard in key's input.
func (ed *editor[T]) focus(key string) {
	if in, ok := ed.inputs[key].(fyne.Focusable); ok {
		ed.e.win.Canvas().Focus(in)
	}
}

// recordKind is what a list-and-form screen needs to know of its kind.
type recordKind[T any] struct {
	fields   []store.Field[T]
	id       func(T) uint64
	blank    func(year int) T                 // a new record of the year shown
	heading  func(T) string                   // the pane's heading for a stored record
	fresh    func(year int) string            // … and for a new one
	store    func(*T) (store.Problems, error) // stores the record, one transaction
	remove   func(T) error                    // deletes it, one transaction
	what     func(T) string                   // "행사 2017-06-15 포럼", for the delete question
	prepare  func(*T)                         // last touches before storing (nil: none)
	firstKey string                           // where [+ 새로] puts the keyboard
	changed  func()                           // after a save or delete: reload what shows it
	// refuse says why a stored record cannot be deleted now (a dialog's
	// title and text), "" when it can; nil: any stored record can.
	refuse func(T) (title, why string)
}

// recordTab is the skeleton of a screen that lists one kind of record and
// edits the chosen one beside the list: choosing a row loads it (asking
// first about unsaved changes), [+ 새로] starts an empty one, 저장 reads
// the fields, stores the record and selects its row, 삭제 asks first.
type recordTab[T any] struct {
	e      *env
	kind   recordKind[T]
	grid   *Grid
	head   *widget.Label
	f      *editor[T]
	delBtn *widget.Button
	items  []T
	cur    T
}

// newRecordTab makes the list (a grid of cols), the heading, the form of
// the kind's fields and the 삭제 button.
func newRecordTab[T any](e *env, kind recordKind[T], cols ...Column) *recordTab[T] {
	t := &recordTab[T]{e: e, kind: kind, cur: kind.blank(e.year)}
	t.grid = NewGrid(cols...)
	t.grid.OnSelect = func(i int) {
		if i < 0 || i >= len(t.items) {
			return
		}
		x := t.items[i]
		t.f.leave(func() { t.load(x) })
	}
	t.head = widget.NewLabel("")
	t.head.TextStyle.Bold = true
	t.f = newEditor(e, kind.fields, t.save, func() { t.f.leave(func() { t.load(t.cur) }) })
	t.delBtn = widget.NewButton("삭제", t.askDelete)
	t.delBtn.Importance = widget.DangerImportance
	return t
}

// setItems shows items in the list, with rows as their grid rows and
// total as the 계 row (nil for none), and reloads the record being edited
// from all unless the form has changes.
func (t *recordTab[T]) setItems(items []T, rows [][]string, total []string, all []T) {
	t.items = items
	t.grid.SetRows(rows, total)
	if t.f.dirty {
		return
	}
	cur := t.kind.blank(t.e.year)
	if id := t.kind.id(t.cur); id != 0 {
		for _, x := range all {
			if t.kind.id(x) == id {
				cur = x
			}
		}
	}
	t.load(cur)
}

// load shows x in the form.
func (t *recordTab[T]) load(x T) {
	t.cur = x
	if t.kind.id(x) == 0 {
		t.head.SetText(t.kind.fresh(t.e.year))
	} else {
		t.head.SetText(t.kind.heading(x))
	}
	t.f.show(x, nil)
	enableWhen(t.delBtn, t.kind.id(x) != 0)
}

// create starts a new record of the year shown.
func (t *recordTab[T]) create() {
	t.f.leave(func() {
		t.load(t.kind.blank(t.e.year))
		t.f.focus(t.kind.firstKey)
	})
}

func (t *recordTab[T]) selectFirst() {
	if len(t.items) > 0 {
		t.grid.SelectRow(0)
	}
}

// save reads the form, stores the record and selects its row; problems
// stay under their fields.
func (t *recordTab[T]) save() {
	x, ps := t.f.read(t.cur)
	if len(ps) > 0 {
		t.f.showProblems(ps)
		return
	}
	if t.kind.prepare != nil {
		t.kind.prepare(&x)
	}
	ps, err := t.kind.store(&x)
	var inv *store.InvalidError
	if errors.As(err, &inv) {
		t.f.showProblems(ps)
		return
	}
	if err != nil {
		t.e.showError(err)
		return
	}
	t.f.markClean()
	t.cur = x
	t.kind.changed()
	for i, o := range t.items {
		if t.kind.id(o) == t.kind.id(x) {
			t.grid.SelectRow(i)
		}
	}
	t.f.showProblems(ps)
}

// askDelete deletes the record shown after the coordinator agrees.
func (t *recordTab[T]) askDelete() {
	x := t.cur
	if t.kind.id(x) == 0 {
		return
	}
	if t.kind.refuse != nil {
		if title, why := t.kind.refuse(x); why != "" {
			dialog.ShowInformation(title, why, t.e.win)
			return
		}
	}
	confirmDelete(t.e, t.kind.what(x), func() error {
		if err := t.kind.remove(x); err != nil {
			return err
		}
		t.f.markClean()
		t.cur = t.kind.blank(t.e.year)
		t.kind.changed()
		return nil
	})
}
