package render

import (
	"cmp"
	"html/template"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"edition/generator/bib"
	"edition/generator/export"
	"edition/generator/index"
	"edition/generator/internal/jsonstr"
	"edition/generator/search"
)

// This file gives pages what finding and reusing the edition needs:
// metadata for search engines and reference managers (citation_* tags,
// schema.org JSON-LD, Open Graph), citations to copy (Chicago and BibTeX for
// the edition and a passage; BibTeX and RIS for each source), the search
// page and the page of downloads.

// PageMeta is a page's metadata for machines.
type PageMeta struct {
	JSONLD   template.JS // schema.org, written in <script type="application/ld+json"> as it is (see ldWriter)
	Citation []MetaTag   // Highwire / Google Scholar citation_* tags
	OG       []MetaTag   // Open Graph
	// HTML is what the "meta" partial writes: Tags, then JSONLD in
	// <script type="application/ld+json">, written when the view is made,
	// in one buffer of which JSONLD is a part.
	HTML template.HTML
}

// ldScript opens the script element the JSON-LD is written in.
const ldScript = "\n<script type=\"application/ld+json\">"

// MetaTag is a <meta name|property content> pair.
type MetaTag struct {
	Name    string
	Content string
}

// Tags writes the page's <meta> tags, each on a line of its own: its
// citation_* tags as <meta name>, its Open Graph tags as <meta property>.
// The "meta" partial ranged over them in html/template, which escaped each
// name and value by a reflected call: written here, with the same escaping
// (attrEscape), they cost a tenth.
func (m *PageMeta) Tags() template.HTML {
	var b strings.Builder
	b.Grow(m.tagsSize())
	m.writeTags(&b)
	return template.HTML(b.String())
}

// tagsSize is about how many bytes writeTags writes.
func (m *PageMeta) tagsSize() int {
	n := 0
	for _, t := range m.Citation {
		n += len(t.Name) + len(t.Content) + 32
	}
	for _, t := range m.OG {
		n += len(t.Name) + len(t.Content) + 36
	}
	return n
}

// writeTags writes what Tags returns onto b.
func (m *PageMeta) writeTags(b *strings.Builder) {
	for _, t := range m.Citation {
		b.WriteString("\n<meta name=\"")
		attrEscape(b, t.Name)
		b.WriteString(`" content="`)
		attrEscape(b, t.Content)
		b.WriteString(`">`)
	}
	for _, t := range m.OG {
		b.WriteString("\n<meta property=\"")
		attrEscape(b, t.Name)
		b.WriteString(`" content="`)
		attrEscape(b, t.Content)
		b.WriteString(`">`)
	}
}

// attrEscape writes s as html/template escapes a string in a quoted
// attribute's value, with appendEscaped's table, onto a strings.Builder.
// (TestMetaTagsEscapeAsTemplates holds it to html/template's.)
func attrEscape(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		if r := htmlEscapes[s[i]]; r != 0 {
			b.WriteString(s[last:i])
			b.WriteString(htmlReplacements[r])
			last = i + 1
		}
	}
	b.WriteString(s[last:])
}

// CiteBlock is a citation in one format, ready to copy.
type CiteBlock struct {
	ID     string        // element id, for the copy button
	Format string        // "BibTeX", "RIS", "Chicago"
	Code   template.HTML // highlighted with chroma's classes (Templates.Highlight), or formatted text
	Href   string        // the file to download, if any
	Media  string        // its media type
}

// ChapterCite is "how to cite" for a chapter: the chapter in this edition
// and a passage of it, in Chicago and BibTeX. Its blocks and links are
// made with the view, so that the page spends no reflected call on them
// (the "cite-chapter" partial in _reuse.html).
type ChapterCite struct {
	Chapter        template.HTML // the chapter's blocks, as citeBlocks writes them
	Passage        template.HTML // the passage's blocks
	PassageExample string        // "¶ 1": the paragraph the passage blocks show
	Reuse          string        // the reuse page's URL, from the chapter's page
	Script         string        // reuse.js's URL, from the chapter's page
}

// SourceCite is the record of a source in the formats of reference
// managers, as its page shows it (the "cite-source" partial in
// _reuse.html), made with the view.
type SourceCite struct {
	Blocks template.HTML // BibTeX, RIS and CSL-JSON, as citeBlocks writes them
	Script string        // reuse.js's URL, from the source's page
}

// Download is an exported file listed on the reuse page.
type Download struct {
	Label string
	Href  string
	Media string
	About string
}

// SearchView is the search page: the search form and, for readers without
// JavaScript, every entry and source A–Z.
type SearchView struct {
	Base
	Kinds   []Link // filters
	Letters []LetterGroup
	Total   int
	Named   string // what the A–Z lists, by kind: "concept, actor, event and source"
}

// ReuseView is the page on citing the edition and reusing its data.
type ReuseView struct {
	Base
	Cite      []CiteBlock
	Downloads []Download
}

// reusable is any view: they all embed Base.
type reusable interface{ base() *Base }

func (b *Base) base() *Base { return b }

