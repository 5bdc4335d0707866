package ui

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"
	"hyeopchi/store/safefile"
	"hyeopchi/store/workbook"
	"hyeopchi/ui/field"
)

// intakeScreen is 접수·가져오기: open (or drop) district files, see every
// error or the changes they would make, apply them all at once, and keep
// the register of files received.
type intakeScreen struct {
	e        *env
	head     *widget.Label
	preview  *Grid
	rowsAll  []previewRow // everything the files gave
	previewR []previewRow // the rows shown: those the filters keep
	sheetSel *widget.Select
	kindSel  *widget.Select
	// received are the sha256 of the files just opened: the register shows
	// them whatever year the top bar shows.
	received map[string]bool
	apply    *widget.Button
	request  *widget.Button
	progress *widget.ProgressBarInfinite
	files    []workbook.File
	report   *workbook.ImportReport
	register *Grid
	subs     []store.Submission
	status   *widget.Select
	detail   *widget.Label
	selected int
	pending  sync.WaitGroup // reading or importing in the background
}

type previewRow struct {
	where, what, msg, detail string
	sheet, kind              string // for the filters: the sheet, and 오류, 경고: …, 추가, 수정, 변경 없음
	warn, err                bool
}

// Filter choices that keep every row.
const (
	allSheets = "모든 시트"
	allKinds  = "모든 항목"
)

func newIntakeScreen(e *env) *intakeScreen {
	s := &intakeScreen{e: e, selected: -1}
	s.head = widget.NewLabel("자치구 파일(xlsx, CSV)을 [파일 열기]로 고르거나 창에 끌어다 놓으세요. 오류가 하나라도 있으면 아무것도 가져오지 않습니다.")
	s.head.Wrapping = fyne.TextWrapWord
	s.buildPreview()
	s.buildRegister()
	s.detail = widget.NewLabel("")
	s.detail.Wrapping = fyne.TextWrapWord
	e.win.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) {
		var paths []string
		for _, u := range uris {
			paths = append(paths, filepath.FromSlash(u.Path())) // C:\... on Windows
		}
		e.open(ScreenIntake)
		s.load(paths)
	})
	return s
}

// buildPreview makes the upper half: what the files opened would change
// (errors red, warnings amber), its filters, 적용 and 보완 요청.
func (s *intakeScreen) buildPreview() {
	s.preview = NewGrid(Column{Title: "위치", Width: 300}, Column{Title: "구분", Width: 90}, Column{Title: "내용", Width: 560})
	s.preview.Style = func(row, col int) widget.Importance {
		switch {
		case s.previewR[row].err:
			return widget.DangerImportance
		case s.previewR[row].warn:
			return widget.WarningImportance
		}
		return widget.MediumImportance
	}
	s.preview.OnSelect = func(i int) {
		if i >= 0 && i < len(s.previewR) && s.previewR[i].detail != "" {
			s.detail.SetText(s.previewR[i].detail)
		}
	}
	s.sheetSel = widget.NewSelect([]string{allSheets}, func(string) { s.filterPreview() })
	s.sheetSel.SetSelected(allSheets)
	s.kindSel = widget.NewSelect([]string{allKinds}, func(string) { s.filterPreview() })
	s.kindSel.SetSelected(allKinds)
	s.apply = widget.NewButton("적용", s.applyFiles)
	s.apply.Importance = widget.HighImportance
	s.apply.Disable()
	s.request = widget.NewButton("보완 요청 글 복사", s.copyRequest)
	s.request.Disable()
	s.progress = widget.NewProgressBarInfinite()
	s.progress.Hide()
}

