package index_test

import (
	"cmp"
	"path/filepath"
	"slices"
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
	// order the chapters gave them, which is document order.
	x := res.Index
	var occ []index.Occurrence
	var cites []index.Citation
	for _, e := range x.Entries {
		occ = append(occ, x.Occurrences(e.Ref())...)
	}
	for _, s := range x.Sources {
		occ = append(occ, x.Occurrences(s.Ref())...)
		cites = append(cites, x.Citations(s.ID)...)
	}
	order := map[string]int{}
	for i, c := range x.Chapters {
		order[c.Slug] = i
	}
	slices.SortStableFunc(occ, func(a, b index.Occurrence) int {
		return cmp.Or(cmp.Compare(order[a.Chapter], order[b.Chapter]), cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col))
	})
	slices.SortStableFunc(cites, func(a, b index.Citation) int {
		return cmp.Or(cmp.Compare(order[a.Chapter], order[b.Chapter]), cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col))
	})
	// In runs, a chapter's each, as the site gives them.
	in := index.Input{Edition: x.Edition, Entries: x.Entries, Sources: x.Sources, Chapters: x.Chapters}
	for i := 0; i < len(occ); {
		j := i + 1
		for j < len(occ) && occ[j].Chapter == occ[i].Chapter {
			j++
		}
		in.Occurrences = append(in.Occurrences, occ[i:j])
		i = j
	}
	in.Citations = [][]index.Citation{cites}
	b.ReportAllocs()
	b.ReportMetric(float64(len(in.Occurrences)), "occurrences")
	for b.Loop() {
		if _, ds := index.Build(in); ds.HasErrors() {
			b.Fatal(ds.Err())
		}
	}
}
