package workbook

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/xuri/excelize/v2"

	"hyeopchi/store"
)

// errEmpty marks an empty cell; callers decide whether that is allowed.
var errEmpty = errors.New("빈 칸입니다")

// clean trims a cell's text, counting no-break and ideographic spaces and
// zero-width characters as spaces.
func clean(s string) string {
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

// compact removes every space, also inside ("자 치 구" is "자치구").
func compact(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' {
			return -1
		}
		return r
	}, s)
}

// isDash reports whether a cell holds only a dash, which Korean tables use
// for "none" or zero.
func isDash(s string) bool {
	switch s {
	case "-", "–", "—", "－", "‐", "―":
		return true
	}
	return false
}

// excelError reports whether s is a spreadsheet error value such as #REF!.
func excelError(s string) bool {
	switch s {
	case "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!":
		return true
	}
	return false
}

var (
	plainNumber   = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?$`)
	groupedNumber = regexp.MustCompile(`^[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$`)
	sciNumber     = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?[eE][+-]?[0-9]+$`)
)

// maxAmount is a ceiling far above any grant (a trillion 천원) that keeps
// the arithmetic of sums away from overflow.
const maxAmount = 1_000_000_000_000

// parseAmount reads an amount in 천원: a number, "200,000", "200,000천원",
// " 200000 ". An empty cell is errEmpty; a dash is 0.
func parseAmount(raw string) (int64, error) {
	s := clean(raw)
	if s == "" {
		return 0, errEmpty
	}
	if isDash(s) {
		return 0, nil
	}
	if excelError(s) {
		return 0, fmt.Errorf("수식 오류 값 %q 이(가) 들어 있습니다 (천원 단위 금액이 필요합니다)", s)
	}
	t := compact(s)
	neg := false
	switch {
	case strings.HasPrefix(t, "-"), strings.HasPrefix(t, "−"), strings.HasPrefix(t, "△"), strings.HasPrefix(t, "▲"):
		neg = true
		_, size := firstRune(t)
		t = t[size:]
	case strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")"):
		neg = true
		t = t[1 : len(t)-1]
	}
	if u, ok := strings.CutSuffix(t, "천원"); ok {
		t = u
	} else if u, ok := strings.CutSuffix(t, "원"); ok && isNumberText(u) {
		return 0, fmt.Errorf("%q 은(는) 원 단위입니다: 천원 단위로 적어 주세요 (예: 200,000,000원은 200,000)", s)
	}
	if !isNumberText(t) {
		return 0, fmt.Errorf("%q 은(는) 금액이 아닙니다 (천원 단위 숫자, 예: 250,000)", s)
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(t, ",", ""), 64)
	if err != nil || f > maxAmount {
		return 0, fmt.Errorf("%q 은(는) 금액으로 너무 큽니다 (천원 단위, 예: 250,000)", s)
	}
	if neg && f != 0 {
		return 0, fmt.Errorf("%q 은(는) 음수입니다: 금액은 0 이상이어야 합니다", s)
	}
	if !isWhole(f) {
		return 0, fmt.Errorf("%q 은(는) 소수입니다: 금액은 천원 단위 정수로 적어 주세요 (예: %s)", s, thousands(int64(math.Round(f))))
	}
	return int64(math.Round(f)), nil
}

// isNumberText reports whether s is a plain, grouped or scientific number.
func isNumberText(s string) bool {
	return plainNumber.MatchString(s) || groupedNumber.MatchString(s) || sciNumber.MatchString(s)
}

// isWhole reports whether f is an integer, allowing for the rounding noise
// a spreadsheet's binary floats leave.
func isWhole(f float64) bool { return math.Abs(f-math.Round(f)) < 1e-6 }

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

// thousands writes n with thousands separators: 1145622 is "1,145,622".
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// countUnits are the counters people write after a number of persons or
// sessions.
var countUnits = []string{"개월", "명", "회", "인", "개", "차"}

