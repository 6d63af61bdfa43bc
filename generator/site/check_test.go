package site

import (
	"strings"
	"testing"

	"edition/generator/render"
)

func TestCheckLinks(t *testing.T) {
	files := []render.File{
		{Path: "index.html", Data: []byte(`<a href="text/a.html#p1">ok</a> <a href="https://example.org/">ok</a>
<a href="text/missing.html">missing page</a> <a href="text/a.html#p9">missing id</a>
<a href="concept:preemption">unresolved</a> <a href="/abs.html">absolute</a> <a href="../up.html">outside</a>
<a href="//cdn.example.org/x.js">scheme-relative</a>`)},
		{Path: "text/a.html", Data: []byte(`<p id="p1"><a href="../index.html">home</a> <a href="#p1">self</a></p>`)},
	}
	diags := CheckLinks(files)
	var got []string
	for _, d := range diags {
		got = append(got, d.Message)
	}
	want := []string{"text/missing.html", `no id "p9"`, `scheme "concept"`, "absolute", "leaves the site", "https://"}
	if len(got) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i, w := range want {
		if !strings.Contains(got[i], w) {
			t.Errorf("problem %d = %q, want it to mention %q", i, got[i], w)
		}
	}
}
