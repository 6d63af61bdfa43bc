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
	total     float64        // paragraphs in the running text of all chapters
	chapterAt map[string]int // slug → index in x.Chapters and lines
	lines     []chapterLine  // each chapter of x.Chapters on the line
	sections  []sectionSpan  // in reading order

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

// chapterLine is one chapter on the line, with what finds its paragraphs
// and notes by id, made once for all the pages that look them up (an
// entry's page looks up each of its occurrences). What a page reads for
// each occurrence is held here, side by side with the other chapters',
// not behind the chapter's own structs, which lie all over the heap: an
// entry's occurrences are in hundreds of chapters.
type chapterLine struct {
	ch           *index.Chapter
	start        float64 // where its first paragraph starts; each takes 1
	firstSection int     // index in textMap.sections of its section 0
	sections     []index.Section
	texts        []string // the plain text of each of ch.Paragraphs
	// numbered is whether the id of each paragraph is "p" and its place
	// (p1, p2, …), as markup numbers them: then a paragraph is found by
	// its id's number; otherwise paraAt finds it.
	numbered bool
	paraAt   map[string]int // id → index in ch.Paragraphs (the last of equal ids), unless numbered
	// noteIDs is the id of each of ch.Notes, side by side: a few dozen
	// are looked through faster than a map finds one. A chapter with more
	// has noteAt too.
	noteIDs    []string
	noteKeys   []uint64         // idKey of each of noteIDs, side by side too
	noteLabels []noteLabelParts // of each of ch.Notes, side by side too
	noteAt     map[string]noteSlot
	// notePara is, for each of ch.Notes, the index in ch.Paragraphs of
	// the paragraph that paragraphOf reaches through the note's caller,
	// or -1: worked out once per chapter (callerParagraph), not for each
	// occurrence in a note, which would read the notes that call it from
	// the chapter's structs all over the heap.
	notePara []int32
}

// manyNotes is how many notes a chapter has before its notes are found by
// a map.
const manyNotes = 32

// noteSlot is where a chapter's notes of one id are in its Notes: the
// first, which index.Chapter.Note finds, and the last, whose caller the
// text map follows (as the map of notes it had kept the last).
type noteSlot struct{ first, last int }

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

