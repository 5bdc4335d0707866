package workbook

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"hyeopchi/store"
)

// File is a file to import: the name the coordinator knows it by (as typed
// on the command line, or the path picked in the window) and its bytes.
type File struct {
	Name string
	Data []byte
}

// FileReport is what reading one file found.
type FileReport struct {
	File     File
	Parsed   *Parsed
	Problems []Problem // format problems, then rule problems placed at their cells
}

// ImportReport is the outcome of one import of one or more files.
type ImportReport struct {
	Files    []FileReport
	Result   store.ImportResult
	Applied  bool        // the records were written
	Problems []Problem   // every error, in file order
	Warnings []Problem   // rule warnings: they do not block
	Known    []KnownFile // files imported before: recognised by their sha256, not read
	Empty    []string    // files with no data rows: not received
}

// emptyFile is what a file with a header and no rows gets.
const emptyFile = "가져올 자료가 없습니다: 머리글 아래에 자료 행이 하나도 없어 접수하지 않았습니다"

// KnownFile is a file imported before, by the name given now.
type KnownFile struct {
	Name     string
	Received store.Date
}

// OK reports whether the files had no errors.
func (r ImportReport) OK() bool { return len(r.Problems) == 0 }

// ImportFiles reads every file, checks every record with the programme's
// rules (the same ones the forms use), and imports them all in one
// transaction, or none of them if any file has any error. With dryRun it
// only checks and reports what would change.
func ImportFiles(st *store.Store, files []File, dryRun bool) (ImportReport, error) {
	in := &intake{seen: map[string]string{}}
	// A file imported before is known by its sha256 before it is read.
	data := make([][]byte, len(files))
	for i, f := range files {
		data[i] = f.Data
	}
	before, err := st.ImportedBefore(data)
	if err != nil {
		return in.rep, err
	}
	for i, f := range files {
		in.file(f, before[i])
	}
	if len(in.rep.Problems) > 0 || len(in.batch.Files) == 0 {
		return in.rep, nil
	}
	// One call checks and, unless dryRun, writes; any rule error writes nothing.
	res, err := st.Import(in.batch, dryRun)
	if err != nil {
		return in.rep, err
	}
	res.Known = append(in.rep.Result.Known, res.Known...)
	in.place(res.Problems)
	rep := in.rep
	sortProblems(rep.Problems)
	sortProblems(rep.Warnings)
	rep.Result = res
	rep.Applied = !dryRun && len(rep.Problems) == 0 && (res.Added+res.Changed > 0 || len(res.Submissions) > 0)
	return rep, nil
}

// intake is what ImportFiles has gathered so far: the report, the batch
// for the store, and where each of the batch's records came from (in batch
// order), so that the store's problems can be placed at their cells.
type intake struct {
	rep    ImportReport
	batch  store.ImportBatch
	planAt []Origin
	platAt []PlatformRow
	sessAt []Origin
	seen   map[string]string // sha256 -> the name the file was first given by
	size   int64             // what the files so far add to the data file
}

// file takes one file: a second copy in this import is a warning, a file
// imported before is known, a file with no rows is not received; any other
// is read, its problems reported and its records added to the batch.
// known is the file's earlier receipt, or nil.
func (in *intake) file(f File, known *store.Submission) {
	sum := sha256.Sum256(f.Data)
	if first, dup := in.seen[string(sum[:])]; dup {
		// the same file twice in one import is read once
		in.rep.Warnings = append(in.rep.Warnings, Problem{File: f.Name, Message: fmt.Sprintf("%s 와(과) 같은 파일입니다: 한 번만 가져옵니다", baseName(first))})
		return
	}
	in.seen[string(sum[:])] = f.Name
	if known != nil {
		in.rep.Known = append(in.rep.Known, KnownFile{Name: baseName(f.Name), Received: known.Received})
		in.rep.Result.Known = append(in.rep.Result.Known, baseName(f.Name))
		return
	}
	parsed, ps := Read(f.Name, f.Data)
	for i := range ps {
		ps[i].File = f.Name
	}
	if len(ps) == 0 && len(parsed.Plans)+len(parsed.Platforms)+len(parsed.Sessions) == 0 {
		// Nothing to import and nobody's file: it is not received (a
		// receipt would name no district and no year).
		in.rep.Empty = append(in.rep.Empty, baseName(f.Name))
		in.rep.Warnings = append(in.rep.Warnings, Problem{File: f.Name, Message: emptyFile})
		in.rep.Files = append(in.rep.Files, FileReport{File: f, Parsed: parsed})
		return
	}
	if in.size += recordBytes(f, parsed); in.size > MaxImportSize && len(ps) == 0 {
		ps = append(ps, Problem{File: f.Name, Message: fmt.Sprintf(
			"한 번에 가져오는 자료가 너무 큽니다 (이 파일까지 %s): 한 번에 %s까지 가져옵니다. 파일을 나눠 가져오세요",
			sizeText(in.size), sizeText(MaxImportSize))})
	}
	in.rep.Files = append(in.rep.Files, FileReport{File: f, Parsed: parsed, Problems: ps})
	in.rep.Problems = append(in.rep.Problems, ps...)
	in.batch.Files = append(in.batch.Files, store.ImportFile{Name: baseName(f.Name), Data: f.Data,
		Kinds: parsed.Kinds, Districts: parsed.Districts, Years: parsed.Years})
	in.add(f.Name, parsed)
}

