//go:build !windows

package osdialog

import (
	"os/exec"
	"slices"
	"testing"
)

// A helper program gets C.UTF-8 where the window's locale is not installed,
// and never a session bus of its own.
func TestQuietEnv(t *testing.T) {
	if _, err := exec.LookPath("locale"); err != nil {
		t.Skip("no locale program")
	}
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	t.Setenv("LC_ALL", "")
	t.Setenv("LANG", "xx_NOWHERE.UTF-8")
	env := quietEnv()
	if !slices.Contains(env, "LC_ALL=C.UTF-8") || !slices.Contains(env, "DBUS_SESSION_BUS_ADDRESS=disabled:") {
		t.Fatalf("env for a missing locale: %v", env)
	}
	t.Setenv("LANG", "C.UTF-8")
	if slices.Contains(quietEnv(), "LC_ALL=C.UTF-8") {
		t.Fatal("an installed locale was replaced")
	}
}
