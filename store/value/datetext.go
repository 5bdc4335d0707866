package value

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Dates are written in many ways; these patterns read one date, the
// period reader finds two in a value.
const dateCore = `((?:[0-9]{4})|(?:['’‘][0-9]{2}))\s*(?:[-./]|년)\s*([0-9]{1,2})\s*(?:[-./]|월)\s*([0-9]{1,2})\s*(?:\.|일)?(?:\s*\(\s*[월화수목금토일]\s*\))?`

var (
	dateOne    = regexp.MustCompile(`^` + dateCore + `$`)
	dateDigits = regexp.MustCompile(`^([0-9]{4})([0-9]{2})([0-9]{2})$`)
	dateISO    = regexp.MustCompile(`^([0-9]{4})-([0-9]{2})-([0-9]{2})[T ]00:00(:00(\.0+)?)?(Z|[+-]00:?00)?$`)
	dateAny    = regexp.MustCompile(dateCore + `|[0-9]{8}`)
	timeText   = regexp.MustCompile(`^[0-9]{1,2}:[0-9]{2}(\s*[-~∼～]\s*[0-9]{1,2}:[0-9]{2})?$`)
	monthsNote = regexp.MustCompile(`\(?\s*([0-9]{1,3})\s*개월\s*\)?`)
)

// DateExample is what every date message offers as the expected form.
const DateExample = "예: 2017-07-31"

// ReadDate reads one date as people write it: "2017-07-31", "2017.7.31.",
// "2017년 7월 31일 (월)", "'17.7.31", "20170731". Empty is ErrEmpty.
// A spreadsheet's date serial is the importer's to turn into a Date.
func ReadDate(raw string) (Date, error) {
	s := Clean(raw)
	if s == "" {
		return "", ErrEmpty
	}
	if SpreadsheetError(s) {
		return "", fmt.Errorf("수식 오류 값 %q 이(가) 들어 있습니다 (날짜가 필요합니다, %s)", s, DateExample)
	}
	var g []string
	if g = dateOne.FindStringSubmatch(s); g == nil {
		if g = dateDigits.FindStringSubmatch(s); g == nil {
			g = dateISO.FindStringSubmatch(s)
		}
	}
	if g == nil {
		return "", fmt.Errorf("%q 은(는) 날짜가 아닙니다 (%s)", s, DateExample)
	}
	return makeDate(s, g[1], g[2], g[3])
}

// makeDate checks that year, month and day name a real calendar day.
func makeDate(s, ys, ms, ds string) (Date, error) {
	if strings.IndexAny(ys, "'’‘") == 0 {
		_, size := firstRune(ys)
		ys = "20" + ys[size:]
	}
	y, _ := strconv.Atoi(ys) // the patterns matched digits only
	m, _ := strconv.Atoi(ms)
	d, _ := strconv.Atoi(ds)
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || d < 1 || t.Day() != d {
		return "", fmt.Errorf("%q 은(는) 없는 날짜입니다 (%s)", s, DateExample)
	}
	return CheckDateYear(s, DateOf(t))
}

// CheckDateYear refuses a date read from s whose year is outside the
// programme's range, a typing mistake rather than a date.
func CheckDateYear(s string, d Date) (Date, error) {
	if y := d.Year(); y < MinYear || y > MaxYear {
		return "", fmt.Errorf("%q 은(는) %d년으로 읽혀 날짜로 보기 어렵습니다 (%s)", s, y, DateExample)
	}
	return d, nil
}

// IsDateNumber reports whether s is a plain number that is not an
// eight-digit date: what a spreadsheet's date serial looks like.
func IsDateNumber(s string) bool {
	return plainNumber.MatchString(s) && !dateDigits.MatchString(s)
}

// periodConnectors may stand between and around the two dates of a period.
var periodConnectors = strings.NewReplacer("부터", "", "까지", "", "~", "", "∼", "", "〜", "", "～", "",
	"-", "", "–", "", "—", "", "‐", "", "→", "", ",", "", ".", "", "(", "", ")", "")

