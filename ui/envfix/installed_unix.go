//go:build (linux || freebsd || openbsd || netbsd) && cgo

package envfix

/*
#include <locale.h>
#include <stdlib.h>

static int localeInstalled(const char *name) {
	locale_t l = newlocale(LC_ALL_MASK, name, (locale_t)0);
	if (l == (locale_t)0) return 0;
	freelocale(l);
	return 1;
}
*/
import "C"

import "unsafe"

// installed reports whether the C library can load the locale name (it
// honours LOCPATH, as setlocale does).
var installed = func(name string) bool {
	if name == "" {
		return false
	}
	cs := C.CString(name)
	defer C.free(unsafe.Pointer(cs))
	return C.localeInstalled(cs) != 0
}
