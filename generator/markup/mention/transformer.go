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
	if o.store == nil {
		o.store = stores.Get().(*store)
	}
	w := walker{o: o, src: reader.Source(), store: o.store}
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
	o    *Options
	src  []byte
	made int // mentions made
	*store
}

func (w *walker) report(offset int, err error) {
	if w.o.Report != nil {
		w.o.Report(offset, err)
	}
}

// newText returns a new Text node of seg.
func (w *walker) newText(seg text.Segment) *ast.Text {
	t := w.texts.Next()
	t.Segment = seg
	return t
}

// newNode returns a new mention.
func (w *walker) newNode() *Node {
	n := w.nodes.Next()
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
// mention node. Of a Text node that the match covers only in part, the
// part before the match stays where it is, as does the part after it when
// the match begins the node; the matched part is a new Text node in the
// mention. So no node is taken out of the paragraph unless the match
// covers it whole.
func (w *walker) wrap(parent ast.Node, pieces []piece, m Match) {
	var mention *Node
	var last *ast.Text
	for i := range pieces {
		p := &pieces[i]
		if p.end <= m.Start {
			continue
		}
		if p.start >= m.End {
			break
		}
		node := p.node
		seg := node.Segment
		lo := max(m.Start, p.start) - p.start
		hi := min(m.End, p.end) - p.start
		var inside *ast.Text
		switch {
		case lo > 0: // [node][mention: inside][after]
			inside = w.newText(text.NewSegment(seg.Start+lo, seg.Start+hi))
			inside.SetRaw(node.IsRaw())
			breaks := inside
			if hi < seg.Len() {
				breaks = w.newText(text.NewSegment(seg.Start+hi, seg.Stop))
				breaks.SetRaw(node.IsRaw())
				parent.InsertAfter(parent, node, breaks)
			}
			breaks.SetSoftLineBreak(node.SoftLineBreak())
			breaks.SetHardLineBreak(node.HardLineBreak())
			node.SetSoftLineBreak(false)
			node.SetHardLineBreak(false)
			node.Segment = text.NewSegment(seg.Start, seg.Start+lo)
			// What is left of the piece for earlier matches is node.
			p.end = p.start + lo
		case hi < seg.Len(): // [mention: inside][node]
			inside = w.newText(text.NewSegment(seg.Start, seg.Start+hi))
			inside.SetRaw(node.IsRaw())
			node.Segment = text.NewSegment(seg.Start+hi, seg.Stop)
			p.end = p.start // fully consumed
		default: // [mention: node]
			inside = node
			p.end = p.start
		}
		if mention == nil {
			mention = w.newNode()
			mention.Target, mention.Ref = m.Target, w.o.Resolver.Target(m.Target)
			mention.SetPos(inside.Segment.Start)
			if lo > 0 {
				parent.InsertAfter(parent, node, mention)
			} else {
				parent.InsertBefore(parent, node, mention)
			}
		}
		mention.AppendChild(mention, inside) // detaches node from parent
		last = inside
	}
	if mention == nil {
		return
	}
	// A soft line break at the end of the mention's last word belongs after
	// the mention, not inside the link.
	if last.SoftLineBreak() || last.HardLineBreak() {
		nl := w.newText(text.NewSegment(last.Segment.Stop, last.Segment.Stop))
		nl.SetSoftLineBreak(last.SoftLineBreak())
		nl.SetHardLineBreak(last.HardLineBreak())
		last.SetSoftLineBreak(false)
		last.SetHardLineBreak(false)
		parent.InsertAfter(parent, mention, nl)
	}
}
