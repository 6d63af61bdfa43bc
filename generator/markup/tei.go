package markup

import (
	"bytes"
	stdhtml "html"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"edition/generator/index"
	"edition/generator/internal/tei"
	"edition/generator/markup/cite"
	"edition/generator/markup/internal/htmlw"
	"edition/generator/markup/mention"
	"edition/generator/markup/notes"
)

// writeTEI writes a converted chapter in TEI P5 from its syntax tree, in
// the same walk order as the HTML renderer: the title's inline content
// (title is the level-1 heading taken out of the body, or nil) and the
// body's lines, with the marks of package internal/tei where the chapter's
// id and the encoding of each entry mentioned belong. Export puts them
// into the TEI document.
//
// The TEI is what the chapter's HTML reads as: paragraphs become p (with
// the paragraph's id and number), quotations quote, lists list and item,
// tables table, row and cell, each ## section a div with its head, code
// blocks ab type="code", any other block ab; in running text, emphasis is
// hi, links ref, mentions of sources title, citations bibl with a ref to
// each source, and a note stands where it is first called (a ptr where it
// is called again). Text is the text a browser reads from the HTML:
// character references resolved as goldmark resolves them, the white space
// that the HTML has between elements kept where elements are read as
// running text, and a CR LF or a lone CR read as a line feed.
func writeTEI(p *parsed, title *ast.Heading) (head, body []byte) {
	w := teiWriters.Get().(*teiWriter)
	defer func() {
		w.src, w.b, w.cr = nil, w.b[:0], false
		w.noted = w.noted[:0]
		w.numbers = numbering{}
		teiWriters.Put(w)
	}()
	w.src = p.src
	w.numbers = numbering{paras: p.paras}
	if title != nil {
		w.children(title)
		head = bytes.Clone(w.b)
		w.b = w.b[:0]
	}
	w.depth = tei.BodyDepth
	w.body(p.doc)
	return head, bytes.Clone(w.b)
}

var teiWriters = sync.Pool{New: func() any { return new(teiWriter) }}

// teiWriter writes one chapter's TEI; it is reused from chapter to chapter.
type teiWriter struct {
	src   []byte
	b     []byte
	depth int
	noted []bool // by notes.Note.Seq: written where first called
	// numbers is the chapter's numbered paragraphs, which the writer
	// comes to in their order.
	numbers numbering
	// cr is set when the text written last ended with a CR: HTML reads a
	// CR LF as one line feed, also when goldmark wrote them apart.
	cr bool

	// Room for text on its way: as goldmark writes it (scratch), without
	// its escapes (decoded), as HTML reads it (read).
	scratch       htmlw.Buffer
	decoded, read []byte
}

func (w *teiWriter) str(s string) { w.b = append(w.b, s...) }

func (w *teiWriter) indent() {
	for range w.depth {
		w.b = append(w.b, ' ')
	}
}

// id writes the xml:id of the chapter's element with id local.
func (w *teiWriter) id(local string) {
	w.b = append(w.b, tei.IDMark, '.')
	w.b = tei.AppendNCName(w.b, local)
}

// tag notes that the HTML has a tag here, which ends a run of text.
func (w *teiWriter) tag() { w.cr = false }

// plain reports whether XML text holds s as it is, and HTML reads it so:
// no character to escape or drop, no CR, no invalid UTF-8. With backslash
// set, no backslash either (goldmark resolves the escapes it starts).
func plain(s []byte, backslash bool) bool {
	stop := notPlain
	if backslash {
		stop |= isBackslash
	}
	// The classes of eight bytes at a time, tested together: text mostly
	// has none.
	var seen uint8
	i := 0
	for ; i+8 <= len(s); i += 8 {
		b := s[i : i+8 : i+8]
		k := plainClass[b[0]] | plainClass[b[1]] | plainClass[b[2]] | plainClass[b[3]] |
			plainClass[b[4]] | plainClass[b[5]] | plainClass[b[6]] | plainClass[b[7]]
		if k&stop != 0 {
			return false
		}
		seen |= k
	}
	for _, c := range s[i:] {
		k := plainClass[c]
		if k&stop != 0 {
			return false
		}
		seen |= k
	}
	return seen&isHigh == 0 ||
		utf8.Valid(s) && (bytes.IndexByte(s, 0xEF) < 0 || !bytes.Contains(s, []byte("\uFFFE")) && !bytes.Contains(s, []byte("\uFFFF")))
}

