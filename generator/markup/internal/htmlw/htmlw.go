// Package htmlw holds what the markup extensions' renderers share to write
// HTML as goldmark's own functions would, without copying what needs no
// escaping. Like the extensions, it imports only goldmark and the standard
// library.
package htmlw

import (
	"strings"

	"github.com/yuin/goldmark/util"
)

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
