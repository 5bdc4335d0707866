package store

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"hyeopchi/store/value"
)

// BenchmarkCheck10Years is `hyeopchi check` on the file `init --synthetic
// 10` makes: bbolt's own check and every rule over every record.
func BenchmarkCheck10Years(b *testing.B) {
	s, err := Create(filepath.Join(b.TempDir(), "x.db"), WithSynthetic(SeedData(), 10, 1))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Check(); err != nil {
			b.Fatal(err)
		}
	}
}

// districtSessions is n sessions over the 25 districts, each district
// numbering its own from 1, two a day in its own room.
func districtSessions(n int) []Session {
	var out []Session
	start := value.NewDate(2018, time.April, 1).Time()
	for i := 0; len(out) < n; i++ {
		for d, district := range Districts {
			if len(out) == n {
				break
			}
			day := start.AddDate(0, 0, (i/2)%240)
			out = append(out, Session{ID: uint64(len(out) + 1), Year: 2018, Course: []string{CourseOutreach, CourseLeaders, CoursePracticing}[i%3],
				Number: i/3 + 1, Date: value.DateOf(day), Time: []string{"09:30-12:30", "14:00-17:00"}[i%2], District: district,
				Venue: fmt.Sprintf("%s 교육장", district), Capacity: 40, AttendMale: 10, AttendFemale: 10 + d%5, Status: SessionDone})
		}
	}
	return out
}

// BenchmarkCheckSessions checks 1,000 to 10,000 sessions: the time per
// session stays flat when each is compared through the identity maps.
func BenchmarkCheckSessions(b *testing.B) {
	for _, n := range []int{1000, 3000, 10000} {
		d := SeedData()
		d.Sessions = districtSessions(n)
		b.Run(fmt.Sprintf("sessions=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if fs := CheckDataset(d, "2018-12-01").Errors(); len(fs) > 0 {
					b.Fatal(fs[0])
				}
			}
		})
	}
}
