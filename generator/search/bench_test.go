package search_test

import (
	"path/filepath"
	"sync"
	"testing"

	"edition/generator/index"
	"edition/generator/internal/corpus"
	"edition/generator/search"
	"edition/generator/site"
)

// The index of a corpus of 1,000 chapters, 3,000 entries and 300 sources
// (as bin/bench profile builds), made once for the benchmarks.
var large struct {
	once sync.Once
	x    *index.Index
	err  string
}

func largeIndex(b *testing.B) *index.Index {
	b.Helper()
	large.once.Do(func() {
		dir := filepath.Join(b.TempDir(), "content")
		if err := corpus.Write(dir, corpus.Config{Chapters: 1000, Entries: 3000, Sources: 300}); err != nil {
			large.err = err.Error()
			return
		}
		res := site.Generate(site.Options{Content: dir, Templates: "../../templates"})
		if !res.OK() {
			large.err = res.Diags.Err().Error()
			return
		}
		large.x = res.Index
	})
	if large.err != "" {
		b.Fatal(large.err)
	}
	return large.x
}

// BenchmarkBuild makes the search index of 1,000 chapters and 3,000
// entries from scratch, as a one-shot build does, and reports the bytes
// and files it writes.
func BenchmarkBuild(b *testing.B) {
	x := largeIndex(b)
	b.ReportAllocs()
	var ix *search.Index
	for b.Loop() {
		var err error
		if ix, err = search.Build(x); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(ix.Bytes), "bytes")
	b.ReportMetric(float64(len(ix.Files)), "files")
}

// BenchmarkRebuild makes the same index again with the Cache of a first
// build, as the live preview does after an edit that changed no text.
func BenchmarkRebuild(b *testing.B) {
	x := largeIndex(b)
	var c search.Cache
	if _, err := search.BuildWith(x, &c); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := search.BuildWith(x, &c); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildTo makes the same index as BenchmarkBuild, handing each
// file over as it is made (and dropping it), as a streaming build does.
func BenchmarkBuildTo(b *testing.B) {
	x := largeIndex(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := search.BuildTo(x, nil, func(search.File) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}