// ReusePages are the pages this file adds to a site.
const (
	SearchPage = "search.html"
	ReusePage  = "reuse.html"
)

// findPages lists the search page and the reuse page.
func (t *Templates) findPages(x *index.Index, add func(tmpl, p string, v func() any)) {
	add(SearchPage, SearchPage, func() any { return t.searchView(x) })
	add(ReusePage, ReusePage, func() any { return t.reuseView(x) })
}

func (t *Templates) searchView(x *index.Index) *SearchView {
	v := &SearchView{Base: newBase(x, SearchPage, "Search", SearchPage)}
	v.BodyClass = "search-page"
	v.Summary = "Search the text, the notes, the registry and the sources of the edition."
	v.Kinds = append(v.Kinds, Link{Label: "Text", Kind: index.TextResults}, Link{Label: "Notes", Kind: index.NoteResults})
	byLetter := map[string][]Link{}
	for _, k := range x.Edition.Kinds {
		v.Kinds = append(v.Kinds, Link{Label: k.Plural, Kind: k.Key, Href: v.URL(x.Layout.Kind(k.Key))})
	}
	v.Kinds = append(v.Kinds, Link{Label: index.SourceKind.Plural, Kind: index.SourceKind.Key, Href: v.URL(index.BibliographyPage)})
	for _, e := range x.Entries {
		k, _ := x.Edition.Kind(e.Kind)
		byLetter[initial(e.IndexName)] = append(byLetter[initial(e.IndexName)], Link{Label: e.IndexName,
			Href: v.URL(x.Layout.Ref(e.Ref())), Kind: e.Kind, Note: k.Name})
		v.Total++
	}
	for _, s := range x.Sources {
		byLetter[initial(s.Title())] = append(byLetter[initial(s.Title())], Link{Label: s.Title(),
			Href: v.URL(x.Layout.Ref(s.Ref())), Kind: index.SourceKind.Key, Note: index.SourceKind.Name + ", " + s.Label})
		v.Total++
	}
	sortName := map[string]string{} // index.SortName of each label, made once
	for _, items := range byLetter {
		for _, it := range items {
			if _, ok := sortName[it.Label]; !ok {
				sortName[it.Label] = index.SortName(it.Label)
			}
		}
	}
	for _, items := range byLetter {
		slices.SortStableFunc(items, func(a, b Link) int {
			return cmp.Or(cmp.Compare(sortName[a.Label], sortName[b.Label]), cmp.Compare(a.Label, b.Label))
		})
	}
	v.Letters = letterBar(byLetter)
	v.Named = kindNames(x)
	return v
}

