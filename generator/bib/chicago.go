package bib

import (
	"html"
	"html/template"
	"strconv"
	"strings"
)

// Chicago formats r as an entry in a Chicago notes-bibliography bibliography,
// as HTML: titles of whole works in <i>, of parts in quotation marks.
func Chicago(r *Record) template.HTML {
	var b entry
	names := r.Names["author"]
	edited := false
	if len(names) == 0 {
		names, edited = r.Names["editor"], true
	}
	if len(names) > 0 {
		s := nameList(names, true)
		if edited {
			if len(names) > 1 {
				s += ", eds"
			} else {
				s += ", ed"
			}
		}
		b.sentence(esc(s))
	}
	title := r.Var("title")
	container := r.Var("container-title")
	date := r.Issued().String()
	switch r.Type {
	case "book", "report", "thesis", "collection", "pamphlet", "classic", "periodical", "treaty":
		b.sentence(italic(title))
		if !edited && len(r.Names["editor"]) > 0 {
			b.sentence("Edited by " + esc(nameList(r.Names["editor"], false)))
		}
		if c := r.Var("collection-title"); c != "" {
			b.sentence(esc(join(" ", c, r.Var("collection-number"))))
		}
		if n := r.Var("number"); n != "" {
			b.sentence(esc(n))
		}
		b.sentence(esc(publication(r, date)))
	case "chapter", "paper-conference", "entry", "entry-dictionary", "entry-encyclopedia":
		b.quoted(title)
		in := "In " + italic(container)
		if eds := r.Names["editor"]; len(eds) > 0 && !edited {
			in += ", edited by " + esc(nameList(eds, false))
		}
		if p := r.Var("page"); p != "" {
			in += ", " + esc(pages(p))
		}
		b.sentence(in)
		b.sentence(esc(publication(r, date)))
	case "article-journal":
		b.quoted(title)
		s := italic(container)
		if v := r.Var("volume"); v != "" {
			s += " " + esc(v)
		}
		if i := r.Var("issue"); i != "" {
			s += ", no. " + esc(i)
		}
		if date != "" {
			s += " (" + esc(date) + ")"
		}
		if p := r.Var("page"); p != "" {
			s += ": " + esc(pages(p))
		}
		b.sentence(s)
	case "article-newspaper", "article-magazine", "article", "post", "post-weblog", "review":
		b.quoted(title)
		b.sentence(esc2(italic(container), date))
	case "speech", "interview", "broadcast", "event":
		b.quoted(title)
		genre := r.Var("genre")
		if genre == "" && r.Type == "speech" {
			genre = "Speech"
		}
		b.sentence(esc2(esc(genre), r.Var("event-title"), r.Var("event-place"), date))
	default: // webpage, document, bill, legislation, legal_case, standard…
		b.quoted(title)
		b.sentence(esc2(italic(container), esc(r.Var("publisher")), r.Var("number"), date))
	}
	if u := r.Var("URL"); u != "" {
		b.sentence(esc(u))
	}
	return template.HTML(b.String())
}

// publication is "Place: Publisher, Date" with whatever parts exist.
func publication(r *Record, date string) string {
	pub := r.Var("publisher")
	if place := r.Var("publisher-place"); place != "" {
		if pub != "" {
			pub = place + ": " + pub
		} else {
			pub = place
		}
	}
	return join(", ", pub, date)
}

// nameList joins names Chicago's way: the first inverted when invertFirst
// (but for a name of static ordering),
// "A and B", "A, B, and C"; ten or more are cut to seven and "et al.".
func nameList(names []Name, invertFirst bool) string {
	if len(names) >= 10 {
		names = names[:7]
		return nameList(names, invertFirst) + ", et al."
	}
	parts := make([]string, len(names))
	for i, n := range names {
		if i == 0 && invertFirst && !n.StaticOrdering {
			// A name of static ordering already reads family name first;
			// Chicago writes it so in a bibliography too, with no comma
			// ("Wu Xinbo. Title.").
			parts[i] = n.Inverted()
		} else {
			parts[i] = n.Natural()
		}
	}
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	case 2:
		sep := " and "
		if invertFirst && !names[0].StaticOrdering {
			sep = ", and "
		}
		return parts[0] + sep + parts[1]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + ", and " + parts[len(parts)-1]
}

// pages turns a hyphen between numbers into an en dash.
func pages(p string) string { return strings.ReplaceAll(p, "-", "–") }

