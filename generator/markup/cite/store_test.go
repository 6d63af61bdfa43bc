package cite_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"edition/generator/markup/cite"
)

// TestReleasedCitationsAreReused converts documents one after another,
// each released when rendered, so that each takes the citations and items
// of those before (more of them or fewer, with more items than a slab
// holds, and brackets that are not citations), and checks that each
// renders as it does with citations of its own; and that a document never
// released keeps them.
func TestReleasedCitationsAreReused(t *testing.T) {
	md := newMarkdown()
	var many strings.Builder
	for i := range 60 {
		fmt.Fprintf(&many, "Claim %d [see @bush2002, p. %d; -@nss2002] and [@daalder03] [not one] [@unknown%d].\n\n", i, i, i)
	}
	var long strings.Builder
	long.WriteString("All of them [")
	for i := range 300 {
		fmt.Fprintf(&long, "@bush2002, p. %d; ", i)
	}
	long.WriteString("@nss2002].\n")
	few := "Only [@un-charter, art. 51].\n"
	docs := []string{many.String(), few, long.String(), many.String(), "None.\n", few, long.String()}

	render := func(src string, release bool) (string, func() string) {
		o := &cite.Options{Resolver: testBibliography}
		pc := parser.NewContext()
		cite.With(pc, o)
		doc := md.Parser().Parse(text.NewReader([]byte(src)), parser.WithContext(pc))
		again := func() string {
			var b bytes.Buffer
			if err := md.Renderer().Render(&b, []byte(src), doc); err != nil {
				t.Fatal(err)
			}
			return b.String()
		}
		out := again()
		if release {
			o.Release()
			o.Release() // a second time does nothing
		}
		return out, again
	}
	fresh := make([]string, len(docs))
	for i, src := range docs {
		fresh[i], _ = render(src, false)
	}
	_, kept := render(docs[0], false)
	for i, src := range docs {
		if got, _ := render(src, true); got != fresh[i] {
			t.Errorf("document %d with released citations:\n%s\nwant\n%s", i, got, fresh[i])
		}
	}
	if got := kept(); got != fresh[0] {
		t.Errorf("a document not released changed:\n%s\nwant\n%s", got, fresh[0])
	}
	if !strings.Contains(fresh[2], "p. 299") || strings.Count(fresh[0], `class="citation"`) != 180 {
		t.Errorf("the citations are not what the test means:\n%s", fresh[0])
	}
}
