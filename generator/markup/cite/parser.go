package cite

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Parser parses citations: bracketed, and in the text.
type Parser struct{}

var (
	_ parser.InlineParser = (*Parser)(nil)
	_ parser.CloseBlocker = (*Parser)(nil)
)

// Trigger implements parser.InlineParser: "[" opens a bracketed citation,
// "@" may begin one in the text (see inText).
func (p *Parser) Trigger() []byte { return []byte{'[', '@'} }

// Parse implements parser.InlineParser.
func (p *Parser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	o := optionsFrom(pc)
	if line[0] == '@' {
		return inText(parent, line, seg, block, pc, o)
	}
	end := closing(line)
	var ro *runOn // the citation's lines, when it runs over line breaks
	if end < 0 {
		if !opensCitation(line) {
			return nil
		}
		if ro = readRunOn(block, line, seg); ro == nil {
			if o != nil && o.Report != nil {
				o.Report(seg.Start, &FormError{Text: firstLine(line), Unclosed: true})
				o.openSaid = parent
				o.sayBracket(parent, seg.Start)
				// Its own keys are the citation's, to be fixed with
				// it; those of a bracket in it are a citation of
				// their own, parsed after it.
				o.keysIn(line[1:], false, func(i int, key string, err error) {
					if err != nil {
						o.Report(seg.Start+1+i, err)
					}
				})
			}
			return nil
		}
		line, end = ro.text, ro.end
	}
	// source is the offset in the source of line[i].
	source := func(i int) int {
		if ro != nil {
			return ro.source(i)
		}
		return seg.Start + i
	}
	// [@x](url) and [@x][ref] are links, not citations.
	if end+1 < len(line) && (line[end+1] == '(' || line[end+1] == '[') {
		if line[end+1] == '[' && o != nil && o.Report != nil {
			o.beforeBracket(parent, line, end, source, pc)
		}
		return nil
	}
	// With options, the citation and its items come from their store.
	var st *store
	if o != nil {
		if o.store == nil {
			o.store = stores.Get().(*store)
		}
		st = o.store
	}
	items, ok := parseItems(line[1:end], st)
	if !ok {
		if o != nil && o.Report != nil && startsWithAt(line[1:end]) {
			o.Report(seg.Start, &FormError{Text: string(line[:end+1])})
			o.sayBracket(parent, seg.Start)
		}
		return nil
	}
	var n *Node
	if st != nil {
		n = st.nodes.Next()
	} else {
		n = &Node{}
	}
	n.Items = items
	n.SetPos(seg.Start)
	if o != nil && o.Report != nil {
		for i := range n.Items {
			if it := &n.Items[i]; it.Locator != "" {
				if want, ok := CheckLocator(it.Locator); !ok {
					o.Report(source(1+it.Offset), &LocatorWarning{Locator: it.Locator, Want: want})
				}
			}
		}
	}
	if o != nil && o.Report != nil {
		// A bracket in the citation is part of an item's locator or
		// suffix, text: a key in it is no citation, yet one unknown is
		// a mistake to fix, the bracket's or the key's.
		o.nestedKeys(line[:end+1], source)
	}
	if o != nil && o.Resolver != nil {
		for i := range n.Items {
			it := &n.Items[i]
			href, label, err := o.Resolver.Resolve(it.Key)
			if err != nil {
				if o.Report != nil {
					o.Report(source(1+it.Offset), err) // at the unknown @key
				}
				continue
			}
			it.Href, it.Label = href, label
			o.Linked++
		}
	}
	if ro == nil {
		block.Advance(end + 1)
		return n
	}
	last := len(ro.lines) - 1
	for range last {
		block.AdvanceLine()
	}
	block.Advance(ro.source(end) + 1 - ro.lines[last].segStart)
	return n
}

// nestedKeys reports each "@key" in a bracket inside the citation c, as
// written from its "[" to its "]" (at gives the offset in the source of
// c[i]): a citation holds no other, so the bracket is part of an item's
// locator or suffix, text; an unknown key is an error to fix all the
// same, a known one a *NestedWarning.
func (o *Options) nestedKeys(c []byte, at func(i int) int) {
	o.keysIn(c[1:len(c)-1], true, func(i int, key string, err error) {
		if err != nil {
			o.Report(at(1+i), err)
			return
		}
		written := "@" + key
		if bytes.HasPrefix(c[1+i+1:], []byte("{")) {
			written = "@{" + key + "}"
		}
		o.Report(at(1+i), &NestedWarning{Text: written, Citation: bracketText(c, 1+i+len(written))})
	})
}

