package store

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// A file written before the plan's rules were all enforced keeps its
// records as they are: opening it rewrites nothing, and check lists every
// record that breaks a rule now, with the rule and its numbers.
func TestOldRecordsBreakingNewRulesAreListedNotRewritten(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := Create(path, SeedData())
	if err != nil {
		t.Fatal(err)
	}
	old := []record{
		// one 24-month 실행기 record for 600,000, with a TFT of 0/0/0
		&Plan{District: "중랑구", Year: 2017, Stage: StageExecution, Start: "2017-01-01", End: "2018-12-31", Months: 24, Amount: 600000},
		// a consortium of one organisation, its stage down from 2016's
		&Platform{District: "강북구", Year: 2017, Name: "강북구 시민협력플랫폼", Space: 60, Growth: 1, Grant: 100000, Months: 12, Status: "사업개시",
			Members: []Member{{Role: RoleLead, Org: "강북마을모임", Rep: "김성훈"}, {Role: RoleManager, Rep: "이상훈"}}},
		// a session of a course nobody set up
		&Session{Year: 2017, Course: "활동가 교육", Number: 1, Date: "2017-05-10", Status: SessionPlanned},
	}
	gangbuk2016 := storeOldRecords(t, s, old)
	if gangbuk2016.ID == 0 {
		t.Fatal("no 2016 강북구 consortium in the seed")
	}
	before := exportJSON(t, s)
	s.Close()
	s, err = Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if after := exportJSON(t, s); after != before {
		t.Fatal("opening the file rewrote its records")
	}
	checkOldRecordsListed(t, s)
	if after := exportJSON(t, s); after != before {
		t.Fatal("check rewrote records")
	}
}

// storeOldRecords writes old as they are, past the rules, with 2016's
// 강북구 at stage 2 so that 2017's 1 goes down; it returns that 2016
// consortium.
func storeOldRecords(t *testing.T, s *Store, old []record) Platform {
	t.Helper()
	// 2016's 강북구 at stage 2, so 2017's 1 goes down
	var gangbuk2016 Platform
	if err := s.update(func(tx *bolt.Tx) error {
		ps, err := all[Platform](tx, bucketPlatforms)
		if err != nil {
			return err
		}
		for _, p := range ps {
			if p.District == "강북구" && p.Year == 2016 {
				p.Growth = 2
				gangbuk2016 = p
				if err := putQuiet(tx, &p); err != nil {
					return err
				}
			}
		}
		for _, r := range old {
			if err := putQuiet(tx, r); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return gangbuk2016
}

// exportJSON is every record of s as JSON, to compare before and after.
func exportJSON(t *testing.T, s *Store) string {
	t.Helper()
	d, err := s.Export()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(d)
	return string(b)
}

// checkOldRecordsListed wants check to list every old record's broken
// rule, with its numbers.
func checkOldRecordsListed(t *testing.T, s *Store) {
	t.Helper()
	fs, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	var text []string
	for _, f := range fs {
		text = append(text, f.String())
	}
	all := strings.Join(text, "\n")
	for _, want := range []string{
		"혁신계획 2017 중랑구: 실행기는 한 건에 최대 12개월입니다 (24개월)",
		"혁신계획 2017 중랑구: 지원액 600,000천원 이(가) 한도 300,000천원",
		"혁신계획 2017 중랑구: 준비기부터 민·관 합동 TFT가 있어야 합니다: TFT 민이 0명입니다",
		"참여 단체가 없습니다: 컨소시엄은 대표 단체와 참여 단체 1개 이상으로 구성합니다",
		"경고: 성장 단계가 2016년 2단계(자립화 전략)에서 2017년 1단계(네트워크 구축)(으)로 내려갑니다",
		`경고: 과정 "활동가 교육" 은(는) 2017년 과정이 아닙니다 (찾아가는 협치 이해교육, 지역협치 책임자 교육, 협치실행 교육`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("check does not list %q:\n%s", want, all)
		}
	}
}
