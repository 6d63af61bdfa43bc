// Package tei holds what package markup and package export share of the
// TEI P5 text: XML escaping and names, and the form in which markup keeps a
// chapter's TEI (index.Chapter.TitleTEI and BodyTEI) for export to put into
// the one TEI document.
//
//	markup: AST ──write──▶ TEI with marks ──index.Chapter──▶ export: marks filled in ──▶ edition.tei.xml
//
// A chapter's TEI is written before the chapter has its place in the
// edition, and before the registry says how each entry is encoded, so it
// holds marks that export fills in: IDMark where the chapter's xml:id
// stands (the prefix of every id in it), and MentionOpen and MentionClose
// around the text that mentions an entry. The marks are control bytes that
// XML text cannot hold, so they never stand for themselves.
package tei

import (
	"encoding/binary"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

const (
	// IDMark stands for the chapter's xml:id.
	IDMark byte = 0x01
	// MentionOpen starts a mention of an entry: it is followed by the
	// length (a uvarint) and the bytes of the entry's "kind:key".
	MentionOpen byte = 0x02
	// MentionClose ends the mention opened last.
	MentionClose byte = 0x03
)

// BodyDepth is the indentation, in spaces, of the lines of a chapter's body
// TEI: the depth of the content of a chapter's div in the TEI document.
const BodyDepth = 4

// AppendMention appends the mark that opens a mention of the entry
// kind:key.
func AppendMention(dst []byte, kind, key string) []byte {
	dst = append(dst, MentionOpen)
	dst = binary.AppendUvarint(dst, uint64(len(kind)+1+len(key)))
	dst = append(dst, kind...)
	dst = append(dst, ':')
	return append(dst, key...)
}

// Next splits b at its first mark: text is what comes before it, mark is
// the mark (0 when there is none), ref the "kind:key" of a MentionOpen, and
// rest what follows.
func Next(b []byte) (text []byte, mark byte, ref []byte, rest []byte) {
	for i, c := range b {
		if c > MentionClose || c == 0 {
			continue
		}
		rest = b[i+1:]
		if c == MentionOpen {
			n, w := binary.Uvarint(rest)
			if w <= 0 || uint64(len(rest)-w) < n {
				return b[:i], 0, nil, nil // cannot happen: markup wrote it
			}
			ref, rest = rest[w:w+int(n)], rest[w+int(n):]
		}
		return b[:i], c, ref, rest
	}
	return b, 0, nil, nil
}

// plainText reports whether s is ASCII that XML text holds as it is.
func plainText(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c == '&' || c == '<' || c == '>' || c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

// AppendText appends s escaped for XML content, without the characters
// XML cannot hold; an invalid UTF-8 byte becomes U+FFFD.
func AppendText(dst []byte, s string) []byte {
	if plainText(s) {
		return append(dst, s...)
	}
	for _, r := range s {
		switch {
		case r == '&':
			dst = append(dst, "&amp;"...)
		case r == '<':
			dst = append(dst, "&lt;"...)
		case r == '>':
			dst = append(dst, "&gt;"...)
		case r == '\t' || r == '\n' || r == '\r':
			dst = append(dst, byte(r))
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF || (r >= 0xD800 && r <= 0xDFFF):
		default:
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst
}

// AppendTextBytes is AppendText of the text in b.
func AppendTextBytes(dst, b []byte) []byte {
	if len(b) == 0 {
		return dst
	}
	return AppendText(dst, unsafe.String(&b[0], len(b))) // read, not kept
}

// Text is s escaped for XML content: see AppendText.
func Text(s string) string {
	if plainText(s) {
		return s
	}
	return string(AppendText(nil, s))
}

// attrEscaper escapes what Text leaves that an attribute value may not hold
// as it is.
var attrEscaper = strings.NewReplacer(`"`, "&quot;", "\n", "&#10;", "\t", "&#9;")

// Attr is s escaped for an attribute value in double quotes.
func Attr(s string) string { return attrEscaper.Replace(Text(s)) }

// AppendAttr appends s escaped for an attribute value in double quotes.
func AppendAttr(dst []byte, s string) []byte {
	if plainText(s) && !strings.ContainsAny(s, "\"\n\t") {
		return append(dst, s...)
	}
	return append(dst, Attr(s)...)
}

// NCName is s made a valid XML name: what a name cannot hold is replaced.
func NCName(s string) string {
	simple := s != ""
	for i := 0; i < len(s) && simple; i++ {
		c := s[i]
		simple = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' ||
			i > 0 && (c >= '0' && c <= '9' || c == '-' || c == '.')
	}
	if simple {
		return s
	}
	return string(AppendNCName(nil, s))
}

// AppendNCName appends NCName(s).
func AppendNCName(dst []byte, s string) []byte {
	n := len(dst)
	for i, r := range s {
		switch {
		case unicode.IsLetter(r) || r == '_':
			dst = utf8.AppendRune(dst, r)
		case i > 0 && (unicode.IsDigit(r) || r == '-' || r == '.'):
			dst = utf8.AppendRune(dst, r)
		case unicode.IsDigit(r):
			dst = append(dst, '_')
			dst = utf8.AppendRune(dst, r)
		default:
			dst = append(dst, '_')
		}
	}
	if len(dst) == n {
		dst = append(dst, '_')
	}
	return dst
}
