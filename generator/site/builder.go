package site

import (
	"bytes"
	"fmt"
	"hash/maphash"
	"html/template"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"edition/generator/bib"
	"edition/generator/diag"
	"edition/generator/export"
	"edition/generator/index"
	"edition/generator/internal/fileerr"
	"edition/generator/markup"
	"edition/generator/markup/highlight"
	"edition/generator/publish"
	"edition/generator/render"
	"edition/generator/search"
	"edition/generator/source"
)

// Builder builds one edition again and again, as a live preview does, and
// keeps between builds what did not change:
//
//   - the content and templates folders, in memory: a build re-reads only
//     files that are new, that the caller says changed, or whose size or
//     modification time changed;
//   - what each content file was parsed into (source.Memo);
//   - the alias matcher and every converted Markdown text (chapters, entry
//     annotations, source notes, pages), as long as the things a text can
//     link to (kinds, entries' names and aliases, sources' labels and
//     aliases) are the same;
//   - every rendered page whose view, template and path are the same (a
//     fingerprint of the view decides), or, for the general index, which
//     gathers every occurrence, whose pre-key is the same: a key of the
//     index data its view reads, which spares making the view at all (see
//     prekeys.go).
//
// The index is built afresh every time from the kept parts, so entry
// pages, indexes and back-references are always current; a page is
// rendered again exactly when what it shows changed. What a build produces
// is what Generate produces from the same folders.
//
// A Builder's methods may be called from several goroutines; builds run
// one at a time.
type Builder struct {
	opts   Options
	cache  bool // keep rendered pages (off for a one-shot build)
	verify bool // check pages kept by pre-key against their views (tests)

	mu        sync.Mutex
	content   *snapshot
	templates *snapshot
	memo      *source.Memo

	tmpl      *render.Templates
	tmplDiags diag.List
	tmplKey   uint64

	links      *markup.Links
	linksDiags diag.List
	linksFull  uint64 // what NewLinks read, positions included
	linksKey   uint64 // what converted texts depend on

	chicago  map[*bib.Record]template.HTML
	frags    map[fragKey]*fragment
	chapters map[string]*chapterEntry // by file
	pages    map[string]pageEntry     // by site path
	stable   map[ptrKey]uint64        // fingerprints of the chapters as shown, kept across builds

	// What entry and source pages read besides their own occurrences and
	// citations (see subjectsKey), and which entries and sources the
	// chapters converted since pages were last rendered name (a build that
	// fails before its pages leaves them for the next).
	subjects      uint64
	dirtyRefs     map[index.Ref]bool
	dirtyCited    map[string]bool
	dirtyChapters map[string]bool // slugs of chapters whose view was made again
	counts        map[string]int  // each entry's mentions when pages were last rendered
	codeCSS       []byte
	cssErr        error

	seed maphash.Seed
	work Work

	// pause is held by a build of a Builder that keeps pages: the rest of
	// the previous build (Finish) waits in its Yield while a build runs.
	pause sync.RWMutex

	tei    export.TEICache // the TEI's hook to yield to a newer build
	search search.Cache    // the search index's vocabulary, counts and annotation texts
	reg    export.RegistryCache
	stream bool  // Build writes each file as it is made (see Write)
	sink   *sink // where they go, during such a build
	// ids looks for the ids that content links lead to in the pages
	// being rendered, during a build (see linkCheck).
	ids *linkCheck
}

// Work tells what a build did and what it kept.
type Work struct {
	Changed   []string // input files new, changed or removed since the previous build
	Read      int      // files read from disk
	Parsed    int      // content files parsed
	Converted int      // chapters converted from Markdown
	Rendered  int      // pages rendered
	Reused    int      // pages kept from the previous build
	Phases    []Phase  // how long each step took, in order
}

// Phase is a step of a build and how long it took.
type Phase struct {
	Name     string
	Duration time.Duration
}

// lap ends the phase that began at *t and begins the next.
func (w *Work) lap(name string, t *time.Time) {
	now := time.Now()
	w.Phases = append(w.Phases, Phase{name, now.Sub(*t)})
	*t = now
}

// String is a short account of the work, for a log line.
func (w Work) String() string {
	return fmt.Sprintf("%d files read, %d parsed, %d chapters converted, %d pages rendered, %d kept",
		w.Read, w.Parsed, w.Converted, w.Rendered, w.Reused)
}

// NewBuilder returns a Builder for the folders in opts. It reads nothing
// until the first build.
func NewBuilder(opts Options) *Builder {
	b := newBuilder(opts)
	b.cache = true
	return b
}

func newBuilder(opts Options) *Builder {
	b := &Builder{
		opts:      opts,
		content:   newSnapshot(opts.Content),
		templates: newSnapshot(opts.Templates),
		memo:      source.NewMemo(),
		chicago:   map[*bib.Record]template.HTML{},
		frags:     map[fragKey]*fragment{},
		chapters:  map[string]*chapterEntry{},
		pages:     map[string]pageEntry{},
		seed:      maphash.MakeSeed(),

		dirtyRefs:     map[index.Ref]bool{},
		dirtyCited:    map[string]bool{},
		dirtyChapters: map[string]bool{},
	}
	// At each yield the rest also steps aside for whatever else is ready
	// to run: in a live preview, the reload event going out and the
	// requests of the browsers that reload, which would otherwise wait for
	// the scheduler to preempt the rest's goroutines (10 ms each time).
	yield := func() { b.pause.RLock(); b.pause.RUnlock(); runtime.Gosched() }
	b.tei.Yield, b.search.Yield, b.reg.Yield = yield, yield, yield
	b.content.listLinks = true // source warns of a link to a folder, which it does not read
	return b
}

