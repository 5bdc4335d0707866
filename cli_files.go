package main

import (
	"fmt"
	"io"
	"strings"

	"hyeopchi/reports"
)

func cmdImport(o opts, rest []string, stdout io.Writer) error {
	return fmt.Errorf("가져오기는 아직 준비 중입니다")
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
	st, err := openStore(o.db)
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
	return fmt.Errorf("양식 만들기는 아직 준비 중입니다")
}
