package store

import "strings"

// MaskContact hides personal contact data outside the edit form: a phone
// keeps its first and last groups (010-****-1234), an e-mail its first
// letter and domain (k***@example.kr).
func MaskContact(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if at := strings.IndexByte(s, '@'); at > 0 {
		r := []rune(s[:at])
		return string(r[0]) + "***" + s[at:]
	}
	digits := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	if digits < 4 {
		return strings.Repeat("*", len([]rune(s)))
	}
	// keep the leading group and the last four digits; star the rest
	out := []rune(s)
	firstSep := strings.IndexAny(s, "- .")
	seen := 0
	for i := len(out) - 1; i >= 0; i-- {
		if out[i] < '0' || out[i] > '9' {
			continue
		}
		seen++
		if seen <= 4 {
			continue
		}
		if firstSep > 0 && i < firstSep {
			break
		}
		if firstSep < 0 && i < 3 {
			break
		}
		out[i] = '*'
	}
	return string(out)
}
