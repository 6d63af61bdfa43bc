package render

import (
	"bytes"
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"edition/generator/index"
)

// Strip geometry, in CSS pixels; horizontal positions are percentages so
// that the strip stretches to any width without distorting its labels.
// The strip is a row of labels, as high as the stylesheet makes it (1.5
// times the labels' size, which is the reader's size of text: em in the
// attributes, set by .strip's font-size), over the rows of marks, a nested
// svg stripBandsH high that stands at the labels' row's height. Without
// the stylesheet, the strip is stripHeight high, the labels' row 16.
const (
	stripHeight  = 60
	stripBandsH  = 44 // the bands, and the rows of marks on them
	stripLabelsH = "1.5em"
	stripTextY   = 2 // top of the row of marks in the running text
	stripTextH   = 24
	stripNoteY   = 30 // top of the row of marks in notes
	stripNoteH   = 12
	stripMarkW   = 3
	stripTargetW = 9 // the invisible, wider area a pointer can hit
)

// stripWideColumn is the strip's width in pixels on a wide screen, and
// stripCharW the width of a label's character: together they say how much
// of a section's name fits its band. Both are at the usual size of text
// (16 px to the rem), and both grow with the reader's: the names show only
// where the column is as wide as its measure (35rem, from a screen of 40rem
// on), and the labels are .6875rem. The stylesheet cuts, with an ellipsis,
// any name that a wider face than reckoned here makes too long.
const (
	stripWideColumn = 560
	stripCharW      = 6.4
)

// fitLabel shortens a section's name to fit a band px pixels wide.
func fitLabel(title string, px float64) string {
	n := int((px - 8) / stripCharW)
	r := []rune(title)
	switch {
	case len(r) <= n:
		return title
	case n < 4:
		return ""
	}
	return strings.TrimRight(string(r[:n-1]), " ,;:") + "…"
}

// pct writes a fraction as a percentage for an SVG attribute.
func pct(f float64) string { return string(appendPct(nil, f)) }

// appendPct appends pct(f): the percentage to three decimals, without
// trailing zeros.
func appendPct(b []byte, f float64) []byte {
	f = min(max(f, 0), 1)
	n := len(b)
	b = strconv.AppendFloat(b, f*100, 'f', 3, 64)
	t := bytes.TrimRight(bytes.TrimRight(b[n:], "0"), ".")
	return append(b[:n+len(t)], '%')
}

// Strip is a strip as a page writes it, in three parts: the svg
// element's start tag, the bands (bandsDrawing: the same string on every
// strip, so that no page copies its several kilobytes), and the marks
// with the end tag. Written one after the other they are the strip.
type Strip struct {
	Open  template.HTML
	Bands template.HTML
	Marks template.HTML
}

// size is the strip's length, or 0 for none.
func (s *Strip) size() int {
	if s == nil {
		return 0
	}
	return len(s.Open) + len(s.Bands) + len(s.Marks)
}

// strip draws where something occurs in the text: one band per section
// (or chapter, or run of chapters: see textMap.bands), one mark per
// occurrence (a link to it), the running text above and the
// notes below: the marks that marks writes. It is drawn at build time;
// nothing in it needs a script. The start tag and the marks are one
// string, of which Open and Marks are parts. Bands opens the nested svg
// of the rows of marks, which Marks closes with the strip.
func (m *textMap) strip(h *held, id, label string, marks func(w *markup)) *Strip {
	w := getMarkup()
	w.raw(`<svg class="strip" id="`)
	w.plainHTML(id)
	w.raw(`" width="100%" height="` + strconv.Itoa(stripHeight) + `" role="group" aria-label="`)
	w.plainHTML(label)
	w.raw(`">`)
	open := len(w.b)
	marks(w)
	w.raw(`</svg></svg>`)
	s := w.keep(h)
	return &Strip{Open: s[:open], Bands: template.HTML(m.bandsDrawing()), Marks: s[open:]}
}

// mark draws one mark of a strip at at, with its link and the link's
// accessible name written by href and label (escaped as
// template.HTMLEscapeString escapes).
func (w *markup) mark(at float64, note bool, class string, href, label func()) {
	var buf [24]byte
	x := appendPct(buf[:0], at) // both rectangles stand there
	w.raw(`<a href="`)
	href()
	w.raw(`" aria-label="`)
	label()
	w.raw(`"><rect class="hit" x="`)
	w.b = append(w.b, x...)
	if note {
		w.raw(markNoteHit)
	} else {
		w.raw(markTextHit)
	}
	w.raw(`<rect class="mk m-`)
	w.plainHTML(class)
	w.raw(`" x="`)
	w.b = append(w.b, x...)
	if note {
		w.raw(markNoteMk)
	} else {
		w.raw(markTextMk)
	}
}

// The rest of a mark's rectangles after their x, in each row.
var (
	markTextHit = markHit(stripTextY, stripTextH)
	markNoteHit = markHit(stripNoteY, stripNoteH)
	markTextMk  = markMk(stripTextY, stripTextH)
	markNoteMk  = markMk(stripNoteY, stripNoteH)
)

