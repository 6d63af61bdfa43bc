package render

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"edition/generator/index"
)

// TestChapterLineFindsAsTheChapter holds the text map's lookups by id to
// what they replaced: index.Chapter.Note and .Paragraph (the first of
// equal ids), the map of paragraphs and the map of notes' callers (the
// last of equal ids), on chapters numbered as markup numbers them and on
// chapters that are not (ids out of order, repeated, with leading zeros),
// with few notes and with many.
func TestChapterLineFindsAsTheChapter(t *testing.T) {
	numbered := &index.Chapter{Slug: "one"}
	for i := 1; i <= 12; i++ {
		numbered.Paragraphs = append(numbered.Paragraphs, index.Paragraph{ID: fmt.Sprintf("p%d", i), Number: i, Text: fmt.Sprint("text ", i)})
	}
	numbered.Notes = []index.NoteInfo{
		{ID: "n1", Marker: "1", Paragraph: "p2"}, {ID: "n2", Marker: "2", Paragraph: "n1"},
		{ID: "n1", Marker: "x", Paragraph: "p5"}, {ID: "ed-a", Marker: "a", Series: index.EditorNote, Paragraph: ""},
		{ID: "n-star", Marker: "*", Series: index.UnnumberedNote, Paragraph: "p012"},
		// Ids longer than idKey packs, of 7 and 8 bytes, and empty.
		{ID: "ed-longer-note", Marker: "b", Series: index.EditorNote, Paragraph: "p3"}, {ID: "n123456", Marker: "c", Paragraph: "p4"},
		{ID: "n1234567", Marker: "d", Paragraph: "p6"}, {ID: "", Marker: "e", Paragraph: "p7"},
		{ID: "ed-longer-note", Marker: "f", Series: index.EditorNote, Paragraph: "p8"}, {ID: "n1234567", Marker: "g", Paragraph: "p9"},
		// Notes calling notes: a chain as deep as paragraphOf follows
		// (k7) and one deeper (k8, k9), a cycle, a note called from a
		// note that is not there.
		{ID: "k1", Marker: "k1", Paragraph: "p10"}, {ID: "k2", Marker: "k2", Paragraph: "k1"}, {ID: "k3", Marker: "k3", Paragraph: "k2"},
		{ID: "k4", Marker: "k4", Paragraph: "k3"}, {ID: "k5", Marker: "k5", Paragraph: "k4"}, {ID: "k6", Marker: "k6", Paragraph: "k5"},
		{ID: "k7", Marker: "k7", Paragraph: "k6"}, {ID: "k8", Marker: "k8", Paragraph: "k7"}, {ID: "k9", Marker: "k9", Paragraph: "k8"},
		{ID: "y1", Marker: "y1", Paragraph: "y2"}, {ID: "y2", Marker: "y2", Paragraph: "y1"}, {ID: "z1", Marker: "z1", Paragraph: "z0"},
	}
	odd := &index.Chapter{Slug: "two", Paragraphs: []index.Paragraph{
		{ID: "p2", Number: 1, Text: "a"}, {ID: "p1", Number: 2, Text: "b"}, {ID: "p1", Number: 3, Text: "c"},
		{ID: "p04", Number: 4, Text: "d"}, {ID: "intro", Text: "e"},
	}}
	many := &index.Chapter{Slug: "three", Paragraphs: numbered.Paragraphs[:3]}
	for i := range 3 * manyNotes {
		many.Notes = append(many.Notes, index.NoteInfo{ID: fmt.Sprintf("n%d", i%(2*manyNotes)), Marker: fmt.Sprint(i),
			Paragraph: fmt.Sprintf("p%d", i%4)})
	}
	odd.Notes = many.Notes[:5]
	x, _ := index.Build(index.Input{Edition: &index.Edition{}, Chapters: []*index.Chapter{numbered, odd, many}})
	m := newTextMap(x)
	if !m.lines[0].numbered || m.lines[1].numbered || !m.lines[2].numbered {
		t.Errorf("numbered: %v %v %v, want true false true", m.lines[0].numbered, m.lines[1].numbered, m.lines[2].numbered)
	}
	if m.lines[2].noteAt == nil || m.lines[0].noteAt != nil {
		t.Errorf("a chapter of %d notes has no map of them, or one of %d has", len(many.Notes), len(numbered.Notes))
	}
	ids := []string{"", "p", "p0", "p1", "p2", "p01", "p04", "p12", "p13", "p999999999", "p99999999999", "intro", "n1", "n2",
		"n-star", "ed-a", "n63", "n64", "nx", "p1x", "ed-longer-note", "ed-longer-notf", "n123456", "n123457", "n1234567",
		"n1234568", "n12345678", "\x00", "n1\x00", "k1", "k6", "k7", "k8", "k9", "y1", "y2", "z1", "z0"}
	at := 0.0
	for ci, ch := range x.Chapters {
		l := &m.lines[ci]
		if l.start != at {
			t.Errorf("%s starts at %v, want %v", ch.Slug, l.start, at)
		}
		for _, id := range ids {
			wantN, wantOK := ch.Note(id)
			if n, ok := l.note(id); n != wantN || ok != wantOK {
				t.Errorf("%s: note(%q) = %p %v, want %p %v", ch.Slug, id, n, ok, wantN, wantOK)
			}
			wantP, wantOK := ch.Paragraph(id)
			if p, ok := l.firstParagraph(id); p != wantP || ok != wantOK {
				t.Errorf("%s: firstParagraph(%q) = %p %v, want %p %v", ch.Slug, id, p, ok, wantP, wantOK)
			}
			last := -1
			for k, p := range ch.Paragraphs {
				if p.ID == id {
					last = k
				}
			}
			if k := l.paragraph(id); k != last {
				t.Errorf("%s: paragraph(%q) = %d, want %d", ch.Slug, id, k, last)
			}
			wantLast := -1
			for j, n := range ch.Notes {
				if n.ID == id {
					wantLast = j
				}
			}
			if j := l.lastNote(id); j != wantLast {
				t.Errorf("%s: lastNote(%q) = %d, want %d", ch.Slug, id, j, wantLast)
			}
			// paragraphOf, with each note's caller worked out beforehand,
			// is the walk through the notes it replaced.
			pa, ok := m.paragraphOf(l, id)
			wantK, wantOK := formerParagraphOf(l, id)
			if ok != wantOK || ok && (pa.start != l.start+float64(wantK) || pa.text != ch.Paragraphs[wantK].Text) {
				t.Errorf("%s: paragraphOf(%q) = %v %v, the walk found %d %v", ch.Slug, id, pa, ok, wantK, wantOK)
			}
		}
		at += float64(len(ch.Paragraphs))
	}
	// A note is where the paragraph that calls it is, through the notes
	// that call it; a note called from nothing, or from what is not there,
	// is nowhere.
	for _, c := range []struct {
		ch   int
		id   string
		want float64 // start of the paragraph, or -1
	}{
		{0, "p3", 2}, {0, "n1", 4}, {0, "n2", 4}, {0, "ed-a", -1}, {0, "n-star", -1}, {0, "p13", -1},
		{1, "p1", 12 + 2}, {1, "p2", 12}, {1, "intro", 12 + 4}, {1, "n1", 12 + 2}, {1, "n0", -1},
		{2, "n3", 17 + 2}, {2, "n4", -1}, {2, "n5", 17 + 0},
		{0, "k1", 9}, {0, "k7", 9}, {0, "k8", -1}, {0, "y1", -1}, {0, "z1", -1},
	} {
		p, ok := m.paragraphOf(&m.lines[c.ch], c.id)
		if got := map[bool]float64{true: p.start, false: -1}[ok]; got != c.want {
			t.Errorf("paragraphOf(%s, %q) starts at %v, want %v", x.Chapters[c.ch].Slug, c.id, got, c.want)
		}
	}
}

