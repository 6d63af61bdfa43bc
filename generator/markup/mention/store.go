package mention

import (
	"sync"

	"github.com/yuin/goldmark/ast"

	"edition/generator/markup/internal/slab"
)

// store holds the nodes the transformer makes for a document, in slabs
// that are kept from document to document: a chapter needs a couple of
// hundred, which would otherwise be a sixth of the memory its conversion
// allocates. A document's slabs go back to be used again when its caller
// says, with Options.Release, that the tree is no longer used.
type store struct {
	texts slab.Slabs[ast.Text]
	nodes slab.Slabs[Node]

	// The walker's working memory.
	links   []*ast.Link
	matches []Match
	buf     []byte
	pieces  []piece
}

var stores = sync.Pool{New: func() any { return new(store) }}

// Release lets the nodes made for the document that o was given for be
// used for another document. The document's tree, and any node taken
// from it, must not be used after: call it when done with the tree, or
// not at all.
func (o *Options) Release() {
	if o.store == nil {
		return
	}
	st := o.store
	st.texts.Reset()
	st.nodes.Reset()
	clear(st.links)
	clear(st.pieces)
	st.links, st.matches, st.buf, st.pieces = st.links[:0], st.matches[:0], st.buf[:0], st.pieces[:0]
	stores.Put(st)
	o.store = nil
}
