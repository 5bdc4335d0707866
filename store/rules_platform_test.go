package store

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// gangbuk is 강북구's 2016 consortium as 참고2 gives it, with a space.
func gangbuk() Platform {
	for _, p := range SeedData().Platforms {
		if p.District == "강북구" {
			// the plan gives none of these; a complete record has them
			p.Space, p.Growth, p.Months, p.Status = 60, 1, 12, "사업개시"
			return p
		}
	}
	panic("강북구 missing from the seed")
}

// leadMember is a roster's 대표 단체.
func leadMember(org, rep string) Member { return Member{Role: RoleLead, Org: org, Rep: rep} }

// otherPlatform is gangbuk in another year (its ID the year) of months.
func otherPlatform(year, months int) Platform {
	p := gangbuk()
	p.ID, p.Year, p.Months = uint64(year), year, months
	return p
}

// platformRuleCase edits gangbuk, judged with others.
type platformRuleCase struct {
	name   string
	edit   func(p *Platform)
	others []Platform
	field  string // "" = no problem at all
	want   string // part of the message
	warn   bool
}

// platformRuleCases are the consortium rules' boundaries, one case each.
var platformRuleCases = []platformRuleCase{
	{name: "the 참고2 roster passes", edit: func(p *Platform) {}},
	{name: "100,000 for 12 months passes", edit: func(p *Platform) { p.Grant = 100000 }},
	{name: "100,001 a year is over the cap", edit: func(p *Platform) { p.Grant = 100001 },
		field: "grant", want: "지원액 100,001천원 이(가) 연 한도 100,000천원을 넘습니다"},
	{name: "negative grant", edit: func(p *Platform) { p.Grant = -1 }, field: "grant", want: "음수"},
	{name: "50,000 for 6 months passes", edit: func(p *Platform) { p.Grant, p.Months = 50000, 6 }},
	{name: "50,001 for 6 months is a warning", edit: func(p *Platform) { p.Grant, p.Months = 50001, 6 },
		field: "grant", want: "6개월 기준 한도 50,000천원", warn: true},
	{name: "13 months in a year", edit: func(p *Platform) { p.Months = 13 }, field: "months", want: "한 해 0~12개월"},
	{name: "a grant without months is a warning", edit: func(p *Platform) { p.Months = 0 }, field: "months", want: "지원 개월 수를 입력하세요", warn: true},
	{name: "an application without grant or months passes", edit: func(p *Platform) { p.Months, p.Grant, p.Status = 0, 0, "신청" }},
	{name: "36 months in all passes", edit: func(p *Platform) { p.Year = 2018 },
		others: []Platform{otherPlatform(2016, 12), otherPlatform(2017, 12)}},
	{name: "37 months in all", edit: func(p *Platform) { p.Year, p.Months, p.Grant = 2018, 12, 100000 },
		others: []Platform{otherPlatform(2016, 12), otherPlatform(2017, 13)}, field: "months",
		want: "강북구 지원 기간이 모두 37개월로 최대 36개월을 넘습니다 (다른 해: 2016년 12개월, 2017년 13개월)"},
	{name: "a fourth year of 12 months", edit: func(p *Platform) { p.Year = 2019 },
		others: []Platform{otherPlatform(2016, 12), otherPlatform(2017, 12), otherPlatform(2018, 12)}, field: "months", want: "48개월"},
	{name: "another district's consortia do not count", edit: func(p *Platform) { p.Year = 2019 },
		others: func() []Platform {
			o := otherPlatform(2016, 12)
			o.District = "관악구"
			return []Platform{o, otherPlatform(2017, 12), otherPlatform(2018, 12)}
		}()},
	{name: "a second consortium in the same district and year", edit: func(p *Platform) {},
		others: []Platform{otherPlatform(2016, 12)}, field: "year",
		want: "2016년 강북구 시민협력플랫폼이 이미 있습니다 (자치구별 한 해 1개 컨소시엄)"},
	{name: "the record itself among others is not a second one", edit: func(p *Platform) { p.ID = 2016 },
		others: []Platform{otherPlatform(2016, 12)}},
	{name: "50㎡ passes", edit: func(p *Platform) { p.Space = 50 }},
	{name: "49㎡ is too small", edit: func(p *Platform) { p.Space = 49 }, field: "space",
		want: "공간 면적 49㎡ 이(가) 요건(50㎡ 이상)에 못 미칩니다"},
	{name: "no space given yet is a warning", edit: func(p *Platform) { p.Space = 0 }, field: "space", want: "공간 면적을 입력하세요", warn: true},
	{name: "a negative space is an error", edit: func(p *Platform) { p.Space = -5 }, field: "space", want: "0보다 커야 합니다"},
	{name: "growth stage 4", edit: func(p *Platform) { p.Growth = 4 }, field: "growth_stage", want: "성장 단계 4"},
	{name: "growth stage 3 passes", edit: func(p *Platform) { p.Growth = 3 }},
	{name: "unknown status", edit: func(p *Platform) { p.Status = "선정" }, field: "status", want: "선정 단계 \"선정\""},
	{name: "no status yet is a warning", edit: func(p *Platform) { p.Status = "" }, field: "status", want: "신청 → 협의조정·컨설팅", warn: true},
	{name: "no growth stage yet is a warning", edit: func(p *Platform) { p.Growth = 0 }, field: "growth_stage", want: "성장 단계를 고르세요", warn: true},
	{name: "the plan's 2016 consortium: unknowns are warnings only", edit: func(p *Platform) {
		p.Space, p.Growth, p.Months, p.Status = 0, 0, 0, ""
	}, field: "months", want: "지원 개월 수를 입력하세요", warn: true},
	{name: "no name", edit: func(p *Platform) { p.Name = " " }, field: "name", want: "컨소시엄 이름"},
	{name: "not a district", edit: func(p *Platform) { p.District = "수원시" }, field: "district", want: "자치구가 아닙니다"},
	{name: "a second 대표 단체", edit: func(p *Platform) {
		p.Members = slices.Insert(p.Members, 1, leadMember("강북청년네트워크", "박청년"))
	}, field: "members", want: "대표 단체가 2개입니다 (강북마을모임, 강북청년네트워크): 컨소시엄마다 대표 단체는 1개만 둘 수 있습니다"},
	{name: "no 대표 단체", edit: func(p *Platform) { p.Members[0].Role = RoleMember },
		field: "members", want: "대표 단체가 없습니다"},
	{name: "no 플랫폼책임자", edit: func(p *Platform) { p.Members = p.Members[:3] },
		field: "members", want: "플랫폼책임자가 없습니다"},
	{name: "two 플랫폼책임자", edit: func(p *Platform) {
		p.Members = append(p.Members, Member{Role: RoleManager, Rep: "홍길동"})
	}, field: "members", want: "플랫폼책임자가 2명입니다 (이상훈, 홍길동)"},
	{name: "an empty roster lacks both", edit: func(p *Platform) { p.Members = nil },
		field: "members", want: "대표 단체가 없습니다"},
	{name: "a member without organisation", edit: func(p *Platform) { p.Members[2].Org = "" },
		field: "members[2].org", want: "구성원 3행(참여 단체): 단체명을 입력하세요"},
	{name: "a member without representative", edit: func(p *Platform) { p.Members[1].Rep = "" },
		field: "members[1].rep", want: "구성원 2행(강북구사회적경제협의회): 대표자 명을 입력하세요"},
	{name: "a manager without name", edit: func(p *Platform) { p.Members[3].Rep = "" },
		field: "members[3].rep", want: "책임자 이름을 입력하세요"},
	{name: "a row without role", edit: func(p *Platform) { p.Members[1].Role = "" },
		field: "members[1].role", want: "구분을 고르세요"},
	{name: "an unknown role", edit: func(p *Platform) { p.Members[1].Role = "후원 단체" },
		field: "members[1].role", want: "구분 \"후원 단체\" 을(를) 알 수 없습니다"},
	{name: "an organisation twice, spelt with (사)", edit: func(p *Platform) {
		p.Members = slices.Insert(p.Members, 3, Member{Role: RoleMember, Org: "(사) 강북마을모임", Rep: "김성훈"})
	}, field: "members[3].org", want: "구성원 4행: 단체 \"(사) 강북마을모임\" 이(가) 1행과 겹칩니다"},
	{name: "a phone contact passes", edit: func(p *Platform) { p.Members[0].Contact = "010-1234-5678" }},
	{name: "an e-mail contact passes", edit: func(p *Platform) { p.Members[0].Contact = "kim@example.kr" }},
	{name: "a contact that is neither is a warning, masked", edit: func(p *Platform) { p.Members[0].Contact = "김성훈 010-1234-5678" },
		field: "members[0].contact", want: "전화번호(예: 010-1234-5678)나 전자우편 형식이 아닙니다", warn: true},
	{name: "a consortium of one organisation fails", edit: func(p *Platform) {
		p.Members = []Member{p.Members[0], p.Members[3]}
	}, field: "members", want: "참여 단체가 없습니다: 컨소시엄은 대표 단체와 참여 단체 1개 이상으로 구성합니다"},
	{name: "a 대표 단체 and one 참여 단체 pass", edit: func(p *Platform) {
		p.Members = []Member{p.Members[0], p.Members[1], p.Members[3]}
	}},
	{name: "growth from 1 to 2 passes", edit: func(p *Platform) { p.Year, p.Growth = 2017, 2 },
		others: []Platform{otherPlatform(2016, 12)}},
	{name: "the same growth stage passes", edit: func(p *Platform) { p.Year, p.Growth = 2017, 1 },
		others: []Platform{otherPlatform(2016, 12)}},
	{name: "growth going down from 2 to 1 warns", edit: func(p *Platform) { p.Year, p.Growth = 2018, 1 },
		others: func() []Platform {
			a, b := otherPlatform(2016, 12), otherPlatform(2017, 12)
			b.Growth = 2
			return []Platform{b, a}
		}(), field: "growth_stage", want: "성장 단계가 2017년 2단계(자립화 전략)에서 2018년 1단계(네트워크 구축)(으)로 내려갑니다", warn: true},
	{name: "36 months from the first 사업 개시일 pass", edit: func(p *Platform) { p.Year, p.StartOn = 2018, "2018-09-01" },
		others: func() []Platform {
			a, b := otherPlatform(2016, 12), otherPlatform(2017, 12)
			a.StartOn, b.StartOn = "2016-09-01", "2017-09-01"
			return []Platform{a, b}
		}()},
	{name: "a 37th month from the first 사업 개시일 fails", edit: func(p *Platform) { p.Year, p.StartOn = 2018, "2018-10-01" },
		others: func() []Platform {
			a, b := otherPlatform(2016, 12), otherPlatform(2017, 12)
			a.StartOn, b.StartOn = "2016-09-01", "2017-09-01"
			return []Platform{a, b}
		}(), field: "start_on", want: "2016년 사업 개시일 2016-09-01 부터 2019-09-30 까지 37개월로 최대 36개월을 넘습니다"},
	{name: "a year's support starting inside last year's fails", edit: func(p *Platform) { p.Year, p.StartOn = 2017, "2017-08-01" },
		others: func() []Platform {
			a := otherPlatform(2016, 12)
			a.StartOn = "2016-09-01"
			return []Platform{a}
		}(), field: "start_on", want: "지원 기간 2017-08-01 ~ 2018-07-31 이(가) 2016년 지원 기간 2016-09-01 ~ 2017-08-31 와(과) 겹칩니다"},
	{name: "a bad 사업 개시일 fails", edit: func(p *Platform) { p.StartOn = "2016-02-30" }, field: "start_on", want: `사업 개시일 "2016-02-30"`},
	{name: "공통 and 개별 indicators with targets pass", edit: func(p *Platform) {
		p.Indicators = []Indicator{{Common: true, Name: "공론장 개최", Target: "6회"}, {Name: "청년 활동가 양성", Target: "15명", Result: "12명"}}
	}},
	{name: "only 공통 indicators warn", edit: func(p *Platform) {
		p.Indicators = []Indicator{{Common: true, Name: "공론장 개최", Target: "6회"}}
	}, field: "indicators", want: "성과지표에 개별 지표가 없습니다", warn: true},
	{name: "only 개별 indicators warn", edit: func(p *Platform) {
		p.Indicators = []Indicator{{Name: "청년 활동가 양성", Target: "15명"}}
	}, field: "indicators", want: "성과지표에 공통 지표가 없습니다", warn: true},
	{name: "an indicator without target warns", edit: func(p *Platform) {
		p.Indicators = []Indicator{{Common: true, Name: "공론장 개최", Target: "6회"}, {Name: "청년 활동가 양성"}}
	}, field: "indicators[1].target", want: "성과지표 2행(청년 활동가 양성): 목표가 없습니다", warn: true},
	{name: "an indicator without name", edit: func(p *Platform) {
		p.Indicators = []Indicator{{Common: true, Name: "공론장 개최", Target: "6회"}, {Target: "10명"}}
	}, field: "indicators[1].name", want: "성과지표 2행: 지표 이름을 입력하세요"},
}

