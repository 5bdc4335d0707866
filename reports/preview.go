package reports

// The preview draws page 1 of a report as a picture from the document
// model, with the PDF's own measurements (column widths, line breaks) and
// the embedded NanumGothic: the same on every machine, no PDF rasterizer.

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"io"
	"math"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"hyeopchi/assets"
)

var (
	previewFontsOnce sync.Once
	previewFonts     [2]*opentype.Font // regular, bold
	previewFontsErr  error
)

func loadPreviewFonts() error {
	previewFontsOnce.Do(func() {
		for i, b := range [][]byte{assets.FontRegular, assets.FontBold} {
			f, err := opentype.Parse(b)
			if err != nil {
				previewFontsErr = fmt.Errorf("미리보기 글꼴을 읽을 수 없습니다: %w", err)
				return
			}
			previewFonts[i] = f
		}
	})
	return previewFontsErr
}

// Preview draws page 1 of report kind at dpi dots per inch and returns it
// with the number of pages the PDF has.
func Preview(kind string, in Input, dpi float64) (*image.RGBA, int, error) {
	if dpi <= 0 {
		return nil, 0, fmt.Errorf("미리보기 해상도 %v 은(는) 쓸 수 없습니다", dpi)
	}
	if err := loadPreviewFonts(); err != nil {
		return nil, 0, err
	}
	d, err := build(kind, &in)
	if err != nil {
		return nil, 0, err
	}
	pages, err := renderPDF(d, &in, io.Discard)
	if err != nil {
		return nil, 0, err
	}
	pw, ph := a4.Wd, a4.Ht
	if !d.cover && d.landscape {
		pw, ph = a4.Ht, a4.Wd
	}
	g := &pageDrawer{
		p: &pdfWriter{f: newFpdf(), in: &in, kind: d.kind, widths: [2]map[rune]int{{}, {}},
			landscape: !d.cover && d.landscape},
		dpi:   dpi,
		pageW: pw, pageH: ph,
		y:     marginTop,
		faces: map[faceKey]font.Face{},
	}
	defer g.closeFaces()
	// rounded up, as PDF rasterizers size a page
	g.img = image.NewRGBA(image.Rect(0, 0, int(math.Ceil(pw*dpi/25.4)), int(math.Ceil(ph*dpi/25.4))))
	draw.Draw(g.img, g.img.Bounds(), image.White, image.Point{}, draw.Src)

	g.officialHeader(d.title, d.cover)
	if !d.cover { // the annual report's page 1 is its cover
		for _, s := range d.sections {
			if g.full {
				break
			}
			g.section(s)
		}
	}
	g.footer(pages)
	return g.img, pages, nil
}

type faceKey struct {
	bold bool
	size float64
}

// pageDrawer lays out page 1 as renderPDF does and paints it; once a page
// break would come, the page is full and the rest is left out.
type pageDrawer struct {
	p            *pdfWriter // measures with the PDF's own font metrics
	img          *image.RGBA
	dpi          float64
	pageW, pageH float64 // mm
	y            float64 // mm from the top
	full         bool
	faces        map[faceKey]font.Face
}

func (g *pageDrawer) closeFaces() {
	for _, f := range g.faces {
		f.Close()
	}
}

func (g *pageDrawer) px(mm float64) int { return int(mm*g.dpi/25.4 + 0.5) }

func (g *pageDrawer) usableW() float64 { return g.pageW - 2*marginSide }
func (g *pageDrawer) bottom() float64  { return g.pageH - marginFoot }
func (g *pageDrawer) room() float64    { return g.bottom() - g.y }

func (g *pageDrawer) face(bold bool, size float64) font.Face {
	k := faceKey{bold, size}
	if f, ok := g.faces[k]; ok {
		return f
	}
	i := 0
	if bold {
		i = 1
	}
	f, err := opentype.NewFace(previewFonts[i], &opentype.FaceOptions{Size: size, DPI: g.dpi, Hinting: font.HintingNone})
	if err != nil {
		f = nil
	}
	g.faces[k] = f
	return f
}

func previewColor(c rgb) color.RGBA { return color.RGBA{uint8(c.r), uint8(c.g), uint8(c.b), 0xff} }

