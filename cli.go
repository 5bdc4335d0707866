package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"hyeopchi/store"
)

const usage = `사용법: hyeopchi [--db 파일] [명령]

명령이 없으면 창을 엽니다. 데이터 파일은 --db, 환경 변수 HYEOPCHI_DB,
또는 사용자 데이터 폴더의 hyeopchi.db 입니다 (처음 실행하면 계획 자료로 만듭니다).

명령:
  init [--empty | --synthetic 연수]          새 데이터 파일 (계획 자료 / 빈 파일 / 합성 자료 추가)
  import [--dry-run] 파일...                 자치구 파일 가져오기 (전부 아니면 전무)
  list 종류 [--year 연도] [--district 자치구] [--json]
       종류: plans platforms sessions events submissions budget audit
  export --report 종류 [--year 연도] [--district 자치구] --out 파일.pdf|파일.xlsx
       종류: plans platforms school budget district annual
  template --out 파일.xlsx [--district 자치구 --year 연도]
  backup --out 파일                          지금 데이터의 백업
  restore 파일                               백업에서 복원 (지금 데이터는 백업해 둡니다)
  check                                      파일과 규칙 점검
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
	report    string
	out       string
	help      bool
	args      []string
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
	fs.StringVar(&o.report, "report", "", "")
	fs.StringVar(&o.out, "out", "", "")
	fs.BoolVar(&o.help, "help", false, "")
	fs.BoolVar(&o.help, "h", false, "")
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

// defaultDB is HYEOPCHI_DB or hyeopchi.db in the user's data folder.
func defaultDB() string {
	if p := os.Getenv("HYEOPCHI_DB"); p != "" {
		return p
	}
	var dir string
	switch runtime.GOOS {
	case "windows", "darwin":
		dir, _ = os.UserConfigDir()
	default:
		dir = os.Getenv("XDG_DATA_HOME")
		if dir == "" {
			if home, err := os.UserHomeDir(); err == nil {
				dir = filepath.Join(home, ".local", "share")
			}
		}
	}
	if dir == "" {
		dir = "."
	}
	return filepath.Join(dir, "hyeopchi", "hyeopchi.db")
}

// run is the whole program; it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	o, err := parseArgs(args)
	if err == nil && o.help {
		fmt.Fprint(stdout, usage)
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
	switch {
	case err == nil:
		return 0
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
		return runGUI(o.db)
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
	}
	return usageError{fmt.Sprintf("알 수 없는 명령: %s", cmd)}
}

func noArgs(cmd string, rest []string) error {
	if len(rest) > 0 {
		return usageError{fmt.Sprintf("%s 명령은 %q 을(를) 받지 않습니다", cmd, rest[0])}
	}
	return nil
}

// openStore opens the database, creating it with the plan's data on first use.
func openStore(path string) (*store.Store, error) {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return store.Create(path, store.SeedData())
	}
	return store.Open(path, nil)
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
	st, err := store.Open(o.db, nil)
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
	st, err := store.Open(o.db, nil)
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
	st, err := openStore(o.db)
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

func atoiOr(s string, def int) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return def
}
