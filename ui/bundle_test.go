package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hyeopchi/store/bundle"
)

func TestBundleFromTheWindow(t *testing.T) {
	u, _, _ := newTestUI(t)
	b := u.env.showBundle("관악구", 2016)
	if b.dist.Selected != "관악구" || b.from.Selected != "2016" || b.to.Selected != "2016" {
		t.Fatalf("the form must start on the district and year given: %q %q %q", b.dist.Selected, b.from.Selected, b.to.Selected)
	}
	path := filepath.Join(t.TempDir(), "관악구-2016")
	b.makeTo(path)
	b.wait()
	path += ".zip"
	if b.bar.Value != 1 || !strings.Contains(b.msg.Text, "만들었습니다: "+path) || b.openBtn.Disabled() {
		t.Fatalf("bar %v, message %q", b.bar.Value, b.msg.Text)
	}
	c, err := bundle.Verify(path)
	if err != nil || !c.OK() || c.Files != b.result.Files {
		t.Fatalf("the bundle made in the window must verify: %v %+v (made %d files)", err, c, b.result.Files)
	}
	b.verify(path)
	if !strings.Contains(b.msg.Text, "묶음이 온전합니다") {
		t.Errorf("verify in the window: %q", b.msg.Text)
	}

	// a range back to front is refused, and nothing is written
	b.from.SetSelected("2018")
	b.to.SetSelected("2016")
	other := filepath.Join(t.TempDir(), "x.zip")
	b.makeTo(other)
	b.wait()
	if !strings.Contains(b.msg.Text, "기간이 맞지 않습니다") {
		t.Errorf("message %q", b.msg.Text)
	}
	if _, err := os.Stat(other); err == nil {
		t.Error("a refused bundle must write nothing")
	}
}
