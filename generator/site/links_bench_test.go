package site

import (
	"path/filepath"
	"testing"

	"edition/generator/diag"
	"edition/generator/internal/corpus"
	"edition/generator/markup"
)

// BenchmarkLinkCheck measures the check of the content's ordinary links
// on an edition of 100 chapters given ten links a chapter: to another
// chapter's paragraph, note and section, to an asset, a page and an
// entry's page, and to other sites. It reports the cost per link.
func BenchmarkLinkCheck(b *testing.B) {
	dir := b.TempDir()
	opts := Options{Content: filepath.Join(dir, "content"), Templates: "../../templates"}
	if err := corpus.Write(opts.Content, corpus.Config{Chapters: 100, Entries: 300, Sources: 30}); err != nil {
		b.Fatal(err)
	}
	res := Generate(opts)
	if !res.OK() {
		b.Fatal(res.Diags.Err())
	}
	x := res.Index
	var links []contentLink
	for i, ch := range x.Chapters {
		next := x.Chapters[(i+1)%len(x.Chapters)]
		page := x.Layout.Chapter(ch.Slug)
		for _, dest := range []string{
			next.Slug + ".html#p3", next.Slug + ".html#" + next.Notes[0].ID, next.Slug + ".html#" + next.Sections[len(next.Sections)-1].ID,
			"#p1", "../assets/style.css", "../index.html", "../" + x.Layout.Ref(x.Entries[i].Ref()),
			"https://example.org/a/b?c=d", "mailto:editor@example.org", "http://example.org/",
		} {
			links = append(links, contentLink{Link: markup.Link{Dest: dest, Pos: diag.Pos{File: ch.File, Line: 1, Col: 1}}, page: page})
		}
	}
	have := make(map[string]bool, len(res.Files))
	for _, f := range res.Files {
		have[f.Path] = true
	}
	b.ReportAllocs()
	for b.Loop() {
		lc, ds := newLinkCheck(links, x)
		rest := lc.check(func(p string) bool { return have[p] }, &ds)
		if len(ds) > 0 || len(rest) > 0 {
			b.Fatal(ds, rest)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(links)), "ns/link")
}
