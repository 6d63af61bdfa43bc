package site_test

// This file reads the fixture edition the way an editor reads it, without
// the generator: the registry and bibliography with a plain YAML decoder,
// the chapters line by line. From that it states what the built site must
// contain: every mention, note and citation. It handles the Markdown the
// fixture uses (paragraphs, one-level block quotations, fenced code,
// headings, one-paragraph notes with indented continuation lines, *emphasis*,
// `code`, links, [^notes] and [@citations]) and nothing more.

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// spec is what the fixture's sources say the site must hold.
type spec struct {
	Kinds    []specKind
	Entries  []*specEntry // in file order
	Sources  []*specSource
	Chapters []*specChapter
	patterns []specPattern
}

type specKind struct {
	Key  string `yaml:"key"`
	Path string `yaml:"path"`
}

type specEntry struct {
	Kind, Key string
	Name      string      `yaml:"name"`
	Aliases   []specAlias `yaml:"aliases"`
	Related   []string    `yaml:"related"`
	Parent    string      `yaml:"parent"`
}

type specSource struct {
	ID     string `yaml:"id"`
	Custom struct {
		Aliases []specAlias `yaml:"aliases"`
	} `yaml:"custom"`
}

type specAlias struct {
	Text string
	Case string // "", "smart", "exact", "ignore"
}

// UnmarshalYAML reads an alias written as text or as {text, case}.
func (a *specAlias) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		a.Text = n.Value
		return nil
	}
	var m struct {
		Text string `yaml:"text"`
		Case string `yaml:"case"`
	}
	err := n.Decode(&m)
	a.Text, a.Case = m.Text, m.Case
	return err
}

// specPattern is an alias ready for matching: ignoreCase follows the README's
// smart-case rule unless the alias says otherwise.
type specPattern struct {
	text       string
	ignoreCase bool
	target     string // "place:plymouth"
}

type specChapter struct {
	File   string
	Slug   string
	Blocks []*specBlock
	// NoteIDs and Markers map each note label to the id its note must have
	// and the marker it must show.
	NoteIDs, Markers map[string]string
}

// Page is the chapter's site path.
func (c *specChapter) Page() string { return "text/" + c.Slug + ".html" }

// specBlock is a paragraph (of text or quotation) or a note.
type specBlock struct {
	Note     string // the note's label; "" for a paragraph
	Line     int
	Mentions []specMention
	Cites    []specCite
}

type specMention struct {
	Target string // "person:smeaton", "source:smeaton1791"
	Text   string
}

type specCite struct {
	Key, Locator string
}

// Page is the site path of the page of target ("person:smeaton").
func (s *spec) Page(target string) string {
	kind, key, _ := strings.Cut(target, ":")
	if kind == "source" {
		return "sources/" + key + ".html"
	}
	for _, k := range s.Kinds {
		if k.Key == kind {
			return k.Path + "/" + key + ".html"
		}
	}
	return "?" + target
}

func (s *spec) isKind(k string) bool {
	return k == "source" || slices.ContainsFunc(s.Kinds, func(sk specKind) bool { return sk.Key == k })
}

// readSpec reads the fixture content folder at dir.
func readSpec(t *testing.T, dir string) *spec {
	t.Helper()
	s := &spec{}
	var ed struct {
		Kinds []specKind `yaml:"kinds"`
	}
	decodeFile(t, filepath.Join(dir, "edition.yaml"), &ed)
	s.Kinds = ed.Kinds

	for _, k := range s.Kinds {
		files, _ := filepath.Glob(filepath.Join(dir, "registry", k.Key, "*.md"))
		slices.Sort(files)
		for _, f := range files {
			e := &specEntry{Kind: k.Key, Key: strings.TrimSuffix(filepath.Base(f), ".md")}
			fm, _, _ := frontMatter(t, f)
			if err := yaml.Unmarshal([]byte(fm), e); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			s.Entries = append(s.Entries, e)
			for _, a := range e.Aliases {
				s.patterns = append(s.patterns, newPattern(a, k.Key+":"+e.Key))
			}
		}
	}
	var bib struct {
		References []*specSource `yaml:"references"`
	}
	decodeFile(t, filepath.Join(dir, "bibliography.yaml"), &bib)
	s.Sources = bib.References
	for _, src := range s.Sources {
		for _, a := range src.Custom.Aliases {
			s.patterns = append(s.patterns, newPattern(a, "source:"+src.ID))
		}
	}

	chapters, _ := filepath.Glob(filepath.Join(dir, "text", "*.md"))
	slices.Sort(chapters)
	for _, f := range chapters {
		s.Chapters = append(s.Chapters, s.readChapter(t, f))
	}
	return s
}

