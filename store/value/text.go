package value

import (
	"errors"
	"strings"
	"unicode"
)

// ErrEmpty marks an empty cell or field; callers decide whether that is
// allowed (a form reads it as "not entered").
var ErrEmpty = errors.New("빈 칸입니다")

// Clean trims a value's text, counting no-break and ideographic spaces and
// zero-width characters as spaces.
func Clean(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u200b', '\u200c', '\u200d', '\ufeff':
			return -1
		case '\u00a0', '\u3000':
			return ' '
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// Compact removes every space, also inside ("자 치 구" is "자치구").
func Compact(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' {
			return -1
		}
		return r
	}, s)
}

// IsDash reports whether a value is only a dash, which Korean tables use
// for "none" or zero.
func IsDash(s string) bool {
	switch s {
	case "-", "–", "—", "－", "‐", "―":
		return true
	}
	return false
}

// SpreadsheetError reports whether s is a spreadsheet error value such as #REF!.
func SpreadsheetError(s string) bool {
	switch s {
	case "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!":
		return true
	}
	return false
}

// listSeparators split a list of fields: "마을/교육", "마을, 교육", "마을·교육"
// and the other middle dots Korean documents use.
const listSeparators = "/,·ㆍ・‧∙•、，／"

// ParseList splits a list into its trimmed, non-empty items.
func ParseList(raw string) []string {
	parts := strings.FieldsFunc(raw, func(r rune) bool { return strings.ContainsRune(listSeparators, r) })
	var out []string
	for _, p := range parts {
		if p = Clean(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// ListText writes a list as a form field and the lists show it: "마을/교육".
func ListText(items []string) string { return strings.Join(items, "/") }

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}
