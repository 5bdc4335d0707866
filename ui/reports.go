package ui

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/reports"
	"hyeopchi/store"
)

const allDistricts = "자치구 전체"

// previewDPI is the resolution page 1 is drawn at; the picture is scaled
// to the space it has.
const previewDPI = 90

// reportsScreen is 보고서: pick a report, year and district, see page 1,
// save it as PDF or Excel, and read the export register.
type reportsScreen struct {
	e        *env
	kind     *widget.RadioGroup
	year     *widget.Select
	dist     *widget.Select
	distNote *widget.Label
	pdfBtn   *widget.Button
	xlsxBtn  *widget.Button
	openBtn  *widget.Button
	progress *widget.ProgressBarInfinite
	msg      *widget.Label
	left     *fyne.Container // the column of choices, laid out again when its texts change

	previewHead *widget.Label
	previewBody *fyne.Container

	register     *Grid
	registerHead *widget.Label
	exports      []store.ExportEntry

	lastDir string // folder of the last file saved, for 폴더 열기
	syncing bool   // refresh is setting the selects from the top bar
	shown   string // parameters of the preview shown
	stale   atomic.Bool
	gen     atomic.Int64 // preview generation; older results are dropped
	pending atomic.Int32 // background jobs running (preview, save)
	saving  atomic.Bool
}

func newReportsScreen(e *env) *reportsScreen {
	s := &reportsScreen{e: e}
	var titles []string
	for _, k := range reports.Kinds {
		titles = append(titles, reports.Title(k))
	}
	s.kind = widget.NewRadioGroup(titles, func(string) { s.changed() })
	s.kind.Required = true
	s.kind.SetSelected(titles[0])
	var years []string
	for y := 2016; y <= e.year+10; y++ {
		years = append(years, strconv.Itoa(y))
	}
	s.year = newSelect(years, func(string) { s.changed() })
	s.dist = newSelect(append([]string{allDistricts}, store.Districts...), func(string) { s.changed() })
	s.distNote = widget.NewLabel("")
	s.distNote.Wrapping = fyne.TextWrapWord
	s.pdfBtn = widget.NewButton("PDF로 저장", func() { s.save("pdf") })
	s.pdfBtn.Importance = widget.HighImportance
	s.xlsxBtn = widget.NewButton("엑셀로 저장", func() { s.save("xlsx") })
	s.openBtn = widget.NewButton("폴더 열기", func() { s.e.openFolder(s.lastDir) })
	s.openBtn.Disable()
	s.progress = widget.NewProgressBarInfinite()
	s.progress.Stop()
	s.progress.Hide()
	s.msg = widget.NewLabel("")
	s.msg.Wrapping = fyne.TextWrapWord
	s.msg.Hide()
	s.previewHead = widget.NewLabel("")
	s.previewHead.Wrapping = fyne.TextWrapWord
	s.previewBody = container.NewStack()
	s.register = NewGrid(Column{Title: "일시", Width: 140}, Column{Title: "보고서", Width: 170},
		Column{Title: "연도", Width: 60}, Column{Title: "자치구", Width: 80}, Column{Title: "형식", Width: 60},
		Column{Title: "쪽수", Width: 60, Numeric: true}, Column{Title: "sha256", Width: 130},
		Column{Title: "파일", Width: 420})
	s.register.Key = 7 // the path ends the row and may scroll
	s.registerHead = widget.NewLabel("")
	s.register.OnSelect = func(i int) {
		if i >= 0 && i < len(s.exports) {
			s.lastDir = filepath.Dir(s.exports[i].Path)
			s.openBtn.Enable()
		}
	}
	e.st.OnChange(func() { s.stale.Store(true) })
	s.stale.Store(true)
	return s
}

func (s *reportsScreen) content() fyne.CanvasObject {
	width := canvas.NewRectangle(color.Transparent)
	width.SetMinSize(fyne.NewSize(280, 0)) // wrapping labels have no width of their own
	s.left = container.NewVBox(width,
		widget.NewLabelWithStyle("보고서", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), s.kind,
		container.NewBorder(nil, nil, widget.NewLabel("연도"), nil, s.year),
		container.NewBorder(nil, nil, widget.NewLabel("자치구"), nil, s.dist), s.distNote,
		container.NewGridWithColumns(2, s.pdfBtn, s.xlsxBtn), s.progress, s.msg, s.openBtn,
		widget.NewButton("자치구 감사 묶음(zip)…", s.showBundle))
	preview := container.NewBorder(s.previewHead, nil, nil, nil, s.previewBody)
	registerBox := container.NewBorder(s.registerHead, nil, nil, nil, s.register)
	split := container.NewVSplit(preview, registerBox)
	split.Offset = 0.72
	// The choices take the whole height, so that 저장 and its message show
	// on a 1366×768 laptop.
	return container.NewBorder(nil, nil, container.NewVScroll(container.NewPadded(s.left)), nil, split)
}