// Work returns what the last build did.
func (b *Builder) Work() Work {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.work
}

// Build generates the site and, if there were no errors, publishes it to
// the output folder, like the function Build. changed is as for Generate.
func (b *Builder) Build(changed ...string) (*Result, error) {
	start := time.Now()
	if b.stream {
		return b.buildStreaming(start, changed)
	}
	res := b.Generate(changed...)
	if !res.OK() {
		res.Duration = time.Since(start)
		return res, nil
	}
	err := b.Publish(res)
	res.Duration = time.Since(start)
	return res, err
}

// buildStreaming is Build for a Builder made by Write.
func (b *Builder) buildStreaming(start time.Time, changed []string) (*Result, error) {
	w, err := publish.Begin(b.opts.Output)
	if err != nil {
		return &Result{Duration: time.Since(start)}, err
	}
	b.sink = newSink(w)
	res := b.Generate(changed...)
	s := b.sink
	b.sink = nil
	s.close()
	res.Duration = time.Since(start)
	if !res.OK() || s.err != nil {
		w.Abort()
		return res, s.err
	}
	if err := carryPreviousAssets(w, b.opts.Output); err != nil {
		w.Abort()
		return res, err
	}
	res.Stats, err = w.Commit()
	res.Duration = time.Since(start)
	return res, err
}

// Publish writes a generated site to the output folder (see
// publish.Replace), with the previous version of each fingerprinted asset
// carried over (carryPreviousAssets), and records what it did in
// res.Stats.
func (b *Builder) Publish(res *Result) error {
	files := make([]publish.File, len(res.Files))
	for i, f := range res.Files {
		files[i] = publish.File{Path: f.Path, Data: f.Data}
	}
	w, err := publish.Begin(b.opts.Output)
	if err != nil {
		return err
	}
	err = w.WriteAll(files)
	if err == nil {
		err = carryPreviousAssets(w, b.opts.Output)
	}
	if err != nil {
		w.Abort()
		res.Stats = w.Stats()
		return err
	}
	res.Stats, err = w.Commit()
	return err
}

// Generate runs the pipeline without writing anything, reusing what it can
// from the previous build. changed names files known to have changed since
// (paths as a file watcher reports them, under the content or templates
// folder): they are read again even if their size and modification time
// look the same. Other files are checked by size and time.
func (b *Builder) Generate(changed ...string) *Result {
	res := b.generatePages(changed, true)
	b.Finish(res)
	return res
}

// GeneratePages is Generate without the files that no page shows: the
// search index, the exports, the TEI text, the sitemap. Finish adds them.
// A live preview reloads the browsers in between.
func (b *Builder) GeneratePages(changed ...string) *Result { return b.generatePages(changed, false) }

