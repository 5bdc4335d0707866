package main

import (
	"os"
	"path/filepath"
	"runtime"
)

// portableMarker is the file that, beside the executable, makes the program
// keep its data in data\ beside it: how a coordinator carries it on a USB
// stick. The Windows zip ships it.
const portableMarker = "portable.txt"

// portableDir is the data folder of portable mode, or "" when the marker is
// not beside the executable.
func portableDir() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	if r, err := filepath.EvalSymlinks(exe); err == nil {
		exe = r
	}
	dir := filepath.Dir(exe)
	if fi, err := os.Stat(filepath.Join(dir, portableMarker)); err != nil || fi.IsDir() {
		return ""
	}
	return filepath.Join(dir, "data")
}

// userDataDir is the per-user data folder: %AppData%\hyeopchi on Windows,
// ~/.local/share/hyeopchi (or $XDG_DATA_HOME) on Linux.
func userDataDir() string {
	var dir string
	switch runtime.GOOS {
	case "windows", "darwin":
		dir, _ = os.UserConfigDir()
	default:
		dir = os.Getenv("XDG_DATA_HOME")
		if dir == "" {
			if home, err := os.UserHomeDir(); err == nil {
				dir = filepath.Join(home, ".local", "share")
			}
		}
	}
	if dir == "" {
		dir = "."
	}
	return filepath.Join(dir, "hyeopchi")
}

// defaultDB is HYEOPCHI_DB, else hyeopchi.db in the portable data folder
// when the marker is there, else in the user's data folder.
func defaultDB() string {
	if p := os.Getenv("HYEOPCHI_DB"); p != "" {
		return p
	}
	if dir := portableDir(); dir != "" {
		return filepath.Join(dir, "hyeopchi.db")
	}
	return filepath.Join(userDataDir(), "hyeopchi.db")
}
