package search

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestNormalizeASCIIFastPath: on words of ASCII letters, digits and
// apostrophes (as Words cuts them), in any case, stopwords and plurals
// among them, the fast path gives what the general path gives.
func TestNormalizeASCIIFastPath(t *testing.T) {
	words := []string{"The", "THE", "states", "States'", "Bush's", "BUSH'S", "don't", "o'clock", "ies", "policies",
		"Councils", "us", "bus", "glasses", "shoes", "A", "I", "2002", "G8s", "x'y's", "'s", "Annan’s", "Élysée",
		strings.Repeat("a", 64), strings.Repeat("b", 65) + "s"}
	r := rand.New(rand.NewPCG(1, 2))
	const alphabet = "aeiostTSEAy'19"
	for range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(9) {
			b.WriteByte(alphabet[r.IntN(len(alphabet))])
		}
		words = append(words, b.String())
	}
	for _, w := range words {
		if got, want := Normalize(w), normalizeAny(w); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", w, got, want)
		}
	}
}
