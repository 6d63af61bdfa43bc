package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"edition/generator/index"
)

// File is a file of the index, with its path under the site's root.
type File struct {
	Path string
	Data []byte
}

// Index is a built search index.
type Index struct {
	Files  []File
	Docs   int // documents: entries, sources, paragraphs, notes
	Terms  int // distinct terms
	Shards int // posting files
	Bytes  int // all files together
}

// Folder is where the index lives in the site; ManifestFile is the file a
// page loads first.
const (
	Folder       = "search"
	ManifestFile = Folder + "/index.js"
)

// nameWeight is how much more a word in an entry's name or alias counts
// than a word in running text.
const nameWeight = 16

// ShardBytes is the size a posting shard is cut at.
const ShardBytes = 6 << 10

// MaxDocFiles is how many document files an index has at most. An
// edition of up to that many documents has one file per document, so that
// a query loads only what it shows; a larger one puts consecutive
// documents together, a power of two of them per file, so that the site
// does not grow by tens of thousands of files (each one a write for the
// build and for every host it is copied to).
const MaxDocFiles = 2048

// DocsPerFile is how many documents go in one file of an index of n.
func DocsPerFile(n int) int {
	per := 1
	for (n+per-1)/per > MaxDocFiles {
		per *= 2
	}
	return per
}

// doc is one searchable document, as search.js reads it.
type doc struct {
	Kind    int        `json:"k"`           // index into the manifest's kinds
	Title   string     `json:"t"`           // "Kofi Annan", "¶ 12", "Note 4"
	Context string     `json:"c,omitempty"` // "Beyond Preemption · The UN Response", "Actor · person"
	URL     string     `json:"u"`           // site path, with #fragment
	Text    string     `json:"x"`           // for snippets
	Aliases []string   `json:"a,omitempty"` // entries and sources: the names it answers to
	Occurs  []int      `json:"o,omitempty"` // entries and sources: passages that name it
	Marks   [][]string `json:"h,omitempty"` // entries and sources: the words that name it in each of those

	names string // text weighed as names
}

// kind is a filter: a kind of entry, the sources, the text or the notes.
type kind struct {
	Key   string `json:"key"`
	Label string `json:"label"` // "Actors", for filters
	One   string `json:"one"`   // "Actor", for a result
}

type manifest struct {
	Version string     `json:"v"`
	Kinds   []kind     `json:"kinds"`
	Docs    int        `json:"docs"`
	Per     int        `json:"per,omitempty"` // documents per file, when more than one
	First   []int      `json:"first"`         // the first document of each kind
	Shards  [][]string `json:"shards"`        // [first term, file name] in term order
	Stop    []string   `json:"stop"`
}

var tagRE = regexp.MustCompile(`<(/?)([a-zA-Z0-9]*)[^>]*>`)

// blockTags end a run of words; other tags stand inside words' flow.
var blockTags = map[string]bool{"p": true, "li": true, "br": true, "div": true, "blockquote": true, "ol": true,
	"ul": true, "h1": true, "h2": true, "h3": true, "h4": true, "tr": true, "td": true, "th": true, "pre": true}

// plainHTML is the text of HTML that markup wrote.
func plainHTML(h string) string {
	t := tagRE.ReplaceAllStringFunc(h, func(tag string) string {
		if blockTags[strings.ToLower(tagRE.FindStringSubmatch(tag)[2])] {
			return " "
		}
		return ""
	})
	return strings.Join(strings.Fields(html.UnescapeString(t)), " ")
}

// Build makes the search index of an edition.
func Build(x *index.Index) (*Index, error) { return BuildWith(x, nil) }

// Cache keeps, from one BuildWith to the next, what the documents' texts
// were counted into and what passages were encoded as, so that a live
// preview rebuilds the index counting and encoding only the texts that
// changed. Its methods may be called from several goroutines.
type Cache struct {
	// Yield, if set, is called now and then while an index is made: a
	// live preview blocks in it while a newer build runs, so that the
	// index of the last build does not slow the next.
	Yield func()

	mu     sync.Mutex
	counts map[countKey][]termCount
	plain  map[string]string
	json   map[passageKey][]byte
}

