package export

// The TEI of a chapter used to be made by converting its HTML. It is now
// written by markup from the chapter's syntax tree. These tests keep the
// HTML converter (htmlTEI, below) as the reference: for every input, the
// TEI written from the tree must be the TEI the HTML reads as, byte for
// byte.

import (
	"bytes"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"edition/generator/bib"
	"edition/generator/diag"
	"edition/generator/index"
	"edition/generator/markup"
)

var teiEdition = &index.Edition{
	Title: "Test edition", Language: "en",
	Kinds: []index.Kind{
		{Key: "concept", Name: "Concept", Plural: "Concepts", Path: "concepts"},
		{Key: "actor", Name: "Actor", Plural: "Actors", Path: "actors"},
		{Key: "event", Name: "Event", Plural: "Events", Path: "events"},
	},
}

func teiAliases(texts ...string) []index.Alias {
	var as []index.Alias
	for _, t := range texts {
		as = append(as, index.Alias{Text: t, Pos: diag.Pos{File: "registry", Line: 1}})
	}
	return as
}

// teiRegistry is a registry with an entry of each TEI encoding, and two
// sources.
func teiRegistry() ([]*index.Entry, []*index.Source) {
	entries := []*index.Entry{
		{Kind: "concept", Key: "preemption", Name: "Preemption", Aliases: teiAliases("preemption", "preemptive")},
		{Kind: "concept", Key: "force", Name: "Force", Aliases: teiAliases("use of force", "force")},
		{Kind: "actor", Key: "unsc", Name: "UN Security Council", Type: "Organization", Aliases: teiAliases("Security Council", "Council")},
		{Kind: "actor", Key: "bush", Name: "George W. Bush", Type: "person", Aliases: teiAliases("George W. Bush", "Bush")},
		{Kind: "actor", Key: "iraq", Name: "Iraq", Type: "state", Aliases: teiAliases("Iraq")},
		{Kind: "event", Key: "1990s-war", Name: "Gulf War", Aliases: teiAliases("Gulf War")},
	}
	sources := []*index.Source{
		{Record: &bib.Record{ID: "nss2002", Type: "report", Vars: map[string]string{"title": "NSS"}}, Label: "White House 2002", Aliases: teiAliases("National Security Strategy")},
		{Record: &bib.Record{ID: "bush2002", Type: "speech", Vars: map[string]string{"title": "West Point"}}, Label: "Bush 2002"},
	}
	return entries, sources
}

// teiIndex converts each text as a chapter and indexes them.
func teiIndex(t testing.TB, texts []string) *index.Index {
	t.Helper()
	entries, sources := teiRegistry()
	layout := index.NewLayout(teiEdition)
	links, ds := markup.NewLinks(teiEdition, entries, sources, layout)
	if ds.HasErrors() {
		t.Fatal(ds.Err())
	}
	md := markup.New()
	var chapters []*index.Chapter
	for i, text := range texts {
		slug := fmt.Sprintf("%dth-chapter", i+1)
		r := md.Chapter(markup.Doc{File: slug + ".md", Line: 1, Src: []byte(text), Page: layout.Chapter(slug)}, links, "Opening")
		ch := r.Chapter
		ch.Slug, ch.Title, ch.Order = slug, fmt.Sprintf("Chapter\r\n%d & <\x00>", i+1), i
		if i%2 == 0 {
			ch.Authors = []bib.Name{{Family: "Author", Given: "A."}}
		}
		chapters = append(chapters, ch)
	}
	x, _ := index.Build(index.Input{Edition: teiEdition, Entries: entries, Sources: sources, Chapters: chapters})
	return x
}

// htmlTEIOf is the TEI document as the HTML converter wrote it.
func htmlTEIOf(x *index.Index) []byte {
	w := &teiWriter{x: x, b: &Chunks{Whole: true}}
	w.header()
	w.open("text")
	w.open("body")
	for _, ch := range x.Chapters {
		(&htmlTEI{teiWriter: w}).chapterDiv(ch)
	}
	w.close("body")
	w.close("text")
	w.depth--
	w.line("</TEI>")
	return w.b.Bytes()
}

