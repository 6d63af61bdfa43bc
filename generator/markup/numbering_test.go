package markup

import (
	"strings"
	"testing"

	"edition/generator/markup/internal/golden"
)

// testInputs returns the inputs of the golden files and fuzz corpora of
// markup and its extensions, and a few of every block that holds
// paragraphs.
func testInputs(t *testing.T) []string {
	t.Helper()
	texts := []string{
		"Para one.[^1]\n\n> Quoted\n>\n> - loose\n>\n>   item\n\n- tight\n- list\n\n1. loose\n\n   two paras\n\n| a |\n|---|\n| b |\n\n[^1]: Note\n\n    with two paragraphs.\n\n    - and a list\n",
		"# Title\n\n## Section\n\n> > nested\n> > quote\n\n- a\n\n  > quote in an item\n\n  ```\n  code\n  ```\n",
	}
	texts = append(texts, golden.Inputs(t, ".", "*")...)
	if len(texts) < 50 {
		t.Fatalf("only %d inputs found", len(texts))
	}
	return texts
}

// TestNumberingIsAttributes converts every test input with the paragraphs
// numbered in order (numbering) and by their attributes, the way that
// numbering replaced, and compares the HTML and the TEI.
func TestNumberingIsAttributes(t *testing.T) {
	links := fuzzLinks(t)
	fast, slow := New(), New()
	slow.attrs = true
	numbered := 0
	for _, src := range testInputs(t) {
		d := Doc{File: "f.md", Line: 1, Src: []byte(src), Page: "text/f.html"}
		got, want := fast.Chapter(d, links, "Opening").Chapter, slow.Chapter(d, links, "Opening").Chapter
		if got.BodyHTML != want.BodyHTML || got.TitleHTML != want.TitleHTML ||
			string(got.BodyTEI) != string(want.BodyTEI) || string(got.TitleTEI) != string(want.TitleTEI) {
			t.Fatalf("input %q:\nHTML %s\nTEI %s\nwant HTML %s\nTEI %s", src, got.BodyHTML, got.BodyTEI, want.BodyHTML, want.BodyTEI)
		}
		for i := range got.Notes {
			if got.Notes[i].HTML != want.Notes[i].HTML {
				t.Fatalf("input %q: note %d\n%s\nwant\n%s", src, i, got.Notes[i].HTML, want.Notes[i].HTML)
			}
		}
		numbered += strings.Count(string(got.BodyHTML), `class="pnum"`)
	}
	if numbered < 100 {
		t.Fatalf("only %d numbered paragraphs in the inputs", numbered)
	}
}
