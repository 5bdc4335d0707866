package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"hyeopchi/store"
)

// usageHead starts hyeopchi --help; every command adds its own lines
// (command.usage) and usageTail ends it.
const usageHead = `사용법: hyeopchi [--db 파일] [명령]

명령이 없으면 창을 엽니다. 데이터 파일은 --db, 환경 변수 HYEOPCHI_DB,
또는 사용자 데이터 폴더의 hyeopchi.db 입니다 (처음 실행하면 계획 자료로 만듭니다).

명령:
`

// usageTail ends hyeopchi --help.
const usageTail = "  --version                                  프로그램 버전\n"

// usage is hyeopchi --help: the head, each command's lines in the order of
// commands, and the tail.
var usage = fullUsage()

// command is one command of the command line, described once: its name,
// its lines in the usage, and its own flags. Each lives in its cli_x.go.
type command struct {
	name  string
	usage string // its lines in hyeopchi --help, each starting with two spaces
	// flags declares the command's own flags on fs (the global ones are
	// there already) and returns the command bound to their values, which
	// it reads when it runs, after fs has parsed the command line.
	flags func(fs *flag.FlagSet) runFunc
}

// runFunc runs a command on the data file db; rest are the words after the
// command's name.
type runFunc func(db string, rest []string, stdout io.Writer) error

// commands are every command, in the order of the usage.
var commands = []*command{&initCommand, &importCommand, &listCommand, &exportCommand, &templateCommand,
	&backupCommand, &restoreCommand, &checkCommand, &searchCommand, &bundleCommand}

