package cite

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Extension adds citations to a goldmark.Markdown. Its zero value is ready
// to use.
type Extension struct{}

var _ goldmark.Extender = (*Extension)(nil)

// ParserPriority runs the citation parser before goldmark's link parser
// (200), which would otherwise take [@key] as a link label and leave it as
// text. The footnote parser (101) only takes "[^", so their order does not
// matter.
const ParserPriority = 150

// Extend implements goldmark.Extender.
func (e *Extension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(&Parser{}, ParserPriority)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&Renderer{}, 500)))
}
