package search

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Word is a word of a text with its place in it.
type Word struct {
	Term       string // the normalized, stemmed form; "" for a stopword
	Start, End int    // byte offsets in the original text
}

// stopwords are too common to index; a query drops them.
var stopwords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an and are as at be but by for from had has have he his in into is it its
		not of on or our so such than that the their them there these they this those to was we were what when
		which who will with would`) {
		stopwords[w] = true
	}
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r) || r == '\'' || r == '’'
}

// Words splits text into words: runs of letters, digits and inner
// apostrophes. Hyphens and other punctuation separate words.
func Words(text string) []Word {
	var out []Word
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		raw := text[start:end]
		s, e := start, end
		// Trim apostrophes at either end, keeping offsets right.
		for strings.HasPrefix(raw, "'") || strings.HasPrefix(raw, "’") {
			n := 1
			if strings.HasPrefix(raw, "’") {
				n = len("’")
			}
			raw, s = raw[n:], s+n
		}
		for strings.HasSuffix(raw, "'") || strings.HasSuffix(raw, "’") {
			n := 1
			if strings.HasSuffix(raw, "’") {
				n = len("’")
			}
			raw, e = raw[:len(raw)-n], e-n
		}
		start = -1
		if raw == "" {
			return
		}
		out = append(out, Word{Term: Normalize(raw), Start: s, End: e})
	}
	for i, r := range text {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(text))
	return out
}

// Normalize turns one word into its index term: lower case, accents
// dropped, a possessive 's dropped, apostrophes removed, a plural s
// stemmed; "" for a stopword.
func Normalize(w string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(w) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if r == '’' {
			r = '\''
		}
		b.WriteString(strings.ToLower(string(r)))
	}
	s := b.String()
	s = strings.TrimSuffix(s, "'s")
	s = strings.ReplaceAll(s, "'", "")
	if stopwords[s] {
		return ""
	}
	return stem(s)
}

// stem removes a plural ending (Harman's S-stemmer) from words of four
// letters or more.
func stem(s string) string {
	if len(s) < 4 {
		return s
	}
	switch {
	case strings.HasSuffix(s, "ies") && !strings.HasSuffix(s, "eies") && !strings.HasSuffix(s, "aies"):
		return s[:len(s)-3] + "y"
	case strings.HasSuffix(s, "es") && !strings.HasSuffix(s, "aes") && !strings.HasSuffix(s, "ees") && !strings.HasSuffix(s, "oes"):
		return s[:len(s)-1]
	case strings.HasSuffix(s, "s") && !strings.HasSuffix(s, "us") && !strings.HasSuffix(s, "ss"):
		return s[:len(s)-1]
	}
	return s
}

// Terms returns the index terms of text: no stopwords, no one-letter words.
func Terms(text string) []string {
	var out []string
	for _, w := range Words(text) {
		if len([]rune(w.Term)) > 1 {
			out = append(out, w.Term)
		}
	}
	return out
}
