package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"
)

// record is what the generic helpers need of a stored record.
type record interface {
	bucket() []byte
	key() []byte
	setID(uint64)
	kind() string  // Korean name of the record kind, for the audit log
	label() string // how a person names this record: "2016 관악구"
}

func (p *Plan) bucket() []byte { return bucketPlans }
func (p *Plan) key() []byte    { return itob(p.ID) }
func (p *Plan) setID(id uint64) {
	p.ID = id
}
func (p *Plan) kind() string  { return "혁신계획" }
func (p *Plan) label() string { return fmt.Sprintf("%d %s", p.Year, p.District) }

func (p *Platform) bucket() []byte  { return bucketPlatforms }
func (p *Platform) key() []byte     { return itob(p.ID) }
func (p *Platform) setID(id uint64) { p.ID = id }
func (p *Platform) kind() string    { return "시민협력플랫폼" }
func (p *Platform) label() string   { return fmt.Sprintf("%d %s", p.Year, p.District) }

func (c *Course) bucket() []byte  { return bucketCourses }
func (c *Course) key() []byte     { return itob(c.ID) }
func (c *Course) setID(id uint64) { c.ID = id }
func (c *Course) kind() string    { return "교육과정" }
func (c *Course) label() string   { return fmt.Sprintf("%d %s", c.Year, c.Name) }

func (x *Session) bucket() []byte  { return bucketSessions }
func (x *Session) key() []byte     { return itob(x.ID) }
func (x *Session) setID(id uint64) { x.ID = id }
func (x *Session) kind() string    { return "교육회차" }
func (x *Session) label() string   { return fmt.Sprintf("%s %s %d회", x.Date, x.Course, x.Number) }

func (y *SchoolYear) bucket() []byte { return bucketSchoolYears }
func (y *SchoolYear) key() []byte    { return itob(uint64(y.Year)) }
func (y *SchoolYear) setID(uint64)   {}
func (y *SchoolYear) kind() string   { return "교육실적" }
func (y *SchoolYear) label() string  { return fmt.Sprintf("%d", y.Year) }

// Platform rounds are few: they live in the meta bucket, one key a year.
var platformRoundPrefix = []byte("platform_round/")

func (r *PlatformRound) bucket() []byte { return bucketMeta }
func (r *PlatformRound) key() []byte {
	return append(append([]byte{}, platformRoundPrefix...), fmt.Sprintf("%04d", r.Year)...)
}
func (r *PlatformRound) setID(uint64)  {}
func (r *PlatformRound) kind() string  { return "플랫폼 공모" }
func (r *PlatformRound) label() string { return fmt.Sprintf("%d", r.Year) }

func platformRounds(tx *bolt.Tx) ([]PlatformRound, error) {
	var out []PlatformRound
	c := tx.Bucket(bucketMeta).Cursor()
	for k, v := c.Seek(platformRoundPrefix); k != nil && bytes.HasPrefix(k, platformRoundPrefix); k, v = c.Next() {
		var r PlatformRound
		if err := json.Unmarshal(v, &r); err != nil {
			return nil, fmt.Errorf("%s/%s: %w", bucketMeta, k, err)
		}
		out = append(out, r)
	}
	return out, nil
}

func (e *Event) bucket() []byte  { return bucketEvents }
func (e *Event) key() []byte     { return itob(e.ID) }
func (e *Event) setID(id uint64) { e.ID = id }
func (e *Event) kind() string    { return "행사" }
func (e *Event) label() string   { return fmt.Sprintf("%s %s", e.Date, e.Title) }

func (x *Submission) bucket() []byte  { return bucketSubmissions }
func (x *Submission) key() []byte     { return itob(x.ID) }
func (x *Submission) setID(id uint64) { x.ID = id }
func (x *Submission) kind() string    { return "접수" }
func (x *Submission) label() string   { return fmt.Sprintf("%s %s", x.District, x.FileName) }

func (l *BudgetLine) bucket() []byte  { return bucketBudget }
func (l *BudgetLine) key() []byte     { return itob(l.ID) }
func (l *BudgetLine) setID(id uint64) { l.ID = id }
func (l *BudgetLine) kind() string    { return "예산" }
func (l *BudgetLine) label() string   { return fmt.Sprintf("%d %s", l.Year, l.Name) }

