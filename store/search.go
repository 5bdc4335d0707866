package store

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"

	bolt "go.etcd.io/bbolt"
)

// The kinds of record a search finds, in the order results are grouped.
const (
	HitPlan       = "plan"
	HitPlatform   = "platform"
	HitSession    = "session"
	HitCourse     = "course"
	HitEvent      = "event"
	HitSubmission = "submission"
	HitAudit      = "audit"
)

// HitKinds lists the kinds in result order.
var HitKinds = []string{HitPlan, HitPlatform, HitSession, HitCourse, HitEvent, HitSubmission, HitAudit}

var hitLabels = map[string]string{
	HitPlan: "혁신계획", HitPlatform: "시민협력플랫폼", HitSession: "교육회차", HitCourse: "교육과정",
	HitEvent: "행사", HitSubmission: "접수", HitAudit: "변경 기록",
}

// HitLabel is a kind's Korean name ("혁신계획").
func HitLabel(kind string) string { return hitLabels[kind] }

// SearchHit is one record a search found. A record is found once, by the
// first of its fields that matches; a contact is searched but its value is
// never put in a hit.
type SearchHit struct {
	Kind     string `json:"kind"`       // HitPlan, …
	Year     int    `json:"year"`       // 0 when the record has none
	District string `json:"district"`   // "" when the record has none
	ID       uint64 `json:"id"`         // the record's ID (audit: its sequence number)
	Title    string `json:"title"`      // what the record is, e.g. "2017 관악구 · 관악 협치플랫폼"
	Field    string `json:"field"`      // the Korean name of the field that matched
	Text     string `json:"text"`       // that field's value; for a contact, whose contact it is
	Contact  bool   `json:"by_contact"` // found by a contact only
}

// SearchGroup is the hits of one kind, year and district.
type SearchGroup struct {
	Kind     string
	Year     int
	District string
	Hits     []SearchHit
}

// Heading is the group's Korean heading: "혁신계획 · 2017 · 관악구".
func (g SearchGroup) Heading() string {
	parts := []string{HitLabel(g.Kind)}
	if g.Year != 0 {
		parts = append(parts, fmt.Sprint(g.Year))
	}
	if g.District != "" {
		parts = append(parts, g.District)
	}
	return strings.Join(parts, " · ")
}

// Search finds query in every record's names and notes, the file names of
// the intake register and the audit log. Matching ignores case and spaces,
// and a query of Hangul initial consonants (ㄱㅅㅎ) finds the syllables
// they begin (김성훈). Hits come sorted by kind, year (newest first),
// district (the city's order) and title. The searchable text is read once
// per committed change and kept.
func (s *Store) Search(query string, f Filter) ([]SearchHit, error) {
	m, ok := NewMatcher(query)
	if !ok {
		return nil, nil
	}
	// a phone number is found however it is punctuated (010-1234-5678, 01012345678)
	mc, okc := NewMatcher(stripPhonePunct(query))
	entries, err := s.searchIndex()
	if err != nil {
		return nil, err
	}
	var hits []SearchHit
	for i := range entries {
		e := &entries[i]
		if !f.match(e.hit.Year, e.hit.District) || (f.District != "" && e.hit.District == "") {
			continue
		}
		for _, fd := range e.fields {
			if (!fd.contact && m.matchNormalized(fd.norm)) || (fd.contact && okc && mc.matchNormalized(fd.norm)) {
				h := e.hit
				h.Field, h.Text, h.Contact = fd.name, snippet(fd.text, m), fd.contact
				if fd.contact {
					h.Text = fd.whose
				}
				hits = append(hits, h)
				break
			}
		}
	}
	SortHits(hits)
	return hits, nil
}

// searchCache holds the searchable text of one committed state of the file.
type searchCache struct {
	mu      sync.Mutex
	db      *bolt.DB
	txid    int
	entries []searchEntry
}

// searchIndex is the searchable text of the data as last committed.
func (s *Store) searchIndex() ([]searchEntry, error) {
	s.search.mu.Lock()
	defer s.search.mu.Unlock()
	err := s.view(func(tx *bolt.Tx) error {
		if s.search.db == s.db && s.search.txid == tx.ID() && s.search.entries != nil {
			return nil
		}
		es, err := searchEntries(tx)
		if err != nil {
			return err
		}
		s.search.db, s.search.txid, s.search.entries = s.db, tx.ID(), es
		return nil
	})
	return s.search.entries, err
}

// searchEntry is one record with its searchable fields, in the order they
// are tried.
type searchEntry struct {
	hit    SearchHit
	fields []searchField
}

// searchField is one searchable value of a record.
type searchField struct {
	name, text string
	norm       string // text as the matcher compares it
	contact    bool
	whose      string // for a contact: whose it is
}

