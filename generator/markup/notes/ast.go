package notes

import (
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// Series is a sequence of notes with its own markers.
type Series int

const (
	Author     Series = iota // 1, 2, 3…
	Editor                   // a, b, c…
	Unnumbered               // *
)

func (s Series) String() string {
	switch s {
	case Editor:
		return "editor"
	case Unnumbered:
		return "unnumbered"
	}
	return "author"
}

// Note is one note of the document.
type Note struct {
	Label  string // as written: "4", "ed-qian", "*"
	Series Series
	Number int    // place in its series, from 1; 0 for unnumbered notes
	Marker string // what readers see: "4", "b", "*"
	ID     string // "n4", "ed-qian", "n-star"
	Node   *extast.Footnote
	Refs   []*Ref // references to it, in document order
	Seq    int    // its place in List, from 0
}

// RefKind is the node kind of a note reference.
var RefKind = ast.NewNodeKind("NoteRef")

// Ref is a reference to a note in the text.
type Ref struct {
	ast.BaseInline
	Note *Note
	ID   string // "r-n4", "r-n4-2" for a second reference
}

// Kind implements ast.Node.
func (n *Ref) Kind() ast.NodeKind { return RefKind }

// Dump implements ast.Node.
func (n *Ref) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Note": n.Note.ID, "ID": n.ID}, nil)
}
