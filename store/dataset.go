package store

// Dataset is a whole set of records, as seeded or generated.
type Dataset struct {
	Settings    Settings
	Districts   []District
	Plans       []Plan
	Platforms   []Platform
	Courses     []Course
	Sessions    []Session
	SchoolYears []SchoolYear
	Events      []Event
	BudgetLines []BudgetLine
	Milestones  []Milestone
}

// EmptyData is a dataset with no programme records: only the 25 districts
// with their default regions and the default settings.
func EmptyData() Dataset {
	d := Dataset{Settings: DefaultSettings()}
	for _, name := range Districts {
		d.Districts = append(d.Districts, District{Name: name, Region: DefaultRegion[name]})
	}
	return d
}

// Merge adds o's records to d. Districts and settings of d win.
func (d Dataset) Merge(o Dataset) Dataset {
	if len(d.Districts) == 0 {
		d.Districts = o.Districts
	}
	d.Plans = append(d.Plans, o.Plans...)
	d.Platforms = append(d.Platforms, o.Platforms...)
	d.Courses = append(d.Courses, o.Courses...)
	d.Sessions = append(d.Sessions, o.Sessions...)
	d.SchoolYears = append(d.SchoolYears, o.SchoolYears...)
	d.Events = append(d.Events, o.Events...)
	d.BudgetLines = append(d.BudgetLines, o.BudgetLines...)
	d.Milestones = append(d.Milestones, o.Milestones...)
	return d
}
