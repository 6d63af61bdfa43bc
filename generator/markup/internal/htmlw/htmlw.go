// Package htmlw holds what the markup extensions' renderers share to write
// HTML as goldmark's own functions would, without copying what needs no
// escaping. Like the extensions, it imports only goldmark and the standard
// library.
package htmlw

import (
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// Buffer is a growing byte slice that goldmark's renderers take as their
// own buffered writer (util.BufWriter): rendered into directly, it is not
// wrapped in a new 4 KB bufio.Writer at each call and copied out of it,
// and each write appends, with less to do than bytes.Buffer's.
type Buffer struct{ B []byte }

var _ util.BufWriter = (*Buffer)(nil)

// Write implements io.Writer.
func (w *Buffer) Write(p []byte) (int, error) { w.B = append(w.B, p...); return len(p), nil }

// WriteString implements io.StringWriter.
func (w *Buffer) WriteString(s string) (int, error) {
	w.B = append(w.B, s...)
	return len(s), nil
}

// WriteByte implements io.ByteWriter.
func (w *Buffer) WriteByte(c byte) error { w.B = append(w.B, c); return nil }

// WriteRune implements util.BufWriter.
func (w *Buffer) WriteRune(r rune) (int, error) {
	n := len(w.B)
	w.B = utf8.AppendRune(w.B, r)
	return len(w.B) - n, nil
}

// Available implements util.BufWriter.
func (w *Buffer) Available() int { return cap(w.B) - len(w.B) }

// Buffered implements util.BufWriter: nothing waits to be flushed.
func (*Buffer) Buffered() int { return 0 }

// Flush implements util.BufWriter.
func (*Buffer) Flush() error { return nil }

// WriteEscaped writes s escaped as util.EscapeHTML escapes it, copying it
// only when there is something to escape.
func WriteEscaped(w util.BufWriter, s string) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case 0, '"', '&', '<', '>':
			_, _ = w.Write(util.EscapeHTML([]byte(s)))
			return
		}
	}
	_, _ = w.WriteString(s)
}

// PlainURL reports whether util.URLEscape and util.EscapeHTML leave s as
// it is: it holds only letters, digits and "-._~/", as the paths of the
// edition's pages do.
func PlainURL(s string) bool {
	for i := 0; i < len(s); i++ {
		if !urlPlain[s[i]] {
			return false
		}
	}
	return true
}

// urlPlain marks the bytes of a plain URL: letters, digits and "-._~/".
var urlPlain = func() (t [256]bool) {
	for c := range t {
		t[c] = plainURLByte(byte(c))
	}
	return t
}()

func plainURLByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~/", c) >= 0
}
