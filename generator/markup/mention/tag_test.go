package mention

import (
	"testing"

	"edition/generator/markup/internal/htmlw"
)

// TestTagIsWritten checks that a mention of a target with its Tag is
// written as one without, which the renderer writes piece by piece, on
// plain and hostile kinds, keys, hrefs and ids.
func TestTagIsWritten(t *testing.T) {
	targets := []Target{
		{Kind: "concept", Key: "preemption", Href: "../concepts/preemption.html"},
		{Kind: "source", Key: "nss2002", Href: "../sources/nss2002.html"},
		{Kind: `a"b<c>&d`, Key: "k&\"<>\x00'", Href: `../x y/"<a>.html?q=1&r=2#f`},
		{Kind: "été", Key: "clé", Href: "../entrées/clé.html"},
		{Kind: "javascript", Key: ":x", Href: "javascript:alert(1)"},
		{},
	}
	var r Renderer
	for _, tg := range targets {
		for _, id := range []string{"", "m1", `m"<&>`} {
			var slow, fast htmlw.Buffer
			n := &Node{Ref: tg, ID: id}
			r.renderMention(&slow, nil, n, true)
			tag := MakeTag(tg)
			n.Ref.Tag = &tag
			r.renderMention(&fast, nil, n, true)
			if string(fast.B) != string(slow.B) {
				t.Errorf("target %+v, id %q: with its tag %s, without %s", tg, id, fast.B, slow.B)
			}
		}
	}
	var b htmlw.Buffer
	x := Target{Kind: "concept", Key: "x", Href: "../concepts/x.html"}
	tag := MakeTag(x)
	x.Tag = &tag
	r.renderMention(&b, nil, &Node{Ref: x, ID: "m3"}, true)
	if want := `<a class="mention kind-concept" href="../concepts/x.html" id="m3" data-ref="concept:x">`; string(b.B) != want {
		t.Errorf("got %s, want %s", b.B, want)
	}
}
