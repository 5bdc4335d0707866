//go:build windows

package safefile

import (
	"errors"
	"syscall"
)

// Windows says a disk is full with its own codes.
const (
	errorHandleDiskFull syscall.Errno = 39
	errorDiskFull       syscall.Errno = 112
)

// diskFull reports whether err says there is no room left on the disk.
func diskFull(err error) bool {
	return errors.Is(err, errorDiskFull) || errors.Is(err, errorHandleDiskFull) || errors.Is(err, syscall.ENOSPC)
}
