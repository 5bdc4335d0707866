package value

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// The grammar's cases, moved here from the importer's tests with the
// grammar itself.

func TestParseAmount(t *testing.T) {
	tests := []struct {
		name, in string
		want     int64
		err      string // part of the message; "" for none
	}{
		{"plain number", "200000", 200000, ""},
		{"thousands separators", "200,000", 200000, ""},
		{"unit 천원", "200,000천원", 200000, ""},
		{"unit with space", "152,725 천원", 152725, ""},
		{"surrounding spaces", " 200000 ", 200000, ""},
		{"no-break spaces", "\u00a0167,000\u00a0", 167000, ""},
		{"number cell with .0", "99976.0", 99976, ""},
		{"float noise of a sum", "1145622.0000000002", 1145622, ""},
		{"scientific raw value", "1.5E5", 150000, ""},
		{"zero", "0", 0, ""},
		{"dash is zero", "-", 0, ""},
		{"empty", "", 0, "빈 칸"},
		{"만 is refused", "25만", 0, `"25만" 은(는) 금액이 아닙니다`},
		{"만원 is refused", "25만원", 0, "금액이 아닙니다"},
		{"won is refused with a hint", "200,000,000원", 0, "원 단위입니다"},
		{"negative", "-5,000", 0, "음수입니다"},
		{"accounting negative", "△5,000", 0, "음수입니다"},
		{"parenthesised negative", "(5,000)", 0, "음수입니다"},
		{"fraction", "1,500.5", 0, "소수입니다"},
		{"fraction suggests rounding", "1500.5", 0, "예: 1,501"},
		{"bad grouping", "20,00,000", 0, "금액이 아닙니다"},
		{"words", "이십만", 0, "금액이 아닙니다"},
		{"excel error value", "#REF!", 0, "수식 오류"},
		{"too large", "99999999999999999999", 0, "너무 큽니다"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseAmount(tc.in)
			checkErr(t, err, tc.err)
			if tc.err == "" && got != tc.want {
				t.Errorf("ParseAmount(%q) = %d, want %d", tc.in, got, tc.want)
			}
		})
	}
}

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		name, in   string
		start, end Date
		months     int
		err        string
	}{
		{"부터 까지 with months", "2016.11.01.부터 2017.06.30.까지 (8개월)", "2016-11-01", "2017-06-30", 8, ""},
		{"부터 까지", "2016.11.01.부터 2017.06.30.까지", "2016-11-01", "2017-06-30", 0, ""},
		{"stated months win over the dates", "2016.11.01.부터 2017.05.30.까지 (6개월)", "2016-11-01", "2017-05-30", 6, ""},
		{"one-digit month", "2016.11.01.부터 2017.7.31.까지 (9개월)", "2016-11-01", "2017-07-31", 9, ""},
		{"tilde", "2016.11.01 ~ 2017.06.30", "2016-11-01", "2017-06-30", 0, ""},
		{"tilde, no spaces", "2016.11.01~2017.06.30", "2016-11-01", "2017-06-30", 0, ""},
		{"ISO with tilde", "2016-11-01 ~ 2017-06-30", "2016-11-01", "2017-06-30", 0, ""},
		{"ISO with dash", "2016-11-01 - 2017-06-30", "2016-11-01", "2017-06-30", 0, ""},
		{"digits", "20161101~20170630", "2016-11-01", "2017-06-30", 0, ""},
		{"full-width tilde and months", "2016. 11. 1. ～ 2017. 6. 30. (8개월)", "2016-11-01", "2017-06-30", 8, ""},
		{"months without parentheses", "2016.11.01 ~ 2017.06.30 8개월", "2016-11-01", "2017-06-30", 8, ""},
		{"single date", "2016.11.01", "", "", 0, "날짜가 하나뿐"},
		{"end before start", "2017.06.30 ~ 2016.11.01", "", "", 0, "앞섭니다"},
		{"three dates", "2016.11.01 ~ 2017.06.30 ~ 2017.07.01", "", "", 0, "사업기간이 아닙니다"},
		{"words between", "2016.11.01 이후 2017.06.30", "", "", 0, "사업기간이 아닙니다"},
		{"bad date inside", "2016.11.01 ~ 2017.02.30", "", "", 0, "없는 날짜"},
		{"zero months", "2016.11.01 ~ 2017.06.30 (0개월)", "", "", 0, "개월 수"},
		{"empty", "", "", "", 0, "빈 칸"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start, end, months, err := ReadPeriod(tc.in)
			checkErr(t, err, tc.err)
			if start != tc.start || end != tc.end || months != tc.months {
				t.Errorf("ReadPeriod(%q) = %s, %s, %d; want %s, %s, %d", tc.in, start, end, months, tc.start, tc.end, tc.months)
			}
		})
	}
}

func TestParseCountAndYear(t *testing.T) {
	counts := []struct {
		in   string
		want int
		err  string
	}{
		{"12", 12, ""}, {"12명", 12, ""}, {"제3회", 3, ""}, {"3회", 3, ""}, {"-", 0, ""}, {"12.0", 12, ""},
		{"1,200", 1200, ""}, {"-3", 0, "음수"}, {"2.5", 0, "소수"}, {"열두", 0, "아닙니다"}, {"", 0, "빈 칸"},
	}
	for _, tc := range counts {
		got, err := ParseCount(tc.in, "인원")
		checkErr(t, err, tc.err)
		if got != tc.want {
			t.Errorf("ParseCount(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
	years := []struct {
		in   string
		want int
		err  string
	}{
		{"2017", 2017, ""}, {"2017년", 2017, ""}, {"2017년도", 2017, ""}, {"2017.0", 2017, ""},
		{"17", 0, "연도가 아닙니다"}, {"1999", 0, "연도가 아닙니다"}, {"2017.5", 0, "연도가 아닙니다"}, {"", 0, "빈 칸"},
	}
	for _, tc := range years {
		got, err := ParseYear(tc.in)
		checkErr(t, err, tc.err)
		if got != tc.want {
			t.Errorf("ParseYear(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestParseList(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"마을/교육/사경", []string{"마을", "교육", "사경"}},
		{"마을, 교육", []string{"마을", "교육"}},
		{"마을·교육·복지", []string{"마을", "교육", "복지"}},
		{"마을ㆍ교육", []string{"마을", "교육"}},
		{"안전/ 일자리 /", []string{"안전", "일자리"}},
		{"", nil},
	}
	for _, tc := range tests {
		if got := ParseList(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParseList(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func checkErr(t *testing.T, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Fatalf("unexpected error: %v", err)
	case want == "빈 칸":
		if !errors.Is(err, ErrEmpty) {
			t.Fatalf("error = %v, want ErrEmpty", err)
		}
	case want != "" && err == nil:
		t.Fatalf("no error, want one containing %q", want)
	case want != "" && !strings.Contains(err.Error(), want):
		t.Fatalf("error %q does not contain %q", err, want)
	}
}
