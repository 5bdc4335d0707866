//go:build windows

package field

import (
	"syscall"

	"fyne.io/fyne/v2/driver"
)

var (
	imm32                 = syscall.NewLazyDLL("imm32.dll")
	procImmGetContext     = imm32.NewProc("ImmGetContext")
	procImmNotifyIME      = imm32.NewProc("ImmNotifyIME")
	procImmReleaseContext = imm32.NewProc("ImmReleaseContext")
)

// From imm.h.
const (
	niCompositionStr = 0x0015 // NI_COMPOSITIONSTR
	cpsComplete      = 0x0001 // CPS_COMPLETE
)

// commitNative asks the window's input method (Microsoft IME and the like)
// to complete its composition; the text then arrives as WM_CHAR messages in
// the window's queue. No key marks the end, hence echo 0.
func commitNative(ctx any) (echo int) {
	var hwnd uintptr
	switch c := ctx.(type) {
	case driver.WindowsWindowContext:
		hwnd = c.HWND
	case *driver.WindowsWindowContext:
		hwnd = c.HWND
	}
	if hwnd == 0 || imm32.Load() != nil {
		return 0
	}
	himc, _, _ := procImmGetContext.Call(hwnd)
	if himc == 0 {
		return 0
	}
	procImmNotifyIME.Call(himc, niCompositionStr, cpsComplete, 0)
	procImmReleaseContext.Call(hwnd, himc)
	return 0
}