func (m *Milestone) bucket() []byte  { return bucketMilestones }
func (m *Milestone) key() []byte     { return itob(m.ID) }
func (m *Milestone) setID(id uint64) { m.ID = id }
func (m *Milestone) kind() string    { return "일정" }
func (m *Milestone) label() string   { return fmt.Sprintf("%d %s", m.Year, m.Title) }

func (d *District) bucket() []byte { return bucketDistricts }
func (d *District) key() []byte    { return []byte(d.Name) }
func (d *District) setID(uint64)   {}
func (d *District) kind() string   { return "자치구" }
func (d *District) label() string  { return d.Name }

// put writes r in tx, giving it an ID if it has none, and logs the change.
// An identical rewrite is not logged.
func put(tx *bolt.Tx, now time.Time, r record) error {
	b := tx.Bucket(r.bucket())
	after, err := assignID(tx, r)
	if err != nil {
		return err
	}
	before := b.Get(r.key())
	if before != nil && bytes.Equal(stripUpdated(before), stripUpdated(after)) {
		return nil
	}
	if err := b.Put(r.key(), after); err != nil {
		return err
	}
	action := "수정"
	if before == nil {
		action = "추가"
	}
	return appendAudit(tx, now, AuditEntry{Action: action, Kind: r.kind(), Key: auditKey(r),
		Label: r.label(), Before: string(before), After: string(after)})
}

// assignID gives a new record the bucket's next ID and returns its JSON.
func assignID(tx *bolt.Tx, r record) ([]byte, error) {
	if len(r.key()) == 8 && btoi(r.key()) == 0 {
		id, err := tx.Bucket(r.bucket()).NextSequence()
		if err != nil {
			return nil, err
		}
		r.setID(id)
	}
	return json.Marshal(r)
}

// del removes r (looked up by its key) and logs what it was.
func del(tx *bolt.Tx, now time.Time, r record) error {
	b := tx.Bucket(r.bucket())
	before := b.Get(r.key())
	if before == nil {
		return ErrNotFound
	}
	if err := json.Unmarshal(before, r); err != nil {
		return err
	}
	if err := b.Delete(r.key()); err != nil {
		return err
	}
	return appendAudit(tx, now, AuditEntry{Action: "삭제", Kind: r.kind(), Key: auditKey(r),
		Label: r.label(), Before: string(before)})
}

func auditKey(r record) string {
	k := r.key()
	if len(k) == 8 {
		return fmt.Sprintf("%s/%d", r.bucket(), btoi(k))
	}
	return fmt.Sprintf("%s/%s", r.bucket(), k)
}

// stripUpdated drops the "updated" stamp so that saving unchanged data is a no-op.
func stripUpdated(raw []byte) []byte {
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil {
		return raw
	}
	delete(m, "updated")
	out, err := json.Marshal(m)
	if err != nil {
		return raw // cannot happen: the values were just read as JSON
	}
	return out
}

// get reads the record with r's key into r.
func get(tx *bolt.Tx, r record) error {
	raw := tx.Bucket(r.bucket()).Get(r.key())
	if raw == nil {
		return ErrNotFound
	}
	return json.Unmarshal(raw, r)
}

// all reads every record of a bucket.
func all[T any](tx *bolt.Tx, bucket []byte) ([]T, error) {
	var out []T
	err := tx.Bucket(bucket).ForEach(func(k, v []byte) error {
		var r T
		if err := json.Unmarshal(v, &r); err != nil {
			return fmt.Errorf("%s/%x: %w", bucket, k, err)
		}
		out = append(out, r)
		return nil
	})
	return out, err
}

// Filter narrows a list to a year and a district; zero values mean all.
type Filter struct {
	Year     int
	District string
}

func (f Filter) match(year int, district string) bool {
	return (f.Year == 0 || f.Year == year) && (f.District == "" || f.District == district)
}

// districtOrder sorts by the city's order of districts.
func districtOrder(name string) int {
	for i, d := range Districts {
		if d == name {
			return i
		}
	}
	return len(Districts)
}

func sortByYearDistrict[T any](xs []T, year func(T) int, district func(T) string) {
	sort.SliceStable(xs, func(i, j int) bool {
		if year(xs[i]) != year(xs[j]) {
			return year(xs[i]) < year(xs[j])
		}
		return districtOrder(district(xs[i])) < districtOrder(district(xs[j]))
	})
}