// kindNames names what the registry and the bibliography hold, in the
// edition's own kinds: "concept, actor, event and source".
func kindNames(x *index.Index) string {
	var names []string
	for _, k := range x.Edition.Kinds {
		names = append(names, strings.ToLower(k.Name))
	}
	names = append(names, strings.ToLower(index.SourceKind.Name))
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func (t *Templates) reuseView(x *index.Index) *ReuseView {
	v := &ReuseView{Base: newBase(x, ReusePage, "Cite and reuse", ReusePage)}
	v.BodyClass = "reuse"
	v.Summary = "How to cite this edition, and its bibliography, registry and text in formats for reuse."
	if len(x.Chapters) > 0 {
		rec := editionRecord(x, x.Chapters[0], x.Edition.BaseURL)
		v.Cite = []CiteBlock{
			{ID: "cite-edition-chicago", Format: "Chicago", Code: editionNote(x, x.Chapters[0], rec, "")},
			t.highlighted("cite-edition-bibtex", "BibTeX", export.BibTeXFormat.Lang, string(export.BibTeX([]*bib.Record{rec}))),
		}
	}
	dl := func(label, p, media, about string) {
		v.Downloads = append(v.Downloads, Download{Label: label, Href: v.URL(p), Media: media, About: about})
	}
	for _, f := range export.Formats {
		dl("Bibliography ("+f.Name+")", export.BibliographyFile(f), f.Media,
			"every source the text cites, for "+map[string]string{"bib": "BibTeX, biblatex and LaTeX", "ris": "EndNote, Zotero, Mendeley and other reference managers", "json": "Zotero, Pandoc and citeproc"}[f.Ext]+
				"; each source’s page has its own record too")
	}
	dl("Registry and occurrences (JSON)", export.RegistryFile, "application/json",
		"every "+kindNames(x)+" with its aliases and every place the text names it, by paragraph or note")
	dl("Annotated text (TEI P5 XML)", export.TEIFile, "application/tei+xml",
		"the text and its notes with every name marked up and linked to the lists in the header; the bibliography as listBibl")
	return v
}

// addReuse fills in a view's metadata and, on chapter and source pages, the
// citations to copy.
func (t *Templates) addReuse(x *index.Index, v any) {
	r, ok := v.(reusable)
	if !ok {
		return
	}
	if _, ok := v.(*FolderView); ok {
		return // a page that leads on, to a page that has its metadata
	}
	b := r.base()
	m := &PageMeta{}
	b.Meta = m
	ed := x.Edition
	title := b.Title
	og := "website"
	// What the page says of itself, its summary first: the Open Graph
	// tags read it.
	var ld func(w *ldWriter)
	ldSize := 1024 // about how long ld writes
	switch v := v.(type) {
	case *HomeView:
		ld = func(w *ldWriter) { editionLD(w, x, true, true) }
		title = ed.Title
	case *ChapterView:
		ch := v.Chapter
		title = ch.Title
		og = "article"
		d := reuseOf(x).refs()
		nodes, cited, size := chapterNodes(d, ch)
		ldSize = size
		ld = func(w *ldWriter) {
			w.raw(`{"@context":"https://schema.org","@graph":[`)
			chapterLD(w, x, d, ch, nodes, cited)
			w.raw(",")
			w.raw(d.book)
			w.raw("]}")
		}
		rec := editionRecord(x, ch, absURL(ed, x.Layout.Chapter(ch.Slug)))
		m.Citation = citationTags(x, ch, rec)
		v.HowToCite = t.chapterCite(x, b, ch, rec)
	case *EntryView:
		ld = func(w *ldWriter) { entryLD(w, x, v.Entry, true) }
		if b.Summary == "" {
			b.Summary = v.Entry.Summary
		}
	case *SourceView:
		ld = func(w *ldWriter) { sourceLD(w, x, v.Source, "", true) }
		v.Cite = t.sourceCite(x, b, v.Source)
		if b.Summary == "" {
			b.Summary = plainText(string(v.Source.Entry))
		}
	default:
		typ := "WebPage"
		if _, ok := v.(*KindView); ok {
			typ = "CollectionPage"
		}
		ld = func(w *ldWriter) {
			w.begin()
			w.str("@context", "https://schema.org")
			w.str("@type", typ)
			w.key("isPartOf")
			w.raw(reuseOf(x).edition)
			w.str("name", pageName(b, ed))
			w.strIf("url", absURL(ed, b.Path))
			w.end()
		}
	}
	m.OG = append(m.OG, MetaTag{"og:type", og}, MetaTag{"og:title", pageName(&Base{Title: title}, ed)},
		MetaTag{"og:site_name", ed.Title})
	if b.Summary != "" {
		m.OG = append(m.OG, MetaTag{"og:description", b.Summary})
	}
	if b.Canonical != "" {
		m.OG = append(m.OG, MetaTag{"og:url", b.Canonical})
	}
	// The tags, the script and the JSON-LD in one buffer: the JSON-LD is
	// a part of it.
	w := &ldWriter{}
	w.b.Grow(m.tagsSize() + len(ldScript) + ldSize)
	m.writeTags(&w.b)
	w.b.WriteString(ldScript)
	start := w.b.Len()
	w.last = 0 // the JSON-LD starts here: no comma before it
	ld(w)
	end := w.b.Len()
	w.b.WriteString("</script>")
	h := w.b.String()
	m.HTML, m.JSONLD = template.HTML(h), template.JS(h[start:end])
}

func pageName(b *Base, ed *index.Edition) string {
	if b.Title == "" {
		return ed.Title
	}
	return b.Title
}

// ldWriter writes schema.org JSON-LD byte for byte as encoding/json writes
// the same nodes made of map[string]any: no spaces, each object's members
// in the byte order of their names (each function below writes its members
// in that order: keep it when adding one), strings escaped as
// json.Marshal escapes them (<, > and & too, so that nothing in a string
// can end the <script> the JSON-LD is written in). TestJSONLDIsEncodingJSONs
// checks the order and the escaping on every page of an edition.
type ldWriter struct {
	b    strings.Builder
	last byte   // the last byte written
	tmp  []byte // a string being quoted
}

// raw writes JSON as it is: punctuation, or a node written before.
func (w *ldWriter) raw(s string) {
	if s != "" {
		w.b.WriteString(s)
		w.last = s[len(s)-1]
	}
}

// sep writes the comma before a member or an element, unless it is the
// first of its object or array.
func (w *ldWriter) sep() {
	switch w.last {
	case 0, '{', '[', ':':
	default:
		w.raw(",")
	}
}

// begin starts an object: a value, an element or the page's node.
func (w *ldWriter) begin() { w.sep(); w.raw("{") }
func (w *ldWriter) end()   { w.raw("}") }

// key starts a member named k (a name of our own, which needs no escaping).
func (w *ldWriter) key(k string) {
	w.sep()
	w.b.WriteByte('"')
	w.b.WriteString(k)
	w.raw(`":`)
}

func (w *ldWriter) str(k, v string) { w.key(k); w.quote(v) }

// strIf writes a string member unless v is "".
func (w *ldWriter) strIf(k, v string) {
	if v != "" {
		w.str(k, v)
	}
}

func (w *ldWriter) num(k string, n int) { w.key(k); w.raw(strconv.Itoa(n)) }

// list starts an array member; elements are objects (begin), strings
// (elem) or nodes written before (sep, raw).
func (w *ldWriter) list(k string) { w.key(k); w.raw("[") }
func (w *ldWriter) endList()      { w.raw("]") }
func (w *ldWriter) elem(v string) { w.sep(); w.quote(v) }

// typed writes {"@type":typ,"name":name}, a member or an element.
func (w *ldWriter) typed(typ, name string) {
	w.begin()
	w.str("@type", typ)
	w.str("name", name)
	w.end()
}

// quote writes s as encoding/json writes a string with HTML escaping.
func (w *ldWriter) quote(s string) {
	w.tmp = jsonstr.Append(w.tmp[:0], s)
	w.b.Write(w.tmp)
	w.last = '"'
}

// absURL is the absolute URL of a site path, or "" without a base URL.
func absURL(ed *index.Edition, p string) string {
	if ed.BaseURL == "" {
		return ""
	}
	return export.PageURL(ed.BaseURL, p)
}

// id writes a node's @id (its absolute URL), if it has one: the first of
// its members.
func (w *ldWriter) id(u string) { w.strIf("@id", u) }

// context writes the @context of a page's node, before everything else.
func (w *ldWriter) context(top bool) {
	if top {
		w.str("@context", "https://schema.org")
	}
}

// editionLD is the online edition as a schema.org Book; full adds its
// parts and rights, top its @context.
func editionLD(w *ldWriter, x *index.Index, full, top bool) {
	ed := x.Edition
	u := absURL(ed, index.HomePage)
	w.begin()
	w.context(top)
	w.id(u)
	w.str("@type", "Book")
	if full {
		w.bibPersons("author", ed.Authors)
	}
	w.str("bookFormat", "https://schema.org/EBook")
	if full {
		w.str("description", "An annotated online edition")
		if len(ed.Editors) > 0 {
			w.bibPersons("editor", ed.Editors)
		}
		w.key("hasPart")
		if len(x.Chapters) == 0 {
			w.raw("null")
		} else {
			w.raw("[")
			for _, ch := range x.Chapters {
				cu := absURL(ed, x.Layout.Chapter(ch.Slug))
				w.begin()
				w.id(cu)
				w.str("@type", "Chapter")
				w.str("name", ch.Title)
				w.strIf("url", cu)
				w.end()
			}
			w.endList()
		}
		w.strIf("inLanguage", ed.Language)
		if c := container(x); c != nil {
			w.key("isBasedOn")
			sourceLD(w, x, c, "", false)
		}
		if ed.License != "" {
			w.str("license", plainText(string(ed.LicenseHTML)))
		}
	}
	w.str("name", ed.Title)
	w.strIf("url", u)
	w.end()
}

// bookLD is the printed book the text appeared in, c, as a Book.
func bookLD(w *ldWriter, x *index.Index, c *index.Source) { sourceLD(w, x, c, "Book", false) }

// chapterNodes are the JSON-LD nodes of the works chapter ch cites and of
// the entries it mentions, which make most of its JSON-LD's bytes, the
// first cited of them the works; size is about how long chapterLD writes.
func chapterNodes(d *reuseData, ch *index.Chapter) (nodes []string, cited, size int) {
	cs, ms := d.cited[ch.Slug], d.mentioned[ch.Slug]
	nodes = make([]string, 0, len(cs)+len(ms))
	size = 2*len(d.book) + 1024
	for _, s := range cs {
		nodes = append(nodes, d.source(s))
		size += len(nodes[len(nodes)-1]) + 1
	}
	for _, e := range ms {
		nodes = append(nodes, d.entry(e))
		size += len(nodes[len(nodes)-1]) + 1
	}
	return nodes, len(cs), size
}

// chapterLD writes chapter ch's node with its nodes and cited from
// chapterNodes.
func chapterLD(w *ldWriter, x *index.Index, d *reuseData, ch *index.Chapter, nodes []string, cited int) {
	ed := x.Edition
	authors := ch.Authors
	if len(authors) == 0 {
		authors = ed.Authors
	}
	u := absURL(ed, x.Layout.Chapter(ch.Slug))
	w.begin()
	w.id(u)
	w.str("@type", "Chapter")
	w.bibPersons("author", authors)
	w.list("citation")
	for _, n := range nodes[:cited] {
		w.sep()
		w.raw(n)
	}
	w.endList()
	if ed.Year != 0 {
		w.str("datePublished", strconv.Itoa(ed.Year))
	}
	w.str("headline", ch.Title)
	w.strIf("inLanguage", ed.Language)
	w.key("isPartOf")
	w.raw(d.book)
	w.list("mentions")
	for _, n := range nodes[cited:] {
		w.sep()
		w.raw(n)
	}
	w.endList()
	w.str("name", ch.Title)
	w.num("position", ch.Order+1)
	if ed.Publisher != "" {
		w.key("publisher")
		w.typed("Organization", ed.Publisher)
	}
	w.strIf("url", u)
	if ch.Words > 0 {
		w.num("wordCount", ch.Words)
	}
	w.end()
}

// schemaType maps an entry to a schema.org type: by its type (person,
// organization or group, state or country, place) or, for events, its
// kind; anything else is a DefinedTerm in the set of its kind.
func schemaType(e *index.Entry) string {
	switch strings.ToLower(e.Type) {
	case "person":
		return "Person"
	case "organization", "organisation", "group", "institution":
		return "Organization"
	case "state", "country":
		return "Country"
	case "place", "city", "region":
		return "Place"
	}
	if e.Kind == "event" {
		return "Event"
	}
	return "DefinedTerm"
}

func entryLD(w *ldWriter, x *index.Index, e *index.Entry, top bool) {
	ed := x.Edition
	typ := schemaType(e)
	u := absURL(ed, x.Layout.Ref(e.Ref()))
	w.begin()
	w.context(top)
	w.id(u)
	w.str("@type", typ)
	alt := false
	for _, a := range e.Aliases {
		if !strings.EqualFold(a.Text, e.Name) {
			if !alt {
				w.list("alternateName")
				alt = true
			}
			w.elem(a.Text)
		}
	}
	if alt {
		w.endList()
	}
	w.strIf("description", e.Summary)
	if typ == "DefinedTerm" {
		k, _ := ed.Kind(e.Kind)
		ku := absURL(ed, x.Layout.Kind(e.Kind))
		w.key("inDefinedTermSet")
		w.begin()
		w.id(ku)
		w.str("@type", "DefinedTermSet")
		w.str("name", k.Plural)
		w.strIf("url", ku)
		w.end()
	}
	w.str("name", e.Name)
	if e.Wikidata != "" {
		w.str("sameAs", "https://www.wikidata.org/wiki/"+e.Wikidata)
	}
	if typ == "DefinedTerm" {
		w.str("termCode", e.Key)
	}
	w.strIf("url", u)
	w.end()
}

// creativeWorkTypes maps CSL item types to schema.org types.
var creativeWorkTypes = map[string]string{
	"book": "Book", "classic": "Book", "collection": "Book", "chapter": "Chapter",
	"article-journal": "ScholarlyArticle", "article-newspaper": "NewsArticle", "article-magazine": "Article",
	"article": "Article", "review": "Review", "review-book": "Review", "report": "Report", "thesis": "Thesis",
	"webpage": "WebPage", "post": "SocialMediaPosting", "post-weblog": "BlogPosting", "legislation": "Legislation",
	"bill": "Legislation", "dataset": "Dataset", "software": "SoftwareSourceCode", "map": "Map",
	"motion_picture": "Movie", "broadcast": "BroadcastEvent", "interview": "CreativeWork", "speech": "CreativeWork",
	"paper-conference": "ScholarlyArticle", "manuscript": "Manuscript",
}

// bibPersons writes names, of a record or of the edition and its
// chapters: persons with their parts, and institutions as organizations.
func (w *ldWriter) bibPersons(k string, ns []bib.Name) {
	w.list(k)
	for _, n := range ns {
		if n.IsLiteral() {
			w.typed("Organization", n.Literal)
			continue
		}
		w.begin()
		w.str("@type", "Person")
		w.str("familyName", n.FamilyPart())
		w.strIf("givenName", n.Given)
		w.str("name", n.Natural())
		w.end()
	}
	w.endList()
}

// sourceLD writes a source as a schema.org creative work, of type typ if
// it is not "" (bookLD), with its @context if top.
func sourceLD(w *ldWriter, x *index.Index, s *index.Source, typ string, top bool) {
	r := s.Record
	if typ == "" {
		if typ = creativeWorkTypes[r.Type]; typ == "" {
			typ = "CreativeWork"
		}
	}
	u := absURL(x.Edition, x.Layout.Ref(s.Ref()))
	w.begin()
	w.context(top)
	w.id(u)
	w.str("@type", typ)
	if a := r.Names["author"]; len(a) > 0 {
		w.bibPersons("author", a)
	}
	w.strIf("datePublished", r.Issued().ISO())
	if e := r.Names["editor"]; len(e) > 0 {
		w.bibPersons("editor", e)
	}
	if r.Type == "speech" || r.Type == "interview" {
		w.str("genre", r.Type)
	}
	if d := r.Var("DOI"); d != "" {
		w.str("identifier", "https://doi.org/"+d)
	}
	if c := r.Var("container-title"); c != "" {
		ct := "Periodical"
		switch r.Type {
		case "chapter", "paper-conference", "entry", "entry-dictionary", "entry-encyclopedia":
			ct = "Book"
		case "webpage", "post", "post-weblog":
			ct = "WebSite"
		}
		w.key("isPartOf")
		w.typed(ct, c)
	}
	w.str("name", r.Title())
	w.strIf("pagination", r.Var("page"))
	if p := r.Var("publisher"); p != "" {
		w.key("publisher")
		w.typed("Organization", p)
	}
	var same [3]string
	n := 0
	for _, u := range [...]string{r.Var("URL"), s.CustomString("current-url"), s.CustomString("archived-url")} {
		if strings.HasPrefix(u, "http") && !slices.Contains(same[:n], u) {
			same[n] = u
			n++
		}
	}
	if n > 0 {
		w.list("sameAs")
		for _, u := range same[:n] {
			w.elem(u)
		}
		w.endList()
	}
	w.strIf("url", u)
	w.end()
}

var citeKeyRE = regexp.MustCompile(`@([\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*[\p{L}\p{N}_])`)

// container is the book the edition's text first appeared in: the first
// source that edition.yaml's citation cites, or nil.
func container(x *index.Index) *index.Source { return reuseOf(x).container }

func findContainer(x *index.Index) *index.Source {
	for _, m := range citeKeyRE.FindAllStringSubmatch(x.Edition.Citation, -1) {
		if s, ok := x.Source(m[1]); ok {
			return s
		}
	}
	return nil
}

// reuseData is what the metadata of many pages of an index share, worked
// out once for all of them: the book the text appeared in and the JSON-LD
// nodes every page repeats; for each chapter, the entries it mentions and
// the sources it cites, in the index's order (not by a search of every
// occurrence for each chapter); the JSON-LD of each of those entries and
// sources, written once however many chapters list them.
type reuseData struct {
	x         *index.Index
	container *index.Source
	book      string // bookLD
	edition   string // editionLD, short: what a page is part of

	refsOnce  sync.Once
	mentioned map[string][]*index.Entry
	cited     map[string][]*index.Source

	mu    sync.Mutex
	nodes map[any]string // *index.Entry or *index.Source → its JSON-LD; citeRef → its CitationReference
}

// lastReuse holds the reuseData of the index rendered last.
var lastReuse atomic.Pointer[reuseData]

func reuseOf(x *index.Index) *reuseData {
	if d := lastReuse.Load(); d != nil && d.x == x {
		return d
	}
	d := &reuseData{x: x, container: findContainer(x), nodes: map[any]string{}}
	w := &ldWriter{}
	editionLD(w, x, false, false)
	d.edition = w.b.String()
	if d.container == nil {
		d.book = d.edition
	} else {
		w = &ldWriter{}
		bookLD(w, x, d.container)
		d.book = w.b.String()
	}
	lastReuse.Store(d)
	return d
}

// refs lists the entries each chapter mentions and the sources it cites.
func (d *reuseData) refs() *reuseData {
	d.refsOnce.Do(func() {
		x := d.x
		d.mentioned, d.cited = map[string][]*index.Entry{}, map[string][]*index.Source{}
		for _, e := range x.Entries {
			last := ""
			for _, oc := range x.Occurrences(e.Ref()) {
				if oc.Chapter == last {
					continue
				}
				last = oc.Chapter
				if l := d.mentioned[oc.Chapter]; len(l) == 0 || l[len(l)-1] != e {
					d.mentioned[oc.Chapter] = append(l, e)
				}
			}
		}
		for _, s := range x.Sources {
			for _, c := range x.Citations(s.ID) {
				if l := d.cited[c.Chapter]; len(l) == 0 || l[len(l)-1] != s {
					d.cited[c.Chapter] = append(l, s)
				}
			}
		}
	})
	return d
}

// node is the JSON-LD of an entry or a source (not a page's own node),
// written by write the first time it is asked for.
func (d *reuseData) node(key any, write func(w *ldWriter)) string {
	d.mu.Lock()
	b, ok := d.nodes[key]
	d.mu.Unlock()
	if ok {
		return b
	}
	w := &ldWriter{}
	write(w)
	d.mu.Lock()
	n := w.b.String()
	d.nodes[key] = n
	d.mu.Unlock()
	return n
}

func (d *reuseData) entry(e *index.Entry) string {
	return d.node(e, func(w *ldWriter) { entryLD(w, d.x, e, false) })
}

func (d *reuseData) source(s *index.Source) string {
	return d.node(s, func(w *ldWriter) { sourceLD(w, d.x, s, "", false) })
}

// citeRef keys a source's CitationReference in reuseData.nodes.
type citeRef struct{ s *index.Source }

func (d *reuseData) citationReference(s *index.Source) string {
	return d.node(citeRef{s}, func(w *ldWriter) { w.b.WriteString(CitationReference(s.Record)) })
}

// editionRecord is a chapter of the edition as a bibliographic record: a
// chapter of the book it appeared in (when edition.yaml's citation cites
// one), in this annotated online edition.
func editionRecord(x *index.Index, ch *index.Chapter, url string) *bib.Record {
	ed := x.Edition
	r := &bib.Record{ID: index.Slug(ch.Slug + "-edition"), Type: "chapter", Vars: map[string]string{},
		Names: map[string][]bib.Name{}, Dates: map[string]bib.Date{}}
	authors := ch.Authors
	if len(authors) == 0 {
		authors = ed.Authors
	}
	for _, a := range authors {
		r.Names["author"] = append(r.Names["author"], a)
	}
	r.Vars["title"] = ch.Title
	if ed.Year != 0 {
		r.Dates["issued"] = bib.Date{Parts: [][]int{{ed.Year}}}
	}
	r.Vars["publisher"] = ed.Publisher
	if c := container(x); c != nil {
		r.Vars["container-title"] = c.Title()
		r.Names["editor"] = c.Names["editor"]
		if p := c.Var("publisher"); p != "" {
			r.Vars["publisher"] = p
		}
		r.Vars["publisher-place"] = c.Var("publisher-place")
		if y := c.Issued(); !y.IsZero() {
			r.Dates["issued"] = y
		}
	} else {
		r.Type = "book"
	}
	note := "Annotated online edition"
	if len(ed.Editors) > 0 {
		note += ", edited by " + strings.Join(bib.Naturals(ed.Editors), ", ")
	}
	r.Vars["note"] = note
	if url != "" {
		r.Vars["URL"] = url
	}
	if r.ID == "" {
		r.ID = "edition"
	}
	if y := r.Issued().Year(); y != 0 && len(authors) > 0 {
		r.ID = strings.ToLower(authors[0].FamilyPart()) + strconv.Itoa(y) + "-" + index.Slug(ch.Slug)
	}
	return r
}

// editionNote is a Chicago note citing the chapter in this edition, at a
// paragraph when para is not "" (HTML, with para and anchor wrapped in
// spans that the page's script can change).
func editionNote(x *index.Index, ch *index.Chapter, r *bib.Record, para string) template.HTML {
	esc := template.HTMLEscapeString
	var b strings.Builder
	var names []string
	for _, n := range r.Names["author"] {
		names = append(names, n.Natural())
	}
	b.WriteString(esc(andList(names)))
	if c := r.Var("container-title"); c != "" {
		b.WriteString(", “" + esc(r.Title()) + ",” in <i>" + esc(c) + "</i>")
		var eds []string
		for _, n := range r.Names["editor"] {
			eds = append(eds, n.Natural())
		}
		if len(eds) > 0 {
			b.WriteString(", ed. " + esc(andList(eds)))
		}
	} else {
		b.WriteString(", <i>" + esc(r.Title()) + "</i>")
	}
	pub := r.Var("publisher")
	if pl := r.Var("publisher-place"); pl != "" {
		pub = pl + ": " + pub
	}
	if y := r.Issued().Year(); y != 0 {
		pub += ", " + strconv.Itoa(y)
	}
	if pub != "" {
		b.WriteString(" (" + esc(pub) + ")")
	}
	b.WriteString(", annotated online edition")
	if len(x.Edition.Editors) > 0 {
		b.WriteString(", ed. " + esc(andList(bib.Naturals(x.Edition.Editors))))
	}
	if para != "" {
		b.WriteString(`, par. <span data-cite="para">` + esc(para) + `</span>`)
	}
	if u := r.Var("URL"); u != "" {
		b.WriteString(", " + esc(u))
		if para != "" {
			b.WriteString(`#<span data-cite="anchor">p` + esc(para) + `</span>`)
		}
	}
	b.WriteString(".")
	return template.HTML(b.String())
}

func andList(s []string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	case 2:
		return s[0] + " and " + s[1]
	}
	return strings.Join(s[:len(s)-1], ", ") + ", and " + s[len(s)-1]
}