// TestPageSetBaseIsNewBase: a Base whose root and navigation come from
// its folder's memo is the Base newBase makes for the page, with and
// without a base URL, for pages of one folder marking different items as
// current, and for the 404 page, whose links are absolute.
func TestPageSetBaseIsNewBase(t *testing.T) {
	for _, baseURL := range []string{"", "https://example.org/ed/"} {
		ed := &index.Edition{BaseURL: baseURL, Kinds: []index.Kind{{Key: "concept", Plural: "Concepts", Path: "concepts"},
			{Key: "actor", Plural: "Actors", Path: "actors"}}}
		x, _ := index.Build(index.Input{Edition: ed, Chapters: []*index.Chapter{{Slug: "a"}, {Slug: "b"}}})
		set := newPageSet(nil, x)
		paths := []string{"text/a.html", "text/b.html", "concepts/x.html", "concepts/index.html", "actors/y.html",
			"index.html", "overview.html", "a/b/c.html", "a/b/index.html", "404.html", "sources/s.html"}
		currents := []string{"", "text/a.html", "concepts/index.html", index.BibliographyPage, OverviewPage}
		for range 2 { // made, then from the memo
			for _, p := range paths {
				for _, cur := range currents {
					got, want := set.base(p, "Title "+p, cur), newBase(x, p, "Title "+p, cur)
					if !reflect.DeepEqual(got, want) {
						t.Errorf("base(%q, current %q) = %+v, newBase makes %+v", p, cur, got, want)
					}
				}
			}
		}
	}
}

