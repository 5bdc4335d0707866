// Package xtest starts what the real-window tests need on their own: an
// Xvfb display that no other test's window shares, so that typed keys go
// where the test sends them. Only tests import it (the root package's
// hangul window test and ui/imedemo's).
package xtest

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// Display starts an Xvfb of size ("1600x1000x24") for the test and returns
// its name (":5"); it stops when the test ends.
func Display(t testing.TB, size string) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	x := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", size, "-nolisten", "tcp")
	x.ExtraFiles = []*os.File{w}
	if err := x.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	t.Cleanup(func() {
		_ = x.Process.Kill() // it may have ended already
		_ = x.Wait()         // killed: its exit status says nothing
	})
	defer r.Close()
	return ":" + FirstLine(t, r, "Xvfb")
}

// FirstLine is the first line what (a program just started) prints on r;
// the test fails if it prints nothing or nothing within 30 seconds (a hang,
// not a timing assertion).
func FirstLine(t testing.TB, r io.Reader, what string) string {
	t.Helper()
	got := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n') // an error leaves the line empty: reported below
		got <- strings.TrimSpace(line)
	}()
	select {
	case s := <-got:
		if s == "" {
			t.Fatalf("%s printed nothing", what)
		}
		return s
	case <-time.After(30 * time.Second):
		t.Fatalf("%s did not start", what)
	}
	return ""
}
