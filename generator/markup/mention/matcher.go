package mention

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"slices"
	"unicode"
	"unicode/utf8"
)

// Case is how a pattern matches letter case.
type Case int

const (
	// Smart matches in any case when the pattern is all lowercase, and
	// exactly otherwise.
	Smart Case = iota
	// Exact matches the pattern as written.
	Exact
	// Ignore matches in any case.
	Ignore
)

// Pattern is one surface form to find.
type Pattern struct {
	Text   string
	Case   Case
	Target int // the caller's identifier of what the pattern names
}

// Match is a pattern found in a text: bytes [Start, End).
type Match struct {
	Start, End int
	Pattern    int // index into the matcher's patterns
	Target     int
}

// Matcher finds patterns in text. It is immutable once built and safe for
// concurrent use.
//
// The patterns, folded (see fold), are cut into tokens: a run of ASCII
// letters and digits, or any other single rune. The keys' tokens make a
// trie whose states are numbered, and its transitions, (state, token) →
// state, live in one open-addressed hash table (see group). From a word
// start the text is read a token at a time, the token's value taken as its
// bytes are read (up to sixteen at once), and each step of the walk is one
// probe of the table, mostly one cache line; a word that no key begins
// with is skipped whole after one probe. The walks are those of the words
// that begin aliases, as many and as long with 300 aliases as with 30,000,
// so that matching is nearly as fast with either: only the mentions
// themselves reach parts of the table that are not in the cache.
//
// No two transitions share a check on one probe path (NewMatcher chooses
// another seed if they would), so no step that exists is missed; a token
// that no key has may still pass a probe by chance, so a key is accepted
// only once it has been compared with the text.
//
// Tokens match where the bytes do: a key that ends inside a run of letters
// or digits of the text is no match (its end is no word boundary), nor one
// that ends inside a rune of the text; up to its last token a key matches
// the text's bytes only token for token.
type Matcher struct {
	patterns []Pattern
	first    [256]bool // the first bytes of keys (folded)
	seed     uint64    // of the hash of transitions
	check    uint32    // the bits of a check kept (all but in tests)
	mask     uint64    // len(table) - 1
	table    []group   // the transitions (see group)
	finals   []final   // per state that ends a key (they come first, from 1)
	terms    []uint32  // patterns, exactTerm set where case is compared exactly
	keys     []byte    // the keys that end at states, one after another
}

// final is a state where a key ends: the key, keys[key:key+keyN], and its
// patterns in their order, terms[term:term+termN].
type final struct {
	key, keyN, term, termN uint32
}

// The low 32 bits of a transition: the next state and what it has.
const (
	stateMask = 1<<30 - 1
	hasNext   = 1 << 30 // the state has transitions of its own
	isKey     = 1 << 31 // a key ends at the state
)

// exactTerm marks a pattern in Matcher.terms that matches case exactly.
const exactTerm = 1 << 31

// ErrEmptyPattern is returned for a pattern with no text.
var ErrEmptyPattern = errors.New("mention: empty pattern")

// NewMatcher builds a matcher for patterns.
func NewMatcher(patterns []Pattern) (*Matcher, error) {
	return newMatcher(patterns, ^uint32(0))
}

