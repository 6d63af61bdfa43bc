package search

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"edition/generator/index"
	"edition/generator/internal/jsonstr"
	"edition/generator/internal/words"
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

// A posting's weight says how often its term is in the document's text, up
// to textCap (search.js counts no further), plus nameBit when it is in the
// document's name or one of its aliases; a posting of weight 1 does not
// write it.
const (
	textCap = 4
	nameBit = 8
)

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

// doc is one searchable document.
type doc struct {
	title   string // "Kofi Annan", "¶ 12", "Note 4"
	context string // "Beyond Preemption · The UN Response", "Actor · person"
	page    string // site path of its page
	frag    string // and the fragment on it, if any
	text    string // for snippets
	names   string // text weighed as names

	*named // for an entry or a source; nil for a passage
}

// named is what an entry's or a source's document has that a passage's
// has not.
type named struct {
	aliases []string
	occurs  []int32  // passages that name it, in order
	ends    []int32  // the words that name it in occurs[i] are words[ends[i-1]:ends[i]]
	words   []string // (ends[-1] being 0)
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

// Build makes the search index of an edition.
func Build(x *index.Index) (*Index, error) { return BuildWith(x, nil) }

// Cache keeps, from one BuildWith to the next, the vocabulary, what the
// documents' texts were counted into and the text of the entries'
// annotations, so that a live preview rebuilds the index counting only
// the texts that changed. Its methods may be called from several
// goroutines.
type Cache struct {
	// Yield, if set, is called now and then while an index is made: a
	// live preview blocks in it while a newer build runs, so that the
	// index of the last build does not slow the next.
	Yield func()

	mu     sync.Mutex
	vocab  *vocab
	counts map[countKey][]termCount
	plain  map[string]string
}

// countKey is what a document's terms are counted from.
type countKey struct{ text, names string }

// BuildWith is Build, keeping what it can in c (which may be nil).
func BuildWith(x *index.Index, c *Cache) (*Index, error) { return build(x, c, nil) }

// BuildTo is BuildWith, handing each file to emit as soon as it is made
// instead of keeping it, so that the files need not be in memory at once:
// the Index's Files have no Data, and a file's Data is emit's only until
// emit returns. emit may be called from several goroutines at once; the
// first error it returns ends the build.
func BuildTo(x *index.Index, c *Cache, emit func(File) error) (*Index, error) {
	return build(x, c, emit)
}

func build(x *index.Index, c *Cache, emit func(File) error) (*Index, error) {
	memo := newMemo(c)
	yield := func() {}
	if c != nil && c.Yield != nil {
		yield = c.Yield
	}
	var kinds []kind
	kindOf := map[string]int{}
	addKind := func(key, label, one string) int {
		kindOf[key] = len(kinds)
		kinds = append(kinds, kind{key, label, one})
		return kindOf[key]
	}
	addKind(index.TextResults, "Text", "Text")
	addKind(index.NoteResults, "Notes", "Note")
	for _, k := range x.Edition.Kinds {
		addKind(k.Key, k.Plural, k.Name)
	}
	addKind(index.SourceKind.Key, index.SourceKind.Plural, index.SourceKind.Name)

	// Documents are numbered kind by kind, in the order of kinds, so that
	// the client knows a document's kind from its number. Passages come
	// first, so that their numbers are known to the entries.
	n := 0
	for _, ch := range x.Chapters {
		n += len(ch.Paragraphs) + len(ch.Notes)
	}
	docs := make([]doc, 0, n+len(x.Entries)+len(x.Sources))
	// Passages share their titles with those of the same number in other
	// chapters, and their contexts with the others of their section.
	titles := map[string]string{}
	title := func(prefix, n string) string {
		t, ok := titles[prefix+n]
		if !ok {
			t = prefix + n
			titles[t] = t
		}
		return t
	}
	contexts := func(ch *index.Chapter) func(section int) string {
		made := make([]string, len(ch.Sections)+1)
		return func(i int) string {
			i = min(i, len(ch.Sections)) // past the sections: no section title
			if made[i] == "" {
				made[i] = joinNonEmpty(" · ", ch.Title, sectionTitle(ch, i))
			}
			return made[i]
		}
	}
	first := []int{0}
	for _, ch := range x.Chapters {
		page, context := x.Layout.Chapter(ch.Slug), contexts(ch)
		for _, p := range ch.Paragraphs {
			docs = append(docs, doc{title: title("¶ ", strconv.Itoa(p.Number)), context: context(p.Section),
				page: page, frag: p.ID, text: p.Text})
		}
	}
	first = append(first, len(docs))
	// The passages by chapter and id.
	passages := newPassages(x.Chapters, len(docs))
	for _, ch := range x.Chapters {
		page, context := x.Layout.Chapter(ch.Slug), contexts(ch)
		for _, nt := range ch.Notes {
			prefix, marker := noteTitle(nt)
			docs = append(docs, doc{title: title(prefix, marker), context: context(nt.Section),
				page: page, frag: nt.ID, text: nt.Text})
		}
	}
	var found []naming // reused by occurs
	// occurs finds the passages naming ref, with the words that name it
	// in each, in the order they were found, for n.
	occurs := func(n *named, ref index.Ref, extra []index.Citation) {
		found = found[:0]
		for _, o := range x.Occurrences(ref) {
			if d, ok := passages.find(o.Chapter, o.Paragraph); ok {
				found = append(found, naming{d, o.Snippet.Match})
			}
		}
		for _, c := range extra {
			id := c.Paragraph
			if c.Note != "" {
				id = c.Note
			}
			if d, ok := passages.find(c.Chapter, id); ok {
				found = append(found, naming{d, ""})
			}
		}
		n.occurs, n.ends, n.words = gather(found)
	}
	for _, k := range x.Edition.Kinds {
		first = append(first, len(docs))
		for _, e := range x.EntriesOf(k.Key) {
			docs = append(docs, entryDoc(x, e, occurs, memo))
		}
	}
	first = append(first, len(docs))
	for _, s := range x.Sources {
		d := doc{title: s.Title(), page: x.Layout.Ref(s.Ref()), context: "Source · " + s.Label, named: &named{}}
		d.text = joinNonEmpty(" ", memo.plainHTML(string(s.Entry)), memo.plainHTML(string(s.AnnoteHTML)))
		names := []string{d.title, s.Label}
		for _, a := range s.Aliases {
			d.aliases = append(d.aliases, a.Text)
			names = append(names, a.Text)
		}
		d.names = strings.Join(names, " · ")
		occurs(d.named, s.Ref(), x.Citations(s.ID))
		docs = append(docs, d)
	}

	// Each document's terms are counted on its own, in parallel, into
	// the vocabulary's numbers.
	perDoc := make([][]termCount, len(docs))
	parallel(len(docs), yield, func() func(int) {
		ct := newCounter(memo.vocab)
		return func(i int) {
			if tc, ok := memo.prevCounts[countKey{docs[i].text, docs[i].names}]; ok {
				perDoc[i] = tc
				return
			}
			perDoc[i] = ct.count(docs[i].text, docs[i].names)
		}
	})
	memo.keepCounts(docs, perDoc)

	// Postings: for each term, the documents that hold it, in order, and
	// the weight of each; made in one pass over the counts once each
	// term's number of documents is known.
	terms := memo.vocab.list()
	start := make([]int32, len(terms)+1)
	for _, tcs := range perDoc {
		for _, tc := range tcs {
			start[tc.id+1]++
		}
	}
	for i := range terms {
		start[i+1] += start[i]
	}
	postDoc := make([]int32, start[len(terms)])
	postWeight := make([]uint8, len(postDoc))
	next := slices.Clone(start[:len(terms)])
	for i, tcs := range perDoc {
		for _, tc := range tcs {
			at := next[tc.id]
			next[tc.id]++
			postDoc[at] = int32(i)
			postWeight[at] = uint8(min(tc.text, textCap))
			if tc.names > 0 {
				postWeight[at] |= nameBit
			}
		}
	}
	var order []int32 // the terms in use, sorted
	for id := range terms {
		if start[id+1] > start[id] {
			order = append(order, int32(id))
		}
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(terms[a], terms[b]) })
	memo.keep(c, len(order))

	ix := &Index{Docs: len(docs), Terms: len(order)}
	// The files in order, and the hash of each but the manifest, which
	// names them all by a hash of theirs. With emit, each file is handed
	// over as it is made, from a buffer reused for the next.
	var sums [][sha256.Size]byte
	var emitErr error
	var emitMu sync.Mutex
	put := func(f File) {
		if emit == nil {
			return
		}
		if err := emit(f); err != nil {
			emitMu.Lock()
			if emitErr == nil {
				emitErr = err
			}
			emitMu.Unlock()
		}
	}
	addFile := func(f File) {
		ix.Bytes += len(f.Data)
		put(f)
		if emit != nil {
			f.Data = nil
		}
		ix.Files = append(ix.Files, f)
	}
	var reuse []byte // a file's bytes, with emit

	// Shards: consecutive runs of the sorted vocabulary, cut at about
	// ShardBytes; named by their content so a browser never mixes builds.
	var shards [][]string
	var cur, entry []byte
	curFirst := ""
	flush := func() {
		if len(cur) == 0 {
			return
		}
		cur = append(cur, '}')
		sum := sha256.Sum256(cur)
		name := "t/" + hex.EncodeToString(sum[:5])
		shards = append(shards, []string{curFirst, name})
		f := script(reuse[:0], Folder+"/"+name+".js", name, cur)
		if emit != nil {
			reuse = f.Data
		}
		sums = append(sums, sha256.Sum256(f.Data))
		addFile(f)
		cur = cur[:0]
	}
	for _, id := range order {
		t := terms[id]
		entry = jsonstr.AppendNoHTMLEscape(entry[:0], t)
		entry = append(entry, ':', '"')
		entry = appendPostings(entry, postDoc[start[id]:start[id+1]], postWeight[start[id]:start[id+1]])
		entry = append(entry, '"')
		if len(cur) > 0 && len(cur)+len(entry)+1 > ShardBytes {
			flush()
		}
		if len(cur) == 0 {
			curFirst = t
			cur = append(cur, '{')
		} else {
			cur = append(cur, ',')
		}
		cur = append(cur, entry...)
	}
	flush()
	ix.Shards = len(shards)

	// The documents' files, made in parallel.
	per := DocsPerFile(len(docs))
	docFiles := make([]File, (len(docs)+per-1)/per)
	sizes := make([]int, len(docFiles))
	sums = slices.Grow(sums, len(docFiles))[:len(sums)+len(docFiles)]
	docSums := sums[len(sums)-len(docFiles):]
	parallel(len(docFiles), yield, func() func(int) {
		var tables docTables
		var reuse []byte // with emit
		return func(j int) {
			name := "d/" + strconv.Itoa(j)
			f := File{Path: Folder + "/" + name + ".js",
				Data: tables.file(reuse[:0], name, docs[j*per:min((j+1)*per, len(docs))])}
			docSums[j], sizes[j] = sha256.Sum256(f.Data), len(f.Data)
			if emit != nil {
				put(f)
				reuse, f.Data = f.Data, nil
			}
			docFiles[j] = f
		}
	})
	for j, f := range docFiles {
		ix.Files = append(ix.Files, f)
		ix.Bytes += sizes[j]
	}
	if emitErr != nil {
		return nil, emitErr
	}
	stop := make([]string, 0, len(stopwords))
	for w := range stopwords {
		stop = append(stop, w)
	}
	slices.Sort(stop)
	// The version is a hash of the files' hashes.
	h := sha256.New()
	for _, s := range sums {
		h.Write(s[:])
	}
	m := manifest{Version: hex.EncodeToString(h.Sum(nil)[:6]), Kinds: kinds, Docs: len(docs), First: first, Shards: shards, Stop: stop}
	if per > 1 {
		m.Per = per
	}
	mb, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	addFile(script(nil, ManifestFile, "index", mb))
	if emitErr != nil {
		return nil, emitErr
	}
	return ix, nil
}

