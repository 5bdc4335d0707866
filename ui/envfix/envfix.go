// Package envfix prepares the process's locale variables before Fyne reads
// them during initialisation. It is its own module so that its import path
// ("envfix") sorts before "fyne.io/…": Go initialises ready packages in
// import-path order, so this init runs first.
//
// Two things depend on these variables:
//
//   - Fyne's own words (dialog buttons, the file dialog) follow LANGUAGE,
//     unless LC_ALL, LC_MESSAGES or LANG is exactly C or POSIX. The program
//     speaks Korean whatever the system's language.
//   - X input methods (ibus-hangul, fcitx over XIM) need LC_CTYPE to be a
//     locale that is installed and not C: GLFW sets LC_CTYPE from the
//     environment, and where that fails (a locale named but not installed)
//     or gives C, Hangul keys vanish while Latin letters still arrive.
//
// So envfix never names a locale without checking that it is installed
// (newlocale), and changes LC_CTYPE only where it is unset, C, POSIX or
// missing.
package envfix

import "os"

func init() {
	for _, c := range Changes(os.Getenv, installed) {
		os.Setenv(c.Name, c.Value)
	}
}

// Change is one environment variable to set.
type Change struct{ Name, Value string }

// Candidates are the UTF-8 locales envfix may switch to, in order of
// preference: C.UTF-8 changes nothing but the character set.
var Candidates = []string{"C.UTF-8", "ko_KR.UTF-8", "en_US.UTF-8"}

// Changes returns the variables to set, given the environment (env) and a
// test of whether a locale is installed. With installed nil (where the
// locale variables mean nothing to the input method: Windows, macOS) only
// LANGUAGE is given.
func Changes(env func(string) string, installed func(string) bool) []Change {
	var out []Change
	if l := env("LANGUAGE"); l == "" || plain(l) {
		out = append(out, Change{"LANGUAGE", "ko"})
	}
	if installed == nil {
		return out
	}
	pick := ""
	for _, c := range Candidates {
		if installed(c) {
			pick = c
			break
		}
	}
	if pick == "" {
		return out // nothing better is installed: leave the locale alone
	}
	get := func(name string) string {
		for i := len(out) - 1; i >= 0; i-- {
			if out[i].Name == name {
				return out[i].Value
			}
		}
		return env(name)
	}

	// The character set X input methods use: LC_ALL, else LC_CTYPE, else LANG.
	ctype, from := first(get, "LC_ALL", "LC_CTYPE", "LANG")
	if plain(ctype) || !installed(ctype) {
		if from != "LC_ALL" {
			from = "LC_CTYPE" // LANG stays: only the character set changes
		}
		out = append(out, Change{from, pick})
	}

	// Fyne ignores LANGUAGE when the messages locale is exactly C or POSIX.
	if msg, _ := first(get, "LC_ALL", "LC_MESSAGES", "LANG"); msg == "C" || msg == "POSIX" {
		out = append(out, Change{"LC_MESSAGES", pick})
	}
	return out
}

// first returns the first of names that is set, and its name.
func first(get func(string) string, names ...string) (value, name string) {
	for _, n := range names {
		if v := get(n); v != "" {
			return v, n
		}
	}
	return "", ""
}

// plain reports a locale with no character set of its own: none, C or POSIX
// (C.UTF-8 is not plain).
func plain(loc string) bool {
	return loc == "" || loc == "C" || loc == "POSIX"
}
