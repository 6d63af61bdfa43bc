package source

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"edition/generator/bib"
)

// A name written as one string is kept whole, as an institution's is; one
// that looks like a person's is a warning that says how to write it.
func TestPersonLikeNameWarns(t *testing.T) {
	fsys := fstest.MapFS{
		"edition.yaml": {Data: []byte("title: T\n")},
		"text/01-a.md": {Data: []byte("---\ntitle: A\n---\nText.\n")},
		"bibliography.yaml": {Data: []byte(`- id: a
  type: book
  title: A
  author: [Ivo H. Daalder, "Lindsay, James M.", John Smeaton, White House, United Nations, Brookings Institution Press, the Trinity House, Plato, NATO]
  editor:
    - Wu Xinbo
    - {literal: Anne-Marie Slaughter}
    - {family: Kovács János}
    - Wu X.
    - Kofi A. Annan Foundation
`)},
	}
	_, diags := Load(fsys, "")
	got := diags.Strings()
	want := []string{
		`bibliography.yaml:4:12: warning: the author "Ivo H. Daalder" is written as one string, which is kept whole as an institution's name is: it sorts under “I” and citations read “Ivo H. Daalder”, not “Daalder” (write a person as {family: Daalder, given: Ivo H.}; for an institution, write {literal: Ivo H. Daalder} and the warning goes)`,
		`bibliography.yaml:4:28: warning: the author "Lindsay, James M." is written as one string, which is kept whole as an institution's name is: it sorts under “L” and citations read “Lindsay, James M.”, not “Lindsay” (write a person as {family: Lindsay, given: James M.}; for an institution, write {literal: Lindsay, James M.} and the warning goes)`,
		// Words alone: the family name may come last or first, and the
		// warning gives both, asserting neither.
		`bibliography.yaml:4:49: warning: the author "John Smeaton" is written as one string, which is kept whole as an institution's name is: it sorts under “J” and citations read “John Smeaton”, not the family name alone (write a person as {family: Smeaton, given: John} if the family name is written last, or as {family: John, given: Smeaton, static-ordering: true} if it is written first, as Chinese, Japanese, Korean and Hungarian names often are; for an institution, write {literal: John Smeaton} and the warning goes)`,
		`bibliography.yaml:6:7: warning: the editor "Wu Xinbo" is written as one string, which is kept whole as an institution's name is: it sorts under “W” and citations read “Wu Xinbo”, not the family name alone (write a person as {family: Xinbo, given: Wu} if the family name is written last, or as {family: Wu, given: Xinbo, static-ordering: true} if it is written first, as Chinese, Japanese, Korean and Hungarian names often are; for an institution, write {literal: Wu Xinbo} and the warning goes)`,
		// Initials after the family name end it.
		`bibliography.yaml:9:7: warning: the editor "Wu X." is written as one string, which is kept whole as an institution's name is: it sorts under “W” and citations read “Wu X.”, not “Wu” (write a person as {family: Wu, given: X.}; for an institution, write {literal: Wu X.} and the warning goes)`,
		// An initial outweighs an institution's word (as decided: the
		// editor writes {literal: …} to keep it whole).
		`bibliography.yaml:10:7: warning: the editor "Kofi A. Annan Foundation" is written as one string`,
	}
	if len(got) != len(want) {
		t.Fatalf("got %d diagnostics, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("diagnostic %d:\n got %s\nwant %s…", i, got[i], want[i])
		}
	}
}

