package render

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"edition/generator/index"
)

// generalIndex builds a back-of-book index: every entry under its index
// name, with one locator per paragraph or note it occurs in; sub-entries
// under their parent; "see also" from related entries; and "see"
// cross-references from aliases that a reader might look up instead.
func (t *Templates) generalIndex(x *index.Index, set *pageSet) *IndexView {
	v := t.indexHeadings(x)
	v.ChapterNumbers = len(x.Chapters) > 1
	iw := &indexWriter{set: set, b: &v.Base, multi: v.ChapterNumbers, urls: set.chapterURLs(&v.Base), seen: map[[2]string]bool{}}
	for i := range v.Letters {
		l := &v.Letters[i]
		w := getMarkup()
		for j := range l.headings {
			iw.heading(w, &l.headings[j])
		}
		l.Headings, l.headings = w.html(), nil
	}
	return v
}

// indexHeadings makes the general index's view with each letter's
// headings, not yet written.
func (t *Templates) indexHeadings(x *index.Index) *IndexView {
	v := &IndexView{Base: newBase(x, index.GeneralIndexPage, "Index", index.GeneralIndexPage)}
	v.BodyClass = "general-index"
	heading := func(e *index.Entry) IndexHeading {
		h := IndexHeading{Label: e.IndexName, Href: v.URL(x.Layout.Ref(e.Ref())), Kind: e.Kind, Ref: e.Ref().String(), entry: e}
		for _, r := range e.Related {
			if re, ok := x.EntryByKey(r); ok {
				h.SeeAlso = append(h.SeeAlso, Link{Label: re.IndexName, Href: v.URL(x.Layout.Ref(re.Ref()))})
			}
		}
		return h
	}
	// withSubs is an entry's heading with its sub-entries, and theirs, as
	// deep as the registry nests them (bounded, in case parents form a
	// cycle longer than index.Build detects).
	var withSubs func(e *index.Entry, depth int) IndexHeading
	withSubs = func(e *index.Entry, depth int) IndexHeading {
		h := heading(e)
		if depth < maxIndexDepth {
			for _, c := range x.Children(e.Key) {
				h.Subs = append(h.Subs, withSubs(c, depth+1))
			}
		}
		slices.SortFunc(h.Subs, func(a, b IndexHeading) int { return index.CompareNames(a.Label, b.Label) })
		return h
	}
	var headings []IndexHeading
	for _, e := range x.Entries {
		if e.Parent != "" {
			if _, ok := x.EntryByKey(e.Parent); ok {
				continue // listed under its parent
			}
		}
		headings = append(headings, withSubs(e, 0))
		for _, a := range e.Aliases {
			if seeWorthy(a.Text, e) {
				headings = append(headings, IndexHeading{Label: a.Text,
					See: &Link{Label: e.IndexName, Href: v.URL(x.Layout.Ref(e.Ref()))}})
			}
		}
	}
	// Sorted by index.CompareNames with each label's SortName made once,
	// not twice per comparison.
	keyed := make([]sortedHeading, len(headings))
	for i := range headings {
		keyed[i] = sortedHeading{index.SortName(headings[i].Label), &headings[i]}
	}
	slices.SortStableFunc(keyed, func(a, b sortedHeading) int {
		return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(a.h.Label, b.h.Label), boolInt(a.h.See != nil)-boolInt(b.h.See != nil))
	})
	sorted := make([]IndexHeading, len(headings))
	for i, k := range keyed {
		sorted[i] = *k.h
	}
	headings = sorted
	// Drop a "see" that repeats a heading's own label.
	var kept []IndexHeading
	for i, h := range headings {
		if h.See != nil && i > 0 && strings.EqualFold(headings[i-1].Label, h.Label) {
			continue
		}
		kept = append(kept, h)
	}
	for _, h := range kept {
		l := initial(h.Label)
		if n := len(v.Letters); n == 0 || v.Letters[n-1].Letter != l {
			v.Letters = append(v.Letters, IndexLetter{Letter: l, ID: "letter-" + strings.ToLower(l)})
		}
		last := &v.Letters[len(v.Letters)-1]
		last.headings = append(last.headings, h)
	}
	return v
}

// sortedHeading is a heading with the key it is sorted by.
type sortedHeading struct {
	key string
	h   *IndexHeading
}

// indexWriter writes the general index's headings: the markup the
// template "index-heading" wrote, escaped as it escaped it
// (TestGeneralIndexIsTheTemplates).
type indexWriter struct {
	set   *pageSet
	b     *Base
	multi bool
	urls  *chapterLinks
	seen  map[[2]string]bool // the paragraphs and notes of the heading being written
}

func (iw *indexWriter) heading(w *markup, h *IndexHeading) {
	w.raw("\n<li>")
	if h.See != nil {
		w.raw(`<span class="heading">`)
		w.text(h.Label)
		w.raw(`</span>, <i>see</i> <a href="`)
		w.urlAttr(h.See.Href)
		w.raw(`">`)
		w.text(h.See.Label)
		w.raw(`</a></li>` + "\n")
		return
	}
	w.entryLink("heading", h.Kind, h.Href, h.Ref, h.Label)
	if h.entry != nil {
		iw.locators(w, h.entry)
	}
	for i, l := range h.SeeAlso {
		if i == 0 {
			w.raw(". <i>See also</i> ")
		} else {
			w.raw("; ")
		}
		w.raw(`<a href="`)
		w.urlAttr(l.Href)
		w.raw(`">`)
		w.text(l.Label)
		w.raw("</a>")
	}
	if len(h.Subs) > 0 {
		w.raw(`<ul class="subs">`)
		for i := range h.Subs {
			iw.heading(w, &h.Subs[i])
		}
		w.raw("</ul>")
	}
	w.raw("</li>\n")
}

