package render

import (
	"cmp"
	"html/template"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"edition/generator/bib"
	"edition/generator/export"
	"edition/generator/index"
	"edition/generator/search"
)

// This file gives pages what finding and reusing the edition needs:
// metadata for search engines and reference managers (citation_* tags,
// schema.org JSON-LD, Open Graph), citations to copy (Chicago and BibTeX for
// the edition and a passage; BibTeX and RIS for each source), the search
// page and the page of downloads.

// PageMeta is a page's metadata for machines.
type PageMeta struct {
	JSONLD   any       // schema.org, written in <script type="application/ld+json">
	Citation []MetaTag // Highwire / Google Scholar citation_* tags
	OG       []MetaTag // Open Graph
}

// MetaTag is a <meta name|property content> pair.
type MetaTag struct {
	Name    string
	Content string
}

// CiteBlock is a citation in one format, ready to copy.
type CiteBlock struct {
	ID     string        // element id, for the copy button
	Format string        // "BibTeX", "RIS", "Chicago"
	Code   template.HTML // highlighted with chroma, or formatted text
	Href   string        // the file to download, if any
	Media  string        // its media type
}

// ChapterCite is "how to cite" for a chapter: the chapter in this edition
// and a passage of it, in Chicago and BibTeX.
type ChapterCite struct {
	Chapter        []CiteBlock
	Passage        []CiteBlock
	PassageExample string // "¶ 1": the paragraph the passage blocks show
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
	v.Kinds = append(v.Kinds, Link{Label: "Text", Kind: "text"}, Link{Label: "Notes", Kind: "notes"})
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
	return v
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
		"every concept, actor, event and source with its aliases and every place the text names it, by paragraph or note")
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
	b := r.base()
	m := &PageMeta{}
	b.Meta = m
	ed := x.Edition
	title := b.Title
	og := "website"
	switch v := v.(type) {
	case *HomeView:
		m.JSONLD = ld(editionLD(x, true))
		title = ed.Title
	case *ChapterView:
		ch := v.Chapter
		title = ch.Title
		og = "article"
		m.JSONLD = ld(chapterLD(x, ch), bookLD(x))
		m.Citation = citationTags(x, ch)
		v.HowToCite = t.chapterCite(x, ch)
	case *EntryView:
		m.JSONLD = ld(entryLD(x, v.Entry))
		if b.Summary == "" {
			b.Summary = v.Entry.Summary
		}
	case *SourceView:
		m.JSONLD = ld(sourceLD(x, v.Source))
		v.Cite = t.sourceCite(x, b, v.Source)
		if b.Summary == "" {
			b.Summary = plainText(string(v.Source.Entry))
		}
	default:
		page := obj{"@type": "WebPage", "name": pageName(b, ed)}
		if _, ok := v.(*KindView); ok {
			page["@type"] = "CollectionPage"
		}
		page["isPartOf"] = editionLD(x, false)
		if u := absURL(ed, b.Path); u != "" {
			page["url"] = u
		}
		m.JSONLD = ld(page)
	}
	m.OG = append(m.OG, MetaTag{"og:type", og}, MetaTag{"og:title", pageName(&Base{Title: title}, ed)},
		MetaTag{"og:site_name", ed.Title})
	if b.Summary != "" {
		m.OG = append(m.OG, MetaTag{"og:description", b.Summary})
	}
	if b.Canonical != "" {
		m.OG = append(m.OG, MetaTag{"og:url", b.Canonical})
	}
}

func pageName(b *Base, ed *index.Edition) string {
	if b.Title == "" {
		return ed.Title
	}
	return b.Title
}

// obj is a JSON-LD object.
type obj = map[string]any

// ld wraps nodes for a page: one node, or a @graph of several.
func ld(nodes ...obj) obj {
	if len(nodes) == 1 {
		nodes[0]["@context"] = "https://schema.org"
		return nodes[0]
	}
	return obj{"@context": "https://schema.org", "@graph": nodes}
}

// absURL is the absolute URL of a site path, or "" without a base URL.
func absURL(ed *index.Edition, p string) string {
	if ed.BaseURL == "" {
		return ""
	}
	return export.PageURL(ed.BaseURL, p)
}

func withURL(o obj, ed *index.Edition, p string) obj {
	if u := absURL(ed, p); u != "" {
		o["@id"] = u
		o["url"] = u
	}
	return o
}

// persons turns names as edition.yaml gives them into schema.org persons.
func persons(names []string) []obj {
	out := []obj{}
	for _, n := range names {
		out = append(out, obj{"@type": "Person", "name": n})
	}
	return out
}

