package markup

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark/renderer/html"
)

// sameAsDefault fails unless textWriter writes s as html.DefaultWriter
// does, with Write, RawWrite and SecureWrite.
func sameAsDefault(t *testing.T, s []byte) {
	t.Helper()
	for _, m := range []struct {
		name      string
		ours, its func(*htmlBuffer, []byte)
	}{
		{"Write", func(b *htmlBuffer, s []byte) { textWriter{}.Write(b, s) }, func(b *htmlBuffer, s []byte) { html.DefaultWriter.Write(b, s) }},
		{"RawWrite", func(b *htmlBuffer, s []byte) { textWriter{}.RawWrite(b, s) }, func(b *htmlBuffer, s []byte) { html.DefaultWriter.RawWrite(b, s) }},
		{"SecureWrite", func(b *htmlBuffer, s []byte) { textWriter{}.SecureWrite(b, s) }, func(b *htmlBuffer, s []byte) { html.DefaultWriter.SecureWrite(b, s) }},
	} {
		var ours, its htmlBuffer
		m.ours(&ours, s)
		m.its(&its, s)
		if !bytes.Equal(ours.B, its.B) {
			t.Errorf("%s(%q) = %q, html.DefaultWriter writes %q", m.name, s, ours.B, its.B)
		}
	}
}

// TestTextWriterIsDefaultWriter checks that the shortcut writes what
// goldmark's writer writes: every byte alone and inside words, escapes,
// and character references.
func TestTextWriterIsDefaultWriter(t *testing.T) {
	for c := range 256 {
		sameAsDefault(t, []byte{byte(c)})
		sameAsDefault(t, []byte{'a', byte(c), 'b'})
		sameAsDefault(t, []byte{'\\', byte(c), 'b'})
	}
	for _, s := range []string{
		"", "plain words, with punctuation: (yes) — and ‘quotes’!", `a \* b \\ c \`,
		"&amp; &lt;b&gt; &quot; &#35; &#x41; &#xZZ; &nosuch; &", `"<script>"`, "\x00", "\xff\xfe",
		"é&eacute;", `C:\path\ \ space`,
	} {
		sameAsDefault(t, []byte(s))
	}
}

// TestTextWriterAtEveryPlace checks the shortcut with each byte that
// matters at every place of texts longer than the eight bytes it reads
// together.
func TestTextWriterAtEveryPlace(t *testing.T) {
	for _, c := range []byte{0, '"', '&', '<', '>', '\\', 'a', 0xff} {
		for n := range 20 {
			for i := range n {
				s := bytes.Repeat([]byte("w"), n)
				s[i] = c
				sameAsDefault(t, s)
			}
		}
	}
}

// FuzzTextWriter compares the shortcut with goldmark's writer on any text.
func FuzzTextWriter(f *testing.F) {
	for _, s := range []string{"word", "&amp;", `\*`, "<a>", "\x00"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, s []byte) { sameAsDefault(t, s) })
}