// searchEntries reads every record of every kind, and the audit log, as
// the entries the matcher looks through, kind by kind.
func searchEntries(tx *bolt.Tx) ([]searchEntry, error) {
	var out searchList
	if err := addSearchRecords(tx, &out, bucketPlans, planSearchEntry); err != nil {
		return nil, err
	}
	if err := addSearchRecords(tx, &out, bucketPlatforms, platformSearchEntry); err != nil {
		return nil, err
	}
	if err := addSearchRecords(tx, &out, bucketSessions, sessionSearchEntry); err != nil {
		return nil, err
	}
	if err := addSearchRecords(tx, &out, bucketCourses, courseSearchEntry); err != nil {
		return nil, err
	}
	if err := addSearchRecords(tx, &out, bucketEvents, eventSearchEntry); err != nil {
		return nil, err
	}
	if err := addSearchRecords(tx, &out, bucketSubmissions, submissionSearchEntry); err != nil {
		return nil, err
	}
	err := tx.Bucket(bucketAudit).ForEach(func(k, v []byte) error {
		var e AuditEntry
		if err := json.Unmarshal(v, &e); err != nil {
			return fmt.Errorf("변경 기록 %d: %w", btoi(k), err)
		}
		out.add(auditSearchEntry(e))
		return nil
	})
	return out, err
}

// searchList is the list being built by searchEntries.
type searchList []searchEntry

// add lists a record's hit with its fields, normalized for the matcher;
// empty fields are left out.
func (out *searchList) add(h SearchHit, fields []searchField) {
	kept := fields[:0]
	for _, f := range fields {
		if f.norm = normalizeSearch(f.text); f.contact {
			f.norm = stripPhonePunct(f.norm)
		}
		if f.norm != "" {
			kept = append(kept, f)
		}
	}
	*out = append(*out, searchEntry{hit: h, fields: kept})
}

// addSearchRecords lists every record of a bucket through entry.
func addSearchRecords[T any](tx *bolt.Tx, out *searchList, bucket []byte, entry func(T) (SearchHit, []searchField)) error {
	xs, err := all[T](tx, bucket)
	if err != nil {
		return err
	}
	for _, x := range xs {
		out.add(entry(x))
	}
	return nil
}

// planSearchEntry is a plan's hit and searchable fields.
func planSearchEntry(p Plan) (SearchHit, []searchField) {
	fs := []searchField{{name: "분야", text: strings.Join(p.Fields, ", ")}, {name: "비고", text: p.Note},
		{name: "지원 사항", text: p.Support}}
	return SearchHit{Kind: HitPlan, Year: p.Year, District: p.District, ID: p.ID,
		Title: fmt.Sprintf("%d %s %s", p.Year, p.District, p.Stage)}, fs
}

// platformSearchEntry is a consortium's hit and searchable fields: its
// members' names and notes, then its note, then the contacts.
func platformSearchEntry(p Platform) (SearchHit, []searchField) {
	fs := []searchField{{name: "컨소시엄", text: p.Name}}
	for _, mb := range p.Members {
		role := string(mb.Role)
		fs = append(fs, searchField{name: role + " 단체명", text: mb.Org},
			searchField{name: role + " 대표자", text: mb.Rep}, searchField{name: role + " 비고", text: mb.Note})
	}
	fs = append(fs, searchField{name: "비고", text: p.Note})
	for _, mb := range p.Members {
		fs = append(fs, searchField{name: "연락처", text: mb.Contact, contact: true,
			whose: strings.TrimSpace(string(mb.Role) + " " + firstNonEmpty(mb.Rep, mb.Org))})
	}
	return SearchHit{Kind: HitPlatform, Year: p.Year, District: p.District, ID: p.ID,
		Title: fmt.Sprintf("%d %s", p.Year, firstNonEmpty(p.Name, p.District))}, fs
}

// sessionSearchEntry is a session's hit and searchable fields.
func sessionSearchEntry(x Session) (SearchHit, []searchField) {
	fs := []searchField{{name: "장소", text: x.Venue}, {name: "강사", text: x.Instructor},
		{name: "대상", text: x.Audience}, {name: "과정", text: x.Course}, {name: "비고", text: x.Note}}
	return SearchHit{Kind: HitSession, Year: x.Year, District: x.District, ID: x.ID,
		Title: fmt.Sprintf("%s %s %d회", x.Date, x.Course, x.Number)}, fs
}

