package mention

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"edition/generator/markup/internal/htmlw"
)

// KindClassPrefix begins the class of a mention's kind: a mention of a
// concept has the classes "mention kind-concept", so that a kind key from
// the content never takes a class of the stylesheet (render.KindClassPrefix,
// the same for the other links to entries).
const KindClassPrefix = "kind-"

// Renderer writes a mention as a link to its entry:
//
//	<a class="mention kind-concept" href="../concepts/preemption.html" id="m3" data-ref="concept:preemption">…</a>
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
	if t := m.Ref.Tag; t != nil {
		_, _ = w.WriteString(t.open)
		writeID(w, m.ID)
		_, _ = w.WriteString(t.close)
		return ast.WalkContinue, nil
	}
	writeOpen(w, m.Ref)
	writeID(w, m.ID)
	writeClose(w, m.Ref)
	return ast.WalkContinue, nil
}

// writeOpen writes the start of a mention's start tag, up to its id.
func writeOpen(w util.BufWriter, t Target) {
	_, _ = w.WriteString(`<a class="mention ` + KindClassPrefix)
	htmlw.WriteEscaped(w, t.Kind)
	_, _ = w.WriteString(`" href="`)
	if htmlw.PlainURL(t.Href) {
		_, _ = w.WriteString(t.Href)
	} else {
		_, _ = w.Write(util.EscapeHTML(util.URLEscape([]byte(t.Href), false)))
	}
	_ = w.WriteByte('"')
}

// writeID writes a mention's id attribute, if it has an id.
func writeID(w util.BufWriter, id string) {
	if id != "" {
		_, _ = w.WriteString(` id="`)
		htmlw.WriteEscaped(w, id)
		_ = w.WriteByte('"')
	}
}

// writeClose writes the rest of a mention's start tag, after its id.
func writeClose(w util.BufWriter, t Target) {
	_, _ = w.WriteString(` data-ref="`)
	htmlw.WriteEscaped(w, t.Kind)
	_ = w.WriteByte(':')
	htmlw.WriteEscaped(w, t.Key)
	_, _ = w.WriteString(`">`)
}

// Tag is the start tag of a mention of a target, but its id, made once
// for every mention of the target by MakeTag.
type Tag struct{ open, close string }

// MakeTag returns the start tag that the renderer writes for a mention of
// t, but its id. A resolver that makes it once for each target, and
// gives it in the target's Tag, saves the renderer writing it piece by
// piece, escaping each, for every mention.
func MakeTag(t Target) Tag {
	b := htmlw.Buffer{B: make([]byte, 0, 64+2*len(t.Kind)+len(t.Key)+len(t.Href))}
	writeOpen(&b, t)
	open := len(b.B)
	writeClose(&b, t)
	s := string(b.B)
	return Tag{open: s[:open], close: s[open:]}
}
