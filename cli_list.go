package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"hyeopchi/store"

	"hyeopchi/store/value"
)

// listCommand prints one kind of record as a table or as JSON.
var listCommand = command{
	name: "list",
	usage: "  list 종류 [--year 연도] [--district 자치구] [--json]\n" +
		"       종류: plans platforms sessions events submissions budget audit\n",
	flags: func(fs *flag.FlagSet) runFunc {
		var o listOptions
		o.scope.define(fs)
		fs.BoolVar(&o.json, "json", false, "")
		return func(db string, rest []string, stdout io.Writer) error { return cmdList(db, o, rest, stdout) }
	},
}

// listOptions are list's flags.
type listOptions struct {
	scope
	json bool
}

// listing is one kind of record read for list: the --json rows, and the
// text table with its header first.
type listing struct {
	rows  any
	table [][]string
}

// listKinds are the kinds list prints, in the order of the usage, each
// with the function that reads it.
var listKinds = []struct {
	name string
	read func(st *store.Store, o listOptions) (listing, error)
}{
	{"plans", listPlans},
	{"platforms", listPlatforms},
	{"sessions", listSessions},
	{"events", listEvents},
	{"submissions", listSubmissions},
	{"budget", listBudget},
	{"audit", listAudit},
}

func cmdList(db string, o listOptions, rest []string, stdout io.Writer) error {
	if len(rest) != 1 {
		return usagef("list 에는 종류 하나가 필요합니다: plans platforms sessions events submissions budget audit")
	}
	var read func(*store.Store, listOptions) (listing, error)
	for _, k := range listKinds {
		if k.name == rest[0] {
			read = k.read
		}
	}
	if read == nil {
		return usagef("알 수 없는 목록 종류: %s", rest[0])
	}
	st, err := openRead(db)
	if err != nil {
		return err
	}
	defer st.Close()
	l, err := read(st, o)
	if err != nil {
		return err
	}
	if o.json {
		return writeJSON(stdout, l.rows)
	}
	printTable(stdout, l.table)
	return nil
}

// listPlans: one line a plan (참고1's columns), then the total amount.
func listPlans(st *store.Store, o listOptions) (listing, error) {
	ps, err := st.Plans(o.filter())
	if err != nil {
		return listing{}, err
	}
	out := []planRow{}
	table := [][]string{{"연도", "자치구", "단계", "지원 사항", "사업기간", "개월", "지원액(천원)", "TFT 계", "민", "구의원", "관", "분야",
		"참여예산", "절차", "본계획 제출"}}
	var total int64
	for _, p := range ps {
		var steps []string
		for _, s := range p.Process {
			steps = append(steps, s.Name+" "+string(s.On))
		}
		out = append(out, newPlanRow(p, steps))
		table = append(table, []string{fmt.Sprint(p.Year), p.District, p.Stage.String(), p.Support,
			fmt.Sprintf("%s ~ %s", p.Start, p.End), planMonths(p), value.Thousands(p.Amount),
			fmt.Sprint(p.TFTTotal()), fmt.Sprint(p.TFTCivil), fmt.Sprint(p.TFTCouncil), fmt.Sprint(p.TFTOfficial),
			strings.Join(p.Fields, "/"), store.PBLabel(p.PB), strings.Join(steps, ", "), string(p.MainPlanOn)})
		total += p.Amount
	}
	table = append(table, totalRow(len(table[0]), 6, total))
	return listing{out, table}, nil
}

// planMonths are the plan's months, and the dates' where they disagree
// (the stated months rule: "6 (날짜로 7)").
func planMonths(p store.Plan) string {
	if n := value.MonthsBetween(p.Start, p.End); p.Months > 0 && n > 0 && n != p.Months {
		return fmt.Sprintf("%d (날짜로 %d)", p.Months, n)
	}
	return fmt.Sprint(p.Months)
}

// listPlatforms: one line a member of each consortium, the grant on its
// first line, then the total grant.
func listPlatforms(st *store.Store, o listOptions) (listing, error) {
	ps, err := st.Platforms(o.filter())
	if err != nil {
		return listing{}, err
	}
	out := []memberRow{}
	table := [][]string{{"연도", "자치구", "구분", "단체명", "대표자", "비고", "연락처", "지원액(천원)"}}
	var total int64
	for _, p := range ps {
		total += p.Grant
		for i, m := range p.Members {
			out = append(out, memberRow{p.District, p.Year, string(m.Role), m.Org, m.Rep, m.Note, value.MaskContact(m.Contact), p.Grant})
			grant := ""
			if i == 0 {
				grant = value.Thousands(p.Grant)
			}
			table = append(table, []string{fmt.Sprint(p.Year), p.District, string(m.Role), m.Org, m.Rep, m.Note, value.MaskContact(m.Contact), grant})
		}
	}
	table = append(table, totalRow(len(table[0]), 7, total))
	return listing{out, table}, nil
}

