package mention

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// The matcher walks a hash table of tokens; the trie it replaced
// (trie_test.go) is the reference: both must find the same matches, byte
// for byte, for any patterns and any text.

// matchers is the matcher of ps and the trie it is compared with.
func matchers(t testing.TB, ps []Pattern) (*Matcher, *trieMatcher) {
	t.Helper()
	m, err := NewMatcher(ps)
	if err != nil {
		t.Fatal(err)
	}
	return m, trieOf(t, ps)
}

// trieOf is the trie of ps, the reference the matcher is compared with.
func trieOf(t testing.TB, ps []Pattern) *trieMatcher {
	t.Helper()
	trie, err := newTrieMatcher(ps)
	if err != nil {
		t.Fatal(err)
	}
	return trie
}

// findBoth runs Find of m and of the trie of the same patterns on text and
// fails the test if they differ.
func findBoth(t *testing.T, m *Matcher, trie *trieMatcher, text string) []Match {
	t.Helper()
	got := m.Find(nil, []byte(text))
	want := trie.Find(nil, []byte(text))
	if !slices.Equal(got, want) {
		t.Fatalf("patterns %q\ntext %q\n got %v\nwant %v (the trie's)", texts(m.Patterns()), text, got, want)
	}
	return got
}

func texts(ps []Pattern) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Text)
	}
	return out
}

// tokenWords are pieces of patterns and texts for the token walk's edges:
// ASCII runs of every length around the eight and sixteen bytes read at
// once, letters whose lowercase is as long (É, Ĳ, Ω) or not (İ, ẞ), marks,
// punctuation, and bytes that are not UTF-8.
var tokenWords = []string{
	"a", "ab", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklmno", "abcdefghijklmnop",
	"abcdefghijklmnopq", "abcdefghijklmnopqrstuvwxyz0123456789", "ABCDEFGHIJ", "the", "The",
	"state", "x1", "2002", "Qián", "qián", "QIÁN", "é", "É", "ß", "ẞ", "İ", "i", "ĳ", "Ĳ", "Ω",
	"ω", "\u0301", "U.S.", "U.S", "us", "\xff", "\xc3", "\xe2\x82", "naïve", "日本", "a\u0301",
}

var tokenSeps = []string{" ", " ", " ", "  ", "\n", "\r\n", "\t", ".", ", ", "-", "'", "’", "", "é", "—"}

func tokenPhrase(r *rand.Rand, words int) string {
	var b strings.Builder
	for w := range words {
		if w > 0 {
			b.WriteString(tokenSeps[r.IntN(len(tokenSeps))])
		}
		b.WriteString(tokenWords[r.IntN(len(tokenWords))])
	}
	return b.String()
}

// changeCase writes s in upper or lower case, or leaves it.
func changeCase(r *rand.Rand, s string) string {
	switch r.IntN(3) {
	case 0:
		return strings.ToUpper(s)
	case 1:
		return strings.ToLower(s)
	}
	return s
}

// tokenText is a random text of up to twelve pieces, each a pattern of ps
// or a word of tokenWords in any case, with separators between them.
func tokenText(r *rand.Rand, ps []Pattern) string {
	var b strings.Builder
	for range r.IntN(12) {
		if r.IntN(2) == 0 {
			b.WriteString(changeCase(r, ps[r.IntN(len(ps))].Text))
		} else {
			b.WriteString(changeCase(r, tokenPhrase(r, 1)))
		}
		b.WriteString(tokenSeps[r.IntN(len(tokenSeps))])
	}
	return b.String()
}

// TestFindIsTrie compares the matcher with the trie on random patterns and
// texts made of the pieces above.
func TestFindIsTrie(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	found := 0
	for range 300 {
		var ps []Pattern
		for i := range 1 + r.IntN(12) {
			ps = append(ps, Pattern{Text: tokenPhrase(r, 1+r.IntN(3)), Case: Case(r.IntN(3)), Target: i})
		}
		m, trie := matchers(t, ps)
		for range 30 {
			// Cut the text at any byte, so that tokens end near and at
			// its end, where fewer than sixteen bytes are left to read.
			text := tokenText(r, ps)
			if len(text) > 0 {
				text = text[:r.IntN(len(text)+1)]
			}
			found += len(findBoth(t, m, trie, text))
		}
	}
	if found < 2000 {
		t.Errorf("only %d matches: the test no longer exercises the matcher", found)
	}
}

