package render_test

import (
	"bytes"
	"html/template"
	"strings"
	"sync"
	"testing"

	"edition/generator/render"
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

// RenderTo grows a buffer once to about the page's length: once it has
// rendered the pages of a template, its estimate of each (the HTML the
// view holds and the most its template wrote around such HTML) is enough
// for the page and not much more, on every entry, source, chapter and kind
// page and the general index.
func TestRenderToSizesThePage(t *testing.T) {
	x, tmpl := hostileEdition(t)
	pages := tmpl.Pages(x, nil)
	// A template's first page, before it knows its skeleton, fits the
	// guess (the general index's only page, in a build).
	first := map[string]bool{}
	for _, p := range pages {
		hint, ok := tmpl.SizeHint(p)
		if !ok || first[p.Template] {
			continue
		}
		first[p.Template] = true
		var fresh bytes.Buffer
		if err := tmpl.RenderTo(&fresh, p); err != nil {
			t.Fatal(err)
		}
		if n := fresh.Len(); hint < n || hint > n+16<<10 {
			t.Errorf("%s, the first page of its template: %d bytes, estimated %d", p.Path, n, hint)
		}
	}
	var buf bytes.Buffer
	for _, p := range pages {
		buf.Reset()
		if err := tmpl.RenderTo(&buf, p); err != nil {
			t.Fatal(err)
		}
	}
	sized := map[string]int{}
	for _, p := range pages {
		hint, ok := tmpl.SizeHint(p)
		if !ok {
			continue
		}
		var fresh bytes.Buffer
		if err := tmpl.RenderTo(&fresh, p); err != nil {
			t.Fatal(err)
		}
		n := fresh.Len()
		if hint < n || hint > n+n/4+4096 {
			t.Errorf("%s: %d bytes, estimated %d", p.Path, n, hint)
		}
		var once bytes.Buffer
		once.Grow(hint)
		if fresh.Cap() != once.Cap() {
			t.Errorf("%s: the buffer grew to %d bytes, not once to %d (an estimate of %d)", p.Path, fresh.Cap(), once.Cap(), hint)
		}
		sized[p.Template]++
	}
	for name, least := range map[string]int{"entry.html": 10, "source.html": 10, "chapter.html": 1, "kind.html": 2, "general-index.html": 1} {
		if sized[name] < least {
			t.Errorf("%d pages of %s with an estimate", sized[name], name)
		}
	}
}

// A streaming build renders a page, hands its bytes on and releases its
// view, which puts the buffers its long lists were kept in (markup.keep:
// occurrences, strips, citations, notes) back in their
// pool, for the next views to write into. No page reads HTML released with
// another: on every page of an edition, made and rendered on two
// goroutines as a build makes them, the bytes are Render's on pages made
// afresh. (Here every list is kept, and a buffer is overwritten as it is
// released, so that a read after the release shows, as it does for the
// view that kept it: that check makes sure the lists are kept at all.)
func TestReleasedListsAreNotRead(t *testing.T) {
	render.KeepEveryList(t)
	x, tmpl := hostileEdition(t)
	var want [][]byte
	for _, p := range tmpl.Pages(x, nil) {
		b, err := tmpl.Render(p)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, b)
	}
	pages := tmpl.Pages(x, nil)
	got := make([][]byte, len(pages))
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Go(func() {
			var buf bytes.Buffer
			for i := w; i < len(pages); i += 2 {
				buf.Reset()
				if err := tmpl.RenderTo(&buf, pages[i]); err != nil {
					t.Error(err)
					return
				}
				pages[i].Release()
				got[i] = bytes.Clone(buf.Bytes())
			}
		})
	}
	wg.Wait()
	for i, p := range pages {
		if !bytes.Equal(got[i], want[i]) {
			t.Errorf("%s: %d bytes rendered and released in turn, not the %d of a page made afresh", p.Path, len(got[i]), len(want[i]))
		}
	}

	// The lists were kept, not copied: once released, a view's HTML is
	// overwritten.
	kept := map[string]bool{}
	for _, p := range tmpl.Pages(x, nil) {
		var lists []template.HTML
		switch v := p.View().(type) {
		case *render.EntryView:
			lists = []template.HTML{v.Occurrences}
		case *render.SourceView:
			lists = []template.HTML{v.Citations, v.Mentions}
		case *render.ChapterView:
			lists = []template.HTML{v.AuthorNotes}
		}
		if _, err := tmpl.Render(p); err != nil {
			t.Fatal(err)
		}
		p.Release()
		for _, l := range lists {
			if len(l) > 16 && strings.Trim(string(l), "?") == "" {
				kept[p.Template] = true
			}
		}
	}
	for _, name := range []string{"entry.html", "source.html", "chapter.html"} {
		if !kept[name] {
			t.Errorf("no list of %s was kept in its buffer", name)
		}
	}
}
