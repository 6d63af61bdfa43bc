package search

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"edition/generator/internal/corpus"
)

// countPlainly counts text and names as counter.count is defined: each
// word that eachWord finds, normalized, without stopwords and one-letter
// terms, in the order the terms first occur (text, then names).
func countPlainly(text, names string) []struct {
	term        string
	text, names uint16
} {
	type tc = struct {
		term        string
		text, names uint16
	}
	var out []tc
	at := map[string]int{}
	add := func(s string, name bool) {
		eachWord(s, func(raw string, _, _ int) {
			t := Normalize(raw)
			if utf8.RuneCountInString(t) <= 1 {
				return
			}
			i, ok := at[t]
			if !ok {
				i = len(out)
				at[t] = i
				out = append(out, tc{term: t})
			}
			if name {
				out[i].names++
			} else {
				out[i].text++
			}
		})
	}
	add(text, false)
	add(names, true)
	return out
}

// checkCount compares what c counts in text and names with countPlainly.
func checkCount(t *testing.T, c *counter, text, names string) {
	t.Helper()
	got := c.count(text, names)
	want := countPlainly(text, names)
	terms := c.vocab.list()
	ok := len(got) == len(want)
	for i := 0; ok && i < len(got); i++ {
		ok = terms[got[i].id] == want[i].term && got[i].text == want[i].text && got[i].names == want[i].names
	}
	if !ok {
		var g []string
		for _, tc := range got {
			g = append(g, terms[tc.id])
		}
		t.Errorf("count(%q, %q): terms %q with counts %v, want %v", text, names, g, got, want)
	}
}

// TestCountIsPlainCounting: the counter's one pass over the words of
// ASCII (with the keys packed eight bytes at a time) counts what counting
// eachWord's words counts, on random texts of the characters that matter
// (apostrophes at either end, curly ones, letters outside ASCII, combining
// marks, invalid UTF-8, dashes, long words, words at the very end), and on
// the edition's own text files as they are.
func TestCountIsPlainCounting(t *testing.T) {
	c := newCounter(newVocab())
	r := rand.New(rand.NewPCG(7, 8))
	pieces := []string{"a", "Z", "9", "s", "'", "’", " ", "  ", "-", "é", "e\u0301", "漢", ",", "\xff", ".", "—",
		"The", "states", "Bush's", "don't", "ies", "eight888", "sixteen1sixteen2", "seventeen17seventeen",
		"Internationalization", "\n", "«", "'s"}
	texts := []string{"", "'", "’", "''a''", "’’b’’", "don't", "’tis", "states’", "a\xffb", "e\u0301t\u00e9",
		"ab", "abcdefgh", "abcdefghi", "abcdefghijklmnop", "abcdefghijklmnopq", "x abcdefghijklmnop"}
	for range 20000 {
		var b strings.Builder
		for range r.IntN(16) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for i, text := range texts {
		checkCount(t, c, text, texts[(i*7)%len(texts)])
		// The same words again, now known to the counter.
		checkCount(t, c, text, "")
	}
	files, _ := filepath.Glob("../../content/*/*.md")
	more, _ := filepath.Glob("../../content/*/*/*.md")
	files = append(files, more...)
	if len(files) == 0 {
		t.Fatal("no text files in ../../content")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkCount(t, c, string(b), "")
	}
}

// TestPackAtIsPackWord: packing a word where it stands in a text, eight
// bytes at a time, gives packWord's key, for every word of every length
// at every place, near the text's end too.
func TestPackAtIsPackWord(t *testing.T) {
	text := "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ"
	for s := range len(text) {
		for e := s + 1; e <= len(text); e++ {
			for _, in := range []string{text, text[:e]} {
				gk, gshort := packAt(in, s, e)
				wk, wshort := packWord(in[s:e])
				if gk != wk || gshort != wshort {
					t.Fatalf("packAt(%q, %d, %d) = %v %v, want %v %v", in, s, e, gk, gshort, wk, wshort)
				}
			}
		}
	}
}

// FuzzCount compares the counter with plain counting on any text.
func FuzzCount(f *testing.F) {
	f.Add("Bush's states’ don't abcdefghijklmnopq é—x", "Kofi Annan")
	f.Add("the U.S.-led war, e.g. in D.C.'s", "U.S.A")
	f.Fuzz(func(t *testing.T, text, names string) {
		c := newCounter(newVocab())
		checkCount(t, c, text, names)
		checkCount(t, c, names, text)
		if slices.ContainsFunc(c.out, func(tc termCount) bool { return tc.text == 0 && tc.names == 0 }) {
			t.Errorf("a term counted nowhere")
		}
	})
}

// BenchmarkCount counts the paragraphs of 100 chapters of the synthetic
// corpus (their Markdown as it is, about 260,000 words), each a document,
// with one counter, as a goroutine of a build counts its share.
func BenchmarkCount(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.Write(dir, corpus.Config{Chapters: 100, Entries: 300}); err != nil {
		b.Fatal(err)
	}
	var paras []string
	words := 0
	for i := range 100 {
		src, err := os.ReadFile(filepath.Join(dir, corpus.ChapterPath(i)))
		if err != nil {
			b.Fatal(err)
		}
		for p := range strings.SplitSeq(string(src), "\n\n") {
			paras = append(paras, p)
			words += len(strings.Fields(p))
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		c := newCounter(newVocab())
		for _, p := range paras {
			c.count(p, "")
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*words), "ns/word")
}
