package workbook

import (
	"reflect"
	"strings"
	"testing"

	"hyeopchi/store"
)

func plansOf(p *Parsed) []store.Plan {
	var out []store.Plan
	for _, r := range p.Plans {
		out = append(out, r.Plan)
	}
	return out
}

func platformsOf(p *Parsed) []store.Platform {
	var out []store.Platform
	for _, r := range p.Platforms {
		out = append(out, r.Platform)
	}
	return out
}

func sessionsOf(p *Parsed) []store.Session {
	var out []store.Session
	for _, r := range p.Sessions {
		out = append(out, r.Session)
	}
	return out
}

func mustRead(t *testing.T, name string) *Parsed {
	t.Helper()
	p, probs := readFixture(t, name)
	for _, pr := range probs {
		t.Errorf("unexpected problem: %s", pr)
	}
	return p
}

func equalRecords(t *testing.T, what string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %+v\nwant %+v", what, got, want)
	}
}

// Every spelling of the same three plans reads to the same records: an
// excelize workbook, the same saved by LibreOffice, and CSVs in UTF-8,
// UTF-8 with BOM and CP949, a CSV imported into Calc and saved as xlsx.
func TestReadGoodPlans(t *testing.T) {
	for _, name := range []string{"good.xlsx", "lo-good.xlsx", "plans-utf8.csv", "plans-utf8bom.csv", "plans-cp949.csv", "lo-plans.xlsx"} {
		t.Run(name, func(t *testing.T) {
			p := mustRead(t, name)
			equalRecords(t, "plans", plansOf(p), goodPlans())
			if want := []string{"도봉구", "영등포구", "관악구"}; strings.HasSuffix(name, ".csv") && !reflect.DeepEqual(p.Districts, want) {
				t.Errorf("Districts = %v, want %v", p.Districts, want)
			}
		})
	}
}

func TestReadGoodWorkbook(t *testing.T) {
	for _, name := range []string{"good.xlsx", "lo-good.xlsx"} {
		t.Run(name, func(t *testing.T) {
			p := mustRead(t, name)
			equalRecords(t, "platforms", platformsOf(p), goodPlatforms())
			equalRecords(t, "sessions", sessionsOf(p), goodSessions())
			equalRecords(t, "kinds", p.Kinds, []string{"혁신계획", "플랫폼", "교육"})
			equalRecords(t, "districts", p.Districts, []string{"중구", "강북구", "도봉구", "영등포구", "관악구"})
			equalRecords(t, "years", p.Years, []int{2016, 2017})

			// Origins place later rule problems: rows under a title, the
			// header as written, rows after an empty row counted right.
			o := p.Plans[2].Origin
			if o.File != name || o.Sheet != "혁신계획" || o.Row != 7 {
				t.Errorf("third plan origin = %s:%s:%d, want %s:혁신계획:7", o.File, o.Sheet, o.Row, name)
			}
			if got, want := o.Problem("amount", "x").String(), name+":혁신계획:7:지원액(천원): x"; got != want {
				t.Errorf("Origin.Problem(amount) = %q, want %q", got, want)
			}
			if got := o.Cols["start"]; got != "사업기간" {
				t.Errorf("start comes from %q, want 사업기간", got)
			}
			pr := p.Platforms[1]
			if pr.Origin.Row != 6 || len(pr.Members) != 3 || pr.Members[2].Row != 8 || pr.Members[2].Cols["role"] != "구분" {
				t.Errorf("관악구 roster origins = %+v / %+v", pr.Origin, pr.Members)
			}
			if s := p.Sessions[1].Origin; s.Row != 4 || s.Cols["year"] != "일자" {
				t.Errorf("session origin = %+v", s)
			}
		})
	}
}

