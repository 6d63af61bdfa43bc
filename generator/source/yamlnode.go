package source

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"edition/generator/diag"

	"go.yaml.in/yaml/v3"
)

// doc is a YAML document being decoded, with what it needs to place
// diagnostics in the file it came from.
type doc struct {
	file  string
	line0 int // file line of the YAML's first line, minus one
	diags *diag.List
	src   []byte // the YAML, once parsed

	// The unknown fields reported that are a near miss of a known one
	// (“nmae”), for missing to fold into them the error that the field
	// they meant is missing.
	nearMisses []nearMiss
}

// nearMiss is an unknown field of a mapping and the known fields nearest
// it, with the index of its error in diags.
type nearMiss struct {
	in   *yaml.Node
	near []string
	at   int
}

// missing reports that field, required, is missing from mapping n, with
// message msg and hint at pos, unless the mistake has already been said:
// front matter that is not a mapping has had its error; a field present
// with a value of the wrong kind has had its; an unknown field that is a
// near miss of it ("nmae" for "name") has had its, which now says that
// the field is missing too, as one mistake. A field present but empty is
// reported at its own place, with choices (such as “one of: a, b”), if
// any, in its hint.
func (d *doc) missing(n *yaml.Node, field string, pos diag.Pos, hint, choices, msg string) {
	if n != nil && n.Kind != yaml.MappingNode {
		return // not fields at all: said by walkFields, and enough
	}
	if n != nil {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k, v := n.Content[i], n.Content[i+1]; k.Value == field {
				if v.Kind == yaml.ScalarNode {
					d.errorf(k, strings.TrimSuffix("give “"+field+":” a value: "+choices, ": "), "%s", msg)
				}
				return
			}
		}
	}
	for _, m := range d.nearMisses {
		if m.in == n && slices.Contains(m.near, field) {
			// The field missing is the likeliest of the near ones.
			(*d.diags)[m.at].Message += ", and " + msg
			(*d.diags)[m.at].Hint = "did you mean “" + field + "”?"
			return
		}
	}
	d.diags.Errorf(pos, hint, "%s", msg)
}

var yamlLineRE = regexp.MustCompile(`^yaml: (?:line (\d+): )?`)

// parse decodes src into a node tree, reporting a syntax error at its line.
func (d *doc) parse(src []byte) (*yaml.Node, bool) {
	d.src = src
	if n := fastParse(src); n != nil {
		return n, true
	}
	var n yaml.Node
	if err := yaml.Unmarshal(src, &n); err != nil {
		msg := err.Error()
		line := 0
		if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = msg[len(m[0]):]
		}
		if l := errorLine(src, msg); l > 0 {
			line = l
		}
		pos := diag.Pos{File: d.file}
		hint := "check the indentation and quote values that contain “: ” or start with a special character"
		if line > 0 {
			pos.Line = d.line0 + line
			pos.Col, msg, hint = yamlErrorPlace(src, line, msg, hint)
		}
		d.diags.Errorf(pos, hint, "malformed YAML: %s", msg)
		return nil, false
	}
	if n.Kind == 0 || len(n.Content) == 0 {
		return &yaml.Node{Kind: yaml.MappingNode}, true
	}
	return n.Content[0], true
}

// lineOf returns line n (from 1) of src, without its line ending.
func lineOf(src []byte, n int) []byte {
	return bytes.TrimSuffix(diag.Line(src, n), []byte("\r"))
}

