package markup

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"edition/generator/diag"
	"edition/generator/index"
	"edition/generator/internal/words"
	"edition/generator/markup/cite"
	"edition/generator/markup/internal/htmlw"
	"edition/generator/markup/mention"
	"edition/generator/markup/notes"
)

// Doc is a Markdown document to convert.
type Doc struct {
	File string // for diagnostics
	Line int    // file line of Src's first byte
	Src  []byte
	// Spans, if set, place Src's pieces in File instead of Line: the
	// text of a YAML field, whose lines YAML folded.
	Spans []diag.Span
	Page  string // the site path of the page it will appear on
	// Taken, if set, reports the ids the page around the text uses (its
	// template's and scripts'): a section heading's id avoids them, as it
	// avoids the ids of the text's own paragraphs, mentions and notes.
	Taken func(id string) bool
}

// parsed is a document after parsing, with what its context collected.
type parsed struct {
	doc   *ast.Document
	src   []byte
	notes []*notes.Note
	lines *diag.Lines // made when first asked for, by lineIndex
	file  string
	line  int         // of src[0]
	spans []diag.Span // see Doc.Spans
	diags diag.List
	// mentions is how many mentions the parse made, some of them perhaps
	// in notes dropped after.
	mentions int
	// cited is how many citation items the parse linked, some of them
	// perhaps in notes dropped after.
	cited int
	mo    *mention.Options // to release the tree's mentions
	no    *notes.Options   // and its notes
	co    *cite.Options    // and its citations
	// paras is the numbered paragraphs of a chapter, set by Chapter.
	paras []numbered
	// links is the ordinary links and images, found by brokenLinks.
	links []rawLink
}

// lineIndex returns the index of p's lines, making it the first time:
// most documents need none, their positions being counted as they come.
func (p *parsed) lineIndex() *diag.Lines {
	if p.lines == nil && p.spans != nil {
		p.lines = diag.NewSpans(p.src, p.spans)
	}
	if p.lines == nil {
		p.lines = diag.NewLines(p.file, p.src, p.line)
	}
	return p.lines
}

// release lets the nodes that the mention transformer, the notes and the
// citations made for p be used for the next document: p's tree and notes
// must not be used after.
func (p *parsed) release() {
	if p.mo != nil {
		p.mo.Release()
	}
	p.no.Release()
	p.co.Release()
}

// parse parses d; auto turns on automatic mentions.
func (m *Markdown) parse(d Doc, links *Links, auto bool) *parsed {
	p := &parsed{src: d.Src, file: d.File, line: d.Line, spans: d.Spans}
	report := func(off int, err error) {
		hint := ""
		if h, ok := err.(interface{ Hint() string }); ok {
			hint = h.Hint()
		}
		if t, ok := err.(*notes.TwiceError); ok {
			first := p.lineIndex().Pos(t.First)
			hint = fmt.Sprintf("the first is at line %d: %s", first.Line, hint)
		}
		if u, ok := err.(*notes.UnmatchedError); ok {
			u.DefLine = p.lineIndex().Pos(u.DefAt).Line
		}
		if w, ok := err.(interface{ Warning() bool }); ok && w.Warning() {
			p.diags.Warnf(p.lineIndex().Pos(off), hint, "%s", err.Error())
			return
		}
		p.diags.Errorf(p.lineIndex().Pos(off), hint, "%s", err.Error())
	}
	pc := parser.NewContext()
	var mo *mention.Options
	var co *cite.Options
	if links != nil {
		r := newResolver(links, d.Page)
		mo = &mention.Options{Resolver: r, Report: report}
		if auto {
			mo.Matcher = links.matcher
		}
		mention.With(pc, mo)
		co = &cite.Options{Resolver: r, Report: report}
		cite.With(pc, co)
		p.co = co
	}
	p.no = &notes.Options{Report: report}
	notes.With(pc, p.no)
	p.doc = m.md.Parser().Parse(text.NewReader(d.Src), parser.WithContext(pc)).(*ast.Document)
	p.notes = notes.List(pc)
	if links != nil {
		p.brokenLinks(links, p.doc, report)
		for _, n := range p.notes {
			p.brokenLinks(links, n.Node, report)
		}
	}
	if mo != nil {
		p.mentions, p.mo = mo.Mentions, mo
	}
	if co != nil {
		p.cited = co.Linked
	}
	return p
}

