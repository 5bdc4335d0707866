package store

import "runtime"

// initialMmapSize reserves address space for the file up front, so that a
// large import does not remap (and copy every node it changed) each time
// the file doubles. Only the reservation: the file grows with its data.
// Windows would grow the file itself to this size at once, so there the
// file keeps bbolt's default, growing map.
func initialMmapSize() int {
	if runtime.GOOS == "windows" {
		return 0
	}
	return 64 << 20
}
