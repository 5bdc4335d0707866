// Package wbtest builds district workbooks at real scale for tests and
// benchmarks: all 25 districts' year in one workbook, each district
// numbering its own sessions from 1, as the office receives them. Only
// tests import it, so it is not part of the program.
package wbtest

import (
	"bytes"
	"fmt"
	"time"

	"hyeopchi/store"
	"hyeopchi/store/workbook"

	"hyeopchi/store/value"
)

// Courses are the plan's three courses of the governance school.
var Courses = []string{"찾아가는 협치 이해교육", "지역협치 책임자 교육", "협치실행 교육"}

// Options say how big a workbook to build.
type Options struct {
	Year int // programme year of every record (2018 unless set)
	// SessionsPerDistrict is how many sessions each district lists (30
	// unless set): 25 plans + 190 roster rows + 25 × 30 sessions = 965 rows.
	SessionsPerDistrict  int
	NoPlans, NoPlatforms bool // leave a sheet out
}

// Records are the records one workbook holds.
type Records struct {
	Plans     []store.Plan
	Platforms []store.Platform
	Sessions  []store.Session
}

// Rows is how many data rows the records fill.
func (r Records) Rows() int {
	n := len(r.Plans) + len(r.Sessions)
	for _, p := range r.Platforms {
		n += len(p.Members)
	}
	return n
}

// Build makes the records of a 25-district workbook. Every record passes
// the programme's rules; warnings are those a real file brings: a
// consortium first met in a roster has no space yet.
func Build(opt Options) Records {
	year := opt.Year
	if year == 0 {
		year = 2018
	}
	per := opt.SessionsPerDistrict
	if per == 0 {
		per = 30
	}
	var r Records
	for d, district := range store.Districts {
		if !opt.NoPlans {
			r.Plans = append(r.Plans, store.Plan{
				District: district, Year: year, Stage: store.StageExecution, Support: "실행",
				Start: value.NewDate(year, time.January, 1), End: value.NewDate(year, time.December, 31), Months: 12,
				Amount: int64(150000 + 1000*d), TFTCivil: 10 + d%5, TFTCouncil: d % 2, TFTOfficial: 5 + d%3,
				Fields: []string{"마을", "교육"},
			})
		}
		if !opt.NoPlatforms {
			// 15 districts with 8 rows, 10 with 7: 190 roster rows
			members := []store.Member{{Role: store.RoleLead, Org: district + "마을네트워크", Rep: fmt.Sprintf("대표%02d", d)}}
			n := 5
			if d < 15 {
				n = 6
			}
			for i := 1; i <= n; i++ {
				members = append(members, store.Member{Role: store.RoleMember, Org: fmt.Sprintf("%s참여단체%d", district, i), Rep: fmt.Sprintf("참여%02d-%d", d, i)})
			}
			members = append(members, store.Member{Role: store.RoleManager, Rep: fmt.Sprintf("책임자%02d", d), Note: district + "마을네트워크 사무국장"})
			r.Platforms = append(r.Platforms, store.Platform{District: district, Year: year, Members: members})
		}
		start := value.NewDate(year, time.April, 1).Time()
		for i := 0; i < per; i++ {
			// two sessions a day in the district's own rooms: no venue clash
			day := start.AddDate(0, 0, (i/2)%240)
			tm := "09:30-12:30"
			if i%2 == 1 {
				tm = "14:00-17:00"
			}
			r.Sessions = append(r.Sessions, store.Session{
				Year: year, Course: Courses[i%3], Number: i/3 + 1, Date: value.DateOf(day), Time: tm,
				District: district, Venue: fmt.Sprintf("%s 교육장 %d", district, (i/480)+1), Audience: "주민",
				Capacity: 40, AttendMale: 10 + i%7, AttendFemale: 12 + d%9, Status: store.SessionDone,
			})
		}
	}
	return r
}

// Workbook writes records as the district workbook (the program's own
// template, filled), the way a district returns it.
func Workbook(r Records) ([]byte, error) {
	var buf bytes.Buffer
	err := workbook.Template(&buf, workbook.TemplateOptions{
		Plans: r.Plans, Platforms: r.Platforms, Sessions: r.Sessions, Courses: Courses,
	})
	return buf.Bytes(), err
}

// Districts25 is Workbook(Build(opt)).
func Districts25(opt Options) ([]byte, error) { return Workbook(Build(opt)) }