// generatePages is GeneratePages; early starts making what Finish adds as
// soon as the index is built, on a goroutine of its own, while the pages
// are rendered (Finish then waits for it).
func (b *Builder) generatePages(changed []string, early bool) *Result {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.cache {
		b.pause.Lock()
		defer b.pause.Unlock()
	}
	b.work = Work{}
	t0 := time.Now()
	res := &Result{}
	diags := &res.Diags
	defer func() { res.Diags.Sort() }()
	opts := b.opts
	for _, d := range []struct{ path, what string }{{opts.Content, "content"}, {opts.Templates, "templates"}} {
		if fi, err := os.Stat(d.path); err != nil || !fi.IsDir() {
			diags.Errorf(diag.Pos{File: d.path}, "run from the edition's folder, or give the folder with -"+d.what,
				"the %s folder %q does not exist", d.what, d.path)
		}
	}
	if diags.HasErrors() {
		return res
	}

	// Read: the two folders, then the content's files and the templates.
	tmplChanged := false
	for _, s := range []*snapshot{b.content, b.templates} {
		diff, read, err := s.refresh(hintsUnder(s.root, changed))
		b.work.Read += read
		if err != nil {
			diags.Errorf(diag.Pos{File: s.root}, "check that the folder can be read", "cannot read the folder: %v", fileerr.Cause(err))
			continue
		}
		for _, rel := range diff {
			b.work.Changed = append(b.work.Changed, filepath.Join(s.root, filepath.FromSlash(rel)))
		}
		if s == b.templates && (len(diff) > 0 || b.tmpl == nil) {
			tmplChanged = true
		}
	}
	if diags.HasErrors() {
		return res
	}
	b.work.lap("read", &t0)
	content, ds := b.memo.Load(b.content, opts.Content)
	b.work.lap("parse", &t0)
	b.work.Parsed = b.memo.Parsed()
	diags.Append(ds)
	// The errors that may leave a page out of the site, or move it, for
	// the links of a build with errors (see movedBy).
	loadErrs := leftOutErrs(ds, content)
	if tmplChanged {
		b.tmpl, b.tmplDiags = render.Load(b.templates, opts.Templates)
		b.tmpl.Highlight = highlightCode
		b.tmplKey = newFingerprinter(b.seed).sum(b.templates.files)
		// The code style sheet is one of the assets, fingerprinted with
		// them, before any page links to it.
		if b.codeCSS == nil && b.cssErr == nil {
			css, err := highlight.CSS("github", "github-dark", `[data-theme="dark"]`, `[data-theme="light"]`)
			b.codeCSS, b.cssErr = []byte(css), err
		}
		if b.cssErr != nil {
			b.tmplDiags.Errorf(diag.Pos{}, "", "cannot make the code stylesheet: %v", b.cssErr)
		} else {
			b.tmpl.AddAsset("code.css", b.codeCSS)
		}
	}
	tmpl := b.tmpl
	diags.Append(b.tmplDiags)
	// A file of the content with errors leaves the others to check, so
	// that the editor sees every mistake at once (what depends on the
	// file left out waits for it: see foldLeftOut). Without edition.yaml
	// nothing was read. Templates that do not load leave the content to
	// check all the same: they make no page, so it is checked as a build
	// with errors checks it (see unbuilt), against their assets and ids,
	// which are read whether or not they parse.
	if !content.Read {
		return res
	}

	// Link targets: entries and sources, their labels and aliases.
	ed := &content.Edition
	entries, sources, ds := index.CheckKeys(content.Entries, content.Sources)
	diags.Append(ds)
	loadErrs = append(loadErrs, ds...)
	layout := index.NewLayout(ed)
	labels := bib.Disambiguate(recordsOf(sources))
	chicago := make(map[*bib.Record]template.HTML, len(sources))
	for _, s := range sources {
		s.Label = labels[s.ID]
		html, ok := b.chicago[s.Record]
		if !ok {
			html = bib.Chicago(s.Record)
		}
		chicago[s.Record] = html
		s.Entry = html
	}
	b.chicago = chicago
	full, key := b.linkKeys(ed, entries, sources)
	if b.links == nil || full != b.linksFull {
		b.links, b.linksDiags = markup.NewLinks(ed, entries, sources, layout)
		b.linksFull = full
	}
	if key != b.linksKey {
		b.linksKey = key
		clear(b.frags)
	}
	links := b.links
	diags.Append(b.linksDiags)
	b.work.lap("links", &t0)

	// Fragments: the edition's own texts, entries' annotations, sources'
	// notes. Each is rendered for the page it appears on.
	for _, f := range b.frags {
		f.used = false
	}
	// The ordinary links of every text, each with the page it lands on,
	// to be checked once the site is made.
	var ordinary []contentLink
	frag := func(file string, line int, spans []diag.Span, text, page string) template.HTML {
		k := fragKey{file, line, page, text, spanKey(spans)}
		f := b.frags[k]
		if f == nil {
			f = &fragment{}
			f.html, f.links, f.diags = md.FragmentLinks(markup.Doc{File: file, Line: line, Spans: spans, Src: []byte(text), Page: page}, links)
			b.frags[k] = f
		}
		f.used = true
		diags.Append(f.diags)
		for _, l := range f.links {
			cl := contentLink{Link: l, page: page}
			if line == 0 && spans == nil { // a field of edition.yaml that YAML changed
				cl.at = diag.Pos{File: file}
			}
			ordinary = append(ordinary, cl)
		}
		return f.html
	}
	// The entries' and sources' texts are converted first, on all cores
	// (with an entry's summary, when it gives none); the loops below then
	// find each in b.frags.
	type fragJob struct {
		k         fragKey
		summarize bool
		spans     []diag.Span
	}
	var todo []fragJob
	for _, e := range entries {
		if k := (fragKey{e.File, e.BodyLine, layout.Ref(e.Ref()), string(e.Body), ""}); b.frags[k] == nil {
			todo = append(todo, fragJob{k, e.Summary == "", nil})
		}
	}
	for _, s := range sources {
		if a := s.Var("annote"); a != "" {
			if k := (fragKey{s.Pos.File, s.AnnoteLine, layout.Ref(s.Ref()), a, spanKey(s.AnnoteSpans)}); b.frags[k] == nil {
				todo = append(todo, fragJob{k, false, s.AnnoteSpans})
			}
		}
	}
	made := make([]fragment, len(todo))
	parallel(len(todo), func(i int) {
		k, f := todo[i].k, &made[i]
		f.html, f.links, f.diags = md.FragmentLinks(markup.Doc{File: k.file, Line: k.line, Spans: todo[i].spans, Src: []byte(k.text), Page: k.page}, links)
		if todo[i].summarize {
			f.summary, f.summarized = FirstSentence(PlainText(string(f.html))), true
		}
	})
	for i, j := range todo {
		if b.frags[j.k] == nil { // two entries may share a key
			b.frags[j.k] = &made[i]
		}
	}
	ed.CitationHTML = frag(ed.Pos.File, 0, ed.Spans["citation"], ed.Citation, index.HomePage)
	ed.RightsHTML = frag(ed.Pos.File, 0, ed.Spans["rights"], ed.Rights, index.HomePage)
	ed.LicenseHTML = frag(ed.Pos.File, 0, ed.Spans["license"], ed.License, index.HomePage)
	for _, e := range entries {
		e.BodyHTML = frag(e.File, e.BodyLine, nil, string(e.Body), layout.Ref(e.Ref()))
		if e.Summary == "" {
			f := b.frags[fragKey{e.File, e.BodyLine, layout.Ref(e.Ref()), string(e.Body), ""}]
			if !f.summarized {
				f.summary, f.summarized = FirstSentence(PlainText(string(f.html))), true
			}
			e.Summary = f.summary
		}
	}
	for _, s := range sources {
		if a := s.Var("annote"); a != "" {
			n := len(ordinary)
			s.AnnoteHTML = frag(s.Pos.File, s.AnnoteLine, s.AnnoteSpans, a, layout.Ref(s.Ref()))
			// Where YAML changed the annotation beyond placing (an
			// escape in quotes), its line must do.
			for i := n; s.AnnoteSpans == nil && i < len(ordinary); i++ {
				ordinary[i].at = diag.Pos{File: s.Pos.File, Line: s.AnnoteLine}
			}
		}
	}

	b.work.lap("fragments", &t0)
	chapters, occ, cites, ds := b.convertChapters(content.Chapters, links, layout, tmpl.IDs())
	diags.Append(ds)
	b.work.lap("chapters", &t0)
	x, ds := index.Build(index.Input{Edition: ed, Entries: entries, Sources: sources, Chapters: chapters,
		Occurrences: occ, Citations: cites, Failed: diags.HasErrors()})
	diags.Append(ds)
	b.work.lap("index", &t0)
	res.Index = x
	// The further pages and the chapters' links come before the verdict,
	// so that a build with errors reports theirs too: an editor sees every
	// mistake at once, not a batch more after each fix.
	var extra []render.ExtraPage
	for _, p := range content.Pages {
		html := frag(p.File, p.BodyLine, nil, string(p.Body), layout.Page(p.Slug))
		extra = append(extra, render.ExtraPage{Slug: p.Slug, Title: p.Title, HTML: html, File: p.File})
	}
	b.dropUnusedFragments()
	foldUnsourced(diags, content, opts.Content)
	for _, ch := range chapters {
		e := b.chapters[ch.File]
		for _, l := range e.res.Links {
			ordinary = append(ordinary, contentLink{Link: l, page: layout.Chapter(e.slug)})
		}
	}
	if diags.HasErrors() {
		// What a link says on its own (its scheme, its form), and where
		// it leads as far as the site that would be made can tell
		// without being made (see checkUnbuilt).
		failed := slices.Clone(*diags) // before the links' own
		lc, ds := newLinkCheck(ordinary, x)
		diags.Append(ds)
		if len(lc.targets) > 0 {
			moved := movedBy(loadErrs, opts.Content, ed, layout, len(content.Sources) == 0)
			if tmpl.AssetsUnread() {
				// An asset that could not be read is not in the site
				// made without it: where it would be is unsure.
				byLoad := moved
				moved = func(p string) bool { return strings.HasPrefix(p, render.AssetsDir+"/") || byLoad(p) }
			}
			lc.checkUnbuilt(unbuilt(tmpl, x, extra, moved, failed), diags)
		}
		foldLeftOut(diags, content, opts.Content)
		return res
	}
	lc, ds := newLinkCheck(ordinary, x)
	diags.Append(ds)
	b.ids = lc
	defer func() { b.ids = nil }()
	// What Finish adds is begun now, beside the listing of the pages (one
	// core would be idle); it waits for their paths only at its end.
	var (
		paths      []string
		pathsReady = make(chan struct{})
	)
	if early {
		res.pending = startFinish(x, func() []string { <-pathsReady; return paths }, b.sink)
	}
	// What render needs besides the pages, made while they are listed.
	var keysWG sync.WaitGroup
	var pk *preKeys
	var subjects uint64
	if b.cache {
		keysWG.Go(func() { pk = b.newPreKeys(x, extra, newFingerprinter(b.seed)) })
		keysWG.Go(func() { subjects = b.subjectsKey(x, extra) })
	}
	pages := tmpl.Pages(x, extra)
	keysWG.Wait()
	paths = make([]string, len(pages))
	for i, p := range pages {
		paths[i] = p.Path
	}
	close(pathsReady)
	files, ds := b.render(tmpl, x, pages, pk, subjects, &t0)
	diags.Append(ds)
	more, ds := tmpl.Extras(x, extra)
	diags.Append(ds)
	for _, f := range more {
		lc.scan(f.Path, f.Data)
	}
	files = append(files, more...)
	b.work.lap("render", &t0)
	files = append(files, tmpl.Assets()...)
	// The content's links, against every file but those Finish adds,
	// which check those left.
	var have map[string]bool
	res.links = lc.check(func(p string) bool {
		if have == nil {
			have = make(map[string]bool, len(files))
			for _, f := range files {
				have[f.Path] = true
			}
		}
		return have[p]
	}, diags)
	if b.sink != nil && !diags.HasErrors() {
		b.sink.put(files[len(files)-len(more)-len(tmpl.Assets()):])
	}
	res.Files = files
	res.unfinished = true
	return res
}

