package markup_test

import (
	"fmt"
	"strings"
	"testing"

	"edition/generator/bib"
	"edition/generator/diag"
	"edition/generator/index"
	"edition/generator/markup"
	"edition/generator/markup/internal/golden"
)

// md is shared by every test, as the program shares it.
var md = markup.New()

var testEdition = &index.Edition{
	Title: "Test edition",
	Kinds: []index.Kind{
		{Key: "concept", Name: "Concept", Plural: "Concepts", Path: "concepts"},
		{Key: "actor", Name: "Actor", Plural: "Actors", Path: "actors"},
	},
}

func aliases(texts ...string) []index.Alias {
	var as []index.Alias
	for _, t := range texts {
		as = append(as, index.Alias{Text: t, Pos: diag.Pos{File: "registry", Line: 1}})
	}
	return as
}

// newLinks builds the links of a small registry and bibliography.
func newLinks(t testing.TB) *markup.Links {
	t.Helper()
	entries := []*index.Entry{
		{Kind: "concept", Key: "preemption", Name: "Preemption", Aliases: aliases("preemption", "preemptive", "pre-emption")},
		{Kind: "concept", Key: "prevention", Name: "Prevention", Aliases: aliases("preventive war", "prevention")},
		{Kind: "concept", Key: "legitimacy", Name: "Legitimacy", Aliases: aliases("legitimacy")},
		{Kind: "actor", Key: "unsc", Name: "UN Security Council", Aliases: aliases("UN Security Council", "Security Council")},
		{Kind: "actor", Key: "bush", Name: "George W. Bush", Aliases: aliases("George W. Bush", "Bush")},
		{Kind: "actor", Key: "rice", Name: "Condoleezza Rice", Aliases: aliases("Condoleezza Rice")},
		{Kind: "actor", Key: "high-level-panel", Name: "High-Level Panel", Aliases: aliases("High-Level Panel")},
	}
	sources := []*index.Source{
		{Record: &bib.Record{ID: "nss2002"}, Label: "White House 2002", Aliases: aliases("National Security Strategy")},
		{Record: &bib.Record{ID: "bush2002"}, Label: "Bush 2002"},
	}
	links, ds := markup.NewLinks(testEdition, entries, sources, index.NewLayout(testEdition))
	if len(ds) > 0 {
		t.Fatalf("NewLinks: %v", ds)
	}
	return links
}

// The chapter file's front matter is taken to end on line 6, so that
// positions in diagnostics must be offset by the document's first line.
const (
	chapterFile = "content/text/01-test.md"
	chapterLine = 7
	chapterPage = "text/test.html"
)

// dump writes what Chapter returns in a form meant to be read in a golden
// file: first the index data, then the body and each note's HTML.
func dump(r *markup.Result) string {
	var b strings.Builder
	ch := r.Chapter
	if ch.TitleHTML != "" {
		fmt.Fprintf(&b, "title: %s\n", ch.TitleHTML)
	}
	for i, s := range ch.Sections {
		fmt.Fprintf(&b, "section %d #%s %q\n", i, s.ID, s.Title)
	}
	for _, p := range ch.Paragraphs {
		fmt.Fprintf(&b, "paragraph #%s ¶%d section %d %s: %q\n", p.ID, p.Number, p.Section, p.Where, p.Text)
	}
	for _, n := range ch.Notes {
		fmt.Fprintf(&b, "note #%s label %q marker %q series %d, called from #%s in section %d by %v: %q\n",
			n.ID, n.Label, n.Marker, n.Series, n.Paragraph, n.Section, n.Refs, n.Text)
	}
	for _, o := range r.Occurrences {
		explicit := ""
		if o.Explicit {
			explicit = " explicit"
		}
		fmt.Fprintf(&b, "mention #%s %s in #%s ¶%d section %d %s%s at %s: %q [%s] %q\n",
			o.ID, o.Target, o.Paragraph, o.ParaNum, o.Section, o.Where, explicit, o.Pos,
			o.Snippet.Before, o.Snippet.Match, o.Snippet.After)
	}
	for _, c := range r.Citations {
		where := "#" + c.Paragraph
		if c.Note != "" {
			where = "note #" + c.Note
		}
		fmt.Fprintf(&b, "citation #%s source:%s prefix %q locator %q suffix %q in %s section %d at %s\n",
			c.ID, c.Source, c.Prefix, c.Locator, c.Suffix, where, c.Section, c.Pos)
	}
	for _, d := range r.Diags {
		fmt.Fprintf(&b, "! %s\n", d)
	}
	b.WriteString("--- body\n")
	b.WriteString(string(ch.BodyHTML))
	for _, n := range ch.Notes {
		fmt.Fprintf(&b, "--- note #%s\n%s", n.ID, n.HTML)
	}
	return b.String()
}

func TestChapterGolden(t *testing.T) {
	links := newLinks(t)
	golden.Run(t, "testdata/chapter.txt", func(t *testing.T, src []byte) string {
		r := md.Chapter(markup.Doc{File: chapterFile, Line: chapterLine, Src: src, Page: chapterPage}, links, "Opening")
		return dump(r)
	})
}

func TestFragmentGolden(t *testing.T) {
	links := newLinks(t)
	golden.Run(t, "testdata/fragment.txt", func(t *testing.T, src []byte) string {
		html, ds := md.Fragment(markup.Doc{File: "content/registry/concept/preemption.md", Line: 5, Src: src, Page: "concepts/preemption.html"}, links)
		var b strings.Builder
		b.WriteString(string(html))
		for _, d := range ds {
			fmt.Fprintf(&b, "\n! %s", d)
		}
		return b.String()
	})
}
