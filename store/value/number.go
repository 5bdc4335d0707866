package value

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

var (
	plainNumber   = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?$`)
	groupedNumber = regexp.MustCompile(`^[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$`)
	sciNumber     = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?[eE][+-]?[0-9]+$`)
)

// MaxAmount is a ceiling far above any grant (a trillion 천원) that keeps
// the arithmetic of sums away from overflow.
const MaxAmount = 1_000_000_000_000

// ParseAmount reads an amount in 천원: a number, "200,000", "200,000천원",
// " 200000 ". Empty is ErrEmpty; a dash is 0. "200,000,000원" is refused
// with a hint to write it in 천원.
func ParseAmount(raw string) (int64, error) {
	s := Clean(raw)
	if s == "" {
		return 0, ErrEmpty
	}
	if IsDash(s) {
		return 0, nil
	}
	if SpreadsheetError(s) {
		return 0, fmt.Errorf("수식 오류 값 %q 이(가) 들어 있습니다 (천원 단위 금액이 필요합니다)", s)
	}
	t, neg := cutSign(Compact(s))
	if u, ok := strings.CutSuffix(t, "천원"); ok {
		t = u
	} else if u, ok := strings.CutSuffix(t, "원"); ok && isNumberText(u) {
		return 0, fmt.Errorf("%q 은(는) 원 단위입니다: 천원 단위로 적어 주세요 (예: 200,000,000원은 200,000)", s)
	}
	if !isNumberText(t) {
		return 0, fmt.Errorf("%q 은(는) 금액이 아닙니다 (천원 단위 숫자, 예: 250,000)", s)
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(t, ",", ""), 64)
	if err != nil || f > MaxAmount {
		return 0, fmt.Errorf("%q 은(는) 금액으로 너무 큽니다 (천원 단위, 예: 250,000)", s)
	}
	if neg && f != 0 {
		return 0, fmt.Errorf("%q 은(는) 음수입니다: 금액은 0 이상이어야 합니다", s)
	}
	if !isWhole(f) {
		return 0, fmt.Errorf("%q 은(는) 소수입니다: 금액은 천원 단위 정수로 적어 주세요 (예: %s)", s, Thousands(int64(math.Round(f))))
	}
	return int64(math.Round(f)), nil
}

// cutSign takes a leading minus (also △ and ▲ of Korean accounts) or
// accounting parentheses off t.
func cutSign(t string) (string, bool) {
	switch {
	case strings.HasPrefix(t, "-"), strings.HasPrefix(t, "−"), strings.HasPrefix(t, "△"), strings.HasPrefix(t, "▲"):
		_, size := firstRune(t)
		return t[size:], true
	case strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")"):
		return t[1 : len(t)-1], true
	}
	return t, false
}

// isNumberText reports whether s is a plain, grouped or scientific number.
func isNumberText(s string) bool {
	return plainNumber.MatchString(s) || groupedNumber.MatchString(s) || sciNumber.MatchString(s)
}

// isWhole reports whether f is an integer, allowing for the rounding noise
// a spreadsheet's binary floats leave.
func isWhole(f float64) bool { return math.Abs(f-math.Round(f)) < 1e-6 }

// Thousands writes n with thousands separators: 1145622 is "1,145,622".
func Thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
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

// AmountText writes an amount into a form field: "250,000", "" for 0
// (not entered).
func AmountText(v int64) string {
	if v == 0 {
		return ""
	}
	return Thousands(v)
}

// countUnits are the counters people write after a number of persons or
// sessions.
var countUnits = []string{"개월", "명", "회", "인", "개", "차"}

// ParseCount reads a count of people, months, ㎡ or a session number: "12",
// "12명", "제3회", "1,200". what names the quantity in messages. Empty is
// ErrEmpty; a dash is 0.
func ParseCount(raw, what string) (int, error) {
	s := Clean(raw)
	if s == "" {
		return 0, ErrEmpty
	}
	if IsDash(s) {
		return 0, nil
	}
	if SpreadsheetError(s) {
		return 0, fmt.Errorf("수식 오류 값 %q 이(가) 들어 있습니다 (%s: 숫자가 필요합니다)", s, what)
	}
	t := strings.TrimPrefix(Compact(s), "제")
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

// CountText writes a count into a form field: "12", "" for 0 (not entered).
func CountText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// Years outside these bounds are typing mistakes, not programme years.
const (
	MinYear = 2000
	MaxYear = 2099
)

// ParseYear reads a programme year: 2017, "2017", "2017년".
func ParseYear(raw string) (int, error) {
	s := Clean(raw)
	if s == "" {
		return 0, ErrEmpty
	}
	t := strings.TrimSuffix(Compact(s), "년")
	t = strings.TrimSuffix(t, "년도")
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || !plainNumber.MatchString(t) || !isWhole(f) || f < MinYear || f > MaxYear {
		return 0, fmt.Errorf("%q 은(는) 연도가 아닙니다 (네 자리 숫자, 예: 2017)", s)
	}
	return int(math.Round(f)), nil
}
