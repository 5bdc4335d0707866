package workbook

import (
	"errors"
	"strings"
	"testing"

	"hyeopchi/store"
	"hyeopchi/store/value"
)

func checkErr(t *testing.T, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Fatalf("unexpected error: %v", err)
	case want == "빈 칸":
		if !errors.Is(err, value.ErrEmpty) {
			t.Fatalf("error = %v, want value.ErrEmpty", err)
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
	if got := value.ReadTime("0.5833333333", true); got != "14:00" {
		t.Errorf("value.ReadTime(0.5833) = %q, want 14:00", got)
	}
	if got := value.ReadTime(" 14:00-17:00 ", true); got != "14:00-17:00" {
		t.Errorf("value.ReadTime(text) = %q", got)
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
