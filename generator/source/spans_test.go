package source_test

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"edition/generator/diag"
	"edition/generator/source"
)

// A Markdown field of YAML is placed in its file character by character,
// however YAML wrote it: folded, literal, plain over several lines, or in
// quotes, so that a diagnostic names the column of a link in a source's
// annotation or in edition.yaml. Where the text is not the YAML's
// characters (an escape in quotes), there are no spans, and the field's
// line must do.
func TestMarkdownFieldsOfYAMLArePlaced(t *testing.T) {
	tests := []struct {
		name, annote string
		placed       bool
	}{
		{"folded", ">-\n      The first line, and\n      a [second](x.html) one.\n\n      A paragraph [with](y.html) more.\n", true},
		{"folded, kept", ">+\n      A [link](x.html)\n      and [another](y.html).\n", true},
		{"literal", "|\n      A line\n        indented [more](x.html)\n", true},
		{"plain over lines", "A plain text\n      that runs [on](x.html) and\n      [on](y.html).\n", true},
		{"in double quotes", "\"A text [in](x.html)\n      quotes [é](y.html)\"\n", true},
		{"in single quotes", "'A [text](x.html) of\n      one [line](y.html)'\n", true},
		{"with a tab and CRLF", ">-\r\n      A\t[tab](x.html)\r\n      and [CRLF](y.html)\r\n", true},
		{"with an escape", "\"A \\\"text\\\" [in](x.html) quotes\"\n", false},
		{"with a doubled quote", "'It''s [in](x.html)'\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bibYAML := "references:\n  - id: a1\n    title: A\n    type: book\n    annote: " + tt.annote
			fsys := fstest.MapFS{
				"edition.yaml":      {Data: []byte("title: E\n")},
				"bibliography.yaml": {Data: []byte(bibYAML)},
				"text/01.md":        {Data: []byte("---\ntitle: T\n---\nText.\n")},
			}
			c, diags := source.Load(fsys, "")
			if len(diags) > 0 || len(c.Sources) != 1 {
				t.Fatalf("load: %v", diags)
			}
			s := c.Sources[0]
			if !tt.placed {
				if s.AnnoteSpans != nil {
					t.Errorf("spans %v for a text YAML changed", s.AnnoteSpans)
				}
				return
			}
			if s.AnnoteSpans == nil {
				t.Fatal("no spans")
			}
			text := s.Var("annote")
			lines := diag.NewSpans([]byte(text), s.AnnoteSpans)
			for _, link := range []string{"x.html", "y.html"} {
				i := strings.Index(text, "]("+link)
				if i < 0 {
					continue
				}
				off := strings.LastIndexByte(text[:i], '[')
				got := lines.Pos(off)
				want := filePos(bibYAML, off, text)
				if got != want {
					t.Errorf("the “[” of the link to %s is placed at %v, want %v", link, got, want)
				}
			}
		})
	}
}

// filePos finds in src the occurrence of the link that starts at off in
// text, by its words, and returns its place as diagnostics count it.
func filePos(src string, off int, text string) diag.Pos {
	end := strings.IndexByte(text[off:], ')')
	needle := text[off : off+end+1]
	i := strings.Index(src, needle)
	line := strings.Count(src[:i], "\n") + 1
	start := strings.LastIndexByte(src[:i], '\n') + 1
	return diag.Pos{File: "bibliography.yaml", Line: line, Col: utf8.RuneCountInString(src[start:i]) + 1}
}

// The Markdown fields of edition.yaml are placed as well.
func TestEditionFieldsArePlaced(t *testing.T) {
	src := "title: E\ncitation: >-\n  A book,\n  [its page](x.html).\nrights: \"Yours [truly](y.html)\"\nlicense: CC\n"
	c, diags := source.Load(fstest.MapFS{"edition.yaml": {Data: []byte(src)}, "text/01.md": {Data: []byte("---\ntitle: T\n---\nText.\n")}}, "content")
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	for field, want := range map[string]diag.Pos{
		"citation": {File: "content/edition.yaml", Line: 4, Col: 3},
		"rights":   {File: "content/edition.yaml", Line: 5, Col: 16},
		"license":  {File: "content/edition.yaml", Line: 6, Col: 10},
	} {
		text := map[string]string{"citation": c.Edition.Citation, "rights": c.Edition.Rights, "license": c.Edition.License}[field]
		off := bytes.IndexAny([]byte(text), "[C")
		if got := diag.NewSpans([]byte(text), c.Edition.Spans[field]).Pos(off); got != want {
			t.Errorf("%s: %q at %d is placed at %v, want %v", field, text, off, got, want)
		}
	}
}