// newMatcher is NewMatcher keeping the bits check of each transition's
// check: tests keep fewer, so that checks collide.
func newMatcher(patterns []Pattern, check uint32) (*Matcher, error) {
	m := &Matcher{patterns: slices.Clone(patterns), check: check}
	// The keys: each pattern folded, the patterns of one key together in
	// their order.
	type key struct {
		text    string
		term, n int // its patterns: m.terms[term:term+n]
	}
	byText := map[string]int{}
	var keys []key
	keyOf := make([]int32, len(patterns))
	var buf []byte
	tokens := 0 // at least the transitions
	for i, p := range patterns {
		if p.Text == "" {
			return nil, fmt.Errorf("%w (pattern %d)", ErrEmptyPattern, i)
		}
		buf = fold(buf[:0], []byte(p.Text))
		k, ok := byText[string(buf)]
		if !ok {
			k = len(keys)
			text := string(buf)
			byText[text] = k
			keys = append(keys, key{text: text})
			for q := 0; q < len(text); tokens++ {
				q, _ = keyToken(text, q, 0)
			}
		}
		keyOf[i] = int32(k)
		keys[k].n++
	}
	if len(keys) == 0 {
		return m, nil
	}
	if tokens > stateMask {
		return nil, errors.New("mention: too many patterns")
	}
	// Each key's patterns together in m.terms, in their order.
	at := make([]int, len(keys)) // where the key's next pattern goes
	for k, n := 1, 0; k < len(keys); k++ {
		n += keys[k-1].n
		keys[k].term, at[k] = n, n
	}
	m.terms = make([]uint32, len(patterns))
	for i, p := range patterns {
		term := uint32(i)
		if p.Case == Exact || p.Case == Smart && hasUpper(p.Text) {
			term |= exactTerm
		}
		m.terms[at[keyOf[i]]] = term
		at[keyOf[i]]++
	}

	// The trie of the keys' tokens: state 0 is the root, and each other
	// state is reached from its parent by a token, a piece of a key.
	states := make([]state, 1, tokens+1)
	states[0].end = -1
	// The states by parent and token, in an open-addressed table of
	// indices into states (0 for none).
	size := 1
	for size < 2*tokens {
		size *= 2
	}
	edges, mask := make([]int32, size), uint64(size-1)
	for k, key := range keys {
		m.first[key.text[0]] = true
		s := int32(0)
		for p := 0; p < len(key.text); {
			end, v := keyToken(key.text, p, 0)
			tok := key.text[p:end]
			hi, lo := bits.Mul64(v^firstSeed, (uint64(s)<<8|uint64(len(tok)&0xff))^0x9e3779b97f4a7c15)
			t := int32(0)
			for j := hi ^ lo; ; j++ {
				t = edges[j&mask]
				if t == 0 {
					t = int32(len(states))
					edges[j&mask] = t
					states = append(states, state{parent: s, tok: tok, end: -1})
					states[s].next = true
					break
				}
				if states[t].parent == s && states[t].tok == tok {
					break
				}
			}
			s, p = t, end
		}
		states[s].end = int32(k)
	}
	// The states where keys end are numbered first, from 1, so that their
	// finals are an array; the others after them.
	id := make([]uint32, len(states))
	other := uint32(len(keys))
	m.finals = make([]final, 1, len(keys)+1)
	for s, st := range states[1:] {
		if st.end < 0 {
			other++
			id[s+1] = other
			continue
		}
		id[s+1] = uint32(len(m.finals))
		k := keys[st.end]
		m.finals = append(m.finals, final{key: uint32(len(m.keys)), keyN: uint32(len(k.text)),
			term: uint32(k.term), termN: uint32(k.n)})
		m.keys = append(m.keys, k.text...)
	}

	// The table, at most half full; if two transitions would share a check
	// on one probe path, again with another seed (or, after many seeds, a
	// larger table, as only the few bits of a test's check need).
	groups := 1
	for 7*groups < 2*(len(states)-1) {
		groups *= 2
	}
	m.seed = firstSeed
	for tries := 1; !m.fill(states, id, groups); tries++ {
		m.seed = m.seed*0x9e3779b97f4a7c15 + 1
		if tries%16 == 0 {
			groups *= 2
		}
	}
	return m, nil
}

// firstSeed is the seed of a matcher's hash, unless it is changed.
const firstSeed = 0x243f6a8885a308d3

// state is a state of the trie while the matcher is built.
type state struct {
	parent int32
	tok    string // the token from the parent
	next   bool   // the state has transitions
	end    int32  // the key that ends here, or -1
}

// fill makes m.table of groups groups (a power of two) from the
// transitions into states, numbered by id, with m.seed. It reports false
// if two transitions share a check on one probe path: a lookup of the
// second would stop at the first.
func (m *Matcher) fill(states []state, id []uint32, groups int) bool {
	if cap(m.table) >= groups {
		m.table = m.table[:groups]
	} else {
		m.table = make([]group, groups)
	}
	for g := range m.table {
		m.table[g] = group{emptyGroup}
	}
	m.mask = uint64(groups - 1)
	for t := 1; t < len(states); t++ {
		st := &states[t]
		_, v := keyToken(st.tok, 0, m.seed)
		h := m.hash(id[st.parent], v, len(st.tok))
		check := uint32(h>>32) & m.check
		e := uint64(check)<<32 | uint64(id[t])
		if st.next {
			e |= hasNext
		}
		if st.end >= 0 {
			e |= isKey
		}
		for g := h; ; g++ {
			group := &m.table[g&m.mask]
			j := 0
			for ; j < 7 && group[0]>>(8*j)&0xff != 0x80; j++ {
				if uint32(group[1+j]>>32) == check {
					return false
				}
			}
			if j < 7 {
				group[0] = group[0]&^(0xff<<(8*j)) | uint64(check&0x7f)<<(8*j)
				group[1+j] = e
				break
			}
		}
	}
	return true
}

