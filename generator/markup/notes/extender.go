package notes

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Priorities of the pieces, where goldmark's own footnote transformer
// (999, not registered: the Numberer does its work) would be.
const (
	// CheckerPriority sees the notes before any is dropped.
	CheckerPriority = 998
	// NumbererPriority drops and numbers the notes.
	NumbererPriority = 1000
	// RendererPriority wins the footnote node kinds from goldmark's
	// footnote renderer, which is not registered anyway.
	RendererPriority = 400
)

// Extension adds footnotes in series to a goldmark.Markdown. Its zero value
// is ready to use.
type Extension struct {
	Numberer Numberer
}

var _ goldmark.Extender = (*Extension)(nil)

// Extend implements goldmark.Extender. It registers goldmark's footnote
// parsers, not its transformer or renderer.
func (e *Extension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(&blockParser{extension.NewFootnoteBlockParser()}, 999)),
		parser.WithInlineParsers(util.Prioritized(extension.NewFootnoteParser(), 101)),
		parser.WithASTTransformers(
			util.Prioritized(&Checker{}, CheckerPriority),
			util.Prioritized(&e.Numberer, NumbererPriority),
		),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&Renderer{}, RendererPriority)))
}

// blockParser is goldmark's footnote definition parser, which keeps the
// list of definitions it makes in the parser context, where the Numberer
// finds it.
type blockParser struct{ parser.BlockParser }

// defsKey holds the list of definitions.
var defsKey = parser.NewContextKey()

// Close implements parser.BlockParser: goldmark moves each definition into
// its list as it closes it.
func (b *blockParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	b.BlockParser.Close(node, reader, pc)
	if l, ok := node.Parent().(*extast.FootnoteList); ok {
		pc.Set(defsKey, l)
	}
}
