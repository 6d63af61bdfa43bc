package site_test

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"edition/generator/site"
)

// familyFirstEdition cites works by persons whose family name comes first
// in their own usage, written with static-ordering: true: Wu Xinbo, second
// author of an article and author of a book, and Kim Dae-jung, first
// editor of the book the text appeared in (edition.yaml's citation). The
// works are made up; the names are only names.
var familyFirstEdition = map[string]string{
	"edition.yaml": `title: Names
authors: [A. Author]
citation: "In *Rivals and Allies*, ed. Kim Dae-jung and Ivo H. Daalder (Example Press, 2006). [@kim2006rivals]"
kinds:
  - {key: concept, name: Concept, plural: Concepts, path: concepts}
`,
	"bibliography.yaml": `references:
  - id: wu2004
    type: book
    title: Turbulent Waters
    author: [{family: Wu, given: Xinbo, static-ordering: true}]
    publisher: Example Press
    issued: 2004
  - id: lindsay2005
    type: article-journal
    title: Partners across the Pacific
    container-title: Journal of Examples
    author:
      - {family: Lindsay, given: James M.}
      - {family: Wu, given: Xinbo, static-ordering: true}
    issued: 2005
  - id: kim2006rivals
    type: book
    title: Rivals and Allies
    editor:
      - {family: Kim, given: Dae-jung, static-ordering: true}
      - {family: Daalder, given: Ivo H.}
    publisher: Example Press
    issued: 2006
`,
	"registry/concept/partnership.md": "---\nname: Partnership\naliases: [partnership]\n---\nWorking together.\n",
	"text/01-overview.md": `---
title: Overview
---
The partnership held across the Pacific.[^1]

[^1]: See [@lindsay2005, p. 4] and [@wu2004], and the book this appeared in [@kim2006rivals].
`,
}

// buildFamilyFirst builds familyFirstEdition into a temporary folder and
// returns the folder.
func buildFamilyFirst(t *testing.T) string {
	t.Helper()
	return buildWithoutDiagnostics(t, familyFirstEdition)
}

// buildWithoutDiagnostics builds the edition of files (content paths and
// their text) into a temporary folder and returns the folder; the test
// fails on any error or warning.
func buildWithoutDiagnostics(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := writeEdition(t, files)
	out := filepath.Join(t.TempDir(), "public")
	res, err := site.Build(site.Options{Content: filepath.Join(dir, "content"), Templates: editionTemplates, Output: out})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diags) > 0 {
		t.Fatalf("diagnostics: %v", res.Diags)
	}
	return out
}

// collapsed is the text of n with its runs of white space made one space.
func collapsed(n *html.Node) string { return strings.Join(strings.Fields(textOf(n)), " ") }

