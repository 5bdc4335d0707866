package value

import (
	"errors"
	"strings"
	"testing"
)

// TestOneGrammar is the grammar a form and a district's file share: what
// reads, and the words for what does not.
func TestOneGrammar(t *testing.T) {
	amounts := []struct {
		in   string
		want int64
		err  string
	}{
		{"250,000", 250000, ""}, {"250,000천원", 250000, ""}, {" 250000 ", 250000, ""}, {"-", 0, ""},
		{"200,000,000원", 0, `"200,000,000원" 은(는) 원 단위입니다: 천원 단위로 적어 주세요 (예: 200,000,000원은 200,000)`},
		{"25만", 0, `"25만" 은(는) 금액이 아닙니다 (천원 단위 숫자, 예: 250,000)`},
		{"-5,000", 0, `"-5,000" 은(는) 음수입니다: 금액은 0 이상이어야 합니다`},
	}
	for _, c := range amounts {
		got, err := ParseAmount(c.in)
		if msg := errText(err); got != c.want || msg != c.err {
			t.Errorf("ParseAmount(%q) = %d, %q; want %d, %q", c.in, got, msg, c.want, c.err)
		}
	}
	counts := []struct {
		in   string
		want int
		err  string
	}{
		{"12", 12, ""}, {"12명", 12, ""}, {"제3회", 3, ""}, {"1,200", 1200, ""},
		{"-1", 0, `"-1" 은(는) 음수입니다: 정원은(는) 0 이상이어야 합니다`},
		{"2.5", 0, `"2.5" 은(는) 소수입니다: 정원은(는) 정수여야 합니다`},
		{"열두", 0, `"열두" 은(는) 숫자가 아닙니다 (정원, 예: 12)`},
	}
	for _, c := range counts {
		got, err := ParseCount(c.in, "정원")
		if msg := errText(err); got != c.want || msg != c.err {
			t.Errorf("ParseCount(%q) = %d, %q; want %d, %q", c.in, got, msg, c.want, c.err)
		}
	}
	for _, empty := range []string{"", "  ", "\u00a0"} {
		if _, err := ParseAmount(empty); !errors.Is(err, ErrEmpty) {
			t.Errorf("ParseAmount(%q): %v, want ErrEmpty", empty, err)
		}
		if _, err := ReadDate(empty); !errors.Is(err, ErrEmpty) {
			t.Errorf("ReadDate(%q): %v, want ErrEmpty", empty, err)
		}
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestDatesAndPeriods(t *testing.T) {
	for _, in := range []string{"2017-07-31", "2017.7.31.", "2017. 7. 31.", "2017년 7월 31일 (월)", "'17.7.31", "20170731"} {
		if d, err := ReadDate(in); err != nil || d != "2017-07-31" {
			t.Errorf("ReadDate(%q) = %q, %v", in, d, err)
		}
	}
	if _, err := ReadDate("2017-02-30"); err == nil || !strings.Contains(err.Error(), "없는 날짜입니다") {
		t.Errorf("2017-02-30: %v", err)
	}
	s, e, m, err := ReadPeriod("2016.11.01.부터 2017.06.30.까지(8개월)")
	if err != nil || s != "2016-11-01" || e != "2017-06-30" || m != 8 {
		t.Errorf("ReadPeriod = %s %s %d %v", s, e, m, err)
	}
	if got := OfficialPeriod(s, e, 0); got != "2016. 11. 1.~2017. 6. 30.(8개월)" {
		t.Errorf("OfficialPeriod = %q", got)
	}
	if got := PeriodText(s, e); got != "2016-11-01 ~ 2017-06-30" {
		t.Errorf("PeriodText = %q", got)
	}
	if d, clock, ok := ReadDateTime("2017.4.5.(수) 14:00-17:00"); !ok || d != "2017-04-05" || clock != "14:00-17:00" {
		t.Errorf("ReadDateTime = %q %q %v", d, clock, ok)
	}
	if got := ReadTime("0.5833333333", true); got != "14:00" {
		t.Errorf("ReadTime = %q", got)
	}
}

func TestFormatters(t *testing.T) {
	if Thousands(1145622) != "1,145,622" || Thousands(-2000) != "-2,000" || Thousands(0) != "0" {
		t.Errorf("Thousands: %q %q %q", Thousands(1145622), Thousands(-2000), Thousands(0))
	}
	if AmountText(0) != "" || AmountText(250000) != "250,000" || CountText(0) != "" || CountText(12) != "12" {
		t.Error("a form field shows 0 as empty, else the number")
	}
	if got := ParseList(" 마을 / 교육·복지, "); strings.Join(got, "|") != "마을|교육|복지" || ListText(got) != "마을/교육/복지" {
		t.Errorf("ParseList = %q", got)
	}
	if !IsContact("010-1234-5678") || !IsContact("kim@example.kr") || IsContact("김철수") {
		t.Error("IsContact")
	}
	if got := MaskContact("010-1234-5678"); got != "010-****-5678" {
		t.Errorf("MaskContact = %q", got)
	}
}