// Classes of bytes for plain.
const (
	notPlain    uint8 = 1 << iota // escaped or dropped: a control but tab and line feed, &, <, >
	isBackslash                   // \
	isHigh                        // of a multi-byte rune: U+FFFE and U+FFFF begin with 0xEF
)

var plainClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = isHigh
		case c < 0x20 && c != '\t' && c != '\n', c == '&', c == '<', c == '>':
			t[c] = notPlain
		case c == '\\':
			t[c] = isBackslash
		}
	}
	return t
}()

// text writes s, text as it stands in the HTML without its escapes.
func (w *teiWriter) text(s []byte) {
	if len(s) == 0 {
		return
	}
	if !w.cr && plain(s, false) {
		w.b = append(w.b, s...)
		return
	}
	if w.cr && s[0] == '\n' {
		s = s[1:]
	}
	w.cr = false
	if bytes.IndexByte(s, '\r') < 0 && bytes.IndexByte(s, 0) < 0 {
		w.b = tei.AppendTextBytes(w.b, s)
		return
	}
	// goldmark escapes a NUL as U+FFFD.
	r := w.read[:0]
	for _, c := range s {
		if c == 0 {
			r = append(r, "\uFFFD"...)
		} else {
			r = append(r, c)
		}
	}
	w.read = r
	w.b = tei.AppendTextBytes(w.b, lineFeeds(&w.read))
	w.cr = s[len(s)-1] == '\r'
}

func (w *teiWriter) textString(s string) { w.text(util.StringToReadOnlyBytes(s)) }

// lineFeeds replaces in *b each CR LF and each lone CR with a LF.
func lineFeeds(b *[]byte) []byte {
	s := *b
	j := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\r' {
			if i+1 < len(s) && s[i+1] == '\n' {
				continue
			}
			c = '\n'
		}
		s[j] = c
		j++
	}
	*b = s[:j]
	return *b
}

// resolved writes text as goldmark's HTML writer writes it: backslash
// escapes and character references resolved. (New configures goldmark
// with the default writer, html.DefaultWriter.)
func (w *teiWriter) resolved(v []byte) {
	if !w.cr && plain(v, true) {
		w.b = append(w.b, v...)
		return
	}
	if bytes.IndexByte(v, '&') < 0 && bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, 0) < 0 {
		w.text(v)
		return
	}
	w.scratch.B = w.scratch.B[:0]
	html.DefaultWriter.Write(&w.scratch, v)
	// What it wrote is escaped: undo that, as the HTML reader does.
	s, d := w.scratch.B, w.decoded[:0]
	for i := 0; i < len(s); i++ {
		if s[i] == '&' {
			switch {
			case bytes.HasPrefix(s[i:], []byte("&quot;")):
				d, i = append(d, '"'), i+5
				continue
			case bytes.HasPrefix(s[i:], []byte("&amp;")):
				d, i = append(d, '&'), i+4
				continue
			case bytes.HasPrefix(s[i:], []byte("&lt;")):
				d, i = append(d, '<'), i+3
				continue
			case bytes.HasPrefix(s[i:], []byte("&gt;")):
				d, i = append(d, '>'), i+3
				continue
			}
		}
		d = append(d, s[i])
	}
	w.decoded = d
	w.text(d)
}

// trim removes the white space at both ends of what was written since
// start.
func (w *teiWriter) trim(start int) {
	s := w.b[start:]
	t := bytes.TrimSpace(s)
	if len(t) != len(s) {
		n := copy(w.b[start:], t)
		w.b = w.b[:start+n]
	}
}

