package corpus_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"edition/generator/internal/corpus"
	"edition/generator/site"
)

// TestCorpusBuildsCleanly builds a generated corpus with the edition's
// templates: no errors, no warnings, every chapter, entry and source has
// its page, and every entry is mentioned.
func TestCorpusBuildsCleanly(t *testing.T) {
	dir := t.TempDir()
	cfg := corpus.Config{Chapters: 12, Entries: 40, Sources: 15}
	if err := corpus.Write(dir, cfg); err != nil {
		t.Fatal(err)
	}
	res := site.Generate(site.Options{Content: dir, Templates: "../../../templates"})
	for _, d := range res.Diags {
		t.Errorf("%s", d)
	}
	if !res.OK() {
		t.FailNow()
	}
	x := res.Index
	if len(x.Chapters) != 12 || len(x.Entries) != 40 || len(x.Sources) != 15 {
		t.Fatalf("got %d chapters, %d entries, %d sources; want 12, 40, 15", len(x.Chapters), len(x.Entries), len(x.Sources))
	}
	pages := map[string]bool{}
	for _, f := range res.Files {
		pages[f.Path] = true
	}
	for i := range 12 {
		if p := "text/" + corpus.ChapterSlug(i) + ".html"; !pages[p] {
			t.Errorf("no page %s", p)
		}
	}
	for _, e := range x.Entries {
		if len(x.Occurrences(e.Ref())) == 0 {
			t.Errorf("%s is never mentioned", e.Ref())
		}
	}
	explicit := 0
	for _, e := range x.Entries {
		for _, o := range x.Occurrences(e.Ref()) {
			if o.Explicit {
				explicit++
			}
		}
	}
	if explicit == 0 {
		t.Errorf("no explicit mention in the corpus")
	}
}

// TestCorpusIsDeterministic generates the same corpus twice, and a
// different one with another seed.
func TestCorpusIsDeterministic(t *testing.T) {
	cfg := corpus.Config{Chapters: 5}
	a, b := corpus.Generate(cfg), corpus.Generate(cfg)
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for p, data := range a {
		if !bytes.Equal(data, b[p]) {
			t.Errorf("%s differs between two runs", p)
		}
	}
	cfg.Seed = 2
	c := corpus.Generate(cfg)
	if bytes.Equal(a[corpus.ChapterPath(0)], c[corpus.ChapterPath(0)]) {
		t.Errorf("seed 2 made the same first chapter as seed 1")
	}
	// Write puts the same bytes on disk.
	dir := t.TempDir()
	if err := corpus.Write(dir, corpus.Config{Chapters: 5}); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(corpus.ChapterPath(4))))
	if err != nil || !bytes.Equal(got, a[corpus.ChapterPath(4)]) {
		t.Errorf("Write wrote something else for %s (%v)", corpus.ChapterPath(4), err)
	}
	if !strings.HasPrefix(string(got), "---\ntitle: ") {
		t.Errorf("a chapter starts with %q", got[:20])
	}
}
