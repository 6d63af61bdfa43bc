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

// TestAliasThatIsAKey: an alias that is another entry's key, written as
// words or as the key (“weak states”, “containment”), links to the entry
// that lists it, not to the one of that name: a warning at the alias,
// unless the other entry claims the alias too (an error of its own).
func TestAliasThatIsAKey(t *testing.T) {
	at := func(file string, line int) diag.Pos { return diag.Pos{File: file, Line: line, Col: 5} }
	entry := func(key string, aliases ...index.Alias) *index.Entry {
		return &index.Entry{Kind: "concept", Key: key, Name: key, File: key + ".md", Aliases: aliases}
	}
	weak := entry("weak-states", index.Alias{Text: "failed states", Pos: at("weak-states.md", 5)})
	containment := entry("containment", index.Alias{Text: "containment policy", Pos: at("containment.md", 5)})
	npt := entry("npt", index.Alias{Text: "NPT", Pos: at("npt.md", 5)})
	deterrence := entry("deterrence",
		index.Alias{Text: "deterrence", Pos: at("deterrence.md", 5)},
		index.Alias{Text: "weak states", Pos: at("deterrence.md", 6)},
		index.Alias{Text: "Containment", Pos: at("deterrence.md", 7)},
		index.Alias{Text: "NPT", Pos: at("deterrence.md", 8)}) // npt claims it too
	_, _, diags := index.CheckKeys([]*index.Entry{weak, containment, npt, deterrence}, nil)
	want := []string{
		`deterrence.md:6:5: warning: alias "weak states" of concept:deterrence is the key of concept:weak-states, yet links to deterrence (if the alias belongs to concept:weak-states, move it there; to point from deterrence to it, list "weak-states" under “related:”)`,
		`deterrence.md:7:5: warning: alias "Containment" of concept:deterrence is the key of concept:containment, yet links to deterrence (if the alias belongs to concept:containment, move it there; to point from deterrence to it, list "containment" under “related:”)`,
	}
	if got := diags.Strings(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestNoCoverageWarningsAfterErrors: a build that has errors already may
// have lost mentions and citations to them (a link to a misspelt key, a
// note dropped); “never mentioned” and “never cited” would echo those
// errors, and are left out.
func TestNoCoverageWarningsAfterErrors(t *testing.T) {
	ed := &index.Edition{Title: "E", Kinds: []index.Kind{{Key: "concept", Name: "Concept", Plural: "Concepts", Path: "concepts"}}}
	e := &index.Entry{Kind: "concept", Key: "a", Name: "A", File: "a.md", Pos: diag.Pos{File: "a.md", Line: 1, Col: 1}}
	for _, failed := range []bool{false, true} {
		_, diags := index.Build(index.Input{Edition: ed, Entries: []*index.Entry{e}, Failed: failed})
		if got := diags.Count(diag.Warning); got != map[bool]int{false: 1, true: 0}[failed] {
			t.Errorf("Failed %v: %d warnings: %q", failed, got, diags.Strings())
		}
	}
}
