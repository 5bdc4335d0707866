//go:build windows

package main

import (
	"log"
	"os"
	"syscall"
	"unsafe"
)

var (
	kernel32          = syscall.NewLazyDLL("kernel32.dll")
	procAttachConsole = kernel32.NewProc("AttachConsole")
	procSetStdHandle  = kernel32.NewProc("SetStdHandle")
	user32            = syscall.NewLazyDLL("user32.dll")
	procMessageBoxW   = user32.NewProc("MessageBoxW")
)

const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1

// attachConsole gives a -H windowsgui build the console of the cmd.exe or
// PowerShell it was started from, so that a command's output and errors
// appear there. Output already redirected to a file or a pipe (>, |) is
// kept as it is.
func attachConsole() {
	outOK := usable(syscall.STD_OUTPUT_HANDLE)
	errOK := usable(syscall.STD_ERROR_HANDLE)
	if outOK && errOK {
		return
	}
	if r, _, _ := procAttachConsole.Call(attachParentProcess); r == 0 {
		return // started from Explorer: no console to attach to
	}
	con, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0)
	if err != nil {
		return
	}
	if !outOK {
		os.Stdout = con
		setStdHandle(syscall.STD_OUTPUT_HANDLE, con)
	}
	if !errOK {
		os.Stderr = con
		setStdHandle(syscall.STD_ERROR_HANDLE, con)
		log.SetOutput(con)
	}
}

// setStdHandle makes f the process's standard handle std, for C code and
// child processes.
func setStdHandle(std int, f *os.File) {
	n := uint32(int32(std)) // STD_OUTPUT_HANDLE is (DWORD)-11
	procSetStdHandle.Call(uintptr(n), f.Fd())
}

// usable reports whether a standard handle leads somewhere: a GUI program
// started from a console has none, one started with "> file" has a file.
func usable(std int) bool {
	h, err := syscall.GetStdHandle(std)
	if err != nil || h == 0 || h == syscall.InvalidHandle {
		return false
	}
	t, err := syscall.GetFileType(h)
	return err == nil && t != syscall.FILE_TYPE_UNKNOWN
}

// showFatal shows a Korean error in a message box: a user who
// double-clicked the program (or started the window from cmd.exe) has no
// stderr to read.
func showFatal(msg string) {
	if usable(syscall.STD_ERROR_HANDLE) {
		return // started with stderr going somewhere: it has the message
	}
	text, err1 := syscall.UTF16PtrFromString(msg)
	title, err2 := syscall.UTF16PtrFromString("협치 사무국")
	if err1 != nil || err2 != nil {
		return
	}
	const mbOK, mbIconError, mbSetForeground = 0x0, 0x10, 0x10000
	procMessageBoxW.Call(0, uintptr(unsafe.Pointer(text)), uintptr(unsafe.Pointer(title)), mbOK|mbIconError|mbSetForeground)
}
