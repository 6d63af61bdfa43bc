package index

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestSlugFastPath: a key that is its own slug comes back as it is, and
// any other key gets what the general path makes of it.
func TestSlugFastPath(t *testing.T) {
	keys := []string{"kofi-annan", "un", "a", "index", "con", "-a", "a-", "a--b", "A", "é", "src0001", "x_y",
		strings.Repeat("a", maxSlug), strings.Repeat("a", maxSlug+1)}
	r := rand.New(rand.NewPCG(3, 4))
	const alphabet = "abz09--_A. é"
	for range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(8) {
			b.WriteByte(alphabet[r.IntN(len(alphabet))])
		}
		keys = append(keys, b.String())
	}
	for _, k := range keys {
		fast := isSlug(k)
		// The general path alone: Slug with the fast path turned off.
		slow := slugSlow(k)
		if got := Slug(k); got != slow {
			t.Errorf("Slug(%q) = %q, the general path makes %q", k, got, slow)
		}
		if fast && slow != k {
			t.Errorf("%q passes as its own slug, but its slug is %q", k, slow)
		}
	}
}
