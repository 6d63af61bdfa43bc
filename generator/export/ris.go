package export

import (
	"fmt"
	"strings"
	"unicode"

	"edition/generator/bib"
)

// risTypes maps CSL item types to RIS reference types; anything else is GEN.
var risTypes = map[string]string{
	"article-journal": "JOUR", "article-magazine": "MGZN", "article-newspaper": "NEWS",
	"article": "GEN", "bill": "BILL", "book": "BOOK", "chapter": "CHAP", "classic": "BOOK",
	"collection": "EDBOOK", "dataset": "DATA", "entry-encyclopedia": "ENCYC", "entry-dictionary": "DICT",
	"graphic": "ART", "hearing": "HEAR", "interview": "PCOMM", "legal_case": "CASE",
	"legislation": "STAT", "manuscript": "MANSCPT", "map": "MAP", "motion_picture": "MPCT",
	"paper-conference": "CPAPER", "patent": "PAT", "personal_communication": "PCOMM",
	"post-weblog": "BLOG", "report": "RPRT", "software": "COMP", "song": "SOUND", "speech": "GEN",
	"standard": "STAND", "thesis": "THES", "webpage": "ELEC", "document": "GEN", "pamphlet": "PAMP",
	"broadcast": "VIDEO",
}

// RIS writes records in the RIS tagged format: one "TY  - " … "ER  - "
// block per record, one tag per line.
func RIS(records []*bib.Record) []byte {
	var b strings.Builder
	for i, r := range records {
		if i > 0 {
			b.WriteByte('\n')
		}
		writeRIS(&b, r)
	}
	return []byte(b.String())
}

func writeRIS(b *strings.Builder, r *bib.Record) {
	tag := func(t, v string) {
		if v = risValue(v); v != "" {
			b.WriteString(t)
			b.WriteString("  - ")
			b.WriteString(v)
			b.WriteByte('\n')
		}
	}
	typ := risTypes[r.Type]
	if typ == "" {
		typ = "GEN"
	}
	tag("TY", typ)
	tag("ID", r.ID)
	// AU, as Zotero and EndNote write and read it. (The 2011 RIS
	// specification labels AU by type: the reporter of a newspaper article,
	// the sponsor of a bill; readers that follow it file the names there.)
	for _, n := range r.Names["author"] {
		tag("AU", risName(n))
	}
	editorTag := "ED"
	if typ == "CHAP" || typ == "CPAPER" {
		editorTag = "A2" // the editors of the book the chapter is in
	}
	for _, n := range r.Names["editor"] {
		tag(editorTag, risName(n))
	}
	for _, n := range r.Names["translator"] {
		tag("A4", risName(n))
	}
	tag("TI", r.Title())
	if c := r.Var("container-title"); c != "" {
		tag("T2", c)
		if typ == "JOUR" || typ == "MGZN" || typ == "NEWS" {
			tag("JF", c)
		}
	}
	tag("T3", r.Var("collection-title"))
	d := r.Issued()
	if y := d.Year(); y != 0 {
		tag("PY", fmt.Sprintf("%04d", y))
		p := d.Parts[0]
		date := fmt.Sprintf("%04d/", p[0])
		if len(p) > 1 {
			date += fmt.Sprintf("%02d/", p[1])
		} else {
			date += "/"
		}
		if len(p) > 2 {
			date += fmt.Sprintf("%02d/", p[2])
		} else {
			date += "/"
		}
		tag("DA", date)
	} else if d.Literal != "" {
		tag("PY", d.Literal)
	}
	tag("VL", r.Var("volume"))
	tag("IS", r.Var("issue"))
	if n := r.Var("number"); n != "" {
		tag("M1", n)
	}
	if p := r.Var("page"); p != "" {
		p = strings.ReplaceAll(p, "–", "-")
		first, last, ok := strings.Cut(p, "-")
		tag("SP", strings.TrimSpace(first))
		if ok {
			tag("EP", strings.TrimSpace(strings.TrimLeft(last, "-")))
		}
	}
	tag("PB", r.Var("publisher"))
	tag("CY", r.Var("publisher-place"))
	tag("M3", r.Var("genre"))
	if r.Var("container-title") == "" {
		tag("T2", r.Var("event-title"))
	}
	tag("SN", r.Var("ISBN"))
	tag("SN", r.Var("ISSN"))
	tag("DO", r.Var("DOI"))
	tag("UR", r.Var("URL"))
	tag("N1", r.Var("note"))
	b.WriteString("ER  - \n")
}

// risName is "Family, Given[, Suffix]", or an institution's name. (RIS
// cannot protect a comma in an institution's name: readers take what comes
// before it as a family name.)
func risName(n bib.Name) string {
	if n.IsLiteral() {
		return n.Literal
	}
	s := n.FamilyPart()
	if g := strings.TrimSpace(n.Given + " " + n.DroppingParticle); g != "" {
		s += ", " + g
	}
	if n.Suffix != "" {
		s += ", " + n.Suffix
	}
	return s
}

// risValue puts a value on one line: RIS has no way to continue a tag.
func risValue(v string) string {
	if risPlain(v) {
		return v
	}
	return risGeneral(v)
}

// risGeneral is risValue's general way: line breaks and tabs become
// spaces, other control characters go, runs of spaces become one.
func risGeneral(v string) string {
	v = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, v)
	return strings.Join(strings.Fields(v), " ")
}

// risPlain reports whether risValue would leave v as it is: ASCII with no
// control characters, no space at either end and no two spaces together.
// (Most values are; the general way copies each twice.)
func risPlain(v string) bool {
	if v == "" || v[0] == ' ' || v[len(v)-1] == ' ' {
		return v == ""
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c < 0x20 || c >= 0x7f || c == ' ' && v[i+1] == ' ' {
			return false
		}
	}
	return true
}