func TestReadCSVOtherKinds(t *testing.T) {
	p := mustRead(t, "platform-cp949.csv")
	equalRecords(t, "platforms", platformsOf(p), goodPlatforms()[:1])
	equalRecords(t, "kinds", p.Kinds, []string{"플랫폼"})
	if o := p.Platforms[0].Members[3]; o.Sheet != "플랫폼" || o.Row != 5 {
		t.Errorf("manager origin = %+v, want sheet 플랫폼 (the CSV's kind), line 5", o)
	}

	p = mustRead(t, "sessions-utf8bom.csv")
	equalRecords(t, "sessions", sessionsOf(p), goodSessions())
	equalRecords(t, "kinds", p.Kinds, []string{"교육"})
}

// 참고1 as an office lays it out: a two-row header under a title, merged
// cells, "-" for no councillors, 천원 in the cells, stated months that
// differ from the dates (성동구: 6, not 7), and a 계 row that matches.
func TestReadReference1(t *testing.T) {
	p := mustRead(t, "ref1.xlsx")
	equalRecords(t, "plans", plansOf(p), ref1Plans())
	if got := p.Plans[0].Origin.Cols["tft_civil"]; got != "민관TFT 구성 민" {
		t.Errorf("TFT 민 header = %q, want the two rows joined", got)
	}
	if p.Plans[0].Origin.Row != 5 {
		t.Errorf("first data row = %d, want 5", p.Plans[0].Origin.Row)
	}

	p = mustRead(t, "ref1-two-row-header.csv")
	equalRecords(t, "plans", plansOf(p), []store.Plan{ref1Plans()[4]})
}

