package cite

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
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
		writeEscaped(w, c.ID)
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
			writeEscaped(w, it.Prefix)
			_ = w.WriteByte(' ')
		}
		switch {
		case it.Href == "":
			_, _ = w.WriteString(`<span class="unresolved">@`)
			writeEscaped(w, it.Key)
			_, _ = w.WriteString(`</span>`)
		case inLink:
			writeEscaped(w, it.Label)
		default:
			_, _ = w.WriteString(`<a class="cite" href="`)
			if plainURL(it.Href) {
				_, _ = w.WriteString(it.Href)
			} else {
				_, _ = w.Write(util.EscapeHTML(util.URLEscape([]byte(it.Href), false)))
			}
			_, _ = w.WriteString(`" data-ref="source:`)
			writeEscaped(w, it.Key)
			_, _ = w.WriteString(`">`)
			writeEscaped(w, it.Label)
			_, _ = w.WriteString(`</a>`)
		}
		if it.Locator != "" {
			_, _ = w.WriteString(", ")
			writeEscaped(w, it.Locator)
		}
		if it.Suffix != "" {
			_ = w.WriteByte(' ')
			writeEscaped(w, it.Suffix)
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

// writeEscaped writes s escaped as util.EscapeHTML escapes it, copying it
// only when there is something to escape.
func writeEscaped(w util.BufWriter, s string) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case 0, '"', '&', '<', '>':
			_, _ = w.Write(util.EscapeHTML([]byte(s)))
			return
		}
	}
	_, _ = w.WriteString(s)
}

// plainURL reports whether util.URLEscape and util.EscapeHTML leave s as
// it is: it holds only letters, digits and "-._~/", as the paths of
// sources' pages do.
func plainURL(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~/", c) >= 0) {
			return false
		}
	}
	return true
}
