package golden

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark/testutil"
)

// The separators of goldmark's case files.
const (
	partSeparator = "//- - - - - - - - -//"
	caseSeparator = "//= = = = = = = = = = = = = = = = = = = = = = = =//"
)

// update rewrites the expected output of every case with what it got.
var update = flag.Bool("update", false, "rewrite the expected output in golden case files (review the diff before committing)")

// Case is one case of a case file.
type Case struct {
	No          int
	Description string
	Markdown    string
	Expected    string
	Line        int // line of the case's header in its file
}

// ParseFile reads the cases of a case file: a header "N" or "N: what it
// shows", a separator line, the Markdown, a separator line, the expected
// output, and a case separator line. Blank lines between cases are ignored.
func ParseFile(path string) ([]Case, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var cases []Case
	sc := bufio.NewScanner(bytes.NewReader(data))
	line := 0
	next := func() (string, bool) {
		if !sc.Scan() {
			return "", false
		}
		line++
		return sc.Text(), true
	}
	for {
		header, ok := next()
		if !ok {
			break
		}
		if strings.TrimSpace(header) == "" {
			continue
		}
		c := Case{Line: line}
		num, desc, _ := strings.Cut(header, ":")
		c.No, err = strconv.Atoi(strings.TrimSpace(num))
		if err != nil {
			return nil, fmt.Errorf("%s:%d: a case starts with its number, \"12\" or \"12: what it shows\"", path, line)
		}
		c.Description = strings.TrimSpace(desc)
		if s, _ := next(); s != partSeparator {
			return nil, fmt.Errorf("%s:%d: want %q after the case header", path, line, partSeparator)
		}
		var md, want []string
		closed := false
		for s, ok := next(); ok; s, ok = next() {
			if s == partSeparator {
				closed = true
				break
			}
			md = append(md, s)
		}
		if !closed {
			return nil, fmt.Errorf("%s:%d: case %d: the Markdown does not end with %q", path, c.Line, c.No, partSeparator)
		}
		closed = false
		for s, ok := next(); ok; s, ok = next() {
			if s == caseSeparator {
				closed = true
				break
			}
			want = append(want, s)
		}
		if !closed {
			return nil, fmt.Errorf("%s:%d: case %d: the expected output does not end with %q", path, c.Line, c.No, caseSeparator)
		}
		c.Markdown = strings.Join(md, "\n")
		c.Expected = strings.Join(want, "\n")
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	seen := map[int]int{}
	for _, c := range cases {
		if l, dup := seen[c.No]; dup {
			return nil, fmt.Errorf("%s:%d: case %d is numbered like the case at line %d", path, c.Line, c.No, l)
		}
		seen[c.No] = c.Line
	}
	return cases, nil
}

// Run runs every case of the file at path as a subtest named after its
// number and description. convert turns a case's Markdown into the output
// to compare with the expected part; leading and trailing white space is
// ignored, as goldmark's runner does.
func Run(t *testing.T, path string, convert func(t *testing.T, src []byte) string) {
	t.Helper()
	cases, err := ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatalf("%s: no cases", path)
	}
	got := make([]string, len(cases))
	for i, c := range cases {
		name := strconv.Itoa(c.No)
		if c.Description != "" {
			name += " " + c.Description
		}
		t.Run(name, func(t *testing.T) {
			got[i] = strings.TrimSpace(convert(t, []byte(c.Markdown)))
			want := strings.TrimSpace(c.Expected)
			if *update {
				return
			}
			if got := got[i]; got != want {
				t.Errorf("%s:%d: case %d: %s\nMarkdown:\n%s\n\nwant:\n%s\n\ngot:\n%s\n\ndiff (- want, + got):\n%s",
					path, c.Line, c.No, c.Description, c.Markdown, want, got,
					testutil.DiffPretty([]byte(want), []byte(got)))
			}
		})
	}
	if *update {
		if err := write(path, cases, got); err != nil {
			t.Fatal(err)
		}
	}
}

