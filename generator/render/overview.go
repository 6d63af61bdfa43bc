package render

import (
	"cmp"
	"fmt"
	"html/template"
	"math"
	"slices"
	"strings"

	"edition/generator/index"
)

// OverviewPage is the path of the overview: the edition's principal kind
// of entry across the sections of the text, and which of its entries occur
// together.
const OverviewPage = "overview.html"

// overviewPairs is how many pairs of entries the overview shows.
const overviewPairs = 12

// overviewRows is how many entries the heat map shows at most: the most
// mentioned. Each entry's own page draws where all of its mentions are.
const overviewRows = 60

// OverviewView is the overview page.
type OverviewView struct {
	Base
	Kind *index.Kind // the kind shown: the edition's first
	// Sections are the columns: every section of every chapter, or when
	// there are many, every chapter, or runs of chapters (see Column).
	Sections []HeatColumn
	Column   string    // what a column is: "section", "chapter" or "run of chapters"
	Across   string    // "section by section", "chapter by chapter", "in runs of 42 chapters"
	Rows     []HeatRow // one per entry that occurs, most mentioned first
	Names    string    // the heat map's class for its row names' widest word (NamesClass)
	Omitted  int       // entries that occur but have no row (beyond overviewRows)
	Pairs    []PairRow
	PairMap  template.HTML
	Units    int // paragraphs and notes in which entries of the kind occur
}

// HeatColumn is a column of the heat map: the section's (or chapter's)
// name and its page, and its number, which heads the column on a narrow
// screen, as on the strips, where the names would take the width from the
// cells (see .heatmap .col-no in the stylesheet).
type HeatColumn struct {
	Label, Short, Href string
}

// HeatRow is an entry with its mentions per section: a row of the heat
// map, which the template draws as a table whose cells are shaded by
// Levels.
type HeatRow struct {
	Entry  Link
	Counts []int
	Levels []int // each count's shade, 0 (none) to 6 (the most of any cell), as heatLevel gives it
	Total  int
}

// PairRow is two entries and the paragraphs or notes they share.
type PairRow struct {
	A, B  Link
	Count int
	Where []Link // the shared paragraphs and notes
}

func (t *Templates) overview(x *index.Index, tm *textMap) *OverviewView {
	v := &OverviewView{Base: newBase(x, OverviewPage, "Overview", OverviewPage)}
	v.BodyClass = "overview"
	if len(x.Edition.Kinds) == 0 {
		return v
	}
	v.Kind = &x.Edition.Kinds[0]
	switch tm.bandUnit {
	case BySection:
		v.Column, v.Across = "section", "section by section"
	case ByChapter:
		v.Column, v.Across = "chapter", "chapter by chapter"
	default:
		v.Column, v.Across = "run of chapters", fmt.Sprintf("in runs of %d chapters", tm.bandChapters)
	}
	for _, b := range tm.bands {
		href := x.Layout.Chapter(b.Chapter)
		if b.ID != "" {
			href += "#" + b.ID
		}
		label := b.Title
		if tm.bandUnit == BySection && len(x.Chapters) > 1 {
			if ch, ok := x.Chapter(b.Chapter); ok {
				label = ch.Title + ": " + b.Title
			}
		}
		v.Sections = append(v.Sections, HeatColumn{Label: label, Short: b.Short, Href: v.URL(href)})
	}
	type unit struct{ chapter, id string }
	units := map[unit][]*index.Entry{}
	var order []unit
	for _, e := range x.EntriesOf(v.Kind.Key) {
		occ := x.Occurrences(e.Ref())
		if len(occ) == 0 {
			continue
		}
		row := HeatRow{Entry: t.entryLink(x, &v.Base, e), Counts: make([]int, len(tm.bands)), Total: len(occ)}
		for _, o := range occ {
			if bi := tm.band(o.Chapter, o.Section); bi >= 0 {
				row.Counts[bi]++
			}
			u := unit{o.Chapter, o.Paragraph}
			if _, seen := units[u]; !seen {
				order = append(order, u)
			}
			if l := units[u]; len(l) == 0 || l[len(l)-1] != e {
				units[u] = append(l, e)
			}
		}
		v.Rows = append(v.Rows, row)
	}
	slices.SortStableFunc(v.Rows, func(a, b HeatRow) int { return cmp.Compare(b.Total, a.Total) })
	if len(v.Rows) > overviewRows {
		v.Omitted = len(v.Rows) - overviewRows
		v.Rows = v.Rows[:overviewRows]
	}
	labels := make([]string, len(v.Rows))
	for i, r := range v.Rows {
		labels[i] = r.Entry.Label
	}
	v.Names = NamesClass(labels)
	v.Units = len(units)
	maxN := 0 // the shades are relative to the fullest cell shown
	for _, r := range v.Rows {
		for _, n := range r.Counts {
			maxN = max(maxN, n)
		}
	}
	for i := range v.Rows {
		r := &v.Rows[i]
		r.Levels = make([]int, len(r.Counts))
		for c, n := range r.Counts {
			r.Levels[c] = heatLevel(n, maxN)
		}
	}

	type pairKey struct{ a, b *index.Entry }
	shared := map[pairKey][]unit{}
	sortName := map[*index.Entry]string{} // index.SortName of each name, made once
	names := func(a, b *index.Entry) int {
		for _, e := range []*index.Entry{a, b} {
			if _, ok := sortName[e]; !ok {
				sortName[e] = index.SortName(e.Name)
			}
		}
		return cmp.Or(cmp.Compare(sortName[a], sortName[b]), cmp.Compare(a.Name, b.Name)) // index.CompareNames
	}
	for _, u := range order {
		es := units[u]
		for i := range es {
			for j := i + 1; j < len(es); j++ {
				a, b := es[i], es[j]
				if names(a, b) > 0 {
					a, b = b, a
				}
				k := pairKey{a, b}
				shared[k] = append(shared[k], u)
			}
		}
	}
	keys := make([]pairKey, 0, len(shared))
	for k := range shared {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(p, q pairKey) int {
		return cmp.Or(cmp.Compare(len(shared[q]), len(shared[p])), names(p.a, q.a), names(p.b, q.b))
	})
	for _, k := range keys[:min(len(keys), overviewPairs)] {
		if len(shared[k]) < 2 {
			break // a single shared paragraph says little
		}
		row := PairRow{A: t.entryLink(x, &v.Base, k.a), B: t.entryLink(x, &v.Base, k.b), Count: len(shared[k])}
		where := slices.Clone(shared[k])
		// In reading order; a note just after the paragraph that calls it.
		at := func(u unit) float64 {
			l := tm.chapterLine(u.chapter)
			if l == nil {
				return 0
			}
			if isNote := l.lastNote(u.id) >= 0; isNote {
				return tm.atParagraph(l, u.id) + 1e-9
			}
			if k := l.paragraph(u.id); k >= 0 {
				return (l.start + float64(k) + 1) / tm.total
			}
			return 0
		}
		slices.SortStableFunc(where, func(a, b unit) int { return cmp.Compare(at(a), at(b)) })
		for _, u := range where {
			ch, ok := x.Chapter(u.chapter)
			if !ok {
				continue
			}
			row.Where = append(row.Where, Link{Label: unitLabel(ch, u.id, len(x.Chapters) > 1), Href: v.URL(x.Layout.Chapter(ch.Slug) + "#" + u.id)})
		}
		v.Pairs = append(v.Pairs, row)
	}
	v.PairMap = pairChart(v)
	return v
}

