package mention

// The trie matcher below is the one the hash table of tokens replaced
// (matcher.go before it), kept as the reference that the tests compare
// Find with on any patterns and any text. Its Find has the fix that came
// after it: a combining mark after no letter still belongs to a word.

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// trieMatcher is a path-compressed trie of the folded patterns, a node for
// each run of bytes its keys share, laid out breadth first in flat arrays,
// and walked byte by byte from each word start.
type trieMatcher struct {
	patterns []Pattern
	exact    []bool     // per pattern: compare case exactly
	root     [256]int32 // first byte of a key → its node, or -1
	// pairs tells, for the first two bytes of a word when both are ASCII
	// (folded, pairs[a<<7|b]), where the walk of the trie stands after
	// them: node n with q bytes of its label matched, as n<<1|(q-1); or
	// trieNoPair, no key begins so; or trieSlowPair, walk from the root (a key
	// of one byte ends before). It saves every word start the first
	// steps of the walk, which all words take.
	pairs    []int32
	nodes    []trieNode
	labels   []byte  // each node's bytes, from the byte that selects it
	kidBytes []byte  // the first byte of each child, per node, sorted
	kids     []int32 // the children, in the order of kidBytes
	terms    []int32 // patterns whose key ends at a trieNode, per node
}

// trieNode is a node of the trie: its bytes labels[label:label+labelN], its
// children kids[kid:kid+kidN] and the patterns ending at it,
// terms[term:term+termN].
type trieNode struct {
	label, kid, term    uint32
	labelN, kidN, termN uint16
}

// trieMaxLabel is the longest run of bytes a node holds; a longer shared run
// is split over a chain of nodes.
const trieMaxLabel = 1<<16 - 1

// newTrieMatcher builds a matcher for patterns.
func newTrieMatcher(patterns []Pattern) (*trieMatcher, error) {
	m := &trieMatcher{patterns: slices.Clone(patterns), exact: make([]bool, len(patterns))}
	for i := range m.root {
		m.root[i] = -1
	}
	// The keys: each pattern folded, the patterns of one key together in
	// their order.
	type key struct {
		text     string
		patterns []int32
	}
	byText := map[string]int{}
	var keys []key
	var buf []byte
	for i, p := range patterns {
		if p.Text == "" {
			return nil, fmt.Errorf("%w (pattern %d)", ErrEmptyPattern, i)
		}
		switch p.Case {
		case Exact:
			m.exact[i] = true
		case Smart:
			m.exact[i] = hasUpper(p.Text)
		}
		buf = fold(buf[:0], []byte(p.Text))
		k, ok := byText[string(buf)]
		if !ok {
			k = len(keys)
			byText[string(buf)] = k
			keys = append(keys, key{text: string(buf)})
		}
		keys[k].patterns = append(keys[k].patterns, int32(i))
	}
	slices.SortFunc(keys, func(a, b key) int { return strings.Compare(a.text, b.text) })

	// The trie is made node by node, then laid out breadth first, so that
	// the nodes near the root, which every word start visits, lie together.
	type tnode struct {
		label    string
		patterns []int32
		kids     []*tnode
	}
	// build makes the node for keys[lo:hi], which share their first depth
	// bytes, the last of which selects the node.
	var build func(lo, hi, depth int) *tnode
	build = func(lo, hi, depth int) *tnode {
		first, last := keys[lo].text, keys[hi-1].text
		end := depth
		for end < len(first) && end < len(last) && first[end] == last[end] && end-(depth-1) < trieMaxLabel {
			end++
		}
		t := &tnode{label: first[depth-1 : end]}
		if len(first) == end { // keys are sorted: only the first can end here
			t.patterns = keys[lo].patterns
			lo++
		}
		for i := lo; i < hi; { // a child per next byte
			j := i + 1
			for j < hi && keys[j].text[end] == keys[i].text[end] {
				j++
			}
			t.kids = append(t.kids, build(i, j, end+1))
			i = j
		}
		return t
	}
	var queue []*tnode
	for i := 0; i < len(keys); {
		j := i + 1
		for j < len(keys) && keys[j].text[0] == keys[i].text[0] {
			j++
		}
		m.root[keys[i].text[0]] = int32(len(queue))
		queue = append(queue, build(i, j, 1))
		i = j
	}
	m.nodes = make([]trieNode, 0, 2*len(keys))
	for next := 0; next < len(queue); next++ {
		t := queue[next]
		n := trieNode{label: uint32(len(m.labels)), labelN: uint16(len(t.label)),
			term: uint32(len(m.terms)), termN: uint16(len(t.patterns)),
			kid: uint32(len(m.kids)), kidN: uint16(len(t.kids))}
		m.labels = append(m.labels, t.label...)
		m.terms = append(m.terms, t.patterns...)
		for _, k := range t.kids {
			m.kidBytes = append(m.kidBytes, k.label[0])
			m.kids = append(m.kids, int32(len(queue)))
			queue = append(queue, k)
		}
		m.nodes = append(m.nodes, n)
	}
	m.pairs = make([]int32, 128*128)
	for a := range 128 {
		for b := range 128 {
			m.pairs[a<<7|b] = m.pair(byte(a), byte(b))
		}
	}
	return m, nil
}

