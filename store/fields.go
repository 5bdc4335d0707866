package store

import (
	"errors"
	"strings"

	"hyeopchi/store/value"
)

// Field keys: a record field's JSON name, which is also the name rule
// problems carry (Problem.Field), the form puts a problem under, and the
// importer maps a column to. One constant per name; kinds that share a
// field (note, date, year …) share its key.
const (
	KeyYear     = "year"
	KeyDistrict = "district"
	KeyName     = "name"
	KeyNote     = "note"
	KeyStatus   = "status"
	KeyKind     = "kind"
	KeyTitle    = "title"
	KeyDate     = "date"
	KeyStart    = "start"
	KeyEnd      = "end"
	KeyMonths   = "months"

	// Plan
	KeyStage         = "stage"
	KeySupport       = "support"
	KeyAmount        = "amount"
	KeyTFTCivil      = "tft_civil"
	KeyTFTCouncil    = "tft_council"
	KeyTFTOfficial   = "tft_official"
	KeyFields        = "fields"
	KeyPB            = "participatory_budget"
	KeyPBAmount      = "pb_amount"
	KeyPBIntegration = "pb_integration_cost"
	KeyPBDongs       = "pb_dongs"
	KeyPBDongAmount  = "pb_dong_amount"
	KeyProcess       = "process"
	KeyDraftPlanOn   = "draft_plan_submitted"
	KeyMainPlanOn    = "main_plan_submitted"
	KeyPlanPeriod    = "period" // the form's one field for start, end and months

	// Platform and its roster
	KeySpace      = "space"
	KeyGrowth     = "growth_stage"
	KeyGrant      = "grant"
	KeyStartOn    = "start_on"
	KeyMembers    = "members"
	KeyIndicators = "indicators"
	KeyRole       = "role"
	KeyOrg        = "org"
	KeyRep        = "rep"
	KeyContact    = "contact"
	KeyCommon     = "common"
	KeyTarget     = "target"
	KeyResult     = "result"

	// Course, Session, Event
	KeyAudience     = "audience"
	KeyContents     = "contents"
	KeyCourse       = "course"
	KeyNumber       = "number"
	KeyTime         = "time"
	KeyVenue        = "venue"
	KeyCapacity     = "capacity"
	KeyInstructor   = "instructor"
	KeyAttendMale   = "attend_male"
	KeyAttendFemale = "attend_female"
	KeyPlace        = "place"
	KeyBudget       = "budget"

	// Settings
	KeyOffice       = "office"
	KeyDepartment   = "department"
	KeyApprovalLine = "approval_line"
	KeyDisclosure   = "disclosure"
	KeyCurrentYear  = "current_year"
	KeyDeadlines    = "deadlines"
	KeyEventTargets = "event_targets"
	KeyDocuments    = "documents"

	// BudgetLine, Milestone
	KeyLine       = "line"
	KeyParent     = "parent"
	KeyOfficeCost = "office_cost"
	KeyProgram    = "program"
	KeyContracted = "contracted"
	KeyOwner      = "owner"
	KeyDeadline   = "deadline"
)

// Input is how a field is typed on a form.
type Input int

// The inputs a form knows. Each has its grammar in store/value.
const (
	InputText    Input = iota // one line of text
	InputNote                 // several lines of text
	InputChoice               // one of the field's choices
	InputCheck                // yes or no
	InputAmount               // 천원: "250,000"
	InputCount                // a whole number: "12", "12명"
	InputDate                 // "2017-07-31"
	InputList                 // "마을/교육"
	InputContact              // a phone number or e-mail address
)

// Field describes one field of a record kind T once, for every form that
// edits it: the key its problems carry, the Korean label, how it is typed,
// a hint shown while it is empty, and how its value is written into the
// field's text (Format) and read back (Parse, which returns the grammar's
// Korean message without the label). A form derives loading, reading,
// saving, problem placement and its dirty state from a kind's fields.
type Field[T any] struct {
	Key     string
	Label   string
	Input   Input
	Hint    string
	Choices []string // InputChoice: the options offered
	Format  func(*T) string
	Parse   func(*T, string) error
}