// ReadPeriod reads a period in one value: "2016.11.01.부터 2017.06.30.까지",
// "2016.11.01 ~ 2017.06.30", either followed by "(8개월)". months is the
// stated number of months, 0 if none is stated.
func ReadPeriod(raw string) (start, end Date, months int, err error) {
	s := Clean(raw)
	if s == "" {
		return "", "", 0, ErrEmpty
	}
	bad := fmt.Errorf("%q 은(는) 사업기간이 아닙니다 (예: 2016.11.01 ~ 2017.06.30, 또는 2016.11.01.부터 2017.06.30.까지)", s)
	rest, months, err := cutMonths(s, bad)
	if err != nil {
		return "", "", 0, err
	}
	locs := dateAny.FindAllStringIndex(rest, -1)
	if len(locs) != 2 {
		if len(locs) == 1 && Compact(periodConnectors.Replace(rest[:locs[0][0]]+rest[locs[0][1]:])) == "" {
			return "", "", 0, fmt.Errorf("%q 에는 날짜가 하나뿐입니다: 사업기간은 시작일과 종료일이 필요합니다 (예: 2016.11.01 ~ 2017.06.30)", s)
		}
		return "", "", 0, bad
	}
	between := rest[:locs[0][0]] + " " + rest[locs[0][1]:locs[1][0]] + " " + rest[locs[1][1]:]
	if Compact(periodConnectors.Replace(between)) != "" {
		return "", "", 0, bad
	}
	if start, err = ReadDate(rest[locs[0][0]:locs[0][1]]); err != nil {
		return "", "", 0, err
	}
	if end, err = ReadDate(rest[locs[1][0]:locs[1][1]]); err != nil {
		return "", "", 0, err
	}
	if end < start {
		return "", "", 0, fmt.Errorf("%q 의 종료일 %s 이(가) 시작일 %s 보다 앞섭니다", s, end, start)
	}
	return start, end, months, nil
}

// cutMonths takes the stated "(8개월)" out of a period's text.
func cutMonths(s string, bad error) (rest string, months int, err error) {
	locs := monthsNote.FindAllStringSubmatchIndex(s, -1)
	if len(locs) == 0 {
		return s, 0, nil
	}
	if len(locs) > 1 {
		return "", 0, bad
	}
	l := locs[0]
	months, _ = strconv.Atoi(s[l[2]:l[3]]) // the pattern matched 1–3 digits
	if months < 1 || months > 120 {
		return "", 0, fmt.Errorf("%q 의 개월 수 %d 이(가) 맞지 않습니다 (1~120개월)", s, months)
	}
	return s[:l[0]] + " " + s[l[1]:], months, nil
}

// PeriodText writes a period into a form field: "2016-11-01 ~ 2017-06-30",
// "" for none.
func PeriodText(start, end Date) string {
	if start.IsZero() && end.IsZero() {
		return ""
	}
	return fmt.Sprintf("%s ~ %s", start, end)
}

// ReadTime reads a session's 시간: text such as "14:00-17:00" as it is; a
// spreadsheet time (a fraction of a day, when serial) as "14:00".
func ReadTime(raw string, serial bool) string {
	s := Clean(raw)
	if serial && plainNumber.MatchString(s) {
		if f, err := strconv.ParseFloat(s, 64); err == nil && f >= 0 && f < 1 {
			mins := int(math.Round(f * 24 * 60))
			return fmt.Sprintf("%02d:%02d", mins/60%24, mins%60)
		}
	}
	return s
}

// Official writes a date as official documents do: "2016. 11. 1."; "" for
// no date. A text that is not a date is printed as it is.
func Official(d Date) string {
	if d.IsZero() {
		return ""
	}
	if !d.Valid() {
		return string(d)
	}
	t := d.Time()
	return fmt.Sprintf("%d. %d. %d.", t.Year(), int(t.Month()), t.Day())
}

// OfficialPeriod writes a plan period as official documents do:
// "2016. 11. 1.~2017. 6. 30.(8개월)". months is what the document states;
// 0 means count them.
func OfficialPeriod(start, end Date, months int) string {
	if start.IsZero() && end.IsZero() {
		return ""
	}
	if months == 0 {
		months = MonthsBetween(start, end)
	}
	s := Official(start) + "~" + Official(end)
	if months > 0 {
		s += fmt.Sprintf("(%d개월)", months)
	}
	return s
}

// ReadDateTime reads a value that holds a date and then a time, as an
// 일시 column does: "2017.4.5.(수) 14:00-17:00"; ok is false for anything
// else.
func ReadDateTime(raw string) (d Date, clock string, ok bool) {
	s := Clean(raw)
	loc := dateAny.FindStringIndex(s)
	if loc == nil || loc[0] != 0 {
		return "", "", false
	}
	d, err := ReadDate(s[:loc[1]])
	if err != nil {
		return "", "", false
	}
	rest := Clean(s[loc[1]:])
	if !timeText.MatchString(rest) {
		return "", "", false
	}
	return d, rest, true
}