// buildRegister makes the lower half: the register of files received and
// the status of the one selected.
func (s *intakeScreen) buildRegister() {
	s.register = NewGrid(Column{Title: "접수일", Width: 100}, Column{Title: "자치구", Width: 90}, Column{Title: "종류", Width: 90},
		Column{Title: "연도", Width: 60}, Column{Title: "파일", Width: 240}, Column{Title: "상태", Width: 80},
		Column{Title: "오류", Width: 50, Numeric: true}, Column{Title: "마감", Width: 100}, Column{Title: "D-day", Width: 70})
	s.register.Key = 6 // through 상태
	s.register.Style = s.registerStyle
	s.register.OnSelect = s.selectSubmission
	s.status = newSelect(store.Labels(store.SubmissionStatuses), func(v string) {
		if s.selected < 0 || s.selected >= len(s.subs) || s.subs[s.selected].Status == store.SubmissionStatus(v) {
			return
		}
		x := s.subs[s.selected]
		x.Status = store.SubmissionStatus(v)
		s.e.showError(s.e.st.SaveSubmission(&x))
		s.refresh()
	})
	s.status.PlaceHolder = "상태 바꾸기"
}

// registerStyle colours the register: the status, the files just
// received, and a deadline near or past while not 확정.
func (s *intakeScreen) registerStyle(row, col int) widget.Importance {
	x := s.subs[row]
	if col == 5 {
		switch x.Status {
		case store.SubmissionConfirmed:
			return widget.SuccessImportance
		case store.SubmissionCorrection:
			return widget.DangerImportance
		}
	}
	if col == 4 && s.received[x.SHA256] {
		return widget.HighImportance // just received
	}
	if col == 8 && x.Due != "" && x.Status != store.SubmissionConfirmed {
		if n := x.Due.DaysUntil(s.e.today()); n < 0 {
			return widget.DangerImportance
		} else if n <= 7 {
			return widget.WarningImportance
		}
	}
	return widget.MediumImportance
}

// selectSubmission shows the register's row i: its status to change and
// its file, checksum, note and errors.
func (s *intakeScreen) selectSubmission(i int) {
	if i < 0 || i >= len(s.subs) {
		return
	}
	s.selected = i
	x := s.subs[i]
	s.status.SetSelected(string(x.Status))
	text := fmt.Sprintf("%s · %s · %s · %d바이트\nsha256 %s", x.FileName, x.District, x.Kind, x.Size, x.SHA256)
	if x.Note != "" {
		text += "\n" + x.Note
	}
	if len(x.Errors) > 0 {
		text += "\n오류:\n" + strings.Join(x.Errors, "\n")
	}
	s.detail.SetText(text)
}

func (s *intakeScreen) content() fyne.CanvasObject {
	open := widget.NewButton("파일 열기…", func() {
		s.e.openFile([]string{".xlsx", ".csv", ".XLSX", ".CSV"}, func(p string) { s.load([]string{p}) })
	})
	template := widget.NewButton("빈 양식 만들기…", s.saveTemplate)
	save := widget.NewButton("원본 저장…", s.saveOriginal)
	filters := container.NewHBox(widget.NewLabel("보기"), s.sheetSel, s.kindSel)
	top := container.NewVBox(s.head, container.NewHBox(open, s.apply, s.request, template), filters, s.progress)
	regBar := container.NewHBox(widget.NewLabel("상태"), s.status, save)
	lower := container.NewBorder(container.NewBorder(nil, nil, widget.NewLabelWithStyle("접수 대장", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), regBar), nil, nil, nil,
		registerSplit(s.register, s.detail))
	split := container.NewVSplit(container.NewBorder(top, nil, nil, nil, s.preview), lower)
	split.Offset = 0.5
	return split
}

// load reads the files and shows their errors, or the changes they would make.
func (s *intakeScreen) load(paths []string) {
	unread := s.read(paths)
	s.progress.Show()
	s.apply.Disable()
	s.pending.Add(1)
	go func() {
		defer s.pending.Done()
		rep, err := workbook.ImportFiles(s.e.st, s.files, true)
		fyne.Do(func() {
			s.progress.Hide()
			if err != nil {
				s.e.showError(err)
				return
			}
			s.show(rep, unread)
		})
	}()
}

