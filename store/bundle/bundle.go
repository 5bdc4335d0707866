// Package bundle makes a district's audit bundle (감사 묶음): one zip with
// the district's reports for each year of a range, every record of the
// district in that range as a workbook, the files it sent byte for byte,
// the audit entries of its records and a manifest of SHA-256 sums. The
// same data gives the same bytes, and Verify re-checks a bundle against its
// manifest.
package bundle

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"hyeopchi/reports"
	"hyeopchi/store"
	"hyeopchi/store/safefile"
)

// Version is the program's version (FyneApp.toml's Version).
const Version = "0.1.0"

// ManifestName is the manifest's name inside the zip.
const ManifestName = "목록.txt"

// Options say what to put in a bundle.
type Options struct {
	District string
	// From and To are the range of programme years, both included; zero
	// for both means every year the district has a record of.
	From, To int
	// WithContacts writes contacts as entered; else they are masked.
	WithContacts bool
	// Progress, when set, hears of each file as it is made.
	Progress func(done, total int, name string)
}

// Result is what a bundle holds.
type Result struct {
	From, To int
	Files    int
	Bytes    int64
	// Missing names received files whose bytes the data file lacks.
	Missing []string
	Counts  Counts
}

// Counts are the district's records in the range.
type Counts struct {
	Plans, Platforms, Sessions, Submissions, Audit int
}

// entry is one file of the bundle, made when its turn comes.
type entry struct {
	name string
	make func() ([]byte, error)
}

// scope is the district's records in the range: nothing else reaches a
// bundle.
type scope struct {
	opt       Options
	district  store.District
	plans     []store.Plan
	platforms []store.Platform
	sessions  []store.Session
	courses   []store.Course
	subs      []store.Submission
	shared    []store.Submission // files naming this and other districts: left out
	audit     []store.AuditEntry
	settings  store.Settings
	made      time.Time
	identity  store.FileIdentity
}

func (sc *scope) inRange(year int) bool { return year >= sc.opt.From && year <= sc.opt.To }

// Make writes the bundle for opt to w.
func Make(st *store.Store, opt Options, w io.Writer) (Result, error) {
	sc, err := collect(st, opt)
	if err != nil {
		return Result{}, err
	}
	res := Result{From: sc.opt.From, To: sc.opt.To, Counts: Counts{len(sc.plans), len(sc.platforms),
		len(sc.sessions), len(sc.subs), len(sc.audit)}}
	entries := sc.entries(st, &res)
	sort.Slice(entries, func(i, j int) bool { return entries[i].name < entries[j].name })

	zw := zip.NewWriter(w)
	var list strings.Builder
	total := len(entries) + 1
	for i, e := range entries {
		if opt.Progress != nil {
			opt.Progress(i, total, e.name)
		}
		data, err := e.make()
		if err != nil {
			return res, fmt.Errorf("%s: %w", e.name, err)
		}
		if err := sc.add(zw, e.name, data); err != nil {
			return res, err
		}
		sum := sha256.Sum256(data)
		fmt.Fprintf(&list, "%s  %d  %s\n", hex.EncodeToString(sum[:]), len(data), e.name)
		res.Files++
		res.Bytes += int64(len(data))
	}
	if opt.Progress != nil {
		opt.Progress(len(entries), total, ManifestName)
	}
	if err := sc.add(zw, ManifestName, []byte(sc.manifest(res, list.String()))); err != nil {
		return res, err
	}
	if opt.Progress != nil {
		opt.Progress(total, total, "")
	}
	return res, zw.Close()
}

// WriteFile makes the bundle at path through a temporary file beside it,
// so that a failure never leaves half a zip.
func WriteFile(st *store.Store, opt Options, path string) (Result, error) {
	var buf bytes.Buffer
	res, err := Make(st, opt, &buf)
	if err != nil {
		return res, err
	}
	if err := safefile.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return res, err
	}
	if st.ReadOnly() {
		return res, nil // the register is in the file, which may not be written
	}
	// the export register lists the bundle like any report saved
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	sum := sha256.Sum256(buf.Bytes())
	return res, st.RecordExport(store.ExportEntry{Report: RegisterName, Year: res.From, District: opt.District,
		Format: "zip", Path: path, SHA256: hex.EncodeToString(sum[:]), When: time.Now()})
}

