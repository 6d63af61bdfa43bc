package markup_test

import (
	"fmt"
	"slices"
	"testing"

	"edition/generator/markup"
)

// The ordinary links and images of a text are recorded with their
// destinations as written and their positions in the file, wherever they
// are: paragraphs, headings, notes, lists, tables; explicit links to
// entries, which become mentions, and links in code are not.
func TestChapterRecordsOrdinaryLinks(t *testing.T) {
	src := "# Title with [a link](title.html)\n" + // line 7
		"\n" +
		"See [Preemption](concept:preemption), [the about page](../about.html) and ![a map](img/map.png \"Map\").[^1]\n" + // 9
		"\n" +
		"## Section [here](#p1)\n" + // 11
		"\n" +
		"- a [ref link][r], `[code](code.html)`, <htp://example.org> and <me@example.org>\n" + // 13
		"\n" +
		"| a | b |\n|---|---|\n| [cell](chapter-02.html#p-999) | x |\n" + // 15-17
		"\n" +
		"[r]: https://example.org/ref\n" + // 19
		"\n" +
		"[^1]: A note with [é](mailto:x@example.org).\n" // 21
	r := chapter(t, newLinks(t), src)
	if len(r.Diags) > 0 {
		t.Fatal(r.Diags)
	}
	var got []string
	for _, l := range r.Links {
		got = append(got, fmt.Sprintf("%s %q image=%v", l.Pos, l.Dest, l.Image))
	}
	want := []string{
		`content/text/01-test.md:7:14 "title.html" image=false`,
		`content/text/01-test.md:9:39 "../about.html" image=false`,
		`content/text/01-test.md:9:75 "img/map.png" image=true`,
		`content/text/01-test.md:11:12 "#p1" image=false`,
		`content/text/01-test.md:13:5 "https://example.org/ref" image=false`,
		`content/text/01-test.md:13:41 "htp://example.org" image=false`,
		`content/text/01-test.md:17:3 "chapter-02.html#p-999" image=false`,
		`content/text/01-test.md:21:19 "mailto:x@example.org" image=false`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("links:\n got %q\nwant %q", got, want)
	}
}

// A fragment's links are recorded too; a text without any records none.
func TestFragmentRecordsOrdinaryLinks(t *testing.T) {
	_, links, ds := md.FragmentLinks(markup.Doc{File: "entry.md", Line: 4, Src: []byte("Text.\n\nMore [x](../missing.html).\n"), Page: "concepts/x.html"}, newLinks(t))
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	if len(links) != 1 || links[0].Dest != "../missing.html" || links[0].Pos.String() != "entry.md:6:6" {
		t.Errorf("got %+v, want ../missing.html at entry.md:6:6", links)
	}
	_, links, _ = md.FragmentLinks(markup.Doc{File: "entry.md", Line: 4, Src: []byte("Just [Preemption](concept:preemption).\n"), Page: "concepts/x.html"}, newLinks(t))
	if links != nil {
		t.Errorf("an explicit link is not an ordinary one: %+v", links)
	}
}
