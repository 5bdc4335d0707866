package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"hyeopchi/ui/xtest"
)

// TestHangulIMECheck types 관악구 through ibus-hangul into this demo (which
// starts as hyeopchi starts) and checks all four ways of finishing: Enter,
// Ctrl+S, a click on 저장, and Enter then Ctrl+S in the multi-line field.
// It runs shared/tools/hangul-ime-check in the locale it sets up by default
// (C.UTF-8, no Korean locale installed) and in ko_KR.UTF-8, then under the
// locale variables a coordinator's machine may have: none, C, and a locale
// that is not installed. The trials run side by side, each with its own
// display and input method.
func TestHangulIMECheck(t *testing.T) {
	tool := imeCheckTool(t)
	bin := filepath.Join(t.TempDir(), "imedemo")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"C.UTF-8", []string{"--", bin}},
		{"ko_KR.UTF-8", []string{"-l", "ko_KR.UTF-8", "--", bin}},
		{"LANG unset", []string{"--", "env", "-u", "LC_ALL", "-u", "LANG", bin}},
		{"LANG=C", []string{"--", "env", "-u", "LC_ALL", "LANG=C", bin}},
		{"LANG=en_US.UTF-8 not installed", []string{"--", "env", "-u", "LC_ALL", "LANG=en_US.UTF-8", bin}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel() // each on its own display, with its own ibus
			if strings.HasPrefix(tc.name, "LANG") && testing.Short() {
				t.Skip("-short: the two locales of the check only")
			}
			if tc.name == "ko_KR.UTF-8" {
				if _, err := os.Stat("/usr/share/i18n/locales/ko_KR"); err != nil {
					t.Skip("ko_KR locale source missing (Debian: locales)")
				}
			}
			cmd := exec.Command(tool, tc.args...)
			cmd.Env = append(os.Environ(), "DISPLAY="+xtest.Display(t, "1280x800x24"))
			out, err := cmd.CombinedOutput()
			if err != nil || !strings.Contains(string(out), "4 passed, 0 failed") {
				t.Fatalf("hangul-ime-check %s: %v\n%s", strings.Join(tc.args, " "), err, out)
			}
		})
	}
}

// TestHangulFocusCheck runs focus-check.sh: a syllable still being composed
// stays in its field when the coordinator clicks or tabs to the next one.
func TestHangulFocusCheck(t *testing.T) {
	needIME(t)
	bin := filepath.Join(t.TempDir(), "imedemo")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command("./focus-check.sh", "--", bin)
	cmd.Env = append(os.Environ(), "DISPLAY="+xtest.Display(t, "1280x800x24"))
	out, err := cmd.CombinedOutput()
	if err != nil || strings.Count(string(out), "pass ") != 2 {
		t.Fatalf("focus-check.sh: %v\n%s", err, out)
	}
}

// needIME skips the test when the input method or the tools that drive it
// are missing.
func needIME(t *testing.T) {
	t.Helper()
	for _, c := range []string{"Xvfb", "xdotool", "ibus-daemon", "dbus-run-session", "gsettings"} {
		if _, err := exec.LookPath(c); err != nil {
			t.Skipf("%s missing: .ci/deps installs xvfb xdotool ibus ibus-hangul dbus libglib2.0-bin", c)
		}
	}
	if _, err := os.Stat("/usr/share/ibus/component/hangul.xml"); err != nil {
		t.Skip("ibus-hangul missing: .ci/deps installs it")
	}
}

// imeCheckTool finds shared/tools/hangul-ime-check beside the clone (CI:
// ../shared) or further up (a work tree), with what it needs, and returns
// an executable copy of it; it skips the test when any is missing.
func imeCheckTool(t *testing.T) string {
	t.Helper()
	needIME(t)
	dir, err := filepath.Abs("../..") // the repository's root
	if err != nil {
		t.Fatal(err)
	}
	src := ""
	for d := filepath.Dir(dir); ; d = filepath.Dir(d) {
		p := filepath.Join(d, "shared", "tools", "hangul-ime-check")
		if _, err := os.Stat(p); err == nil {
			src = p
			break
		}
		if d == filepath.Dir(d) {
			t.Skip("shared/tools/hangul-ime-check not found beside the repository")
		}
	}
	script, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	// shared/ may be read-only and lose its x bits; the tool runs itself again.
	tool := filepath.Join(t.TempDir(), "hangul-ime-check")
	if err := os.WriteFile(tool, script, 0o755); err != nil {
		t.Fatal(err)
	}
	return tool
}
