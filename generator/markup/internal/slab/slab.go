// Package slab hands out zeroed values from slabs that are kept and used
// again, for the extensions' nodes: a chapter's conversion makes a few
// hundred, which would otherwise be a good part of what it allocates.
package slab

// Slabs hands out runs of zeroed values of T from slabs of growing size.
// The zero Slabs is ready to use.
type Slabs[T any] struct {
	all  [][]T // every slab, in order
	slab int   // the slab values are handed out of
	used int   // how many of it are handed out
}

// Take returns n zero Ts in a row, as a slice of capacity n, valid until
// Reset.
func (s *Slabs[T]) Take(n int) []T {
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

// Next returns one zero T, valid until Reset.
func (s *Slabs[T]) Next() *T { return &s.Take(1)[0] }

// Reset zeroes what was handed out, letting go of what it pointed to, to
// hand it out again.
func (s *Slabs[T]) Reset() {
	for i := range min(s.slab, len(s.all)) {
		clear(s.all[i])
	}
	if s.slab < len(s.all) {
		clear(s.all[s.slab][:s.used])
	}
	s.slab, s.used = 0, 0
}
