package source_test

import (
	"testing"
	"testing/fstest"

	"edition/generator/source"
)

// A YAML syntax error names its column, counted in characters, and says
// what is wrong there where it can: the parser itself gives only a line.
func TestYAMLErrorsNameTheirColumn(t *testing.T) {
	const general = " (check the indentation and quote values that contain “: ” or start with a special character)"
	tests := []struct {
		name, front, want string
	}{
		{"a colon in a value", "title: Beyond Preemption: An Overview\n",
			"2:25: error: malformed YAML: mapping values are not allowed in this context" + general},
		{"a value in curly quotes holding a colon", "title: “Beyond Preemption: An Overview”\n",
			"2:8: error: malformed YAML: the value is in curly quotes, which YAML does not read as quotes" +
				" (write straight quotes, \"…\", around a value that holds “: ” or starts with a special character)"},
		{"a tab that indents a line", "title: T\nauthors:\n\t- Ivo\n",
			"4:1: error: malformed YAML: a tab indents the line (YAML indents with spaces only: replace the tab with spaces)"},
		{"a tab after spaces", "title: T\nauthors:\n  - Ivo\n  \t- Ann\n",
			"5:3: error: malformed YAML: a tab indents the line (YAML indents with spaces only: replace the tab with spaces)"},
		{"a quotation mark never closed", "title: T\nopening: \"Début\nslug: t\n",
			"3:10: error: malformed YAML: a quotation mark is never closed (close the quotation with \" on this line)"},
		{"a quotation mark never closed, the parser stumbling on a later line", "title: \"T\nauthors: [\"Ivo\"]\n",
			"2:8: error: malformed YAML: a quotation mark is never closed (close the quotation with \" on this line)"},
		{"a list never closed", "title: T\nauthors: [\"Ivo\", \"Ann\"\n",
			"3:10: error: malformed YAML: did not find expected ',' or ']' (close the list or mapping that opens here)"},
		{"an item indented too far", "title: T\nauthors:\n  - \"Ivo\"\n   - \"Ann\"\n",
			"5:4: error: malformed YAML: did not find expected '-' indicator (indent this line as the fields or items around it are)"},
		{"a field indented", "title: T\n  slug: t\n",
			"3:7: error: malformed YAML: the line is indented under the field before it, and read as more of its value (indent it as the fields around it are)"},
		{"a field indented after a list", "authors:\n  - Ivo\n  slug: t\n",
			"4:3: error: malformed YAML: did not find expected '-' indicator (indent this line as the fields or items around it are)"},
		{"list items after a field's value on its line", "title: T\nauthors: [Ivo]\n  - Ann\n",
			"4:3: error: malformed YAML: a list item follows “authors:”, which has a value on its line already" +
				" (write the list on the line, [a, b], or each item on a line of its own, “- item”, under “authors:” with nothing after the colon)"},
		{"an item indented less than the one before", "title: T\nauthors:\n  - Ivo\n- Ann\n",
			"5:1: error: malformed YAML: the list item is indented less than the one before it (indent it as the items around it are)"},
		// No syntax error: YAML reads the second item as more of the
		// first's text, “Ivo - Ann”, and only this says so.
		{"an item indented under the one before", "title: T\nauthors:\n  - Ivo\n    - Ann\n",
			"5:5: error: the authors item is indented under the one before it, and read as more of its text: “Ivo - Ann” (indent it as the items around it are)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"edition.yaml":   {Data: []byte("title: E\n")},
				"text/01-one.md": {Data: []byte("---\n" + tt.front + "---\nText.\n")},
			}
			_, diags := source.Load(fsys, "content")
			want := "content/text/01-one.md:" + tt.want
			if len(diags) != 1 || diags[0].String() != want {
				t.Errorf("diagnostics %v\nwant %s", diags, want)
			}
		})
	}
}

