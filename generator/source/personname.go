package source

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"edition/generator/bib"

	"go.yaml.in/yaml/v3"
)

// institutionWords are words that the names of institutions use and
// persons' names do not: a name written as one string that holds one is
// taken for an institution's, as it is kept.
var institutionWords = map[string]bool{
	"institute": true, "institution": true, "department": true, "office": true, "house": true,
	"council": true, "ministry": true, "university": true, "press": true, "committee": true,
	"association": true, "organization": true, "organisation": true, "nations": true,
	"union": true, "agency": true, "bank": true, "center": true, "centre": true,
	"foundation": true, "group": true, "commission": true, "government": true, "court": true,
	"panel": true, "service": true, "news": true, "times": true, "post": true, "journal": true,
}

// personLike reports whether s, a name written as one string, looks like a
// person's: two to four words, each beginning with a capital letter, and
// an initial among them ("H.") or no word that institutions' names use.
// It returns the name as family and given, for the warning to show, and
// whether that order is sure: where the name is inverted ("Lindsay, James
// M.") or has an initial, which given names have ("Ivo H. Daalder", and
// "Wu X.", whose initials after the family name end it). A
// name of words alone may put the family name last ("John Smeaton") or
// first, as Chinese, Japanese, Korean and Hungarian names often do ("Wu
// Xinbo"); no list of family names could tell which, so the order is not
// sure, and family and given are then the last word and the rest.
func personLike(s string) (family, given string, sure, ok bool) {
	inverted := strings.Count(s, ",") == 1
	words := strings.Fields(strings.ReplaceAll(s, ",", " "))
	if len(words) < 2 || len(words) > 4 {
		return "", "", false, false
	}
	initial, institution := false, false
	firstInitial, lastInitial := -1, false // where the initials begin; whether one ends the name
	for i, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return "", "", false, false
		}
		isInitial := w[size:] == "." || strings.Contains(w, ".-") || strings.HasSuffix(w, ".") && utf8.RuneCountInString(w) <= 3
		if isInitial { // "H.", "J.-P.", "Th."
			initial = true
			if firstInitial < 0 {
				firstInitial = i
			}
		}
		lastInitial = isInitial
		if institutionWords[strings.ToLower(strings.Trim(w, ".'’&"))] {
			institution = true
		}
	}
	if !initial && institution {
		return "", "", false, false
	}
	if inverted {
		f, g, _ := strings.Cut(s, ",")
		return strings.TrimSpace(f), strings.TrimSpace(g), true, true
	}
	if lastInitial && firstInitial > 0 {
		// The initials end the name, and the family name comes first:
		// "Daalder I. H.", "Wu X.".
		return strings.Join(words[:firstInitial], " "), strings.Join(words[firstInitial:], " "), true, true
	}
	return words[len(words)-1], strings.Join(words[:len(words)-1], " "), initial, true
}

// checkPersonLike warns of a name in field written as one string, item,
// that looks like a person's: it is kept whole, as an institution's name
// is, so it sorts under its first letter and labels read it whole.
//
// Where the order of the name is not sure (see personLike), the warning
// asserts none: it gives both ways of writing it, the family name last and
// first, for the editor to choose; the family name first with
// “static-ordering: true”, which keeps it first wherever the name is shown
// ("Wu Xinbo", not "Xinbo Wu").
func checkPersonLike(d *doc, item *yaml.Node, field string, nm bib.Name) {
	family, given, sure, ok := personLike(nm.Literal)
	if !ok {
		return
	}
	what := strings.TrimSuffix(field, "s")
	initial := string([]rune(nm.Literal)[:1])
	institution := "; for an institution, write {literal: " + nm.Literal + "} and the warning goes"
	if sure {
		d.diags.Warnf(d.pos(item), "write a person as {family: "+family+", given: "+given+"}"+institution,
			"the %s %q is written as one string, which is kept whole as an institution's name is: it sorts under “%s” and citations read “%s”, not “%s”",
			what, nm.Literal, initial, nm.Literal, family)
		return
	}
	words := strings.Fields(nm.Literal)
	first, rest := words[0], strings.Join(words[1:], " ")
	d.diags.Warnf(d.pos(item),
		"write a person as {family: "+family+", given: "+given+"} if the family name is written last, or as {family: "+first+", given: "+rest+
			", static-ordering: true} if it is written first, as Chinese, Japanese, Korean and Hungarian names often are"+institution,
		"the %s %q is written as one string, which is kept whole as an institution's name is: it sorts under “%s” and citations read “%s”, not the family name alone",
		what, nm.Literal, initial, nm.Literal)
}