// TestFamilyFirstNamesInThePages reads the pages that show a name of
// static ordering: wherever names read given name first, it reads family
// name first, without a comma ("Wu Xinbo", never "Xinbo Wu"), and so it
// does as a bibliography entry's first name, which Chicago leaves
// uninverted; where other places invert names (the sort, the citation
// tags) it is inverted as any other ("Wu, Xinbo"), and labels name the
// family alone.
func TestFamilyFirstNamesInThePages(t *testing.T) {
	out := buildFamilyFirst(t)

	// The source page: its record, its JSON-LD and its Cite block.
	src := readPage(t, out, "sources/lindsay2005.html")
	entry := find(src.Doc, func(n *html.Node) bool { return hasClass(n, "bib-entry") })
	if got, want := collapsed(entry), "Lindsay, James M., and Wu Xinbo. “Partners across the Pacific.” Journal of Examples (2005)."; got != want {
		t.Errorf("the source page's record reads\n  %s\nwant\n  %s", got, want)
	}
	var authors []any
	for _, n := range jsonLD(t, src.Path, src.Doc) {
		if n["@type"] == "ScholarlyArticle" {
			authors, _ = n["author"].([]any)
		}
	}
	if len(authors) != 2 {
		t.Fatalf("the source page's JSON-LD has authors %v, want 2", authors)
	}
	wantPersons := []map[string]any{
		{"@type": "Person", "familyName": "Lindsay", "givenName": "James M.", "name": "James M. Lindsay"},
		{"@type": "Person", "familyName": "Wu", "givenName": "Xinbo", "name": "Wu Xinbo"},
	}
	for i, a := range authors {
		p, _ := a.(map[string]any)
		for k, v := range wantPersons[i] {
			if p[k] != v {
				t.Errorf("the source page's JSON-LD author %d has %s %v, want %q", i+1, k, p[k], v)
			}
		}
	}
	for id, want := range map[string]string{
		"cite-bib": "author = {Lindsay, James M. and Wu, Xinbo}",
		"cite-ris": "AU - Lindsay, James M. AU - Wu, Xinbo TI", // (textOf makes white space one space)
	} {
		if got := textOf(src.byID(id)); !strings.Contains(got, want) {
			t.Errorf("the source page's Cite block #%s lacks %q:\n%s", id, want, got)
		}
	}

	// The bibliography page: the entries, in order of their first
	// author's family name.
	bibPage := readPage(t, out, "bibliography.html")
	var ids []string
	for _, li := range findAll(bibPage.Doc, func(n *html.Node) bool {
		return n.Data == "li" && n.Parent != nil && hasClass(n.Parent, "bibliography")
	}) {
		ids = append(ids, attr(li, "id"))
	}
	if want := []string{"kim2006rivals", "lindsay2005", "wu2004"}; !slices.Equal(ids, want) {
		t.Errorf("the bibliography lists %v, want %v", ids, want)
	}
	for id, want := range map[string]string{
		"lindsay2005":   "Lindsay, James M., and Wu Xinbo. “Partners across the Pacific.”",
		"wu2004":        "Wu Xinbo. Turbulent Waters. Example Press, 2004.",
		"kim2006rivals": "Kim Dae-jung and Ivo H. Daalder, eds. Rivals and Allies. Example Press, 2006.",
	} {
		if got := collapsed(bibPage.byID(id)); !strings.HasPrefix(got, want) {
			t.Errorf("the bibliography's entry %s reads\n  %s\nwant it to begin\n  %s", id, got, want)
		}
	}

	// The chapter's note: the citation's label names the families, and
	// the preview card its link shows reads the entry.
	ch := readPage(t, out, "text/overview.html")
	note := ch.byID("n1")
	var labels []string
	for _, a := range findAll(note, func(n *html.Node) bool { return hasClass(n, "cite") }) {
		labels = append(labels, attr(a, "data-ref")+" "+textOf(a))
	}
	if want := []string{"source:lindsay2005 Lindsay and Wu 2005", "source:wu2004 Wu 2004", "source:kim2006rivals Kim and Daalder 2006"}; !slices.Equal(labels, want) {
		t.Errorf("the note's citations are %q, want %q", labels, want)
	}
	js := read(t, out, "assets/previews.js")
	_, data, _ := strings.Cut(js, "window.editionPreviews=")
	var cards map[string][]string
	if err := json.Unmarshal([]byte(strings.TrimSuffix(strings.TrimSpace(data), ";")), &cards); err != nil {
		t.Fatalf("previews.js's data is not JSON: %v", err)
	}
	if c := cards["source:lindsay2005"]; len(c) != 5 || !strings.HasPrefix(c[2], "Lindsay, James M., and Wu Xinbo.") {
		t.Errorf("the preview card of the note's citation of lindsay2005 is %q, want its text to begin “Lindsay, James M., and Wu Xinbo.”", c)
	}

	// The chapter's Cite block: the book's editors, in the Chicago note
	// given-first as Chicago writes them there, and in BibTeX inverted.
	if got, want := collapsed(ch.byID("cite-chapter-chicago")), "in Rivals and Allies, ed. Kim Dae-jung and Ivo H. Daalder (Example Press, 2006)"; !strings.Contains(got, want) {
		t.Errorf("the chapter's Chicago citation reads\n  %s\nwant it to hold\n  %s", got, want)
	}
	if got, want := textOf(ch.byID("cite-chapter-bibtex")), "editor = {Kim, Dae-jung and Daalder, Ivo H.}"; !strings.Contains(got, want) {
		t.Errorf("the chapter's BibTeX lacks %q:\n%s", want, got)
	}

	// The chapter's metadata: citation tags inverted, as Google Scholar
	// reads them; the JSON-LD of the book with its editors' names read.
	metadataHolds(t, read(t, out, "text/overview.html"),
		`<meta name="citation_editor" content="Kim, Dae-jung">`,
		`citation_title=Partners across the Pacific; citation_author=Lindsay, James M.; citation_author=Wu, Xinbo;`)
	var editors []string
	for _, n := range jsonLD(t, ch.Path, ch.Doc) {
		if n["name"] != "Rivals and Allies" {
			continue
		}
		eds, _ := n["editor"].([]any)
		for _, e := range eds {
			p, _ := e.(map[string]any)
			editors = append(editors, asString(p["name"]))
		}
	}
	if want := []string{"Kim Dae-jung", "Ivo H. Daalder"}; !slices.Equal(editors, want) {
		t.Errorf("the chapter's JSON-LD names the book's editors %q, want %q", editors, want)
	}
}

