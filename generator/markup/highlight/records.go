package highlight

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
)

// Bibliographic records without the lexer. Every chapter and source page
// shows its record as BibTeX and RIS, which package export writes in one
// fixed shape: lexing those back with chroma's regular expressions, and
// formatting the tokens, took more time than making the rest of the page's
// metadata. records reads that shape in one pass and writes the very bytes
// chroma's lexer and HTML formatter write for it; anything else (a record
// typed by hand in a code block, a brace that does not close) goes to
// chroma. TestRecordsAreChromas compares the two on the exports of every
// kind of record and on damaged ones.

// Classes of the tokens, as chroma names them.
var (
	classKeyword   = chroma.StandardTypes[chroma.Keyword]
	classPunct     = chroma.StandardTypes[chroma.Punctuation]
	classNameClass = chroma.StandardTypes[chroma.NameClass]
	classLabel     = chroma.StandardTypes[chroma.NameLabel]
	classAttr      = chroma.StandardTypes[chroma.NameAttribute]
	classVariable  = chroma.StandardTypes[chroma.NameVariable]
	classTag       = chroma.StandardTypes[chroma.NameTag]
	classString    = chroma.StandardTypes[chroma.LiteralString]
)

// maxRecord bounds the records read here: chroma's Coalesce stops joining
// tokens of one type at 8 KiB, which splits a longer value into spans.
const maxRecord = 8000

// records writes the highlighted tokens of a record in the language of
// the lexer named lexerName ("BibTeX" or "RIS") to dst, as chroma would; ok
// is false, and dst as it was, when code is not in the shape of the
// exports.
func records(dst []byte, lexerName, code string) (out []byte, ok bool) {
	if len(code) > maxRecord || strings.IndexByte(code, '\r') >= 0 || !utf8.ValidString(code) {
		return dst, false
	}
	switch lexerName {
	case "BibTeX":
		out, ok = bibtex(dst, code)
	case "RIS":
		out, ok = ris(dst, code)
	}
	if !ok {
		return dst, false
	}
	return out, true
}

// span appends text in a span of class cls, or bare when cls is "" (as
// chroma writes Text), escaped as html.EscapeString escapes.
func span(dst []byte, cls, text string) []byte {
	if cls == "" {
		return escape(dst, text)
	}
	dst = append(dst, `<span class="`...)
	dst = append(dst, cls...)
	dst = append(dst, `">`...)
	dst = escape(dst, text)
	return append(dst, `</span>`...)
}

// escape appends s escaped as html.EscapeString escapes it.
func escape(dst []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '\'':
			esc = "&#39;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&#34;"
		default:
			continue
		}
		dst = append(dst, s[last:i]...)
		dst = append(dst, esc...)
		last = i + 1
	}
	return append(dst, s[last:]...)
}

// lowerRun is the length of the run of ASCII lower-case letters that s
// starts with.
func lowerRun(s string) int {
	n := 0
	for n < len(s) && 'a' <= s[n] && s[n] <= 'z' {
		n++
	}
	return n
}

// bibtex reads one entry as export.BibTeX writes it:
//
//	@type{key,
//	  field = {value},
//	  month = jan,
//	  field = {value}
//	}
//
// with chroma's BibTeX lexer's tokens: the type (NameClass), punctuation,
// the key (NameLabel), each field's name (NameAttribute), a braced value
// (one LiteralString, nested braces and all) or a macro (NameVariable), and
// the whitespace between them (Text, written bare).
func bibtex(dst []byte, code string) ([]byte, bool) {
	s := code
	if !strings.HasPrefix(s, "@") {
		return dst, false
	}
	n := 1 + lowerRun(s[1:])
	typ := s[1:n]
	// The lexer reads these three types as other things; the exports
	// write none of them.
	if typ == "" || strings.HasPrefix(typ, "comment") || strings.HasPrefix(typ, "preamble") || strings.HasPrefix(typ, "string") {
		return dst, false
	}
	if n >= len(s) || s[n] != '{' {
		return dst, false
	}
	dst = span(dst, classNameClass, s[:n])
	dst = span(dst, classPunct, "{")
	s = s[n+1:]
	// The key is a NameLabel up to whitespace, a comma or a closing brace
	// ([^\s\,\}]+); the exports end it with a comma.
	k := strings.IndexFunc(s, func(r rune) bool { return r == ',' || r == '}' || unicode.IsSpace(r) })
	if k <= 0 || s[k] != ',' {
		return dst, false
	}
	dst = span(dst, classLabel, s[:k])
	dst = span(dst, classPunct, ",")
	s = s[k+1:]
	for {
		// A field: "\n  name = value".
		if !strings.HasPrefix(s, "\n  ") {
			return dst, false
		}
		s = s[3:]
		n := lowerRun(s)
		if n == 0 || !strings.HasPrefix(s[n:], " = ") {
			return dst, false
		}
		dst = append(dst, "\n  "...)
		dst = span(dst, classAttr, s[:n])
		dst = append(dst, ' ')
		dst = span(dst, classPunct, "=")
		dst = append(dst, ' ')
		s = s[n+3:]
		if v := lowerRun(s); v > 0 {
			dst = span(dst, classVariable, s[:v])
			s = s[v:]
		} else if strings.HasPrefix(s, "{") {
			// One string from the opening brace to the one that closes
			// it, on one line.
			depth, end := 0, -1
			for i := 0; i < len(s) && end < 0; i++ {
				switch s[i] {
				case '{':
					depth++
				case '}':
					if depth--; depth == 0 {
						end = i + 1
					}
				case '\n':
					return dst, false
				}
			}
			if end < 0 {
				return dst, false
			}
			dst = span(dst, classString, s[:end])
			s = s[end:]
		} else {
			return dst, false
		}
		if strings.HasPrefix(s, ",") {
			dst = span(dst, classPunct, ",")
			s = s[1:]
			continue
		}
		if s != "\n}\n" {
			return dst, false
		}
		dst = append(dst, '\n')
		dst = span(dst, classPunct, "}")
		return append(dst, '\n'), true
	}
}

// ris reads records as export.RIS writes them, a tag a line:
//
//	TY  - BOOK
//	AU  - Family, Given
//	ER  - (and a space)
//
// with the tokens of this package's RIS lexer: the tag (Keyword for TY and
// ER, NameTag for the others), the separator "  - " (Punctuation), and the
// rest of the line with its newline (NameClass after TY and ER,
// LiteralString after the others).
func ris(dst []byte, code string) ([]byte, bool) {
	if code == "" {
		return dst, false
	}
	for s := code; s != ""; {
		line, rest, ok := strings.Cut(s, "\n")
		if !ok || len(line) < 6 || line[2:6] != "  - " ||
			line[0] < 'A' || line[0] > 'Z' || !(line[1] >= 'A' && line[1] <= 'Z' || line[1] >= '0' && line[1] <= '9') {
			return dst, false
		}
		tag, value := classTag, classString
		if line[:2] == "TY" || line[:2] == "ER" {
			tag, value = classKeyword, classNameClass
		}
		dst = span(dst, tag, line[:2])
		dst = span(dst, classPunct, "  - ")
		dst = span(dst, value, s[6:len(line)+1])
		s = rest
	}
	return dst, true
}
