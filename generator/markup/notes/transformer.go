package notes

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Problem is a mistake in a document's notes, with advice.
type Problem struct {
	Msg, Advice string
}

func (p *Problem) Error() string { return p.Msg }

// Hint is what the editor should do.
func (p *Problem) Hint() string { return p.Advice }

// Checker reports notes that goldmark would otherwise drop or leave as text:
// definitions never referenced, defined twice, and references to no
// definition.
type Checker struct{}

var _ parser.ASTTransformer = (*Checker)(nil)

var undefinedRE = regexp.MustCompile(`\[\^([^\]\s]+)\]`)

// Transform implements parser.ASTTransformer.
func (c *Checker) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	defined := map[string]bool{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *extast.Footnote:
			label := string(n.Ref)
			off := n.Pos() // goldmark sets it to where "[^label]:" starts
			switch {
			case defined[label]:
				report(pc, off, &Problem{fmt.Sprintf("note [^%s] is defined twice", label), "remove or relabel one definition"})
			case n.Index < 0:
				report(pc, off, &Problem{fmt.Sprintf("note [^%s] is defined but never referenced", label),
					fmt.Sprintf("add [^%s] where the note belongs, or delete the definition", label)})
			}
			defined[label] = true
		case *ast.Text:
			// Only the first Text of a run: check the joined run once.
			if _, prev := n.PreviousSibling().(*ast.Text); prev {
				return ast.WalkContinue, nil
			}
			checkRun(pc, src, n)
		}
		return ast.WalkContinue, nil
	})
}

// checkRun looks for "[^label]" left as text in the run of Text nodes that
// starts at first: goldmark leaves a reference to an undefined note as text.
func checkRun(pc parser.Context, src []byte, first *ast.Text) {
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
		report(pc, offsets[m[0]], &Problem{fmt.Sprintf("note reference [^%s] has no definition", label),
			fmt.Sprintf("add a line “[^%s]: …” with the note's text, or remove the reference", label)})
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

// Numberer replaces goldmark's footnote links with Ref nodes, gives each
// note its series, marker and id, and takes the notes out of the document.
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

	var list *extast.FootnoteList
	var links []*extast.FootnoteLink
	var backlinks []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *extast.FootnoteList:
			list = n
		case *extast.FootnoteLink:
			links = append(links, n)
		case *extast.FootnoteBacklink:
			backlinks = append(backlinks, n)
		}
		return ast.WalkContinue, nil
	})
	for _, b := range backlinks {
		b.Parent().RemoveChild(b.Parent(), b)
	}
	if list == nil {
		return
	}
	list.Parent().RemoveChild(list.Parent(), list)

	byIndex := map[int]*Note{}
	var notes []*Note
	counts := map[Series]int{}
	ids := map[string]bool{}
	for c := list.FirstChild(); c != nil; c = c.NextSibling() {
		fn := c.(*extast.Footnote)
		label := string(fn.Ref)
		n := &Note{Label: label, Node: fn, Seq: len(notes)}
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
			n.Marker = strconv.Itoa(n.Number)
			n.ID = "n" + n.Marker
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
		for base, i := n.ID, 2; ids[n.ID]; i++ {
			n.ID = base + "-" + strconv.Itoa(i)
		}
		ids[n.ID] = true
		byIndex[fn.Index] = n
		notes = append(notes, n)
	}
	for _, l := range links {
		n := byIndex[l.Index]
		if n == nil {
			continue
		}
		ref := &Ref{Note: n, ID: "r-" + n.ID}
		if len(n.Refs) > 0 {
			ref.ID += "-" + strconv.Itoa(len(n.Refs)+1)
		}
		ref.SetPos(l.Pos())
		n.Refs = append(n.Refs, ref)
		l.Parent().ReplaceChild(l.Parent(), l, ref)
	}
	pc.Set(listKey, notes)
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
