// Package words splits text into words as strings.Fields does, for the
// packages that make plain text out of HTML (the search index, the preview
// cards), without its slice of words; and says how many of a thing there
// are in words that agree with the number (Count); and writes the
// ellipsis of a text cut short, apart from a sentence's end or start and
// against a word otherwise (EllipsisAfter, EllipsisBefore), for markup's
// snippets, the preview cards and the summaries.
package words

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

// Count writes n with the noun that agrees with it: "1 chapter", "3
// chapters".
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// Join returns the words of s, split where unicode.IsSpace says (an
// invalid byte is no space), with one space between each two: what
// strings.Join(strings.Fields(s), " ") returns, made in one pass. A text
// of ASCII that is so already (most names and aliases) is returned as it
// is, without a copy.
func Join(s string) string {
	if joined(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	space := false // a space is owed before the next word
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				space = len(b) > 0
				i++
				continue
			}
			if space {
				b = append(b, ' ')
				space = false
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			space = len(b) > 0
		} else {
			if space {
				b = append(b, ' ')
				space = false
			}
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return string(b)
}

// joined reports whether s is ASCII without control characters, and its
// words are one space apart, with none before the first or after the last.
func joined(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c < ' ' || c == ' ' && s[i+1] == ' ' {
			return false
		}
	}
	return true
}

// asciiSpace is unicode.IsSpace for ASCII.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