// A name whose family name comes first in the person's own usage says so
// with static-ordering: true, kept on the name, in CSL-YAML and CSL-JSON
// alike; a value other than true or false is an error at the value that
// says what to write.
func TestStaticOrdering(t *testing.T) {
	for _, tc := range []struct {
		file, src string
	}{
		{"bibliography.yaml", `- id: a
  type: book
  title: A
  author:
    - {family: Wu, given: Xinbo, static-ordering: true}
    - {family: Daalder, given: Ivo H., static-ordering: false}
    - {family: Lindsay, given: James M.}
`},
		{"bibliography.json", `[{"id": "a", "type": "book", "title": "A", "author": [
  {"family": "Wu", "given": "Xinbo", "static-ordering": true},
  {"family": "Daalder", "given": "Ivo H.", "static-ordering": false},
  {"family": "Lindsay", "given": "James M."}]}]
`},
	} {
		c, diags := Load(fstest.MapFS{
			"edition.yaml": {Data: []byte("title: T\n")},
			"text/01-a.md": {Data: []byte("---\ntitle: A\n---\nText.\n")},
			tc.file:        {Data: []byte(tc.src)},
		}, "")
		if len(diags) > 0 {
			t.Fatalf("%s: %v", tc.file, diags.Strings())
		}
		if len(c.Sources) != 1 {
			t.Fatalf("%s: %d sources, want 1", tc.file, len(c.Sources))
		}
		var got []bool
		for _, n := range c.Sources[0].Record.Names["author"] {
			got = append(got, n.StaticOrdering)
		}
		if want := []bool{true, false, false}; !slices.Equal(got, want) {
			t.Errorf("%s: static-ordering of the authors %v, want %v", tc.file, got, want)
		}
	}

	_, diags := Load(fstest.MapFS{
		"edition.yaml": {Data: []byte("title: T\n")},
		"text/01-a.md": {Data: []byte("---\ntitle: A\n---\nText.\n")},
		"bibliography.yaml": {Data: []byte(`- id: a
  type: book
  title: A
  author:
    - {family: Wu, given: Xinbo, static-ordering: yes}
    - {family: Kim, given: Dae-jung, static-ordering: "true"}
    - {family: Nagy, given: Imre, static-ordering: [true]}
`)},
	}, "")
	want := []string{
		`bibliography.yaml:5:51: error: static-ordering must be true or false, not the value "yes" (write “static-ordering: true” if the person's own usage puts the family name first, as in “Wu Xinbo”, or remove the field)`,
		`bibliography.yaml:6:55: error: static-ordering must be true or false, not the text "true" (write true without quotes)`,
		`bibliography.yaml:7:52: error: static-ordering must be true or false, not a list (write “static-ordering: true” if the person's own usage puts the family name first, as in “Wu Xinbo”, or remove the field)`,
	}
	if got := diags.Strings(); !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestAuthorsAsNames: edition.yaml's authors and editors and a chapter's
// authors are names: one string in either order, or a name written as the
// bibliography writes one; a name without a family name is an error at
// its line and column, and so is a name that a list in brackets cut in
// two at its comma (a suffix alone; a family name alone before given
// names that end in an initial, where a quoted item is taken as meant).
func TestAuthorsAsNames(t *testing.T) {
	c, diags := Load(fstest.MapFS{
		"edition.yaml": {Data: []byte("title: T\nauthors: Daalder, Ivo H.\neditors: [James M. Lindsay, {family: Wu, given: Xinbo, static-ordering: true}]\n")},
		"text/01-a.md": {Data: []byte("---\ntitle: A\nauthors:\n  - {family: Kim, given: Dae-jung, static-ordering: true}\n  - Ludwig van Beethoven\n---\nText.\n")},
	}, "")
	if len(diags) > 0 {
		t.Fatal(diags.Strings())
	}
	names := func(ns []bib.Name) []string {
		var out []string
		for _, n := range ns {
			out = append(out, n.Inverted()+fmt.Sprintf(" (%v)", n.StaticOrdering))
		}
		return out
	}
	for _, tc := range []struct {
		what      string
		got, want []string
	}{
		{"the edition's authors", names(c.Edition.Authors), []string{"Daalder, Ivo H. (false)"}},
		{"the edition's editors", names(c.Edition.Editors), []string{"Lindsay, James M. (false)", "Wu, Xinbo (true)"}},
		{"the chapter's authors", names(c.Chapters[0].Authors), []string{"Kim, Dae-jung (true)", "van Beethoven, Ludwig (false)"}},
	} {
		if !slices.Equal(tc.got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.what, tc.got, tc.want)
		}
	}

	_, diags = Load(fstest.MapFS{
		"edition.yaml": {Data: []byte("title: T\nauthors: [{given: Ivo H.}]\n")},
		"text/01-a.md": {Data: []byte("---\ntitle: A\nauthors: [A. Author, {family: Wu, given: Xinbo, static-ordering: yes}]\n---\nText.\n")},
		"text/02-b.md": {Data: []byte("---\ntitle: B\nauthors: [Martin Luther King, Jr., Ludwig van Beethoven]\n---\nText.\n")},
		"text/03-c.md": {Data: []byte("---\ntitle: C\nauthors: [Daalder, Ivo H., Plato, Aristotle, \"Lindsay\", James M.]\n---\nText.\n")},
	}, "")
	want := []string{
		`edition.yaml:2:11: error: a name in authors has no family name (give “family:” (and “given:”), or “literal:” for an institution)`,
		`text/01-a.md:3:66: error: static-ordering must be true or false, not the value "yes" (write “static-ordering: true” if the person's own usage puts the family name first, as in “Wu Xinbo”, or remove the field)`,
		`text/02-b.md:3:31: error: "Jr." in authors is a suffix, not a name: the comma before it ended the name it belongs to (quote a name that has a comma in a list in brackets: ["Martin Luther King, Jr."], or write one “- name” per line)`,
		`text/03-c.md:3:11: error: "Daalder" and "Ivo H." in authors are one name, inverted, that the comma between them split in two (quote it: ["Daalder, Ivo H."], or write one “- name” per line)`,
	}
	if got := diags.Strings(); !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
