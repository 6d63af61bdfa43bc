package search

import "edition/generator/index"

// passages finds the document of a passage, a paragraph or a note, by its
// chapter's slug and its id. Passages are numbered as build numbers them:
// the paragraphs of every chapter in turn, then the notes of every
// chapter in turn. A paragraph is found by the number in its id when the
// ids of its chapter are p1, p2, … in order (as markup numbers them), a
// note by looking through its chapter's few notes; only a chapter with
// other ids has a map.
//
// It finds what a map of each slug to a map of each id to its document
// would find, filled in the same order (paragraphs, then notes, each in
// order, a later one with the same id taking its place): a note before a
// paragraph, the last of equal ids, and for chapters that share a slug the
// last chapter's.
type passages struct {
	bySlug   map[string]int32   // the first chapter with each slug
	chapters []chapterPassages  // by index in x.Chapters
	sameSlug map[string][]int32 // chapters that share a slug, in order
}

type chapterPassages struct {
	paraStart, noteStart int // the documents of its first paragraph and first note
	paras                int
	numbered             bool           // paragraph k has id "p" and k+1
	paraAt               map[string]int // id → index in its paragraphs (the last of equal ids), unless numbered
	notes                []string       // the ids of its notes
	noteLikePara         bool           // whether an id of its notes reads as a paragraph's
}

// newPassages indexes the passages of chapters, the paragraphs of all of
// them being numbered from 0 and their notes from notesFrom.
func newPassages(chapters []*index.Chapter, notesFrom int) *passages {
	p := &passages{bySlug: make(map[string]int32, len(chapters)), chapters: make([]chapterPassages, len(chapters))}
	para, note := 0, notesFrom
	for i, ch := range chapters {
		if first, ok := p.bySlug[ch.Slug]; ok {
			if p.sameSlug == nil {
				p.sameSlug = map[string][]int32{}
			}
			if p.sameSlug[ch.Slug] == nil {
				p.sameSlug[ch.Slug] = []int32{first}
			}
			p.sameSlug[ch.Slug] = append(p.sameSlug[ch.Slug], int32(i))
		} else {
			p.bySlug[ch.Slug] = int32(i)
		}
		c := &p.chapters[i]
		c.paraStart, c.noteStart, c.paras = para, note, len(ch.Paragraphs)
		c.numbered = true
		for k := range ch.Paragraphs {
			if n, ok := index.ParagraphNumber(ch.Paragraphs[k].ID); !ok || n != k+1 {
				c.numbered = false
				break
			}
		}
		if !c.numbered {
			c.paraAt = make(map[string]int, len(ch.Paragraphs))
			for k := range ch.Paragraphs {
				c.paraAt[ch.Paragraphs[k].ID] = k
			}
		}
		c.notes = make([]string, len(ch.Notes))
		for k := range ch.Notes {
			c.notes[k] = ch.Notes[k].ID
			if _, ok := index.ParagraphNumber(c.notes[k]); ok {
				c.noteLikePara = true
			}
		}
		para += len(ch.Paragraphs)
		note += len(ch.Notes)
	}
	return p
}

// find returns the document of the passage id in the chapter slug.
func (p *passages) find(slug, id string) (int, bool) {
	i, ok := p.bySlug[slug]
	if !ok {
		return 0, false
	}
	if same := p.sameSlug[slug]; same != nil {
		for k := len(same) - 1; k >= 0; k-- {
			if d, ok := p.chapters[same[k]].note(id); ok {
				return d, true
			}
		}
		for k := len(same) - 1; k >= 0; k-- {
			if d, ok := p.chapters[same[k]].paragraph(id); ok {
				return d, true
			}
		}
		return 0, false
	}
	c := &p.chapters[i]
	if d, ok := c.note(id); ok {
		return d, true
	}
	return c.paragraph(id)
}

func (c *chapterPassages) note(id string) (int, bool) {
	if !c.noteLikePara {
		if _, ok := index.ParagraphNumber(id); ok {
			return 0, false // no note has it
		}
	}
	for k := len(c.notes) - 1; k >= 0; k-- {
		if c.notes[k] == id {
			return c.noteStart + k, true
		}
	}
	return 0, false
}

func (c *chapterPassages) paragraph(id string) (int, bool) {
	if !c.numbered {
		k, ok := c.paraAt[id]
		return c.paraStart + k, ok
	}
	// A number is written one way only: the paragraph whose place id
	// names has id.
	if n, ok := index.ParagraphNumber(id); ok && n <= c.paras {
		return c.paraStart + n - 1, true
	}
	return 0, false
}
