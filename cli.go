package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"hyeopchi/reports"
	"hyeopchi/store"
	"hyeopchi/store/safefile"
	"hyeopchi/store/workbook"
)

const usage = `사용법: hyeopchi [--db 파일] [명령]

명령이 없으면 창을 엽니다. 데이터 파일은 --db, 환경 변수 HYEOPCHI_DB,
또는 사용자 데이터 폴더의 hyeopchi.db 입니다 (처음 실행하면 계획 자료로 만듭니다).

명령:
  init [--empty | --synthetic 연수]          새 데이터 파일 (계획 자료 / 빈 파일 / 합성 자료 추가)
  import [--dry-run] [--verbose] 파일...     자치구 파일 가져오기 (전부 아니면 전무; 경고는 종류별 한 줄,
                                             --verbose 는 경고와 바뀌는 기록을 하나하나)
  list 종류 [--year 연도] [--district 자치구] [--json]
       종류: plans platforms sessions events submissions budget audit
  export --report 종류 [--year 연도] [--district 자치구] --out 파일.pdf|파일.xlsx
       종류: plans platforms school budget district annual
  template --out 파일.xlsx [--district 자치구 --year 연도]
  backup --out 파일                          지금 데이터의 백업
  restore 파일                               백업에서 복원 (지금 데이터는 백업해 둡니다)
  check                                      파일과 규칙 점검
  search 찾을말 [--year 연도] [--district 자치구] [--json]
                                             사람·단체·장소·과정·메모를 모든 기록에서 찾기 (ㄱㅅㅎ처럼 초성도)
  bundle --district 자치구 [--year 연도 | --from 연도 --to 연도] --out 파일.zip [--with-contacts]
                                             자치구 감사 묶음: 보고서·자료·원본·변경기록과 목록
  bundle --verify 파일.zip                   묶음의 모든 파일을 목록의 SHA-256과 대조
  --version                                  프로그램 버전
`

// usageError is a wrong use of the command line: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// opts are every flag of every command; each command reads its own.
type opts struct {
	db        string
	empty     bool
	synthetic int
	seed      int64
	dryRun    bool
	year      int
	district  string
	json      bool
	verbose   bool
	report    string
	out       string
	help      bool
	version   bool
	args      []string
	// bundle
	from, to     int
	withContacts bool
	verify       string
}

func newFlagSet(o *opts) *flag.FlagSet {
	fs := flag.NewFlagSet("hyeopchi", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.db, "db", "", "")
	fs.BoolVar(&o.empty, "empty", false, "")
	fs.IntVar(&o.synthetic, "synthetic", 0, "")
	fs.Int64Var(&o.seed, "seed", 2017, "")
	fs.BoolVar(&o.dryRun, "dry-run", false, "")
	fs.IntVar(&o.year, "year", 0, "")
	fs.StringVar(&o.district, "district", "", "")
	fs.BoolVar(&o.json, "json", false, "")
	fs.BoolVar(&o.verbose, "verbose", false, "")
	fs.BoolVar(&o.verbose, "v", false, "")
	fs.StringVar(&o.report, "report", "", "")
	fs.StringVar(&o.out, "out", "", "")
	fs.BoolVar(&o.help, "help", false, "")
	fs.BoolVar(&o.help, "h", false, "")
	fs.IntVar(&o.from, "from", 0, "")
	fs.IntVar(&o.to, "to", 0, "")
	fs.BoolVar(&o.withContacts, "with-contacts", false, "")
	fs.StringVar(&o.verify, "verify", "", "")
	fs.BoolVar(&o.version, "version", false, "")
	return fs
}

// parseArgs accepts flags before, between and after the command's words.
func parseArgs(args []string) (opts, error) {
	var o opts
	fs := newFlagSet(&o)
	var flags []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			o.args = append(o.args, args[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			o.args = append(o.args, a)
			continue
		}
		name := strings.TrimLeft(a, "-")
		if k := strings.IndexByte(name, '='); k >= 0 {
			flags = append(flags, a)
			continue
		}
		f := fs.Lookup(name)
		if f == nil {
			return o, usageError{fmt.Sprintf("알 수 없는 옵션: %s", a)}
		}
		flags = append(flags, a)
		if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && bf.IsBoolFlag() {
			continue
		}
		if i+1 >= len(args) {
			return o, usageError{fmt.Sprintf("옵션 %s 에 값이 필요합니다", a)}
		}
		i++
		flags = append(flags, args[i])
	}
	if err := fs.Parse(flags); err != nil {
		return o, usageError{"옵션을 읽을 수 없습니다: " + koreanFlagError(err)}
	}
	if o.district != "" {
		d, ok := store.NormalizeDistrict(o.district)
		if !ok {
			return o, usageError{fmt.Sprintf("--district %q 은(는) 서울시 자치구가 아닙니다", o.district)}
		}
		o.district = d
	}
	return o, nil
}

