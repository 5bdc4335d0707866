package main

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"hyeopchi/reports"
)

// exportCommand writes a report as PDF or xlsx.
var exportCommand = command{
	name: "export",
	usage: "  export --report 종류 [--year 연도] [--district 자치구] --out 파일.pdf|파일.xlsx\n" +
		"       종류: plans platforms school budget district annual\n",
	flags: func(fs *flag.FlagSet) runFunc {
		var o exportOptions
		fs.StringVar(&o.report, "report", "", "")
		o.scope.define(fs)
		fs.StringVar(&o.out, "out", "", "")
		return func(db string, rest []string, stdout io.Writer) error { return cmdExport(db, o, rest, stdout) }
	},
}

// exportOptions are export's flags.
type exportOptions struct {
	report string // one of reports.Kinds
	scope
	out string // .pdf or .xlsx
}

func cmdExport(db string, o exportOptions, rest []string, stdout io.Writer) error {
	if err := noArgs("export", rest); err != nil {
		return err
	}
	if o.report == "" || o.out == "" {
		return usagef("export 에는 --report 종류 와 --out 파일 이 필요합니다")
	}
	if !slices.Contains(reports.Kinds, o.report) {
		return usagef("알 수 없는 보고서 종류: %s (%s)", o.report, strings.Join(reports.Kinds, ", "))
	}
	if o.report == reports.KindDistrict && o.district == "" {
		return usagef("district 보고서에는 --district 자치구 가 필요합니다")
	}
	st, err := openRead(db)
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
