package serve

import (
	"strings"
	"testing"
)

func TestSitePath(t *testing.T) {
	for _, c := range []struct {
		in      string
		site    string
		dir, ok bool
	}{
		{"/", "", true, true},
		{"/index.html", "index.html", false, true},
		{"/text/overview.html", "text/overview.html", false, true},
		{"/concepts/", "concepts", true, true},
		{"/concepts", "concepts", false, true},
		{"/text//overview.html", "text/overview.html", false, true},
		{"/./index.html", "index.html", false, true},
		{"/../etc/passwd", "", false, false},
		{"/text/../../x", "", false, false},
		{"/..", "", false, false},
		{`/..\x`, "", false, false},
		{"/a\x00b", "", false, false},
		{"relative", "", false, false},
	} {
		site, dir, ok := sitePath(c.in)
		if site != c.site || dir != c.dir || ok != c.ok {
			t.Errorf("sitePath(%q) = %q, %v, %v; want %q, %v, %v", c.in, site, dir, ok, c.site, c.dir, c.ok)
		}
	}
}

func TestFirstChange(t *testing.T) {
	page := func(body string) []byte {
		return []byte(`<html><head><title>T</title></head><body><nav id="nav">n</nav><main id="main">` + body + `</main></body></html>`)
	}
	old := page(`<p id="p1">One <a id="m1" href="x">x</a>.</p><p id="p2">Two.</p><ol><li id="n1">Note.</li></ol>`)
	for _, c := range []struct {
		next []byte
		want string
	}{
		{page(`<p id="p1">One <a id="m1" href="x">x</a>.</p><p id="p2">Two!</p><ol><li id="n1">Note.</li></ol>`), "p2"},
		{page(`<p id="p1">One <a id="m1" href="x">x</a>, more.</p><p id="p2">Two.</p><ol><li id="n1">Note.</li></ol>`), "p1"},
		{page(`<p id="p1">One <a id="m1" href="x">x</a>.</p><p id="p2">Two.</p><ol><li id="n1">A note.</li></ol>`), "n1"},
		{[]byte(strings.Replace(string(old), "<title>T", "<title>U", 1)), ""},                                       // before <main>
		{[]byte(strings.Replace(strings.Replace(string(old), "<title>T", "<title>U", 1), "Two.", "Two!", 1)), "p2"}, // and in it
		{page(`<p id="p0">New.</p><p id="p1">One <a id="m1" href="x">x</a>.</p>`), "p0"},                            // at the start of <main>
	} {
		if got := firstChange(old, c.next); got != c.want {
			t.Errorf("firstChange = %q, want %q\n%s", got, c.want, c.next)
		}
	}
}

func TestInject(t *testing.T) {
	got := string(inject([]byte("<html><body><p>x</p></body></html>\n"), "abc-3", "text/x.html"))
	want := "<html><body><p>x</p>" + `<script src="/_edition/live.js" data-build="abc-3" data-page="text/x.html" defer></script>` + "\n</body></html>\n"
	if got != want {
		t.Errorf("inject:\n%s\nwant\n%s", got, want)
	}
	// The last closing body tag, in any case; at the end when there is none.
	if got := string(inject([]byte("<p>&lt;/body&gt; </BODY>"), "t", "")); !strings.HasSuffix(got, "</script>\n</BODY>") {
		t.Errorf("inject before </BODY>: %s", got)
	}
	if got := string(inject([]byte("<p>no body"), "t", `a"b`)); !strings.HasPrefix(got, "<p>no body<script") || !strings.Contains(got, `data-page="a&#34;b"`) {
		t.Errorf("inject without a body tag: %s", got)
	}
}

func TestRootLinks(t *testing.T) {
	in := `<link rel="stylesheet" href="assets/style.css"><a href="#main">skip</a><a href="index.html?x=1#top">home</a>` +
		`<a href="https://example.org/">out</a><a href="mailto:a@b">mail</a><a href="/abs.html">abs</a><script src="assets/x.js"></script>`
	want := `<link rel="stylesheet" href="/assets/style.css"><a href="#main">skip</a><a href="/index.html?x=1#top">home</a>` +
		`<a href="https://example.org/">out</a><a href="mailto:a@b">mail</a><a href="/abs.html">abs</a><script src="/assets/x.js"></script>`
	if got := string(rootLinks([]byte(in))); got != want {
		t.Errorf("rootLinks:\n%s\nwant\n%s", got, want)
	}
}