// htmlBuffer is what a document is rendered into (see htmlw.Buffer),
// with the numbering of the chapter being rendered, which the paragraph
// renderer reads.
type htmlBuffer struct {
	htmlw.Buffer
	numbers numbering // of the chapter being rendered
}

// Len is how many bytes were written.
func (w *htmlBuffer) Len() int { return len(w.B) }

// String returns a copy of what was written.
func (w *htmlBuffer) String() string { return string(w.B) }

// buffers holds the buffers that documents are rendered into: a document's
// HTML is copied out of its buffer once, as one string.
var buffers = sync.Pool{New: func() any { return new(htmlBuffer) }}

func getBuffer() *htmlBuffer { return buffers.Get().(*htmlBuffer) }

func putBuffer(b *htmlBuffer) {
	if cap(b.B) > 4<<20 {
		return // let an outsized buffer go
	}
	b.B = b.B[:0]
	b.numbers = numbering{}
	buffers.Put(b)
}

// renderTo renders n at the end of out and returns where its HTML starts
// and ends there.
func (m *Markdown) renderTo(out *htmlBuffer, p *parsed, n ast.Node) part {
	start := out.Len()
	if err := m.md.Renderer().Render(out, p.src, n); err != nil {
		p.diags.Errorf(p.lineIndex().Pos(0), "", "cannot render: %v", err)
	}
	return part{start, out.Len()}
}

// part is a piece of a rendered buffer: [start, end).
type part struct{ start, end int }

func (r part) of(s string) template.HTML { return template.HTML(s[r.start:r.end]) }

// Fragment converts a short Markdown text: an entry's annotation, a source's
// note, the edition's rights statement. Explicit links and citations work;
// aliases are not matched, and paragraphs get no ids.
func (m *Markdown) Fragment(d Doc, links *Links) (template.HTML, diag.List) {
	html, _, diags := m.FragmentLinks(d, links)
	return html, diags
}

// FragmentLinks is Fragment that also returns the text's ordinary links
// and images (found only when links is not nil).
func (m *Markdown) FragmentLinks(d Doc, links *Links) (template.HTML, []Link, diag.List) {
	p := m.parse(d, links, false)
	defer p.release()
	out := getBuffer()
	defer putBuffer(out)
	m.renderTo(out, p, p.doc)
	if len(p.notes) > 0 {
		out.WriteString(`<ol class="fragment-notes">`)
		for _, n := range p.notes {
			out.WriteString(`<li id="` + n.ID + `">`)
			m.renderTo(out, p, n.Node)
			out.WriteString(`</li>`)
		}
		out.WriteString(`</ol>`)
	}
	return template.HTML(out.String()), p.linksFound(), p.diags
}

// Result is a converted chapter.
type Result struct {
	Chapter     *index.Chapter
	Occurrences []index.Occurrence
	Citations   []index.Citation
	// Links is the chapter's ordinary links and images, in the order of
	// the source, for the build to check.
	Links []Link
	Diags diag.List
}

