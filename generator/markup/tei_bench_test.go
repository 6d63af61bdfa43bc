package markup

import (
	"bytes"
	"fmt"
	"testing"

	"edition/generator/bib"
	"edition/generator/index"
	"edition/generator/internal/corpus"
)

// BenchmarkWriteTEI measures writeTEI, the TEI that Chapter writes of a
// chapter, on 20 chapters of the synthetic corpus (parsed, without the
// inspection that numbers their paragraphs), per chapter.
func BenchmarkWriteTEI(b *testing.B) {
	cfg := corpus.Config{Chapters: 20, Entries: 3000, Sources: 300}
	ed := &index.Edition{}
	kinds := map[string]bool{}
	var entries []*index.Entry
	for _, e := range corpus.Registry(cfg) {
		if !kinds[e.Kind] {
			kinds[e.Kind] = true
			ed.Kinds = append(ed.Kinds, index.Kind{Key: e.Kind, Path: e.Kind})
		}
		var as []index.Alias
		for _, a := range e.Aliases {
			as = append(as, index.Alias{Text: a})
		}
		entries = append(entries, &index.Entry{Kind: e.Kind, Key: e.Key, Name: e.Name, Aliases: as})
	}
	var sources []*index.Source
	for i := range cfg.Sources {
		id := fmt.Sprintf("src%04d", i+1)
		sources = append(sources, &index.Source{Record: &bib.Record{ID: id}, Label: "Author " + id})
	}
	links, ds := NewLinks(ed, entries, sources, index.NewLayout(ed))
	if ds.HasErrors() {
		b.Fatal(ds.Err())
	}
	m := New()
	files := corpus.Generate(cfg)
	var docs []*parsed
	for i := range cfg.Chapters {
		src := files[corpus.ChapterPath(i)]
		if _, body, ok := bytes.Cut(src[3:], []byte("\n---\n")); ok {
			src = body // the front matter is not Markdown
		}
		docs = append(docs, m.parse(Doc{File: "c.md", Line: 1, Src: src, Page: "text/c.html"}, links, true))
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range docs {
			writeTEI(p, nil)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(docs)), "ns/chapter")
}