// keysIn calls f with each "@key" of b, the inside of a bracket, where it
// is in b, and the Resolver's error for it (nil for a key it knows): the
// keys outside the brackets b holds, or, with nested, those inside them.
// An "@" begins a key as it does in a citation's part: at its start, or
// after a space, a "-", a ";" or a "[". It stops at the end of b's line.
func (o *Options) keysIn(b []byte, nested bool, f func(i int, key string, err error)) {
	if o.Resolver == nil {
		return
	}
	depth := 0
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '[':
			depth++
		case ']':
			depth = max(0, depth-1)
		case '@':
			if nested != (depth > 0) || i > 0 && !strings.ContainsRune(" \t-;[", rune(b[i-1])) {
				continue
			}
			key, _ := parseKey(b[i+1:])
			if key == "" {
				continue
			}
			_, _, err := o.Resolver.Resolve(key)
			f(i, key, err)
		case '\n', '\r':
			return
		}
	}
}

// beforeBracket reports the first known key of line[:end+1], a bracket
// that would be a citation but that a bracket follows, "[@x][ref]", where
// the text defines no such reference: neither a citation nor a link, it
// shows as text (a *BracketWarning). source gives the offset in the
// source of line[i].
func (o *Options) beforeBracket(parent ast.Node, line []byte, end int, source func(int) int, pc parser.Context) {
	c := closing(line[end+1:])
	if c < 0 {
		return
	}
	label := line[end+2 : end+1+c]
	if len(bytes.TrimSpace(label)) == 0 {
		label = line[1:end] // [@x][]: the first bracket names the reference
	}
	if _, ok := pc.Reference(util.ToLinkReference(label)); ok {
		return
	}
	items, ok := parseItems(line[1:end], nil)
	if !ok {
		return
	}
	k, _ := o.Resolver.(Knower)
	for _, it := range items {
		if k != nil && !k.Known(it.Key) || k == nil && o.Resolver == nil {
			continue
		}
		if k == nil {
			if _, _, err := o.Resolver.Resolve(it.Key); err != nil {
				continue
			}
		}
		written := "@" + it.Key
		if bytes.HasPrefix(line[1+it.Offset+1:], []byte("{")) {
			written = "@{" + it.Key + "}"
		}
		o.Report(source(1+it.Offset), &BracketWarning{Text: written, Bracket: bracketText(line[:end+1], 1+it.Offset+len(written)), Why: BracketBeforeBracket})
		o.sayBracket(parent, source(0))
		return
	}
}

