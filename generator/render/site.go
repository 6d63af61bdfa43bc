package render

import (
	"fmt"
	"html/template"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"edition/generator/bib"
	"edition/generator/diag"
	"edition/generator/index"
	"edition/generator/internal/words"
)

// ExtraPage is a further page whose body is already HTML.
type ExtraPage struct {
	Slug  string
	Title string
	HTML  template.HTML
	File  string // where it was written, for diagnostics
}

// Page is a page of the site before it is rendered: where it goes, the
// page template that renders it, what it is about, and the view the
// template is executed with, made when first asked for. The view holds
// everything the page shows, so two pages with equal views and templates
// render to equal bytes.
type Page struct {
	Path     string
	Template string
	// Subject is what the page shows: an *index.Chapter, *index.Entry,
	// *index.Source or *index.Kind; nil for the edition's own pages (home,
	// bibliography, overview, general index, further pages, search, reuse,
	// 404).
	Subject any

	make func() any
	once sync.Once
	view any
}

// View makes the page's view, once; it may be called from several
// goroutines (views only read the index).
func (p *Page) View() any {
	p.once.Do(func() { p.view, p.make = p.make(), nil })
	return p.view
}

// Release lets go of the page's view once the page is rendered, so that a
// large site does not hold every view until its last page is done, and
// puts the buffers its long lists were written into back in their pool
// (markup.keep): nothing may read the view after it. View returns nil
// after it.
func (p *Page) Release() {
	p.once.Do(func() { p.make = nil })
	if r, ok := p.view.(reusable); ok {
		if b := r.base(); b.release != nil {
			b.release()
			b.release = nil
		}
	}
	p.view = nil
}

// Pages lists every page of the edition, in the order Site renders them.
// Nothing is made yet: each page's view is made when asked for, so that a
// caller who knows a page did not change need not make it.
func (t *Templates) Pages(x *index.Index, extra []ExtraPage) []*Page {
	var pages []*Page
	set := newPageSet(t, x)
	set.extra = extra
	add := func(tmpl, p string, subject any, v func() any) {
		pages = append(pages, &Page{Path: p, Template: tmpl, Subject: subject, make: func() any {
			view := v()
			t.addReuse(x, view)
			if r, ok := view.(reusable); ok {
				b := r.base()
				b.chrome = set.chrome
				b.FurtherPages = set.furtherPages(b)
			}
			return view
		}})
	}
	tm := set.tm
	add("home.html", index.HomePage, nil, func() any { return t.home(x, extra) })
	for i, ch := range x.Chapters {
		add("chapter.html", x.Layout.Chapter(ch.Slug), ch, func() any { return t.chapter(x, set, i) })
	}
	for _, e := range x.Entries {
		add("entry.html", x.Layout.Ref(e.Ref()), e, func() any { return t.entry(x, tm, set, e) })
	}
	for i := range x.Edition.Kinds {
		k := &x.Edition.Kinds[i]
		add("kind.html", x.Layout.Kind(k.Key), k, func() any { return t.kind(x, k) })
	}
	for _, s := range x.Sources {
		add("source.html", x.Layout.Ref(s.Ref()), s, func() any { return t.source(x, tm, set, s) })
	}
	add("bibliography.html", index.BibliographyPage, nil, func() any { return t.bibliography(x) })
	add("overview.html", OverviewPage, nil, func() any { return t.overview(x, tm) })
	add("general-index.html", index.GeneralIndexPage, nil, func() any { return t.generalIndex(x, set) })
	for _, p := range extra {
		path := x.Layout.Page(p.Slug)
		add("page.html", path, nil, func() any { return &PageView{Base: newBase(x, path, p.Title, path), HTML: p.HTML} })
	}
	t.findPages(x, func(tmpl, p string, v func() any) { add(tmpl, p, nil, v) })
	for _, p := range folderPages(x, pages) {
		add(FolderTemplate, p, nil, func() any { return t.folder(x, p) })
	}
	add("404.html", index.NotFoundPage, nil, func() any {
		return &NotFoundView{Base: newBase(x, index.NotFoundPage, "Page not found", "")}
	})
	return pages
}

// FolderTemplate is the page template of the pages that stand at the
// address of a folder without an index page of its own (FolderView).
const FolderTemplate = "folder.html"

// folderPages returns the site paths of the index pages that the folders
// of pages lack: one for each folder that holds a page and whose address
// index.Layout.Forwards to a page elsewhere, in the order of the folders'
// first pages.
func folderPages(x *index.Index, pages []*Page) []string {
	have := make(map[string]bool, len(pages))
	for _, p := range pages {
		have[p.Path] = true
	}
	var out []string
	for _, p := range pages {
		dir := path.Dir(p.Path)
		if dir == "." {
			continue
		}
		fp := dir + "/index.html"
		if have[fp] {
			continue
		}
		if _, ok := x.Layout.Forwards(fp); ok {
			have[fp] = true
			out = append(out, fp)
		}
	}
	return out
}

