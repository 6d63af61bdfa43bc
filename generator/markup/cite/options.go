package cite

import (
	"slices"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

// Resolver knows the works a document can cite.
type Resolver interface {
	// Resolve returns the link to a work's page and its short label, or an
	// error (with a hint, see HintError) when the key is unknown.
	Resolve(key string) (href, label string, err error)
}

// Knower is a Resolver that can say, cheaply and without an error,
// whether it knows a key. Only such a Resolver gives citations in the
// text: "@key" is one only where the key is known, and is otherwise text
// (an address, a handle) that costs no Resolve.
type Knower interface {
	Known(key string) bool
}

// Authorer is a Resolver that can say which part of a work's label names
// its authors, "White House" of "White House 2002", for a citation in the
// text to put the date in parentheses after it (see Item.InTextLabel).
type Authorer interface {
	Author(key string) string
}

// Speller is a Knower that can name the known keys near an unknown one: a
// "@key" in the text whose key is a letter or two from a known one is
// then reported, as a warning (a *NearKeyWarning), since it may be a
// citation misspelt.
type Speller interface {
	Near(key string) []string
}

// Options is what one document can cite. Put it in the parser context with
// With before parsing; without it, citations are parsed but not linked.
type Options struct {
	Resolver Resolver
	// Report is called for each unknown key in a bracket, for each
	// locator that names pages in an unusual form (a *LocatorWarning,
	// whose Warning method says it is one), and for each "@key" in the
	// text whose key is near a known one (a *NearKeyWarning), that an
	// unclosed bracket makes text (an *OpenBracketWarning), or that a
	// closed bracket which is neither a citation nor a link makes text
	// (a *BracketWarning), with the byte offset of the item's @key; nil
	// ignores problems.
	Report func(offset int, err error)

	// Linked is set by the parser: how many items it linked to their
	// works, for a caller to make room for them.
	Linked int

	store *store // the citations made, until Release

	// The block whose unclosed bracket has been said (as an unclosed
	// citation, or at a known "@key" after it), and what openScan last
	// found of the brackets of a block.
	openSaid ast.Node
	scan     bracketScan

	// In the block being parsed: the brackets said to be no citation (a
	// *FormError) or never closed, by the offset of their "[", and the
	// known "@key"s in a bracket that closes, which CloseBlock reports
	// where the bracket made no link.
	saidIn    ast.Node
	said      []int
	bracketed []bracketedKey
}

// bracketedKey is a known "@key" in a bracket that its paragraph closes:
// at the offset of its "@", as written.
type bracketedKey struct {
	at   int
	text string
}

// sayBracket notes that the bracket whose "[" is at offset open in block
// n has been reported, so that no "@key" in it is reported again.
func (o *Options) sayBracket(n ast.Node, open int) {
	if o.saidIn != n {
		o.saidIn, o.said = n, o.said[:0]
	}
	o.said = append(o.said, open)
}

// bracketSaid reports whether the bracket at offset open of block n has
// been reported.
func (o *Options) bracketSaid(n ast.Node, open int) bool {
	return o.saidIn == n && slices.Contains(o.said, open)
}

// bracketScan is where, in a block, openScan last looked for the "]" that
// closes an open bracket: from offset from to the "]" at close, or to the
// block's end, with close -1.
type bracketScan struct {
	in          ast.Node
	from, close int
}

var optionsKey = parser.NewContextKey()

// With stores o in pc for the document about to be parsed.
func With(pc parser.Context, o *Options) { pc.Set(optionsKey, o) }

func optionsFrom(pc parser.Context) *Options {
	o, _ := pc.Get(optionsKey).(*Options)
	return o
}
