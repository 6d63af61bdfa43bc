package watch_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"edition/generator/watch"
)

// deadline bounds every wait: events normally arrive in milliseconds.
const deadline = 10 * time.Second

func start(t *testing.T, root string, opts watch.Options) *watch.Watcher {
	t.Helper()
	w, err := watch.New([]string{root}, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

// next returns the next batch, or fails after the deadline.
func next(t *testing.T, w *watch.Watcher) watch.Batch {
	t.Helper()
	select {
	case b, ok := <-w.Batches():
		if !ok {
			t.Fatal("the watcher stopped")
		}
		return b
	case err := <-w.Errors():
		t.Fatalf("watch error: %v", err)
	case <-time.After(deadline):
		t.Fatal("no batch within the deadline")
	}
	return watch.Batch{}
}

// until receives batches until one holds path, and returns all received.
func until(t *testing.T, w *watch.Watcher, path string) []watch.Batch {
	t.Helper()
	var got []watch.Batch
	for {
		b := next(t, w)
		got = append(got, b)
		if slices.Contains(b.Paths, path) {
			return got
		}
	}
}

func write(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestAWriteIsReported(t *testing.T) {
	root := t.TempDir()
	ch := filepath.Join(root, "text", "01.md")
	write(t, ch, "one")
	w := start(t, root, watch.Options{})
	write(t, ch, "two")
	if b := next(t, w); !slices.Equal(b.Paths, []string{ch}) {
		t.Fatalf("batch %q, want [%s]", b.Paths, ch)
	}
	if err := os.Remove(ch); err != nil {
		t.Fatal(err)
	}
	if b := next(t, w); !slices.Equal(b.Paths, []string{ch}) {
		t.Fatalf("after removing: batch %q, want [%s]", b.Paths, ch)
	}
}

// TestNewFoldersAreWatched: a file in a folder made after the start is
// reported, and so are later writes to it.
func TestNewFoldersAreWatched(t *testing.T) {
	root := t.TempDir()
	w := start(t, root, watch.Options{})
	deep := filepath.Join(root, "registry", "place", "coast", "lighthouse.md")
	write(t, deep, "one") // three new folders at once
	until(t, w, deep)
	write(t, deep, "two")
	until(t, w, deep)
	other := filepath.Join(root, "registry", "place", "coast", "cliff.md")
	write(t, other, "three")
	until(t, w, other)
}

// TestEditorLitterIsIgnored: chmod, swap files, backups, lock files and
// hidden folders make no batch; the real save that follows is reported
// alone.
func TestEditorLitterIsIgnored(t *testing.T) {
	root := t.TempDir()
	ch := filepath.Join(root, "text", "01.md")
	write(t, ch, "one")
	w := start(t, root, watch.Options{})
	if err := os.Chmod(ch, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{".01.md.swp", "01.md~", "4913", ".#01.md", "#01.md#", ".DS_Store", "01.md.tmp", "sedAb12Cd"} {
		write(t, filepath.Join(root, "text", name), "litter")
	}
	write(t, filepath.Join(root, ".git", "objects", "ab"), "hidden")
	write(t, filepath.Join(root, "text", ".hidden", "x.md"), "hidden")
	write(t, ch, "two")
	if b := next(t, w); !slices.Equal(b.Paths, []string{ch}) {
		t.Fatalf("batch %q, want only [%s]", b.Paths, ch)
	}
}

// TestIgnoreOption leaves out a folder inside a watched one.
func TestIgnoreOption(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "public")
	write(t, filepath.Join(out, "index.html"), "old")
	w := start(t, root, watch.Options{Ignore: func(p string) bool { return p == out }})
	write(t, filepath.Join(out, "index.html"), "new")
	write(t, filepath.Join(out, "deeper", "page.html"), "new")
	src := filepath.Join(root, "edition.yaml")
	write(t, src, "title: x")
	for _, b := range until(t, w, src) {
		for _, p := range b.Paths {
			if p != src {
				t.Errorf("%s was reported", p)
			}
		}
	}
}

// TestBurstIsOneBatch: 50 writes in a row come as one batch, or two if
// the machine stalls in the middle, never fifty.
func TestBurstIsOneBatch(t *testing.T) {
	root := t.TempDir()
	var files []string
	for i := range 50 {
		files = append(files, filepath.Join(root, "text", string(rune('a'+i%26))+string(rune('a'+i/26))+".md"))
	}
	write(t, files[0], "")
	w := start(t, root, watch.Options{})
	for i, f := range files {
		write(t, f, string(rune('0'+i%10)))
	}
	seen := map[string]bool{}
	batches := 0
	for len(seen) < len(files) {
		b := next(t, w)
		batches++
		for _, p := range b.Paths {
			seen[p] = true
		}
	}
	if batches > 2 {
		t.Errorf("50 writes came in %d batches", batches)
	}
}

func TestTemporary(t *testing.T) {
	for name, want := range map[string]bool{
		"01-overview.md": false, "kofi-annan.md": false, "layout.html": false, "_partial.html": false,
		"bibliography.yaml": false, "style.css": false, "swap.md": false, "tmp.md": false,
		".01-overview.md.swp": true, ".01-overview.md.swo": true, ".layout.html.swpx": true,
		"01-overview.md~": true, "4913": true, ".#01-overview.md": true, "#01-overview.md#": true,
		".DS_Store": true, "Thumbs.db": true, ".goutputstream-ABC123": true,
		"entry.html___jb_tmp___": true, "entry.html___jb_old___": true, "x.md.crswap": true,
		"sedX8kq2A": true, "x.tmp": true,
	} {
		if got := watch.Temporary(name); got != want {
			t.Errorf("Temporary(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestCloseEndsBatches(t *testing.T) {
	w, err := watch.New([]string{t.TempDir()}, watch.Options{})
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	select {
	case _, ok := <-w.Batches():
		if ok {
			t.Fatal("a batch after Close")
		}
	case <-time.After(deadline):
		t.Fatal("Batches was not closed")
	}
	w.Close() // twice is fine
}

func TestNewRefusesMissingFolders(t *testing.T) {
	if _, err := watch.New([]string{filepath.Join(t.TempDir(), "nope")}, watch.Options{}); err == nil {
		t.Fatal("watching a missing folder did not fail")
	}
}

// TestChangesThatGoOnWaitLonger: a change that closely follows a batch is
// taken for part of a burst and waits for the longer quiet (here bounded
// by MaxDelay), so a slow burst is not cut into many batches.
func TestChangesThatGoOnWaitLonger(t *testing.T) {
	root := t.TempDir()
	a, b := filepath.Join(root, "a.md"), filepath.Join(root, "b.md")
	w := start(t, root, watch.Options{Debounce: 5 * time.Millisecond, Burst: time.Hour, MaxDelay: 300 * time.Millisecond})
	write(t, a, "one")
	until(t, w, a)
	t0 := time.Now()
	write(t, b, "two")
	until(t, w, b)
	if waited := time.Since(t0); waited < 300*time.Millisecond {
		t.Errorf("a change right after a batch came after %v, before the burst's quiet (bounded at 300ms)", waited)
	}
}
