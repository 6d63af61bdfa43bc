package search_test

import (
	"bytes"
	"errors"
	"path/filepath"
	"sync"
	"testing"

	"edition/generator/internal/corpus"
	"edition/generator/search"
	"edition/generator/site"
)

// TestBuildToEmitsTheIndex checks that BuildTo hands over exactly the
// files of BuildWith, each once with its bytes, and tells the same sums;
// and that an error of emit ends the build. The corpus has more documents
// than MaxDocFiles, so that documents share files.
func TestBuildToEmitsTheIndex(t *testing.T) {
	content := filepath.Join(t.TempDir(), "content")
	if err := corpus.Write(content, corpus.Config{Chapters: 50, Entries: 100, Sources: 20}); err != nil {
		t.Fatal(err)
	}
	res := site.Generate(site.Options{Content: content, Templates: "../../templates"})
	if !res.OK() {
		t.Fatal(res.Diags.Err())
	}
	want, err := search.BuildWith(res.Index, nil)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	got := map[string][]byte{}
	ix, err := search.BuildTo(res.Index, nil, func(f search.File) error {
		mu.Lock()
		defer mu.Unlock()
		if _, ok := got[f.Path]; ok {
			t.Errorf("%s emitted twice", f.Path)
		}
		got[f.Path] = bytes.Clone(f.Data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if ix.String() != want.String() || ix.Bytes != want.Bytes || len(ix.Files) != len(want.Files) || want.Docs <= search.MaxDocFiles {
		t.Fatalf("BuildTo: %s (%d bytes), BuildWith: %s (%d bytes)", ix, ix.Bytes, want, want.Bytes)
	}
	if len(got) != len(want.Files) {
		t.Errorf("%d files emitted, want %d", len(got), len(want.Files))
	}
	for i, f := range want.Files {
		if ix.Files[i].Path != f.Path || ix.Files[i].Data != nil {
			t.Errorf("file %d: %s (%d bytes kept), want %s and no bytes", i, ix.Files[i].Path, len(ix.Files[i].Data), f.Path)
		}
		if !bytes.Equal(got[f.Path], f.Data) {
			t.Errorf("%s: emitted bytes differ", f.Path)
		}
	}

	full := errors.New("disk full")
	if _, err := search.BuildTo(res.Index, nil, func(search.File) error { return full }); !errors.Is(err, full) {
		t.Errorf("an error of emit gives %v", err)
	}
}
