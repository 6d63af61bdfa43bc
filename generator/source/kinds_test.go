package source_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"edition/generator/source"
)

// A kind may not take a key the edition gives a meaning of its own: the
// bibliography's "source", and the search's "text" and "notes", whose
// filters a kind of that key would share. Each is an error at the kind,
// saying what the key is for; a kind declared twice is one too.
func TestReservedKindKeys(t *testing.T) {
	fsys := fstest.MapFS{
		"edition.yaml": {Data: []byte(`title: T
kinds:
  - key: text
  - key: notes
  - key: source
  - key: actor
  - key: actor
  - key: texts
`)},
		"text/01-one.md": {Data: []byte("---\ntitle: One\n---\nText.\n")},
	}
	_, diags := source.Load(fsys, "content")
	got := diags.Strings()
	want := []string{
		`content/edition.yaml:3:5: error: kind key "text" is reserved: the edition uses it for the search's results in the text (choose another key, such as “text-entry”)`,
		`content/edition.yaml:4:5: error: kind key "notes" is reserved: the edition uses it for the search's results in the notes (choose another key, such as “notes-entry”)`,
		`content/edition.yaml:5:5: error: kind key "source" is reserved: the edition uses it for the bibliography's sources (choose another key, such as “source-entry”)`,
		`content/edition.yaml:7:5: error: kind "actor" is declared twice (give each kind its own key)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
