package ui

// Scene is one more state of a screen worth a picture (another tab, an
// open dialog, a refused save), for `make screenshots` and the layout
// tests, which get them through Driver.Scenes.
type Scene struct {
	Name     string // the picture is <n>-<screen ID>-<Name>.png
	Year     int    // top bar year for the scene; 0 keeps the current one
	District string // top bar district; "" for all
	Show     func() // sets the scene up on the screen, already shown
}

// scener is a screen with scenes beyond its first look.
type scener interface{ scenes() []Scene }
