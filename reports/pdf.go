package reports

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/jung-kurt/gofpdf"

	"hyeopchi/assets"
	"hyeopchi/store"
)

const (
	fontName   = "NanumGothic"
	marginSide = 15.0
	marginTop  = 15.0
	marginFoot = 17.0 // the page number sits in it
	cellMargin = 1.5  // text inset left and right in a cell
	cellPad    = 1.3  // text inset top and bottom in a cell
	bodySize   = 9.0
	indentStep = 4.0 // mm per budget level
	minColumn  = 9.0 // narrowest column, mm
	maxWordMin = 30.0
)

var a4 = gofpdf.SizeType{Wd: 210, Ht: 297}

type rgb struct{ r, g, b int }

var (
	headFill  = rgb{221, 229, 242}
	shadeFill = rgb{240, 240, 240}
	totalFill = rgb{242, 242, 242}
	lineGray  = rgb{70, 70, 70}
)

type pdfWriter struct {
	f         *gofpdf.Fpdf
	in        *Input
	kind      string
	landscape bool
	bold      bool
	size      float64
	widths    [2]map[rune]int // glyph widths in font units, regular and bold
	missing   map[rune]string // characters the fonts lack, with a text that had one
	layouts   map[layoutKey]*tableLayout
	// the font and colours last set in the page's content stream; a
	// repeat is not written again (invalid after a page change)
	fontSet    bool
	setBold    bool
	setSize    float64
	drawSet    bool
	draw, fill rgb
	fillSet    bool
	trace      []headingPlace // where each heading went, and what follows it
	// lonelyTotals counts totals rows that began a page without the row
	// before them (tests want none)
	lonelyTotals int
}

// headingPlace is a heading's page and the page its next block starts on.
type headingPlace struct {
	text       string
	page, next int
}

// strictGlyphs makes an export fail when a text holds a character the
// embedded fonts cannot draw (tests set it); otherwise it prints as "?".
var strictGlyphs = false

// clean is clean(s), remembering any character printed as "?".
func (p *pdfWriter) clean(s string) string {
	out, missing := cleanText(s)
	for _, r := range missing {
		if p.missing == nil {
			p.missing = map[rune]string{}
		}
		if _, ok := p.missing[r]; !ok {
			p.missing[r] = s
		}
	}
	return out
}

// glyphError names the characters the fonts could not draw.
func (p *pdfWriter) glyphError() error {
	if len(p.missing) == 0 {
		return nil
	}
	var rs []rune
	for r := range p.missing {
		rs = append(rs, r)
	}
	slices.Sort(rs)
	var parts []string
	for _, r := range rs {
		parts = append(parts, fmt.Sprintf("%U %q (%q)", r, r, p.missing[r]))
	}
	return fmt.Errorf("내장 글꼴에 없는 글자가 있습니다: %s", strings.Join(parts, ", "))
}

// newFpdf is an A4 document with NanumGothic regular and bold.
func newFpdf() *gofpdf.Fpdf {
	f := gofpdf.New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes(fontName, "", assets.FontRegular)
	f.AddUTF8FontFromBytes(fontName, "B", assets.FontBold)
	// after the fonts, so that their subsets keep the digits the alias becomes
	f.AliasNbPages("{nb}")
	return f
}

// outputMu lets one PDF at a time be written.
var outputMu sync.Mutex

func renderPDF(d *document, in *Input, w io.Writer) (int, error) {
	_, pages, err := render(d, in, w, nil)
	return pages, err
}