// para is where a paragraph lies, in paragraphs, and its plain text.
type para struct {
	span
	text string
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
	m := &textMap{chapterAt: make(map[string]int, len(x.Chapters)), lines: make([]chapterLine, len(x.Chapters))}
	nNotes := 0
	for _, ch := range x.Chapters {
		nNotes += len(ch.Notes)
	}
	noteIDs := make([]string, 0, nNotes)
	noteKeys := make([]uint64, 0, nNotes)
	noteLabels := make([]noteLabelParts, 0, nNotes)
	nParas := 0
	for _, ch := range x.Chapters {
		nParas += len(ch.Paragraphs)
	}
	texts := make([]string, 0, nParas)
	notePara := make([]int32, 0, nNotes)
	var at float64
	for ci, ch := range x.Chapters {
		m.chapterAt[ch.Slug] = ci
		first := len(m.sections)
		l := &m.lines[ci]
		*l = chapterLine{ch: ch, start: at, firstSection: first, sections: ch.Sections, numbered: true}
		for i, s := range ch.Sections {
			m.sections = append(m.sections, sectionSpan{Chapter: ch.Slug, Index: i, Title: s.Title, ID: s.ID, start: -1})
		}
		for k, p := range ch.Paragraphs {
			if n, ok := index.ParagraphNumber(p.ID); !ok || n != k+1 {
				l.numbered = false
			}
			texts = append(texts, p.Text)
			if si := first + p.Section; si < len(m.sections) && m.sections[si].start < 0 {
				m.sections[si].start = at
			}
			at++
		}
		l.texts = texts[len(texts)-len(ch.Paragraphs):]
		if !l.numbered {
			l.paraAt = make(map[string]int, len(ch.Paragraphs))
			for k, p := range ch.Paragraphs {
				l.paraAt[p.ID] = k
			}
		}
		for j := range ch.Notes {
			noteIDs = append(noteIDs, ch.Notes[j].ID)
			noteKeys = append(noteKeys, idKey(ch.Notes[j].ID))
			noteLabels = append(noteLabels, labelParts(&ch.Notes[j]))
		}
		l.noteIDs = noteIDs[len(noteIDs)-len(ch.Notes):]
		l.noteKeys = noteKeys[len(noteKeys)-len(ch.Notes):]
		l.noteLabels = noteLabels[len(noteLabels)-len(ch.Notes):]
		if len(ch.Notes) > manyNotes {
			l.noteAt = make(map[string]noteSlot, len(ch.Notes))
			for j, id := range l.noteIDs {
				slot, seen := l.noteAt[id]
				if !seen {
					slot.first = j
				}
				slot.last = j
				l.noteAt[id] = slot
			}
		}
		for j := range ch.Notes {
			notePara = append(notePara, int32(l.callerParagraph(j)))
		}
		l.notePara = notePara[len(notePara)-len(ch.Notes):]
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
	m.makeBands(x)
	return m
}

// paragraph returns the index in its chapter's Paragraphs of the
// paragraph with id id (the last, if several have it), or -1.
func (l *chapterLine) paragraph(id string) int {
	if !l.numbered {
		if k, ok := l.paraAt[id]; ok {
			return k
		}
		return -1
	}
	// Each paragraph's id is "p" and its place, written as
	// index.ParagraphNumber reads it, and a number is written one way only:
	// the paragraph whose place id names has id (no need to look at its id).
	if n, ok := index.ParagraphNumber(id); ok && n <= len(l.texts) {
		return n - 1
	}
	return -1
}

// firstParagraph is index.Chapter.Paragraph: the first paragraph with id id.
func (l *chapterLine) firstParagraph(id string) (*index.Paragraph, bool) {
	if !l.numbered {
		return l.ch.Paragraph(id)
	}
	if k := l.paragraph(id); k >= 0 { // ids are unique
		return &l.ch.Paragraphs[k], true
	}
	return nil, false
}

// note is index.Chapter.Note: the chapter's first note with id id.
func (l *chapterLine) note(id string) (*index.NoteInfo, bool) {
	if j := l.noteIndex(id); j >= 0 {
		return &l.ch.Notes[j], true
	}
	return nil, false
}

// noteIndex is the index in the chapter's Notes of note(id), or -1.
func (l *chapterLine) noteIndex(id string) int {
	if l.noteAt != nil {
		if s, ok := l.noteAt[id]; ok {
			return s.first
		}
		return -1
	}
	if k := idKey(id); k != 0 {
		for j, nk := range l.noteKeys {
			if nk == k {
				return j
			}
		}
		return -1
	}
	for j, nid := range l.noteIDs {
		if nid == id {
			return j
		}
	}
	return -1
}

// lastNote returns the index in the chapter's Notes of its last note
// with id id, or -1: the note whose caller paragraphOf follows (as the map
// of notes it had kept the last).
func (l *chapterLine) lastNote(id string) int {
	switch k := idKey(id); {
	case l.noteAt != nil:
		if s, ok := l.noteAt[id]; ok {
			return s.last
		}
	case k != 0:
		for i := len(l.noteKeys) - 1; i >= 0; i-- {
			if l.noteKeys[i] == k {
				return i
			}
		}
	default:
		for i := len(l.noteIDs) - 1; i >= 0; i-- {
			if l.noteIDs[i] == id {
				return i
			}
		}
	}
	return -1
}

// noteLevels is how many notes calling notes paragraphOf follows, the
// first note's id included: a few levels at most.
const noteLevels = 8

// callerParagraph returns the index in the chapter's Paragraphs of the
// paragraph that calls note j, through the notes that call it, as
// paragraphOf reaches it from note j's id (after its first level), or -1.
// It reads the chapter's notes, and is called once per note by
// newTextMap.
func (l *chapterLine) callerParagraph(j int) int {
	id := l.ch.Notes[j].Paragraph
	for range noteLevels - 1 {
		if id == "" {
			return -1
		}
		if k := l.paragraph(id); k >= 0 {
			return k
		}
		c := l.lastNote(id)
		if c < 0 {
			return -1
		}
		id = l.ch.Notes[c].Paragraph
	}
	return -1
}

// idKey packs an id of at most 7 bytes into a number, its bytes and its
// length, so that the notes of a chapter are looked through as numbers
// laid side by side rather than strings whose bytes lie all over the heap
// (notes' ids are short: "n12", "ed-3", "n-star"). Two ids that fit have
// equal keys exactly when they are equal; a longer id has key 0, which no
// id that fits has, and is compared as a string.
func idKey(id string) uint64 {
	if len(id) > 7 {
		return 0
	}
	k := uint64(len(id)+1) << 56
	for i := 0; i < len(id); i++ {
		k |= uint64(id[i]) << (8 * i)
	}
	return k
}

// chapterLine returns the line of the chapter with slug s, or nil.
func (m *textMap) chapterLine(s string) *chapterLine {
	if ci, ok := m.chapterAt[s]; ok {
		return &m.lines[ci]
	}
	return nil
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
	chapterBand := make([]int, len(x.Chapters)) // index in x.Chapters → band
	for i := 0; i < len(x.Chapters); i += per {
		last := min(i+per, len(x.Chapters)) - 1
		first := x.Chapters[i]
		// Numbered in order: a band too narrow for its title shows its
		// number, and its title when pointed at.
		b := band{Title: first.Title, Short: strconv.Itoa(len(m.bands) + 1), Chapter: first.Slug, start: m.lines[i].start}
		if last > i {
			b.Title = fmt.Sprintf("Chapters %d–%d", i+1, last+1)
		}
		b.end = m.total
		if last+1 < len(x.Chapters) {
			b.end = m.lines[last+1].start
		}
		for ci := i; ci <= last; ci++ {
			chapterBand[ci] = len(m.bands)
		}
		m.bands = append(m.bands, b)
	}
	for ci, l := range m.lines {
		for i := range l.sections {
			m.bandOf[l.firstSection+i] = chapterBand[ci]
		}
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
func (m *textMap) paragraphOf(l *chapterLine, id string) (para, bool) {
	if l == nil {
		return para{}, false
	}
	k := l.paragraph(id)
	if k < 0 {
		// A note, whose caller's paragraph is worked out beforehand.
		j := l.lastNote(id)
		if j < 0 || l.notePara[j] < 0 {
			return para{}, false
		}
		k = int(l.notePara[j])
	}
	return para{span{l.start + float64(k), 1}, l.texts[k]}, true
}

// start is where the chapter l starts on the line, or 0 for none.
func (l *chapterLine) lineStart() float64 {
	if l == nil {
		return 0
	}
	return l.start
}

// at returns where an occurrence in chapter l stands on the line, from 0
// to 1. In the running text that is where its words are in the paragraph;
// in a note, the end of the paragraph that calls the note.
func (m *textMap) at(l *chapterLine, o *index.Occurrence) float64 {
	p, ok := m.paragraphOf(l, o.Paragraph)
	if !ok {
		return l.lineStart() / m.total // a note called from the title
	}
	frac := 1.0
	if o.Where != index.Note {
		frac = 0.5
		before := strings.TrimPrefix(strings.TrimPrefix(o.Snippet.Before, "…"), " ") // "…word" or "… Word"
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
// of chapter l ends on the line.
func (m *textMap) atParagraph(l *chapterLine, id string) float64 {
	sp, ok := m.paragraphOf(l, id)
	if !ok {
		return l.lineStart() / m.total
	}
	return (sp.start + sp.words) / m.total
}

// section returns the index in m.sections of a chapter's section, or -1.
func (m *textMap) section(chapter string, i int) int {
	l := m.chapterLine(chapter)
	if l == nil || i < 0 || i >= len(l.sections) {
		return -1
	}
	return l.firstSection + i
}
