package value

import (
	"regexp"
	"strings"
)

var (
	emailRe = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}`)
	phoneRe = regexp.MustCompile(`(\+?\d{2,3})([-.\s)]?)(\d{3,4})([-.\s]?)(\d{4})`)
)

// MaskContact hides personal contact data outside the edit form: a phone
// number keeps its first group and last four digits (010-****-1234), an
// e-mail address its first letter and domain (k***@example.kr). Other text
// around them stays.
func MaskContact(s string) string {
	s = strings.TrimSpace(s)
	masked := emailRe.ReplaceAllStringFunc(s, func(m string) string {
		at := strings.IndexByte(m, '@')
		r := []rune(m[:at])
		return string(r[0]) + "***" + m[at:]
	})
	masked = phoneRe.ReplaceAllStringFunc(masked, func(m string) string {
		p := phoneRe.FindStringSubmatch(m)
		return p[1] + p[2] + strings.Repeat("*", len(p[3])) + p[4] + p[5]
	})
	if masked == s {
		// an address the pattern does not know, e.g. a Hangul local part
		if at := strings.IndexByte(s, '@'); at > 0 && !strings.ContainsAny(s, " \t") {
			return string([]rune(s[:at])[0]) + "***" + s[at:]
		}
	}
	return masked
}

// IsContact accepts an e-mail address or a phone number (9–11
// digits with -, space, . or parentheses).
func IsContact(s string) bool {
	if at := strings.IndexByte(s, '@'); at > 0 && strings.Contains(s[at:], ".") && !strings.ContainsAny(s, " ,") {
		return true
	}
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune("-. ()+", r):
		default:
			return false
		}
	}
	return digits >= 9 && digits <= 12
}
