package bib

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ParseName reads a person's name written as one string, as edition.yaml
// and a chapter's front matter may give their authors and editors: in
// reading order with the family name last ("Ivo H. Daalder"), the
// lower-case particles before it kept with it ("Ludwig van Beethoven"),
// and a suffix after a comma ("Martin Luther King, Jr."); or inverted,
// family name first and a comma ("Daalder, Ivo H.", "King, Martin
// Luther, Jr."). One word, or more commas than that, is kept whole as a
// Literal. A name whose family name comes first without a comma ("Wu
// Xinbo") cannot be told from one string: it is written as the
// bibliography writes names, {family: Wu, given: Xinbo, static-ordering:
// true}.
func ParseName(s string) Name {
	s = strings.Join(strings.Fields(s), " ")
	parts := strings.Split(s, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	switch {
	case len(parts) == 1:
		return readingOrder(s)
	case len(parts) == 2 && isSuffix(parts[1]):
		n := readingOrder(parts[0])
		if n.Literal != "" {
			return Name{Literal: s}
		}
		n.Suffix = parts[1]
		return n
	case len(parts) == 2 && parts[0] != "" && parts[1] != "":
		return Name{Family: parts[0], Given: parts[1]}
	case len(parts) == 3 && parts[0] != "" && parts[1] != "" && isSuffix(parts[2]):
		return Name{Family: parts[0], Given: parts[1], Suffix: parts[2]}
	}
	return Name{Literal: s}
}

// readingOrder reads "Given [particles] Family".
func readingOrder(s string) Name {
	f := strings.Fields(s)
	if len(f) < 2 {
		return Name{Literal: s}
	}
	last := len(f) - 1
	p := last // the first word of the particles before the family name
	for p > 1 && startsLower(f[p-1]) {
		p--
	}
	return Name{Given: strings.Join(f[:p], " "), NonDroppingParticle: strings.Join(f[p:last], " "), Family: f[last]}
}

func startsLower(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// IsSuffix reports whether s is a generational suffix ("Jr.", "III").
func IsSuffix(s string) bool { return isSuffix(s) }

// isSuffix reports whether s is a generational suffix ("Jr.", "III").
func isSuffix(s string) bool {
	return slices.Contains([]string{"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"}, s)
}

// Naturals is each name in reading order (Natural).
func Naturals(names []Name) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = n.Natural()
	}
	return out
}