// highlighted is a citation block of code, highlighted by the Templates'
// Highlight function (set by the caller, so that render needs no
// highlighter of its own), or plain.
func (t *Templates) highlighted(id, format, lang, code string) CiteBlock {
	var h template.HTML
	if t.Highlight != nil {
		h = t.Highlight(lang, code)
	} else {
		h = template.HTML("<pre><code>" + template.HTMLEscapeString(code) + "</code></pre>")
	}
	return CiteBlock{ID: id, Format: format, Code: h}
}

// Placeholders for the paragraph a passage citation names; the page's
// script replaces the spans they become.
const (
	paraMark   = "PARAGRAPHNUMBER"
	anchorMark = "PARAGRAPHANCHOR"
)

// chapterCite is "how to cite" for a chapter, whose record, with its URL,
// is rec.
func (t *Templates) chapterCite(x *index.Index, b *Base, ch *index.Chapter, rec *bib.Record) *ChapterCite {
	base := rec.Var("URL")
	c := &ChapterCite{Reuse: b.URL(ReusePage), Script: t.assetURL(b, "reuse.js")}
	c.Chapter = citeBlocks([]CiteBlock{
		{ID: "cite-chapter-chicago", Format: "Chicago", Code: editionNote(x, ch, rec, "")},
		t.highlighted("cite-chapter-bibtex", "BibTeX", export.BibTeXFormat.Lang, string(export.BibTeX([]*bib.Record{rec}))),
	})
	first := "1"
	for _, p := range ch.Paragraphs {
		if p.Number > 0 {
			first = strconv.Itoa(p.Number)
			break
		}
	}
	c.PassageExample = "¶ " + first
	passage := *rec
	passage.Vars = map[string]string{}
	for k, v := range rec.Vars {
		passage.Vars[k] = v
	}
	passage.Vars["note"] = rec.Vars["note"] + ", par. " + paraMark
	if base != "" {
		passage.Vars["URL"] = base + "#" + anchorMark
	}
	passage.ID = rec.ID + "-p" + paraMark
	bt := t.highlighted("cite-passage-bibtex", "BibTeX", export.BibTeXFormat.Lang, string(export.BibTeX([]*bib.Record{&passage})))
	// The marks cannot overlap, nor make each other: one after the other
	// is one pass.
	code := strings.ReplaceAll(string(bt.Code), paraMark, `<span data-cite="para">`+first+`</span>`)
	bt.Code = template.HTML(strings.ReplaceAll(code, anchorMark, `<span data-cite="anchor">p`+first+`</span>`))
	c.Passage = citeBlocks([]CiteBlock{
		{ID: "cite-passage-chicago", Format: "Chicago", Code: editionNote(x, ch, rec, first)},
		bt,
	})
	return c
}