// group is seven slots of the table of transitions, in 64 bytes (a
// processor's cache line): a word of control bytes, one a slot, 0x80 if it
// is empty or else the low seven bits of its check; and the slots, each
// check<<32 | the next state and its flags. A probe compares the control
// bytes with a check's all at once, so that a token that no key has is
// mostly found absent in the first group, and no slot is read for it.
type group [8]uint64

const (
	emptyGroup = 0x0080808080808080 // seven empty slots
	ctrlHigh   = 0x0080808080808080
	ctrlLow    = 0x0001010101010101
)

// hash is the hash of the transition from state by a token of n bytes
// whose value is v (see runValue).
func (m *Matcher) hash(state uint32, v uint64, n int) uint64 {
	hi, lo := bits.Mul64(v^m.seed, (uint64(state)<<8|uint64(n&0xff))^0x9e3779b97f4a7c15)
	return hi ^ lo
}

// step returns the transition from state by a token of n bytes whose value
// is v: the next state and its flags, or 0.
func (m *Matcher) step(state uint32, v uint64, n int) uint32 {
	return m.probe(m.hash(state, v, n))
}

// probe returns the transition whose hash is h, or 0.
func (m *Matcher) probe(h uint64) uint32 {
	check := uint32(h>>32) & m.check
	for g := h; ; g++ {
		group := &m.table[g&m.mask]
		x := group[0] ^ uint64(check&0x7f)*ctrlLow
		for match := (x - ctrlLow) &^ x & ctrlHigh; match != 0; match &= match - 1 {
			if e := group[1+bits.TrailingZeros64(match)>>3]; uint32(e>>32) == check {
				return uint32(e)
			}
		}
		if group[0]&ctrlHigh != 0 {
			return 0
		}
	}
}

// Patterns returns the matcher's patterns.
func (m *Matcher) Patterns() []Pattern { return m.patterns }

// wordByte tells the ASCII letters and digits.
var wordByte = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

// foldByte is fold for one ASCII byte.
var foldByte = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		t[c] = fold(nil, []byte{byte(c)})[0]
	}
	return t
}()

// runValue returns the end of the run of ASCII letters and digits that
// begins at p in b, and its value: its bytes in lowercase, packed in a
// word, or if it is longer than eight bytes, a hash of them with seed.
// Together with its length, the value tells apart tokens of up to eight
// bytes.
func runValue[T string | []byte](b T, p int, seed uint64) (end int, v uint64) {
	var h uint64
	k := 0
	long := false
	for ; p < len(b); p++ {
		c := b[p]
		if c >= utf8.RuneSelf || !wordByte[c] {
			break
		}
		if k == 64 {
			h, v, k, long = mixChunk(h^v, seed), 0, 0, true
		}
		v |= uint64(c|0x20) << k
		k += 8
	}
	if long {
		v = mixChunk(h^v, seed)
	}
	return p, v
}

func mixChunk(a, seed uint64) uint64 {
	hi, lo := bits.Mul64(a^seed, 0xbf58476d1ce4e5b9)
	return hi ^ lo
}

// alnum returns the bytes of x (eight bytes of text, the first in the low
// bits) that are ASCII letters or digits, as the high bit of each.
func alnum(x uint64) uint64 {
	const low7 = 0x7f7f7f7f7f7f7f7f
	l := (x | 0x2020202020202020) & low7 // letters in lowercase
	letter := (l + 0x1f1f1f1f1f1f1f1f) &^ (l + 0x0505050505050505)
	d := x & low7
	digit := (d + 0x5050505050505050) &^ (d + 0x4646464646464646)
	return (letter | digit) &^ x & 0x8080808080808080
}

