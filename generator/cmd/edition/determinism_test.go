package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"edition/generator/internal/corpus"
)

// determinismCorpus is big enough for the search index to put documents
// together in files and for the strips to draw chapters in runs, and small
// enough to build in about a second.
var determinismCorpus = corpus.Config{Chapters: 50, Entries: 150, Sources: 20}

// TestBuildIsDeterministic builds a generated edition with the real binary
// on one, two and four processors, twice on two, and compares every byte
// of every file: parallel rendering, indexing and writing must not change
// the output.
func TestBuildIsDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an edition four times; skipped in -short mode")
	}
	bin := buildBinary(t)
	root := t.TempDir()
	content := filepath.Join(root, "content")
	if err := corpus.Write(content, determinismCorpus); err != nil {
		t.Fatal(err)
	}
	var first map[string]string
	var firstName string
	for i, procs := range []int{1, 2, 2, 4} {
		out := filepath.Join(root, fmt.Sprintf("public-%d", i))
		cmd := exec.Command(bin, "build", "-content", content, "-templates", "../../../templates", "-out", out)
		cmd.Env = append(os.Environ(), "GOMAXPROCS="+strconv.Itoa(procs))
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("GOMAXPROCS=%d: %v\n%s", procs, err, b)
		}
		snap := snapshot(t, out)
		name := fmt.Sprintf("build %d (GOMAXPROCS=%d)", i+1, procs)
		if first == nil {
			first, firstName = snap, name
			if len(first) < 1000 {
				t.Fatalf("%s wrote only %d files", name, len(first))
			}
			continue
		}
		var differ []string
		for p, data := range first {
			if other, ok := snap[p]; !ok || other != data {
				differ = append(differ, p)
			}
		}
		for p := range snap {
			if _, ok := first[p]; !ok {
				differ = append(differ, p)
			}
		}
		if len(differ) > 0 {
			slices.Sort(differ)
			t.Errorf("%s differs from %s in %d files: %s", name, firstName, len(differ), strings.Join(differ[:min(5, len(differ))], ", "))
		}
	}
}

var writtenRE = regexp.MustCompile(`\((\d+) written, (\d+) unchanged`)

// TestRebuildWritesOnlyWhatChanged builds a generated edition, changes one
// word of one paragraph, and builds again over the first site. Every file
// whose bytes are the same is the very file of the first build (a hard
// link: same inode), so that a sync to a host copies nothing else; every
// file the build reports written differs; and the files that differ are
// only those that show the paragraph: its chapter, the pages of the
// entries and sources it names, the search index, the registry and the
// TEI text.
func TestRebuildWritesOnlyWhatChanged(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an edition twice; skipped in -short mode")
	}
	bin := buildBinary(t)
	root := t.TempDir()
	content := filepath.Join(root, "content")
	if err := corpus.Write(content, determinismCorpus); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(root, "public")
	build := func() (written, unchanged int) {
		t.Helper()
		cmd := exec.Command(bin, "build", "-content", content, "-templates", "../../../templates", "-out", out)
		b, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%v\n%s", err, b)
		}
		m := writtenRE.FindSubmatch(b)
		if m == nil {
			t.Fatalf("no count of files written in %q", b)
		}
		w, _ := strconv.Atoi(string(m[1]))
		u, _ := strconv.Atoi(string(m[2]))
		return w, u
	}
	build()
	before, inodes := snapshot(t, out), inodesOf(t, out)

	// One word more at the start of the third paragraph of chapter 20.
	chapter := 19
	p := filepath.Join(content, filepath.FromSlash(corpus.ChapterPath(chapter)))
	src, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	blocks := bytes.Split(src, []byte("\n\n"))
	para := blocks[3] // the front matter and the title, then the paragraphs
	if bytes.HasPrefix(para, []byte("#")) || bytes.HasPrefix(para, []byte("[^")) {
		t.Fatalf("block 3 of %s is no paragraph: %q", p, para[:min(40, len(para))])
	}
	blocks[3] = bytes.Replace(para, []byte(" "), []byte(" indeed "), 1)
	if err := os.WriteFile(p, bytes.Join(blocks, []byte("\n\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	written, unchanged := build()
	after, inodesAfter := snapshot(t, out), inodesOf(t, out)

	var changed []string
	for path, data := range after {
		old, ok := before[path]
		switch {
		case ok && old == data && inodes[path] != inodesAfter[path]:
			t.Errorf("%s has the same bytes but was written again", path)
		case ok && old != data && inodes[path] == inodesAfter[path]:
			t.Errorf("%s changed but kept its inode", path)
		case !ok || old != data:
			changed = append(changed, path)
		}
	}
	if written != len(changed) || unchanged != len(after)-len(changed) {
		t.Errorf("the build reports %d written and %d unchanged; %d files differ of %d", written, unchanged, len(changed), len(after))
	}
	slice := fmt.Sprintf("text/%s.html", corpus.ChapterSlug(chapter))
	if !slices.Contains(changed, slice) {
		t.Errorf("the edited chapter's page %s did not change", slice)
	}
	entries := 0
	for _, path := range changed {
		switch dir, _, _ := strings.Cut(path, "/"); {
		case path == slice, dir == "search", path == "edition.tei.xml", path == "registry.json":
		case dir == "concepts" || dir == "actors" || dir == "events" || dir == "sources":
			entries++
		default:
			t.Errorf("%s changed, though it does not show the paragraph", path)
		}
	}
	// The paragraph names a few entries: the pages of those whose snippets
	// reach its first words show the new one; no other entry's page may.
	if entries > 6 {
		t.Errorf("%d entry and source pages changed for one word of a paragraph", entries)
	}
	slices.Sort(changed)
	t.Logf("one word edited: %d of %d files written: %s", written, len(after), strings.Join(changed, ", "))
}

// inodesOf maps each file under dir to its inode.
func inodesOf(t *testing.T, dir string) map[string]uint64 {
	t.Helper()
	out := map[string]uint64{}
	for p := range snapshot(t, dir) {
		fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		st, ok := fi.Sys().(*syscall.Stat_t)
		if !ok {
			t.Skip("no inode numbers on this system")
		}
		out[p] = st.Ino
	}
	return out
}