// checkTEI compares the TEI of the texts with what the HTML converter
// makes of them, line by line.
func checkTEI(t *testing.T, texts []string) {
	t.Helper()
	x := teiIndex(t, texts)
	got, err := TEI(x)
	if err != nil {
		t.Fatal(err)
	}
	want := htmlTEIOf(x)
	if bytes.Equal(got, want) {
		return
	}
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			t.Fatalf("line %d differs:\n got %q\nwant %q\ninputs: %q", i+1, g[i], w[i], texts)
		}
	}
	t.Fatalf("%d lines, want %d; inputs: %q", len(g), len(w), texts)
}

// teiCases have every construct of the Markdown we convert, and the
// corners of its HTML: references, escapes, CR LF, white space at the
// ends of paragraphs, notes in notes, loose and tight lists, tables in
// notes.
var teiCases = []string{
	"# The *Council*[^*] and [@nss2002]\n\nThe Security Council and preemption.[^1]\n\n## 1990s: from *Response*\n\nGeorge W. Bush spoke of preemptive\naction [@nss2002, p. 15] in Iraq, before the Gulf War.\n\n> The Security Council, said [the panel](http://example.org/a%20b?c=1&d=\"2\"&e=<x>) [again](<http://e.org/a b> \"t\").\n\n[^*]: First published in 2007.\n[^1]: On force, see [@bush2002]; and again.[^1]\n",
	"Text &amp; &quot;quotes&quot; &lt;b&gt; &#65; &#x1F600; &#0; &nbsp;end&nbsp;\n\n\\*not em\\* \\& \\\\ a\\b `code & <b> \\*` ``two\nlines``\n\nhard  \nbreak and back\\\nslash\n",
	"Line one\r\nline two\r\n\r\n- tight item\r\n- with Council\r\n\r\n```go\r\nx := 1\r\n```\r\n\r\n    indented\r\n    code\r\n",
	"- loose one\n\n- loose two\n  second para\n\n  third para\n\n1. numbered\n   - nested\n   - nested Iraq\n2. two\n\n-\n- \n",
	"| a | b |\n|:--|--:|\n| Council | `x\\|y` |\n| [@bush2002] | see[^t] |\n\n[^t]: A note with a table:\n\n    | h |\n    |---|\n    | c |\n\n    > quoted in a note\n\n    - a list\n    - in it\n\n    ```\n    code in a note\n    ```\n",
	"### Level three with Bush\n\n#### Four\n\n# One again\n\n> ## Two in a quote\n>\n> para\n\n---\n\n<div>raw</div>\n\nInline <span>raw</span> html <!-- c -->.\n\n<!--\nblock comment\n-->\n\n![alt *text*](img.png \"t\") and <http://auto.example/x?a&b> <mail@example.org> [in page](#p1) [js](javascript:alert(1)) [title](/x \"T\")\n",
	"[Bush](actor:bush) [*the* Council](actor:unsc) [plain](none:) [the strategy](source:nss2002) [[-@bush2002]](http://x) [see [@nss2002, p. 2; -@bush2002 suffix]](http://y) [@missing] [see @bush2002, ch. 3]\n\nEnds with a note.[^e]\n\n[^e]: Note\n\n    with two paragraphs.[^f]\n[^f]: Inner, mentions Iraq. [^e]\n[^ed-one]: unused\n",
	"~~struck~~ **bold _both_** ***three*** H~2~O ^sup^ a\u00a0\n\n\u00a0Non-breaking ends\u00a0\n\n\tTabbed\n\n  \n",
	"Invalid \xff\xfe bytes, \x01 control, \ufffe non-char, \x7f del.\n\n```unknownlang\n<tag> & \"q\"\n```\n\n```python\ndef f():\n    return \"<x>\"\n```\n\n```\nno newline at the end",
	"",
	"# \n\nEmpty title.\n",
	"# Title only",
	"## Section first\n\nText.\n\n## Section *second* [^s]\n\n- Council\n\n[^s]: In the heading.\n",
	"A [link with `code` and ![img](x)](http://e.org) and <http://a.b/c d>.\n\nterm [^x]\n\n[^x]: - list first\n    - in a note\n",
	"## As @bush2002 put it\n\nAs @nss2002 [p. 33] says of *@bush2002* and the Council (@nss2002 [pp. 1-2]), not a@b.org, [@nss2002 here](http://x) or `@nss2002`.[^1]\n\n| @bush2002 | b |\n|---|---|\n| c | @nss2002 [n. 4] |\n\n[^1]: So @bush2002 [p. <3> & 4] said [@nss2002].\n",
	"NUL \x00 in text, [@0\x00], `a\x00b`, <http://a\x00b> &#0;\n\n```go\nx\x00\n```\n\n```\ny\x00\n```\n\n    z\x00\n",
}