// RegisterName is how the export register names a bundle.
const RegisterName = "감사 묶음"

// add writes one file with the bundle's fixed time.
func (sc *scope) add(zw *zip.Writer, name string, data []byte) error {
	fw, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: sc.made})
	if err != nil {
		return err
	}
	_, err = fw.Write(data)
	return err
}

// collect reads the district's records in the range, in one read of each
// kind, and fixes the range and the bundle's time.
func collect(st *store.Store, opt Options) (*scope, error) {
	d, ok := store.NormalizeDistrict(opt.District)
	if !ok {
		return nil, fmt.Errorf("%q 은(는) 서울시 자치구가 아닙니다", opt.District)
	}
	opt.District = d
	if (opt.From == 0) != (opt.To == 0) || opt.From > opt.To {
		return nil, fmt.Errorf("기간이 맞지 않습니다: %d ~ %d (시작 연도가 끝 연도보다 늦을 수 없습니다)", opt.From, opt.To)
	}
	data, audit, id, err := readAll(st)
	if err != nil {
		return nil, err
	}
	sc := &scope{opt: opt, settings: data.Settings, identity: id, district: store.District{Name: d}}
	for _, x := range data.Districts {
		if x.Name == d {
			sc.district = x
		}
	}
	if opt.From == 0 {
		sc.opt.From, sc.opt.To = districtYears(data, d)
		if sc.opt.From == 0 {
			return nil, fmt.Errorf("%s 의 기록이 없습니다: 묶을 것이 없습니다", d)
		}
	}
	if sc.opt.To-sc.opt.From > 50 {
		return nil, fmt.Errorf("기간이 너무 깁니다: %d ~ %d (50년까지)", sc.opt.From, sc.opt.To)
	}
	sc.takeRecords(data)
	sc.takeAudit(audit)
	// The bundle's time is the data's last change: the same data gives the
	// same bundle, and the documents are dated by the state they show.
	sc.made = id.LastChange.UTC().Truncate(time.Second)
	if sc.made.IsZero() {
		sc.made = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return sc, nil
}

// districtYears are the first and last years district d has a record of
// (plan, consortium, session or received file); 0, 0 for none.
func districtYears(data store.ReportData, d string) (from, to int) {
	years := map[int]bool{}
	for _, p := range data.Plans {
		years[p.Year] = years[p.Year] || p.District == d
	}
	for _, p := range data.Platforms {
		years[p.Year] = years[p.Year] || p.District == d
	}
	for _, x := range data.Sessions {
		years[x.Year] = years[x.Year] || x.District == d
	}
	for _, x := range data.Submissions {
		years[subYear(x)] = years[subYear(x)] || x.District == d
	}
	for y, ok := range years {
		if ok && y != 0 && (from == 0 || y < from) {
			from = y
		}
		if ok && y > to {
			to = y
		}
	}
	return from, to
}

// takeRecords keeps the district's records of the range, the range's
// courses, and apart the files it shares with other districts.
func (sc *scope) takeRecords(data store.ReportData) {
	d := sc.opt.District
	for _, p := range data.Plans {
		if p.District == d && sc.inRange(p.Year) {
			sc.plans = append(sc.plans, p)
		}
	}
	for _, p := range data.Platforms {
		if p.District == d && sc.inRange(p.Year) {
			sc.platforms = append(sc.platforms, p)
		}
	}
	for _, x := range data.Sessions {
		if x.District == d && sc.inRange(x.Year) {
			sc.sessions = append(sc.sessions, x)
		}
	}
	for _, c := range data.Courses {
		if sc.inRange(c.Year) {
			sc.courses = append(sc.courses, c)
		}
	}
	for _, x := range data.Submissions {
		// a file naming several districts is theirs together, not this one's
		switch {
		case !sc.inRange(subYear(x)):
		case x.District == d:
			sc.subs = append(sc.subs, x)
		case containsDistrict(x.District, d):
			sc.shared = append(sc.shared, x)
		}
	}
	sort.SliceStable(sc.subs, func(i, j int) bool { return sc.subs[i].ID < sc.subs[j].ID })
}

// takeAudit keeps the audit entries of the district's records in the
// range, oldest first (audit is newest first).
func (sc *scope) takeAudit(audit []store.AuditEntry) {
	for i := len(audit) - 1; i >= 0; i-- { // oldest first
		e := audit[i]
		year, district := store.AuditScope(e)
		if year == 0 {
			year = e.When.Year()
		}
		if district == sc.opt.District && sc.inRange(year) {
			sc.audit = append(sc.audit, e)
		}
	}
}

// readAll reads the records, the audit log and the file's identity; a
// change saved meanwhile (the window stays usable) makes it read again, so
// that all three are of one state.
func readAll(st *store.Store) (store.ReportData, []store.AuditEntry, store.FileIdentity, error) {
	for try := 0; ; try++ {
		before, err := st.Identity()
		if err != nil {
			return store.ReportData{}, nil, before, err
		}
		data, err := st.ReportData()
		if err != nil {
			return data, nil, before, err
		}
		audit, err := st.Audit(store.AuditFilter{WithContacts: true}) // masked below unless asked
		if err != nil {
			return data, nil, before, err
		}
		after, err := st.Identity()
		if err != nil {
			return data, nil, after, err
		}
		if after.LastSeq == before.LastSeq || try == 4 {
			return data, audit, after, nil
		}
	}
}

// containsDistrict reports whether a submission's districts ("관악구,동작구") name d.
func containsDistrict(list, d string) bool {
	for _, x := range strings.Split(list, ",") {
		if strings.TrimSpace(x) == d {
			return true
		}
	}
	return false
}

// subYear is a submission's programme year, or the year it was received
// when its year could not be read.
func subYear(x store.Submission) int {
	if x.Year != 0 {
		return x.Year
	}
	return x.Received.Year()
}

// input is what the reports see: the district's records in the range only.
func (sc *scope) input(year int) reports.Input {
	d := store.Dataset{Settings: sc.settings, Districts: []store.District{sc.district}, Plans: sc.plans,
		Platforms: sc.platforms, Courses: sc.courses, Sessions: sc.sessions}
	in := reports.FromDataset(d, sc.subs, nil, year, sc.opt.District, sc.made)
	return in
}

func (sc *scope) entries(st *store.Store, res *Result) []entry {
	var es []entry
	for y := sc.opt.From; y <= sc.opt.To; y++ {
		in := sc.input(y)
		// the profile every year; a programme's report where the year has its records
		kinds := []string{reports.KindDistrict}
		plans, platforms, sessions := sc.kindsOf(y)
		if plans {
			kinds = append(kinds, reports.KindPlans)
		}
		if platforms {
			kinds = append(kinds, reports.KindPlatforms)
		}
		if sessions {
			kinds = append(kinds, reports.KindSchool)
		}
		for _, k := range kinds {
			k := k
			es = append(es, entry{name: "보고서/" + reports.FileName(k, in, "pdf"), make: func() ([]byte, error) {
				var buf bytes.Buffer
				_, err := reports.PDF(k, in, &buf)
				return buf.Bytes(), err
			}})
		}
	}
	es = append(es, entry{name: fmt.Sprintf("자료/%s_%s_기록.xlsx", sc.opt.District, sc.rangeName()), make: sc.workbook})
	es = append(es, entry{name: "변경기록.csv", make: sc.auditCSV})
	used := map[string]bool{}
	for _, x := range sc.subs {
		x := x
		name := "원본/" + originalName(x)
		for n := 2; used[name]; n++ {
			name = fmt.Sprintf("원본/%04d_%d_%s", x.ID, n, baseName(x.FileName))
		}
		used[name] = true
		if _, err := st.FileData(x.SHA256); errors.Is(err, store.ErrNotFound) {
			res.Missing = append(res.Missing, fmt.Sprintf("접수 %d %s (sha256 %s): 데이터 파일에 원본이 없습니다", x.ID, x.FileName, x.SHA256))
			continue
		}
		es = append(es, entry{name: name, make: func() ([]byte, error) {
			data, err := st.FileData(x.SHA256)
			if err != nil {
				return nil, fmt.Errorf("접수 %d %s 의 원본을 읽을 수 없습니다: %w", x.ID, x.FileName, err)
			}
			if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != x.SHA256 {
				return nil, fmt.Errorf("접수 %d %s 의 원본이 접수할 때와 다릅니다 (sha256)", x.ID, x.FileName)
			}
			return data, nil
		}})
	}
	return es
}

// kindsOf says which of the district's records a year has.
func (sc *scope) kindsOf(year int) (plans, platforms, sessions bool) {
	for _, p := range sc.plans {
		plans = plans || p.Year == year
	}
	for _, p := range sc.platforms {
		platforms = platforms || p.Year == year
	}
	for _, x := range sc.sessions {
		sessions = sessions || x.Year == year
	}
	return
}

func (sc *scope) rangeName() string {
	if sc.opt.From == sc.opt.To {
		return fmt.Sprint(sc.opt.From)
	}
	return fmt.Sprintf("%d-%d", sc.opt.From, sc.opt.To)
}

// originalName is a received file's name in the bundle: its receipt
// number, then the name it came under.
func originalName(x store.Submission) string {
	return fmt.Sprintf("%04d_%s", x.ID, baseName(x.FileName))
}

// baseName is the last part of a file name written on any system, safe
// as a zip entry name.
func baseName(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || strings.ContainsRune(`:*?"<>|`, r) {
			return '_'
		}
		return r
	}, name)
	if name == "" || name == "." || name == ".." {
		name = "이름없음"
	}
	return name
}