// Each rule's fixture gives exactly its problems, placed and worded.
func TestReadProblems(t *testing.T) {
	tests := []struct {
		file string
		want []string // Problem.String() of each, in order
	}{
		{"bad-amount.xlsx", []string{
			`bad-amount.xlsx:혁신계획:2:지원액(천원): "25만" 은(는) 금액이 아닙니다 (천원 단위 숫자, 예: 250,000)`,
			`bad-amount.xlsx:혁신계획:3:지원액(천원): "-5,000" 은(는) 음수입니다: 금액은 0 이상이어야 합니다`,
			`bad-amount.xlsx:혁신계획:4:지원액(천원): "1,500.5" 은(는) 소수입니다: 금액은 천원 단위 정수로 적어 주세요 (예: 1,501)`,
		}},
		{"bad-date.xlsx", []string{
			`bad-date.xlsx:혁신계획:2:종료일: "2017.02.30" 은(는) 없는 날짜입니다 (예: 2017-07-31)`,
			`bad-date.xlsx:혁신계획:3:시작일: "내년 봄" 은(는) 날짜가 아닙니다 (예: 2017-07-31)`,
			`bad-date.xlsx:혁신계획:5:종료일: 종료일 2017-03-01 이(가) 시작일 2017-12-31 보다 앞섭니다`,
		}},
		{"tft-mismatch.xlsx", []string{
			`tft-mismatch.xlsx:혁신계획:2:TFT 계: TFT 계 21 이(가) 민 12 + 구의원 0 + 관 8 = 20 와(과) 다릅니다`,
		}},
		{"total-mismatch.xlsx", []string{
			`total-mismatch.xlsx:혁신계획:4:지원액(천원): 합계 367,500 이(가) 각 행의 합 367,000 와(과) 다릅니다`,
		}},
		{"total-mismatch.csv", []string{
			`total-mismatch.csv:교육:4:참석 남: 합계 18 이(가) 각 행의 합 19 와(과) 다릅니다`,
		}},
		{"missing-column.xlsx", []string{
			`missing-column.xlsx:혁신계획:2:지원액: 필수 열 "지원액" 이(가) 머리글에 없습니다 (필요한 열: 자치구, 연도, 단계, 사업기간 또는 시작일·종료일, 지원액, TFT 민, TFT 구의원, TFT 관)`,
		}},
		{"missing-column.csv", []string{
			`missing-column.csv:혁신계획:1:TFT 관: 필수 열 "TFT 관" 이(가) 머리글에 없습니다 (필요한 열: 자치구, 연도, 단계, 사업기간 또는 시작일·종료일, 지원액, TFT 민, TFT 구의원, TFT 관)`,
		}},
		{"unknown-district.xlsx", []string{
			`unknown-district.xlsx:혁신계획:2:자치구: "관학구" 은(는) 서울의 자치구가 아닙니다 (예: 관악구, 중구)`,
		}},
		{"org-missing.xlsx", []string{
			`org-missing.xlsx:플랫폼:3:단체명: 단체명이 비어 있습니다: 참여 단체 행에는 단체명이 필요합니다`,
		}},
		{"formula-nocache.xlsx", []string{
			`formula-nocache.xlsx:혁신계획:2:지원액(천원): 수식 "=100000*2" 의 계산 결과가 파일에 저장되어 있지 않습니다: 엑셀에서 열어 저장하거나 값으로 붙여 넣어 주세요`,
			`formula-nocache.xlsx:혁신계획:4:지원액(천원): 수식 "=SUM(F2:F3)" 의 계산 결과가 파일에 저장되어 있지 않습니다: 엑셀에서 열어 저장하거나 값으로 붙여 넣어 주세요`,
		}},
		{"attend-mismatch.xlsx", []string{
			`attend-mismatch.xlsx:교육:2:참석 계: 참석 계 26 이(가) 남 10 + 여 15 = 25 와(과) 다릅니다`,
		}},
		{"plans-errors.csv", []string{
			`plans-errors.csv:혁신계획:2:지원액: "25만" 은(는) 금액이 아닙니다 (천원 단위 숫자, 예: 250,000)`,
			`plans-errors.csv:혁신계획:3:지원액: "-5,000" 은(는) 음수입니다: 금액은 0 이상이어야 합니다`,
			`plans-errors.csv:혁신계획:4:지원액: "1500.5" 은(는) 소수입니다: 금액은 천원 단위 정수로 적어 주세요 (예: 1,501)`,
			`plans-errors.csv:혁신계획:5:사업기간: "2017.02.30" 은(는) 없는 날짜입니다 (예: 2017-07-31)`,
			`plans-errors.csv:혁신계획:6:TFT 계: TFT 계 16 이(가) 민 10 + 구의원 0 + 관 5 = 15 와(과) 다릅니다`,
			`plans-errors.csv:혁신계획:7:자치구: "관학구" 은(는) 서울의 자치구가 아닙니다 (예: 관악구, 중구)`,
			`plans-errors.csv:혁신계획:8:연도: "17" 은(는) 연도가 아닙니다 (네 자리 숫자, 예: 2017)`,
			`plans-errors.csv:혁신계획:8:단계: 단계 "성숙기" 을(를) 알 수 없습니다 (준비기, 수립기, 실행기 중 하나)`,
			`plans-errors.csv:혁신계획:9:사업기간: 사업기간이 비어 있습니다 (예: 2016.11.01 ~ 2017.06.30)`,
			`plans-errors.csv:혁신계획:9:지원액: 지원액이 비어 있습니다 (천원 단위 금액; 준비기는 0)`,
			`plans-errors.csv:혁신계획:9:TFT 민: "열" 은(는) 숫자가 아닙니다 (TFT 인원, 예: 12)`,
		}},
		{"no-known-sheet.xlsx", []string{
			`no-known-sheet.xlsx: 혁신계획, 플랫폼, 교육 시트가 없습니다 (이 파일의 시트: Sheet1): 사무국이 보낸 양식의 시트 이름을 그대로 써 주세요`,
		}},
		{"no-header.csv", []string{
			`no-header.csv: 머리글 행을 찾을 수 없습니다: 어떤 자료인지 알 수 없습니다 (혁신계획: 자치구, 연도, 단계, 사업기간 또는 시작일·종료일, 지원액, TFT 민, TFT 구의원, TFT 관 / 플랫폼: 자치구, 연도, 구분, 대표자 / 교육: 과정, 일자)`,
		}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			_, probs := readFixture(t, tc.file)
			var got []string
			for _, p := range probs {
				got = append(got, p.String())
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("problems:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(tc.want, "\n     "))
			}
		})
	}
}

