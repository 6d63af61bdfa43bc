package markup_test

import (
	"fmt"

	"edition/generator/bib"
	"edition/generator/index"
	"edition/generator/markup"
)

func ExampleMarkdown_Chapter() {
	ed := &index.Edition{Kinds: []index.Kind{{Key: "concept", Name: "Concept", Plural: "Concepts", Path: "concepts"}}}
	entries := []*index.Entry{{Kind: "concept", Key: "preemption", Name: "Preemption", Aliases: []index.Alias{{Text: "preemption"}, {Text: "preemptive"}}}}
	sources := []*index.Source{{Record: &bib.Record{ID: "nss2002"}, Label: "White House 2002"}}
	links, _ := markup.NewLinks(ed, entries, sources, index.NewLayout(ed))

	src := []byte(`# Beyond Preemption

Preemption is not new [@nss2002, p. 15].

## Practice

> Act preemptively? A preemptive strike.[^1]

[^1]: On preemption [@nss2002].
`)
	r := markup.New().Chapter(markup.Doc{File: "text/01.md", Line: 6, Src: src, Page: "text/one.html"}, links, "Opening")

	fmt.Println("title:", r.Chapter.TitleHTML)
	for _, p := range r.Chapter.Paragraphs {
		fmt.Printf("%s ¶%d in %s (%s): %s\n", p.ID, p.Number, r.Chapter.Sections[p.Section].Title, p.Where, p.Text)
	}
	for _, o := range r.Occurrences {
		fmt.Printf("%s %s in %s (%s) at %s: %s[%s]%s\n", o.ID, o.Target, o.Paragraph, o.Where, o.Pos, o.Snippet.Before, o.Snippet.Match, o.Snippet.After)
	}
	for _, c := range r.Citations {
		fmt.Printf("%s %s %q in %s%s\n", c.ID, c.Source, c.Locator, c.Paragraph, c.Note)
	}
	// Output:
	// title: Beyond Preemption
	// p1 ¶1 in Opening (text): Preemption is not new.
	// p2 ¶2 in Practice (quotation): Act preemptively? A preemptive strike.
	// m1 concept:preemption in p1 (text) at text/01.md:8:1: [Preemption] is not new.
	// m2 concept:preemption in p2 (quotation) at text/01.md:12:23: Act preemptively? A [preemptive] strike.
	// m3 concept:preemption in n1 (note) at text/01.md:14:10: On [preemption].
	// c1 nss2002 "p. 15" in p1
	// c2 nss2002 "" in n1
}
