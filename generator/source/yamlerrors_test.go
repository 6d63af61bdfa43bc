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
