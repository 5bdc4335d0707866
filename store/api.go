package store

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"

	"hyeopchi/store/value"
)

// load writes a whole dataset in one transaction (init, synthetic data).
func (s *Store) load(d Dataset, why string) error {
	now := s.Now()
	return s.update(func(tx *bolt.Tx) error {
		if err := putSettings(tx, d.Settings); err != nil {
			return err
		}
		raw, err := json.Marshal(now)
		if err != nil {
			return err
		}
		if err := tx.Bucket(bucketMeta).Put(keyCreated, raw); err != nil {
			return err
		}
		recs := d.records()
		for _, r := range recs {
			if err := putQuiet(tx, r); err != nil {
				return err
			}
		}
		return appendAudit(tx, now, AuditEntry{Action: "추가", Kind: "파일", Key: s.path,
			Label: fmt.Sprintf("%s %d건", why, len(recs))})
	})
}

// putQuiet writes r without an audit entry of its own (bulk loads log one line).
func putQuiet(tx *bolt.Tx, r record) error {
	raw, err := assignID(tx, r)
	if err != nil {
		return err
	}
	return tx.Bucket(r.bucket()).Put(r.key(), raw)
}

// Export returns every record (for backups, reports and tests).
func (s *Store) Export() (Dataset, error) {
	var d Dataset
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		d, err = exportTx(tx)
		return err
	})
	return d, err
}

func exportTx(tx *bolt.Tx) (Dataset, error) {
	var d Dataset
	err := func() error {
		var err error
		if d.Settings, err = getSettings(tx); err != nil {
			return err
		}
		if d.Districts, err = districts(tx); err != nil {
			return err
		}
		if d.Plans, err = all[Plan](tx, bucketPlans); err != nil {
			return err
		}
		if d.Platforms, err = all[Platform](tx, bucketPlatforms); err != nil {
			return err
		}
		if d.Courses, err = all[Course](tx, bucketCourses); err != nil {
			return err
		}
		if d.Sessions, err = all[Session](tx, bucketSessions); err != nil {
			return err
		}
		if d.SchoolYears, err = all[SchoolYear](tx, bucketSchoolYears); err != nil {
			return err
		}
		if d.PlatformRounds, err = platformRounds(tx); err != nil {
			return err
		}
		if d.Events, err = all[Event](tx, bucketEvents); err != nil {
			return err
		}
		if d.BudgetLines, err = all[BudgetLine](tx, bucketBudget); err != nil {
			return err
		}
		d.Milestones, err = all[Milestone](tx, bucketMilestones)
		return err
	}()
	return d, err
}

// ---- districts

func districts(tx *bolt.Tx) ([]District, error) {
	ds, err := all[District](tx, bucketDistricts)
	sort.SliceStable(ds, func(i, j int) bool { return districtOrder(ds[i].Name) < districtOrder(ds[j].Name) })
	return ds, err
}

// Districts lists the 25 districts in the city's order.
func (s *Store) Districts() ([]District, error) {
	var out []District
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		out, err = districts(tx)
		return err
	})
	return out, err
}

// SaveDistrict stores a district's infrastructure and region.
func (s *Store) SaveDistrict(d District) error {
	if !IsDistrict(d.Name) {
		return fmt.Errorf("%q 은(는) 서울시 자치구가 아닙니다", d.Name)
	}
	return s.update(func(tx *bolt.Tx) error { return put(tx, s.Now(), &d) })
}

// ---- plans

// Plans lists plans by year, then district.
func (s *Store) Plans(f Filter) ([]Plan, error) {
	var out []Plan
	err := s.view(func(tx *bolt.Tx) error {
		ps, err := all[Plan](tx, bucketPlans)
		for _, p := range ps {
			if f.match(p.Year, p.District) {
				out = append(out, p)
			}
		}
		return err
	})
	sortByYearDistrict(out, func(p Plan) int { return p.Year }, func(p Plan) string { return p.District })
	return out, err
}

// Plan reads one plan.
func (s *Store) Plan(id uint64) (Plan, error) {
	p := Plan{ID: id}
	err := s.view(func(tx *bolt.Tx) error { return get(tx, &p) })
	return p, err
}

