package value

import (
	"fmt"
	"time"
)

// Date is a calendar date written "2017-07-31"; the empty Date means none.
// The ISO form sorts and compares as a string.
type Date string

const dateLayout = "2006-01-02"

// NewDate makes a Date from year, month and day.
func NewDate(y int, m time.Month, d int) Date {
	return Date(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Format(dateLayout))
}

// DateOf is the calendar date of t in its own location.
func DateOf(t time.Time) Date { return Date(t.Format(dateLayout)) }

// Time is the date at midnight UTC; the zero time for the empty Date.
func (d Date) Time() time.Time {
	t, err := time.Parse(dateLayout, string(d))
	if err != nil {
		return time.Time{}
	}
	return t
}

// IsZero reports whether no date is set.
func (d Date) IsZero() bool { return d == "" }

// Valid reports whether d is empty or a real calendar date.
func (d Date) Valid() bool {
	if d == "" {
		return true
	}
	_, err := time.Parse(dateLayout, string(d))
	return err == nil
}

// Year is the date's year, 0 for none.
func (d Date) Year() int {
	if d.IsZero() {
		return 0
	}
	return d.Time().Year()
}

// DaysUntil counts calendar days from today to d: 0 on the day, negative after.
func (d Date) DaysUntil(today Date) int {
	return int(d.Time().Sub(today.Time()).Hours() / 24)
}

// DDay writes the Korean D-day mark: "D-7", "D-day", "D+3".
func (d Date) DDay(today Date) string {
	n := d.DaysUntil(today)
	switch {
	case n > 0:
		return fmt.Sprintf("D-%d", n)
	case n == 0:
		return "D-day"
	default:
		return fmt.Sprintf("D+%d", -n)
	}
}

// MonthsBetween counts the months a period covers, a started month
// counting whole: 2016-11-01 ~ 2017-06-30 is 8, ~ 2017-05-30 is 7.
func MonthsBetween(start, end Date) int {
	if start.IsZero() || end.IsZero() || end < start {
		return 0
	}
	s, e := start.Time(), end.Time()
	n := 0
	for !s.AddDate(0, n, 0).After(e) {
		n++
	}
	return n
}