func koreanFlagError(err error) string {
	s := err.Error()
	if strings.Contains(s, "invalid value") {
		return s + " (숫자가 필요합니다)"
	}
	return s
}

// run is the whole program; it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	o, err := parseArgs(args)
	if err == nil && o.help {
		fmt.Fprint(stdout, usage)
		return 0
	}
	if err == nil && o.version {
		fmt.Fprintf(stdout, "hyeopchi %s\n", version)
		return 0
	}
	if err == nil {
		if o.db == "" {
			o.db = defaultDB()
		}
		err = dispatch(o, stdout)
	}
	var ue usageError
	var fail importFailed
	var bad bundleFailed
	switch {
	case err == nil:
		return 0
	case errors.As(err, &bad):
		fmt.Fprintln(stderr, bad.Error())
		return 1
	case errors.As(err, &fail):
		fmt.Fprintln(stderr, fail.Error())
		fmt.Fprintln(stdout, fail.summary())
		return 1
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "hyeopchi: %s\n\n%s", ue.msg, usage)
		return 2
	default:
		fmt.Fprintf(stderr, "hyeopchi: %s\n", err)
		return 1
	}
}

func dispatch(o opts, stdout io.Writer) error {
	if len(o.args) == 0 {
		err := runGUI(o.db)
		if err != nil {
			showFatal(err.Error()) // a window user sees no stderr
		}
		return err
	}
	cmd, rest := o.args[0], o.args[1:]
	switch cmd {
	case "init":
		return cmdInit(o, rest, stdout)
	case "list":
		return cmdList(o, rest, stdout)
	case "check":
		return cmdCheck(o, rest, stdout)
	case "backup":
		return cmdBackup(o, rest, stdout)
	case "restore":
		return cmdRestore(o, rest, stdout)
	case "import":
		return cmdImport(o, rest, stdout)
	case "export":
		return cmdExport(o, rest, stdout)
	case "template":
		return cmdTemplate(o, rest, stdout)
	case "search":
		return cmdSearch(o, rest, stdout)
	case "bundle":
		return cmdBundle(o, rest, stdout)
	}
	return usageError{fmt.Sprintf("알 수 없는 명령: %s", cmd)}
}

func noArgs(cmd string, rest []string) error {
	if len(rest) > 0 {
		return usageError{fmt.Sprintf("%s 명령은 %q 을(를) 받지 않습니다", cmd, rest[0])}
	}
	return nil
}

// openStore opens the database for the window, creating it with the
// plan's data on first use (the only place besides init that makes one).
func openStore(path string) (*store.Store, error) {
	if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) {
		return store.Create(path, store.SeedData())
	}
	return openRead(path)
}

// openWrite opens an existing database for a command that changes it.
func openWrite(path string) (*store.Store, error) {
	return store.Open(path, nil)
}

// openRead opens an existing database for a command that only reads it:
// a file the user may not write opens read-only.
func openRead(path string) (*store.Store, error) {
	st, err := store.Open(path, nil)
	if errors.Is(err, store.ErrReadOnly) {
		return store.Open(path, &store.Options{ReadOnly: true})
	}
	return st, err
}

func cmdInit(o opts, rest []string, stdout io.Writer) error {
	if err := noArgs("init", rest); err != nil {
		return err
	}
	if o.empty && o.synthetic > 0 {
		return usageError{"--empty 와 --synthetic 은 함께 쓸 수 없습니다"}
	}
	if o.synthetic < 0 || o.synthetic > 50 {
		return usageError{fmt.Sprintf("--synthetic %d: 1에서 50 사이의 연수를 쓰세요", o.synthetic)}
	}
	var data store.Dataset
	what := "계획 자료"
	switch {
	case o.empty:
		data = store.EmptyData()
		what = "빈 자료"
	case o.synthetic > 0:
		data = store.WithSynthetic(store.SeedData(), o.synthetic, o.seed)
		what = fmt.Sprintf("계획 자료와 %d년치 합성 자료", o.synthetic)
	default:
		data = store.SeedData()
	}
	st, err := store.Create(o.db, data)
	if err != nil {
		return err
	}
	defer st.Close()
	fmt.Fprintf(stdout, "새 데이터 파일을 만들었습니다: %s (%s)\n", o.db, what)
	return nil
}