// inText parses Pandoc's citation in the text: "@key", where key is a
// work the Resolver knows (see Knower), after a space, the start of a line
// or an opening mark (see opensInText), and not in a link's text nor
// after a "[" that its paragraph leaves open, which may be one; with a
// bracket of locator after it, "@key [p. 33]", on the same line. A "@" of
// any other kind is left as text: an address such as a@b.org, a handle no
// work has. A key near a known one is reported (see Speller), and left as
// text too.
func inText(parent ast.Node, line []byte, seg text.Segment, block text.Reader, pc parser.Context, o *Options) ast.Node {
	if o == nil || o.Resolver == nil {
		return nil
	}
	k, ok := o.Resolver.(Knower)
	if !ok {
		return nil
	}
	if !opensInText(block.PrecendingCharacter()) {
		return nil
	}
	key, rest := parseKey(line[1:])
	if key == "" {
		return nil
	}
	keyEnd := len(line) - len(rest)
	if pc.IsInLinkLabel() {
		// In a link's text, or after a "[" that may be one: text. A
		// known key there is most likely a citation lost to the bracket.
		// Where the bracket is never closed, that is said once for the
		// block, and not where the bracket was said as a citation not
		// closed; where it closes, CloseBlock says it if the bracket
		// made no link.
		if o.Report == nil || !k.Known(key) {
			return nil
		}
		if o.closesLater(parent, line, seg, block) {
			o.bracketed = append(o.bracketed, bracketedKey{at: seg.Start, text: string(line[:keyEnd])})
		} else if o.openSaid != parent {
			o.openSaid = parent
			open := openBracket(parent, block.Source(), seg.Start)
			o.sayBracket(parent, open)
			o.Report(open, &OpenBracketWarning{Text: string(line[:keyEnd])})
		}
		return nil
	}
	if !k.Known(key) {
		if sp, ok := o.Resolver.(Speller); ok && o.Report != nil {
			if near := sp.Near(key); len(near) > 0 {
				o.Report(seg.Start, &NearKeyWarning{Text: string(line[:keyEnd]), Near: near})
			}
		}
		return nil
	}
	href, label, err := o.Resolver.Resolve(key)
	if err != nil {
		return nil // a Knower that knows a key it cannot resolve: text
	}
	if o.store == nil {
		o.store = stores.Get().(*store)
	}
	n, items := o.store.nodes.Next(), o.store.items.Take(1)
	items[0] = Item{Key: key, Href: href, Label: label}
	if a, ok := o.Resolver.(Authorer); ok {
		items[0].Author = a.Author(key)
	}
	advance := keyEnd
	if loc, at, end := locatorAfter(line, keyEnd, pc); end > 0 {
		items[0].Locator = loc
		advance = end
		if o.Report != nil {
			if want, ok := CheckLocator(loc); !ok {
				o.Report(seg.Start+at+1, &LocatorWarning{Locator: loc, Want: want})
			}
		}
	}
	n.Items, n.InText = items, true
	n.SetPos(seg.Start)
	o.Linked++
	block.Advance(advance)
	return n
}

// closesLater reports whether a "]" follows line[0], the "@" at seg, in
// the rest of block, the paragraph parent, that closes a bracket open
// before it: one not taken by a bracket opened after the "@" ("[a @key
// [b]" leaves the first open). What it found is kept, so that the "@"s of
// a paragraph cost one look to its end.
func (o *Options) closesLater(parent ast.Node, line []byte, seg text.Segment, block text.Reader) bool {
	if sc := o.scan; sc.in == parent && seg.Start >= sc.from && (sc.close < 0 || seg.Start < sc.close) {
		return sc.close >= 0
	}
	o.scan = bracketScan{in: parent, from: seg.Start, close: -1}
	l, pos := block.Position()
	defer block.SetPosition(l, pos)
	depth := 0 // of the brackets opened after the "@"
	for first := true; ; first = false {
		if !first {
			block.AdvanceLine()
			line, seg = block.PeekLine()
			if line == nil {
				return false
			}
		}
		var i int
		if i, depth = closeFrom(line, depth); i >= 0 {
			o.scan.close = seg.Start + i
			return true
		}
	}
}

// CloseBlock implements parser.CloseBlocker: it reports each known "@key"
// of the block that is in a bracket the block closes, where the bracket
// made no link (a *BracketWarning): it is neither citation nor link, and
// the key shows as text with it. A key in a link's text, "[the report
// @key](url)", is the link's text and no citation (a link holds no other
// link), and is not reported; nor is a key in a bracket that a "(" follows,
// meant as a link, nor in one already reported.
func (p *Parser) CloseBlock(parent ast.Node, block text.Reader, pc parser.Context) {
	o := optionsFrom(pc)
	if o == nil || len(o.bracketed) == 0 {
		return
	}
	keys := o.bracketed
	o.bracketed = o.bracketed[:0]
	if o.Report == nil {
		return
	}
	src := block.Source()
	asText := keysAsText(parent, keys)
	for i, k := range keys {
		if !asText[i] {
			continue
		}
		open := openBracket(parent, src, k.at)
		if open == k.at || o.bracketSaid(parent, open) {
			continue
		}
		close := closeBracket(parent, src, k.at)
		if close < 0 || close+1 < len(src) && src[close+1] == '(' {
			continue
		}
		w := &BracketWarning{Text: k.text, Bracket: bracketText(src[open:close+1], k.at-open+len(k.text))}
		switch {
		case close+1 < len(src) && src[close+1] == '[':
			w.Why = BracketBeforeBracket
		case itemCount(src[open+1:close]) > 1 && !partsHaveKeys(src[open+1:close]):
			w.Why = BracketPartWithoutKey
		}
		o.Report(k.at, w)
	}
}

