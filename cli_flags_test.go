package main

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A flag that the command does not take, or that no command takes, is a
// wrong use (exit 2), wherever it stands: the first line of stderr names
// the flag and the command, then comes that command's usage, not every
// command's; nothing is written or created.
func TestFlagsOfOtherCommandsAreRefused(t *testing.T) {
	bin := hyeopchiBin(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	if _, e, code := runBin(t, bin, nil, "init", "--db", db); code != 0 {
		t.Fatalf("init: %d %s", code, e)
	}
	bak := filepath.Join(dir, "b.db")
	fresh := filepath.Join(dir, "new.db")
	good := filepath.Join("testdata", "workbook", "good.xlsx")
	for _, c := range []struct {
		args       []string
		cmd, flag  string
		usageLine  string // the start of the command's own line in the usage
		notCreated string
	}{
		{[]string{"backup", "--year", "2017", "--out", bak, "--db", db}, "backup", "--year", "  backup --out 파일", bak},
		{[]string{"backup", "--year", "2017", "--db", db}, "backup", "--year", "  backup --out 파일", ""},
		{[]string{"--year", "2017", "backup", "--out", bak, "--db", db}, "backup", "--year", "  backup --out 파일", bak},
		{[]string{"backup", "--db", db, "--out", bak, "--json"}, "backup", "--json", "  backup --out 파일", bak},
		{[]string{"list", "plans", "--bogus", "--db", db}, "", "--bogus", "  list 종류 [--year 연도]", ""},
		{[]string{"list", "plans", "--db", db, "--out", bak}, "list", "--out", "  list 종류 [--year 연도]", bak},
		{[]string{"check", "--out", bak, "--db", db}, "check", "--out", "  check  ", bak},
		{[]string{"check", "--db", db, "--json"}, "check", "--json", "  check  ", ""},
		{[]string{"init", "--db", fresh, "--year", "2017"}, "init", "--year", "  init [--empty", fresh},
		{[]string{"restore", bak, "--db", db, "--district", "관악"}, "restore", "--district", "  restore 파일", ""},
		{[]string{"import", good, "--db", db, "--year=2017"}, "import", "--year", "  import [--dry-run]", ""},
		{[]string{"export", "--report", "plans", "--out", bak + ".pdf", "--json", "--db", db}, "export", "--json", "  export --report", bak + ".pdf"},
		{[]string{"template", "--out", bak + ".xlsx", "--dry-run", "--db", db}, "template", "--dry-run", "  template --out", bak + ".xlsx"},
		{[]string{"search", "김성훈", "--verbose", "--db", db}, "search", "--verbose", "  search 찾을말", ""},
		{[]string{"bundle", "--district", "관악", "--year", "2016", "--out", bak + ".zip", "--report", "plans", "--db", db}, "bundle", "--report", "  bundle --district", bak + ".zip"},
	} {
		out, e, code := runBin(t, bin, nil, c.args...)
		if code != 2 || out != "" {
			t.Errorf("%q: exit %d, want 2, and no output (stdout %q)", c.args, code, out)
			continue
		}
		first, rest, _ := strings.Cut(e, "\n")
		if !strings.HasPrefix(first, "hyeopchi: ") || !strings.Contains(first, c.flag) || !strings.Contains(first, "옵션") ||
			(c.cmd != "" && !strings.Contains(first, c.cmd+" 명령은 "+c.flag+" 옵션을 받지 않습니다")) {
			t.Errorf("%q: the first line must name the flag %s (and the command): %q", c.args, c.flag, first)
		}
		if !strings.Contains(rest, "사용법") || !strings.Contains(rest, "\n"+c.usageLine) {
			t.Errorf("%q: stderr lacks the command's usage %q:\n%s", c.args, c.usageLine, e)
		}
		if strings.Count(rest, "\n  ") > 3 {
			t.Errorf("%q: stderr shows other commands' usage:\n%s", c.args, e)
		}
		if c.notCreated != "" {
			if _, err := os.Stat(c.notCreated); err == nil {
				t.Errorf("%q: a refused command line wrote %s", c.args, c.notCreated)
			}
		}
	}
	// The window takes --db only.
	_, e, code := runBin(t, bin, []string{"DISPLAY=", "WAYLAND_DISPLAY="}, "--db", db, "--json")
	if first, _, _ := strings.Cut(e, "\n"); code != 2 || !strings.Contains(first, "--json") || !strings.Contains(e, "사용법") {
		t.Errorf("the window with --json: exit %d, %q", code, e)
	}
}

// Every documented flag of every command still works, before, between and
// after the command's words, as --flag value and as --flag=value.
func TestDocumentedFlagsStillWork(t *testing.T) {
	bin := hyeopchiBin(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	p := func(name string) string { return filepath.Join(dir, name) }
	good := filepath.Join("testdata", "workbook", "good.xlsx")
	for _, c := range []struct {
		args []string
		want string // in stdout
	}{
		{[]string{"init", "--db", db}, "계획 자료"},
		{[]string{"init", "--db", p("empty.db"), "--empty"}, "빈 자료"},
		{[]string{"init", "--synthetic", "1", "--seed", "7", "--db", p("synth.db")}, "1년치 합성 자료"},
		{[]string{"--db", p("empty.db"), "import", "--dry-run", "--verbose", good}, "가져오면"},
		{[]string{"import", "-v", good, "--db=" + p("empty.db")}, "가져왔습니다"},
		{[]string{"list", "plans", "--year", "2016", "--district", "관악", "--json", "--db", db}, `"district": "관악구"`},
		{[]string{"--json", "list", "--year=2016", "platforms", "--db", db}, `"org": "강북마을모임"`},
		{[]string{"list", "budget", "--db", db, "--year", "2017"}, "4,000,270"},
		{[]string{"export", "--report", "district", "--year", "2016", "--district", "관악", "--out", p("d.pdf"), "--db", db}, "쪽)"},
		{[]string{"template", "--out", p("t.xlsx"), "--district", "관악", "--year", "2016", "--db", db}, "양식을 만들었습니다"},
		{[]string{"backup", "--out", p("b.db"), "--db", db}, "백업했습니다"},
		{[]string{"restore", p("b.db"), "--db", p("synth.db")}, "복원했습니다"},
		{[]string{"check", "--db", db}, "점검 완료"},
		{[]string{"search", "김성훈", "--year", "2016", "--district", "강북", "--json", "--db", db}, `"text": "김성훈"`},
		{[]string{"bundle", "--district", "관악", "--year", "2016", "--out", p("a.zip"), "--with-contacts", "--db", db}, "연락처 포함"},
		{[]string{"bundle", "--district", "관악", "--from", "2016", "--to", "2017", "--out", p("b.zip"), "--db", db}, "2016~2017년"},
		{[]string{"bundle", "--verify", p("a.zip")}, "묶음이 온전합니다"},
		{[]string{"--version"}, "hyeopchi "},
		{[]string{"backup", "--help"}, "  bundle --verify 파일.zip"},
		{[]string{"-h"}, "사용법"},
	} {
		out, e, code := runBin(t, bin, nil, c.args...)
		if code != 0 || !strings.Contains(out, c.want) {
			t.Errorf("%q: exit %d, stdout lacks %q:\n%s\n%s", c.args, code, c.want, out, e)
		}
	}
}

// The usage and the flag sets agree: a command's usage names only flags it
// takes, and it takes no undocumented flag but --seed and -v.
func TestEveryCommandsUsageNamesItsOwnFlags(t *testing.T) {
	named := regexp.MustCompile(`--[a-z-]+`)
	undocumented := map[string]bool{"seed": true, "v": true}
	for _, c := range commands {
		fs := newFlagSet()
		c.flags(fs)
		for _, f := range named.FindAllString(c.usage, -1) {
			if fs.Lookup(strings.TrimPrefix(f, "--")) == nil {
				t.Errorf("%s: the usage names %s, which it does not take", c.name, f)
			}
		}
		fs.VisitAll(func(f *flag.Flag) {
			if !undocumented[f.Name] && !strings.Contains(c.usage, "--"+f.Name) {
				t.Errorf("%s takes --%s, which its usage does not name", c.name, f.Name)
			}
		})
		if !strings.Contains(usage, c.usage) || !strings.Contains(c.usageText(), c.usage) {
			t.Errorf("%s: its lines are not in the usage", c.name)
		}
	}
}

// A flag several commands take is of one kind in all, since whether it
// takes a value is read before the command is known.
func TestSharedFlagsAgree(t *testing.T) {
	kinds := map[string]bool{}
	for _, c := range commands {
		fs := newFlagSet()
		new(globals).define(fs)
		c.flags(fs)
		fs.VisitAll(func(f *flag.Flag) {
			b, seen := kinds[f.Name]
			if seen && b != isBoolFlag(f) {
				t.Errorf("--%s takes a value in one command and not in another (%s)", f.Name, c.name)
			}
			kinds[f.Name] = isBoolFlag(f)
		})
	}
}
