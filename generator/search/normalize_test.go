package search

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestNormalizeASCIIFastPath: on words of ASCII letters, digits and
// apostrophes (as Words cuts them), in any case, stopwords and plurals
// among them, the fast path gives what the general path gives.
func TestNormalizeASCIIFastPath(t *testing.T) {
	words := []string{"The", "THE", "states", "States'", "Bush's", "BUSH'S", "don't", "o'clock", "ies", "policies",
		"Councils", "us", "bus", "U.S.", "u.s.", "D.C.'s", "glasses", "shoes", "A", "I", "2002", "G8s", "x'y's", "'s", "Annan’s", "Élysée",
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

// TestEachWord: eachWord finds the words that a plain reading of its
// definition finds (runs of word runes, apostrophes trimmed from either
// end; a run of single letters each followed by a full stop, "U.S.", is
// one word), with their offsets, on random text of the characters that
// matter.
func TestEachWord(t *testing.T) {
	type word struct {
		raw        string
		start, end int
	}
	plain := func(text string) []word {
		var out []word
		var runes []rune
		offset := []int{0}
		for i := 0; i < len(text); {
			r, size := utf8.DecodeRuneInString(text[i:])
			i += size
			runes = append(runes, r)
			offset = append(offset, i)
		}
		for i := 0; i < len(runes); {
			if !isWordRune(runes[i]) {
				i++
				continue
			}
			j := i
			for j < len(runes) && isWordRune(runes[j]) {
				j++
			}
			s, e := i, j
			for s < e && (runes[s] == '\'' || runes[s] == '’') {
				s++
			}
			for e > s && (runes[e-1] == '\'' || runes[e-1] == '’') {
				e--
			}
			if s == i && e == j && e-s == 1 && unicode.IsLetter(runes[s]) {
				k, n := e, 1 // k: the stop after the n-th letter
				for k+2 < len(runes) && runes[k] == '.' && unicode.IsLetter(runes[k+1]) && runes[k+2] == '.' {
					k, n = k+2, n+1
				}
				if n > 1 {
					e, j = k+1, k+1
				}
			}
			if s < e {
				out = append(out, word{text[offset[s]:offset[e]], offset[s], offset[e]})
			}
			i = j
		}
		return out
	}
	r := rand.New(rand.NewPCG(5, 6))
	alphabet := []rune("aZ9'’ -é\u0301漢,\xff.—")
	texts := []string{"", "'", "’", "''a''", "’’b’’", "don't", "’tis", "states’", "a\xffb", "e\u0301t\u00e9",
		"U.S.", "the U.S.-led", "'U.S.", "U.S.A", "U.Sa", "a.é.", "a.\xff."}
	for range 20000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteRune(alphabet[r.IntN(len(alphabet))])
		}
		texts = append(texts, b.String())
	}
	for _, text := range texts {
		var got []word
		eachWord(text, func(raw string, s, e int) { got = append(got, word{raw, s, e}) })
		if want := plain(text); !slices.Equal(got, want) {
			t.Errorf("eachWord(%q) = %v, want %v", text, got, want)
		}
	}
}