// keysAsText reports, for each of keys, whether its "@" is in a text of
// block n that no link or image holds.
func keysAsText(n ast.Node, keys []bracketedKey) []bool {
	asText := make([]bool, len(keys))
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		t, ok := c.(*ast.Text)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		for i, k := range keys {
			if k.at >= t.Segment.Start && k.at < t.Segment.Stop {
				asText[i] = !inLinkBelow(t, n)
			}
		}
		return ast.WalkContinue, nil
	})
	return asText
}

// inLinkBelow reports whether a link or an image holds c, below block n.
func inLinkBelow(c, n ast.Node) bool {
	for p := c.Parent(); p != nil && p != n; p = p.Parent() {
		switch p.(type) {
		case *ast.Link, *ast.Image:
			return true
		}
	}
	return false
}

// closeBracket returns the offset of the "]" of block n, after offset
// from in src, that closes a bracket open before from (see closesLater),
// or -1.
func closeBracket(n ast.Node, src []byte, from int) int {
	depth := 0
	lines := n.Lines()
	for k := 0; k < lines.Len(); k++ {
		s := lines.At(k)
		for i := max(s.Start, from); i < s.Stop; i++ {
			switch src[i] {
			case '\\':
				i++
			case '[':
				depth++
			case ']':
				if depth == 0 {
					return i
				}
				depth--
			}
		}
	}
	return -1
}

// bracketText is the bracket b as a message shows it: on one line, and
// where it is long, to keyEnd (where the key ends in it) and "…]".
func bracketText(b []byte, keyEnd int) string {
	const long = 60
	s := string(b)
	if utf8.RuneCount(b) > long {
		s = string(b[:keyEnd]) + " …]"
	}
	return strings.Join(strings.Fields(s), " ")
}

// partsHaveKeys reports whether every part of inside, the inside of a
// bracket, between semicolons has an @key, as a citation's do.
func partsHaveKeys(inside []byte) bool {
	for start := 0; ; {
		end := start + itemEnd(inside[start:])
		if it, ok := parseItem(bytes.TrimSpace(inside[start:end])); !ok || it.Key == "" {
			return false
		}
		if end == len(inside) {
			return true
		}
		start = end + 1
	}
}

// openBracket returns the offset of the last "[" of block n, before
// offset upto in src, that no "]" closes before upto; or upto where
// there is none.
func openBracket(n ast.Node, src []byte, upto int) int {
	var open []int
	lines := n.Lines()
	for k := 0; k < lines.Len(); k++ {
		s := lines.At(k)
		for i := s.Start; i < s.Stop && i < upto; i++ {
			switch src[i] {
			case '\\':
				i++
			case '[':
				open = append(open, i)
			case ']':
				if len(open) > 0 {
					open = open[:len(open)-1]
				}
			}
		}
	}
	if len(open) == 0 {
		return upto
	}
	return open[len(open)-1]
}

// opensInText reports whether a citation in the text may follow c: white
// space, the start of a line, or what opens a parenthesis, an emphasis, a
// quotation or an aside ("(", "*", "_", "~", quotation marks, dashes).
// Letters, digits and other punctuation (a@b.org, example.org/@x, =@x)
// do not.
func opensInText(c rune) bool {
	switch c {
	case ' ', '\t', '\n', '\r', 0x00a0, '(', '*', '_', '~', '"', '\'', '“', '‘', '«', '—', '–':
		return true
	}
	return false
}

