package source

import (
	"bytes"
	"testing"
)

// FuzzSplit checks that splitting front matter never panics, that the body
// is always the end of the input, and that the body's line number counts
// the lines before it.
func FuzzSplit(f *testing.F) {
	for _, s := range []string{"---\ntitle: x\n---\nbody\n", "---\n", "---\ntitle: x\n", "no front matter",
		"---\r\ntitle: x\r\n...\r\nbody", "\uFEFF---\na: 1\n---\n", "------\n---\n", "---\n---\n---\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		fm, err := Split(src)
		if err != nil {
			return
		}
		if !bytes.HasSuffix(src, fm.Body) {
			t.Fatalf("body %q is not the end of %q", fm.Body, src)
		}
		before := src[:len(src)-len(fm.Body)]
		before = bytes.TrimPrefix(before, []byte("\uFEFF"))
		if got := bytes.Count(before, []byte("\n")) + 1; got != fm.BodyLine {
			t.Fatalf("body line %d, want %d for %q", fm.BodyLine, got, src)
		}
	})
}
