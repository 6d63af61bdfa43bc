package site_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"

	"edition/generator/diag"
	"edition/generator/index"
	"edition/generator/site"
)

// The tests in this file check the edition in content/ itself: that it
// builds cleanly, that its mentions are linked, and that its text is the
// author's, word for word.

const (
	editionContent   = "../../content"
	editionTemplates = "../../templates"
	seedFile         = "../../../shared/seed/beyond-preemption-overview.txt"
)

func buildEdition(t *testing.T) (*site.Result, string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	res, err := site.Build(site.Options{Content: editionContent, Templates: editionTemplates, Output: out})
	if err != nil {
		t.Fatal(err)
	}
	return res, out
}

func TestEditionBuildsWithoutErrorsOrWarnings(t *testing.T) {
	res, _ := buildEdition(t)
	for _, d := range res.Diags {
		t.Errorf("%s", d)
	}
	if res.Diags.Count(diag.Error)+res.Diags.Count(diag.Warning) > 0 {
		t.Fatalf("the edition must build with zero errors and zero warnings")
	}
	if chk := site.Check(site.Options{Content: editionContent, Templates: editionTemplates}); !chk.OK() {
		for _, d := range chk.Diags {
			t.Errorf("check: %s", d)
		}
	}
}

// TestEditionMentionCounts pins the number of linked mentions of entries
// whose every occurrence in content/text was counted by hand.
func TestEditionMentionCounts(t *testing.T) {
	res, _ := buildEdition(t)
	want := map[string]int{
		"actor:nato":                            7,  // 5 in the text, 2 in editor's notes
		"actor:kofi-annan":                      10, // "Kofi Annan" ×5, "Annan" ×2, bare "secretary general" ×3
		"actor:iran":                            7,  // 4 in the text, 3 in editor's notes
		"concept:responsibility-to-protect":     5,  // 4 in the text, 1 in an editor's note
		"concept:containment":                   6,  // "containment" ×5, "contained" ×1
		"concept:deterrence":                    4,  // "deterrence" ×3, "deterrent" ×1
		"source:whitehouse2002nss":              7,  // "National Security Strategy" ×7
		"concept:responsibility-to-prevent":     2,
		"event:operation-desert-fox":            2, // the text and its editor's note
		"concept:sovereignty-as-responsibility": 4,
	}
	for ref, n := range want {
		kind, key, _ := strings.Cut(ref, ":")
		got := len(res.Index.Occurrences(index.Ref{Kind: kind, Key: key}))
		if got != n {
			t.Errorf("%s: %d mentions linked, counted %d by hand", ref, got, n)
		}
	}
	for _, e := range res.Index.Entries {
		if len(res.Index.Occurrences(e.Ref())) == 0 {
			t.Errorf("%s has no mention in the text", e.Ref())
		}
	}
}

// TestEditionMatchesSeed compares the rendered chapter with the text as
// extracted from the printed book: the same words in the same order once
// markup, note markers, citation links and the editor's notes are removed.
func TestEditionMatchesSeed(t *testing.T) {
	seed, err := os.ReadFile(seedFile)
	if os.IsNotExist(err) {
		t.Skipf("the seed text %s is not here (it is outside the repository; CI has it)", seedFile)
	}
	if err != nil {
		t.Fatal(err)
	}
	_, out := buildEdition(t)
	page, err := os.ReadFile(filepath.Join(out, "text", "overview.html"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(strings.NewReader(string(page)))
	if err != nil {
		t.Fatal(err)
	}

	rendered := words(renderedText(doc))
	expected := words(seedText(string(seed)))
	if i, ok := firstDifference(expected, rendered); !ok {
		t.Errorf("the text differs from the seed at word %d:\n seed:     …%s\n rendered: …%s",
			i, strings.Join(window(expected, i), " "), strings.Join(window(rendered, i), " "))
	}
	if len(rendered) < 6500 {
		t.Errorf("only %d words rendered", len(rendered))
	}

	// Paragraphs split at page breaks are joined: every paragraph of the
	// text ends a sentence, unless a block quotation continues it.
	for _, p := range findAll(doc, func(n *html.Node) bool { return n.Data == "p" && hasAncestorClass(n, "body") }) {
		if next := nextElement(p); next != nil && next.Data == "blockquote" {
			continue
		}
		text := strings.TrimSpace(plainOf(p, skipApparatus))
		if text == "" || strings.ContainsRune(".?!:”’)", lastRune(text)) {
			continue
		}
		t.Errorf("paragraph %s ends mid-sentence (a page break not joined?): …%s", attr(p, "id"), tail(text, 60))
	}
}

// seedText is the seed without the byline, the "Notes" heading and the
// note markers.
func seedText(s string) string {
	var keep []string
	for _, line := range strings.Split(s, "\n") {
		switch strings.TrimSpace(line) {
		case "IVO H. DAALDER", "Notes":
			continue
		}
		keep = append(keep, line)
	}
	s = strings.Join(keep, "\n")
	s = regexp.MustCompile(`[¹²³⁴⁵⁶⁷⁸⁹⁰]+`).ReplaceAllString(s, "")
	s = regexp.MustCompile(`(?m)^(\d+)\. `).ReplaceAllString(s, "")
	return s
}

// skipApparatus leaves out what the edition adds to the author's text.
func skipApparatus(n *html.Node) bool {
	return hasClass(n, "pnum") || hasClass(n, "noteref") || hasClass(n, "citation") ||
		hasClass(n, "marker") || hasClass(n, "backlink") || hasClass(n, "ed-mark") ||
		hasClass(n, "vh")
}

// renderedText is the chapter's title, its body, and the author's notes.
func renderedText(doc *html.Node) string {
	var b strings.Builder
	for _, n := range findAll(doc, func(n *html.Node) bool {
		return n.Data == "h1" && attr(n, "id") == "chapter-title" ||
			n.Data == "div" && hasClass(n, "body") ||
			n.Data == "div" && hasClass(n, "note-body") && hasAncestorClass(n, "author-notes")
	}) {
		b.WriteString(plainOf(n, skipApparatus))
		b.WriteString("\n")
	}
	return b.String()
}

// words splits text into comparable words: case, quotation marks and
// punctuation around words do not count (the seed's straight quotes are
// PDF-extraction artifacts; the edition uses typographic ones).
func words(s string) []string {
	s = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`, "—", " — ", "–", "-").Replace(s)
	var out []string
	for _, f := range strings.Fields(s) {
		w := strings.ToLower(strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

func firstDifference(a, b []string) (int, bool) {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i, false
		}
	}
	if len(a) != len(b) {
		return min(len(a), len(b)), false
	}
	return 0, true
}

func window(ws []string, i int) []string {
	return ws[max(0, i-8):min(len(ws), i+8)]
}

func plainOf(n *html.Node, skip func(*html.Node) bool) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			return
		}
		if n.Type == html.ElementNode {
			if skip(n) {
				return
			}
			switch n.Data {
			case "p", "li", "h1", "h2", "h3", "blockquote", "div":
				defer b.WriteString("\n")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func hasAncestorClass(n *html.Node, class string) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if hasClass(p, class) {
			return true
		}
	}
	return false
}

func nextElement(n *html.Node) *html.Node {
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode {
			return s
		}
	}
	return nil
}

func lastRune(s string) rune {
	r := []rune(s)
	return r[len(r)-1]
}

func tail(s string, n int) string {
	r := []rune(s)
	return string(r[max(0, len(r)-n):])
}
