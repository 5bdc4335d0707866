//go:build !((linux || freebsd || openbsd || netbsd) && !android && !wayland && !wasm) && !windows

package field

// commitNative does nothing where no way to make the input method commit is
// known (macOS, Wayland, mobile): actions still wait a moment, which covers
// Enter and shortcuts, as the input method commits on those keys itself.
func commitNative(any) (echo int) { return 0 }
