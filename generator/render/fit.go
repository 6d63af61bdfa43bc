package render

import (
	"html/template"
	"math"
	"strconv"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// headingEm is how wide each character is in the headings' face, Source
// Serif 4 Semibold, in thousandths of an em: measured in Chromium, one
// character at a time, for the letters, digits and the punctuation that
// ends or joins words.
var headingEm = map[rune]int{
	'a': 554, 'b': 623, 'c': 527, 'd': 623, 'e': 540, 'f': 352, 'g': 565, 'h': 650, 'i': 336, 'j': 329,
	'k': 615, 'l': 337, 'm': 961, 'n': 652, 'o': 593, 'p': 624, 'q': 610, 'r': 475, 's': 475, 't': 369,
	'u': 640, 'v': 588, 'w': 857, 'x': 588, 'y': 597, 'z': 497,
	'A': 719, 'B': 649, 'C': 656, 'D': 718, 'E': 634, 'F': 602, 'G': 732, 'H': 809, 'I': 387, 'J': 392,
	'K': 726, 'L': 607, 'M': 930, 'N': 757, 'O': 753, 'P': 629, 'Q': 753, 'R': 707, 'S': 546, 'T': 662,
	'U': 745, 'V': 709, 'W': 1023, 'X': 678, 'Y': 670, 'Z': 592,
	'0': 567, '1': 451, '2': 546, '3': 546, '4': 559, '5': 545, '6': 559, '7': 518, '8': 554, '9': 563,
	',': 276, '.': 276, ':': 307, ';': 307, '’': 236, '\'': 206, '(': 335, ')': 335, '!': 320, '?': 480, '"': 400, '“': 420, '”': 420,
}

// charEm is how wide r is in the headings' face, in thousandths of an em:
// headingEm's width, or that of the letter an accented one is made on
// ("é" as "e", which the table lacks), or a generous guess.
func charEm(r rune) int {
	if w, ok := headingEm[r]; ok {
		return w
	}
	if b := baseLetter(r); b != r {
		if w, ok := headingEm[b]; ok {
			return w
		}
	}
	if unicode.IsUpper(r) {
		return 800
	}
	return 650
}

// baseLetter is the letter r is made on, "e" for "é", read from its
// canonical decomposition; r itself where it has none.
func baseLetter(r rune) rune {
	for _, b := range norm.NFD.String(string(r)) {
		return b
	}
	return r
}

// widestWordEm estimates, in ems, how wide the widest word of s is when
// set as a heading: a word runs between spaces, and may break after a
// hyphen, a dash or a slash, so those end it too.
func widestWordEm(s string) float64 {
	widest, w := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			w = 0
			continue
		case r == '-' || r == '‐' || r == '–' || r == '—' || r == '/':
			w = 0 // the word may break after it
			continue
		}
		w += charEm(r)
		widest = max(widest, w)
	}
	return float64(widest) / 1000
}

// Fit bounds, in ems, of the widest word a heading's class makes room for
// (style.css has a rule for each half em from fitMin to fitMax).
const (
	fitMin = 6.0  // a word up to 5.5 ems fits at the headings' size on a 320 px screen with the text at 200%
	fitMax = 12.0 // a wider word still breaks, as any text does where there is no room
	// fitSlack is added to the estimate: kerning, rounding and the
	// measurements' error.
	fitSlack = 0.2
)

// FitClass is the class a heading gets whose widest word would not fit a
// narrow screen at its usual size, with the reader's text at twice its
// size ("fit-75": the word is at most 7.5 ems wide), so that style.css
// sets it just small enough for the word to fit, rather than break it
// without a hyphen (Chromium without its hyphenation dictionaries cannot
// hyphenate it); "" for a heading whose words all fit. The text itself is
// left as it is, so that copying and search read the words as written.
// h is a string or, for a heading with markup, template.HTML.
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
	em := widestWordEm(s) + fitSlack
	if em <= fitMin-0.5 {
		return ""
	}
	em = min(math.Ceil(em*2)/2, fitMax)
	return "fit-" + strconv.Itoa(int(math.Round(em*10)))
}