// keyToken returns the end and the value of the token at p of a folded key.
func keyToken(key string, p int, seed uint64) (end int, v uint64) {
	c := key[p]
	if c < utf8.RuneSelf {
		if wordByte[c] {
			return runValue(key, p, seed)
		}
		return p + 1, uint64(c)
	}
	_, size := utf8.DecodeRuneInString(key[p:])
	for j := range size {
		v |= uint64(key[p+j]) << (8 * j)
	}
	return p + size, v
}

// textToken returns the end and the value of the token at p of text, as
// keyToken has it for the text folded.
func textToken(text []byte, p int, seed uint64) (end int, v uint64) {
	c := text[p]
	if c < utf8.RuneSelf {
		if wordByte[c] {
			return runValue(text, p, seed)
		}
		return p + 1, uint64(foldByte[c])
	}
	r, size := utf8.DecodeRune(text[p:])
	if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == size {
		var b [4]byte
		utf8.EncodeRune(b[:], l)
		for j := range size {
			v |= uint64(b[j]) << (8 * j)
		}
		return p + size, v
	}
	for j := range size {
		v |= uint64(text[p+j]) << (8 * j)
	}
	return p + size, v
}

// Find appends to dst the leftmost-longest matches in text that begin and
// end on word boundaries, and returns the extended slice.
func (m *Matcher) Find(dst []Match, text []byte) []Match {
	if len(m.table) == 0 || len(text) == 0 {
		return dst
	}
	prevWord := false // whether the rune before i is a word character
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			w := wordByte[c]
			if !w || prevWord {
				prevWord = w
				i++
				continue
			}
			if !m.first[foldByte[c]] { // no key begins so: skip the word
				prevWord = true
				i++
				continue
			}
		} else {
			r, size := utf8.DecodeRune(text[i:])
			isWord := isWordRune(r)
			if !isWord || prevWord || isCombining(r) {
				prevWord = isWord || isCombining(r)
				i += size
				continue
			}
		}
		// i starts a word: walk the trie as far as the text allows and keep
		// the longest acceptable match.
		best, end, next := m.longest(text, i)
		if best >= 0 {
			dst = append(dst, Match{Start: i, End: end, Pattern: int(best), Target: m.patterns[best].Target})
			i = end
			r, _ := utf8.DecodeLastRune(text[:i])
			prevWord = isWordRune(r)
			continue
		}
		// No key begins with the word's first token: skip it (a run of
		// letters and digits, or a letter).
		prevWord = true
		i = next
	}
	return dst
}

// longest returns the longest acceptable pattern that matches text from
// i, and where it ends, or -1; and the end of the token at i.
func (m *Matcher) longest(text []byte, i int) (best int32, bestEnd, next int) {
	best = -1
	table, mask, check, seed := m.table, m.mask, m.check, m.seed
	state := uint64(0)
	end, v := m.token(text, i)
	next = end
	for p := i; ; {
		// One probe of the table (see probe), by hand.
		hi, lo := bits.Mul64(v^seed, (state<<8|uint64((end-p)&0xff))^0x9e3779b97f4a7c15)
		h := hi ^ lo
		c := uint32(h>>32) & check
		e := uint32(0)
	probe:
		for g := h; ; g++ {
			group := &table[g&mask]
			x := group[0] ^ uint64(c&0x7f)*ctrlLow
			for match := (x - ctrlLow) &^ x & ctrlHigh; match != 0; match &= match - 1 {
				if t := group[1+bits.TrailingZeros64(match)>>3]; uint32(t>>32) == c {
					e = uint32(t)
					break probe
				}
			}
			if group[0]&ctrlHigh != 0 {
				return best, bestEnd, next
			}
		}
		p, state = end, uint64(e&stateMask)
		if e&isKey != 0 && endsWord(text, p) {
			if pat := m.accept(uint32(state), text[i:p]); pat >= 0 {
				best, bestEnd = pat, p
			}
		}
		if e&hasNext == 0 || p >= len(text) {
			return best, bestEnd, next
		}
		end, v = m.token(text, p)
	}
}