// attr returns the value of n's attribute name as a string, which must
// not be kept: one of bytes shares their memory.
func attr(n ast.Node, name string) (string, bool) {
	v, ok := n.AttributeString(name)
	if !ok {
		return "", false
	}
	switch v := v.(type) {
	case []byte:
		return util.BytesToReadOnlyString(v), true
	case string:
		return v, true
	}
	return "", false
}

// paragraph returns the id and the number of paragraph n, if it has
// them: if it is the next numbered paragraph (which it then moves past),
// or else from its attributes. Each paragraph of the text must be asked
// for once, in the order of the document.
func (w *teiWriter) paragraph(n ast.Node) (id, num string, ok bool) {
	if k := w.numbers.at(n); k > 0 {
		w.numbers.next++
		id, _ := paraIDs.id(k)
		return id, id[len(paraIDs.prefix):], true
	}
	if id, ok = attr(n, "id"); ok {
		num, _ = attr(n, numberAttr)
	}
	return id, num, ok
}

// body writes the blocks of the text, with a div per ## section.
func (w *teiWriter) body(doc ast.Node) {
	inSection := false
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		if isSectionHeading(c) {
			if inSection {
				w.close("div")
			}
			id, _ := attr(c, "id")
			w.indent()
			w.str(`<div type="section" xml:id="`)
			w.id(id)
			w.str("\">\n")
			w.depth++
			w.indent()
			w.str("<head>")
			w.tag()
			w.children(c)
			w.str("</head>\n")
			inSection = true
			continue
		}
		w.block(c)
	}
	if inSection {
		w.close("div")
	}
}

func (w *teiWriter) open(tag string) {
	w.indent()
	w.str("<" + tag + ">\n")
	w.depth++
}

func (w *teiWriter) close(tag string) {
	w.depth--
	w.indent()
	w.str("</" + tag + ">\n")
}

// block writes a block of the text on lines of its own.
func (w *teiWriter) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Paragraph:
		w.indent()
		w.str("<p")
		if id, num, ok := w.paragraph(n); ok {
			w.str(` xml:id="`)
			w.id(id)
			w.str(`"`)
			if num != "" && num != "0" {
				w.str(` n="`)
				w.str(num)
				w.str(`"`)
			}
		}
		w.str(">")
		start := len(w.b)
		w.tag()
		w.children(n)
		w.trim(start)
		w.str("</p>\n")
	case *ast.Blockquote:
		w.open("quote")
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			w.block(c)
		}
		w.close("quote")
	case *ast.List:
		if n.IsOrdered() {
			w.open(`list rend="numbered"`)
		} else {
			w.open(`list rend="bulleted"`)
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if _, ok := c.(*ast.ListItem); !ok {
				continue
			}
			w.indent()
			w.str("<item")
			if id, ok := attr(c, "id"); ok {
				w.str(` xml:id="`)
				w.id(id)
				w.str(`"`)
			}
			w.str(">")
			start := len(w.b)
			w.tag()
			w.itemContent(c)
			w.trim(start)
			w.str("</item>\n")
		}
		w.close("list")
	case *extast.Table:
		w.open("table")
		for r := n.FirstChild(); r != nil; r = r.NextSibling() {
			_, header := r.(*extast.TableHeader)
			if _, row := r.(*extast.TableRow); !row && !header {
				continue
			}
			w.indent()
			w.str("<row>")
			for c := r.FirstChild(); c != nil; c = c.NextSibling() {
				if _, ok := c.(*extast.TableCell); !ok {
					continue
				}
				if header {
					w.str(`<cell role="label">`)
				} else {
					w.str("<cell>")
				}
				w.tag()
				w.children(c)
				w.str("</cell>")
			}
			w.str("</row>\n")
		}
		w.close("table")
	case *ast.ThematicBreak, *ast.HTMLBlock:
		// A thematic break has no TEI equivalent worth keeping; raw HTML
		// is not rendered.
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		mark := len(w.b)
		w.indent()
		w.str(`<ab type="code">`)
		start := len(w.b)
		w.code(n)
		if len(bytes.TrimSpace(w.b[start:])) == 0 {
			w.b = w.b[:mark]
			return
		}
		w.str("</ab>\n")
	default:
		// Headings but the sections' (those in quotations, those of other
		// levels), and whatever else is one element in the HTML.
		mark := len(w.b)
		w.indent()
		w.str("<ab>")
		start := len(w.b)
		w.tag()
		w.children(n)
		w.trim(start)
		if len(w.b) == start {
			w.b = w.b[:mark]
			return
		}
		w.str("</ab>\n")
	}
}

