package store

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"hyeopchi/store/value"
)

// GrowthChoices are the growth stages as a form offers them: "1 네트워크
// 구축", "2 자립화 전략", "3 자립화 완료"; stage g is choice g-1.
var GrowthChoices = func() []string {
	var out []string
	for g := 1; g <= len(GrowthStages); g++ {
		out = append(out, GrowthText(g))
	}
	return out
}()

// GrowthText is stage g as the form and the table show it ("2 자립화
// 전략"); "" for a stage not recorded or unknown.
func GrowthText(g int) string {
	if l, ok := GrowthStages[g]; ok {
		return fmt.Sprintf("%d %s", g, l)
	}
	return ""
}

// PlatformFields are the fields of a consortium (시민협력플랫폼) as its
// form shows them. The roster and the indicators are edited apart, row by
// row (MemberFields, IndicatorFields).
var PlatformFields = []Field[Platform]{
	knownChoice(ChoiceField(KeyDistrict, "자치구", "", Districts, func(x *Platform) *string { return &x.District })),
	{Key: KeyYear, Label: "연도", Input: InputCount,
		// the year is always written, 0 too, as the form always showed it
		Format: func(x *Platform) string { return strconv.Itoa(x.Year) },
		Parse: func(x *Platform, s string) error {
			v, err := value.ParseYear(s)
			x.Year = v
			return emptyIsNone(err)
		}},
	TextField(KeyName, "컨소시엄", "", func(x *Platform) *string { return &x.Name }),
	withUnit(CountField(KeySpace, "공간(㎡)", "50 이상", func(x *Platform) *int { return &x.Space }), "㎡"),
	{Key: KeyGrowth, Label: "성장 단계", Input: InputChoice, Choices: GrowthChoices,
		Format: func(x *Platform) string { return GrowthText(x.Growth) },
		Parse: func(x *Platform, s string) error {
			x.Growth = slices.Index(GrowthChoices, s) + 1 // none chosen: 0
			return nil
		}},
	knownChoice(Field[Platform]{Key: KeyStatus, Label: "선정 단계", Input: InputChoice, Choices: Labels(PlatformStatuses),
		Format: func(x *Platform) string { return string(x.Status) },
		Parse:  func(x *Platform, s string) error { x.Status = PlatformStatus(s); return nil }}),
	DateField(KeyStartOn, "사업 개시일", func(x *Platform) *Date { return &x.StartOn }).WithHint("2017-09-01"),
	amountShown(AmountField(KeyGrant, "지원액(천원)", func(x *Platform) *int64 { return &x.Grant }).WithHint("최대 100,000"),
		func(x *Platform) int64 { return x.Grant }),
	{Key: KeyMonths, Label: "지원 개월", Input: InputCount,
		// months are always written, 0 too, as the form always showed them
		Format: func(x *Platform) string { return strconv.Itoa(x.Months) },
		Parse: func(x *Platform, s string) error {
			v, err := value.ParseCount(s, "지원 개월")
			x.Months = v
			return emptyIsNone(err)
		}},
	NoteField(KeyNote, "비고", func(x *Platform) *string { return &x.Note }),
}

// MemberFields are the fields of one roster line (구성원) as its dialog
// shows them. The contact is shown whole only there; everywhere else it
// is masked (MaskContact).
var MemberFields = []Field[Member]{
	{Key: KeyRole, Label: "구분", Input: InputChoice, Choices: roleChoices(),
		Format: func(x *Member) string {
			if slices.Contains(Roles, x.Role) {
				return string(x.Role)
			}
			return ""
		},
		Parse: func(x *Member, s string) error { x.Role = Role(s); return nil }},
	TextField(KeyOrg, "단체명", "플랫폼책임자는 비워 둡니다", func(x *Member) *string { return &x.Org }),
	TextField(KeyRep, "대표자 명", "대표자 또는 책임자 이름", func(x *Member) *string { return &x.Rep }),
	TextField(KeyNote, "비고", "예: 강북마을 부대표", func(x *Member) *string { return &x.Note }),
	contactField(KeyContact, "연락처", "010-1234-5678 또는 전자우편", func(x *Member) *string { return &x.Contact }),
}

// IndicatorFields are the fields of one performance indicator (성과지표)
// as its dialog shows them. The check's hint is the text beside its box.
var IndicatorFields = []Field[Indicator]{
	CheckField(KeyCommon, "구분", func(x *Indicator) *bool { return &x.Common }).WithHint("공통 지표 (아니면 자치구 개별 지표)"),
	TextField(KeyName, "지표", "", func(x *Indicator) *string { return &x.Name }),
	TextField(KeyTarget, "목표", "예: 30개", func(x *Indicator) *string { return &x.Target }),
	TextField(KeyResult, "실적", "평가 때 채웁니다", func(x *Indicator) *string { return &x.Result }),
}

// IsIndicatorField reports whether a problem's field is the indicators'
// or one of an indicator's.
func IsIndicatorField(field string) bool { return strings.HasPrefix(field, KeyIndicators) }

// roleChoices are the roles as a form offers them, in roster order.
func roleChoices() []string {
	var out []string
	for _, r := range Roles {
		out = append(out, string(r))
	}
	return out
}

// contactField is a phone number or e-mail address: trimmed, empty
// allowed; the roster's rules judge it (IsContact).
func contactField[T any](key, label, hint string, at func(*T) *string) Field[T] {
	f := TextField(key, label, hint, at)
	f.Input = InputContact
	return f
}

// knownChoice shows a value that is not one of f's choices as none chosen.
func knownChoice[T any](f Field[T]) Field[T] {
	format := f.Format
	f.Format = func(x *T) string {
		if s := format(x); slices.Contains(f.Choices, s) {
			return s
		}
		return ""
	}
	return f
}

// withUnit also reads a count written with unit after it ("60㎡").
func withUnit[T any](f Field[T], unit string) Field[T] {
	parse := f.Parse
	f.Parse = func(x *T, s string) error { return parse(x, strings.TrimSuffix(strings.TrimSpace(s), unit)) }
	return f
}

// amountShown writes 0 as "0", not empty: the consortium form always
// showed its grant.
func amountShown[T any](f Field[T], amount func(*T) int64) Field[T] {
	f.Format = func(x *T) string { return value.Thousands(amount(x)) }
	return f
}
