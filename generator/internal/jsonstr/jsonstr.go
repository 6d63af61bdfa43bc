// Package jsonstr writes JSON strings byte for byte as encoding/json writes
// them, without reflection: for the JSON that the generator writes by hand
// (the pages' JSON-LD, the registry, the search index).
package jsonstr

import "unicode/utf8"

// Append appends s as json.Marshal writes a string: quotes and
// backslashes escaped, control characters as \b, \f, \n, \r, \t or
// \u00XX, <, > and & as \u003c, \u003e and \u0026 (so that nothing in a
// string can end a <script> it stands in), U+2028 and U+2029 escaped,
// invalid UTF-8 as \ufffd.
func Append(b []byte, s string) []byte { return appendString(b, s, &htmlSafe) }

// AppendNoHTMLEscape appends s as a json.Encoder with SetEscapeHTML(false)
// writes it: as Append, but with <, > and & as they are, for JSON that
// never stands inside HTML (a script file of its own).
func AppendNoHTMLEscape(b []byte, s string) []byte { return appendString(b, s, &plain) }

// htmlSafe and plain say which ASCII bytes a string holds as they are.
var htmlSafe, plain = func() (h, p [utf8.RuneSelf]bool) {
	for c := byte(' '); c < utf8.RuneSelf; c++ {
		p[c] = c != '"' && c != '\\'
		h[c] = p[c] && c != '<' && c != '>' && c != '&'
	}
	return h, p
}()

func appendString(b []byte, s string, asIs *[utf8.RuneSelf]bool) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	html := asIs == &htmlSafe
	start := 0
	for i := 0; i < len(s); {
		// Eight bytes at a time while they are all ASCII held as they
		// are; else a character at a time up to the next eight.
		if i+8 <= len(s) {
			// None may be below a space, a quote or a backslash, or with
			// html <, > or &; hasZero finds a byte equal to another.
			x := load64(s, i)
			bad := x&highs | (x-' '*ones)&^x&highs | hasZero(x^('"'*ones)) | hasZero(x^('\\'*ones))
			if html {
				bad |= hasZero(x^('<'*ones)) | hasZero(x^('>'*ones)) | hasZero(x^('&'*ones))
			}
			if bad == 0 {
				i += 8
				continue
			}
		}
		for end := min(i+8, len(s)); i < end; {
			c := s[i]
			if c < utf8.RuneSelf {
				if asIs[c] {
					i++
					continue
				}
				b = append(b, s[start:i]...)
				switch c {
				case '"', '\\':
					b = append(b, '\\', c)
				case '\b':
					b = append(b, '\\', 'b')
				case '\f':
					b = append(b, '\\', 'f')
				case '\n':
					b = append(b, '\\', 'n')
				case '\r':
					b = append(b, '\\', 'r')
				case '\t':
					b = append(b, '\\', 't')
				default:
					b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
				}
				i++
				start = i
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == utf8.RuneError && size == 1:
				b = append(b, s[start:i]...)
				b = append(b, `\ufffd`...)
			case r == '\u2028' || r == '\u2029':
				b = append(b, s[start:i]...)
				b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			default:
				i += size
				continue
			}
			i += size
			start = i
		}
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// load64 is the eight bytes of s from i, the first the lowest.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

const ones, highs = 0x0101010101010101, 0x8080808080808080

// hasZero is not 0 when a byte of v is 0.
func hasZero(v uint64) uint64 { return (v - ones) &^ v & highs }