func newPattern(a specAlias, target string) specPattern {
	ignore := a.Case == "ignore" || (a.Case == "" || a.Case == "smart") && strings.ToLower(a.Text) == a.Text
	return specPattern{text: a.Text, ignoreCase: ignore, target: target}
}

func decodeFile(t *testing.T, file string, v any) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
}

// frontMatter splits a Markdown file: its front matter, its body lines and
// the line number of the first body line.
func frontMatter(t *testing.T, file string) (string, []string, int) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	if lines[0] != "---" {
		return "", lines, 1
	}
	for i := 1; i < len(lines); i++ {
		if lines[i] == "---" {
			return strings.Join(lines[1:i], "\n"), lines[i+1:], i + 2
		}
	}
	t.Fatalf("%s: front matter not closed", file)
	return "", nil, 0
}

var (
	orderPrefix = regexp.MustCompile(`^\d+[-_. ]+`)
	noteDef     = regexp.MustCompile(`^\[\^([^\]]+)\]:\s*`)
	noteRef     = regexp.MustCompile(`\[\^([^\]]+)\]`)
	// inline finds what is not plain running text: a note reference, a
	// link, a citation, a code span, an emphasis marker.
	inline = regexp.MustCompile("\\[\\^[^\\]]+\\]|\\[([^\\]]*)\\]\\(([^)]*)\\)|\\[([^\\]]*@[^\\]]*)\\]|`[^`]*`|\\*")
)

func (s *spec) readChapter(t *testing.T, file string) *specChapter {
	fm, body, first := frontMatter(t, file)
	var meta struct {
		Slug string `yaml:"slug"`
	}
	if err := yaml.Unmarshal([]byte(fm), &meta); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	ch := &specChapter{File: file, Slug: meta.Slug, NoteIDs: map[string]string{}, Markers: map[string]string{}}
	if ch.Slug == "" {
		ch.Slug = orderPrefix.ReplaceAllString(strings.TrimSuffix(filepath.Base(file), ".md"), "")
	}

	// Cut the body into blocks; note the order in which notes are first
	// referenced (the text first, then the notes, as goldmark numbers them).
	var (
		blocks   []*specBlock
		texts    []string
		cur      *specBlock
		curText  []string
		inCode   bool
		refOrder []string
		noteRefs []string
	)
	flush := func() {
		if cur != nil {
			blocks = append(blocks, cur)
			texts = append(texts, strings.Join(curText, " "))
		}
		cur, curText = nil, nil
	}
	for i, line := range body {
		lineNo := first + i
		switch {
		case strings.HasPrefix(line, "```"):
			flush()
			inCode = !inCode
			continue
		case inCode:
			continue
		case strings.TrimSpace(line) == "":
			flush()
			continue
		case strings.HasPrefix(line, "#"):
			flush()
			for _, m := range noteRef.FindAllStringSubmatch(line, -1) {
				refOrder = append(refOrder, m[1])
			}
			continue
		}
		if m := noteDef.FindStringSubmatch(line); m != nil {
			flush()
			cur = &specBlock{Note: m[1], Line: lineNo}
			line = line[len(m[0]):]
		} else if cur == nil {
			cur = &specBlock{Line: lineNo}
		}
		line = strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(line), ">"), " ")
		curText = append(curText, line)
		for _, m := range noteRef.FindAllStringSubmatch(line, -1) {
			if cur.Note == "" {
				refOrder = append(refOrder, m[1])
			} else {
				noteRefs = append(noteRefs, m[1])
			}
		}
	}
	flush()

	author, editor := 0, 0
	for _, label := range append(refOrder, noteRefs...) {
		if _, done := ch.NoteIDs[label]; done {
			continue
		}
		switch {
		case strings.HasPrefix(label, "ed-"):
			ch.NoteIDs[label] = label
			ch.Markers[label] = string(rune('a' + editor))
			editor++
		case strings.HasPrefix(label, "*"):
			ch.NoteIDs[label], ch.Markers[label] = "n-star", "*"
		default:
			author++
			ch.NoteIDs[label] = "n" + strconv.Itoa(author)
			ch.Markers[label] = strconv.Itoa(author)
		}
	}
	for i, b := range blocks {
		s.scanInline(b, texts[i])
	}
	ch.Blocks = blocks
	return ch
}