// read takes in the files' bytes; it returns a line for each file it could not read.
func (s *intakeScreen) read(paths []string) (unread []string) {
	s.files = nil
	s.received = map[string]bool{}
	for _, p := range paths {
		data, err := safefile.ReadFile(p, workbook.MaxFileSize)
		if err != nil {
			unread = append(unread, fmt.Sprintf("%s: %v", filepath.Base(p), err))
			continue
		}
		s.files = append(s.files, workbook.File{Name: filepath.Base(p), Data: data})
		sum := sha256.Sum256(data)
		s.received[hex.EncodeToString(sum[:])] = true
	}
	return unread
}

func (s *intakeScreen) show(rep workbook.ImportReport, unread []string) {
	s.report = &rep
	s.rowsAll = nil
	for _, u := range unread {
		s.rowsAll = append(s.rowsAll, previewRow{where: u, what: "오류", msg: u, kind: "오류", err: true})
	}
	for _, p := range rep.Problems {
		s.rowsAll = append(s.rowsAll, previewRow{where: location(p), what: "오류", msg: p.Message, detail: p.String(),
			sheet: p.Sheet, kind: "오류", err: true})
	}
	for _, g := range rep.WarningGroups() {
		for _, p := range g.Warnings {
			s.rowsAll = append(s.rowsAll, previewRow{where: location(p), what: "경고", msg: p.Message, detail: p.String(),
				sheet: p.Sheet, kind: "경고: " + g.Kind, warn: true})
		}
	}
	for _, k := range rep.Known {
		s.rowsAll = append(s.rowsAll, previewRow{where: k.Name, what: "변경 없음",
			msg: fmt.Sprintf("이미 가져온 파일입니다 (%s 접수): 읽지 않았습니다", k.Received), kind: "변경 없음"})
	}
	if rep.OK() && len(unread) == 0 {
		// what changes first, then what is new, then what stays
		for _, action := range []string{store.ActionChange, store.ActionAdd, store.ActionSame} {
			for _, c := range rep.Result.Changes {
				if c.Action == action {
					s.rowsAll = append(s.rowsAll, changeRow(c))
				}
			}
		}
	}
	s.setFilters()
	s.filterPreview()
	names := make([]string, len(s.files))
	for i, f := range s.files {
		names[i] = f.Name
	}
	ok := rep.OK() && len(unread) == 0
	head := strings.Join(names, ", ") + ": " + rep.Summary(true)
	if n := len(rep.Warnings); n > 0 {
		head += fmt.Sprintf(" · 경고 %d건 %d종류 (보기에서 시트와 종류로 거르세요)", n, len(rep.WarningGroups()))
	}
	if line := store.OldDeadlineLine(rep.Result.OldOverdue); line != "" {
		head += "\n" + line
	}
	s.head.SetText(head)
	if ok && rep.Result.Added+rep.Result.Changed > 0 {
		s.apply.Enable()
	}
	if !ok {
		s.request.Enable()
		// The file was received: it goes into the register as 보완요청.
		for _, fr := range rep.Files {
			var lines []string
			for _, p := range rep.Problems {
				if p.File == fr.File.Name {
					lines = append(lines, p.String())
				}
			}
			if len(lines) > 0 {
				f := store.ImportFile{Name: fr.File.Name, Data: fr.File.Data}
				if fr.Parsed != nil {
					f.Kinds, f.Districts, f.Years = fr.Parsed.Kinds, fr.Parsed.Districts, fr.Parsed.Years
				}
				_, err := s.e.st.ReceiveRejected(f, lines)
				s.e.showError(err)
			}
		}
		s.refreshRegister()
	} else {
		s.request.Disable()
	}
}

// changeRow shows what an import does to one record: a new record with its
// values, a changed one field: before → after.
func changeRow(c store.Change) previewRow {
	var parts, lines []string
	for _, f := range c.Fields {
		if c.Action == store.ActionAdd {
			parts = append(parts, f.Field+" "+f.After)
			lines = append(lines, f.Field+": "+f.After)
		} else {
			parts = append(parts, f.Field+": "+f.Before+" → "+f.After)
			lines = append(lines, parts[len(parts)-1])
		}
	}
	msg := strings.Join(parts, "; ")
	switch {
	case c.Action == store.ActionAdd:
		msg = "새 기록: " + msg
	case len(c.Fields) == 0:
		msg = "같은 내용"
	}
	return previewRow{where: c.Kind + " " + c.Label, what: c.Action, msg: msg,
		detail: c.Kind + " " + c.Label + " (" + c.Action + ")\n" + strings.Join(lines, "\n"),
		sheet:  sheetOfKind[c.Kind], kind: c.Action}
}

