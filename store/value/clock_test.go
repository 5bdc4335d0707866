package value

import (
	"strings"
	"testing"
)

func TestParseTimeRange(t *testing.T) {
	cases := []struct {
		in       string
		from, to int
		err      string
	}{
		{"14:00-17:00", 14 * 60, 17 * 60, ""},
		{"9:30~12:30", 9*60 + 30, 12*60 + 30, ""},
		{" 19:00 - 21:00 ", 19 * 60, 21 * 60, ""},
		{"23:00-24:00", 23 * 60, 24 * 60, ""},
		{"14-17", 0, 0, "형식이 맞지 않습니다"},
		{"14:00", 14 * 60, 14 * 60, ""},
		{"14", 0, 0, "형식이 맞지 않습니다"},
		{"25:00-26:00", 0, 0, "형식이 맞지 않습니다"},
		{"14:0-15:00", 0, 0, "형식이 맞지 않습니다"},
		{"14:00-14:00", 0, 0, "끝나는 시각이"},
	}
	for _, c := range cases {
		from, to, err := ParseTimeRange(c.in)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%q: err %v, want %q", c.in, err, c.err)
			}
			continue
		}
		if err != nil || from != c.from || to != c.to {
			t.Errorf("%q: %d %d %v", c.in, from, to, err)
		}
		if got := FormatTimeRange(from, to); c.in == "9:30~12:30" && got != "09:30-12:30" {
			t.Errorf("format %q", got)
		}
	}
}
