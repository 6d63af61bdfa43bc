package cite

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// LocatorWarning says that a locator names pages in a form that is not the
// usual one: "pg 15", "p 15", "pp15", "page 15", "p.15". The citation is
// still made, with the locator as written; the editor is told what to
// write instead. It is a warning, not an error (see Warning).
type LocatorWarning struct {
	Locator string // as written: "pg 15"
	Want    string // the usual form: "p. 15"
}

func (w *LocatorWarning) Error() string {
	return "the locator “" + w.Locator + "” names pages in an unusual form"
}

// Hint says what to write.
func (w *LocatorWarning) Hint() string {
	return "write “" + w.Want + "”: “p.” for a page, “pp.” for pages, a space before the number"
}

// Warning reports that the problem does not stop the build.
func (w *LocatorWarning) Warning() bool { return true }

// FormError says that a bracket meant as a citation, one that opens with
// "[@" or holds an @key, is not one: it is not closed within its paragraph
// and a few lines (Unclosed), or a part of it has no key ("[@ key]", "[@a; ]"). It shows
// as text, so the work it names is not linked, nor its page told.
type FormError struct {
	Text     string // the bracket as written, or its first line when Unclosed
	Unclosed bool
}

func (e *FormError) Error() string {
	if e.Unclosed {
		return "the citation “" + e.Text + "” is not closed, and shows as text"
	}
	return "“" + e.Text + "” is not a citation, and shows as text"
}

// Hint says what to write.
func (e *FormError) Hint() string {
	switch {
	case e.Unclosed:
		return "close it with “]”: a citation may run over a few lines, but ends in its paragraph"
	case strings.HasPrefix(strings.TrimLeft(strings.TrimPrefix(e.Text, "["), " -"), "@ "):
		return "write the key right after “@”: [@key]"
	}
	return "give every part between semicolons its @key, and none empty: [@a; @b, p. 4]; to show the brackets as text, write \\[…]"
}

// NearKeyWarning says that "@key" in the text is not a citation, since no
// work has the key, but that works have keys a letter or two from it: it
// may be a citation in the text, misspelt. It shows as text. It is a
// warning, not an error (see Warning): "@key" may be meant as it is, a
// handle.
type NearKeyWarning struct {
	Text string   // as written: "@whitehouse2020"
	Near []string // the known keys near it
}

func (w *NearKeyWarning) Error() string {
	return "“" + w.Text + "” is not a citation, and shows as text: no source has the key " + strings.TrimPrefix(w.Text, "@")
}

// Hint names the keys near it, and says how to keep it as text without
// the warning.
func (w *NearKeyWarning) Hint() string {
	q := make([]string, len(w.Near))
	for i, k := range w.Near {
		q[i] = "“@" + k + "”"
	}
	alt := strings.Join(q, " or ")
	if len(q) > 2 {
		alt = strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
	}
	return "did you mean " + alt + "? To keep it as text, write \\" + w.Text
}

// Warning reports that the problem does not stop the build.
func (w *NearKeyWarning) Warning() bool { return true }

// OpenBracketWarning says that a "[" is never closed in its paragraph,
// and that a known "@key" after it is therefore not a citation: Markdown
// reads what follows the bracket as a link's text, where no citation is
// made. It is reported at the bracket.
type OpenBracketWarning struct {
	Text string // the key as written: "@smeaton1791"
}

func (w *OpenBracketWarning) Error() string {
	return "the “[” is never closed, so “" + w.Text + "” after it is not a citation and shows as text: Markdown reads what follows an open bracket as a link's text"
}

// Hint says how to make it a citation.
func (w *OpenBracketWarning) Hint() string {
	return "close the bracket with “]” where its words end, or write \\[ if it is text"
}

// Warning reports that the problem does not stop the build.
func (w *OpenBracketWarning) Warning() bool { return true }

// BracketWarning says that a known "@key" is in a bracket that its
// paragraph closes, but that is neither a citation nor a link, so that
// Markdown shows the bracket as text, and the key with it: "[the report;
// @key]", whose first part has no @key; "[see @key][x]", a link to a
// reference x that the text does not define; "[the report (@key)]". It is
// reported at the "@key", as a warning (see Warning).
type BracketWarning struct {
	Text    string     // the key as written: "@smeaton1791"
	Bracket string     // the bracket as written, shortened where long
	Why     BracketWhy // what keeps the bracket from being a citation, where known
}

// BracketWhy is what keeps a bracket from being a citation.
type BracketWhy int

// The reasons a BracketWarning gives.
const (
	BracketOther          BracketWhy = iota // none known
	BracketPartWithoutKey                   // a part between semicolons has no @key
	BracketBeforeBracket                    // a bracket follows it: a link to a reference
)

