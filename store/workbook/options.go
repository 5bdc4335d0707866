package workbook

import (
	"bytes"

	"hyeopchi/store"
	"hyeopchi/store/safefile"
)

// OptionsFor prefills the blank workbook with a district's records of
// a year, so that the district corrects instead of retyping.
func OptionsFor(st *store.Store, district string, year int) (TemplateOptions, error) {
	opt := TemplateOptions{District: district, Year: year}
	if year == 0 {
		s, err := st.Settings()
		if err != nil {
			return opt, err
		}
		opt.Year = s.CurrentYear
	}
	cs, err := st.Courses(opt.Year)
	if err != nil {
		return opt, err
	}
	for _, c := range cs {
		opt.Courses = append(opt.Courses, c.Name)
	}
	if district == "" {
		return opt, nil
	}
	f := store.Filter{Year: opt.Year, District: district}
	if opt.Plans, err = st.Plans(f); err != nil {
		return opt, err
	}
	if opt.Platforms, err = st.Platforms(f); err != nil {
		return opt, err
	}
	opt.Sessions, err = st.Sessions(f)
	return opt, err
}

// WriteTemplateFile writes the blank workbook for a district and year
// (district "" for a blank one) to path, and says what it filled in.
func WriteTemplateFile(st *store.Store, district string, year int, path string) (string, error) {
	opt, err := OptionsFor(st, district, year)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := Template(&buf, opt); err != nil {
		return "", err
	}
	return opt.Filled(), safefile.WriteFile(path, buf.Bytes(), 0o644)
}
