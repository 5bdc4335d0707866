package store

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// DefaultSettings are the office's settings before the coordinator changes them.
func DefaultSettings() Settings { return seedSettings() }

func getSettings(tx *bolt.Tx) (Settings, error) {
	raw := tx.Bucket(bucketMeta).Get(keySettings)
	if raw == nil {
		return DefaultSettings(), nil
	}
	var st Settings
	err := json.Unmarshal(raw, &st)
	// A file written before deadlines and event targets were settings gets
	// the plan's; an emptied list stays empty.
	if st.Deadlines == nil {
		st.Deadlines = DefaultSettings().Deadlines
	}
	if st.EventTargets == nil {
		st.EventTargets = DefaultSettings().EventTargets
	}
	return st, err
}

func putSettings(tx *bolt.Tx, st Settings) error {
	if st.Office == "" && len(st.ApprovalLine) == 0 {
		st = DefaultSettings()
	}
	raw, err := json.Marshal(st)
	if err != nil {
		return err
	}
	return tx.Bucket(bucketMeta).Put(keySettings, raw)
}

// Settings reads the office's settings.
func (s *Store) Settings() (Settings, error) {
	var st Settings
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		st, err = getSettings(tx)
		return err
	})
	return st, err
}

// SaveSettings stores the office's settings and logs the change.
// Rule errors (CheckSettings) block it with an *InvalidError.
func (s *Store) SaveSettings(st Settings) error {
	if ps := CheckSettings(st); ps.HasErrors() {
		return &InvalidError{Label: "설정", Problems: ps}
	}
	return s.update(func(tx *bolt.Tx) error {
		before, err := getSettings(tx)
		if err != nil {
			return err
		}
		if err := putSettings(tx, st); err != nil {
			return err
		}
		b, err := json.Marshal(before)
		if err != nil {
			return err
		}
		a, err := json.Marshal(st)
		if err != nil {
			return err
		}
		if string(a) == string(b) {
			return nil
		}
		return appendAudit(tx, s.Now(), AuditEntry{Action: "수정", Kind: "설정", Key: "meta/settings",
			Label: "설정", Before: string(b), After: string(a)})
	})
}

// Disclosures are the 공개여부 an official document may carry.
var Disclosures = []string{"공개", "대시민공개", "부분공개", "비공개"}

// DocField is the Problem.Field of a report kind's header field:
// "documents.annual.approved".
func DocField(kind, field string) string { return KeyDocuments + "." + kind + "." + field }

