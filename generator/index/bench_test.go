package index_test

import (
	"path/filepath"
	"testing"

	"edition/generator/index"
	"edition/generator/internal/corpus"
	"edition/generator/site"
)

// BenchmarkIndexBuild measures indexing the occurrences and citations of
// 100 chapters (8,000 mentions) of 3,000 entries and 300 sources: what
// index.Build does with what the chapters' conversion collected.
func BenchmarkIndexBuild(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "content")
	if err := corpus.Write(dir, corpus.Config{Chapters: 100, Entries: 3000, Sources: 300}); err != nil {
		b.Fatal(err)
	}
	res := site.Generate(site.Options{Content: dir, Templates: "../../templates"})
	if !res.OK() {
		b.Fatal(res.Diags.Err())
	}
	// The input again, from the index: occurrences and citations in the
	// order the chapters gave them.
	x := res.Index
	in := index.Input{Edition: x.Edition, Entries: x.Entries, Sources: x.Sources, Chapters: x.Chapters}
	for _, e := range x.Entries {
		in.Occurrences = append(in.Occurrences, x.Occurrences(e.Ref())...)
	}
	for _, s := range x.Sources {
		in.Occurrences = append(in.Occurrences, x.Occurrences(s.Ref())...)
		in.Citations = append(in.Citations, x.Citations(s.ID)...)
	}
	b.ReportAllocs()
	b.ReportMetric(float64(len(in.Occurrences)), "occurrences")
	for b.Loop() {
		if _, ds := index.Build(in); ds.HasErrors() {
			b.Fatal(ds.Err())
		}
	}
}
