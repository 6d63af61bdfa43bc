package notes

import (
	"bytes"
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"edition/generator/internal/edit"
)

// Problem is a mistake in a document's notes, with advice.
type Problem struct {
	Msg, Advice string
}

func (p *Problem) Error() string { return p.Msg }

// Hint is what the editor should do.
func (p *Problem) Hint() string { return p.Advice }

// TwiceError is a note defined a second time, reported at the second
// definition; First is the offset of the first, for the caller to say
// where it is.
type TwiceError struct {
	Label string
	First int
}

func (e *TwiceError) Error() string { return fmt.Sprintf("note [^%s] is defined twice", e.Label) }

// Hint is what the editor should do.
func (e *TwiceError) Hint() string { return "remove or relabel one definition" }

// UnmatchedError is a reference to no definition where a definition that
// is never referenced is most likely the note it meant (“[^3]” kept, its
// definition relabelled “[^3a]:”): one mistake, said once, at the
// reference.
type UnmatchedError struct {
	Label string // the reference's
	Def   string // the label of the definition never referenced
	DefAt int    // the definition's offset, for the caller to say where it is
	// DefLine is the definition's line, from 1, in the document's source;
	// a caller whose source is part of a file sets the file's.
	DefLine int
}

func (e *UnmatchedError) Error() string {
	return fmt.Sprintf("note reference [^%s] has no definition; the note [^%s] defined at line %d is never referenced", e.Label, e.Def, e.DefLine)
}

// Hint is what the editor should do.
func (e *UnmatchedError) Hint() string {
	return fmt.Sprintf("did you mean it? Write [^%s] here, or relabel its definition “[^%s]:”", e.Def, e.Label)
}

// Checker reports notes that goldmark would otherwise drop or leave as text:
// definitions never referenced, defined twice, and references to no
// definition.
type Checker struct{}

var _ parser.ASTTransformer = (*Checker)(nil)

var (
	undefinedRE = regexp.MustCompile(`\[\^([^\]\s]+)\]`)
	unclosedRE  = regexp.MustCompile(`\[\^([^\]\s\[]+)`) // and then no "]"
)

// Transform implements parser.ASTTransformer. Besides checking, it
// collects for the Numberer the references in the text, in the same walk.
func (c *Checker) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	w := &collector{pc: pc, src: reader.Source(), check: true}
	if st := storeOf(pc); st != nil {
		w.links = st.links[:0]
	}
	// Room for every definition's label.
	if list, _ := pc.Get(defsKey).(*extast.FootnoteList); list != nil {
		w.defined = make(map[string]int, list.ChildCount())
	} else {
		w.defined = map[string]int{}
	}
	w.walk(doc)
	w.settle()
	pc.Set(textLinksKey, w.links)
}

// settle reports what the walk held back: each reference to no
// definition, with the definition never referenced that it most likely
// meant, and each definition never referenced that no reference meant.
func (w *collector) settle() {
	if len(w.orphans) == 0 && len(w.undefined) == 0 && len(w.said) == 0 {
		return
	}
	meant := map[string]int{} // a reference's label: the index of its orphan
	claimed := make([]bool, len(w.orphans))
	// First the unclosed references, whose labels are exact; then those
	// to no definition, the nearest labels first.
	for _, u := range w.unclosed {
		for i, o := range w.orphans {
			if !claimed[i] && o.label == u {
				claimed[i] = true
			}
		}
	}
	var labels []string
	for _, u := range w.undefined {
		if _, ok := meant[u.label]; !ok && !slices.Contains(labels, u.label) {
			labels = append(labels, u.label)
		}
	}
	for _, l := range labels {
		best, bestD := -1, 0
		for i, o := range w.orphans {
			if claimed[i] {
				continue
			}
			if d := labelDistance(l, o.label); d >= 0 && (best < 0 || d < bestD) {
				best, bestD = i, d
			}
		}
		if best < 0 && len(labels) == 1 {
			// One reference to no definition and one definition never
			// referenced: however unlike, the one meant the other.
			for i := range w.orphans {
				if !claimed[i] {
					if best >= 0 {
						best = -1
						break
					}
					best = i
				}
			}
		}
		if best >= 0 {
			claimed[best] = true
			meant[l] = best
		}
	}
	said := w.said
	for _, u := range w.undefined {
		if i, ok := meant[u.label]; ok {
			o := w.orphans[i]
			u.err = &UnmatchedError{Label: u.label, Def: o.label, DefAt: o.off,
				DefLine: bytes.Count(w.src[:o.off], []byte("\n")) + 1}
		}
		said = append(said, u)
	}
	for i, o := range w.orphans {
		if !claimed[i] {
			said = append(said, heldRef{o.label, o.off, &Problem{fmt.Sprintf("note [^%s] is defined but never referenced", o.label),
				fmt.Sprintf("add [^%s] where the note belongs, or delete the definition", o.label)}})
		}
	}
	// In the order of the document, as the walk found them.
	slices.SortStableFunc(said, func(a, b heldRef) int { return cmp.Compare(a.off, b.off) })
	for _, r := range said {
		report(w.pc, r.off, r.err)
	}
}

