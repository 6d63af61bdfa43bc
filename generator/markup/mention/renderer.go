package mention

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Renderer writes a mention as a link to its entry:
//
//	<a class="mention concept" href="../concepts/preemption.html" id="m3" data-ref="concept:preemption">…</a>
type Renderer struct{}

var _ renderer.NodeRenderer = (*Renderer)(nil)

// RegisterFuncs implements renderer.NodeRenderer.
func (r *Renderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(Kind, r.renderMention)
	reg.Register(PlainKind, func(util.BufWriter, []byte, ast.Node, bool) (ast.WalkStatus, error) {
		return ast.WalkContinue, nil
	})
}

func (r *Renderer) renderMention(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	m := n.(*Node)
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a class="mention `)
	writeEscaped(w, m.Ref.Kind)
	_, _ = w.WriteString(`" href="`)
	if plainURL(m.Ref.Href) {
		_, _ = w.WriteString(m.Ref.Href)
	} else {
		_, _ = w.Write(util.EscapeHTML(util.URLEscape([]byte(m.Ref.Href), false)))
	}
	_ = w.WriteByte('"')
	if m.ID != "" {
		_, _ = w.WriteString(` id="`)
		writeEscaped(w, m.ID)
		_ = w.WriteByte('"')
	}
	_, _ = w.WriteString(` data-ref="`)
	writeEscaped(w, m.Ref.Kind)
	_ = w.WriteByte(':')
	writeEscaped(w, m.Ref.Key)
	_, _ = w.WriteString(`">`)
	return ast.WalkContinue, nil
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
// entries' pages do.
func plainURL(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~/", c) >= 0) {
			return false
		}
	}
	return true
}
