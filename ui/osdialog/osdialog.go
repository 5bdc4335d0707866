// Package osdialog opens the operating system's own file dialogs: the
// Windows open and save dialogs (comdlg32, no cgo), and zenity or kdialog
// on Linux where one is installed. Such a dialog takes a typed or pasted
// path and has the system's own side bar, in the system's language.
// Available reports whether there is one; the window falls back to its own
// dialog where there is not.
package osdialog

import (
	"errors"
	"strings"
)

// ErrCancelled is returned when the person closed the dialog without a file.
var ErrCancelled = errors.New("취소했습니다")

// Filter limits the files shown: Name is what the dialog says ("PDF 파일"),
// Exts the extensions with their dot (".pdf"). A zero Filter shows all files.
type Filter struct {
	Name string
	Exts []string
}

// patterns is the filter as glob patterns: "*.pdf *.xlsx".
func (f Filter) patterns(sep string) string {
	var ps []string
	seen := map[string]bool{}
	for _, e := range f.Exts {
		p := "*" + strings.ToLower(e)
		if !seen[p] {
			seen[p] = true
			ps = append(ps, p)
		}
	}
	return strings.Join(ps, sep)
}

// Available reports whether this system has a file dialog of its own.
func Available() bool { return available() }

// Open asks for an existing file, starting in dir; it returns its path.
func Open(title, dir string, f Filter) (string, error) { return open(title, dir, f) }

// Save asks where to save a file, starting in dir with name filled in; the
// system asks before replacing a file. It returns the path.
func Save(title, dir, name string, f Filter) (string, error) { return save(title, dir, name, f) }
