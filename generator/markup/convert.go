package markup

import (
	"bytes"
	"html/template"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"edition/generator/diag"
	"edition/generator/index"
	"edition/generator/markup/cite"
	"edition/generator/markup/mention"
	"edition/generator/markup/notes"
)

// Doc is a Markdown document to convert.
type Doc struct {
	File string // for diagnostics
	Line int    // file line of Src's first byte
	Src  []byte
	Page string // the site path of the page it will appear on
}

// parsed is a document after parsing, with what its context collected.
type parsed struct {
	doc   *ast.Document
	src   []byte
	notes []*notes.Note
	lines *diag.Lines
	diags diag.List
}

// parse parses d; auto turns on automatic mentions.
func (m *Markdown) parse(d Doc, links *Links, auto bool) *parsed {
	p := &parsed{src: d.Src, lines: diag.NewLines(d.File, d.Src, d.Line)}
	report := func(off int, err error) {
		hint := ""
		if h, ok := err.(interface{ Hint() string }); ok {
			hint = h.Hint()
		}
		p.diags.Errorf(p.lines.Pos(off), hint, "%s", err.Error())
	}
	pc := parser.NewContext()
	if links != nil {
		r := resolver{Links: links, page: d.Page}
		mo := &mention.Options{Resolver: r, Report: report}
		if auto {
			mo.Matcher = links.matcher
		}
		mention.With(pc, mo)
		cite.With(pc, &cite.Options{Resolver: r, Report: report})
	}
	notes.With(pc, &notes.Options{Report: report})
	p.doc = m.md.Parser().Parse(text.NewReader(d.Src), parser.WithContext(pc)).(*ast.Document)
	p.notes = notes.List(pc)
	return p
}

func (m *Markdown) render(p *parsed, n ast.Node) template.HTML {
	var b bytes.Buffer
	if err := m.md.Renderer().Render(&b, p.src, n); err != nil {
		p.diags.Errorf(p.lines.Pos(0), "", "cannot render: %v", err)
	}
	return template.HTML(b.String())
}

// Fragment converts a short Markdown text: an entry's annotation, a source's
// note, the edition's rights statement. Explicit links and citations work;
// aliases are not matched, and paragraphs get no ids.
func (m *Markdown) Fragment(d Doc, links *Links) (template.HTML, diag.List) {
	p := m.parse(d, links, false)
	html := m.render(p, p.doc)
	if len(p.notes) > 0 {
		var b strings.Builder
		b.WriteString(string(html))
		b.WriteString(`<ol class="fragment-notes">`)
		for _, n := range p.notes {
			b.WriteString(`<li id="` + n.ID + `">`)
			b.WriteString(string(m.render(p, n.Node)))
			b.WriteString(`</li>`)
		}
		b.WriteString(`</ol>`)
		html = template.HTML(b.String())
	}
	return html, p.diags
}

// Result is a converted chapter.
type Result struct {
	Chapter     *index.Chapter
	Occurrences []index.Occurrence
	Citations   []index.Citation
	Diags       diag.List
}

// Chapter converts a chapter of the text: every paragraph gets an id and a
// number, every heading of level 2 starts a section, every mention and
// citation gets an id and is collected with its context. A level-1 heading
// at the top is the chapter's displayed title and is taken out of the body.
func (m *Markdown) Chapter(d Doc, links *Links, opening string) *Result {
	p := m.parse(d, links, true)
	ch := &index.Chapter{File: d.File}
	res := &Result{Chapter: ch}
	in := inspector{p: p, res: res, ch: ch, refPara: map[*notes.Note]string{}, noteSection: map[string]int{}, noteText: map[string]string{}}

	// The title: a level-1 heading before anything else.
	var title *ast.Heading // for the TEI
	if h, ok := p.doc.FirstChild().(*ast.Heading); ok && h.Level == 1 {
		title = h
		var b bytes.Buffer
		for c := h.FirstChild(); c != nil; c = c.NextSibling() {
			_ = m.md.Renderer().Render(&b, p.src, c)
		}
		ch.TitleHTML = template.HTML(b.String())
		in.walkRefs(h, "", 0)
		p.doc.RemoveChild(p.doc, h)
	}
	if first := p.doc.FirstChild(); first == nil || !isSectionHeading(first) {
		ch.Sections = append(ch.Sections, index.Section{ID: index.OpeningSection, Title: opening})
	}
	in.body(p.doc)
	for _, n := range p.notes {
		in.note(n)
	}
	ch.BodyHTML = m.render(p, p.doc)
	for _, n := range p.notes {
		info := index.NoteInfo{ID: n.ID, Label: n.Label, Marker: n.Marker, Series: index.NoteSeries(n.Series),
			HTML: m.render(p, n.Node), Paragraph: in.refPara[n], Section: in.noteSection[n.ID], Text: in.noteText[n.ID]}
		for _, r := range n.Refs {
			info.Refs = append(info.Refs, r.ID)
		}
		ch.Notes = append(ch.Notes, info)
	}
	ch.TitleTEI, ch.BodyTEI = writeTEI(p, title)
	res.Diags = p.diags
	return res
}