// Chapter converts a chapter of the text: every paragraph gets an id and a
// number, every heading of level 2 starts a section, every mention and
// citation gets an id and is collected with its context. A level-1 heading
// at the top is the chapter's displayed title and is taken out of the body.
//
// The title, the body and the notes are rendered into one buffer and
// copied out of it as one string, which their HTML shares.
func (m *Markdown) Chapter(d Doc, links *Links, opening string) *Result {
	p := m.parse(d, links, true)
	defer p.release()
	ch := &index.Chapter{File: d.File}
	res := &Result{Chapter: ch}
	if p.mentions > 0 {
		res.Occurrences = make([]index.Occurrence, 0, p.mentions)
	}
	if p.cited > 0 {
		res.Citations = make([]index.Citation, 0, p.cited)
	}
	sc := scratches.Get().(*scratch)
	defer sc.put()
	in := inspector{p: p, res: res, ch: ch, notes: make([]noteState, len(p.notes)), scratch: sc, attrs: m.attrs, taken: d.Taken}
	// Positions are counted from the start of the text, as diag.Lines
	// counts them.
	in.lastPos = diag.Pos{File: d.File, Line: max(1, d.Line), Col: 1}
	out := getBuffer()
	defer putBuffer(out)

	// The title: a level-1 heading before anything else.
	var title part
	var titleNode *ast.Heading // for the TEI
	if h, ok := p.doc.FirstChild().(*ast.Heading); ok && h.Level == 1 {
		titleNode = h
		title.start = out.Len()
		for c := h.FirstChild(); c != nil; c = c.NextSibling() {
			_ = m.md.Renderer().Render(out, p.src, c)
		}
		title.end = out.Len()
		if in.walkRefs(h, "", 0) {
			ch.TitleLabel = plainText(h, p.src)
		}
		p.doc.RemoveChild(p.doc, h)
	}
	if first := p.doc.FirstChild(); first == nil || !isSectionHeading(first) {
		ch.Sections = append(ch.Sections, index.Section{ID: index.OpeningSection, Title: opening})
	}
	in.body(p.doc)
	for _, n := range p.notes {
		in.note(n)
	}
	in.finish()
	p.paras = in.paras
	out.numbers = numbering{paras: p.paras}
	body := m.renderTo(out, p, p.doc)
	noteParts := make([]part, len(p.notes))
	for i, n := range p.notes {
		noteParts[i] = m.renderTo(out, p, n.Node)
	}
	html := out.String()
	ch.TitleHTML = title.of(html)
	ch.BodyHTML = body.of(html)
	if len(p.notes) > 0 {
		ch.Notes = make([]index.NoteInfo, 0, len(p.notes))
	}
	// The ids of every note's references, in one slice that each note's
	// are a piece of.
	refs := 0
	for _, n := range p.notes {
		refs += len(n.Refs)
	}
	refIDs := make([]string, 0, refs)
	for i, n := range p.notes {
		st := &in.notes[i]
		info := index.NoteInfo{ID: n.ID, Label: n.Label, Marker: n.Marker, Series: index.NoteSeries(n.Series),
			HTML: noteParts[i].of(html), Paragraph: st.para, Section: st.section, Text: in.all[st.text.start:st.text.end]}
		if len(n.Refs) > 0 {
			start := len(refIDs)
			for _, r := range n.Refs {
				refIDs = append(refIDs, r.ID)
			}
			info.Refs = refIDs[start:len(refIDs):len(refIDs)]
		}
		ch.Notes = append(ch.Notes, info)
	}
	ch.TitleTEI, ch.BodyTEI = writeTEI(p, titleNode)
	res.Links = p.linksFound()
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
	taken   func(id string) bool // Doc.Taken
	notes   []noteState          // by notes.Note.Seq
	*scratch
	all string // text, after finish
	// attrs numbers every paragraph by its attributes, as goldmark's own
	// renderers would read them, and none in paras: the way that paras
	// replaces, which tests compare it with.
	attrs bool

	// The passage being collected.
	start  int // where it starts in text
	floor  int // where the last mention ended: its text is kept whole
	paraID string
	where  index.Where
	sec    int

	// The position found last, for the next one on the same line.
	lastOff int
	lastPos diag.Pos
}

