package markup

import (
	"testing"
	"unicode/utf8"

	"edition/generator/index"
)

func fuzzLinks(t testing.TB) *Links {
	ed := &index.Edition{Kinds: []index.Kind{{Key: "concept", Path: "concepts"}, {Key: "actor", Path: "actors"}}}
	entries := []*index.Entry{
		{Key: "council", Kind: "actor", Name: "Council", Aliases: []index.Alias{{Text: "Security Council"}, {Text: "Council"}}},
		{Key: "force", Kind: "concept", Name: "Force", Aliases: []index.Alias{{Text: "use of force"}, {Text: "force"}}},
	}
	links, diags := NewLinks(ed, entries, nil, index.NewLayout(ed))
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	return links
}

// FuzzChapter runs the whole Markdown → HTML path on any input: it must not
// panic, must produce valid UTF-8 for valid input, and every diagnostic must
// point inside the document.
func FuzzChapter(f *testing.F) {
	for _, s := range []string{
		"# T[^*]\n\nThe Security Council[^1] and the use of force.\n\n[^*]: star\n[^1]: See [@x, p. 2].\n",
		"[x](actor:council) [y](none:) [z](concept:nope) [^missing]\n\n[^unused]: u\n",
		"> quote with force\n\n## S\n\n- Council\n- *force*\n\n```go\nx := 1\n```\n",
		"[[[[[[[[[[**__**__]]]]]]]]", "[^a]: [^a]\n\n[^a]", "<script>alert(1)</script> [a](javascript:alert(1))",
		"\x00\xff", "[@", "*[@x](y)*", "|a|b|\n|-|-|\n|Council|force|\n",
	} {
		f.Add([]byte(s))
	}
	md := New()
	links := fuzzLinks(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		res := md.Chapter(Doc{File: "f.md", Line: 3, Src: src, Page: "text/f.html"}, links, "Opening")
		if utf8.Valid(src) && !utf8.ValidString(string(res.Chapter.BodyHTML)) {
			t.Fatalf("invalid UTF-8 out of valid input %q", src)
		}
		lines := 3 + countLines(src)
		for _, d := range res.Diags {
			if d.Line < 3 || d.Line > lines {
				t.Fatalf("diagnostic outside the document (lines 3–%d): %s", lines, d)
			}
		}
	})
}

func countLines(b []byte) int {
	n := 0
	for _, c := range b {
		if c == '\n' {
			n++
		}
	}
	return n
}
