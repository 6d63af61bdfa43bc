package source

import (
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// fastParse decodes the simple YAML that most front matter is, into the
// same nodes as yaml.Unmarshal (the mapping, not its document), with a few
// allocations instead of a hundred. It returns nil for anything else, which
// parse then gives to yaml, so that every error is yaml's own.
//
// It accepts a block mapping at the left margin whose keys are plain words
// (an ASCII letter, then letters, digits, “_” and “-”) and whose values are
// each one of:
//   - a scalar on the key's line: plain (beginning with a letter or a
//     non-ASCII character, without “#”, “: ” or a final “:”), "double
//     quoted" without backslashes, or 'single quoted' without quotes inside;
//   - a flow list of such scalars on the key's line: [a, "b", c], whose
//     plain items have no “:”, “?”, quotes, brackets or braces either;
//   - a block list on the lines after the key, one “- scalar” a line, all
//     indented alike;
//   - a block scalar (>, >-, | or |-) whose lines are indented alike.
//
// The text must end with a line feed; no line may be empty, hold a tab, a
// carriage return, a control character or another line break, or end in a
// space; no plain scalar may be true, false or null in any case.
// TestFastParseIsYAML and FuzzFastParse compare it with yaml.Unmarshal.
func fastParse(src []byte) *yaml.Node {
	if len(src) == 0 || !isKeyStart(src[0]) || src[len(src)-1] != '\n' {
		return nil
	}
	s := string(src[:len(src)-1])
	if !fastText(s) {
		return nil
	}
	lines := strings.Split(s, "\n")
	keys, items := 0, strings.Count(s, ",")+strings.Count(s, "[") // a bound on the items of flow lists
	for _, l := range lines {
		if isKeyStart(l[0]) { // (no line is empty)
			keys++
		} else if sp := leadingSpaces(l); strings.HasPrefix(l[sp:], "- ") {
			items++
		}
	}
	f := fastDoc{
		nodes: make([]yaml.Node, 0, 1+2*keys+items),
		kids:  make([]*yaml.Node, 2*keys, 2*keys+items), // the mapping's, then the lists'
	}
	root := f.node(yaml.MappingNode, 0, "!!map", "", 1, 1)
	content := f.kids[: 0 : 2*keys]
	for i := 0; i < len(lines); {
		line := lines[i]
		k := keyEnd(line)
		if k < 0 {
			return nil
		}
		key := f.node(yaml.ScalarNode, 0, "!!str", line[:k], i+1, 1)
		rest := line[k+1:]
		var v *yaml.Node
		if rest == "" {
			v, i = f.blockList(lines, i+1)
		} else {
			v, i = f.value(lines, i, k+1)
		}
		if v == nil {
			return nil
		}
		content = append(content, key, v)
	}
	root.Content = content
	return root
}

// fastDoc holds the nodes of a document being decoded by fastParse, in
// slabs sized for the most it can have.
type fastDoc struct {
	nodes []yaml.Node
	kids  []*yaml.Node
}

func (f *fastDoc) node(kind yaml.Kind, style yaml.Style, tag, value string, line, col int) *yaml.Node {
	if len(f.nodes) == cap(f.nodes) {
		f.nodes = make([]yaml.Node, 0, 16) // the nodes made so far stay where they are
	}
	f.nodes = append(f.nodes, yaml.Node{Kind: kind, Style: style, Tag: tag, Value: value, Line: line, Column: col})
	return &f.nodes[len(f.nodes)-1]
}

// list returns the nodes added to f.kids since start, as a slice of their
// own, or nil if there are none (as yaml leaves an empty list).
func (f *fastDoc) list(start int) []*yaml.Node {
	if len(f.kids) == start {
		return nil
	}
	return f.kids[start:len(f.kids):len(f.kids)]
}

// value decodes the value after the colon at byte k of lines[i], and
// returns it with the index of the next line to read.
func (f *fastDoc) value(lines []string, i, k int) (*yaml.Node, int) {
	line := lines[i]
	off := k
	for off < len(line) && line[off] == ' ' {
		off++
	}
	if off == k || off == len(line) {
		return nil, 0
	}
	col := column(line, off)
	switch line[off] {
	case '[':
		seq := f.node(yaml.SequenceNode, yaml.FlowStyle, "!!seq", "", i+1, col)
		start := len(f.kids)
		p := off + 1
		for p < len(line) && line[p] == ' ' {
			p++
		}
		if p < len(line) && line[p] == ']' {
			if p+1 != len(line) {
				return nil, 0
			}
			return seq, i + 1
		}
		for {
			n, end := f.scalar(line, p, i+1, true)
			if n == nil {
				return nil, 0
			}
			f.kids = append(f.kids, n)
			for end < len(line) && line[end] == ' ' {
				end++
			}
			if end >= len(line) {
				return nil, 0
			}
			if line[end] == ']' {
				if end+1 != len(line) {
					return nil, 0
				}
				seq.Content = f.list(start)
				return seq, i + 1
			}
			if line[end] != ',' {
				return nil, 0
			}
			p = end + 1
			for p < len(line) && line[p] == ' ' {
				p++
			}
		}
	case '>', '|':
		return f.blockScalar(lines, i, off, col)
	}
	n, end := f.scalar(line, off, i+1, false)
	if n == nil || end != len(line) {
		return nil, 0
	}
	return n, i + 1
}

// scalar decodes the scalar that begins at byte off of line, in a flow
// list or not, and returns it with the offset just after it.
func (f *fastDoc) scalar(line string, off, lineNo int, flow bool) (*yaml.Node, int) {
	if off >= len(line) {
		return nil, 0
	}
	col := column(line, off)
	switch q := line[off]; q {
	case '"', '\'':
		end := strings.IndexByte(line[off+1:], q)
		if end < 0 {
			return nil, 0
		}
		end += off + 1
		text := line[off+1 : end]
		if q == '"' && strings.IndexByte(text, '\\') >= 0 || q == '\'' && end+1 < len(line) && line[end+1] == '\'' {
			return nil, 0
		}
		style := yaml.DoubleQuotedStyle
		if q == '\'' {
			style = yaml.SingleQuotedStyle
		}
		return f.node(yaml.ScalarNode, style, "!!str", text, lineNo, col), end + 1
	}
	if !isPlainStart(line[off]) {
		return nil, 0
	}
	end := len(line)
	if flow {
		end = off + strings.IndexAny(line[off:], ",]")
		if end < off {
			return nil, 0
		}
	}
	text := strings.TrimRight(line[off:end], " ")
	if special(text) || strings.IndexByte(text, '#') >= 0 {
		return nil, 0
	}
	if flow && strings.ContainsAny(text, ":?[]{}\"'") || !flow && (strings.Contains(text, ": ") || strings.HasSuffix(text, ":")) {
		return nil, 0
	}
	return f.node(yaml.ScalarNode, 0, "!!str", text, lineNo, col), end
}

// blockList decodes the “- item” lines from lines[i], a key's value.
func (f *fastDoc) blockList(lines []string, i int) (*yaml.Node, int) {
	if i >= len(lines) {
		return nil, 0
	}
	indent := leadingSpaces(lines[i])
	seq := f.node(yaml.SequenceNode, 0, "!!seq", "", i+1, indent+1)
	start := len(f.kids)
	for ; i < len(lines); i++ {
		line := lines[i]
		if sp := leadingSpaces(line); sp != indent || !strings.HasPrefix(line[sp:], "- ") {
			if sp != 0 {
				return nil, 0 // an item indented otherwise, or more than a key
			}
			break // the next key
		}
		off := indent + 2
		for off < len(line) && line[off] == ' ' {
			off++
		}
		if off == len(line) {
			return nil, 0
		}
		n, end := f.scalar(line, off, i+1, false)
		if n == nil || end != len(line) {
			return nil, 0
		}
		f.kids = append(f.kids, n)
	}
	if seq.Content = f.list(start); seq.Content == nil {
		return nil, 0 // a key without a value
	}
	return seq, i
}

// blockScalar decodes a block scalar whose indicator is at byte off of
// lines[i].
func (f *fastDoc) blockScalar(lines []string, i, off, col int) (*yaml.Node, int) {
	header := lines[i][off:]
	if header != ">" && header != ">-" && header != "|" && header != "|-" {
		return nil, 0
	}
	first := i + 1
	if first >= len(lines) {
		return nil, 0
	}
	indent := leadingSpaces(lines[first])
	if indent == 0 {
		return nil, 0
	}
	j := first
	for ; j < len(lines) && leadingSpaces(lines[j]) > 0; j++ {
		if leadingSpaces(lines[j]) != indent {
			return nil, 0
		}
	}
	sep := " "
	style := yaml.FoldedStyle
	if header[0] == '|' {
		sep, style = "\n", yaml.LiteralStyle
	}
	var b strings.Builder
	for k := first; k < j; k++ {
		if k > first {
			b.WriteString(sep)
		}
		b.WriteString(lines[k][indent:])
	}
	if len(header) == 1 {
		b.WriteByte('\n')
	}
	return f.node(yaml.ScalarNode, style, "!!str", b.String(), i+1, col), j
}

// keyEnd returns the offset of the colon after a plain key at the start of
// line, or -1.
func keyEnd(line string) int {
	if line == "" || !isKeyStart(line[0]) {
		return -1
	}
	for k := 1; k < len(line); k++ {
		c := line[k]
		switch {
		case c == ':':
			if k+1 < len(line) && line[k+1] != ' ' || k > 100 || special(line[:k]) {
				return -1
			}
			return k
		case isKeyStart(c) || c >= '0' && c <= '9' || c == '_' || c == '-':
		default:
			return -1
		}
	}
	return -1
}

func isKeyStart(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isPlainStart(c byte) bool { return isKeyStart(c) || c >= 0x80 }

// special reports whether a plain scalar beginning with a letter might be
// read by yaml as other than text.
func special(s string) bool {
	return strings.EqualFold(s, "true") || strings.EqualFold(s, "false") || strings.EqualFold(s, "null")
}

func leadingSpaces(s string) int {
	n := 0
	for n < len(s) && s[n] == ' ' {
		n++
	}
	return n
}

// column is yaml's column of byte off of line: characters from its start,
// plus one.
func column(line string, off int) int {
	return utf8.RuneCountInString(line[:off]) + 1
}

// fastText reports whether s holds only characters that fastParse reads as
// yaml does: printable, no tabs or carriage returns, no line breaks but
// line feeds, no empty line and no line that ends with a space.
func fastText(s string) bool {
	prev := byte('\n')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == '\n' && (prev == '\n' || prev == ' ') || c < ' ' && c != '\n' || c == 0x7f {
				return false
			}
			prev = c
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || r <= 0x9f || r == 0x2028 || r == 0x2029 || r == 0xfeff || r >= 0xfffe && r <= 0xffff {
			return false
		}
		prev = 'x'
		i += n
	}
	return prev != ' ' && prev != '\n' // (the last line is not empty either)
}