// pos is in.p.lineIndex().Pos(off), counted from the position found
// last: mentions and citations come mostly in the order of the source,
// and a paragraph is often one long line. Both offsets start a rune (a
// mention starts with a letter or a bracket; the text starts one), so
// that counting from either gives the same column, valid UTF-8 or not.
func (in *inspector) pos(off int) diag.Pos {
	src := in.p.src
	if in.lastPos.Line > 0 && off >= 0 && off < len(src) && utf8.RuneStart(src[off]) {
		switch {
		case off >= in.lastOff:
			// Mostly on the same line, or a few lines on: IndexByte
			// finds each line feed reading many bytes at a time (where
			// LastIndexByte reads one at a time).
			between := src[in.lastOff:off]
			nl := bytes.IndexByte(between, '\n')
			if nl < 0 {
				in.lastPos.Col += runeCount(between)
			} else {
				for {
					in.lastPos.Line++
					next := bytes.IndexByte(between[nl+1:], '\n')
					if next < 0 {
						break
					}
					nl += 1 + next
				}
				in.lastPos.Col = runeCount(between[nl+1:]) + 1
			}
			in.lastOff = off
			return in.lastPos
		case bytes.IndexByte(src[off:in.lastOff], '\n') < 0:
			// Back on the same line: a mention before a citation.
			in.lastPos.Col -= runeCount(src[off:in.lastOff])
			in.lastOff = off
			return in.lastPos
		}
	}
	p := in.p.lineIndex().Pos(off)
	if off >= 0 && off < len(src) && utf8.RuneStart(src[off]) {
		in.lastOff, in.lastPos = off, p
	} else {
		in.lastPos = diag.Pos{}
	}
	return p
}

// scratch is the inspector's working memory, reused from chapter to
// chapter.
type scratch struct {
	// text holds the plain text of every passage (paragraph or note) so
	// far, one after another, and ellipses the sides of snippets that are
	// cut short, each with its "…": finish makes each into one string,
	// which the passages' texts and the snippets share.
	text      []byte
	ellipses  []byte
	paraTexts []part // of each paragraph, in text
	cuts      []cut  // of each occurrence
	spans     []span // of the passage being collected
	paras     []numbered
}

var scratches = sync.Pool{New: func() any { return new(scratch) }}

// put empties sc, letting go of what it points to, and returns it to the
// pool.
func (sc *scratch) put() {
	if cap(sc.text) > 4<<20 {
		return // let an outsized one go
	}
	clear(sc.cuts)
	clear(sc.spans[:cap(sc.spans)])
	clear(sc.paras)
	sc.text, sc.ellipses, sc.paraTexts, sc.cuts, sc.spans = sc.text[:0], sc.ellipses[:0], sc.paraTexts[:0], sc.cuts[:0], sc.spans[:0]
	sc.paras = sc.paras[:0]
	scratches.Put(sc)
}

// noteState is what the inspection learns of a note.
type noteState struct {
	called  bool   // a reference to it was seen
	para    string // paragraph (or note) of its first reference
	section int    // and its section
	text    part   // in inspector.text
}

// span is a mention's place in inspector.text: [start, end).
type span struct {
	m          *mention.Node
	start, end int
}

// cut is the snippet of a match, text[start:end], by offsets in the
// inspector's text: text[from:start] before it and text[end:to] after
// it, or, where a side is cut short, that side with its ellipsis in the
// inspector's ellipses; or, when the text is not valid UTF-8 near the
// match, the snippet made rune by rune.
type cut struct {
	from, start, end, to int
	cutBefore, cutAfter  bool
	before, after        part // in the ellipses, when cut
	slow                 *index.Snippet
}

func (in *inspector) section() int { return max(0, len(in.ch.Sections)-1) }

// body walks the text outside the notes.
func (in *inspector) body(doc *ast.Document) {
	in.ids = map[string]bool{index.OpeningSection: true}
	// Most blocks of a chapter are paragraphs of the text.
	if n := doc.ChildCount(); n > 0 {
		in.ch.Paragraphs = make([]index.Paragraph, 0, n)
	}
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		in.block(c, index.Body)
	}
}