// entryLink is a link to an entry's page that can show its preview.
func (t *Templates) entryLink(x *index.Index, b *Base, e *index.Entry) Link {
	return Link{Label: e.Name, Href: b.URL(x.Layout.Ref(e.Ref())), Kind: e.Kind, Ref: e.Ref().String(), Count: len(x.Occurrences(e.Ref()))}
}

// unitLabel names a paragraph ("¶ 12") or a note ("n 4", "ed. n b").
func unitLabel(ch *index.Chapter, id string, withChapter bool) string {
	label := ""
	if n, ok := ch.Note(id); ok {
		switch n.Series {
		case index.EditorNote:
			label = "ed. n " + n.Marker
		case index.UnnumberedNote:
			label = "n *"
		default:
			label = "n " + n.Marker
		}
	} else {
		for _, p := range ch.Paragraphs {
			if p.ID == id {
				label = fmt.Sprintf("¶ %d", p.Number)
			}
		}
	}
	if withChapter {
		label = ch.Title + ", " + label
	}
	return label
}

// heatLevel maps a count to one of six shades, on a logarithmic scale so
// that a few very frequent entries do not wash out the rest.
func heatLevel(n, maxN int) int {
	if n <= 0 || maxN <= 0 {
		return 0
	}
	return max(1, min(6, int(math.Ceil(6*math.Log1p(float64(n))/math.Log1p(float64(maxN))))))
}

// pairChart draws the pairs as bars, one under another: the pair's names,
// then the number of paragraphs and notes they share and a bar as long,
// against the most any pair shares. The names and numbers are words of the
// page, in its face and at the reader's size of text, which wrap on a
// narrow screen; the bars alone are drawn, each an SVG as wide as the line
// whose rectangle takes its share of it (attributes, not styles, so that
// the page's content security policy lets it be). The whole is one image
// to a screen reader, named by the figure's caption: the table under it
// gives the same numbers, with links.
func pairChart(v *OverviewView) template.HTML {
	if len(v.Pairs) == 0 {
		return ""
	}
	esc := template.HTMLEscapeString
	maxN := v.Pairs[0].Count
	var s strings.Builder
	s.WriteString(`<div class="pair-chart" role="img" aria-labelledby="pairs-caption">`)
	for _, p := range v.Pairs {
		pct := 100 * float64(p.Count) / float64(maxN)
		fmt.Fprintf(&s, `<div class="pair"><span class="names">%s <span class="amp">&amp;</span> %s</span>`, esc(p.A.Label), esc(p.B.Label))
		fmt.Fprintf(&s, `<span class="bar"><span class="n">%d</span><svg class="pairs"><rect width="%.1f%%" height="100%%"/></svg></span></div>`, p.Count, pct)
	}
	s.WriteString(`</div>`)
	return template.HTML(s.String())
}
