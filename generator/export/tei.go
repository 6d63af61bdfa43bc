package export

import (
	"bytes"
	"fmt"
	"html/template"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"edition/generator/bib"
	"edition/generator/index"
)

// TEI writes the annotated text as one TEI P5 document. The header lists
// everything the text names: persons (listPerson) and organizations
// (listOrg) in particDesc, states and places (listPlace) in settingDesc,
// events (listEvent) and the bibliography (listBibl) in sourceDesc, and every
// other kind of entry (concepts…) as a taxonomy in classDecl. In the text,
// each mention is a persName, orgName, placeName, rs type="event" or term
// whose ref points at its entry there; each citation is a ref to its
// biblStruct; notes stand where they are called.
//
// Which TEI element an entry gets follows its type (person; organization or
// group; state, country or place) and, for events, its kind's key.
func TEI(x *index.Index) ([]byte, error) { return TEIWith(x, nil) }

// TEICache keeps the TEI of each chapter from one call of TEIWith to the
// next, for a live preview: a chapter that did not change (the same
// *index.Chapter) of a registry whose entries are encoded alike is not
// converted again. Its methods may be called from several goroutines.
type TEICache struct {
	// Yield, if set, is called before each chapter is written: a live
	// preview blocks in it while a newer build runs.
	Yield func()

	mu       sync.Mutex
	registry string // how the entries were encoded: see teiRegistry
	divs     map[*index.Chapter]teiDiv
}

type teiDiv struct {
	depth int
	data  []byte
}

// teiRegistry says how a chapter's mentions are encoded: each entry's
// reference and element.
func teiRegistry(x *index.Index) string {
	var b strings.Builder
	for _, e := range x.Entries {
		b.WriteString(e.Kind + ":" + e.Key + "=" + teiKindOf(e).name + "\n")
	}
	return b.String()
}

// TEIWith is TEI, keeping the chapters' TEI in c (which may be nil).
func TEIWith(x *index.Index, c *TEICache) ([]byte, error) {
	t := &teiWriter{x: x, cache: c}
	t.header()
	t.text()
	if t.err != nil {
		return nil, t.err
	}
	return t.b.Bytes(), nil
}

type teiWriter struct {
	x     *index.Index
	cache *TEICache // or nil
	b     bytes.Buffer
	depth int
	err   error
	// per chapter
	chapter *index.Chapter
	noted   map[string]bool // notes already written inline
}

// teiKind is how an entry is encoded in TEI.
type teiKind struct {
	name string // element in the text: persName, orgName, placeName, rs, term
	list string // list in the header: listPerson, listOrg, listPlace, listEvent, taxonomy
}

var (
	teiPerson = teiKind{"persName", "listPerson"}
	teiOrg    = teiKind{"orgName", "listOrg"}
	teiPlace  = teiKind{"placeName", "listPlace"}
	teiEvent  = teiKind{"rs", "listEvent"}
	teiTerm   = teiKind{"term", "taxonomy"}
)

func teiKindOf(e *index.Entry) teiKind {
	switch strings.ToLower(e.Type) {
	case "person":
		return teiPerson
	case "organization", "organisation", "group", "institution":
		return teiOrg
	case "state", "country", "place", "city", "region":
		return teiPlace
	}
	if e.Kind == "event" {
		return teiEvent
	}
	return teiTerm
}

// TEIID is the xml:id of an entry or source in the TEI document: its kind,
// a dot and its key, made a valid XML name.
func TEIID(r index.Ref) string {
	if r.Kind == index.SourceKind.Key {
		return "bib." + ncName(r.Key)
	}
	return ncName(r.Kind) + "." + ncName(r.Key)
}

// ncName replaces what an XML name cannot hold.
func ncName(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case unicode.IsLetter(r) || r == '_':
			b.WriteRune(r)
		case i > 0 && (unicode.IsDigit(r) || r == '-' || r == '.'):
			b.WriteRune(r)
		case unicode.IsDigit(r):
			b.WriteString("_" + string(r))
		default:
			b.WriteByte('_')
		}
	}
	if b.Len() == 0 {
		return "_"
	}
	return b.String()
}