// A file that is no spreadsheet gets one line, whatever its name says.
func TestReadNotASpreadsheet(t *testing.T) {
	tests := []struct{ file, detail string }{
		{"report.pdf", "PDF"},
		{"truncated.xlsx", "손상"},
		{"document.hwp", "hwp"},
		{"image.png", "그림"},
		{"lo-good.ods", "ODS"},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			p, probs := readFixture(t, tc.file)
			if len(probs) != 1 {
				t.Fatalf("got %d problems, want 1: %v", len(probs), probs)
			}
			got := probs[0].String()
			if !strings.HasPrefix(got, tc.file+": 엑셀(xlsx) 또는 CSV 파일이 아닙니다") || !strings.Contains(got, tc.detail) {
				t.Errorf("problem = %q, want %q… mentioning %s", got, tc.file+": 엑셀(xlsx) 또는 CSV 파일이 아닙니다", tc.detail)
			}
			if p == nil || len(p.Plans)+len(p.Platforms)+len(p.Sessions) != 0 {
				t.Errorf("parsed = %+v, want an empty result", p)
			}
		})
	}
	_, probs := readFixture(t, "empty.csv")
	if len(probs) != 1 || probs[0].String() != "empty.csv: 빈 파일입니다" {
		t.Errorf("empty file: %v", probs)
	}
	_, probs = Read("big.csv", make([]byte, MaxFileSize+1))
	if len(probs) != 1 || !strings.Contains(probs[0].Message, "너무 큽니다") {
		t.Errorf("oversized file: %v", probs)
	}
}

// A workbook with only some of the sheets holds nothing of the others.
func TestReadMissingSheets(t *testing.T) {
	p := mustRead(t, "platform-only.xlsx")
	equalRecords(t, "kinds", p.Kinds, []string{"플랫폼"})
	equalRecords(t, "platforms", platformsOf(p), goodPlatforms())
	if len(p.Plans) != 0 || len(p.Sessions) != 0 {
		t.Errorf("plans %d, sessions %d; want none", len(p.Plans), len(p.Sessions))
	}
}

// readCSVText reads CSV text given inline.
func readCSVText(t *testing.T, text string) (*Parsed, []string) {
	t.Helper()
	p, probs := Read("t.csv", []byte(text))
	var out []string
	for _, pr := range probs {
		out = append(out, pr.String())
	}
	return p, out
}

// csvDetailCase is a CSV text with the problems Read reports, in order,
// and a check of what it read (nil for none).
type csvDetailCase struct {
	name, text string
	problems   []string
	check      func(t *testing.T, p *Parsed)
}

