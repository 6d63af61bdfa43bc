package mention

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"edition/generator/markup/internal/htmlw"
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
	htmlw.WriteEscaped(w, m.Ref.Kind)
	_, _ = w.WriteString(`" href="`)
	if htmlw.PlainURL(m.Ref.Href) {
		_, _ = w.WriteString(m.Ref.Href)
	} else {
		_, _ = w.Write(util.EscapeHTML(util.URLEscape([]byte(m.Ref.Href), false)))
	}
	_ = w.WriteByte('"')
	if m.ID != "" {
		_, _ = w.WriteString(` id="`)
		htmlw.WriteEscaped(w, m.ID)
		_ = w.WriteByte('"')
	}
	_, _ = w.WriteString(` data-ref="`)
	htmlw.WriteEscaped(w, m.Ref.Kind)
	_ = w.WriteByte(':')
	htmlw.WriteEscaped(w, m.Ref.Key)
	_, _ = w.WriteString(`">`)
	return ast.WalkContinue, nil
}