func (t *teiWriter) line(format string, args ...any) {
	t.b.WriteString(strings.Repeat(" ", t.depth))
	fmt.Fprintf(&t.b, format, args...)
	t.b.WriteByte('\n')
}

func (t *teiWriter) open(tag string) { t.line("<%s>", tag); t.depth++ }
func (t *teiWriter) close(tag string) {
	t.depth--
	t.line("</%s>", tag)
}

// elem writes <tag attrs>text</tag> on one line, or nothing when text is
// empty.
func (t *teiWriter) elem(tag, attrs, text string) {
	if strings.TrimSpace(text) == "" {
		return
	}
	if attrs != "" {
		attrs = " " + attrs
	}
	t.line("<%s%s>%s</%s>", tag, attrs, xmlText(text), tag)
}

func attr(name, value string) string { return name + `="` + xmlAttr(value) + `"` }

func (t *teiWriter) header() {
	x, ed := t.x, t.x.Edition
	t.b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	lang := ed.Language
	if lang == "" {
		lang = "en"
	}
	t.line(`<TEI xmlns="http://www.tei-c.org/ns/1.0" %s>`, attr("xml:lang", lang))
	t.depth++
	t.open("teiHeader")
	t.open("fileDesc")
	t.open("titleStmt")
	t.elem("title", `type="main"`, ed.Title)
	t.elem("title", `type="sub"`, ed.Subtitle)
	t.elem("title", `type="desc"`, "An annotated online edition")
	for _, a := range ed.Authors {
		t.elem("author", "", a)
	}
	for _, e := range ed.Editors {
		t.elem("editor", "", e)
	}
	t.close("titleStmt")
	t.open("publicationStmt")
	if len(ed.Editors) > 0 {
		t.elem("authority", "", strings.Join(ed.Editors, ", "))
	} else {
		t.elem("authority", "", ed.Title)
	}
	if ed.BaseURL != "" {
		t.elem("idno", `type="URI"`, ed.BaseURL)
	}
	if ed.Rights != "" || ed.License != "" {
		t.open("availability")
		t.elem("licence", "", plain(ed.LicenseHTML, ed.License))
		t.elem("p", "", plain(ed.RightsHTML, ed.Rights))
		t.close("availability")
	}
	t.close("publicationStmt")
	t.open("sourceDesc")
	if c := plain(ed.CitationHTML, ed.Citation); c != "" {
		t.elem("bibl", `type="original"`, c)
	} else {
		t.elem("bibl", `type="original"`, ed.Title)
	}
	if len(x.Sources) > 0 {
		t.open("listBibl")
		t.elem("head", "", "Sources")
		for _, s := range x.Sources {
			t.biblStruct(s)
		}
		t.close("listBibl")
	}
	t.entryList(teiEvent, "listEvent", func(e *index.Entry) {
		t.line(`<event %s>`, attr("xml:id", TEIID(e.Ref())))
		t.depth++
		t.elem("label", "", e.Name)
		t.elem("desc", "", e.Summary)
		t.idno(e)
		t.close("event")
	})
	t.close("sourceDesc")
	t.close("fileDesc")

	// Concepts and every other kind without a more specific list.
	var hasTerms bool
	for _, e := range x.Entries {
		hasTerms = hasTerms || teiKindOf(e) == teiTerm
	}
	if hasTerms {
		t.open("encodingDesc")
		t.open("classDecl")
		for _, k := range ed.Kinds {
			var es []*index.Entry
			for _, e := range x.EntriesOf(k.Key) {
				if teiKindOf(e) == teiTerm {
					es = append(es, e)
				}
			}
			if len(es) == 0 {
				continue
			}
			t.line(`<taxonomy %s>`, attr("xml:id", "taxonomy."+ncName(k.Key)))
			t.depth++
			t.elem("desc", "", k.Plural)
			for _, e := range es {
				t.line(`<category %s>`, attr("xml:id", TEIID(e.Ref())))
				t.depth++
				desc := "<term>" + xmlText(e.Name) + "</term>"
				if e.Summary != "" {
					desc += ": " + xmlText(e.Summary)
				}
				t.line("<catDesc>%s</catDesc>", desc)
				if e.Wikidata != "" {
					t.line(`<catDesc><idno type="wikidata">%s</idno></catDesc>`, xmlText(e.Wikidata))
				}
				t.close("category")
			}
			t.close("taxonomy")
		}
		t.close("classDecl")
		t.close("encodingDesc")
	}

	t.open("profileDesc")
	if t.has(teiPerson) || t.has(teiOrg) {
		t.open("particDesc")
		t.entryList(teiPerson, "listPerson", func(e *index.Entry) {
			t.line(`<person %s>`, attr("xml:id", TEIID(e.Ref())))
			t.depth++
			t.elem("persName", "", e.Name)
			t.idno(e)
			t.elem("note", "", e.Summary)
			t.close("person")
		})
		t.entryList(teiOrg, "listOrg", func(e *index.Entry) {
			t.line(`<org %s>`, attr("xml:id", TEIID(e.Ref())))
			t.depth++
			t.elem("orgName", "", e.Name)
			t.idno(e)
			t.elem("note", "", e.Summary)
			t.close("org")
		})
		t.close("particDesc")
	}
	if t.has(teiPlace) {
		t.open("settingDesc")
		t.entryList(teiPlace, "listPlace", func(e *index.Entry) {
			t.line(`<place %s>`, attr("xml:id", TEIID(e.Ref())))
			t.depth++
			t.elem("placeName", "", e.Name)
			t.elem("note", "", e.Summary)
			t.idno(e)
			t.close("place")
		})
		t.close("settingDesc")
	}
	t.close("profileDesc")
	t.close("teiHeader")
}