// csvDetailCases are TestReadCSVDetails' cases.
func csvDetailCases() []csvDetailCase {
	const header = "자치구,연도,단계,사업기간,지원액,TFT 민,TFT 구의원,TFT 관\n"
	return []csvDetailCase{
		{"준비기 needs no period and no amount",
			header + "중구,2017,준비기,,,7,0,3\n", nil,
			func(t *testing.T, p *Parsed) {
				equalRecords(t, "plan", plansOf(p), []store.Plan{{District: "중구", Year: 2017, Stage: store.StagePrep, TFTCivil: 7, TFTOfficial: 3}})
			}},
		{"separate start and end columns with 개월",
			"자치구,연도,단계,시작일,종료일,개월,지원액,TFT 민,TFT 구의원,TFT 관\n성동구,2016,수립기,2016-11-01,2017-05-30,6개월,100000,6,-,6\n", nil,
			func(t *testing.T, p *Parsed) {
				if pl := p.Plans[0].Plan; pl.Start != "2016-11-01" || pl.End != "2017-05-30" || pl.Months != 6 {
					t.Errorf("plan = %+v", pl)
				}
			}},
		{"months computed from the dates when none are stated",
			header + "성동구,2016,수립기,2016-11-01 ~ 2017-05-30,100000,6,0,6\n", nil,
			func(t *testing.T, p *Parsed) {
				if m := p.Plans[0].Plan.Months; m != 7 {
					t.Errorf("months = %d, want 7", m)
				}
			}},
		{"a total row at the top is checked too",
			header + "계,,,,300000,,,\n관악구,2017,수립기,2017.3.1~2017.12.31,100000,1,0,1\n영등포구,2017,수립기,2017.3.1~2017.12.31,150000,1,0,1\n",
			[]string{"t.csv:혁신계획:2:지원액: 합계 300,000 이(가) 각 행의 합 250,000 와(과) 다릅니다"}, nil},
		{"header repeated further down is skipped",
			header + "관악구,2017,수립기,2017.3.1~2017.12.31,100000,1,0,1\n" + header + "영등포구,2017,수립기,2017.3.1~2017.12.31,150000,1,0,1\n", nil,
			func(t *testing.T, p *Parsed) {
				if len(p.Plans) != 2 || p.Plans[1].Origin.Row != 4 {
					t.Errorf("plans = %+v", p.Plans)
				}
			}},
		{"amounts in 원 are refused at the header",
			"자치구,연도,단계,사업기간,지원액(원),TFT 민,TFT 구의원,TFT 관\n관악구,2017,수립기,2017.3.1~2017.12.31,100000000,1,0,1\n",
			[]string{"t.csv:혁신계획:1:지원액(원): 금액 단위가 원입니다: 지원액은 천원 단위로 적어 주세요 (예: 200,000)"}, nil},
		{"two errors in one cell's row are both reported, other rows too",
			header + "관악구,2017,수립기,2017.3.1~2017.12.31,25만,-1,0,1\n관학구,2017,수립기,2017.3.1~2017.12.31,1,1,0,1\n",
			[]string{
				`t.csv:혁신계획:2:지원액: "25만" 은(는) 금액이 아닙니다 (천원 단위 숫자, 예: 250,000)`,
				`t.csv:혁신계획:2:TFT 민: "-1" 은(는) 음수입니다: TFT 인원은(는) 0 이상이어야 합니다`,
				`t.csv:혁신계획:3:자치구: "관학구" 은(는) 서울의 자치구가 아닙니다 (예: 관악구, 중구)`,
			}, nil},
		{"platform 단체 row without a 단체명 column",
			"자치구,연도,구분,대표자\n강북구,2017,대표 단체,김성훈\n강북구,2017,플랫폼책임자,이상훈\n",
			[]string{`t.csv:플랫폼:1:단체명: 필수 열 "단체명" 이(가) 머리글에 없습니다 (대표 단체·참여 단체 행에 필요합니다)`}, nil},
		{"platform manager only needs no 단체명 column",
			"자치구,연도,구분,대표자,비고\n강북,2017,플랫폼책임자,이상훈,강북마을 부대표\n", nil,
			func(t *testing.T, p *Parsed) {
				equalRecords(t, "platform", platformsOf(p), []store.Platform{{District: "강북구", Year: 2017,
					Members: []store.Member{{Role: store.RoleManager, Rep: "이상훈", Note: "강북마을 부대표"}}}})
			}},
		{"unknown role and empty representative",
			"자치구,연도,구분,단체명,대표자\n강북구,2017,회원,강북마을모임,\n",
			[]string{
				`t.csv:플랫폼:2:구분: 구분 "회원" 을(를) 알 수 없습니다 (대표 단체, 참여 단체, 플랫폼책임자 중 하나)`,
				`t.csv:플랫폼:2:대표자: 대표자가 비어 있습니다 (단체의 대표자, 또는 플랫폼책임자의 이름)`,
			}, nil},
		{"session 일시 with date and time in one cell, unknown status",
			"과정,일시,상태\n협치실행 교육,2017.6.1.(목) 14:00-17:00,완료\n협치실행 교육,2017.6.8.,끝남\n",
			[]string{`t.csv:교육:3:상태: "끝남" 은(는) 상태가 아닙니다 (예정, 완료, 취소 중 하나)`},
			func(t *testing.T, p *Parsed) {
				equalRecords(t, "session", sessionsOf(p), []store.Session{{Year: 2017, Course: "협치실행 교육", Date: "2017-06-01", Time: "14:00-17:00", Status: "완료"}})
			}},
		{"quoted newline keeps line numbers",
			"과정,일자,비고\n협치실행 교육,2017-06-01,\"두 줄\n비고\"\n협치실행 교육,2017-06-31,\n",
			[]string{`t.csv:교육:4:일자: "2017-06-31" 은(는) 없는 날짜입니다 (예: 2017-07-31)`}, nil},
	}
}

