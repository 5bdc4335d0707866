//go:build !windows

package safefile

import (
	"errors"
	"syscall"
)

// diskFull reports whether err says there is no room left on the disk.
func diskFull(err error) bool { return errors.Is(err, syscall.ENOSPC) }
