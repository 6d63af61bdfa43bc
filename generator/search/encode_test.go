package search

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

	"edition/generator/internal/jsonstr"
)

// TestPlainHTML: plainHTML cuts tags as the regular expression
// <(/?)([a-zA-Z0-9]*)[^>]*> finds them (its definition before it was
// written out by hand), on the edition's registry files, on HTML that is
// easy to get wrong and on random runs of its characters.
func TestPlainHTML(t *testing.T) {
	tagRE := regexp.MustCompile(`<(/?)([a-zA-Z0-9]*)[^>]*>`)
	byRE := func(h string) string {
		s := tagRE.ReplaceAllStringFunc(h, func(tag string) string {
			if blockTags[strings.ToLower(tagRE.FindStringSubmatch(tag)[2])] {
				return " "
			}
			return ""
		})
		return strings.Join(strings.Fields(html.UnescapeString(s)), " ")
	}
	inputs := []string{"", "plain", "<p>One</p><p>two</p>", "a<br>b", "a<br/>b", "a<BR>b", "<P>x</P>y", "<em>in</em>word",
		"x < y", "x <y", "a <p b", "a > b <p>c", "<>", "</>", "<<p>>", "<p<br>>x", "<h1 class=\"t\">T</h1>text",
		"&lt;p&gt; is &amp; stays", "<a href=\"x>y\">l</a>", "<!-- c -->z", "<blockquote>q</blockquote>r", "<li>1<li>2",
		"<td>a</td><td>b</td>", "<sup>1</sup>x", "tail <p", "a\u00a0b&nbsp;c", " lead\u2003 trail\u0085 ", "\t\v\f\r x\n", "bad\xff byte"}
	files, _ := filepath.Glob("../../content/registry/*/*.md")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, string(b))
	}
	r := rand.New(rand.NewPCG(3, 4))
	const alphabet = "<>/pbrPa &;lt1 \n\t"
	for range 5000 {
		var b strings.Builder
		for range r.IntN(24) {
			b.WriteByte(alphabet[r.IntN(len(alphabet))])
		}
		inputs = append(inputs, b.String())
	}
	for _, h := range inputs {
		if got, want := plainHTML(h), byRE(h); got != want {
			t.Errorf("plainHTML(%q) = %q, want %q", h, got, want)
		}
	}
}

// TestAppendString: what jsonstr.AppendNoHTMLEscape writes for the index
// is JSON that reads back as the string (with U+FFFD for bytes that are not
// UTF-8), and holds no line or paragraph separator, which JavaScript before
// ES2019 reads as the end of a line.
func TestAppendString(t *testing.T) {
	inputs := []string{"", "plain", `"quoted"`, `back\slash`, "tab\there", "line\nbreak\r\n", "\x00\x01\x1f\x7f",
		"<script>&amp;</script>", "é ’ “ ” 漢字 😀", "sep\u2028ara\u2029tors", "bad \xff byte", "cut \xe2\x80", "\xed\xa0\x80"}
	for c := range rune(0x300) {
		inputs = append(inputs, string(c))
	}
	for _, s := range inputs {
		b := jsonstr.AppendNoHTMLEscape(nil, s)
		var back string
		if err := json.Unmarshal(b, &back); err != nil {
			t.Errorf("%q: %s is not JSON: %v", s, b, err)
			continue
		}
		want := strings.Map(func(r rune) rune { return r }, s) // each byte that is not UTF-8 → U+FFFD
		if back != want {
			t.Errorf("%q: %s reads back as %q", s, b, back)
		}
		if strings.ContainsAny(string(b), "\u2028\u2029") {
			t.Errorf("%q: %s holds a line separator", s, b)
		}
	}
}

// TestNumbers: appendNumber writes each number in as few digits as base
// 32 needs, and the digits read back as the number the way search.js reads
// them.
func TestNumbers(t *testing.T) {
	var ns []int
	for n := range 5000 {
		ns = append(ns, n)
	}
	for s := 5; s < 62; s += 5 {
		ns = append(ns, 1<<s-1, 1<<s, 1<<s+1)
	}
	var b []byte
	for _, n := range ns {
		start := len(b)
		b = appendNumber(b, n)
		size := 1
		for m := n >> 5; m > 0; m >>= 5 {
			size++
		}
		if len(b)-start != size {
			t.Errorf("%d: %q, want %d digits", n, b[start:], size)
		}
	}
	var got []int
	v := 0
	for _, c := range string(b) {
		d := strings.IndexRune(digits, c)
		if d < 0 {
			t.Fatalf("%q is not a digit", c)
		}
		if d >= 32 {
			v = v*32 + d - 32
		} else {
			got = append(got, v*32+d)
			v = 0
		}
	}
	if len(got) != len(ns) {
		t.Fatalf("%d numbers read back, want %d", len(got), len(ns))
	}
	for i := range ns {
		if got[i] != ns[i] {
			t.Errorf("%d reads back as %d", ns[i], got[i])
		}
	}
	for _, c := range digits {
		if c > unicode.MaxASCII || c == '"' || c == '\\' {
			t.Errorf("%q must be written escaped in a string", c)
		}
	}
}

// BenchmarkAppendPostings writes 100 terms' postings of 2,000 documents
// each, the steps between them from 1 to 200 (mostly small, as in a large
// index), one in four with a weight other than 1.
func BenchmarkAppendPostings(b *testing.B) {
	r := rand.New(rand.NewPCG(9, 10))
	var docs [][]int32
	var weights [][]uint8
	for range 100 {
		d, ws := int32(0), []uint8{}
		var ds []int32
		for range 2000 {
			d += int32(1 + r.IntN(1+r.IntN(200)))
			ds = append(ds, d)
			w := uint8(1)
			if r.IntN(4) == 0 {
				w = uint8(2 + r.IntN(10))
			}
			ws = append(ws, w)
		}
		docs, weights = append(docs, ds), append(weights, ws)
	}
	var out []byte
	b.ReportAllocs()
	for b.Loop() {
		out = out[:0]
		for i := range docs {
			out = appendPostings(out, docs[i], weights[i])
		}
	}
}
