// Package envfix gives the process a Korean UTF-8 locale when it has none (or only C), before
// Fyne's lang package reads it during initialisation and logs "Error
// parsing user locale C" to stderr, where the command line's Korean
// messages go. It is its own module so that its import path ("envfix")
// sorts before "fyne.io/…": Go initialises ready packages in import-path
// order, so this init runs first.
package envfix

import (
	"os"
	"strings"
)

func init() {
	// Fyne picks its own words' language from LANGUAGE first: the program
	// speaks Korean whatever the system's language.
	if os.Getenv("LANGUAGE") == "" {
		os.Setenv("LANGUAGE", "ko")
	}
	loc := os.Getenv("LC_ALL")
	if loc == "" {
		loc = os.Getenv("LC_MESSAGES")
	}
	if loc == "" {
		loc = os.Getenv("LANG")
	}
	if !plain(loc) {
		return
	}
	// The program speaks Korean; Fyne's own dialogs follow this.
	for _, k := range []string{"LC_ALL", "LC_MESSAGES"} {
		if plain(os.Getenv(k)) && os.Getenv(k) != "" {
			os.Setenv(k, "ko_KR.UTF-8")
		}
	}
	os.Setenv("LANG", "ko_KR.UTF-8")
}

// plain reports a locale Fyne cannot parse: none, C or POSIX (with any codeset).
func plain(loc string) bool {
	if i := strings.IndexByte(loc, '.'); i >= 0 {
		loc = loc[:i]
	}
	return loc == "" || loc == "C" || loc == "POSIX"
}
