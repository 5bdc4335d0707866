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
	// PlatformRounds are the platform calls' outcomes the plan states.
	PlatformRounds []PlatformRound
	Events         []Event
	BudgetLines    []BudgetLine
	Milestones     []Milestone
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

// WithSynthetic is base (the plan's data) and also years of generated data
// for all 25 districts from SyntheticData. Where a base plan or consortium
// would break a rule next to the generated ones (overlapping periods, the
// 36-month cap, one consortium a year), the generated record wins; base
// budget lines, milestones and courses stay only for years not generated.
func WithSynthetic(base Dataset, years int, seed int64) Dataset {
	out := SyntheticData(years, seed)
	generated := map[int]bool{}
	for _, l := range out.BudgetLines {
		generated[l.Year] = true
	}
	for _, p := range base.Plans {
		var others []Plan
		for _, o := range out.Plans {
			if o.District == p.District {
				others = append(others, o)
			}
		}
		if !CheckPlan(p, others, SyntheticAsOf(years), out.Settings.Deadlines).HasErrors() {
			out.Plans = append(out.Plans, p)
		}
	}
	for _, p := range base.Platforms {
		var others []Platform
		for _, o := range out.Platforms {
			if o.District == p.District {
				others = append(others, o)
			}
		}
		if !CheckPlatform(p, others).HasErrors() {
			out.Platforms = append(out.Platforms, p)
		}
	}
	out.SchoolYears = append(append([]SchoolYear{}, base.SchoolYears...), out.SchoolYears...)
	out.PlatformRounds = append(append([]PlatformRound{}, base.PlatformRounds...), out.PlatformRounds...)
	for _, l := range base.BudgetLines {
		if !generated[l.Year] {
			out.BudgetLines = append(out.BudgetLines, l)
		}
	}
	for _, m := range base.Milestones {
		if !generated[m.Year] {
			out.Milestones = append(out.Milestones, m)
		}
	}
	for _, c := range base.Courses {
		if !generated[c.Year] {
			out.Courses = append(out.Courses, c)
		}
	}
	return out
}