// editionLD is the online edition as a schema.org Book; full adds its
// parts and rights.
func editionLD(x *index.Index, full bool) obj {
	ed := x.Edition
	o := withURL(obj{"@type": "Book", "name": ed.Title, "bookFormat": "https://schema.org/EBook"}, ed, index.HomePage)
	if !full {
		return o
	}
	o["author"] = persons(ed.Authors)
	if len(ed.Editors) > 0 {
		o["editor"] = persons(ed.Editors)
	}
	if ed.Language != "" {
		o["inLanguage"] = ed.Language
	}
	o["description"] = "An annotated online edition"
	if ed.License != "" {
		o["license"] = plainText(string(ed.LicenseHTML))
	}
	var parts []obj
	for _, ch := range x.Chapters {
		parts = append(parts, withURL(obj{"@type": "Chapter", "name": ch.Title}, ed, x.Layout.Chapter(ch.Slug)))
	}
	o["hasPart"] = parts
	if c := container(x); c != nil {
		o["isBasedOn"] = sourceLD(x, c)
	}
	return o
}

// bookLD is the printed book the text appeared in, or the edition.
func bookLD(x *index.Index) obj {
	if c := container(x); c != nil {
		o := sourceLD(x, c)
		o["@type"] = "Book"
		return o
	}
	return editionLD(x, false)
}

