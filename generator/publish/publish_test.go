package publish

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestReplaceWritesTheWholeSite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	st, err := Replace(dir, []File{{"index.html", []byte("home")}, {"a/b/c.html", []byte("deep")}})
	if err != nil {
		t.Fatal(err)
	}
	if st.Files != 2 || st.Written != 2 || st.Unchanged != 0 || st.Bytes != 8 {
		t.Errorf("stats %+v", st)
	}
	if read(t, filepath.Join(dir, "a/b/c.html")) != "deep" {
		t.Error("deep file not written")
	}
	// A second site replaces the first whole: files it lacks are gone.
	if _, err := Replace(dir, []File{{"index.html", []byte("home 2")}}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "a")); !os.IsNotExist(err) {
		t.Errorf("a file of the old site survived: %v", err)
	}
	if read(t, filepath.Join(dir, "index.html")) != "home 2" {
		t.Error("index.html not replaced")
	}
}

// Unchanged files keep their inode and modification time, so that a sync to
// a host sends only what changed.
func TestReplaceKeepsUnchangedFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	if _, err := Replace(dir, []File{{"same.html", []byte("same")}, {"changed.html", []byte("v1")}}); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	for _, f := range []string{"same.html", "changed.html"} {
		if err := os.Chtimes(filepath.Join(dir, f), old, old); err != nil {
			t.Fatal(err)
		}
	}
	st, err := Replace(dir, []File{{"same.html", []byte("same")}, {"changed.html", []byte("v2")}})
	if err != nil {
		t.Fatal(err)
	}
	if st.Written != 1 || st.Unchanged != 1 {
		t.Errorf("stats %+v, want 1 written and 1 unchanged", st)
	}
	fi, _ := os.Stat(filepath.Join(dir, "same.html"))
	if d := fi.ModTime().Sub(old); d > time.Second || d < -time.Second {
		t.Errorf("the unchanged file was rewritten (mtime %v)", fi.ModTime())
	}
	fi, _ = os.Stat(filepath.Join(dir, "changed.html"))
	if !fi.ModTime().After(old.Add(time.Minute)) {
		t.Error("the changed file kept its old modification time")
	}
}

func TestReplaceRefusesPathsOutsideTheFolder(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	for _, bad := range []string{"../escape.html", "/abs.html", "a/../../x.html", `a\..\..\x.html`, ""} {
		_, err := Replace(dir, []File{{bad, []byte("x")}})
		if err == nil || !strings.Contains(err.Error(), "outside the output folder") {
			t.Errorf("path %q: err %v, want a refusal", bad, err)
		}
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 0 {
		t.Errorf("a refused site left %d entries next to the output", len(entries))
	}
	if _, err := Replace(dir, []File{{"a.html", nil}, {"a.html", nil}}); err == nil {
		t.Error("two files with one path must be refused")
	}
}

// A run killed between the two renames of a non-atomic swap leaves the old
// site under another name: the next run puts it back, and removes staging
// folders.
func TestRecoverRestoresAndCleansUp(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	old := dir + oldSuffix + "123"
	if err := os.MkdirAll(old, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(old, "index.html"), []byte("old site"), 0o644)
	os.MkdirAll(dir+stagingSuffix+"456", 0o755)
	if err := Recover(dir); err != nil {
		t.Fatal(err)
	}
	if read(t, filepath.Join(dir, "index.html")) != "old site" {
		t.Error("the old site was not restored")
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 1 {
		t.Errorf("leftovers remain: %v", entries)
	}
}

func TestReplaceReportsWriteErrors(t *testing.T) {
	root := t.TempDir()
	blocker := filepath.Join(root, "file")
	os.WriteFile(blocker, []byte("not a folder"), 0o644)
	_, err := Replace(filepath.Join(blocker, "public"), []File{{"index.html", []byte("x")}})
	if err == nil {
		t.Fatal("writing under a regular file must fail")
	}
}

func TestSwapRenamesFallback(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	staging := dir + stagingSuffix + "1"
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "v"), []byte("old"), 0o644)
	os.MkdirAll(staging, 0o755)
	os.WriteFile(filepath.Join(staging, "v"), []byte("new"), 0o644)
	if err := swapRenames(staging, dir); err != nil {
		t.Fatal(err)
	}
	if read(t, filepath.Join(dir, "v")) != "new" {
		t.Error("not swapped")
	}
	if entries, _ := os.ReadDir(root); len(entries) != 1 {
		t.Errorf("leftovers: %v", entries)
	}
}