func (t *teiWriter) has(k teiKind) bool {
	for _, e := range t.x.Entries {
		if teiKindOf(e) == k {
			return true
		}
	}
	return false
}

func (t *teiWriter) entryList(k teiKind, list string, write func(*index.Entry)) {
	if !t.has(k) {
		return
	}
	t.open(list)
	for _, e := range t.x.Entries {
		if teiKindOf(e) == k {
			write(e)
		}
	}
	t.close(list)
}

func (t *teiWriter) idno(e *index.Entry) {
	if e.Wikidata != "" {
		t.elem("idno", `type="wikidata"`, e.Wikidata)
	}
}

// biblStruct writes a source as a structured bibliographic record:
// analytic (the part) and monograph (the whole it appeared in, with its
// imprint).
func (t *teiWriter) biblStruct(s *index.Source) {
	r := s.Record
	t.line(`<biblStruct %s %s>`, attr("xml:id", TEIID(s.Ref())), attr("type", r.Type))
	t.depth++
	container := r.Var("container-title")
	names := func(role string, ns []bib.Name) {
		for _, n := range ns {
			if n.IsLiteral() {
				t.line("<%s><orgName>%s</orgName></%s>", role, xmlText(n.Literal), role)
				continue
			}
			p := ""
			if n.Given != "" {
				p += "<forename>" + xmlText(n.Given) + "</forename> "
			}
			if n.NonDroppingParticle != "" {
				p += "<nameLink>" + xmlText(n.NonDroppingParticle) + "</nameLink> "
			}
			p += "<surname>" + xmlText(n.Family) + "</surname>"
			if n.Suffix != "" {
				p += " <addName>" + xmlText(n.Suffix) + "</addName>"
			}
			t.line("<%s><persName>%s</persName></%s>", role, p, role)
		}
	}
	ptr := func() {
		if u := r.Var("URL"); u != "" {
			t.line("<ptr %s/>", attr("target", u))
		}
	}
	if container != "" {
		t.open("analytic")
		names("author", r.Names["author"])
		t.elem("title", `level="a"`, r.Title())
		ptr()
		t.close("analytic")
		level := "j"
		switch r.Type {
		case "chapter", "paper-conference", "entry", "entry-dictionary", "entry-encyclopedia":
			level = "m"
		}
		t.open("monogr")
		t.elem("title", attr("level", level), container)
		names("editor", r.Names["editor"])
	} else {
		t.open("monogr")
		names("author", r.Names["author"])
		t.elem("title", `level="m"`, r.Title())
		names("editor", r.Names["editor"])
		ptr()
	}
	if n := r.Var("number"); n != "" {
		t.elem("idno", `type="number"`, n)
	}
	t.open("imprint")
	t.elem("pubPlace", "", r.Var("publisher-place"))
	t.elem("publisher", "", r.Var("publisher"))
	d := r.Issued()
	if iso := d.ISO(); iso != "" {
		t.elem("date", attr("when", iso), d.String())
	} else if d.Literal != "" {
		t.elem("date", "", d.Literal)
	} else {
		t.line("<date/>")
	}
	t.close("imprint")
	for _, unit := range []struct{ unit, v string }{{"volume", "volume"}, {"issue", "issue"}, {"page", "page"}} {
		if v := r.Var(unit.v); v != "" {
			t.elem("biblScope", attr("unit", unit.unit), v)
		}
	}
	t.close("monogr")
	if a := r.CustomString("archived-url"); a != "" {
		t.line(`<ref type="archived" %s>Archived copy</ref>`, attr("target", a))
	}
	t.close("biblStruct")
}

