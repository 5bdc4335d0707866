package main

import "hyeopchi/store"

// The --json shapes of `list`: English snake_case keys, districts by full
// name, amounts as integers in 천원, dates "2017-07-31", lists as arrays.

type planRow struct {
	District    string   `json:"district"`
	Year        int      `json:"year"`
	Stage       string   `json:"stage"`
	Support     string   `json:"support"`
	Start       string   `json:"start"`
	End         string   `json:"end"`
	Months      int      `json:"months"`
	Amount      int64    `json:"amount"`
	TFTCivil    int      `json:"tft_civil"`
	TFTCouncil  int      `json:"tft_council"`
	TFTOfficial int      `json:"tft_official"`
	TFTTotal    int      `json:"tft_total"`
	Fields      []string `json:"fields"`
	PB          string   `json:"participatory_budget"`
	Process     []string `json:"process"`
	MainPlanOn  string   `json:"main_plan_submitted"`
	Note        string   `json:"note"`
	// added with the plan's Ⅴ rules
	PBAmount      int64  `json:"pb_amount"`
	PBIntegration int64  `json:"pb_integration_cost"`
	PBDongs       int    `json:"pb_dongs"`
	PBDongAmount  int64  `json:"pb_dong_amount"`
	DraftPlanOn   string `json:"draft_plan_submitted"`
	FundedMonths  int    `json:"funded_months"`
}

type memberRow struct {
	District string `json:"district"`
	Year     int    `json:"year"`
	Role     string `json:"role"`
	Org      string `json:"org"`
	Rep      string `json:"rep"`
	Note     string `json:"note"`
	Contact  string `json:"contact"`
	Grant    int64  `json:"grant"`
}

type sessionRow struct {
	Course       string `json:"course"`
	Number       int    `json:"number"`
	Date         string `json:"date"`
	Time         string `json:"time"`
	District     string `json:"district"`
	Venue        string `json:"venue"`
	Audience     string `json:"audience"`
	Capacity     int    `json:"capacity"`
	AttendMale   int    `json:"attend_male"`
	AttendFemale int    `json:"attend_female"`
	Instructor   string `json:"instructor"`
	Status       string `json:"status"`
}

type eventRow struct {
	Year         int    `json:"year"`
	Kind         string `json:"kind"`
	Title        string `json:"title"`
	Date         string `json:"date"`
	Place        string `json:"place"`
	Budget       int64  `json:"budget"`
	AttendMale   int    `json:"attend_male"`
	AttendFemale int    `json:"attend_female"`
	Note         string `json:"note"`
}

type submissionRow struct {
	District string   `json:"district"`
	Kind     string   `json:"kind"`
	Year     int      `json:"year"`
	Received string   `json:"received"`
	Due      string   `json:"due"`
	FileName string   `json:"file_name"`
	Size     int64    `json:"size"`
	SHA256   string   `json:"sha256"`
	Status   string   `json:"status"`
	Errors   []string `json:"errors"`
	Note     string   `json:"note"`
}

type budgetRow struct {
	Year       int    `json:"year"`
	Line       string `json:"line"`
	Parent     string `json:"parent"`
	OfficeCost int64  `json:"office_cost"`
	Grant      int64  `json:"grant"`
	Total      int64  `json:"total"`
	Committed  int64  `json:"committed"`
	Remaining  int64  `json:"remaining"`
	State      string `json:"state"` // 약정 없음, 집행 중, 전액 약정, 소진 임박, 초과
}

type auditRow struct {
	When   string `json:"when"`
	Action string `json:"action"`
	Kind   string `json:"kind"`
	Label  string `json:"label"`
	Key    string `json:"key"`
	Before string `json:"before"`
	After  string `json:"after"`
}

// nonNil is xs, or an empty list for none, so that JSON has [] and not null.
func nonNil(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

// newPlanRow is a plan as list --json gives it; steps are its process
// steps as "name date".
func newPlanRow(p store.Plan, steps []string) planRow {
	return planRow{p.District, p.Year, p.Stage.String(), p.Support, string(p.Start), string(p.End),
		p.Months, p.Amount, p.TFTCivil, p.TFTCouncil, p.TFTOfficial, p.TFTTotal(), nonNil(p.Fields), store.PBLabel(p.PB),
		nonNil(steps), string(p.MainPlanOn), p.Note,
		p.PBAmount, p.PBIntegration, p.PBDongs, p.PBDongAmount, string(p.DraftPlanOn), p.FundedMonths()}
}