// yamlErrorPlace finds the column of the YAML error msg on its line, which
// the parser does not say, and says more of what is wrong there where it
// can: a tab that indents the line (YAML indents with spaces only), a value
// in curly quotes (which YAML does not read as quotes), the colon that may
// not start a mapping, the quotation mark or bracket left open, the item
// out of line. It returns 0 for the column where it cannot tell, and the
// message and hint it was given where it has nothing better.
func yamlErrorPlace(src []byte, n int, msg, hint string) (col int, newMsg, newHint string) {
	line := lineOf(src, n)
	col1 := func(i int) int { return utf8.RuneCount(line[:i]) + 1 }
	indent := len(line) - len(bytes.TrimLeft(line, " \t"))
	if i := bytes.IndexByte(line[:indent], '\t'); i >= 0 {
		return col1(i), "a tab indents the line", "YAML indents with spaces only: replace the tab with spaces"
	}
	// Where the value starts: after "key:" or "- ".
	value := indent
	if rest, ok := bytes.CutPrefix(line[indent:], []byte("- ")); ok {
		value = len(line) - len(bytes.TrimLeft(rest, " "))
	}
	if k := keyColon(line[value:]); k >= 0 {
		rest := line[value+k+1:]
		value = len(line) - len(bytes.TrimLeft(rest, " "))
	}
	v := line[value:]
	for _, q := range []string{"“", "”", "‘", "’", "„", "«"} {
		if bytes.HasPrefix(v, []byte(q)) {
			return col1(value), "the value is in curly quotes, which YAML does not read as quotes",
				"write straight quotes, \"…\", around a value that holds “: ” or starts with a special character"
		}
	}
	// A quotation that runs on past its line swallows the lines after it,
	// and the parser stumbles further on, on whatever it then reads.
	if len(v) > 0 && (v[0] == '"' || v[0] == '\'') && !closedQuote(v) {
		return col1(value), "a quotation mark is never closed", "close the quotation with " + string(v[0]) + " on this line"
	}
	switch {
	case msg == "mapping values are not allowed in this context":
		// The first colon of a key is allowed; the next one is not.
		if k := keyColon(line[indent:]); k >= 0 {
			if k2 := keyColon(line[indent+k+1:]); k2 >= 0 {
				return col1(indent + k + 1 + k2), msg, hint
			}
			// A line indented under a field with a value: YAML reads it
			// as more of that value, in which a colon may not be.
			if n > 1 && indent > indentOf(lineOf(src, n-1)) {
				return col1(indent + k), "the line is indented under the field before it, and read as more of its value",
					"indent it as the fields around it are"
			}
		}
	case strings.HasPrefix(msg, "did not find expected ',' or"):
		if i := unclosedBracket(line); i >= 0 {
			return col1(i), msg, "close the list or mapping that opens here"
		}
	case strings.HasPrefix(msg, "did not find expected key"), strings.HasPrefix(msg, "did not find expected '-' indicator"),
		strings.HasPrefix(msg, "block sequence entries are not allowed"):
		// A list item under a field that has its value on its line
		// already: “aliases: [A]” and then “- B”.
		if bytes.HasPrefix(line[indent:], []byte("- ")) && n > 1 {
			prev := lineOf(src, n-1)
			pi := indentOf(prev)
			if k := keyColon(prev[pi:]); k >= 0 && pi <= indent && len(bytes.TrimSpace(prev[pi+k+1:])) > 0 {
				field := string(prev[pi : pi+k])
				return col1(indent), "a list item follows “" + field + ":”, which has a value on its line already",
					"write the list on the line, [a, b], or each item on a line of its own, “- item”, under “" + field + ":” with nothing after the colon"
			}
			if pi > indent && bytes.HasPrefix(prev[pi:], []byte("- ")) {
				return col1(indent), "the list item is indented less than the one before it", "indent it as the items around it are"
			}
		}
		return col1(indent), msg, "indent this line as the fields or items around it are"
	}
	return 0, msg, hint
}

// closedQuote reports whether the quotation that v starts with ends on
// its line: at a quote of the same kind not escaped (a backslash in double
// quotes, the quote doubled in single quotes).
func closedQuote(v []byte) bool {
	q := v[0]
	for i := 1; i < len(v); i++ {
		switch {
		case q == '"' && v[i] == '\\':
			i++
		case v[i] == q && q == '\'' && i+1 < len(v) && v[i+1] == '\'':
			i++
		case v[i] == q:
			return true
		}
	}
	return false
}

// indentOf returns how many spaces begin line.
func indentOf(line []byte) int { return len(line) - len(bytes.TrimLeft(line, " ")) }

// keyColon returns the index in s of the colon that ends a mapping key (one
// followed by a space or the end of the line), or -1.
func keyColon(s []byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == ':' && (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\t') {
			return i
		}
	}
	return -1
}

// unclosedBracket returns the index of the last "[" or "{" of line that is
// not closed on it, or -1.
func unclosedBracket(line []byte) int {
	var open []int
	for i, c := range line {
		switch c {
		case '[', '{':
			open = append(open, i)
		case ']', '}':
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		}
	}
	if len(open) == 0 {
		return -1
	}
	return open[len(open)-1]
}

// unterminated is the error of a quoted string left open.
const unterminated = "found unexpected end of stream"

