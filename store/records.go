package store

import "time"

// District is one autonomous district and its governance infrastructure.
type District struct {
	Name        string `json:"district"`
	Region      string `json:"region"`
	Council     string `json:"council"`     // 협치OO구회의; "" = not recorded
	Office      string `json:"office"`      // 추진단/사무국; "" = not recorded
	Coordinator bool   `json:"coordinator"` // 협치조정관 채용; false = not recorded as hired
	Ordinance   bool   `json:"ordinance"`   // 협치조례 제정; false = not recorded as enacted
	OrdinanceOn Date   `json:"ordinance_on,omitempty"`
	Note        string `json:"note"`
}

// Plan is a district's community innovation plan (지역사회혁신계획) for one
// programme year.
type Plan struct {
	ID          uint64   `json:"id"`
	District    string   `json:"district"`
	Year        int      `json:"year"`
	Stage       Stage    `json:"stage"`
	Support     string   `json:"support"` // 지원 사항: 수립계획서, 본계획 수립, 실행
	Start       Date     `json:"start"`
	End         Date     `json:"end"`
	Months      int      `json:"months"` // as the document states them
	Amount      int64    `json:"amount"` // 천원
	TFTCivil    int      `json:"tft_civil"`
	TFTCouncil  int      `json:"tft_council"`
	TFTOfficial int      `json:"tft_official"`
	Fields      []string `json:"fields"`
	PB          string   `json:"participatory_budget"` // 일반형, 계획형(융합형) or ""; older files may hold 계획형 or 융합형
	// The participatory budget's amounts (천원; 0 = not entered): 區 단위
	// (일반형 5억, 계획형 10억 이내), the 계획형's 통합비용 (2억 이내), and
	// the 洞 단위 실행계획형 (0.3억 a 洞) with its number of 洞.
	PBAmount      int64     `json:"pb_amount"`
	PBIntegration int64     `json:"pb_integration_cost"`
	PBDongs       int       `json:"pb_dongs"`
	PBDongAmount  int64     `json:"pb_dong_amount"`
	Process       []Step    `json:"process"`
	DraftPlanOn   Date      `json:"draft_plan_submitted"` // 본계획(초안) 제출일 (시민참여예산 연계)
	MainPlanOn    Date      `json:"main_plan_submitted"`  // 본계획 제출일
	Note          string    `json:"note"`
	Updated       time.Time `json:"updated"`
}

// TFTTotal is the task force's size: civilians + councillors + officials.
func (p Plan) TFTTotal() int { return p.TFTCivil + p.TFTCouncil + p.TFTOfficial }

// Step is one dated step of a process (공모, 협의·조정, 협약, …).
type Step struct {
	Name string `json:"name"`
	On   Date   `json:"on"`
}

// Platform is a district's citizen cooperation platform consortium
// (시민협력플랫폼 컨소시엄) for one programme year, with its roster.
type Platform struct {
	ID       uint64         `json:"id"`
	District string         `json:"district"`
	Year     int            `json:"year"`
	Name     string         `json:"name"`
	Space    int            `json:"space"`        // ㎡; 0 = not recorded
	Growth   int            `json:"growth_stage"` // 1, 2, 3; 0 = not recorded
	Grant    int64          `json:"grant"`        // 천원
	Months   int            `json:"months"`       // 0 = not recorded
	Status   PlatformStatus `json:"status"`       // 신청 … 사업개시; "" = not recorded
	// StartOn is the 사업 개시일: support runs 12 months from each start,
	// up to 36 months from the district's first.
	StartOn    Date        `json:"start_on"`
	Indicators []Indicator `json:"indicators"`
	Members    []Member    `json:"members"`
	Note       string      `json:"note"`
	Updated    time.Time   `json:"updated"`
}

// Member is one line of a consortium roster.
type Member struct {
	Role    Role   `json:"role"`
	Org     string `json:"org"`
	Rep     string `json:"rep"`
	Note    string `json:"note"`
	Contact string `json:"contact"` // personal data: masked outside the edit form
}