// params are the report, year and district chosen on the left.
func (s *reportsScreen) params() (kind string, year int, district string) {
	for _, k := range reports.Kinds {
		if reports.Title(k) == s.kind.Selected {
			kind = k
		}
	}
	year, _ = strconv.Atoi(s.year.Selected)
	if d := s.dist.Selected; d != allDistricts && reports.UsesDistrict(kind) {
		district = d
	}
	return kind, year, district
}

// problem is what stops the chosen report from being made, in Korean; "" if nothing.
func problem(kind string, year int, district string) string {
	switch {
	case kind == "":
		return "보고서 종류를 고르세요"
	case year == 0:
		return reports.Title(kind) + ": 연도를 고르세요"
	case kind == reports.KindDistrict && district == "":
		return reports.Title(kind) + ": 자치구를 선택하세요 (왼쪽의 자치구 목록)"
	}
	return ""
}

func (s *reportsScreen) refresh() {
	s.syncing = true
	s.year.SetSelected(strconv.Itoa(s.e.year))
	if s.e.district == "" {
		s.dist.SetSelected(allDistricts)
	} else {
		s.dist.SetSelected(s.e.district)
	}
	s.syncing = false
	s.loadRegister()
	s.changed()
}

// changed follows a new choice on the left: the district field's state
// and the preview (rebuilt only when the choice or the data changed).
func (s *reportsScreen) changed() {
	if s.syncing || s.year == nil || s.dist == nil {
		return
	}
	kind, year, district := s.params()
	s.distNote.Importance = widget.MediumImportance
	switch {
	case !reports.UsesDistrict(kind):
		s.dist.Disable()
		s.distNote.SetText("사업비 내역은 서울시 전체 기준이라 자치구를 고르지 않습니다.")
	case kind == reports.KindDistrict:
		s.dist.Enable()
		if district == "" {
			s.distNote.Importance = widget.DangerImportance
		}
		s.distNote.SetText("자치구 지역협치 현황은 자치구를 골라야 합니다.")
	default:
		s.dist.Enable()
		s.distNote.SetText("자치구 전체 또는 한 자치구")
	}
	s.relayout()
	key := fmt.Sprint(kind, year, district)
	if key == s.shown && !s.stale.Load() {
		return
	}
	s.shown = key
	s.stale.Store(false)
	s.startPreview(kind, year, district)
}

func (s *reportsScreen) loadRegister() {
	es, err := s.e.st.Exports()
	s.e.showError(err)
	s.exports = es
	var rows [][]string
	for _, x := range es {
		sum := x.SHA256
		if len(sum) > 12 {
			sum = sum[:12]
		}
		title := reports.Title(x.Report)
		if title == "" {
			title = x.Report
		}
		district := x.District
		if district == "" {
			district = "전체"
		}
		rows = append(rows, []string{x.When.Local().Format("2006-01-02 15:04"), title, strconv.Itoa(x.Year), district,
			strings.ToUpper(x.Format), pagesText(x.Pages), sum, x.Path})
	}
	s.register.SetRows(rows, nil)
	if len(rows) == 0 {
		s.registerHead.SetText("내보내기 기록: 아직 없습니다. 왼쪽에서 [PDF로 저장] 또는 [엑셀로 저장]을 누르세요.")
	} else {
		s.registerHead.SetText(fmt.Sprintf("내보내기 기록: %d건 (줄을 고르면 [폴더 열기]가 그 파일의 폴더를 엽니다)", len(rows)))
	}
}

func pagesText(n int) string {
	if n == 0 {
		return "-"
	}
	return strconv.Itoa(n)
}

// save asks where to save the chosen report (starting in the last folder
// used) and saves it there.
func (s *reportsScreen) save(ext string) {
	kind, year, district := s.params()
	if p := problem(kind, year, district); p != "" {
		s.fail(errors.New(p))
		return
	}
	name := reports.FileName(kind, reports.Input{Year: year, District: district}, ext)
	s.e.saveFile(name, []string{"." + ext}, func(path string) { s.saveTo(ext, path) })
}

