package source

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"edition/generator/internal/words"
)

// The regular expressions that isKey and trimOrderPrefix replace.
var (
	keyRE         = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)
	orderPrefixRE = regexp.MustCompile(`^\d+[-_. ]+`)
)

// names returns the strings of up to 6 bytes over a small alphabet that
// holds every kind of byte the two functions tell apart, and random longer
// ones.
func names() []string {
	const alphabet = "az09-_. A\xc3\xa9\u0663"
	var out []string
	var grow func(s string, n int)
	grow = func(s string, n int) {
		out = append(out, s)
		if n == 0 {
			return
		}
		for i := 0; i < len(alphabet); i++ {
			grow(s+alphabet[i:i+1], n-1)
		}
	}
	grow("", 4)
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(20) {
			b.WriteByte(alphabet[r.IntN(len(alphabet))])
		}
		out = append(out, b.String())
	}
	return out
}

func TestIsKeyIsKeyRE(t *testing.T) {
	for _, s := range names() {
		if got, want := isKey(s), keyRE.MatchString(s); got != want {
			t.Fatalf("isKey(%q) = %v, keyRE says %v", s, got, want)
		}
	}
}

func TestTrimOrderPrefixIsRE(t *testing.T) {
	for _, s := range names() {
		if got, want := trimOrderPrefix(s), orderPrefixRE.ReplaceAllString(s, ""); got != want {
			t.Fatalf("trimOrderPrefix(%q) = %q, orderPrefixRE gives %q", s, got, want)
		}
	}
}

// TestCollapseSpace checks words.Join, which makes an alias's spaces one,
// on the names and spacings aliases have: its shortcut for a text already
// so is what most of them take.
func TestCollapseSpace(t *testing.T) {
	for _, s := range append(names(), "", " ", "a  b", " a", "a ", "a\tb", "a\u00a0b", "a\u2003b", "a\nb", "a\x85b", "a\x1fb") {
		for _, s := range []string{s, strings.ReplaceAll(s, "_", " "), strings.ReplaceAll(s, ".", "\t")} {
			if got, want := words.Join(s), strings.Join(strings.Fields(s), " "); got != want {
				t.Fatalf("words.Join(%q) = %q, want %q", s, got, want)
			}
		}
	}
}