func TestReadCSVDetails(t *testing.T) {
	for _, tc := range csvDetailCases() {
		t.Run(tc.name, func(t *testing.T) {
			p, probs := readCSVText(t, tc.text)
			if !reflect.DeepEqual(probs, tc.problems) {
				t.Errorf("problems:\n got %s\nwant %s", strings.Join(probs, "\n     "), strings.Join(tc.problems, "\n     "))
			}
			if tc.check != nil {
				tc.check(t, p)
			}
		})
	}
}

func TestReadUTF16TabText(t *testing.T) {
	text := "과정\t일자\t참석 남\t참석 여\r\n협치실행 교육\t2017-06-01\t3\t4\r\n"
	var b []byte
	b = append(b, 0xff, 0xfe)
	for _, r := range text {
		b = append(b, byte(r), byte(r>>8))
	}
	p, probs := Read("유니코드.txt", b)
	if len(probs) != 0 {
		t.Fatalf("problems: %v", probs)
	}
	equalRecords(t, "session", sessionsOf(p), []store.Session{{Year: 2017, Course: "협치실행 교육", Date: "2017-06-01", AttendMale: 3, AttendFemale: 4}})
}

func TestReadRowLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString("과정,일자\n")
	for i := 0; i <= maxDataRows; i++ {
		b.WriteString("협치실행 교육,2017-06-01\n")
	}
	_, probs := Read("many.csv", []byte(b.String()))
	if len(probs) != 1 || !strings.Contains(probs[0].Message, "너무 많습니다") {
		t.Fatalf("problems = %v, want one about too many rows", probs)
	}
	// Exactly at the limit is fine.
	text := b.String()
	text = text[:strings.LastIndex(text[:len(text)-1], "\n")+1]
	p, probs := Read("limit.csv", []byte(text))
	if len(probs) != 0 || len(p.Sessions) != maxDataRows {
		t.Fatalf("at the limit: %d sessions, problems %v", len(p.Sessions), probs)
	}
}

func TestReadEmptyRequiredValues(t *testing.T) {
	_, probs := readCSVText(t, "자치구,연도,구분,단체명,대표자\n,,,강북마을모임,김성훈\n")
	want := []string{
		"t.csv:플랫폼:2:자치구: 자치구가 비어 있습니다",
		"t.csv:플랫폼:2:연도: 연도가 비어 있습니다",
		"t.csv:플랫폼:2:구분: 구분이 비어 있습니다",
	}
	if !reflect.DeepEqual(probs, want) {
		t.Errorf("problems:\n got %s\nwant %s", strings.Join(probs, "\n     "), strings.Join(want, "\n     "))
	}
	_, probs = readCSVText(t, "과정,일자,비고\n,,메모\n협치실행 교육,,\n")
	want = []string{"t.csv:교육:2:과정: 과정이 비어 있습니다", "t.csv:교육:2:일자: 일자가 비어 있습니다", "t.csv:교육:3:일자: 일자가 비어 있습니다"}
	if !reflect.DeepEqual(probs, want) {
		t.Errorf("problems:\n got %s\nwant %s", strings.Join(probs, "\n     "), strings.Join(want, "\n     "))
	}
}

