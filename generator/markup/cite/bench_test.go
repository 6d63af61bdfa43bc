package cite_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark/parser"

	"edition/generator/markup/cite"
)

// BenchmarkConvert converts a text of about 20 KB with the extension and
// the test bibliography: without "@", with "@" that is text (addresses,
// handles, keys of no work), with citations in the text, and with
// bracketed ones. Compare the first two with plain goldmark's share of
// them to see what the "@" trigger costs.
func BenchmarkConvert(b *testing.B) {
	const sentence = "The doctrine of preemption was set out in the strategy of that year, and argued over since. "
	texts := map[string]string{
		"no-at":     sentence,
		"at-text":   "Write to press@whitehouse.gov, or to @someone and @nobody2002, of the strategy. ",
		"in-text":   "As @nss2002 [p. 33] argues, and @bush2002 said, the strategy was new. ",
		"bracketed": "The strategy was new [@nss2002, p. 33], as was said [@bush2002]. ",
	}
	md := newMarkdown()
	for _, name := range []string{"no-at", "at-text", "in-text", "bracketed"} {
		var src strings.Builder
		for src.Len() < 20_000 {
			src.WriteString(texts[name])
			src.WriteString(sentence)
			if src.Len()%5 == 0 {
				src.WriteString("\n\n")
			}
		}
		in := []byte(src.String())
		b.Run(name, func(b *testing.B) {
			var out bytes.Buffer
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				out.Reset()
				pc := parser.NewContext()
				o := &cite.Options{Resolver: testBibliography, Report: func(int, error) {}}
				cite.With(pc, o)
				if err := md.Convert(in, &out, parser.WithContext(pc)); err != nil {
					b.Fatal(err)
				}
				o.Release()
			}
		})
	}
}
