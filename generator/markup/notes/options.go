package notes

import (
	"sync"

	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
)

// Options is per-document configuration. Put it in the parser context with
// With before parsing; without it, problems are not reported.
type Options struct {
	// Report is called for each problem with the byte offset it concerns.
	Report func(offset int, err error)

	store *store // the notes and references made, until Release
}

// store holds the notes and references that the Numberer makes for a
// document, in slabs kept from document to document (about 6 KB of a
// chapter of 24 notes), until Release says that the tree is no longer
// used.
type store struct {
	notes []Note
	refs  []Ref
	// The Checker's and the Numberer's working memory, and List.
	links     []*extast.FootnoteLink
	byIndex   []*Note
	list      []*Note
	refCounts []int
	refSlab   []*Ref
}

// storeOf returns the store of the options in pc, taking one from the
// pool for them if they have none; nil without options.
func storeOf(pc parser.Context) *store {
	o, _ := pc.Get(optionsKey).(*Options)
	if o == nil {
		return nil
	}
	if o.store == nil {
		o.store = stores.Get().(*store)
	}
	return o.store
}

var stores = sync.Pool{New: func() any { return new(store) }}

// slabOf returns *s with length n, zeroed, reusing its memory if it has
// room.
func slabOf[T any](s *[]T, n int) []T {
	if cap(*s) < n {
		*s = make([]T, n)
	}
	*s = (*s)[:n]
	return *s
}

// Release lets the notes and references made for the document that o
// was given for be used for another document. The document's tree, its
// List, and any note or reference taken from them must not be used after:
// call it when done with them, or not at all.
func (o *Options) Release() {
	if o.store == nil {
		return
	}
	st := o.store
	clear(st.notes)
	clear(st.refs)
	clear(st.links[:cap(st.links)])
	clear(st.byIndex)
	clear(st.list[:cap(st.list)])
	clear(st.refCounts)
	clear(st.refSlab)
	st.notes, st.refs, st.links, st.byIndex, st.list, st.refCounts, st.refSlab =
		st.notes[:0], st.refs[:0], st.links[:0], st.byIndex[:0], st.list[:0], st.refCounts[:0], st.refSlab[:0]
	stores.Put(st)
	o.store = nil
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