// saveTo builds the chosen report and writes it to path in the background,
// with a progress bar; the export register gets a line.
func (s *reportsScreen) saveTo(ext, path string) {
	kind, year, district := s.params()
	if p := problem(kind, year, district); p != "" {
		s.fail(errors.New(p))
		return
	}
	if !strings.EqualFold(filepath.Ext(path), "."+ext) {
		path += "." + ext
	}
	if !s.saving.CompareAndSwap(false, true) {
		return
	}
	s.pending.Add(1)
	s.setBusy(true)
	s.setMsg(widget.MediumImportance, "만드는 중: "+filepath.Base(path))
	go func() {
		defer s.pending.Add(-1)
		entry, err := reports.Export(s.e.st, kind, year, district, path)
		fyne.Do(func() {
			s.saving.Store(false)
			s.setBusy(false)
			s.loadRegister()
			if err != nil {
				s.fail(err)
				return
			}
			what := strings.ToUpper(entry.Format)
			if entry.Pages > 0 {
				what += fmt.Sprintf(" %d쪽", entry.Pages)
			}
			s.setMsg(widget.SuccessImportance, fmt.Sprintf("저장했습니다 (%s): %s", what, filepath.Base(path)))
			s.lastDir = filepath.Dir(path)
			s.openBtn.Enable()
		})
	}()
}

func (s *reportsScreen) fail(err error) {
	s.setMsg(widget.DangerImportance, err.Error())
	s.e.showError(err)
}

func (s *reportsScreen) setMsg(imp widget.Importance, text string) {
	s.msg.Importance = imp
	s.msg.SetText(text)
	s.msg.Show()
	s.relayout()
}

// relayout lets the column grow with a wrapped text: a VBox does not
// notice on its own that a label now needs more lines.
func (s *reportsScreen) relayout() {
	if s.left != nil {
		s.left.Refresh()
	}
}

func (s *reportsScreen) setBusy(busy bool) {
	defer s.relayout()
	if busy {
		s.pdfBtn.Disable()
		s.xlsxBtn.Disable()
		s.progress.Show()
		s.progress.Start()
		return
	}
	s.pdfBtn.Enable()
	s.xlsxBtn.Enable()
	s.progress.Stop()
	s.progress.Hide()
}

// idle reports whether no preview or save is running.
func (s *reportsScreen) idle() bool { return s.pending.Load() == 0 }

// wait blocks until background work is done or a minute has passed.
func (s *reportsScreen) wait() {
	for end := time.Now().Add(time.Minute); !s.idle() && time.Now().Before(end); {
		time.Sleep(10 * time.Millisecond)
	}
}

// waiter is a screen with work in the background.
type waiter interface{ wait() }

// waitAll blocks until every screen's background work is done.
func (u *App) waitAll() {
	for _, sc := range u.screens {
		if w, ok := sc.(waiter); ok {
			w.wait()
		}
	}
}

// preview is page 1 of a report as a picture, drawn from the report's
// own model and fonts (no external program).
type preview struct {
	title string
	pages int
	img   image.Image
	err   error
}

func (s *reportsScreen) startPreview(kind string, year int, district string) {
	gen := s.gen.Add(1)
	if p := problem(kind, year, district); p != "" {
		s.showPreview(preview{err: errors.New(p)})
		return
	}
	s.previewHead.SetText(reports.Title(kind) + " 미리보기를 만드는 중…")
	now := s.e.st.Now()
	s.pending.Add(1)
	go func() {
		defer s.pending.Add(-1)
		p := buildPreview(s.e.st, kind, year, district, now)
		fyne.Do(func() {
			if s.gen.Load() == gen {
				s.showPreview(p)
			}
		})
	}()
}

func buildPreview(st *store.Store, kind string, year int, district string, now time.Time) preview {
	data, err := st.ReportData()
	if err != nil {
		return preview{err: err}
	}
	in := reports.FromDataset(data.Dataset, data.Submissions, data.Budget, year, district, now)
	img, pages, err := reports.Preview(kind, in, previewDPI)
	if err != nil {
		return preview{err: err}
	}
	return preview{title: reports.DocumentTitle(kind, in), pages: pages, img: img}
}

func (s *reportsScreen) showPreview(p preview) {
	var body fyne.CanvasObject
	switch {
	case p.err != nil:
		s.previewHead.Importance = widget.DangerImportance
		s.previewHead.SetText(p.err.Error())
		body = container.NewCenter(widget.NewLabel("미리보기가 없습니다"))
	default:
		s.previewHead.Importance = widget.MediumImportance
		s.previewHead.SetText(fmt.Sprintf("%s · 모두 %d쪽 · 1쪽 미리보기", p.title, p.pages))
		img := canvas.NewImageFromImage(p.img)
		img.FillMode = canvas.ImageFillContain
		img.ScaleMode = canvas.ImageScaleSmooth
		img.SetMinSize(fyne.NewSize(200, 200))
		// a grey desk, as in a PDF viewer, so that the white page stands out
		desk := canvas.NewRectangle(color.NRGBA{0xd8, 0xdc, 0xe2, 0xff})
		body = container.NewStack(desk, container.NewPadded(img))
	}
	s.previewBody.Objects = []fyne.CanvasObject{body}
	s.previewBody.Refresh()
}
