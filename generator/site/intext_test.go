package site_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"edition/generator/site"
)

// inTextEdition is a small edition whose chapter cites a source in the
// text, "@nss2002 [p. 33]", in a note, and in brackets; and writes "@" in
// the other ways a text does, which must stay text.
var inTextEdition = map[string]string{
	"edition.yaml": "title: In-text citations\nauthors: [A. Author]\nkinds:\n  - {key: concept, name: Concept, plural: Concepts, path: concepts}\n",
	"bibliography.yaml": `references:
  - id: nss2002
    type: report
    title: The National Security Strategy of the United States of America
    author: [{literal: White House}]
    issued: {date-parts: [[2002, 9]]}
  - id: bush2002
    type: speech
    title: State of the Union Address
    author: [{family: Bush, given: George W.}]
    issued: {date-parts: [[2002, 1, 29]]}
`,
	"registry/concept/preemption.md": "---\nname: Preemption\naliases: [preemption]\n---\nStriking first.\n",
	"text/01-overview.md": `---
title: Overview
---
As @nss2002 [p. 33] argues, preemption is lawful. Write to press@whitehouse.gov or @whitehouse,
not ` + "`@nss2002`" + `, nor [the @nss2002 page](https://example.org/@nss2002).[^1]

[^1]: So @bush2002 said of preemption [@nss2002, p. 15].
`,
}

// TestInTextCitationIsAnOccurrence builds an edition with a citation in
// the text and reads what a reader and a scholar get of it: the chapter's
// link, the source page's list of the places that cite it, the text the
// search reads, the TEI, and the chapter's metadata.
func TestInTextCitationIsAnOccurrence(t *testing.T) {
	dir := writeEdition(t, inTextEdition)
	out := filepath.Join(t.TempDir(), "public")
	if d := os.Getenv("INTEXT_OUT"); d != "" {
		out = d
	}
	res, err := site.Build(site.Options{Content: filepath.Join(dir, "content"), Templates: editionTemplates, Output: out})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diags) > 0 {
		t.Fatalf("diagnostics: %v", res.Diags)
	}

	// The chapter: one link of the words "White House (2002, p. 33)",
	// with an id, to the source's page; the note's citation likewise.
	ch := readPage(t, out, "text/overview.html")
	cites := findAll(ch.Doc, func(n *html.Node) bool { return hasClass(n, "in-text") })
	if len(cites) != 2 {
		t.Fatalf("%d citations in the text, want 2 (the paragraph's and the note's)", len(cites))
	}
	byKey := map[string]*html.Node{}
	for _, c := range cites {
		byKey[attr(c, "data-ref")] = c
	}
	c := byKey["source:nss2002"]
	if c == nil || c.Data != "a" || textOf(c) != "White House (2002, p. 33)" || ch.resolve(attr(c, "href")) != "sources/nss2002.html" || attr(c, "id") == "" {
		t.Fatalf("the paragraph's citation is %s, want a link with an id, “White House (2002, p. 33)”, to sources/nss2002.html", outer(c))
	}
	id := attr(c, "id")
	if b := byKey["source:bush2002"]; b == nil || textOf(b) != "Bush (2002)" {
		t.Errorf("the note's citation is %s, want “Bush (2002)”", outer(b))
	}
	p := ancestor(c, func(n *html.Node) bool { return n.Data == "p" })
	if got := textOf(p); !strings.Contains(got, "As White House (2002, p. 33) argues, preemption is lawful. Write to press@whitehouse.gov or @whitehouse, not @nss2002, nor the @nss2002 page.") {
		t.Errorf("the paragraph reads %q", got)
	}

	// The source's page lists the place in the text, with the locator,
	// and the note.
	src := readPage(t, out, "sources/nss2002.html")
	var places []string
	for _, a := range findAll(src.Doc, func(n *html.Node) bool { return n.Data == "a" && attr(n, "href") != "" }) {
		if strings.HasPrefix(src.resolve(attr(a, "href")), "text/overview.html#") {
			places = append(places, src.resolve(attr(a, "href")))
		}
	}
	if !slices.Contains(places, "text/overview.html#"+id) {
		t.Errorf("the source's page does not link to the citation in the text, #%s: it links to %v", id, places)
	}
	if body := read(t, out, "sources/nss2002.html"); !strings.Contains(body, `#`+id+`">In the text</a>, <span class="locator">p. 33</span>`) {
		t.Errorf("the source's list of citations has no item for the citation in the text with its locator")
	}
	if body := read(t, out, "sources/bush2002.html"); !strings.Contains(body, `overview.html#n1">Note 1</a>`) ||
		!strings.Contains(body, `<p class="note-text">So Bush (2002) said of preemption.</p>`) {
		t.Errorf("the page of the source cited in the text of a note does not list the note with its text")
	}

	// A mention's context reads the citation's words.
	if body := read(t, out, "concepts/preemption.html"); !strings.Contains(body, "As White House (2002, p. 33) argues, <mark>preemption</mark> is lawful.") {
		t.Errorf("the context of the mention of preemption lacks the citation's words")
	}

	// The search reads the words of the citation in the passage.
	if !strings.Contains(searchText(t, out), "White House (2002, p. 33) argues") {
		t.Errorf("the search's text of the paragraph lacks the citation's words")
	}

	// The TEI: a bibl holding a ref to the source, as a bracketed
	// citation is.
	tei := read(t, out, "edition.tei.xml")
	for _, want := range []string{
		`As <bibl><ref type="citation" target="#bib.nss2002">White House (2002, p. 33)</ref></bibl> argues`,
		`So <bibl><ref type="citation" target="#bib.bush2002">Bush (2002)</ref></bibl> said`,
		`not <code>@nss2002</code>`,
	} {
		if !strings.Contains(tei, want) {
			t.Errorf("the TEI lacks %s", want)
		}
	}

	// The chapter's metadata names both works it cites.
	page := read(t, out, "text/overview.html")
	for _, title := range []string{"The National Security Strategy of the United States of America", "State of the Union Address"} {
		if !strings.Contains(page, `citation_reference" content="citation_title=`+title) {
			t.Errorf("the chapter's citation_reference tags lack %q", title)
		}
	}
}