// locators writes an entry's locators: one per paragraph or note it
// occurs in, "12" for a paragraph, "n 4" for a note, "ed. n b" for an
// editor's note, each after its chapter's number when there are several.
// Words hidden but for screen readers (<i>, which the stylesheet hides in a
// locator) make each link's name say what it locates: "paragraph 12",
// "chapter 3. note n 4", "editor’s note ed. n b". They add to what the
// link shows and replace none of it, so that the name still holds the
// words a reader sees and may speak to a voice control.
func (iw *indexWriter) locators(w *markup, e *index.Entry) {
	clear(iw.seen)
	x := iw.set.x
	n := 0
	occ := x.Occurrences(e.Ref())
	for i := range occ {
		o := &occ[i]
		key := [2]string{o.Chapter, o.Paragraph}
		if iw.seen[key] {
			continue
		}
		iw.seen[key] = true
		if n > 0 {
			w.raw(",")
		}
		n++
		ci, ok := iw.set.tm.chapterAt[o.Chapter]
		no := 0 // for a chapter not found
		var l *chapterLine
		if ok {
			no, l = ci+1, &iw.set.tm.lines[ci]
		}
		note, isNote := indexNote(o, l)
		w.raw(` <a class="loc `)
		w.attr(o.Where.String())
		if isNote && note.Series == index.UnnumberedNote {
			// Its locator is words, "Unnumbered note", which may wrap
			// where a narrow screen has no room for them on one line.
			w.raw(" unnumbered")
		}
		w.raw(`" href="`)
		if ok {
			w.urlAttrFrag(iw.set.chapterPrefix(iw.b, iw.urls, ci), o.Paragraph)
		} else {
			w.urlAttr(iw.b.URL(x.Layout.Chapter(o.Chapter) + "#" + o.Paragraph))
		}
		w.raw(`">`)
		words := locatorWords(note, isNote)
		if iw.multi {
			w.raw("<i>chapter </i>")
			w.b = strconv.AppendInt(w.b, int64(no), 10)
			w.raw(".<i> ")
			if words != "" {
				w.raw(words)
				w.raw(" ")
			}
			w.raw("</i>")
		} else if words != "" {
			w.raw("<i>")
			w.raw(words)
			w.raw(" </i>")
		}
		writeIndexLocator(w, o, l, note, isNote)
		w.raw("</a>")
	}
}

// indexNote is the note o occurs in, read from its chapter's line l (nil
// when o's chapter is not found); false when o is not in a note or the
// note is not found.
func indexNote(o *index.Occurrence, l *chapterLine) (noteLabelParts, bool) {
	if o.Where != index.Note || l == nil {
		return noteLabelParts{}, false
	}
	j := l.noteIndex(o.Paragraph)
	if j < 0 {
		return noteLabelParts{}, false
	}
	return l.noteLabels[j], true
}

// locatorWords is what a locator is, in words, for a screen reader:
// "paragraph", "note", "editor’s note", or nothing for the unnumbered
// note, whose locator says it.
func locatorWords(n noteLabelParts, isNote bool) string {
	switch {
	case !isNote:
		return "paragraph"
	case n.Series == index.EditorNote:
		return "editor’s note"
	case n.Series == index.UnnumberedNote:
		return ""
	}
	return "note"
}

// writeIndexLocator writes indexLocator(o, ch), where l is the chapter's
// line (nil when o's chapter is not found) and n the note indexNote found,
// escaped as html/template escapes text.
func writeIndexLocator(w *markup, o *index.Occurrence, l *chapterLine, n noteLabelParts, isNote bool) {
	switch {
	case !isNote:
		// Not in a note, or a note not found: "¶ 12" as "12".
		w.b = strconv.AppendInt(w.b, int64(o.ParaNum), 10)
	case strings.Contains(n.Marker, "Note ") || strings.Contains(n.Marker, "Editor’s note "):
		// A marker that indexLocator's replacements would reach into.
		w.text(indexLocator(o, l.ch))
	case n.Series == index.EditorNote:
		w.raw("ed. n ")
		w.text(n.Marker)
	case n.Series == index.UnnumberedNote:
		w.raw("Unnumbered note")
	default:
		w.raw("n ")
		w.text(n.Marker)
	}
}

// indexLocator is an occurrence's locator as the general index shows it:
// locator's "¶ 12" as "12", "Note 4" as "n 4", "Editor’s note b" as "ed. n b".
func indexLocator(o *index.Occurrence, ch *index.Chapter) string {
	if o.Where != index.Note || ch == nil {
		return strconv.Itoa(o.ParaNum)
	}
	label := locator(*o, ch)
	label = strings.TrimPrefix(label, "¶ ")
	label = strings.Replace(label, "Note ", "n ", 1)
	return strings.Replace(label, "Editor’s note ", "ed. n ", 1)
}

// maxIndexDepth bounds the nesting of sub-entries in the general index.
const maxIndexDepth = 8

// seeWorthy reports whether an alias deserves a "see" cross-reference: it
// would be filed elsewhere than the entry and is not a mere inflection of
// its name.
func seeWorthy(alias string, e *index.Entry) bool {
	first := func(s string) string {
		f := strings.Fields(index.SortName(s))
		if len(f) == 0 {
			return ""
		}
		return strings.Trim(f[0], ",.;:")
	}
	a := first(alias)
	for _, n := range []string{e.Name, e.IndexName} {
		b := first(n)
		if a == b || commonPrefix(a, b) >= 5 {
			return false
		}
	}
	return len(a) > 1
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}
