package markup

import (
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// textWriter is goldmark's html.DefaultWriter with a shortcut: text in
// which the default writer would find nothing to resolve or escape (no
// NUL, '&', '\\', '"', '<' or '>') is written as it is, in one copy,
// instead of being read twice a byte at a time. Anything else goes to
// the default writer, so that the bytes written are always its bytes.
type textWriter struct{}

var _ html.Writer = textWriter{}

// special tells the bytes that html.DefaultWriter.Write changes or reads
// as the start of something to change: those RawWrite escapes (bit
// htmlEscaped), and the backslash of an escape (bit htmlBackslash).
var special = func() (t [256]uint8) {
	for _, c := range []byte{0, '"', '&', '<', '>'} {
		t[c] = htmlEscaped
	}
	t['\\'] = htmlBackslash
	return t
}()

const (
	htmlEscaped uint8 = 1 << iota
	htmlBackslash
)

// asIs reports whether s holds none of the bytes special marks, and,
// when backslash is false, ignoring backslashes. It reads the table for
// eight bytes at a time and tests them together: text mostly has none.
func asIs(s []byte, backslash bool) bool {
	stop := htmlEscaped
	if backslash {
		stop |= htmlBackslash
	}
	i := 0
	for ; i+8 <= len(s); i += 8 {
		b := s[i : i+8 : i+8]
		if (special[b[0]]|special[b[1]]|special[b[2]]|special[b[3]]|
			special[b[4]]|special[b[5]]|special[b[6]]|special[b[7]])&stop != 0 {
			return false
		}
	}
	for _, c := range s[i:] {
		if special[c]&stop != 0 {
			return false
		}
	}
	return true
}

// Write implements html.Writer.
func (textWriter) Write(w util.BufWriter, s []byte) {
	if asIs(s, true) {
		_, _ = w.Write(s)
		return
	}
	html.DefaultWriter.Write(w, s)
}

// RawWrite implements html.Writer.
func (textWriter) RawWrite(w util.BufWriter, s []byte) {
	if asIs(s, false) {
		_, _ = w.Write(s)
		return
	}
	html.DefaultWriter.RawWrite(w, s)
}

// SecureWrite implements html.Writer.
func (textWriter) SecureWrite(w util.BufWriter, s []byte) { html.DefaultWriter.SecureWrite(w, s) }