func (w *BracketWarning) Error() string {
	why := ""
	switch w.Why {
	case BracketPartWithoutKey:
		why = ": a part of it between semicolons has no @key"
	case BracketBeforeBracket:
		why = ": the bracket after it makes it a link to a reference the text does not define"
	}
	return "“" + w.Text + "” is in the bracket “" + w.Bracket + "”, which is neither a citation nor a link, so it is not a citation and shows as text" + why
}

// Hint says how to make it a citation, or keep it as text without the
// warning.
func (w *BracketWarning) Hint() string {
	do := "to cite the source, write [" + w.Text + "] where the citation belongs"
	switch w.Why {
	case BracketPartWithoutKey:
		do = "to cite the source, give every part between semicolons its @key, [see @a; @b, p. 4], or write [" + w.Text + "] where the citation belongs"
	case BracketBeforeBracket:
		do = "to cite the source, put a space between the two brackets, or remove the second"
	}
	return do + "; to keep it as text, write \\" + w.Text
}

// Warning reports that the problem does not stop the build.
func (w *BracketWarning) Warning() bool { return true }

// NestedWarning says that a known "@key" is in a bracket inside a
// citation, "[see @a [and @b] here]": a citation holds no other, so the
// bracket is part of the item's locator or suffix, and the key shows as
// text. It is reported at the "@key", as a warning (see Warning).
type NestedWarning struct {
	Text     string // the key as written: "@smeaton1791"
	Citation string // the citation as written, shortened where long
}

func (w *NestedWarning) Error() string {
	return "“" + w.Text + "” is in a bracket inside the citation “" + w.Citation + "”, so it is not a citation and shows as text: a citation holds no other"
}

// Hint says how to cite both.
func (w *NestedWarning) Hint() string {
	return "to cite the source too, give it a part of the citation's own, after a semicolon, [see @a; @b], or a citation after this one; to keep it as text, write \\" + w.Text
}

// Warning reports that the problem does not stop the build.
func (w *NestedWarning) Warning() bool { return true }

// pageLabels are the ways of writing "page" that CheckLocator recognises,
// lowercase, longest first so that "pp" is not read as "p" and "p".
var pageLabels = []string{"pages", "page", "pgs", "pg", "pp", "p"}

// CheckLocator reports whether loc, the text after "@key,", names pages
// in the usual form, "p. 15" or "pp. 63–64"; when it names them otherwise
// ("pg 15", "p 15", "pp15", "Page 15", "p.15"), it returns the usual form
// as well. A locator that does not start with a page label and a number
// ("chap. 2", "n. 4", "15", "passim") is left alone.
func CheckLocator(loc string) (want string, ok bool) {
	lower := strings.ToLower(loc)
	label := ""
	for _, l := range pageLabels {
		if strings.HasPrefix(lower, l) {
			label = l
			break
		}
	}
	if label == "" {
		return "", true
	}
	rest := loc[len(label):]
	dot := strings.HasPrefix(rest, ".")
	rest = strings.TrimPrefix(rest, ".")
	num := strings.TrimLeft(rest, " \u00a0")
	if !pageNumber(num) || num == rest && !dot && (num[0] < '0' || num[0] > '9') {
		return "", true // "para. 4", "pp" alone, "pix" …
	}
	if (label == "p" || label == "pp") && dot && len(num) < len(rest) && loc[:len(label)] == label {
		return "", true // the usual form
	}
	// The usual form: "p." for one page, "pp." for a range or a list, and
	// an en dash in a range of numbers.
	pages := strings.ContainsAny(num, "-–,") || strings.Contains(num, "ff")
	if strings.HasPrefix(label, "pp") || label == "pages" || label == "pgs" {
		pages = true
	}
	want = "p. "
	if pages {
		want = "pp. "
	}
	var b strings.Builder
	for i, r := range num {
		if r == '-' && i > 0 && unicode.IsDigit(rune(num[i-1])) && i+1 < len(num) && unicode.IsDigit(rune(num[i+1])) {
			r = '–'
		}
		b.WriteRune(r)
	}
	return want + b.String(), false
}

// pageNumber reports whether s starts with a page number: a digit, or a
// lowercase roman numeral ("xii") followed by the end, a space or
// punctuation.
func pageNumber(s string) bool {
	if s == "" {
		return false
	}
	if s[0] >= '0' && s[0] <= '9' {
		return true
	}
	i := 0
	for i < len(s) && strings.IndexByte("ivxlc", s[i]) >= 0 {
		i++
	}
	if i == 0 {
		return false
	}
	if i == len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}