// naming is a passage that names an entry or a source, and the words
// that do (if known), as occurs finds them.
type naming struct {
	doc   int
	match string
}

// gather sorts the passages of ns, keeping each once, with the distinct
// words that name the entry in each, in the order they came: the words of
// ids[i] are words[ends[i-1]:ends[i]].
func gather(ns []naming) (ids, ends []int32, words []string) {
	if len(ns) == 0 {
		return nil, nil, nil
	}
	slices.SortStableFunc(ns, func(a, b naming) int { return a.doc - b.doc })
	groups := 1
	for i := 1; i < len(ns); i++ {
		if ns[i].doc != ns[i-1].doc {
			groups++
		}
	}
	both := make([]int32, 2*groups) // ids and ends in one
	ids, ends = both[:0:groups], both[groups:groups]
	words = make([]string, 0, len(ns)) // the words of each passage in turn
	from := 0
	for i, nm := range ns {
		if i == 0 || nm.doc != ns[i-1].doc {
			if i > 0 {
				ends = append(ends, int32(len(words)))
			}
			ids = append(ids, int32(nm.doc))
			from = len(words)
		}
		if nm.match != "" && !slices.Contains(words[from:], nm.match) {
			words = append(words, nm.match)
		}
	}
	return ids, append(ends, int32(len(words))), words
}