// Indicator is a performance indicator of a platform.
type Indicator struct {
	Common bool   `json:"common"` // 공통 지표, else 개별 지표
	Name   string `json:"name"`
	Target string `json:"target"`
	Result string `json:"result"`
}

// Course is a governance school course (협치학교 과정) of a year.
type Course struct {
	ID       uint64 `json:"id"`
	Year     int    `json:"year"`
	Name     string `json:"name"`
	Audience string `json:"audience"`
	Contents string `json:"contents"`
}

// Session is one session of a course.
type Session struct {
	ID           uint64        `json:"id"`
	Year         int           `json:"year"`
	Course       string        `json:"course"`
	Number       int           `json:"number"`
	Date         Date          `json:"date"`
	Time         string        `json:"time"` // 14:00-17:00
	District     string        `json:"district"`
	Venue        string        `json:"venue"`
	Audience     string        `json:"audience"`
	Capacity     int           `json:"capacity"`
	Instructor   string        `json:"instructor"`
	AttendMale   int           `json:"attend_male"`
	AttendFemale int           `json:"attend_female"`
	Status       SessionStatus `json:"status"` // 예정, 완료, 취소
	Note         string        `json:"note"`
	Updated      time.Time     `json:"updated"`
}

// Attendance is the number who attended.
func (s Session) Attendance() int { return s.AttendMale + s.AttendFemale }

// SchoolYear holds a year's school totals where only totals are known, as
// the plan gives them for 2016.
type SchoolYear struct {
	Year         int    `json:"year"`
	Courses      int    `json:"courses"`
	Sessions     int    `json:"sessions"`
	Participants int    `json:"participants"`
	Note         string `json:"note"`
}

// PlatformRound is the outcome of a year's call for platforms where the
// plan states it (참고2: "총 10개 자치구 신청, 9개 자치구 선정(노원은
// 신청후 철회)"); the selected consortia are the year's Platform records.
type PlatformRound struct {
	Year    int    `json:"year"`
	Applied int    `json:"applied"` // districts that applied
	Note    string `json:"note"`    // what became of the others: 노원은 신청후 철회
}

// Event is a forum, field workshop, archiving job, advisory meeting or the
// year-end workshop.
type Event struct {
	ID           uint64    `json:"id"`
	Year         int       `json:"year"`
	Kind         string    `json:"kind"`
	Title        string    `json:"title"`
	Date         Date      `json:"date"`
	Place        string    `json:"place"`
	Budget       int64     `json:"budget"` // 천원
	AttendMale   int       `json:"attend_male"`
	AttendFemale int       `json:"attend_female"`
	Note         string    `json:"note"`
	Updated      time.Time `json:"updated"`
}

// Submission is one file received from a district, imported or not.
type Submission struct {
	ID       uint64           `json:"id"`
	District string           `json:"district"`
	Kind     string           `json:"kind"` // 혁신계획, 플랫폼, 교육
	Year     int              `json:"year"`
	Received Date             `json:"received"`
	Due      Date             `json:"due"`
	FileName string           `json:"file_name"`
	Size     int64            `json:"size"`
	SHA256   string           `json:"sha256"`
	Status   SubmissionStatus `json:"status"` // 접수, 검토중, 보완요청, 확정
	Errors   []string         `json:"errors"`
	Note     string           `json:"note"`
	Updated  time.Time        `json:"updated"`
}

// BudgetLine is a line of the year's budget (the plan's Ⅸ). A line with
// children carries no amounts of its own: its amounts are its children's sum.
type BudgetLine struct {
	ID         uint64 `json:"id"`
	Year       int    `json:"year"`
	Name       string `json:"line"`
	Parent     string `json:"parent"`
	Order      int    `json:"order"`
	OfficeCost int64  `json:"office_cost"` // 사무관리비, 천원
	Grant      int64  `json:"grant"`       // 자치단체 경상보조, 천원
	Program    string `json:"program"`     // which programme commits against it: plans, platforms, school, events
	// Contracted is what the coordinator enters by hand as committed where
	// no record carries the cost (the school's 위탁 contract, running costs), 천원.
	Contracted int64 `json:"contracted"`
}