func TestTEIFromTreeIsTEIFromHTML(t *testing.T) {
	checkTEI(t, teiCases)
}

// TestTEIFromTreeOnGoldenInputs converts the inputs of markup's golden
// files and fuzz corpora.
func TestTEIFromTreeOnGoldenInputs(t *testing.T) {
	var texts []string
	golden, _ := filepath.Glob("../markup/*/testdata/*.txt")
	more, _ := filepath.Glob("../markup/testdata/*.txt")
	for _, f := range append(golden, more...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		parts := strings.Split(string(b), "//- - - - - - - - -//\n")
		for i := 1; i < len(parts); i += 2 {
			texts = append(texts, parts[i])
		}
	}
	fuzz, _ := filepath.Glob("../markup/*/testdata/fuzz/*/*")
	more, _ = filepath.Glob("../markup/testdata/fuzz/*/*")
	for _, f := range append(fuzz, more...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if lit, ok := strings.CutPrefix(line, "[]byte("); ok {
				if s, err := strconv.Unquote(strings.TrimSuffix(lit, ")")); err == nil {
					texts = append(texts, s)
				}
			}
		}
	}
	if len(texts) < 20 {
		t.Fatalf("only %d inputs found", len(texts))
	}
	checkTEI(t, texts)
}

func FuzzTEIFromTree(f *testing.F) {
	for _, s := range teiCases {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkTEI(t, []string{string(src)})
	})
}

// htmlTEI converts a chapter's HTML to TEI, as export did before markup
// wrote the TEI from the syntax tree.
type htmlTEI struct {
	*teiWriter
	chapter *index.Chapter
	noted   map[string]bool
}

// chapterDiv writes a chapter as a div.
func (t *htmlTEI) chapterDiv(ch *index.Chapter) {
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
		t.elem("byline", "", a.Natural())
	}
	t.blocks(string(ch.BodyHTML))
	t.close("div")
}

// blocks converts the chapter's body HTML: paragraphs, quotations, lists
// and tables, with a div per ## section.
func (t *htmlTEI) blocks(h string) {
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

func (t *htmlTEI) id(local string) string { return ncName(t.chapter.Slug) + "." + ncName(local) }

func (t *htmlTEI) block(n *html.Node) {
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
func (t *htmlTEI) inline(h string) string {
	var b strings.Builder
	for _, n := range parseFragment(h) {
		b.WriteString(t.inlineNode(n))
	}
	return b.String()
}

func (t *htmlTEI) children(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(t.inlineNode(c))
	}
	return b.String()
}

func (t *htmlTEI) inlineNode(n *html.Node) string {
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
				if strings.Contains(cls, " in-text ") {
					// A citation in the text: a bibl, as a bracketed one.
					return "<bibl>" + wrap("ref", `type="citation" `+attr("target", "#"+TEIID(ref))) + "</bibl>"
				}
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
func (t *htmlTEI) noteAt(id string) string {
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
