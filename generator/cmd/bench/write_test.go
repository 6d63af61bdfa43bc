package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestWriteTreeWritesTheSameFiles checks that bench write makes the same
// tree, folders and bytes, that it was given, and that the bench reads back
// the times it prints.
func TestWriteTreeWritesTheSameFiles(t *testing.T) {
	src, out := t.TempDir(), filepath.Join(t.TempDir(), "out")
	want := map[string][]byte{
		"index.html":         []byte("<p>home</p>"),
		"text/a.html":        bytes.Repeat([]byte("a"), 100_000),
		"search/d/0.js":      []byte("x"),
		"search/t/deep/1.js": {},
	}
	for p, data := range want {
		full := filepath.Join(src, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(src, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	wall, cpu, err := writeTree(src, out)
	if err != nil {
		t.Fatal(err)
	}
	if wall <= 0 || cpu < 0 {
		t.Errorf("times %v wall, %v CPU", wall, cpu)
	}
	got := map[string][]byte{}
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		got[filepath.ToSlash(rel)], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Errorf("%d files written, want %d: %v", len(got), len(want), got)
	}
	for p, data := range want {
		if !bytes.Equal(got[p], data) {
			t.Errorf("%s: %d bytes written, want %d", p, len(got[p]), len(data))
		}
	}
	if fi, err := os.Stat(filepath.Join(out, "empty")); err != nil || !fi.IsDir() {
		t.Errorf("the empty folder was not made: %v", err)
	}
	// Writing over an existing folder is an error, not a merge.
	if _, _, err := writeTree(src, out); err == nil {
		t.Error("writing into an existing folder did not fail")
	}

	w, c, err := ownTimes("other output\nwrite: 1500000 2500000\n")
	if err != nil || w != 1500*time.Microsecond || c != 2500*time.Microsecond {
		t.Errorf("ownTimes = %v, %v, %v", w, c, err)
	}
	if _, _, err := ownTimes("floor: 3 chapters converted\n"); err == nil {
		t.Error("ownTimes found times where there are none")
	}
}
