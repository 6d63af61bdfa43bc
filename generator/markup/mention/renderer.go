package mention

import (
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
	_, _ = w.Write(util.EscapeHTML([]byte(m.Ref.Kind)))
	_, _ = w.WriteString(`" href="`)
	_, _ = w.Write(util.EscapeHTML(util.URLEscape([]byte(m.Ref.Href), false)))
	_ = w.WriteByte('"')
	if m.ID != "" {
		_, _ = w.WriteString(` id="`)
		_, _ = w.Write(util.EscapeHTML([]byte(m.ID)))
		_ = w.WriteByte('"')
	}
	_, _ = w.WriteString(` data-ref="`)
	_, _ = w.Write(util.EscapeHTML([]byte(m.Ref.Kind + ":" + m.Ref.Key)))
	_, _ = w.WriteString(`">`)
	return ast.WalkContinue, nil
}
