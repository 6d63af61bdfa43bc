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
