package source

import (
	"bytes"

	"edition/generator/diag"
)

// deepHeadings reports the lines of body (its first line is line first of
// file) that begin with seven or more "#" and a space: Markdown's headings
// go down to six, and such a line is a paragraph that shows its "#"s.
// Lines in fenced code are passed over.
func deepHeadings(diags *diag.List, file string, body []byte, first int) {
	if !bytes.Contains(body, []byte("#######")) {
		return // the common case, at the cost of one search
	}
	var fence []byte // the open fence, "```" or "~~~"
	for i, line := 0, body; len(line) > 0; i++ {
		next := len(line)
		if j := bytes.IndexByte(line, '\n'); j >= 0 {
			next = j + 1
		}
		l := bytes.TrimRight(line[:next], "\r\n")
		line = line[next:]
		t := bytes.TrimLeft(l, " ")
		if len(l)-len(t) > 3 {
			continue // indented code, or a paragraph's continuation
		}
		if f := fenceOf(t); f != nil {
			switch {
			case fence == nil:
				fence = f
			case bytes.HasPrefix(f, fence) && len(bytes.TrimSpace(t[len(f):])) == 0:
				fence = nil
			}
			continue
		}
		if fence != nil {
			continue
		}
		n := 0
		for n < len(t) && t[n] == '#' {
			n++
		}
		if n >= 7 && (n == len(t) || t[n] == ' ' || t[n] == '\t') {
			diags.Errorf(diag.Pos{File: file, Line: first + i, Col: len(l) - len(t) + 1},
				"write six “#” at most, “###### …”, or a level of heading the text already uses",
				"a heading of %d “#” is not a heading, and shows as text: Markdown's headings have six levels", n)
		}
	}
}

// fenceOf returns the run of "`" or "~" that opens t, when it is a code
// fence (three or more), or nil.
func fenceOf(t []byte) []byte {
	if len(t) < 3 || t[0] != '`' && t[0] != '~' {
		return nil
	}
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	if n < 3 {
		return nil
	}
	return t[:n]
}