func cmdCheck(o opts, rest []string, stdout io.Writer) error {
	if err := noArgs("check", rest); err != nil {
		return err
	}
	st, err := openRead(o.db)
	if err != nil {
		return err
	}
	defer st.Close()
	fs, err := st.Check()
	if err != nil {
		return err
	}
	for _, f := range fs {
		fmt.Fprintln(stdout, f)
	}
	if n := len(fs.Errors()); n > 0 {
		return fmt.Errorf("점검 결과 오류 %d건, 경고 %d건: %s", n, len(fs)-n, o.db)
	}
	fmt.Fprintf(stdout, "점검 완료: 오류 없음, 경고 %d건 (%s)\n", len(fs), o.db)
	return nil
}

func cmdBackup(o opts, rest []string, stdout io.Writer) error {
	if err := noArgs("backup", rest); err != nil {
		return err
	}
	if o.out == "" {
		return usageError{"backup 에는 --out 파일 이 필요합니다"}
	}
	st, err := openRead(o.db)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.BackupTo(o.out); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "백업했습니다: %s\n", o.out)
	return nil
}

func cmdRestore(o opts, rest []string, stdout io.Writer) error {
	if len(rest) != 1 {
		return usageError{"restore 에는 백업 파일 하나가 필요합니다"}
	}
	// A missing data file is made from the backup; a damaged one is
	// replaced by it (it is kept in backups/ first).
	var st *store.Store
	var err error
	if _, lerr := os.Lstat(o.db); errors.Is(lerr, os.ErrNotExist) {
		st, err = store.Create(o.db, store.EmptyData())
	} else {
		st, err = store.Open(o.db, &store.Options{Damaged: true})
	}
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Restore(rest[0]); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "복원했습니다: %s → %s (이전 자료는 %s 에 백업)\n", rest[0], o.db, st.BackupDir())
	return nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

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
	st, err := openRead(o.db)
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
				p.Months, p.Amount, p.TFTCivil, p.TFTCouncil, p.TFTOfficial, p.TFTTotal(), nonNil(p.Fields), store.PBLabel(p.PB),
				nonNil(steps), string(p.MainPlanOn), p.Note,
				p.PBAmount, p.PBIntegration, p.PBDongs, p.PBDongAmount, string(p.DraftPlanOn), p.FundedMonths()})
			months := fmt.Sprint(p.Months)
			if n := store.MonthsBetween(p.Start, p.End); p.Months > 0 && n > 0 && n != p.Months {
				months = fmt.Sprintf("%d (날짜로 %d)", p.Months, n) // the stated months rule; the dates disagree
			}
			table = append(table, []string{fmt.Sprint(p.Year), p.District, p.Stage.String(), p.Support,
				fmt.Sprintf("%s ~ %s", p.Start, p.End), months, store.Money(p.Amount),
				fmt.Sprint(p.TFTTotal()), fmt.Sprint(p.TFTCivil), fmt.Sprint(p.TFTCouncil), fmt.Sprint(p.TFTOfficial),
				strings.Join(p.Fields, "/"), store.PBLabel(p.PB), strings.Join(steps, ", "), string(p.MainPlanOn)})
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
				x.Capacity, x.AttendMale, x.AttendFemale, x.Instructor, string(x.Status)})
			table = append(table, []string{string(x.Date), x.Time, x.Course, fmt.Sprint(x.Number), x.District, x.Venue,
				x.Audience, fmt.Sprint(x.Capacity), fmt.Sprint(x.AttendMale), fmt.Sprint(x.AttendFemale), x.Instructor, string(x.Status)})
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
				x.Size, x.SHA256, string(x.Status), nonNil(x.Errors), x.Note})
			table = append(table, []string{string(x.Received), x.District, x.Kind, fmt.Sprint(x.Year), x.FileName, string(x.Status), fmt.Sprint(len(x.Errors))})
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

// importFailed is an import refused for problems already printed.
// run prints its lines to stderr as they are, one per problem
// (FILE:SHEET:ROW:COLUMN: message), and the summary to stdout.
type importFailed struct{ lines []string }

func (e importFailed) Error() string { return strings.Join(e.lines, "\n") }

func (e importFailed) summary() string {
	return fmt.Sprintf("오류 %d건: 아무것도 가져오지 않았습니다", len(e.lines))
}

