//go:build !windows

package osdialog

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// helper is the dialog program found on this system: zenity (GNOME and
// most desktops) or kdialog (KDE), or "".
func helper() string {
	if runtime.GOOS != "linux" && runtime.GOOS != "freebsd" && runtime.GOOS != "openbsd" && runtime.GOOS != "netbsd" {
		return ""
	}
	if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return ""
	}
	for _, name := range []string{"zenity", "kdialog"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

func available() bool { return helper() != "" }

func open(title, dir string, f Filter) (string, error) { return run(false, title, dir, "", f) }

func save(title, dir, name string, f Filter) (string, error) { return run(true, title, dir, name, f) }

func run(saving bool, title, dir, name string, f Filter) (string, error) {
	prog := helper()
	if prog == "" {
		return "", errors.New("시스템 파일 창(zenity, kdialog)이 없습니다")
	}
	start := filepath.Join(dir, name)
	if name == "" && dir != "" {
		start = dir + string(filepath.Separator)
	}
	var args []string
	if filepath.Base(prog) == "kdialog" {
		filter := "*"
		if p := f.patterns(" "); p != "" {
			filter = fmt.Sprintf("%s (%s)", p, f.Name)
		}
		if saving {
			args = []string{"--title", title, "--getsavefilename", start, filter}
		} else {
			args = []string{"--title", title, "--getopenfilename", start, filter}
		}
	} else {
		args = []string{"--file-selection", "--title=" + title}
		if start != "" {
			args = append(args, "--filename="+start)
		}
		if saving {
			args = append(args, "--save", "--confirm-overwrite")
		}
		if p := f.patterns(" "); p != "" {
			args = append(args, "--file-filter="+f.Name+" | "+p, "--file-filter=모든 파일 | *")
		}
	}
	cmd := exec.Command(prog, args...)
	cmd.Env = quietEnv()
	var out bytes.Buffer
	cmd.Stdout = &out // its stderr (GTK's English warnings) goes nowhere
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit) && exit.ExitCode() == 1:
		return "", ErrCancelled
	case errors.As(err, &exit):
		return "", fmt.Errorf("%s 종료 코드 %d", filepath.Base(prog), exit.ExitCode())
	case err != nil:
		return "", fmt.Errorf("%s을(를) 실행할 수 없습니다", filepath.Base(prog))
	}
	path := strings.TrimRight(out.String(), "\r\n")
	if path == "" {
		return "", ErrCancelled
	}
	return path, nil
}

// quietEnv is this process's environment for a helper program, without a
// session bus to start (where none runs, a D-Bus client would launch a
// dbus-daemon that outlives the window), and with a UTF-8 locale that is
// installed: under one that is not (the window asks for ko_KR.UTF-8), GTK
// falls back to C and refuses Korean arguments.
func quietEnv() []string {
	env := os.Environ()
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		env = append(env, "DBUS_SESSION_BUS_ADDRESS=disabled:")
	}
	loc := os.Getenv("LC_ALL")
	if loc == "" {
		loc = os.Getenv("LANG")
	}
	if loc != "" && !localeInstalled(loc) {
		env = append(env, "LC_ALL=C.UTF-8")
	}
	return env
}

var (
	localesOnce sync.Once
	locales     map[string]bool
)

// localeInstalled reports whether `locale -a` lists name (ko_KR.UTF-8 is
// listed as ko_KR.utf8). Without the locale program it says yes.
func localeInstalled(name string) bool {
	norm := func(s string) string {
		return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "-", "")
	}
	localesOnce.Do(func() {
		out, err := exec.Command("locale", "-a").Output()
		if err != nil {
			return
		}
		locales = map[string]bool{}
		for _, l := range strings.Split(string(out), "\n") {
			locales[norm(l)] = true
		}
	})
	return locales == nil || locales[norm(name)]
}

// QuietEnv is the environment to start a helper program (a file manager)
// with, as the dialogs are started.
func QuietEnv() []string { return quietEnv() }