// labelDistance says how near a reference's label is to a definition's:
// 0 for the same but for case, 1 where one begins the other (“3”,
// “3a”), 2 and more for the edits between them (a typist's edits, as
// the other "did you mean" hints count them), up to a third of the
// longer; -1 for labels further apart.
func labelDistance(a, b string) int {
	a, b = strings.ToLower(a), strings.ToLower(b)
	switch {
	case a == b:
		return 0
	case strings.HasPrefix(a, b) || strings.HasPrefix(b, a):
		return 1
	}
	limit := max(1, max(utf8.RuneCountInString(a), utf8.RuneCountInString(b))/3)
	if d := edit.Distance(a, b); d <= limit {
		return d + 1
	}
	return -1
}

// textLinksKey holds the references in the text, outside the notes, in
// document order, as the Checker found them.
var textLinksKey = parser.NewContextKey()

// collector walks a document before numbering, checking it if check, and
// collects the references outside notes.
type collector struct {
	links   []*extast.FootnoteLink
	pc      parser.Context
	src     []byte
	defined map[string]int // the offset of each label's first definition
	check   bool
	inNote  bool

	// Held back for settle: the references to no definition, the labels
	// of those not closed, and the definitions never referenced.
	undefined []heldRef
	unclosed  []string
	orphans   []orphan
	said      []heldRef // the other problems, to report in order with them
}

// heldRef is a reference to no definition, with its error as it stands
// alone.
type heldRef struct {
	label string
	off   int
	err   error
}

// orphan is a definition never referenced.
type orphan struct {
	label string
	off   int
}

func (w *collector) walk(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.CodeSpan, *ast.RawHTML:
			continue
		case *extast.FootnoteLink:
			if !w.inNote {
				w.links = append(w.links, c)
			}
		case *extast.Footnote:
			if w.check {
				w.checkDefinition(c)
			}
			outer := w.inNote
			w.inNote = true
			w.walk(c)
			w.inNote = outer
			continue
		case *ast.Text:
			// Only the first Text of a run: check the joined run once.
			if _, prev := c.PreviousSibling().(*ast.Text); w.check && !prev {
				w.checkRun(c)
			}
			continue // a Text has no children
		}
		w.walk(c)
	}
}

// noteLinks appends the references in n to links.
func noteLinks(links []*extast.FootnoteLink, n ast.Node) []*extast.FootnoteLink {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if l, ok := c.(*extast.FootnoteLink); ok {
			links = append(links, l)
		}
		links = noteLinks(links, c)
	}
	return links
}

// checkDefinition reports a note defined twice or never referenced.
func (w *collector) checkDefinition(n *extast.Footnote) {
	// The label as a key, without a copy: the source it points into
	// does not change while the document is parsed.
	label := util.BytesToReadOnlyString(n.Ref)
	off := n.Pos() // goldmark sets it to where "[^label]:" starts
	first, twice := w.defined[label]
	switch {
	case twice:
		w.said = append(w.said, heldRef{label, off, &TwiceError{Label: label, First: first}})
	case n.Index < 0:
		w.orphans = append(w.orphans, orphan{label, off})
	case empty(n):
		// A note that shows as its number alone.
		w.said = append(w.said, heldRef{label, off, &Problem{fmt.Sprintf("note [^%s] has no text", label),
			fmt.Sprintf("write the note's text after “[^%s]:”, on its line, or remove the note and its reference", label)}})
	}
	if !twice {
		w.defined[label] = off
	}
}

// empty reports whether a note's definition holds nothing: no block, or
// only paragraphs without text.
func empty(n *extast.Footnote) bool {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if p, ok := c.(*ast.Paragraph); !ok || p.Lines().Len() > 0 {
			return false
		}
	}
	return true
}