// rect fills a box (when fill is given) and draws its border.
func (g *pageDrawer) rect(x, y, w, h float64, fill *rgb) {
	r := image.Rect(g.px(x), g.px(y), g.px(x+w), g.px(y+h))
	if fill != nil {
		draw.Draw(g.img, r, &image.Uniform{previewColor(*fill)}, image.Point{}, draw.Src)
	}
	line := &image.Uniform{previewColor(lineGray)}
	draw.Draw(g.img, image.Rect(r.Min.X, r.Min.Y, r.Max.X+1, r.Min.Y+1), line, image.Point{}, draw.Src)
	draw.Draw(g.img, image.Rect(r.Min.X, r.Max.Y, r.Max.X+1, r.Max.Y+1), line, image.Point{}, draw.Src)
	draw.Draw(g.img, image.Rect(r.Min.X, r.Min.Y, r.Min.X+1, r.Max.Y+1), line, image.Point{}, draw.Src)
	draw.Draw(g.img, image.Rect(r.Max.X, r.Min.Y, r.Max.X+1, r.Max.Y+1), line, image.Point{}, draw.Src)
}

// hline is a horizontal rule of thickness th mm.
func (g *pageDrawer) hline(x0, x1, y, th float64) {
	t := max(1, g.px(th))
	top := g.px(y) - t/2
	draw.Draw(g.img, image.Rect(g.px(x0), top, g.px(x1), top+t), &image.Uniform{previewColor(lineGray)}, image.Point{}, draw.Src)
}

// cellText writes s in a cell w mm wide and h mm high at (x, y), as
// gofpdf's CellFormat does: inset by cellMargin, centred vertically.
func (g *pageDrawer) cellText(x, y, w, h float64, s string, a align, bold bool, size float64) {
	if s == "" {
		return
	}
	f := g.face(bold, size)
	if f == nil {
		return
	}
	tw := float64(font.MeasureString(f, s)) / 64 * 25.4 / g.dpi
	tx := x + cellMargin
	switch a {
	case alignCenter:
		tx = x + (w-tw)/2
	case alignRight:
		tx = x + w - cellMargin - tw
	}
	base := y + h/2 + 0.3*size*25.4/72
	dr := font.Drawer{Dst: g.img, Src: image.Black, Face: f,
		Dot: fixed.Point26_6{X: fixed.Int26_6(tx * g.dpi / 25.4 * 64), Y: fixed.Int26_6(base * g.dpi / 25.4 * 64)}}
	dr.DrawString(s)
}

// lines writes lines centred vertically in a box, as pdfWriter.text does.
func (g *pageDrawer) lines(x, y, w, h float64, ls []string, a align, bold bool, size float64) {
	lh := lineH(size)
	ty := y + (h-float64(len(ls))*lh)/2
	for i, l := range ls {
		g.cellText(x, ty+float64(i)*lh, w, lh, l, a, bold, size)
	}
}

func (g *pageDrawer) labelled(x, y, w, h float64, s string, bold bool, fill *rgb) {
	g.rect(x, y, w, h, fill)
	g.p.setFont(bold, bodySize)
	g.lines(x, y, w, h, g.p.wrap(s, w-2*cellMargin), alignCenter, bold, bodySize)
}

func (g *pageDrawer) para(text string, bold bool, size float64, a align) {
	g.p.setFont(bold, size)
	lh := lineH(size)
	for _, l := range g.p.wrap(text, g.usableW()-2*cellMargin) {
		if g.room() < lh {
			g.full = true
			return
		}
		g.cellText(marginSide, g.y, g.usableW(), lh, l, a, bold, size)
		g.y += lh
	}
}

func (g *pageDrawer) gap(h float64) {
	if g.room() > h {
		g.y += h
	}
}

func (g *pageDrawer) officialHeader(title string, cover bool) {
	drawOfficialHeader(g, g.p, title, cover)
}

func (g *pageDrawer) box(x, y, w, h float64, fill *rgb) { g.rect(x, y, w, h, fill) }

func (g *pageDrawer) setY(y float64) { g.y = y }

func (g *pageDrawer) paragraph(text string, bold bool, size float64, a align) {
	g.para(text, bold, size, a)
}

func (g *pageDrawer) rule(th float64) { g.hline(marginSide, marginSide+g.usableW(), g.y, th) }

