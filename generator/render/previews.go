package render

import (
	"encoding/json"
	"html"
	"regexp"
	"strings"
	"unicode"

	"edition/generator/index"
)

// PreviewsAsset is the script that holds every preview card's data. It is a
// script, not JSON to fetch, because browsers refuse fetch() from file://.
const PreviewsAsset = "previews.js"

// previewChars bounds the first lines of an annotation shown in a card.
const previewChars = 260

// preview is one card: [name, kind and type, first lines, count, page],
// with the page's path relative to the site's root. An array keeps the
// file small; edition.js reads it by position.
type preview [5]any

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
			plural(n, "mention", "mentions") + " in the text", x.Layout.Ref(e.Ref())}
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
		count := "Cited in " + plural(len(x.Citations(s.ID)), "note", "notes")
		if len(x.Citations(s.ID)) == 0 {
			count = plural(len(x.Occurrences(s.Ref())), "mention", "mentions") + " in the text"
		}
		cards[s.Ref().String()] = preview{s.Title(), kind + " · " + s.Label, text, count, x.Layout.Ref(s.Ref())}
	}
	b, err := json.Marshal(cards)
	if err != nil {
		return File{}, err
	}
	var out strings.Builder
	out.WriteString("// Preview cards for the links of this edition, written by the generator.\n")
	out.WriteString("window.editionPreviews=")
	out.Write(b)
	out.WriteString(";\n")
	return File{Path: "assets/" + PreviewsAsset, Data: []byte(out.String())}, nil
}

var (
	blockTagRE = regexp.MustCompile(`</?(?:p|div|li|ul|ol|br|blockquote|h[1-6]|table|tr|td|th)\b[^>]*>`)
	tagRE      = regexp.MustCompile(`<[^>]*>`)
)

// plainText strips the tags from HTML that markup wrote and unescapes it:
// block tags separate words, inline tags do not.
func plainText(h string) string {
	h = tagRE.ReplaceAllString(blockTagRE.ReplaceAllString(h, " "), "")
	return strings.Join(strings.Fields(html.UnescapeString(h)), " ")
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
	r := []rune(s)
	if len(r) <= previewChars {
		return s
	}
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
	return t + "…"
}
