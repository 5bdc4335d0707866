// Package assets holds the files embedded in the binary: the NanumGothic
// fonts (SIL Open Font License, see OFL.txt) and the application icon.
package assets

import _ "embed"

// FontRegular is NanumGothic Regular from Debian's fonts-nanum.
//
//go:embed NanumGothic.ttf
var FontRegular []byte

// FontBold is NanumGothic Bold from Debian's fonts-nanum.
//
//go:embed NanumGothicBold.ttf
var FontBold []byte

// Icon is the application icon (PNG).
//
//go:embed icon.png
var Icon []byte

// Korean is the Korean translation of Fyne's own words (dialog buttons,
// the file dialog, the context menu), which Fyne does not ship.
//
//go:embed base.ko.json
var Korean []byte
