package cite

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"edition/generator/markup/internal/htmlw"
)

// Renderer writes citations as links to their sources.
type Renderer struct{}

var _ renderer.NodeRenderer = (*Renderer)(nil)

// RegisterFuncs implements renderer.NodeRenderer.
func (r *Renderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(Kind, r.render)
}

func (r *Renderer) render(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	c := n.(*Node)
	if c.InText {
		r.renderInText(w, c)
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<span class="citation"`)
	if c.ID != "" {
		_, _ = w.WriteString(` id="`)
		htmlw.WriteEscaped(w, c.ID)
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	// Inside a link's text, [see [@a]](url), write labels as text.
	linked := InLink(n)
	for i, it := range c.Items {
		if i > 0 {
			_, _ = w.WriteString("; ")
		}
		it.Label = it.ShownLabel()
		if it.Prefix != "" {
			htmlw.WriteEscaped(w, it.Prefix)
			_ = w.WriteByte(' ')
		}
		switch {
		case it.Href == "":
			_, _ = w.WriteString(`<span class="unresolved">@`)
			htmlw.WriteEscaped(w, it.Key)
			_, _ = w.WriteString(`</span>`)
		case linked:
			htmlw.WriteEscaped(w, it.Label)
		default:
			_, _ = w.WriteString(`<a class="cite" href="`)
			writeLink(w, &it)
			htmlw.WriteEscaped(w, it.Label)
			_, _ = w.WriteString(`</a>`)
		}
		if it.Locator != "" {
			_, _ = w.WriteString(", ")
			htmlw.WriteEscaped(w, it.Locator)
		}
		if it.Suffix != "" {
			_ = w.WriteByte(' ')
			htmlw.WriteEscaped(w, it.Suffix)
		}
	}
	_, _ = w.WriteString(`</span>`)
	return ast.WalkContinue, nil
}

// renderInText writes a citation in the text as words of its sentence
// that link to the source, "White House (2002, p. 33)": one link, with the
// citation's id, and no span around it (the stylesheet sets bracketed
// citations apart, and hides them in the bare text, which this one is
// part of).
func (r *Renderer) renderInText(w util.BufWriter, c *Node) {
	it := &c.Items[0]
	if it.Href == "" || InLink(c) {
		htmlw.WriteEscaped(w, it.InTextLabel())
		return
	}
	_, _ = w.WriteString(`<a class="cite in-text"`)
	if c.ID != "" {
		_, _ = w.WriteString(` id="`)
		htmlw.WriteEscaped(w, c.ID)
		_ = w.WriteByte('"')
	}
	_, _ = w.WriteString(` href="`)
	writeLink(w, it)
	htmlw.WriteEscaped(w, it.InTextLabel())
	_, _ = w.WriteString(`</a>`)
}

// writeLink writes an item's href, the rest of the link's attributes, and
// the ">" that closes its start tag.
func writeLink(w util.BufWriter, it *Item) {
	if htmlw.PlainURL(it.Href) {
		_, _ = w.WriteString(it.Href)
	} else {
		_, _ = w.Write(util.EscapeHTML(util.URLEscape([]byte(it.Href), false)))
	}
	_, _ = w.WriteString(`" data-ref="source:`)
	htmlw.WriteEscaped(w, it.Key)
	_, _ = w.WriteString(`">`)
}
