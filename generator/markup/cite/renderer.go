package cite

import (
	"strings"

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
	_, _ = w.WriteString(`<span class="citation"`)
	if c.ID != "" {
		_, _ = w.WriteString(` id="`)
		htmlw.WriteEscaped(w, c.ID)
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	// Inside a link's text, [see [@a]](url), a link to the source would
	// nest one <a> in another, which HTML forbids: write labels as text.
	inLink := false
	for p := n.Parent(); p != nil; p = p.Parent() {
		if _, ok := p.(*ast.Link); ok {
			inLink = true
			break
		}
	}
	for i, it := range c.Items {
		if i > 0 {
			_, _ = w.WriteString("; ")
		}
		if it.SuppressAuthor {
			it.Label = yearOf(it.Label)
		}
		if it.Prefix != "" {
			htmlw.WriteEscaped(w, it.Prefix)
			_ = w.WriteByte(' ')
		}
		switch {
		case it.Href == "":
			_, _ = w.WriteString(`<span class="unresolved">@`)
			htmlw.WriteEscaped(w, it.Key)
			_, _ = w.WriteString(`</span>`)
		case inLink:
			htmlw.WriteEscaped(w, it.Label)
		default:
			_, _ = w.WriteString(`<a class="cite" href="`)
			if htmlw.PlainURL(it.Href) {
				_, _ = w.WriteString(it.Href)
			} else {
				_, _ = w.Write(util.EscapeHTML(util.URLEscape([]byte(it.Href), false)))
			}
			_, _ = w.WriteString(`" data-ref="source:`)
			htmlw.WriteEscaped(w, it.Key)
			_, _ = w.WriteString(`">`)
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

// yearOf is what a citation with its author suppressed ([-@key]) shows of
// an author-date label: the date, "2002a" of "Bush 2002a".
func yearOf(label string) string {
	if i := strings.LastIndexByte(label, ' '); i >= 0 {
		return label[i+1:]
	}
	return label
}