func plansOf(tx *bolt.Tx, district string, except uint64) ([]Plan, error) {
	ps, err := all[Plan](tx, bucketPlans)
	var out []Plan
	for _, p := range ps {
		if p.District == district && p.ID != except {
			out = append(out, p)
		}
	}
	return out, err
}

// SavePlan checks and stores a plan (new when ID is 0). Rule errors block
// it with an *InvalidError; warnings come back with a nil error.
func (s *Store) SavePlan(p *Plan) (Problems, error) {
	var ps Problems
	err := s.update(func(tx *bolt.Tx) error {
		others, err := plansOf(tx, p.District, p.ID)
		if err != nil {
			return err
		}
		st, err := getSettings(tx)
		if err != nil {
			return err
		}
		ps = CheckPlan(*p, others, value.DateOf(s.Now()), st.Deadlines)
		if ps.HasErrors() {
			return &InvalidError{Label: "혁신계획 " + p.label(), Problems: ps}
		}
		p.Updated = s.Now()
		return put(tx, s.Now(), p)
	})
	return ps, err
}

// DeletePlan removes a plan; the audit log keeps what it was.
func (s *Store) DeletePlan(id uint64) error {
	return s.update(func(tx *bolt.Tx) error { return del(tx, s.Now(), &Plan{ID: id}) })
}

// ---- platforms

// Platforms lists consortia by year, then district.
func (s *Store) Platforms(f Filter) ([]Platform, error) {
	var out []Platform
	err := s.view(func(tx *bolt.Tx) error {
		ps, err := all[Platform](tx, bucketPlatforms)
		for _, p := range ps {
			if f.match(p.Year, p.District) {
				out = append(out, p)
			}
		}
		return err
	})
	sortByYearDistrict(out, func(p Platform) int { return p.Year }, func(p Platform) string { return p.District })
	return out, err
}

// Platform reads one consortium.
func (s *Store) Platform(id uint64) (Platform, error) {
	p := Platform{ID: id}
	err := s.view(func(tx *bolt.Tx) error { return get(tx, &p) })
	return p, err
}

func platformsOf(tx *bolt.Tx, district string, except uint64) ([]Platform, error) {
	ps, err := all[Platform](tx, bucketPlatforms)
	var out []Platform
	for _, p := range ps {
		if p.District == district && p.ID != except {
			out = append(out, p)
		}
	}
	return out, err
}

// SavePlatform checks and stores a consortium with its roster.
func (s *Store) SavePlatform(p *Platform) (Problems, error) {
	var ps Problems
	err := s.update(func(tx *bolt.Tx) error {
		others, err := platformsOf(tx, p.District, p.ID)
		if err != nil {
			return err
		}
		ps = CheckPlatform(*p, others)
		if ps.HasErrors() {
			return &InvalidError{Label: "시민협력플랫폼 " + p.label(), Problems: ps}
		}
		p.Updated = s.Now()
		return put(tx, s.Now(), p)
	})
	return ps, err
}

// DeletePlatform removes a consortium.
func (s *Store) DeletePlatform(id uint64) error {
	return s.update(func(tx *bolt.Tx) error { return del(tx, s.Now(), &Platform{ID: id}) })
}

// ---- school

// Courses lists a year's courses (0 = all years).
func (s *Store) Courses(year int) ([]Course, error) {
	var out []Course
	err := s.view(func(tx *bolt.Tx) error {
		cs, err := all[Course](tx, bucketCourses)
		for _, c := range cs {
			if year == 0 || c.Year == year {
				out = append(out, c)
			}
		}
		return err
	})
	return out, err
}

// SaveCourse stores a course if it passes CheckCourse against its year as
// the file holds it, in one transaction; the problems say why not.
func (s *Store) SaveCourse(c *Course) (Problems, error) {
	var ps Problems
	err := s.update(func(tx *bolt.Tx) error {
		var err error
		if ps, err = checkCourseIn(tx, *c); err != nil {
			return err
		}
		if ps.HasErrors() {
			return &InvalidError{Label: "과정 " + c.label(), Problems: ps}
		}
		return put(tx, s.Now(), c)
	})
	return ps, err
}

