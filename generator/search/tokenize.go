package search

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

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
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '\''
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r) || r == '’'
}

// Words splits text into words: runs of letters, digits and inner
// apostrophes. Hyphens and other punctuation separate words, but for the
// full stops of an abbreviation: a run of single letters each followed by
// a stop ("U.S.", "e.g.") is one word, read as its letters ("us").
func Words(text string) []Word {
	var out []Word
	eachWord(text, func(raw string, s, e int) { out = append(out, Word{Term: Normalize(raw), Start: s, End: e}) })
	return out
}

// wordByte says which bytes are ASCII that isWordRune accepts.
var wordByte = func() (t [256]bool) {
	for c := range rune(utf8.RuneSelf) {
		t[c] = isWordRune(c)
	}
	return t
}()

// eachWord calls f with each word of text, as Words finds them, and its
// offsets.
func eachWord(text string, f func(raw string, start, end int)) {
	for i := 0; i < len(text); {
		s, e, next := nextWord(text, i)
		if s < e {
			f(text[s:e], s, e)
		}
		i = next
	}
}

// nextWord is a step of eachWord from i, where a word may begin: when a
// word begins there, the word without the apostrophes at either end is
// text[s:e] (empty when it is all apostrophes); next is where the step
// after begins.
func nextWord(text string, i int) (s, e, next int) {
	// Up to the next word…
	if c := text[i]; !wordByte[c] {
		if c < utf8.RuneSelf {
			return i, i, i + 1
		}
		if r, size := utf8.DecodeRuneInString(text[i:]); !isWordRune(r) {
			return i, i, i + size
		}
	}
	// …and to its end.
	start := i
	for i < len(text) {
		c := text[i]
		if wordByte[c] {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			break
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			break
		}
		i += size
	}
	// Apostrophes at either end are not part of the word.
	s, e = start, i
	for s < e {
		if text[s] == '\'' {
			s++
		} else if text[s] == "’"[0] && strings.HasPrefix(text[s:e], "’") {
			s += len("’")
		} else {
			break
		}
	}
	for e > s {
		if text[e-1] == '\'' {
			e--
		} else if text[e-1] == "’"[2] && strings.HasSuffix(text[s:e], "’") {
			e -= len("’")
		} else {
			break
		}
	}
	if s == start && e == i {
		if r, size := utf8.DecodeRuneInString(text[s:]); s+size == e && unicode.IsLetter(r) {
			if end := abbreviation(text, e); end > e {
				return s, end, end
			}
		}
	}
	return s, e, i
}

// abbreviation returns where a run of single letters each followed by a
// full stop ends (after its last stop), given the end e of its first
// letter; e when the letter does not begin one of two letters or more.
func abbreviation(text string, e int) int {
	n, j := 1, e // j: where the stop after the n-th letter should be
	for j < len(text) && text[j] == '.' {
		r, size := utf8.DecodeRuneInString(text[j+1:])
		k := j + 1 + size
		if !unicode.IsLetter(r) || k >= len(text) || text[k] != '.' {
			break
		}
		n, j = n+1, k
	}
	if n < 2 {
		return e
	}
	return j + 1
}

// Normalize turns one word into its index term: lower case, accents
// dropped, a possessive 's dropped, apostrophes and an abbreviation's full
// stops removed, a plural s stemmed; "" for a stopword.
func Normalize(w string) string {
	if t, ok := normalizeASCII(w); ok {
		return t
	}
	return normalizeAny(w)
}

// normalizeAny is Normalize for any word: the definition that
// normalizeASCII, its fast path, must agree with.
func normalizeAny(w string) string {
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
	s = strings.ReplaceAll(strings.ReplaceAll(s, "'", ""), ".", "")
	if stopwords[s] {
		return ""
	}
	return stem(s)
}

// normalizeASCII is Normalize for a word of ASCII letters, digits,
// apostrophes and full stops (which NFKD leaves as they are), most words
// of most texts, without allocating when the term is the word itself.
func normalizeASCII(w string) (string, bool) {
	var buf [64]byte
	if len(w) > len(buf) {
		return "", false
	}
	b := buf[:0]
	lower := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= utf8.RuneSelf:
			return "", false
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
			lower = false
		case c == '\'' || c == '.':
			lower = false
		}
		b = append(b, c)
	}
	if len(b) >= 2 && b[len(b)-2] == '\'' && b[len(b)-1] == 's' {
		b = b[:len(b)-2]
	}
	if lower {
		// Nothing changed: w is its own term, but for the stopwords and
		// the stem.
		if stopwords[w] {
			return "", true
		}
		return stem(w), true
	}
	b = slices.DeleteFunc(b, func(c byte) bool { return c == '\'' || c == '.' })
	if stopwords[string(b)] {
		return "", true
	}
	return stem(string(b)), true
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
// (counter.add is Terms for the index, remembering each word's term.)
func Terms(text string) []string {
	var out []string
	eachWord(text, func(raw string, _, _ int) {
		if t := Normalize(raw); utf8.RuneCountInString(t) > 1 {
			out = append(out, t)
		}
	})
	return out
}
