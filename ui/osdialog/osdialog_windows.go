//go:build windows

package osdialog

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"unicode/utf16"
	"unsafe"
)

var (
	comdlg32                 = syscall.NewLazyDLL("comdlg32.dll")
	procGetOpenFileNameW     = comdlg32.NewProc("GetOpenFileNameW")
	procGetSaveFileNameW     = comdlg32.NewProc("GetSaveFileNameW")
	procCommDlgExtendedError = comdlg32.NewProc("CommDlgExtendedError")
	ole32                    = syscall.NewLazyDLL("ole32.dll")
	procCoInitializeEx       = ole32.NewProc("CoInitializeEx")
	procCoUninitialize       = ole32.NewProc("CoUninitialize")
	user32                   = syscall.NewLazyDLL("user32.dll")
	procGetForegroundWindow  = user32.NewProc("GetForegroundWindow")
	procGetWindowThreadPID   = user32.NewProc("GetWindowThreadProcessId")
)

// openFileName is OPENFILENAMEW (commdlg.h).
type openFileName struct {
	structSize      uint32
	owner           uintptr
	instance        uintptr
	filter          *uint16
	customFilter    *uint16
	maxCustomFilter uint32
	filterIndex     uint32
	file            *uint16
	maxFile         uint32
	fileTitle       *uint16
	maxFileTitle    uint32
	initialDir      *uint16
	title           *uint16
	flags           uint32
	fileOffset      uint16
	fileExtension   uint16
	defExt          *uint16
	custData        uintptr
	hook            uintptr
	templateName    *uint16
	reserved        uintptr
	reserved2       uint32
	flagsEx         uint32
}

const (
	ofnOverwritePrompt = 0x00000002
	ofnHideReadOnly    = 0x00000004
	ofnNoChangeDir     = 0x00000008
	ofnPathMustExist   = 0x00000800
	ofnFileMustExist   = 0x00001000
	ofnExplorer        = 0x00080000
	maxPath            = 32768
)

func available() bool { return comdlg32.Load() == nil }

func open(title, dir string, f Filter) (string, error) {
	return run(false, title, dir, "", f)
}

func save(title, dir, name string, f Filter) (string, error) {
	return run(true, title, dir, name, f)
}

// utf16z is s as UTF-16 with a closing NUL; s may hold NULs of its own
// (the filter list).
func utf16z(s string) *uint16 {
	u := utf16.Encode([]rune(s + "\x00"))
	return &u[0]
}

// owner is the window in front when it is this program's, so that the
// dialog stays above it.
func owner() uintptr {
	h, _, _ := procGetForegroundWindow.Call()
	if h == 0 {
		return 0
	}
	var pid uint32
	procGetWindowThreadPID.Call(h, uintptr(unsafe.Pointer(&pid)))
	if int(pid) != syscall.Getpid() {
		return 0
	}
	return h
}

func run(saving bool, title, dir, name string, f Filter) (string, error) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if r, _, _ := procCoInitializeEx.Call(0, 0x2|0x4); r == 0 || r == 1 { // S_OK, S_FALSE
		defer procCoUninitialize.Call()
	}
	buf := make([]uint16, maxPath)
	copy(buf, utf16.Encode([]rune(filepath.FromSlash(name))))
	filter := "모든 파일 (*.*)\x00*.*\x00"
	if p := f.patterns(";"); p != "" {
		filter = fmt.Sprintf("%s (%s)\x00%s\x00", f.Name, p, p) + filter
	}
	ofn := openFileName{
		owner:  owner(),
		filter: utf16z(filter + "\x00"), filterIndex: 1,
		file: &buf[0], maxFile: maxPath,
		title: utf16z(title),
		flags: ofnExplorer | ofnNoChangeDir | ofnHideReadOnly | ofnPathMustExist,
	}
	ofn.structSize = uint32(unsafe.Sizeof(ofn))
	if dir != "" {
		ofn.initialDir = utf16z(filepath.FromSlash(dir))
	}
	proc := procGetOpenFileNameW
	if saving {
		proc = procGetSaveFileNameW
		ofn.flags |= ofnOverwritePrompt
		if len(f.Exts) > 0 {
			ofn.defExt = utf16z(strings.TrimPrefix(f.Exts[0], "."))
		}
	} else {
		ofn.flags |= ofnFileMustExist
	}
	if r, _, _ := proc.Call(uintptr(unsafe.Pointer(&ofn))); r == 0 {
		if code, _, _ := procCommDlgExtendedError.Call(); code != 0 {
			return "", fmt.Errorf("윈도우 파일 창 오류 (코드 0x%X)", code)
		}
		return "", ErrCancelled
	}
	return syscall.UTF16ToString(buf), nil
}

// QuietEnv is the environment to start a helper program with: on Windows
// this process's own.
func QuietEnv() []string { return nil }
