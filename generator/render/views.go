package render

import (
	"html/template"
	"path"
	"slices"
	"strconv"
	"strings"

	"edition/generator/index"
)

// Base is what every page's layout needs.
type Base struct {
	Path      string // the page's site path
	Root      string // relative URL of the site root from this page: "", "../"
	Title     string // for <title>, without the edition's title
	Edition   *index.Edition
	Nav       []NavItem
	Canonical string
	BodyClass string
	Summary   string // meta description
	Meta      *PageMeta
	// FurtherPages links the edition's further pages (About …), in the
	// edition's order, for the footer; the page's own link, if it is one
	// of them, is marked Here. Set by Templates.Pages.
	FurtherPages []NavItem
	abs          string // when set, links are absolute URLs under it (the 404 page)
	// chrome returns the page's Chrome, made once per folder by the
	// pageSet the view is part of. A function, so that a fingerprint of the
	// view (package site) sees what it shows, not the set's caches: the
	// Chrome depends only on Path's folder, abs, Root, Edition, Nav and
	// FurtherPages.
	chrome func(*Base) (*Chrome, error)
	// release puts back the buffers the view's HTML is kept in (held),
	// once the page is rendered (Page.Release); nil if it keeps none. A
	// function, so that a fingerprint of the view sees only the HTML.
	release func()
}

// NavItem is a link in the site's navigation. Current marks the item of
// the section the page is in (a chapter's "Text", an entry's kind); Here
// marks it when its link is the page itself, so that assistive technology
// says "current page" only there (aria-current="page", else "true").
type NavItem struct {
	Label   string
	Href    string
	Current bool
	Here    bool
}

// URL returns the relative URL of a site path from this page.
func (b *Base) URL(target string) string {
	if b.abs != "" {
		return b.abs + target
	}
	return index.Rel(b.Path, target)
}

// Asset is the relative URL of a static asset, as Chrome.Asset.
func (b *Base) Asset(name string) string {
	if c, err := b.Chrome(); err == nil {
		return c.Asset(name)
	}
	return b.URL("assets/" + name)
}

// KindClassPrefix begins the class that marks what is of a kind of entry:
// a kind key k becomes the class "kind-" + k, never k itself, on mention
// links, links to entries, entry pages (<article> and <body>), kind pages'
// <body> and search results. Kind keys come from the edition's content
// (edition.yaml), so as bare classes they shared a namespace with the
// stylesheet's own: a kind called "count" or "text" restyled every link
// to its entries. No class of the stylesheets, the templates or the
// scripts begins with "kind-" but these (TestKindClassesAreTheirOwn).
// The templates and scripts write the prefix literally; package mention
// has it too (mention.KindClassPrefix).
const KindClassPrefix = "kind-"

// Link is a named link to a page.
type Link struct {
	Label string
	Href  string
	Kind  string // kind key, for styling (as KindClassPrefix + Kind)
	Ref   string // "concept:key", for the preview card; empty if none
	Note  string // a short gloss
	Count int
}

// ChapterView is a chapter of the text.
type ChapterView struct {
	Base
	Chapter     *index.Chapter
	Heading     template.HTML // the displayed title, which may carry a note reference
	Fit         string        // the heading's class, FitClass of Heading
	Authors     string
	AuthorNotes template.HTML // the author's notes as list items (noteList)
	EditorNotes template.HTML // the editor's notes as list items
	Prev, Next  *Link
	Contents    []Link // the sections
	// Sections is Contents as the items of the table of contents
	// (sectionItems), or "" when the chapter has fewer than two sections:
	// made with the view, so that chapter.html spends no reflected calls
	// on it per page.
	Sections  template.HTML
	OpeningID string // the id of the untitled opening section, if the text has one
	// Cite is how to cite a passage of this chapter, with "{p}" where the
	// paragraph's number goes and "{url}" where its address goes.
	Cite      string
	HowToCite *ChapterCite // the chapter and a passage in Chicago and BibTeX
}