func (t *teiWriter) text() {
	t.open("text")
	t.open("body")
	// Each chapter is written on its own, in parallel, then all are put
	// together in reading order.
	divs := make([][]byte, len(t.x.Chapters))
	kept := map[*index.Chapter]teiDiv{}
	if c := t.cache; c != nil {
		reg := teiRegistry(t.x)
		c.mu.Lock()
		if c.registry == reg {
			kept = c.divs
		}
		c.registry = reg
		c.mu.Unlock()
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	var errMu sync.Mutex
	for range min(runtime.GOMAXPROCS(0), len(divs)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(divs); i = int(next.Add(1) - 1) {
				ch := t.x.Chapters[i]
				if t.cache != nil && t.cache.Yield != nil {
					t.cache.Yield()
				}
				if d, ok := kept[ch]; ok && d.depth == t.depth {
					divs[i] = d.data
					continue
				}
				c := &teiWriter{x: t.x, depth: t.depth}
				c.chapterDiv(ch)
				divs[i] = c.b.Bytes()
				if c.err != nil {
					errMu.Lock()
					if t.err == nil {
						t.err = c.err
					}
					errMu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	if c := t.cache; c != nil && t.err == nil {
		m := make(map[*index.Chapter]teiDiv, len(divs))
		for i, ch := range t.x.Chapters {
			m[ch] = teiDiv{t.depth, divs[i]}
		}
		c.mu.Lock()
		c.divs = m
		c.mu.Unlock()
	}
	n := 0
	for _, d := range divs {
		n += len(d)
	}
	t.b.Grow(n + 4096)
	for _, d := range divs {
		t.b.Write(d)
	}
	t.close("body")
	t.close("text")
	t.depth--
	t.line("</TEI>")
}

// chapterDiv writes a chapter as a div.
func (t *teiWriter) chapterDiv(ch *index.Chapter) {
	t.chapter = ch
	t.noted = map[string]bool{}
	t.line(`<div type="chapter" %s>`, attr("xml:id", ncName(ch.Slug)))
	t.depth++
	title := string(ch.TitleHTML)
	if title == "" {
		title = template.HTMLEscapeString(ch.Title)
	}
	t.line("<head>%s</head>", t.inline(title))
	for _, a := range ch.Authors {
		t.elem("byline", "", a)
	}
	t.blocks(string(ch.BodyHTML))
	t.close("div")
}

// blocks converts the chapter's body HTML: paragraphs, quotations, lists
// and tables, with a div per ## section.
func (t *teiWriter) blocks(h string) {
	nodes := parseFragment(h)
	inSection := false
	for _, n := range nodes {
		if n.Type != html.ElementNode {
			continue
		}
		if n.DataAtom == atom.H2 {
			if inSection {
				t.close("div")
			}
			t.line(`<div type="section" %s>`, attr("xml:id", t.id(getAttr(n, "id"))))
			t.depth++
			t.line("<head>%s</head>", t.children(n))
			inSection = true
			continue
		}
		t.block(n)
	}
	if inSection {
		t.close("div")
	}
}

func (t *teiWriter) id(local string) string { return ncName(t.chapter.Slug) + "." + ncName(local) }

func (t *teiWriter) block(n *html.Node) {
	switch n.DataAtom {
	case atom.P:
		a := ""
		if id := getAttr(n, "id"); id != "" {
			a = " " + attr("xml:id", t.id(id))
			if p, ok := t.chapter.Paragraph(id); ok && p.Number > 0 {
				a += fmt.Sprintf(` n="%d"`, p.Number)
			}
		}
		t.line("<p%s>%s</p>", a, strings.TrimSpace(t.children(n)))
	case atom.Blockquote:
		t.open("quote")
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				t.block(c)
			}
		}
		t.close("quote")
	case atom.Ul, atom.Ol:
		if n.DataAtom == atom.Ol {
			t.open(`list rend="numbered"`)
		} else {
			t.open(`list rend="bulleted"`)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom == atom.Li {
				a := ""
				if id := getAttr(c, "id"); id != "" {
					a = " " + attr("xml:id", t.id(id))
				}
				t.line("<item%s>%s</item>", a, strings.TrimSpace(t.children(c)))
			}
		}
		t.depth--
		t.line("</list>")
	case atom.Table:
		t.open("table")
		var rows func(*html.Node)
		rows = func(n *html.Node) {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.DataAtom == atom.Tr {
					var cells []string
					for d := c.FirstChild; d != nil; d = d.NextSibling {
						if d.DataAtom == atom.Td || d.DataAtom == atom.Th {
							role := ""
							if d.DataAtom == atom.Th {
								role = ` role="label"`
							}
							cells = append(cells, "<cell"+role+">"+t.children(d)+"</cell>")
						}
					}
					t.line("<row>%s</row>", strings.Join(cells, ""))
				} else if c.Type == html.ElementNode {
					rows(c)
				}
			}
		}
		rows(n)
		t.close("table")
	case atom.Hr:
		// a thematic break has no TEI equivalent worth keeping
	case atom.Pre:
		t.elem("ab", `type="code"`, textOf(n))
	case atom.Div, atom.Section:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				t.block(c)
			}
		}
	default:
		if s := strings.TrimSpace(t.inlineNode(n)); s != "" {
			t.line("<ab>%s</ab>", s)
		}
	}
}