// unbuilt is what a build with errors, diags (those of its content, not
// of its links), knows of the site it would make (see unbuiltSite). With
// templates that do not load it knows as much, but for the HTML of a
// chapter's page where the layout, a partial or chapter.html is among
// them: the pages' paths are the index's and the layout's, not the
// templates', and the assets and ids are read all the same (render.Load).
func unbuilt(tmpl *render.Templates, x *index.Index, extra []render.ExtraPage, moved func(string) bool, diags diag.List) *unbuiltSite {
	pages := tmpl.Pages(x, extra)
	u := &unbuiltSite{paths: make(map[string]bool, len(pages)+len(x.Sources)*3+16), moved: moved}
	byPath := make(map[string]*render.Page, len(x.Chapters))
	for _, p := range pages {
		u.paths[p.Path] = true
		if _, ok := p.Subject.(*index.Chapter); ok {
			byPath[p.Path] = p
		}
	}
	for _, f := range tmpl.Assets() {
		u.paths[f.Path] = true
	}
	u.paths["assets/"+render.PreviewsAsset] = true
	for _, p := range finishPaths(x) {
		u.paths[p] = true
	}
	failed := map[string]bool{} // the files with errors
	for _, d := range diags {
		if d.Severity == diag.Error {
			failed[d.File] = true
		}
	}
	u.chapter = func(p string) (html []byte, ok bool) {
		page := byPath[p]
		if page == nil || failed[page.Subject.(*index.Chapter).File] {
			return nil, false
		}
		// A page of a build with errors that cannot be made alone (its
		// template did not load) leaves its links to wait, rather than
		// the build to fail otherwise.
		defer func() {
			if recover() != nil {
				html, ok = nil, false
			}
		}()
		html, err := tmpl.Render(page)
		return html, err == nil
	}
	return u
}

