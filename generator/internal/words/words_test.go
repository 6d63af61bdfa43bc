package words

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// pieces are what the texts are made of: ASCII and Unicode spaces, words,
// invalid bytes and runes that are not spaces.
var pieces = []string{" ", "  ", "\t", "\n", "\r\n", "\v\f", "\u00a0", "\u2003", "\u3000", "\u0085", "\u200b",
	"word", "é", "日本", "\xff", "\xe2\x80", "-", "a", ""}

// TestJoinIsFieldsJoined compares Join with strings.Join(strings.Fields(s), " ")
// on random texts.
func TestJoinIsFieldsJoined(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := Join(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("Join(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzJoin(f *testing.F) {
	for _, p := range pieces {
		f.Add(p + "x" + p)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Join(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("Join(%q) = %q, want %q", s, got, want)
		}
	})
}