func markHit(y, h int) string {
	return fmt.Sprintf(`" y="%d" width="%d" height="%d" transform="translate(%d 0)"/>`, y-2, stripTargetW, h+4, -stripTargetW/2)
}

func markMk(y, h int) string {
	return fmt.Sprintf(`" y="%d" width="%d" height="%d" transform="translate(%d 0)"/></a>`, y, stripMarkW, h, -stripMarkW/2)
}

// bandsDrawing draws one label per band of the text map (a section, a
// chapter or a run of chapters), then opens the rows of marks and draws
// the bands in them: the same on every strip, so drawn once per text map.
// Each label is HTML in a foreignObject as wide as its band (no style
// attribute can place it, and an SVG text could not be cut to fit): its
// name, cut with an ellipsis where it is too long, or its number, shown
// only where it fits whole (see .sec-label in the stylesheet).
func (m *textMap) bandsDrawing() string {
	m.bandsOnce.Do(func() {
		var s, rows strings.Builder
		esc := template.HTMLEscapeString
		fmt.Fprintf(&rows, `<svg class="rows" y="%s" width="100%%" height="%d">`, stripLabelsH, stripBandsH)
		for i, b := range m.bands {
			x0, x1 := b.start/m.total, b.end/m.total
			cls := "band"
			if i%2 == 1 {
				cls += " alt"
			}
			fmt.Fprintf(&rows, `<rect class="%s" x="%s" y="0" width="%s" height="%d"><title>%s</title></rect>`,
				cls, pct(x0), pct(x1-x0), stripBandsH, esc(b.Title))
			// The band's name where the column is wide, its number where it
			// is narrow. Bands of chapters show their number where their
			// title does not fit; where there are many, only every other
			// band is numbered on a narrow screen.
			long, short := fitLabel(b.Title, (x1-x0)*stripWideColumn), b.Short
			if m.bandUnit != BySection {
				if long == "" {
					long = fitLabel(b.Short, (x1-x0)*stripWideColumn)
				}
				if len(m.bands) > maxBands/2 && i%2 == 1 {
					short = ""
				}
			}
			fmt.Fprintf(&s, `<foreignObject class="sec-label" x="%s" y="0" width="%s" height="%s" aria-hidden="true"><span class="long">%s</span><span class="short">%s</span></foreignObject>`,
				pct(x0), pct(x1-x0), stripLabelsH, esc(long), esc(short))
			if i > 0 {
				fmt.Fprintf(&s, `<line class="sep" x1="%s" x2="%s" y1="%d" y2="%s"/>`, pct(x0), pct(x0), 2, stripLabelsH)
			}
		}
		s.WriteString(rows.String())
		m.bandsSVG = s.String()
	})
	return m.bandsSVG
}

// occurrenceMarks draws a mark for each occurrence, linking from page b.
func (m *textMap) occurrenceMarks(w *markup, b *Base, set *pageSet, occ []index.Occurrence) {
	urls := set.chapterURLs(b)
	for i := range occ {
		o := &occ[i]
		ci, ok := m.chapterAt[o.Chapter]
		if !ok {
			continue
		}
		l := &m.lines[ci]
		href := func() {
			w.plainHTML(set.chapterPrefix(b, urls, ci).raw)
			w.raw("#")
			w.plainHTML(o.ID)
		}
		label := func() {
			writeLocator(w, o, l, true)
			w.raw(": ")
			w.plainHTML(o.Snippet.Match)
		}
		w.mark(m.at(l, o), o.Where == index.Note, o.Where.String(), href, label)
	}
}

// citationMarks draws a mark for each of a source's citations, linking
// from page b: in the lower row for a citation in a note, in the upper for
// one in the text.
func (m *textMap) citationMarks(w *markup, b *Base, set *pageSet, cites []index.Citation) {
	urls := set.chapterURLs(b)
	for i := range cites {
		c := &cites[i]
		ci, ok := m.chapterAt[c.Chapter]
		if !ok {
			continue
		}
		l := &m.lines[ci]
		href := func() {
			w.plainHTML(set.chapterPrefix(b, urls, ci).raw)
			w.raw("#")
			w.plainHTML(c.ID)
		}
		n, isNote := l.note(c.Note)
		var label func()
		if isNote {
			label = func() { writeNoteLabel(w, labelParts(n), true); citationLocator(w, c) }
			w.mark(m.atParagraph(l, n.ID), true, "note", href, label)
			continue
		}
		label = func() {
			if p, ok := l.firstParagraph(c.Paragraph); ok && p.Number > 0 {
				w.raw("¶ ")
				w.b = strconv.AppendInt(w.b, int64(p.Number), 10)
			} else {
				w.raw("In the text")
			}
			citationLocator(w, c)
		}
		w.mark(m.atParagraph(l, c.Paragraph), false, "text", href, label)
	}
}

// citationLocator writes ", " and a citation's locator ("p. 15"), if it
// has one, escaped as template.HTMLEscapeString escapes.
func citationLocator(w *markup, c *index.Citation) {
	if c.Locator != "" {
		w.raw(", ")
		w.plainHTML(c.Locator)
	}
}
