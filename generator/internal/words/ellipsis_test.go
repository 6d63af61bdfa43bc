package words

import "testing"

// An ellipsis stands apart from a sentence's end or start, and against a
// word elsewhere.
func TestEllipses(t *testing.T) {
	for _, c := range []struct{ after, want string }{
		{"the view.", " …"}, {"was it?", " …"}, {"so it said.”", " …"}, {"(see above.)", " …"}, {"the U.S.", " …"},
		{"the view", "…"}, {"the view,", "…"}, {"the Allies’", "…"}, {"", "…"}, {"a ”", "…"}, {"3.5", "…"},
	} {
		if got := EllipsisAfter(c.after); got != c.want {
			t.Errorf("EllipsisAfter(%q) = %q, want %q", c.after, got, c.want)
		}
		if got := EllipsisAfter([]byte(c.after)); got != c.want {
			t.Errorf("EllipsisAfter([]byte(%q)) = %q, want %q", c.after, got, c.want)
		}
	}
	for _, c := range []struct{ before, want string }{
		{"It ended. ", "… "}, {"It ended.  ", "… "}, {"“Who?” ", "… "}, {"in the ", "…"}, {"It ended.", "…"}, {"", "…"}, {" ", "…"},
	} {
		if got := EllipsisBefore(c.before); got != c.want {
			t.Errorf("EllipsisBefore(%q) = %q, want %q", c.before, got, c.want)
		}
		if got := EllipsisBefore([]byte(c.before)); got != c.want {
			t.Errorf("EllipsisBefore([]byte(%q)) = %q, want %q", c.before, got, c.want)
		}
	}
}
