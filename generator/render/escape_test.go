package render

import (
	"bytes"
	"html/template"
	"strings"
	"testing"
	"unicode/utf8"
)

// hostile are strings that html/template's escapers change, or nearly do.
var hostile = []string{
	"", "plain", "<script>alert(1)</script>", `"quoted" & 'single'`, "a+b", "nul\x00byte",
	"é ü — “curly” ¶ 12", "invalid \xff\xfe utf-8 \xc3", "\uFDD0 \uFFFE", "&amp; already",
	"javascript:alert(1)", "JavaScript:x", "http://example.org/a b?c=d&e=f#g", "HTTPS://x.y/%41%4", "mailto:a@b",
	"data:text/html,<b>", "../text/ch.html#p12", "text/c h.html#m 3", "/a:b", "a/b:c", "%", "%4", "%zz", "%41",
	"?q=<x>&y=\"z\"", "#frag'ment", "vbscript:msgbox", " javascript:x", "ftp://host/", "a\tb\nc\rd",
	"+%2B+", "[]@!$*,;=~._-", "(paren)`backtick`{brace}|pipe^\\", "\u2028\u2029", strings.Repeat("<&>", 40),
}

// TestMarkupEscapesAsHTMLTemplate: each way markup writes a value gives
// the bytes html/template gives for the value in the same place.
func TestMarkupEscapesAsHTMLTemplate(t *testing.T) {
	for _, s := range hostile {
		checkEscapes(t, s)
	}
}

// FuzzMarkupEscapes compares markup with html/template on any string.
func FuzzMarkupEscapes(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Fuzz(checkEscapes)
}

var escapeCases = template.Must(template.New("").Parse(
	`{{define "text"}}<p>{{.}}</p>{{end}}` +
		`{{define "attr"}}<a class="{{.}}">{{end}}` +
		`{{define "data"}}<a data-ref="{{.}}">{{end}}` +
		`{{define "url"}}<a href="{{.}}">{{end}}` +
		`{{define "frag"}}<a href="#{{.}}">{{end}}`))

func checkEscapes(t *testing.T, s string) {
	exec := func(name string, v any, prefix, suffix string) string {
		var b bytes.Buffer
		if err := escapeCases.ExecuteTemplate(&b, name, v); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if !strings.HasPrefix(out, prefix) || !strings.HasSuffix(out, suffix) {
			t.Fatalf("%s: %q", name, out)
		}
		return out[len(prefix) : len(out)-len(suffix)]
	}
	m := &markup{}
	write := func(f func(string)) string { m.b = m.b[:0]; f(s); return string(m.b) }
	if got, want := write(m.text), exec("text", s, "<p>", "</p>"); got != want {
		t.Errorf("text(%q) = %q, html/template %q", s, got, want)
	}
	want := exec("attr", s, `<a class="`, `">`)
	if got := write(m.attr); got != want {
		t.Errorf("attr(%q) = %q, html/template %q", s, got, want)
	}
	if got := exec("data", s, `<a data-ref="`, `">`); got != want {
		t.Errorf("data-ref is escaped as %q, class as %q", got, want)
	}
	if got, want := write(m.urlAttr), exec("url", s, `<a href="`, `">`); got != want {
		t.Errorf("urlAttr(%q) = %q, html/template %q", s, got, want)
	}
	if got, want := write(m.fragAttr), exec("frag", s, `<a href="#`, `">`); got != want {
		t.Errorf("fragAttr(%q) = %q, html/template %q", s, got, want)
	}
	if got, want := write(m.plainHTML), template.HTMLEscapeString(s); got != want {
		t.Errorf("plainHTML(%q) = %q, HTMLEscapeString %q", s, got, want)
	}
	// A URL made of a prefix escaped beforehand and a fragment is escaped
	// as the whole would be.
	for _, i := range splitPoints(s) {
		a, b := s[:i], s[i:]
		for _, pre := range []string{a, a + "/x", "ch.html", "../text/ch.html", "a:b", "http:", "/"} {
			p := newURLPrefix(pre)
			m.b = m.b[:0]
			m.urlAttrFrag(&p, b)
			if got, want := string(m.b), exec("url", pre+"#"+b, `<a href="`, `">`); got != want {
				t.Fatalf("urlAttrFrag(%q, %q) = %q, html/template %q", pre, b, got, want)
			}
		}
	}
}

