package reports

import (
	"encoding/binary"
	"sync"

	"hyeopchi/assets"
)

// The embedded fonts draw only the characters their cmap maps; anything
// else prints as an empty box. Every string is checked against both fonts
// (regular and bold) before it is drawn.

// lookAlikes are characters the fonts lack, with the one they have that
// a reader takes for the same: the plan's own text uses U+2027 and U+2024
// as a middle dot.
var lookAlikes = map[rune]rune{
	'\u2027': '·', // ‧ hyphenation point
	'\u2024': '·', // ․ one dot leader
	'\u2219': '·', // ∙ bullet operator
	'\u22C5': '·', // ⋅ dot operator
	'\u00A0': ' ', // no-break space
	'\u2009': ' ', // thin space
	'\u200A': ' ', // hair space
	'\u202F': ' ', // narrow no-break space
	'\u3000': ' ', // ideographic space
	'\u2010': '-', // hyphen
	'\u2011': '-', // non-breaking hyphen
	'\u2012': '-', // figure dash
	'\u2212': '-', // minus sign
	'\uFF5E': '~', // fullwidth tilde
	'\u301C': '~', // wave dash
}

var (
	glyphOnce sync.Once
	glyphSet  []uint64 // bit r set: both fonts draw rune r (BMP only)
)

// drawable reports whether both embedded fonts have a glyph for r.
func drawable(r rune) bool {
	if r < 0 || r > 0xFFFF {
		return false
	}
	glyphOnce.Do(func() {
		reg, bold := cmapBMP(assets.FontRegular), cmapBMP(assets.FontBold)
		glyphSet = make([]uint64, len(reg))
		for i := range reg {
			glyphSet[i] = reg[i] & bold[i]
		}
	})
	return glyphSet[r>>6]&(1<<(uint(r)&63)) != 0
}

// cmapBMP reads a TrueType font's Unicode BMP cmap (format 4) into a
// bitset of the code points that map to a glyph other than .notdef.
func cmapBMP(font []byte) []uint64 {
	set := make([]uint64, 0x10000/64)
	u16 := func(off int) int {
		if off < 0 || off+2 > len(font) {
			return 0
		}
		return int(binary.BigEndian.Uint16(font[off:]))
	}
	u32 := func(off int) int {
		if off < 0 || off+4 > len(font) {
			return 0
		}
		return int(binary.BigEndian.Uint32(font[off:]))
	}
	cmap := -1
	for i, n := 0, u16(4); i < n; i++ {
		rec := 12 + 16*i
		if string(font[rec:rec+4]) == "cmap" {
			cmap = u32(rec + 8)
		}
	}
	if cmap < 0 {
		return set
	}
	sub := -1
	for i, n := 0, u16(cmap+2); i < n; i++ {
		rec := cmap + 4 + 8*i
		platform, encoding := u16(rec), u16(rec+2)
		off := cmap + u32(rec+4)
		if u16(off) == 4 && (platform == 3 && encoding == 1 || platform == 0) {
			sub = off
			break
		}
	}
	if sub < 0 {
		return set
	}
	segs := u16(sub+6) / 2
	ends := sub + 14
	starts := ends + 2*segs + 2
	deltas := starts + 2*segs
	ranges := deltas + 2*segs
	for s := 0; s < segs; s++ {
		end, start := u16(ends+2*s), u16(starts+2*s)
		delta, ro := u16(deltas+2*s), u16(ranges+2*s)
		for c := start; c <= end && c < 0xFFFF; c++ {
			g := 0
			if ro == 0 {
				g = (c + delta) & 0xFFFF
			} else if g = u16(ranges + 2*s + ro + 2*(c-start)); g != 0 {
				g = (g + delta) & 0xFFFF
			}
			if g != 0 {
				set[c>>6] |= 1 << (uint(c) & 63)
			}
		}
	}
	return set
}