// Finish adds to a result of GeneratePages the files that let readers find
// their way and scholars reuse the edition (see findAndReuse). It does
// nothing to a result that stopped before the pages, or that is finished.
// It reads only the result, so it may run while the next build does; it
// then waits at intervals until that build is done, which keeps it from
// slowing the build a live preview waits for.
func (b *Builder) Finish(res *Result) {
	if !res.unfinished {
		return
	}

	res.unfinished = false
	var (
		more []render.File
		ix   *search.Index
		ds   diag.List
	)
	if p := res.pending; p != nil {
		<-p.done
		more, ix, ds = p.files, p.ix, p.diags
		res.pending = nil
	} else {
		paths := make([]string, len(res.Files))
		for i, f := range res.Files {
			paths[i] = f.Path
		}
		var keep *finishCaches
		if b.cache {
			keep = &finishCaches{tei: &b.tei, search: &b.search, registry: &b.reg}
		}
		more, ix, ds = findAndReuse(res.Index, func() []string { return paths }, keep, nil)
	}
	res.Diags.Append(ds)
	res.Files = append(res.Files, more...)
	if len(res.links) > 0 {
		// The links that lead to no page nor asset may lead to what
		// Finish made.
		have := make(map[string]bool, len(more))
		for _, f := range more {
			have[f.Path] = true
		}
		var left []linkTarget
		for _, t := range res.links {
			if !have[t.path] {
				left = append(left, t)
			}
		}
		paths := make([]string, len(res.Files))
		for i, f := range res.Files {
			paths[i] = f.Path
		}
		missing(left, paths, &res.Diags)
		res.links = nil
	}
	res.Diags.Sort()
	res.Search = ix
}

// markDirty notes the entries a converted chapter names and the sources it
// cites or names, before or after its conversion: their pages may change.
func (b *Builder) markDirty(e *chapterEntry) {
	for _, o := range e.occ {
		b.dirtyRefs[o.Target] = true
		if o.Target.Kind == index.SourceKind.Key {
			b.dirtyCited[o.Target.Key] = true
		}
	}
	for _, c := range e.cites {
		b.dirtyCited[c.Source] = true
	}
}

// dirtyClosure returns a test for the chapter, entry and source pages that
// may have changed because a chapter was converted (or its title, authors
// or place changed): that chapter's page, and the pages of the entries and
// sources it names or cites, before or after, and of the entries that link
// to one of those entries whose count of mentions changed (a link shows
// it). It is false of the title page and the search page, and true of
// every other page.
func (b *Builder) dirtyClosure(x *index.Index) func(*render.Page) bool {
	dirty := map[string]bool{} // entry keys
	for r := range b.dirtyRefs {
		if r.Kind == index.SourceKind.Key {
			continue
		}
		dirty[r.Key] = true
	}
	linked := map[string]bool{}
	for k := range dirty {
		linked[k] = true
		e, ok := x.EntryByKey(k)
		if !ok {
			continue
		}
		if n, ok := b.counts[k]; ok && n == len(x.Occurrences(e.Ref())) {
			continue // the links to it show the same count
		}
		for _, r := range e.Related {
			linked[r] = true
		}
		for _, r := range x.RelatedBy(k) {
			linked[r] = true
		}
		if e.Parent != "" {
			linked[e.Parent] = true
		}
		for _, c := range x.Children(k) {
			linked[c.Key] = true
		}
	}
	return func(p *render.Page) bool {
		switch s := p.Subject.(type) {
		case *index.Entry:
			return linked[s.Key]
		case *index.Source:
			return b.dirtyCited[s.ID]
		case *index.Chapter:
			return b.dirtyChapters[s.Slug]
		}
		return p.Template != "home.html" && p.Template != render.SearchPage
	}
}

