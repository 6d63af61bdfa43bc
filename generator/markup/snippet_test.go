package markup

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// TestContextIsSnippet checks that the contexts the inspector computes by
// byte offsets are those snippet defines rune by rune, on texts of words
// in several scripts, long and short, with spaces and invalid UTF-8 near
// the match and far from it.
func TestContextIsSnippet(t *testing.T) {
	pieces := []string{"word", "Wörter", "ß", "日本語", "𝔘𝔫𝔦", "é", " ", " ", " ", "  ", "-", "\xff", "\xe2\x80", "\xed\xa0\x80", "\uFFFD", "“q”", "…"}
	r := rand.New(rand.NewPCG(7, 7))
	for n := range 3000 {
		var b strings.Builder
		words := r.IntN(120)
		for range words {
			p := pieces[r.IntN(len(pieces))]
			if n%3 != 0 && p[0] >= 0x80 && r.IntN(4) > 0 {
				p = "x" // mostly valid text in two of three cases
			}
			b.WriteString(p)
		}
		text := b.String()
		start := r.IntN(len(text) + 1)
		end := start + r.IntN(len(text)-start+1)
		in := inspector{scratch: new(scratch)}
		in.ellipses = append(in.ellipses, "earlier "...) // as after another match
		// The passage starts after another's text.
		other := "Another passage. "
		buf := []byte(other + text)
		c := in.context(buf, len(other), len(other)+start, len(other)+end)
		got := c.snippet(string(buf), string(in.ellipses))
		if want := snippet(text, start, end); got != want {
			t.Fatalf("text %q [%d:%d]:\n got %q\nwant %q", text, start, end, got, want)
		}
	}
}

// TestIDSeries checks the ids made in advance, and those made past them,
// against the prefix and the number written out.
func TestIDSeries(t *testing.T) {
	ids := newIDSeries("m")
	for _, n := range []int{1, 9, 10, 99, 100, 1234, cachedIDs, cachedIDs + 1, 50000} {
		want := "m" + strconv.Itoa(n)
		s, b := ids.id(n)
		if s != want || string(b) != want {
			t.Errorf("id(%d) = %q, %q; want %q", n, s, b, want)
		}
		if n <= cachedIDs && cap(b) != len(b) {
			t.Errorf("id(%d): its bytes have room after them (cap %d, len %d): an append would overwrite the next id", n, cap(b), len(b))
		}
	}
}