// code writes the text of a code block. Highlighted or not, the HTML holds
// its lines as they are, with CR LF read as LF.
func (w *teiWriter) code(n ast.Node) {
	lines := n.Lines()
	d := w.read[:0]
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		d = append(d, seg.Value(w.src)...)
	}
	if bytes.IndexByte(d, 0) >= 0 {
		// goldmark escapes a NUL as U+FFFD, chroma leaves it for HTML to drop.
		if f, ok := n.(*ast.FencedCodeBlock); !ok || !highlighted(f.Language(w.src)) {
			d = bytes.ReplaceAll(d, []byte{0}, []byte("\uFFFD"))
		}
	}
	w.read = d
	w.b = tei.AppendTextBytes(w.b, lineFeeds(&w.read))
	w.cr = false
}

// highlighted reports whether the highlight renderer has chroma write code
// in language lang.
func highlighted(lang []byte) bool { return len(lang) > 0 && lexers.Get(string(lang)) != nil }

// itemContent writes what a list item's <li> element holds.
func (w *teiWriter) itemContent(n ast.Node) {
	if fc := n.FirstChild(); fc != nil {
		if _, ok := fc.(*ast.TextBlock); !ok {
			w.textString("\n")
		}
	}
	w.children(n)
}

// children writes n's children as running text.
func (w *teiWriter) children(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.inline(c)
	}
}

// wrap writes n's children in the TEI element tag (with attrs), where the
// HTML has an element.
func (w *teiWriter) wrap(tag, attrs string, n ast.Node) {
	w.tag()
	w.b = append(append(append(append(w.b, '<'), tag...), attrs...), '>')
	w.children(n)
	w.b = append(append(append(w.b, "</"...), tag...), '>')
	w.tag()
}

