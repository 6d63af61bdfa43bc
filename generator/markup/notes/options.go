package notes

import "github.com/yuin/goldmark/parser"

// Options is per-document configuration. Put it in the parser context with
// With before parsing; without it, problems are not reported.
type Options struct {
	// Report is called for each problem with the byte offset it concerns.
	Report func(offset int, err error)
}

var (
	optionsKey = parser.NewContextKey()
	listKey    = parser.NewContextKey()
)

// With stores o in pc for the document about to be parsed.
func With(pc parser.Context, o *Options) { pc.Set(optionsKey, o) }

func report(pc parser.Context, offset int, err error) {
	if o, _ := pc.Get(optionsKey).(*Options); o != nil && o.Report != nil {
		o.Report(offset, err)
	}
}

// List returns the document's notes in order of first reference, after
// parsing with pc.
func List(pc parser.Context) []*Note {
	l, _ := pc.Get(listKey).([]*Note)
	return l
}