// courseSearchEntry is a course's hit and searchable fields.
func courseSearchEntry(c Course) (SearchHit, []searchField) {
	fs := []searchField{{name: "과정", text: c.Name}, {name: "대상", text: c.Audience}, {name: "내용", text: c.Contents}}
	return SearchHit{Kind: HitCourse, Year: c.Year, ID: c.ID, Title: fmt.Sprintf("%d %s", c.Year, c.Name)}, fs
}

// eventSearchEntry is an event's hit and searchable fields.
func eventSearchEntry(e Event) (SearchHit, []searchField) {
	fs := []searchField{{name: "행사명", text: e.Title}, {name: "장소", text: e.Place},
		{name: "종류", text: e.Kind}, {name: "비고", text: e.Note}}
	return SearchHit{Kind: HitEvent, Year: e.Year, ID: e.ID, Title: fmt.Sprintf("%s %s", e.Date, e.Title)}, fs
}

// submissionSearchEntry is a received file's hit and searchable fields;
// without a year it is found under the year it was received.
func submissionSearchEntry(x Submission) (SearchHit, []searchField) {
	fs := []searchField{{name: "파일 이름", text: x.FileName}, {name: "비고", text: x.Note}}
	year := x.Year
	if year == 0 {
		year = x.Received.Year()
	}
	return SearchHit{Kind: HitSubmission, Year: year, District: x.District, ID: x.ID,
		Title: fmt.Sprintf("%s %s %s", x.Received, x.District, x.FileName)}, fs
}

// auditSearchEntry is an audit entry's hit and searchable fields: its
// label and the values before and after.
func auditSearchEntry(e AuditEntry) (SearchHit, []searchField) {
	year, district := AuditScope(e)
	if year == 0 {
		year = e.When.Year()
	}
	fs := []searchField{{name: "대상", text: e.Label}}
	fs = appendJSONFields(fs, "이전", e.Before)
	fs = appendJSONFields(fs, "이후", e.After)
	return SearchHit{Kind: HitAudit, Year: year, District: district, ID: e.Seq,
		Title: fmt.Sprintf("%s %s %s %s", e.When.Format("2006-01-02 15:04"), e.Action, e.Kind, e.Label)}, fs
}

func firstNonEmpty(xs ...string) string {
	for _, x := range xs {
		if strings.TrimSpace(x) != "" {
			return x
		}
	}
	return ""
}

// appendJSONFields adds the string values of a record's JSON (an audit
// entry's before or after) as fields; "contact" values are contacts.
func appendJSONFields(fs []searchField, name, raw string) []searchField {
	if raw == "" {
		return fs
	}
	var v any
	if json.Unmarshal([]byte(raw), &v) != nil {
		return fs
	}
	var walk func(key string, v any)
	walk = func(key string, v any) {
		switch x := v.(type) {
		case map[string]any:
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				walk(k, x[k])
			}
		case []any:
			for _, y := range x {
				walk(key, y)
			}
		case string:
			if key == "contact" {
				fs = append(fs, searchField{name: name + " 연락처", text: x, contact: true, whose: name + " 기록"})
			} else if key != "updated" && key != "sha256" {
				fs = append(fs, searchField{name: name, text: x})
			}
		}
	}
	walk("", v)
	// contacts last, so that a plain field is named where both match
	sort.SliceStable(fs, func(i, j int) bool { return !fs[i].contact && fs[j].contact })
	return fs
}

// AuditScope is the year and district of the record an audit entry is
// about, read from its after (or before) JSON; 0 and "" where it has none.
func AuditScope(e AuditEntry) (year int, district string) {
	for _, raw := range []string{e.After, e.Before} {
		if raw == "" {
			continue
		}
		var r struct {
			Year     int    `json:"year"`
			District string `json:"district"`
		}
		if json.Unmarshal([]byte(raw), &r) == nil && (r.Year != 0 || r.District != "") {
			return r.Year, r.District
		}
	}
	return 0, ""
}

// SortHits orders hits by kind, year (newest first), district (the city's
// order), then title.
func SortHits(hs []SearchHit) {
	order := map[string]int{}
	for i, k := range HitKinds {
		order[k] = i
	}
	sort.SliceStable(hs, func(i, j int) bool {
		a, b := hs[i], hs[j]
		if a.Kind != b.Kind {
			return order[a.Kind] < order[b.Kind]
		}
		if a.Year != b.Year {
			return a.Year > b.Year
		}
		if a.District != b.District {
			return districtOrder(a.District) < districtOrder(b.District)
		}
		if a.Title != b.Title {
			return a.Title < b.Title
		}
		return a.ID < b.ID
	})
}

