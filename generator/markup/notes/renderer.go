package notes

import (
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"edition/generator/markup/internal/htmlw"
)

// Renderer writes note references, and a note's body without any wrapper:
// the page template decides where notes go and how they are marked up.
//
//	<a class="noteref author" id="r-n4" href="#n4" role="doc-noteref" aria-label="Note 4">4</a>
type Renderer struct{}

var _ renderer.NodeRenderer = (*Renderer)(nil)

// RegisterFuncs implements renderer.NodeRenderer.
func (r *Renderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(RefKind, r.renderRef)
	children := func(util.BufWriter, []byte, ast.Node, bool) (ast.WalkStatus, error) { return ast.WalkContinue, nil }
	reg.Register(extast.KindFootnote, children)
	reg.Register(extast.KindFootnoteList, children)
	skip := func(util.BufWriter, []byte, ast.Node, bool) (ast.WalkStatus, error) { return ast.WalkSkipChildren, nil }
	reg.Register(extast.KindFootnoteBacklink, skip)
	reg.Register(extast.KindFootnoteLink, skip)
}

// Label is how a screen reader announces a reference to n.
func Label(n *Note) string {
	switch n.Series {
	case Editor:
		return "Editor’s note " + n.Marker
	case Unnumbered:
		return "Unnumbered note"
	}
	return "Note " + n.Marker
}

func (r *Renderer) renderRef(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	ref := node.(*Ref)
	n := ref.Note
	_, _ = w.WriteString(`<a class="noteref `)
	_, _ = w.WriteString(n.Series.String())
	_, _ = w.WriteString(`" id="`)
	htmlw.WriteEscaped(w, ref.ID)
	_, _ = w.WriteString(`" href="#`)
	htmlw.WriteEscaped(w, n.ID)
	_, _ = w.WriteString(`" role="doc-noteref" aria-label="`)
	// Label(n), written in pieces.
	switch n.Series {
	case Editor:
		_, _ = w.WriteString("Editor’s note ")
		htmlw.WriteEscaped(w, n.Marker)
	case Unnumbered:
		_, _ = w.WriteString("Unnumbered note")
	default:
		_, _ = w.WriteString("Note ")
		htmlw.WriteEscaped(w, n.Marker)
	}
	_, _ = w.WriteString(`">`)
	htmlw.WriteEscaped(w, n.Marker)
	_, _ = w.WriteString(`</a>`)
	return ast.WalkSkipChildren, nil
}
