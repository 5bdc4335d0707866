package ui

import (
	_ "envfix" // a locale Fyne can parse, before it reads it (also in tests)
	"image/color"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"hyeopchi/assets"
)

var (
	fontRegular = fyne.NewStaticResource("NanumGothic.ttf", assets.FontRegular)
	fontBold    = fyne.NewStaticResource("NanumGothicBold.ttf", assets.FontBold)
	// Icon is the application icon.
	Icon = fyne.NewStaticResource("icon.png", assets.Icon)
)

// Status colours: one meaning each, always shown with a word beside them.
var (
	ColorOK      = color.NRGBA{0x2e, 0x7d, 0x32, 0xff} // 확정/완료
	ColorActive  = color.NRGBA{0x15, 0x65, 0xc0, 0xff} // 진행
	ColorWarn    = color.NRGBA{0xb2, 0x6a, 0x00, 0xff} // 경고/마감 임박
	ColorError   = color.NRGBA{0xc6, 0x28, 0x28, 0xff} // 오류/마감 지남
	ColorNone    = color.NRGBA{0x75, 0x75, 0x75, 0xff} // 해당 없음
	colorPrimary = color.NRGBA{0x1f, 0x4e, 0x8c, 0xff}
)

// Theme is Fyne's default theme with NanumGothic, so that Hangul renders
// the same on every system, and a text size the coordinator can change.
type Theme struct {
	fyne.Theme
	// Scale multiplies the text size (보기 → 글자 크기).
	Scale float32
}

// NewTheme makes the theme at normal text size. It also gives Fyne's own
// words (dialog buttons, the file dialog) in Korean.
func NewTheme() *Theme {
	koreanOnce.Do(func() {
		if err := lang.AddTranslationsForLocale(assets.Korean, fyne.Locale("ko")); err != nil {
			fyne.LogError("한국어 번역을 읽을 수 없습니다", err)
		}
	})
	return &Theme{Theme: theme.DefaultTheme(), Scale: 1}
}

var koreanOnce sync.Once

// Font returns NanumGothic for all text but monospace.
func (t *Theme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Monospace || s.Symbol {
		return t.Theme.Font(s)
	}
	if s.Bold {
		return fontBold
	}
	return fontRegular
}

// Color keeps the default palette with the office's blue as primary.
func (t *Theme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch {
	case n == theme.ColorNamePrimary:
		return colorPrimary
	case n == theme.ColorNamePlaceHolder && v == theme.VariantDark:
		// dimmer than Fyne's, so that a hint never reads as a typed value
		return color.NRGBA{0x80, 0x80, 0x80, 0xff}
	case n == theme.ColorNamePlaceHolder:
		return color.NRGBA{0xa0, 0xa0, 0xa0, 0xff}
	}
	return t.Theme.Color(n, v)
}

// Size scales text sizes.
func (t *Theme) Size(n fyne.ThemeSizeName) float32 {
	s := t.Theme.Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText, theme.SizeNameCaptionText:
		return s * t.Scale
	}
	return s
}