// folder makes the view of the folder page at site path p: what the page it
// leads to lists, in words and by link.
func (t *Templates) folder(x *index.Index, p string) *FolderView {
	target, _ := x.Layout.Forwards(p)
	v := &FolderView{}
	// listed is the sentence's lead for n things, one called one, more
	// called many.
	listed := func(n int, one, many string) string {
		if n == 1 {
			return one + " is listed in"
		}
		return many + " are listed in"
	}
	frag := ""
	switch target {
	case index.BibliographyPage:
		v.Title, v.Label = index.SourceKind.Plural, "the bibliography"
		v.Lead = listed(len(x.Sources), "The source the text cites", "The sources the text cites")
	default:
		for _, k := range x.Edition.Kinds {
			if x.Layout.Kind(k.Key) == target {
				v.Title, v.Label = k.Plural, "the A–Z of "+strings.ToLower(k.Plural)
				v.Lead = listed(len(x.EntriesOf(k.Key)), "The "+strings.ToLower(k.Name), "The "+strings.ToLower(k.Plural))
			}
		}
	}
	if v.Title == "" { // the title page, for the text's folder or any other
		v.Title, v.Lead, v.Label = "Contents", "The contents of the text are on", "the title page"
		if target == index.HomePage && t.writesID("home.html", ContentsID) {
			frag = "#" + ContentsID
		}
	}
	// The navigation marks the section the folder is, as on the folder's
	// other pages: the text's (its first chapter's link) for the text's
	// folder, else the one of the page it leads to (Sources for sources/).
	current := target
	if len(x.Chapters) > 0 {
		if first := x.Layout.Chapter(x.Chapters[0].Slug); path.Dir(first) == path.Dir(p) {
			current = first
		}
	}
	v.Base = newBase(x, p, v.Title, current)
	v.BodyClass = "folder"
	v.Target = v.URL(target + frag)
	v.Canonical = canonical(x.Edition, target)
	return v
}

// ContentsID is the id of the contents on the title page (home.html),
// where a folder page that leads to the title page lands, if the template
// writes it.
const ContentsID = "contents-h"

// writesID reports whether the page template name writes the id itself,
// as id="…" in its text.
func (t *Templates) writesID(name, id string) bool {
	for _, m := range templateIDRE.FindAllSubmatch(t.src[name], -1) {
		if string(m[1]) == id {
			return true
		}
	}
	return false
}

// Render renders one page. Its error, if any, is the template's: Diagnose
// turns the errors of a set of pages into diagnostics.
func (t *Templates) Render(p *Page) ([]byte, error) { return t.page(p.Template, p.View()) }

// PageError is a page that failed to render.
type PageError struct {
	Path string
	Err  error
}

// Diagnose reports the errors of pages that failed to render. A template
// that fails, fails on every page it makes: each error is reported once,
// at the template's file, line and column, with the first page it broke
// and how many others.
func (t *Templates) Diagnose(failed []PageError) diag.List {
	type failure struct {
		first string
		pages int
	}
	byErr := map[string]*failure{}
	var order []error
	for _, pe := range failed {
		if f, ok := byErr[pe.Err.Error()]; ok {
			f.pages++
			continue
		}
		byErr[pe.Err.Error()] = &failure{first: pe.Path, pages: 1}
		order = append(order, pe.Err)
	}
	var diags diag.List
	for _, err := range order {
		f := byErr[err.Error()]
		ds := t.diag(err)
		for i := range ds {
			ds[i].Message += ", making " + f.first
			if f.pages > 1 {
				ds[i].Message += fmt.Sprintf(" and %d other pages", f.pages-1)
			}
		}
		diags.Append(ds)
	}
	return diags
}

// Extras makes the files of the site besides its pages and assets (the
// preview cards) and checks that no further page takes a generated page's
// address.
func (t *Templates) Extras(x *index.Index, extra []ExtraPage) ([]File, diag.List) {
	var files []File
	var diags diag.List
	for _, p := range extra {
		if x.Layout.Page(p.Slug) == OverviewPage {
			diags.Errorf(diag.Pos{File: p.File, Line: 1, Col: 1}, "rename the page's file: the overview has this address",
				"page %q would replace the overview page %s", p.Slug, OverviewPage)
		}
	}
	if f, err := t.previews(x); err != nil {
		diags.Errorf(diag.Pos{File: t.dir}, "", "cannot write the preview cards: %v", err)
	} else {
		files = append(files, f)
	}
	return files, diags
}

// Site renders every page of the edition and the preview cards. The caller
// adds the assets.
func (t *Templates) Site(x *index.Index, extra []ExtraPage) ([]File, diag.List) {
	var files []File
	var failed []PageError
	for _, p := range t.Pages(x, extra) {
		b, err := t.Render(p)
		if err != nil {
			failed = append(failed, PageError{p.Path, err})
			continue
		}
		files = append(files, File{Path: p.Path, Data: b})
	}
	diags := t.Diagnose(failed)
	more, ds := t.Extras(x, extra)
	diags.Append(ds)
	return append(files, more...), diags
}