// errorLine returns the line of src on which the YAML error msg is, or 0.
// The parser's own line numbers cannot be trusted: some errors are
// reported on the line where they were noticed, some a line early, some
// (on the first line) with no line at all. So the first lines of src are
// parsed again, as few as fail the way the whole did (found by bisection:
// once a prefix holds the mistake, longer ones fail on it too); if the
// lines just before are an open quoted string, the mistake is where the
// string opens.
func errorLine(src []byte, msg string) int {
	lines := bytes.SplitAfter(src, []byte("\n"))
	fails := func(k int) string {
		var n yaml.Node
		err := yaml.Unmarshal(bytes.Join(lines[:k], nil), &n)
		if err == nil {
			return ""
		}
		return yamlLineRE.ReplaceAllString(err.Error(), "")
	}
	if fails(len(lines)) != msg {
		return 0
	}
	lo, hi := 1, len(lines) // the answer is in [lo, hi]
	for lo < hi {
		mid := (lo + hi) / 2
		if fails(mid) == msg {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	k := lo
	for k > 1 && fails(k-1) == unterminated {
		k--
	}
	return k
}

// spans places the text of the scalar n in the file, piece by piece, for
// a Markdown field whose diagnostics must name their columns although YAML
// folds its lines (annote: >-) or unquotes it: each character of the text
// that is not a space is found in the YAML after the one before, skipping
// spaces and line breaks, and a span starts wherever the two part. It
// returns nil where the text is not the YAML's characters (an escape in
// quotes, a quote doubled): the field's line must do.
func (d *doc) spans(n *yaml.Node) []diag.Span {
	if n.Kind != yaml.ScalarNode || n.Line < 1 || n.Column < 1 || n.Value == "" {
		return nil
	}
	src := d.src
	// The offset of n's line and column.
	j, line := 0, n.Line
	for l := 1; l < n.Line; l++ {
		k := bytes.IndexByte(src[j:], '\n')
		if k < 0 {
			return nil
		}
		j += k + 1
	}
	lineStart := j
	for c := 1; c < n.Column && j < len(src) && src[j] != '\n'; c++ {
		_, size := utf8.DecodeRune(src[j:])
		j += size
	}
	switch {
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		k := bytes.IndexByte(src[j:], '\n') // the text starts after the “>-” line
		if k < 0 {
			return nil
		}
		j += k // the line break is skipped below, and counted
	case n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0:
		j++
	}
	var spans []diag.Span
	lastI, lastJ := -1, -1
	v := n.Value
	for i := 0; i < len(v); {
		if c := v[i]; c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			i++
			continue
		}
		brk := false
		for ; j < len(src) && (src[j] == ' ' || src[j] == '\t' || src[j] == '\n' || src[j] == '\r'); j++ {
			if src[j] == '\n' {
				line++
				lineStart, brk = j+1, true
			}
		}
		_, size := utf8.DecodeRuneInString(v[i:])
		if j+size > len(src) || string(src[j:j+size]) != v[i:i+size] {
			return nil
		}
		if brk || lastI < 0 || i-lastI != j-lastJ {
			col := utf8.RuneCount(src[lineStart:j]) + 1
			spans = append(spans, diag.Span{From: i, Pos: diag.Pos{File: d.file, Line: d.line0 + line, Col: col}})
			lastI, lastJ = i, j
		}
		i += size
		j += size
	}
	if len(spans) > 0 && spans[0].From > 0 {
		spans[0].Col -= utf8.RuneCountInString(v[:spans[0].From])
		spans[0].From = 0
	}
	return spans
}

// pos is the file position of n.
func (d *doc) pos(n *yaml.Node) diag.Pos {
	return diag.Pos{File: d.file, Line: d.line0 + n.Line, Col: n.Column}
}

func (d *doc) errorf(n *yaml.Node, hint, format string, args ...any) {
	d.diags.Errorf(d.pos(n), hint, format, args...)
}

// fields walks a mapping, calling the handler for each known key and
// reporting unknown ones with the nearest known name.
func (d *doc) fields(n *yaml.Node, what string, handlers map[string]func(v *yaml.Node)) {
	known := func() []string {
		known := make([]string, 0, len(handlers))
		for k := range handlers {
			known = append(known, k)
		}
		slices.Sort(known)
		return known
	}
	d.walkFields(n, what, known, func(k string, v *yaml.Node) bool {
		h, ok := handlers[k]
		if ok {
			h(v)
		}
		return ok
	})
}

// fieldSet is the handlers of the fields of a kind of mapping, made once
// (as package variables) rather than as closures for every mapping read,
// which fields takes; t is what the handlers fill in.
type fieldSet[T any] struct {
	handlers map[string]func(t T, v *yaml.Node)
	known    []string // the handlers' keys, sorted
}

func newFieldSet[T any](handlers map[string]func(t T, v *yaml.Node)) *fieldSet[T] {
	fs := &fieldSet[T]{handlers: handlers}
	for k := range handlers {
		fs.known = append(fs.known, k)
	}
	slices.Sort(fs.known)
	return fs
}

// decodeFields is fields with the handlers of set, called with t.
func decodeFields[T any](d *doc, n *yaml.Node, what string, set *fieldSet[T], t T) {
	d.walkFields(n, what, func() []string { return set.known }, func(k string, v *yaml.Node) bool {
		h, ok := set.handlers[k]
		if ok {
			h(t, v)
		}
		return ok
	})
}

// walkFields walks a mapping, calling handle for each key not seen before
// it, and reporting a key that handle does not know with the nearest of
// known's.
func (d *doc) walkFields(n *yaml.Node, what string, known func() []string, handle func(k string, v *yaml.Node) bool) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "write “field: value” lines", "%s must be a mapping of fields, not %s", what, kindName(n))
		return
	}
	var seen map[string]bool // only for long mappings; short ones look back
	if len(n.Content) > 2*shortMapping {
		seen = make(map[string]bool, len(n.Content)/2)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if seenKey(n.Content[:i], k.Value, seen) {
			d.errorf(k, "remove one of them", "field %q appears twice in %s", k.Value, what)
			continue
		}
		if seen != nil {
			seen[k.Value] = true
		}
		if !handle(k.Value, v) {
			known := known()
			if near := diag.Nearest(k.Value, known, len(known)); len(near) > 0 {
				d.nearMisses = append(d.nearMisses, nearMiss{n, near, len(*d.diags)})
			}
			hint := diag.DidYouMean(k.Value, known, "known fields: "+strings.Join(known, ", "))
			if orderFields[k.Value] && what == chapterWhat {
				hint = "the chapters are in the order of their files' names: begin each name with its number, 01-…, 02-…, and remove “" + k.Value + ":”"
			}
			d.errorf(k, hint, "unknown field %q in %s", k.Value, what)
		}
	}
}

