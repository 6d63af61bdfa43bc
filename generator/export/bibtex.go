package export

import (
	"strconv"
	"strings"
	"unicode"

	"edition/generator/bib"
)

// bibtexTypes maps CSL item types to BibTeX entry types; anything else is
// @misc.
var bibtexTypes = map[string]string{
	"book": "book", "classic": "book", "collection": "book",
	"chapter": "incollection", "entry": "incollection",
	"entry-dictionary": "incollection", "entry-encyclopedia": "incollection",
	"paper-conference": "inproceedings", "article": "article",
	"article-journal": "article", "article-magazine": "article",
	"article-newspaper": "article", "review": "article", "review-book": "article",
	"report": "techreport", "thesis": "phdthesis", "pamphlet": "booklet", "manuscript": "unpublished",
}

var monthMacros = [...]string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// BibTeX writes records as BibTeX entries, one after the other, keyed by
// their ids. Values are UTF-8 with BibTeX's special characters escaped;
// titles are braced so that styles keep their capitals.
func BibTeX(records []*bib.Record) []byte {
	var b strings.Builder
	for i, r := range records {
		if i > 0 {
			b.WriteByte('\n')
		}
		writeBibTeX(&b, r)
	}
	return []byte(b.String())
}

func writeBibTeX(b *strings.Builder, r *bib.Record) {
	typ := bibtexTypes[r.Type]
	if typ == "" {
		typ = "misc"
	}
	var fields [][2]string
	add := func(name, value string) {
		if value = strings.TrimSpace(value); value != "" {
			fields = append(fields, [2]string{name, value})
		}
	}
	addRaw := func(name, value string) { // already in BibTeX syntax, unbraced
		fields = append(fields, [2]string{name, "\x00" + value})
	}
	add("author", bibtexNames(r.Names["author"]))
	add("editor", bibtexNames(r.Names["editor"]))
	add("translator", bibtexNames(r.Names["translator"]))
	if t := r.Title(); t != "" {
		add("title", "{"+bibtexEscape(t)+"}")
	}
	container := r.Var("container-title")
	switch typ {
	case "incollection", "inproceedings":
		add("booktitle", "{"+bibtexEscape(container)+"}")
	case "article":
		add("journal", bibtexEscape(container))
	default:
		if container != "" {
			add("howpublished", bibtexEscape(container))
		}
	}
	if c := r.Var("collection-title"); c != "" {
		add("series", bibtexEscape(c))
	}
	add("volume", bibtexEscape(r.Var("volume")))
	switch typ {
	case "article":
		add("number", bibtexEscape(r.Var("issue")))
	default:
		add("number", bibtexEscape(r.Var("number")))
	}
	add("pages", bibtexEscape(bibtexPages(r.Var("page"))))
	if typ == "techreport" {
		add("institution", bibtexEscape(r.Var("publisher")))
	} else if typ == "phdthesis" {
		add("school", bibtexEscape(r.Var("publisher")))
	} else {
		add("publisher", bibtexEscape(r.Var("publisher")))
	}
	add("address", bibtexEscape(r.Var("publisher-place")))
	if typ == "misc" || typ == "techreport" {
		add("type", bibtexEscape(r.Var("genre")))
	}
	if ev := r.Var("event-title"); ev != "" {
		add("eventtitle", bibtexEscape(ev))
	}
	if d := r.Issued(); len(d.Parts) > 0 && len(d.Parts[0]) > 0 {
		add("year", strconv.Itoa(d.Parts[0][0]))
		if len(d.Parts[0]) > 1 {
			addRaw("month", monthMacros[d.Parts[0][1]-1])
		}
	} else if d.Literal != "" {
		add("year", bibtexEscape(d.Literal))
	}
	add("doi", r.Var("DOI"))
	add("isbn", bibtexEscape(r.Var("ISBN")))
	add("issn", bibtexEscape(r.Var("ISSN")))
	add("url", bibtexURL(r.Var("URL")))
	add("note", bibtexEscape(r.Var("note")))

	b.WriteString("@" + typ + "{" + bibtexKey(r.ID) + ",\n")
	for i, f := range fields {
		b.WriteString("  " + f[0] + " = ")
		if v, raw := strings.CutPrefix(f[1], "\x00"); raw {
			b.WriteString(v)
		} else {
			b.WriteString("{" + f[1] + "}")
		}
		if i < len(fields)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("}\n")
}

// bibtexNames joins names with "and": "Family, Given" for persons ("von
// Last, Jr, First" with particles and suffixes), institutions in braces so
// that they are not split.
func bibtexNames(names []bib.Name) string {
	parts := make([]string, 0, len(names))
	for _, n := range names {
		if n.IsLiteral() {
			parts = append(parts, "{"+bibtexEscape(n.Literal)+"}")
			continue
		}
		family := bibtexEscape(n.FamilyPart())
		if strings.Contains(" "+family+" ", " and ") {
			family = "{" + family + "}"
		}
		s := family
		if n.Suffix != "" {
			s += ", " + bibtexEscape(n.Suffix)
		}
		if g := strings.TrimSpace(n.Given + " " + n.DroppingParticle); g != "" {
			s += ", " + bibtexEscape(g)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " and ")
}

// bibtexEscape escapes the characters that BibTeX and LaTeX treat
// specially. Everything else stays UTF-8, which BibTeX 0.99d, biber and
// every current parser read.
func bibtexEscape(s string) string {
	if bibtexPlain(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\textbackslash{}`)
		case '{', '}', '&', '%', '$', '#', '_':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '~':
			b.WriteString(`\textasciitilde{}`)
		case '^':
			b.WriteString(`\textasciicircum{}`)
		case '\n', '\r', '\t':
			b.WriteByte(' ')
		default:
			if unicode.IsControl(r) {
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// bibtexPlain reports whether s is printable ASCII that bibtexEscape
// leaves as it is.
func bibtexPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', '{', '}', '&', '%', '$', '#', '_', '~', '^':
			return false
		default:
			if c < 0x20 || c >= 0x7f {
				return false
			}
		}
	}
	return true
}

// bibtexURL keeps a URL verbatim, as the url package and biblatex read it,
// except for the characters that would end or break the field.
func bibtexURL(u string) string { return urlReplacer.Replace(u) }

// urlReplacer is bibtexURL's, made once: building one per URL cost more
// than the rest of a record.
var urlReplacer = strings.NewReplacer("{", "%7B", "}", "%7D", "\\", "%5C", " ", "%20")

// bibtexPages writes a page range with BibTeX's double hyphen.
func bibtexPages(p string) string {
	p = strings.ReplaceAll(p, "–", "-")
	p = strings.ReplaceAll(p, "--", "-")
	return strings.ReplaceAll(p, "-", "--")
}

// bibtexKey makes a record id safe as a BibTeX key: no spaces, commas,
// braces, quotes, hashes, percent signs or equals signs.
func bibtexKey(id string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r), strings.ContainsRune(`,{}()"#%'=\~`, r):
			return '_'
		}
		return r
	}, id)
}
