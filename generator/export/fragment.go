package export

import (
	"cmp"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parseFragment parses HTML that package markup wrote, as it would be
// parsed inside <body>. That HTML is well formed (every element closed
// where it opened, nothing the HTML parser would move), so a tree is built
// straight from the tokenizer's tokens, three times faster than the HTML
// parser builds it. Whatever the parser would treat otherwise (an element
// closed out of order, one it closes by implication, a link in a link,
// text it would move out of a table) sends the fragment to the HTML parser
// instead, so the tree is always the parser's.
func parseFragment(h string) []*html.Node {
	if nodes, ok := parseWellFormed(h); ok {
		return nodes
	}
	ctx := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(h), ctx)
	if err != nil {
		return nil
	}
	return nodes
}

// voidElements have no content and no end tag.
var voidElements = map[atom.Atom]bool{atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true,
	atom.Hr: true, atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true, atom.Source: true,
	atom.Track: true, atom.Wbr: true}

// known are the elements markup writes, which the HTML parser puts where
// they stand when they are properly nested; any other sends a fragment to
// the parser.
var known = map[atom.Atom]bool{atom.P: true, atom.A: true, atom.Em: true, atom.Strong: true, atom.B: true,
	atom.I: true, atom.S: true, atom.Del: true, atom.Code: true, atom.Pre: true, atom.Sup: true, atom.Sub: true,
	atom.Span: true, atom.Br: true, atom.Hr: true, atom.Img: true, atom.Blockquote: true, atom.Ul: true,
	atom.Ol: true, atom.Li: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Table: true, atom.Thead: true, atom.Tbody: true, atom.Tr: true, atom.Td: true,
	atom.Th: true, atom.Div: true, atom.Section: true, atom.Cite: true, atom.Q: true, atom.Input: true}

// closesP are the known start tags that close an open <p> in the HTML
// parser.
var closesP = map[atom.Atom]bool{atom.Blockquote: true, atom.Div: true, atom.Ol: true, atom.P: true,
	atom.Section: true, atom.Ul: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Pre: true, atom.Table: true, atom.Hr: true, atom.Li: true}

// formatting are the known formatting elements, whose attributes the parser
// sorts.
var formatting = map[atom.Atom]bool{atom.A: true, atom.B: true, atom.Code: true, atom.Em: true, atom.I: true,
	atom.S: true, atom.Strong: true}

// headings close one another.
var headings = map[atom.Atom]bool{atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true}

// tableParts hold rows and cells, never text but white space.
var tableParts = map[atom.Atom]bool{atom.Table: true, atom.Thead: true, atom.Tbody: true, atom.Tfoot: true, atom.Tr: true}

// parseWellFormed builds the tree of h from its tokens, or reports that h
// is not as markup writes it.
func parseWellFormed(h string) ([]*html.Node, bool) {
	root := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	stack := []*html.Node{root}
	open := func(a atom.Atom) bool {
		for _, n := range stack[1:] {
			if n.DataAtom == a {
				return true
			}
		}
		return false
	}
	z := html.NewTokenizer(strings.NewReader(h))
	afterPre := false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		top := stack[len(stack)-1]
		tok := z.Token()
		dropNewline := afterPre
		afterPre = false
		switch tt {
		case html.TextToken:
			if dropNewline {
				tok.Data = strings.TrimPrefix(tok.Data, "\n")
				if tok.Data == "" {
					continue
				}
			}
			if strings.ContainsRune(tok.Data, 0) {
				return nil, false
			}
			if tableParts[top.DataAtom] && strings.Trim(tok.Data, " \t\n\f\r") != "" {
				return nil, false
			}
			if last := top.LastChild; last != nil && last.Type == html.TextNode {
				last.Data += tok.Data
				continue
			}
			top.AppendChild(&html.Node{Type: html.TextNode, Data: tok.Data})
		case html.CommentToken:
			top.AppendChild(&html.Node{Type: html.CommentNode, Data: tok.Data})
		case html.StartTagToken, html.SelfClosingTagToken:
			a := tok.DataAtom
			if !known[a] || closesP[a] && open(atom.P) || a == atom.A && open(atom.A) ||
				a == atom.Li && top.DataAtom == atom.Li || headings[a] && headings[top.DataAtom] {
				return nil, false
			}
			for i, at := range tok.Attr {
				for _, b := range tok.Attr[:i] {
					if at.Namespace == b.Namespace && at.Key == b.Key {
						return nil, false // the parser keeps the first of two
					}
				}
			}
			switch a {
			case atom.Tr:
				if top.DataAtom != atom.Thead && top.DataAtom != atom.Tbody && top.DataAtom != atom.Tfoot {
					return nil, false
				}
			case atom.Td, atom.Th:
				if top.DataAtom != atom.Tr {
					return nil, false
				}
			case atom.Thead, atom.Tbody, atom.Tfoot:
				if top.DataAtom != atom.Table {
					return nil, false
				}
			default:
				if tableParts[top.DataAtom] {
					return nil, false
				}
			}
			if tt == html.SelfClosingTagToken && !voidElements[a] {
				return nil, false
			}
			if formatting[a] {
				// As the parser does, to compare them with others.
				slices.SortFunc(tok.Attr, func(a, b html.Attribute) int {
					return cmp.Or(cmp.Compare(a.Namespace, b.Namespace), cmp.Compare(a.Key, b.Key), cmp.Compare(a.Val, b.Val))
				})
			}
			n := &html.Node{Type: html.ElementNode, Data: tok.Data, DataAtom: a, Attr: tok.Attr}
			top.AppendChild(n)
			if !voidElements[a] {
				stack = append(stack, n)
			}
			afterPre = a == atom.Pre
		case html.EndTagToken:
			if len(stack) == 1 || top.DataAtom != tok.DataAtom || top.Data != tok.Data || !known[tok.DataAtom] {
				return nil, false
			}
			stack = stack[:len(stack)-1]
		default:
			return nil, false // a doctype
		}
	}
	if len(stack) != 1 {
		return nil, false
	}
	var nodes []*html.Node
	for c := root.FirstChild; c != nil; {
		next := c.NextSibling
		root.RemoveChild(c)
		nodes = append(nodes, c)
		c = next
	}
	return nodes, true
}
