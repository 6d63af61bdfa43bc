package render

import (
	"html/template"
	"io"
	"math"
	"strconv"
	"testing"

	"edition/generator/index"
	"edition/generator/internal/words"
)

// KeepEveryList makes views keep every list in its buffer (markup.keep),
// whatever its room, and write over a buffer as it is released, so that
// HTML read after its page's release shows, until the test ends.
func KeepEveryList(t testing.TB) {
	poison, room := poisonReleased, keepRoom
	poisonReleased, keepRoom = true, math.MaxInt
	t.Cleanup(func() { poisonReleased, keepRoom = poison, room })
}

// AddReuse lets the benchmarks of package render_test call addReuse on a
// view made by Page.View.
func (t *Templates) AddReuse(x *index.Index, v any) { t.addReuse(x, v) }

// ExecutePartial executes one partial (such as "meta") of a page template
// with a view, as the page would.
func (t *Templates) ExecutePartial(w io.Writer, page, partial string, v any) error {
	return t.pages[page].ExecuteTemplate(w, partial, v)
}

// FormerLocator is a locator of the general index as a test computes it:
// its link (whose Label is the locator without its chapter), its class
// (Where), its chapter's number when it shows one, and its words for a
// screen reader.
type FormerLocator struct {
	Link
	Where, Chapter, Words string
}

// FormerIndexHeading is a heading of the general index as the template
// "index-heading" was given it, with its locators as links.
type FormerIndexHeading struct {
	Label, Href, Kind, Ref string
	Locators               []FormerLocator
	Subs                   []FormerIndexHeading
	See                    *Link
	SeeAlso                []Link
}

// IndexHeadingsForTest returns the general index's headings by letter,
// with their entries, for a test to compute the locators as they were
// computed before indexWriter.
func (t *Templates) IndexHeadingsForTest(x *index.Index, locators func(*index.Entry) []FormerLocator) map[string][]FormerIndexHeading {
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
			h := new(held)
			set.occurrenceList(h, b, occ, true)
			if len(occ) > 0 {
				tm.strip(h, "strip", e.Name, func(w *markup) { tm.occurrenceMarks(w, b, set, occ) })
			}
			h.release() // as Page.Release does once the page is rendered
		}
	}
}

// FormerStrips returns the strip of each entry's and source's page of x
// that has one, by path, as textMap.strip wrote it before it was split into
// parts: the start tag, the bands, the marks and the end tag in one buffer.
func (t *Templates) FormerStrips(x *index.Index) map[string]template.HTML {
	set := newPageSet(t, x)
	tm := set.tm
	former := func(id, label string, marks func(w *markup)) template.HTML {
		w := getMarkup()
		w.raw(`<svg class="strip" id="`)
		w.plainHTML(id)
		w.raw(`" width="100%" height="` + strconv.Itoa(stripHeight) + `" role="group" aria-label="`)
		w.plainHTML(label)
		w.raw(`">`)
		w.raw(tm.bandsDrawing())
		marks(w)
		w.raw(`</svg></svg>`)
		return w.html()
	}
	out := map[string]template.HTML{}
	for _, e := range x.Entries {
		p := x.Layout.Ref(e.Ref())
		b := set.base(p, e.Name, set.kindPath(e.Kind))
		if occ := x.Occurrences(e.Ref()); len(occ) > 0 {
			out[p] = former("strip", "Where “"+e.Name+"” occurs in the text: "+words.Count(len(occ), "mention", "mentions")+", each linked",
				func(w *markup) { tm.occurrenceMarks(w, &b, set, occ) })
		}
	}
	for _, s := range x.Sources {
		p := x.Layout.Ref(s.Ref())
		b := set.base(p, s.Label, index.BibliographyPage)
		occ, cites := x.Occurrences(s.Ref()), x.Citations(s.ID)
		if n := len(cites) + len(occ); n > 0 {
			out[p] = former("strip", "Where “"+s.Label+"” is cited or named in the text: "+words.Count(n, "place", "places")+", each linked",
				func(w *markup) {
					tm.citationMarks(w, &b, set, cites)
					tm.occurrenceMarks(w, &b, set, occ)
				})
		}
	}
	return out
}

// ForgetFirstLines empties the memory of firstLines, so that a benchmark
// of Extras makes every preview card's text afresh, as a first build does.
func (t *Templates) ForgetFirstLines() {
	t.linesMu.Lock()
	t.lines = nil
	t.linesMu.Unlock()
}

// SizeHint is how long RenderTo expects page p to be, and whether it has
// an estimate: the HTML the page's view holds and what its template has
// written around such HTML so far.
func (t *Templates) SizeHint(p *Page) (int, bool) {
	held, sk := t.sizeHint(p.Template, p.View())
	if sk == nil {
		return 0, false
	}
	if sk.Load() == 0 {
		return held + skeletonGuess, true
	}
	return held + int(sk.Load()), true
}
