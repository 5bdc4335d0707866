package main

import (
	"fmt"
	"io"
	"strings"

	"hyeopchi/store"
)

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

func nonNil(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

func cmdList(o opts, rest []string, stdout io.Writer) error {
	if len(rest) != 1 {
		return usageError{"list 에는 종류 하나가 필요합니다: plans platforms sessions events submissions budget audit"}
	}
	kind := rest[0]
	switch kind {
	case "plans", "platforms", "sessions", "events", "submissions", "budget", "audit":
	default:
		return usageError{fmt.Sprintf("알 수 없는 목록 종류: %s", kind)}
	}
	st, err := openStore(o.db)
	if err != nil {
		return err
	}
	defer st.Close()
	f := store.Filter{Year: o.year, District: o.district}
	var rows any
	var table [][]string
	switch kind {
	case "plans":
		ps, err := st.Plans(f)
		if err != nil {
			return err
		}
		out := []planRow{}
		table = append(table, []string{"연도", "자치구", "단계", "지원 사항", "사업기간", "개월", "지원액(천원)", "TFT 계", "민", "구의원", "관", "분야",
			"참여예산", "절차", "본계획 제출"})
		for _, p := range ps {
			var steps []string
			for _, s := range p.Process {
				steps = append(steps, s.Name+" "+string(s.On))
			}
			out = append(out, planRow{p.District, p.Year, p.Stage.String(), p.Support, string(p.Start), string(p.End),
				p.Months, p.Amount, p.TFTCivil, p.TFTCouncil, p.TFTOfficial, p.TFTTotal(), nonNil(p.Fields), p.PB,
				nonNil(steps), string(p.MainPlanOn), p.Note})
			months := fmt.Sprint(p.Months)
			if n := store.MonthsBetween(p.Start, p.End); p.Months > 0 && n > 0 && n != p.Months {
				months = fmt.Sprintf("%d (날짜로 %d)", p.Months, n) // the stated months rule; the dates disagree
			}
			table = append(table, []string{fmt.Sprint(p.Year), p.District, p.Stage.String(), p.Support,
				fmt.Sprintf("%s ~ %s", p.Start, p.End), months, store.Money(p.Amount),
				fmt.Sprint(p.TFTTotal()), fmt.Sprint(p.TFTCivil), fmt.Sprint(p.TFTCouncil), fmt.Sprint(p.TFTOfficial),
				strings.Join(p.Fields, "/"), p.PB, strings.Join(steps, ", "), string(p.MainPlanOn)})
		}
		table = append(table, totalRow(len(table[0]), 6, sumPlans(ps)))
		rows = out
	case "platforms":
		ps, err := st.Platforms(f)
		if err != nil {
			return err
		}
		out := []memberRow{}
		table = append(table, []string{"연도", "자치구", "구분", "단체명", "대표자", "비고", "연락처", "지원액(천원)"})
		var total int64
		for _, p := range ps {
			total += p.Grant
			for i, m := range p.Members {
				out = append(out, memberRow{p.District, p.Year, string(m.Role), m.Org, m.Rep, m.Note, store.MaskContact(m.Contact), p.Grant})
				grant := ""
				if i == 0 {
					grant = store.Money(p.Grant)
				}
				table = append(table, []string{fmt.Sprint(p.Year), p.District, string(m.Role), m.Org, m.Rep, m.Note, store.MaskContact(m.Contact), grant})
			}
		}
		table = append(table, totalRow(len(table[0]), 7, total))
		rows = out
	case "sessions":
		xs, err := st.Sessions(f)
		if err != nil {
			return err
		}
		out := []sessionRow{}
		table = append(table, []string{"일자", "시간", "과정", "회차", "자치구", "장소", "대상", "정원", "남", "여", "강사", "상태"})
		for _, x := range xs {
			out = append(out, sessionRow{x.Course, x.Number, string(x.Date), x.Time, x.District, x.Venue, x.Audience,
				x.Capacity, x.AttendMale, x.AttendFemale, x.Instructor, x.Status})
			table = append(table, []string{string(x.Date), x.Time, x.Course, fmt.Sprint(x.Number), x.District, x.Venue,
				x.Audience, fmt.Sprint(x.Capacity), fmt.Sprint(x.AttendMale), fmt.Sprint(x.AttendFemale), x.Instructor, x.Status})
		}
		rows = out
	case "events":
		es, err := st.Events(f)
		if err != nil {
			return err
		}
		out := []eventRow{}
		table = append(table, []string{"일자", "종류", "행사명", "장소", "예산(천원)", "남", "여", "비고"})
		for _, e := range es {
			out = append(out, eventRow{e.Year, e.Kind, e.Title, string(e.Date), e.Place, e.Budget, e.AttendMale, e.AttendFemale, e.Note})
			table = append(table, []string{string(e.Date), e.Kind, e.Title, e.Place, store.Money(e.Budget), fmt.Sprint(e.AttendMale), fmt.Sprint(e.AttendFemale), e.Note})
		}
		rows = out
	case "submissions":
		xs, err := st.Submissions(f)
		if err != nil {
			return err
		}
		out := []submissionRow{}
		table = append(table, []string{"접수일", "자치구", "종류", "연도", "파일", "상태", "오류"})
		for _, x := range xs {
			out = append(out, submissionRow{x.District, x.Kind, x.Year, string(x.Received), string(x.Due), x.FileName,
				x.Size, x.SHA256, x.Status, nonNil(x.Errors), x.Note})
			table = append(table, []string{string(x.Received), x.District, x.Kind, fmt.Sprint(x.Year), x.FileName, x.Status, fmt.Sprint(len(x.Errors))})
		}
		rows = out
	case "budget":
		bs, err := st.BudgetStatus(o.year)
		if err != nil {
			return err
		}
		out := []budgetRow{}
		table = append(table, []string{"연도", "구분", "상위", "사무관리비", "경상보조", "계", "집행(약정)", "잔액", "상태"})
		var office, grant, comm int64
		for _, b := range bs {
			out = append(out, budgetRow{b.Year, b.Name, b.Parent, b.OfficeCost, b.Grant, b.Total(), b.Committed, b.Remaining(), b.State().String()})
			name := strings.Repeat("  ", b.Depth) + b.Name
			table = append(table, []string{fmt.Sprint(b.Year), name, b.Parent, store.Money(b.OfficeCost), store.Money(b.Grant),
				store.Money(b.Total()), store.Money(b.Committed), store.Money(b.Remaining()), b.State().String()})
			if b.Depth == 0 {
				office, grant, comm = office+b.OfficeCost, grant+b.Grant, comm+b.Committed
			}
		}
		table = append(table, []string{"계", "", "", store.Money(office), store.Money(grant), store.Money(office + grant),
			store.Money(comm), store.Money(office + grant - comm), ""})
		rows = out
	case "audit":
		es, err := st.Audit(store.AuditFilter{})
		if err != nil {
			return err
		}
		out := []auditRow{}
		table = append(table, []string{"일시", "작업", "종류", "대상"})
		for _, e := range es {
			if o.year != 0 && e.When.Year() != o.year {
				continue
			}
			if o.district != "" && !strings.Contains(e.Label, o.district) {
				continue
			}
			w := e.When.Format("2006-01-02 15:04:05")
			out = append(out, auditRow{w, e.Action, e.Kind, e.Label, e.Key, e.Before, e.After})
			table = append(table, []string{w, e.Action, e.Kind, e.Label})
		}
		rows = out
	}
	if o.json {
		return writeJSON(stdout, rows)
	}
	printTable(stdout, table)
	return nil
}

func sumPlans(ps []store.Plan) int64 {
	var t int64
	for _, p := range ps {
		t += p.Amount
	}
	return t
}

func totalRow(width, at int, total int64) []string {
	r := make([]string, width)
	r[0] = "계"
	r[at] = store.Money(total)
	return r
}

// printTable aligns columns by display width (Hangul takes two cells).
func printTable(w io.Writer, rows [][]string) {
	if len(rows) == 0 {
		return
	}
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			if i < len(widths) && displayWidth(c) > widths[i] {
				widths[i] = displayWidth(c)
			}
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(c)+2))
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x1100 && (r <= 0x115f || (r >= 0x2e80 && r <= 0xa4cf) || (r >= 0xac00 && r <= 0xd7a3) || (r >= 0xf900 && r <= 0xfaff) || (r >= 0xff00 && r <= 0xff60) || (r >= 0x3000 && r <= 0x303f)) {
			n += 2
		} else {
			n++
		}
	}
	return n
}
