package store

import "testing"

// formatKey formats key of x as its form shows it.
func formatKey[T any](t *testing.T, fields []Field[T], key string, x T) string {
	t.Helper()
	f, ok := FieldOf(fields, key)
	if !ok {
		t.Fatalf("no field %q", key)
	}
	return f.Format(&x)
}

// readKey parses text into key of x as the form reads it.
func readKey[T any](t *testing.T, fields []Field[T], key string, x T, text string) (T, *Problem) {
	t.Helper()
	f, ok := FieldOf(fields, key)
	if !ok {
		t.Fatalf("no field %q", key)
	}
	p := f.Read(&x, text)
	return x, p
}

func TestBudgetFieldsReadBackWhatTheyWrite(t *testing.T) {
	checkFields(t, BudgetLineFields, BudgetLine{Name: "지역협치 현장 워크숍", Parent: BudgetLinkage,
		OfficeCost: 10000, Grant: 2000, Program: EventProgram(EventKinds[1]), Contracted: 15000})
	checkFields(t, BudgetLineFields, BudgetLine{Name: BudgetLinkage}) // a top line, no amounts, no programme
	checkFields(t, MilestoneFields, Milestone{Title: "교육 결과 제출", Start: "2017-11-30", End: "2017-11-30",
		Owner: OwnerDistrict, Deadline: true, Kind: SubmissionKinds[2]})
	checkFields(t, MilestoneFields, Milestone{Title: "공모", Start: "2017-02-01", Owner: OwnerOffice}) // a span, no kind
}

func TestBudgetLineFieldsFormatAndRead(t *testing.T) {
	parent := func(l BudgetLine) any { return l.Parent }
	program := func(l BudgetLine) any { return l.Program }
	office := func(l BudgetLine) any { return l.OfficeCost }
	for _, c := range []struct {
		name, key string
		line      BudgetLine
		shown     string
		value     func(BudgetLine) any // the field's value in a line
	}{
		{"a top line's parent is (최상위)", KeyParent, BudgetLine{}, BudgetTopLevel, parent},
		{"a child names its parent", KeyParent, BudgetLine{Parent: BudgetLinkage}, BudgetLinkage, parent},
		{"no programme is 없음", KeyProgram, BudgetLine{}, "없음", program},
		{"a programme shows its label", KeyProgram, BudgetLine{Program: ProgramPlatforms}, "플랫폼 지원액", program},
		{"an event programme shows its kind", KeyProgram, BudgetLine{Program: EventProgram(EventKinds[0])}, "행사: " + EventKinds[0], program},
		{"no office cost is empty", KeyOfficeCost, BudgetLine{}, "", office},
		{"an office cost has thousands", KeyOfficeCost, BudgetLine{OfficeCost: 63000}, "63,000", office},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := formatKey(t, BudgetLineFields, c.key, c.line); got != c.shown {
				t.Fatalf("shown %q, want %q", got, c.shown)
			}
			// Read into a line holding something else: the field takes
			// the line's value back.
			back, p := readKey(t, BudgetLineFields, c.key, BudgetLine{Parent: "x", Program: "y", OfficeCost: 1}, c.shown)
			if p != nil || c.value(back) != c.value(c.line) {
				t.Fatalf("%q read back as %v (%v), want %v", c.shown, c.value(back), p, c.value(c.line))
			}
		})
	}
}

func TestBudgetLineFieldsRefuseAndKeep(t *testing.T) {
	was := BudgetLine{Program: ProgramSchool}
	if l, _ := readKey(t, BudgetLineFields, KeyProgram, was, ""); l.Program != ProgramSchool {
		t.Fatalf("no programme chosen changed it to %q", l.Program)
	}
	if _, p := readKey(t, BudgetLineFields, KeyOfficeCost, was, "25만"); p == nil || p.Field != KeyOfficeCost || p.Message != `사무관리비 "25만" 은(는) 금액이 아닙니다 (천원 단위 숫자, 예: 250,000)` {
		t.Fatalf("25만: %+v", p)
	}
	if l, p := readKey(t, BudgetLineFields, KeyLine, was, "  소식지 제작 "); p != nil || l.Name != "소식지 제작" {
		t.Fatalf("name: %q", l.Name)
	}
}

func TestMilestoneFieldsFormatAndRead(t *testing.T) {
	if got := formatKey(t, MilestoneFields, KeyKind, Milestone{}); got != NoSubmissionKind {
		t.Fatalf("no kind shown as %q", got)
	}
	if m, _ := readKey(t, MilestoneFields, KeyKind, Milestone{Kind: "교육"}, NoSubmissionKind); m.Kind != "" {
		t.Fatalf("(없음) read as %q", m.Kind)
	}
	if m, _ := readKey(t, MilestoneFields, KeyTitle, Milestone{}, " 교육 결과\n 제출  "); m.Title != "교육 결과 제출" {
		t.Fatalf("title typed over two lines: %q", m.Title)
	}
	if m, p := readKey(t, MilestoneFields, KeyStart, Milestone{}, "2017.3.6"); p != nil || m.Start != "2017-03-06" {
		t.Fatalf("start: %q %v", m.Start, p)
	}
	if m, p := readKey(t, MilestoneFields, KeyEnd, Milestone{End: "2017-03-06"}, ""); p != nil || m.End != "" {
		t.Fatalf("an empty end: %q %v", m.End, p)
	}
	if m, _ := readKey(t, MilestoneFields, KeyDeadline, Milestone{}, "예"); !m.Deadline {
		t.Fatal("a checked 마감 reads as no deadline")
	}
}