// render lays out and writes the document on f (a new one if nil); the
// writer it returns tells where the headings went.
func render(d *document, in *Input, w io.Writer, f *gofpdf.Fpdf) (*pdfWriter, int, error) {
	if f == nil {
		f = newFpdf()
	}
	f.SetMargins(marginSide, marginTop, marginSide)
	f.SetAutoPageBreak(false, marginFoot) // rows are laid out and broken here
	f.SetCellMargin(cellMargin)
	f.SetLineWidth(0.2)
	f.SetTitle(d.title, true)
	f.SetAuthor(issuer(in.Settings), true)
	f.SetSubject(Title(d.kind), true)
	f.SetCreator("hyeopchi 협치 사무국", true)
	f.SetProducer("hyeopchi", true)
	f.SetCreationDate(in.Generated)
	f.SetModificationDate(in.Generated)
	f.SetCatalogSort(true)
	f.SetCompression(false) // packPDF compresses the pages
	p := &pdfWriter{f: f, in: in, kind: d.kind, widths: [2]map[rune]int{{}, {}}}
	f.SetFooterFunc(p.footer)

	if d.cover {
		p.newPage(false)
		p.officialHeader(d.title, true)
		if len(in.Settings.Checklist) > 0 {
			p.newPage(false)
			p.checklist(in.Settings.Checklist)
		}
		// the contents go on pages kept for them, written once the
		// sections are laid out and their first pages known
		first := f.PageNo() + 1
		for range tocPages(len(d.sections)) {
			p.newPage(false)
		}
		starts := make([]int, len(d.sections))
		for i, s := range d.sections {
			starts[i] = p.section(s)
		}
		last := f.PageNo()
		p.contents(d.sections, starts, first)
		f.SetPage(last)
		p.invalidate()
	} else {
		p.newPage(d.landscape)
		p.officialHeader(d.title, false)
		for _, s := range d.sections {
			p.section(s)
		}
	}
	if err := f.Error(); err != nil {
		return p, 0, fmt.Errorf("%s: PDF를 만들 수 없습니다: %w", d.title, err)
	}
	if err := p.glyphError(); err != nil && strictGlyphs {
		return p, 0, fmt.Errorf("%s: %w", d.title, err)
	}
	pages := f.PageNo()
	// gofpdf subsets the shared embedded font bytes in place while it
	// writes (utf8FontFile.generateChecksum appends to them): two PDFs
	// written at once (a preview and a save) would race.
	var raw bytes.Buffer
	outputMu.Lock()
	err := f.Output(&raw)
	outputMu.Unlock()
	if err != nil {
		return p, 0, fmt.Errorf("%s: PDF를 만들 수 없습니다: %w", d.title, err)
	}
	// pages are compressed here, with one zlib writer (pdfpack.go); a file
	// it cannot read is written as it is, uncompressed but whole
	out, _ := packPDF(raw.Bytes())
	if _, err := w.Write(out); err != nil {
		return p, 0, fmt.Errorf("%s: PDF를 쓸 수 없습니다: %w", d.title, err)
	}
	return p, pages, nil
}

func (p *pdfWriter) footer() {
	// two spaces a gap, so that text extraction keeps "- 1 / 5 -" apart
	p.invalidate()
	p.f.SetFont(fontName, "", 9)
	p.f.SetTextColor(0, 0, 0)
	p.f.SetXY(marginSide, p.pageH()-11)
	p.f.CellFormat(p.usableW(), 5, fmt.Sprintf("-  %d  /  {nb}  -", p.f.PageNo()), "", 0, "C", false, 0, "")
}

func (p *pdfWriter) newPage(landscape bool) {
	p.landscape = landscape
	if landscape {
		p.f.AddPageFormat("L", a4)
	} else {
		p.f.AddPageFormat("P", a4)
	}
	p.invalidate()
	p.setFont(p.bold, p.size)
	p.f.SetXY(marginSide, marginTop)
}

// invalidate forgets the font and colours set: on a new page, or another
// page, they are set again.
func (p *pdfWriter) invalidate() { p.fontSet, p.drawSet, p.fillSet = false, false, false }

func (p *pdfWriter) drawColor(c rgb) {
	if !p.drawSet || p.draw != c {
		p.f.SetDrawColor(c.r, c.g, c.b)
		p.draw, p.drawSet = c, true
	}
}

func (p *pdfWriter) fillColor(c rgb) {
	if !p.fillSet || p.fill != c {
		p.f.SetFillColor(c.r, c.g, c.b)
		p.fill, p.fillSet = c, true
	}
}

