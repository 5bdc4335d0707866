package reports

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"hyeopchi/store"
	"hyeopchi/store/value"
)

// wholeMonths reports whether start–end runs from the first day of a
// month to the last day of a month: an item the plan dates by months.
func wholeMonths(start, end store.Date) bool {
	if start.IsZero() || end.IsZero() || !start.Valid() || !end.Valid() || end < start {
		return false
	}
	s, e := start.Time(), end.Time()
	return s.Day() == 1 && e.AddDate(0, 0, 1).Day() == 1
}

// span writes a milestone's time as the plan's Ⅹ does: months for an
// item dated by months ("2017. 2.", "2017. 2.~3.", "~2017. 12." for a
// deadline over the year), else days ("2017. 7. 31.").
func span(m store.Milestone) string {
	start, end := m.Start, m.End
	switch {
	case end.IsZero() || end == start:
		return value.Official(start)
	case start.IsZero():
		return "~" + value.Official(end)
	case !wholeMonths(start, end):
		return value.Official(start) + "~" + value.Official(end)
	}
	s, e := start.Time(), end.Time()
	if m.Deadline && s.Month() == time.January && e.Year() == s.Year() && e.Month() != s.Month() {
		return fmt.Sprintf("~%d. %d.", e.Year(), int(e.Month())) // due by then
	}
	first := fmt.Sprintf("%d. %d.", s.Year(), int(s.Month()))
	switch {
	case e.Year() == s.Year() && e.Month() == s.Month():
		return first
	case e.Year() == s.Year():
		return fmt.Sprintf("%s~%d.", first, int(e.Month()))
	}
	return fmt.Sprintf("%s~%d. %d.", first, e.Year(), int(e.Month()))
}

// monthDate is the plan's document date style: "2017. 2.".
func monthDate(t time.Time) string { return fmt.Sprintf("%d. %d.", t.Year(), int(t.Month())) }

// dotDate is the approval block's date style, as the plan writes it:
// "2017.2.22."; "" for no date.
func dotDate(d store.Date) string {
	if d.IsZero() || !d.Valid() {
		return string(d)
	}
	t := d.Time()
	return fmt.Sprintf("%d.%d.%d.", t.Year(), int(t.Month()), t.Day())
}

// percent writes part of whole as "12.3%", "-" when whole is 0.
func percent(part, whole int64) string {
	if whole == 0 {
		return "-"
	}
	return strconv.FormatFloat(float64(part)*100/float64(whole), 'f', 1, 64) + "%"
}

func yesNo(b bool, yes, no string) string {
	if b {
		return yes
	}
	return no
}

// clean makes text drawable by the embedded fonts: tabs become spaces,
// other control characters go, known look-alikes (‧ ․ for ·) become the
// character the fonts have, and anything else the fonts cannot draw
// becomes "?".
func clean(s string) string {
	out, _ := cleanText(s)
	return out
}

// cleanText is clean, and the characters it had to replace by "?".
func cleanText(s string) (string, []rune) {
	ok := true
	for _, r := range s {
		if r == '\n' || r >= ' ' && r < 0x7F {
			continue
		}
		if unicode.IsControl(r) || !drawable(r) {
			ok = false
			break
		}
	}
	if ok {
		return s, nil
	}
	var b strings.Builder
	var missing []rune
	for _, r := range s {
		switch {
		case r == '\t':
			b.WriteByte(' ')
		case r == '\n':
			b.WriteByte('\n')
		case unicode.IsControl(r):
		case drawable(r):
			b.WriteRune(r)
		case drawable(lookAlikes[r]) && lookAlikes[r] != 0:
			b.WriteRune(lookAlikes[r])
		default:
			missing = append(missing, r)
			b.WriteByte('?')
		}
	}
	return b.String(), missing
}

// formulaLike reports whether a spreadsheet would read s as a formula.
func formulaLike(s string) bool {
	return s != "" && strings.ContainsRune("=+-@", rune(s[0]))
}

// unknown is what a report prints for a value nobody entered.
const unknown = "미기재"

// orUnknown is s, or 미기재 when s is empty.
func orUnknown(s string) string {
	if strings.TrimSpace(s) == "" {
		return unknown
	}
	return s
}
