package cite_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"edition/generator/markup/cite"
	"edition/generator/markup/internal/golden"
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

	fresh := golden.CheckRelease(t, docs, func(src string) (string, func() string, func()) {
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
		return again(), again, o.Release
	})
	if !strings.Contains(fresh[2], "p. 299") || strings.Count(fresh[0], `class="citation"`) != 180 {
		t.Errorf("the citations are not what the test means:\n%s", fresh[0])
	}
}
