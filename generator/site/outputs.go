package site

import (
	"html/template"
	"strings"

	"edition/generator/bib"
	"edition/generator/diag"
	"edition/generator/export"
	"edition/generator/index"
	"edition/generator/markup/highlight"
	"edition/generator/render"
	"edition/generator/search"
)

// findAndReuse makes the files that let readers find their way in the
// edition and scholars reuse it: the search index, the bibliography in
// CSL-JSON, BibTeX and RIS (whole and per source), the registry as JSON, the
// text as TEI, and sitemap.xml (with a base URL) and robots.txt. pages are
// the site's other files, for the sitemap.
func findAndReuse(x *index.Index, pages []render.File) ([]render.File, *search.Index, diag.List) {
	var files []render.File
	var diags diag.List
	fail := func(what string, err error) {
		diags.Errorf(diag.Pos{File: x.Edition.Pos.File}, "this is a bug in the generator; please report it", "cannot write %s: %v", what, err)
	}
	add := func(p string, b []byte) { files = append(files, render.File{Path: p, Data: b}) }

	ix, err := search.Build(x)
	if err != nil {
		fail("the search index", err)
	} else {
		for _, f := range ix.Files {
			add(f.Path, f.Data)
		}
	}

	records := make([]*bib.Record, len(x.Sources))
	for i, s := range x.Sources {
		records[i] = s.Record
		add(export.SourceFile(x.Layout, s, export.BibTeXFormat), export.BibTeX(records[i:i+1]))
		add(export.SourceFile(x.Layout, s, export.RISFormat), export.RIS(records[i:i+1]))
		j, err := export.CSLJSON(records[i : i+1])
		if err != nil {
			fail(s.ID+" as CSL-JSON", err)
		}
		add(export.SourceFile(x.Layout, s, export.CSLJSONFormat), j)
	}
	add(export.BibliographyFile(export.BibTeXFormat), export.BibTeX(records))
	add(export.BibliographyFile(export.RISFormat), export.RIS(records))
	if j, err := export.CSLJSON(records); err != nil {
		fail("the bibliography as CSL-JSON", err)
	} else {
		add(export.BibliographyFile(export.CSLJSONFormat), j)
	}
	if j, err := export.Registry(x); err != nil {
		fail("the registry", err)
	} else {
		add(export.RegistryFile, j)
	}
	if t, err := export.TEI(x); err != nil {
		fail("the TEI text", err)
	} else {
		add(export.TEIFile, t)
	}

	var htmlPages []string
	for _, f := range pages {
		if strings.HasSuffix(f.Path, ".html") && f.Path != index.NotFoundPage {
			htmlPages = append(htmlPages, f.Path)
		}
	}
	sm, ok := export.Sitemap(x.Edition.BaseURL, htmlPages)
	if ok {
		add(export.SitemapFile, sm)
	}
	add(export.RobotsFile, export.Robots(x.Edition.BaseURL, ok))
	return files, ix, diags
}

// highlightCode highlights code with chroma for render (the Cite blocks).
func highlightCode(lang, code string) template.HTML {
	var b strings.Builder
	_ = highlight.Write(&b, lang, code)
	return template.HTML(b.String())
}