func (p *pdfWriter) pageW() float64 { w, _ := p.f.GetPageSize(); return w }
func (p *pdfWriter) pageH() float64 { _, h := p.f.GetPageSize(); return h }
func (p *pdfWriter) usableW() float64 {
	return p.pageW() - 2*marginSide
}
func (p *pdfWriter) bottom() float64 { return p.pageH() - marginFoot }
func (p *pdfWriter) room() float64   { return p.bottom() - p.f.GetY() }

func (p *pdfWriter) setFont(bold bool, size float64) {
	if size == 0 {
		size = bodySize
	}
	p.bold, p.size = bold, size
	if p.fontSet && p.setBold == bold && p.setSize == size {
		return
	}
	p.fontSet, p.setBold, p.setSize = true, bold, size
	style := ""
	if bold {
		style = "B"
	}
	p.f.SetFont(fontName, style, size)
}

func lineH(size float64) float64 { return size * 0.3528 * 1.4 }

// width measures s in the current font, in mm.
func (p *pdfWriter) width(s string) float64 {
	u := 0
	for _, r := range s {
		u += p.runeUnits(r)
	}
	return float64(u) * p.unit()
}

func (p *pdfWriter) runeUnits(r rune) int {
	b := 0
	if p.bold {
		b = 1
	}
	if u, ok := p.widths[b][r]; ok {
		return u
	}
	u := p.f.GetStringSymbolWidth(string(r))
	p.widths[b][r] = u
	return u
}

// breakAfter reports whether a line may end after r, next being the rune
// that follows (-1 at the end): at spaces and after "/" "・" ")" "~", and
// after "," or "-" unless a digit follows, so 1,145,622 and 2017-06-30 stay
// whole. A line may also end before "(".
func breakAfter(r, next rune) bool {
	switch r {
	case ' ', '/', '・', '·', ')', '~':
		return true
	case ',', '-':
		return next < '0' || next > '9'
	}
	return false
}

// wrap breaks s into lines no wider than w in the current font: at spaces,
// after "/" "," "・" ")" and before "(", and inside a word only when the word
// alone is wider than w. Nothing is ever cut.
func (p *pdfWriter) wrap(s string, w float64) []string {
	var out []string
	for _, para := range strings.Split(p.clean(s), "\n") {
		out = append(out, p.wrapLine(para, w)...)
	}
	return out
}

func (p *pdfWriter) wrapLine(s string, w float64) []string {
	if s == "" || p.width(s) <= w {
		return []string{s}
	}
	rs := []rune(s)
	var lines []string
	start, brk := 0, -1
	lw := 0.0
	for i := 0; i < len(rs); i++ {
		cw := float64(p.runeUnits(rs[i])) * p.unit()
		if lw+cw > w && i > start {
			end := i
			if brk >= start {
				end = brk + 1
			}
			lines = append(lines, strings.TrimRight(string(rs[start:end]), " "))
			for end < len(rs) && rs[end] == ' ' {
				end++
			}
			start, brk, lw = end, -1, 0
			i = start - 1
			continue
		}
		lw += cw
		next := rune(-1)
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		if breakAfter(rs[i], next) {
			brk = i
		} else if rs[i] == '(' && i > start {
			brk = i - 1
		}
	}
	if start < len(rs) {
		lines = append(lines, strings.TrimRight(string(rs[start:]), " "))
	}
	return lines
}

// longestWord is the widest piece wrap will not break unless it must.
func (p *pdfWriter) longestWord(s string) float64 {
	best, cur := 0.0, 0.0
	rs := []rune(clean(s))
	for i, r := range rs {
		if r == '(' || r == '\n' {
			best, cur = max(best, cur), 0
		}
		if r != '\n' {
			cur += float64(p.runeUnits(r)) * p.unit()
		}
		next := rune(-1)
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		if breakAfter(r, next) {
			best, cur = max(best, cur), 0
		}
	}
	return max(best, cur)
}

func (p *pdfWriter) widest(s string) float64 {
	best := 0.0
	for _, l := range strings.Split(clean(s), "\n") {
		best = max(best, p.width(l))
	}
	return best
}

// ---- paragraphs and sections ----