// TestFamilyFirstNamesInTheExports reads the bibliography's exports: the
// CSL-JSON keeps static-ordering on the name that has it, alone; BibTeX and
// RIS write every person "Family, Given", which says which name is the
// family's whatever its order; the TEI writes the parts of a name in the
// order it is read. Other people's parsers read them back so.
func TestFamilyFirstNamesInTheExports(t *testing.T) {
	out := buildFamilyFirst(t)

	for _, f := range []string{"bibliography.json", "sources/lindsay2005.json"} {
		var items []struct {
			ID     string
			Author []map[string]any
		}
		if err := json.Unmarshal([]byte(read(t, out, f)), &items); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, it := range items {
			if it.ID != "lindsay2005" {
				continue
			}
			if len(it.Author) != 2 {
				t.Fatalf("%s: authors %v", f, it.Author)
			}
			if _, ok := it.Author[0]["static-ordering"]; ok {
				t.Errorf("%s: Lindsay has static-ordering: %v", f, it.Author[0])
			}
			if it.Author[1]["static-ordering"] != true || it.Author[1]["family"] != "Wu" || it.Author[1]["given"] != "Xinbo" {
				t.Errorf("%s: the second author is %v, want family Wu, given Xinbo, static-ordering true", f, it.Author[1])
			}
		}
	}
	if j := read(t, out, "sources/lindsay2005.json"); !strings.Contains(j, `{"family":"Wu","given":"Xinbo","static-ordering":true}`) {
		t.Errorf("sources/lindsay2005.json does not write the name as CSL-JSON does:\n%s", j)
	}

	for f, want := range map[string]string{
		"bibliography.bib": "author = {Lindsay, James M. and Wu, Xinbo}",
		"bibliography.ris": "AU  - Lindsay, James M.\nAU  - Wu, Xinbo\n",
	} {
		if !strings.Contains(read(t, out, f), want) {
			t.Errorf("%s lacks %q", f, want)
		}
	}

	tei := read(t, out, "edition.tei.xml")
	for _, want := range []string{
		`<author><persName><forename>James M.</forename> <surname>Lindsay</surname></persName></author>`,
		`<author><persName><surname>Wu</surname> <forename>Xinbo</forename></persName></author>`,
		`<editor><persName><surname>Kim</surname> <forename>Dae-jung</forename></persName></editor>`,
		`<editor><persName><forename>Ivo H.</forename> <surname>Daalder</surname></persName></editor>`,
	} {
		if !strings.Contains(tei, want) {
			t.Errorf("the TEI lacks %s", want)
		}
	}

	// Read back: Citation.js keeps static-ordering from the CSL-JSON, and
	// finds the same family and given names in RIS as in CSL-JSON.
	type name struct {
		Family, Given  string
		StaticOrdering bool `json:"static-ordering"`
	}
	for _, mode := range []string{"csl", "ris"} {
		file := "sources/lindsay2005.json"
		if mode == "ris" {
			file = "sources/lindsay2005.ris"
		}
		var answers []struct {
			Items []struct{ Author []name }
		}
		parse(t, mode, &answers, filepath.Join(out, filepath.FromSlash(file)))
		if len(answers) != 1 || len(answers[0].Items) != 1 {
			t.Fatalf("%s: read back as %v", file, answers)
		}
		want := []name{{"Lindsay", "James M.", false}, {"Wu", "Xinbo", mode == "csl"}}
		if got := answers[0].Items[0].Author; !slices.Equal(got, want) {
			t.Errorf("%s read back by Citation.js: authors %+v, want %+v", file, got, want)
		}
	}
}

