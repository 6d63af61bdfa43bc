package markup_test

import (
	"bytes"
	"testing"
	"testing/fstest"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"edition/generator/bib"
	"edition/generator/index"
	"edition/generator/internal/corpus"
	"edition/generator/markup"
	"edition/generator/source"
)

// corpusChapter loads a synthetic corpus of 3,000 entries and 300 sources
// (those of `bench profile -chapters 1000 -entries 3000`) as a build does,
// and returns its links and its second chapter: about 2,000 words, 24
// notes and 80 mentions.
func corpusChapter(tb testing.TB) (*markup.Links, *source.Chapter, index.Layout) {
	tb.Helper()
	files := corpus.Generate(corpus.Config{Chapters: 2, Entries: 3000, Sources: 300})
	fsys := fstest.MapFS{}
	for p, b := range files {
		fsys[p] = &fstest.MapFile{Data: b}
	}
	content, ds := source.Load(fsys, "content")
	if ds.HasErrors() {
		tb.Fatal(ds.Err())
	}
	ed := &content.Edition
	entries, sources, ds := index.CheckKeys(content.Entries, content.Sources)
	if ds.HasErrors() {
		tb.Fatal(ds.Err())
	}
	records := make([]*bib.Record, len(sources))
	for i, s := range sources {
		records[i] = s.Record
	}
	labels := bib.Disambiguate(records)
	for _, s := range sources {
		s.Label = labels[s.ID]
	}
	layout := index.NewLayout(ed)
	links, ds := markup.NewLinks(ed, entries, sources, layout)
	if ds.HasErrors() {
		tb.Fatal(ds.Err())
	}
	return links, content.Chapters[1], layout
}

// BenchmarkChapter converts a chapter of the synthetic corpus, as a build
// does for each chapter, next to the floor: plain goldmark with GFM and
// footnotes parsing the same Markdown and rendering it into a buffer. The
// ratio of their ns/op is what conversion costs over the floor. Each also
// reports cpu-ns/op, the CPU time of the process (garbage collection
// included) per conversion, which moves less than ns/op when the machine
// is shared.
func BenchmarkChapter(b *testing.B) {
	links, ch, layout := corpusChapter(b)
	doc := markup.Doc{File: ch.File, Line: ch.BodyLine, Src: ch.Body, Page: layout.Chapter(ch.Slug)}
	b.Run("edition", func(b *testing.B) {
		md := markup.New()
		b.SetBytes(int64(len(ch.Body)))
		b.ReportAllocs()
		occ := 0
		cpu := cpuTime()
		for b.Loop() {
			r := md.Chapter(doc, links, ch.Opening)
			if len(r.Diags) > 0 {
				b.Fatal(r.Diags)
			}
			occ = len(r.Occurrences)
		}
		b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
		b.ReportMetric(float64(occ), "mentions/op")
	})
	b.Run("goldmark", func(b *testing.B) {
		md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))
		var out bytes.Buffer
		b.SetBytes(int64(len(ch.Body)))
		b.ReportAllocs()
		cpu := cpuTime()
		for b.Loop() {
			out.Reset()
			if err := md.Convert(ch.Body, &out); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
	})
}
