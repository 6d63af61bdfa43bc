package site_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"edition/generator/internal/corpus"
	"edition/generator/site"
)

// site.Write hands each page to the writer in the buffer it was rendered
// into and reuses the buffer once the file is written (with the buffers
// overwritten as they are given back, in this package's tests). What it
// writes must be what Generate makes, file for file and byte for byte: on
// a first build, on a build over an identical site (every file a hard
// link to the old one), and after a change.
func TestWriteIsGenerate(t *testing.T) {
	opts := fixtureOf(t, corpus.Config{Chapters: 30, Entries: 300, Sources: 30})
	check := func(step string) map[string]os.FileInfo {
		t.Helper()
		want := site.Generate(opts)
		if !want.OK() {
			t.Fatal(want.Diags.Err())
		}
		infos := map[string]os.FileInfo{}
		err := filepath.WalkDir(opts.Output, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(opts.Output, p)
			infos[filepath.ToSlash(rel)], err = d.Info()
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(infos) != len(want.Files) {
			t.Errorf("%s: %d files written, Generate makes %d", step, len(infos), len(want.Files))
		}
		for _, f := range want.Files {
			got, err := os.ReadFile(filepath.Join(opts.Output, filepath.FromSlash(f.Path)))
			if err != nil {
				t.Errorf("%s: %v", step, err)
				continue
			}
			if !bytes.Equal(got, f.Data) {
				t.Errorf("%s: %s differs from what Generate makes (%d bytes, want %d)", step, f.Path, len(got), len(f.Data))
			}
		}
		return infos
	}
	write := func(step string) site.Result {
		t.Helper()
		res, err := site.Write(opts)
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		if !res.OK() {
			t.Fatalf("%s: %v", step, res.Diags.Err())
		}
		return *res
	}

	res := write("first build")
	first := check("first build")
	if res.Stats.Files != len(first) || res.Stats.Written != res.Stats.Files || res.Stats.Unchanged != 0 {
		t.Errorf("first build: stats %+v for %d files", res.Stats, len(first))
	}

	res = write("same again")
	again := check("same again")
	if res.Stats.Unchanged != len(again) || res.Stats.Written != 0 {
		t.Errorf("same again: stats %+v, want all %d files unchanged", res.Stats, len(again))
	}
	for p, fi := range again {
		if !os.SameFile(fi, first[p]) {
			t.Errorf("same again: %s was written again, not linked", p)
		}
	}

	edit(t, filepath.Join(opts.Content, filepath.FromSlash(corpus.ChapterPath(7))), replaceOnce(". ", ". A new sentence. "))
	res = write("after an edit")
	after := check("after an edit")
	if res.Stats.Written == 0 || res.Stats.Written > len(after)/10 {
		t.Errorf("after an edit: %d of %d files written", res.Stats.Written, len(after))
	}
}
