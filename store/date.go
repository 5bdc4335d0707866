package store

import "hyeopchi/store/value"

// Date is a calendar date written "2017-07-31"; the empty Date means none.
// It is value.Date, where the date grammar lives.
type Date = value.Date
