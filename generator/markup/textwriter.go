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
// as the start of something to change: those RawWrite escapes, and the
// backslash of an escape.
var special = func() (t [256]bool) {
	for _, c := range []byte{0, '"', '&', '<', '>', '\\'} {
		t[c] = true
	}
	return t
}()

// asIs reports whether s holds none of the bytes special marks, and,
// when backslash is false, ignoring backslashes.
func asIs(s []byte, backslash bool) bool {
	for _, c := range s {
		if special[c] && (backslash || c != '\\') {
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