func (t *Templates) home(x *index.Index, extra []ExtraPage) *HomeView {
	v := &HomeView{Base: newBase(x, index.HomePage, "", index.HomePage), Sources: len(x.Sources)}
	v.BodyClass = "home"
	for _, ch := range x.Chapters {
		p := x.Layout.Chapter(ch.Slug)
		item := ContentsItem{Link: Link{Label: ch.Title, Href: v.URL(p)}, Authors: strings.Join(bib.Naturals(ch.Authors), ", ")}
		for _, s := range ch.Sections {
			item.Sections = append(item.Sections, Link{Label: s.Title, Href: v.URL(p + "#" + s.ID)})
		}
		v.Chapters = append(v.Chapters, item)
	}
	for _, k := range x.Edition.Kinds {
		v.Kinds = append(v.Kinds, Link{Label: k.Plural, Href: v.URL(x.Layout.Kind(k.Key)), Kind: k.Key, Count: len(x.EntriesOf(k.Key))})
	}
	for _, p := range extra {
		v.Pages = append(v.Pages, Link{Label: p.Title, Href: v.URL(x.Layout.Page(p.Slug))})
	}
	return v
}

func (t *Templates) chapter(x *index.Index, set *pageSet, i int) *ChapterView {
	ch := x.Chapters[i]
	p := set.chapterPath[i]
	v := &ChapterView{Base: set.base(p, ch.Title, set.chapterPath[0]), Chapter: ch,
		Authors: strings.Join(bib.Naturals(ch.Authors), ", ")}
	v.BodyClass = "chapter"
	v.Heading = ch.TitleHTML
	if v.Heading == "" {
		v.Heading = template.HTML(template.HTMLEscapeString(ch.Title))
	}
	v.Fit = FitClass(v.Heading)
	var author, editor []*index.NoteInfo
	for j := range ch.Notes {
		n := &ch.Notes[j]
		if n.Series == index.EditorNote {
			editor = append(editor, n)
		} else {
			author = append(author, n)
		}
	}
	// The unnumbered note comes first, as in print.
	slices.SortStableFunc(author, func(a, b *index.NoteInfo) int {
		return boolInt(a.Series != index.UnnumberedNote) - boolInt(b.Series != index.UnnumberedNote)
	})
	h := new(held)
	v.release = h.release
	v.AuthorNotes, v.EditorNotes = noteList(h, author), noteList(h, editor)
	for _, s := range ch.Sections {
		v.Contents = append(v.Contents, Link{Label: s.Title, Href: "#" + s.ID})
		if s.ID == index.OpeningSection {
			v.OpeningID = s.ID
		}
	}
	if len(v.Contents) > 1 {
		v.Sections = sectionItems(v.Contents)
	}
	v.Cite = passageCitation(x, ch)
	if i > 0 {
		prev := x.Chapters[i-1]
		v.Prev = &Link{Label: prev.Title, Href: v.URL(x.Layout.Chapter(prev.Slug))}
	}
	if i+1 < len(x.Chapters) {
		next := x.Chapters[i+1]
		v.Next = &Link{Label: next.Title, Href: v.URL(x.Layout.Chapter(next.Slug))}
	}
	return v
}

// noteList writes notes as the items of chapter.html's lists of notes:
// each with its marker, its label for screen readers, its text (an
// editor's note marked "Ed.") and its links back to where the text calls
// it, escaped as the template's loop escaped them
// (TestNoteListIsTheTemplates).
func noteList(h *held, notes []*index.NoteInfo) template.HTML {
	if len(notes) == 0 {
		return ""
	}
	w := getMarkup()
	for _, n := range notes {
		w.raw("\n      <li id=\"")
		w.attr(n.ID)
		w.raw(`" class="note `)
		w.attr(seriesName(n.Series))
		w.raw(`"><span class="marker" aria-hidden="true">`)
		w.text(n.Marker)
		w.raw(`</span><div class="note-body"><span class="vh">`)
		writeNoteLabel(w, labelParts(n), false)
		w.raw(": </span>")
		if n.Series == index.EditorNote {
			w.raw(`<span class="ed-mark" aria-hidden="true">Ed.</span> `)
		}
		w.raw(string(n.HTML))
		w.raw("</div>")
		for i, ref := range n.Refs {
			w.raw(` <a class="backlink" href="#`)
			w.fragAttr(ref)
			w.raw(`" role="doc-backlink" aria-label="Back to the text`)
			if i > 0 {
				w.raw(" (")
				w.b = strconv.AppendInt(w.b, int64(i+1), 10)
				w.raw(")")
			}
			w.raw(`">↩</a>`)
		}
		w.raw("</li>")
	}
	return w.keep(h)
}

// passageCitation is how to cite a paragraph of ch, with "{p}" for the
// paragraph's number and "{url}" for its address, which the page's script
// fills in (the address depends on where the edition is read).
func passageCitation(x *index.Index, ch *index.Chapter) string {
	ed := x.Edition
	var b strings.Builder
	authors := ch.Authors
	if len(authors) == 0 {
		authors = ed.Authors
	}
	if len(authors) > 0 {
		b.WriteString(joinNames(bib.Naturals(authors)) + ", ")
	}
	var orig []string
	if ed.Publisher != "" {
		orig = append(orig, ed.Publisher)
	}
	if ed.Year != 0 {
		orig = append(orig, strconv.Itoa(ed.Year))
	}
	switch {
	case ch.Title != ed.Title:
		b.WriteString("“" + ch.Title + ",” in " + ed.Title)
	case len(orig) > 0:
		b.WriteString("“" + ch.Title + "”")
	default:
		b.WriteString("“" + ch.Title + ",”")
	}
	if len(orig) > 0 {
		b.WriteString(" (" + strings.Join(orig, ", ") + "),")
	}
	b.WriteString(" ¶ {p}, annotated online edition")
	if len(ed.Editors) > 0 {
		b.WriteString(", ed. " + joinNames(bib.Naturals(ed.Editors)))
	}
	b.WriteString(", {url}.")
	return b.String()
}

