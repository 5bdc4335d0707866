package reports

// Tables are measured, then drawn: every cell's text is wrapped to its
// column, a row is as tall as its tallest cell, a row that does not fit
// starts a new page under a repeated header, and a row taller than a page
// continues on the next one.

// placed is a cell laid out in a header or row.
type placed struct {
	c     cell
	x, w  float64
	y, h  float64 // header cells: offset and height within the header
	lines []string
}

// fit gives each column a width: numbers never wrap, text columns share
// what is left in proportion to how much more than their longest word they
// would like.
func (p *pdfWriter) fit(t *table, total float64) []float64 {
	n := len(t.cols)
	pref := make([]float64, n)
	least := make([]float64, n)
	measure := func(c cell, col int, bold bool) {
		if c.cols() > 1 || col >= n {
			return
		}
		p.setFont(bold, bodySize)
		in := float64(c.indent) * indentStep
		w := p.widest(c.text) + 2*cellMargin + in + 0.5
		pref[col] = max(pref[col], w)
		if t.cols[col].numeric && c.numeric {
			least[col] = max(least[col], w)
		} else {
			least[col] = max(least[col], min(p.longestWord(c.text)+2*cellMargin+in+0.5, maxWordMin))
		}
	}
	if !t.noHead {
		for _, hr := range placeHead(t.headRows(), n) {
			measure(hr.c, hr.col, true)
		}
	}
	for _, r := range t.rows {
		col := 0
		for _, c := range r.cells {
			measure(c, col, r.bold || r.total)
			col += c.cols()
		}
	}
	var sumPref, sumLeast float64
	for i := range pref {
		least[i] = max(least[i], minColumn)
		pref[i] = max(pref[i], least[i])
		sumPref += pref[i]
		sumLeast += least[i]
	}
	w := make([]float64, n)
	switch {
	case sumPref <= total:
		for i := range w {
			w[i] = pref[i] + (total-sumPref)*pref[i]/sumPref
		}
	case sumLeast <= total:
		for i := range w {
			w[i] = least[i] + (total-sumLeast)*(pref[i]-least[i])/(sumPref-sumLeast)
		}
	default:
		for i := range w {
			w[i] = least[i] * total / sumLeast
		}
	}
	return w
}

type headPlace struct {
	c                cell
	row, col, cs, rs int
}

// placeHead puts header cells on a grid, honouring column and row spans.
func placeHead(head [][]cell, ncols int) []headPlace {
	occ := make([][]bool, len(head))
	for i := range occ {
		occ[i] = make([]bool, ncols)
	}
	var out []headPlace
	for r, hr := range head {
		col := 0
		for _, c := range hr {
			for col < ncols && occ[r][col] {
				col++
			}
			if col >= ncols {
				break
			}
			cs := min(c.cols(), ncols-col)
			rs := min(max(c.rowspan, 1), len(head)-r)
			for i := r; i < r+rs; i++ {
				for j := col; j < col+cs; j++ {
					occ[i][j] = true
				}
			}
			out = append(out, headPlace{c: c, row: r, col: col, cs: cs, rs: rs})
			col += cs
		}
	}
	return out
}

func offsets(widths []float64) []float64 {
	x := make([]float64, len(widths)+1)
	for i, w := range widths {
		x[i+1] = x[i] + w
	}
	return x
}

// layoutHead wraps the header cells and sizes the header rows.
func (p *pdfWriter) layoutHead(head [][]cell, widths []float64) ([]placed, float64) {
	xs := offsets(widths)
	places := placeHead(head, len(widths))
	p.setFont(true, bodySize)
	lh := lineH(bodySize)
	rowH := make([]float64, len(head))
	for i := range rowH {
		rowH[i] = lh + 2*cellPad
	}
	out := make([]placed, len(places))
	for i, hp := range places {
		w := xs[hp.col+hp.cs] - xs[hp.col]
		out[i] = placed{c: hp.c, x: xs[hp.col], w: w, lines: p.wrap(hp.c.text, w-2*cellMargin)}
		if hp.rs == 1 {
			rowH[hp.row] = max(rowH[hp.row], float64(len(out[i].lines))*lh+2*cellPad)
		}
	}
	for i, hp := range places {
		need := float64(len(out[i].lines))*lh + 2*cellPad
		have := 0.0
		for r := hp.row; r < hp.row+hp.rs; r++ {
			have += rowH[r]
		}
		if need > have {
			rowH[hp.row+hp.rs-1] += need - have
		}
	}
	ys := offsets(rowH)
	for i, hp := range places {
		out[i].y = ys[hp.row]
		out[i].h = ys[hp.row+hp.rs] - ys[hp.row]
	}
	return out, ys[len(ys)-1]
}

