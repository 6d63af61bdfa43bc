package export

import (
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"edition/generator/markup"
	"edition/generator/source"
)

// parsed renders the nodes of a fragment back to HTML, to compare trees.
func parsed(t *testing.T, nodes []*html.Node) string {
	t.Helper()
	var b strings.Builder
	for _, n := range nodes {
		if err := html.Render(&b, n); err != nil {
			t.Fatal(err)
		}
		b.WriteString("|")
	}
	return b.String()
}

func parserTree(t *testing.T, h string) string {
	t.Helper()
	ctx := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(h), ctx)
	if err != nil {
		t.Fatal(err)
	}
	return parsed(t, nodes)
}

// TestParseFragmentIsTheParsers: the tree built from tokens is the HTML
// parser's on what markup writes; what the parser would treat otherwise
// goes to the parser.
func TestParseFragmentIsTheParsers(t *testing.T) {
	var fragments []string
	// Every text of the edition as markup converts it.
	ed, diags := source.Load(os.DirFS("../../content"), "content")
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	md := markup.New()
	for _, ch := range ed.Chapters {
		r := md.Chapter(markup.Doc{File: ch.File, Src: ch.Body, Page: "text/x.html"}, nil, ch.Opening)
		fragments = append(fragments, string(r.Chapter.BodyHTML), string(r.Chapter.TitleHTML))
		for _, n := range r.Chapter.Notes {
			fragments = append(fragments, string(n.HTML))
		}
	}
	fast := 0
	for _, f := range fragments {
		if _, ok := parseWellFormed(f); ok {
			fast++
		}
		if got, want := parsed(t, parseFragment(f)), parserTree(t, f); got != want {
			t.Errorf("a fragment of the edition parses otherwise:\n got %.300q\nwant %.300q", got, want)
		}
	}
	if fast < len(fragments)*9/10 {
		t.Errorf("only %d of %d fragments of the edition are built from tokens", fast, len(fragments))
	}

	tricky := []string{
		"<p>a<p>b", "<a href=x>1<a href=y>2</a></a>", "<b><i>x</b></i>", "<table><tr><td>x</td></tr></table>",
		"<table>x<tbody><tr><td>y</td></tr></tbody></table>", "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n</table>",
		"<pre>\ncode\n</pre>", "<pre><code>\ncode\n</code></pre>", "<ul><li>a<li>b</ul>", "<ul>\n<li>a</li>\n<li>b<ul><li>c</li></ul></li>\n</ul>",
		"<br>", "<br />", "</br>", "<h2>a<h3>b</h3></h2>", "text &amp; more &lt;x&gt; &#8212;", "<p>a\x00b</p>",
		"<img src=a />", "<input type=checkbox checked disabled>", "<!-- raw HTML omitted -->", "<p id=a id=b>x</p>",
		"<foo>x</foo>", "<svg><p>x</p></svg>", "<div><p>a</div>", "<p>a</p>\n<blockquote>\n<p>b</p>\n</blockquote>",
		"<em>a<strong>b</strong></em>", "</p>", "<p>open", "a\r\nb\rc", "<span class=\"x\">a</span><sup><a href=\"#n1\">1</a></sup>",
		"<table><tbody><tr><td>a</td><td><em>b</em></td></tr></tbody></table>", "<p>a <del>b</del> <code>c &lt;d&gt;</code></p>",
	}
	for _, f := range tricky {
		if got, want := parsed(t, parseFragment(f)), parserTree(t, f); got != want {
			t.Errorf("%q:\n got %q\nwant %q", f, got, want)
		}
	}
}