func cmdImport(o opts, rest []string, stdout io.Writer) error {
	if len(rest) == 0 {
		return usageError{"import 에는 가져올 파일이 하나 이상 필요합니다"}
	}
	var files []workbook.File
	var problems []string
	for _, name := range rest {
		data, err := safefile.ReadFile(name, workbook.MaxFileSize)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %s", name, importFileError(name, err)))
			continue
		}
		files = append(files, workbook.File{Name: name, Data: data})
	}
	st, err := openWrite(o.db)
	if err != nil {
		return err
	}
	defer st.Close()
	rep, err := workbook.ImportFiles(st, files, o.dryRun || len(problems) > 0)
	if err != nil {
		return err
	}
	for _, p := range rep.Problems {
		problems = append(problems, p.String())
	}
	if len(problems) > 0 {
		return importFailed{problems}
	}
	for _, l := range rep.ChangeLines(o.dryRun, o.verbose) {
		fmt.Fprintln(stdout, l)
	}
	for _, l := range rep.WarningLines(o.verbose) {
		fmt.Fprintln(stdout, l)
	}
	if len(rep.Warnings) > 0 && !o.verbose {
		fmt.Fprintln(stdout, "(경고를 하나하나 보려면 --verbose)")
	}
	fmt.Fprintln(stdout, rep.Summary(o.dryRun))
	return nil
}

// importFileError says in a few words why a file to import was not read
// (the line already starts with the file's name).
func importFileError(name string, err error) string {
	var pe *os.PathError
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "파일을 열 수 없습니다 (없는 파일입니다)"
	case errors.Is(err, os.ErrPermission):
		return "파일을 열 수 없습니다 (읽을 권한이 없습니다)"
	case errors.Is(err, safefile.ErrTooLarge):
		return fmt.Sprintf("파일이 너무 큽니다: %dMB까지 읽습니다", workbook.MaxFileSize>>20)
	case errors.Is(err, safefile.ErrNotRegular):
		if info, serr := os.Stat(name); serr == nil && info.IsDir() {
			return "파일이 아니라 폴더입니다"
		}
		return "일반 파일이 아닙니다 (장치, FIFO, 소켓은 읽지 않습니다)"
	case errors.As(err, &pe):
		return "파일을 읽을 수 없습니다 (" + safefile.Describe(err) + ")"
	}
	return strings.Replace(err.Error(), name+": ", "", 1)
}

func cmdExport(o opts, rest []string, stdout io.Writer) error {
	if err := noArgs("export", rest); err != nil {
		return err
	}
	if o.report == "" || o.out == "" {
		return usageError{"export 에는 --report 종류 와 --out 파일 이 필요합니다"}
	}
	known := false
	for _, k := range reports.Kinds {
		known = known || k == o.report
	}
	if !known {
		return usageError{fmt.Sprintf("알 수 없는 보고서 종류: %s (%s)", o.report, strings.Join(reports.Kinds, ", "))}
	}
	if o.report == reports.KindDistrict && o.district == "" {
		return usageError{"district 보고서에는 --district 자치구 가 필요합니다"}
	}
	st, err := openRead(o.db)
	if err != nil {
		return err
	}
	defer st.Close()
	e, err := reports.Export(st, o.report, o.year, o.district, o.out)
	if err != nil {
		return err
	}
	if e.Pages > 0 {
		fmt.Fprintf(stdout, "%s 을(를) 만들었습니다: %s (%d쪽)\n", reports.Title(o.report), o.out, e.Pages)
	} else {
		fmt.Fprintf(stdout, "%s 을(를) 만들었습니다: %s\n", reports.Title(o.report), o.out)
	}
	return nil
}

func cmdTemplate(o opts, rest []string, stdout io.Writer) error {
	if err := noArgs("template", rest); err != nil {
		return err
	}
	if o.out == "" {
		return usageError{"template 에는 --out 파일.xlsx 가 필요합니다"}
	}
	if !strings.EqualFold(filepath.Ext(o.out), ".xlsx") {
		return usageError{"template 의 --out 은 .xlsx 파일이어야 합니다"}
	}
	st, err := openRead(o.db)
	if err != nil {
		return err
	}
	defer st.Close()
	filled, err := workbook.WriteTemplateFile(st, o.district, o.year, o.out)
	if err != nil {
		return err
	}
	if filled == "" {
		fmt.Fprintf(stdout, "빈 양식을 만들었습니다: %s\n", o.out)
	} else {
		fmt.Fprintf(stdout, "양식을 만들었습니다: %s (%s)\n", o.out, filled)
	}
	return nil
}