// TestWriteIndexLocatorIsIndexLocator: the general index's locators,
// written from the text map, are indexLocator's, escaped, for notes of
// each series with markers its replacements reach into or not, for
// paragraphs, and for notes or chapters not found.
func TestWriteIndexLocatorIsIndexLocator(t *testing.T) {
	ch := &index.Chapter{Slug: "c", Paragraphs: []index.Paragraph{{ID: "p1", Number: 1}}}
	markers := []string{"1", "b", "*", "Note 3", "x Note y", "Editor’s note z", "Editor’s note Note ", "<i>&", ""}
	for i, mk := range markers {
		for _, series := range []index.NoteSeries{index.AuthorNote, index.EditorNote, index.UnnumberedNote, 7} {
			ch.Notes = append(ch.Notes, index.NoteInfo{ID: fmt.Sprintf("n%d-%d", i, series), Marker: mk, Series: series})
		}
	}
	x, _ := index.Build(index.Input{Edition: &index.Edition{}, Chapters: []*index.Chapter{ch}})
	m := newTextMap(x)
	occs := []index.Occurrence{{Where: index.Body, ParaNum: 1, Paragraph: "p1"}, {Where: index.Note, Paragraph: "nx", ParaNum: -2},
		{Where: index.Quote, Paragraph: "n0-0", ParaNum: 4}}
	for _, n := range ch.Notes {
		occs = append(occs, index.Occurrence{Where: index.Note, Paragraph: n.ID})
	}
	w := &markup{}
	for _, o := range occs {
		for _, l := range []*chapterLine{&m.lines[0], nil} {
			var c *index.Chapter
			if l != nil {
				c = l.ch
			}
			w.b = w.b[:0]
			n, isNote := indexNote(&o, l)
			writeIndexLocator(w, &o, l, n, isNote)
			want := &markup{}
			want.text(indexLocator(&o, c))
			if string(w.b) != string(want.b) {
				t.Errorf("writeIndexLocator(%+v) = %q, indexLocator %q", o, w.b, want.b)
			}
			// Its words for a screen reader are what its label says in
			// full: "¶ 12" is a paragraph, "Editor’s note b" an editor's.
			label := locator(o, c)
			words := map[string]string{"¶": "paragraph", "Note": "note", "Editor’s": "editor’s note", "Unnumbered": ""}[strings.Fields(label)[0]]
			if got := locatorWords(n, isNote); got != words {
				t.Errorf("locatorWords(%+v) = %q for %q, want %q", o, got, label, words)
			}
		}
	}
}

// formerParagraphOf is how paragraphOf found a note's paragraph, by
// walking through the notes that call it for each occurrence: the index
// in the chapter's Paragraphs, or false.
func formerParagraphOf(l *chapterLine, id string) (int, bool) {
	for range 8 {
		if k := l.paragraph(id); k >= 0 {
			return k, true
		}
		caller, ok := "", false
		for j := len(l.ch.Notes) - 1; j >= 0; j-- {
			if l.ch.Notes[j].ID == id {
				caller, ok = l.ch.Notes[j].Paragraph, true
				break
			}
		}
		if !ok || caller == "" {
			return 0, false
		}
		id = caller
	}
	return 0, false
}

// TestIDKey: two ids of at most 7 bytes have equal keys exactly when they
// are equal, none of them has key 0, and longer ids have key 0.
func TestIDKey(t *testing.T) {
	ids := []string{"", "\x00", "\x00\x00", "n", "n1", "n1\x00", "n10", "n01", "1n", "ed-1", "n-star", "n123456", "\xff\xff\xff\xff\xff\xff\xff"}
	for _, a := range ids {
		if idKey(a) == 0 {
			t.Errorf("idKey(%q) = 0", a)
		}
		for _, b := range ids {
			if (idKey(a) == idKey(b)) != (a == b) {
				t.Errorf("idKey(%q) = %x, idKey(%q) = %x", a, idKey(a), b, idKey(b))
			}
		}
	}
	for _, long := range []string{"n1234567", "ed-longer-note", "\x00\x00\x00\x00\x00\x00\x00\x00"} {
		if idKey(long) != 0 {
			t.Errorf("idKey(%q) = %x, want 0", long, idKey(long))
		}
	}
}
