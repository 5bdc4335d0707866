package store

import (
	"strings"
	"testing"
)

// The consortium's form reads what the coordinator types with the one
// grammar and writes a stored consortium back as the form always showed it.
func TestPlatformFieldsReadAndFormat(t *testing.T) {
	read := func(key, text string) (Platform, *Problem) {
		t.Helper()
		f, ok := FieldOf(PlatformFields, key)
		if !ok {
			t.Fatalf("no field %q", key)
		}
		var p Platform
		return p, f.Read(&p, text)
	}
	for _, c := range []struct {
		key, text string
		check     func(Platform) bool
	}{
		{KeyYear, "2017년", func(p Platform) bool { return p.Year == 2017 }},
		{KeyYear, "", func(p Platform) bool { return p.Year == 0 }},
		{KeySpace, "60㎡", func(p Platform) bool { return p.Space == 60 }},
		{KeySpace, "1,200", func(p Platform) bool { return p.Space == 1200 }},
		{KeyMonths, "12개월", func(p Platform) bool { return p.Months == 12 }},
		{KeyGrant, "100,000천원", func(p Platform) bool { return p.Grant == 100000 }},
		{KeyGrowth, "2 자립화 전략", func(p Platform) bool { return p.Growth == 2 }},
		{KeyGrowth, "", func(p Platform) bool { return p.Growth == 0 }},
		{KeyStartOn, "2017.9.1.", func(p Platform) bool { return p.StartOn == "2017-09-01" }},
	} {
		p, pr := read(c.key, c.text)
		if pr != nil || !c.check(p) {
			t.Errorf("%s %q: %+v, problem %v", c.key, c.text, p, pr)
		}
	}
	if _, pr := read(KeySpace, "넓음"); pr == nil || pr.Field != KeySpace || !strings.HasPrefix(pr.Message, "공간(㎡) ") {
		t.Errorf("a space that is no number: %+v", pr)
	}
	if _, pr := read(KeyYear, "17"); pr == nil || pr.Field != KeyYear {
		t.Errorf("a year of two digits: %+v", pr)
	}

	p := Platform{District: "강북구", Year: 2016, Growth: 4, Status: "모름", Grant: 0, Months: 0}
	want := map[string]string{KeyDistrict: "강북구", KeyYear: "2016", KeySpace: "", KeyGrowth: "",
		KeyStatus: "", KeyGrant: "0", KeyMonths: "0", KeyStartOn: ""}
	for key, w := range want {
		f, _ := FieldOf(PlatformFields, key)
		if got := f.Format(&p); got != w {
			t.Errorf("%s shows %q, want %q", key, got, w)
		}
	}
}

// A roster line's role shows only when it is one of the roles; an
// indicator's kind is a check.
func TestRowFields(t *testing.T) {
	role, _ := FieldOf(MemberFields, KeyRole)
	if got := role.Format(&Member{Role: "회원"}); got != "" {
		t.Errorf("an unknown role shows %q", got)
	}
	m := Member{}
	if role.Read(&m, string(RoleLead)); m.Role != RoleLead {
		t.Errorf("role read %q", m.Role)
	}
	contact, _ := FieldOf(MemberFields, KeyContact)
	if contact.Input != InputContact || contact.Read(&m, " 010-1234-5678 ") != nil || m.Contact != "010-1234-5678" {
		t.Errorf("contact %q", m.Contact)
	}
	common, _ := FieldOf(IndicatorFields, KeyCommon)
	ind := Indicator{Common: true}
	if common.Input != InputCheck || common.Format(&ind) != "예" || common.Read(&ind, "") != nil || ind.Common {
		t.Errorf("common %v", ind.Common)
	}
	if !IsIndicatorField(IndicatorField(1, KeyName)) || !IsIndicatorField(KeyIndicators) || IsIndicatorField(MemberField(0, KeyName)) {
		t.Error("IsIndicatorField")
	}
}

func TestPlatformFieldsReadBackWhatTheyWrite(t *testing.T) {
	checkFields(t, PlatformFields, Platform{District: "강북구", Year: 2017, Name: "강북구 시민협력플랫폼", Space: 60,
		Growth: 2, Status: "심의", StartOn: "2017-09-01", Grant: 99976, Months: 12, Note: "첫 줄\n둘째 줄"})
	checkFields(t, MemberFields, Member{Role: RoleManager, Org: "", Rep: "이상훈", Note: "강북마을 부대표", Contact: "010-1234-5678"})
	checkFields(t, IndicatorFields, Indicator{Common: true, Name: "공론장 개최", Target: "6회", Result: "7회"})
}