// countKey is what a document's terms are counted from.
type countKey struct{ text, names string }

// passageKey is all a paragraph's or a note's document holds.
type passageKey struct {
	kind                      int
	title, context, url, text string
}

// BuildWith is Build, keeping what it can in c (which may be nil).
func BuildWith(x *index.Index, c *Cache) (*Index, error) {
	memo := newMemo(c)
	yield := func() {}
	if c != nil && c.Yield != nil {
		yield = c.Yield
	}
	var docs []*doc
	defer func() { memo.keep(c, len(docs)) }()
	var kinds []kind
	kindOf := map[string]int{}
	addKind := func(key, label, one string) int {
		kindOf[key] = len(kinds)
		kinds = append(kinds, kind{key, label, one})
		return kindOf[key]
	}
	textKind := addKind("text", "Text", "Text")
	notesKind := addKind("notes", "Notes", "Note")
	for _, k := range x.Edition.Kinds {
		addKind(k.Key, k.Plural, k.Name)
	}
	sourceKind := addKind(index.SourceKind.Key, index.SourceKind.Plural, index.SourceKind.Name)

	// Documents are numbered kind by kind, in the order of kinds, so that
	// the client knows a document's kind from its number. Passages come
	// first, so that their numbers are known to the entries.
	passage := map[string]int{} // chapter slug + "#" + paragraph or note id → doc
	first := []int{0}
	for _, ch := range x.Chapters {
		for _, p := range ch.Paragraphs {
			passage[ch.Slug+"#"+p.ID] = len(docs)
			docs = append(docs, &doc{Kind: textKind, Title: "¶ " + strconv.Itoa(p.Number),
				Context: joinNonEmpty(" · ", ch.Title, sectionTitle(ch, p.Section)),
				URL:     x.Layout.Chapter(ch.Slug) + "#" + p.ID, Text: p.Text})
		}
	}
	first = append(first, len(docs))
	for _, ch := range x.Chapters {
		for _, n := range ch.Notes {
			passage[ch.Slug+"#"+n.ID] = len(docs)
			docs = append(docs, &doc{Kind: notesKind, Title: noteTitle(n),
				Context: joinNonEmpty(" · ", ch.Title, sectionTitle(ch, n.Section)),
				URL:     x.Layout.Chapter(ch.Slug) + "#" + n.ID, Text: n.Text})
		}
	}
	occurs := func(ref index.Ref, extra []index.Citation) ([]int, [][]string) { // passages naming ref
		words := map[int][]string{}
		add := func(chapter, para, match string) {
			if d, ok := passage[chapter+"#"+para]; ok {
				if _, seen := words[d]; !seen {
					words[d] = []string{}
				}
				if match != "" && !slices.Contains(words[d], match) {
					words[d] = append(words[d], match)
				}
			}
		}
		for _, o := range x.Occurrences(ref) {
			add(o.Chapter, o.Paragraph, o.Snippet.Match)
		}
		for _, c := range extra {
			if c.Note != "" {
				add(c.Chapter, c.Note, "")
			} else {
				add(c.Chapter, c.Paragraph, "")
			}
		}
		ids := make([]int, 0, len(words))
		for d := range words {
			ids = append(ids, d)
		}
		slices.Sort(ids)
		marks := make([][]string, len(ids))
		for i, d := range ids {
			marks[i] = words[d]
		}
		return ids, marks
	}
	for _, k := range x.Edition.Kinds {
		first = append(first, len(docs))
		for _, e := range x.EntriesOf(k.Key) {
			docs = append(docs, entryDoc(x, e, kindOf[e.Kind], occurs, memo))
		}
	}
	first = append(first, len(docs))
	for _, s := range x.Sources {
		d := &doc{Kind: sourceKind, Title: s.Title(), URL: x.Layout.Ref(s.Ref()), Context: "Source · " + s.Label}
		d.Text = joinNonEmpty(" ", memo.plainHTML(string(s.Entry)), memo.plainHTML(string(s.AnnoteHTML)))
		names := []string{s.Title(), s.Label}
		for _, a := range s.Aliases {
			d.Aliases = append(d.Aliases, a.Text)
			names = append(names, a.Text)
		}
		d.names = strings.Join(names, " · ")
		d.Occurs, d.Marks = occurs(s.Ref(), x.Citations(s.ID))
		docs = append(docs, d)
	}

	// Postings: term → doc → weight. The weight counts a word in running
	// text once (up to nameWeight-1) and a word in a name or alias
	// nameWeight times, so that the client can tell the two apart. Each
	// document's terms are counted on its own, in parallel; then each
	// term's list is made in document order.
	perDoc := make([][]termCount, len(docs))
	parallel(len(docs), yield, func(i int, words map[string]string) {
		k := countKey{docs[i].Text, docs[i].names}
		if tc, ok := memo.prevCounts[k]; ok {
			perDoc[i] = tc
			return
		}
		perDoc[i] = countTerms(docs[i], words)
	})
	if c != nil {
		// The counts of this build's documents join those kept; the map is
		// made afresh only when it holds twice as many as there are
		// documents, so that most builds add only what changed.
		memo.counts = memo.prevCounts
		if memo.counts == nil || len(memo.counts) > 2*len(docs) {
			memo.counts = make(map[countKey][]termCount, len(docs))
		}
		for i, d := range docs {
			k := countKey{d.Text, d.names}
			if _, ok := memo.counts[k]; !ok {
				memo.counts[k] = perDoc[i]
			}
		}
	}
	postings := map[string][]int{} // term → doc, weight, doc, weight…
	for i, tcs := range perDoc {
		for _, tc := range tcs {
			postings[tc.term] = append(postings[tc.term], i, min(tc.text, nameWeight-1)+nameWeight*min(tc.names, 64))
		}
	}
	terms := make([]string, 0, len(postings))
	for t := range postings {
		terms = append(terms, t)
	}
	slices.Sort(terms)

	ix := &Index{Docs: len(docs), Terms: len(terms)}
	add := func(path string, name string, data any) error {
		f, err := fragment(path, name, data)
		if err != nil {
			return err
		}
		ix.Files = append(ix.Files, f)
		ix.Bytes += len(f.Data)
		return nil
	}

	// Shards: consecutive runs of the sorted vocabulary, cut at about
	// ShardBytes; named by their content so a browser never mixes builds.
	var shards [][]string
	var cur bytes.Buffer
	curFirst := ""
	flush := func() error {
		if cur.Len() == 0 {
			return nil
		}
		body := "{" + cur.String() + "}"
		sum := sha256.Sum256([]byte(body))
		name := "t/" + hex.EncodeToString(sum[:5])
		shards = append(shards, []string{curFirst, name})
		cur.Reset()
		// body is compact JSON already, as json.Marshal would write it.
		f := script(Folder+"/"+name+".js", name, []byte(body))
		ix.Files = append(ix.Files, f)
		ix.Bytes += len(f.Data)
		return nil
	}
	var lb []byte
	for _, t := range terms {
		list := postings[t]
		kb, _ := json.Marshal(t)
		lb = appendInts(lb[:0], list)
		if cur.Len() > 0 && cur.Len()+len(kb)+len(lb) > ShardBytes {
			if err := flush(); err != nil {
				return nil, err
			}
		}
		if cur.Len() == 0 {
			curFirst = t
		} else {
			cur.WriteByte(',')
		}
		cur.Write(kb)
		cur.WriteByte(':')
		cur.Write(lb)
	}
	if err := flush(); err != nil {
		return nil, err
	}
	ix.Shards = len(shards)
	// The documents' files, made in parallel.
	per := DocsPerFile(len(docs))
	docFiles := make([]File, (len(docs)+per-1)/per)
	docJSON := make([][]byte, len(docs))
	jsonErrs := make([]error, len(docs))
	parallel(len(docs), yield, func(i int, _ map[string]string) {
		docJSON[i], jsonErrs[i] = memo.docJSON(docs[i])
	})
	for _, err := range jsonErrs {
		if err != nil {
			return nil, err
		}
	}
	parallel(len(docFiles), yield, func(j int, _ map[string]string) {
		name := "d/" + strconv.Itoa(j)
		if per == 1 {
			docFiles[j] = script(Folder+"/"+name+".js", name, docJSON[j])
			return
		}
		// What json.Marshal makes of the slice of them.
		list := docJSON[j*per : min((j+1)*per, len(docs))]
		n := 2
		for _, b := range list {
			n += len(b) + 1
		}
		arr := make([]byte, 0, n)
		arr = append(arr, '[')
		for k, b := range list {
			if k > 0 {
				arr = append(arr, ',')
			}
			arr = append(arr, b...)
		}
		arr = append(arr, ']')
		docFiles[j] = script(Folder+"/"+name+".js", name, arr)
	})
	for _, f := range docFiles {
		ix.Files = append(ix.Files, f)
		ix.Bytes += len(f.Data)
	}
	stop := make([]string, 0, len(stopwords))
	for w := range stopwords {
		stop = append(stop, w)
	}
	slices.Sort(stop)
	h := sha256.New()
	for _, f := range ix.Files {
		h.Write(f.Data)
	}
	m := manifest{Version: hex.EncodeToString(h.Sum(nil)[:6]), Kinds: kinds, Docs: len(docs), First: first, Shards: shards, Stop: stop}
	if per > 1 {
		m.Per = per
	}
	if err := add(ManifestFile, "index", m); err != nil {
		return nil, err
	}
	return ix, nil
}

