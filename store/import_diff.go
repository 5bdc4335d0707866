package store

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"hyeopchi/store/value"
)

// What an import does to a record.
const (
	ActionAdd    = "추가"
	ActionChange = "수정"
	ActionSame   = "변경 없음"
)

// fieldLabels are the names the coordinator knows a field by, by JSON name.
var fieldLabels = map[string]string{
	KeyDistrict: "자치구", KeyYear: "연도", KeyStage: "단계", KeySupport: "지원사항", KeyStart: "시작일", KeyEnd: "종료일",
	KeyMonths: "개월", KeyAmount: "지원액", KeyTFTCivil: "TFT 민", KeyTFTCouncil: "TFT 구의원", KeyTFTOfficial: "TFT 관",
	KeyFields: "분야", KeyPB: "참여예산", KeyProcess: "절차", KeyMainPlanOn: "본계획 제출일",
	KeyNote: "비고", KeyName: "이름", KeySpace: "공간 면적", KeyGrowth: "성장 단계", KeyGrant: "지원액",
	KeyStatus: "상태", KeyIndicators: "성과지표", KeyMembers: "구성원", KeyCourse: "과정", KeyNumber: "회차",
	KeyDate: "일자", KeyTime: "시간", KeyVenue: "장소", KeyAudience: "대상", KeyCapacity: "정원", KeyInstructor: "강사",
	KeyAttendMale: "참석 남", KeyAttendFemale: "참석 여",
}

// recordChange says what storing after does to before (nil: a new record),
// field by field with the values as the coordinator reads them. It walks
// the struct's fields: no JSON round trip per record.
func recordChange[T any](kind, label string, before *T, after T) Change {
	c := Change{Kind: kind, Label: label, Action: ActionAdd}
	av := reflect.ValueOf(after)
	var bv reflect.Value
	if before != nil {
		bv = reflect.ValueOf(*before)
		c.Action = ActionChange
	}
	t := av.Type()
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name == "" || name == "-" || name == "id" || name == "updated" {
			continue
		}
		af := av.Field(i)
		var bf reflect.Value
		if before != nil {
			bf = bv.Field(i)
			if sameValue(af, bf) {
				continue
			}
		}
		if ms, ok := af.Interface().([]Member); ok {
			var old []Member
			if before != nil {
				old = bf.Interface().([]Member)
			}
			c.Fields = append(c.Fields, memberChanges(old, ms)...)
			continue
		}
		f := FieldChange{Field: fieldLabel(name), Before: unknownValue, After: valueText(name, af)}
		if before == nil {
			if f.After == unknownValue || af.IsZero() {
				continue // a new record lists what it has
			}
		} else {
			f.Before = valueText(name, bf)
		}
		c.Fields = append(c.Fields, f)
	}
	if before != nil && len(c.Fields) == 0 {
		c.Action = ActionSame
	}
	return c
}

// sameValue compares two field values; an empty list equals a missing one.
func sameValue(a, b reflect.Value) bool {
	if a.Kind() == reflect.Slice && a.Len() == 0 && b.Len() == 0 {
		return true
	}
	return reflect.DeepEqual(a.Interface(), b.Interface())
}

// unknownValue is what a value nobody entered prints as.
const unknownValue = "미기재"

func fieldLabel(k string) string {
	if l, ok := fieldLabels[k]; ok {
		return l
	}
	return k
}

// valueText writes a field's value for people: amounts in 천원 with
// separators, lists joined with /, an empty value as 미기재.
func valueText(name string, v reflect.Value) string {
	switch x := v.Interface().(type) {
	case []Step:
		var parts []string
		for _, s := range x {
			parts = append(parts, strings.TrimSpace(s.Name+" "+string(s.On)))
		}
		return orUnknown(strings.Join(parts, " → "))
	case []Indicator:
		var parts []string
		for _, in := range x {
			parts = append(parts, in.Name)
		}
		return orUnknown(strings.Join(parts, ", "))
	case []string:
		return orUnknown(strings.Join(x, "/"))
	case fmt.Stringer:
		return orUnknown(x.String())
	}
	switch name {
	case "amount", "grant":
		return value.Thousands(v.Int()) + "천원"
	case "space":
		if v.Int() == 0 {
			return unknownValue
		}
		return strconv.FormatInt(v.Int(), 10) + "㎡"
	}
	switch v.Kind() {
	case reflect.String:
		return orUnknown(v.String())
	case reflect.Int, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Bool:
		if v.Bool() {
			return "예"
		}
		return "아니오"
	}
	return fmt.Sprint(v.Interface())
}

// sameRoster reports whether two rosters hold the same lines, in any order.
func sameRoster(a, b []Member) bool {
	if len(a) != len(b) {
		return false
	}
	count := map[Member]int{}
	for _, m := range a {
		count[m]++
	}
	for _, m := range b {
		if count[m] == 0 {
			return false
		}
		count[m]--
	}
	return true
}

// memberChanges compares two rosters line by line by member identity: a
// line added, a line gone, or a line's representative, note or contact
// changed (the contact masked: it is personal data).
func memberChanges(before, after []Member) []FieldChange {
	old := map[string]Member{}
	for _, m := range before {
		old[MemberIdentity(m)] = m
	}
	seen := map[string]bool{}
	var out []FieldChange
	for _, m := range after {
		k := MemberIdentity(m)
		seen[k] = true
		o, ok := old[k]
		name := memberName(m)
		if !ok {
			out = append(out, FieldChange{Field: name, Before: "없음", After: memberText(m)})
			continue
		}
		for _, f := range []struct{ label, a, b string }{
			{"대표자", o.Rep, m.Rep}, {"단체명", o.Org, m.Org}, {"비고", o.Note, m.Note},
			{"연락처", value.MaskContact(o.Contact), value.MaskContact(m.Contact)},
		} {
			if f.a != f.b {
				out = append(out, FieldChange{Field: name + " " + f.label, Before: orUnknown(f.a), After: orUnknown(f.b)})
			}
		}
	}
	var gone []Member
	for _, m := range before {
		if !seen[MemberIdentity(m)] {
			gone = append(gone, m)
		}
	}
	sort.SliceStable(gone, func(i, j int) bool { return gone[i].Role < gone[j].Role })
	for _, m := range gone {
		out = append(out, FieldChange{Field: memberName(m), Before: memberText(m), After: "없음"})
	}
	return out
}

func memberName(m Member) string {
	if m.Role == RoleManager {
		return fmt.Sprintf("구성원(%s %s)", m.Role, m.Rep)
	}
	return fmt.Sprintf("구성원(%s %s)", m.Role, m.Org)
}

func memberText(m Member) string {
	if m.Role == RoleManager {
		return strings.TrimSpace(m.Rep + " " + m.Note)
	}
	return "대표자 " + orUnknown(m.Rep)
}

func orUnknown(s string) string {
	if strings.TrimSpace(s) == "" {
		return unknownValue
	}
	return s
}

// String writes a change as one line: "수정 혁신계획 2018 관악구: 지원액
// 150,000천원 → 160,000천원".
func (c Change) String() string {
	var parts []string
	for _, f := range c.Fields {
		if c.Action == ActionAdd {
			parts = append(parts, f.Field+" "+f.After)
		} else {
			parts = append(parts, f.Field+": "+f.Before+" → "+f.After)
		}
	}
	s := c.Action + " " + c.Kind + " " + c.Label
	if len(parts) > 0 {
		s += ": " + strings.Join(parts, ", ")
	}
	return s
}