func (sc *scope) manifest(res Result, list string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "자치구 감사 묶음\n\n")
	fmt.Fprintf(&b, "자치구: %s\n", sc.opt.District)
	if sc.opt.From == sc.opt.To {
		fmt.Fprintf(&b, "기간: %d년\n", sc.opt.From)
	} else {
		fmt.Fprintf(&b, "기간: %d년 ~ %d년\n", sc.opt.From, sc.opt.To)
	}
	if sc.opt.WithContacts {
		fmt.Fprintf(&b, "연락처: 입력한 그대로 (--with-contacts; 자료와 변경기록.csv에. 보고서 PDF는 늘 가림)\n")
	} else {
		fmt.Fprintf(&b, "연락처: 가림 (010-****-1234처럼)\n")
	}
	id := sc.identity
	created := "미기재"
	if !id.Created.IsZero() {
		created = id.Created.Format("2006-01-02 15:04:05")
	}
	last := "없음"
	if id.LastSeq > 0 {
		last = fmt.Sprintf("%d번 (%s)", id.LastSeq, id.LastChange.Format("2006-01-02 15:04:05"))
	}
	fmt.Fprintf(&b, "데이터 파일: %s (만든 때 %s, 스키마 %d, 마지막 변경 기록 %s)\n", filepath.Base(id.Path), created, id.Schema, last)
	fmt.Fprintf(&b, "프로그램: 협치 사무국 %s\n", programVersion())
	fmt.Fprintf(&b, "만든 시각: %s (자료의 마지막 변경 시각: 같은 자료는 같은 묶음)\n", sc.made.In(time.Local).Format("2006-01-02 15:04:05"))
	c := res.Counts
	fmt.Fprintf(&b, "기록: 혁신계획 %d건, 시민협력플랫폼 %d건, 교육회차 %d건, 접수 %d건, 변경 기록 %d건\n",
		c.Plans, c.Platforms, c.Sessions, c.Submissions, c.Audit)
	for _, m := range res.Missing {
		fmt.Fprintf(&b, "빠진 원본: %s\n", m)
	}
	if len(sc.shared) > 0 {
		var ids []string
		for _, x := range sc.shared {
			ids = append(ids, fmt.Sprint(x.ID))
		}
		fmt.Fprintf(&b, "넣지 않은 원본: 다른 자치구와 함께 담긴 파일 %d건 (접수번호 %s)\n", len(sc.shared), strings.Join(ids, ", "))
	}
	fmt.Fprintf(&b, "\n파일 %d개 (SHA-256, 바이트, 이름)\n", res.Files)
	b.WriteString(list)
	return b.String()
}

// programVersion is Version and, when the build knows it, its commit.
func programVersion() string {
	v := Version
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 7 {
				v += " (" + s.Value[:7] + ")"
			}
		}
	}
	return v
}
