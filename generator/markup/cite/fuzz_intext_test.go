package cite_test

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"edition/generator/markup/cite"
)

// FuzzInText parses and renders any text with the test bibliography, and
// checks every citation in the text made of it: its key is a known one,
// written at the citation's place as "@key" or "@{key}"; it is in no
// link's text; and the HTML is valid UTF-8 where the text is.
func FuzzInText(f *testing.F) {
	for _, s := range []string{
		"As @nss2002 [p. 33] says, and @bush2002 too.",
		"(@nss2002) *@daalder03* “@bush2002” @un-charter [art. 51] @{Qián 1996}",
		"a@b.org @nobody @nss2020 [see @nss2002 @bush2002](x) `@nss2002` \\@nss2002",
		"@nss2002 [@bush2002] @nss2002 [^1] @nss2002 [p](u) @nss2002 [p. 3\n[p. 4]",
		"[open @nss2002\n\n@nss2002 [pg 3]",
	} {
		f.Add(s)
	}
	md := newMarkdown()
	f.Fuzz(func(t *testing.T, src string) {
		pc := parser.NewContext()
		o := &cite.Options{Resolver: testBibliography, Report: func(int, error) {}}
		cite.With(pc, o)
		b := []byte(src)
		doc := md.Parser().Parse(text.NewReader(b), parser.WithContext(pc))
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			c, ok := n.(*cite.Node)
			if !entering || !ok || !c.InText {
				return ast.WalkContinue, nil
			}
			it := c.Items[0]
			if !testBibliography.Known(it.Key) || len(c.Items) != 1 {
				t.Fatalf("a citation in the text of %+v, not of one known key, from %q", c.Items, src)
			}
			at := b[c.Pos():]
			if !bytes.HasPrefix(at, []byte("@"+it.Key)) && !bytes.HasPrefix(at, []byte("@{"+it.Key+"}")) {
				t.Fatalf("the citation of %q is at %q", it.Key, at)
			}
			for p := n.Parent(); p != nil; p = p.Parent() {
				if _, ok := p.(*ast.Link); ok {
					t.Fatalf("a citation in the text in a link's text, from %q", src)
				}
			}
			return ast.WalkContinue, nil
		})
		var out bytes.Buffer
		if err := md.Renderer().Render(&out, b, doc); err != nil {
			t.Fatal(err)
		}
		if utf8.ValidString(src) && !utf8.Valid(out.Bytes()) {
			t.Fatalf("invalid UTF-8 out of %q", src)
		}
		if strings.Count(out.String(), `class="cite in-text"`) > strings.Count(src, "@") {
			t.Fatalf("more citations in the text than @ signs in %q", src)
		}
		o.Release()
	})
}