func (in *inspector) block(n ast.Node, where index.Where) {
	switch n := n.(type) {
	case *ast.Heading:
		var title string
		if n.Level == 2 {
			title = plainText(n, in.p.src)
			id := in.uniqueID(index.Slug(title))
			n.SetAttributeString("id", []byte(id))
			in.ch.Sections = append(in.ch.Sections, index.Section{ID: id, Title: title})
		}
		if in.walkRefs(n, "", in.section()) {
			// Named by its words, not followed by the labels of its notes'
			// references and of the notes a page's script sets beside them.
			if n.Level != 2 {
				title = plainText(n, in.p.src)
			}
			n.SetAttributeString("aria-label", []byte(title))
		}
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

// uniqueID is id, or id with "-2", "-3" … when the chapter page already
// has it: a section before, an id of the page's templates, or one of the
// series the conversion numbers (see generatedID). An id in a series
// taken whole ("sn-…", a note set beside the text) stays taken whatever
// is added to it, so it gets "section-" before it instead. (After a
// hundred tries in each form it gives up, leaving a duplicate id, rather
// than loop for ever on a template that reserves every id there is.)
func (in *inspector) uniqueID(id string) string {
	taken := func(id string) bool { return in.ids[id] || generatedID(id) || in.taken != nil && in.taken(id) }
	for _, base := range [...]string{id, "section-" + id} {
		for i := 1; i <= 100; i++ {
			cand := base
			if i > 1 {
				cand = base + "-" + strconv.Itoa(i)
			}
			if !taken(cand) {
				in.ids[cand] = true
				return cand
			}
		}
	}
	return id
}

// generatedID reports whether id has the form of the ids a chapter's
// conversion gives: paragraphs p1, mentions m1, citations c1, notes n1 or
// n-star, editor's notes ed-…, note references r-… and the notes set
// beside the text sn-….
func generatedID(id string) bool {
	if len(id) < 2 {
		return false
	}
	switch id[0] {
	case 'p', 'm', 'c', 'n':
		if id[0] == 'n' && id[1] == '-' {
			return true
		}
		for i := 1; i < len(id); i++ {
			if id[i] < '0' || id[i] > '9' {
				return false
			}
		}
		return true
	}
	return strings.HasPrefix(id, "ed-") || strings.HasPrefix(id, "r-") || strings.HasPrefix(id, "sn-")
}

// paragraph numbers a paragraph of the text and collects what it holds.
func (in *inspector) paragraph(n ast.Node, where index.Where) {
	in.paraNum++
	id, _ := paraIDs.id(in.paraNum)
	if p, ok := n.(*ast.Paragraph); ok && !in.attrs {
		in.paras = append(in.paras, numbered{p, in.paraNum})
	} else {
		// The renderers of list items and tables write attributes.
		holder := n
		if _, ok := n.(*ast.TextBlock); ok && n.Parent() != nil && n.Parent().Kind() == ast.KindListItem {
			holder = n.Parent() // a tight list item: the id goes on the <li>
		}
		idb, num := paraIDs.values(in.paraNum)
		holder.SetAttributeString("id", idb)
		n.SetAttributeString(numberAttr, num)
	}
	in.ch.Paragraphs = append(in.ch.Paragraphs, index.Paragraph{ID: id, Number: in.paraNum, Section: in.section(), Where: where})
	in.paraTexts = append(in.paraTexts, in.collectAt(n, id, in.paraNum, where, in.section()))
}

// called records that paraID, in section sec, calls note r's note, if
// nothing called it before.
func (in *inspector) called(r *notes.Ref, paraID string, sec int) {
	if st := &in.notes[r.Note.Seq]; !st.called {
		st.called, st.para, st.section = true, paraID, sec
	}
}

// walkRefs records the paragraph that calls each note in n, and its
// section, where no text is collected (headings), and reports whether n
// calls any note.
func (in *inspector) walkRefs(n ast.Node, paraID string, sec int) (found bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if r, ok := c.(*notes.Ref); ok {
			in.called(r, paraID, sec)
			found = true
		}
		if in.walkRefs(c, paraID, sec) {
			found = true
		}
	}
	return found
}

// note collects the mentions and citations of a note. A note belongs to the
// section of the paragraph that calls it (or of the note that calls it).
// Its text is that of its blocks, one a line.
func (in *inspector) note(n *notes.Note) {
	st := &in.notes[n.Seq]
	st.text = part{len(in.text), len(in.text)}
	for c := n.Node.FirstChild(); c != nil; c = c.NextSibling() {
		if c != n.Node.FirstChild() {
			in.text = append(in.text, '\n')
		}
		st.text.end = in.collectAt(c, n.ID, 0, index.Note, st.section).end
	}
}

// collectAt gathers the plain text of n at the end of in.text, giving ids
// to its mentions and citations and recording them, and records the
// notes that n calls. It returns where the text is.
func (in *inspector) collectAt(n ast.Node, paraID string, num int, where index.Where, sec int) part {
	in.start, in.spans = len(in.text), in.spans[:0]
	in.floor = in.start
	in.paraID, in.where, in.sec = paraID, where, sec
	in.walk(n)
	for _, s := range in.spans {
		in.cuts = append(in.cuts, in.context(in.text, in.start, s.start, s.end))
		in.res.Occurrences = append(in.res.Occurrences, index.Occurrence{
			Target: index.Ref{Kind: s.m.Ref.Kind, Key: s.m.Ref.Key}, Section: sec,
			Paragraph: paraID, ParaNum: num, ID: s.m.ID, Where: where, Explicit: s.m.Explicit,
			Pos: in.pos(s.m.Pos()),
		})
	}
	return part{in.start, len(in.text)}
}

// finish gives the paragraphs, notes and occurrences their texts, out of
// one string.
func (in *inspector) finish() {
	text, ellipses := string(in.text), string(in.ellipses)
	in.all = text
	for i, t := range in.paraTexts {
		in.ch.Paragraphs[i].Text = text[t.start:t.end]
	}
	for i := range in.res.Occurrences {
		in.res.Occurrences[i].Snippet = in.cuts[i].snippet(text, ellipses)
	}
}

// walk appends the text of n's children to the passage.
func (in *inspector) walk(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			in.text = append(in.text, textValue(c, in.p.src)...)
			if c.SoftLineBreak() || c.HardLineBreak() {
				in.text = append(in.text, ' ')
			}
		case *ast.String:
			in.text = append(in.text, c.Value...)
		case *ast.CodeSpan:
			in.text = append(in.text, plainText(c, in.p.src)...)
		case *mention.Node:
			in.mentNum++
			c.ID, _ = mentionIDs.id(in.mentNum)
			start := len(in.text)
			in.walk(c)
			// A citation in the mention may have taken the spaces it
			// began with, and those before it.
			start = min(start, len(in.text))
			in.spans = append(in.spans, span{c, start, len(in.text)})
			in.floor = len(in.text)
		case *cite.Node:
			if c.InText {
				// A citation in the text is words of its sentence:
				// "as White House (2002) says".
				in.text = append(in.text, c.Items[0].InTextLabel()...)
				in.cite(c)
				break
			}
			// The citation is metadata, not text: drop it and the space
			// before it ("p. 5 [@x]; see" reads "p. 5; see"), but not a
			// space inside a mention's text, which its snippet holds.
			for len(in.text) > in.floor && in.text[len(in.text)-1] == ' ' {
				in.text = in.text[:len(in.text)-1]
			}
			in.cite(c)
		case *extast.TableCell:
			if c.PreviousSibling() != nil {
				in.text = append(in.text, " · "...) // cells read as one passage
			}
			in.walk(c)
		case *extast.TableRow, *extast.TableHeader:
			if len(in.text) > in.start {
				in.text = append(in.text, " / "...)
			}
			in.walk(c)
		case *notes.Ref:
			// The marker is not part of the text.
			in.called(c, in.paraID, in.sec)
		default:
			in.walk(c)
		}
	}
}

