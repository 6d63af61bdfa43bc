package notes_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"edition/generator/markup/internal/golden"
	"edition/generator/markup/notes"
)

func newMarkdown() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(&notes.Extension{}))
}

// convert renders a document the way markup does: the text, then each note
// on its own. Each note is introduced by a line of the test's own making,
//
//	== note n1: label "1", author, marker "1", refs [r-n1 r-n1-2]
//
// since the page template, not the extension, decides how notes are marked
// up.
func convert(t *testing.T, md goldmark.Markdown, src []byte) string {
	reports := golden.NewReports(src)
	pc := parser.NewContext()
	notes.With(pc, &notes.Options{Report: reports.Add})
	doc := md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	var out bytes.Buffer
	if err := md.Renderer().Render(&out, src, doc); err != nil {
		t.Fatal(err)
	}
	for _, n := range notes.List(pc) {
		var refs []string
		for _, r := range n.Refs {
			refs = append(refs, r.ID)
		}
		fmt.Fprintf(&out, "== note %s: label %q, %s, marker %q, refs %v\n", n.ID, n.Label, n.Series, n.Marker, refs)
		if err := md.Renderer().Render(&out, src, n.Node); err != nil {
			t.Fatal(err)
		}
	}
	html := out.String()
	// DPUB-ARIA 1.1 deprecates doc-endnote, and goldmark's own footnote
	// markup must not leak into the page.
	for _, bad := range []string{"doc-endnote", "footnote-ref", "footnote-backref", "fnref", "<hr"} {
		if strings.Contains(html, bad) {
			t.Errorf("output contains %q:\n%s", bad, html)
		}
	}
	if refs := strings.Count(html, `class="noteref`); refs != strings.Count(html, `role="doc-noteref"`) {
		t.Errorf("%d note references but %d with role doc-noteref:\n%s", refs, strings.Count(html, `role="doc-noteref"`), html)
	}
	return html + reports.String()
}

func TestIntegration(t *testing.T) {
	md := newMarkdown()
	golden.Run(t, "testdata/notes.txt", func(t *testing.T, src []byte) string { return convert(t, md, src) })
}

func TestCustomPrefixes(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(&notes.Extension{
		Numberer: notes.Numberer{EditorPrefix: "x-", UnnumberedPrefix: "0"},
	}))
	src := []byte("A[^x-one] b[^0] c[^ed-two].\n\n[^x-one]: One.\n[^0]: Zero.\n[^ed-two]: Two.\n")
	got := convert(t, md, src)
	for _, want := range []string{
		`== note ed-one: label "x-one", editor, marker "a"`,
		`== note n-star: label "0", unnumbered, marker "*"`,
		`== note n1: label "ed-two", author, marker "1"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}

func TestListWithoutNotes(t *testing.T) {
	md := newMarkdown()
	pc := parser.NewContext()
	md.Parser().Parse(text.NewReader([]byte("No notes here.\n")), parser.WithContext(pc))
	if l := notes.List(pc); l != nil {
		t.Errorf("List = %v, want nil", l)
	}
	if l := notes.List(parser.NewContext()); l != nil {
		t.Errorf("List before parsing = %v, want nil", l)
	}
}
