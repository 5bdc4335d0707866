package envfix

import (
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"
)

// Changes for each way a machine may be set up. Only C.UTF-8 and
// POSIX-like names are "installed" unless a case says otherwise.
func TestChanges(t *testing.T) {
	debian := []string{"C.UTF-8"}
	korean := []string{"C.UTF-8", "ko_KR.UTF-8"}
	for _, tc := range []struct {
		name      string
		env       map[string]string
		installed []string
		want      []Change
	}{
		{"nothing set: Korean words, UTF-8 characters", nil, debian,
			[]Change{{"LANGUAGE", "ko"}, {"LC_CTYPE", "C.UTF-8"}}},
		{"LANG=C: messages leave C so that LANGUAGE counts", map[string]string{"LANG": "C"}, debian,
			[]Change{{"LANGUAGE", "ko"}, {"LC_CTYPE", "C.UTF-8"}, {"LC_MESSAGES", "C.UTF-8"}}},
		{"LANG=POSIX is C", map[string]string{"LANG": "POSIX"}, debian,
			[]Change{{"LANGUAGE", "ko"}, {"LC_CTYPE", "C.UTF-8"}, {"LC_MESSAGES", "C.UTF-8"}}},
		{"LANG=C.UTF-8 is kept", map[string]string{"LANG": "C.UTF-8"}, debian,
			[]Change{{"LANGUAGE", "ko"}}},
		{"LANG=ko_KR.UTF-8 installed is kept", map[string]string{"LANG": "ko_KR.UTF-8"}, korean,
			[]Change{{"LANGUAGE", "ko"}}},
		{"LANG=ko_KR.UTF-8 not installed: only the character set changes", map[string]string{"LANG": "ko_KR.UTF-8"}, debian,
			[]Change{{"LANGUAGE", "ko"}, {"LC_CTYPE", "C.UTF-8"}}},
		{"LANG=en_US.UTF-8 not installed", map[string]string{"LANG": "en_US.UTF-8"}, debian,
			[]Change{{"LANGUAGE", "ko"}, {"LC_CTYPE", "C.UTF-8"}}},
		{"LC_ALL=C wins over all: it is the one changed", map[string]string{"LC_ALL": "C", "LANG": "ko_KR.UTF-8"}, korean,
			[]Change{{"LANGUAGE", "ko"}, {"LC_ALL", "C.UTF-8"}}},
		{"LC_ALL not installed", map[string]string{"LC_ALL": "ko_KR.UTF-8"}, debian,
			[]Change{{"LANGUAGE", "ko"}, {"LC_ALL", "C.UTF-8"}}},
		{"LC_CTYPE=C under a good LANG", map[string]string{"LC_CTYPE": "C", "LANG": "ko_KR.UTF-8"}, korean,
			[]Change{{"LANGUAGE", "ko"}, {"LC_CTYPE", "C.UTF-8"}}},
		{"LC_MESSAGES=C under a good LANG", map[string]string{"LC_MESSAGES": "C", "LANG": "C.UTF-8"}, debian,
			[]Change{{"LANGUAGE", "ko"}, {"LC_MESSAGES", "C.UTF-8"}}},
		{"the coordinator's own LANGUAGE stays", map[string]string{"LANGUAGE": "en", "LANG": "C.UTF-8"}, debian, nil},
		{"LANGUAGE=C is no language", map[string]string{"LANGUAGE": "C", "LANG": "C.UTF-8"}, debian,
			[]Change{{"LANGUAGE", "ko"}}},
		{"no C.UTF-8 (old C library): the next installed", map[string]string{"LANG": "C"}, []string{"en_US.UTF-8"},
			[]Change{{"LANGUAGE", "ko"}, {"LC_CTYPE", "en_US.UTF-8"}, {"LC_MESSAGES", "en_US.UTF-8"}}},
		{"nothing installed: the locale is left alone", map[string]string{"LANG": "C"}, nil,
			[]Change{{"LANGUAGE", "ko"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Changes(func(k string) string { return tc.env[k] }, func(l string) bool {
				for _, i := range tc.installed {
					if l == i {
						return true
					}
				}
				return false
			})
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
		})
	}
}

// Where the input method does not read the locale, only LANGUAGE is set.
func TestChangesWithoutLocaleCheck(t *testing.T) {
	got := Changes(func(string) string { return "" }, nil)
	if want := []Change{{"LANGUAGE", "ko"}}; !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
}

// installed asks the real C library.
func TestInstalled(t *testing.T) {
	if installed == nil {
		t.Skip("no locale check on this platform")
	}
	if !installed("C.UTF-8") {
		t.Error("C.UTF-8 not installed (every glibc since 2.35 has it)")
	}
	for _, l := range []string{"", "xx_XX.UTF-8", "ko_KR.NO-SUCH-SET"} {
		if installed(l) {
			t.Errorf("%q reported installed", l)
		}
	}
	// A locale built privately counts, as it does for setlocale.
	if _, err := exec.LookPath("localedef"); err != nil {
		t.Skip("no localedef (Debian: locales)")
	}
	dir := t.TempDir()
	if out, err := exec.Command("localedef", "-i", "ko_KR", "-f", "UTF-8", filepath.Join(dir, "ko_KR.UTF-8")).CombinedOutput(); err != nil {
		t.Skipf("cannot build ko_KR.UTF-8 (Debian: locales): %v %s", err, out)
	}
	t.Setenv("LOCPATH", dir)
	if !installed("ko_KR.UTF-8") {
		t.Errorf("ko_KR.UTF-8 under LOCPATH=%s not found", dir)
	}
}