// idSeries is the ids of a series, a prefix and a number from 1: made
// once up to a chapter's usual counts, as one string and one byte slice
// that each id is a piece of, so that a chapter's paragraphs, mentions
// and citations take their ids without allocating each.
type idSeries struct {
	prefix string
	s      string
	b      []byte
	ends   []int // ends[n] is where id n ends; ends[0], where id 1 starts
	// The bytes of each id, and of its number, as attribute values: a
	// []byte put in an any is a new allocation each time.
	idValues, numValues []any
}

// cachedIDs is how many ids of each series are made in advance.
const cachedIDs = 2000

func newIDSeries(prefix string) *idSeries {
	ids := &idSeries{prefix: prefix, ends: make([]int, cachedIDs+1)}
	for n := 1; n <= cachedIDs; n++ {
		ids.b = strconv.AppendInt(append(ids.b, prefix...), int64(n), 10)
		ids.ends[n] = len(ids.b)
	}
	ids.s = string(ids.b)
	ids.idValues, ids.numValues = make([]any, cachedIDs+1), make([]any, cachedIDs+1)
	for n := 1; n <= cachedIDs; n++ {
		_, b := ids.id(n)
		ids.idValues[n], ids.numValues[n] = b, b[len(prefix):]
	}
	return ids
}

