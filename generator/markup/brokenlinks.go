package markup

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark/ast"
)

// brokenLinks reports the explicit links that Markdown did not read as
// links, which would otherwise show their brackets in the text without a
// word: "[America](actor:united-states (rogue states…" (no closing
// parenthesis, or a space in the key) and "[America] (actor:united-states)"
// (a space between the brackets and the parentheses). Their text keeps
// "](kind:" or "] (kind:", which a link's text never holds; code spans,
// where it may be meant, and escaped brackets are left alone.
func (p *parsed) brokenLinks(l *Links, n ast.Node, report func(off int, err error)) {
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if c.Kind() == ast.KindCodeSpan {
			return ast.WalkSkipChildren, nil
		}
		t, ok := c.(*ast.Text)
		if !ok {
			return ast.WalkContinue, nil
		}
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
		return ast.WalkContinue, nil
	})
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
