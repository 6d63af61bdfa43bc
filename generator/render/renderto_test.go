package render_test

import (
	"bytes"
	"testing"
)

// RenderTo writes a page onto the end of a buffer, which a streaming build
// then writes from without a copy: the bytes it appends are Render's,
// whatever the buffer held before, on every page of an edition.
func TestRenderToIsRender(t *testing.T) {
	x, tmpl := hostileEdition(t)
	pages := tmpl.Pages(x, nil)
	if len(pages) < 10 {
		t.Fatalf("only %d pages", len(pages))
	}
	var buf bytes.Buffer
	for _, p := range pages {
		want, err := tmpl.Render(p)
		if err != nil {
			t.Fatal(err)
		}
		buf.Reset()
		buf.WriteString("<!-- before -->")
		if err := tmpl.RenderTo(&buf, p); err != nil {
			t.Fatal(err)
		}
		got, ok := bytes.CutPrefix(buf.Bytes(), []byte("<!-- before -->"))
		if !ok || !bytes.Equal(got, want) {
			t.Errorf("%s: RenderTo wrote %d bytes that are not Render's %d", p.Path, len(got), len(want))
		}
	}
}
