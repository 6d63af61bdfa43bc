package render

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"edition/generator/index"
)

// textMap lays the whole edition out on one line, from 0 (the first
// paragraph of the first chapter) to 1 (the end of the last), so that any
// occurrence can be drawn where it stands. Every paragraph takes the same
// room, and an occurrence stands where its words are in its paragraph; a
// note stands at the end of the paragraph that calls it.
//
// Measuring the text in paragraphs, not words, keeps the drawings still
// while an editor writes: a word typed or deleted moves only the marks in
// its own paragraph, so that a rebuild rewrites only the pages of the
// entries named there, not every page with a strip.
type textMap struct {
	total    float64            // paragraphs in the running text of all chapters
	paras    map[paraKey]para   // (chapter, "p12") → where the paragraph lies, and its text
	noteAt   map[paraKey]string // (chapter, "n4") → id of the paragraph (or note) that calls it
	sections []sectionSpan      // in reading order
	chapters map[string]float64 // slug → where the chapter starts
	secIndex map[secKey]int     // (chapter, section index) → index in sections

	// The stretches the strips and the overview divide the text into:
	// its sections, or when there are more than maxBands of them, its
	// chapters, or runs of chapters, so that neither a strip nor the
	// overview grows with the length of the text.
	bands        []band
	bandUnit     BandUnit
	bandChapters int   // chapters in a band, by ByChapterRange
	bandOf       []int // index in sections → index in bands

	bandsOnce sync.Once
	bandsSVG  string // the strips' bands, the same on every strip
}

// maxBands is how many bands a strip has at most, and how many columns
// the overview: at a wide column's 560 pixels, a band keeps some 23
// pixels, room for its number.
const maxBands = 24

// BandUnit is what a band of the strips and a column of the overview
// stands for.
type BandUnit int

const (
	BySection      BandUnit = iota // one section of a chapter
	ByChapter                      // one chapter
	ByChapterRange                 // a run of consecutive chapters
)

// band is a stretch of the text drawn as one band of the strips and one
// column of the overview.
type band struct {
	Title   string // the section's or chapter's title, or "Chapters 1–42"
	Short   string // its number, for where its title does not fit: "3"
	Chapter string // slug of the chapter where it starts
	ID      string // the anchor it starts at in that chapter's page, or ""
	start   float64
	end     float64
}

// paraKey is a paragraph or a note: a chapter's slug and its id.
type paraKey struct{ chapter, id string }

// para is where a paragraph lies, in paragraphs, and its plain text.
type para struct {
	span
	text string
}

type secKey struct {
	chapter string
	index   int
}

// span is a stretch of the text, in paragraphs from the start of the
// edition.
type span struct{ start, words float64 }

// sectionSpan is one section of one chapter on the line.
type sectionSpan struct {
	Chapter string // slug
	Index   int    // the section's index in its chapter
	Title   string
	ID      string
	start   float64
	end     float64
}

func newTextMap(x *index.Index) *textMap {
	m := &textMap{paras: map[paraKey]para{}, noteAt: map[paraKey]string{}, chapters: map[string]float64{}}
	var at float64
	for _, ch := range x.Chapters {
		m.chapters[ch.Slug] = at
		first := len(m.sections)
		for i, s := range ch.Sections {
			m.sections = append(m.sections, sectionSpan{Chapter: ch.Slug, Index: i, Title: s.Title, ID: s.ID, start: -1})
		}
		for _, p := range ch.Paragraphs {
			const w = 1.0
			m.paras[paraKey{ch.Slug, p.ID}] = para{span{at, w}, p.Text}
			if si := first + p.Section; si < len(m.sections) && m.sections[si].start < 0 {
				m.sections[si].start = at
			}
			at += w
		}
		for _, n := range ch.Notes {
			m.noteAt[paraKey{ch.Slug, n.ID}] = n.Paragraph
		}
		// A section without paragraphs of its own starts where the next
		// one does; each ends where the next begins.
		end := at
		for i := len(m.sections) - 1; i >= first; i-- {
			if m.sections[i].start < 0 {
				m.sections[i].start = end
			}
			m.sections[i].end = end
			end = m.sections[i].start
		}
	}
	m.total = max(at, 1)
	m.secIndex = make(map[secKey]int, len(m.sections))
	for j, sec := range m.sections {
		if _, dup := m.secIndex[secKey{sec.Chapter, sec.Index}]; !dup {
			m.secIndex[secKey{sec.Chapter, sec.Index}] = j
		}
	}
	m.makeBands(x)
	return m
}

