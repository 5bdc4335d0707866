package store

import (
	"reflect"
	"testing"
)

// checkFields holds a kind's description to what a form needs: keys and
// labels present and unique, and every filled field written into its text
// and read back to the same record.
func checkFields[T any](t *testing.T, fields []Field[T], filled T) {
	t.Helper()
	keys, labels := map[string]bool{}, map[string]bool{}
	var back T
	for _, f := range fields {
		if f.Key == "" || f.Label == "" || f.Format == nil || f.Parse == nil {
			t.Errorf("field %q %q is not whole", f.Key, f.Label)
			continue
		}
		if keys[f.Key] || labels[f.Label] {
			t.Errorf("field %q %q twice", f.Key, f.Label)
		}
		keys[f.Key], labels[f.Label] = true, true
		if f.Input == InputChoice && len(f.Choices) == 0 {
			t.Errorf("choice %q has no choices", f.Key)
		}
		text := f.Format(&filled)
		if p := f.Read(&back, text); p != nil {
			t.Errorf("%s: %q does not read back: %s", f.Key, text, p.Message)
		}
	}
	if !reflect.DeepEqual(back, filled) {
		t.Errorf("read back\n%+v\nwant\n%+v", back, filled)
	}
}

func TestSchoolFieldsReadBackWhatTheyWrite(t *testing.T) {
	checkFields(t, EventFields, Event{Kind: EventKinds[0], Title: "2017 지역협치 정책토론회", Date: "2017-06-15",
		Place: "시민청", Budget: 27000, AttendMale: 30, AttendFemale: 45, Note: "첫 줄\n둘째 줄"})
	checkFields(t, CourseFields, Course{Name: "협치리더 과정", Audience: "자치구 공무원", Contents: "협치 이해\n사례"})
}

// TestFieldReadSaysLabelThenGrammar: the form's message is the label and
// then the importer's words for the same text.
func TestFieldReadSaysLabelThenGrammar(t *testing.T) {
	f, ok := FieldOf(EventFields, KeyBudget)
	if !ok {
		t.Fatal("no budget field")
	}
	var e Event
	p := f.Read(&e, "200,000,000원")
	if p == nil || p.Field != KeyBudget || p.Message != `예산(천원) "200,000,000원" 은(는) 원 단위입니다: 천원 단위로 적어 주세요 (예: 200,000,000원은 200,000)` {
		t.Fatalf("got %+v", p)
	}
	if p := f.Read(&e, ""); p != nil || e.Budget != 0 {
		t.Fatalf("empty is not entered: %+v %d", p, e.Budget)
	}
}