// sheetOfKind is the workbook sheet a kind of record is read from.
var sheetOfKind = map[string]string{"혁신계획": workbook.KindPlans, "시민협력플랫폼": workbook.KindPlatforms, "교육회차": workbook.KindSessions}

// setFilters offers the sheets and kinds the rows have, keeping a choice
// that still applies.
func (s *intakeScreen) setFilters() {
	sheets, kinds := []string{allSheets}, []string{allKinds}
	seenS, seenK := map[string]bool{}, map[string]bool{}
	for _, r := range s.rowsAll {
		if r.sheet != "" && !seenS[r.sheet] {
			seenS[r.sheet] = true
			sheets = append(sheets, r.sheet)
		}
		if r.kind != "" && !seenK[r.kind] {
			seenK[r.kind] = true
			kinds = append(kinds, r.kind)
		}
	}
	keep := func(sel *widget.Select, opts []string, all string) {
		cur := sel.Selected
		sel.Options = opts
		if !slices.Contains(opts, cur) {
			cur = all
		}
		sel.Selected = cur
		sel.Refresh()
	}
	keep(s.sheetSel, sheets, allSheets)
	keep(s.kindSel, kinds, allKinds)
}

// filterPreview shows the rows of the chosen sheet and kind.
func (s *intakeScreen) filterPreview() {
	s.previewR = s.previewR[:0]
	var rows [][]string
	for _, r := range s.rowsAll {
		if (s.sheetSel.Selected == allSheets || r.sheet == s.sheetSel.Selected) &&
			(s.kindSel.Selected == allKinds || r.kind == s.kindSel.Selected) {
			s.previewR = append(s.previewR, r)
			rows = append(rows, []string{r.where, r.what, r.msg})
		}
	}
	s.preview.SetRows(rows, nil)
}

func location(p workbook.Problem) string {
	loc := p.File
	if p.Sheet != "" {
		loc += " · " + p.Sheet
	}
	if p.Row > 0 {
		loc += fmt.Sprintf(" · %d행", p.Row)
	}
	if p.Column != "" {
		loc += " · " + p.Column
	}
	return loc
}

// applyFiles imports the loaded files, all or nothing.
func (s *intakeScreen) applyFiles() {
	if len(s.files) == 0 {
		return
	}
	s.apply.Disable()
	s.progress.Show()
	files := s.files
	s.pending.Add(1)
	go func() {
		defer s.pending.Done()
		rep, err := workbook.ImportFiles(s.e.st, files, false)
		fyne.Do(func() {
			s.progress.Hide()
			if err != nil {
				s.e.showError(err)
				return
			}
			s.show(rep, nil)
			s.apply.Disable()
			s.head.SetText(rep.Summary(false))
			s.refreshRegister()
		})
	}()
}

func (s *intakeScreen) copyRequest() {
	if s.report == nil {
		return
	}
	district := ""
	for _, f := range s.report.Files {
		if f.Parsed != nil && len(f.Parsed.Districts) == 1 {
			district = f.Parsed.Districts[0]
		}
	}
	text := workbook.RequestText(district, s.report.Problems)
	fyne.CurrentApp().Clipboard().SetContent(text)
	entry := field.NewMultiLineEntry()
	entry.SetText(text)
	entry.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("보완 요청 (클립보드에 복사했습니다)", "닫기", entry, s.e.win)
	d.Resize(fyne.NewSize(720, 480))
	d.Show()
}