// write rewrites the case file at path with the outputs got.
func write(path string, cases []Case, got []string) error {
	var b strings.Builder
	for i, c := range cases {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(strconv.Itoa(c.No))
		if c.Description != "" {
			b.WriteString(": " + c.Description)
		}
		b.WriteString("\n" + partSeparator + "\n")
		b.WriteString(c.Markdown + "\n")
		b.WriteString(partSeparator + "\n")
		if got[i] != "" {
			b.WriteString(got[i] + "\n")
		}
		b.WriteString(caseSeparator + "\n")
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// Reports collects what an extension reports through its Options.Report,
// and writes it after the HTML of a case.
type Reports struct {
	src   []byte
	lines []string
}

// NewReports returns a collector for problems in src.
func NewReports(src []byte) *Reports { return &Reports{src: src} }

// Add records err at byte offset off of the source. Its signature is that of
// the extensions' Report option.
func (r *Reports) Add(off int, err error) {
	line, col := Position(r.src, off)
	s := fmt.Sprintf("! %d:%d: %s", line, col, err)
	if h, ok := err.(interface{ Hint() string }); ok && h.Hint() != "" {
		s += " (" + h.Hint() + ")"
	}
	r.lines = append(r.lines, s)
}

// String returns the reports, one a line, each starting with "! ".
func (r *Reports) String() string {
	if len(r.lines) == 0 {
		return ""
	}
	return strings.Join(r.lines, "\n") + "\n"
}

// Position returns the line and column (both from 1, the column in runes)
// of byte offset off in src.
func Position(src []byte, off int) (line, col int) {
	off = max(0, min(off, len(src)))
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	return bytes.Count(src[:off], []byte("\n")) + 1, utf8.RuneCount(src[start:off]) + 1
}

// Inputs returns the Markdown of every case in the case files of the
// folders that dirs match (each a filepath.Glob pattern: their testdata/*.txt)
// and every input of their fuzz corpora (testdata/fuzz/*/*), for tests
// that compare two ways of converting the same texts.
func Inputs(t testing.TB, dirs ...string) []string {
	t.Helper()
	var texts []string
	for _, dir := range dirs {
		files, _ := filepath.Glob(filepath.Join(dir, "testdata", "*.txt"))
		for _, f := range files {
			cases, err := ParseFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range cases {
				if c.Markdown != "" {
					c.Markdown += "\n"
				}
				texts = append(texts, c.Markdown)
			}
		}
	}
	for _, dir := range dirs {
		files, _ := filepath.Glob(filepath.Join(dir, "testdata", "fuzz", "*", "*"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(string(b), "\n") {
				if lit, ok := strings.CutPrefix(line, "[]byte("); ok {
					if s, err := strconv.Unquote(strings.TrimSuffix(lit, ")")); err == nil {
						texts = append(texts, s)
					}
				}
			}
		}
	}
	return texts
}

// Render parses and renders a document with an extension's options made
// afresh: it returns the HTML, a function that renders the same parsed
// document again, and the options' Release, which hands the document's
// nodes to the next one.
type Render func(src string) (html string, again func() string, release func())

// CheckRelease checks an extension's reuse of released nodes: each of
// docs, converted after the ones before it were released (released twice,
// which must do no more than once), renders as it does with nodes of its
// own; and a document never released renders as it did. It returns the
// HTML of each document rendered with nodes of its own, for the caller's
// checks that the documents are what it means.
func CheckRelease(t *testing.T, docs []string, render Render) []string {
	t.Helper()
	fresh := make([]string, len(docs))
	for i, src := range docs {
		fresh[i], _, _ = render(src)
	}
	_, kept, _ := render(docs[0])
	for i, src := range docs {
		got, _, release := render(src)
		release()
		release() // a second time does nothing
		if got != fresh[i] {
			t.Errorf("document %d with released nodes:\n%s\nwant\n%s", i, got, fresh[i])
		}
	}
	if got := kept(); got != fresh[0] {
		t.Errorf("a document not released changed:\n%s\nwant\n%s", got, fresh[0])
	}
	return fresh
}