// CheckSettings judges the office's settings before they are saved.
func CheckSettings(st Settings) Problems {
	var ps Problems
	if strings.TrimSpace(st.Office) == "" {
		ps.errorf(KeyOffice, "기관명을 입력하세요 (예: 서울특별시)")
	}
	if strings.TrimSpace(st.Department) == "" {
		ps.errorf(KeyDepartment, "부서명을 입력하세요 (예: 지역공동체담당관)")
	}
	if len(st.ApprovalLine) == 0 {
		ps.errorf(KeyApprovalLine, "결재선에 결재자를 한 명 이상 넣으세요 (예: 주무관)")
	}
	for i, a := range st.ApprovalLine {
		if strings.TrimSpace(a) == "" {
			ps.errorf(KeyApprovalLine, "결재선 %d번째 칸이 비어 있습니다", i+1)
		}
	}
	if st.Disclosure != "" && !slices.Contains(Disclosures, st.Disclosure) {
		ps.errorf(KeyDisclosure, "공개여부 %q 을(를) 알 수 없습니다 (%s 중 하나)", st.Disclosure, strings.Join(Disclosures, ", "))
	}
	kinds := make([]string, 0, len(st.Documents))
	for k := range st.Documents {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	for _, k := range kinds {
		h := st.Documents[k]
		if h.Disclosure != "" && !slices.Contains(Disclosures, h.Disclosure) {
			ps.errorf(DocField(k, "disclosure"), "공개여부 %q 을(를) 알 수 없습니다 (%s 중 하나)", h.Disclosure, strings.Join(Disclosures, ", "))
		}
		if !h.Approved.IsZero() && !h.Approved.Valid() {
			ps.errorf(DocField(k, "approved"), "결재일자 %q 이(가) 날짜가 아닙니다 (예: 2017-02-22)", string(h.Approved))
		}
	}
	if st.CurrentYear < 2000 || st.CurrentYear > 2100 {
		ps.errorf(KeyCurrentYear, "기준 연도 %d 이(가) 올바르지 않습니다 (예: 2017)", st.CurrentYear)
	}
	checkDeadlines(&ps, st.Deadlines)
	checkEventTargets(&ps, st.EventTargets)
	return ps
}

// checkDeadlines: one row a year, real dates, each in its year.
func checkDeadlines(ps *Problems, ds []YearDeadlines) {
	seen := map[int]bool{}
	for _, d := range ds {
		if d.Year < 2000 || d.Year > 2100 {
			ps.errorf(KeyDeadlines, "마감일의 연도 %d 이(가) 올바르지 않습니다 (예: 2017)", d.Year)
			continue
		}
		if seen[d.Year] {
			ps.errorf(KeyDeadlines, "%d년 마감일이 두 번 있습니다", d.Year)
		}
		seen[d.Year] = true
		for _, x := range []struct {
			label string
			on    Date
		}{{"공모 마감", d.Call}, {"본계획(초안) 제출 마감", d.PBDraft}, {"본계획 제출 마감", d.MainPlan}} {
			switch {
			case !x.on.Valid():
				ps.errorf(KeyDeadlines, "%d년 %s %q 이(가) 올바른 날짜가 아닙니다 (예: 2017-07-31)", d.Year, x.label, string(x.on))
			case !x.on.IsZero() && x.on.Year() != d.Year:
				ps.errorf(KeyDeadlines, "%d년 %s %s 이(가) %d년이 아닙니다", d.Year, x.label, x.on, d.Year)
			}
		}
	}
}

// checkEventTargets: a known year and kind, a count of 0 or more, once.
func checkEventTargets(ps *Problems, ts []EventTarget) {
	seen := map[[2]string]bool{}
	for _, t := range ts {
		kind := strings.TrimSpace(t.Kind)
		switch {
		case t.Year < 2000 || t.Year > 2100:
			ps.errorf(KeyEventTargets, "행사 목표의 연도 %d 이(가) 올바르지 않습니다 (예: 2017)", t.Year)
		case kind == "":
			ps.errorf(KeyEventTargets, "%d년 행사 목표에 종류가 없습니다 (%s)", t.Year, strings.Join(EventKinds, ", "))
		case t.Count < 0:
			ps.errorf(KeyEventTargets, "%d년 %s 목표 %d회 은(는) 0 이상이어야 합니다", t.Year, kind, t.Count)
		}
		k := [2]string{fmt.Sprint(t.Year), kind}
		if seen[k] && kind != "" {
			ps.errorf(KeyEventTargets, "%d년 %s 목표가 두 번 있습니다", t.Year, kind)
		}
		seen[k] = true
	}
}

// DeadlinesOf is the year's deadlines from settings; ok is false when
// settings have none for the year.
func DeadlinesOf(ds []YearDeadlines, year int) (YearDeadlines, bool) {
	for _, d := range ds {
		if d.Year == year {
			return d, true
		}
	}
	return YearDeadlines{Year: year}, false
}

// EventTargetOf is the year's target for a kind of event, 0 for none.
func EventTargetOf(ts []EventTarget, year int, kind string) int {
	for _, t := range ts {
		if t.Year == year && strings.TrimSpace(t.Kind) == kind {
			return t.Count
		}
	}
	return 0
}

// SaveRegions gives districts their 권역 (district → region) in one
// transaction; each change is logged.
func (s *Store) SaveRegions(regions map[string]string) error {
	for name, r := range regions {
		if !IsDistrict(name) {
			return fmt.Errorf("%q 은(는) 서울시 자치구가 아닙니다", name)
		}
		if !slices.Contains(Regions, r) {
			return fmt.Errorf("%s: 권역 %q 을(를) 알 수 없습니다 (%s 중 하나)", name, r, strings.Join(Regions, ", "))
		}
	}
	return s.update(func(tx *bolt.Tx) error {
		for _, name := range Districts {
			r, ok := regions[name]
			if !ok {
				continue
			}
			d := District{Name: name}
			if err := get(tx, &d); err != nil && err != ErrNotFound {
				return err
			}
			d.Name, d.Region = name, r
			if err := put(tx, s.Now(), &d); err != nil {
				return err
			}
		}
		return nil
	})
}
