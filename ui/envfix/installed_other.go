//go:build !((linux || freebsd || openbsd || netbsd) && cgo)

package envfix

// installed is nil where the locale variables do not reach the input method
// (Windows, macOS) or cannot be checked (no cgo): only LANGUAGE is set.
var installed func(string) bool