// DeleteCourse removes a course.
func (s *Store) DeleteCourse(id uint64) error {
	return s.update(func(tx *bolt.Tx) error { return del(tx, s.Now(), &Course{ID: id}) })
}

// Sessions lists sessions by date.
func (s *Store) Sessions(f Filter) ([]Session, error) {
	var out []Session
	err := s.view(func(tx *bolt.Tx) error {
		xs, err := all[Session](tx, bucketSessions)
		for _, x := range xs {
			if f.match(x.Year, x.District) {
				out = append(out, x)
			}
		}
		return err
	})
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Date != out[j].Date {
			return out[i].Date < out[j].Date
		}
		return out[i].Time < out[j].Time
	})
	return out, err
}

func sessionsOfYear(tx *bolt.Tx, year int, except uint64) ([]Session, error) {
	xs, err := all[Session](tx, bucketSessions)
	var out []Session
	for _, x := range xs {
		if x.Year == year && x.ID != except {
			out = append(out, x)
		}
	}
	return out, err
}

// SaveSession checks and stores a session.
func (s *Store) SaveSession(x *Session) (Problems, error) {
	var ps Problems
	err := s.update(func(tx *bolt.Tx) error {
		others, err := sessionsOfYear(tx, x.Year, x.ID)
		if err != nil {
			return err
		}
		courses, err := all[Course](tx, bucketCourses)
		if err != nil {
			return err
		}
		ps = CheckSession(*x, others, courses)
		if ps.HasErrors() {
			return &InvalidError{Label: "교육회차 " + x.label(), Problems: ps}
		}
		x.Updated = s.Now()
		return put(tx, s.Now(), x)
	})
	return ps, err
}

// DeleteSession removes a session.
func (s *Store) DeleteSession(id uint64) error {
	return s.update(func(tx *bolt.Tx) error { return del(tx, s.Now(), &Session{ID: id}) })
}

// SchoolYears lists the yearly school totals kept where no sessions are recorded.
func (s *Store) SchoolYears() ([]SchoolYear, error) {
	var out []SchoolYear
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		out, err = all[SchoolYear](tx, bucketSchoolYears)
		return err
	})
	return out, err
}

// Events lists events by date.
func (s *Store) Events(f Filter) ([]Event, error) {
	var out []Event
	err := s.view(func(tx *bolt.Tx) error {
		es, err := all[Event](tx, bucketEvents)
		for _, e := range es {
			if f.Year == 0 || f.Year == e.Year {
				out = append(out, e)
			}
		}
		return err
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out, err
}

// SaveEvent checks and stores an event.
func (s *Store) SaveEvent(e *Event) (Problems, error) {
	ps := CheckEvent(*e)
	if ps.HasErrors() {
		return ps, &InvalidError{Label: "행사 " + e.label(), Problems: ps}
	}
	e.Updated = s.Now()
	return ps, s.update(func(tx *bolt.Tx) error { return put(tx, s.Now(), e) })
}

// DeleteEvent removes an event.
func (s *Store) DeleteEvent(id uint64) error {
	return s.update(func(tx *bolt.Tx) error { return del(tx, s.Now(), &Event{ID: id}) })
}

// ---- submissions

// Submissions lists the intake register, newest first.
func (s *Store) Submissions(f Filter) ([]Submission, error) {
	var out []Submission
	err := s.view(func(tx *bolt.Tx) error {
		xs, err := all[Submission](tx, bucketSubmissions)
		for _, x := range xs {
			// a file whose year could not be read shows under every year;
			// a file of several districts under each of them
			year := x.Year
			if year == 0 {
				year = f.Year
			}
			district := x.District
			if f.District != "" && strings.Contains(x.District, f.District) {
				district = f.District
			}
			if f.match(year, district) {
				out = append(out, x)
			}
		}
		return err
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].ID > out[j].ID })
	return out, err
}
