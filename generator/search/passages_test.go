package search

import (
	"math/rand/v2"
	"strconv"
	"testing"

	"edition/generator/index"
)

// passagesByMap is what passages replaced: a map of each chapter's slug to
// a map of each id to its document, filled with the paragraphs of every
// chapter, then the notes of every chapter.
func passagesByMap(chapters []*index.Chapter, notesFrom int) map[string]map[string]int {
	m := make(map[string]map[string]int, len(chapters))
	for _, ch := range chapters {
		m[ch.Slug] = map[string]int{}
	}
	d := 0
	for _, ch := range chapters {
		for _, p := range ch.Paragraphs {
			m[ch.Slug][p.ID] = d
			d++
		}
	}
	d = notesFrom
	for _, ch := range chapters {
		for _, nt := range ch.Notes {
			m[ch.Slug][nt.ID] = d
			d++
		}
	}
	return m
}

// TestPassagesAreTheMaps: passages finds what the maps found, for every
// id of every chapter and ids of none, on random chapters: numbered as
// markup numbers paragraphs, or not (ids out of order, repeated, made by
// hand), notes with ids like paragraphs', chapters that share a slug.
func TestPassagesAreTheMaps(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	ids := []string{"p1", "p2", "p3", "p01", "p0", "p", "n1", "n2", "ed-a", "n-star", "intro", "p12", "p99999999999"}
	for round := range 300 {
		var chapters []*index.Chapter
		paras := 0
		for c := range 1 + r.IntN(6) {
			ch := &index.Chapter{Slug: "ch" + strconv.Itoa(r.IntN(4))}
			if round%3 == 0 {
				ch.Slug = "ch" + strconv.Itoa(c) // slugs of their own
			}
			numbered := r.IntN(2) == 0
			for k := range r.IntN(14) {
				id := "p" + strconv.Itoa(k+1)
				if !numbered {
					id = ids[r.IntN(len(ids))]
				}
				ch.Paragraphs = append(ch.Paragraphs, index.Paragraph{ID: id, Number: k + 1})
			}
			for k := range r.IntN(5) {
				id := "n" + strconv.Itoa(k+1)
				if r.IntN(4) == 0 {
					id = ids[r.IntN(len(ids))]
				}
				ch.Notes = append(ch.Notes, index.NoteInfo{ID: id})
			}
			paras += len(ch.Paragraphs)
			chapters = append(chapters, ch)
		}
		want := passagesByMap(chapters, paras)
		got := newPassages(chapters, paras)
		slugs := []string{"ch0", "ch1", "ch2", "ch3", "ch4", "none"}
		queries := append([]string{"p4", "p13", "p14", "n5", "", "x"}, ids...)
		for _, ch := range chapters {
			for _, p := range ch.Paragraphs {
				queries = append(queries, p.ID)
			}
			for _, n := range ch.Notes {
				queries = append(queries, n.ID)
			}
		}
		for _, slug := range slugs {
			for _, id := range queries {
				wd, wok := want[slug][id]
				gd, gok := got.find(slug, id)
				if gok != wok || gok && gd != wd {
					t.Fatalf("round %d: find(%q, %q) = %d %v, want %d %v", round, slug, id, gd, gok, wd, wok)
				}
			}
		}
	}
}