// chapterWhat is what a chapter's front matter is called in diagnostics.
const chapterWhat = "the chapter's front matter"

// orderFields are the fields with which other tools order pages, which a
// chapter does not have: its file's name orders it.
var orderFields = map[string]bool{"order": true, "weight": true, "number": true, "chapter": true, "position": true, "sort": true}

// shortMapping is the number of fields up to which fields finds a repeated
// key by looking back over the keys before it instead of in a map.
const shortMapping = 16

// seenKey reports whether key is among the keys of the mapping content
// before (keys and values in turn), or, when seen is not nil, in seen.
func seenKey(before []*yaml.Node, key string, seen map[string]bool) bool {
	if seen != nil {
		return seen[key]
	}
	for j := 0; j < len(before); j += 2 {
		if before[j].Value == key {
			return true
		}
	}
	return false
}

// str decodes a scalar as text.
func (d *doc) str(n *yaml.Node, field string) string {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, "give a single value", "%s must be text, not %s", field, kindName(n))
		return ""
	}
	if n.Tag == "!!null" {
		return ""
	}
	d.curlyQuoted(n, field)
	return n.Value
}

// curlyQuoted reports a plain value wrapped in curly quotes, “Kofi
// Annan”, as a word processor or a phone types them: YAML does not read
// them as quotes, and the value shows them.
func (d *doc) curlyQuoted(n *yaml.Node, field string) {
	v := n.Value
	if n.Style != 0 || len(v) < 6 || !(strings.HasPrefix(v, "“") || strings.HasPrefix(v, "‘")) ||
		!(strings.HasSuffix(v, "”") || strings.HasSuffix(v, "’") || strings.HasSuffix(v, "\"")) {
		return
	}
	inner := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(v[3:], "”"), "’"), "\"")
	d.diags.Errorf(d.pos(n), fmt.Sprintf("write straight quotes, \"%s\", or none; to keep the curly ones, put straight ones around them: '%s'", inner, v),
		"%s is in curly quotes, which YAML keeps as part of it", field)
}

