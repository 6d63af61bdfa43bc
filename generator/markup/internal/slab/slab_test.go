package slab

import (
	"slices"
	"testing"
)

// TestSlabs takes runs of every length from slabs, checks that they are
// zero, apart and capped at their length, fills them, and after a reset
// checks that everything handed out is zero again; Next is a run of one.
func TestSlabs(t *testing.T) {
	var s Slabs[int]
	for round := range 3 {
		var runs [][]int
		for n := range 70 {
			r := s.Take(n)
			if len(r) != n || cap(r) != n {
				t.Fatalf("round %d: take(%d) has length %d and capacity %d", round, n, len(r), cap(r))
			}
			if slices.ContainsFunc(r, func(v int) bool { return v != 0 }) {
				t.Fatalf("round %d: take(%d) is not zero: %v", round, n, r)
			}
			for i := range r {
				r[i] = n
			}
			runs = append(runs, r)
		}
		for n, r := range runs {
			for _, v := range r {
				if v != n {
					t.Fatalf("round %d: run %d was overwritten: %v", round, n, r)
				}
			}
		}
		one := s.Next()
		if *one != 0 {
			t.Fatalf("round %d: Next is not zero: %d", round, *one)
		}
		*one = -1
		s.Reset()
		for _, slab := range s.all {
			if slices.ContainsFunc(slab, func(v int) bool { return v != 0 }) {
				t.Fatalf("round %d: a slab is not zero after reset", round)
			}
		}
	}
}