// EntryView is the page of a registry entry.
type EntryView struct {
	Base
	Entry     *index.Entry
	Kind      *index.Kind
	KindHref  string // the kind's A–Z page, from this page
	Fit       string // the heading's class, FitClass of the entry's name
	Body      template.HTML
	Related   template.HTML // links to entries as list items (entryLinks)
	RelatedBy template.HTML
	Parent    *Link
	Children  template.HTML
	Count     int
	Mentions  string // Count as "1 mention", "3 mentions" (plural)
	// SeeAlso is whether the page lists related entries: any of Related,
	// RelatedBy, Parent, Children, Wikidata.
	SeeAlso bool
	// Occurrences is the occurrences in context under a heading per
	// section, as HTML (pageSet.occurrenceList).
	Occurrences template.HTML
	Strip       *Strip // where in the text it occurs, as SVG; nil if nowhere
	Bands       string // what the strip's bands are: "sections", "chapters", "runs of chapters"
	Quoted      bool   // some of the strip's marks are in block quotations, which have their own colour
	Wikidata    string
}

// KindView is the A–Z page of a kind.
type KindView struct {
	Base
	Kind    *index.Kind
	Letters []LetterGroup
	Total   int
}

// LetterGroup is the entries under one initial.
type LetterGroup struct {
	Letter string
	ID     string
	Items  []Link
	List   template.HTML // Items as kind.html lists them (entryLinks), on kind pages
	Empty  bool          // a letter with no entries, shown in the bar but not linked
}

// SourceView is the page of a bibliography record.
type SourceView struct {
	Base
	Source *index.Source
	Fit    string // the heading's class, FitClass of the source's title
	// Bibliography is the bibliography page's URL from this page.
	Bibliography string
	Entry        template.HTML
	Annote       template.HTML
	Original     string
	Archived     string
	Current      string
	Citations    template.HTML // the notes and passages citing it, as list items (pageSet.citationList)
	CitedIn      string        // how often and where it is cited (CitedIn), "" if nowhere
	Mentions     template.HTML // the occurrences in context, as list items (pageSet.occurrenceList)
	Strip        *Strip        // where in the text it is cited or named, as SVG; nil if nowhere
	Bands        string        // what the strip's bands are, as for EntryView
	Quoted       bool          // as for EntryView
	Cite         *SourceCite   // the record in BibTeX, RIS, CSL-JSON
}

// BibliographyView is the list of sources.
type BibliographyView struct {
	Base
	Items []BibItem
}

// BibItem is one record in the bibliography.
type BibItem struct {
	ID    string // the item's id: the source's, or "source-" and it where the page has the source's id of its own
	Entry template.HTML
	Href  string
	Cited int // how many citations it has
	// CitedIn says how often and where it is cited (CitedIn), "" if nowhere.
	CitedIn string
}

// HomeView is the title page.
type HomeView struct {
	Base
	Chapters []ContentsItem
	Kinds    []Link
	Pages    []Link
	Sources  int
}

// ContentsItem is a chapter in the table of contents.
type ContentsItem struct {
	Link
	Authors  string
	Sections []Link
}

// IndexView is the general index.
type IndexView struct {
	Base
	Letters []IndexLetter
	// ChapterNumbers is whether each locator begins with its chapter's
	// number ("3.12"), as it does when the text has several chapters.
	ChapterNumbers bool
}

// IndexLetter is the headings under one initial.
type IndexLetter struct {
	Letter string
	ID     string
	// Headings is the letter's headings as list items
	// (generalIndex's indexWriter).
	Headings template.HTML
	headings []IndexHeading
}

// IndexHeading is a heading of the general index with its locators.
type IndexHeading struct {
	Label   string
	Href    string // the entry's page; empty for a cross-reference
	Kind    string
	Ref     string // "concept:key", for the preview card
	Subs    []IndexHeading
	See     *Link        // "see …" for an alias
	SeeAlso []Link       // from related
	entry   *index.Entry // whose occurrences are the locators; nil for a cross-reference
}

// PageView is a further page such as "About this edition".
type PageView struct {
	Base
	HTML template.HTML
}

// NotFoundView is the 404 page.
type NotFoundView struct{ Base }

// FolderView is the page at the address of a folder of pages that has no
// index page of its own (index.Layout.Forwards): it leads the reader on to
// the page that lists the folder's pages, at once by a refresh in its head,
// and by a link in a sentence for a browser that does not follow one.
type FolderView struct {
	Base
	// Target is the relative URL of the page it leads to, with the
	// #fragment of the list on it, if it has one.
	Target string
	// Lead is the sentence up to the link, what the folder holds and
	// where it is listed: "The sources the text cites are listed in".
	Lead  string
	Label string // the link's words: "the bibliography"
}