// section mirrors pdfWriter.section up to the end of page 1.
func (g *pageDrawer) section(s section) {
	if s.newPage {
		g.full = true
		return
	}
	if s.title != "" {
		if g.room() < 30 {
			g.full = true
			return
		}
		g.para(s.title, true, 13, alignLeft)
		g.gap(2)
	}
	for _, b := range s.blocks {
		if g.full {
			return
		}
		switch {
		case b.table != nil && b.table.only != xlsxOnly:
			g.table(b.table)
			g.gap(3)
		case b.table == nil && b.bold:
			if g.room() < 25 {
				g.full = true
				return
			}
			g.gap(1)
			g.para(b.text, true, 10.5, alignLeft)
			g.gap(1)
		case b.table == nil:
			g.para(b.text, false, 10, alignLeft)
			g.gap(1.5)
		}
	}
}

// table mirrors pdfWriter.table up to the end of page 1.
func (g *pageDrawer) table(t *table) {
	if len(t.cols) == 0 {
		return
	}
	p := g.p
	t = withEmptyNote(t)
	widths := p.fit(t, g.usableW())
	var head []placed
	headH := 0.0
	if !t.noHead {
		head, headH = p.layoutHead(t.headRows(), widths)
	}
	unitH := 0.0
	if t.unit {
		unitH = lineH(8.5) + 0.5
	}
	rows := make([][]placed, len(t.rows))
	heights := make([]float64, len(t.rows))
	for i, r := range t.rows {
		rows[i], heights[i] = p.layoutRow(r, widths)
	}
	first := 0.0
	if len(rows) > 0 {
		first = heights[0]
	}
	fresh := g.bottom() - marginTop
	if g.room() < unitH+headH+min(first, fresh/3) {
		g.full = true
		return
	}
	if t.unit {
		g.cellText(marginSide, g.y, g.usableW(), lineH(8.5), "(단위 : 천원)", alignRight, false, 8.5)
		g.y += lineH(8.5) + 0.5
	}
	if !t.noHead {
		for _, c := range head {
			g.rect(marginSide+c.x, g.y+c.y, c.w, c.h, &headFill)
			g.lines(marginSide+c.x, g.y+c.y, c.w, c.h, c.lines, c.c.align, true, bodySize)
		}
		g.y += headH
	}
	avail := fresh - headH
	for i, r := range t.rows {
		h := heights[i]
		if r.group != 0 && (i == 0 || t.rows[i-1].group != r.group) {
			if i > 0 {
				g.gap(3)
			}
			gh := 0.0
			for j := i; j < len(t.rows) && t.rows[j].group == r.group; j++ {
				gh += heights[j]
			}
			if gh > g.room() && gh <= avail {
				g.full = true
				return
			}
		}
		if h <= g.room() {
			g.row(r, rows[i], 0, previewMaxLines(rows[i]), h)
			continue
		}
		if h <= avail {
			g.full = true
			return
		}
		// taller than a page: the lines that fit, then the page is full
		n := int((g.room() - 2*cellPad) / lineH(bodySize))
		if n >= 1 {
			to := min(previewMaxLines(rows[i]), n)
			g.row(r, rows[i], 0, to, float64(to)*lineH(bodySize)+2*cellPad)
		}
		g.full = true
		return
	}
}

func previewMaxLines(cells []placed) int {
	n := 1
	for _, c := range cells {
		n = max(n, len(c.lines))
	}
	return n
}

// row mirrors pdfWriter.drawRow.
func (g *pageDrawer) row(r row, cells []placed, from, to int, h float64) {
	var fill *rgb
	switch {
	case r.total:
		fill = &totalFill
	case r.shade:
		fill = &shadeFill
	}
	bold := r.bold || r.total
	lh := lineH(bodySize)
	for _, c := range cells {
		g.rect(marginSide+c.x, g.y, c.w, h, fill)
		lo, hi := min(from, len(c.lines)), min(to, len(c.lines))
		if lo >= hi {
			continue
		}
		in := float64(c.c.indent) * indentStep
		ty := g.y + (h-float64(hi-lo)*lh)/2
		if from > 0 || to < previewMaxLines(cells) {
			ty = g.y + cellPad
		}
		for i, l := range c.lines[lo:hi] {
			g.cellText(marginSide+c.x+in, ty+float64(i)*lh, c.w-in, lh, l, c.c.align, bold, bodySize)
		}
	}
	g.y += h
}

// footer is the page number, as pdfWriter.footer writes it.
func (g *pageDrawer) footer(pages int) {
	g.cellText(marginSide, g.pageH-11, g.usableW(), 5, fmt.Sprintf("-  1  /  %d  -", pages), alignCenter, false, 9)
}