// checkRun looks for "[^label]" left as text in the run of Text nodes that
// starts at first: goldmark leaves a reference to an undefined note as text.
func (w *collector) checkRun(first *ast.Text) {
	src := w.src
	// Most runs hold no "[^" at all: look before copying anything.
	found, prev := false, byte(0)
	for n := ast.Node(first); n != nil && !found; n = n.NextSibling() {
		t, ok := n.(*ast.Text)
		if !ok {
			break
		}
		seg := src[t.Segment.Start:t.Segment.Stop]
		found = len(seg) > 0 && prev == '[' && seg[0] == '^' || bytes.Contains(seg, []byte("[^"))
		if len(seg) > 0 {
			prev = seg[len(seg)-1]
		}
	}
	if !found {
		return
	}
	var joined []byte
	var offsets []int // source offset of each joined byte
	for n := ast.Node(first); n != nil; n = n.NextSibling() {
		t, ok := n.(*ast.Text)
		if !ok {
			break
		}
		for i := t.Segment.Start; i < t.Segment.Stop; i++ {
			joined = append(joined, src[i])
			offsets = append(offsets, i)
		}
		if t.SoftLineBreak() || t.HardLineBreak() { // no label runs on
			joined = append(joined, '\n')
			offsets = append(offsets, t.Segment.Stop)
		}
	}
	if !bytes.Contains(joined, []byte("[^")) {
		return
	}
	for _, m := range undefinedRE.FindAllSubmatchIndex(joined, -1) {
		if m[1] < len(joined) && joined[m[1]] == ':' {
			continue
		}
		// \[^1] and [^1\] are escaped brackets: text the editor meant.
		if escaped(joined, m[0]) || escaped(joined, m[1]-1) {
			continue
		}
		label := string(joined[m[2]:m[3]])
		hint := fmt.Sprintf("add a line “[^%s]: …” with the note's text, or remove the reference", label)
		if m[0] == 0 && first.PreviousSibling() == nil && m[1] < len(joined) && joined[m[1]] == ' ' {
			// "[^2] The note's text" is most likely a definition without
			// its colon.
			hint = fmt.Sprintf("to define the note here, write a colon after it: “[^%s]: …”", label)
		}
		w.undefined = append(w.undefined, heldRef{label, offsets[m[0]], &Problem{fmt.Sprintf("note reference [^%s] has no definition", label), hint}})
	}
	// "[^1" without its "]": this says where the reference is, and the
	// note it meant is not reported as never referenced.
	for _, m := range unclosedRE.FindAllSubmatchIndex(joined, -1) {
		if m[1] < len(joined) && joined[m[1]] == ']' || escaped(joined, m[0]) {
			continue
		}
		label := string(joined[m[2]:m[3]])
		w.unclosed = append(w.unclosed, label)
		w.said = append(w.said, heldRef{label, offsets[m[0]], &Problem{fmt.Sprintf("note reference “[^%s” is not closed", label),
			fmt.Sprintf("write [^%s] with its closing bracket", label)}})
	}
}

// escaped reports whether b[i] is escaped by a backslash: an odd number of
// backslashes precede it.
func escaped(b []byte, i int) bool {
	n := 0
	for i > 0 && b[i-1] == '\\' {
		n++
		i--
	}
	return n%2 == 1
}

// Numberer does the work of goldmark's footnote transformer, which is not
// registered, as far as an edition needs it: it drops the notes never
// referenced and orders the others by first reference. Then it replaces
// goldmark's footnote links with Ref nodes, gives each note its series,
// marker and id, and takes the notes out of the document.
type Numberer struct {
	// EditorPrefix marks an editor's note label; default "ed-".
	EditorPrefix string
	// UnnumberedPrefix marks an unnumbered note label; default "*".
	UnnumberedPrefix string
}

var _ parser.ASTTransformer = (*Numberer)(nil)

