package site

import (
	"html/template"
	"strings"
	"sync"

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
// text as TEI, and sitemap.xml (with a base URL) and robots.txt. pages
// gives the paths of the site's other files, for the sitemap; it is called
// last, so that the rest may be made while they are listed. keep, if not nil,
// keeps what can be kept from one build to the next.
func findAndReuse(x *index.Index, pages func() []string, keep *finishCaches, out *sink) ([]render.File, *search.Index, diag.List) {
	if keep == nil {
		keep = &finishCaches{}
	}
	var diags diag.List
	fail := func(what string, err error) {
		diags.Errorf(diag.Pos{File: x.Edition.Pos.File}, "this is a bug in the generator; please report it", "cannot write %s: %v", what, err)
	}
	// The parts are independent: each is made on its own goroutine into
	// its own list, and the lists are put together in a fixed order.
	var (
		ix                        *search.Index
		searchErr, teiErr, regErr error
		searchFiles, sourceFiles  []render.File
		teiText, registry         []byte
		perSourceErr              = make([]error, len(x.Sources))
	)
	records := make([]*bib.Record, len(x.Sources))
	for i, s := range x.Sources {
		records[i] = s.Record
	}
	// With a sink (a one-shot build that writes as it goes), the three
	// large parts are made one after the other and each written as soon as
	// it is done, so that at most one of them is in memory; they run
	// alongside the pages, which keep the processors busy anyway.
	var big sync.Mutex
	part := func(f func()) func() {
		if out == nil {
			return f
		}
		return func() { big.Lock(); defer big.Unlock(); f() }
	}
	var wg sync.WaitGroup
	wg.Go(part(func() {
		if out != nil {
			// Each file written as it is made, from a buffer reused for
			// the next.
			ix, searchErr = search.BuildTo(x, keep.search, func(f search.File) error {
				out.putParts(f.Path, [][]byte{f.Data})
				return nil
			})
		} else {
			ix, searchErr = search.BuildWith(x, keep.search)
		}
		if searchErr == nil {
			for _, f := range ix.Files {
				searchFiles = append(searchFiles, render.File{Path: f.Path, Data: f.Data})
			}
		}
	}))
	// With a sink, the TEI and the registry are made in pieces, written as
	// they are, and the second made reuses the pieces of the first.
	var pieces export.Chunks
	left := 2
	inPieces := func(path string, write func(*export.Chunks) error) error {
		err := write(&pieces)
		if err == nil {
			out.putParts(path, pieces.Parts())
		}
		pieces.Reset()
		if left--; left == 0 {
			pieces = export.Chunks{}
		}
		return err
	}
	wg.Go(part(func() {
		if out != nil {
			teiErr = inPieces(export.TEIFile, func(c *export.Chunks) error { return export.TEIInto(c, x, keep.tei) })
			return
		}
		teiText, teiErr = export.TEIWith(x, keep.tei)
	}))
	wg.Go(part(func() {
		if out != nil {
			regErr = inPieces(export.RegistryFile, func(c *export.Chunks) error { return export.RegistryInto(c, x, keep.registry) })
			return
		}
		registry, regErr = export.RegistryWith(x, keep.registry)
	}))
	// The bibliography, whole and a source at a time, each record
	// written once.
	bibl := export.BibliographyOf(records)
	for i, s := range x.Sources {
		r := bibl.Records[i]
		perSourceErr[i] = r.CSLErr
		sourceFiles = append(sourceFiles,
			render.File{Path: export.SourceFile(x.Layout, s, export.BibTeXFormat), Data: r.BibTeX},
			render.File{Path: export.SourceFile(x.Layout, s, export.RISFormat), Data: r.RIS},
			render.File{Path: export.SourceFile(x.Layout, s, export.CSLJSONFormat), Data: r.CSLJSON})
	}
	bibtex, ris, csl, cslErr := bibl.BibTeX, bibl.RIS, bibl.CSLJSON, bibl.CSLErr
	wg.Wait()

	var files []render.File
	add := func(p string, b []byte) { files = append(files, render.File{Path: p, Data: b}) }
	if searchErr != nil {
		fail("the search index", searchErr)
	}
	files = append(files, searchFiles...)
	for i, err := range perSourceErr {
		if err != nil {
			fail(x.Sources[i].ID+" as CSL-JSON", err)
		}
	}
	files = append(files, sourceFiles...)
	add(export.BibliographyFile(export.BibTeXFormat), bibtex)
	add(export.BibliographyFile(export.RISFormat), ris)
	if cslErr != nil {
		fail("the bibliography as CSL-JSON", cslErr)
	} else {
		add(export.BibliographyFile(export.CSLJSONFormat), csl)
	}
	if regErr != nil {
		fail("the registry", regErr)
	} else {
		add(export.RegistryFile, registry)
	}
	if teiErr != nil {
		fail("the TEI text", teiErr)
	} else {
		add(export.TEIFile, teiText)
	}

	var htmlPages []string
	for _, p := range pages() {
		if !strings.HasSuffix(p, ".html") || p == index.NotFoundPage {
			continue
		}
		if _, leadsOn := x.Layout.Forwards(p); leadsOn {
			continue // a folder's page that leads to another (text/): that one is listed
		}
		htmlPages = append(htmlPages, p)
	}
	sm, ok := export.Sitemap(x.Edition.BaseURL, htmlPages)
	if ok {
		add(export.SitemapFile, sm)
	}
	add(export.RobotsFile, export.Robots(x.Edition.BaseURL, ok))
	return files, ix, diags
}

// finishCaches are what a Builder keeps for findAndReuse from one build to
// the next; a nil field keeps nothing.
type finishCaches struct {
	tei      *export.TEICache
	search   *search.Cache
	registry *export.RegistryCache
}

// highlightCode highlights code for render (the Cite blocks): records in
// the shape the exports write them are read as they are, anything else
// goes to chroma (highlight.Write).
func highlightCode(lang, code string) template.HTML {
	var b strings.Builder
	_ = highlight.Write(&b, lang, code)
	return template.HTML(b.String())
}
