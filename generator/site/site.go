package site

import (
	"fmt"
	"html/template"

	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"edition/generator/bib"
	"edition/generator/diag"
	"edition/generator/index"
	"edition/generator/markup"
	"edition/generator/markup/highlight"
	"edition/generator/publish"
	"edition/generator/render"
	"edition/generator/search"
	"edition/generator/source"
)

// Options says where a build reads and writes.
type Options struct {
	Content   string // the content folder
	Templates string // the templates folder
	Output    string // the output folder; Build replaces it whole
}

// Result is what a build produced and found.
type Result struct {
	Diags    diag.List
	Index    *index.Index // nil when the content could not be indexed
	Files    []render.File
	Search   *search.Index // nil when the site was not generated
	Stats    publish.Stats
	Duration time.Duration
}

// OK reports whether the build had no errors.
func (r *Result) OK() bool { return !r.Diags.HasErrors() }

// md is the program's one Markdown processor.
var md = markup.New()

// Build makes the site and, if there were no errors, publishes it to
// opts.Output. The error is for failures to write; problems in the input are
// in Result.Diags.
func Build(opts Options) (*Result, error) {
	start := time.Now()
	res := Generate(opts)
	if !res.OK() {
		res.Duration = time.Since(start)
		return res, nil
	}
	files := make([]publish.File, len(res.Files))
	for i, f := range res.Files {
		files[i] = publish.File{Path: f.Path, Data: f.Data}
	}
	st, err := publish.Replace(opts.Output, files)
	res.Stats = st
	res.Duration = time.Since(start)
	return res, err
}

// Generate runs the pipeline without writing anything.
func Generate(opts Options) *Result {
	res := &Result{}
	diags := &res.Diags
	defer diags.Sort()
	for _, d := range []struct{ path, what string }{{opts.Content, "content"}, {opts.Templates, "templates"}} {
		if fi, err := os.Stat(d.path); err != nil || !fi.IsDir() {
			diags.Errorf(diag.Pos{File: d.path}, "run from the edition's folder, or give the folder with -"+d.what,
				"the %s folder %q does not exist", d.what, d.path)
		}
	}
	if diags.HasErrors() {
		return res
	}
	content, ds := source.Load(os.DirFS(opts.Content), opts.Content)
	diags.Append(ds)
	tmpl, ds := render.Load(os.DirFS(opts.Templates), opts.Templates)
	diags.Append(ds)
	tmpl.Highlight = highlightCode
	if diags.HasErrors() {
		return res
	}
	ed := &content.Edition
	entries, sources, ds := index.CheckKeys(content.Entries, content.Sources)
	diags.Append(ds)
	layout := index.NewLayout(ed)
	labels := bib.Disambiguate(recordsOf(sources))
	for _, s := range sources {
		s.Label = labels[s.ID]
		s.Entry = bib.Chicago(s.Record)
	}
	links, ds := markup.NewLinks(ed, entries, sources, layout)
	diags.Append(ds)

	// Fragments: the edition's own texts, entries' annotations, sources'
	// notes. Each is rendered for the page it appears on.
	frag := func(file string, line int, text, page string) template.HTML {
		html, ds := md.Fragment(markup.Doc{File: file, Line: line, Src: []byte(text), Page: page}, links)
		diags.Append(ds)
		return html
	}
	ed.CitationHTML = frag(ed.Pos.File, 0, ed.Citation, index.HomePage)
	ed.RightsHTML = frag(ed.Pos.File, 0, ed.Rights, index.HomePage)
	ed.LicenseHTML = frag(ed.Pos.File, 0, ed.License, index.HomePage)
	for _, e := range entries {
		e.BodyHTML = frag(e.File, e.BodyLine, string(e.Body), layout.Ref(e.Ref()))
		if e.Summary == "" {
			e.Summary = FirstSentence(PlainText(string(e.BodyHTML)))
		}
	}
	for _, s := range sources {
		if a := s.Var("annote"); a != "" {
			s.AnnoteHTML = frag(s.Pos.File, s.AnnoteLine, a, layout.Ref(s.Ref()))
		}
	}

	chapters, occ, cites, ds := convertChapters(content.Chapters, links, layout)
	diags.Append(ds)
	x, ds := index.Build(index.Input{Edition: ed, Entries: entries, Sources: sources, Chapters: chapters,
		Occurrences: occ, Citations: cites})
	diags.Append(ds)
	res.Index = x
	if diags.HasErrors() {
		return res
	}

	var extra []render.ExtraPage
	for _, p := range content.Pages {
		html, ds := md.Fragment(markup.Doc{File: p.File, Line: p.BodyLine, Src: p.Body, Page: layout.Page(p.Slug)}, links)
		diags.Append(ds)
		extra = append(extra, render.ExtraPage{Slug: p.Slug, Title: p.Title, HTML: html, File: p.File})
	}
	files, ds := tmpl.Site(x, extra)
	diags.Append(ds)
	files = append(files, tmpl.Assets()...)
	css, err := highlight.CSS("github", "github-dark", `[data-theme="dark"]`, `[data-theme="light"]`)
	if err != nil {
		diags.Errorf(diag.Pos{}, "", "cannot make the code stylesheet: %v", err)
	}
	files = append(files, render.File{Path: "assets/code.css", Data: []byte(css)})
	more, ix, ds := findAndReuse(x, files)
	diags.Append(ds)
	files = append(files, more...)
	res.Search = ix
	res.Files = files
	return res
}