// Transform implements parser.ASTTransformer.
func (u *Numberer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	edPrefix := cmpOr(u.EditorPrefix, "ed-")
	starPrefix := cmpOr(u.UnnumberedPrefix, "*")

	// The list of definitions goldmark made, wherever it is: a definition
	// in a definition can leave it out of the document.
	list, _ := pc.Get(defsKey).(*extast.FootnoteList)
	if list == nil {
		return
	}
	if p := list.Parent(); p != nil {
		p.RemoveChild(p, list)
	}
	textLinks, checked := pc.Get(textLinksKey).([]*extast.FootnoteLink)
	if !checked {
		w := &collector{}
		w.walk(doc)
		textLinks = w.links
	}
	// goldmark gave each note referenced an Index, from 1, in order of
	// first reference; the others keep -1.
	defs := make([]*extast.Footnote, 0, list.ChildCount())
	last := 0
	for c := list.FirstChild(); c != nil; {
		next := c.NextSibling()
		if fn := c.(*extast.Footnote); fn.Index < 0 {
			list.RemoveChild(list, fn)
		} else {
			defs = append(defs, fn)
			last = max(last, fn.Index)
		}
		c = next
	}
	if len(defs) == 0 {
		return
	}
	slices.SortFunc(defs, func(a, b *extast.Footnote) int { return cmp.Compare(a.Index, b.Index) })

	// The notes and references, from the options' store if there are
	// options to release them.
	st := storeOf(pc)
	if st == nil {
		st = new(store)
	}
	byIndex := slabOf(&st.byIndex, last+1)
	notes := slabOf(&st.list, len(defs))[:0]
	slab := slabOf(&st.notes, len(defs))
	// The labels, as pieces of one string.
	size := 0
	for _, fn := range defs {
		size += len(fn.Ref)
	}
	labels := make([]byte, 0, size)
	for _, fn := range defs {
		labels = append(labels, fn.Ref...)
	}
	allLabels := string(labels)
	var counts [3]int // by series
	// The ids of editor's and unnumbered notes, to keep them apart: an
	// author's note's id, "n" and its number, is unique without them.
	var ids map[string]bool
	for _, fn := range defs {
		label := allLabels[:len(fn.Ref)]
		allLabels = allLabels[len(fn.Ref):]
		n := &slab[len(notes)]
		n.Label, n.Node, n.Seq = label, fn, len(notes)
		switch {
		case strings.HasPrefix(label, edPrefix):
			n.Series = Editor
		case strings.HasPrefix(label, starPrefix):
			n.Series = Unnumbered
		}
		if n.Series != Unnumbered {
			counts[n.Series]++
			n.Number = counts[n.Series]
		}
		switch n.Series {
		case Author:
			n.ID = authorID(n.Number)
			n.Marker = n.ID[1:]
		case Editor:
			n.Marker = letters(n.Number)
			n.ID = "ed-" + idSafe(strings.TrimPrefix(label, edPrefix))
		case Unnumbered:
			n.Marker = "*"
			n.ID = "n-star"
			if rest := idSafe(strings.TrimPrefix(label, starPrefix)); rest != "" {
				n.ID += "-" + rest
			}
		}
		if n.Series != Author {
			if ids == nil {
				ids = make(map[string]bool)
			}
			for base, i := n.ID, 2; ids[n.ID]; i++ {
				n.ID = base + "-" + strconv.Itoa(i)
			}
			ids[n.ID] = true
		}
		byIndex[fn.Index] = n
		notes = append(notes, n)
	}
	// The references in the order of the document as goldmark leaves it:
	// the text's, then each note's, in the notes' order. References in
	// notes dropped are not in the document.
	links := textLinks
	for _, fn := range defs {
		links = noteLinks(links, fn)
	}
	st.links = links // for the next document, once released
	refs := slabOf(&st.refs, len(links))
	// Each note's Refs is a piece of one slice, made to hold them all.
	refCounts := slabOf(&st.refCounts, len(byIndex))
	total := 0
	for _, l := range links {
		if l.Index >= 0 && l.Index < len(byIndex) && byIndex[l.Index] != nil {
			refCounts[l.Index]++
			total++
		}
	}
	refSlab := slabOf(&st.refSlab, total)
	for i, n := range byIndex {
		if n != nil && refCounts[i] > 0 {
			n.Refs, refSlab = refSlab[:0:refCounts[i]], refSlab[refCounts[i]:]
		}
	}
	for k, l := range links {
		if l.Index < 0 || l.Index >= len(byIndex) || byIndex[l.Index] == nil {
			continue
		}
		n := byIndex[l.Index]
		ref := &refs[k]
		ref.Note = n
		if n.Series == Author && len(n.Refs) == 0 {
			ref.ID = authorRefID(n.Number)
		} else {
			ref.ID = "r-" + n.ID
		}
		if len(n.Refs) > 0 {
			ref.ID += "-" + strconv.Itoa(len(n.Refs)+1)
		}
		ref.SetPos(l.Pos())
		n.Refs = append(n.Refs, ref)
		l.Parent().ReplaceChild(l.Parent(), l, ref)
	}
	pc.Set(listKey, notes)
}

// cachedIDs is how many ids of authors' notes, and of their first
// references, are made once: a chapter's notes take them without
// allocating.
const cachedIDs = 1000

// authorIDs holds "n1", "r-n1", "n2", "r-n2"… up to cachedIDs.
var authorIDs = func() []string {
	ids := make([]string, 0, 2*cachedIDs)
	for k := 1; k <= cachedIDs; k++ {
		id := "n" + strconv.Itoa(k)
		ids = append(ids, id, "r-"+id)
	}
	return ids
}()

// authorID is the id of author's note number k, "n" and k.
func authorID(k int) string {
	if k < 1 || k > cachedIDs {
		return "n" + strconv.Itoa(k)
	}
	return authorIDs[2*(k-1)]
}

// authorRefID is the id of the first reference to author's note number
// k, "r-" and its id.
func authorRefID(k int) string {
	if k < 1 || k > cachedIDs {
		return "r-" + authorID(k)
	}
	return authorIDs[2*(k-1)+1]
}

// letters numbers in the manner of a, b, … z, aa, ab.
func letters(n int) string {
	s := ""
	for n > 0 {
		n--
		s = string(rune('a'+n%26)) + s
		n /= 26
	}
	return s
}

// idSafe keeps the letters, digits, hyphens and underscores of s, lowercased.
func idSafe(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			b.WriteRune(r)
		} else if b.Len() > 0 {
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
