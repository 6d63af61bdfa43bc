package index

import (
	"html/template"

	"edition/generator/bib"
	"edition/generator/diag"
)

// Edition is the edition's own description (content/edition.yaml).
type Edition struct {
	Title     string
	Subtitle  string
	Authors   []bib.Name
	Editors   []bib.Name
	Publisher string
	Year      int
	Language  string
	BaseURL   string // optional absolute URL of the site, ending in "/"

	// Markdown fields, rendered to HTML by markup.
	Citation, Rights, License             string
	CitationHTML, RightsHTML, LicenseHTML template.HTML
	// Spans places the text of each Markdown field, by its name
	// ("citation"), in edition.yaml; a field without is placed by the
	// file alone.
	Spans map[string][]diag.Span

	Kinds []Kind
	Pos   diag.Pos
}

// Kind returns the kind with key k.
func (e *Edition) Kind(k string) (*Kind, bool) {
	for i := range e.Kinds {
		if e.Kinds[i].Key == k {
			return &e.Kinds[i], true
		}
	}
	return nil, false
}

// Kind is a kind of registry entry: concept, actor, place… Kinds are
// configuration: each names its folder under registry/, its link scheme and
// its URL path.
type Kind struct {
	Key    string   // "concept": folder registry/concept/, links concept:key
	Name   string   // "Concept"
	Plural string   // "Concepts"
	Path   string   // URL path of its pages: "concepts"
	Types  []string // allowed values of Entry.Type; empty means any
}

// SourceKind is the built-in kind of bibliography records, so that sources
// can be mentioned and linked like entries.
var SourceKind = Kind{Key: "source", Name: "Source", Plural: "Sources", Path: "sources"}

// TextResults and NoteResults are the keys of the search's results in the
// text and in its notes, beside the kinds' keys: no kind may have them.
const TextResults, NoteResults = "text", "notes"

// Case is how an alias matches letter case.
type Case int

const (
	// Smart: an all-lowercase alias matches in any case; one with a capital
	// letter matches exactly.
	Smart Case = iota
	// Exact matches only the alias as written.
	Exact
	// Ignore matches in any case.
	Ignore
)

// Alias is one surface form of an entry.
type Alias struct {
	Text string
	Case Case
	Pos  diag.Pos
}

// Ref names something a mention can point at: a registry entry
// (Kind "concept", "actor"…) or a source (Kind "source").
type Ref struct {
	Kind string
	Key  string
}

func (r Ref) String() string { return r.Kind + ":" + r.Key }

// Entry is a registry entry: a concept, an actor, or any other kind.
type Entry struct {
	Key       string
	Kind      string
	Name      string
	IndexName string // heading in the general index; defaults to Name
	Type      string
	Aliases   []Alias
	Related   []string
	Parent    string
	Wikidata  string
	Dates     string
	Summary   string

	Body     []byte        // the annotation, Markdown
	BodyHTML template.HTML // rendered by markup
	BodyLine int           // line of Body's first byte in File

	File string
	Pos  diag.Pos // of the entry's file; fields have their own below
	// FieldPos holds the position of each front-matter field, for
	// diagnostics about its value; "related KEY" holds that of one key
	// in the related list.
	FieldPos map[string]diag.Pos
}

// Ref returns the entry's reference.
func (e *Entry) Ref() Ref { return Ref{Kind: e.Kind, Key: e.Key} }

// Known returns the key of each entry with its name and aliases, which
// the hint for an unknown key searches: a renamed file leaves its old key
// behind in references, and the entry's name or an alias usually still
// spells it. Call it only for an error.
func Known(entries []*Entry) []diag.Known {
	out := make([]diag.Known, 0, len(entries))
	for _, e := range entries {
		aliases := make([]string, len(e.Aliases))
		for i, a := range e.Aliases {
			aliases[i] = a.Text
		}
		out = append(out, diag.Known{Key: e.Key, Name: e.Name, Aliases: aliases})
	}
	return out
}

