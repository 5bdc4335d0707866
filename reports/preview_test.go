package reports

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// inkGrid is how dark each block of block×block pixels of img is, 0…1.
func inkGrid(img image.Image, block int) [][]float64 {
	b := img.Bounds()
	rows, cols := b.Dy()/block, b.Dx()/block
	g := make([][]float64, rows)
	for r := range g {
		g[r] = make([]float64, cols)
		for c := range g[r] {
			sum := 0.0
			for y := 0; y < block; y++ {
				for x := 0; x < block; x++ {
					cr, cg, cb, _ := img.At(b.Min.X+c*block+x, b.Min.Y+r*block+y).RGBA()
					sum += 1 - float64(cr+cg+cb)/3/0xffff
				}
			}
			g[r][c] = sum / float64(block*block)
		}
	}
	return g
}

// inkDiff is the mean difference of two pages' ink, block by block.
func inkDiff(a, b image.Image, block int) float64 {
	ga, gb := inkGrid(a, block), inkGrid(b, block)
	n, sum := 0, 0.0
	for r := 0; r < min(len(ga), len(gb)); r++ {
		for c := 0; c < min(len(ga[r]), len(gb[r])); c++ {
			d := ga[r][c] - gb[r][c]
			if d < 0 {
				d = -d
			}
			sum += d
			n++
		}
	}
	return sum / float64(n)
}

func totalInk(img image.Image) float64 {
	g := inkGrid(img, 1)
	sum := 0.0
	for _, r := range g {
		for _, v := range r {
			sum += v
		}
	}
	return sum / float64(len(g)*len(g[0]))
}

// The preview is page 1 as the PDF shows it: same size, and block by block
// the same ink as poppler's rendering of the PDF, much closer than any
// other report's page 1.
func TestPreviewMatchesPDFPage1(t *testing.T) {
	const dpi = 60
	dir := t.TempDir()
	refs := map[string]image.Image{}
	previews := map[string]image.Image{}
	for _, c := range planCases {
		path, pages := makePDF(t, c)
		prefix := filepath.Join(dir, c.kind)
		tool(t, "pdftoppm", "-r", "60", "-f", "1", "-l", "1", "-png", "-singlefile", path, prefix)
		b, err := os.ReadFile(prefix + ".png")
		if err != nil {
			t.Fatal(err)
		}
		ref, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		img, n, err := Preview(c.kind, planInput(c.kind, c.year, c.district), dpi)
		if err != nil {
			t.Fatalf("%s: %v", c.kind, err)
		}
		if n != pages {
			t.Errorf("%s: preview says %d pages, the PDF has %d", c.kind, n, pages)
		}
		if img.Bounds().Size() != ref.Bounds().Size() {
			t.Errorf("%s: preview %v, PDF page %v", c.kind, img.Bounds().Size(), ref.Bounds().Size())
			continue
		}
		refs[c.kind], previews[c.kind] = ref, img
	}
	for kind, img := range previews {
		same := inkDiff(img, refs[kind], 8)
		t.Logf("%s: ink %.4f (PDF %.4f), block difference %.4f", kind, totalInk(img), totalInk(refs[kind]), same)
		if same > 0.02 {
			t.Errorf("%s: the preview differs from the PDF's page 1 by %.4f a block", kind, same)
		}
		for other, ref := range refs {
			if other == kind || ref.Bounds() != img.Bounds() {
				continue
			}
			if d := inkDiff(img, ref, 8); d < 2*same {
				t.Errorf("%s: the preview is as close to %s's page 1 (%.4f) as to its own (%.4f)", kind, other, d, same)
			}
		}
	}
}

// A4 (210 × 297 mm) at 50 dpi is 414 × 585 pixels; a wrong request is a
// Korean error, not a picture.
func TestPreviewSizeAndErrors(t *testing.T) {
	in := Input{Year: 2017, Settings: planSettings(), Generated: generated}
	img, pages, err := Preview(KindBudget, in, 50)
	if err != nil {
		t.Fatal(err)
	}
	if w, h := img.Bounds().Dx(), img.Bounds().Dy(); w != 414 || h != 585 || pages < 1 {
		t.Fatalf("budget page 1 is %dx%d, %d pages", w, h, pages)
	}
	if totalInk(img) < 0.005 {
		t.Fatal("page 1 is blank")
	}
	for _, c := range []struct {
		kind string
		in   Input
		dpi  float64
		want string
	}{
		{"nope", in, 50, "보고서 종류 \"nope\" 을(를) 알 수 없습니다"},
		{KindDistrict, in, 50, "자치구 지역협치 현황: 자치구를 선택하세요"},
		{KindBudget, in, 0, "미리보기 해상도 0 은(는) 쓸 수 없습니다"},
	} {
		if _, _, err := Preview(c.kind, c.in, c.dpi); err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("Preview(%s, dpi %v): %v, want %q", c.kind, c.dpi, err, c.want)
		}
	}
}
