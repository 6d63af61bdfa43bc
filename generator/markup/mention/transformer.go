package mention

import (
	"errors"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Transformer turns explicit entry links into mentions and finds aliases in
// the remaining text.
type Transformer struct{}

var _ parser.ASTTransformer = (*Transformer)(nil)

// Transform implements parser.ASTTransformer.
func (t *Transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	o := optionsFrom(pc)
	if o == nil || o.Resolver == nil {
		return
	}
	w := walker{o: o, src: reader.Source()}
	// One walk matches aliases in the text and collects the explicit
	// links, which are replaced after it: a replaced link has no next
	// sibling, so replacing during the walk would end it for the rest of
	// the parent. Matching never looks into links, nor into what replaces
	// them, so it does not matter that they are replaced after.
	w.scan(doc, o.Matcher != nil)
	for _, l := range w.links {
		w.explicit(l)
	}
	o.Mentions = w.made
}

type walker struct {
	o       *Options
	src     []byte
	links   []*ast.Link
	made    int // mentions made
	matches []Match
	buf     []byte
	pieces  []piece
	covered []*ast.Text
	texts   []ast.Text // allocated a run at a time, handed out one by one
	nodes   []Node
}

func (w *walker) report(offset int, err error) {
	if w.o.Report != nil {
		w.o.Report(offset, err)
	}
}

// newText returns a new Text node of seg.
func (w *walker) newText(seg text.Segment) *ast.Text {
	if len(w.texts) == 0 {
		w.texts = make([]ast.Text, 32)
	}
	t := &w.texts[0]
	w.texts = w.texts[1:]
	t.Segment = seg
	return t
}

// newNode returns a new mention.
func (w *walker) newNode() *Node {
	if len(w.nodes) == 0 {
		w.nodes = make([]Node, 16)
	}
	n := &w.nodes[0]
	w.nodes = w.nodes[1:]
	w.made++
	return n
}

// explicit replaces a link to scheme:key with a mention or plain text.
func (w *walker) explicit(l *ast.Link) {
	dest := string(l.Destination)
	scheme, key, ok := strings.Cut(dest, ":")
	if !ok || strings.ContainsAny(scheme, "/?#") {
		return
	}
	var repl ast.Node
	if scheme == "none" {
		repl = &Plain{}
	} else {
		id, err := w.o.Resolver.Lookup(scheme, key)
		if errors.Is(err, ErrNotMine) {
			return
		}
		if err != nil {
			w.report(l.Pos(), err)
			repl = &Plain{}
		} else {
			n := w.newNode()
			n.Target, n.Ref, n.Explicit = id, w.o.Resolver.Target(id), true
			repl = n
		}
	}
	repl.(interface{ SetPos(int) }).SetPos(l.Pos())
	for c := l.FirstChild(); c != nil; {
		next := c.NextSibling()
		repl.AppendChild(repl, c)
		c = next
	}
	l.Parent().ReplaceChild(l.Parent(), l, repl)
}

// scan collects the links under n and, if match, finds aliases in the
// inline content of every block but headings and code.
func (w *walker) scan(n ast.Node, match bool) {
	switch n.Kind() {
	case ast.KindLink:
		w.links = append(w.links, n.(*ast.Link))
		match = false
	case ast.KindHeading, ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock,
		ast.KindAutoLink, ast.KindImage, ast.KindCodeSpan, ast.KindRawHTML, Kind, PlainKind:
		match = false
	case ast.KindText:
		return
	}
	if !match {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			w.scan(c, false)
		}
		return
	}
	// Scan runs of adjacent Text children; recurse into everything else.
	for c := n.FirstChild(); c != nil; {
		if _, ok := c.(*ast.Text); !ok {
			next := c.NextSibling()
			w.scan(c, true)
			c = next
			continue
		}
		first := c
		for c != nil {
			if _, ok := c.(*ast.Text); !ok {
				break
			}
			c = c.NextSibling()
		}
		w.matchRun(n, first, c)
	}
}