// FuzzFindIsTrie compares the matcher with the trie on any text and any
// patterns, with each case rule.
func FuzzFindIsTrie(f *testing.F) {
	f.Add("The UN Security Council met; the Council agreed.", "UN Security Council|Security Council|Council")
	f.Add("U.S. policy in the U.S.A.", "U.S.|U.S.A.")
	f.Add("Qián Qíchēn and QIÁN", "Qián|qián Qíchēn")
	f.Add("abcdefghijklmnopq abcdefghijklmnop abcdefgh", "abcdefghijklmnopq|ABCDEFGHIJKLMNOP|abcdefgh|abcdefghi")
	f.Add("İstanbul istanbul ẞ ß", "istanbul|İstanbul|ß")
	f.Add("\xff\xfe invalid \xc3 é", "\xff|\xc3|é")
	f.Fuzz(func(t *testing.T, text, aliases string) {
		ps := fuzzPatterns(aliases)
		m, trie := matchers(t, ps)
		findBoth(t, m, trie, text)
	})
}

// TestFindCollidingChecks keeps two bits of each transition's check, so
// that tokens no key has pass probes (the walk goes on from a wrong
// state) and real transitions would share checks (NewMatcher must choose
// other seeds): the matches are still the trie's.
func TestFindCollidingChecks(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	reseeded, wrong := 0, 0
	for range 100 {
		var ps []Pattern
		for i := range 5 + r.IntN(20) {
			ps = append(ps, Pattern{Text: tokenPhrase(r, 1+r.IntN(3)), Case: Case(r.IntN(3)), Target: i})
		}
		m, err := newMatcher(ps, 3)
		if err != nil {
			t.Fatal(err)
		}
		if m.seed != firstSeed {
			reseeded++
		}
		trie := trieOf(t, ps)
		checkKeysReached(t, m)
		for range 30 {
			findBoth(t, m, trie, tokenText(r, ps))
		}
		// Count the tokens of the pieces that no key has after the root
		// but that pass a probe.
		for _, w := range tokenWords {
			if _, v := textToken([]byte(w), 0, m.seed); m.step(0, v, len(w)) != 0 && !hasPrefixToken(ps, w) {
				wrong++
			}
		}
	}
	if reseeded == 0 {
		t.Error("no matcher needed another seed: the test no longer makes checks collide")
	}
	if wrong == 0 {
		t.Error("no token that no key begins with passed a probe: the test no longer walks from wrong states")
	}
}

// hasPrefixToken reports whether a pattern's first token is w's (w one
// token).
func hasPrefixToken(ps []Pattern, w string) bool {
	fw := string(fold(nil, []byte(w)))
	for _, p := range ps {
		k := string(fold(nil, []byte(p.Text)))
		if end, _ := keyToken(k, 0, 0); k[:end] == fw {
			return true
		}
	}
	return false
}

// checkKeysReached walks each pattern's key through the table, token by
// token, and checks that it ends at a state of that key.
func checkKeysReached(t *testing.T, m *Matcher) {
	t.Helper()
	for _, p := range m.Patterns() {
		key := string(fold(nil, []byte(p.Text)))
		state, e := uint32(0), uint32(0)
		for q := 0; q < len(key); {
			end, v := keyToken(key, q, m.seed)
			if e = m.step(state, v, end-q); e == 0 {
				t.Fatalf("key %q: no transition at byte %d", key, q)
			}
			state, q = e&stateMask, end
		}
		fin := m.finals[state]
		if e&isKey == 0 || string(m.keys[fin.key:fin.key+fin.keyN]) != key {
			t.Fatalf("key %q ends at state %d, which is not its", key, state)
		}
	}
}

// TestEveryKeyIsReached checks the table of a registry's aliases: each key
// is reached by its tokens.
func TestEveryKeyIsReached(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var ps []Pattern
	for i := range 3000 {
		ps = append(ps, Pattern{Text: tokenPhrase(r, 1+r.IntN(4)), Case: Smart, Target: i})
	}
	m, err := NewMatcher(ps)
	if err != nil {
		t.Fatal(err)
	}
	checkKeysReached(t, m)
}

// TestAcceptComparesTheKey checks that a key is accepted only when the
// text is the key (a probe compares only a check), under each case rule.
func TestAcceptComparesTheKey(t *testing.T) {
	m, err := NewMatcher([]Pattern{{Text: "gamma", Case: Smart}, {Text: "Delta", Case: Smart}, {Text: "ÉTÉ", Case: Ignore}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		key, text string
		want      int32
	}{
		{"gamma", "gamma", 0}, {"gamma", "GAMMA", 0}, {"gamma", "gamme", -1}, {"gamma", "gamm", -1},
		{"delta", "Delta", 1}, {"delta", "delta", -1}, {"delta", "Delts", -1},
		{"été", "été", 2}, {"été", "ÉTÉ", 2}, {"été", "éta", -1}, {"été", "ete", -1},
	} {
		state := uint32(0)
		for q := 0; q < len(tt.key); {
			end, v := keyToken(tt.key, q, m.seed)
			state, q = m.step(state, v, end-q)&stateMask, end
		}
		if got := m.accept(state, []byte(tt.text)); got != tt.want {
			t.Errorf("accept(state of %q, %q) = %d, want %d", tt.key, tt.text, got, tt.want)
		}
	}
}