// values returns the bytes of id n and of its number as attribute values.
func (ids *idSeries) values(n int) (id, num any) {
	if n < 1 || n > cachedIDs {
		_, b := ids.id(n)
		return b, b[len(ids.prefix):]
	}
	return ids.idValues[n], ids.numValues[n]
}

var paraIDs, mentionIDs, citationIDs = newIDSeries("p"), newIDSeries("m"), newIDSeries("c")

// id returns id n of the series, as a string and as bytes that must not
// be written to.
func (ids *idSeries) id(n int) (string, []byte) {
	if n < 1 || n > cachedIDs {
		id := ids.prefix + strconv.Itoa(n)
		return id, []byte(id)
	}
	start, end := ids.ends[n-1], ids.ends[n]
	return ids.s[start:end], ids.b[start:end:end]
}

// cite gives citation c its id and records what it cites.
func (in *inspector) cite(c *cite.Node) {
	in.citeNum++
	c.ID, _ = citationIDs.id(in.citeNum)
	for _, it := range c.Items {
		if it.Href == "" {
			continue
		}
		cit := index.Citation{Source: it.Key, Locator: it.Locator, Prefix: it.Prefix, Suffix: it.Suffix,
			ID: c.ID, Section: in.sec, Pos: in.pos(c.Pos())}
		if in.where == index.Note {
			cit.Note = in.paraID
		} else {
			cit.Paragraph = in.paraID
		}
		in.res.Citations = append(in.res.Citations, cit)
	}
}

// textValue is the text of t as a reader sees it: Markdown's backslash
// escapes and character references resolved, as goldmark renders them,
// except in raw text (code).
func textValue(t *ast.Text, src []byte) []byte {
	v := t.Value(src)
	if t.IsRaw() || bytes.IndexByte(v, '&') < 0 && bytes.IndexByte(v, '\\') < 0 {
		return v
	}
	return util.UnescapePunctuations(util.ResolveNumericReferences(util.ResolveEntityNames(v)))
}

// snippetContext is how many characters of context a snippet keeps on each
// side of the match.
const snippetContext = 70

// ellipsis marks where a snippet's context is cut.
const ellipsis = words.Ellipsis

// ellipsisAfter is the ellipsis after a snippet's context cut short at
// after, followed in the text by next: set apart after a sentence's end
// when the cut falls between words ("the view. …"), as words.EllipsisAfter
// says, and against the text otherwise.
func ellipsisAfter[T string | []byte](after T, next byte) string {
	if next != ' ' {
		return ellipsis
	}
	return words.EllipsisAfter(after)
}