// splitPoints are the places checkEscapes cuts s into a prefix and a
// fragment: every place in a short string; in a long one, the places near
// its ends and around the bytes that URL escaping treats apart, a bounded
// number in all. Each cut costs html/template a pass over the whole
// string, so cutting a long string everywhere is quadratic: a fuzzed input
// of 9 KB took 2 s, over 10 s under coverage on CI, and the fuzzing engine
// stops a worker that takes 10 s on one input ("fuzzing process hung").
// The fewer cuts the longer the string, so that no input takes long.
func splitPoints(s string) []int {
	const all = 64
	if len(s) <= all {
		points := make([]int, len(s)+1)
		for i := range points {
			points[i] = i
		}
		return points
	}
	most := min(128, max(8, 1<<21/len(s))) // about 2 MB of html/template per prefix
	var points []int
	for i := range min(17, most/2) {
		points = append(points, i, len(s)-i)
	}
	for i := 1; i < len(s) && len(points) < most; i++ {
		if strings.IndexByte(":/?#%&;=+ \"", s[i-1]) >= 0 || s[i] >= utf8.RuneSelf {
			points = append(points, i)
		}
	}
	return points
}

// TestIndexPair: indexPair finds a+b where strings.Index does.
func TestIndexPair(t *testing.T) {
	texts := []string{"", "a", "abab", "aab", "the cat sat on the mat", "…x…", "ababab"}
	for _, s := range texts {
		for i := range len(s) + 1 {
			for j := i; j <= len(s); j++ {
				for _, split := range []int{0, (j - i) / 2, j - i} {
					a, b := s[i:i+split], s[i+split:j]
					for _, in := range []string{s, s + s, "x" + s} {
						if got, want := indexPair(in, a, b), strings.Index(in, a+b); got != want {
							t.Fatalf("indexPair(%q, %q, %q) = %d, want %d", in, a, b, got, want)
						}
					}
				}
			}
		}
	}
	if indexPair("abc", "c", "d") != -1 || indexPair("abc", "x", "") != -1 {
		t.Fatal("found what is not there")
	}
}

var formerLinkLoops = template.Must(template.New("").Parse(`
{{- define "entry"}}{{range .}}<li><a class="kind-{{.Kind}}" href="{{.Href}}"{{with .Ref}} data-ref="{{.}}"{{end}}>{{.Label}}</a></li>{{end}}{{end}}
{{- define "kind"}}
      {{- range .}}
      <li><a class="kind-{{.Kind}}" href="{{.Href}}"{{with .Ref}} data-ref="{{.}}"{{end}}>{{.Label}}</a>{{with .Note}} <span class="type">{{.}}</span>{{end}} <span class="count">{{.Count}}<span class="vh"> {{if eq .Count 1}}mention{{else}}mentions{{end}}</span></span></li>
      {{- end}}
{{- end}}`))

// TestEntryLinksAreTheTemplates: entryLinks writes what entry.html's and
// kind.html's loops wrote from the same links, hostile ones included.
func TestEntryLinksAreTheTemplates(t *testing.T) {
	var links []Link
	for i, s := range hostile {
		links = append(links, Link{Label: s, Href: hostile[(i+1)%len(hostile)], Kind: hostile[(i+2)%len(hostile)],
			Ref: hostile[(i+3)%len(hostile)], Note: hostile[(i+4)%len(hostile)], Count: i % 3})
	}
	for _, c := range []struct {
		name    string
		counted bool
	}{{"entry", false}, {"kind", true}} {
		var want bytes.Buffer
		if err := formerLinkLoops.ExecuteTemplate(&want, c.name, links); err != nil {
			t.Fatal(err)
		}
		if got := string(entryLinks(links, c.counted)); got != want.String() {
			t.Errorf("%s: entryLinks wrote\n%s\nthe template\n%s", c.name, got, want.String())
		}
	}
	if entryLinks(nil, false) != "" {
		t.Error("no links make some HTML")
	}
}