// Values of trieMatcher.pairs that are not a place in the trie.
const (
	trieNoPair   = -1
	trieSlowPair = -2
)

// pair is the entry of trieMatcher.pairs for the folded bytes a and b.
func (m *trieMatcher) pair(a, b byte) int32 {
	n := m.root[a]
	if n < 0 {
		return trieNoPair
	}
	nd := &m.nodes[n]
	if nd.labelN > 1 {
		if m.labels[nd.label+1] != b {
			return trieNoPair
		}
		return n<<1 | 1 // q = 2
	}
	if nd.termN > 0 {
		return trieSlowPair
	}
	for j, kb := range m.kidBytes[nd.kid : nd.kid+uint32(nd.kidN)] {
		if kb == b {
			return m.kids[int(nd.kid)+j] << 1 // q = 1
		}
	}
	return trieNoPair
}

// Find appends to dst the leftmost-longest matches in text that begin and
// end on word boundaries, and returns the extended slice.
func (m *trieMatcher) Find(dst []Match, text []byte) []Match {
	if len(m.nodes) == 0 || len(text) == 0 {
		return dst
	}
	prevWord := false // whether the rune before i is a word character
	for i := 0; i < len(text); {
		c := text[i]
		size := 1
		if c < utf8.RuneSelf {
			w := wordByte[c]
			if !w || prevWord {
				prevWord = w
				i++
				continue
			}
			if m.root[foldByte[c]] < 0 { // no key begins so: skip the word
				prevWord = true
				i++
				continue
			}
		} else {
			var r rune
			r, size = utf8.DecodeRune(text[i:])
			isWord := isWordRune(r)
			if !isWord || prevWord || isCombining(r) {
				prevWord = isWord || isCombining(r)
				i += size
				continue
			}
		}
		// i starts a word: walk the trie as far as the text allows and keep
		// the longest acceptable match.
		if best, end := m.longest(text, i); best >= 0 {
			dst = append(dst, Match{Start: i, End: end, Pattern: int(best), Target: m.patterns[best].Target})
			i = end
			r, _ := utf8.DecodeLastRune(text[:i])
			prevWord = isWordRune(r)
			continue
		}
		prevWord = true
		i += size
	}
	return dst
}

// longest returns the longest acceptable pattern that matches text from
// i, and where it ends; or -1.
func (m *trieMatcher) longest(text []byte, i int) (best int32, bestEnd int) {
	best = -1
	f := folder{text: text, at: -1}
	var n int32
	p := i + 1     // the next byte of text to compare
	q := uint32(1) // the bytes of n's label matched
	if a := text[i]; a < utf8.RuneSelf && p < len(text) && text[p] < utf8.RuneSelf {
		switch v := m.pairs[int(foldByte[a])<<7|int(foldByte[text[p]])]; v {
		case trieNoPair:
			return best, bestEnd
		case trieSlowPair:
			n = m.root[foldByte[a]]
		default:
			n, q, p = v>>1, uint32(v&1)+1, p+1
		}
	} else {
		n = m.root[f.byteAt(i)]
	}
	for n >= 0 {
		nd := &m.nodes[n]
		label := m.labels[nd.label+q : nd.label+uint32(nd.labelN)]
		q = 1
		if len(label) > len(text)-p {
			return best, bestEnd
		}
		for _, lb := range label {
			c := text[p]
			if c >= utf8.RuneSelf {
				c = f.byteAt(p)
			} else {
				c = foldByte[c]
			}
			if c != lb {
				return best, bestEnd
			}
			p++
		}
		// A key that ends inside a rune (a pattern that is not UTF-8) does
		// not match there.
		if nd.termN > 0 && (p <= f.at || p >= f.at+f.n) && endsWord(text, p) {
			for _, pat := range m.terms[nd.term : nd.term+uint32(nd.termN)] {
				if !m.exact[pat] || sameExact(text[i:p], m.patterns[pat].Text) {
					best, bestEnd = pat, p
					break
				}
			}
		}
		if nd.kidN == 0 || p >= len(text) {
			break
		}
		kb, c := m.kidBytes[nd.kid:nd.kid+uint32(nd.kidN)], f.byteAt(p)
		k := -1
		if len(kb) > 16 {
			k = bytes.IndexByte(kb, c)
		} else {
			for j, b := range kb {
				if b >= c {
					if b == c {
						k = j
					}
					break
				}
			}
		}
		if k < 0 {
			break
		}
		n = m.kids[int(nd.kid)+k]
		p++
	}
	return best, bestEnd
}