// layoutRow wraps a row's cells; missing trailing cells are drawn empty.
func (p *pdfWriter) layoutRow(r row, widths []float64) ([]placed, float64) {
	xs := offsets(widths)
	p.setFont(r.bold || r.total, bodySize)
	var out []placed
	col, most := 0, 1
	for _, c := range r.cells {
		if col >= len(widths) {
			break
		}
		cs := min(c.cols(), len(widths)-col)
		w := xs[col+cs] - xs[col]
		in := float64(c.indent) * indentStep
		lines := p.wrap(c.text, w-2*cellMargin-in)
		most = max(most, len(lines))
		out = append(out, placed{c: c, x: xs[col], w: w, lines: lines})
		col += cs
	}
	for ; col < len(widths); col++ {
		out = append(out, placed{x: xs[col], w: widths[col]})
	}
	return out, float64(most)*lineH(bodySize) + 2*cellPad
}

func (p *pdfWriter) drawHead(cells []placed, h float64) {
	x0, y0 := marginSide, p.f.GetY()
	for _, c := range cells {
		p.box(x0+c.x, y0+c.y, c.w, c.h, &headFill)
		p.setFont(true, bodySize)
		p.text(x0+c.x, y0+c.y, c.w, c.h, c.lines, c.c.align)
	}
	p.f.SetXY(marginSide, y0+h)
}

// drawRow draws lines [from, to) of every cell in a box of height h.
func (p *pdfWriter) drawRow(r row, cells []placed, from, to int, h float64) {
	x0, y0 := marginSide, p.f.GetY()
	var fill *rgb
	switch {
	case r.total:
		fill = &totalFill
	case r.shade:
		fill = &shadeFill
	}
	p.setFont(r.bold || r.total, bodySize)
	lh := lineH(bodySize)
	for _, c := range cells {
		p.box(x0+c.x, y0, c.w, h, fill)
		lo, hi := min(from, len(c.lines)), min(to, len(c.lines))
		if lo >= hi {
			continue
		}
		in := float64(c.c.indent) * indentStep
		ty := y0 + (h-float64(hi-lo)*lh)/2
		if from > 0 || to < p.maxLines(cells) {
			ty = y0 + cellPad // a split row reads top down
		}
		for i, l := range c.lines[lo:hi] {
			p.f.SetXY(x0+c.x+in, ty+float64(i)*lh)
			p.f.CellFormat(c.w-in, lh, l, "", 0, c.c.align.pdf(), false, 0, "")
		}
	}
	p.f.SetXY(marginSide, y0+h)
}

func (p *pdfWriter) maxLines(cells []placed) int {
	n := 1
	for _, c := range cells {
		n = max(n, len(c.lines))
	}
	return n
}

// tableLayout is a table measured for the current page width.
type tableLayout struct {
	t         *table // with the empty note, if any
	head      []placed
	headH     float64
	unitH     float64
	rows      [][]placed
	heights   []float64
	firstPage int // the page its first row went on
}

// layout measures t once per page width.
func (p *pdfWriter) layout(t *table) *tableLayout {
	key := layoutKey{t, p.usableW()}
	if l, ok := p.layouts[key]; ok {
		return l
	}
	l := &tableLayout{t: withEmptyNote(t)}
	widths := p.fit(l.t, p.usableW())
	if !l.t.noHead {
		l.head, l.headH = p.layoutHead(l.t.headRows(), widths)
	}
	if l.t.unit {
		l.unitH = lineH(8.5) + 0.5
	}
	l.rows = make([][]placed, len(l.t.rows))
	l.heights = make([]float64, len(l.t.rows))
	for i, r := range l.t.rows {
		l.rows[i], l.heights[i] = p.layoutRow(r, widths)
	}
	if p.layouts == nil {
		p.layouts = map[layoutKey]*tableLayout{}
	}
	p.layouts[key] = l
	return l
}

type layoutKey struct {
	t *table
	w float64
}

// startHeight is what must fit on a page for a table to begin there: its
// unit note, header and first rows (the first row group of a table
// without a header), at most a third of a page.
func (p *pdfWriter) startHeight(t *table) float64 {
	if len(t.cols) == 0 {
		return 0
	}
	l := p.layout(t)
	rows := 0.0
	for i, r := range l.t.rows {
		if i >= 2 && (r.group == 0 || r.group != l.t.rows[0].group) {
			break
		}
		rows += l.heights[i]
	}
	fresh := p.bottom() - marginTop
	return l.unitH + l.headH + min(rows, fresh/3)
}

