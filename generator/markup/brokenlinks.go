package markup

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"

	"github.com/yuin/goldmark/ast"

	"edition/generator/diag"
)

// brokenLinks reports the explicit links that Markdown did not read as
// links, which would otherwise show their brackets in the text without a
// word: "[America](actor:united-states (rogue states…" (no closing
// parenthesis, or a space in the key) and "[America] (actor:united-states)"
// (a space between the brackets and the parentheses). Their text keeps
// "](kind:" or "] (kind:", which a link's text never holds; code spans,
// where it may be meant, and escaped brackets are left alone.
//
// The same walk reports headings without words, and records the ordinary
// links and images that are left (see Link): the explicit ones are
// mentions by now.
func (p *parsed) brokenLinks(l *Links, n ast.Node, report func(off int, err error)) {
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		// A type switch, not Kind(): no call for each node.
		switch c := c.(type) {
		case *ast.Text:
			p.bracketsIn(l, c, report)
		case *ast.CodeSpan:
			return ast.WalkSkipChildren, nil
		case *ast.Heading:
			// "## [^3]" or "##": a section named by nothing, in the
			// contents, the heading's id and what a screen reader says.
			if plainText(c, p.src) == "" {
				report(c.Pos(), &lookupError{"the heading has no words",
					"write its words before its note's reference or citation, which cannot stand for them, or remove the line"})
			}
		case *ast.Link:
			p.links = append(p.links, rawLink{dest: c.Destination, off: c.Pos()})
		case *ast.Image:
			p.links = append(p.links, rawLink{dest: c.Destination, off: c.Pos(), image: true})
		case *ast.AutoLink:
			if c.AutoLinkType == ast.AutoLinkURL {
				// goldmark keeps no position of an autolink; its label is
				// a piece of the source, just after the "<".
				label := c.Label(p.src)
				p.links = append(p.links, rawLink{dest: c.URL(p.src), off: cap(p.src) - cap(label) - 1})
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// bracketsIn reports the explicit links in t that Markdown did not read
// as links (see brokenLinks).
func (p *parsed) bracketsIn(l *Links, t *ast.Text, report func(off int, err error)) {
	v := t.Value(p.src)
	for i := bytes.IndexByte(v, ']'); i >= 0; {
		rest := v[i+1:]
		space := len(rest) > 0 && rest[0] == ' '
		if space {
			rest = rest[1:]
		}
		at := t.Segment.Start + i
		escaped := at > 0 && p.src[at-1] == '\\'
		if dest, ok := l.explicitDest(rest); ok && !escaped {
			if space {
				report(at, &lookupError{fmt.Sprintf("“] (%s” is not a link, and shows as text", dest),
					fmt.Sprintf("remove the space between ] and (: [words](%s)", dest)})
			} else {
				report(at, &lookupError{fmt.Sprintf("“](%s” does not make a link, and shows as text", dest),
					"write [words](kind:key), with no space in the key and “)” right after it"})
			}
		}
		j := bytes.IndexByte(v[i+1:], ']')
		if j < 0 {
			break
		}
		i += 1 + j
	}
}

// Link is an ordinary link or image of a converted text: not an explicit
// link to an entry (a mention by then), but [words](../about.html),
// ![](img/map.png), <https://example.org>. The build checks each against
// the site it makes (see package site).
type Link struct {
	Dest  string   // the destination as written (backslash escapes resolved)
	Pos   diag.Pos // of its "[", "![" or "<"
	Image bool
}

// rawLink is a Link as the walk finds it, by offset: positions are worked
// out once the walk is done, and only for a text that has links.
type rawLink struct {
	dest  []byte
	off   int
	image bool
}

// linksFound returns p's ordinary links with their positions, in the
// order of the source, or nil.
func (p *parsed) linksFound() []Link {
	if len(p.links) == 0 {
		return nil
	}
	out := make([]Link, len(p.links))
	for i, r := range p.links {
		out[i] = Link{Dest: string(r.dest), Pos: p.lineIndex().Pos(r.off), Image: r.image}
	}
	slices.SortStableFunc(out, func(a, b Link) int {
		return cmp.Or(cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col))
	})
	return out
}

// explicitDest returns the "kind:key" at the start of b, if b starts with
// "(" and a kind of entry (or none) and a colon.
func (l *Links) explicitDest(b []byte) (string, bool) {
	if len(b) == 0 || b[0] != '(' {
		return "", false
	}
	b = b[1:]
	colon := bytes.IndexByte(b, ':')
	if colon <= 0 {
		return "", false
	}
	if scheme := string(b[:colon]); !l.kinds[scheme] && scheme != "none" {
		return "", false
	}
	end := bytes.IndexAny(b, " )\n")
	if end < 0 {
		end = len(b)
	}
	return string(b[:end]), true
}
