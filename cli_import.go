package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"hyeopchi/store/safefile"
	"hyeopchi/store/workbook"
)

// importCommand reads districts' files into the data, all or nothing.
var importCommand = command{
	name: "import",
	usage: "  import [--dry-run] [--verbose] 파일...     자치구 파일 가져오기 (전부 아니면 전무; 경고는 종류별 한 줄,\n" +
		"                                             --verbose 는 경고와 바뀌는 기록을 하나하나)\n",
	flags: func(fs *flag.FlagSet) runFunc {
		var o importOptions
		fs.BoolVar(&o.dryRun, "dry-run", false, "")
		fs.BoolVar(&o.verbose, "verbose", false, "")
		fs.BoolVar(&o.verbose, "v", false, "")
		return func(db string, rest []string, stdout io.Writer) error { return cmdImport(db, o, rest, stdout) }
	},
}

// importOptions are import's flags.
type importOptions struct {
	dryRun  bool // say what would change, change nothing
	verbose bool // every warning and every changed record
}

// importFailed is an import refused for problems already printed.
// run prints its lines to stderr as they are, one per problem
// (FILE:SHEET:ROW:COLUMN: message), and the summary to stdout.
type importFailed struct{ lines []string }

func (e importFailed) Error() string { return strings.Join(e.lines, "\n") }

func (e importFailed) summary() string {
	return fmt.Sprintf("오류 %d건: 아무것도 가져오지 않았습니다", len(e.lines))
}

func cmdImport(db string, o importOptions, rest []string, stdout io.Writer) error {
	if len(rest) == 0 {
		return usagef("import 에는 가져올 파일이 하나 이상 필요합니다")
	}
	files, problems := readImportFiles(rest)
	st, err := openWrite(db)
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

// readImportFiles reads the files named; one that cannot be read is a
// problem line "FILE: why", and the others are still read so that every
// problem is told at once.
func readImportFiles(names []string) (files []workbook.File, problems []string) {
	for _, name := range names {
		data, err := safefile.ReadFile(name, workbook.MaxFileSize)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %s", name, importFileError(name, err)))
			continue
		}
		files = append(files, workbook.File{Name: name, Data: data})
	}
	return files, problems
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
