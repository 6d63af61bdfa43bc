package site_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"edition/generator/diag"
	"edition/generator/site"
)

// writeEdition writes a small edition from a map of file names to contents.
func writeEdition(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, "content", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const minimalEdition = `title: "Hostile <b>edition</b> \"quoted\""
authors: ["A. <script>alert('author')</script> Author"]
kinds:
  - key: concept
    name: Concept
    plural: Concepts
    path: concepts
`

// TestSafeNames gives sources ids that are paths, reserved names, hidden
// names, very long names, Unicode and a NUL byte: each gets its own page, and
// nothing is written outside the output folder.
func TestSafeNames(t *testing.T) {
	ids := []string{"../../escape", "con", "index", ".hidden", `a\b`, "Qián Qíchēn", strings.Repeat("x", 300), "nul\x00byte", "/abs/path"}
	var bib, cites strings.Builder
	bib.WriteString("references:\n")
	for _, id := range ids {
		q := strings.ReplaceAll(strings.ReplaceAll(id, `\`, `\\`), "\x00", `\0`)
		bib.WriteString("  - id: \"" + q + "\"\n    type: book\n    title: Work\n")
		cites.WriteString(" [@{" + id + "}]")
	}
	dir := writeEdition(t, map[string]string{
		"edition.yaml":      minimalEdition,
		"bibliography.yaml": bib.String(),
		"text/01-a.md":      "---\ntitle: A\n---\nText.[^1]\n\n[^1]: Cited:" + cites.String() + "\n",
	})
	out := filepath.Join(dir, "out", "public")
	res, err := site.Build(site.Options{Content: filepath.Join(dir, "content"), Templates: editionTemplates, Output: out})
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK() {
		t.Fatalf("build failed: %v", res.Diags.Err())
	}
	sourcePages := map[string]bool{}
	err = filepath.WalkDir(filepath.Dir(out), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		if p != filepath.Dir(out) && (rel == ".." || strings.HasPrefix(rel, "../")) {
			t.Errorf("written outside the output folder: %s", p)
		}
		if strings.HasPrefix(rel, "sources/") {
			// Beside each page: its record as .bib, .ris, .json. The
			// folder's own page, which leads to the bibliography, is
			// no source's.
			if strings.HasSuffix(rel, ".html") && !leadsOn(t, p) { // beside each page: its record as .bib, .ris, .json
				sourcePages[rel] = true
			}
			if len(filepath.Base(rel)) > 100 {
				t.Errorf("overlong file name %s", rel)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(sourcePages) != len(ids) {
		t.Errorf("%d ids made %d distinct source pages: %v", len(ids), len(sourcePages), sourcePages)
	}
	for p := range sourcePages {
		if strings.ContainsAny(p, "\\\x00 ") || strings.HasPrefix(filepath.Base(p), ".") || filepath.Base(p) == "index.html" {
			t.Errorf("unsafe page name %q", p)
		}
	}
	if chk := site.CheckLinks(res.Files); len(chk) > 0 {
		t.Errorf("broken links: %v", chk.Err())
	}
}

// TestCollidingSlugsAreAnError: two ids that differ only in what a file name
// cannot hold are reported, not silently merged.
func TestCollidingSlugsAreAnError(t *testing.T) {
	dir := writeEdition(t, map[string]string{
		"edition.yaml":      minimalEdition,
		"bibliography.yaml": "references:\n  - {id: \"A B\", type: book, title: One}\n  - {id: a-b, type: book, title: Two}\n",
		"text/01-a.md":      "---\ntitle: A\n---\nText [@{A B}] [@a-b].\n",
	})
	res := site.Generate(site.Options{Content: filepath.Join(dir, "content"), Templates: editionTemplates})
	if res.OK() || !strings.Contains(res.Diags.Err().Error(), "would have the same page") {
		t.Fatalf("want a slug collision error, got %v", res.Diags)
	}
	if !strings.Contains(res.Diags.Err().Error(), "bibliography.yaml:3:") {
		t.Errorf("the error must point at the second record: %v", res.Diags.Err())
	}
}

// TestContentCannotInjectMarkup puts script, event handlers, quotes and
// javascript:/data: URLs in every field that reaches a page, and checks that
// the site carries none of them as markup. The Markdown links and images
// with such URLs are errors, each at its place; without them, the site
// builds and carries nothing of the rest as markup.
func TestContentCannotInjectMarkup(t *testing.T) {
	files := map[string]string{
		"edition.yaml": minimalEdition + `citation: "<script>alert('citation')</script> [x](javascript:alert(1))"
rights: "<img src=x onerror=alert('rights')>"
`,
		"bibliography.yaml": `references:
  - id: evil
    type: webpage
    title: "<img src=x onerror=alert('title')> \"quoted\" 'single'"
    author: [{literal: "<script>alert('author')</script>"}]
    URL: "javascript:alert('url')"
    container-title: "</i><script>alert(1)</script>"
    annote: "[click](javascript:alert('annote')) ![img](data:text/html;base64,PHNjcmlwdD4=) <script>alert('annote')</script>"
    custom:
      aliases: ["<b>Evil</b> Work"]
`,
		"registry/concept/evil.md": `---
name: "<script>alert('name')</script>"
index_name: "\" onmouseover=\"alert('index')"
type: x
summary: "</script><script>alert('summary')</script>"
aliases: ["Evil <i>alias</i>", "O'Brien \"the\" alias"]
dates: "<b onclick=alert(1)>1900</b>"
---
Gloss <script>alert('gloss')</script> <a href="javascript:alert(2)">raw</a>
[link](javascript:alert('md')) [data](data:text/html,<script>alert(3)</script>) <https://example.org/"onmouseover="x>
`,
		"text/01-a.md": `---
title: "<script>alert('chapter')</script>"
authors: ["<svg onload=alert(1)>"]
---
# Title <img src=x onerror=alert('h1')>

<script>alert('block')</script>

Evil <i>alias</i> and O'Brien "the" alias, and <b>Evil</b> Work.[^1] [x](javascript:alert(4)) ![y](data:image/svg+xml,<svg onload=alert(5)>)

<div onclick="alert(6)">raw block</div>

[^1]: [@evil] <iframe src="javascript:alert(7)"></iframe>
`,
	}
	dir := writeEdition(t, files)
	res := site.Generate(site.Options{Content: filepath.Join(dir, "content"), Templates: editionTemplates})
	var errs []string
	for _, d := range res.Diags {
		if d.Severity == diag.Error {
			errs = append(errs, fmt.Sprintf("%s:%d:%d %s", filepath.Base(d.File), d.Line, d.Col, strings.Join(strings.Fields(d.Message)[:2], " ")))
		}
	}
	want := []string{
		`bibliography.yaml:8:14 link "javascript:alert('annote')"`,
		`bibliography.yaml:8:50 image "data:text/html;base64,PHNjcmlwdD4="`,
		`evil.md:10:1 link "javascript:alert('md')"`,
		`evil.md:10:32 link "data:text/html,<script>alert(3)</script>"`,
		`01-a.md:9:70 link "javascript:alert(4)"`,
	}
	if !slices.Equal(errs, want) {
		t.Fatalf("want an error for each dangerous Markdown link:\n got %q\nwant %q", errs, want)
	}
	// Without them, the rest must build and come out harmless.
	dir = writeEdition(t, files)
	for name, link := range map[string]string{"bibliography.yaml": "[click](javascript:alert('annote')) ![img](data:text/html;base64,PHNjcmlwdD4=)",
		"registry/concept/evil.md": "[link](javascript:alert('md')) [data](data:text/html,<script>alert(3)</script>)",
		"text/01-a.md":             "[x](javascript:alert(4))"} {
		edit(t, filepath.Join(dir, "content", filepath.FromSlash(name)), replaceOnce(link, "click"))
	}
	out := filepath.Join(dir, "public")
	res, err := site.Build(site.Options{Content: filepath.Join(dir, "content"), Templates: editionTemplates, Output: out})
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK() {
		t.Fatalf("build failed: %v", res.Diags.Err())
	}
	pages := 0
	for _, f := range res.Files {
		if !strings.HasSuffix(f.Path, ".html") {
			continue
		}
		pages++
		z := html.NewTokenizer(strings.NewReader(string(f.Data)))
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				break
			}
			if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
				continue
			}
			tok := z.Token()
			switch tok.Data {
			case "iframe", "object", "embed":
				t.Errorf("%s: content injected <%s>", f.Path, tok.Data)
			case "svg":
				// The generator draws strips and charts; content cannot.
				if c := tokAttr(tok, "class"); !generatedSVG[c] {
					t.Errorf("%s: content injected <svg class=%q>", f.Path, c)
				}
			case "img":
				// Markdown images are content; a dangerous source is emptied.
				if src := tokAttr(tok, "src"); src != "" {
					t.Errorf("%s: image with source %q from a data: URL", f.Path, src)
				}
			case "script":
				src := tokAttr(tok, "src")
				typ := tokAttr(tok, "type")
				if typ != "application/ld+json" && !strings.Contains(src, "assets/") {
					t.Errorf("%s: a <script> not from the templates: %v", f.Path, tok)
				}
			}
			for _, a := range tok.Attr {
				if strings.HasPrefix(strings.ToLower(a.Key), "on") {
					t.Errorf("%s: event handler attribute %s=%q on <%s>", f.Path, a.Key, a.Val, tok.Data)
				}
				v := strings.ToLower(strings.TrimSpace(a.Val))
				if (a.Key == "href" || a.Key == "src") && (strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "data:")) {
					t.Errorf("%s: dangerous URL %s=%q on <%s>", f.Path, a.Key, a.Val, tok.Data)
				}
			}
		}
	}
	if pages < 5 {
		t.Fatalf("only %d pages checked", pages)
	}
	// The hostile text is still there, as text: escaped, not dropped.
	page, _ := os.ReadFile(filepath.Join(out, "concepts", "evil.html"))
	if !strings.Contains(string(page), "&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;") {
		t.Errorf("the entry's name should be shown escaped")
	}
}

func tokAttr(tok html.Token, key string) string {
	for _, a := range tok.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func tokHasAttr(tok html.Token, key string) bool {
	for _, a := range tok.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// generatedSVG are the classes of the SVG the templates draw.
var generatedSVG = map[string]bool{"strip": true, "rows": true, "pairs": true}

// With base_url set, the 404 page links absolutely: hosts serve it at any
// depth, where relative links would lead nowhere.
func TestNotFoundPageLinksAbsolutelyUnderABaseURL(t *testing.T) {
	dir := writeEdition(t, map[string]string{
		"edition.yaml": minimalEdition + "base_url: https://example.org/edition/\n",
		"text/01-a.md": "---\ntitle: A\n---\nText.\n",
	})
	res := site.Generate(site.Options{Content: filepath.Join(dir, "content"), Templates: editionTemplates})
	if !res.OK() {
		t.Fatal(res.Diags.Err())
	}
	for _, f := range res.Files {
		if f.Path != "404.html" {
			continue
		}
		doc, err := html.Parse(strings.NewReader(string(f.Data)))
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, a := range findAll(doc, func(n *html.Node) bool { return hasAttr(n, "href") || hasAttr(n, "src") }) {
			u := attr(a, "href") + attr(a, "src")
			if strings.HasPrefix(u, "#") {
				continue
			}
			n++
			if !strings.HasPrefix(u, "https://example.org/edition/") {
				t.Errorf("404.html links %q, not under the base URL", u)
			}
		}
		if n < 5 {
			t.Errorf("only %d links checked", n)
		}
		return
	}
	t.Fatal("no 404.html")
}
