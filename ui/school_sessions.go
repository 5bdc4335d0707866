package ui

import (
	"errors"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"
	"hyeopchi/ui/field"

	"hyeopchi/store/value"
)

// sessionEditor is the detail pane of 일정: a session's form (its fields
// are store.SessionFields) with 저장/취소 and the session's own actions
// 회차 취소, 복사, 삭제. It is not a recordTab: its list is the calendar's
// (school.go), the pane is idle until a session is chosen or 새로 is
// pressed, and a save may move the calendar or land in another year.
type sessionEditor struct {
	e    *env
	f    *editor[store.Session]
	head *widget.Label
	cur  store.Session // what is loaded; ID 0 for a new one

	cancelBtn, copyBtn, delBtn *widget.Button
	// saved runs after a session was stored or removed (nil): the screen
	// reloads and shows it.
	saved func(x *store.Session)
	obj   fyne.CanvasObject
	// body and actions show only once a session is chosen or 새로 is
	// pressed; creating says 새로 was pressed.
	body, actions fyne.CanvasObject
	creating      bool
}

// sessionIdle is what the pane says before a session is chosen.
const sessionIdle = "회차를 고르거나 [+ 새로]를 누르세요."

// newSessionEditor makes the pane, idle until load or create; saved runs
// after a session was stored or removed.
func newSessionEditor(e *env, saved func(*store.Session)) *sessionEditor {
	ed := &sessionEditor{e: e, saved: saved}
	ed.f = newEditor(e, store.SessionFields, ed.save, func() {
		ed.f.leave(func() {
			if ed.cur.ID == 0 {
				ed.creating = false // 취소 on a new session: nothing chosen
			}
			ed.load(ed.cur)
		})
	})
	ed.head = widget.NewLabel("")
	ed.head.TextStyle.Bold = true
	ed.head.Wrapping = fyne.TextWrapWord
	ed.cancelBtn = widget.NewButton("회차 취소", ed.askCancel)
	ed.copyBtn = widget.NewButton("복사…", ed.askCopy)
	ed.delBtn = widget.NewButton("삭제", ed.askDelete)
	ed.delBtn.Importance = widget.DangerImportance
	ed.actions = container.NewHBox(ed.cancelBtn, ed.copyBtn, ed.delBtn)
	ed.body = ed.f.object()
	ed.obj = container.NewBorder(ed.head, ed.actions, nil, nil, ed.body)
	return ed
}

// setCourses offers the year's course names (and the loaded session's own).
func (ed *sessionEditor) setCourses(names []string) {
	if ed.cur.Course != "" && !hasString(names, ed.cur.Course) {
		names = append(names, ed.cur.Course)
	}
	course := ed.f.choice(store.KeyCourse)
	course.Options = names
	course.Refresh()
}

// hasString says whether s is one of xs.
func hasString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// load shows x in the form.
func (ed *sessionEditor) load(x store.Session) {
	ed.cur = x
	if x.ID != 0 {
		ed.creating = false
	}
	idle := x.ID == 0 && !ed.creating
	for _, o := range []fyne.CanvasObject{ed.body, ed.actions} {
		if idle {
			o.Hide()
		} else {
			o.Show()
		}
	}
	ed.obj.Refresh() // lay the pane out again with or without the form
	switch {
	case idle:
		ed.head.SetText(sessionIdle)
	case x.ID == 0:
		ed.head.SetText("새 회차")
	default:
		ed.head.SetText(fmt.Sprintf("%s %s %d회", x.Date, x.Course, x.Number))
	}
	ed.f.show(x, nil)
	saved := x.ID != 0
	enableWhen(ed.copyBtn, saved)
	enableWhen(ed.delBtn, saved)
	enableWhen(ed.cancelBtn, saved && x.Status == store.SessionPlanned)
}

