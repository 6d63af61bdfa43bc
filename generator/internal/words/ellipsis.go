package words

import (
	"unicode/utf8"
)

// Ellipsis marks where a text is cut short.
const Ellipsis = "…"

// EndsSentence reports whether s ends as a sentence does: with ".", "?"
// or "!", maybe followed by closing quotation marks or brackets ("view.",
// "said.”", "(see above.)"). The full stop of an abbreviation ("U.S.")
// counts as well: an ellipsis set apart from it by a space reads as well
// as after a sentence.
func EndsSentence[T ~string | ~[]byte](s T) bool {
	for len(s) > 0 {
		var r rune
		var size int
		if b, ok := any(s).([]byte); ok {
			r, size = utf8.DecodeLastRune(b)
		} else {
			r, size = utf8.DecodeLastRuneInString(string(s))
		}
		switch r {
		case '.', '?', '!':
			return true
		case '”', '’', '"', '\'', ')', ']', '»':
			s = s[:len(s)-size]
		default:
			return false
		}
	}
	return false
}

// EllipsisAfter is the ellipsis that follows s, a text cut short after a
// word: "…" against the word ("the threat…"), " …" after a sentence's end
// ("the view. …"), where the two marks glued together ("view.…") would
// read as one.
func EllipsisAfter[T ~string | ~[]byte](s T) string {
	if EndsSentence(s) {
		return " " + Ellipsis
	}
	return Ellipsis
}

// EllipsisBefore is the ellipsis that starts a text cut short after the
// text before, which is cut away: "… " when the text starts a sentence
// (before ends with one and a space), "…" against a word otherwise.
func EllipsisBefore[T ~string | ~[]byte](before T) string {
	n := len(before)
	for n > 0 && before[n-1] == ' ' {
		n--
	}
	if n < len(before) && EndsSentence(before[:n]) {
		return Ellipsis + " "
	}
	return Ellipsis
}
