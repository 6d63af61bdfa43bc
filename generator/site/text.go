package site

import (
	"html"
	"regexp"
	"strings"
	"unicode"

	"edition/generator/internal/words"
)

var tagRE = regexp.MustCompile(`<[^>]*>`)

// PlainText strips the tags from HTML that markup wrote and unescapes it.
func PlainText(h string) string {
	return strings.Join(strings.Fields(html.UnescapeString(tagRE.ReplaceAllString(h, " "))), " ")
}

// FirstSentence returns the first sentence of s, or its first 200
// characters.
func FirstSentence(s string) string {
	rs := []rune(s)
	for i, r := range rs {
		if (r == '.' || r == '?' || r == '!') && i+2 < len(rs) && rs[i+1] == ' ' && unicode.IsUpper(rs[i+2]) && i > 20 {
			return string(rs[:i+1])
		}
	}
	if len(rs) > 200 {
		cut := string(rs[:200])
		if j := strings.LastIndexByte(cut, ' '); j > 0 {
			cut = cut[:j]
		}
		return cut + words.EllipsisAfter(cut)
	}
	return s
}