// token returns the end and the value of the token at p of text, as
// textToken does, taking the common tokens without a call: runs of up to
// fifteen letters and digits, and other ASCII bytes.
func (m *Matcher) token(text []byte, p int) (end int, v uint64) {
	if c := text[p]; c < utf8.RuneSelf && !wordByte[c] {
		return p + 1, uint64(foldByte[c])
	}
	if p+16 <= len(text) {
		x := binary.LittleEndian.Uint64(text[p:])
		k := bits.TrailingZeros64(^alnum(x)&0x8080808080808080) >> 3
		if k > 0 && k < 8 {
			return p + k, (x | 0x2020202020202020) & (1<<(8*k) - 1)
		}
		if k == 8 {
			y := binary.LittleEndian.Uint64(text[p+8:])
			k = bits.TrailingZeros64(^alnum(y)&0x8080808080808080) >> 3
			if k == 0 {
				return p + 8, x | 0x2020202020202020
			}
			if k < 8 { // as runValue has it
				h := mixChunk(x|0x2020202020202020, m.seed)
				return p + 8 + k, mixChunk(h^(y|0x2020202020202020)&(1<<(8*k)-1), m.seed)
			}
		}
	}
	return textToken(text, p, m.seed)
}

// accept returns the first pattern of the key that ends at state that
// text is under its case rule, or -1. The walk compared only hashes: text
// is compared with the key here.
func (m *Matcher) accept(state uint32, text []byte) int32 {
	fin := &m.finals[state]
	if int(fin.keyN) != len(text) {
		return -1
	}
	folded := false
	for _, t := range m.terms[fin.term : fin.term+fin.termN] {
		pat := int32(t &^ exactTerm)
		if t&exactTerm != 0 {
			if sameExact(text, m.patterns[pat].Text) {
				return pat
			}
			continue
		}
		if !folded {
			f := folder{text: text, at: -1}
			for j, c := range m.keys[fin.key : fin.key+fin.keyN] {
				if f.byteAt(j) != c {
					return -1
				}
			}
			folded = true
		}
		return pat
	}
	return -1
}

// folder gives the bytes of text folded (see fold), one at a time, in
// order from a rune's first byte: fold without copying the text.
type folder struct {
	text []byte
	at   int     // where the rune in buf begins, or -1
	n    int     // its length
	buf  [4]byte // the rune at at, folded
}

func (f *folder) byteAt(p int) byte {
	if c := f.text[p]; c < utf8.RuneSelf {
		return foldByte[c]
	}
	if p < f.at || p >= f.at+f.n {
		r, size := utf8.DecodeRune(f.text[p:])
		f.at, f.n = p, size
		if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == size {
			utf8.EncodeRune(f.buf[:], l)
		} else {
			copy(f.buf[:], f.text[p:p+size])
		}
	}
	return f.buf[p-f.at]
}

// sameExact reports whether text is pattern as written, except that a line
// break or tab in text stands for the pattern's space, as fold has it: an
// alias broken across lines in the source is still the alias.
func sameExact(text []byte, pattern string) bool {
	if len(text) != len(pattern) {
		return false
	}
	for i, c := range text {
		if c != pattern[i] && !(pattern[i] == ' ' && (c == '\n' || c == '\r' || c == '\t')) {
			return false
		}
	}
	return true
}

// endsWord reports whether position end of text is a word boundary: the
// text ends there or the next rune is not a letter, digit or accent.
func endsWord(text []byte, end int) bool {
	if end >= len(text) {
		return true
	}
	r, _ := utf8.DecodeRune(text[end:])
	if isWordRune(r) || isCombining(r) {
		// A pattern ending in punctuation ("U.S.") may be followed by a
		// letter only if its own last byte is not a word character.
		last, _ := utf8.DecodeLastRune(text[:end])
		return !isWordRune(last)
	}
	return true
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isCombining(r rune) bool { return r >= 0x300 && unicode.Is(unicode.Mn, r) }

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// fold appends src to dst with letters lowercased and line breaks as
// spaces, keeping every rune's byte length so that offsets in the result are
// offsets in src.
func fold(dst, src []byte) []byte {
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == '\n' || c == '\r' || c == '\t':
				c = ' '
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == size {
			dst = utf8.AppendRune(dst, l)
		} else {
			dst = append(dst, src[i:i+size]...)
		}
		i += size
	}
	return dst
}