func noteTitle(n index.NoteInfo) string {
	switch n.Series {
	case index.EditorNote:
		return "Editor’s note " + n.Marker
	case index.UnnumberedNote:
		return "Unnumbered note"
	}
	return "Note " + n.Marker
}

func joinNonEmpty(sep string, parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}

// fragment makes a file of the index: a script that hands data, as JSON,
// to EditionSearch.register under name.
func fragment(path, name string, data any) (File, error) {
	b, err := json.Marshal(data)
	if err != nil {
		return File{}, err
	}
	return script(path, name, b), nil
}

// appendInts appends a list of non-negative numbers as json.Marshal writes
// it.
func appendInts(b []byte, list []int) []byte {
	b = append(b, '[')
	for i, n := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(n), 10)
	}
	return append(b, ']')
}

// script is fragment for data already in JSON.
func script(path, name string, data []byte) File {
	var buf bytes.Buffer
	buf.Grow(len(data) + len(name) + 40)
	buf.WriteString("EditionSearch.register(")
	nb, _ := json.Marshal(name)
	buf.Write(nb)
	buf.WriteByte(',')
	buf.Write(data)
	buf.WriteString(");\n")
	return File{Path: path, Data: buf.Bytes()}
}

// memo is what one BuildWith reads from its Cache and what it leaves
// there for the next.
type memo struct {
	prevCounts map[countKey][]termCount
	prevPlain  map[string]string
	prevJSON   map[passageKey][]byte

	mu     sync.Mutex
	counts map[countKey][]termCount
	plain  map[string]string
	json   map[passageKey][]byte
	keepIt bool
}