// Read parses text into x, with the message the form shows under the
// field: the label, then the grammar's words (`지원액 "25만" 은(는) 금액이
// 아닙니다 …`); nil when it reads.
func (f Field[T]) Read(x *T, text string) *Problem {
	return ValueProblem(f.Key, f.Label, f.Parse(x, text))
}

// ValueProblem is what a form shows under field key when its text does not
// read (err from store/value): the label, then the grammar's words; nil
// for no error and for an empty field, which is a value not entered.
func ValueProblem(key, label string, err error) *Problem {
	if err = emptyIsNone(err); err != nil {
		return &Problem{Field: key, Message: label + " " + err.Error()}
	}
	return nil
}

// FieldOf finds the field with key in fields.
func FieldOf[T any](fields []Field[T], key string) (Field[T], bool) {
	for _, f := range fields {
		if f.Key == key {
			return f, true
		}
	}
	return Field[T]{}, false
}

// TextField is a one-line text field: trimmed, empty allowed.
func TextField[T any](key, label, hint string, at func(*T) *string) Field[T] {
	return Field[T]{Key: key, Label: label, Input: InputText, Hint: hint,
		Format: func(x *T) string { return *at(x) },
		Parse:  func(x *T, s string) error { *at(x) = strings.TrimSpace(s); return nil }}
}

// NoteField is a several-line text field: trimmed, empty allowed.
func NoteField[T any](key, label string, at func(*T) *string) Field[T] {
	f := TextField(key, label, "", at)
	f.Input = InputNote
	return f
}

// ChoiceField is one of choices; empty is none chosen.
func ChoiceField[T any](key, label, hint string, choices []string, at func(*T) *string) Field[T] {
	f := TextField(key, label, hint, at)
	f.Input, f.Choices = InputChoice, choices
	return f
}

// AmountField is an amount in 천원; empty is 0 (not entered).
func AmountField[T any](key, label string, at func(*T) *int64) Field[T] {
	return Field[T]{Key: key, Label: label, Input: InputAmount, Hint: "천원",
		Format: func(x *T) string { return value.AmountText(*at(x)) },
		Parse: func(x *T, s string) error {
			v, err := value.ParseAmount(s)
			*at(x) = v
			return emptyIsNone(err)
		}}
}

// CountField is a whole number of people, months, ㎡ …; empty is 0.
func CountField[T any](key, label, hint string, at func(*T) *int) Field[T] {
	return Field[T]{Key: key, Label: label, Input: InputCount, Hint: hint,
		Format: func(x *T) string { return value.CountText(*at(x)) },
		Parse: func(x *T, s string) error {
			v, err := value.ParseCount(s, label)
			*at(x) = v
			return emptyIsNone(err)
		}}
}

// DateField is a date; empty is none.
func DateField[T any](key, label string, at func(*T) *Date) Field[T] {
	return Field[T]{Key: key, Label: label, Input: InputDate, Hint: "2017-07-31",
		Format: func(x *T) string { return string(*at(x)) },
		Parse: func(x *T, s string) error {
			v, err := value.ReadDate(s)
			*at(x) = v
			return emptyIsNone(err)
		}}
}

// ListField is a list written "마을/교육"; empty is none.
func ListField[T any](key, label, hint string, at func(*T) *[]string) Field[T] {
	return Field[T]{Key: key, Label: label, Input: InputList, Hint: hint,
		Format: func(x *T) string { return value.ListText(*at(x)) },
		Parse:  func(x *T, s string) error { *at(x) = value.ParseList(s); return nil }}
}

// CheckField is yes or no, written "예" or "" in the field's text.
func CheckField[T any](key, label string, at func(*T) *bool) Field[T] {
	return Field[T]{Key: key, Label: label, Input: InputCheck,
		Format: func(x *T) string { return yesText(*at(x)) },
		Parse:  func(x *T, s string) error { *at(x) = s == yesText(true); return nil }}
}

func yesText(b bool) string {
	if b {
		return "예"
	}
	return ""
}

// emptyIsNone makes an empty field a value not entered, not an error.
func emptyIsNone(err error) error {
	if errors.Is(err, value.ErrEmpty) {
		return nil
	}
	return err
}

// WithHint is f showing hint while empty.
func (f Field[T]) WithHint(hint string) Field[T] {
	f.Hint = hint
	return f
}
