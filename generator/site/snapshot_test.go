package site

import (
	"errors"
	"fmt"
	"hash/maphash"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"edition/generator/index"
	"edition/generator/internal/fileerr"
	"edition/generator/source"
)

func TestSnapshotIsAValidFS(t *testing.T) {
	s := newSnapshot("../../templates")
	if _, _, err := s.refresh(nil); err != nil {
		t.Fatal(err)
	}
	if err := fstest.TestFS(s, "layout.html", "assets/style.css", "assets/edition.js"); err != nil {
		t.Fatal(err)
	}
}

// TestSnapshotReadsLikeDirFS: the content loaded from a snapshot is the
// content loaded from the folder.
func TestSnapshotReadsLikeDirFS(t *testing.T) {
	const dir = "../../content"
	s := newSnapshot(dir)
	if _, _, err := s.refresh(nil); err != nil {
		t.Fatal(err)
	}
	want, wantDiags := source.Load(os.DirFS(dir), dir)
	got, gotDiags := source.Load(s, dir)
	if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotDiags, wantDiags) {
		t.Fatal("loading the snapshot gives other content than loading the folder")
	}
}

func TestSnapshotRefresh(t *testing.T) {
	dir := t.TempDir()
	write := func(p, s string) {
		t.Helper()
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.md", "one")
	write("sub/b.md", "two")
	write(".git/config", "hidden")
	s := newSnapshot(dir)
	diff, read, err := s.refresh(nil)
	if err != nil || read != 2 || !reflect.DeepEqual(diff, []string{"a.md", "sub/b.md"}) {
		t.Fatalf("first refresh: %q, %d read, %v", diff, read, err)
	}
	diff, read, _ = s.refresh(nil)
	if len(diff) != 0 || read != 0 {
		t.Fatalf("refresh of an unchanged folder: %q, %d read", diff, read)
	}
	write("sub/b.md", "three")
	write("new/c.md", "four")
	if err := os.Remove(filepath.Join(dir, "a.md")); err != nil {
		t.Fatal(err)
	}
	diff, read, _ = s.refresh(nil)
	if !reflect.DeepEqual(diff, []string{"a.md", "new/c.md", "sub/b.md"}) || read != 2 {
		t.Fatalf("after changes: %q, %d read", diff, read)
	}
	if b, err := s.ReadFile("sub/b.md"); err != nil || string(b) != "three" {
		t.Fatalf("sub/b.md reads %q, %v", b, err)
	}
	if _, err := s.ReadFile("a.md"); err == nil {
		t.Fatal("a removed file can still be read")
	}
	// Named as changed, a file is read even if it looks the same; its
	// bytes are the same, so it is not in the diff.
	diff, read, _ = s.refresh(map[string]bool{"new/c.md": true})
	if len(diff) != 0 || read != 1 {
		t.Fatalf("refresh with a hint: %q, %d read", diff, read)
	}
	// A link that leads nowhere is listed and fails to read, as with
	// os.DirFS.
	if err := os.Symlink(filepath.Join(dir, "missing"), filepath.Join(dir, "sub", "dangling.md")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	s.refresh(nil)
	_, errDir := os.DirFS(dir).(interface {
		ReadFile(string) ([]byte, error)
	}).ReadFile("sub/dangling.md")
	_, errSnap := s.ReadFile("sub/dangling.md")
	if errSnap == nil || errDir == nil || fileerr.Cause(errSnap).Error() != fileerr.Cause(errDir).Error() {
		t.Fatalf("dangling link: snapshot says %v, os.DirFS %v", errSnap, errDir)
	}
}

func TestFingerprint(t *testing.T) {
	fp := newFingerprinter(maphash.MakeSeed())
	type view struct {
		Chapter *index.Chapter
		private string
		M       map[string]int
		Any     any
	}
	a := &index.Chapter{Slug: "one", BodyHTML: "<p>text</p>", Paragraphs: []index.Paragraph{{ID: "p1", Text: "text"}}}
	b := *a // an equal chapter at another address
	same := []struct{ x, y any }{
		{view{Chapter: a, private: "x"}, view{Chapter: &b, private: "x"}},
		{view{M: map[string]int{"a": 1, "b": 2, "c": 3}}, view{M: map[string]int{"c": 3, "b": 2, "a": 1}}},
		{view{Any: 3}, view{Any: 3}},
	}
	for _, c := range same {
		if fp.sum(c.x) != fp.sum(c.y) {
			t.Errorf("%+v and %+v have different fingerprints", c.x, c.y)
		}
	}
	long := string(make([]byte, 1000))
	differ := []struct{ x, y any }{
		{view{Chapter: a}, view{Chapter: &index.Chapter{Slug: "one", BodyHTML: "<p>text!</p>"}}},
		{view{private: "x"}, view{private: "y"}},
		{view{M: map[string]int{"a": 1}}, view{M: map[string]int{"a": 2}}},
		{view{M: map[string]int{"a": 1, "b": 2}}, view{M: map[string]int{"a": 2, "b": 1}}},
		{view{Any: 3}, view{Any: "3"}},
		{view{Any: int64(3)}, view{Any: 3}},
		{view{Any: long + "a"}, view{Any: long + "b"}},
		{[]string{"ab", "c"}, []string{"a", "bc"}},
		{view{Chapter: nil}, view{Chapter: &index.Chapter{}}},
	}
	for _, c := range differ {
		if fp.sum(c.x) == fp.sum(c.y) {
			t.Errorf("%+v and %+v have the same fingerprint", c.x, c.y)
		}
	}
	// A pointer to itself does not recurse for ever.
	type node struct{ Next *node }
	n := &node{}
	n.Next = n
	fp.sum(n)
}

// TestSnapshotListsLinksToFolders: with listLinks (the content's snapshot),
// a symbolic link to a folder is listed as os.DirFS lists it, a link that
// fs.Stat follows to a folder, and not walked; without (the templates'),
// it is left out, as before.
func TestSnapshotListsLinksToFolders(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "real"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "real", "a.md"), []byte("a"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real", filepath.Join(dir, "linked")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	walk := func(fsys fs.FS) []string {
		var got []string
		if err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			got = append(got, fmt.Sprintf("%s %v", p, d.Type()))
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return got
	}
	s := newSnapshot(dir)
	s.listLinks = true
	if _, _, err := s.refresh(nil); err != nil {
		t.Fatal(err)
	}
	if got, want := walk(s), walk(os.DirFS(dir)); !reflect.DeepEqual(got, want) {
		t.Errorf("the snapshot walks as\n%q\nos.DirFS as\n%q", got, want)
	}
	if info, err := fs.Stat(s, "linked"); err != nil || !info.IsDir() {
		t.Errorf("fs.Stat of the link: %v, %v; want a folder", info, err)
	}
	s = newSnapshot(dir)
	if _, _, err := s.refresh(nil); err != nil {
		t.Fatal(err)
	}
	if got := walk(s); slices.ContainsFunc(got, func(p string) bool { return strings.HasPrefix(p, "linked") }) {
		t.Errorf("without listLinks, the link is listed: %q", got)
	}
}

// TestSnapshotSaysAFolderItCannotList: a folder that does not list
// (here, a walk that fails there as filepath.WalkDir does for a folder
// whose permissions keep the user out, which a test run as root cannot
// make) is not shown as empty: ReadDir gives the error, and the content's
// reader says it at the folder; the other folders are read; once the
// folder lists again, a refresh reads its files.
func TestSnapshotSaysAFolderItCannotList(t *testing.T) {
	dir := t.TempDir()
	for p, s := range map[string]string{
		"edition.yaml":          "title: T\nkinds:\n  - key: concept\n",
		"text/01-one.md":        "---\ntitle: One\n---\nText.\n",
		"registry/concept/a.md": "---\nname: A\n---\nA.\n",
	} {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	denied := filepath.Join(dir, "registry", "concept")
	s := newSnapshot(dir)
	s.walk = func(root string, fn fs.WalkDirFunc) error {
		return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if p == denied && err == nil {
				if err := fn(p, d, nil); err != nil {
					return err
				}
				fn(p, d, &fs.PathError{Op: "open", Path: p, Err: fs.ErrPermission})
				return fs.SkipDir
			}
			return fn(p, d, err)
		})
	}
	if _, _, err := s.refresh(nil); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ReadDir("registry/concept"); !errors.Is(err, fs.ErrPermission) {
		t.Errorf("ReadDir of the folder that does not list: %v, want permission denied", err)
	}
	c, diags := source.Load(s, "content")
	want := "content/registry/concept: error: cannot list the folder: permission denied; none of its files is read (make the folder readable, with chmod a+rx say)"
	if !slices.Contains(diags.Strings(), want) {
		t.Errorf("diagnostics\n  %s\nwant among them\n  %s", strings.Join(diags.Strings(), "\n  "), want)
	}
	if len(c.Chapters) != 1 {
		t.Errorf("%d chapters read, want 1", len(c.Chapters))
	}

	s.walk = filepath.WalkDir
	diff, _, err := s.refresh(nil)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(diff, []string{"registry/concept/a.md"}) {
		t.Errorf("refreshed once the folder lists: changed %q, want its file", diff)
	}
	if list, err := s.ReadDir("registry/concept"); err != nil || len(list) != 1 {
		t.Errorf("ReadDir once the folder lists: %v, %v", list, err)
	}
}
