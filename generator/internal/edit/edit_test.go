package edit

import "testing"

// TestDistance: an edit is a letter added, dropped, changed, or two
// neighbouring letters swapped.
func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"name", "name", 0},
		{"nmae", "name", 1},
		{"di", "id", 1},
		{"tilte", "title", 1},
		{"titel", "title", 1},
		{"nme", "name", 1},
		{"nameX", "name", 1},
		{"kitten", "sitting", 3},
		{"", "abc", 3},
		{"préemption", "preemption", 1},
	} {
		if got := Distance(tc.a, tc.b); got != tc.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}
