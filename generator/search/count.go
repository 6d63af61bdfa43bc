package search

import (
	"math"
	"math/bits"
	"strings"
	"sync"
	"unicode/utf8"
)

// vocab numbers the terms of an index, as the documents' counts meet
// them. Its methods may be called from several goroutines.
type vocab struct {
	mu    sync.Mutex
	ids   map[string]int32
	terms []string
}

func newVocab() *vocab { return &vocab{ids: map[string]int32{}} }

// id is the number of term t, given it if it has none yet.
func (v *vocab) id(t string) int32 {
	v.mu.Lock()
	defer v.mu.Unlock()
	id, ok := v.ids[t]
	if !ok {
		id = int32(len(v.terms))
		v.ids[t] = id
		v.terms = append(v.terms, t)
	}
	return id
}

// list is the terms, by number.
func (v *vocab) list() []string {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.terms
}

// termCount is how often a term occurs in a document's text and in its
// names (up to the most a uint16 holds: the index needs far less).
type termCount struct {
	id          int32 // in the vocabulary
	text, names uint16
}

// counter counts the terms of documents, one at a time. Each goroutine
// has its own.
type counter struct {
	vocab *vocab
	short wordTable        // word as written → term, -1 for none: words of up to 16 bytes
	ids   map[string]int32 // and longer words
	slot  []int32          // term → 1 + its place in out, while a document is counted
	out   []termCount      // the counts of the document being counted
	arena []termCount      // where the counts of documents are kept
}

func newCounter(v *vocab) *counter { return &counter{vocab: v, ids: map[string]int32{}} }

// count counts the terms of a document, in the order they first occur.
func (c *counter) count(text, names string) []termCount {
	c.out = c.out[:0]
	c.add(text, false)
	c.add(names, true)
	for _, tc := range c.out {
		c.slot[tc.id] = 0
	}
	if len(c.out) > cap(c.arena)-len(c.arena) {
		c.arena = make([]termCount, 0, max(4096, len(c.out)))
	}
	n := len(c.arena)
	c.arena = append(c.arena, c.out...)
	return c.arena[n:len(c.arena):len(c.arena)]
}

// add counts the words of text, as eachWord finds them, in the document's
// text or (name) in its names. A word of ASCII that ends at ASCII or at the
// end of text, without an apostrophe at either end (most words), and is not
// a single character before a full stop, is read in one pass, its key packed eight bytes at a time; any other is left to
// nextWord.
func (c *counter) add(text string, name bool) {
	for i := 0; i < len(text); {
		if b := text[i]; b < utf8.RuneSelf && b != '\'' {
			if !wordByte[b] {
				i++
				continue
			}
			j := i + 1
			for j < len(text) && wordByte[text[j]] {
				j++
			}
			// (A letter alone before a stop may begin an abbreviation.)
			if (j == len(text) || text[j] < utf8.RuneSelf && !(text[j] == '.' && j == i+1)) && text[j-1] != '\'' {
				var id int32
				if n := j - i; n <= 16 && i+16 <= len(text) {
					// Shifts of 64 make 0: a word of up to 8 bytes has hi 0.
					k := wordKey{lo: load64(text, i) & (^uint64(0) >> (64 - 8*uint(min(n, 8)))),
						hi: load64(text, i+8) & (^uint64(0) >> (64 - 8*uint(max(n-8, 0))))}
					var ok bool
					if id, ok = c.short.get(k); !ok {
						id = c.miss(text[i:j], k, true)
					}
				} else {
					id = c.word(text, i, j)
				}
				if id >= 0 {
					c.tally(id, name)
				}
				i = j
				continue
			}
		}
		s, e, next := nextWord(text, i)
		if s < e {
			if id := c.word(text, s, e); id >= 0 {
				c.tally(id, name)
			}
		}
		i = next
	}
}

// word is the term of the word text[s:e], -1 for none.
func (c *counter) word(text string, s, e int) int32 {
	raw := text[s:e]
	k, short := packAt(text, s, e)
	if short {
		if id, ok := c.short.get(k); ok {
			return id
		}
	} else if id, ok := c.ids[raw]; ok {
		return id
	}
	return c.miss(raw, k, short)
}

// miss is the term of a word met for the first time, -1 for none, which
// it remembers under k (short) or the word.
func (c *counter) miss(raw string, k wordKey, short bool) int32 {
	id := int32(-1)
	// No stopwords, no one-letter words.
	if t := Normalize(raw); utf8.RuneCountInString(t) > 1 {
		id = c.vocab.id(t)
		if int(id) >= len(c.slot) {
			c.slot = append(c.slot, make([]int32, int(id)+1-len(c.slot)+1024)...)
		}
	}
	if short {
		c.short.put(k, id)
	} else {
		c.ids[strings.Clone(raw)] = id
	}
	return id
}

// tally counts one more of term id (which miss has made room for in
// slot).
func (c *counter) tally(id int32, name bool) {
	sl := c.slot[id]
	if sl == 0 {
		c.out = append(c.out, termCount{id: id})
		sl = int32(len(c.out))
		c.slot[id] = sl
	}
	tc := &c.out[sl-1]
	if name {
		tc.names = min(tc.names+1, math.MaxUint16)
	} else {
		tc.text = min(tc.text+1, math.MaxUint16)
	}
}

