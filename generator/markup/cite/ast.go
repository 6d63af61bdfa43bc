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
}

// Node is a bracketed citation of one or more works.
type Node struct {
	ast.BaseInline
	Items []Item
	ID    string // anchor id, set by the caller after parsing
}

// Kind implements ast.Node.
func (n *Node) Kind() ast.NodeKind { return Kind }

// Dump implements ast.Node.
func (n *Node) Dump(source []byte, level int) {
	keys := make([]string, len(n.Items))
	for i, it := range n.Items {
		keys[i] = it.Key + "|" + it.Locator
	}
	ast.DumpHelper(n, source, level, map[string]string{"Items": strings.Join(keys, "; ")}, nil)
}