func isSectionHeading(n ast.Node) bool {
	h, ok := n.(*ast.Heading)
	return ok && h.Level == 2
}

// inspector walks a parsed chapter once, in document order.
type inspector struct {
	p       *parsed
	res     *Result
	ch      *index.Chapter
	paraNum int
	mentNum int
	citeNum int
	ids     map[string]bool

	refPara     map[*notes.Note]string // paragraph of each note's first reference
	noteSection map[string]int
	noteText    map[string]string
}

func (in *inspector) section() int { return max(0, len(in.ch.Sections)-1) }

// body walks the text outside the notes.
func (in *inspector) body(doc *ast.Document) {
	in.ids = map[string]bool{index.OpeningSection: true}
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		in.block(c, index.Body)
	}
}

func (in *inspector) block(n ast.Node, where index.Where) {
	switch n := n.(type) {
	case *ast.Heading:
		if n.Level == 2 {
			title := plainText(n, in.p.src)
			id := in.uniqueID(index.Slug(title))
			n.SetAttributeString("id", []byte(id))
			in.ch.Sections = append(in.ch.Sections, index.Section{ID: id, Title: title})
		}
		in.walkRefs(n, "", in.section())
		return
	case *ast.Blockquote:
		where = index.Quote
	case *ast.Paragraph, *ast.TextBlock, *extast.Table:
		// A table is one passage: numbered like a paragraph, so that what
		// its cells mention is indexed and linkable.
		in.paragraph(n, where)
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		in.block(c, where)
	}
}

func (in *inspector) uniqueID(id string) string {
	base := id
	for i := 2; in.ids[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	in.ids[id] = true
	return id
}

// paragraph numbers a paragraph of the text and collects what it holds.
func (in *inspector) paragraph(n ast.Node, where index.Where) {
	in.paraNum++
	id := "p" + strconv.Itoa(in.paraNum)
	holder := n
	if _, ok := n.(*ast.TextBlock); ok && n.Parent() != nil && n.Parent().Kind() == ast.KindListItem {
		holder = n.Parent() // a tight list item: the id goes on the <li>
	}
	holder.SetAttributeString("id", []byte(id))
	n.SetAttributeString(string(numberAttr), []byte(strconv.Itoa(in.paraNum)))
	para := index.Paragraph{ID: id, Number: in.paraNum, Section: in.section(), Where: where}
	para.Text = in.collect(n, id, in.paraNum, where)
	in.ch.Paragraphs = append(in.ch.Paragraphs, para)
	in.walkRefs(n, id, in.section())
}

// walkRefs records the paragraph that calls each note, and its section.
func (in *inspector) walkRefs(n ast.Node, paraID string, sec int) {
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if r, ok := c.(*notes.Ref); ok && entering {
			if _, seen := in.refPara[r.Note]; !seen {
				in.refPara[r.Note] = paraID
				in.noteSection[r.Note.ID] = sec
			}
		}
		return ast.WalkContinue, nil
	})
}

// note collects the mentions and citations of a note. A note belongs to the
// section of the paragraph that calls it (or of the note that calls it).
func (in *inspector) note(n *notes.Note) {
	sec := in.noteSection[n.ID]
	var texts []string
	for c := n.Node.FirstChild(); c != nil; c = c.NextSibling() {
		texts = append(texts, in.collectAt(c, n.ID, 0, index.Note, sec))
		in.walkRefs(c, n.ID, sec)
	}
	in.noteText[n.ID] = strings.Join(texts, "\n")
}

func (in *inspector) collect(n ast.Node, paraID string, num int, where index.Where) string {
	return in.collectAt(n, paraID, num, where, in.section())
}

