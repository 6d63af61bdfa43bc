package site

import (
	"encoding/binary"
	"hash/maphash"

	"edition/generator/index"
	"edition/generator/render"
)

// Pre-keys. Most pages are cheap to make, and the Builder decides whether
// one changed by the fingerprint of its view. Three kinds of page gather
// occurrences from the whole text: an entry's page, a source's page and
// the general index. Making their views (some 40,000 occurrences for a
// thousand chapters) and fingerprinting them is most of an incremental
// build. For them, preKeys works out a key straight from the index data
// their views read, without making the views: equal keys, equal pages.
//
// The keys follow what render's entry, source and generalIndex read. When
// those change to show more of the index, the keys below must take it in.
// A Builder in verify mode (the site's tests) checks each page kept by its
// pre-key against the fingerprint of its view, and reports a page whose
// view changed under an unchanged key.
type preKeys struct {
	seed  maphash.Seed
	x     *index.Index
	base  uint64            // templates, edition, navigation: what every page shows
	chaps map[string]uint64 // chapter slug → what occurrence lists show of it
	full  map[index.Ref]uint64
	loc   map[index.Ref]uint64 // occurrences as the general index shows them
}

// keyBuf encodes values for a key.
type keyBuf []byte

func (k keyBuf) str(s string) keyBuf {
	k = binary.LittleEndian.AppendUint64(k, uint64(len(s)))
	return append(k, s...)
}

func (k keyBuf) num(n int) keyBuf { return binary.LittleEndian.AppendUint64(k, uint64(n)) }

func (k keyBuf) u64(n uint64) keyBuf { return binary.LittleEndian.AppendUint64(k, n) }

func (k keyBuf) flag(b bool) keyBuf {
	if b {
		return append(k, 1)
	}
	return append(k, 0)
}

// newPreKeys works out what the keys share: the base, each chapter's
// headings and note labels, and each entry's and source's occurrences.
func (b *Builder) newPreKeys(x *index.Index, fp *fingerprinter) *preKeys {
	pk := &preKeys{seed: b.seed, x: x, chaps: make(map[string]uint64, len(x.Chapters)),
		full: map[index.Ref]uint64{}, loc: map[index.Ref]uint64{}}
	first := ""
	if len(x.Chapters) > 0 {
		first = x.Chapters[0].Slug
	}
	pk.base = fp.sum(b.tmplKey, x.Edition, first, len(x.Chapters))
	for _, ch := range x.Chapters {
		k := keyBuf(nil).str(ch.Slug).str(ch.Title).num(ch.Order)
		for _, s := range ch.Sections {
			k = k.str(s.ID).str(s.Title)
		}
		for _, n := range ch.Notes {
			k = k.str(n.ID).num(int(n.Series)).str(n.Marker).str(n.Label)
		}
		pk.chaps[ch.Slug] = maphash.Bytes(b.seed, k)
	}
	refs := make([]index.Ref, 0, len(x.Entries)+len(x.Sources))
	for _, e := range x.Entries {
		refs = append(refs, e.Ref())
	}
	for _, s := range x.Sources {
		refs = append(refs, s.Ref())
	}
	var full, loc keyBuf
	for _, r := range refs {
		full, loc = full[:0], loc[:0]
		last := ""
		for _, o := range x.Occurrences(r) {
			if o.Chapter != last {
				last = o.Chapter
				full = full.str(o.Chapter).u64(pk.chaps[o.Chapter])
				loc = loc.str(o.Chapter).u64(pk.chaps[o.Chapter])
			}
			full = full.str(o.Target.Kind).str(o.Target.Key).num(o.Section).str(o.Paragraph).num(o.ParaNum).
				str(o.ID).num(int(o.Where)).flag(o.Explicit).str(o.Snippet.Before).str(o.Snippet.Match).
				str(o.Snippet.After).str(o.Pos.File).num(o.Pos.Line).num(o.Pos.Col)
			loc = loc.str(o.Paragraph).num(o.ParaNum).num(int(o.Where))
		}
		pk.full[r] = maphash.Bytes(b.seed, full)
		pk.loc[r] = maphash.Bytes(b.seed, loc)
	}
	return pk
}

// key returns the pre-key of a page, if it is of a kind that has one.
func (pk *preKeys) key(p *render.Page, fp *fingerprinter) (uint64, bool) {
	x := pk.x
	k := keyBuf(nil).u64(pk.base).str(p.Template).str(p.Path)
	switch s := p.Subject.(type) {
	case *index.Entry:
		if p.Template != "entry.html" {
			return 0, false
		}
		k = append(k, 'E')
		k = k.u64(fp.sum(s)).u64(pk.full[s.Ref()])
		// The entries it links to, with their mention counts.
		link := func(key string) {
			k = k.str(key)
			if r, ok := x.EntryByKey(key); ok {
				k = k.str(r.Name).str(r.Kind).str(r.Key).num(len(x.Occurrences(r.Ref())))
			}
		}
		for _, r := range s.Related {
			link(r)
		}
		for _, r := range x.RelatedBy(s.Key) {
			link(r)
		}
		if s.Parent != "" {
			link(s.Parent)
		}
		for _, c := range x.Children(s.Key) {
			link(c.Key)
		}
	case *index.Source:
		if p.Template != "source.html" {
			return 0, false
		}
		k = append(k, 'S')
		k = k.u64(fp.sum(s)).u64(pk.full[s.Ref()])
		// Each citation, with the note it stands in and the paragraph
		// that calls the note.
		for _, c := range x.Citations(s.ID) {
			k = k.u64(fp.sum(c)).u64(pk.chaps[c.Chapter])
			if ch, ok := x.Chapter(c.Chapter); ok {
				if n, ok := ch.Note(c.Note); ok {
					k = k.u64(fp.sum(*n))
					if para, ok := ch.Paragraph(n.Paragraph); ok {
						k = k.num(para.Number)
					}
				}
			}
		}
	case nil:
		if p.Template != "general-index.html" {
			return 0, false
		}
		k = append(k, 'G')
		for _, ch := range x.Chapters {
			k = k.str(ch.Slug)
		}
		for _, e := range x.Entries {
			k = k.str(e.Kind).str(e.Key).str(e.Name).str(e.IndexName).str(e.Parent).u64(pk.loc[e.Ref()])
			for _, r := range e.Related {
				k = k.str(r)
			}
			for _, a := range e.Aliases {
				k = k.str(a.Text)
			}
		}
	default:
		return 0, false
	}
	return maphash.Bytes(pk.seed, k), true
}
