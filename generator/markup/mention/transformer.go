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
	src := reader.Source()
	w := walker{o: o, src: src}
	// Explicit links first, so that their text is not matched again. They
	// are collected before any is replaced: a replaced link has no next
	// sibling, so replacing during the walk would end it for the rest of
	// the parent.
	var links []*ast.Link
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.Link); ok && entering {
			links = append(links, l)
		}
		return ast.WalkContinue, nil
	})
	for _, l := range links {
		w.explicit(l)
	}
	if o.Matcher != nil {
		w.matchIn(doc)
	}
}

type walker struct {
	o       *Options
	src     []byte
	matches []Match
	buf     []byte
}

func (w *walker) report(offset int, err error) {
	if w.o.Report != nil {
		w.o.Report(offset, err)
	}
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
			repl = &Node{Target: id, Ref: w.o.Resolver.Target(id), Explicit: true}
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

// matchIn finds aliases in the inline content of every block but headings
// and code.
func (w *walker) matchIn(n ast.Node) {
	switch n.Kind() {
	case ast.KindHeading, ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock:
		return
	case ast.KindLink, ast.KindAutoLink, ast.KindImage, ast.KindCodeSpan, ast.KindRawHTML, Kind, PlainKind:
		return
	}
	// Scan runs of adjacent Text children; recurse into everything else.
	for c := n.FirstChild(); c != nil; {
		if _, ok := c.(*ast.Text); !ok {
			next := c.NextSibling()
			w.matchIn(c)
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
	var pieces []piece
	for c := first; c != stop; c = c.NextSibling() {
		t := c.(*ast.Text)
		start := len(w.buf)
		w.buf = append(w.buf, t.Value(w.src)...)
		pieces = append(pieces, piece{t, start, len(w.buf)})
		if t.SoftLineBreak() || t.HardLineBreak() {
			w.buf = append(w.buf, '\n')
		}
	}
	w.matches = w.o.Matcher.Find(w.matches[:0], w.buf)
	// Apply from the last match back, so that earlier offsets stay valid.
	for i := len(w.matches) - 1; i >= 0; i-- {
		m := w.matches[i]
		w.wrap(parent, pieces, m)
	}
}

// wrap puts the text of match m, which may span several pieces, into a new
// mention node.
func (w *walker) wrap(parent ast.Node, pieces []piece, m Match) {
	mention := &Node{Target: m.Target, Ref: w.o.Resolver.Target(m.Target)}
	var covered []ast.Node
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
			after := ast.NewTextSegment(text.NewSegment(seg.Start+hi, seg.Stop))
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
			before := ast.NewTextSegment(text.NewSegment(seg.Start, seg.Start+lo))
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
	if len(covered) == 0 {
		return
	}
	mention.SetPos(covered[0].(*ast.Text).Segment.Start)
	parent.InsertBefore(parent, insertBefore, mention)
	for _, c := range covered {
		mention.AppendChild(mention, c) // AppendChild detaches c from parent
	}
	// A soft line break at the end of the mention's last word belongs after
	// the mention, not inside the link.
	if last, ok := covered[len(covered)-1].(*ast.Text); ok && (last.SoftLineBreak() || last.HardLineBreak()) {
		nl := ast.NewTextSegment(text.NewSegment(last.Segment.Stop, last.Segment.Stop))
		nl.SetSoftLineBreak(last.SoftLineBreak())
		nl.SetHardLineBreak(last.HardLineBreak())
		last.SetSoftLineBreak(false)
		last.SetHardLineBreak(false)
		parent.InsertAfter(parent, mention, nl)
	}
}
