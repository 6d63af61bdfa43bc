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
func (t *Templates) generalIndex(x *index.Index) *IndexView {
	v := &IndexView{Base: newBase(x, index.GeneralIndexPage, "Index", index.GeneralIndexPage)}
	v.BodyClass = "general-index"
	multi := len(x.Chapters) > 1
	chapterNo := map[string]int{}
	for i, ch := range x.Chapters {
		chapterNo[ch.Slug] = i + 1
	}
	heading := func(e *index.Entry) IndexHeading {
		h := IndexHeading{Label: e.IndexName, Href: v.URL(x.Layout.Ref(e.Ref())), Kind: e.Kind, Ref: e.Ref().String()}
		seen := map[string]bool{}
		for _, o := range x.Occurrences(e.Ref()) {
			key := o.Chapter + "#" + o.Paragraph
			if seen[key] {
				continue
			}
			seen[key] = true
			ch, _ := x.Chapter(o.Chapter)
			label := locator(o, ch)
			label = strings.TrimPrefix(label, "¶ ")
			label = strings.Replace(label, "Note ", "n ", 1)
			label = strings.Replace(label, "Editor’s note ", "ed. n ", 1)
			if multi {
				label = strconv.Itoa(chapterNo[o.Chapter]) + "." + label
			}
			h.Locators = append(h.Locators, Link{Label: label, Href: v.URL(x.Layout.Chapter(o.Chapter) + "#" + o.Paragraph), Note: o.Where.String()})
		}
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
	slices.SortStableFunc(headings, func(a, b IndexHeading) int {
		return cmp.Or(index.CompareNames(a.Label, b.Label), boolInt(a.See != nil)-boolInt(b.See != nil))
	})
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
		last.Headings = append(last.Headings, h)
	}
	return v
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