func recordsOf(sources []*index.Source) []*bib.Record {
	out := make([]*bib.Record, len(sources))
	for i, s := range sources {
		out[i] = s.Record
	}
	return out
}

// convertChapters converts the chapters in parallel and returns them in
// reading order with their occurrences and citations.
func convertChapters(in []*source.Chapter, links *markup.Links, layout index.Layout) ([]*index.Chapter, []index.Occurrence, []index.Citation, diag.List) {
	results := make([]*markup.Result, len(in))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, ch := range in {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			results[i] = md.Chapter(markup.Doc{File: ch.File, Line: ch.BodyLine, Src: ch.Body, Page: layout.Chapter(ch.Slug)}, links, ch.Opening)
		})
	}
	wg.Wait()
	var (
		chapters []*index.Chapter
		occ      []index.Occurrence
		cites    []index.Citation
		diags    diag.List
	)
	for i, r := range results {
		src := in[i]
		c := r.Chapter
		c.Slug, c.Title, c.Authors, c.Opening, c.Order = src.Slug, src.Title, src.Authors, src.Opening, i
		for _, p := range c.Paragraphs {
			c.Words += len(strings.Fields(p.Text))
		}
		chapters = append(chapters, c)
		for _, o := range r.Occurrences {
			o.Chapter = c.Slug
			occ = append(occ, o)
		}
		for _, ct := range r.Citations {
			ct.Chapter = c.Slug
			if n, ok := c.Note(ct.Note); ok {
				ct.Paragraph = n.Paragraph
			}
			cites = append(cites, ct)
		}
		diags.Append(r.Diags)
	}
	return chapters, occ, cites, diags
}

// Check generates the site without writing it and verifies it: every
// internal link and anchor must resolve.
func Check(opts Options) *Result {
	res := Generate(opts)
	if res.OK() {
		res.Diags.Append(CheckLinks(res.Files))
		res.Diags.Sort()
	}
	return res
}

// Summarize returns the one-line account of a build.
func Summarize(r *Result) string {
	var b strings.Builder
	if r.Index != nil {
		occ := 0
		for _, e := range r.Index.Entries {
			occ += len(r.Index.Occurrences(e.Ref()))
		}
		fmt.Fprintf(&b, "%d chapters, %d entries, %d sources, %d mentions linked; ",
			len(r.Index.Chapters), len(r.Index.Entries), len(r.Index.Sources), occ)
	}
	fmt.Fprintf(&b, "%d files (%d written, %d unchanged, %.1f MB) in %s",
		r.Stats.Files, r.Stats.Written, r.Stats.Unchanged, float64(r.Stats.Bytes)/1e6, r.Duration.Round(time.Millisecond))
	if r.Search != nil {
		fmt.Fprintf(&b, "; %s", r.Search)
	}
	if w := r.Diags.Count(diag.Warning); w > 0 {
		fmt.Fprintf(&b, "; %d warnings", w)
	}
	return b.String()
}