// parseCount reads a count of people or a session number: "12", "12명",
// "제3회", a number cell. An empty cell is errEmpty; a dash is 0.
func parseCount(raw, what string) (int, error) {
	s := clean(raw)
	if s == "" {
		return 0, errEmpty
	}
	if isDash(s) {
		return 0, nil
	}
	if excelError(s) {
		return 0, fmt.Errorf("수식 오류 값 %q 이(가) 들어 있습니다 (%s: 숫자가 필요합니다)", s, what)
	}
	t := strings.TrimPrefix(compact(s), "제")
	for _, u := range countUnits {
		if v, ok := strings.CutSuffix(t, u); ok {
			t = v
			break
		}
	}
	if strings.HasPrefix(t, "-") && isNumberText(t[1:]) {
		return 0, fmt.Errorf("%q 은(는) 음수입니다: %s은(는) 0 이상이어야 합니다", s, what)
	}
	if !isNumberText(t) {
		return 0, fmt.Errorf("%q 은(는) 숫자가 아닙니다 (%s, 예: 12)", s, what)
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(t, ",", ""), 64)
	if err != nil || f > 1_000_000 {
		return 0, fmt.Errorf("%q 은(는) %s(으)로 보기에 너무 큽니다", s, what)
	}
	if !isWhole(f) {
		return 0, fmt.Errorf("%q 은(는) 소수입니다: %s은(는) 정수여야 합니다", s, what)
	}
	return int(math.Round(f)), nil
}

// Years outside these bounds are typing mistakes, not programme years.
const (
	minYear = 2000
	maxYear = 2099
)

// parseYear reads a programme year: 2017, "2017", "2017년".
func parseYear(raw string) (int, error) {
	s := clean(raw)
	if s == "" {
		return 0, errEmpty
	}
	t := strings.TrimSuffix(compact(s), "년")
	t = strings.TrimSuffix(t, "년도")
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || !plainNumber.MatchString(t) || !isWhole(f) || f < minYear || f > maxYear {
		return 0, fmt.Errorf("%q 은(는) 연도가 아닙니다 (네 자리 숫자, 예: 2017)", s)
	}
	return int(math.Round(f)), nil
}

// parseDistrict reads a district name with or without 구 and with or
// without the city in front: "관악", "관악구", "서울특별시 관악구".
func parseDistrict(raw string) (string, error) {
	s := clean(raw)
	if s == "" {
		return "", errEmpty
	}
	t := compact(s)
	for _, city := range []string{"서울특별시", "서울시", "서울"} {
		if v, ok := strings.CutPrefix(t, city); ok && v != "" {
			t = v
			break
		}
	}
	if d, ok := store.NormalizeDistrict(t); ok {
		return d, nil
	}
	return "", fmt.Errorf("%q 은(는) 서울의 자치구가 아닙니다 (예: 관악구, 중구)", s)
}

// listSeparators split a list of fields: "마을/교육", "마을, 교육", "마을·교육"
// and the other middle dots Korean documents use.
const listSeparators = "/,·ㆍ・‧∙•、，／"

