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
// It returns the name as family and given, for the warning to show.
func personLike(s string) (family, given string, ok bool) {
	inverted := strings.Count(s, ",") == 1
	words := strings.Fields(strings.ReplaceAll(s, ",", " "))
	if len(words) < 2 || len(words) > 4 {
		return "", "", false
	}
	initial, institution := false, false
	for _, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return "", "", false
		}
		if w[size:] == "." || strings.Contains(w, ".-") || strings.HasSuffix(w, ".") && utf8.RuneCountInString(w) <= 3 {
			initial = true // "H.", "J.-P.", "Th."
		}
		if institutionWords[strings.ToLower(strings.Trim(w, ".'’&"))] {
			institution = true
		}
	}
	if !initial && institution {
		return "", "", false
	}
	if inverted {
		f, g, _ := strings.Cut(s, ",")
		return strings.TrimSpace(f), strings.TrimSpace(g), true
	}
	return words[len(words)-1], strings.Join(words[:len(words)-1], " "), true
}

// checkPersonLike warns of a name in field written as one string, item,
// that looks like a person's: it is kept whole, as an institution's name
// is, so it sorts under its first letter and labels read it whole.
func checkPersonLike(d *doc, item *yaml.Node, field string, nm bib.Name) {
	family, given, ok := personLike(nm.Literal)
	if !ok {
		return
	}
	d.diags.Warnf(d.pos(item), "write a person as {family: "+family+", given: "+given+"}; for an institution, write {literal: "+nm.Literal+"} and the warning goes",
		"the %s %q is written as one string, which is kept whole as an institution's name is: it sorts under “%s” and citations read “%s”, not “%s”",
		strings.TrimSuffix(field, "s"), nm.Literal, string([]rune(nm.Literal)[:1]), nm.Literal, family)
}