// listSessions: one line a session of the school.
func listSessions(st *store.Store, o listOptions) (listing, error) {
	xs, err := st.Sessions(o.filter())
	if err != nil {
		return listing{}, err
	}
	out := []sessionRow{}
	table := [][]string{{"일자", "시간", "과정", "회차", "자치구", "장소", "대상", "정원", "남", "여", "강사", "상태"}}
	for _, x := range xs {
		out = append(out, sessionRow{x.Course, x.Number, string(x.Date), x.Time, x.District, x.Venue, x.Audience,
			x.Capacity, x.AttendMale, x.AttendFemale, x.Instructor, string(x.Status)})
		table = append(table, []string{string(x.Date), x.Time, x.Course, fmt.Sprint(x.Number), x.District, x.Venue,
			x.Audience, fmt.Sprint(x.Capacity), fmt.Sprint(x.AttendMale), fmt.Sprint(x.AttendFemale), x.Instructor, string(x.Status)})
	}
	return listing{out, table}, nil
}

// listEvents: one line an event.
func listEvents(st *store.Store, o listOptions) (listing, error) {
	es, err := st.Events(o.filter())
	if err != nil {
		return listing{}, err
	}
	out := []eventRow{}
	table := [][]string{{"일자", "종류", "행사명", "장소", "예산(천원)", "남", "여", "비고"}}
	for _, e := range es {
		out = append(out, eventRow{e.Year, e.Kind, e.Title, string(e.Date), e.Place, e.Budget, e.AttendMale, e.AttendFemale, e.Note})
		table = append(table, []string{string(e.Date), e.Kind, e.Title, e.Place, value.Thousands(e.Budget), fmt.Sprint(e.AttendMale), fmt.Sprint(e.AttendFemale), e.Note})
	}
	return listing{out, table}, nil
}

// listSubmissions: one line a received file of the register.
func listSubmissions(st *store.Store, o listOptions) (listing, error) {
	xs, err := st.Submissions(o.filter())
	if err != nil {
		return listing{}, err
	}
	out := []submissionRow{}
	table := [][]string{{"접수일", "자치구", "종류", "연도", "파일", "상태", "오류"}}
	for _, x := range xs {
		out = append(out, submissionRow{x.District, x.Kind, x.Year, string(x.Received), string(x.Due), x.FileName,
			x.Size, x.SHA256, string(x.Status), nonNil(x.Errors), x.Note})
		table = append(table, []string{string(x.Received), x.District, x.Kind, fmt.Sprint(x.Year), x.FileName, string(x.Status), fmt.Sprint(len(x.Errors))})
	}
	return listing{out, table}, nil
}

// listBudget: the budget tree (a line's children indented under it), then
// the totals of the top lines. It reads --year only.
func listBudget(st *store.Store, o listOptions) (listing, error) {
	bs, err := st.BudgetStatus(o.year)
	if err != nil {
		return listing{}, err
	}
	out := []budgetRow{}
	table := [][]string{{"연도", "구분", "상위", "사무관리비", "경상보조", "계", "집행(약정)", "잔액", "상태"}}
	var office, grant, comm int64
	for _, b := range bs {
		out = append(out, budgetRow{b.Year, b.Name, b.Parent, b.OfficeCost, b.Grant, b.Total(), b.Committed, b.Remaining(), b.State().String()})
		name := strings.Repeat("  ", b.Depth) + b.Name
		table = append(table, []string{fmt.Sprint(b.Year), name, b.Parent, value.Thousands(b.OfficeCost), value.Thousands(b.Grant),
			value.Thousands(b.Total()), value.Thousands(b.Committed), value.Thousands(b.Remaining()), b.State().String()})
		if b.Depth == 0 {
			office, grant, comm = office+b.OfficeCost, grant+b.Grant, comm+b.Committed
		}
	}
	table = append(table, []string{"계", "", "", value.Thousands(office), value.Thousands(grant), value.Thousands(office + grant),
		value.Thousands(comm), value.Thousands(office + grant - comm), ""})
	return listing{out, table}, nil
}

// listAudit: every change, newest first; --year is the change's year and
// --district a district named in its label.
func listAudit(st *store.Store, o listOptions) (listing, error) {
	es, err := st.Audit(store.AuditFilter{})
	if err != nil {
		return listing{}, err
	}
	out := []auditRow{}
	table := [][]string{{"일시", "작업", "종류", "대상"}}
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
	return listing{out, table}, nil
}

// totalRow is a table's last line: 계, and the total in column at.
func totalRow(width, at int, total int64) []string {
	r := make([]string, width)
	r[0] = "계"
	r[at] = value.Thousands(total)
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

// displayWidth is how many terminal cells s takes: two for Hangul and
// other wide characters.
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
