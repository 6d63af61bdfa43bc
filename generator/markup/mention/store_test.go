package mention_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"edition/generator/markup/internal/golden"
	"edition/generator/markup/mention"
)

// TestReleasedNodesAreReused converts documents one after another, each
// released when rendered, so that each takes the nodes of those before
// (a long one needs several slabs, a short one part of one), and checks
// that each renders as it does with nodes of its own; and that a document
// never released keeps its tree.
func TestReleasedNodesAreReused(t *testing.T) {
	md := newMarkdown()
	m, err := mention.NewMatcher(testRegistry.patterns())
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("The UN Security Council on preemption,\nprevention and the United States; [Bush](actor:bush) and NATO.\n\n", 60)
	short := "Preemption by the Security Council [^1].\n\n[^1]: See NATO and al-Qaeda.\n"
	docs := []string{long, short, long, "No mention at all.\n", short, long}

	golden.CheckRelease(t, docs, func(src string) (string, func() string, func()) {
		o := &mention.Options{Matcher: m, Resolver: testRegistry}
		pc := parser.NewContext()
		mention.With(pc, o)
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
}
