package site

import (
	"encoding/binary"
	"hash/maphash"

	"edition/generator/index"
	"edition/generator/render"
)

// Pre-keys. Most pages are cheap to make, and the Builder decides whether
// one changed by the fingerprint of its view. The general index gathers
// every occurrence of every entry: making its view (some 40,000 locators
// for a thousand chapters) and fingerprinting it would cost more than all
// the other pages that do not change. For it, preKeys works out a key
// straight from the index data its view reads, without making the view:
// equal keys, equal pages.
//
// The key follows what render's generalIndex (and the metadata addReuse
// gives it) reads. When that changes to show more of the index, the key
// below must take it in. A Builder in verify mode (the site's tests) checks
// each page kept by its pre-key against the fingerprint of its view, and
// reports a page whose view changed under an unchanged key.
//
// The overview counts the mentions of the first kind of entry by band of
// the text and pairs them by paragraph or note: its pre-key is made of the
// chapters' structure (titles, sections, paragraphs, notes) and of each of
// those entries' occurrences, where they stand but not their words, so
// that an edit of the words of a paragraph leaves it as it is.
//
// Entry and source pages have no pre-key: the Builder keeps them while
// nothing they read changed (see Builder.subjectsKey and dirtyClosure).
type preKeys struct {
	seed  maphash.Seed
	x     *index.Index
	base  uint64               // templates, edition, navigation, footer: what every page shows
	chaps map[string]uint64    // chapter slug → its headings and note labels
	loc   map[index.Ref]uint64 // each entry's occurrences as the general index shows them

	overview uint64 // the overview's pre-key, or 0 when it has none
}

// keyBuf encodes values for a key.
type keyBuf []byte

func (k keyBuf) str(s string) keyBuf {
	k = binary.LittleEndian.AppendUint64(k, uint64(len(s)))
	return append(k, s...)
}

func (k keyBuf) num(n int) keyBuf { return binary.LittleEndian.AppendUint64(k, uint64(n)) }

func (k keyBuf) u64(n uint64) keyBuf { return binary.LittleEndian.AppendUint64(k, n) }

// spill hashes k into h once it is long, and returns it emptied: a key
// over a whole edition (megabytes for a thousand chapters) is made in one
// small buffer. The sum is that of the whole key: h.Write(k); h.Sum64().
func (k keyBuf) spill(h *maphash.Hash) keyBuf {
	if len(k) < 16<<10 {
		return k
	}
	h.Write(k)
	return k[:0]
}

// sum is the hash of a key whose start went to h through spill.
func (k keyBuf) sum(h *maphash.Hash) uint64 {
	h.Write(k)
	return h.Sum64()
}

// newPreKeys works out what the keys share: the base, each chapter's
// headings and note labels, and each entry's occurrences. The base takes
// in the further pages' slugs and titles, which every page's footer links.
func (b *Builder) newPreKeys(x *index.Index, extra []render.ExtraPage, fp *fingerprinter) *preKeys {
	pk := &preKeys{seed: b.seed, x: x, chaps: make(map[string]uint64, len(x.Chapters)), loc: map[index.Ref]uint64{}}
	first := ""
	if len(x.Chapters) > 0 {
		first = x.Chapters[0].Slug
	}
	further := make([][2]string, len(extra))
	for i, p := range extra {
		further[i] = [2]string{p.Slug, p.Title}
	}
	pk.base = fp.sum(b.tmplKey, x.Edition, first, len(x.Chapters), further)
	var k keyBuf
	for _, ch := range x.Chapters {
		k = k[:0].str(ch.Slug).str(ch.Title).num(ch.Order)
		for _, s := range ch.Sections {
			k = k.str(s.ID).str(s.Title)
		}
		for _, n := range ch.Notes {
			k = k.str(n.ID).num(int(n.Series)).str(n.Marker).str(n.Label)
		}
		pk.chaps[ch.Slug] = maphash.Bytes(b.seed, k)
	}
	pk.overview = overviewKey(x, pk.base, b.seed)
	var loc keyBuf
	for _, e := range x.Entries {
		loc = loc[:0]
		last := ""
		for _, o := range x.Occurrences(e.Ref()) {
			if o.Chapter != last {
				last = o.Chapter
				loc = loc.str(o.Chapter).u64(pk.chaps[o.Chapter])
			}
			loc = loc.str(o.Paragraph).num(o.ParaNum).num(int(o.Where))
		}
		pk.loc[e.Ref()] = maphash.Bytes(b.seed, loc)
	}
	return pk
}

// overviewKey is the overview's pre-key: see the top of this file.
func overviewKey(x *index.Index, base uint64, seed maphash.Seed) uint64 {
	if len(x.Edition.Kinds) == 0 {
		return 0
	}
	var h maphash.Hash
	h.SetSeed(seed)
	k := keyBuf(make([]byte, 0, 32<<10)).u64(base).str(render.OverviewPage)
	for _, ch := range x.Chapters {
		k = k.spill(&h).str(ch.Slug).str(ch.Title).num(len(ch.Sections))
		for _, s := range ch.Sections {
			k = k.str(s.ID).str(s.Title)
		}
		k = k.num(len(ch.Paragraphs))
		for _, p := range ch.Paragraphs {
			k = k.str(p.ID).num(p.Number).num(p.Section)
		}
		k = k.num(len(ch.Notes))
		for _, n := range ch.Notes {
			k = k.str(n.ID).num(int(n.Series)).str(n.Marker).str(n.Paragraph)
		}
	}
	for _, e := range x.EntriesOf(x.Edition.Kinds[0].Key) {
		occ := x.Occurrences(e.Ref())
		k = k.spill(&h).str(e.Key).str(e.Name).num(len(occ))
		for _, o := range occ {
			k = k.str(o.Chapter).num(o.Section).str(o.Paragraph)
		}
	}
	return k.sum(&h)
}

// key returns the pre-key of a page, if it is of a kind that has one.
func (pk *preKeys) key(p *render.Page) (uint64, bool) {
	if p.Subject == nil && p.Template == "overview.html" && p.Path == render.OverviewPage && pk.overview != 0 {
		return pk.overview, true
	}
	if p.Subject != nil || p.Template != "general-index.html" {
		return 0, false
	}
	x := pk.x
	var h maphash.Hash
	h.SetSeed(pk.seed)
	k := keyBuf(make([]byte, 0, 32<<10)).u64(pk.base).str(p.Template).str(p.Path)
	for _, ch := range x.Chapters {
		k = k.spill(&h).str(ch.Slug)
	}
	for _, e := range x.Entries {
		k = k.spill(&h).str(e.Kind).str(e.Key).str(e.Name).str(e.IndexName).str(e.Parent).u64(pk.loc[e.Ref()])
		for _, r := range e.Related {
			k = k.str(r)
		}
		for _, a := range e.Aliases {
			k = k.str(a.Text)
		}
	}
	return k.sum(&h), true
}