// assetURL is Base.Asset(name) for page b, without its Chrome: the same
// fingerprinted name, from the same folder.
func (t *Templates) assetURL(b *Base, name string) string {
	return b.URL(assetPath(t.named, name))
}

func (t *Templates) sourceCite(x *index.Index, b *Base, s *index.Source) *SourceCite {
	return &SourceCite{Blocks: citeBlocks(t.sourceBlocks(x, b, s)), Script: t.assetURL(b, "reuse.js")}
}

// sourceBlocks are the blocks of sourceCite.
func (t *Templates) sourceBlocks(x *index.Index, b *Base, s *index.Source) []CiteBlock {
	var out []CiteBlock
	for _, f := range []export.Format{export.BibTeXFormat, export.RISFormat} {
		var code string
		if f == export.BibTeXFormat {
			code = string(export.BibTeX([]*bib.Record{s.Record}))
		} else {
			code = string(export.RIS([]*bib.Record{s.Record}))
		}
		blk := t.highlighted("cite-"+f.Ext, f.Name, f.Lang, code)
		blk.Href = b.URL(export.SourceFile(x.Layout, s, f))
		blk.Media = f.Media
		out = append(out, blk)
	}
	out = append(out, CiteBlock{ID: "cite-json", Format: export.CSLJSONFormat.Name,
		Href: b.URL(export.SourceFile(x.Layout, s, export.CSLJSONFormat)), Media: export.CSLJSONFormat.Media})
	return out
}

