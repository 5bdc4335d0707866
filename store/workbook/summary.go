package workbook

import (
	"fmt"
	"strconv"
	"strings"

	"hyeopchi/store"
)

// WarningGroup is every warning of one kind on one sheet.
type WarningGroup struct {
	Sheet    string
	Kind     string
	Warnings []Problem
}

// Label names the group: "플랫폼 공간 면적 미기재".
func (g WarningGroup) Label() string { return strings.TrimSpace(g.Sheet + " " + g.Kind) }

// warningKind is a warning's kind, or its message where it has none.
func warningKind(p Problem) string {
	if p.Kind != "" {
		return p.Kind
	}
	return p.Message
}

// WarningGroups groups the warnings by sheet and kind, in order of first
// appearance.
func (r ImportReport) WarningGroups() []WarningGroup {
	var out []WarningGroup
	at := map[[2]string]int{}
	for _, w := range r.Warnings {
		k := [2]string{w.Sheet, warningKind(w)}
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			out = append(out, WarningGroup{Sheet: w.Sheet, Kind: warningKind(w)})
		}
		out[i].Warnings = append(out[i].Warnings, w)
	}
	return out
}

// firstRows says where a group's first warnings are: "플랫폼:2, 8, 17 …"
// (the file named too when the import has several).
func (g WarningGroup) firstRows(files int, n int) string {
	var b strings.Builder
	last := ""
	for i, w := range g.Warnings {
		if i == n {
			b.WriteString(" …")
			break
		}
		where := w.Sheet
		if files > 1 {
			where = w.File + " " + w.Sheet
		}
		switch {
		case where != last && i > 0:
			b.WriteString("; " + where + ":")
		case where != last:
			b.WriteString(where + ":")
		default:
			b.WriteString(", ")
		}
		last = where
		if w.Row > 0 {
			b.WriteString(strconv.Itoa(w.Row))
		} else {
			b.WriteString("전체")
		}
	}
	return b.String()
}

// WarningLines are the warnings for the command line: one line per kind
// with its count and first rows, or with verbose every warning on its own
// line. Main plans overdue in earlier years get one line in either case.
func (r ImportReport) WarningLines(verbose bool) []string {
	var out []string
	if verbose {
		for _, w := range r.Warnings {
			out = append(out, "경고: "+w.String())
		}
	} else {
		for _, g := range r.WarningGroups() {
			out = append(out, fmt.Sprintf("경고 %d건: %s (%s)", len(g.Warnings), g.Label(), g.firstRows(len(r.Files), 3)))
		}
	}
	if line := store.OldDeadlineLine(r.Result.OldOverdue); line != "" {
		out = append(out, line)
	}
	return out
}

// maxChangeLines is how many changed records an import lists before it
// counts the rest; a dry run lists them all.
const maxChangeLines = 10

// ChangeLines say what the import changes, record by record with field:
// before → after. New records are counted per kind unless verbose; a
// dry run (all) lists every changed record, an import the first ten.
func (r ImportReport) ChangeLines(all, verbose bool) []string {
	var out []string
	type count struct{ add, change, same int }
	counts := map[string]*count{}
	var kinds []string
	changed := 0
	for _, c := range r.Result.Changes {
		n := counts[c.Kind]
		if n == nil {
			n = &count{}
			counts[c.Kind] = n
			kinds = append(kinds, c.Kind)
		}
		switch c.Action {
		case store.ActionAdd:
			n.add++
			if verbose {
				out = append(out, c.String())
			}
		case store.ActionChange:
			n.change++
			changed++
			if all || verbose || changed <= maxChangeLines {
				out = append(out, c.String())
			}
		default:
			n.same++
		}
	}
	if changed > maxChangeLines && !all && !verbose {
		out = append(out, fmt.Sprintf("… 수정 %d건 더 (--verbose 로 모두 보기)", changed-maxChangeLines))
	}
	for _, k := range kinds {
		n := counts[k]
		out = append(out, fmt.Sprintf("%s: 추가 %d건, 수정 %d건, 변경 없음 %d건", k, n.add, n.change, n.same))
	}
	return out
}