// para writes a paragraph and returns the page its first line went on.
func (p *pdfWriter) para(text string, bold bool, size float64, a align) int {
	p.setFont(bold, size)
	lh := lineH(p.size)
	first := 0
	for _, l := range p.wrap(text, p.usableW()-2*cellMargin) {
		if p.room() < lh {
			p.newPage(p.landscape)
			p.setFont(bold, size)
		}
		if first == 0 {
			first = p.f.PageNo()
		}
		p.f.SetX(marginSide)
		p.f.CellFormat(p.usableW(), lh, l, "", 1, a.pdf(), false, 0, "")
	}
	return first
}

func (p *pdfWriter) gap(h float64) {
	if p.room() > h {
		p.f.SetY(p.f.GetY() + h)
	}
}

// textHeight is the height a paragraph block takes, gaps included.
func (p *pdfWriter) textHeight(b block) float64 {
	bold, size, before, after := false, 10.0, 0.0, 1.5
	if b.bold {
		bold, size, before, after = true, 10.5, 1, 1
	}
	p.setFont(bold, size)
	return before + float64(len(p.wrap(b.text, p.usableW()-2*cellMargin)))*lineH(size) + after
}

// keepHeight is the room blocks need so that none of their leading
// headings or short lines ends a page without what follows: the text
// blocks up to the first table and that table's start.
func (p *pdfWriter) keepHeight(bs []block) float64 {
	h := 0.0
	for i, b := range bs {
		if b.table != nil {
			if b.table.only == xlsxOnly {
				continue
			}
			return h + p.startHeight(b.table)
		}
		h += p.textHeight(b)
		if i+1 < len(bs) && !b.bold && bs[i+1].bold {
			return h // a paragraph before the next heading may end a page
		}
	}
	return h
}

// ensure starts a new page unless need fits in what is left of this one;
// a block taller than a page starts where it is.
func (p *pdfWriter) ensure(need float64) {
	if need > p.room() && need <= p.bottom()-marginTop {
		p.newPage(p.landscape)
	}
}

// section lays out a section and returns the page it starts on.
func (p *pdfWriter) section(s section) int {
	if s.newPage {
		p.newPage(s.landscape)
	} else if s.title != "" && p.f.GetY() > marginTop+1 {
		p.gap(6) // apart from the section before
	}
	if s.title != "" {
		p.setFont(true, 13)
		p.ensure(lineH(13) + 2 + p.keepHeight(s.blocks))
		p.f.Bookmark(clean(s.title), map[bool]int{false: 0, true: 1}[s.sub], -1)
	}
	start := p.f.PageNo()
	if s.title != "" {
		page := p.para(s.title, true, 13, alignLeft)
		p.gap(2)
		if len(s.blocks) > 0 {
			p.trace = append(p.trace, headingPlace{text: s.title, page: page})
		}
	}
	for i, b := range s.blocks {
		if b.table == nil && i+1 < len(s.blocks) {
			p.ensure(p.keepHeight(s.blocks[i:]))
		}
		first := 0
		switch {
		case b.table != nil && b.table.only != xlsxOnly:
			p.table(b.table)
			if l := p.layouts[layoutKey{b.table, p.usableW()}]; l != nil {
				first = l.firstPage
			}
			p.gap(3)
		case b.table == nil && b.bold:
			p.gap(1)
			first = p.para(b.text, true, 10.5, alignLeft)
			p.gap(1)
		case b.table == nil:
			first = p.para(b.text, false, 10, alignLeft)
			p.gap(1.5)
		}
		if n := len(p.trace); n > 0 && p.trace[n-1].next == 0 && first != 0 {
			p.trace[n-1].next = first
		}
		if b.table == nil && b.bold {
			p.trace = append(p.trace, headingPlace{text: b.text, page: first})
		}
	}
	return start
}

// ---- the official header: 문서번호 block, 결재란, title, date, office ----

func (p *pdfWriter) box(x, y, w, h float64, fill *rgb) {
	style := "D"
	if fill != nil {
		p.fillColor(*fill)
		style = "FD"
	}
	p.drawColor(lineGray)
	p.f.Rect(x, y, w, h, style)
}