// parseList splits a list cell into its trimmed, non-empty items.
func parseList(raw string) []string {
	parts := strings.FieldsFunc(raw, func(r rune) bool { return strings.ContainsRune(listSeparators, r) })
	var out []string
	for _, p := range parts {
		if p = clean(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Dates are written in many ways; these patterns read one date, the
// period reader finds two in a cell.
const dateCore = `((?:[0-9]{4})|(?:['’‘][0-9]{2}))\s*(?:[-./]|년)\s*([0-9]{1,2})\s*(?:[-./]|월)\s*([0-9]{1,2})\s*(?:\.|일)?(?:\s*\(\s*[월화수목금토일]\s*\))?`

var (
	dateOne    = regexp.MustCompile(`^` + dateCore + `$`)
	dateDigits = regexp.MustCompile(`^([0-9]{4})([0-9]{2})([0-9]{2})$`)
	dateISO    = regexp.MustCompile(`^([0-9]{4})-([0-9]{2})-([0-9]{2})[T ]00:00(:00(\.0+)?)?(Z|[+-]00:?00)?$`)
	dateAny    = regexp.MustCompile(dateCore + `|[0-9]{8}`)
	timeText   = regexp.MustCompile(`^[0-9]{1,2}:[0-9]{2}(\s*[-~∼～]\s*[0-9]{1,2}:[0-9]{2})?$`)
	monthsNote = regexp.MustCompile(`\(?\s*([0-9]{1,3})\s*개월\s*\)?`)
)

// dateExample is what every date message offers as the expected form.
const dateExample = "예: 2017-07-31"

// parseDate reads one date. serial allows a spreadsheet's date serial
// number (what a date cell holds); date1904 is the workbook's epoch.
func parseDate(raw string, serial, date1904 bool) (store.Date, error) {
	s := clean(raw)
	if s == "" {
		return "", errEmpty
	}
	if excelError(s) {
		return "", fmt.Errorf("수식 오류 값 %q 이(가) 들어 있습니다 (날짜가 필요합니다, %s)", s, dateExample)
	}
	if serial && plainNumber.MatchString(s) && !dateDigits.MatchString(s) {
		f, err := strconv.ParseFloat(s, 64)
		if err == nil && f >= 1 && f < 2958466 {
			t, err := excelize.ExcelDateToTime(math.Floor(f), date1904)
			if err == nil {
				return checkYear(s, store.DateOf(t))
			}
		}
		return "", fmt.Errorf("%q 은(는) 날짜가 아닙니다 (%s)", s, dateExample)
	}
	var y, m, d string
	if g := dateOne.FindStringSubmatch(s); g != nil {
		y, m, d = g[1], g[2], g[3]
	} else if g := dateDigits.FindStringSubmatch(s); g != nil {
		y, m, d = g[1], g[2], g[3]
	} else if g := dateISO.FindStringSubmatch(s); g != nil {
		y, m, d = g[1], g[2], g[3]
	} else {
		return "", fmt.Errorf("%q 은(는) 날짜가 아닙니다 (%s)", s, dateExample)
	}
	return makeDate(s, y, m, d)
}

// makeDate checks that year, month and day name a real calendar day.
func makeDate(s, ys, ms, ds string) (store.Date, error) {
	if strings.IndexAny(ys, "'’‘") == 0 {
		_, size := firstRune(ys)
		ys = "20" + ys[size:]
	}
	y, _ := strconv.Atoi(ys)
	m, _ := strconv.Atoi(ms)
	d, _ := strconv.Atoi(ds)
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || d < 1 || t.Day() != d {
		return "", fmt.Errorf("%q 은(는) 없는 날짜입니다 (%s)", s, dateExample)
	}
	return checkYear(s, store.DateOf(t))
}

func checkYear(s string, d store.Date) (store.Date, error) {
	if y := d.Year(); y < minYear || y > maxYear {
		return "", fmt.Errorf("%q 은(는) %d년으로 읽혀 날짜로 보기 어렵습니다 (%s)", s, y, dateExample)
	}
	return d, nil
}

// periodConnectors may stand between and around the two dates of a period.
var periodConnectors = strings.NewReplacer("부터", "", "까지", "", "~", "", "∼", "", "〜", "", "～", "",
	"-", "", "–", "", "—", "", "‐", "", "→", "", ",", "", ".", "", "(", "", ")", "")

// parsePeriod reads a period in one cell: "2016.11.01.부터 2017.06.30.까지",
// "2016.11.01 ~ 2017.06.30", either followed by "(8개월)". months is the
// stated number of months, 0 if none is stated.
func parsePeriod(raw string) (start, end store.Date, months int, err error) {
	s := clean(raw)
	if s == "" {
		return "", "", 0, errEmpty
	}
	bad := fmt.Errorf("%q 은(는) 사업기간이 아닙니다 (예: 2016.11.01 ~ 2017.06.30, 또는 2016.11.01.부터 2017.06.30.까지)", s)
	rest := s
	if locs := monthsNote.FindAllStringSubmatchIndex(rest, -1); len(locs) > 0 {
		if len(locs) > 1 {
			return "", "", 0, bad
		}
		l := locs[0]
		months, _ = strconv.Atoi(rest[l[2]:l[3]])
		if months < 1 || months > 120 {
			return "", "", 0, fmt.Errorf("%q 의 개월 수 %d 이(가) 맞지 않습니다 (1~120개월)", s, months)
		}
		rest = rest[:l[0]] + " " + rest[l[1]:]
	}
	locs := dateAny.FindAllStringIndex(rest, -1)
	if len(locs) != 2 {
		if len(locs) == 1 && compact(periodConnectors.Replace(rest[:locs[0][0]]+rest[locs[0][1]:])) == "" {
			return "", "", 0, fmt.Errorf("%q 에는 날짜가 하나뿐입니다: 사업기간은 시작일과 종료일이 필요합니다 (예: 2016.11.01 ~ 2017.06.30)", s)
		}
		return "", "", 0, bad
	}
	between := rest[:locs[0][0]] + " " + rest[locs[0][1]:locs[1][0]] + " " + rest[locs[1][1]:]
	if compact(periodConnectors.Replace(between)) != "" {
		return "", "", 0, bad
	}
	if start, err = parseDate(rest[locs[0][0]:locs[0][1]], false, false); err != nil {
		return "", "", 0, err
	}
	if end, err = parseDate(rest[locs[1][0]:locs[1][1]], false, false); err != nil {
		return "", "", 0, err
	}
	if end < start {
		return "", "", 0, fmt.Errorf("%q 의 종료일 %s 이(가) 시작일 %s 보다 앞섭니다", s, end, start)
	}
	return start, end, months, nil
}

// parseTime reads the 시간 column: text such as "14:00-17:00" as it is, a
// spreadsheet time (a fraction of a day) as "14:00".
func parseTime(raw string, serial bool) string {
	s := clean(raw)
	if serial && plainNumber.MatchString(s) {
		if f, err := strconv.ParseFloat(s, 64); err == nil && f >= 0 && f < 1 {
			mins := int(math.Round(f * 24 * 60))
			return fmt.Sprintf("%02d:%02d", mins/60%24, mins%60)
		}
	}
	return s
}

// parseParticipatoryBudget reads 참여예산: 일반형, or 계획형 / 융합형 / 계획형(융합형) as one type, or none.
func parseParticipatoryBudget(raw string) (string, error) {
	s := clean(raw)
	switch compact(s) {
	case "", "-", "없음", "해당없음", "미참여", "x", "X":
		return "", nil
	}
	if pb, ok := store.ParsePB(s); ok {
		return pb, nil
	}
	return "", fmt.Errorf("%q 은(는) 참여예산 유형이 아닙니다 (일반형, 계획형(융합형) 또는 빈칸; 계획형과 융합형은 같은 유형)", s)
}

// parseRole reads 구분 of a roster line; "대표", "참여" and "책임자" are
// accepted shorthands.
func parseRole(raw string) (store.Role, error) {
	s := clean(raw)
	if s == "" {
		return "", errEmpty
	}
	switch compact(s) {
	case "대표", "대표단체", "주관단체":
		return store.RoleLead, nil
	case "참여", "참여단체":
		return store.RoleMember, nil
	case "책임자", "플랫폼책임자":
		return store.RoleManager, nil
	}
	return store.ParseRole(s)
}

// parseStatus reads a session's 상태.
func parseStatus(raw string) (string, error) {
	s := clean(raw)
	if s == "" {
		return "", nil
	}
	for _, st := range store.Labels(store.SessionStatuses) {
		if compact(s) == st {
			return st, nil
		}
	}
	return "", fmt.Errorf("%q 은(는) 상태가 아닙니다 (%s 중 하나)", s, strings.Join(store.Labels(store.SessionStatuses), ", "))
}
