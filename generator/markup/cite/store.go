package cite

import "sync"

// store holds the citations the parser makes for a document, and their
// items, in slabs that are kept from document to document (about 5 KB of
// a chapter of 20 citations), until Options.Release says that the tree
// is no longer used.
type store struct {
	nodes slabs[Node]
	items slabs[Item]
}

var stores = sync.Pool{New: func() any { return new(store) }}

// slabs hands out runs of zeroed values of T from slabs of growing size.
type slabs[T any] struct {
	all  [][]T // every slab, in order
	slab int   // the slab values are handed out of
	used int   // how many of it are handed out
}

// take returns n zero Ts in a row, as a slice of capacity n, valid until
// reset.
func (s *slabs[T]) take(n int) []T {
	for s.slab < len(s.all) && len(s.all[s.slab])-s.used < n {
		s.slab, s.used = s.slab+1, 0
	}
	if s.slab == len(s.all) {
		s.all = append(s.all, make([]T, max(n, 16<<min(s.slab, 4))))
	}
	v := s.all[s.slab][s.used : s.used+n : s.used+n]
	s.used += n
	return v
}

// reset zeroes what was handed out, letting go of what it pointed to, to
// hand it out again.
func (s *slabs[T]) reset() {
	for i := range min(s.slab, len(s.all)) {
		clear(s.all[i])
	}
	if s.slab < len(s.all) {
		clear(s.all[s.slab][:s.used])
	}
	s.slab, s.used = 0, 0
}

// Release lets the citations made for the document that o was given for
// be used for another document. The document's tree, and any citation or
// item taken from it, must not be used after: call it when done with the
// tree, or not at all. A nil o does nothing.
func (o *Options) Release() {
	if o == nil || o.store == nil {
		return
	}
	o.store.nodes.reset()
	o.store.items.reset()
	stores.Put(o.store)
	o.store = nil
}
