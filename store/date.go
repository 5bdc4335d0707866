package store

import (
	"time"

	"hyeopchi/store/value"
)

// Date is a calendar date written "2017-07-31"; the empty Date means none.
// It is value.Date, where the date grammar lives.
type Date = value.Date

// NewDate makes a Date from year, month and day.
func NewDate(y int, m time.Month, d int) Date { return value.NewDate(y, m, d) }

// DateOf is the calendar date of t in its own location.
func DateOf(t time.Time) Date { return value.DateOf(t) }

// MonthsBetween counts the months a period covers, a started month
// counting whole: 2016-11-01 ~ 2017-06-30 is 8.
func MonthsBetween(start, end Date) int { return value.MonthsBetween(start, end) }
