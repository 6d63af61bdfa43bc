package render

import (
	"html/template"
	"math"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// letterUnits is how wide r is, in the units of an ordinary lowercase
// letter, as in nearly every face for Latin text: a capital, "m" and "w"
// wider, "i", "l", "t" and the punctuation that joins words narrower. An
// accented letter is as wide as the letter it is made on ("é" as "e").
// The face's own width of a unit is style.css's to say (--letter-em), so
// that nothing here knows the templates' fonts.
func letterUnits(r rune) float64 {
	r = baseLetter(r)
	switch {
	case r == 'm' || r == 'w' || r == 'M' || r == 'W':
		return 1.5
	case unicode.IsUpper(r):
		return 1.25
	case strings.ContainsRune("iljtf", r):
		return 0.6
	case r == 'r':
		return 0.8
	case unicode.IsPunct(r):
		return 0.6
	}
	return 1
}

// baseLetter is the letter r is made on, "e" for "é", read from its
// canonical decomposition; r itself where it has none.
func baseLetter(r rune) rune {
	if r < 0x80 {
		return r
	}
	for _, b := range norm.NFD.String(string(r)) {
		return b
	}
	return r
}

// widestWord is how wide, in letterUnits, the widest word of s is: a word
// runs between spaces, and may break after a hyphen, a dash or a slash,
// so those end it too.
func widestWord(s string) float64 {
	var widest, w float64
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			w = 0
			continue
		case r == '-' || r == '‐' || r == '–' || r == '—' || r == '/':
			w = 0 // the word may break after it
			continue
		}
		w += letterUnits(r)
		widest = max(widest, w)
	}
	return widest
}

// Fit bounds, in letterUnits, of the widest word a heading's class makes
// room for (style.css has a rule for each from fitMin to fitMax).
const (
	fitMin = 10 // a word of up to nine letters fits at the headings' size on a 320 px screen with the text at 200%
	fitMax = 22 // a wider word still breaks, as any text does where there is no room
)

// FitClass is the class a heading gets whose widest word may not fit a
// narrow screen at its usual size, with the reader's text at twice its
// size ("fit-14": the word is at most 14 letters wide, see letterUnits),
// so that style.css sets it just small enough for the word to fit, rather
// than break it without a hyphen (Chromium without its hyphenation
// dictionaries cannot hyphenate it); "" for a heading whose words all
// fit. The text itself is left as it is, so that copying and search read
// the words as written. h is a string or, for a heading with markup,
// template.HTML.
func FitClass(h any) string {
	var s string
	switch v := h.(type) {
	case string:
		s = v
	case template.HTML:
		s = plainText(string(v))
	default:
		return ""
	}
	u := math.Ceil(widestWord(s))
	if u < fitMin {
		return ""
	}
	return "fit-" + strconv.Itoa(int(min(u, fitMax)))
}

// Bounds, in letterUnits, of the widest word of a heat map's row names
// that NamesClass makes room for (style.css has a rule for each).
const (
	namesMin = 6      // a narrower word fits the names' column even with the text at 300% on a 320 px screen
	namesMax = fitMax // a wider word still breaks
)

// NamesClass is the class of the overview's heat map, whose row names
// stand in a column of a set width (so that the table does not wait for
// its last row to be read before it is drawn): "names-13" when the widest
// word of any of the names is at most 13 letters wide (see letterUnits),
// so that style.css sets the names no larger than lets that word fit the
// column, rather than break it without a hyphen where the column is
// narrow (a phone, the reader's text large); "" when every word is
// narrower than namesMin. All the names get one size, the column one
// look. A word wider than namesMax still breaks, as any text does where
// there is no room.
func NamesClass(names []string) string {
	var u float64
	for _, n := range names {
		u = max(u, widestWord(n))
	}
	u = math.Ceil(u)
	if u < namesMin {
		return ""
	}
	return "names-" + strconv.Itoa(int(min(u, namesMax)))
}