// context finds the context of text[start:end], in the passage that
// starts at text[from] and ends with text, that its snippet shows: at most
// snippetContext characters on each side, cut at a word boundary, as
// snippet does, but by byte offsets; the sides cut short are added, with
// their ellipses, to in.ellipses.
func (in *inspector) context(text []byte, from, start, end int) cut {
	c := cut{from: start, start: start, end: end, to: end}
	// Where the side is ASCII, as it mostly is, the loops below would
	// step a byte at a time to the end of the side or of the passage.
	if lo := max(from, start-snippetContext); ascii(text[lo:start]) {
		c.from = lo
	} else {
		for k := 0; k < snippetContext && c.from > from; k++ {
			if text[c.from-1] < utf8.RuneSelf {
				c.from--
				continue
			}
			r, size := utf8.DecodeLastRune(text[from:c.from])
			if r == utf8.RuneError && size == 1 {
				return slowContext(text, from, start, end)
			}
			c.from -= size
		}
	}
	if c.cutBefore = c.from > from; c.cutBefore {
		if i := bytes.IndexByte(text[c.from:start], ' '); i >= 0 && i < start-c.from-1 {
			c.from += i + 1
		}
		c.before.start = len(in.ellipses)
		in.ellipses = append(append(in.ellipses, words.EllipsisBefore(text[from:c.from])...), text[c.from:start]...)
		c.before.end = len(in.ellipses)
	}
	if hi := min(len(text), end+snippetContext); ascii(text[end:hi]) {
		c.to = hi
	} else {
		for k := 0; k < snippetContext && c.to < len(text); k++ {
			if text[c.to] < utf8.RuneSelf {
				c.to++
				continue
			}
			r, size := utf8.DecodeRune(text[c.to:])
			if r == utf8.RuneError && size == 1 {
				return slowContext(text, from, start, end)
			}
			c.to += size
		}
	}
	if c.cutAfter = c.to < len(text); c.cutAfter {
		if i := bytes.LastIndexByte(text[end:c.to], ' '); i > 0 {
			c.to = end + i
		}
		c.after.start = len(in.ellipses)
		in.ellipses = append(append(in.ellipses, text[end:c.to]...), ellipsisAfter(text[end:c.to], text[c.to])...)
		c.after.end = len(in.ellipses)
	}
	return c
}

// snippet is the snippet of c, whose offsets are in text and ellipses.
func (c *cut) snippet(text, ellipses string) index.Snippet {
	if c.slow != nil {
		return *c.slow
	}
	sn := index.Snippet{Before: text[c.from:c.start], Match: text[c.start:c.end], After: text[c.end:c.to]}
	if c.cutBefore {
		sn.Before = ellipses[c.before.start:c.before.end]
	}
	if c.cutAfter {
		sn.After = ellipses[c.after.start:c.after.end]
	}
	return sn
}

// slowContext is the context of a match near text that is not valid
// UTF-8, where the characters of snippet are not those that utf8 decodes
// backwards.
func slowContext(text []byte, from, start, end int) cut {
	s := snippet(string(text[from:]), start-from, end-from)
	return cut{slow: &s}
}

// snippet cuts text around [start, end) at word boundaries: at most
// snippetContext runes, as a []rune conversion counts them, on each side.
// It is the definition that inspector.context computes faster.
func snippet(text string, start, end int) index.Snippet {
	before := text[:start]
	if utf8.RuneCountInString(before) > snippetContext {
		r := []rune(before)
		all := string(r) // as before, but with each invalid byte made U+FFFD
		before = string(r[len(r)-snippetContext:])
		if i := strings.IndexByte(before, ' '); i >= 0 && i < len(before)-1 {
			before = before[i+1:]
		}
		before = words.EllipsisBefore(all[:len(all)-len(before)]) + before
	}
	after := text[end:]
	if utf8.RuneCountInString(after) > snippetContext {
		r := []rune(after)
		all := string(r) // as after, but with each invalid byte made U+FFFD
		after = string(r[:snippetContext])
		if i := strings.LastIndexByte(after, ' '); i > 0 {
			after = after[:i]
		}
		after += ellipsisAfter(after, all[len(after)])
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
		case *cite.Node:
			if c.InText {
				b.WriteString(c.Items[0].InTextLabel())
			}
			return ast.WalkSkipChildren, nil
		case *notes.Ref:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// ascii reports whether b is all ASCII, reading it eight bytes at a time.
func ascii(b []byte) bool {
	var high uint64
	i := 0
	for ; i+8 <= len(b); i += 8 {
		high |= binary.LittleEndian.Uint64(b[i:])
	}
	for _, c := range b[i:] {
		high |= uint64(c)
	}
	return high&0x8080808080808080 == 0
}

// runeCount is utf8.RuneCount(b), counting the ASCII it begins with eight
// bytes at a time.
func runeCount(b []byte) int {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		if binary.LittleEndian.Uint64(b[i:])&0x8080808080808080 != 0 {
			break
		}
	}
	return i + utf8.RuneCount(b[i:])
}