// inline writes n as running text: its element's TEI, or its content when
// the element has no TEI equivalent, and the white space that the HTML
// renderer writes around it.
func (w *teiWriter) inline(n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		v := n.Segment.Value(w.src)
		if n.IsRaw() {
			w.text(v) // and no line break, as goldmark renders it
			return
		}
		w.resolved(v)
		if n.HardLineBreak() {
			w.tag()
			w.str("<lb/>")
			w.textString("\n")
		} else if n.SoftLineBreak() {
			w.textString("\n")
		}
	case *ast.String:
		switch {
		case n.IsCode():
			w.textString(stdhtml.UnescapeString(string(n.Value)))
		case n.IsRaw():
			w.text(n.Value)
		default:
			w.resolved(n.Value)
		}
	case *ast.CodeSpan:
		w.tag()
		w.str("<code>")
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			t, ok := c.(*ast.Text)
			if !ok {
				continue
			}
			v := t.Segment.Value(w.src)
			if bytes.HasSuffix(v, []byte("\n")) {
				w.text(v[:len(v)-1])
				w.textString(" ")
			} else {
				w.text(v)
			}
		}
		w.str("</code>")
		w.tag()
	case *ast.Emphasis:
		if n.Level == 2 {
			w.wrap("hi", ` rend="bold"`, n)
		} else {
			w.wrap("hi", ` rend="italic"`, n)
		}
	case *extast.Strikethrough:
		w.wrap("hi", ` rend="strikethrough"`, n)
	case *ast.Link:
		href := util.URLEscape(n.Destination, true)
		if html.IsDangerousURL(href) {
			href = nil
		}
		w.link(href, n)
	case *ast.AutoLink:
		url := util.URLEscape(n.URL(w.src), false)
		var href []byte
		if n.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(url), []byte("mailto:")) {
			href = append(href, "mailto:"...)
		}
		if !html.IsDangerousURL(url) {
			href = append(href, url...)
		}
		w.tag()
		if len(href) > 0 && href[0] != '#' {
			w.str(`<ref target="`)
			w.b = tei.AppendAttr(w.b, string(href))
			w.str(`">`)
			w.text(n.Label(w.src))
			w.str("</ref>")
		} else {
			w.text(n.Label(w.src))
		}
		w.tag()
	case *ast.Image, *ast.RawHTML:
		w.tag() // an image says nothing in TEI; raw HTML is not rendered
	case *mention.Node:
		w.mention(n)
	case *cite.Node:
		w.citation(n)
	case *notes.Ref:
		w.tag()
		w.note(n.Note)
		w.tag()
	case *extast.FootnoteLink, *extast.FootnoteBacklink:
		// not rendered

	// Blocks in running text (in a list item, a note): their content and
	// the line feeds the HTML renderer writes around their elements.
	case *ast.Paragraph:
		w.tag()
		w.children(n)
		if _, _, ok := w.paragraph(n); ok {
			w.textString(" ") // before the paragraph's number
		}
		w.tag()
		w.textString("\n")
	case *ast.TextBlock:
		w.children(n)
		if n.NextSibling() != nil && n.FirstChild() != nil {
			w.textString("\n")
		}
	case *ast.Heading:
		w.tag()
		w.children(n)
		w.tag()
		w.textString("\n")
	case *ast.Blockquote:
		w.tag()
		if n.Attributes() == nil {
			w.textString("\n")
		}
		w.children(n)
		w.tag()
		w.textString("\n")
	case *ast.List:
		w.tag()
		w.textString("\n")
		w.children(n)
		w.tag()
		w.textString("\n")
	case *ast.ListItem:
		w.tag()
		w.itemContent(n)
		w.tag()
		w.textString("\n")
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		w.tag()
		w.str("<code>")
		w.code(n)
		w.str("</code>")
		w.tag()
		w.textString("\n")
	case *ast.ThematicBreak:
		w.tag()
		w.textString("\n")
	case *ast.HTMLBlock:
		w.tag()
		w.textString("\n")
		if n.HasClosure() {
			w.tag()
			w.textString("\n")
		}
	case *extast.Table:
		w.tag()
		w.textString("\n")
		w.children(n)
		w.tag()
		w.textString("\n")
	case *extast.TableHeader:
		w.tag()
		w.textString("\n")
		w.tag()
		w.textString("\n")
		w.children(n)
		w.tag()
		w.textString("\n")
		w.tag()
		w.textString("\n")
		if n.NextSibling() != nil {
			w.tag()
			w.textString("\n")
		}
	case *extast.TableRow:
		w.tag()
		w.textString("\n")
		w.children(n)
		w.tag()
		w.textString("\n")
		if n.Parent().LastChild() == n {
			w.tag()
			w.textString("\n")
		}
	case *extast.TableCell:
		w.tag()
		w.children(n)
		w.tag()
		w.textString("\n")
	default:
		w.children(n)
	}
}

// link writes a link to href (nil for none): a ref, unless it points
// within the page.
func (w *teiWriter) link(href []byte, n ast.Node) {
	if len(href) == 0 || href[0] == '#' {
		w.tag()
		w.children(n)
		w.tag()
		return
	}
	w.tag()
	w.str(`<ref target="`)
	w.b = tei.AppendAttr(w.b, string(href))
	w.str(`">`)
	w.children(n)
	w.str("</ref>")
	w.tag()
}

// hasClass reports whether the class attribute the mention renderer writes
// for a mention of kind holds class c.
func hasClass(kind, c string) bool {
	return strings.Contains(kind, c) && strings.Contains(" mention "+kind+" ", " "+c+" ")
}

