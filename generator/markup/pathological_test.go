package markup

import (
	"bytes"
	"fmt"
	"testing"
)

// pathological builds n bytes of Markdown made to hurt parsers: unclosed
// and nested brackets, runs of emphasis delimiters, link and citation and
// note openers that never close, and aliases to match among them.
func pathological(n int) []byte {
	pieces := []string{
		"[[[[[[[[", "]]]]", "**__**__", "*_*_*_", "[@", "[^", "](", "![", "<", "`", "\\",
		"Security Council ", "use of force ", "[x](actor:council", " [y](none:) ", "\n\n", "> ", "- ", "~~",
	}
	var b bytes.Buffer
	for i := 0; b.Len() < n; i++ {
		b.WriteString(pieces[(i*7+i/3)%len(pieces)])
	}
	return b.Bytes()[:n]
}

// BenchmarkPathological converts 1 MB and 10 MB of pathological Markdown. The
// cost per byte must stay flat as the input grows tenfold: compare the
// ns/byte of the two sizes (bytes/s is reported as MB/s).
func BenchmarkPathological(b *testing.B) {
	md := New()
	links := fuzzLinks(b)
	for _, size := range []int{1 << 20, 10 << 20} {
		src := pathological(size)
		b.Run(fmt.Sprintf("%dMB", size>>20), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				md.Chapter(Doc{File: "p.md", Line: 1, Src: src, Page: "text/p.html"}, links, "Opening")
			}
		})
	}
}
