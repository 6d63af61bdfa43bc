package diag

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Severity says whether a diagnostic stops the build.
type Severity int

const (
	// Error stops the build: nothing is written.
	Error Severity = iota
	// Warning is reported, and the build goes on.
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Pos is a place in a file. Line and Col count from 1; a zero Line means the
// whole file.
type Pos struct {
	File string
	Line int
	Col  int
}

func (p Pos) String() string {
	switch {
	case p.File == "":
		return ""
	case p.Line <= 0:
		return p.File
	case p.Col <= 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Diagnostic is one finding about the input.
type Diagnostic struct {
	Pos
	Severity Severity
	Message  string // what is wrong
	Hint     string // what to do about it; may be empty
}

func (d Diagnostic) String() string {
	var b strings.Builder
	if p := d.Pos.String(); p != "" {
		b.WriteString(p)
		b.WriteString(": ")
	}
	b.WriteString(d.Severity.String())
	b.WriteString(": ")
	b.WriteString(d.Message)
	if d.Hint != "" {
		b.WriteString(" (")
		b.WriteString(d.Hint)
		b.WriteString(")")
	}
	return b.String()
}

// List collects diagnostics. The zero value is ready to use. A List is not
// safe for concurrent use; give each goroutine its own and Append them.
type List []Diagnostic

// Errorf adds an error at pos.
func (l *List) Errorf(pos Pos, hint, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Error, Message: fmt.Sprintf(format, args...), Hint: hint})
}

// Warnf adds a warning at pos.
func (l *List) Warnf(pos Pos, hint, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Warning, Message: fmt.Sprintf(format, args...), Hint: hint})
}

// Append adds all of other.
func (l *List) Append(other List) { *l = append(*l, other...) }

// AddToError adds clause, after a semicolon, to the message of the first
// error of l at file: what a mistake there leaves unchecked. It reports
// whether l has such an error.
func (l List) AddToError(file, clause string) bool {
	for i := range l {
		if d := &l[i]; d.File == file && d.Severity == Error {
			d.Message += "; " + clause
			return true
		}
	}
	return false
}

// Strings is each diagnostic of l as String writes it, in l's order; nil
// for none.
func (l List) Strings() []string {
	var out []string
	for _, d := range l {
		out = append(out, d.String())
	}
	return out
}

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	return slices.ContainsFunc(l, func(d Diagnostic) bool { return d.Severity == Error })
}

// Count returns the number of diagnostics of severity s.
func (l List) Count(s Severity) int {
	n := 0
	for _, d := range l {
		if d.Severity == s {
			n++
		}
	}
	return n
}

// Sort orders the list by file, line, column, then message, so that output
// is deterministic whatever order the pipeline found things in.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// Err returns the errors in the list as one error, or nil when there are
// none. Warnings are not errors.
func (l List) Err() error {
	var errs []error
	for _, d := range l {
		if d.Severity == Error {
			errs = append(errs, errors.New(d.String()))
		}
	}
	return errors.Join(errs...)
}

// Lines maps byte offsets in a file's content to lines and columns. The
// content may be a part of a file that starts at line FirstLine (for a
// Markdown body after its front matter), or a text whose pieces Spans
// place in their file.
type Lines struct {
	File      string
	FirstLine int // line number of src[0]; 1 when src is the whole file
	src       []byte
	starts    []int  // byte offset of each line start
	spans     []Span // when set, they place src instead of starts
}

// Span places a piece of a text that is not a run of its file's lines as
// they are, such as a YAML scalar that folds several lines into one: the
// text's byte From is at Pos, and the bytes after it, up to the next
// span's From, follow it on Pos's line.
type Span struct {
	From int
	Pos
}

// NewSpans indexes src, a text whose pieces spans place, in the order of
// their From, the first at 0.
func NewSpans(src []byte, spans []Span) *Lines {
	ls := &Lines{src: src, spans: spans}
	if len(spans) > 0 {
		ls.File, ls.FirstLine = spans[0].File, spans[0].Line
	}
	return ls
}

// NewLines indexes src, whose first byte is on line firstLine of file.
func NewLines(file string, src []byte, firstLine int) *Lines {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	if firstLine < 1 {
		firstLine = 1
	}
	return &Lines{File: file, FirstLine: firstLine, src: src, starts: starts}
}

// Line returns line n (from 1) of src without its "\n" (a "\r" before
// it stays), or nil when src has fewer lines: the line of an error that a
// parser names by its line alone, to find the column in.
func Line(src []byte, n int) []byte {
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(src, '\n')
		if j < 0 {
			return nil
		}
		src = src[j+1:]
	}
	if j := bytes.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return src
}

// Pos returns the position of byte offset off. Offsets outside src are
// clamped to it.
func (ls *Lines) Pos(off int) Pos {
	off = max(0, min(off, len(ls.src)))
	if len(ls.spans) > 0 {
		i, found := slices.BinarySearchFunc(ls.spans, off, func(s Span, off int) int { return cmp.Compare(s.From, off) })
		if !found {
			i = max(0, i-1)
		}
		s := ls.spans[i]
		p := s.Pos
		if off > s.From {
			p.Col += utf8.RuneCount(ls.src[s.From:off])
		}
		return p
	}
	i, found := slices.BinarySearch(ls.starts, off)
	if !found {
		i--
	}
	col := utf8.RuneCount(ls.src[ls.starts[i]:off]) + 1
	return Pos{File: ls.File, Line: ls.FirstLine + i, Col: col}
}
