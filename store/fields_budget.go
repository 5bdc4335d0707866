package store

import "strings"

// Keys of what the budget line and milestone forms show beside their
// fields: values worked out from the records, never typed.
const (
	KeyCommitted = "committed" // a line's 계, 약정 and 잔액; CheckBudget's warnings land here
	KeyDDay      = "dday"      // a milestone's D-day
)

// The words a choice shows for an empty value.
const (
	BudgetTopLevel   = "(최상위)" // a budget line under no other
	NoSubmissionKind = "(없음)"  // a milestone that is no submission's due date
)

// BudgetLineFields are the fields of a budget line (예산 항목, the plan's
// Ⅸ) as its form shows them. The parent's choices are the year's other
// lines, which the screen sets before showing a line.
var BudgetLineFields = []Field[BudgetLine]{
	TextField(KeyLine, "구분", "", func(x *BudgetLine) *string { return &x.Name }),
	noneChoice(KeyParent, "상위 항목", nil, BudgetTopLevel, func(x *BudgetLine) *string { return &x.Parent }),
	AmountField(KeyOfficeCost, "사무관리비", func(x *BudgetLine) *int64 { return &x.OfficeCost }).WithHint(""),
	AmountField(KeyGrant, "경상보조", func(x *BudgetLine) *int64 { return &x.Grant }).WithHint(""),
	programField(),
	AmountField(KeyContracted, "계약·집행액", func(x *BudgetLine) *int64 { return &x.Contracted }).WithHint("기록에 없는 약정 (예: 위탁 계약)"),
}

// MilestoneFields are the fields of a calendar milestone (일정, the
// plan's Ⅹ) as its form shows them.
var MilestoneFields = []Field[Milestone]{
	oneLineNote(KeyTitle, "일정", func(x *Milestone) *string { return &x.Title }),
	DateField(KeyStart, "시작", func(x *Milestone) *Date { return &x.Start }).WithHint("2017-02-01"),
	DateField(KeyEnd, "끝", func(x *Milestone) *Date { return &x.End }),
	ChoiceField(KeyOwner, "담당", "", []string{OwnerOffice, OwnerDistrict}, func(x *Milestone) *string { return &x.Owner }),
	CheckField(KeyDeadline, "마감", func(x *Milestone) *bool { return &x.Deadline }).WithHint("자치구가 지켜야 할 마감일 (끝 = 마감일)"),
	noneChoice(KeyKind, "제출 종류", SubmissionKinds, NoSubmissionKind, func(x *Milestone) *string { return &x.Kind }),
}

// noneChoice is a choice whose empty value is offered as none, first.
func noneChoice[T any](key, label string, choices []string, none string, at func(*T) *string) Field[T] {
	f := ChoiceField(key, label, "", append([]string{none}, choices...), at)
	f.Format = func(x *T) string {
		if *at(x) == "" {
			return none
		}
		return *at(x)
	}
	f.Parse = func(x *T, s string) error {
		if s == none {
			s = ""
		}
		*at(x) = s
		return nil
	}
	return f
}

// programField is a line's 약정 연결, chosen by its label (ProgramLabel);
// nothing chosen leaves the line's programme as it is.
func programField() Field[BudgetLine] {
	var labels []string
	for _, p := range Programs() {
		labels = append(labels, ProgramLabel(p))
	}
	at := func(x *BudgetLine) *string { return &x.Program }
	f := ChoiceField(KeyProgram, "약정 연결", "", labels, at)
	f.Format = func(x *BudgetLine) string { return ProgramLabel(x.Program) }
	f.Parse = func(x *BudgetLine, s string) error {
		for _, p := range Programs() {
			if ProgramLabel(p) == s {
				x.Program = p
			}
		}
		return nil
	}
	return f
}

// oneLineNote is a text typed over several lines and read as one line,
// its spaces and line breaks between words made single spaces.
func oneLineNote[T any](key, label string, at func(*T) *string) Field[T] {
	f := NoteField(key, label, at)
	f.Parse = func(x *T, s string) error { *at(x) = strings.Join(strings.Fields(s), " "); return nil }
	return f
}
