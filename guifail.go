package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

// logTail keeps the last few KB of the log (Fyne's errors go there), so
// that a failure to open the window can say why.
type logTail struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (t *logTail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf.Write(p)
	if n := t.buf.Len(); n > 8192 {
		t.buf.Next(n - 8192)
	}
	return len(p), nil
}

// cause is the driver's own words for the failure, e.g. "WGL: Failed to
// create OpenGL context", or "" when it logged none.
func (t *logTail) cause() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	var causes []string
	for _, l := range strings.Split(t.buf.String(), "\n") {
		if i := strings.Index(l, "Cause:"); i >= 0 {
			causes = append(causes, strings.TrimSpace(l[i+len("Cause:"):]))
		}
	}
	return strings.Join(causes, "; ")
}

// captureLog sends the log to a tail kept for failures and to stderr. The
// tail comes first: a window program on Windows has no stderr, and
// MultiWriter stops at the first writer that fails.
func captureLog(stderr io.Writer) *logTail {
	t := &logTail{}
	log.SetOutput(io.MultiWriter(t, stderr))
	return t
}

// newWindow is a.NewWindow that turns the GLFW library's panic (no display
// at all: "The GLFW library is not initialized") into an error.
func newWindow(a fyne.App, title string) (w fyne.Window, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return a.NewWindow(title), nil
}

// errNoWindow is a window that Show did not make: the driver logged why.
var errNoWindow = errors.New("no native window")

// showWindow shows w and reports whether the driver made its native window.
func showWindow(w fyne.Window) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	w.Show()
	if !windowCreated(w) {
		return errNoWindow
	}
	return nil
}

// windowCreated reports whether the driver made a native window for w.
// Fyne only logs a failed creation (no OpenGL, no display) and would then
// run on with no window, holding the data file.
func windowCreated(w fyne.Window) bool {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return true // a driver without native windows (tests)
	}
	created := true
	nw.RunNative(func(ctx any) {
		switch c := ctx.(type) {
		case driver.WindowsWindowContext:
			created = c.HWND != 0
		case driver.X11WindowContext:
			created = c.WindowHandle != 0
		case driver.WaylandWindowContext:
			created = c.WaylandSurface != 0
		case driver.MacWindowContext:
			created = c.NSWindow != 0
		}
	})
	return created
}

// windowFailed is the message for a window that could not be created:
// what happened, what to try, and where it was logged.
type windowFailed struct {
	cause string
	log   string // the log file, "" when it could not be written
}

func (e windowFailed) Error() string {
	var b strings.Builder
	b.WriteString("창을 열 수 없습니다. 이 컴퓨터에서 화면을 그리는 OpenGL을 쓸 수 없습니다.\n")
	if e.cause != "" {
		fmt.Fprintf(&b, "원인: %s\n", e.cause)
	}
	b.WriteString("\n해 볼 일:\n")
	b.WriteString("- 그래픽 카드 제조사(인텔, AMD, NVIDIA)의 드라이버를 설치하거나 업데이트한 뒤 다시 실행하세요.\n")
	b.WriteString("- 원격 데스크톱으로 접속했다면 그 컴퓨터 앞에서 직접 실행해 보세요.\n")
	b.WriteString("- 창 없이도 명령줄로 자료를 볼 수 있습니다: hyeopchi list plans, hyeopchi export … (hyeopchi --help)\n")
	b.WriteString("\n데이터 파일은 닫았으니 다시 실행해도 \"사용 중\"이 아닙니다.")
	if e.log != "" {
		fmt.Fprintf(&b, "\n기록: %s", e.log)
	}
	return b.String()
}

// logFailure appends the failure to hyeopchi.log beside the data file and
// returns that file's path, or "" if it could not be written.
func logFailure(dbPath string, msg string, tail *logTail) string {
	path := filepath.Join(filepath.Dir(dbPath), "hyeopchi.log")
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return ""
	}
	defer f.Close()
	tail.mu.Lock()
	detail := tail.buf.String()
	tail.mu.Unlock()
	_, err = fmt.Fprintf(f, "%s 창을 열지 못함: %s\n%s\n", time.Now().Format("2006-01-02 15:04:05"), msg, strings.TrimSpace(detail))
	if err != nil {
		return ""
	}
	return path
}
