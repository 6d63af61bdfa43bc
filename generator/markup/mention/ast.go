package mention

import "github.com/yuin/goldmark/ast"

// Kind is the node kind of a mention.
var Kind = ast.NewNodeKind("Mention")

// Node is a mention: its children are the mentioned words.
type Node struct {
	ast.BaseInline
	Target   int    // the resolver's identifier of the entry
	Ref      Target // what it links to
	Explicit bool   // written as a link, not found by an alias
	ID       string // the mention's anchor id, set by the caller after parsing
}

// Kind implements ast.Node.
func (n *Node) Kind() ast.NodeKind { return Kind }

// Dump implements ast.Node.
func (n *Node) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Ref": n.Ref.Kind + ":" + n.Ref.Key, "ID": n.ID}, nil)
}

// PlainKind is the node kind of text kept from matching.
var PlainKind = ast.NewNodeKind("MentionPlain")

// Plain is text that an editor marked as not a mention, [text](none:). It
// renders its children unlinked, and no alias matches inside it.
type Plain struct{ ast.BaseInline }

// Kind implements ast.Node.
func (n *Plain) Kind() ast.NodeKind { return PlainKind }

// Dump implements ast.Node.
func (n *Plain) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }
