package store

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// What an import does to a record.
const (
	ActionAdd    = "추가"
	ActionChange = "수정"
	ActionSame   = "변경 없음"
)

// fieldLabels are the names the coordinator knows a field by, by JSON name.
var fieldLabels = map[string]string{
	"district": "자치구", "year": "연도", "stage": "단계", "support": "지원사항", "start": "시작일", "end": "종료일",
	"months": "개월", "amount": "지원액", "tft_civil": "TFT 민", "tft_council": "TFT 구의원", "tft_official": "TFT 관",
	"fields": "분야", "participatory_budget": "참여예산", "process": "절차", "main_plan_submitted": "본계획 제출일",
	"note": "비고", "name": "이름", "space": "공간 면적", "growth_stage": "성장 단계", "grant": "지원액",
	"status": "상태", "indicators": "성과지표", "members": "구성원", "course": "과정", "number": "회차",
	"date": "일자", "time": "시간", "venue": "장소", "audience": "대상", "capacity": "정원", "instructor": "강사",
	"attend_male": "참석 남", "attend_female": "참석 여",
}

// fieldOrder lists a record's JSON fields in the order of its struct.
func fieldOrder(v any) []string {
	t := reflect.TypeOf(v)
	var keys []string
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			keys = append(keys, name)
		}
	}
	return keys
}

// recordChange says what storing after does to before (nil: a new record),
// field by field with the values as the coordinator reads them.
func recordChange[T any](kind, label string, before *T, after T) Change {
	c := Change{Kind: kind, Label: label, Action: ActionAdd}
	var a, b map[string]json.RawMessage
	rb, _ := json.Marshal(after)
	_ = json.Unmarshal(rb, &b)
	if before != nil {
		ra, _ := json.Marshal(*before)
		_ = json.Unmarshal(ra, &a)
		c.Action = ActionChange
	}
	for _, k := range fieldOrder(after) {
		if k == "id" || k == "updated" {
			continue
		}
		if before != nil && string(a[k]) == string(b[k]) {
			continue
		}
		if k == "members" {
			c.Fields = append(c.Fields, memberChanges(a[k], b[k])...)
			continue
		}
		f := FieldChange{Field: fieldLabel(k), Before: fieldValue(k, a[k]), After: fieldValue(k, b[k])}
		if before == nil && f.After == unknownValue {
			continue // a new record lists what it has
		}
		c.Fields = append(c.Fields, f)
	}
	if before != nil && len(c.Fields) == 0 {
		c.Action = ActionSame
	}
	return c
}

// unknownValue is what a value nobody entered prints as.
const unknownValue = "미기재"

func fieldLabel(k string) string {
	if l, ok := fieldLabels[k]; ok {
		return l
	}
	return k
}

// fieldValue writes a field's JSON value for people: amounts in 천원 with
// separators, lists joined with /, an empty value as 미기재.
func fieldValue(k string, raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" || string(raw) == `""` || string(raw) == "[]" {
		return unknownValue
	}
	switch k {
	case "amount", "grant":
		if n, err := strconv.ParseInt(string(raw), 10, 64); err == nil {
			return Money(n) + "천원"
		}
	case "space":
		if string(raw) == "0" {
			return unknownValue
		}
		return string(raw) + "㎡"
	case "process":
		var steps []Step
		if json.Unmarshal(raw, &steps) == nil {
			var parts []string
			for _, s := range steps {
				parts = append(parts, strings.TrimSpace(s.Name+" "+string(s.On)))
			}
			return strings.Join(parts, " → ")
		}
	case "indicators":
		var inds []Indicator
		if json.Unmarshal(raw, &inds) == nil {
			var parts []string
			for _, in := range inds {
				parts = append(parts, in.Name)
			}
			return strings.Join(parts, ", ")
		}
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var list []string
	if json.Unmarshal(raw, &list) == nil {
		return strings.Join(list, "/")
	}
	return string(raw)
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
func memberChanges(beforeRaw, afterRaw json.RawMessage) []FieldChange {
	var before, after []Member
	_ = json.Unmarshal(beforeRaw, &before)
	_ = json.Unmarshal(afterRaw, &after)
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
			{"연락처", MaskContact(o.Contact), MaskContact(m.Contact)},
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
