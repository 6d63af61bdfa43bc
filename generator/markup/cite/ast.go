package cite

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// Kind is the node kind of a citation.
var Kind = ast.NewNodeKind("Citation")

// Item is one cited work.
type Item struct {
	Key            string
	Prefix         string // text before @key: "see"
	Locator        string // text after "@key,": "p. 15"
	Suffix         string // text after @key without a comma
	SuppressAuthor bool   // [-@key]
	Offset         int    // byte offset of the "@" after the opening bracket

	Href  string // set by the resolver; empty when the key is unknown
	Label string
	// Author is the part of Label that names the work's authors, "White
	// House" of "White House 2002", set for a citation in the text when
	// the Resolver is an Authorer; see InTextLabel.
	Author string
}

// InTextLabel is what a citation in the text (Node.InText) shows of its
// item: the label's authors, then its date and the locator in
// parentheses, "White House (2002, p. 33)". The label is split where
// Author ends; without Author, before its last word if that is a date
// ("2002a", "n.d."), and a label without a date keeps only the locator in
// parentheses.
func (it *Item) InTextLabel() string {
	who, date := splitLabel(it.Label, it.Author)
	in := date
	switch {
	case in == "":
		in = it.Locator
	case it.Locator != "":
		in += ", " + it.Locator
	}
	if in == "" {
		return who
	}
	return who + " (" + in + ")"
}

// splitLabel splits an author-date label into its authors and its date.
func splitLabel(label, author string) (who, date string) {
	if author != "" {
		if rest, ok := strings.CutPrefix(label, author); ok && (rest == "" || rest[0] == ' ') {
			return author, strings.TrimPrefix(rest, " ")
		}
	}
	i := strings.LastIndexByte(label, ' ')
	if i < 0 || !isDate(label[i+1:]) {
		return label, ""
	}
	return label[:i], label[i+1:]
}

// isDate reports whether the last word of a label is its date: a year,
// with a letter where labels collide ("2002b"), or "n.d.".
func isDate(w string) bool {
	return strings.HasPrefix(w, "n.d.") || w != "" && w[0] >= '0' && w[0] <= '9'
}

// Node is a citation: bracketed, of one or more works ("[@a; @b, p. 4]"),
// or in the text, of one (InText: "@a" or "@a [p. 4]").
type Node struct {
	ast.BaseInline
	Items []Item
	ID    string // anchor id, set by the caller after parsing
	// InText marks Pandoc's citation in the text, "@key" without
	// brackets: part of its sentence, it shows its one item's
	// InTextLabel, "White House (2002, p. 33)", as words of the text.
	InText bool
}

// Kind implements ast.Node.
func (n *Node) Kind() ast.NodeKind { return Kind }

// Dump implements ast.Node.
func (n *Node) Dump(source []byte, level int) {
	keys := make([]string, len(n.Items))
	for i, it := range n.Items {
		keys[i] = it.Key + "|" + it.Locator
	}
	kv := map[string]string{"Items": strings.Join(keys, "; ")}
	if n.InText {
		kv["InText"] = "true"
	}
	ast.DumpHelper(n, source, level, kv, nil)
}

// ShownLabel is what a bracketed citation shows of its item: the label,
// or only its date when the author is suppressed ([-@key]), "2002a" of
// "Bush 2002a".
func (it *Item) ShownLabel() string {
	if !it.SuppressAuthor {
		return it.Label
	}
	if i := strings.LastIndexByte(it.Label, ' '); i >= 0 {
		return it.Label[i+1:]
	}
	return it.Label
}

// InLink reports whether n is in a link's text, [see [@a]](url), where
// a link to the source would nest one link in another: renderers write
// its labels as text.
func InLink(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if _, ok := p.(*ast.Link); ok {
			return true
		}
	}
	return false
}