// text draws lines centred vertically in a box.
func (p *pdfWriter) text(x, y, w, h float64, lines []string, a align) {
	lh := lineH(p.size)
	ty := y + (h-float64(len(lines))*lh)/2
	for i, l := range lines {
		p.f.SetXY(x, ty+float64(i)*lh)
		p.f.CellFormat(w, lh, l, "", 0, a.pdf(), false, 0, "")
	}
}

func (p *pdfWriter) labelled(x, y, w, h float64, s string, bold bool, fill *rgb) {
	p.box(x, y, w, h, fill)
	p.setFont(bold, bodySize)
	p.text(x, y, w, h, p.wrap(s, w-2*cellMargin), alignCenter)
}

// headerFields are the header's labels and values, and how many stand in
// one row: the PDF and its preview draw them from here.
func (p *pdfWriter) headerFields() (fields [][2]string, perRow int) {
	h := p.in.Settings.Header(p.kind)
	fields = [][2]string{{"문서번호", h.DocNumber}, {"결재일자", dotDate(h.Approved)},
		{"공개여부", h.Disclosure}, {"방침번호", h.PolicyNumber}}
	if p.landscape {
		return fields, 4
	}
	return fields, 2
}

func (p *pdfWriter) officialHeader(title string, cover bool) {
	p.setFont(false, bodySize)
	drawOfficialHeader(p, p, title, cover)
}

// headerSurface is what the official header is drawn on: a PDF page, or
// the preview's picture of page 1. Both measure text with the PDF's fonts.
type headerSurface interface {
	usableW() float64
	labelled(x, y, w, h float64, s string, bold bool, fill *rgb)
	box(x, y, w, h float64, fill *rgb)
	setY(y float64)
	paragraph(text string, bold bool, size float64, a align)
	gap(h float64)
	rule(th float64) // a full-width line at the current height
}

func (p *pdfWriter) setY(y float64) { p.f.SetY(y) }

func (p *pdfWriter) paragraph(text string, bold bool, size float64, a align) {
	p.para(text, bold, size, a)
}

func (p *pdfWriter) rule(th float64) {
	y := p.f.GetY()
	p.drawColor(lineGray)
	p.f.SetLineWidth(th)
	p.f.Line(marginSide, y, marginSide+p.usableW(), y)
	p.f.SetLineWidth(0.2)
}

// drawOfficialHeader draws the 결재문서 head on d: 문서번호 | 결재일자 /
// 공개여부 | 방침번호 as the plan's first page has them (결재일자 stays
// empty until the coordinator records the approval; one row on a
// landscape page, two on a portrait one), the 결재란 and 협조 row, then
// the title, month and issuer. m measures text.
func drawOfficialHeader(d headerSurface, m *pdfWriter, title string, cover bool) {
	s := m.in.Settings
	W := d.usableW()
	x, y := marginSide, marginTop
	fields, perRow := m.headerFields()
	labelW := 20.0
	rowH := 8.0
	vw := (W - float64(perRow)*labelW) / float64(perRow)
	for i, lv := range fields {
		cx := x + float64(i%perRow)*(labelW+vw)
		cy := y + float64(i/perRow)*rowH
		d.labelled(cx, cy, labelW, rowH, lv[0], true, &headFill)
		d.labelled(cx+labelW, cy, vw, rowH, lv[1], false, nil)
	}
	y += float64(len(fields)/perRow)*rowH + 3

	// 결재란: titles over empty signing cells, and a 협조 row
	line := s.ApprovalLine
	labW := 10.0
	cw := (W - labW) / float64(len(line))
	m.setFont(true, bodySize)
	titleH := 7.0
	for _, t := range line {
		titleH = max(titleH, float64(len(m.wrap(t, cw-2*cellMargin)))*lineH(bodySize)+2*cellPad)
	}
	signH := 17.0
	d.labelled(x, y, labW, titleH+signH, "결\n재", true, &headFill)
	for i, t := range line {
		d.labelled(x+labW+float64(i)*cw, y, cw, titleH, t, true, &headFill)
		d.box(x+labW+float64(i)*cw, y+titleH, cw, signH, nil)
	}
	y += titleH + signH
	coopH := 10.0
	d.labelled(x, y, labW, coopH, "협\n조", true, &headFill)
	d.box(x+labW, y, W-labW, coopH, nil)
	y += coopH

	// title, date, office
	tsize, gapTop := 17.0, 9.0
	if cover {
		tsize, gapTop = 24, 60
	}
	d.setY(y + gapTop)
	d.paragraph(title, true, tsize, alignCenter)
	d.gap(map[bool]float64{true: 20, false: 3}[cover])
	d.paragraph(monthDate(m.in.Generated), false, 11, alignCenter)
	d.gap(1)
	d.paragraph(issuer(s), true, 11.5, alignCenter)
	if !cover {
		d.gap(3)
		d.rule(0.5)
		d.gap(5)
	}
}

