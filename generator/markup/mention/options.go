package mention

import (
	"errors"

	"github.com/yuin/goldmark/parser"
)

// Target is what a mention links to.
type Target struct {
	Kind string // "concept", "actor"…
	Key  string
	Href string // relative to the page being rendered
	// Tag, when not nil, is MakeTag of the target: made once, it is
	// written for each mention (see MakeTag).
	Tag *Tag
}

// Resolver knows the entries a document can mention.
type Resolver interface {
	// Target returns the entry that a pattern's Target identifies.
	Target(id int) Target
	// Lookup resolves an explicit link [text](scheme:key). It returns
	// ErrNotMine when scheme is not a kind of entry (the link is then left
	// alone), or another error, with a hint for the editor, when the key is
	// unknown.
	Lookup(scheme, key string) (id int, err error)
}

// ErrNotMine is returned by Resolver.Lookup for schemes it does not handle.
var ErrNotMine = errors.New("mention: not an entry scheme")

// HintError is an error with advice for the editor.
type HintError interface {
	error
	Hint() string
}

// Options is what one document links to. Put it in the parser context with
// With before parsing.
type Options struct {
	// Matcher finds aliases; nil disables automatic mentions, leaving
	// explicit links.
	Matcher *Matcher
	// Resolver resolves targets; nil disables the extension.
	Resolver Resolver
	// Report is called for each problem, with the byte offset in the source;
	// nil ignores problems.
	Report func(offset int, err error)

	// Mentions is set by the transformer: how many mentions it made, for
	// a caller to make room for them.
	Mentions int

	store *store // the nodes made, until Release
}

var optionsKey = parser.NewContextKey()

// With stores o in pc for the document about to be parsed.
func With(pc parser.Context, o *Options) { pc.Set(optionsKey, o) }

func optionsFrom(pc parser.Context) *Options {
	o, _ := pc.Get(optionsKey).(*Options)
	return o
}