func (s *intakeScreen) saveTemplate() {
	e := s.e
	name := fmt.Sprintf("%d_지역협치_제출양식", e.year)
	if e.district != "" {
		name += "_" + e.district
	}
	e.saveFile(name+".xlsx", []string{".xlsx"}, func(path string) {
		filled, err := workbook.WriteTemplateFile(e.st, e.district, e.year, path)
		if err != nil {
			e.showError(err)
			return
		}
		msg := "빈 양식을 만들었습니다:\n" + path
		if filled != "" {
			msg = "양식을 만들었습니다:\n" + path + "\n\n" + filled
		}
		dialog.ShowInformation("양식", msg, e.win)
	})
}

func (s *intakeScreen) saveOriginal() {
	if s.selected < 0 || s.selected >= len(s.subs) {
		dialog.ShowInformation("원본 저장", "접수 대장에서 파일을 먼저 고르세요.", s.e.win)
		return
	}
	x := s.subs[s.selected]
	data, err := s.e.st.FileData(x.SHA256)
	if err != nil {
		s.e.showError(err)
		return
	}
	s.e.saveFile(x.FileName, nil, func(path string) {
		s.e.showError(safefile.WriteFile(path, data, 0o644))
	})
}

func (s *intakeScreen) refreshRegister() {
	xs, err := s.e.st.Submissions(s.e.filter())
	s.e.showError(err)
	others := 0 // files of other years or districts than the top bar's
	if f := s.e.filter(); f.Year != 0 || f.District != "" {
		everything, err := s.e.st.Submissions(store.Filter{})
		s.e.showError(err)
		others = len(everything) - len(xs)
		// the files just received show whatever the top bar shows
		shown := map[uint64]bool{}
		for _, x := range xs {
			shown[x.ID] = true
		}
		for _, x := range everything {
			if s.received[x.SHA256] && !shown[x.ID] {
				xs = append(xs, x)
				others--
			}
		}
		sort.SliceStable(xs, func(i, j int) bool { return xs[i].ID > xs[j].ID })
	}
	s.subs = s.subs[:0]
	var rows [][]string
	today := s.e.today()
	q := store.NewQuery(s.e.query)
	for _, x := range xs {
		if !q.Match(x.FileName, x.District, x.Kind, string(x.Status)) {
			continue
		}
		s.subs = append(s.subs, x)
		dday := ""
		if x.Due != "" && x.Status != store.SubmissionConfirmed {
			dday = x.Due.DDay(today)
		}
		year := "-"
		if x.Year != 0 {
			year = fmt.Sprint(x.Year)
		}
		rows = append(rows, []string{string(x.Received), x.District, x.Kind, year, x.FileName, string(x.Status),
			fmt.Sprint(len(x.Errors)), string(x.Due), dday})
	}
	s.register.SetRows(rows, nil)
	s.selected = -1
	switch {
	case len(rows) == 0 && others > 0:
		s.detail.SetText(fmt.Sprintf("이 연도·자치구에 접수한 파일이 없습니다 (다른 연도·자치구 %d건: 위에서 연도나 자치구를 바꾸면 보입니다).", others))
	case len(rows) == 0:
		s.detail.SetText("아직 접수한 파일이 없습니다. 위의 [파일 열기]로 자치구 파일을 불러오세요.")
	default:
		s.detail.SetText(fmt.Sprintf("접수 %d건. 줄을 고르면 파일의 자세한 내용과 오류가 나옵니다.", len(rows)))
	}
}

func registerSplit(grid *Grid, detail *widget.Label) fyne.CanvasObject {
	split := container.NewHSplit(grid, container.NewVScroll(detail))
	split.Offset = 0.7
	return split
}

func (s *intakeScreen) refresh() { s.refreshRegister() }

// wait blocks until files being read or imported are shown.
func (s *intakeScreen) wait() { s.pending.Wait() }

// scenes: a district file with errors, as the coordinator first sees it.
func (s *intakeScreen) scenes() []Scene {
	return []Scene{{Name: "errors", Show: func() {
		unread := s.read([]string{filepath.Join("testdata", "workbook", "plans-errors.csv")})
		rep, err := workbook.ImportFiles(s.e.st, s.files, true)
		if err == nil {
			s.show(rep, unread)
			s.preview.SelectRow(0)
		}
	}}}
}