// ---- 사전 검토항목 and 목차 ----

func (p *pdfWriter) checklist(cs []store.Check) {
	p.para("사전 검토항목", true, 15, alignCenter)
	p.gap(3)
	p.para("☞ 해당사항이 있는 부분에 ‘ ■ ’ 표시하시기 바랍니다. (※ 비고 : 필요시 검토내용 기재)", false, 9.5, alignLeft)
	p.gap(2)
	t := &table{cols: []column{{title: "구 분"}, {title: "사전 검토항목 점검 사항"}, {title: "검토완료"}, {title: "해당없음"}, {title: "비 고"}}}
	for _, c := range cs {
		q := "● " + c.Question
		if c.Example != "" {
			q += "\n예) " + c.Example
		}
		t.add(ctr(c.Area), txt(q), ctr(yesNo(c.Done, "■", "□")), ctr(yesNo(c.Done, "□", "■")), txt(c.Note))
	}
	p.table(t)
}

const (
	tocHead = 22.0 // the contents' title and the space under it
	tocLine = 8.0
)

func tocPerPage(first bool) int {
	h := a4.Ht - marginTop - marginFoot
	if first {
		h -= tocHead
	}
	return int(h / tocLine)
}

// tocPages is how many portrait pages n contents lines take.
func tocPages(n int) int {
	pages := 1
	for n -= tocPerPage(true); n > 0; n -= tocPerPage(false) {
		pages++
	}
	return pages
}

// contents writes the table of contents on the portrait pages kept for it
// from page first on: each section with the page it starts on.
func (p *pdfWriter) contents(ss []section, starts []int, first int) {
	W := a4.Wd - 2*marginSide
	page := first
	p.f.SetPage(page)
	p.invalidate()
	p.drawColor(lineGray)
	p.f.SetTextColor(0, 0, 0)
	p.setFont(true, 16)
	p.f.SetXY(marginSide, marginTop)
	p.f.CellFormat(W, lineH(16), "목 차", "", 0, "C", false, 0, "")
	y := marginTop + tocHead
	left := tocPerPage(true)
	numW := 14.0
	for i, s := range ss {
		if left == 0 {
			page++
			p.f.SetPage(page)
			p.invalidate()
			y, left = marginTop, tocPerPage(false)
		}
		left--
		indent := 0.0
		if s.sub {
			indent = 6
		}
		p.setFont(!s.sub, 10.5)
		title := p.wrap(s.title, W-numW-indent-10)[0]
		p.f.SetXY(marginSide+indent, y)
		p.f.CellFormat(W-numW-indent, tocLine, title, "", 0, "L", false, 0, "")
		tw := p.width(title) + cellMargin + 2
		p.f.SetDashPattern([]float64{0.4, 1.2}, 0)
		p.drawColor(rgb{120, 120, 120})
		p.f.Line(marginSide+indent+tw, y+tocLine*0.65, marginSide+W-numW, y+tocLine*0.65)
		p.f.SetDashPattern(nil, 0)
		p.drawColor(lineGray)
		p.f.SetXY(marginSide+W-numW, y)
		p.f.CellFormat(numW, tocLine, strconv.Itoa(starts[i]), "", 0, "R", false, 0, "")
		y += tocLine
	}
}

// unit is the width in mm of one font unit at the current size.
func (p *pdfWriter) unit() float64 { return p.size * 25.4 / 72 / 1000 }