func TestCheckPlatformRules(t *testing.T) {
	for _, c := range platformRuleCases {
		t.Run(c.name, func(t *testing.T) {
			p := gangbuk()
			c.edit(&p)
			checkPlatformRuleCase(t, c, CheckPlatform(p, c.others))
		})
	}
}

// checkPlatformRuleCase wants no problem at all, or the case's problem: an
// error blocking the save, a warning not.
func checkPlatformRuleCase(t *testing.T, c platformRuleCase, ps Problems) {
	t.Helper()
	if c.field == "" {
		if len(ps) != 0 {
			t.Fatalf("want no problem, got %v", ps)
		}
		return
	}
	got := ps.Field(c.field)
	if len(got) == 0 {
		t.Fatalf("no problem at %q; all: %v", c.field, ps)
	}
	found := false
	for _, g := range got {
		if strings.Contains(g.Message, c.want) && g.Warning == c.warn {
			found = true
		}
	}
	if !found {
		t.Fatalf("at %q want %q (warning %v), got %v", c.field, c.want, c.warn, got)
	}
	if !c.warn && !ps.HasErrors() {
		t.Fatal("an error must block saving")
	}
	if c.warn && ps.HasErrors() {
		t.Fatalf("a warning must not block saving: %v", ps.Errors())
	}
}

