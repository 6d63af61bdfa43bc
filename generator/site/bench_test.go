package site_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"testing"
	"time"

	"edition/generator/internal/corpus"
	"edition/generator/site"
)

// BenchmarkGenerateFixture measures the whole pipeline, without writing,
// on the fixture edition.
func BenchmarkGenerateFixture(b *testing.B) {
	opts := site.Options{Content: fixtureContent, Templates: repoTemplates}
	for b.Loop() {
		if res := site.Generate(opts); !res.OK() {
			b.Fatal(res.Diags.Err())
		}
	}
}

// BenchmarkGenerateEdition measures the same on the edition in the
// repository's content folder.
func BenchmarkGenerateEdition(b *testing.B) {
	opts := site.Options{Content: "../../content", Templates: repoTemplates}
	for b.Loop() {
		if res := site.Generate(opts); !res.OK() {
			b.Fatal(res.Diags.Err())
		}
	}
}

// BenchmarkRebuild measures what edition serve does after a one-paragraph
// change to one chapter of a synthetic edition of 1,000 chapters and 3,000
// entries: the pages (GeneratePages: read, convert, index, render what
// changed), then the rest (Finish: search index, exports, TEI), each on
// its own.
func BenchmarkRebuild(b *testing.B) {
	opts := fixture(b, 1000)
	// fixture makes a small registry: replace it with the large one.
	if err := os.RemoveAll(opts.Content); err != nil {
		b.Fatal(err)
	}
	if err := corpus.Write(opts.Content, corpus.Config{Chapters: 1000, Entries: 3000, Sources: 300}); err != nil {
		b.Fatal(err)
	}
	bl := site.NewBuilder(opts)
	if res := bl.Generate(); !res.OK() {
		b.Fatal(res.Diags.Err())
	}
	p := filepath.Join(opts.Content, filepath.FromSlash(corpus.ChapterPath(499)))
	orig, err := os.ReadFile(p)
	if err != nil {
		b.Fatal(err)
	}
	var pages, rest time.Duration
	phases := map[string]time.Duration{}
	for i := 0; b.Loop(); i++ {
		text := bytes.Replace(orig, []byte(". "), fmt.Appendf(nil, ". Revision %d. ", i), 1)
		if err := os.WriteFile(p, text, 0o644); err != nil {
			b.Fatal(err)
		}
		// Labelled, for go test -cpuprofile: pprof -tagfocus step=pages.
		t0 := time.Now()
		var res *site.Result
		pprof.Do(context.Background(), pprof.Labels("step", "pages"), func(context.Context) { res = bl.GeneratePages(p) })
		t1 := time.Now()
		pprof.Do(context.Background(), pprof.Labels("step", "rest"), func(context.Context) { bl.Finish(res) })
		pages += t1.Sub(t0)
		rest += time.Since(t1)
		for _, ph := range bl.Work().Phases {
			phases[ph.Name] += ph.Duration
		}
		if !res.OK() {
			b.Fatal(res.Diags.Err())
		}
	}
	b.ReportMetric(float64(pages.Milliseconds())/float64(b.N), "pages-ms")
	b.ReportMetric(float64(rest.Milliseconds())/float64(b.N), "rest-ms")
	for name, d := range phases {
		b.ReportMetric(float64(d.Microseconds())/1e3/float64(b.N), name+"-ms")
	}
}

// BenchmarkWrite measures edition build (site.Write: each file written as
// it is made) on a synthetic edition of 100 chapters and 3,000 entries:
// "first" into an empty output folder, "over" over the same site, where
// every file is compared with the old one and linked.
func BenchmarkWrite(b *testing.B) {
	opts := fixtureOf(b, corpus.Config{Chapters: 100, Entries: 3000, Sources: 300})
	for _, over := range []bool{false, true} {
		name := "first"
		if over {
			name = "over"
		}
		b.Run(name, func(b *testing.B) {
			if _, err := site.Write(opts); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if !over {
					b.StopTimer()
					if err := os.RemoveAll(opts.Output); err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
				}
				res, err := site.Write(opts)
				if err != nil {
					b.Fatal(err)
				}
				if !res.OK() {
					b.Fatal(res.Diags.Err())
				}
			}
		})
	}
}
