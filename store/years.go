package store

// LatestYear is the latest year that a plan, a consortium or a 협치학교
// session is of: the year the window opens on the first time. It is 0 for
// a file holding none.
func (s *Store) LatestYear() (int, error) {
	latest := 0
	plans, err := s.Plans(Filter{})
	if err != nil {
		return 0, err
	}
	for _, p := range plans {
		latest = max(latest, p.Year)
	}
	platforms, err := s.Platforms(Filter{})
	if err != nil {
		return 0, err
	}
	for _, p := range platforms {
		latest = max(latest, p.Year)
	}
	sessions, err := s.Sessions(Filter{})
	if err != nil {
		return 0, err
	}
	for _, x := range sessions {
		latest = max(latest, x.Year)
	}
	return latest, nil
}