// locatorAfter reads the bracket of locator of a citation in the text,
// "@key [p. 33]", from line[from:], where the key ends: spaces, then a
// bracket that closes on the line, holds something, and is none of
// these: a citation of its own ("@a [@b]", "[see @b]"), a note's
// reference ("[^1]"), a link ("[p. 33](url)", "[p. 33][ref]", or a
// bracket whose words are a link's reference). It returns the locator,
// where its bracket opens in line, and where it ends, or an end of 0.
func locatorAfter(line []byte, from int, pc parser.Context) (loc string, at, end int) {
	at = from
	for at < len(line) && (line[at] == ' ' || line[at] == '\t') {
		at++
	}
	if at == len(line) || line[at] != '[' {
		return "", 0, 0
	}
	close := closing(line[at:])
	if close < 0 {
		return "", 0, 0
	}
	end = at + close + 1
	// A comma may open the bracket, as after "@key" in one: "[, p. 33]".
	inside := bytes.TrimSpace(bytes.TrimPrefix(bytes.TrimSpace(line[at+1:end-1]), []byte(",")))
	if len(inside) == 0 || inside[0] == '^' || end < len(line) && (line[end] == '(' || line[end] == '[') {
		return "", 0, 0
	}
	if startsWithAt(inside) {
		return "", 0, 0
	}
	if it, ok := parseItem(inside[:itemEnd(inside)]); ok && it.Key != "" {
		return "", 0, 0
	}
	if _, ok := pc.Reference(util.ToLinkReference(inside)); ok {
		return "", 0, 0
	}
	return unescape(inside), at, end
}

// runOnLines is how many lines of its paragraph a citation may run over:
// enough for a long one in a text wrapped by its editor, and few enough
// that a paragraph of unclosed brackets costs little.
const runOnLines = 6

// runOn is a citation that runs over line breaks: its lines joined, each
// break and the spaces around it made one space, as Pandoc reads them.
type runOn struct {
	text  []byte // the lines joined, from the "["
	end   int    // of the closing "]" in text
	lines []runOnLine
}

// runOnLine is where a line of a runOn is, in its text and in the source.
type runOnLine struct {
	at       int // where the line starts in text
	src      int // the source offset of text[at]
	segStart int // the source offset where the reader's line starts
}

// source returns the source offset of text[i].
func (r *runOn) source(i int) int {
	k := len(r.lines) - 1
	for k > 0 && r.lines[k].at > i {
		k--
	}
	return r.lines[k].src + i - r.lines[k].at
}

// readRunOn reads on from line, the rest of the reader's line from an
// opening "[", over the next lines of the paragraph until the bracket
// closes, and returns the lines joined; or nil when it does not close
// within runOnLines lines. The reader is left where it was.
func readRunOn(block text.Reader, line []byte, seg text.Segment) *runOn {
	l, pos := block.Position()
	defer block.SetPosition(l, pos)
	r := &runOn{
		text:  append([]byte(nil), bytes.TrimRight(line, " \t\r\n")...),
		lines: []runOnLine{{at: 0, src: seg.Start, segStart: seg.Start}},
	}
	for range runOnLines - 1 {
		block.AdvanceLine()
		next, s := block.PeekLine()
		if next == nil {
			return nil
		}
		body := bytes.TrimLeft(next, " \t")
		r.text = append(r.text, ' ')
		r.lines = append(r.lines, runOnLine{at: len(r.text), src: s.Start + len(next) - len(body), segStart: s.Start})
		r.text = append(r.text, bytes.TrimRight(body, " \t\r\n")...)
		if end := closing(r.text); end >= 0 {
			r.end = end
			return r
		}
	}
	return nil
}

// startsWithAt reports whether the inside of a bracket begins as a
// citation does, with "@" or "-@": such a bracket is meant as one.
func startsWithAt(inside []byte) bool {
	inside = bytes.TrimLeft(inside, " ")
	inside = bytes.TrimPrefix(inside, []byte("-"))
	return len(inside) > 0 && inside[0] == '@'
}

// opensCitation reports whether line, which starts with a "[" that is not
// closed on it, starts a citation: its first part holds an @key.
func opensCitation(line []byte) bool {
	inside := bytes.TrimRight(line[1:], "\r\n")
	if startsWithAt(inside) {
		return true
	}
	it, ok := parseItem(inside[:itemEnd(inside)])
	return ok && it.Key != ""
}

// firstLine returns line without its line ending.
func firstLine(line []byte) string {
	return string(bytes.TrimRight(line, "\r\n"))
}

