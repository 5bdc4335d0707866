package workbook

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"hyeopchi/store"
)

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
			got, err := parseAmount(tc.in)
			checkErr(t, err, tc.err)
			if tc.err == "" && got != tc.want {
				t.Errorf("parseAmount(%q) = %d, want %d", tc.in, got, tc.want)
			}
		})
	}
}

func checkErr(t *testing.T, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Fatalf("unexpected error: %v", err)
	case want == "빈 칸":
		if !errors.Is(err, errEmpty) {
			t.Fatalf("error = %v, want errEmpty", err)
		}
	case want != "" && err == nil:
		t.Fatalf("no error, want one containing %q", want)
	case want != "" && !strings.Contains(err.Error(), want):
		t.Fatalf("error %q does not contain %q", err, want)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		name, in string
		serial   bool
		want     store.Date
		err      string
	}{
		{"ISO", "2016-11-01", false, "2016-11-01", ""},
		{"dots", "2016.11.01", false, "2016-11-01", ""},
		{"dots with final dot", "2016.11.01.", false, "2016-11-01", ""},
		{"dots with spaces, one-digit day", "2016. 11. 1.", false, "2016-11-01", ""},
		{"digits", "20161101", false, "2016-11-01", ""},
		{"slashes", "2016/11/1", false, "2016-11-01", ""},
		{"Korean units", "2016년 11월 1일", false, "2016-11-01", ""},
		{"weekday after", "2017.4.5.(수)", false, "2017-04-05", ""},
		{"two-digit year with apostrophe", "'17. 7. 31.", false, "2017-07-31", ""},
		{"ISO date-time of a date cell", "2016-11-01T00:00:00Z", false, "2016-11-01", ""},
		{"serial of a date cell", "42675", true, "2016-11-01", ""},
		{"serial with a time part", "42675.5", true, "2016-11-01", ""},
		{"digits in a date cell stay digits", "20161101", true, "2016-11-01", ""},
		{"serial in text is no date", "42675", false, "", "날짜가 아닙니다"},
		{"serial far in the past", "1", true, "", "날짜로 보기 어렵습니다"},
		{"no such month", "2016.13.01", false, "", "없는 날짜"},
		{"no such day", "2017-02-29", false, "", "없는 날짜"},
		{"leap day", "2016-02-29", false, "2016-02-29", ""},
		{"year out of range", "1916.11.01", false, "", "날짜로 보기 어렵습니다"},
		{"words", "11월 초", false, "", "날짜가 아닙니다"},
		{"month only", "2017. 4.", false, "", "날짜가 아닙니다"},
		{"empty", " ", false, "", "빈 칸"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseDate(tc.in, tc.serial, false)
			checkErr(t, err, tc.err)
			if got != tc.want {
				t.Errorf("parseDate(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestParseDate1904(t *testing.T) {
	// The 1904 date system counts 1462 days fewer to the same day.
	got, err := parseDate("41213", true, true)
	if err != nil || got != "2016-11-01" {
		t.Fatalf("parseDate(41213, 1904) = %q, %v; want 2016-11-01", got, err)
	}
}

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		name, in   string
		start, end store.Date
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
			start, end, months, err := parsePeriod(tc.in)
			checkErr(t, err, tc.err)
			if start != tc.start || end != tc.end || months != tc.months {
				t.Errorf("parsePeriod(%q) = %s, %s, %d; want %s, %s, %d", tc.in, start, end, months, tc.start, tc.end, tc.months)
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
		got, err := parseCount(tc.in, "인원")
		checkErr(t, err, tc.err)
		if got != tc.want {
			t.Errorf("parseCount(%q) = %d, want %d", tc.in, got, tc.want)
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
		got, err := parseYear(tc.in)
		checkErr(t, err, tc.err)
		if got != tc.want {
			t.Errorf("parseYear(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestParseDistrict(t *testing.T) {
	tests := []struct{ in, want, err string }{
		{"관악구", "관악구", ""},
		{"관악", "관악구", ""},
		{" 관 악 구 ", "관악구", ""},
		{"중구", "중구", ""},
		{"중", "중구", ""},
		{"서울특별시 관악구", "관악구", ""},
		{"서울시 동대문구", "동대문구", ""},
		{"관학구", "", `"관학구" 은(는) 서울의 자치구가 아닙니다`},
		{"수원시", "", "자치구가 아닙니다"},
		{"", "", "빈 칸"},
	}
	for _, tc := range tests {
		got, err := parseDistrict(tc.in)
		checkErr(t, err, tc.err)
		if got != tc.want {
			t.Errorf("parseDistrict(%q) = %q, want %q", tc.in, got, tc.want)
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
		if got := parseList(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("parseList(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseSmallLists(t *testing.T) {
	for in, want := range map[string]store.Role{"대표 단체": store.RoleLead, "참여단체": store.RoleMember, "플랫폼 책임자": store.RoleManager, "책임자": store.RoleManager} {
		if got, err := parseRole(in); err != nil || got != want {
			t.Errorf("parseRole(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := parseRole("회원"); err == nil || !strings.Contains(err.Error(), "구분") {
		t.Errorf("parseRole(회원) error = %v, want one naming 구분", err)
	}
	for in, want := range map[string]string{"일반형": "일반형", "계획": "계획형(융합형)", "계획형": "계획형(융합형)", "융합형": "계획형(융합형)", "계획형(융합형)": "계획형(융합형)", "-": "", "": ""} {
		if got, err := parseParticipatoryBudget(in); err != nil || got != want {
			t.Errorf("parseParticipatoryBudget(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := parseParticipatoryBudget("5억"); err == nil {
		t.Error("parseParticipatoryBudget(5억) accepted")
	}
	if got := parseTime("0.5833333333", true); got != "14:00" {
		t.Errorf("parseTime(0.5833) = %q, want 14:00", got)
	}
	if got := parseTime(" 14:00-17:00 ", true); got != "14:00-17:00" {
		t.Errorf("parseTime(text) = %q", got)
	}
}

func TestHeaderMatching(t *testing.T) {
	tests := []struct{ kind, cell, field string }{
		{KindPlans, "자치구", fDistrict},
		{KindPlans, "자 치 구", fDistrict},
		{KindPlans, "자치구명", fDistrict},
		{KindPlans, "지원액(천원)", fAmount},
		{KindPlans, "지원액 (단위: 천원)", fAmount},
		{KindPlans, "지원(교부)액", fAmount},
		{KindPlans, "TFT 민", fTFTCivil},
		{KindPlans, "tft 구의원", fTFTCouncil},
		{KindPlans, "민관TFT 관", fTFTOfficial},
		{KindPlans, "민관TFT 구성 계", fTFTTotal},
		{KindPlans, "TFT(민)", fTFTCivil},
		{KindPlans, "사업기간", fPeriod},
		{KindPlans, "사업기간(개월)", fMonths},
		{KindPlans, "*단계", fStage},
		{KindPlans, "분야", fFields},
		{KindPlans, "민관TFT 구성 분야", fFields},
		{KindPlatforms, "대표자 명", fRep},
		{KindPlatforms, "단체명", fOrg},
		{KindSessions, "참석 남", fAttendMale},
		{KindSessions, "참석인원 여", fAttendFemale},
		{KindSessions, "참석 계", fAttendTotal},
		{KindSessions, "정원(명)", fCapacity},
		{KindSessions, "과정명", fCourse},
		{KindPlans, "과정", ""},
		{KindPlans, "", ""},
	}
	for _, tc := range tests {
		if got, _ := matchHeader(tc.kind, tc.cell); got != tc.field {
			t.Errorf("matchHeader(%s, %q) = %q, want %q", tc.kind, tc.cell, got, tc.field)
		}
	}
}

func TestProblemString(t *testing.T) {
	p := Problem{File: "관악구.xlsx", Sheet: "혁신계획", Row: 5, Column: "지원액", Message: `"25만" 은(는) 금액이 아닙니다`}
	if got, want := p.String(), `관악구.xlsx:혁신계획:5:지원액: "25만" 은(는) 금액이 아닙니다`; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if got, want := (Problem{File: "x.pdf", Message: "엑셀(xlsx) 또는 CSV 파일이 아닙니다"}).String(), "x.pdf: 엑셀(xlsx) 또는 CSV 파일이 아닙니다"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	o := Origin{File: "a.csv", Sheet: "혁신계획", Row: 3, Cols: map[string]string{"amount": "지원액(천원)"}}
	if got, want := o.Problem("amount", "너무 많습니다").String(), "a.csv:혁신계획:3:지원액(천원): 너무 많습니다"; got != want {
		t.Errorf("Origin.Problem = %q, want %q", got, want)
	}
	if got, want := o.Problem("note", "x").String(), "a.csv:혁신계획:3: x"; got != want {
		t.Errorf("Origin.Problem without column = %q, want %q", got, want)
	}
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 27: "AB", 701: "ZZ", 702: "AAA"} {
		if got := columnLetter(i); got != want {
			t.Errorf("columnLetter(%d) = %q, want %q", i, got, want)
		}
	}
}
