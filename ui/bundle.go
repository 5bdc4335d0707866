package ui

import (
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"hyeopchi/store"
	"hyeopchi/store/bundle"
)

// bundleForm is 자치구 감사 묶음: a district, a range of years and whether
// contacts go in as entered; then where to save, and a progress bar while
// the zip is made.
type bundleForm struct {
	e        *env
	dist     *widget.Select
	from, to *widget.Select
	contacts *widget.Check
	makeBtn  *widget.Button
	openBtn  *widget.Button // 폴더 열기: the folder of the bundle made
	bar      *widget.ProgressBar
	msg      *widget.Label
	dlg      dialog.Dialog
	pending  sync.WaitGroup
	result   bundle.Result // of the last bundle made
	lastPath string
}

func newBundleForm(e *env, district string, year int) *bundleForm {
	b := &bundleForm{e: e}
	b.msg = widget.NewLabel("")
	b.msg.Wrapping = fyne.TextWrapWord
	b.dist = widget.NewSelect(store.Districts, func(string) { b.msg.SetText("") })
	b.dist.PlaceHolder = "자치구를 고르세요"
	if store.IsDistrict(district) {
		b.dist.SetSelected(district)
	}
	var years []string
	for y := 2016; y <= e.year+10; y++ {
		years = append(years, strconv.Itoa(y))
	}
	b.from = widget.NewSelect(years, nil)
	b.to = widget.NewSelect(years, nil)
	b.from.SetSelected(strconv.Itoa(year))
	b.to.SetSelected(strconv.Itoa(year))
	b.contacts = widget.NewCheck("연락처를 가리지 않고 넣기 (목록.txt에 적힙니다)", nil)
	b.makeBtn = widget.NewButton("만들기…", b.ask)
	b.makeBtn.Importance = widget.HighImportance
	b.openBtn = widget.NewButton("폴더 열기", func() { e.openFolder(filepath.Dir(b.lastPath)) })
	b.openBtn.Disable()
	b.bar = widget.NewProgressBar()
	b.bar.Hide()
	return b
}

func (b *bundleForm) object() fyne.CanvasObject {
	note := widget.NewLabel("보고서(연도별 자치구 현황, 혁신계획·플랫폼·협치학교), 자료(기록 엑셀), 원본(받은 파일 그대로), " +
		"변경기록.csv, 목록.txt(SHA-256)를 zip 하나로 묶습니다. 다른 자치구와 기간 밖의 기록은 들어가지 않습니다.")
	note.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem("자치구", b.dist),
		widget.NewFormItem("기간", container.NewHBox(b.from, widget.NewLabel("년부터"), b.to, widget.NewLabel("년까지"))),
		widget.NewFormItem("연락처", b.contacts),
	)
	verify := widget.NewButton("묶음 검사…", b.askVerify)
	return container.NewVBox(note, form, container.NewHBox(b.makeBtn, verify, b.openBtn), b.bar, b.msg)
}

// options are the choices made, or what is wrong with them.
func (b *bundleForm) options() (bundle.Options, error) {
	if b.dist.Selected == "" {
		return bundle.Options{}, errors.New("자치구를 고르세요")
	}
	from, _ := strconv.Atoi(b.from.Selected)
	to, _ := strconv.Atoi(b.to.Selected)
	if from == 0 || to == 0 {
		return bundle.Options{}, errors.New("기간을 고르세요")
	}
	if from > to {
		return bundle.Options{}, fmt.Errorf("기간이 맞지 않습니다: %d년부터 %d년까지 (시작이 끝보다 늦습니다)", from, to)
	}
	return bundle.Options{District: b.dist.Selected, From: from, To: to, WithContacts: b.contacts.Checked}, nil
}

// ask asks where to save the bundle, then makes it.
func (b *bundleForm) ask() {
	opt, err := b.options()
	if err != nil {
		b.fail(err)
		return
	}
	name := fmt.Sprintf("%s-%d.zip", opt.District, opt.From)
	if opt.To != opt.From {
		name = fmt.Sprintf("%s-%d-%d.zip", opt.District, opt.From, opt.To)
	}
	b.e.saveFile(name, []string{".zip"}, b.makeTo)
}

// makeTo makes the bundle at path in the background; the bar follows the
// files as they are made.
func (b *bundleForm) makeTo(path string) {
	opt, err := b.options()
	if err != nil {
		b.fail(err)
		return
	}
	if !strings.EqualFold(filepath.Ext(path), ".zip") {
		path += ".zip"
	}
	b.makeBtn.Disable()
	b.bar.SetValue(0)
	b.bar.Show()
	b.msg.Importance = widget.MediumImportance
	b.msg.SetText("만드는 중: " + filepath.Base(path))
	opt.Progress = func(done, total int, name string) {
		fyne.Do(func() {
			b.bar.SetValue(float64(done) / float64(total))
			if name != "" {
				b.msg.SetText(fmt.Sprintf("만드는 중 (%d/%d): %s", done+1, total, name))
			}
		})
	}
	b.pending.Add(1)
	go func() {
		defer b.pending.Done()
		res, err := bundle.WriteFile(b.e.st, opt, path)
		fyne.Do(func() {
			b.makeBtn.Enable()
			if err != nil {
				b.bar.Hide()
				b.fail(err)
				return
			}
			b.result, b.lastPath = res, path
			b.openBtn.Enable()
			b.bar.SetValue(1)
			b.e.keepDir(path)
			text := fmt.Sprintf("만들었습니다: %s (파일 %d개, %s)", path, res.Files+1, sizeText(res.Bytes))
			if len(res.Missing) > 0 {
				text += "\n빠진 원본 " + strconv.Itoa(len(res.Missing)) + "건:\n" + strings.Join(res.Missing, "\n")
				b.msg.Importance = widget.WarningImportance
			} else {
				b.msg.Importance = widget.SuccessImportance
			}
			b.msg.SetText(text)
		})
	}()
}

// askVerify checks a bundle chosen from disk against its manifest.
func (b *bundleForm) askVerify() {
	b.e.openFile([]string{".zip"}, func(path string) { b.verify(path) })
}

func (b *bundleForm) verify(path string) {
	c, err := bundle.Verify(path)
	if err != nil {
		b.fail(err)
		return
	}
	b.msg.Importance = widget.SuccessImportance
	if !c.OK() {
		b.msg.Importance = widget.DangerImportance
	}
	b.msg.SetText(c.Summary(path))
}

func (b *bundleForm) fail(err error) {
	b.msg.Importance = widget.DangerImportance
	b.msg.SetText(err.Error())
}

// wait blocks until a bundle being made is written.
func (b *bundleForm) wait() { b.pending.Wait() }

func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1fMB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0fKB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d바이트", n)
}

// showBundle opens 자치구 감사 묶음 for district ("" to choose) and year.
func (e *env) showBundle(district string, year int) *bundleForm {
	b := newBundleForm(e, district, year)
	b.dlg = dialog.NewCustom("자치구 감사 묶음", "닫기", b.object(), e.win)
	b.dlg.Resize(fyne.NewSize(640, 420))
	b.dlg.Show()
	return b
}

// showBundle opens 자치구 감사 묶음 on the district and year chosen for
// the report.
func (s *reportsScreen) showBundle() {
	_, year, district := s.params()
	if year == 0 {
		year = s.e.year
	}
	s.e.showBundle(district, year)
}

// scenes: 자치구 감사 묶음 opened from the reports screen on 강북구.
func (s *reportsScreen) scenes() []Scene {
	return []Scene{{Name: "bundle", Year: 2016, District: "강북구", Show: func() {
		s.e.showBundle("강북구", 2016)
	}}}
}