// table draws t at the current position, or on a new page when its start
// does not fit: its unit note, its header (repeated on every page it
// continues on), then its rows.
func (p *pdfWriter) table(t *table) {
	if len(t.cols) == 0 {
		return
	}
	l := p.layout(t)
	if p.room() < p.startHeight(t) {
		p.newPage(p.landscape)
	}
	l.firstPage = p.f.PageNo()
	t = l.t
	fresh := p.bottom() - marginTop // a whole page
	if t.unit {
		p.setFont(false, 8.5)
		p.f.SetX(marginSide)
		p.f.CellFormat(p.usableW(), lineH(8.5), "(단위 : 천원)", "", 1, "R", false, 0, "")
		p.f.SetY(p.f.GetY() + 0.5)
	}
	d := &tableDraw{p: p, l: l, pageOf: make([]int, len(t.rows)), avail: fresh - l.headH}
	if !t.noHead {
		p.drawHead(l.head, l.headH)
	}
	for i := range t.rows {
		d.row(i)
	}
	if n := len(t.rows); n > 1 && t.rows[n-1].total && d.pageOf[n-1] != d.pageOf[n-2] {
		p.lonelyTotals++
	}
}

// tableDraw is a table being drawn row by row.
type tableDraw struct {
	p      *pdfWriter
	l      *tableLayout
	pageOf []int   // the page each row ends on
	avail  float64 // the height a row has on a page of its own
}

// startPage goes on to a new page and repeats the header there.
func (d *tableDraw) startPage() {
	d.p.newPage(d.p.landscape)
	if !d.l.t.noHead {
		d.p.drawHead(d.l.head, d.l.headH)
	}
}

// row draws row i: on this page when it fits, else on the next; a row
// taller than a page goes on over as many pages as it needs.
func (d *tableDraw) row(i int) {
	p, t := d.p, d.l.t
	r, h, cells := t.rows[i], d.l.heights[i], d.l.rows[i]
	d.keepGroup(i)
	d.keepTotal(i)
	if h <= p.room() {
		p.drawRow(r, cells, 0, p.maxLines(cells), h)
		d.pageOf[i] = p.f.PageNo()
		return
	}
	if h <= d.avail {
		d.startPage()
		p.drawRow(r, cells, 0, p.maxLines(cells), h)
		d.pageOf[i] = p.f.PageNo()
		return
	}
	d.split(i)
	d.pageOf[i] = p.f.PageNo()
}

// keepGroup sets the first row of a group apart from the group before, and
// starts a new page for the group when it does not fit on this one but
// would fit on a page of its own.
func (d *tableDraw) keepGroup(i int) {
	t := d.l.t
	r := t.rows[i]
	if r.group == 0 || (i > 0 && t.rows[i-1].group == r.group) {
		return
	}
	if i > 0 { // blocks stand apart
		d.p.gap(3)
	}
	g := 0.0
	for j := i; j < len(t.rows) && t.rows[j].group == r.group; j++ {
		g += d.l.heights[j]
	}
	if g > d.p.room() && g <= d.avail {
		d.startPage()
	}
}

// keepTotal starts a new page before row i when the totals row after it
// would otherwise start a page alone: the row before goes with it.
func (d *tableDraw) keepTotal(i int) {
	t, hs, room := d.l.t, d.l.heights, d.p.room()
	h := hs[i]
	if !t.rows[i].total && i+1 < len(t.rows) && t.rows[i+1].total && h <= room &&
		h+hs[i+1] > room && h+hs[i+1] <= d.avail {
		d.startPage()
	}
}

// split draws a row taller than a page: as many lines as fit, then on.
func (d *tableDraw) split(i int) {
	p := d.p
	r, cells := d.l.t.rows[i], d.l.rows[i]
	lh := lineH(bodySize)
	total := p.maxLines(cells)
	for from := 0; from < total; {
		n := int((p.room() - 2*cellPad) / lh)
		if n < 1 {
			d.startPage()
			continue
		}
		to := min(total, from+n)
		p.drawRow(r, cells, from, to, float64(to-from)*lh+2*cellPad)
		from = to
		if from < total {
			d.startPage()
		}
	}
}

// withEmptyNote gives a table with no data rows one row that says so, above
// its totals row, so that an empty year reads as empty, not as broken.
func withEmptyNote(t *table) *table {
	for _, r := range t.rows {
		if !r.total {
			return t
		}
	}
	c := ctr("해당 자료가 없습니다")
	c.span = len(t.cols)
	out := *t
	out.rows = append([]row{{cells: []cell{c}}}, t.rows...)
	return &out
}