// noteTitle is a note's title, in two: "Note " and "4".
func noteTitle(n index.NoteInfo) (string, string) {
	switch n.Series {
	case index.EditorNote:
		return "Editor’s note ", n.Marker
	case index.UnnumberedNote:
		return "Unnumbered note", ""
	}
	return "Note ", n.Marker
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

// script makes a file of the index: a script that hands data, JSON, to
// EditionSearch.register under name.
//
// The script is appended to dst, or to a slice of its own size when dst
// has no room.
func script(dst []byte, path, name string, data []byte) File {
	b := dst
	if cap(b) == 0 {
		b = make([]byte, 0, len(data)+len(name)+40)
	}
	b = append(b, "EditionSearch.register("...)
	b = jsonstr.AppendNoHTMLEscape(b, name)
	b = append(b, ',')
	b = append(b, data...)
	b = append(b, ");\n"...)
	return File{Path: path, Data: b}
}

// parallel calls f(0) … f(n-1) on as many goroutines as there are
// processors, each with a function of its own that mk makes (and that may
// keep what it likes between calls); each calls yield every 256 calls.
func parallel(n int, yield func(), mk func() func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			f := mk()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				if i%256 == 0 {
					yield()
				}
				f(i)
			}
		})
	}
	wg.Wait()
}

