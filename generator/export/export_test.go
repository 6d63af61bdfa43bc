package export_test

import (
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"

	"edition/generator/bib"
	"edition/generator/export"
)

// record is a made-up record with every difficulty the writers must
// handle: special characters, a particle, a suffix, an institution with a
// comma, an en dash in the pages, a month.
func record() *bib.Record {
	return &bib.Record{
		ID: "van2001costs", Type: "article-journal",
		Vars: map[string]string{"title": "Costs & Benefits: 50% of {Everything} in C_1 #2", "container-title": "Journal of Things",
			"volume": "3", "issue": "2", "page": "30–39", "URL": "https://example.org/a b?x={1}", "publisher": "Smith & Sons"},
		Names: map[string][]bib.Name{"author": {
			{Family: "Beethoven", Given: "Ludwig", NonDroppingParticle: "van"},
			{Family: "King", Given: "Martin Luther", Suffix: "Jr."},
			{Literal: "Panel on Threats, Challenges and Change"},
		}},
		Dates: map[string]bib.Date{"issued": {Parts: [][]int{{2001, 9, 11}}}},
	}
}

func TestBibTeX(t *testing.T) {
	got := string(export.BibTeX([]*bib.Record{record()}))
	for _, want := range []string{
		"@article{van2001costs,\n",
		"author = {van Beethoven, Ludwig and King, Jr., Martin Luther and {Panel on Threats, Challenges and Change}}",
		`title = {{Costs \& Benefits: 50\% of \{Everything\} in C\_1 \#2}}`,
		"journal = {Journal of Things}",
		"number = {2}",
		"pages = {30--39}",
		"year = {2001}",
		"month = sep,",
		"url = {https://example.org/a%20b?x=%7B1%7D}",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("BibTeX lacks %q:\n%s", want, got)
		}
	}
	if strings.Count(got, "{")-strings.Count(got, `\{`) != strings.Count(got, "}")-strings.Count(got, `\}`) {
		t.Errorf("unbalanced braces:\n%s", got)
	}
}

func TestRIS(t *testing.T) {
	got := string(export.RIS([]*bib.Record{record()}))
	want := `TY  - JOUR
ID  - van2001costs
AU  - van Beethoven, Ludwig
AU  - King, Martin Luther, Jr.
AU  - Panel on Threats, Challenges and Change
TI  - Costs & Benefits: 50% of {Everything} in C_1 #2
T2  - Journal of Things
JF  - Journal of Things
PY  - 2001
DA  - 2001/09/11/
VL  - 3
IS  - 2
SP  - 30
EP  - 39
PB  - Smith & Sons
UR  - https://example.org/a b?x={1}
ER  - 
`
	if got != want {
		t.Errorf("RIS:\n%s\nwant:\n%s", got, want)
	}
}

func TestCSLJSON(t *testing.T) {
	b, err := export.CSLJSON([]*bib.Record{record()})
	if err != nil {
		t.Fatal(err)
	}
	var items []map[string]any
	if err := json.Unmarshal(b, &items); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	it := items[0]
	if it["id"] != "van2001costs" || it["type"] != "article-journal" || it["page"] != "30–39" {
		t.Errorf("item %v", it)
	}
	authors := it["author"].([]any)
	if a := authors[0].(map[string]any); a["non-dropping-particle"] != "van" || a["family"] != "Beethoven" {
		t.Errorf("first author %v", a)
	}
	if a := authors[2].(map[string]any); a["literal"] != "Panel on Threats, Challenges and Change" {
		t.Errorf("third author %v", a)
	}
	if !strings.HasPrefix(string(b), "[\n  {\"id\": \"van2001costs\", \"type\": \"article-journal\"") {
		t.Errorf("id and type do not come first: %.80s", b)
	}
}

func TestSitemapAndRobots(t *testing.T) {
	if _, ok := export.Sitemap("", []string{"index.html"}); ok {
		t.Error("a sitemap without a base URL")
	}
	b, ok := export.Sitemap("https://example.org/e/", []string{"text/a&b.html", "actors/index.html", "index.html"})
	if !ok {
		t.Fatal("no sitemap")
	}
	var sm struct {
		URLs []string `xml:"url>loc"`
	}
	if err := xml.Unmarshal(b, &sm); err != nil {
		t.Fatal(err)
	}
	want := []string{"https://example.org/e/actors/", "https://example.org/e/", "https://example.org/e/text/a&b.html"}
	if strings.Join(sm.URLs, " ") != strings.Join(want, " ") {
		t.Errorf("sitemap URLs %q, want %q", sm.URLs, want)
	}
	if r := string(export.Robots("https://example.org/e/", true)); !strings.Contains(r, "Sitemap: https://example.org/e/sitemap.xml") {
		t.Errorf("robots.txt: %q", r)
	}
}
