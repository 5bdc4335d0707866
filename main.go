// Command hyeopchi is the desktop program of Seoul's regional governance
// office (협치 사무국): without a command it opens the window; with one it
// runs that command on the database and exits.
package main

import (
	_ "envfix" // first: a UTF-8 locale before Fyne reads it
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