// entry builds a bibliography entry sentence by sentence: each part ends with
// a period unless it already ends in punctuation.
type entry struct{ strings.Builder }

func (e *entry) sentence(s string) {
	if strings.TrimSpace(s) == "" {
		return
	}
	if e.Len() > 0 {
		e.WriteByte(' ')
	}
	e.WriteString(s)
	if !endsInPunct(s) {
		e.WriteByte('.')
	}
}

// quoted adds a title in quotation marks, with the period inside them.
func (e *entry) quoted(title string) {
	if title == "" {
		return
	}
	if e.Len() > 0 {
		e.WriteByte(' ')
	}
	e.WriteString("“" + esc(title))
	if !endsInPunct(title) {
		e.WriteByte('.')
	}
	e.WriteString("”")
}

func endsInPunct(s string) bool {
	s = strings.TrimRight(s, "”’</i>")
	if s == "" {
		return false
	}
	switch s[len(s)-1] {
	case '.', '?', '!':
		return true
	}
	return false
}

func esc(s string) string { return html.EscapeString(s) }

func italic(s string) string {
	if s == "" {
		return ""
	}
	return "<i>" + esc(s) + "</i>"
}

// esc2 joins already-escaped first with further plain parts, escaping those.
func esc2(first string, rest ...string) string {
	parts := []string{first}
	for _, r := range rest {
		parts = append(parts, esc(r))
	}
	return join(", ", parts...)
}

// Label is the short author-date label of a citation link: "Bush 2002",
// "Daalder and Steinberg 2005", "Ikenberry et al. 2006", "White House 2002":
// LabelAuthors, a space and Year. Without a date it ends in "n.d.". Labels
// that collide are told apart by the caller (see Disambiguate).
func Label(r *Record) string {
	return LabelAuthors(r) + " " + Year(r)
}

// LabelAuthors is the part of a Label that names the work's authors,
// "Daalder and Steinberg" of "Daalder and Steinberg 2005"; for a work
// without authors, its short title, which stands for them. A citation in
// the text puts the rest in parentheses: "Daalder and Steinberg (2005)".
func LabelAuthors(r *Record) string {
	names := r.Authors()
	switch len(names) {
	case 0:
		if who := r.Var("title-short"); who != "" {
			return who
		}
		return shortTitle(r.Title())
	case 1:
		return names[0].FamilyPart()
	case 2:
		return names[0].FamilyPart() + " and " + names[1].FamilyPart()
	}
	return names[0].FamilyPart() + " et al."
}

// Year is the year of issue as text, the literal date, the publication
// status ("forthcoming") of an undated work, or "n.d.".
func Year(r *Record) string {
	d := r.Issued()
	if y := d.Year(); y != 0 {
		return strconv.Itoa(y)
	}
	if d.Literal != "" {
		return d.Literal
	}
	if s := r.Var("status"); s != "" {
		return s // "forthcoming", "in press"
	}
	return "n.d."
}

// shortTitle keeps the first four words of a title.
func shortTitle(t string) string {
	if i := strings.IndexAny(t, ":."); i > 0 {
		t = t[:i]
	}
	words := strings.Fields(t)
	if len(words) > 4 {
		words = append(words[:4], "…")
	}
	return strings.Join(words, " ")
}

// Disambiguate gives records whose labels collide a letter after the year
// ("Bush 2002a", "Bush 2002b"), in the order given. It returns the label of
// each record by ID.
func Disambiguate(records []*Record) map[string]string {
	labels := make(map[string]string, len(records))
	groups := map[string][]*Record{}
	var order []string
	for _, r := range records {
		l := Label(r)
		if _, ok := groups[l]; !ok {
			order = append(order, l)
		}
		groups[l] = append(groups[l], r)
	}
	for _, l := range order {
		g := groups[l]
		if len(g) == 1 {
			labels[g[0].ID] = l
			continue
		}
		for i, r := range g {
			labels[r.ID] = l + string(rune('a'+i%26))
		}
	}
	return labels
}

// SortKey orders records in a bibliography: by first author (family first),
// then title, then year.
func SortKey(r *Record) string {
	var who string
	if names := r.Authors(); len(names) > 0 {
		who = names[0].Inverted()
	} else {
		who = r.Title()
	}
	return strings.ToLower(who + "\x00" + r.Title() + "\x00" + Year(r))
}