// TestAuthorsOfTheEdition: edition.yaml's and a chapter's authors and
// editors may be one string in either order, or a name as the
// bibliography writes it, for a family name first. The pages show each in
// reading order; the chapter's own record (its Cite block, its citation
// tags) knows which part is the family name.
func TestAuthorsOfTheEdition(t *testing.T) {
	files := map[string]string{
		"edition.yaml": `title: Names
authors: ["Daalder, Ivo H."]
editors: ["Martin Luther King, Jr.", {family: Kim, given: Dae-jung, static-ordering: true}]
year: 2007
kinds:
  - {key: concept, name: Concept, plural: Concepts, path: concepts}
`,
		"bibliography.yaml":               "references: []\n",
		"registry/concept/partnership.md": "---\nname: Partnership\naliases: [partnership]\n---\nWorking together.\n",
		"text/01-waters.md": `---
title: Waters
authors:
  - {family: Wu, given: Xinbo, static-ordering: true}
  - Ludwig van Beethoven
---
The partnership held.
`,
	}
	out := buildWithoutDiagnostics(t, files)
	ch := readPage(t, out, "text/waters.html")
	if got, want := collapsed(first(t, ch, func(n *html.Node) bool { return hasClass(n, "byline") })), "Wu Xinbo, Ludwig van Beethoven"; got != want {
		t.Errorf("the chapter's byline reads %q, want %q", got, want)
	}
	footer := collapsed(first(t, ch, func(n *html.Node) bool { return n.Data == "footer" }))
	if want := "Names by Ivo H. Daalder, 2007. An annotated online edition, edited by Martin Luther King, Jr., Kim Dae-jung."; !strings.HasPrefix(footer, want) {
		t.Errorf("the footer reads\n  %s\nwant it to begin\n  %s", footer, want)
	}
	if got, want := textOf(ch.byID("cite-chapter-bibtex")), "author = {Wu, Xinbo and van Beethoven, Ludwig}"; !strings.Contains(got, want) {
		t.Errorf("the chapter's BibTeX lacks %q:\n%s", want, got)
	}
	if got, want := textOf(ch.byID("cite-chapter-bibtex")), "@book{wu2007-waters,"; !strings.Contains(got, want) {
		t.Errorf("the chapter's BibTeX lacks %q:\n%s", want, got)
	}
	metadataHolds(t, read(t, out, "text/waters.html"),
		`<meta name="citation_author" content="Wu, Xinbo">`,
		`<meta name="citation_author" content="van Beethoven, Ludwig">`)

	// The JSON-LD knows the parts too: the chapter's authors, and the
	// edition's authors and editors on its title page.
	wantLD := map[string][]map[string]any{
		"Chapter author": {
			{"@type": "Person", "familyName": "Wu", "givenName": "Xinbo", "name": "Wu Xinbo"},
			{"@type": "Person", "familyName": "van Beethoven", "givenName": "Ludwig", "name": "Ludwig van Beethoven"},
		},
		"Book author": {{"@type": "Person", "familyName": "Daalder", "givenName": "Ivo H.", "name": "Ivo H. Daalder"}},
		"Book editor": {
			{"@type": "Person", "familyName": "King", "givenName": "Martin Luther", "name": "Martin Luther King, Jr."},
			{"@type": "Person", "familyName": "Kim", "givenName": "Dae-jung", "name": "Kim Dae-jung"},
		},
	}
	got := map[string][]any{}
	for _, path := range []string{"text/waters.html", "index.html"} {
		p := readPage(t, out, path)
		for _, n := range jsonLD(t, p.Path, p.Doc) {
			typ, _ := n["@type"].(string)
			for _, k := range []string{"author", "editor"} {
				if ns, ok := n[k].([]any); ok && got[typ+" "+k] == nil {
					got[typ+" "+k] = ns
				}
			}
		}
	}
	for key, want := range wantLD {
		if len(got[key]) != len(want) {
			t.Errorf("JSON-LD %s: %v, want %d names", key, got[key], len(want))
			continue
		}
		for i, a := range got[key] {
			p, _ := a.(map[string]any)
			for k, v := range want[i] {
				if p[k] != v {
					t.Errorf("JSON-LD %s %d has %s %v, want %q", key, i+1, k, p[k], v)
				}
			}
		}
	}
}

// first is the first element of p that keep keeps; the test fails without.
func first(t *testing.T, p *page, keep func(*html.Node) bool) *html.Node {
	t.Helper()
	found := findAll(p.Doc, keep)
	if len(found) == 0 {
		t.Fatalf("%s has no such element", p.Path)
	}
	return found[0]
}

// metadataHolds fails the test for each of want that the chapter's page
// does not hold.
func metadataHolds(t *testing.T, page string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(page, w) {
			t.Errorf("the chapter's metadata lacks %s", w)
		}
	}
}