// wordKey is a word of up to 16 bytes, packed in two numbers. As no word
// holds a zero byte, no two words pack alike, and none packs as zero.
type wordKey struct{ lo, hi uint64 }

func packWord(w string) (wordKey, bool) {
	var k wordKey
	if len(w) > 16 {
		return k, false
	}
	for i := range min(len(w), 8) {
		k.lo |= uint64(w[i]) << (8 * i)
	}
	for i := 8; i < len(w); i++ {
		k.hi |= uint64(w[i]) << (8 * (i - 8))
	}
	return k, true
}

// packAt is packWord(text[s:e]), reading the word eight bytes at a time
// where text has eight bytes from where it reads.
func packAt(text string, s, e int) (wordKey, bool) {
	n := e - s
	switch {
	case n > 16:
		return wordKey{}, false
	case n <= 8 && s+8 <= len(text):
		return wordKey{lo: load64(text, s) & lowBytes(n)}, true
	case n > 8 && s+16 <= len(text):
		return wordKey{lo: load64(text, s), hi: load64(text, s+8) & lowBytes(n-8)}, true
	}
	return packWord(text[s:e])
}

// load64 is the eight bytes of s from i, the first the lowest.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// lowBytes keeps the lowest n bytes of a number, 0 <= n <= 8.
func lowBytes(n int) uint64 { return ^uint64(0) >> (64 - 8*uint(n)) }

// wordTable maps wordKeys to numbers: open addressing on a power of two
// of slots, kept at most half full. It is a map[wordKey]int32 that needs
// no hashing of strings, which is most of what counting costs.
type wordTable struct {
	keys  []wordKey // the zero key for a free slot
	vals  []int32
	n     int
	shift uint // 64 - log2(len(keys))
}

func (t *wordTable) slot(k wordKey) int {
	h := (k.lo ^ (k.hi * 0x9E3779B97F4A7C15)) * 0x9E3779B97F4A7C15
	return int(h >> t.shift)
}

func (t *wordTable) get(k wordKey) (int32, bool) {
	if t.n == 0 {
		return 0, false
	}
	mask := len(t.keys) - 1
	for i := t.slot(k); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case k:
			return t.vals[i], true
		case wordKey{}:
			return 0, false
		}
	}
}

// put adds k, which the table does not hold.
func (t *wordTable) put(k wordKey, v int32) {
	if 2*(t.n+1) > len(t.keys) {
		old, oldVals := t.keys, t.vals
		size := max(1024, 2*len(old))
		t.keys, t.vals, t.n = make([]wordKey, size), make([]int32, size), 0
		t.shift = uint(64 - bits.TrailingZeros(uint(size)))
		for i, ok := range old {
			if ok != (wordKey{}) {
				t.put(ok, oldVals[i])
			}
		}
	}
	mask := len(t.keys) - 1
	i := t.slot(k)
	for t.keys[i] != (wordKey{}) {
		i = (i + 1) & mask
	}
	t.keys[i], t.vals[i] = k, v
	t.n++
}

// memo is what one BuildWith reads from its Cache and what it leaves
// there for the next.
type memo struct {
	keepIt     bool
	vocab      *vocab
	prevCounts map[countKey][]termCount
	prevPlain  map[string]string
	counts     map[countKey][]termCount
	plain      map[string]string
}

func newMemo(c *Cache) *memo {
	m := &memo{}
	if c != nil {
		c.mu.Lock()
		m.vocab, m.prevCounts, m.prevPlain = c.vocab, c.counts, c.plain
		// These are this build's to change now; another build at the
		// same time starts afresh.
		c.vocab, c.counts, c.plain = nil, nil, nil
		c.mu.Unlock()
		m.keepIt = true
		m.plain = map[string]string{}
	}
	if m.vocab == nil {
		// The counts are in a vocabulary's numbers: without it, they are
		// of no use.
		m.vocab, m.prevCounts = newVocab(), nil
	}
	return m
}

// keepCounts adds the counts of this build's documents to those kept.
// The map is made afresh only when it holds twice as many as there are
// documents, so that most builds add only what changed.
func (m *memo) keepCounts(docs []doc, perDoc [][]termCount) {
	if !m.keepIt {
		return
	}
	m.counts = m.prevCounts
	if m.counts == nil || len(m.counts) > 2*len(docs) {
		m.counts = make(map[countKey][]termCount, len(docs))
	}
	for i := range docs {
		k := countKey{docs[i].text, docs[i].names}
		if _, ok := m.counts[k]; !ok {
			m.counts[k] = perDoc[i]
		}
	}
}

// keep leaves in c what this build made, for the next. A vocabulary
// grown to more than twice the terms this build used (and the counts in
// its numbers) is let go, to forget words that are no more.
func (m *memo) keep(c *Cache, used int) {
	if c == nil || m.counts == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(m.vocab.list()) > 2*used+1024 {
		c.vocab, c.counts = nil, nil
	} else {
		c.vocab, c.counts = m.vocab, m.counts
	}
	c.plain = m.plain
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