// The previous site is compared a piece at a time: a long file that
// differs only in its last byte, or only in its first, is written again;
// one with the same bytes is linked; a symbolic link is never linked to,
// even to the same bytes.
func TestReplaceComparesWholeFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	long := make([]byte, 200<<10+17) // three chunks and a bit
	for i := range long {
		long[i] = byte(i * 7)
	}
	lastDiffers := append([]byte(nil), long...)
	lastDiffers[len(long)-1]++
	firstDiffers := append([]byte(nil), long...)
	firstDiffers[0]++
	files := []File{{"same.bin", long}, {"last.bin", long}, {"first.bin", long}, {"target.bin", []byte("target")}}
	if _, err := Replace(dir, files); err != nil {
		t.Fatal(err)
	}
	// A symbolic link in the old site, to a file with the new bytes.
	if err := os.Symlink("target.bin", filepath.Join(dir, "link.bin")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	before := map[string]os.FileInfo{}
	for _, f := range []string{"same.bin", "last.bin", "first.bin"} {
		fi, err := os.Stat(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		before[f] = fi
	}
	st, err := Replace(dir, []File{{"same.bin", long}, {"last.bin", lastDiffers}, {"first.bin", firstDiffers},
		{"target.bin", []byte("target")}, {"link.bin", []byte("target")}})
	if err != nil {
		t.Fatal(err)
	}
	if st.Unchanged != 2 || st.Written != 3 {
		t.Errorf("stats %+v, want same.bin and target.bin unchanged, the other three written", st)
	}
	for f, want := range map[string][]byte{"same.bin": long, "last.bin": lastDiffers, "first.bin": firstDiffers} {
		fi, err := os.Stat(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		if linked := os.SameFile(fi, before[f]); linked != (f == "same.bin") {
			t.Errorf("%s: linked to the old file is %v", f, linked)
		}
		if got := read(t, filepath.Join(dir, f)); got != string(want) {
			t.Errorf("%s: wrong bytes", f)
		}
	}
	if fi, err := os.Lstat(filepath.Join(dir, "link.bin")); err != nil || !fi.Mode().IsRegular() {
		t.Errorf("link.bin should now be a file of its own: %v, %v", fi, err)
	}
}

// A file handed over in parts is the parts joined, compared with the old
// site's file as a whole: the same bytes cut elsewhere are linked; a
// change in a later part, or a part more, is written.
func TestWritePartsIsTheJoinedFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	long := make([]byte, 150<<10+3) // parts across the comparison's chunks
	for i := range long {
		long[i] = byte(i * 13)
	}
	cuts := func(b []byte, at ...int) [][]byte {
		var parts [][]byte
		from := 0
		for _, i := range at {
			parts = append(parts, b[from:i])
			from = i
		}
		return append(parts, b[from:])
	}
	write := func(files map[string][][]byte) Stats {
		t.Helper()
		w, err := Begin(dir)
		if err != nil {
			t.Fatal(err)
		}
		for p, parts := range files {
			if err := w.WriteParts(p, parts); err != nil {
				t.Fatal(err)
			}
		}
		st, err := w.Commit()
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	changed := append([]byte(nil), long...)
	changed[len(changed)-10]++
	st := write(map[string][][]byte{
		"same.xml": cuts(long, 0, 7, 7, 70000), "changed.xml": cuts(long, 100000), "grown.xml": cuts(long, 5)})
	if st.Files != 3 || st.Written != 3 || st.Bytes != 3*int64(len(long)) {
		t.Errorf("stats %+v", st)
	}
	for _, f := range []string{"same.xml", "changed.xml", "grown.xml"} {
		if read(t, filepath.Join(dir, f)) != string(long) {
			t.Errorf("%s is not the parts joined", f)
		}
	}
	before := map[string]os.FileInfo{}
	for _, f := range []string{"same.xml", "changed.xml", "grown.xml"} {
		before[f], _ = os.Stat(filepath.Join(dir, f))
	}
	st = write(map[string][][]byte{
		"same.xml": cuts(long, 65536, 131072), "changed.xml": cuts(changed, 9, 140000),
		"grown.xml": append(cuts(long, 5), []byte("!"))})
	if st.Unchanged != 1 || st.Written != 2 {
		t.Errorf("stats %+v, want same.xml kept and the other two written", st)
	}
	for f, want := range map[string]string{"same.xml": string(long), "changed.xml": string(changed), "grown.xml": string(long) + "!"} {
		fi, err := os.Stat(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		if linked := os.SameFile(fi, before[f]); linked != (f == "same.xml") {
			t.Errorf("%s: linked to the old file is %v", f, linked)
		}
		if read(t, filepath.Join(dir, f)) != want {
			t.Errorf("%s: wrong bytes", f)
		}
	}
}

// A file the new site does not make can be carried over from the current
// one as it is, linked; a path the new site has, a missing file or a path
// outside the folder cannot, and a file carried over is not written again.
func TestCarryKeepsAnOldFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	if _, err := Replace(dir, []File{{"assets/style.1.css", []byte("old style")}, {"index.html", []byte("v1")}}); err != nil {
		t.Fatal(err)
	}
	before, err := os.Stat(filepath.Join(dir, "assets/style.1.css"))
	if err != nil {
		t.Fatal(err)
	}
	w, err := Begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.WriteAll([]File{{"index.html", []byte("v2")}, {"assets/style.2.css", []byte("new style")}}); err != nil {
		t.Fatal(err)
	}
	if w.Has("assets/style.1.css") || !w.Has("assets/style.2.css") {
		t.Errorf("Has before the carry: style.1 %v, style.2 %v", w.Has("assets/style.1.css"), w.Has("assets/style.2.css"))
	}
	if err := w.Carry("assets/style.1.css"); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"assets/style.2.css", "index.html", "assets/gone.css", "../outside.css", "assets/style.1.css"} {
		if err := w.Carry(bad); err == nil {
			t.Errorf("Carry(%q) did not fail", bad)
		}
	}
	if err := w.Write(File{"assets/style.1.css", []byte("x")}); err == nil {
		t.Error("a file carried over was written again")
	}
	st, err := w.Commit()
	if err != nil {
		t.Fatal(err)
	}
	if st.Carried != 1 || st.Files != 2 {
		t.Errorf("stats %+v, want 2 files and 1 carried over", st)
	}
	after, err := os.Stat(filepath.Join(dir, "assets/style.1.css"))
	if err != nil || !os.SameFile(before, after) || read(t, filepath.Join(dir, "assets/style.1.css")) != "old style" {
		t.Errorf("the old style sheet was not carried over as it was (%v)", err)
	}
	if read(t, filepath.Join(dir, "assets/style.2.css")) != "new style" || read(t, filepath.Join(dir, "index.html")) != "v2" {
		t.Error("the new site's files are not there")
	}
	// A build into a fresh folder has nothing to carry.
	w, err = Begin(filepath.Join(t.TempDir(), "fresh"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	if err := w.Carry("assets/style.1.css"); err == nil {
		t.Error("a fresh folder carried a file over")
	}
}
