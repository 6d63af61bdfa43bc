package render_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"edition/generator/site"
)

// awkward is a small edition whose every string that reaches the JSON-LD
// holds what JSON and HTML escape: quotes, backslashes, <, > and &,
// control characters, U+2028 and U+2029, and text beyond ASCII; with a
// container book, entries of every schema.org type, and sources of several
// types with every field the JSON-LD reads.
var awkward = map[string]string{
	"edition.yaml": `title: "The \"Awkward\" <Edition> & \\ Co.\u2028"
authors: ["Zoë <O'Brien>", "Tab\tAuthor"]
editors: ["Ed & Itor"]
publisher: "Press\u2029 <&>"
year: 2001
language: "en-GB"
citation: "In [@book], ed. <b>someone</b>."
license: "Free & <open>"
base_url: "https://example.org/a&b/"
kinds:
  - key: concept
    name: Concept
    plural: "Concepts <&>"
    path: concepts
  - key: actor
    name: Actor
    plural: Actors
    path: actors
  - key: event
    name: Event
    plural: Events
    path: events
`,
	"bibliography.yaml": `references:
  - id: book
    type: book
    title: "The <Book> & \"Its\" \\ Title\u2028"
    editor: [{family: "Smith & Co", given: "Jane"}, {literal: "The <Institute>"}]
    publisher: "Big Press"
    publisher-place: "Place"
    issued: {date-parts: [[1999, 3, 4]]}
  - id: art
    type: article-journal
    title: "An Article\x01 with a control character"
    author: [{family: "Üñíçødé", given: "Ά"}]
    container-title: "Journal <of> Things"
    page: "1–10"
    DOI: "10.1000/<x>&y"
    URL: "https://example.org/art?a=1&b=2"
    issued: {date-parts: [[2003, 12]]}
    custom:
      current-url: "https://example.org/art?a=1&b=2"
      archived-url: "https://web.archive.org/x"
  - id: talk
    type: speech
    title: "A Talk"
    author: [{literal: "Panel, The"}]
    container-title: "Conference"
  - id: page
    type: webpage
    title: "A Page"
    container-title: "Site & Co"
    URL: "ftp://not-http.example.org"
`,
	"registry/concept/term.md": `---
name: "Term <&> \"quoted\""
aliases: ["Term <&> \"quoted\"", "Other\u2028name", "third & last"]
summary: "A term: <b>bold</b> & \\ backslash"
wikidata: Q42
---
Gloss.
`,
	"registry/actor/person.md": `---
name: "Jane Person"
type: person
---
Gloss.
`,
	"registry/actor/state.md": `---
name: "Stateland"
type: state
aliases: ["stateland"]
---
Gloss.
`,
	"registry/event/war.md": `---
name: "The War"
type: war
---
Gloss.
`,
	"text/01-first.md": `---
title: "First <Chapter> & \"More\"\u2029"
authors: ["Chapter \\ Author"]
---
Term <&> "quoted" and Jane Person met in Stateland before The War.[^1]

[^1]: See [@art, 3] and [@talk] and [@page] and [@book].
`,
	"text/02-second.md": `---
title: "Second"
---
Other` + "\u2028" + `name, and third & last.
`,
}

// TestJSONLDIsEncodingJSONs checks that the JSON-LD of every page is what
// encoding/json writes for the same nodes, byte for byte: read back and
// written again with json.Marshal (as html/template wrote it from maps),
// it does not change. That holds the members' order and the escaping to
// what they were.
func TestJSONLDIsEncodingJSONs(t *testing.T) {
	dir := t.TempDir()
	for name, body := range awkward {
		p := filepath.Join(dir, "awkward", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, content := range []string{"../../content", filepath.Join(dir, "awkward")} {
		res := site.Generate(site.Options{Content: content, Templates: "../../templates"})
		if !res.OK() {
			t.Fatalf("%s: %v", content, res.Diags.Err())
		}
		pages := 0
		for _, f := range res.Files {
			if _, leadsOn := res.Index.Layout.Forwards(f.Path); !strings.HasSuffix(f.Path, ".html") || leadsOn {
				continue // a folder's page that leads on has no metadata of its own
			}
			_, rest, ok := bytes.Cut(f.Data, []byte(`<script type="application/ld+json">`))
			if !ok {
				t.Errorf("%s: no JSON-LD", f.Path)
				continue
			}
			ld, _, ok := bytes.Cut(rest, []byte("</script>"))
			if !ok {
				t.Errorf("%s: the JSON-LD's script does not end", f.Path)
				continue
			}
			dec := json.NewDecoder(bytes.NewReader(ld))
			dec.UseNumber()
			var v any
			if err := dec.Decode(&v); err != nil {
				t.Errorf("%s: %v\n%s", f.Path, err, ld)
				continue
			}
			again, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(again, ld) {
				t.Errorf("%s: the JSON-LD is not encoding/json's:\n got %s\nwant %s", f.Path, ld, again)
			}
			pages++
		}
		if pages < 5 {
			t.Errorf("%s: only %d pages", content, pages)
		}
	}
}