// joinNames joins names as prose does: "A", "A and B", "A, B, and C".
func joinNames(n []string) string {
	switch len(n) {
	case 0:
		return ""
	case 1:
		return n[0]
	case 2:
		return n[0] + " and " + n[1]
	}
	return strings.Join(n[:len(n)-1], ", ") + ", and " + n[len(n)-1]
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (t *Templates) entry(x *index.Index, tm *textMap, set *pageSet, e *index.Entry) *EntryView {
	p := x.Layout.Ref(e.Ref())
	kind, _ := x.Edition.Kind(e.Kind)
	v := &EntryView{Base: set.base(p, e.Name, set.kindPath(e.Kind)), Entry: e, Kind: kind, Body: e.BodyHTML}
	v.BodyClass = "entry " + KindClassPrefix + e.Kind
	v.Fit = FitClass(e.Name)
	if kind != nil {
		v.KindHref = v.URL(set.kindIndex[e.Kind])
	}
	v.Summary = e.Summary
	if e.Wikidata != "" {
		v.Wikidata = "https://www.wikidata.org/wiki/" + e.Wikidata
	}
	// The related entries, those that name it as related and its
	// sub-entries, as entryLinks would write their Links.
	w := getMarkup()
	link := func(key string) {
		if r, ok := set.entryRefs()[key]; ok {
			w.raw(`<li>`)
			w.entryLink("", r.e.Kind, v.URL(r.path), r.ref, r.e.Name)
			w.raw("</li>")
		}
	}
	for _, r := range e.Related {
		link(r)
	}
	v.Related, w = w.htmlOrNone(), getMarkup()
	for _, r := range x.RelatedBy(e.Key) {
		if !slices.Contains(e.Related, r) {
			link(r)
		}
	}
	v.RelatedBy, w = w.htmlOrNone(), getMarkup()
	for _, c := range x.Children(e.Key) {
		link(c.Key)
	}
	v.Children = w.htmlOrNone()
	if r, ok := set.entryRefs()[e.Parent]; ok && e.Parent != "" {
		v.Parent = &Link{Label: r.e.Name, Href: v.URL(r.path), Kind: r.e.Kind, Ref: r.ref, Count: len(x.Occurrences(r.e.Ref()))}
	}
	v.SeeAlso = v.Related != "" || v.RelatedBy != "" || v.Parent != nil || v.Children != "" || v.Wikidata != ""
	occ := x.Occurrences(e.Ref())
	v.Count = len(occ)
	v.Mentions = words.Count(v.Count, "mention", "mentions")
	h := new(held)
	v.release = h.release
	v.Occurrences = set.occurrenceList(h, &v.Base, occ, true)
	if len(occ) > 0 {
		v.Bands, v.Quoted = tm.BandsWord(), quoted(occ)
		v.Strip = tm.strip(h, "strip", "Where “"+e.Name+"” occurs in the text: "+v.Mentions+", each linked",
			func(w *markup) { tm.occurrenceMarks(w, &v.Base, set, occ) })
	}
	return v
}

// quoted reports whether any of occ stands in a block quotation: its mark
// on a strip has the quotations' colour, which the legend must then name.
func quoted(occ []index.Occurrence) bool {
	for i := range occ {
		if occ[i].Where == index.Quote {
			return true
		}
	}
	return false
}

// occurrenceList writes occurrences in context for page b, in reading
// order, the text of a section first and then its notes: with headed, under
// a heading per section, as entry.html shows them; without, as one list's
// items, as source.html does. It writes the markup the templates' loops
// wrote, escaped as they escaped it (TestOccurrenceListIsTheTemplates).
func (s *pageSet) occurrenceList(h *held, b *Base, occ []index.Occurrence, headed bool) template.HTML {
	if len(occ) == 0 {
		return ""
	}
	w := getMarkup()
	// Group the occurrences by chapter and section, in the order they
	// first occur: each group's occurrences are a list threaded through
	// next, from first to last.
	groups := w.groups[:0]
	next := w.next[:0]
	// (chapter, section) → group: looked for among the groups while they
	// are few (most entries are named in a few sections), in a map made
	// once they are many.
	var at map[[2]int]int
	var warm byte
	for i := range occ {
		o := &occ[i]
		next = append(next, -1)
		// The snippets lie in their chapters' texts, all over the heap
		// (an entry's occurrences are in hundreds of chapters). Loading a
		// byte of each here, where nothing waits on the loads, lets the
		// processor fetch them side by side; the writing below, which
		// waits on each, then finds them in the cache (the entry views
		// at 1,000 x 3,000 take a sixth less CPU time).
		warm ^= firstByte(o.Snippet.Before) ^ firstByte(o.Snippet.Match) ^ firstByte(o.Snippet.After)
		ci, ok := s.tm.chapterAt[o.Chapter]
		if !ok {
			continue
		}
		k := [2]int{ci, o.Section}
		gi := -1
		if n := len(groups); n > 0 && groups[n-1].chapter == ci && groups[n-1].section == o.Section {
			gi = n - 1
		} else if at != nil {
			if j, ok := at[k]; ok {
				gi = j
			}
		} else {
			for j := range groups {
				if groups[j].chapter == ci && groups[j].section == o.Section {
					gi = j
					break
				}
			}
		}
		if gi >= 0 {
			next[groups[gi].last] = int32(i)
			groups[gi].last = i
			continue
		}
		if at == nil && len(groups) == fewGroups {
			at = make(map[[2]int]int, 2*fewGroups)
			for j, g := range groups {
				at[[2]int{g.chapter, g.section}] = j
			}
		}
		if at != nil {
			at[k] = len(groups)
		}
		groups = append(groups, occGroup{chapter: ci, section: o.Section, first: i, last: i})
	}
	urls := s.chapterURLs(b)
	var headings []string // the folder's, for links through urls
	if headed && b.abs == "" {
		headings = s.sectionHeadings(urls)
	}
	for _, g := range groups {
		l := &s.tm.lines[g.chapter]
		prefix := s.chapterPrefix(b, urls, g.chapter)
		if headed {
			si := min(g.section, len(l.sections)-1)
			if headings != nil && prefix == &urls.urls[g.chapter] {
				w.raw(headings[l.firstSection+si])
			} else {
				writeSectionHeading(w, prefix, l.sections[si])
			}
		}
		// The text first, then the notes, each in order.
		for _, notes := range [2]bool{false, true} {
			for i := g.first; i >= 0; i = int(next[i]) {
				o := &occ[i]
				if (o.Where == index.Note) != notes {
					continue
				}
				w.raw("\n      <li class=\"")
				w.attr(o.Where.String())
				w.raw(`"><a href="`)
				w.urlAttrFrag(prefix, o.ID)
				w.raw(`">`)
				writeLocator(w, o, l, false)
				w.raw(`</a> <span class="context">`)
				w.text(o.Snippet.Before)
				w.raw("<mark>")
				w.text(o.Snippet.Match)
				w.raw("</mark>")
				w.text(o.Snippet.After)
				w.raw("</span></li>")
			}
		}
		if headed {
			w.raw("\n    </ul>")
		}
	}
	w.groups, w.next = groups, next
	w.sink = warm
	return w.keep(h)
}

// entryLinks writes links to entries as list items, as entry.html's and
// kind.html's loops wrote them: <li><a class="kind" href="…"
// data-ref="kind:key">Name</a></li>, with counted, the gloss and the count
// of mentions of kind.html (TestEntryLinksAreTheTemplates).
func entryLinks(links []Link, counted bool) template.HTML {
	if len(links) == 0 {
		return ""
	}
	w := getMarkup()
	for _, l := range links {
		if counted {
			w.raw("\n      ")
		}
		w.raw(`<li>`)
		w.entryLink("", l.Kind, l.Href, l.Ref, l.Label)
		if counted {
			if l.Note != "" {
				w.raw(` <span class="type">`)
				w.text(l.Note)
				w.raw("</span>")
			}
			w.raw(` <span class="count">`)
			w.b = strconv.AppendInt(w.b, int64(l.Count), 10)
			if l.Count == 1 {
				w.raw(`<span class="vh"> mention</span></span>`)
			} else {
				w.raw(`<span class="vh"> mentions</span></span>`)
			}
		}
		w.raw("</li>")
	}
	return w.html()
}

func (t *Templates) kind(x *index.Index, k *index.Kind) *KindView {
	p := x.Layout.Kind(k.Key)
	v := &KindView{Base: newBase(x, p, k.Plural, p), Kind: k}
	v.BodyClass = "kind " + KindClassPrefix + k.Key
	byLetter := map[string][]Link{}
	for _, e := range x.EntriesOf(k.Key) {
		l := initial(e.IndexName)
		note := e.Type
		if e.Dates != "" {
			note = strings.TrimSpace(note + ", " + e.Dates)
		}
		byLetter[l] = append(byLetter[l], Link{Label: e.IndexName, Href: v.URL(x.Layout.Ref(e.Ref())), Kind: e.Kind,
			Ref: e.Ref().String(), Note: note, Count: len(x.Occurrences(e.Ref()))})
		v.Total++
	}
	v.Letters = letterBar(byLetter)
	for i := range v.Letters {
		v.Letters[i].List = entryLinks(v.Letters[i].Items, true)
	}
	return v
}

// occGroup is the occurrences in one section of a chapter, as
// occurrenceList gathers them.
type occGroup struct{ chapter, section, first, last int }

// fewGroups is how many groups occurrenceList looks through one by one
// before it keeps a map of them.
const fewGroups = 32

// pageSet is what the views of one Pages share, made once and read by
// views made and rendered in parallel: where each chapter is, its
// paragraphs and notes (the text map), the relative URLs of the chapters'
// pages from each folder that links to them, and the layout's Chrome of
// each folder.
type pageSet struct {
	t           *Templates
	x           *index.Index
	tm          *textMap
	chapterPath []string // site path of each chapter's page

	kindPaths map[string]string // kind key → its A–Z page
	kindIndex map[string]string // kind key → its folder's index page, which an entry's page links to
	// entryByKey is, for each key of an entry, x.EntryByKey's entry with
	// its page and its reference, which links to it show: made when an
	// entry's view first asks (entryRefs).
	entryByKey     map[string]entryRef
	entryByKeyOnce sync.Once

	extra []ExtraPage // the further pages, for the footer (Base.FurtherPages)

	mu      sync.Mutex
	rel     map[string]*chapterLinks // folder → the links to each chapter's page from it
	navs    map[navKey]baseParts
	chromes map[chromeKey]chromeResult
	further map[furtherKey][]NavItem
}

// furtherKey is what the footer's links to the further pages depend on:
// the page's folder, whether its links are absolute, and which of them is
// the page itself (-1: none).
type furtherKey struct {
	dir, abs string
	here     int
}

// furtherPages returns Base.FurtherPages for page b, made once per folder
// (and for each further page, whose own link is marked) and shared by the
// pages that show the same links.
func (s *pageSet) furtherPages(b *Base) []NavItem {
	if len(s.extra) == 0 {
		return nil
	}
	k := furtherKey{dir: path.Dir(b.Path), abs: b.abs, here: -1}
	for i, p := range s.extra {
		if s.x.Layout.Page(p.Slug) == b.Path {
			k.here = i
		}
	}
	s.mu.Lock()
	items, ok := s.further[k]
	s.mu.Unlock()
	if ok {
		return items
	}
	items = make([]NavItem, len(s.extra))
	for i, p := range s.extra {
		items[i] = NavItem{Label: p.Title, Href: b.URL(s.x.Layout.Page(p.Slug)), Current: i == k.here, Here: i == k.here}
	}
	s.mu.Lock()
	s.further[k] = items
	s.mu.Unlock()
	return items
}

// entryRef is an entry with its page's path and its reference
// ("kind:key"), made once for the links to it.
type entryRef struct {
	e    *index.Entry
	path string
	ref  string
}

// navKey is what the root and the navigation of a page depend on: its
// folder, as its path has it up to the last slash, and its current item.
type navKey struct {
	dir, current string
	here         bool // the page is current itself (NavItem.Here)
}

// baseParts are the parts of a Base that its folder and current item
// decide.
type baseParts struct {
	root string
	nav  []NavItem
}

func newPageSet(t *Templates, x *index.Index) *pageSet {
	s := &pageSet{t: t, x: x, tm: newTextMap(x), kindPaths: map[string]string{}, kindIndex: map[string]string{},
		rel: map[string]*chapterLinks{}, navs: map[navKey]baseParts{}, chromes: map[chromeKey]chromeResult{},
		further: map[furtherKey][]NavItem{}}
	for _, ch := range x.Chapters {
		s.chapterPath = append(s.chapterPath, x.Layout.Chapter(ch.Slug))
	}
	for _, k := range x.Edition.Kinds {
		s.kindPaths[k.Key] = x.Layout.Kind(k.Key)
		s.kindIndex[k.Key] = k.Path + "/index.html"
	}
	return s
}

// entryRefs returns entryByKey, made on first use.
func (s *pageSet) entryRefs() map[string]entryRef {
	s.entryByKeyOnce.Do(func() {
		x := s.x
		s.entryByKey = make(map[string]entryRef, len(x.Entries))
		for _, e := range x.Entries {
			if _, done := s.entryByKey[e.Key]; done {
				continue
			}
			if r, ok := x.EntryByKey(e.Key); ok {
				s.entryByKey[e.Key] = entryRef{r, x.Layout.Ref(r.Ref()), r.Ref().String()}
			}
		}
	})
	return s.entryByKey
}

// kindPath is x.Layout.Kind(kind), made once per kind.
func (s *pageSet) kindPath(kind string) string {
	if p, ok := s.kindPaths[kind]; ok {
		return p
	}
	return s.x.Layout.Kind(kind)
}

// base is newBase(s.x, p, title, current), with the root and the
// navigation made once for the pages of a folder that mark the same item
// as current in the same way, and shared by them (nothing changes a view once made).
func (s *pageSet) base(p, title, current string) Base {
	if p == index.NotFoundPage {
		return newBase(s.x, p, title, current) // its links may be absolute
	}
	k := navKey{dir: p[:strings.LastIndexByte(p, '/')+1], current: current, here: p == current}
	s.mu.Lock()
	parts, ok := s.navs[k]
	s.mu.Unlock()
	if !ok {
		b := newBase(s.x, p, title, current)
		s.mu.Lock()
		s.navs[k] = baseParts{b.Root, b.Nav}
		s.mu.Unlock()
		return b
	}
	return Base{Path: p, Title: title, Edition: s.x.Edition, Root: parts.root, Nav: parts.nav, Canonical: canonical(s.x.Edition, p)}
}

// chapterLinks is how the pages of one folder link to the chapters'
// pages: the relative URL of each, as it is and escaped for an href.
type chapterLinks struct {
	urls []urlPrefix

	// headings is, for each section of the text (by index in
	// textMap.sections), what occurrenceList writes before its
	// occurrences on an entry's page of the folder: the section's heading
	// and the start of its list. Made once per folder (sectionHeadings),
	// not for each section of each entry.
	headings     []string
	headingsOnce sync.Once
}

// sectionHeadings returns cl.headings, made on first use: the markup of
// occurrenceList's headings for links from cl's folder, in one string.
func (s *pageSet) sectionHeadings(cl *chapterLinks) []string {
	cl.headingsOnce.Do(func() {
		w := &markup{b: make([]byte, 0, 160*len(s.tm.sections))}
		ends := make([]int, 0, len(s.tm.sections))
		for ci := range s.tm.lines {
			for _, sec := range s.tm.lines[ci].sections {
				writeSectionHeading(w, &cl.urls[ci], sec)
				ends = append(ends, len(w.b))
			}
		}
		all := string(w.b)
		cl.headings = make([]string, len(ends))
		start := 0
		for i, end := range ends {
			cl.headings[i] = all[start:end]
			start = end
		}
	})
	return cl.headings
}

// writeSectionHeading writes the heading of a section's occurrences on an
// entry's page, linking to it through prefix, and the start of their list.
func writeSectionHeading(w *markup, prefix *urlPrefix, sec index.Section) {
	w.raw("\n    <h3><a href=\"")
	w.urlAttrFrag(prefix, sec.ID)
	w.raw(`">`)
	w.text(sec.Title)
	w.raw("</a></h3>\n    <ul class=\"kwic\">")
}

// chapterURLs returns the links to each chapter's page from page b's
// folder.
func (s *pageSet) chapterURLs(b *Base) *chapterLinks {
	dir := path.Dir(b.Path)
	s.mu.Lock()
	defer s.mu.Unlock()
	cl, ok := s.rel[dir]
	if !ok {
		cl = &chapterLinks{urls: make([]urlPrefix, len(s.chapterPath))}
		for j, cp := range s.chapterPath {
			cl.urls[j] = newURLPrefix(index.Rel(b.Path, cp))
		}
		s.rel[dir] = cl
	}
	return cl
}

// chapterPrefix is what goes before "#id" in a link from page b to an
// anchor in chapter i's page, given b's chapterURLs, as b.URL makes it:
// nothing on the page itself, else the page's relative URL (or absolute,
// on a page with absolute links).
func (s *pageSet) chapterPrefix(b *Base, cl *chapterLinks, i int) *urlPrefix {
	switch p := s.chapterPath[i]; {
	case b.abs != "":
		u := newURLPrefix(b.abs + p)
		return &u
	case p == b.Path:
		return &noPrefix
	}
	return &cl.urls[i]
}

// noPrefix is what comes before "#id" in a link to the page itself.
var noPrefix = newURLPrefix("")

// writeLocator writes where an occurrence is, as locator says it: "¶ 12",
// "Note 4"; escaped as html/template escapes text, or with plain as
// template.HTMLEscapeString does.
func writeLocator(w *markup, o *index.Occurrence, l *chapterLine, plain bool) {
	if o.Where == index.Note {
		if j := l.noteIndex(o.Paragraph); j >= 0 {
			writeNoteLabel(w, l.noteLabels[j], plain)
			return
		}
	}
	w.raw("¶ ")
	w.b = strconv.AppendInt(w.b, int64(o.ParaNum), 10)
}

// noteLabelParts is what noteLabel reads of a note.
type noteLabelParts struct {
	Series index.NoteSeries
	Marker string
}

func labelParts(n *index.NoteInfo) noteLabelParts { return noteLabelParts{n.Series, n.Marker} }

// writeNoteLabel writes noteLabel(n), escaped as writeLocator escapes.
func writeNoteLabel(w *markup, n noteLabelParts, plain bool) {
	switch n.Series {
	case index.EditorNote:
		w.raw("Editor’s note ")
	case index.UnnumberedNote:
		w.raw("Unnumbered note")
		return
	default:
		w.raw("Note ")
	}
	if plain {
		w.plainHTML(n.Marker)
	} else {
		w.text(n.Marker)
	}
}

// letterBar lays out A–Z with empty letters kept, names that begin with a
// digit before them (as the general index files them) and any other
// initials after.
func letterBar(byLetter map[string][]Link) []LetterGroup {
	var out []LetterGroup
	if items := byLetter[digits]; len(items) > 0 {
		out = append(out, LetterGroup{Letter: digits, ID: "letter-" + digits, Items: items})
		delete(byLetter, digits)
	}
	for r := 'A'; r <= 'Z'; r++ {
		l := string(r)
		out = append(out, LetterGroup{Letter: l, ID: "letter-" + strings.ToLower(l), Items: byLetter[l], Empty: len(byLetter[l]) == 0})
		delete(byLetter, l)
	}
	var others []string
	for l := range byLetter {
		others = append(others, l)
	}
	slices.Sort(others)
	for i, l := range others {
		out = append(out, LetterGroup{Letter: l, ID: fmt.Sprintf("letter-other-%d", i), Items: byLetter[l]})
	}
	return out
}

// digits is the initial of the names that begin with a digit.
const digits = "0–9"

// initial is the letter a name is filed under.
func initial(name string) string {
	for _, r := range index.SortName(name) {
		if unicode.IsLetter(r) {
			s := strings.ToUpper(string(r))
			if s >= "A" && s <= "Z" {
				return s
			}
			return s
		}
		if unicode.IsDigit(r) {
			return digits
		}
	}
	return "#"
}

func (t *Templates) source(x *index.Index, tm *textMap, set *pageSet, s *index.Source) *SourceView {
	p := x.Layout.Ref(s.Ref())
	v := &SourceView{Base: set.base(p, s.Label, index.BibliographyPage), Source: s, Entry: s.Entry, Annote: s.AnnoteHTML,
		Original: s.Var("URL"), Archived: s.CustomString("archived-url"), Current: s.CustomString("current-url")}
	v.BodyClass = "source"
	v.Fit = FitClass(s.Title())
	v.Bibliography = v.URL(index.BibliographyPage)
	h := new(held)
	v.release = h.release
	v.Citations = set.citationList(h, &v.Base, x.Citations(s.ID))
	v.CitedIn = CitedIn(x.Citations(s.ID))
	occ := x.Occurrences(s.Ref())
	v.Mentions = set.occurrenceList(h, &v.Base, occ, false)
	cites := x.Citations(s.ID)
	if n := len(cites) + len(occ); n > 0 {
		v.Bands, v.Quoted = tm.BandsWord(), quoted(occ)
		v.Strip = tm.strip(h, "strip", "Where “"+s.Label+"” is cited or named in the text: "+words.Count(n, "place", "places")+", each linked",
			func(w *markup) {
				tm.citationMarks(w, &v.Base, set, cites)
				tm.occurrenceMarks(w, &v.Base, set, occ)
			})
	}
	return v
}

// CitedIn says how often and where the citations cites stand, as a
// sentence without its full stop: "Cited in 3 notes", "Cited in 1 note and
// 2 passages of the text", or, where a note or passage cites the source
// more than once, "Cited 4 times: in 2 notes and 1 passage of the text".
// A passage is a paragraph of the text (citations written in the running
// text, "@key" or "[@key]"); a note counts once however often it cites.
// It is "" when cites is empty.
func CitedIn(cites []index.Citation) string {
	if len(cites) == 0 {
		return ""
	}
	type place struct{ chapter, id string }
	notes, passages := map[place]bool{}, map[place]bool{}
	for _, c := range cites {
		if c.Note != "" {
			notes[place{c.Chapter, c.Note}] = true
		} else {
			passages[place{c.Chapter, c.Paragraph}] = true
		}
	}
	var where []string
	if len(notes) > 0 {
		where = append(where, words.Count(len(notes), "note", "notes"))
	}
	if len(passages) > 0 {
		where = append(where, words.Count(len(passages), "passage of the text", "passages of the text"))
	}
	in := "in " + strings.Join(where, " and ")
	if len(cites) == len(notes)+len(passages) {
		return "Cited " + in
	}
	return "Cited " + words.Count(len(cites), "time", "times") + ": " + in
}

// citationList writes the notes (or passages) citing a source as the
// items of source.html's list: each note's label and link, the locator, the
// paragraph that calls the note and the note's text, escaped as the
// template's loop escaped them (TestCitationListIsTheTemplates).
func (s *pageSet) citationList(h *held, b *Base, cites []index.Citation) template.HTML {
	w := getMarkup()
	urls := s.chapterURLs(b)
	for i := range cites {
		c := &cites[i]
		ci, ok := s.tm.chapterAt[c.Chapter]
		if !ok {
			continue
		}
		l := &s.tm.lines[ci]
		prefix := s.chapterPrefix(b, urls, ci)
		w.raw("\n      <li><a href=\"")
		n, isNote := l.note(c.Note)
		if isNote {
			w.urlAttrFrag(prefix, n.ID)
			w.raw(`">`)
			writeNoteLabel(w, labelParts(n), false)
		} else {
			w.urlAttrFrag(prefix, c.ID)
			w.raw(`">In the text`)
		}
		w.raw("</a>")
		if c.Locator != "" {
			w.raw(`, <span class="locator">`)
			w.text(c.Locator)
			w.raw("</span>")
		}
		if isNote && len(n.Refs) > 0 {
			w.raw(` · called from <a href="`)
			w.urlAttrFrag(prefix, n.Refs[0])
			w.raw(`">`)
			if p, ok := l.firstParagraph(n.Paragraph); ok && p.Number > 0 {
				w.raw("¶ ")
				w.b = strconv.AppendInt(w.b, int64(p.Number), 10)
			} else {
				w.raw("the passage that calls it")
			}
			w.raw("</a>")
		}
		w.raw("\n        ")
		if isNote && n.Text != "" {
			w.raw(`<p class="note-text">`)
			w.text(n.Text)
			w.raw("</p>")
		}
		w.raw("</li>")
	}
	if len(w.b) == 0 {
		markups.Put(w)
		return ""
	}
	return w.keep(h)
}

func (t *Templates) bibliography(x *index.Index) *BibliographyView {
	v := &BibliographyView{Base: newBase(x, index.BibliographyPage, "Sources", index.BibliographyPage)}
	v.BodyClass = "bibliography"
	for _, s := range x.Sources {
		// A source's id is its item's, unless the page has that id of its
		// own ("main", "toast"): then a link to the item would lead there.
		id := s.ID
		if t.ids.Has(id) {
			id = "source-" + id
		}
		v.Items = append(v.Items, BibItem{ID: id, Entry: s.Entry, Href: v.URL(x.Layout.Ref(s.Ref())), Cited: len(x.Citations(s.ID)), CitedIn: CitedIn(x.Citations(s.ID))})
	}
	return v
}

// firstByte is s[0], or 0.
func firstByte(s string) byte {
	if s == "" {
		return 0
	}
	return s[0]
}