// subjectsKey is a key of what a chapter's, an entry's or a source's page
// reads beyond its own chapter, or its own occurrences and citations: the
// templates, the edition, every entry and source, the shape of every
// chapter (its slug, title, authors, order, sections, and the section of
// each paragraph, which place the strips' bands and marks; a chapter's
// page links to its neighbours) and the further pages' titles. While it
// stays the same, the page of a chapter not converted again, and of an
// entry or source that no converted chapter names, is as before; so are
// the title page and the search page, which show nothing else.
func (b *Builder) subjectsKey(x *index.Index, extra []render.ExtraPage) uint64 {
	type shape struct {
		Slug, Title string
		Authors     []bib.Name
		Order       int
		Sections    []index.Section
		Paragraphs  []int
	}
	shapes := make([]shape, len(x.Chapters))
	for i, ch := range x.Chapters {
		sh := shape{Slug: ch.Slug, Title: ch.Title, Authors: ch.Authors, Order: ch.Order, Sections: ch.Sections,
			Paragraphs: make([]int, len(ch.Paragraphs))}
		for j, p := range ch.Paragraphs {
			sh.Paragraphs[j] = p.Section
		}
		shapes[i] = sh
	}
	pages := make([][2]string, len(extra))
	for i, p := range extra {
		pages[i] = [2]string{p.Slug, p.Title}
	}
	return newFingerprinter(b.seed).sum(b.tmplKey, x.Edition, x.Entries, x.Sources, shapes, pages)
}

// pendingFinish is what Finish adds, being made on a goroutine of its own.
type pendingFinish struct {
	done  chan struct{}
	files []render.File
	ix    *search.Index
	diags diag.List
}

// startFinish starts findAndReuse on its own goroutine. With a sink, it
// writes the files there as soon as they are made.
func startFinish(x *index.Index, pages func() []string, s *sink) *pendingFinish {
	p := &pendingFinish{done: make(chan struct{})}
	go func() {
		defer close(p.done)
		p.files, p.ix, p.diags = findAndReuse(x, pages, nil, s)
		if s == nil || p.diags.HasErrors() {
			return
		}
		// What findAndReuse did not write as it went: the small files.
		var rest []render.File
		for _, f := range p.files {
			if !s.wrote(f.Path) {
				rest = append(rest, f)
			}
		}
		s.put(rest)
		for i := range p.files {
			p.files[i].Data = nil
		}
	}()
	return p
}

// hintsUnder returns the paths in changed that lie under root, relative to
// it and slash-separated.
func hintsUnder(root string, changed []string) map[string]bool {
	if len(changed) == 0 {
		return nil
	}
	absRoot, err := filepath.Abs(root)
	if err != nil {
		return nil
	}
	hints := map[string]bool{}
	for _, p := range changed {
		abs, err := filepath.Abs(p)
		if err != nil {
			continue
		}
		rel, err := filepath.Rel(absRoot, abs)
		if err != nil || !filepath.IsLocal(rel) {
			continue
		}
		hints[filepath.ToSlash(rel)] = true
	}
	return hints
}

// linkKeys fingerprints what markup.NewLinks reads: full with the aliases'
// positions (which only its diagnostics show), key without them (what a
// converted text depends on).
func (b *Builder) linkKeys(ed *index.Edition, entries []*index.Entry, sources []*index.Source) (full, key uint64) {
	type alias struct {
		Text string
		Case index.Case
	}
	type target struct {
		Ref     index.Ref
		Name    string
		Aliases []alias
	}
	kinds := make([][2]string, len(ed.Kinds))
	for i, k := range ed.Kinds {
		kinds[i] = [2]string{k.Key, k.Path}
	}
	var targets []target
	var positions []diag.Pos
	add := func(ref index.Ref, name string, as []index.Alias) {
		t := target{Ref: ref, Name: name}
		for _, a := range as {
			t.Aliases = append(t.Aliases, alias{a.Text, a.Case})
			positions = append(positions, a.Pos)
		}
		targets = append(targets, t)
	}
	for _, e := range entries {
		add(e.Ref(), e.Name, e.Aliases)
	}
	for _, s := range sources {
		add(s.Ref(), s.Label, s.Aliases)
	}
	fp := newFingerprinter(b.seed)
	key = fp.sum(kinds, targets)
	return fp.sum(key, positions), key
}

// fragKey is a short Markdown text converted for a page.
type fragKey struct {
	file  string
	line  int
	page  string
	text  string
	spans string // spanKey of the text's spans, if it has them
}