// read returns the built file at site path p under dir.
func read(t *testing.T, dir, p string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// searchText is every file of the search index, joined.
func searchText(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(filepath.Join(dir, "search"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		s, err := os.ReadFile(p)
		b.Write(s)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// outer is n's HTML, for a message.
func outer(n *html.Node) string {
	if n == nil {
		return "missing"
	}
	var b strings.Builder
	_ = html.Render(&b, n)
	return b.String()
}

// countEdition cites its sources in each of the places a citation can
// stand: nss2002 twice in one paragraph (in the text and in brackets),
// once bracketed in another paragraph, once in note 1 and twice in note
// 2; bush2002 only in a note; rice2002 only in the text; powell2003 once
// in a note and once in the text.
var countEdition = map[string]string{
	"edition.yaml": inTextEdition["edition.yaml"],
	"bibliography.yaml": inTextEdition["bibliography.yaml"] + `  - id: rice2002
    type: speech
    title: A Balance of Power that Favors Freedom
    author: [{family: Rice, given: Condoleezza}]
    issued: {date-parts: [[2002, 10, 1]]}
  - id: powell2003
    type: speech
    title: Address to the United Nations Security Council
    author: [{family: Powell, given: Colin}]
    issued: {date-parts: [[2003, 2, 5]]}
`,
	"registry/concept/preemption.md": inTextEdition["registry/concept/preemption.md"],
	"text/01-overview.md": `---
title: Overview
---
As @nss2002 [p. 33] argues, preemption is lawful [@nss2002, p. 40], and @rice2002 agreed.[^1]

The strategy says so again [@nss2002], as did @powell2003.[^2]

[^1]: So @bush2002 said [@nss2002, p. 15].

[^2]: See [@nss2002, p. 1; @nss2002, p. 2] and [@powell2003].
`,
}

// TestCitationCountsSayWhere builds an edition that cites its sources in
// the text and in notes, and reads every count of citations it wrote: the
// preview cards' data, the source pages and the bibliography's links. Each
// says how many notes and passages of the text cite the source, and how
// often, where that is more than the places.
func TestCitationCountsSayWhere(t *testing.T) {
	dir := writeEdition(t, countEdition)
	out := filepath.Join(t.TempDir(), "public")
	res, err := site.Build(site.Options{Content: filepath.Join(dir, "content"), Templates: editionTemplates, Output: out})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diags) > 0 {
		t.Fatalf("diagnostics: %v", res.Diags)
	}
	want := map[string]string{
		"nss2002":    "Cited 6 times: in 2 notes and 2 passages of the text",
		"bush2002":   "Cited in 1 note",
		"rice2002":   "Cited in 1 passage of the text",
		"powell2003": "Cited in 1 note and 1 passage of the text",
	}

	js := read(t, out, "assets/previews.js")
	_, data, ok := strings.Cut(js, "window.editionPreviews=")
	if !ok {
		t.Fatalf("previews.js does not set window.editionPreviews:\n%s", js)
	}
	var cards map[string][]string
	if err := json.Unmarshal([]byte(strings.TrimSuffix(strings.TrimSpace(data), ";")), &cards); err != nil {
		t.Fatalf("previews.js's data is not JSON: %v", err)
	}
	bib := readPage(t, out, "bibliography.html")
	links := map[string]string{}
	for _, a := range findAll(bib.Doc, func(n *html.Node) bool { return hasClass(n, "more") }) {
		links[bib.resolve(attr(a, "href"))] = textOf(a)
	}
	for id, w := range want {
		if c := cards["source:"+id]; len(c) != 5 || c[3] != w {
			t.Errorf("the preview card of %s counts %q, want %q", id, c, w)
		}
		src := readPage(t, out, "sources/"+id+".html")
		counts := findAll(src.Doc, func(n *html.Node) bool { return hasClass(n, "cited-count") })
		if len(counts) != 1 || textOf(counts[0]) != w+"." {
			t.Errorf("the page of %s says %q, want one “%s.”", id, textsOf(counts), w)
		}
		if got, w := links["sources/"+id+".html"], "Details; "+strings.ToLower(w[:1])+w[1:]; got != w {
			t.Errorf("the bibliography's link to %s reads %q, want %q", id, got, w)
		}
	}
}

// textsOf is the text of each of ns.
func textsOf(ns []*html.Node) []string {
	var out []string
	for _, n := range ns {
		out = append(out, textOf(n))
	}
	return out
}
