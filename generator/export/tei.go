package export

import (
	"bytes"
	"fmt"
	"html/template"
	"regexp"
	"strings"

	"golang.org/x/net/html"

	"edition/generator/bib"
	"edition/generator/index"
	"edition/generator/internal/tei"
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

// TEICache is what TEIWith keeps from one call to the next, for a live
// preview. Each chapter carries its own TEI (written by markup when the
// chapter was converted), so nothing else needs keeping.
type TEICache struct {
	// Yield, if set, is called before each chapter is written: a live
	// preview blocks in it while a newer build runs.
	Yield func()
}

// TEIWith is TEI, with the hooks of c (which may be nil).
func TEIWith(x *index.Index, c *TEICache) ([]byte, error) {
	t := &teiWriter{x: x, cache: c, b: &Chunks{Whole: true}}
	t.b.room(t.size())
	if err := t.write(); err != nil {
		return nil, err
	}
	return t.b.Bytes(), nil
}

// TEIInto is TEIWith, written into dst (which it does not empty first), in
// pieces, for a publish.Writer to write as they are.
func TEIInto(dst *Chunks, x *index.Index, c *TEICache) error {
	t := &teiWriter{x: x, cache: c, b: dst}
	return t.write()
}

func (t *teiWriter) write() error {
	t.header()
	t.text()
	return t.err
}

// size is about the length of the TEI document, a little more rather than
// less: each id mark becomes the chapter's id, and a mention's marks its
// tags (say 40 bytes); the header takes up to some 300 bytes an entry and
// 1,000 a source.
func (t *teiWriter) size() int {
	n := 4096 + 300*len(t.x.Entries) + 1000*len(t.x.Sources)
	for _, ch := range t.x.Chapters {
		for _, b := range [][]byte{ch.TitleTEI, ch.BodyTEI} {
			n += len(b) + bytes.Count(b, []byte{tei.IDMark})*len(ch.Slug) + bytes.Count(b, []byte{tei.MentionClose})*40
		}
		n += 256 + len(ch.Title)
	}
	return n
}

type teiWriter struct {
	x     *index.Index
	cache *TEICache // or nil
	b     *Chunks
	depth int
	err   error
	kinds map[*index.Entry]teiKind // of each entry, worked out once
}

// kindOf is teiKindOf(e), worked out once per entry.
func (t *teiWriter) kindOf(e *index.Entry) teiKind {
	if t.kinds == nil {
		t.kinds = make(map[*index.Entry]teiKind, len(t.x.Entries))
		for _, e := range t.x.Entries {
			t.kinds[e] = teiKindOf(e)
		}
	}
	if k, ok := t.kinds[e]; ok {
		return k
	}
	return teiKindOf(e)
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
func ncName(s string) string { return tei.NCName(s) }

func (t *teiWriter) line(format string, args ...any) {
	t.indent()
	fmt.Fprintf(t.b, format, args...)
	t.b.WriteByte('\n')
}

// spaces are what lines are indented with.
const spaces = "                                                                "

func (t *teiWriter) indent() {
	for n := t.depth; n > 0; n -= len(spaces) {
		t.b.WriteString(spaces[:min(n, len(spaces))])
	}
}

func (t *teiWriter) open(tag string) { t.line("<%s>", tag); t.depth++ }
func (t *teiWriter) close(tag string) {
	t.depth--
	t.line("</%s>", tag)
}

// elem writes <tag attrs>text</tag> on one line, or nothing when text is
// blank once escaped (white space, and characters XML cannot hold).
func (t *teiWriter) elem(tag, attrs, text string) {
	if strings.TrimSpace(tei.Text(text)) == "" {
		return
	}
	t.indent()
	b := t.b.room(2*len(tag) + len(attrs) + len(text) + 8)
	b = append(append(b, '<'), tag...)
	if attrs != "" {
		b = append(append(b, ' '), attrs...)
	}
	b = tei.AppendText(append(b, '>'), text)
	b = append(append(append(b, "</"...), tag...), ">\n"...)
	t.b.set(b)
}

// openID writes <tag xml:id="id"> on a line and goes a level deeper.
func (t *teiWriter) openID(tag, id string) {
	t.indent()
	b := t.b.room(len(tag) + len(id) + 16)
	b = append(append(b, '<'), tag...)
	b = tei.AppendAttr(append(b, ` xml:id="`...), id)
	t.b.set(append(b, "\">\n"...))
	t.depth++
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
		t.elem("author", "", a.Natural())
	}
	for _, e := range ed.Editors {
		t.elem("editor", "", e.Natural())
	}
	t.close("titleStmt")
	t.open("publicationStmt")
	if len(ed.Editors) > 0 {
		t.elem("authority", "", strings.Join(bib.Naturals(ed.Editors), ", "))
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
		t.openID("event", TEIID(e.Ref()))
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
		hasTerms = hasTerms || t.kindOf(e) == teiTerm
	}
	if hasTerms {
		t.open("encodingDesc")
		t.open("classDecl")
		for _, k := range ed.Kinds {
			var es []*index.Entry
			for _, e := range x.EntriesOf(k.Key) {
				if t.kindOf(e) == teiTerm {
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
				t.openID("category", TEIID(e.Ref()))
				t.indent()
				b := t.b.room(len(e.Name) + len(e.Summary) + 40)
				b = tei.AppendText(append(b, "<catDesc><term>"...), e.Name)
				b = append(b, "</term>"...)
				if e.Summary != "" {
					b = tei.AppendText(append(b, ": "...), e.Summary)
				}
				t.b.set(append(b, "</catDesc>\n"...))
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
			t.openID("person", TEIID(e.Ref()))
			t.elem("persName", "", e.Name)
			t.idno(e)
			t.elem("note", "", e.Summary)
			t.close("person")
		})
		t.entryList(teiOrg, "listOrg", func(e *index.Entry) {
			t.openID("org", TEIID(e.Ref()))
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
			t.openID("place", TEIID(e.Ref()))
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
		if t.kindOf(e) == k {
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
		if t.kindOf(e) == k {
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
			// The parts in the order the name is read: given name
			// first, or, for a name of static ordering, last ("Wu
			// Xinbo").
			forename, family := "", ""
			if n.Given != "" {
				forename = "<forename>" + xmlText(n.Given) + "</forename>"
			}
			if n.NonDroppingParticle != "" {
				family = "<nameLink>" + xmlText(n.NonDroppingParticle) + "</nameLink> "
			}
			family += "<surname>" + xmlText(n.Family) + "</surname>"
			var p string
			switch {
			case forename == "":
				p = family
			case n.StaticOrdering:
				p = family + " " + forename
			default:
				p = forename + " " + family
			}
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
	if t.depth+1 != tei.BodyDepth {
		t.err = fmt.Errorf("the TEI of chapters is written at depth %d, not %d", tei.BodyDepth, t.depth+1)
		return
	}
	m := mentionTags{t: t, tags: map[string]teiTags{}}
	for _, ch := range t.x.Chapters {
		if t.cache != nil && t.cache.Yield != nil {
			t.cache.Yield()
		}
		t.chapterDiv(ch, &m)
	}
	t.close("body")
	t.close("text")
	t.depth--
	t.line("</TEI>")
}

// chapterDiv writes a chapter as a div: its title and bylines, then the
// TEI that markup wrote of its text, with the chapter's id and the
// registry's encoding of each mention filled in.
func (t *teiWriter) chapterDiv(ch *index.Chapter, m *mentionTags) {
	id := ncName(ch.Slug)
	t.line(`<div type="chapter" %s>`, attr("xml:id", id))
	t.depth++
	t.indent()
	t.b.WriteString("<head>")
	if ch.TitleHTML == "" {
		// As the HTML of the title would read.
		title := strings.ReplaceAll(ch.Title, "\x00", "\uFFFD")
		title = strings.ReplaceAll(strings.ReplaceAll(title, "\r\n", "\n"), "\r", "\n")
		t.b.WriteString(xmlText(title))
	} else {
		m.fill(t.b, ch.TitleTEI, id)
	}
	t.b.WriteString("</head>\n")
	for _, a := range ch.Authors {
		t.elem("byline", "", a.Natural())
	}
	m.fill(t.b, ch.BodyTEI, id)
	t.close("div")
}

// teiTags are the tags that encode a mention of an entry; empty when there
// is no such entry, and the mention is its text alone.
type teiTags struct{ open, close string }

// mentionTags fills in the marks of a chapter's TEI, keeping the tags of
// each entry mentioned.
type mentionTags struct {
	t     *teiWriter
	tags  map[string]teiTags // by "kind:key"
	stack []string           // the closing tags of the mentions open
}

// fill writes b, the TEI of a chapter with the marks of package
// internal/tei, with id for the chapter's id.
func (m *mentionTags) fill(w *Chunks, b []byte, id string) {
	for len(b) > 0 {
		text, mark, ref, rest := tei.Next(b)
		w.Write(text)
		switch mark {
		case tei.IDMark:
			w.WriteString(id)
		case tei.MentionOpen:
			tags, ok := m.tags[string(ref)]
			if !ok {
				tags = m.encode(string(ref))
				m.tags[string(ref)] = tags
			}
			w.WriteString(tags.open)
			m.stack = append(m.stack, tags.close)
		case tei.MentionClose:
			if n := len(m.stack); n > 0 {
				w.WriteString(m.stack[n-1])
				m.stack = m.stack[:n-1]
			}
		}
		b = rest
	}
}

// encode returns the tags of a mention of ref, "kind:key": the element of
// the entry's kind, which refers to the entry in the header.
func (m *mentionTags) encode(ref string) teiTags {
	kind, key, _ := strings.Cut(ref, ":")
	r := index.Ref{Kind: kind, Key: key}
	e, ok := m.t.x.Entry(r)
	if !ok {
		return teiTags{}
	}
	k := m.t.kindOf(e)
	a := attr("ref", "#"+TEIID(r))
	if k == teiEvent {
		a = `type="event" ` + a
	}
	return teiTags{"<" + k.name + " " + a + ">", "</" + k.name + ">"}
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
func xmlText(s string) string { return tei.Text(s) }

func xmlAttr(s string) string { return tei.Attr(s) }