// spanKey is spans as a string, for a fragKey: two texts alike but for
// where their lines are in the file are told apart.
func spanKey(spans []diag.Span) string {
	if spans == nil {
		return ""
	}
	b := make([]byte, 0, 12*len(spans))
	for _, s := range spans {
		b = strconv.AppendInt(b, int64(s.From), 10)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(s.Line), 10)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(s.Col), 10)
		b = append(b, ' ')
	}
	return string(b)
}

type fragment struct {
	html  template.HTML
	links []markup.Link
	diags diag.List
	used  bool
	// summary is the first sentence of html, once made (an entry's
	// summary, when it gives none).
	summary    string
	summarized bool
}

func (b *Builder) dropUnusedFragments() {
	for k, f := range b.frags {
		if !f.used {
			delete(b.frags, k)
		}
	}
}

// chapterEntry is a converted chapter with what it was converted from.
type chapterEntry struct {
	linksKey uint64 // the Builder's linksKey, and the key of the page's ids
	file     string
	slug     string
	opening  string
	bodyLine int
	body     []byte

	res   *markup.Result
	words int
	// view is the chapter as this build shows it (slug, title, order…
	// filled in); kept while those stay the same, so that its fingerprint
	// is worked out once.
	view     *index.Chapter
	viewHash uint64
	occ      []index.Occurrence // with the chapter's slug
	cites    []index.Citation   // with the chapter's slug and calling paragraph
}

// convertChapters converts the chapters that changed, in parallel, and
// returns all of them in reading order with their occurrences and
// citations, a run per chapter. Section ids avoid the ids of the pages'
// templates, ids.
func (b *Builder) convertChapters(in []*source.Chapter, links *markup.Links, layout index.Layout, ids *render.PageIDs) ([]*index.Chapter, [][]index.Occurrence, [][]index.Citation, diag.List) {
	entries := make([]*chapterEntry, len(in))
	key := b.linksKey ^ ids.Key()
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, ch := range in {
		if e := b.chapters[ch.File]; e != nil && e.linksKey == key && e.slug == ch.Slug && e.opening == ch.Opening &&
			e.bodyLine == ch.BodyLine && sameBytes(e.body, ch.Body) {
			entries[i] = e
			continue
		}
		b.work.Converted++
		if e := b.chapters[ch.File]; e != nil {
			b.markDirty(e)
		}
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			entries[i] = convertChapter(ch, links, layout, key, ids.Has)
		})
	}
	wg.Wait()
	for i, e := range entries {
		if e != b.chapters[in[i].File] {
			b.markDirty(e)
		}
	}
	clear(b.chapters)
	var diags diag.List
	chapters := make([]*index.Chapter, 0, len(entries))
	occ := make([][]index.Occurrence, 0, len(entries))
	cites := make([][]index.Citation, 0, len(entries))
	var fresh []*chapterEntry
	for i, e := range entries {
		b.chapters[e.file] = e
		src := in[i]
		if c := e.view; c == nil || c.Title != src.Title || !slices.Equal(c.Authors, src.Authors) || c.Order != i {
			c := *e.res.Chapter // the kept result stays as converted
			c.Slug, c.Title, c.Authors, c.Opening, c.Order, c.Words = src.Slug, src.Title, src.Authors, src.Opening, i, e.words
			e.view = &c
			fresh = append(fresh, e)
			b.dirtyChapters[c.Slug] = true
		}
		chapters = append(chapters, e.view)
		occ = append(occ, e.occ)
		cites = append(cites, e.cites)
		diags.Append(e.res.Diags)
	}
	if b.cache {
		parallel(len(fresh), func(i int) { fresh[i].viewHash = newFingerprinter(b.seed).pointee(reflect.ValueOf(fresh[i].view)) })
		b.stable = make(map[ptrKey]uint64, len(entries))
		for _, e := range entries {
			b.stable[keyOf(e.view)] = e.viewHash
		}
	}
	return chapters, occ, cites, diags
}

// parallel calls f(0) … f(n-1) on as many goroutines as there are
// processors.
func parallel(n int, f func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(i)
			}
		})
	}
	wg.Wait()
}

func convertChapter(ch *source.Chapter, links *markup.Links, layout index.Layout, linksKey uint64, taken func(string) bool) *chapterEntry {
	r := md.Chapter(markup.Doc{File: ch.File, Line: ch.BodyLine, Src: ch.Body, Page: layout.Chapter(ch.Slug), Taken: taken}, links, ch.Opening)
	e := &chapterEntry{linksKey: linksKey, file: ch.File, slug: ch.Slug, opening: ch.Opening, bodyLine: ch.BodyLine,
		body: ch.Body, res: r}
	c := r.Chapter
	for _, p := range c.Paragraphs {
		e.words += countWords(p.Text)
	}
	if len(r.Occurrences) > 0 {
		e.occ = make([]index.Occurrence, 0, len(r.Occurrences))
	}
	for _, o := range r.Occurrences {
		o.Chapter = ch.Slug
		e.occ = append(e.occ, o)
	}
	for _, ct := range r.Citations {
		ct.Chapter = ch.Slug
		if n, ok := c.Note(ct.Note); ok {
			ct.Paragraph = n.Paragraph
		}
		e.cites = append(e.cites, ct)
	}
	return e
}