func newMemo(c *Cache) *memo {
	m := &memo{plain: map[string]string{}, json: map[passageKey][]byte{}}
	if c != nil {
		c.mu.Lock()
		m.prevCounts, m.prevPlain, m.prevJSON = c.counts, c.plain, c.json
		// The maps are this build's to change now; another build at the
		// same time starts afresh.
		c.counts, c.plain, c.json = nil, nil, nil
		c.mu.Unlock()
		m.keepIt = true
	}
	return m
}

// keep leaves in c what this build made, for the next: what it found in
// the previous build's maps and what it made. A map grown to more than
// twice what the build used is made afresh, to let go of texts that are
// no more.
func (m *memo) keep(c *Cache, docs int) {
	if c == nil || m.counts == nil {
		return
	}
	if m.prevJSON != nil && len(m.prevJSON)+len(m.json) <= 2*docs {
		for k, b := range m.json {
			m.prevJSON[k] = b
		}
		m.json = m.prevJSON
	}
	c.mu.Lock()
	c.counts, c.plain, c.json = m.counts, m.plain, m.json
	c.mu.Unlock()
}

// plainHTML is plainHTML, remembered.
func (m *memo) plainHTML(h string) string {
	if t, ok := m.prevPlain[h]; ok {
		if m.keepIt {
			m.plain[h] = t
		}
		return t
	}
	t := plainHTML(h)
	if m.keepIt {
		m.plain[h] = t
	}
	return t
}

