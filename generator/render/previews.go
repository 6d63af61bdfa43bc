package render

import (
	"bytes"
	"html"
	"slices"
	"strings"
	"unicode"

	"edition/generator/index"
	"edition/generator/internal/jsonstr"
	"edition/generator/internal/words"
)

// PreviewsAsset is the script that holds every preview card's data. It is a
// script, not JSON to fetch, because browsers refuse fetch() from file://.
const PreviewsAsset = "previews.js"

// previewChars bounds the first lines of an annotation shown in a card.
const previewChars = 260

// preview is one card: [name, kind and type, first lines, count, page],
// with the page's path relative to the site's root. An array keeps the
// file small; edition.js reads it by position.
type preview [5]string

// appendCards appends cards as json.Marshal writes the map, without
// reflection: its keys in byte order, each card an array of strings
// (TestCardsAreJSONMarshals).
func appendCards(b []byte, cards map[string]preview) []byte {
	keys := make([]string, 0, len(cards))
	for k := range cards {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	n := 2
	for _, k := range keys {
		n += len(k) + 8
		for _, f := range cards[k] {
			n += len(f) + 3
		}
	}
	b = slices.Grow(b, n)
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = jsonstr.Append(b, k)
		b = append(b, ':', '[')
		for j, f := range cards[k] {
			if j > 0 {
				b = append(b, ',')
			}
			b = jsonstr.Append(b, f)
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

// previews writes assets/previews.js: a card for every entry and source,
// keyed by the data-ref its links carry ("concept:preemption").
func (t *Templates) previews(x *index.Index) (File, error) {
	cards := map[string]preview{}
	for _, e := range x.Entries {
		kind := e.Kind
		if k, ok := x.Edition.Kind(e.Kind); ok {
			kind = k.Name
		}
		if e.Type != "" {
			kind += " · " + e.Type
		}
		if e.Dates != "" {
			kind += " · " + e.Dates
		}
		n := len(x.Occurrences(e.Ref()))
		cards[e.Ref().String()] = preview{e.Name, kind, t.firstLines(string(e.BodyHTML), e.Summary),
			words.Count(n, "mention", "mentions") + " in the text", x.Layout.Ref(e.Ref())}
	}
	for _, s := range x.Sources {
		kind := "Source"
		if s.Type != "" {
			kind += " · " + strings.ReplaceAll(s.Type, "-", " ")
		}
		text := t.firstLines(string(s.AnnoteHTML), "")
		if text == "" {
			text = t.firstLines(string(s.Entry), "")
		}
		count := CitedIn(x.Citations(s.ID))
		if count == "" {
			count = words.Count(len(x.Occurrences(s.Ref())), "mention", "mentions") + " in the text"
		}
		cards[s.Ref().String()] = preview{s.Title(), kind + " · " + s.Label, text, count, x.Layout.Ref(s.Ref())}
	}
	b := []byte("// Preview cards for the links of this edition, written by the generator.\nwindow.editionPreviews=")
	b = append(appendCards(b, cards), ";\n"...)
	return File{Path: "assets/" + PreviewsAsset, Data: b}, nil
}

// plainText strips the tags from HTML that markup wrote and unescapes it:
// block tags separate words, inline tags do not. It does in two passes over
// the bytes what two regular expressions did, one after the other
// (formerPlainText in the tests, which compare the two): block tags
// (blockTag) become a space, then every other tag, from a "<" to the next
// ">", goes.
func plainText(h string) string {
	if strings.IndexByte(h, '<') >= 0 {
		b := make([]byte, 0, len(h))
		for i := 0; ; {
			j := strings.IndexByte(h[i:], '<')
			if j < 0 {
				b = append(b, h[i:]...)
				break
			}
			b = append(b, h[i:i+j]...)
			i += j
			if n := blockTag(h[i:]); n > 0 {
				b = append(b, ' ')
				i += n
			} else {
				b = append(b, '<')
				i++
			}
		}
		// The other tags go in place: out never passes i.
		out := b[:0]
		for i := 0; ; {
			j := bytes.IndexByte(b[i:], '<')
			if j < 0 {
				out = append(out, b[i:]...)
				break
			}
			out = append(out, b[i:i+j]...)
			i += j
			k := bytes.IndexByte(b[i+1:], '>')
			if k < 0 {
				out = append(out, b[i:]...) // no ">" after: no tag begins later either
				break
			}
			i += k + 2
		}
		h = string(out)
	}
	return words.Join(html.UnescapeString(h))
}

// blockTags are the names of the elements whose tags separate words.
var blockTags = [...]string{"p", "div", "li", "ul", "ol", "br", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th"}

// blockTag returns the length of the block tag s starts with, or 0: "<",
// an optional "/", one of blockTags not followed by an ASCII letter, digit
// or "_" (the regular expression's \b), and everything up to the next ">".
func blockTag(s string) int {
	if len(s) < 3 || s[0] != '<' {
		return 0
	}
	i := 1
	if s[i] == '/' {
		i++
	}
	for _, name := range blockTags {
		if !strings.HasPrefix(s[i:], name) {
			continue
		}
		end := i + len(name)
		if end < len(s) && isWordByte(s[end]) {
			return 0 // no other name starts where this one does and goes on
		}
		if j := strings.IndexByte(s[end:], '>'); j >= 0 {
			return end + j + 1
		}
		return 0
	}
	return 0
}

// isWordByte is whether c is an ASCII letter, digit or "_".
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// firstLines is the function firstLines, remembered from one build to
// the next while the templates are the same: annotations seldom change.
func (t *Templates) firstLines(h, summary string) string {
	k := [2]string{h, summary}
	t.linesMu.Lock()
	s, ok := t.lines[k]
	t.linesMu.Unlock()
	if ok {
		return s
	}
	s = firstLines(h, summary)
	t.linesMu.Lock()
	if t.lines == nil || len(t.lines) > 1<<16 {
		t.lines = map[[2]string]string{}
	}
	t.lines[k] = s
	t.linesMu.Unlock()
	return s
}

// firstLines returns the opening of an annotation: whole sentences up to
// about previewChars characters, or the summary when there is no
// annotation.
func firstLines(h, summary string) string {
	s := plainText(h)
	if s == "" {
		return summary
	}
	// The first previewChars+1 runes are all the loop below reads: made
	// into runes, not the whole text.
	end, n := len(s), 0
	for i := range s {
		if n == previewChars+1 {
			end = i
			break
		}
		n++
	}
	if n <= previewChars {
		return s
	}
	r := []rune(s[:end])
	cut := 0
	for i := 40; i < previewChars && i+1 < len(r); i++ {
		// A sentence ends at a stop after a lowercase word ("U.S." does not end one).
		if (r[i] == '.' || r[i] == '?' || r[i] == '!') && r[i+1] == ' ' && (unicode.IsLower(r[i-1]) || unicode.IsDigit(r[i-1]) || r[i-1] == ')' || r[i-1] == '”') {
			cut = i + 1
		}
	}
	if cut > 0 {
		return string(r[:cut])
	}
	t := string(r[:previewChars])
	if i := strings.LastIndexByte(t, ' '); i > 0 {
		t = t[:i]
	}
	return t + words.EllipsisAfter(t)
}
