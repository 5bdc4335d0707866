package store

import (
	"fmt"
	"strings"
)

// Problem is one finding of a rule about one field of a record. An error
// blocks saving; a warning (Warning true) does not. Field is the record's
// JSON field name ("amount"), so that forms and the importer can place it.
type Problem struct {
	Field   string `json:"field"`
	Message string `json:"message"`
	Warning bool   `json:"warning"`
}

func (p Problem) String() string {
	if p.Warning {
		return "경고: " + p.Message
	}
	return p.Message
}

// Problems is what a rule check returns.
type Problems []Problem

// Errors keeps the blocking problems.
func (ps Problems) Errors() Problems { return ps.filter(false) }

// Warnings keeps the warnings.
func (ps Problems) Warnings() Problems { return ps.filter(true) }

func (ps Problems) filter(warn bool) Problems {
	var out Problems
	for _, p := range ps {
		if p.Warning == warn {
			out = append(out, p)
		}
	}
	return out
}

// HasErrors reports whether any problem blocks saving.
func (ps Problems) HasErrors() bool { return len(ps.Errors()) > 0 }

// Field lists the problems of one field.
func (ps Problems) Field(name string) Problems {
	var out Problems
	for _, p := range ps {
		if p.Field == name {
			out = append(out, p)
		}
	}
	return out
}

func (ps *Problems) errorf(field, format string, args ...any) {
	*ps = append(*ps, Problem{Field: field, Message: fmt.Sprintf(format, args...)})
}

func (ps *Problems) warnf(field, format string, args ...any) {
	*ps = append(*ps, Problem{Field: field, Message: fmt.Sprintf(format, args...), Warning: true})
}

// InvalidError is returned when a save is blocked by rule errors.
type InvalidError struct {
	Label    string
	Problems Problems
}

func (e *InvalidError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: 저장할 수 없습니다", e.Label)
	for _, p := range e.Problems.Errors() {
		b.WriteString("\n  ")
		b.WriteString(p.Message)
	}
	return b.String()
}

// Money writes 천원 amounts with thousands separators: 1,145,622.
func Money(v int64) string {
	neg := v < 0
	if neg {
		v = -v
	}
	s := fmt.Sprintf("%d", v)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// checkDistrict is shared by every record that names a district.
func checkDistrict(ps *Problems, field, name string, required bool) {
	switch {
	case name == "" && required:
		ps.errorf(field, "자치구를 입력하세요")
	case name != "" && !IsDistrict(name):
		ps.errorf(field, "%q 은(는) 서울시 자치구가 아닙니다", name)
	}
}

func checkYear(ps *Problems, year int) {
	if year < 2000 || year > 2100 {
		ps.errorf("year", "연도 %d 이(가) 올바르지 않습니다 (예: 2017)", year)
	}
}

func checkDate(ps *Problems, field, label string, d Date) {
	if !d.Valid() {
		ps.errorf(field, "%s %q 이(가) 올바른 날짜가 아닙니다 (예: 2017-07-31)", label, string(d))
	}
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}