// scanInline finds the mentions and citations of a block's text.
func (s *spec) scanInline(b *specBlock, line string) {
	at := 0
	for _, m := range inline.FindAllStringSubmatchIndex(line, -1) {
		b.Mentions = append(b.Mentions, s.match(line[at:m[0]])...)
		at = m[1]
		switch {
		case m[4] >= 0: // a link
			linkText, dest := line[m[2]:m[3]], line[m[4]:m[5]]
			kind, key, ok := strings.Cut(dest, ":")
			if ok && kind != "none" && s.isKind(kind) {
				b.Mentions = append(b.Mentions, specMention{Target: kind + ":" + key, Text: linkText})
			}
		case m[6] >= 0: // a citation
			for _, item := range strings.Split(line[m[6]:m[7]], ";") {
				key, locator, _ := strings.Cut(strings.TrimSpace(item), ",")
				b.Cites = append(b.Cites, specCite{Key: strings.TrimPrefix(key, "@"), Locator: strings.TrimSpace(locator)})
			}
		}
	}
	b.Mentions = append(b.Mentions, s.match(line[at:])...)
}

// match finds the aliases in a run of plain text: at each word start, the
// longest alias that ends at a word end and passes its case rule; then on
// after it.
func (s *spec) match(text string) []specMention {
	var out []specMention
	prevWord := false
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWord(r) || prevWord {
			prevWord = isWord(r)
			i += size
			continue
		}
		best := -1
		for pi, p := range s.patterns {
			end := i + len(p.text)
			if end > len(text) || best >= 0 && len(p.text) <= len(s.patterns[best].text) {
				continue
			}
			cand := text[i:end]
			if cand != p.text && !(p.ignoreCase && strings.EqualFold(cand, p.text)) {
				continue
			}
			if next, _ := utf8.DecodeRuneInString(text[end:]); end < len(text) && isWord(next) {
				continue
			}
			best = pi
		}
		if best < 0 {
			prevWord = true
			i += size
			continue
		}
		p := s.patterns[best]
		out = append(out, specMention{Target: p.target, Text: text[i : i+len(p.text)]})
		i += len(p.text)
		prevWord = true
	}
	return out
}

func isWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// count is the number of mentions of target in the text.
func (s *spec) count(target string) int {
	n := 0
	for _, ch := range s.Chapters {
		for _, b := range ch.Blocks {
			for _, m := range b.Mentions {
				if m.Target == target {
					n++
				}
			}
		}
	}
	return n
}

// entry returns the entry with key.
func (s *spec) entry(key string) *specEntry {
	for _, e := range s.Entries {
		if e.Key == key {
			return e
		}
	}
	return nil
}

// Ref is the entry's link target, "person:smeaton".
func (e *specEntry) Ref() string { return e.Kind + ":" + e.Key }