// collectAt gathers the plain text of n, giving ids to its mentions and
// citations and recording them with a snippet of their context.
func (in *inspector) collectAt(n ast.Node, paraID string, num int, where index.Where, sec int) string {
	var b strings.Builder
	type span struct {
		m          *mention.Node
		start, end int
	}
	var spans []span
	// floor is where the last mention ended: its text is kept whole.
	floor := 0
	var walk func(ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				b.Write(textValue(c, in.p.src))
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(c.Value)
			case *ast.CodeSpan:
				b.WriteString(plainText(c, in.p.src))
			case *mention.Node:
				in.mentNum++
				c.ID = "m" + strconv.Itoa(in.mentNum)
				start := b.Len()
				walk(c)
				spans = append(spans, span{c, start, b.Len()})
				floor = b.Len()
			case *cite.Node:
				// The citation is metadata, not text: drop it and the space
				// before it ("p. 5 [@x]; see" reads "p. 5; see"), but not a
				// space inside a mention's text, which its snippet holds.
				trimSpaceEnd(&b, floor)
				in.citeNum++
				c.ID = "c" + strconv.Itoa(in.citeNum)
				for _, it := range c.Items {
					if it.Href == "" {
						continue
					}
					cit := index.Citation{Source: it.Key, Locator: it.Locator, Prefix: it.Prefix, Suffix: it.Suffix,
						ID: c.ID, Section: sec, Pos: in.p.lines.Pos(c.Pos())}
					if where == index.Note {
						cit.Note = paraID
					} else {
						cit.Paragraph = paraID
					}
					in.res.Citations = append(in.res.Citations, cit)
				}
			case *extast.TableCell:
				if c.PreviousSibling() != nil {
					b.WriteString(" · ") // cells read as one passage
				}
				walk(c)
			case *extast.TableRow, *extast.TableHeader:
				if b.Len() > 0 {
					b.WriteString(" / ")
				}
				walk(c)
			case *notes.Ref:
				// The marker is not part of the text.
			default:
				walk(c)
			}
		}
	}
	walk(n)
	text := b.String()
	for _, s := range spans {
		in.res.Occurrences = append(in.res.Occurrences, index.Occurrence{
			Target: index.Ref{Kind: s.m.Ref.Kind, Key: s.m.Ref.Key}, Section: sec,
			Paragraph: paraID, ParaNum: num, ID: s.m.ID, Where: where, Explicit: s.m.Explicit,
			Snippet: snippet(text, s.start, s.end), Pos: in.p.lines.Pos(s.m.Pos()),
		})
	}
	return text
}

// trimSpaceEnd removes the spaces at the end of b, but none before floor.
func trimSpaceEnd(b *strings.Builder, floor int) {
	s := b.String()
	t := s[:floor] + strings.TrimRight(s[floor:], " ")
	if len(t) < len(s) {
		b.Reset()
		b.WriteString(t)
	}
}

// textValue is the text of t as a reader sees it: Markdown's backslash
// escapes and character references resolved, as goldmark renders them,
// except in raw text (code).
func textValue(t *ast.Text, src []byte) []byte {
	v := t.Value(src)
	if t.IsRaw() {
		return v
	}
	return util.UnescapePunctuations(util.ResolveNumericReferences(util.ResolveEntityNames(v)))
}

// snippetContext is how many characters of context a snippet keeps on each
// side of the match.
const snippetContext = 70

// snippet cuts text around [start, end) at word boundaries.
func snippet(text string, start, end int) index.Snippet {
	before := text[:start]
	if utf8.RuneCountInString(before) > snippetContext {
		r := []rune(before)
		before = string(r[len(r)-snippetContext:])
		if i := strings.IndexByte(before, ' '); i >= 0 && i < len(before)-1 {
			before = before[i+1:]
		}
		before = "…" + before
	}
	after := text[end:]
	if utf8.RuneCountInString(after) > snippetContext {
		r := []rune(after)
		after = string(r[:snippetContext])
		if i := strings.LastIndexByte(after, ' '); i > 0 {
			after = after[:i]
		}
		after += "…"
	}
	return index.Snippet{Before: before, Match: text[start:end], After: after}
}

// plainText is the text of n's inline content, without markup.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(textValue(c, src))
			if c.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *notes.Ref, *cite.Node:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}
