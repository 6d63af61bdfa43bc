package cite

import (
	"sync"

	"edition/generator/markup/internal/slab"
)

// store holds the citations the parser makes for a document, and their
// items, in slabs that are kept from document to document (about 5 KB of
// a chapter of 20 citations), until Options.Release says that the tree
// is no longer used.
type store struct {
	nodes slab.Slabs[Node]
	items slab.Slabs[Item]
}

var stores = sync.Pool{New: func() any { return new(store) }}

// Release lets the citations made for the document that o was given for
// be used for another document. The document's tree, and any citation or
// item taken from it, must not be used after: call it when done with the
// tree, or not at all. A nil o does nothing.
func (o *Options) Release() {
	if o == nil || o.store == nil {
		return
	}
	o.store.nodes.Reset()
	o.store.items.Reset()
	stores.Put(o.store)
	o.store = nil
}
