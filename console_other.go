//go:build !windows

package main

// attachConsole is needed on Windows only: elsewhere a program always has
// the terminal it was started from.
func attachConsole() {}

// showFatal is a message box on Windows; elsewhere the error goes to stderr
// only, as it already does.
func showFatal(string) {}
