package mention

import (
	"sync"

	"github.com/yuin/goldmark/ast"
)

// store holds the nodes the transformer makes for a document, in slabs
// that are kept from document to document: a chapter needs a couple of
// hundred, which would otherwise be a sixth of the memory its conversion
// allocates. A document's slabs go back to be used again when its caller
// says, with Options.Release, that the tree is no longer used.
type store struct {
	texts slabs[ast.Text]
	nodes slabs[Node]

	// The walker's working memory.
	links   []*ast.Link
	matches []Match
	buf     []byte
	pieces  []piece
}

var stores = sync.Pool{New: func() any { return new(store) }}

// slabs hands out zeroed values of T from slabs of growing size.
type slabs[T any] struct {
	all  [][]T // every slab, in order
	slab int   // the slab values are handed out of
	used int   // how many of it are handed out
}

// next returns a zero T that stays valid until reset.
func (s *slabs[T]) next() *T {
	for s.slab < len(s.all) && s.used == len(s.all[s.slab]) {
		s.slab, s.used = s.slab+1, 0
	}
	if s.slab == len(s.all) {
		s.all = append(s.all, make([]T, 16<<min(s.slab, 4)))
	}
	v := &s.all[s.slab][s.used]
	s.used++
	return v
}

// reset zeroes what was handed out, letting go of what it pointed to, to
// hand it out again.
func (s *slabs[T]) reset() {
	for i := range s.slab {
		clear(s.all[i])
	}
	if s.slab < len(s.all) {
		clear(s.all[s.slab][:s.used])
	}
	s.slab, s.used = 0, 0
}

// Release lets the nodes made for the document that o was given for be
// used for another document. The document's tree, and any node taken
// from it, must not be used after: call it when done with the tree, or
// not at all.
func (o *Options) Release() {
	if o.store == nil {
		return
	}
	st := o.store
	st.texts.reset()
	st.nodes.reset()
	clear(st.links)
	clear(st.pieces)
	st.links, st.matches, st.buf, st.pieces = st.links[:0], st.matches[:0], st.buf[:0], st.pieces[:0]
	stores.Put(st)
	o.store = nil
}
