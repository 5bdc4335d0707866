package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"hyeopchi/store/bundle"
)

// bundleCommand writes a district's audit bundle, or verifies one.
var bundleCommand = command{
	name: "bundle",
	usage: "  bundle --district 자치구 [--year 연도 | --from 연도 --to 연도] --out 파일.zip [--with-contacts]\n" +
		"                                             자치구 감사 묶음: 보고서·자료·원본·변경기록과 목록\n" +
		"  bundle --verify 파일.zip                   묶음의 모든 파일을 목록의 SHA-256과 대조\n",
	flags: func(fs *flag.FlagSet) runFunc {
		var o bundleOptions
		o.scope.define(fs)
		fs.IntVar(&o.from, "from", 0, "")
		fs.IntVar(&o.to, "to", 0, "")
		fs.StringVar(&o.out, "out", "", "")
		fs.BoolVar(&o.withContacts, "with-contacts", false, "")
		fs.StringVar(&o.verify, "verify", "", "")
		return func(db string, rest []string, stdout io.Writer) error { return cmdBundle(db, o, rest, stdout) }
	},
}

// bundleOptions are bundle's flags.
type bundleOptions struct {
	scope            // the district, and one year (or from/to)
	from, to     int // a span of years instead of one
	out          string
	withContacts bool
	verify       string // a bundle to verify instead of making one
}

// bundleFailed is a bundle that differs from its manifest: run prints
// each problem to stderr and exits 1.
type bundleFailed struct{ lines []string }

func (e bundleFailed) Error() string { return strings.Join(e.lines, "\n") }

func cmdBundle(db string, o bundleOptions, rest []string, stdout io.Writer) error {
	if err := noArgs("bundle", rest); err != nil {
		return err
	}
	if o.verify != "" {
		return bundleVerify(o, stdout)
	}
	if o.district == "" || o.out == "" {
		return usagef("bundle 에는 --district 자치구 와 --out 파일.zip 이 필요합니다 (검사는 bundle --verify 파일.zip)")
	}
	if !strings.HasSuffix(strings.ToLower(o.out), ".zip") {
		return usagef("bundle 의 --out 은 .zip 파일이어야 합니다")
	}
	from, to, err := bundleYears(o)
	if err != nil {
		return err
	}
	st, err := openRead(db)
	if err != nil {
		return err
	}
	defer st.Close()
	res, err := bundle.WriteFile(st, bundle.Options{District: o.district, From: from, To: to, WithContacts: o.withContacts}, o.out)
	if err != nil {
		return err
	}
	period := fmt.Sprintf("%d년", res.From)
	if res.To != res.From {
		period = fmt.Sprintf("%d~%d년", res.From, res.To)
	}
	contacts := "연락처 가림"
	if o.withContacts {
		contacts = "연락처 포함"
	}
	fmt.Fprintf(stdout, "%s %s 감사 묶음을 만들었습니다: %s (파일 %d개, %s, %s)\n", o.district, period, o.out,
		res.Files+1, humanSize(res.Bytes), contacts)
	for _, m := range res.Missing {
		fmt.Fprintln(stdout, "경고: 빠진 원본: "+m)
	}
	return nil
}

// bundleVerify checks every file of the bundle o.verify against its
// manifest; --verify takes no other option.
func bundleVerify(o bundleOptions, stdout io.Writer) error {
	if o.district != "" || o.out != "" || o.year != 0 || o.from != 0 || o.to != 0 || o.withContacts {
		return usagef("bundle --verify 파일.zip 은 다른 옵션과 함께 쓸 수 없습니다")
	}
	c, err := bundle.Verify(o.verify)
	if err != nil {
		return err
	}
	if !c.OK() {
		lines := []string{fmt.Sprintf("묶음이 목록과 다릅니다: %s (파일 %d개 중 문제 %d건)", o.verify, c.Files, len(c.Problems))}
		for _, p := range c.Problems {
			lines = append(lines, o.verify+": "+p)
		}
		return bundleFailed{lines}
	}
	fmt.Fprintln(stdout, c.Summary(o.verify))
	return nil
}

// bundleYears are the first and last year of the bundle: --year, or
// --from and --to together (none: every year).
func bundleYears(o bundleOptions) (from, to int, err error) {
	from, to = o.from, o.to
	switch {
	case o.year != 0 && (o.from != 0 || o.to != 0):
		return 0, 0, usagef("--year 와 --from/--to 는 함께 쓸 수 없습니다")
	case o.year != 0:
		from, to = o.year, o.year
	case (o.from == 0) != (o.to == 0):
		return 0, 0, usagef("--from 과 --to 는 함께 써야 합니다 (예: --from 2016 --to 2018)")
	case from > to:
		return 0, 0, usagef("--from %d 이(가) --to %d 보다 늦습니다", from, to)
	}
	return from, to, nil
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1fMB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0fKB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d바이트", n)
}
