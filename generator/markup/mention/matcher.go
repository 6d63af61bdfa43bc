package mention

import (
	"errors"
	"fmt"
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
type Matcher struct {
	patterns []Pattern
	exact    []bool // per pattern: compare case exactly
	root     [256]int32
	nodes    []node
	edges    []edge // children of each node, sorted by byte, contiguous per node
}

type node struct {
	edgeStart, edgeEnd int32
	terminal           []int32 // patterns ending here
}

type edge struct {
	b    byte
	next int32
}

// ErrEmptyPattern is returned for a pattern with no text.
var ErrEmptyPattern = errors.New("mention: empty pattern")

// NewMatcher builds a matcher for patterns.
func NewMatcher(patterns []Pattern) (*Matcher, error) {
	m := &Matcher{patterns: slices.Clone(patterns), exact: make([]bool, len(patterns))}
	// Build a pointer trie first, then flatten it.
	type tnode struct {
		kids     map[byte]*tnode
		terminal []int32
		id       int32
	}
	root := &tnode{kids: map[byte]*tnode{}}
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
		n := root
		for _, b := range buf {
			k := n.kids[b]
			if k == nil {
				k = &tnode{kids: map[byte]*tnode{}}
				n.kids[b] = k
			}
			n = k
		}
		n.terminal = append(n.terminal, int32(i))
	}
	// Flatten breadth-first so that ids are dense and children contiguous.
	queue := []*tnode{root}
	root.id = 0
	for i := 0; i < len(queue); i++ {
		n := queue[i]
		keys := make([]byte, 0, len(n.kids))
		for b := range n.kids {
			keys = append(keys, b)
		}
		slices.Sort(keys)
		start := int32(len(m.edges))
		for _, b := range keys {
			k := n.kids[b]
			k.id = int32(len(queue))
			queue = append(queue, k)
			m.edges = append(m.edges, edge{b: b, next: k.id})
		}
		m.nodes = append(m.nodes, node{edgeStart: start, edgeEnd: int32(len(m.edges)), terminal: n.terminal})
	}
	for i := range m.root {
		m.root[i] = -1
	}
	for _, e := range m.edges[m.nodes[0].edgeStart:m.nodes[0].edgeEnd] {
		m.root[e.b] = e.next
	}
	return m, nil
}

// Patterns returns the matcher's patterns.
func (m *Matcher) Patterns() []Pattern { return m.patterns }

func (m *Matcher) step(n int32, b byte) int32 {
	if n == 0 {
		return m.root[b]
	}
	es := m.edges[m.nodes[n].edgeStart:m.nodes[n].edgeEnd]
	if len(es) <= 8 {
		for _, e := range es {
			if e.b == b {
				return e.next
			}
			if e.b > b {
				return -1
			}
		}
		return -1
	}
	i, ok := slices.BinarySearchFunc(es, b, func(e edge, b byte) int { return int(e.b) - int(b) })
	if !ok {
		return -1
	}
	return es[i].next
}

// Find appends to dst the leftmost-longest matches in text that begin and
// end on word boundaries, and returns the extended slice. skip, if not nil,
// reports byte ranges where no match may start or end (such as the inside
// of a nested construct); it may be nil.
func (m *Matcher) Find(dst []Match, text []byte) []Match {
	if len(m.nodes) <= 1 || len(text) == 0 {
		return dst
	}
	folded := fold(make([]byte, 0, len(text)), text)
	prevWord := false // whether the rune before i is a word character
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(text[i:])
		}
		isWord := isWordRune(r)
		if !isWord || prevWord || isCombining(r) {
			prevWord = isWord || (prevWord && isCombining(r))
			i += size
			continue
		}
		// i starts a word: walk the trie as far as the text allows and keep
		// the longest acceptable match.
		best, bestEnd := int32(-1), 0
		for j, n := i, int32(0); j < len(folded); j++ {
			if n = m.step(n, folded[j]); n < 0 {
				break
			}
			if t := m.nodes[n].terminal; t != nil && endsWord(text, j+1) {
				for _, p := range t {
					if !m.exact[p] || sameExact(text[i:j+1], m.patterns[p].Text) {
						best, bestEnd = p, j+1
						break
					}
				}
			}
		}
		if best >= 0 {
			dst = append(dst, Match{Start: i, End: bestEnd, Pattern: int(best), Target: m.patterns[best].Target})
			i = bestEnd
			r, _ := utf8.DecodeLastRune(text[:i])
			prevWord = isWordRune(r)
			continue
		}
		prevWord = true
		i += size
	}
	return dst
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
