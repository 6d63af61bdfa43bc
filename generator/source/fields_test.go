package source_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"edition/generator/source"
)

// mistakesFS is a content folder with a mistake in each kind of mapping
// that loading decodes field by field, in front matter simple enough for
// the fast YAML path and in front matter that is not.
var mistakesFS = fstest.MapFS{
	"edition.yaml": {Data: []byte(`title: T
year: 20x4
kinds:
  - key: concept
    types: [doctrine, norm]
  - key: actor
    nmae: Actor
`)},
	"text/01-one.md":   {Data: []byte("---\ntitle: One\nautors: [A]\ntitle: Again\n---\nText.\n")},
	"text/02-two.md":   {Data: []byte("---\ntitle: Two # a comment\nopening: [x]\nslug: Two\n---\nText.\n")},
	"text/03-three.md": {Data: []byte("---\ntitle: \"Three\"\nauthors: {a: b}\n---\n")},
	"text/04-four.md":  {Data: []byte("---\ntitle: 'Four'\nauthors:\n  - A\n  - [B]\nsummary: >-\n  x\n---\nText.\n")},
	"text/05-five.md":  {Data: []byte("---\ntitle: Five\n  more\nbad: \"x\n---\nText.\n")},
	"registry/concept/a-b.md": {Data: []byte(`---
name: "A B"
type: doctrin
aliases:
  - "A B"
  - text: a b
    case: exakt
  - {txt: x}
  - ""
related: [c, d]
wikidata: Q0
date: 1999
name: again
---
Body.
`)},
	"registry/concept/c.md": {Data: []byte("---\nname: C\naliases: x\nrelated: {a: b}\nparent: [x]\n---\n")},
	"registry/actor/d.md":   {Data: []byte("---\nnmae: D\ntype: x\n---\n")},
	"bibliography.yaml": {Data: []byte(`references:
  - id: r1
    type: book
    title: T
    author:
      - {family: F, givn: G}
      - {given: G}
    issued: {date-parts: [[1950, x]]}
    accessed: {raw: 2001-13}
    edited: {date-parts: [[1]]}
    titel: X
  - id: r2
    type: boook
    issued: {dateparts: [[1]]}
    custom: {archived-url: ftp://x, aliases: [""]}
  - id: r1
    title: again
    type: book
`)},
	"pages/about.md": {Data: []byte("---\ntitle: About\nslug: about\nlang: en\n---\nText.\n")},
}

// TestFieldMistakes: the diagnostics of mistakes in fields, word for word
// as before the fields were decoded through field sets and the front
// matter through fastParse.
func TestFieldMistakes(t *testing.T) {
	_, diags := source.Load(mistakesFS, "content")
	got := diags.Strings()
	if strings.Join(got, "\n") != strings.TrimSpace(wantMistakes) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.TrimSpace(wantMistakes))
	}
	if _, memoDiags := source.NewMemo().Load(mistakesFS, "content"); len(memoDiags) != len(diags) {
		t.Errorf("Memo.Load gave %d diagnostics, Load %d", len(memoDiags), len(diags))
	}
}

// wantMistakes is what Load reported before this change (its output then),
// but for "aliases: x", a single alias since aliases took one as related
// does, the words for a list that may be a single value, and an invalid
// slug named at its “slug:” rather than at the file's start, and a missing
// name said with the unknown field that misspells it, as one mistake.
const wantMistakes = `
content/edition.yaml:2:7: error: year must be a whole number, not "20x4" (write a whole number such as 2007)
content/edition.yaml:7:5: error: unknown field "nmae" in a kind (did you mean “name”?)
content/text/01-one.md:3:1: error: unknown field "autors" in the chapter's front matter (did you mean “authors”?)
content/text/01-one.md:4:1: error: field "title" appears twice in the chapter's front matter (remove one of them)
content/text/02-two.md:3:10: error: opening must be text, not a list (give a single value)
content/text/02-two.md:4:7: error: slug "Two" is not a valid slug (use lowercase letters, digits and hyphens)
content/text/03-three.md:3:10: error: authors must be text or a list, not a mapping (write one value, or a list: [a, b] or one “- item” per line)
content/text/03-three.md:5:1: error: the chapter is empty (write the chapter's text after the front matter, or remove the file)
content/text/04-four.md:5:5: error: authors item must be text, not a list (give a single value)
content/text/04-four.md:6:1: error: unknown field "summary" in the chapter's front matter (known fields: authors, opening, slug, title)
content/text/05-five.md:4:6: error: malformed YAML: a quotation mark is never closed (close the quotation with " on this line)
content/registry/actor/d.md:2:1: error: unknown field "nmae" in the entry's front matter, and the entry has no name (did you mean “name”?)
content/registry/concept/a-b.md:7:11: error: case "exakt" is not a case rule (did you mean “exact”?)
content/registry/concept/a-b.md:8:6: error: unknown field "txt" in an alias (did you mean “text”?)
content/registry/concept/a-b.md:8:5: error: empty alias (remove it or give the text)
content/registry/concept/a-b.md:9:5: error: empty alias (remove it or give the text)
content/registry/concept/a-b.md:11:11: error: wikidata "Q0" is not a Wikidata item ID (write the item's Q-number, such as Q1254)
content/registry/concept/a-b.md:12:1: error: unknown field "date" in the entry's front matter (did you mean “dates”?)
content/registry/concept/a-b.md:13:1: error: field "name" appears twice in the entry's front matter (remove one of them)
content/registry/concept/a-b.md:3:7: error: type "doctrin" is not a type of Concepts (did you mean “doctrine”?)
content/registry/concept/c.md:4:10: error: related must be text or a list, not a mapping (write one value, or a list: [a, b] or one “- item” per line)
content/registry/concept/c.md:5:9: error: parent must be text, not a list (give a single value)
content/registry/concept/c.md:1:1: error: a Concept entry needs a type (add “type:” with one of: doctrine, norm)
content/bibliography.yaml:6:21: error: unknown field "givn" in a name (did you mean “given”?)
content/bibliography.yaml:7:9: error: a name in author has no family name (give “family:” (and “given:”), or “literal:” for an institution)
content/bibliography.yaml:8:34: error: date part "x" is not a number (write numbers: [[2002, 1, 29]])
content/bibliography.yaml:9:21: error: invalid accessed date: month 13 is not between 1 and 12 (write YYYY, YYYY-MM or YYYY-MM-DD)
content/bibliography.yaml:10:5: error: unknown field "edited" in a bibliography record (did you mean “editor”?)
content/bibliography.yaml:11:5: error: unknown field "titel" in a bibliography record (did you mean “title”?)
content/bibliography.yaml:14:14: error: unknown field "dateparts" in a date (did you mean “date-parts”?)
content/bibliography.yaml:15:28: error: archived-url must be an http(s) URL (write a full http(s) address)
content/bibliography.yaml:15:47: error: empty alias (remove it or give the text)
content/bibliography.yaml:12:5: error: record "r2" has no title (add “title: …”)
content/bibliography.yaml:13:11: error: record "r2" has type "boook", which is not a CSL type (did you mean “book”?)
content/bibliography.yaml:16:5: error: record id "r1" is already used at content/bibliography.yaml:2:5 (give each record its own id)
content/pages/about.md:4:1: error: unknown field "lang" in the page's front matter (known fields: slug, title)
`
