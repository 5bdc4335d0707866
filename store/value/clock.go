package value

import (
	"fmt"
	"strconv"
	"strings"
)

// ParseTimeRange reads a session's time "14:00-17:00" ("9:30~12:30" and
// spaces around the dash are read too) as minutes after midnight.
func ParseTimeRange(s string) (from, to int, err error) {
	bad := fmt.Errorf("시간 %q 은(는) 형식이 맞지 않습니다 (예: 14:00-17:00)", s)
	t := strings.ReplaceAll(strings.TrimSpace(s), "~", "-")
	a, b, ok := strings.Cut(t, "-")
	if !ok {
		// a start time alone ("14:00"): the end is not known
		if from, ok = clock(t); !ok {
			return 0, 0, bad
		}
		return from, from, nil
	}
	if from, ok = clock(a); !ok {
		return 0, 0, bad
	}
	if to, ok = clock(b); !ok {
		return 0, 0, bad
	}
	if to <= from {
		return 0, 0, fmt.Errorf("시간 %q: 끝나는 시각이 시작 시각보다 늦어야 합니다 (예: 14:00-17:00)", s)
	}
	return from, to, nil
}

// FormatTimeRange writes minutes after midnight as "09:30-12:30", or a
// start time alone as "09:30".
func FormatTimeRange(from, to int) string {
	if to == from {
		return fmt.Sprintf("%02d:%02d", from/60, from%60)
	}
	return fmt.Sprintf("%02d:%02d-%02d:%02d", from/60, from%60, to/60, to%60)
}

// clock reads "9:30" or "14:00" as minutes after midnight; "24:00" is the day's end.
func clock(s string) (int, bool) {
	h, m, ok := strings.Cut(strings.TrimSpace(s), ":")
	if !ok || len(h) < 1 || len(h) > 2 || len(m) != 2 {
		return 0, false
	}
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || hh < 0 || mm < 0 || mm > 59 || hh > 24 || (hh == 24 && mm != 0) {
		return 0, false
	}
	return hh*60 + mm, true
}
