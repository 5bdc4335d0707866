package reports

import (
	"os"
	"testing"
)

// In tests a character the embedded fonts cannot draw fails the export.
func TestMain(m *testing.M) {
	strictGlyphs = true
	os.Exit(m.Run())
}
