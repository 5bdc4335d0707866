package store

import "testing"

func TestPlanFieldsReadBackWhatTheyWrite(t *testing.T) {
	checkFields(t, PlanFields, Plan{District: "관악구", Year: 2017, Stage: StageDrafting, Support: "수립계획서",
		Start: "2016-11-01", End: "2017-08-31", Months: 10, Amount: 167000, TFTCivil: 14, TFTOfficial: 9,
		Fields: []string{"마을", "교육"}, PB: PBPlanned, PBAmount: 500000, PBIntegration: 200000, PBDongs: 3,
		PBDongAmount: 90000, DraftPlanOn: "2017-06-30", MainPlanOn: "2017-07-31", Note: "첫 줄\n둘째 줄"})
	checkFields(t, PlanFields, Plan{District: "도봉구", Year: 2016, Stage: StagePrep})
}

// TestPlanFieldsShowWhatTheFormShows: a stored TFT count of 0 shows as
// "0" and a new plan's as blank; no 참여예산 is 없음, and 융합형 of older
// records is the one type; a stage nobody chose is none.
func TestPlanFieldsShowWhatTheFormShows(t *testing.T) {
	civil, _ := FieldOf(PlanFields, KeyTFTCivil)
	if got := civil.Format(&Plan{ID: 3}); got != "0" {
		t.Errorf("stored TFT 0 shows %q", got)
	}
	if got := civil.Format(&Plan{}); got != "" {
		t.Errorf("new plan's TFT shows %q", got)
	}
	pb, _ := FieldOf(PlanFields, KeyPB)
	for stored, want := range map[string]string{"": PBNone, "융합형": PBPlanned, "일반형": PBGeneral, "모름형": "모름형"} {
		if got := pb.Format(&Plan{PB: stored}); got != want {
			t.Errorf("PB %q shows %q, want %q", stored, got, want)
		}
	}
	p := Plan{PB: PBGeneral, Stage: StagePrep}
	stage, _ := FieldOf(PlanFields, KeyStage)
	if pb.Read(&p, PBNone) != nil || stage.Read(&p, "") != nil || p.PB != "" || p.Stage != 0 {
		t.Errorf("none chosen: %+v", p)
	}
}