// add puts a file's records in the batch and keeps where each came from,
// under the name the file was given by.
func (in *intake) add(name string, parsed *Parsed) {
	for _, r := range parsed.Plans {
		o := r.Origin
		o.File = name
		in.batch.Plans = append(in.batch.Plans, r.Plan)
		in.planAt = append(in.planAt, o)
	}
	for _, r := range parsed.Platforms {
		r.Origin.File = name
		members := make([]Origin, len(r.Members))
		for i, m := range r.Members {
			m.File = name
			members[i] = m
		}
		r.Members = members
		in.batch.Platforms = append(in.batch.Platforms, r.Platform)
		in.platAt = append(in.platAt, r)
	}
	for _, r := range parsed.Sessions {
		o := r.Origin
		o.File = name
		in.batch.Sessions = append(in.batch.Sessions, r.Session)
		in.sessAt = append(in.sessAt, o)
	}
}

// place puts each of the store's rule problems at the cell its record and
// field came from, among the warnings or the errors.
func (in *intake) place(problems []store.RecordProblem) {
	for _, p := range problems {
		var at Problem
		switch p.Kind {
		case "plan":
			at = in.planAt[p.Index].Problem(p.Field, p.Message)
		case "platform":
			at = memberProblem(in.platAt[p.Index], p.Field, p.Message)
		case "session":
			at = in.sessAt[p.Index].Problem(p.Field, p.Message)
		}
		at.Kind = p.Problem.Kind
		if p.Warning {
			in.rep.Warnings = append(in.rep.Warnings, at)
		} else {
			in.rep.Problems = append(in.rep.Problems, at)
		}
	}
}

// MaxImportSize caps what one import may add to the data file: the files
// kept as received and their records as stored (each also in the change
// log).
const MaxImportSize = 64 << 20

// recordBytes is about what a file adds to the data file.
func recordBytes(f File, p *Parsed) int64 {
	n := int64(len(f.Data))
	for _, r := range p.Plans {
		b, _ := json.Marshal(r.Plan)
		n += 2 * int64(len(b))
	}
	for _, r := range p.Platforms {
		b, _ := json.Marshal(r.Platform)
		n += 2 * int64(len(b))
	}
	for _, r := range p.Sessions {
		b, _ := json.Marshal(r.Session)
		n += 2 * int64(len(b))
	}
	return n
}

var memberField = regexp.MustCompile(`^members\[(\d+)\](?:\.(\w+))?$`)

// memberProblem places a consortium problem: "members[2].rep" at that
// member's cell, "members" at the first member's row, else the platform's.
func memberProblem(r PlatformRow, field, msg string) Problem {
	if m := memberField.FindStringSubmatch(field); m != nil {
		i, _ := strconv.Atoi(m[1])
		if i < len(r.Members) {
			return r.Members[i].Problem(m[2], msg)
		}
	}
	if field == "members" && len(r.Members) > 0 {
		return r.Members[0].Problem("role", msg)
	}
	return r.Origin.Problem(field, msg)
}

func sortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].File != ps[j].File {
			return false // keep file order
		}
		if ps[i].Sheet != ps[j].Sheet {
			return ps[i].Sheet < ps[j].Sheet
		}
		return ps[i].Row < ps[j].Row
	})
}

// Summary says in one Korean line what an import did or would do.
func (r ImportReport) Summary(dryRun bool) string {
	res := r.Result
	counts := fmt.Sprintf("추가 %d건, 수정 %d건, 변경 없음 %d건", res.Added, res.Changed, res.Unchanged)
	known := ""
	if len(r.Known) > 0 {
		var names []string
		for _, k := range r.Known {
			names = append(names, fmt.Sprintf("%s, %s 접수", k.Name, k.Received))
		}
		known = "이미 가져온 파일입니다 (" + strings.Join(names, "; ") + ")"
	}
	switch {
	case !r.OK():
		return fmt.Sprintf("오류 %d건: 아무것도 가져오지 않았습니다", len(r.Problems))
	case len(r.Files) == 0 && len(r.Known) > 0:
		return "변경 없음: " + known
	case len(r.Empty) > 0 && len(r.Empty) == len(r.Files) && len(r.Known) == 0:
		return "변경 없음: " + emptyFile + " (" + strings.Join(r.Empty, ", ") + ")"
	case dryRun:
		s := "오류 없음. 가져오면 " + counts
		if known != "" {
			s += "; " + known
		}
		return s
	case res.Added+res.Changed == 0:
		if known != "" {
			return "변경 없음: " + known
		}
		if len(res.Known) > 0 {
			return "변경 없음: 이미 가져온 파일입니다 (" + strings.Join(res.Known, ", ") + ")"
		}
		return "변경 없음: 데이터에 이미 같은 내용이 있습니다"
	default:
		s := "가져왔습니다: " + counts
		if known != "" {
			s += "; 건너뜀: " + known
		}
		return s
	}
}

// RequestText is the 보완 요청: the list of problems as a short text to
// paste into a reply e-mail to the district.
func RequestText(district string, problems []Problem) string {
	var b strings.Builder
	if district == "" {
		district = "자치구"
	}
	fmt.Fprintf(&b, "%s 담당자님께,\n\n보내 주신 파일에서 아래 %d건을 확인했습니다. 고쳐서 다시 보내 주시기 바랍니다.\n\n", district, len(problems))
	for i, p := range problems {
		loc := p.Sheet
		if p.Row > 0 {
			loc += fmt.Sprintf(" %d행", p.Row)
		}
		if p.Column != "" {
			loc += " " + p.Column + " 열"
		}
		fmt.Fprintf(&b, "%d. [%s] %s: %s\n", i+1, baseName(p.File), strings.TrimSpace(loc), p.Message)
	}
	b.WriteString("\n협치서울사무국(지역공동체담당관) 드림\n")
	return b.String()
}
