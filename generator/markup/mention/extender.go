package mention

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Extension adds mentions to a goldmark.Markdown. Its zero value is ready
// to use; documents opt in by carrying Options in their parser context.
type Extension struct{}

var _ goldmark.Extender = (*Extension)(nil)

// TransformerPriority runs the transformer after goldmark has parsed every
// link (links are inline, so done before any transformer) and before a
// footnote transformer (goldmark's at 999, the notes extension's at 1000)
// drops unreferenced notes, so that the words of every note are matched.
const TransformerPriority = 500

// Extend implements goldmark.Extender.
func (e *Extension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(
		util.Prioritized(&Transformer{}, TransformerPriority),
	))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(&Renderer{}, 500),
	))
}