// mention writes a mention: of a source, a title that refers to it; of an
// entry, its text between the marks that export fills in with the entry's
// element.
func (w *teiWriter) mention(n *mention.Node) {
	w.tag()
	defer w.tag()
	kind, key := n.Ref.Kind, n.Ref.Key
	if hasClass(kind, "pnum") || hasClass(kind, "backlink") || hasClass(kind, "noteref") {
		return // read as a paragraph's number or a note's link, as the HTML was
	}
	if strings.IndexByte(kind, ':') >= 0 {
		kind, key, _ = strings.Cut(kind+":"+key, ":") // as data-ref is read
	}
	if kind == index.SourceKind.Key {
		if hasClass(n.Ref.Kind, "cite") {
			w.str(`<ref type="citation" target="#bib.`)
		} else {
			w.str(`<title ref="#bib.`)
		}
		w.b = tei.AppendNCName(w.b, key)
		w.str(`">`)
		w.children(n)
		if hasClass(n.Ref.Kind, "cite") {
			w.str("</ref>")
		} else {
			w.str("</title>")
		}
		return
	}
	w.b = tei.AppendMention(w.b, kind, key)
	w.children(n)
	w.b = append(w.b, tei.MentionClose)
}

// citation writes a citation as a bibl holding a ref to each source it
// cites, with the text the cite renderer writes around them; a citation
// in the text as a bibl holding one ref of the words it shows.
func (w *teiWriter) citation(n *cite.Node) {
	w.tag()
	w.str("<bibl>")
	if n.InText {
		// One ref of the words the link shows, "White House (2002, p. 33)".
		it := &n.Items[0]
		if it.Href == "" || cite.InLink(n) {
			w.textString(it.InTextLabel())
		} else {
			w.tag()
			w.str(`<ref type="citation" target="#bib.`)
			w.b = tei.AppendNCName(w.b, it.Key)
			w.str(`">`)
			w.textString(it.InTextLabel())
			w.str("</ref>")
			w.tag()
		}
		w.str("</bibl>")
		w.tag()
		return
	}
	inLink := cite.InLink(n)
	for i, it := range n.Items {
		if i > 0 {
			w.textString("; ")
		}
		it.Label = it.ShownLabel()
		if it.Prefix != "" {
			w.textString(it.Prefix + " ")
		}
		switch {
		case it.Href == "":
			w.tag()
			w.textString("@" + it.Key)
			w.tag()
		case inLink:
			w.textString(it.Label)
		default:
			w.tag()
			w.str(`<ref type="citation" target="#bib.`)
			w.b = tei.AppendNCName(w.b, it.Key)
			w.str(`">`)
			w.textString(it.Label)
			w.str("</ref>")
			w.tag()
		}
		if it.Locator != "" {
			w.textString(", " + it.Locator)
		}
		if it.Suffix != "" {
			w.textString(" " + it.Suffix)
		}
	}
	w.str("</bibl>")
	w.tag()
	w.children(n)
}

// note writes a note where it is first called, and a pointer to it where
// it is called again.
func (w *teiWriter) note(n *notes.Note) {
	if n.Seq >= len(w.noted) {
		w.noted = append(w.noted, make([]bool, n.Seq+1-len(w.noted))...)
	}
	if w.noted[n.Seq] {
		w.str(`<ptr type="noteAnchor" target="#`)
		w.id(n.ID)
		w.str(`"/>`)
		return
	}
	w.noted[n.Seq] = true
	typ := "author"
	switch n.Series {
	case notes.Editor:
		typ = "editorial"
	case notes.Unnumbered:
		typ = "unnumbered"
	}
	w.str(`<note place="end" type="`)
	w.str(typ)
	w.str(`" n="`)
	w.b = tei.AppendAttr(w.b, n.Marker)
	w.str(`" xml:id="`)
	w.id(n.ID)
	w.str(`">`)
	if n.Node != nil {
		for c := n.Node.FirstChild(); c != nil; c = c.NextSibling() {
			if _, ok := c.(*ast.Paragraph); !ok {
				w.inline(c)
				continue
			}
			w.tag()
			w.str("<p>")
			start := len(w.b)
			w.children(c)
			if _, _, ok := w.paragraph(c); ok {
				w.textString(" ")
			}
			w.trim(start)
			w.str("</p>")
			w.tag()
			w.textString("\n")
		}
	}
	w.str("</note>")
}