// String sums the index up for the build log: "search index 310 KB in 330
// files".
func (ix *Index) String() string {
	return fmt.Sprintf("search index %d KB in %s (%s in %s, %s)", (ix.Bytes+512)/1024, words.Count(len(ix.Files), "file", "files"),
		words.Count(ix.Terms, "term", "terms"), words.Count(ix.Shards, "shard", "shards"), words.Count(ix.Docs, "document", "documents"))
}

func entryDoc(x *index.Index, e *index.Entry, occurs func(*named, index.Ref, []index.Citation), memo *memo) doc {
	k, _ := x.Edition.Kind(e.Kind)
	d := doc{title: e.Name, page: x.Layout.Ref(e.Ref()), context: joinNonEmpty(" · ", k.Name, e.Type, e.Dates), named: &named{}}
	d.text = withSummary(e.Summary, memo.plainHTML(string(e.BodyHTML)))
	names := []string{e.Name}
	if e.IndexName != e.Name {
		names = append(names, e.IndexName)
	}
	for _, a := range e.Aliases {
		d.aliases = append(d.aliases, a.Text)
		names = append(names, a.Text)
	}
	d.names = strings.Join(names, " · ")
	occurs(d.named, e.Ref(), nil)
	return d
}

// withSummary is an entry's text: its summary, then its body, but the body
// alone when it begins with the summary (as it does when the summary is
// the body's first sentence, which an entry without one is given).
func withSummary(summary, body string) string {
	summary = strings.TrimSpace(summary)
	if s := strings.TrimRight(strings.TrimSuffix(summary, "…"), " "); s != "" && strings.HasPrefix(body, s) {
		return body
	}
	return joinNonEmpty(" ", summary, body)
}

func sectionTitle(ch *index.Chapter, i int) string {
	if i < len(ch.Sections) {
		return ch.Sections[i].Title
	}
	return ""
}