func chapterLD(x *index.Index, ch *index.Chapter) obj {
	ed := x.Edition
	authors := ch.Authors
	if len(authors) == 0 {
		authors = ed.Authors
	}
	o := withURL(obj{"@type": "Chapter", "name": ch.Title, "headline": ch.Title, "author": persons(authors)}, ed, x.Layout.Chapter(ch.Slug))
	o["isPartOf"] = bookLD(x)
	if ed.Language != "" {
		o["inLanguage"] = ed.Language
	}
	if ed.Year != 0 {
		o["datePublished"] = strconv.Itoa(ed.Year)
	}
	if ed.Publisher != "" {
		o["publisher"] = obj{"@type": "Organization", "name": ed.Publisher}
	}
	if ch.Words > 0 {
		o["wordCount"] = ch.Words
	}
	o["position"] = ch.Order + 1
	mentions := []obj{}
	for _, e := range refsOf(x).mentioned[ch.Slug] {
		mentions = append(mentions, entryLD(x, e))
	}
	o["mentions"] = mentions
	cites := []obj{}
	for _, s := range citedIn(x, ch) {
		cites = append(cites, sourceLD(x, s))
	}
	o["citation"] = cites
	return o
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

func entryLD(x *index.Index, e *index.Entry) obj {
	ed := x.Edition
	typ := schemaType(e)
	o := withURL(obj{"@type": typ, "name": e.Name}, ed, x.Layout.Ref(e.Ref()))
	if e.Summary != "" {
		o["description"] = e.Summary
	}
	var alt []string
	for _, a := range e.Aliases {
		if !strings.EqualFold(a.Text, e.Name) {
			alt = append(alt, a.Text)
		}
	}
	if len(alt) > 0 {
		o["alternateName"] = alt
	}
	if e.Wikidata != "" {
		o["sameAs"] = "https://www.wikidata.org/wiki/" + e.Wikidata
	}
	if typ == "DefinedTerm" {
		k, _ := ed.Kind(e.Kind)
		set := withURL(obj{"@type": "DefinedTermSet", "name": k.Plural}, ed, x.Layout.Kind(e.Kind))
		o["inDefinedTermSet"] = set
		o["termCode"] = e.Key
	}
	return o
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

func bibPersons(ns []bib.Name) []obj {
	out := []obj{}
	for _, n := range ns {
		if n.IsLiteral() {
			out = append(out, obj{"@type": "Organization", "name": n.Literal})
			continue
		}
		p := obj{"@type": "Person", "name": n.Natural(), "familyName": n.FamilyPart()}
		if n.Given != "" {
			p["givenName"] = n.Given
		}
		out = append(out, p)
	}
	return out
}

func sourceLD(x *index.Index, s *index.Source) obj {
	r := s.Record
	typ := creativeWorkTypes[r.Type]
	if typ == "" {
		typ = "CreativeWork"
	}
	o := withURL(obj{"@type": typ, "name": r.Title()}, x.Edition, x.Layout.Ref(s.Ref()))
	if a := r.Names["author"]; len(a) > 0 {
		o["author"] = bibPersons(a)
	}
	if e := r.Names["editor"]; len(e) > 0 {
		o["editor"] = bibPersons(e)
	}
	if iso := r.Issued().ISO(); iso != "" {
		o["datePublished"] = iso
	}
	if p := r.Var("publisher"); p != "" {
		o["publisher"] = obj{"@type": "Organization", "name": p}
	}
	if c := r.Var("container-title"); c != "" {
		ct := "Periodical"
		switch r.Type {
		case "chapter", "paper-conference", "entry", "entry-dictionary", "entry-encyclopedia":
			ct = "Book"
		case "webpage", "post", "post-weblog":
			ct = "WebSite"
		}
		o["isPartOf"] = obj{"@type": ct, "name": c}
	}
	if p := r.Var("page"); p != "" {
		o["pagination"] = p
	}
	if r.Type == "speech" || r.Type == "interview" {
		o["genre"] = r.Type
	}
	var same []string
	for _, u := range []string{r.Var("URL"), s.CustomString("current-url"), s.CustomString("archived-url")} {
		if strings.HasPrefix(u, "http") && !slices.Contains(same, u) {
			same = append(same, u)
		}
	}
	if len(same) > 0 {
		o["sameAs"] = same
	}
	if d := r.Var("DOI"); d != "" {
		o["identifier"] = "https://doi.org/" + d
	}
	return o
}

var citeKeyRE = regexp.MustCompile(`@([\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*[\p{L}\p{N}_])`)

// container is the book the edition's text first appeared in: the first
// source that edition.yaml's citation cites, or nil.
func container(x *index.Index) *index.Source {
	for _, m := range citeKeyRE.FindAllStringSubmatch(x.Edition.Citation, -1) {
		if s, ok := x.Source(m[1]); ok {
			return s
		}
	}
	return nil
}

// citedIn lists the sources a chapter cites, in bibliography order.
func citedIn(x *index.Index, ch *index.Chapter) []*index.Source {
	return refsOf(x).cited[ch.Slug]
}

// chapterRefs is, for each chapter of an index, the entries it mentions
// and the sources it cites, in the index's order: worked out once for all
// chapters, not by a search of every occurrence for each chapter.
type chapterRefs struct {
	x         *index.Index
	mentioned map[string][]*index.Entry
	cited     map[string][]*index.Source
}

// lastRefs holds the chapterRefs of the index rendered last.
var lastRefs atomic.Pointer[chapterRefs]

func refsOf(x *index.Index) *chapterRefs {
	if r := lastRefs.Load(); r != nil && r.x == x {
		return r
	}
	r := &chapterRefs{x: x, mentioned: map[string][]*index.Entry{}, cited: map[string][]*index.Source{}}
	for _, e := range x.Entries {
		last := ""
		for _, oc := range x.Occurrences(e.Ref()) {
			if oc.Chapter == last {
				continue
			}
			last = oc.Chapter
			if l := r.mentioned[oc.Chapter]; len(l) == 0 || l[len(l)-1] != e {
				r.mentioned[oc.Chapter] = append(l, e)
			}
		}
	}
	for _, s := range x.Sources {
		for _, c := range x.Citations(s.ID) {
			if l := r.cited[c.Chapter]; len(l) == 0 || l[len(l)-1] != s {
				r.cited[c.Chapter] = append(l, s)
			}
		}
	}
	lastRefs.Store(r)
	return r
}

// splitName reads "Ivo H. Daalder" as given names and a family name.
func splitName(n string) bib.Name {
	f := strings.Fields(n)
	if len(f) < 2 {
		return bib.Name{Literal: n}
	}
	return bib.Name{Family: f[len(f)-1], Given: strings.Join(f[:len(f)-1], " ")}
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
		r.Names["author"] = append(r.Names["author"], splitName(a))
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
		note += ", edited by " + strings.Join(ed.Editors, ", ")
	}
	r.Vars["note"] = note
	if url != "" {
		r.Vars["URL"] = url
	}
	if r.ID == "" {
		r.ID = "edition"
	}
	if y := r.Issued().Year(); y != 0 && len(authors) > 0 {
		r.ID = strings.ToLower(splitName(authors[0]).FamilyPart()) + strconv.Itoa(y) + "-" + index.Slug(ch.Slug)
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
		b.WriteString(", ed. " + esc(andList(x.Edition.Editors)))
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

func (t *Templates) chapterCite(x *index.Index, ch *index.Chapter) *ChapterCite {
	base := absURL(x.Edition, x.Layout.Chapter(ch.Slug))
	rec := editionRecord(x, ch, base)
	c := &ChapterCite{}
	c.Chapter = []CiteBlock{
		{ID: "cite-chapter-chicago", Format: "Chicago", Code: editionNote(x, ch, rec, "")},
		t.highlighted("cite-chapter-bibtex", "BibTeX", export.BibTeXFormat.Lang, string(export.BibTeX([]*bib.Record{rec}))),
	}
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
	bt.Code = template.HTML(strings.NewReplacer(
		paraMark, `<span data-cite="para">`+first+`</span>`,
		anchorMark, `<span data-cite="anchor">p`+first+`</span>`).Replace(string(bt.Code)))
	c.Passage = []CiteBlock{
		{ID: "cite-passage-chicago", Format: "Chicago", Code: editionNote(x, ch, rec, first)},
		bt,
	}
	return c
}

func (t *Templates) sourceCite(x *index.Index, b *Base, s *index.Source) []CiteBlock {
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
func citationTags(x *index.Index, ch *index.Chapter) []MetaTag {
	ed := x.Edition
	var tags []MetaTag
	add := func(n, v string) {
		if v = strings.TrimSpace(v); v != "" {
			tags = append(tags, MetaTag{n, v})
		}
	}
	rec := editionRecord(x, ch, "")
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
	for _, s := range citedIn(x, ch) {
		add("citation_reference", CitationReference(s.Record))
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
