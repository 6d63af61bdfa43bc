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

// TestRelIsTheGeneralPath: Rel's shortcut for clean site paths gives
// what the general path (path.Dir, Split, Join) gives, on the site's own
// paths and on random ones, clean or not, with and without fragments.
func TestRelIsTheGeneralPath(t *testing.T) {
	paths := []string{"", "index.html", "404.html", "text/ch-1.html", "text/ch-2.html", "concepts/un.html",
		"concepts/index.html", "sources/bush-2002.html", "a/b/c.html", "a/b/d.html", "a/c/d.html", "b/a/c.html",
		"text/", "/text/a.html", "./a.html", "a/../b.html", "a//b.html", "text/./a.html", ".", "..", "a/.."}
	r := rand.New(rand.NewPCG(5, 6))
	parts := []string{"a", "b", "text", "x.html", "a.html", ".", "..", ""}
	for range 200 {
		var b strings.Builder
		for i := range 1 + r.IntN(4) {
			if i > 0 {
				b.WriteByte('/')
			}
			b.WriteString(parts[r.IntN(len(parts))])
		}
		paths = append(paths, b.String())
	}
	frags := []string{"", "#", "#p12", "#a/b#c"}
	for _, from := range paths {
		for _, target := range paths {
			for _, frag := range frags {
				want := relGeneral(from, target, frag)
				if target == "" || target == from && frag != "" {
					want = frag
				}
				if got := Rel(from, target+frag); got != want {
					t.Fatalf("Rel(%q, %q) = %q, the general path makes %q", from, target+frag, got, want)
				}
			}
		}
	}
}

// TestSortNameShortcut: a name that SortName gives back without copying it
// is one that its copying loop would give back as it is.
func TestSortNameShortcut(t *testing.T) {
	names := []string{"", "The UN", "the a an x", "Kofi Annan", "O’Brien", "o'brien", "“Quoted”", "‘single’", `say "x"`,
		"Zoë", "中文", "\xff\xfebad", "ok\xe2\x80", "é\u2019", "an", "a b"}
	r := rand.New(rand.NewPCG(7, 8))
	alphabet := []string{"a", "B", " ", "the ", "An ", "’", "'", "“", "”", `"`, "‘", "é", "中", "\xff", "\xe2\x80", "z"}
	for range 20000 {
		var b strings.Builder
		for range r.IntN(6) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		names = append(names, b.String())
	}
	for _, n := range names {
		lower := strings.ToLower(n)
		for _, art := range []string{"the ", "a ", "an "} {
			lower = strings.TrimPrefix(lower, art)
		}
		if got, want := SortName(n), dropQuotes(lower); got != want {
			t.Errorf("SortName(%q) = %q, its loop makes %q", n, got, want)
		}
	}
}