// docJSON encodes a document; a paragraph's or a note's is remembered.
// It may be called from several goroutines.
func (m *memo) docJSON(d *doc) ([]byte, error) {
	if d.Aliases != nil || d.Occurs != nil || d.Marks != nil {
		return json.Marshal(d)
	}
	k := passageKey{d.Kind, d.Title, d.Context, d.URL, d.Text}
	if b, ok := m.prevJSON[k]; ok {
		return b, nil
	}
	b, err := json.Marshal(d)
	if err != nil {
		return nil, err
	}
	if m.keepIt {
		m.mu.Lock()
		m.json[k] = b
		m.mu.Unlock()
	}
	return b, nil
}

// termCount is how often a term occurs in a document's text and in its
// names.
type termCount struct {
	term        string
	text, names int
}

// countTerms counts the terms of a document, in the order they first
// occur. words remembers the terms of words seen before (Normalize is the
// costly part of counting).
func countTerms(d *doc, words map[string]string) []termCount {
	var out []termCount
	at := map[string]int{}
	count := func(text string, name bool) {
		forTerms(text, words, func(t string) {
			i, ok := at[t]
			if !ok {
				i = len(out)
				at[t] = i
				out = append(out, termCount{term: t})
			}
			if name {
				out[i].names++
			} else {
				out[i].text++
			}
		})
	}
	count(d.Text, false)
	count(d.names, true)
	return out
}

// parallel calls f(0) … f(n-1) on as many goroutines as there are
// processors, each with a map of its own for f to remember things in;
// each calls yield every 256 calls of f.
func parallel(n int, yield func(), f func(i int, memo map[string]string)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			memo := map[string]string{}
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				if i%256 == 0 {
					yield()
				}
				f(i, memo)
			}
		})
	}
	wg.Wait()
}

// String sums the index up for the build log: "search index 310 KB in 330
// files".
func (ix *Index) String() string {
	return fmt.Sprintf("search index %d KB in %d files (%d terms in %d shards, %d documents)",
		(ix.Bytes+512)/1024, len(ix.Files), ix.Terms, ix.Shards, ix.Docs)
}

func entryDoc(x *index.Index, e *index.Entry, kind int, occurs func(index.Ref, []index.Citation) ([]int, [][]string), memo *memo) *doc {
	k, _ := x.Edition.Kind(e.Kind)
	d := &doc{Kind: kind, Title: e.Name, URL: x.Layout.Ref(e.Ref()), Context: joinNonEmpty(" · ", k.Name, e.Type, e.Dates)}
	d.Text = joinNonEmpty(" ", e.Summary, memo.plainHTML(string(e.BodyHTML)))
	names := []string{e.Name}
	if e.IndexName != e.Name {
		names = append(names, e.IndexName)
	}
	for _, a := range e.Aliases {
		d.Aliases = append(d.Aliases, a.Text)
		names = append(names, a.Text)
	}
	d.names = strings.Join(names, " · ")
	d.Occurs, d.Marks = occurs(e.Ref(), nil)
	return d
}

func sectionTitle(ch *index.Chapter, i int) string {
	if i < len(ch.Sections) {
		return ch.Sections[i].Title
	}
	return ""
}
