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
			renderer.WithNodeRenderers(util.Prioritized(&paragraphRenderer{}, ParagraphRenderer)),
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

// numberAttr holds a paragraph's number, set by the inspection.
const numberAttr = "data-n"

func (r *paragraphRenderer) render(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString("<p")
		if id, ok := n.AttributeString("id"); ok {
			_, _ = w.WriteString(` id="`)
			_, _ = w.Write(util.EscapeHTML(id.([]byte)))
			_ = w.WriteByte('"')
		}
		_ = w.WriteByte('>')
		return ast.WalkContinue, nil
	}
	if id, ok := n.AttributeString("id"); ok {
		num, _ := n.AttributeString(numberAttr)
		_, _ = w.WriteString(` <a class="pnum" href="#`)
		_, _ = w.Write(util.EscapeHTML(id.([]byte)))
		_, _ = w.WriteString(`" aria-label="Paragraph `)
		_, _ = w.Write(num.([]byte))
		_, _ = w.WriteString(`, permalink">`)
		_, _ = w.Write(num.([]byte))
		_, _ = w.WriteString(`</a>`)
	}
	_, _ = w.WriteString("</p>\n")
	return ast.WalkContinue, nil
}