// enableWhen enables b when on, else disables it.
func enableWhen(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// follow reloads the form from all (the stored sessions of the top bar's
// year and district) unless the form holds changes: the session shown as
// it is now (a new form when it is gone), a new one kept unless the year
// changed.
func (ed *sessionEditor) follow(all []store.Session, year int) {
	if ed.f.dirty {
		return
	}
	if ed.cur.ID == 0 {
		if ed.cur.Year != year {
			ed.load(store.Session{Year: year, Status: store.SessionPlanned})
		}
		return
	}
	x, ok := findSession(all, ed.cur.ID)
	if !ok {
		x = store.Session{Year: year, Status: store.SessionPlanned}
	}
	ed.load(x)
}

// findSession is the session of id in xs.
func findSession(xs []store.Session, id uint64) (store.Session, bool) {
	for _, x := range xs {
		if x.ID == id {
			return x, true
		}
	}
	return store.Session{}, false
}

// create starts a new session of year on day (or no date), asking first if
// the form holds changes.
func (ed *sessionEditor) create(year int, day store.Date) {
	ed.f.leave(func() {
		x := store.Session{Year: year, Date: day, Status: store.SessionPlanned}
		ed.creating = true
		if courses := ed.f.choice(store.KeyCourse).Options; len(courses) > 0 {
			x.Course = courses[0]
		}
		ed.load(x)
		ed.f.focus(store.KeyDate)
	})
}

// read builds the session the form shows; problems are the fields that
// do not read as what they should be. A dated session is of its date's year.
func (ed *sessionEditor) read() (store.Session, store.Problems) {
	x, ps := ed.f.read(ed.cur)
	if y := x.Date.Year(); y != 0 {
		x.Year = y
	}
	return x, ps
}

// nextNumber is the number after the last of course in year.
func (ed *sessionEditor) nextNumber(year int, course string) int {
	xs, err := ed.e.st.Sessions(store.Filter{Year: year})
	ed.e.showError(err)
	n := 0
	for _, x := range xs {
		if x.Course == course && x.Number > n {
			n = x.Number
		}
	}
	return n + 1
}

// save reads the form and stores the session; a new one without a number
// gets its course's next.
func (ed *sessionEditor) save() {
	x, ps := ed.read()
	if len(ps) > 0 {
		ed.f.showProblems(ps)
		return
	}
	if x.ID == 0 && x.Number == 0 && x.Course != "" {
		x.Number = ed.nextNumber(x.Year, x.Course)
	}
	ed.store(x)
}

// store saves x and shows it with its warnings; rule errors stay on the form.
func (ed *sessionEditor) store(x store.Session) bool {
	ps, err := ed.e.st.SaveSession(&x)
	var inv *store.InvalidError
	if errors.As(err, &inv) {
		ed.f.showProblems(ps)
		return false
	}
	if err != nil {
		ed.e.showError(err)
		return false
	}
	ed.f.markClean()
	ed.cur = x
	ed.saved(&x)
	ed.load(x)
	ed.f.showProblems(ps)
	if x.Year != ed.e.year {
		dialog.ShowInformation("다른 연도", fmt.Sprintf("%d년 회차로 저장했습니다. 위에서 연도를 %d(으)로 바꾸면 보입니다.", x.Year, x.Year), ed.e.win)
	}
	return true
}

// askCancel marks the loaded session 취소 after the coordinator agrees.
func (ed *sessionEditor) askCancel() {
	x := ed.cur
	if x.ID == 0 {
		return
	}
	dialog.ShowConfirm("회차 취소", fmt.Sprintf("%s %s %d회를 취소할까요?\n회차는 목록에 취소로 남습니다.", x.Date, x.Course, x.Number),
		func(ok bool) {
			if ok {
				ed.cancelSession()
			}
		}, ed.e.win)
}

// cancelSession marks the loaded session 취소.
func (ed *sessionEditor) cancelSession() {
	x := ed.cur
	if x.ID == 0 || x.Status != store.SessionPlanned {
		return
	}
	x.Status = store.SessionCancelled
	ed.store(x)
}

// askCopy asks for the date to copy the loaded session to (a week later
// offered) and copies it there.
func (ed *sessionEditor) askCopy() {
	x := ed.cur
	if x.ID == 0 {
		return
	}
	on := field.NewEntry()
	if !x.Date.IsZero() {
		on.SetText(string(value.DateOf(x.Date.Time().AddDate(0, 0, 7))))
	}
	msg := widget.NewLabel(fmt.Sprintf("%s %s %d회를 새 일자로 복사합니다.\n시간·장소·정원·강사는 그대로, 상태는 예정, 참석 인원은 비웁니다.", x.Date, x.Course, x.Number))
	body := container.NewVBox(msg, widget.NewForm(widget.NewFormItem("새 일자", on)))
	d := dialog.NewCustomConfirm("회차 복사", "복사", "닫기", body, func(ok bool) {
		if ok {
			ed.copyTo(on.Text)
		}
	}, ed.e.win)
	d.Show()
}

// copyTo copies the loaded session to the date typed: a new 예정 session
// with the next number of its course.
func (ed *sessionEditor) copyTo(text string) bool {
	on, p := parseDateField("새 일자", text)
	if p == nil && on.IsZero() {
		p = &store.Problem{Message: "새 일자를 입력하세요 (예: 2017-07-31)"}
	}
	if p != nil {
		ed.e.showError(errors.New(p.Message))
		return false
	}
	x := ed.cur
	x.ID, x.Date, x.Year = 0, on, on.Year()
	x.Status, x.AttendMale, x.AttendFemale, x.Note = store.SessionPlanned, 0, 0, ""
	x.Updated = time.Time{}
	x.Number = ed.nextNumber(x.Year, x.Course)
	ps, err := ed.e.st.SaveSession(&x)
	if err != nil {
		ed.e.showError(err)
		return false
	}
	ed.f.markClean()
	ed.saved(&x)
	ed.load(x)
	ed.f.showProblems(ps)
	return true
}

// askDelete deletes the loaded session after the coordinator agrees.
func (ed *sessionEditor) askDelete() {
	x := ed.cur
	if x.ID == 0 {
		return
	}
	confirmDelete(ed.e, fmt.Sprintf("%s %s %d회", x.Date, x.Course, x.Number), func() error {
		if err := ed.e.st.DeleteSession(x.ID); err != nil {
			return err
		}
		ed.f.markClean()
		ed.creating = false
		ed.load(store.Session{Year: ed.e.year, Status: store.SessionPlanned})
		ed.saved(nil)
		return nil
	})
}