// formerCiteBlock is _reuse.html's "cite-block" partial, which citeBlocks
// replaced.
var formerCiteBlock = template.Must(template.New("").Parse(`{{range .}}{{template "cite-block" .}}{{end}}
{{- define "cite-block"}}
<figure class="cite-block">
  <figcaption><span class="format">{{.Format}}</span>
    {{- with .Href}} <a class="download" href="{{.}}" download>Download</a>{{end}}
    {{- if .Code}} <button type="button" class="copy" data-copy="{{.ID}}" hidden>Copy</button>{{end}}</figcaption>
  {{- if .Code}}
  <div id="{{.ID}}" class="cite-code">{{.Code}}</div>
  {{- end}}
</figure>
{{- end}}`))

// TestCiteBlocksAreThePartial: citeBlocks writes what the "cite-block"
// partial wrote for each block, with hostile formats, ids and addresses,
// and with and without a link and a citation.
func TestCiteBlocksAreThePartial(t *testing.T) {
	var blocks []CiteBlock
	for i, s := range hostile {
		b := CiteBlock{Format: s, ID: hostile[(i+1)%len(hostile)], Href: hostile[(i+2)%len(hostile)]}
		if i%3 != 0 {
			b.Code = template.HTML(`<span class="k">@book</span>{` + template.HTMLEscapeString(hostile[(i+3)%len(hostile)]) + "}")
		}
		blocks = append(blocks, b)
	}
	var want bytes.Buffer
	if err := formerCiteBlock.Execute(&want, blocks); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(want.String(), "#ZgotmplZ") || !strings.Contains(want.String(), "Download") || !strings.Contains(want.String(), "data-copy") {
		t.Fatal("the blocks do not try every branch of the partial")
	}
	if got := string(citeBlocks(blocks)); got != want.String() {
		t.Errorf("citeBlocks wrote\n%s\nthe partial\n%s", got, want.String())
	}
	if citeBlocks(nil) != "" {
		t.Error("no blocks make some HTML")
	}
}

// TestSectionItemsAreTheLoop: sectionItems writes what chapter.html's
// table of contents wrote from the same links, hostile ones included.
func TestSectionItemsAreTheLoop(t *testing.T) {
	loop := template.Must(template.New("").Parse(`{{range .}}<li><a href="{{.Href}}">{{.Label}}</a></li>{{end}}`))
	var links []Link
	for i, s := range hostile {
		links = append(links, Link{Label: s, Href: hostile[(i+1)%len(hostile)]})
		links = append(links, Link{Label: s, Href: "#" + hostile[(i+2)%len(hostile)]})
	}
	var want bytes.Buffer
	if err := loop.Execute(&want, links); err != nil {
		t.Fatal(err)
	}
	if got := string(sectionItems(links)); got != want.String() {
		t.Errorf("sectionItems wrote\n%s\nthe loop\n%s", got, want.String())
	}
	if sectionItems(nil) != "" {
		t.Error("no links make some HTML")
	}
}

// keep lends a markup's buffer to the HTML it returns, until the release:
// the HTML is the buffer's bytes, written over once released (in the
// tests). A buffer with much more room than it holds, or no holder, is
// copied out as html copies it, and the HTML stays.
func TestKeepLendsTheBuffer(t *testing.T) {
	defer func(r int, p bool) { keepRoom, poisonReleased = r, p }(keepRoom, poisonReleased)
	keepRoom, poisonReleased = 4096, true
	const text = `<li class="text"><a href="x.html#p1">¶ 1</a></li>`
	for _, c := range []struct {
		name       string
		room, fill int // the buffer's room, and how many bytes it holds
		held       bool
		kept       bool
	}{
		{"a new buffer", 4096, len(text), true, true},
		{"a buffer it fills", 64 << 10, 40 << 10, true, true},
		{"a buffer with more room than it holds", 64 << 10, 20 << 10, true, false},
		{"no holder", 4096, len(text), false, false},
	} {
		w := &markup{b: make([]byte, 0, c.room)}
		for len(w.b) < c.fill {
			w.raw(text)
		}
		want := string(w.b)
		var h *held
		if c.held {
			h = new(held)
		}
		got := w.keep(h)
		if string(got) != want {
			t.Fatalf("%s: keep returned other bytes than were written", c.name)
		}
		if h != nil {
			h.release()
		}
		overwritten := strings.Trim(string(got), "?") == ""
		if overwritten != c.kept {
			t.Errorf("%s: the HTML is written over on release: %v, want %v", c.name, overwritten, c.kept)
		}
	}
}
