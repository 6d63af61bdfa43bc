//go:build linux

package publish

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A disk that fills up during a build is reported, and the previous site
// stays whole. The test mounts a 256 KB tmpfs, which needs root; it skips
// where mounting is not allowed.
func TestDiskFullIsReportedAndTheOldSiteStays(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("mounting a small file system needs root")
	}
	mnt := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v %s", err, out)
	}
	t.Cleanup(func() { _ = exec.Command("umount", mnt).Run() })

	dir := filepath.Join(mnt, "public")
	if _, err := Replace(dir, []File{{"index.html", []byte("old site")}}); err != nil {
		t.Fatal(err)
	}
	big := make([]byte, 64<<10)
	var files []File
	for i := range 8 { // 512 KB: twice what the disk holds
		files = append(files, File{Path: "p" + string(rune('a'+i)) + ".html", Data: big})
	}
	_, err := Replace(dir, files)
	if err == nil {
		t.Fatal("a full disk must be reported")
	}
	if !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), "cannot write") {
		t.Errorf("the error should say what could not be written and why: %v", err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "index.html")); err != nil || string(b) != "old site" {
		t.Errorf("the old site is damaged: %q, %v", b, err)
	}
	entries, _ := os.ReadDir(mnt)
	if len(entries) != 1 {
		t.Errorf("the failed build left %d entries next to the site", len(entries))
	}
}
