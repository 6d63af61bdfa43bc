package render

import (
	"encoding/json"
	"html"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// formerPlainText is plainText as it was: two regular expressions, one
// after the other.
func formerPlainText(h string) string {
	h = formerTagRE.ReplaceAllString(formerBlockTagRE.ReplaceAllString(h, " "), "")
	return strings.Join(strings.Fields(html.UnescapeString(h)), " ")
}

var (
	formerBlockTagRE = regexp.MustCompile(`</?(?:p|div|li|ul|ol|br|blockquote|h[1-6]|table|tr|td|th)\b[^>]*>`)
	formerTagRE      = regexp.MustCompile(`<[^>]*>`)
)

// plainTextPieces are what the random inputs of TestPlainTextIsTheFormer
// are made of: tags and near-tags, entities, spaces, bytes around a name's
// end (the word boundary) and invalid UTF-8.
var plainTextPieces = []string{
	"<", ">", "/", "p", "pre", "P", "br", "b", "h1", "h7", "h", "li", "ol", "ul", "div", "td", "th", "tr", "table",
	"blockquote", "block", "_", "1", "-", " ", "\n", "\t", "\u00a0", "\u2003", "&amp;", "&", "&nbsp;", "&lt;p&gt;",
	"&#62;", "é", "\xff", "\xc3", "word", ".", `"`, "=", "a", "\u0085", "\u3000", "\u1680", "\u2028", "\v", "\f", "\r",
}

// TestPlainTextIsTheFormer: plainText is what the regular expressions
// made of the HTML of the edition's entries, sources and license, and of
// random strings of tags, near-tags and entities.
func TestPlainTextIsTheFormer(t *testing.T) {
	var inputs []string
	for _, dir := range []string{"../../content"} {
		_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				if b, err := os.ReadFile(p); err == nil {
					inputs = append(inputs, string(b)) // Markdown and YAML with some HTML: text with tags
				}
			}
			return nil
		})
	}
	inputs = append(inputs, hostile...)
	inputs = append(inputs, "<p>One</p><p>two <em>three</em></p>", "<ul><li>a</li><li>b</li></ul>", "<p\n class=x>a</p\n>",
		"a<br>b<br/>c", "x<pre>y</pre>z", "<b>bold</b>er", "<a<p>b>c", "<p", "a < b > c", "<h1>T</h1><h7>U</h7>", "</>", "<>",
		"<blockquote>q</blockquote>", "<blockquoted>q", "<p_x>y", "<pé>y", "<p\xff>y", "&lt;p&gt;x&lt;/p&gt;")
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(24) {
			b.WriteString(plainTextPieces[r.IntN(len(plainTextPieces))])
		}
		inputs = append(inputs, b.String())
	}
	if len(inputs) < 20050 {
		t.Fatalf("only %d inputs", len(inputs))
	}
	for _, h := range inputs {
		if got, want := plainText(h), formerPlainText(h); got != want {
			t.Fatalf("plainText(%q) = %q, the regular expressions made %q", h, got, want)
		}
	}
}

// FuzzPlainText compares plainText with the regular expressions it
// replaced on any string.
func FuzzPlainText(f *testing.F) {
	for _, s := range append(hostile, "<p>a</p><b>b</b>", "<a<p>b>c", "<p_x>y") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, h string) {
		if got, want := plainText(h), formerPlainText(h); got != want {
			t.Fatalf("plainText(%q) = %q, the regular expressions made %q", h, got, want)
		}
	})
}

// formerFirstLines is firstLines as it was, with the whole text made into
// runes.
func formerFirstLines(h, summary string) string {
	s := plainText(h)
	if s == "" {
		return summary
	}
	r := []rune(s)
	if len(r) <= previewChars {
		return s
	}
	cut := 0
	for i := 40; i < previewChars && i+1 < len(r); i++ {
		if (r[i] == '.' || r[i] == '?' || r[i] == '!') && r[i+1] == ' ' && (unicode.IsLower(r[i-1]) || unicode.IsDigit(r[i-1]) || r[i-1] == ')' || r[i-1] == '”') {
			cut = i + 1
		}
	}
	if cut > 0 {
		return string(r[:cut])
	}
	t := string(r[:previewChars])
	if i := strings.LastIndexByte(t, ' '); i > 0 {
		t = t[:i]
	}
	return t + "…"
}

// TestFirstLinesIsTheFormer: firstLines, which makes runes of only the
// opening it reads, cuts every text where it cut with the whole text in
// runes: texts shorter and longer than a card, around previewChars runes,
// with and without sentence ends, multi-byte and invalid UTF-8.
func TestFirstLinesIsTheFormer(t *testing.T) {
	words := []string{"word", "Word", "é", "“quoted”", "U.S.", "end.", "end?", "1.", "(x).", "\xff", "\xc3", "é.", "—", " ", "  ", "<p>", "</p>", "&amp;"}
	r := rand.New(rand.NewPCG(3, 4))
	n := 0
	for range 20000 {
		var b strings.Builder
		for range r.IntN(160) {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteByte(' ')
		}
		h := b.String()
		if got, want := firstLines(h, "summary"), formerFirstLines(h, "summary"); got != want {
			t.Fatalf("firstLines(%q) = %q, formerly %q", h, got, want)
		}
		if len(plainText(h)) > previewChars {
			n++
		}
	}
	if n < 1000 {
		t.Fatalf("only %d texts longer than a card", n)
	}
}

// TestCardsAreJSONMarshals: appendCards writes the cards as json.Marshal
// writes the map, on hostile keys and fields.
func TestCardsAreJSONMarshals(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 200 {
		cards := map[string]preview{}
		for range r.IntN(40) {
			var c preview
			for j := range c {
				c[j] = hostile[r.IntN(len(hostile))] + plainTextPieces[r.IntN(len(plainTextPieces))]
			}
			cards[hostile[r.IntN(len(hostile))]+plainTextPieces[r.IntN(len(plainTextPieces))]] = c
		}
		want, err := json.Marshal(cards)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendCards([]byte("x"), cards); string(got) != "x"+string(want) {
			t.Fatalf("appendCards wrote\n%s\njson.Marshal\n%s", got[1:], want)
		}
	}
}