func TestReadHostileCSV(t *testing.T) {
	_, probs := Read("wide.csv", []byte("과정,일자"+strings.Repeat(",", 5000)+"\n"))
	if len(probs) != 1 || probs[0].String() != "wide.csv: 한 줄에 열이 너무 많습니다: 1024열까지 읽습니다" {
		t.Errorf("problems = %v", probs)
	}
	_, probs = Read("bad.csv", []byte("과정,일자\n\xff\xfe\xfd 협치,2017-01-01\n\x80\x80\n"))
	if len(probs) != 1 || !strings.Contains(probs[0].Message, "인코딩") {
		t.Errorf("problems = %v, want one about the encoding", probs)
	}
	_, probs = Read("report.xls", []byte("<html><body><table><tr><td>자치구</td></tr></table></body></html>"))
	if len(probs) != 1 || !strings.HasPrefix(probs[0].String(), "report.xls: 엑셀(xlsx) 또는 CSV 파일이 아닙니다 (웹 페이지(HTML)") {
		t.Errorf("problems = %v, want one saying an HTML table is no xlsx", probs)
	}
}

func xlsxOf(t *testing.T, sheets ...fxSheet) []byte {
	t.Helper()
	b, err := writeFixtureXLSX(sheets)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestReadSheetChoice(t *testing.T) {
	sessions := [][]any{{"과정", "일자"}, {"협치실행 교육", "2017-06-01"}}
	other := [][]any{{"과정", "일자"}, {"예시 과정", "2017-01-01"}}
	t.Run("the contract's name wins over a look-alike", func(t *testing.T) {
		p, probs := Read("a.xlsx", xlsxOf(t, fxSheet{name: "교육(예시)", rows: other}, fxSheet{name: "교 육", rows: sessions}))
		if len(probs) != 0 || len(p.Sessions) != 1 || p.Sessions[0].Session.Course != "협치실행 교육" || p.Sessions[0].Origin.Sheet != "교 육" {
			t.Errorf("got %+v, %v", p.Sessions, probs)
		}
	})
	t.Run("one look-alike is read", func(t *testing.T) {
		p, probs := Read("a.xlsx", xlsxOf(t, fxSheet{name: "2017 협치학교 교육", rows: sessions}))
		if len(probs) != 0 || len(p.Sessions) != 1 {
			t.Errorf("got %+v, %v", p.Sessions, probs)
		}
	})
	t.Run("two look-alikes are a problem", func(t *testing.T) {
		_, probs := Read("a.xlsx", xlsxOf(t, fxSheet{name: "교육 상반기", rows: sessions}, fxSheet{name: "교육 하반기", rows: other}))
		if len(probs) != 1 || !strings.Contains(probs[0].String(), "a.xlsx: 교육 시트가 여러 개입니다 (교육 상반기, 교육 하반기)") {
			t.Errorf("problems = %v", probs)
		}
	})
	t.Run("a known sheet without a header", func(t *testing.T) {
		_, probs := Read("a.xlsx", xlsxOf(t, fxSheet{name: "혁신계획", rows: [][]any{{"관악구", 2017, "수립기"}}}))
		want := "a.xlsx:혁신계획: 머리글 행을 찾을 수 없습니다: 자치구, 연도, 단계, 사업기간 또는 시작일·종료일, 지원액, TFT 민, TFT 구의원, TFT 관 열이 있는 행이 필요합니다"
		if len(probs) != 1 || probs[0].String() != want {
			t.Errorf("problems = %v, want %s", probs, want)
		}
	})
	t.Run("an empty known sheet holds nothing and is no problem", func(t *testing.T) {
		p, probs := Read("a.xlsx", xlsxOf(t, fxSheet{name: "혁신계획"}, fxSheet{name: "교육", rows: sessions}))
		if len(probs) != 0 || len(p.Sessions) != 1 || !reflect.DeepEqual(p.Kinds, []string{"혁신계획", "교육"}) {
			t.Errorf("got %+v, %v", p, probs)
		}
	})
}
