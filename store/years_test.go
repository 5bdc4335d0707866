package store

import (
	"path/filepath"
	"testing"
)

func TestLatestYear(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		name string
		data Dataset
		want int
	}{
		{"the plan's data is of 2016", SeedData(), 2016},
		{"an empty file has none", EmptyData(), 0},
		{"two synthetic years reach 2018", WithSynthetic(SeedData(), 2, 1), 2018},
	} {
		t.Run(c.name, func(t *testing.T) {
			st, err := Create(filepath.Join(dir, c.name+".db"), c.data)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			got, err := st.LatestYear()
			if err != nil || got != c.want {
				t.Fatalf("LatestYear = %d, %v; want %d", got, err, c.want)
			}
		})
	}
}
