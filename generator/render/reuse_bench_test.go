package render_test

import (
	"bytes"
	"html/template"
	"strings"
	"testing"

	"edition/generator/markup/highlight"
)

// BenchmarkReuse makes the metadata and the citations to copy of every
// page of a template (addReuse, with the citations highlighted as a first
// build highlights them) and writes them as the page does: the partials
// "meta" (citation_* and Open Graph tags, JSON-LD) and, on chapter and
// source pages, the cite blocks.
func BenchmarkReuse(b *testing.B) {
	for _, c := range []struct{ page, cite string }{
		{"chapter.html", "cite-chapter"}, {"source.html", "cite-source"}, {"entry.html", ""}, {"kind.html", ""},
	} {
		b.Run(c.page, func(b *testing.B) {
			x, tmpl := largeIndex(b)
			tmpl.Highlight = func(lang, code string) template.HTML {
				var s strings.Builder
				_ = highlight.Write(&s, lang, code)
				return template.HTML(s.String())
			}
			defer func() { tmpl.Highlight = nil }()
			var views []any
			for _, p := range tmpl.Pages(x, nil) {
				if p.Template == c.page {
					views = append(views, p.View())
				}
			}
			var w bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				for _, v := range views {
					w.Reset()
					tmpl.AddReuse(x, v)
					if err := tmpl.ExecutePartial(&w, c.page, "meta", v); err != nil {
						b.Fatal(err)
					}
					if c.cite != "" {
						if err := tmpl.ExecutePartial(&w, c.page, c.cite, v); err != nil {
							b.Fatal(err)
						}
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(views)), "ns/page")
		})
	}
}