// makeBands divides the text into at most maxBands bands: by section if
// there are few enough sections, else by chapter if there are few enough
// chapters, else by runs of chapters of equal length (the last shorter).
func (m *textMap) makeBands(x *index.Index) {
	m.bandOf = make([]int, len(m.sections))
	if len(m.sections) <= maxBands {
		m.bandUnit = BySection
		for i, sec := range m.sections {
			m.bands = append(m.bands, band{Title: sec.Title, Short: strconv.Itoa(i + 1), Chapter: sec.Chapter, ID: sec.ID,
				start: sec.start, end: sec.end})
			m.bandOf[i] = i
		}
		return
	}
	per := (len(x.Chapters) + maxBands - 1) / maxBands
	m.bandChapters = per
	m.bandUnit = ByChapter
	if per > 1 {
		m.bandUnit = ByChapterRange
	}
	chapterBand := make(map[string]int, len(x.Chapters))
	for i := 0; i < len(x.Chapters); i += per {
		last := min(i+per, len(x.Chapters)) - 1
		first := x.Chapters[i]
		// Numbered in order: a band too narrow for its title shows its
		// number, and its title when pointed at.
		b := band{Title: first.Title, Short: strconv.Itoa(len(m.bands) + 1), Chapter: first.Slug, start: m.chapters[first.Slug]}
		if last > i {
			b.Title = fmt.Sprintf("Chapters %d–%d", i+1, last+1)
		}
		b.end = m.total
		if last+1 < len(x.Chapters) {
			b.end = m.chapters[x.Chapters[last+1].Slug]
		}
		for _, ch := range x.Chapters[i : last+1] {
			chapterBand[ch.Slug] = len(m.bands)
		}
		m.bands = append(m.bands, b)
	}
	for i, sec := range m.sections {
		m.bandOf[i] = chapterBand[sec.Chapter]
	}
}

// BandsWord names what the bands are, for a caption: "sections",
// "chapters" or "runs of chapters".
func (m *textMap) BandsWord() string {
	switch m.bandUnit {
	case ByChapter:
		return "chapters"
	case ByChapterRange:
		return "runs of chapters"
	}
	return "sections"
}

// band returns the index in m.bands of the band that holds a chapter's
// section, or -1.
func (m *textMap) band(chapter string, section int) int {
	if j := m.section(chapter, section); j >= 0 {
		return m.bandOf[j]
	}
	return -1
}

// paragraphOf returns the paragraph of the running text that id (a
// paragraph or a note) belongs to: a note belongs to the paragraph that
// calls it, or to the paragraph calling the note that calls it. It returns
// the paragraph itself, so that its callers need not look it up again.
func (m *textMap) paragraphOf(chapter, id string) (para, bool) {
	for range 8 { // notes calling notes: a few levels at most
		if p, ok := m.paras[paraKey{chapter, id}]; ok {
			return p, true
		}
		caller, ok := m.noteAt[paraKey{chapter, id}]
		if !ok || caller == "" {
			return para{}, false
		}
		id = caller
	}
	return para{}, false
}

// at returns where an occurrence stands on the line, from 0 to 1. In the
// running text that is where its words are in the paragraph; in a note, the
// end of the paragraph that calls the note.
func (m *textMap) at(o *index.Occurrence) float64 {
	p, ok := m.paragraphOf(o.Chapter, o.Paragraph)
	if !ok {
		return m.chapters[o.Chapter] / m.total // a note called from the title
	}
	frac := 1.0
	if o.Where != index.Note {
		frac = 0.5
		before := strings.TrimPrefix(o.Snippet.Before, "…")
		if i := indexPair(p.text, before, o.Snippet.Match); i >= 0 && len(p.text) > 0 {
			frac = float64(i+len(before)) / float64(len(p.text))
		}
	}
	return (p.start + frac*p.words) / m.total
}

// indexPair is strings.Index(s, a+b), without making a+b. It looks for b
// (a mention's few words, which strings.Index finds fast) rather than a
// (the longer context before it, found slowly), and checks that a stands
// before it: the first b with a before it is where the first a+b starts.
func indexPair(s, a, b string) int {
	if b == "" {
		return strings.Index(s, a)
	}
	for from := len(a); from+len(b) <= len(s); {
		i := strings.Index(s[from:], b)
		if i < 0 {
			return -1
		}
		i += from
		if s[i-len(a):i] == a {
			return i - len(a)
		}
		from = i + 1
	}
	return -1
}

// atParagraph returns where a paragraph (or the paragraph calling a note)
// ends on the line.
func (m *textMap) atParagraph(chapter, id string) float64 {
	sp, ok := m.paragraphOf(chapter, id)
	if !ok {
		return m.chapters[chapter] / m.total
	}
	return (sp.start + sp.words) / m.total
}

// section returns the index in m.sections of a chapter's section.
func (m *textMap) section(chapter string, i int) int {
	if j, ok := m.secIndex[secKey{chapter, i}]; ok {
		return j
	}
	return -1
}