// piece is a Text node's place in a run's joined text.
type piece struct {
	node       *ast.Text
	start, end int // in the joined text
}

// matchRun matches the Text siblings from first up to (not including) stop.
func (w *walker) matchRun(parent, first, stop ast.Node) {
	w.buf = w.buf[:0]
	w.pieces = w.pieces[:0]
	for c := first; c != stop; c = c.NextSibling() {
		t := c.(*ast.Text)
		start := len(w.buf)
		w.buf = append(w.buf, t.Value(w.src)...)
		w.pieces = append(w.pieces, piece{t, start, len(w.buf)})
		if t.SoftLineBreak() || t.HardLineBreak() {
			w.buf = append(w.buf, '\n')
		}
	}
	w.matches = w.o.Matcher.Find(w.matches[:0], w.buf)
	// Apply from the last match back, so that earlier offsets stay valid.
	for i := len(w.matches) - 1; i >= 0; i-- {
		m := w.matches[i]
		w.wrap(parent, w.pieces, m)
	}
}

// wrap puts the text of match m, which may span several pieces, into a new
// mention node.
func (w *walker) wrap(parent ast.Node, pieces []piece, m Match) {
	covered := w.covered[:0]
	var insertBefore ast.Node
	for i := range pieces {
		p := &pieces[i]
		if p.end <= m.Start || p.start >= m.End {
			continue
		}
		// Split p.node into [before][inside][after] pieces of the segment.
		seg := p.node.Segment
		lo := max(m.Start, p.start) - p.start
		hi := min(m.End, p.end) - p.start
		node := p.node
		if hi < seg.Len() {
			after := w.newText(text.NewSegment(seg.Start+hi, seg.Stop))
			after.SetSoftLineBreak(node.SoftLineBreak())
			after.SetHardLineBreak(node.HardLineBreak())
			after.SetRaw(node.IsRaw())
			node.SetSoftLineBreak(false)
			node.SetHardLineBreak(false)
			parent.InsertAfter(parent, node, after)
			node.Segment = text.NewSegment(seg.Start, seg.Start+hi)
			// The later part is matched no more; keep pieces consistent for
			// earlier matches, which only ever look at text before it.
			p.end = p.start + hi
		}
		if lo > 0 {
			before := w.newText(text.NewSegment(seg.Start, seg.Start+lo))
			before.SetRaw(node.IsRaw())
			parent.InsertBefore(parent, node, before)
			node.Segment = text.NewSegment(seg.Start+lo, node.Segment.Stop)
			// The match consumed this piece from lo on; what is left for
			// earlier matches is the new "before" node.
			p.node = before
			p.end = p.start + lo
			covered = append(covered, node)
		} else {
			covered = append(covered, node)
			p.end = p.start // fully consumed
		}
		if insertBefore == nil {
			insertBefore = node
		}
	}
	w.covered = covered
	if len(covered) == 0 {
		return
	}
	mention := w.newNode()
	mention.Target, mention.Ref = m.Target, w.o.Resolver.Target(m.Target)
	mention.SetPos(covered[0].Segment.Start)
	parent.InsertBefore(parent, insertBefore, mention)
	for _, c := range covered {
		mention.AppendChild(mention, c) // AppendChild detaches c from parent
	}
	// A soft line break at the end of the mention's last word belongs after
	// the mention, not inside the link.
	if last := covered[len(covered)-1]; last.SoftLineBreak() || last.HardLineBreak() {
		nl := w.newText(text.NewSegment(last.Segment.Stop, last.Segment.Stop))
		nl.SetSoftLineBreak(last.SoftLineBreak())
		nl.SetHardLineBreak(last.HardLineBreak())
		last.SetSoftLineBreak(false)
		last.SetHardLineBreak(false)
		parent.InsertAfter(parent, mention, nl)
	}
}