// countWords is len(strings.Fields(s)) without making the fields: in
// ASCII text it counts as Fields does before allocating them.
func countWords(s string) int {
	n, wasSpace, setBits := 0, 1, uint8(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		setBits |= c
		isSpace := int(asciiSpace[c])
		n += wasSpace &^ isSpace
		wasSpace = isSpace
	}
	if setBits < utf8.RuneSelf {
		return n
	}
	n, inWord := 0, false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if !space && !inWord {
			n++
		}
		inWord = !space
	}
	return n
}

var asciiSpace = [256]uint8{'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1}

// pageEntry is a rendered page and the key of what it was rendered from.
type pageEntry struct {
	key  uint64 // its pre-key, or the fingerprint of its view
	fp   uint64 // in verify mode, the fingerprint of its view
	data []byte
}

// render renders the pages that changed since the previous build, in
// parallel, and keeps the others. A page changed if its subject is dirty
// (see dirtyClosure) or what it reads besides changed (subjects, the
// subjectsKey), else if its pre-key (pk, for the pages that have one) or
// the fingerprint of its template, path and view changed. Files come in
// the order of tmpl.Pages.
func (b *Builder) render(tmpl *render.Templates, x *index.Index, pages []*render.Page, pk *preKeys, subjects uint64, t0 *time.Time) ([]render.File, diag.List) {
	n := len(pages)
	files := make([]render.File, n)
	errs := make([]error, n)
	keys := make([]uint64, n)
	fps := make([]uint64, n)
	force := make([]bool, n)
	var todo []int
	var diags diag.List
	if b.cache {
		// Chapter, entry and source pages that no converted chapter
		// touches are as before when nothing else they read changed.
		sameSubjects := subjects == b.subjects
		b.subjects = subjects
		dirty := b.dirtyClosure(x)
		// In parallel: each worker takes every w-th page.
		w := runtime.GOMAXPROCS(0)
		var wg sync.WaitGroup
		for i0 := range w {
			wg.Go(func() {
				fp := newFingerprinter(b.seed)
				fp.stable = b.stable
				for i := i0; i < n; i += w {
					p := pages[i]
					view := func() uint64 { return fp.sum(b.tmplKey, p.Template, p.Path, p.View()) }
					if b.verify {
						fps[i] = view()
					}
					if old, ok := b.pages[p.Path]; ok && sameSubjects {
						if !dirty(p) {
							keys[i] = old.key
							continue
						}
						if _, ok := p.Subject.(*index.Chapter); ok {
							// A chapter converted again: rendered again without
							// a fingerprint, which would cost as much.
							force[i] = true
							continue
						}
					}
					k, ok := pk.key(p)
					if !ok {
						k = view()
					}
					keys[i] = k
				}
			})
		}
		wg.Wait()
		for i, p := range pages {
			old, ok := b.pages[p.Path]
			if !ok || old.key != keys[i] || force[i] {
				todo = append(todo, i)
				continue
			}
			files[i] = render.File{Path: p.Path, Data: old.data}
			b.ids.scan(p.Path, old.data)
			if b.verify && old.fp != fps[i] {
				diags.Errorf(diag.Pos{}, "update the pre-keys (prekeys.go) or what makes a page dirty (subjectsKey, dirtyClosure)",
					"internal: %s was kept, but its view changed", p.Path)
			}
		}
	} else {
		for i := range pages {
			todo = append(todo, i)
		}
	}
	b.work.Rendered, b.work.Reused = len(todo), n-len(todo)
	b.work.lap("keys", t0)
	parallel(len(todo), func(j int) {
		i := todo[j]
		files[i].Path = pages[i].Path
		if b.sink != nil && !b.cache {
			// Streaming, keeping nothing: the page goes to the writer
			// in the buffer it was rendered into, with no copy.
			buf := pageBuffers.Get().(*bytes.Buffer)
			errs[i] = tmpl.RenderTo(buf, pages[i])
			pages[i].Release()
			if errs[i] != nil {
				freePage(buf)
				return
			}
			b.ids.scan(files[i].Path, buf.Bytes())
			b.sink.putPage(files[i].Path, buf)
			return
		}
		files[i].Data, errs[i] = tmpl.Render(pages[i])
		pages[i].Release()
		b.ids.scan(files[i].Path, files[i].Data)
		if b.sink != nil && errs[i] == nil {
			b.sink.put(files[i : i+1])
		}
	})

	var out []render.File
	var failed []render.PageError
	kept := make(map[string]pageEntry, n)
	for i, f := range files {
		if errs[i] != nil {
			failed = append(failed, render.PageError{Path: f.Path, Err: errs[i]})
			continue
		}
		out = append(out, f)
		if b.cache {
			kept[f.Path] = pageEntry{key: keys[i], fp: fps[i], data: f.Data}
		}
	}
	b.pages = kept
	b.counts = make(map[string]int, len(x.Entries))
	for _, e := range x.Entries {
		b.counts[e.Key] = len(x.Occurrences(e.Ref()))
	}
	clear(b.dirtyRefs)
	clear(b.dirtyCited)
	clear(b.dirtyChapters)
	diags.Append(tmpl.Diagnose(failed))
	return out, diags
}
