package export

import (
	"encoding/binary"
	"encoding/json"
	"hash/maphash"
	"reflect"
	"sync"

	"edition/generator/bib"
	"edition/generator/index"
)

// The registry export: every entry and source with its aliases and every
// place the text names or cites it, so that the edition's annotation layer
// can be reused without scraping its pages. Paths are relative to the site's
// root (BaseURL, when the edition has one, makes them absolute).

// registryJSON is the registry's head: its entries and sources follow.
type registryJSON struct {
	Format   string        `json:"format"`
	Edition  editionJSON   `json:"edition"`
	Kinds    []kindJSON    `json:"kinds"`
	Chapters []chapterJSON `json:"chapters"`
	// then "entries": []entryJSON, "sources": []sourceJSON
}

type editionJSON struct {
	Title     string   `json:"title"`
	Authors   []string `json:"authors,omitempty"`
	Editors   []string `json:"editors,omitempty"`
	Publisher string   `json:"publisher,omitempty"`
	Year      int      `json:"year,omitempty"`
	Language  string   `json:"language,omitempty"`
	BaseURL   string   `json:"base_url,omitempty"`
}

type kindJSON struct {
	Key    string   `json:"key"`
	Name   string   `json:"name"`
	Plural string   `json:"plural"`
	Types  []string `json:"types,omitempty"`
}

type chapterJSON struct {
	Slug     string        `json:"slug"`
	Title    string        `json:"title"`
	URL      string        `json:"url"`
	Sections []sectionJSON `json:"sections"`
}

type sectionJSON struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

type aliasJSON struct {
	Text string `json:"text"`
	Case string `json:"case"`
}

type entryJSON struct {
	Key         string           `json:"key"`
	Kind        string           `json:"kind"`
	Name        string           `json:"name"`
	IndexName   string           `json:"index_name"`
	Type        string           `json:"type,omitempty"`
	URL         string           `json:"url"`
	Aliases     []aliasJSON      `json:"aliases"`
	Related     []string         `json:"related,omitempty"`
	Parent      string           `json:"parent,omitempty"`
	Wikidata    string           `json:"wikidata,omitempty"`
	Dates       string           `json:"dates,omitempty"`
	Summary     string           `json:"summary,omitempty"`
	Occurrences []occurrenceJSON `json:"occurrences"`
}

type occurrenceJSON struct {
	Chapter   string `json:"chapter"`
	Section   string `json:"section"`
	Paragraph string `json:"paragraph"` // "p12", or a note's id
	Where     string `json:"where"`     // text, quotation, note
	ID        string `json:"id"`        // the mention's own id
	Text      string `json:"text"`      // the words as they stand
	Explicit  bool   `json:"explicit"`  // linked by hand, not found by alias
	URL       string `json:"url"`
	// anchor, if not empty, is the fragment of URL, which is then the
	// page alone: the URL is written as URL#anchor without joining the two.
	anchor string
	// head and page, if head is not empty, are what the chapter and the
	// section of the occurrence write, made once for all its occurrences
	// in them: head the object's start up to the paragraph's value,
	// {"chapter":…,"section":…,"paragraph":, and page the URL's value
	// without its closing quote (URL being page and "#" when anchor is
	// empty).
	head, page string
}

type sourceJSON struct {
	ID          string           `json:"id"`
	Label       string           `json:"label"`
	Type        string           `json:"type"`
	Title       string           `json:"title"`
	URL         string           `json:"url"`
	Aliases     []aliasJSON      `json:"aliases"`
	Citations   []citationJSON   `json:"citations"`
	Occurrences []occurrenceJSON `json:"occurrences"`
}

type citationJSON struct {
	Chapter   string `json:"chapter"`
	Note      string `json:"note,omitempty"` // the note it stands in
	Paragraph string `json:"paragraph"`      // the paragraph that calls the note, or holds the citation
	ID        string `json:"id"`
	Locator   string `json:"locator,omitempty"`
	URL       string `json:"url"`
}

func caseName(c index.Case) string {
	switch c {
	case index.Exact:
		return "exact"
	case index.Ignore:
		return "ignore"
	}
	return "smart"
}

// Registry writes the registry and the occurrence index as JSON.
func Registry(x *index.Index) ([]byte, error) { return RegistryWith(x, nil) }

// RegistryCache keeps the JSON of each entry and source from one call of
// RegistryWith to the next, for a live preview, where most entries do not
// change from one build to the next. Its methods may be called from
// several goroutines.
type RegistryCache struct {
	// Yield, if set, is called now and then while the registry is made: a
	// live preview blocks in it while a newer build runs.
	Yield func()

	mu    sync.Mutex
	seeds [2]maphash.Seed
	items map[[2]uint64][]byte
	size  int
}