// citationTags are the Highwire / Google Scholar tags of a chapter: its
// title, authors and date, the book it is part of, and one
// citation_reference per work it cites.
func citationTags(x *index.Index, ch *index.Chapter, rec *bib.Record) []MetaTag {
	ed := x.Edition
	var tags []MetaTag
	add := func(n, v string) {
		if v = strings.TrimSpace(v); v != "" {
			tags = append(tags, MetaTag{n, v})
		}
	}
	add("citation_title", ch.Title)
	for _, a := range rec.Names["author"] {
		add("citation_author", a.Inverted())
	}
	if y := rec.Issued().Year(); y != 0 {
		add("citation_publication_date", strconv.Itoa(y))
	}
	add("citation_inbook_title", rec.Var("container-title"))
	for _, e := range rec.Names["editor"] {
		add("citation_editor", e.Inverted())
	}
	add("citation_publisher", rec.Var("publisher"))
	add("citation_language", ed.Language)
	if u := absURL(ed, x.Layout.Chapter(ch.Slug)); u != "" {
		add("citation_fulltext_html_url", u)
		add("citation_public_url", u)
	}
	d := reuseOf(x).refs()
	for _, s := range d.cited[ch.Slug] {
		add("citation_reference", d.citationReference(s))
	}
	return tags
}