// inline converts a piece of inline HTML.
func (t *teiWriter) inline(h string) string {
	var b strings.Builder
	for _, n := range parseFragment(h) {
		b.WriteString(t.inlineNode(n))
	}
	return b.String()
}

func (t *teiWriter) children(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(t.inlineNode(c))
	}
	return b.String()
}

func (t *teiWriter) inlineNode(n *html.Node) string {
	switch n.Type {
	case html.TextNode:
		return xmlText(n.Data)
	case html.ElementNode:
	default:
		return ""
	}
	cls := " " + getAttr(n, "class") + " "
	wrap := func(tag, attrs string) string {
		if attrs != "" {
			attrs = " " + attrs
		}
		return "<" + tag + attrs + ">" + t.children(n) + "</" + tag + ">"
	}
	switch n.DataAtom {
	case atom.A:
		switch {
		case strings.Contains(cls, " pnum "), strings.Contains(cls, " backlink "):
			return ""
		case strings.Contains(cls, " noteref "):
			return t.noteAt(strings.TrimPrefix(getAttr(n, "href"), "#"))
		case strings.Contains(cls, " mention ") || strings.Contains(cls, " cite "):
			kind, key, _ := strings.Cut(getAttr(n, "data-ref"), ":")
			ref := index.Ref{Kind: kind, Key: key}
			if kind == index.SourceKind.Key {
				if strings.Contains(cls, " cite ") {
					return wrap("ref", `type="citation" `+attr("target", "#"+TEIID(ref)))
				}
				return wrap("title", attr("ref", "#"+TEIID(ref)))
			}
			e, ok := t.x.Entry(ref)
			if !ok {
				return t.children(n)
			}
			k := teiKindOf(e)
			a := attr("ref", "#"+TEIID(ref))
			if k == teiEvent {
				a = `type="event" ` + a
			}
			return wrap(k.name, a)
		}
		if href := getAttr(n, "href"); href != "" && !strings.HasPrefix(href, "#") {
			return wrap("ref", attr("target", href))
		}
		return t.children(n)
	case atom.Span:
		if strings.Contains(cls, " citation ") {
			return wrap("bibl", "")
		}
		return t.children(n)
	case atom.Em, atom.I, atom.Cite:
		return wrap("hi", `rend="italic"`)
	case atom.Strong, atom.B:
		return wrap("hi", `rend="bold"`)
	case atom.Del, atom.S:
		return wrap("hi", `rend="strikethrough"`)
	case atom.Sup:
		return wrap("hi", `rend="superscript"`)
	case atom.Sub:
		return wrap("hi", `rend="subscript"`)
	case atom.Code:
		return wrap("code", "")
	case atom.Br:
		return "<lb/>"
	case atom.Q:
		return wrap("q", "")
	case atom.Img:
		return ""
	}
	return t.children(n)
}