// closing returns the index of the bracket that closes line[0] == '[', or
// -1. Nested brackets are allowed; a backslash escapes one.
func closing(line []byte) int {
	if i, _ := closeFrom(line[1:], 0); i >= 0 {
		return 1 + i
	}
	return -1
}

// closeFrom returns the index in line of the "]" that closes a bracket
// opened before line, with depth brackets opened since still open: -1 if
// line does not close it, and the depth at line's end, for the next line.
// A backslash escapes one character.
func closeFrom(line []byte, depth int) (int, int) {
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '[':
			depth++
		case ']':
			if depth == 0 {
				return i, 0
			}
			depth--
		}
	}
	return -1, depth
}

// ParseItems parses the inside of a citation bracket, "see @a, p. 4; @b",
// into items. It reports false when a part has no @key, so that the bracket
// is not a citation.
func ParseItems(inside []byte) ([]Item, bool) { return parseItems(inside, nil) }

// parseItems is ParseItems, with the items from st if it is not nil.
func parseItems(inside []byte, st *store) ([]Item, bool) {
	var items []Item
	if st != nil {
		items = st.items.Take(itemCount(inside))[:0]
	} else {
		items = make([]Item, 0, itemCount(inside))
	}
	for start := 0; ; {
		end := start + itemEnd(inside[start:])
		it, ok := parseItem(inside[start:end])
		if !ok {
			return nil, false
		}
		it.Offset += start
		items = append(items, it)
		if end == len(inside) {
			return items, true
		}
		start = end + 1
	}
}

// itemEnd returns where the first item of b ends: at its first semicolon
// outside brackets, or at its end. A semicolon that ends an item is
// outside brackets, so the next item is read from the same depth.
func itemEnd(b []byte) int {
	depth := 0
	for i, c := range b {
		switch c {
		case '[', '{':
			depth++
		case ']', '}':
			depth--
		case ';':
			if depth == 0 {
				return i
			}
		}
	}
	return len(b)
}

// itemCount returns how many items b holds.
func itemCount(b []byte) int {
	n := 1
	for i := itemEnd(b); i < len(b); i += 1 + itemEnd(b[i+1:]) {
		n++
	}
	return n
}

func parseItem(part []byte) (Item, bool) {
	var it Item
	at := -1
	for i := 0; i < len(part); i++ {
		if part[i] != '@' {
			continue
		}
		// @ starts a key only at the start, after a space, or after "-".
		if i == 0 || part[i-1] == ' ' || part[i-1] == '-' && (i == 1 || part[i-2] == ' ') {
			at = i
			break
		}
	}
	if at < 0 {
		return it, false
	}
	it.Offset = at
	prefix := part[:at]
	if bytes.HasSuffix(prefix, []byte("-")) {
		it.SuppressAuthor = true
		prefix = prefix[:len(prefix)-1]
	}
	it.Prefix = unescape(prefix)
	key, rest := parseKey(part[at+1:])
	if key == "" {
		return it, false
	}
	it.Key = key
	rest = bytes.TrimSpace(rest)
	if r, ok := bytes.CutPrefix(rest, []byte(",")); ok {
		it.Locator = unescape(r)
	} else {
		it.Suffix = unescape(rest)
	}
	return it, true
}

// unescape trims b and removes Markdown's backslash escapes from it, as
// goldmark does for text: the renderer writes these parts as text, so
// "p. 3\]" must become "p. 3]".
func unescape(b []byte) string {
	return string(util.UnescapePunctuations(bytes.TrimSpace(b)))
}

// parseKey reads a citation key as Pandoc does: a letter, digit or "_",
// then letters, digits and internal punctuation (:.#$%&-+?<>~/); or any text
// in braces, @{like this}.
func parseKey(b []byte) (key string, rest []byte) {
	if len(b) > 0 && b[0] == '{' {
		if i := bytes.IndexByte(b, '}'); i > 1 {
			return string(b[1:i]), b[i+1:]
		}
		return "", b
	}
	end := 0
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_':
			i += size
			end = i
		case i > 0 && strings.ContainsRune(":.#$%&-+?<>~/", r):
			i += size // internal punctuation: kept only if a word character follows
		default:
			return string(b[:end]), b[end:]
		}
	}
	return string(b[:end]), b[end:]
}
