package source

import (
	"bytes"
	"fmt"
)

// FrontMatter is a file split at its front-matter fences.
type FrontMatter struct {
	YAML     []byte // between the fences; nil when the file has none
	YAMLLine int    // line of YAML's first byte
	Body     []byte // after the closing fence
	BodyLine int    // line of Body's first byte
}

// SplitError is a malformed front matter.
type SplitError struct {
	Line int
	Msg  string
	Hint string
}

func (e *SplitError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// Split separates YAML front matter, fenced by lines of three hyphens, from
// the body that follows. A file that does not begin with a fence has no front
// matter. The closing fence may also be "...", as in YAML documents.
func Split(src []byte) (FrontMatter, error) {
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	first, rest, ok := cutLine(src)
	if !isFence(first, false) {
		if err := misfenced(src); err != nil {
			return FrontMatter{}, err
		}
		return FrontMatter{Body: src, BodyLine: 1}, nil
	}
	if !ok {
		return FrontMatter{}, &SplitError{Line: 1, Msg: "front matter opened on line 1 is never closed",
			Hint: "add a line “---” after the last front-matter field"}
	}
	line := 2
	start := len(src) - len(rest)
	for off := start; ; {
		l, next, more := cutLine(src[off:])
		if isFence(l, true) {
			bodyLine := line + 1
			if !more {
				bodyLine = line // the fence ends the file: the empty body is on its line
			}
			return FrontMatter{
				YAML: src[start:off], YAMLLine: 2,
				Body: src[len(src)-len(next):], BodyLine: bodyLine,
			}, nil
		}
		if !more {
			return FrontMatter{}, &SplitError{Line: 1, Msg: "front matter opened on line 1 is never closed",
				Hint: "add a line “---” after the last front-matter field"}
		}
		off = len(src) - len(next)
		line++
	}
}

// misfenced reports front matter that is meant but not fenced as it must
// be, which would otherwise be read as the text, and its fields missed:
// after blank lines, or fenced with more hyphens than three, or with a dash
// that a word processor made of them.
func misfenced(src []byte) *SplitError {
	line := 1
	for {
		l, rest, ok := cutLine(src)
		t := bytes.TrimRight(l, " \t")
		switch {
		case len(bytes.TrimSpace(l)) == 0 && ok:
			src, line = rest, line+1
			continue
		case isFence(l, false) && line > 1:
			return &SplitError{Line: line, Msg: fmt.Sprintf("the front matter begins on line %d, after blank lines", line),
				Hint: "remove the blank lines before “---”: the front matter begins the file"}
		case len(t) > 3 && len(bytes.Trim(t, "-")) == 0, bytes.Equal(t, []byte("—")), bytes.Equal(t, []byte("–-")), bytes.Equal(t, []byte("-–")):
			return &SplitError{Line: line, Msg: fmt.Sprintf("the front matter's fence is “%s”, not “---”", t),
				Hint: "write three hyphens, “---”, on the line before the first field and on the line after the last"}
		}
		return nil
	}
}

// cutLine returns the first line of b without its line ending, the rest
// after it, and whether a line ending was found.
func cutLine(b []byte) (line, rest []byte, ok bool) {
	i := bytes.IndexByte(b, '\n')
	if i < 0 {
		return b, nil, false
	}
	return bytes.TrimSuffix(b[:i], []byte("\r")), b[i+1:], true
}

func isFence(line []byte, closing bool) bool {
	line = bytes.TrimRight(line, " \t")
	return bytes.Equal(line, []byte("---")) || closing && bytes.Equal(line, []byte("..."))
}
