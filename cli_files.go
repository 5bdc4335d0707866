package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"hyeopchi/reports"
	"hyeopchi/store/workbook"
)

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
		info, err := os.Stat(name)
		switch {
		case err != nil:
			problems = append(problems, fmt.Sprintf("%s: 파일을 열 수 없습니다 (%v)", name, koreanFileError(err)))
			continue
		case info.IsDir():
			problems = append(problems, fmt.Sprintf("%s: 파일이 아니라 폴더입니다", name))
			continue
		case info.Size() > workbook.MaxFileSize:
			problems = append(problems, fmt.Sprintf("%s: 파일이 너무 큽니다 (%.1fMB): %dMB까지 읽습니다", name, float64(info.Size())/(1<<20), workbook.MaxFileSize>>20))
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: 파일을 읽을 수 없습니다 (%v)", name, err))
			continue
		}
		files = append(files, workbook.File{Name: name, Data: data})
	}
	st, err := openStore(o.db)
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
	for _, w := range rep.Warnings {
		fmt.Fprintln(stdout, "경고: "+w.String())
	}
	fmt.Fprintln(stdout, rep.Summary(o.dryRun))
	return nil
}

func koreanFileError(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "없는 파일입니다"
	case errors.Is(err, os.ErrPermission):
		return "읽을 권한이 없습니다"
	}
	return err.Error()
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
	if err := noArgs("template", rest); err != nil {
		return err
	}
	if o.out == "" {
		return usageError{"template 에는 --out 파일.xlsx 가 필요합니다"}
	}
	if !strings.EqualFold(filepath.Ext(o.out), ".xlsx") {
		return usageError{"template 의 --out 은 .xlsx 파일이어야 합니다"}
	}
	st, err := openStore(o.db)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := workbook.WriteTemplateFile(st, o.district, o.year, o.out); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "빈 양식을 만들었습니다: %s\n", o.out)
	return nil
}
