package index_test

import (
	"strings"
	"testing"

	"edition/generator/diag"
	"edition/generator/index"
)

// TestUnknownKeyHints: a key in “related:” or “parent:” that names no entry
// is an error whose hint finds the entry meant: by a key a typo away, by
// its name or alias when the file was renamed, or by the key itself when
// it was written with its kind, as an explicit link's target is.
func TestUnknownKeyHints(t *testing.T) {
	ed := &index.Edition{Title: "E", Kinds: []index.Kind{{Key: "concept", Name: "Concept", Plural: "Concepts", Path: "concepts"}}}
	entry := func(key, name string, aliases ...string) *index.Entry {
		e := &index.Entry{Kind: "concept", Key: key, Name: name, File: key + ".md", Pos: diag.Pos{File: key + ".md", Line: 1, Col: 1},
			FieldPos: map[string]diag.Pos{"related": {File: key + ".md", Line: 3, Col: 10}, "parent": {File: key + ".md", Line: 4, Col: 9}}}
		for _, a := range aliases {
			e.Aliases = append(e.Aliases, index.Alias{Text: a})
		}
		return e
	}
	unsc := entry("unsc", "UN Security Council", "Security Council")
	containment := entry("containment", "Containment", "containment")
	a := entry("a", "A")
	a.Related = []string{"un-security-council", "concept:containment", "containmnt"}
	a.Parent = "concept:unsc"
	_, diags := index.Build(index.Input{Edition: ed, Entries: []*index.Entry{unsc, containment, a}})
	var got []string
	for _, d := range diags {
		if d.Severity == diag.Error {
			got = append(got, d.String())
		}
	}
	want := []string{
		`a.md:3:10: error: entry "a" names "un-security-council" as related, but there is no such entry (did you mean “unsc”, the entry named “UN Security Council”?)`,
		`a.md:3:10: error: entry "a" names "concept:containment" as related, but there is no such entry (write the key alone, without its kind: “containment”)`,
		`a.md:3:10: error: entry "a" names "containmnt" as related, but there is no such entry (did you mean “containment”?)`,
		`a.md:4:9: error: entry "a" has parent "concept:unsc", but there is no such entry (write the key alone, without its kind: “unsc”)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