// RegistryWith is Registry, keeping what it can in c (which may be nil).
// The head is indented; each entry and source is compact JSON on a line of
// its own, so that the file stays readable line by line and diffs well,
// without the indentation that made up half of its bytes.
func RegistryWith(x *index.Index, c *RegistryCache) ([]byte, error) {
	dst := &Chunks{Whole: true}
	if err := RegistryInto(dst, x, c); err != nil {
		return nil, err
	}
	return dst.Bytes(), nil
}

// RegistryInto is RegistryWith, written into dst (which it does not empty
// first), in pieces, for a publish.Writer to write as they are.
func RegistryInto(dst *Chunks, x *index.Index, c *RegistryCache) error {
	ed := x.Edition
	head := registryJSON{
		Format: "edition-registry/1",
		Edition: editionJSON{Title: ed.Title, Authors: bib.Naturals(ed.Authors), Editors: bib.Naturals(ed.Editors), Publisher: ed.Publisher,
			Year: ed.Year, Language: ed.Language, BaseURL: ed.BaseURL},
		Kinds: []kindJSON{}, Chapters: []chapterJSON{},
	}
	for _, k := range ed.Kinds {
		head.Kinds = append(head.Kinds, kindJSON{Key: k.Key, Name: k.Name, Plural: k.Plural, Types: k.Types})
	}
	// What each chapter's occurrences share, by slug (of the last
	// chapter, should two share one).
	chapters := make(map[string]*chapterParts, len(x.Chapters))
	parts := make([]chapterParts, len(x.Chapters))
	for i, ch := range x.Chapters {
		cj := chapterJSON{Slug: ch.Slug, Title: ch.Title, URL: x.Layout.Chapter(ch.Slug), Sections: []sectionJSON{}}
		for _, s := range ch.Sections {
			cj.Sections = append(cj.Sections, sectionJSON{ID: s.ID, Title: s.Title})
		}
		parts[i] = chapterParts{url: cj.URL, sections: ch.Sections}
		chapters[ch.Slug] = &parts[i]
		head.Chapters = append(head.Chapters, cj)
	}
	page := func(chapter string) string {
		if p, ok := chapters[chapter]; ok {
			return p.url
		}
		return x.Layout.Chapter(chapter)
	}
	// The lists an item is made of are reused from one item to the next:
	// each item is written (or hashed, with a cache) before the next is
	// made. They start non-nil, as JSON's [] and not null.
	occList := make([]occurrenceJSON, 0, 64)
	aliasList := make([]aliasJSON, 0, 8)
	citeList := make([]citationJSON, 0, 16)
	occurrences := func(ref index.Ref) []occurrenceJSON {
		list := occList[:0]
		for _, o := range x.Occurrences(ref) {
			sec, url := "", ""
			p := chapters[o.Chapter]
			if p != nil {
				url = p.url
				if o.Section < len(p.sections) {
					sec = p.sections[o.Section].ID
				}
			} else {
				url = x.Layout.Chapter(o.Chapter)
			}
			oc := occurrenceJSON{Chapter: o.Chapter, Section: sec, Paragraph: o.Paragraph,
				Where: o.Where.String(), ID: o.ID, Text: o.Snippet.Match, Explicit: o.Explicit,
				URL: url, anchor: o.ID}
			if o.ID == "" {
				oc.URL += "#"
			}
			if p != nil {
				oc.head, oc.page = p.parts(o.Chapter, o.Section, sec)
			}
			list = append(list, oc)
		}
		occList = list
		return list
	}
	aliases := func(as []index.Alias) []aliasJSON {
		list := aliasList[:0]
		for _, a := range as {
			list = append(list, aliasJSON{Text: a.Text, Case: caseName(a.Case)})
		}
		aliasList = list
		return list
	}

	// The head without its closing brace, then the two lists.
	b, err := json.MarshalIndent(head, "", " ")
	if err != nil {
		return err
	}
	b = b[:len(b)-len("\n}")]
	items := c.begin()
	if dst.Whole {
		if items.size == 0 {
			// An estimate of the registry's length, to make room for it
			// at once.
			items.size = len(b)
			for _, e := range x.Entries {
				items.size += 400 + 240*len(x.Occurrences(e.Ref()))
			}
			for _, s := range x.Sources {
				items.size += 400 + 240*len(x.Occurrences(s.Ref())) + 200*len(x.Citations(s.ID))
			}
		}
		dst.room(items.size)
	}
	n := dst.Len()
	dst.Write(b)
	var scratch []byte // an item's JSON, written into dst
	item := func(i int, v interface{ appendJSON([]byte) []byte }) {
		if i%64 == 0 && c != nil && c.Yield != nil {
			c.Yield()
		}
		if i > 0 {
			dst.WriteByte(',')
		}
		dst.WriteString("\n  ")
		if c == nil {
			scratch = v.appendJSON(scratch[:0])
			dst.Write(scratch)
			return
		}
		dst.Write(items.json(v))
	}
	dst.WriteString(",\n \"entries\": [")
	for i, e := range x.Entries {
		item(i, entryJSON{Key: e.Key, Kind: e.Kind, Name: e.Name, IndexName: e.IndexName,
			Type: e.Type, URL: x.Layout.Ref(e.Ref()), Aliases: aliases(e.Aliases), Related: e.Related,
			Parent: e.Parent, Wikidata: e.Wikidata, Dates: e.Dates, Summary: e.Summary, Occurrences: occurrences(e.Ref())})
	}
	closeList(dst, len(x.Entries))
	dst.WriteString(",\n \"sources\": [")
	for i, s := range x.Sources {
		cites := citeList[:0]
		for _, c := range x.Citations(s.ID) {
			anchor := c.ID
			if c.Note != "" {
				anchor = c.Note
			}
			cites = append(cites, citationJSON{Chapter: c.Chapter, Note: c.Note, Paragraph: c.Paragraph,
				ID: c.ID, Locator: c.Locator, URL: page(c.Chapter) + "#" + anchor})
		}
		citeList = cites
		item(i, sourceJSON{ID: s.ID, Label: s.Label, Type: s.Type, Title: s.Title(), URL: x.Layout.Ref(s.Ref()),
			Aliases: aliases(s.Aliases), Citations: cites, Occurrences: occurrences(s.Ref())})
	}
	closeList(dst, len(x.Sources))
	dst.WriteString("\n}\n")
	c.end(items, dst.Len()-n)
	return nil
}