func newBase(x *index.Index, p, title, current string) Base {
	b := Base{Path: p, Title: title, Edition: x.Edition}
	depth := strings.Count(p, "/")
	b.Root = strings.Repeat("../", depth)
	if p == index.NotFoundPage && x.Edition.BaseURL != "" {
		// A host serves the 404 page at whatever address was missing, at
		// any depth: relative links would break there, absolute ones hold.
		b.abs, b.Root = x.Edition.BaseURL, x.Edition.BaseURL
	}
	b.Canonical = canonical(x.Edition, p)
	b.Nav = navItems(x, &b, current)
	return b
}

// canonical is the absolute URL of page p, or "" when the edition has no
// base URL.
func canonical(ed *index.Edition, p string) string {
	if ed.BaseURL == "" {
		return ""
	}
	if path.Base(p) == "index.html" {
		p = strings.TrimSuffix(p, "index.html")
	}
	return ed.BaseURL + p
}

// navItems is the site's navigation as page b shows it, current the
// target of the item to mark as the current one. It depends on b's
// folder, not on b's own name: Base.URL of a target without a fragment
// does not (see index.Rel).
func navItems(x *index.Index, b *Base, current string) []NavItem {
	var nav []NavItem
	add := func(label, target string) {
		here := current == target && b.Path == target
		nav = append(nav, NavItem{Label: label, Href: b.URL(target), Current: current == target, Here: here})
	}
	if len(x.Chapters) > 0 {
		add("Text", x.Layout.Chapter(x.Chapters[0].Slug))
	}
	add("Overview", OverviewPage)
	for _, k := range x.Edition.Kinds {
		add(k.Plural, x.Layout.Kind(k.Key))
	}
	add("Sources", index.BibliographyPage)
	add("Index", index.GeneralIndexPage)
	return slices.Clip(nav) // shared by pages (pageSet.base): no append may reach past it
}

func locator(o index.Occurrence, notes *index.Chapter) string {
	if o.Where == index.Note && notes != nil {
		if n, ok := notes.Note(o.Paragraph); ok {
			return noteLabel(n)
		}
	}
	return "¶ " + strconv.Itoa(o.ParaNum)
}

func noteLabel(n *index.NoteInfo) string {
	switch n.Series {
	case index.EditorNote:
		return "Editor’s note " + n.Marker
	case index.UnnumberedNote:
		return "Unnumbered note"
	}
	return "Note " + n.Marker
}

func seriesName(s index.NoteSeries) string {
	switch s {
	case index.EditorNote:
		return "editor"
	case index.UnnumberedNote:
		return "unnumbered"
	}
	return "author"
}

// htmlSize is how many bytes of HTML the view holds (sized).
func (v *EntryView) htmlSize() int {
	return metaSize(&v.Base) + len(v.Body) + len(v.Related) + len(v.RelatedBy) + len(v.Children) +
		len(v.Occurrences) + v.Strip.size()
}

// htmlSize is how many bytes of HTML the view holds (sized).
func (v *SourceView) htmlSize() int {
	n := metaSize(&v.Base) + len(v.Entry) + len(v.Annote) + len(v.Citations) + len(v.Mentions) + v.Strip.size()
	if v.Cite != nil {
		n += len(v.Cite.Blocks)
	}
	return n
}

// htmlSize is how many bytes of HTML the view holds (sized).
func (v *ChapterView) htmlSize() int {
	n := metaSize(&v.Base) + len(v.Heading) + len(v.Chapter.BodyHTML) + len(v.AuthorNotes) + len(v.EditorNotes) + len(v.Sections)
	if c := v.HowToCite; c != nil {
		n += len(c.Chapter) + len(c.Passage)
	}
	return n
}

// htmlSize is how many bytes of HTML the view holds (sized): the general
// index of a large edition is megabytes of it.
func (v *IndexView) htmlSize() int {
	n := metaSize(&v.Base)
	for _, l := range v.Letters {
		n += len(l.Headings)
	}
	return n
}

// htmlSize is how many bytes of HTML the view holds (sized).
func (v *KindView) htmlSize() int {
	n := metaSize(&v.Base)
	for _, l := range v.Letters {
		n += len(l.List)
	}
	return n
}

// metaSize is the length of a page's metadata, as its layout writes it.
func metaSize(b *Base) int {
	if b.Meta == nil {
		return 0
	}
	return len(b.Meta.HTML)
}
