package cite

import "github.com/yuin/goldmark/parser"

// Resolver knows the works a document can cite.
type Resolver interface {
	// Resolve returns the link to a work's page and its short label, or an
	// error (with a hint, see HintError) when the key is unknown.
	Resolve(key string) (href, label string, err error)
}

// Options is what one document can cite. Put it in the parser context with
// With before parsing; without it, citations are parsed but not linked.
type Options struct {
	Resolver Resolver
	// Report is called for each unknown key, and for each locator that
	// names pages in an unusual form (a *LocatorWarning, whose Warning
	// method says it is one), with the byte offset of the item's @key;
	// nil ignores problems.
	Report func(offset int, err error)

	// Linked is set by the parser: how many items it linked to their
	// works, for a caller to make room for them.
	Linked int

	store *store // the citations made, until Release
}

var optionsKey = parser.NewContextKey()

// With stores o in pc for the document about to be parsed.
func With(pc parser.Context, o *Options) { pc.Set(optionsKey, o) }

func optionsFrom(pc parser.Context) *Options {
	o, _ := pc.Get(optionsKey).(*Options)
	return o
}