func TestCheckPlatformContactMessageIsMasked(t *testing.T) {
	p := gangbuk()
	p.Members[0].Contact = "김성훈 010-9876-5432"
	ps := CheckPlatform(p, nil)
	if len(ps) != 1 {
		t.Fatalf("want one warning, got %v", ps)
	}
	for _, pr := range ps {
		if strings.Contains(pr.Message, "9876") {
			t.Fatalf("message shows the contact in full: %s", pr.Message)
		}
	}
}

func TestPlatformGrantCapFor(t *testing.T) {
	for _, c := range []struct {
		months int
		want   int64
	}{{12, 100000}, {6, 50000}, {1, 8333}, {0, 0}, {24, 100000}} {
		if got := PlatformGrantCapFor(c.months); got != c.want {
			t.Errorf("%d months: cap %d, want %d", c.months, got, c.want)
		}
	}
}

func TestMemberFieldConvention(t *testing.T) {
	if MemberField(2, "rep") != "members[2].rep" || IndicatorField(0, "name") != "indicators[0].name" {
		t.Fatal("field names changed: forms and the importer place problems by them")
	}
	for f, want := range map[string]bool{"members": true, "members[2].rep": true, "grant": false, "membersx": false, "indicators[0].name": false} {
		if IsRosterField(f) != want {
			t.Errorf("IsRosterField(%q) = %v", f, !want)
		}
	}
}

func TestSavePlatformRefusesSecondConsortiumOfYear(t *testing.T) {
	s := newTestStore(t, SeedData())
	p := gangbuk()
	p.Name = "강북 두 번째"
	ps, err := s.SavePlatform(&p)
	var inv *InvalidError
	if !errors.As(err, &inv) || len(ps.Field("year")) == 0 {
		t.Fatalf("second 2016 강북구 consortium: err %v, problems %v", err, ps)
	}
	if !strings.Contains(err.Error(), "2016년 강북구 시민협력플랫폼이 이미 있습니다") {
		t.Fatalf("message: %v", err)
	}
	all, _ := s.Platforms(Filter{Year: 2016, District: "강북구"})
	if len(all) != 1 {
		t.Fatalf("%d 강북구 consortia in 2016 after a refused save", len(all))
	}
}
