package render_test

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"edition/generator/index"
	"edition/generator/internal/corpus"
	"edition/generator/render"
	"edition/generator/site"
)

// A corpus of 100 chapters and 3,000 entries, generated once for the
// rendering benchmarks.
var large struct {
	once sync.Once
	x    *index.Index
	tmpl *render.Templates
	err  string
}

func largeIndex(b *testing.B) (*index.Index, *render.Templates) {
	b.Helper()
	large.once.Do(func() {
		dir := filepath.Join(b.TempDir(), "content")
		if err := corpus.Write(dir, corpus.Config{Chapters: 100, Entries: 3000, Sources: 300}); err != nil {
			large.err = err.Error()
			return
		}
		res := site.Generate(site.Options{Content: dir, Templates: "../../templates"})
		if !res.OK() {
			large.err = res.Diags.Err().Error()
			return
		}
		large.x = res.Index
		tmpl, ds := render.Load(os.DirFS("../../templates"), "templates")
		if ds.HasErrors() {
			large.err = ds.Err().Error()
		}
		large.tmpl = tmpl
	})
	if large.err != "" {
		b.Fatal(large.err)
	}
	return large.x, large.tmpl
}

// BenchmarkRender makes and renders the pages of each template of a site
// of 100 chapters and 3,000 entries: the view (what the page shows, drawn
// from the index) and the template's execution, per page.
func BenchmarkRender(b *testing.B) {
	for _, name := range []string{"chapter.html", "entry.html", "source.html", "kind.html", "general-index.html", "overview.html", "home.html"} {
		b.Run(name, func(b *testing.B) {
			x, tmpl := largeIndex(b)
			var pages []*render.Page
			for _, p := range tmpl.Pages(x, nil) {
				if p.Template == name {
					pages = append(pages, p)
				}
			}
			b.ReportAllocs()
			size := 0
			allocs := mallocs()
			for b.Loop() {
				size = 0
				// Views are made once per Pages: make them afresh each time.
				for _, p := range tmpl.Pages(x, nil) {
					if p.Template != name {
						continue
					}
					out, err := tmpl.Render(p)
					if err != nil {
						b.Fatal(err)
					}
					p.Release() // as a build does once a page is written
					size += len(out)
				}
			}
			b.ReportMetric(float64(mallocs()-allocs)/float64(b.N*len(pages)), "allocs/page")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(pages)), "ns/page")
			b.ReportMetric(float64(size)/float64(len(pages)), "bytes/page")
		})
	}
}

// BenchmarkExecute executes each page template with views made beforehand:
// the templates' share of BenchmarkRender, per page.
func BenchmarkExecute(b *testing.B) {
	for _, name := range []string{"chapter.html", "entry.html", "source.html", "kind.html", "general-index.html", "overview.html", "home.html"} {
		b.Run(name, func(b *testing.B) {
			pages, tmpl := viewedPages(b, name)
			b.ReportAllocs()
			allocs := mallocs()
			for b.Loop() {
				for _, p := range pages {
					if _, err := tmpl.Render(p); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(mallocs()-allocs)/float64(b.N*len(pages)), "allocs/page")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(pages)), "ns/page")
		})
	}
}

// mallocs is how many heap objects the program has allocated so far.
func mallocs() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs
}

// BenchmarkOccurrences writes the occurrences in context and the strip of
// every entry's page (the bulk of an entry's view), per occurrence.
func BenchmarkOccurrences(b *testing.B) {
	x, tmpl := largeIndex(b)
	n, run := tmpl.EntryOccurrences(x)
	b.ReportAllocs()
	allocs := mallocs()
	for b.Loop() {
		run()
	}
	b.ReportMetric(float64(mallocs()-allocs)/float64(b.N*n), "allocs/occurrence")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/occurrence")
}

// BenchmarkPreviews writes the preview cards of every entry and source
// (Extras: assets/previews.js), their first lines made afresh each time as
// in a first build.
func BenchmarkPreviews(b *testing.B) {
	x, tmpl := largeIndex(b)
	b.ReportAllocs()
	for b.Loop() {
		tmpl.ForgetFirstLines()
		if _, ds := tmpl.Extras(x, nil); ds.HasErrors() {
			b.Fatal(ds.Err())
		}
	}
}

// BenchmarkRenderTo renders the pages of a template, views made
// beforehand, each into a buffer of its own, as a streaming build renders
// into buffers fresh from its pool: the template and the growing of the
// buffer.
func BenchmarkRenderTo(b *testing.B) {
	for _, name := range []string{"chapter.html", "entry.html", "source.html", "kind.html", "general-index.html"} {
		b.Run(name, func(b *testing.B) {
			pages, tmpl := viewedPages(b, name)
			b.ReportAllocs()
			for b.Loop() {
				for _, p := range pages {
					var buf bytes.Buffer
					if err := tmpl.RenderTo(&buf, p); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(pages)), "ns/page")
		})
	}
}

// viewedPages returns the pages of the large index that template name
// renders, their views made.
func viewedPages(b *testing.B, name string) ([]*render.Page, *render.Templates) {
	x, tmpl := largeIndex(b)
	var pages []*render.Page
	for _, p := range tmpl.Pages(x, nil) {
		if p.Template == name {
			p.View()
			pages = append(pages, p)
		}
	}
	return pages, tmpl
}