// A value in curly quotes, as a word processor types them, is an error at
// the value: YAML keeps them as part of it, so a name would show them and
// an alias would match nothing. Straight quotes around them keep them.
func TestCurlyQuotedValues(t *testing.T) {
	const hint = `write straight quotes, "Kofi Annan", or none; to keep the curly ones, put straight ones around them: '“Kofi Annan”'`
	tests := []struct{ front, want string }{
		{"name: “Kofi Annan”\n", "2:7: error: name is in curly quotes, which YAML keeps as part of it (" + hint + ")"},
		{"name: ‘Kofi Annan’\n", "2:7: error: name is in curly quotes, which YAML keeps as part of it (write straight quotes, \"Kofi Annan\", or none; to keep the curly ones, put straight ones around them: '‘Kofi Annan’')"},
		{"name: “Kofi Annan\"\n", "2:7: error: name is in curly quotes, which YAML keeps as part of it (write straight quotes, \"Kofi Annan\", or none; to keep the curly ones, put straight ones around them: '“Kofi Annan\"')"},
		{"name: K\naliases:\n  - “Kofi Annan”\n", "4:5: error: alias is in curly quotes, which YAML keeps as part of it (" + hint + ")"},
		{"name: K\naliases: [Annan, “Kofi Annan”]\n", "3:18: error: alias is in curly quotes, which YAML keeps as part of it (" + hint + ")"},
		{"name: '“Kofi Annan”'\n", ""},
		{"name: \"“Kofi Annan”\"\n", ""},
		{"name: “Kofi” Annan\n", ""},
		{"name: The “Kofi Annan”\n", ""},
	}
	for _, tt := range tests {
		fsys := fstest.MapFS{
			"edition.yaml":                 {Data: []byte("title: E\nkinds:\n  - {key: actor, name: Actor, plural: Actors, path: actors}\n")},
			"text/01-one.md":               {Data: []byte("---\ntitle: T\n---\nText.\n")},
			"registry/actor/kofi-annan.md": {Data: []byte("---\n" + tt.front + "---\nA diplomat.\n")},
		}
		_, diags := source.Load(fsys, "")
		var got string
		for _, d := range diags {
			got += d.String()
		}
		want := ""
		if tt.want != "" {
			want = "registry/actor/kofi-annan.md:" + tt.want
		}
		if got != want {
			t.Errorf("%q:\n got %s\nwant %s", tt.front, got, want)
		}
	}
}

// Front matter that is meant but not fenced as it must be is an error at
// its fence, not a text whose fields go missing: after blank lines, with
// more hyphens than three, or with a dash a word processor made of them.
// A file that begins otherwise has no front matter.
func TestMisfencedFrontMatter(t *testing.T) {
	tests := []struct{ src, want string }{
		{"\n\n---\ntitle: T\n---\nText.\n", "line 3: the front matter begins on line 3, after blank lines"},
		{"----\ntitle: T\n---\nText.\n", "line 1: the front matter's fence is “----”, not “---”"},
		{"—\ntitle: T\n—\nText.\n", "line 1: the front matter's fence is “—”, not “---”"},
		{"\n-----  \ntitle: T\n", "line 2: the front matter's fence is “-----”, not “---”"},
		{"Text.\n\n---\n", ""},
		{"\n\nText.\n", ""},
		{"", ""},
	}
	for _, tt := range tests {
		_, err := source.Split([]byte(tt.src))
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("Split(%q): %q, want %q", tt.src, got, tt.want)
		}
	}
}

// A registry file whose name makes no key says what to rename it to: the
// key its name would make, or, where nothing of the name would be left but
// a hash, what a key is.
func TestEntryKeyHints(t *testing.T) {
	for name, hint := range map[string]string{
		"José.md":   "rename the file to jose.md",
		"毛泽东.md":    "rename the file in lowercase Latin letters, digits and hyphens, a transliteration of the name say; the name shown comes from “name:”",
		"Kofi A.md": "rename the file to kofi-a.md",
	} {
		fsys := fstest.MapFS{
			"edition.yaml":           {Data: []byte("title: E\nkinds:\n  - {key: actor, name: Actor, plural: Actors, path: actors}\n")},
			"text/01-one.md":         {Data: []byte("---\ntitle: T\n---\nText.\n")},
			"registry/actor/" + name: {Data: []byte("---\nname: N\n---\nA.\n")},
		}
		_, diags := source.Load(fsys, "")
		if len(diags) != 1 || diags[0].Hint != hint {
			t.Errorf("%s: %v, want the hint %q", name, diags, hint)
		}
	}
}