// lookupCommand is the command named name, or nil.
func lookupCommand(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// commandNames are the commands' names: "init, import, …, bundle".
func commandNames() string {
	var names []string
	for _, c := range commands {
		names = append(names, c.name)
	}
	return strings.Join(names, ", ")
}

// fullUsage is hyeopchi --help.
func fullUsage() string {
	var b strings.Builder
	b.WriteString(usageHead)
	for _, c := range commands {
		b.WriteString(c.usage)
	}
	b.WriteString(usageTail)
	return b.String()
}

// usageText is what a wrong use of c prints after the message: its own
// lines and options, and where the others are.
func (c *command) usageText() string {
	var names []string
	own := newFlagSet()
	c.flags(own)
	own.VisitAll(func(f *flag.Flag) { names = append(names, flagName(f.Name)) })
	opts := fmt.Sprintf("%s 의 옵션: %s (그리고 --db)", c.name, strings.Join(names, " "))
	if len(names) == 0 {
		opts = fmt.Sprintf("%s 에는 --db 말고 옵션이 없습니다", c.name)
	}
	return fmt.Sprintf("사용법: hyeopchi [--db 파일] %s ...\n%s%s\n모든 명령: hyeopchi --help\n", c.name, c.usage, opts)
}

// flagName is a flag as it is typed: --year, or -v for a one-letter one.
func flagName(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// usageError is a wrong use of the command line: exit status 2, the
// message, then the usage of cmd (all of it when cmd is nil).
type usageError struct {
	msg string
	cmd *command
}

func (e usageError) Error() string { return e.msg }

// usage is the usage text printed after the message.
func (e usageError) usage() string {
	if e.cmd == nil {
		return usage
	}
	return e.cmd.usageText()
}

// usagef is a usageError of the command that returns it (run adds which).
func usagef(format string, args ...any) error {
	return usageError{msg: fmt.Sprintf(format, args...)}
}

// globals are the flags every command takes, and the window too.
type globals struct {
	db            string
	help, version bool
}

// define declares the global flags on fs.
func (g *globals) define(fs *flag.FlagSet) {
	fs.StringVar(&g.db, "db", "", "")
	fs.BoolVar(&g.help, "help", false, "")
	fs.BoolVar(&g.help, "h", false, "")
	fs.BoolVar(&g.version, "version", false, "")
}

// scope is --year and --district, for the commands that narrow to them.
type scope struct {
	year     int
	district string // normalized by parseArgs: "관악" is read as 관악구
}

// define declares --year and --district on fs.
func (s *scope) define(fs *flag.FlagSet) {
	fs.IntVar(&s.year, "year", 0, "")
	fs.StringVar(&s.district, "district", "", "")
}

// filter is the scope as the store's record filter.
func (s scope) filter() store.Filter { return store.Filter{Year: s.year, District: s.district} }

// newFlagSet is an empty flag set that prints nothing: errors are told in Korean by run.
func newFlagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("hyeopchi", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// addAllFlags declares on fs every command's flags it lacks, bound to
// values nobody reads: to tell a flag no command takes from one another
// command takes, and whether it takes a value.
func addAllFlags(fs *flag.FlagSet) {
	for _, c := range commands {
		own := newFlagSet()
		c.flags(own)
		own.VisitAll(func(f *flag.Flag) {
			if fs.Lookup(f.Name) == nil {
				fs.Var(f.Value, f.Name, f.Usage)
			}
		})
	}
}

// invocation is a command line read by parseArgs.
type invocation struct {
	globals
	words []string // the command's name and the words after it; none for the window
	cmd   *command // nil for the window or an unknown command
	run   runFunc  // nil for the window
}

// flagArg is one flag of the command line with its value if it takes one.
type flagArg struct {
	typed string   // as typed: --year, --year=2016
	name  string   // year
	args  []string // what flag.FlagSet.Parse reads
}

// splitArgs separates flags from words: flags may come before, between and
// after the words, and "--" ends them. Whether a flag takes a value is
// known from all the commands' flags together. The first unknown flag or
// missing value is the error; the words past it are still collected, so
// that the error can show the command's usage.
func splitArgs(args []string) (flags []flagArg, words []string, err error) {
	all := newFlagSet()
	new(globals).define(all)
	addAllFlags(all)
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			words = append(words, args[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			words = append(words, a)
			continue
		}
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		f := all.Lookup(name)
		switch {
		case f == nil:
			err = firstErr(err, usagef("알 수 없는 옵션: %s", a))
		case hasValue || isBoolFlag(f):
			flags = append(flags, flagArg{a, name, []string{a}})
		case i+1 >= len(args):
			err = firstErr(err, usagef("옵션 %s 에 값이 필요합니다", a))
		default:
			flags = append(flags, flagArg{a, name, []string{a, args[i+1]}})
			i++
		}
	}
	return flags, words, err
}

// firstErr is err, or next when there is none yet.
func firstErr(err, next error) error {
	if err != nil {
		return err
	}
	return next
}

// isBoolFlag reports whether f is a switch, which takes no value.
func isBoolFlag(f *flag.Flag) bool {
	bf, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && bf.IsBoolFlag()
}

// parseArgs reads the command line: the global flags, the command, and
// that command's own flags, wherever they are. A flag the command does not
// take is a usage error naming it, with the command's usage.
func parseArgs(args []string) (invocation, error) {
	flags, words, err := splitArgs(args)
	inv := invocation{words: words}
	fs := newFlagSet()
	inv.globals.define(fs)
	if len(words) > 0 {
		inv.cmd = lookupCommand(words[0])
		if inv.cmd != nil {
			inv.run = inv.cmd.flags(fs)
		} else {
			// read as before the command was known to be wrong, so that
			// --help still helps; the run says the command is unknown
			addAllFlags(fs)
			inv.run = unknownCommand(words[0])
		}
	}
	if err == nil {
		err = checkFlags(fs, flags, inv.cmd, len(words) == 0)
	}
	if err == nil {
		err = normalizeDistrict(fs)
	}
	var ue usageError
	if errors.As(err, &ue) {
		ue.cmd = inv.cmd
		return inv, ue
	}
	return inv, err
}

// checkFlags refuses a flag that is not fs's, then parses the flags into
// their values.
func checkFlags(fs *flag.FlagSet, flags []flagArg, cmd *command, window bool) error {
	var args []string
	for _, f := range flags {
		if fs.Lookup(f.name) != nil {
			args = append(args, f.args...)
			continue
		}
		typed, _, _ := strings.Cut(f.typed, "=")
		if window {
			return usagef("%s 은(는) 명령과 함께 쓰는 옵션입니다 (창을 열 때는 --db 만 씁니다)", typed)
		}
		return usagef("%s 명령은 %s 옵션을 받지 않습니다", cmd.name, typed)
	}
	if err := fs.Parse(args); err != nil {
		return usagef("옵션을 읽을 수 없습니다: %s", koreanFlagError(err))
	}
	return nil
}

// normalizeDistrict reads --district, where the command takes it, as the
// district's full name, or refuses a name that is no district of Seoul.
func normalizeDistrict(fs *flag.FlagSet) error {
	f := fs.Lookup("district")
	if f == nil || f.Value.String() == "" {
		return nil
	}
	d, ok := store.NormalizeDistrict(f.Value.String())
	if !ok {
		return usagef("--district %q 은(는) 서울시 자치구가 아닙니다", f.Value.String())
	}
	return f.Value.Set(d)
}

// koreanFlagError is the flag package's error, with what is needed said in Korean.
func koreanFlagError(err error) string {
	s := err.Error()
	if strings.Contains(s, "invalid value") {
		return s + " (숫자가 필요합니다)"
	}
	return s
}

// unknownCommand is the run of a word that names no command.
func unknownCommand(name string) runFunc {
	return func(string, []string, io.Writer) error {
		return usagef("알 수 없는 명령: %s", name)
	}
}

// run is the whole program; it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	inv, err := parseArgs(args)
	if err == nil && inv.help {
		fmt.Fprint(stdout, usage)
		return 0
	}
	if err == nil && inv.version {
		fmt.Fprintf(stdout, "hyeopchi %s\n", version)
		return 0
	}
	if err == nil {
		if inv.db == "" {
			inv.db = defaultDB()
		}
		err = dispatch(inv, stdout)
	}
	return exitStatus(err, stdout, stderr)
}

// exitStatus prints err as its kind wants and returns the exit status:
// 0 for none, 2 for a wrong use, 1 for any other.
func exitStatus(err error, stdout, stderr io.Writer) int {
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
		fmt.Fprintf(stderr, "hyeopchi: %s\n\n%s", ue.msg, ue.usage())
		return 2
	default:
		fmt.Fprintf(stderr, "hyeopchi: %s\n", err)
		return 1
	}
}

// dispatch opens the window or runs the command; a wrong use found by the
// command shows that command's usage.
func dispatch(inv invocation, stdout io.Writer) error {
	if inv.run == nil {
		err := runGUI(inv.db)
		if err != nil {
			showFatal(err.Error()) // a window user sees no stderr
		}
		return err
	}
	err := inv.run(inv.db, inv.words[1:], stdout)
	var ue usageError
	if errors.As(err, &ue) && ue.cmd == nil {
		ue.cmd = inv.cmd
		return ue
	}
	return err
}

// noArgs refuses words after a command that takes none.
func noArgs(cmd string, rest []string) error {
	if len(rest) > 0 {
		return usagef("%s 명령은 %q 을(를) 받지 않습니다", cmd, rest[0])
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

// writeJSON writes v as the --json output: indented, HTML left as it is.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
