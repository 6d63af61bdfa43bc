package notes

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
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
		parser.WithBlockParsers(util.Prioritized(extension.NewFootnoteBlockParser(), 999)),
		parser.WithInlineParsers(util.Prioritized(extension.NewFootnoteParser(), 101)),
		parser.WithASTTransformers(
			util.Prioritized(&Checker{}, CheckerPriority),
			util.Prioritized(&e.Numberer, NumbererPriority),
		),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&Renderer{}, RendererPriority)))
}