// Source is a bibliography record with what the edition adds to it.
type Source struct {
	*bib.Record
	Label      string        // "Bush 2002a", unique in the edition
	Entry      template.HTML // the Chicago bibliography entry
	AnnoteHTML template.HTML // custom annotation, rendered
	Aliases    []Alias
	Pos        diag.Pos
	AnnoteLine int
	// AnnoteSpans places the text of the annotation in its file, as YAML
	// folded it; nil where it cannot, and AnnoteLine must do.
	AnnoteSpans []diag.Span
}

// Ref returns the source's reference.
func (s *Source) Ref() Ref { return Ref{Kind: SourceKind.Key, Key: s.ID} }

// Where is the part of the text an occurrence stands in.
type Where int

const (
	Body  Where = iota // running text
	Quote              // a block quotation
	Note               // a note (the author's or the editor's)
)

func (w Where) String() string {
	switch w {
	case Quote:
		return "quotation"
	case Note:
		return "note"
	}
	return "text"
}

// Chapter is one text file, parsed.
type Chapter struct {
	Slug      string
	Title     string
	TitleHTML template.HTML // from the body's # heading, if any
	// TitleLabel is the words of the # heading when it calls a note: its
	// accessible name, without the labels of the note's reference and of
	// the note set beside it.
	TitleLabel string
	Authors    []bib.Name
	Opening    string // label of the untitled opening section
	File       string
	Order      int

	Sections   []Section
	Paragraphs []Paragraph
	Notes      []NoteInfo
	BodyHTML   template.HTML // the text without its notes
	Words      int

	// TitleTEI and BodyTEI are the title (when TitleHTML is set) and the
	// text with its notes in TEI P5, as markup writes them for export to
	// put into the TEI document: see package generator/internal/tei.
	TitleTEI, BodyTEI []byte
}

// Section is a part of a chapter under a ## heading; section 0 is the
// untitled opening when the chapter begins without one.
type Section struct {
	ID    string
	Title string
}

// OpeningSection is the id of a chapter's untitled opening section. It has
// no heading to carry the id: the page puts it on the start of the text.
const OpeningSection = "opening"

// Paragraph is a paragraph of running text or quotation, or a note.
type Paragraph struct {
	ID      string // "p12", or the note's ID
	Number  int    // 12, shown as ¶ 12; 0 for notes
	Section int
	Where   Where
	Text    string // plain text, for snippets and search
}

// ParagraphNumber reads a paragraph id as markup makes it, "p" and the
// paragraph's number without leading zeros, and returns the number.
func ParagraphNumber(id string) (int, bool) {
	if len(id) < 2 || len(id) > 10 || id[0] != 'p' || id[1] == '0' {
		return 0, false
	}
	n := 0
	for i := 1; i < len(id); i++ {
		c := id[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// NoteSeries tells the author's notes from the editor's.
type NoteSeries int

const (
	AuthorNote     NoteSeries = iota // numbered 1, 2, 3…
	EditorNote                       // lettered a, b, c… and marked “Ed.”
	UnnumberedNote                   // marked with an asterisk
)

// NoteInfo is a note as rendered.
type NoteInfo struct {
	ID        string // "n4", "ed-b", "n-star"
	Label     string // the Markdown label: "4", "ed-qian", "*"
	Marker    string // what the reader sees: "4", "b", "*"
	Series    NoteSeries
	HTML      template.HTML
	Refs      []string // ids of the references to it in the text ("nr4")
	Paragraph string   // id of the paragraph that first calls it
	Section   int
	Text      string
}

// Snippet is a keyword in context.
type Snippet struct {
	Before, Match, After string
}

// Occurrence is one mention of an entry or source in the text.
type Occurrence struct {
	Target    Ref
	Chapter   string // slug
	Section   int
	Paragraph string // paragraph or note id
	ParaNum   int    // paragraph number, 0 in notes
	ID        string // the mention's own id: "m17"
	Where     Where
	Explicit  bool // written as [text](kind:key), not found by alias
	Snippet   Snippet
	Pos       diag.Pos
}

// Citation is one [@key] in the text or a note.
type Citation struct {
	Source    string // record id
	Locator   string // "p. 15"
	Prefix    string
	Suffix    string
	ID        string // the citation's own id: "c3"
	Chapter   string
	Section   int
	Note      string // id of the note it stands in, or ""
	Paragraph string // paragraph that calls the note, or holds the citation
	Pos       diag.Pos
}