// CitationReference writes a record as the value of a citation_reference
// tag: "citation_title=…; citation_author=…; …", the form Google Scholar
// reads. Semicolons inside values become commas.
func CitationReference(r *bib.Record) string {
	var parts []string
	add := func(n, v string) {
		v = strings.TrimSpace(strings.ReplaceAll(v, ";", ","))
		if v != "" {
			parts = append(parts, n+"="+v)
		}
	}
	add("citation_title", r.Title())
	for _, n := range r.Names["author"] {
		add("citation_author", n.Inverted())
	}
	for _, n := range r.Names["editor"] {
		add("citation_editor", n.Inverted())
	}
	if y := r.Issued().Year(); y != 0 {
		add("citation_publication_date", strconv.Itoa(y))
	}
	c := r.Var("container-title")
	switch r.Type {
	case "article-journal", "article-magazine", "article-newspaper", "article", "review":
		add("citation_journal_title", c)
	case "chapter", "entry", "entry-dictionary", "entry-encyclopedia":
		add("citation_inbook_title", c)
	case "paper-conference":
		add("citation_conference_title", c)
	case "report":
		add("citation_technical_report_institution", r.Var("publisher"))
		add("citation_technical_report_number", r.Var("number"))
	}
	add("citation_volume", r.Var("volume"))
	add("citation_issue", r.Var("issue"))
	if p := strings.ReplaceAll(r.Var("page"), "–", "-"); p != "" {
		first, last, ok := strings.Cut(p, "-")
		add("citation_firstpage", first)
		if ok {
			add("citation_lastpage", strings.TrimLeft(last, "-"))
		}
	}
	if r.Type != "report" {
		add("citation_publisher", r.Var("publisher"))
	}
	add("citation_doi", r.Var("DOI"))
	add("citation_public_url", r.Var("URL"))
	return strings.Join(parts, "; ")
}

// SearchIndex is the relative URL of the search index's manifest, for the
// search box.
func (b *Base) SearchIndex() string { return b.URL(search.ManifestFile) }
