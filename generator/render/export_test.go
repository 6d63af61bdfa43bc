package render

import (
	"io"

	"edition/generator/index"
)

// AddReuse lets the benchmarks of package render_test call addReuse on a
// view made by Page.View.
func (t *Templates) AddReuse(x *index.Index, v any) { t.addReuse(x, v) }

// ExecutePartial executes one partial (such as "meta") of a page template
// with a view, as the page would.
func (t *Templates) ExecutePartial(w io.Writer, page, partial string, v any) error {
	return t.pages[page].ExecuteTemplate(w, partial, v)
}

// FormerIndexHeading is a heading of the general index as the template
// "index-heading" was given it, with its locators as links.
type FormerIndexHeading struct {
	Label, Href, Kind, Ref string
	Locators               []Link
	Subs                   []FormerIndexHeading
	See                    *Link
	SeeAlso                []Link
}

// IndexHeadingsForTest returns the general index's headings by letter,
// with their entries, for a test to compute the locators as they were
// computed before indexWriter.
func (t *Templates) IndexHeadingsForTest(x *index.Index, locators func(*index.Entry) []Link) map[string][]FormerIndexHeading {
	var conv func(h IndexHeading) FormerIndexHeading
	conv = func(h IndexHeading) FormerIndexHeading {
		f := FormerIndexHeading{Label: h.Label, Href: h.Href, Kind: h.Kind, Ref: h.Ref, See: h.See, SeeAlso: h.SeeAlso}
		if h.entry != nil {
			f.Locators = locators(h.entry)
		}
		for _, s := range h.Subs {
			f.Subs = append(f.Subs, conv(s))
		}
		return f
	}
	out := map[string][]FormerIndexHeading{}
	for _, l := range t.indexHeadings(x).Letters {
		for _, h := range l.headings {
			out[l.ID] = append(out[l.ID], conv(h))
		}
	}
	return out
}

// EntryOccurrences returns how many occurrences the entries of x have, and
// a function that writes, for every entry's page, its occurrences in
// context and its strip, as Templates.entry does.
func (t *Templates) EntryOccurrences(x *index.Index) (int, func()) {
	set := newPageSet(t, x)
	tm := set.tm
	n := 0
	bases := make([]Base, len(x.Entries))
	for i, e := range x.Entries {
		n += len(x.Occurrences(e.Ref()))
		bases[i] = newBase(x, x.Layout.Ref(e.Ref()), e.Name, "")
	}
	return n, func() {
		for i, e := range x.Entries {
			occ := x.Occurrences(e.Ref())
			b := &bases[i]
			set.occurrenceList(b, occ, true)
			if len(occ) > 0 {
				tm.strip("strip", e.Name, func(w *markup) { tm.occurrenceMarks(w, b, set, occ) })
			}
		}
	}
}