// GroupHits groups sorted hits by kind, year and district.
func GroupHits(hs []SearchHit) []SearchGroup {
	var gs []SearchGroup
	for _, h := range hs {
		n := len(gs)
		if n == 0 || gs[n-1].Kind != h.Kind || gs[n-1].Year != h.Year || gs[n-1].District != h.District {
			gs = append(gs, SearchGroup{Kind: h.Kind, Year: h.Year, District: h.District})
			n++
		}
		gs[n-1].Hits = append(gs[n-1].Hits, h)
	}
	return gs
}

// ---- matching

// Matcher finds a query in text, ignoring case and spaces; a Hangul
// consonant in the query (ㄱ … ㅎ) also stands for any syllable that begins
// with it, so ㄱㅅㅎ and 김ㅅ훈 find 김성훈.
type Matcher struct {
	q     []rune
	plain string // the normalized query when it has no consonant to expand
	buf   []rune
}

// NewMatcher prepares query; ok is false for a query with nothing to find.
func NewMatcher(query string) (*Matcher, bool) {
	q := normalizeSearch(query)
	if q == "" {
		return nil, false
	}
	m := &Matcher{q: []rune(q)}
	jamo := false
	for _, r := range m.q {
		jamo = jamo || initialIndex(r) >= 0
	}
	if !jamo {
		m.plain = q
	}
	return m, true
}

// Match reports whether text holds the query.
func (m *Matcher) Match(text string) bool { return m.matchNormalized(normalizeSearch(text)) }

func (m *Matcher) matchNormalized(t string) bool {
	if t == "" {
		return false
	}
	if m.plain != "" {
		return strings.Contains(t, m.plain)
	}
	rs := m.buf[:0]
	for _, r := range t {
		rs = append(rs, r)
	}
	m.buf = rs
	for i := 0; i+len(m.q) <= len(rs); i++ {
		ok := true
		for j, qr := range m.q {
			tr := rs[i+j]
			if tr == qr {
				continue
			}
			if qi := initialIndex(qr); qi >= 0 && tr >= 0xAC00 && tr <= 0xD7A3 && int(tr-0xAC00)/588 == qi {
				continue
			}
			ok = false
			break
		}
		if ok {
			return true
		}
	}
	return false
}

// compatInitials are the 19 initial consonants as a keyboard types them
// (Hangul Compatibility Jamo), in the order of the syllable table.
var compatInitials = []rune("ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ")

// initialIndex is r's place among the initial consonants, or -1.
func initialIndex(r rune) int {
	if r >= 0x1100 && r <= 0x1112 { // conjoining initial jamo
		return int(r - 0x1100)
	}
	if r < 0x3131 || r > 0x314E {
		return -1
	}
	for i, c := range compatInitials {
		if c == r {
			return i
		}
	}
	return -1
}

// snippet is a field's value as one short line: the first line holding
// the match, cut to 80 characters.
func snippet(text string, m *Matcher) string {
	const max = 80
	line := text
	if strings.ContainsAny(text, "\n\r") {
		lines := strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == '\r' })
		for _, l := range lines {
			if m.Match(l) {
				line = l
				break
			}
		}
		if line == text && len(lines) > 0 {
			line = strings.Join(lines, " ")
		}
	}
	line = strings.TrimSpace(line)
	if r := []rune(line); len(r) > max {
		line = string(r[:max-1]) + "…"
	}
	return line
}

// stripPhonePunct drops what separates a phone number's groups.
func stripPhonePunct(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune("-.()", r) {
			return -1
		}
		return r
	}, s)
}

// normalizeSearch lower-cases s, drops every space and composes
// decomposed Hangul (file names from a Mac) into syllables.
func normalizeSearch(s string) string {
	simple := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || c == ' ' || c == '\t' || c == '\n' || c == '\r' || (c >= 'A' && c <= 'Z') {
			simple = false
			break
		}
	}
	if simple {
		return s
	}
	for _, r := range s {
		if r >= 0x1100 && r <= 0x11FF {
			s = norm.NFC.String(s)
			break
		}
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Query is the top bar's search on a screen's list: every word of the
// query must be found, each within one field of the record (a word never
// straddles two fields), ignoring case and spaces, with 초성 standing for
// syllables as in Matcher. Every screen filters its list through it.
type Query struct {
	words []*Matcher
}

// NewQuery prepares the words of query; an empty query matches everything.
func NewQuery(query string) Query {
	var q Query
	for _, w := range strings.Fields(query) {
		if m, ok := NewMatcher(w); ok {
			q.words = append(q.words, m)
		}
	}
	return q
}

// Empty reports whether the query has nothing to find.
func (q Query) Empty() bool { return len(q.words) == 0 }

// Match reports whether every word of the query is in one of fields.
func (q Query) Match(fields ...string) bool {
	for _, w := range q.words {
		found := false
		for _, f := range fields {
			if w.Match(f) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
