package markup

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"edition/generator/markup/cite"
	"edition/generator/markup/highlight"
	"edition/generator/markup/mention"
	"edition/generator/markup/notes"
)

// Markdown is the program's Markdown processor. Build it once with New and
// share it: it is safe for concurrent use, since every document carries its
// own state in its parser context.
type Markdown struct {
	md goldmark.Markdown
	// attrs has Chapter number paragraphs by attributes, as it did before
	// numbering: for tests to compare the two.
	attrs bool
}

// New builds the goldmark instance. Raw HTML in content is not rendered
// (goldmark writes a comment in its place), so content cannot inject markup.
func New() *Markdown {
	md := goldmark.New(
		goldmark.WithExtensions(
			extension.Table,
			extension.Strikethrough,
			&cite.Extension{},
			&mention.Extension{},
			&notes.Extension{},
			&highlight.Extension{},
		),
		goldmark.WithRendererOptions(
			html.WithXHTML(),
			html.WithWriter(textWriter{}),
			renderer.WithNodeRenderers(
				util.Prioritized(&paragraphRenderer{}, ParagraphRenderer),
				util.Prioritized(&headingRenderer{}, HeadingRenderer),
			),
		),
	)
	return &Markdown{md: md}
}

// paragraphRenderer writes a paragraph with its id and, when it has one, a
// permalink showing its number.
type paragraphRenderer struct{}

func (r *paragraphRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindParagraph, r.render)
}

// numberAttr holds a paragraph's number, set by the inspection where the
// paragraph is not a numbered one (see numbering).
const numberAttr = "data-n"

func (r *paragraphRenderer) render(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	var k int // the paragraph's number, if it is the next numbered one
	if b, ok := w.(*htmlBuffer); ok {
		k = b.numbers.at(n)
	}
	if entering {
		_, _ = w.WriteString("<p")
		if k > 0 {
			_, id := paraIDs.id(k) // as plain as util.EscapeHTML leaves it
			_, _ = w.WriteString(` id="`)
			_, _ = w.Write(id)
			_ = w.WriteByte('"')
		} else if id, ok := n.AttributeString("id"); ok {
			_, _ = w.WriteString(` id="`)
			_, _ = w.Write(util.EscapeHTML(id.([]byte)))
			_ = w.WriteByte('"')
		}
		_ = w.WriteByte('>')
		return ast.WalkContinue, nil
	}
	var id, num []byte
	if k > 0 {
		_, id = paraIDs.id(k)
		num = id[len(paraIDs.prefix):]
		w.(*htmlBuffer).numbers.next++
	} else if v, ok := n.AttributeString("id"); ok {
		id = util.EscapeHTML(v.([]byte))
		v, _ := n.AttributeString(numberAttr)
		num = v.([]byte)
	}
	if id != nil {
		_, _ = w.WriteString(` <a class="pnum" href="#`)
		_, _ = w.Write(id)
		_, _ = w.WriteString(`" aria-label="Paragraph `)
		_, _ = w.Write(num)
		_, _ = w.WriteString(`, permalink">`)
		_, _ = w.Write(num)
		_, _ = w.WriteString(`</a>`)
	}
	_, _ = w.WriteString("</p>\n")
	return ast.WalkContinue, nil
}

// headingRenderer writes a heading as goldmark's renderer does, but lets
// its aria-label through: the inspection names a heading that calls a note
// by its own words (see inspector.block), which goldmark's filter of
// heading attributes would drop.
type headingRenderer struct{}

var headingAttrs = html.HeadingAttributeFilter.ExtendString("aria-label")

func (r *headingRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHeading, r.render)
}

func (r *headingRenderer) render(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	level := byte('0' + n.(*ast.Heading).Level)
	if entering {
		_, _ = w.WriteString("<h")
		_ = w.WriteByte(level)
		if n.Attributes() != nil {
			html.RenderAttributes(w, n, headingAttrs)
		}
		_ = w.WriteByte('>')
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("</h")
	_ = w.WriteByte(level)
	_, _ = w.WriteString(">\n")
	return ast.WalkContinue, nil
}

// numbered is a paragraph of a chapter's text and its number.
type numbered struct {
	node *ast.Paragraph
	num  int
}

// numbering is a chapter's numbered paragraphs, in the order of the
// document, in which the inspection numbers them and the renderer and the
// TEI writer come to them: each takes the paragraph at next when it comes
// to it, and moves on. Their ids and numbers are not attributes of their
// nodes, since goldmark gives a node its first attribute in a slice of
// room for ten (400 bytes a paragraph).
type numbering struct {
	paras []numbered
	next  int
}

// at returns the number of paragraph n if it is the next one, else 0.
func (s *numbering) at(n ast.Node) int {
	if s.next < len(s.paras) && s.paras[s.next].node == n {
		return s.paras[s.next].num
	}
	return 0
}
