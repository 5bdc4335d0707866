package reports

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"hyeopchi/store"
)

// comma writes n with thousands separators: 1145622 → "1,145,622".
func comma(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// period writes a plan period the way the window does:
// "2016-11-01 ~ 2017-06-30 (8개월)". months is what the document states;
// 0 means count them.
func period(start, end store.Date, months int) string {
	if start.IsZero() && end.IsZero() {
		return ""
	}
	if months == 0 {
		months = store.MonthsBetween(start, end)
	}
	s := string(start) + " ~ " + string(end)
	if months > 0 {
		s += fmt.Sprintf(" (%d개월)", months)
	}
	return s
}

// span writes a milestone's span: one date, or "2017-02-01 ~ 2017-03-31".
func span(start, end store.Date) string {
	switch {
	case end.IsZero() || end == start:
		return string(start)
	case start.IsZero():
		return "~ " + string(end)
	}
	return string(start) + " ~ " + string(end)
}

// monthDate is the plan's document date style: "2017. 2.".
func monthDate(t time.Time) string { return fmt.Sprintf("%d. %d.", t.Year(), int(t.Month())) }

// dotDate is the approval block's date style: "2017.2.22.".
func dotDate(t time.Time) string {
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

// MaskContact hides personal contact data as every screen does.
func MaskContact(s string) string { return store.MaskContact(s) }

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
