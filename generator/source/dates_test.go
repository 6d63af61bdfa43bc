package source_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"edition/generator/source"
)

// TestDateInWords: a date copied from a citation, in words, is an error
// whose hint writes it in figures; words that are no date are offered as a
// literal date; what to write is said once, in the hint.
func TestDateInWords(t *testing.T) {
	fsys := fstest.MapFS{
		"edition.yaml":   {Data: []byte("title: T\n")},
		"text/01-one.md": {Data: []byte("---\ntitle: One\n---\nText.\n")},
		"bibliography.yaml": {Data: []byte(`references:
  - {id: a, type: book, title: A, issued: January 2002}
  - {id: b, type: book, title: B, issued: "29 Jan 2002"}
  - {id: c, type: book, title: C, issued: {raw: "2002/01/29"}}
  - {id: d, type: book, title: D, issued: forthcoming}
  - {id: e, type: book, title: E, issued: {literal: forthcoming}}
`)},
	}
	_, diags := source.Load(fsys, "content")
	want := []string{
		`content/bibliography.yaml:2:43: error: invalid issued date: "January 2002" is not a date (write it in figures, year first: “2002-01”)`,
		`content/bibliography.yaml:3:43: error: invalid issued date: "29 Jan 2002" is not a date (write it in figures, year first: “2002-01-29”)`,
		`content/bibliography.yaml:4:49: error: invalid issued date: "2002/01/29" is not a date (write it in figures, year first: “2002-01-29”)`,
		`content/bibliography.yaml:5:43: error: invalid issued date: "forthcoming" is not a date (write YYYY, YYYY-MM, YYYY-MM-DD or {date-parts: [[YYYY, M, D]]}; to show words instead, write {literal: forthcoming})`,
	}
	if got := diags.Strings(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
