package markup

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"edition/generator/diag"
)

// TestContextIsSnippet checks that the contexts the inspector computes by
// byte offsets are those snippet defines rune by rune, on texts of words
// in several scripts, long and short, with spaces and invalid UTF-8 near
// the match and far from it, and in texts all ASCII.
func TestContextIsSnippet(t *testing.T) {
	pieces := []string{"word", "Wörter", "ß", "日本語", "𝔘𝔫𝔦", "é", " ", " ", " ", "  ", "-", "\xff", "\xe2\x80", "\xed\xa0\x80", "\uFFFD", "“q”", "…", ".", ". ", "?”", "U.S.", " (so.) "}
	r := rand.New(rand.NewPCG(7, 7))
	for n := range 3000 {
		var b strings.Builder
		words := r.IntN(120)
		for range words {
			p := pieces[r.IntN(len(pieces))]
			if n%3 != 0 && p[0] >= 0x80 && (n%3 == 1 || r.IntN(4) > 0) {
				p = "x" // mostly valid text in one case of three, ASCII in another
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

// TestRuneCountAndASCII checks runeCount against utf8.RuneCount, and
// ascii against a byte by byte look, with a multi-byte rune, an invalid
// byte or none at every place of texts of up to 40 bytes.
func TestRuneCountAndASCII(t *testing.T) {
	for _, odd := range []string{"", "é", "日", "\xff", "\x80", "\xe2\x80"} {
		for n := range 41 {
			for i := 0; i <= n; i++ {
				b := []byte(strings.Repeat("a", i) + odd + strings.Repeat("b", n-i))
				if got, want := runeCount(b), utf8.RuneCount(b); got != want {
					t.Errorf("runeCount(%q) = %d, want %d", b, got, want)
				}
				if got, want := ascii(b), !strings.ContainsFunc(string(b), func(r rune) bool { return r >= utf8.RuneSelf }); got != want {
					t.Errorf("ascii(%q) = %v, want %v", b, got, want)
				}
			}
		}
	}
}

// TestPosIsLinesPos checks the positions the inspector counts from the
// one before against diag.Lines, on texts of several scripts, invalid
// UTF-8, CR LF and long and short lines, at offsets mostly in order, some
// back on their line or further, some inside a rune.
func TestPosIsLinesPos(t *testing.T) {
	pieces := []string{"word ", "Wörter ", "日本語", "𝔘", "\xff", "\xe2\x80", "\n", "\r\n", "\n\n", "[@k]", "“q” "}
	r := rand.New(rand.NewPCG(3, 9))
	for n := range 500 {
		var b strings.Builder
		for range r.IntN(200) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		src := []byte(b.String())
		first := r.IntN(5) // 0 as well: diag.Lines starts at line 1 then
		lines := diag.NewLines("f.md", src, first)
		in := inspector{p: &parsed{src: src, file: "f.md", line: first}}
		in.lastPos = diag.Pos{File: "f.md", Line: max(1, first), Col: 1}
		off := 0
		for range 40 {
			switch k := r.IntN(10); {
			case k < 6:
				off += r.IntN(60)
			case k < 8:
				off -= r.IntN(30)
			default:
				off = r.IntN(len(src) + 2)
			}
			off = max(0, min(off, len(src)))
			if got, want := in.pos(off), lines.Pos(off); got != want {
				t.Fatalf("text %d %q: pos(%d) = %v, want %v", n, src, off, got, want)
			}
		}
	}
}

// wordsOf returns ASCII words starting with first and ending with last,
// n bytes long in all.
func wordsOf(n int, first, last string) string {
	s := first
	for len(s)+len(" wwwww ")+len(last) <= n {
		s += " wwwww"
	}
	s += " "
	return s + strings.Repeat("w", n-len(s)-len(last)) + last
}

// TestSnippetEllipsesAtSentences: a snippet cut where a sentence starts
// begins "… The", and one cut where a sentence ends ends "view. …"; cut
// within a sentence, the ellipsis stands against the word. The contexts
// computed by offsets say the same.
func TestSnippetEllipsesAtSentences(t *testing.T) {
	s := wordsOf(snippetContext-3, "The", "start") // with "s. " before it, the last snippetContext runes
	e := wordsOf(snippetContext-2, "and", "view.") // with a space each side, the first snippetContext runes
	for _, c := range []struct{ text, wantBefore, wantAfter string }{
		{"Words words words. " + s + "MATCH " + e + " Next one.", "… " + s, " " + e + " …"},
		{"Words words words, " + s + "MATCH " + e[:len(e)-1] + ", next one.", "…" + s, " " + e[:len(e)-1] + ",…"},
		{"Words words “words.” " + s + "MATCH " + e[:len(e)-2] + "?” Next one.", "… " + s, " " + e[:len(e)-2] + "?” …"},
		{"Short. MATCH end.", "Short. ", " end."},
	} {
		start := strings.Index(c.text, "MATCH")
		end := start + len("MATCH")
		sn := snippet(c.text, start, end)
		if sn.Before != c.wantBefore || sn.After != c.wantAfter {
			t.Errorf("snippet of %q:\n got %q | %q\nwant %q | %q", c.text, sn.Before, sn.After, c.wantBefore, c.wantAfter)
		}
		in := inspector{scratch: new(scratch)}
		cut := in.context([]byte(c.text), 0, start, end)
		if got := cut.snippet(c.text, string(in.ellipses)); got != sn {
			t.Errorf("context of %q: %q, snippet %q", c.text, got, sn)
		}
	}
}