// chapterParts is what the occurrences in a chapter share.
type chapterParts struct {
	url      string
	sections []index.Section
	heads    []string // occurrenceJSON.head in each section and past them, once made
	page     string   // occurrenceJSON.page, once made
}

// parts are occurrenceJSON's head and page for an occurrence in section i
// (whose id is sec) of the chapter slug.
func (p *chapterParts) parts(slug string, i int, sec string) (head, page string) {
	if p.heads == nil {
		p.heads = make([]string, len(p.sections)+1)
		b := appendString(nil, p.url)
		p.page = string(b[:len(b)-1])
	}
	i = min(i, len(p.sections)) // past the sections: no section id
	if p.heads[i] == "" {
		o := newObject(nil)
		o.str("chapter", slug)
		o.str("section", sec)
		o.key("paragraph")
		p.heads[i] = string(o.b)
	}
	return p.heads[i], p.page
}

// closeList ends a list of the registry of n items.
func closeList(dst *Chunks, n int) {
	if n == 0 {
		dst.WriteByte(']')
		return
	}
	dst.WriteString("\n ]")
}

// registryItems is a RegistryWith's use of its cache.
type registryItems struct {
	seeds      [2]maphash.Seed
	prev, next map[[2]uint64][]byte
	size       int // the length of the last registry made, to size the next
}

func (c *RegistryCache) begin() *registryItems {
	if c == nil {
		return &registryItems{}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.items == nil && c.size == 0 {
		c.seeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}
	}
	r := &registryItems{seeds: c.seeds, prev: c.items, next: map[[2]uint64][]byte{}, size: c.size}
	c.items = nil // another call at the same time starts afresh
	return r
}

func (c *RegistryCache) end(r *registryItems, size int) {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.items, c.size = r.next, size
	c.mu.Unlock()
}

// json is an entry's or a source's JSON, on one line: as kept, when an
// item with the same content was encoded before.
func (r *registryItems) json(v interface{ appendJSON([]byte) []byte }) []byte {
	// The key: two hashes of every field, in order, each with its length.
	var h [2]maphash.Hash
	h[0].SetSeed(r.seeds[0])
	h[1].SetSeed(r.seeds[1])
	hashItem(&h, reflect.ValueOf(v))
	k := [2]uint64{h[0].Sum64(), h[1].Sum64()}
	b, ok := r.prev[k]
	if !ok {
		b = v.appendJSON(nil)
	}
	r.next[k] = b
	return b
}

// hashItem hashes the strings, booleans and slices that an entry's or a
// source's JSON is made of, for its key.
func hashItem(h *[2]maphash.Hash, v reflect.Value) {
	var n [9]byte
	num := func(x uint64) {
		binary.LittleEndian.PutUint64(n[:8], x)
		h[0].Write(n[:8])
		h[1].Write(n[:8])
	}
	switch v.Kind() {
	case reflect.Interface:
		h[0].WriteString(v.Elem().Type().Name())
		h[1].WriteString(v.Elem().Type().Name())
		hashItem(h, v.Elem())
	case reflect.String:
		num(uint64(v.Len()))
		h[0].WriteString(v.String())
		h[1].WriteString(v.String())
	case reflect.Bool:
		if v.Bool() {
			num(1)
		} else {
			num(0)
		}
	case reflect.Slice:
		if v.IsNil() {
			num(1 << 63)
			return
		}
		num(uint64(v.Len()))
		for i := range v.Len() {
			hashItem(h, v.Index(i))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			hashItem(h, v.Field(i))
		}
	default:
		panic("export: no key for a " + v.Type().String())
	}
}