// foldedItem reports a list item that a line indented under it has run
// on into (“- deterrence” and then “    - deterrent”): YAML reads the
// second item as more of the first's text, “deterrence - deterrent”, which
// no mistake would otherwise reveal. It reports whether it did. Only a
// plain item holding “ - ” is looked at, on its lines. The error names the
// item “the <field> item”, or “the <field>” when item is false.
func (d *doc) foldedItem(n *yaml.Node, field string, item bool) bool {
	if n.Style != 0 || n.Kind != yaml.ScalarNode || !strings.Contains(n.Value, " - ") || n.Line < 1 {
		return false
	}
	first := lineOf(d.src, n.Line)
	if bytes.Contains(first, []byte(n.Value)) {
		return false // all on its line: “ - ” is the item's own
	}
	for l := n.Line + 1; l <= n.Line+strings.Count(n.Value, " "); l++ {
		line := lineOf(d.src, l)
		i := indentOf(line)
		if bytes.HasPrefix(line[i:], []byte("- ")) {
			if item {
				field += " item"
			}
			d.diags.Errorf(diag.Pos{File: d.file, Line: d.line0 + l, Col: i + 1}, "indent it as the items around it are",
				"the %s is indented under the one before it, and read as more of its text: “%s”", field, n.Value)
			return true
		}
	}
	return false
}

// strs decodes a list of scalars; a single scalar is a list of one.
func (d *doc) strs(n *yaml.Node, field string) []string {
	if n.Kind == yaml.ScalarNode {
		if n.Tag == "!!null" || n.Value == "" {
			return nil
		}
		return []string{n.Value}
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "write one value, or a list: [a, b] or one “- item” per line", "%s must be text or a list, not %s", field, kindName(n))
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for _, c := range n.Content {
		var s string
		if c.Kind == yaml.ScalarNode && c.Tag != "!!null" {
			if d.foldedItem(c, field, true) {
				continue
			}
			s = c.Value // what str gives, without making its field name
			if c.Style == 0 && len(s) >= 6 && s[0] == 0xe2 {
				d.curlyQuoted(c, field+" item")
			}
		} else {
			s = d.str(c, field+" item")
		}
		if s != "" {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// keys decodes a list of keys or names of types, as strs does, but reads
// one written without its brackets, “a, b” (which YAML reads as one value,
// and no key has a comma), as the list it was meant to be, after an error
// that says so: not an error at every use of each.
func (d *doc) keys(n *yaml.Node, field string) []string {
	if n.Kind == yaml.ScalarNode && n.Style == 0 && strings.Contains(n.Value, ",") {
		var out []string
		for _, k := range strings.Split(n.Value, ",") {
			if k = strings.TrimSpace(k); k != "" {
				out = append(out, k)
			}
		}
		d.errorf(n, "write the list in brackets: ["+strings.Join(out, ", ")+"]",
			"%s is a list without its brackets, which YAML reads as one value, “%s”", field, n.Value)
		return out
	}
	return d.strs(n, field)
}

// integer decodes a whole number.
func (d *doc) integer(n *yaml.Node, field string) int {
	s := d.str(n, field)
	if s == "" {
		return 0
	}
	i, err := strconv.Atoi(s)
	if err != nil {
		d.errorf(n, "write a whole number such as 2007", "%s must be a whole number, not %q", field, s)
	}
	return i
}

// boolean decodes true or false, unquoted, as YAML and JSON write them;
// anything else is an error that says what to write, with hint, what
// true means for field.
func (d *doc) boolean(n *yaml.Node, field, hint string) bool {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!bool" {
		var b bool
		if err := n.Decode(&b); err == nil {
			return b
		}
	}
	what := kindName(n)
	write := "write “" + field + ": true” " + hint + ", or remove the field"
	if v := strings.ToLower(strings.TrimSpace(n.Value)); n.Kind == yaml.ScalarNode && (v == "true" || v == "false") {
		what = fmt.Sprintf("the text %q", n.Value)
		write = "write " + v + " without quotes"
	}
	d.errorf(n, write, "%s must be true or false, not %s", field, what)
	return false
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("the value %q", n.Value)
	}
	return "empty"
}
