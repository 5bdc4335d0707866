package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"hyeopchi/store/workbook"
)

// templateCommand writes the workbook a district fills in.
var templateCommand = command{
	name:  "template",
	usage: "  template --out 파일.xlsx [--district 자치구 --year 연도]\n",
	flags: func(fs *flag.FlagSet) runFunc {
		var o templateOptions
		fs.StringVar(&o.out, "out", "", "")
		o.scope.define(fs)
		return func(db string, rest []string, stdout io.Writer) error { return cmdTemplate(db, o, rest, stdout) }
	},
}

// templateOptions are template's flags: with a district and a year the
// template is filled with that district's records of the year.
type templateOptions struct {
	out string // .xlsx
	scope
}

func cmdTemplate(db string, o templateOptions, rest []string, stdout io.Writer) error {
	if err := noArgs("template", rest); err != nil {
		return err
	}
	if o.out == "" {
		return usagef("template 에는 --out 파일.xlsx 가 필요합니다")
	}
	if !strings.EqualFold(filepath.Ext(o.out), ".xlsx") {
		return usagef("template 의 --out 은 .xlsx 파일이어야 합니다")
	}
	st, err := openRead(db)
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