// A Wikidata item pasted as its address, or its number in lowercase, is
// told the Q-number to write.
func TestWikidataHints(t *testing.T) {
	for value, hint := range map[string]string{
		"https://www.wikidata.org/wiki/Q1254": "did you mean “Q1254”?",
		"q1254":                               "did you mean “Q1254”?",
		"Kofi Annan":                          "write the item's Q-number, such as Q1254",
		"XQ1254":                              "write the item's Q-number, such as Q1254",
	} {
		fsys := fstest.MapFS{
			"edition.yaml":                 {Data: []byte("title: E\nkinds:\n  - {key: actor, name: Actor, plural: Actors, path: actors}\n")},
			"text/01-one.md":               {Data: []byte("---\ntitle: T\n---\nText.\n")},
			"registry/actor/kofi-annan.md": {Data: []byte("---\nname: K\nwikidata: " + value + "\n---\nA.\n")},
		}
		_, diags := source.Load(fsys, "")
		if len(diags) != 1 || diags[0].Hint != hint || diags[0].Line != 3 || diags[0].Col != 11 {
			t.Errorf("wikidata: %s: %v, want the hint %q at 3:11", value, diags, hint)
		}
	}
}

// An alias indented under the one before it runs on into it, “deterrence
// - deterrent”, which would match nothing, silently: an error at the
// line. An alias that holds “ - ” on its own line is left alone.
func TestFoldedAliasIsAnError(t *testing.T) {
	fsys := fstest.MapFS{
		"edition.yaml":          {Data: []byte("title: E\nkinds:\n  - key: concept\n")},
		"text/01-one.md":        {Data: []byte("---\ntitle: One\n---\nText.\n")},
		"registry/concept/a.md": {Data: []byte("---\nname: A\naliases:\n  - deterrence\n    - deterrent\n---\n")},
		"registry/concept/b.md": {Data: []byte("---\nname: B\naliases:\n  - Mutual Assured Destruction - MAD\n  - B - side\n---\n")},
	}
	_, diags := source.Load(fsys, "content")
	want := "content/registry/concept/a.md:5:5: error: the alias is indented under the one before it, and read as more of its text: “deterrence - deterrent” (indent it as the items around it are)"
	if len(diags) != 1 || diags[0].String() != want {
		t.Errorf("diagnostics %v\nwant %s", diags, want)
	}
}

// A list of keys or types without its brackets, “types: a, b”, is one
// value to YAML, and each entry of the kind would be an error: one error
// at the list, which is read as meant.
func TestListWithoutBrackets(t *testing.T) {
	fsys := fstest.MapFS{
		"edition.yaml":          {Data: []byte("title: E\nkinds:\n  - key: concept\n    types: doctrine, norm\n")},
		"text/01-one.md":        {Data: []byte("---\ntitle: One\n---\nText.\n")},
		"registry/concept/a.md": {Data: []byte("---\nname: A\ntype: doctrine\nrelated: b, c\n---\n")},
		"registry/concept/b.md": {Data: []byte("---\nname: B\ntype: norm\n---\n")},
	}
	c, diags := source.Load(fsys, "content")
	want := []string{
		"content/edition.yaml:4:12: error: types is a list without its brackets, which YAML reads as one value, “doctrine, norm” (write the list in brackets: [doctrine, norm])",
		"content/registry/concept/a.md:4:10: error: related is a list without its brackets, which YAML reads as one value, “b, c” (write the list in brackets: [b, c])",
	}
	if got := diags.Strings(); len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("diagnostics %q\nwant %q", got, want)
	}
	if len(c.Entries) > 0 && len(c.Entries[0].Related) != 2 {
		t.Errorf("related read as %q, want [b c]", c.Entries[0].Related)
	}
}