// Milestone is a dated step of the programme calendar (the plan's Ⅹ).
type Milestone struct {
	ID       uint64 `json:"id"`
	Year     int    `json:"year"`
	Title    string `json:"title"`
	Start    Date   `json:"start"`
	End      Date   `json:"end"`
	Owner    string `json:"owner"`    // 사무국 or 자치구
	Deadline bool   `json:"deadline"` // a due date districts must meet
	Kind     string `json:"kind"`     // submission kind it is the due date of, if any
}

// Settings are the office's own settings.
type Settings struct {
	Office       string   `json:"office"`
	Department   string   `json:"department"`
	ApprovalLine []string `json:"approval_line"`
	DocNumber    string   `json:"doc_number"` // the plan's own 문서번호; a report carries its own in Documents
	Disclosure   string   `json:"disclosure"` // 공개여부 of a report that sets none
	CurrentYear  int      `json:"current_year"`
	Checklist    []Check  `json:"checklist"`
	// Deadlines are each programme year's deadlines (the plan's Ⅴ), which
	// the rules hold plans against.
	Deadlines []YearDeadlines `json:"deadlines"`
	// EventTargets are how many events of a kind a year aims at (the plan's Ⅶ-2).
	EventTargets []EventTarget `json:"event_targets"`
	// Documents is the header of each report kind's document (plans,
	// platforms, school, budget, district, annual): its own 문서번호, the
	// 결재일자 once the coordinator records the approval, and so on.
	Documents map[string]DocHeader `json:"documents,omitempty"`
}

// YearDeadlines are one programme year's deadlines; an empty date is none.
type YearDeadlines struct {
	Year int `json:"year"`
	// Call is the 공모 deadline: 신규 자치구 모집 (수립지원 접수), 7. 31 in 2017.
	Call Date `json:"call"`
	// PBDraft is when districts joining the next year's 시민참여예산 submit
	// a draft main plan (본계획(초안)): the end of June in 2017.
	PBDraft Date `json:"pb_draft"`
	// MainPlan is when main plans are due: October in 2017.
	MainPlan Date `json:"main_plan"`
}

// EventTarget is the number of events of a kind a year aims at ("총 5회 내외").
type EventTarget struct {
	Year  int    `json:"year"`
	Kind  string `json:"kind"`
	Count int    `json:"count"`
}

// DocHeader is the block at the top of an official document. Empty
// fields print as empty cells, to be filled on paper or by e-approval.
type DocHeader struct {
	DocNumber    string `json:"doc_number"`    // 문서번호: 지역공동체담당관-2053
	Approved     Date   `json:"approved"`      // 결재일자, recorded once approved
	PolicyNumber string `json:"policy_number"` // 방침번호: 정무부시장 방침 제7호
	Disclosure   string `json:"disclosure"`    // 공개여부; "" = Settings.Disclosure
}

// Header is the document header of report kind: its own, with the
// default 공개여부.
func (s Settings) Header(kind string) DocHeader {
	h := s.Documents[kind]
	if h.Disclosure == "" {
		h.Disclosure = s.Disclosure
	}
	return h
}

// Check is one item of the pre-review checklist (사전 검토항목).
type Check struct {
	Area     string `json:"area"`
	Question string `json:"question"`
	Example  string `json:"example"`
	Done     bool   `json:"done"` // 검토완료, else 해당없음
	Note     string `json:"note"`
}

// AuditEntry records one change: when, which record, before → after.
type AuditEntry struct {
	Seq    uint64    `json:"seq"`
	When   time.Time `json:"when"`
	Action string    `json:"action"` // 추가, 수정, 삭제, 가져오기, 복원
	Kind   string    `json:"kind"`
	Key    string    `json:"key"`
	Label  string    `json:"label"`
	Before string    `json:"before"`
	After  string    `json:"after"`
}