// noteAt writes a note where it is first called, and a pointer to it where
// it is called again.
func (t *teiWriter) noteAt(id string) string {
	n, ok := t.chapter.Note(id)
	if !ok {
		return ""
	}
	xmlID := t.id(n.ID)
	if t.noted[n.ID] {
		return `<ptr type="noteAnchor" ` + attr("target", "#"+xmlID) + "/>"
	}
	t.noted[n.ID] = true
	typ := "author"
	switch n.Series {
	case index.EditorNote:
		typ = "editorial"
	case index.UnnumberedNote:
		typ = "unnumbered"
	}
	var b strings.Builder
	b.WriteString(`<note place="end" ` + attr("type", typ) + " " + attr("n", n.Marker) + " " + attr("xml:id", xmlID) + ">")
	for _, c := range parseFragment(string(n.HTML)) {
		if c.Type == html.ElementNode && c.DataAtom == atom.P {
			b.WriteString("<p>" + strings.TrimSpace(t.children(c)) + "</p>")
		} else {
			b.WriteString(t.inlineNode(c))
		}
	}
	b.WriteString("</note>")
	return b.String()
}

func getAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

var spaceRE = regexp.MustCompile(`\s+`)

// plain is the text of rendered Markdown, or the Markdown itself when it
// was not rendered.
func plain(h template.HTML, md string) string {
	if h == "" {
		return strings.TrimSpace(md)
	}
	var b strings.Builder
	for _, n := range parseFragment(string(h)) {
		b.WriteString(textOf(n))
	}
	return strings.TrimSpace(spaceRE.ReplaceAllString(b.String(), " "))
}

// xmlText escapes text for XML content and drops characters XML cannot
// hold.
func xmlText(s string) string {
	plain := true // ASCII that needs no escape: most text
	for i := 0; i < len(s) && plain; i++ {
		c := s[i]
		plain = c < utf8.RuneSelf && c != '&' && c != '<' && c != '>' && (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
	}
	if plain {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteRune(r)
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF || (r >= 0xD800 && r <= 0xDFFF):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// attrEscaper escapes what xmlText leaves that an attribute value may not
// hold as it is.
var attrEscaper = strings.NewReplacer(`"`, "&quot;", "\n", "&#10;", "\t", "&#9;")

func xmlAttr(s string) string { return attrEscaper.Replace(xmlText(s)) }
