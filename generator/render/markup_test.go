package render_test

import (
	"bytes"
	"html/template"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"edition/generator/index"
	"edition/generator/render"
	"edition/generator/site"
)

// The loops that Go code now writes, as the templates wrote them: the tests
// below execute them with html/template on the same data and compare.
var formerLoops = template.Must(template.New("").Funcs(template.FuncMap{"inc": func(i int) int { return i + 1 }}).Parse(`
{{- define "entry-occurrences"}}
    {{- range .}}
    <h3><a href="{{.Href}}">{{.Section}}</a></h3>
    <ul class="kwic">
      {{- range .Items}}
      <li class="{{.Where}}"><a href="{{.Href}}">{{.Locator}}</a> <span class="context">{{.Before}}<mark>{{.Match}}</mark>{{.After}}</span></li>
      {{- end}}
    </ul>
    {{- end}}
{{- end}}
{{- define "source-mentions"}}
      {{- range .}}
      <li class="{{.Where}}"><a href="{{.Href}}">{{.Locator}}</a> <span class="context">{{.Before}}<mark>{{.Match}}</mark>{{.After}}</span></li>
      {{- end}}
{{- end}}`))

type formerGroup struct {
	Section, Href string
	Items         []formerItem
}

type formerItem struct{ Href, Where, Locator, Before, Match, After string }

// formerGroups arranges occurrences as the entry view did before it was
// written in Go: by chapter and section in reading order, the text of each
// section before its notes.
func formerGroups(x *index.Index, from string, occ []index.Occurrence) []formerGroup {
	var groups []formerGroup
	at := map[[2]string]int{}
	for _, o := range occ {
		ch, ok := x.Chapter(o.Chapter)
		if !ok {
			continue
		}
		p := x.Layout.Chapter(ch.Slug)
		k := [2]string{o.Chapter, strconv.Itoa(o.Section)}
		gi, seen := at[k]
		if !seen {
			sec := ch.Sections[min(o.Section, len(ch.Sections)-1)]
			gi = len(groups)
			at[k] = gi
			groups = append(groups, formerGroup{Section: sec.Title, Href: index.Rel(from, p+"#"+sec.ID)})
		}
		loc := "¶ " + strconv.Itoa(o.ParaNum)
		if n, ok := ch.Note(o.Paragraph); ok && o.Where == index.Note {
			loc = map[index.NoteSeries]string{index.EditorNote: "Editor’s note " + n.Marker, index.UnnumberedNote: "Unnumbered note"}[n.Series]
			if loc == "" {
				loc = "Note " + n.Marker
			}
		}
		groups[gi].Items = append(groups[gi].Items, formerItem{Href: index.Rel(from, p+"#"+o.ID), Where: o.Where.String(), Locator: loc,
			Before: o.Snippet.Before, Match: o.Snippet.Match, After: o.Snippet.After})
	}
	for i := range groups {
		slices.SortStableFunc(groups[i].Items, func(a, b formerItem) int {
			return strings.Compare(strconv.FormatBool(a.Where == "note"), strconv.FormatBool(b.Where == "note"))
		})
	}
	return groups
}

// hostileEdition is the real edition with its snippets, ids, section
// titles and note markers made of what escaping must catch.
func hostileEdition(t *testing.T) (*index.Index, *render.Templates) {
	t.Helper()
	res := site.Generate(site.Options{Content: "../../content", Templates: "../../templates"})
	if !res.OK() {
		t.Fatal(res.Diags.Err())
	}
	x := res.Index
	bad := []string{`<script>alert("x")</script>`, `a+b & 'c'`, "nul\x00", "javascript:alert(1)", "%zz é", `"><img src=x>`}
	i := 0
	next := func(s string) string { i++; return s + bad[i%len(bad)] }
	for _, ch := range x.Chapters {
		for j := range ch.Sections {
			ch.Sections[j].Title = next(ch.Sections[j].Title)
		}
		for j := range ch.Notes {
			ch.Notes[j].Marker = next(ch.Notes[j].Marker)
		}
	}
	for _, e := range x.Entries {
		occ := x.Occurrences(e.Ref())
		for j := range occ {
			o := &occ[j]
			o.Snippet.Before, o.Snippet.Match, o.Snippet.After = next(o.Snippet.Before), next(o.Snippet.Match), next(o.Snippet.After)
			if j%3 == 0 {
				o.ID = next(o.ID)
			}
		}
	}
	tmpl, ds := render.Load(os.DirFS("../../templates"), "templates")
	if ds.HasErrors() {
		t.Fatal(ds.Err())
	}
	return x, tmpl
}

// between returns the part of page from after start up to end.
func between(t *testing.T, page []byte, start, end string) string {
	t.Helper()
	i := bytes.Index(page, []byte(start))
	if i < 0 {
		t.Fatalf("no %q in the page", start)
	}
	rest := page[i+len(start):]
	j := bytes.Index(rest, []byte(end))
	if j < 0 {
		t.Fatalf("no %q after %q in the page", end, start)
	}
	return string(rest[:j])
}

// TestOccurrenceListIsTheTemplates: the occurrences in context on entry
// and source pages, written in Go, are what the templates' loops wrote,
// byte for byte, with hostile snippets, ids, section titles and markers.
func TestOccurrenceListIsTheTemplates(t *testing.T) {
	x, tmpl := hostileEdition(t)
	pages := 0
	var all strings.Builder
	for _, p := range tmpl.Pages(x, nil) {
		var ref index.Ref
		switch s := p.Subject.(type) {
		case *index.Entry:
			ref = s.Ref()
		case *index.Source:
			ref = s.Ref()
		default:
			continue
		}
		occ := x.Occurrences(ref)
		if len(occ) == 0 {
			continue
		}
		out, err := tmpl.Render(p)
		if err != nil {
			t.Fatal(err)
		}
		groups := formerGroups(x, p.Path, occ)
		var want bytes.Buffer
		var got string
		if p.Template == "entry.html" {
			got = between(t, out, `<h2 id="occ-h">In the text</h2>`, "\n  </section>")
			err = formerLoops.ExecuteTemplate(&want, "entry-occurrences", groups)
		} else {
			got = between(t, out, `<h2 id="occ-h">Named in the text</h2>`+"\n    <ul class=\"kwic\">", "\n    </ul>")
			var items []formerItem
			for _, g := range groups {
				items = append(items, g.Items...)
			}
			err = formerLoops.ExecuteTemplate(&want, "source-mentions", items)
		}
		if err != nil {
			t.Fatal(err)
		}
		if got != want.String() {
			t.Fatalf("%s: the occurrences are\n%s\nthe template wrote\n%s", p.Path, got, want.String())
		}
		all.WriteString(got)
		pages++
	}
	if pages < 10 {
		t.Fatalf("only %d pages with occurrences", pages)
	}
	// The comparison saw each escaping at work.
	for _, s := range []string{"&lt;script&gt;", "&#43;", "&amp;", "&#39;", "\uFFFD", "%22%3e%3cimg%20src=x%3e", "&#34;&gt;&lt;img"} {
		if !strings.Contains(all.String(), s) {
			t.Errorf("no %q in the lists", s)
		}
	}
}

// TestStripsAreTheFormerStrip: an entry's or source's strip, written by
// the page in three parts (its start tag, the bands every strip shares,
// its marks), is the strip as one string wrote it, byte for byte, with
// hostile snippets, ids and markers; a page without occurrences has none.
func TestStripsAreTheFormerStrip(t *testing.T) {
	x, tmpl := hostileEdition(t)
	former := tmpl.FormerStrips(x)
	pages := 0
	var all strings.Builder
	for _, p := range tmpl.Pages(x, nil) {
		if p.Template != "entry.html" && p.Template != "source.html" {
			continue
		}
		out, err := tmpl.Render(p)
		if err != nil {
			t.Fatal(err)
		}
		want, ok := former[p.Path]
		if !ok {
			if bytes.Contains(out, []byte(`<figure class="where">`)) {
				t.Errorf("%s: a strip, but the former code drew none", p.Path)
			}
			continue
		}
		got := between(t, out, "<figure class=\"where\">\n    ", "\n    <figcaption>")
		if got != string(want) {
			t.Fatalf("%s: the strip is\n%s\nthe former code drew\n%s", p.Path, got, want)
		}
		all.WriteString(got)
		pages++
	}
	if pages < 10 {
		t.Fatalf("only %d pages with a strip", pages)
	}
	for _, s := range []string{"&lt;script&gt;", "a+b", "&amp;", "&#39;", "\uFFFD", `<rect class="band`} {
		if !strings.Contains(all.String(), s) {
			t.Errorf("no %q in the strips", s)
		}
	}
}

var formerIndex = template.Must(template.New("").Parse(`
{{- define "letter"}}{{range .}}{{template "index-heading" .}}{{end}}{{end}}
{{- define "index-heading"}}
<li>{{if .See}}<span class="heading">{{.Label}}</span>, <i>see</i> <a href="{{.See.Href}}">{{.See.Label}}</a>{{else}}<a class="heading kind-{{.Kind}}" href="{{.Href}}"{{with .Ref}} data-ref="{{.}}"{{end}}>{{.Label}}</a>{{range $i, $l := .Locators}}{{if $i}},{{end}} <a class="loc {{.Where}}" href="{{.Href}}">{{if .Chapter}}<i>chapter </i>{{.Chapter}}.<i> {{with .Words}}{{.}} {{end}}</i>{{else if .Words}}<i>{{.Words}} </i>{{end}}{{.Label}}</a>{{end}}
  {{- with .SeeAlso}}. <i>See also</i> {{range $i, $l := .}}{{if $i}}; {{end}}<a href="{{.Href}}">{{.Label}}</a>{{end}}{{end}}
  {{- with .Subs}}<ul class="subs">{{range .}}{{template "index-heading" .}}{{end}}</ul>{{end}}{{end}}</li>
{{end}}`))

// formerLocators are an entry's locators in the general index as the view
// made them before indexWriter.
func formerLocators(x *index.Index) func(e *index.Entry) []render.FormerLocator {
	chapterNo := map[string]int{}
	for i, ch := range x.Chapters {
		chapterNo[ch.Slug] = i + 1
	}
	return func(e *index.Entry) []render.FormerLocator {
		var out []render.FormerLocator
		seen := map[string]bool{}
		for _, o := range x.Occurrences(e.Ref()) {
			if seen[o.Chapter+"#"+o.Paragraph] {
				continue
			}
			seen[o.Chapter+"#"+o.Paragraph] = true
			ch, _ := x.Chapter(o.Chapter)
			label := "¶ " + strconv.Itoa(o.ParaNum)
			if n, ok := ch.Note(o.Paragraph); ok && o.Where == index.Note {
				label = map[index.NoteSeries]string{index.EditorNote: "Editor’s note " + n.Marker, index.UnnumberedNote: "Unnumbered note"}[n.Series]
				if label == "" {
					label = "Note " + n.Marker
				}
			}
			// In words, for a screen reader: "paragraph", "editor’s note".
			words := map[string]string{"¶": "paragraph", "Note": "note", "Editor’s": "editor’s note"}[strings.Fields(label)[0]]
			label = strings.TrimPrefix(label, "¶ ")
			label = strings.Replace(label, "Note ", "n ", 1)
			label = strings.Replace(label, "Editor’s note ", "ed. n ", 1)
			chapter := ""
			if len(x.Chapters) > 1 {
				chapter = strconv.Itoa(chapterNo[o.Chapter])
			}
			where := o.Where.String()
			if n, ok := ch.Note(o.Paragraph); ok && o.Where == index.Note && n.Series == index.UnnumberedNote {
				where += " unnumbered" // its locator, words, may wrap
			}
			out = append(out, render.FormerLocator{Link: render.Link{Label: label, Href: index.Rel(index.GeneralIndexPage, x.Layout.Chapter(o.Chapter)+"#"+o.Paragraph)},
				Where: where, Chapter: chapter, Words: words})
		}
		return out
	}
}

// TestGeneralIndexIsTheTemplates: the general index's headings, written in
// Go, are what the template "index-heading" wrote from the same headings,
// byte for byte, with hostile note markers and paragraph ids.
func TestGeneralIndexIsTheTemplates(t *testing.T) {
	x, tmpl := hostileEdition(t)
	for _, ch := range x.Chapters {
		for j := range ch.Notes {
			if j%2 == 0 {
				ch.Notes[j].Marker = "Note " + ch.Notes[j].Marker // a marker the labels' replacements might catch
			}
		}
	}
	for i, e := range x.Entries {
		if i%3 == 0 {
			e.IndexName += ` <b class="x">&amp; +1`
		}
		occ := x.Occurrences(e.Ref())
		for j := range occ {
			if j%4 == 1 && occ[j].Where != index.Note {
				occ[j].Paragraph += `"&<+>`
			}
		}
	}
	var page []byte
	for _, p := range tmpl.Pages(x, nil) {
		if p.Path == index.GeneralIndexPage {
			var err error
			if page, err = tmpl.Render(p); err != nil {
				t.Fatal(err)
			}
		}
	}
	letters := tmpl.IndexHeadingsForTest(x, formerLocators(x))
	if len(letters) < 10 {
		t.Fatalf("only %d letters", len(letters))
	}
	var all strings.Builder
	for id, hs := range letters {
		got := between(t, page, `<h2 id="`+id+`">`, "\n    </ul>")
		got = got[strings.Index(got, `<ul class="index-list">`)+len(`<ul class="index-list">`):]
		var want bytes.Buffer
		if err := formerIndex.ExecuteTemplate(&want, "letter", hs); err != nil {
			t.Fatal(err)
		}
		if got != want.String() {
			t.Fatalf("letter %s: the headings are\n%s\nthe template wrote\n%s", id, got, want.String())
		}
		all.WriteString(got)
	}
	for _, s := range []string{"&lt;script&gt;", "&#43;", "&amp;", "%22&amp;%3c&#43;%3e", "n Note ", "&lt;b class=&#34;x&#34;&gt;&amp;amp; &#43;1", "<i>paragraph </i>", "<i>editor’s note </i>ed. n ", "<i>note </i>n ", "<i>see</i>", "<i>See also</i>", `<ul class="subs">`} {
		if !strings.Contains(all.String(), s) {
			t.Errorf("no %q in the general index", s)
		}
	}
}

var formerNotes = template.Must(template.New("").Funcs(template.FuncMap{"inc": func(i int) int { return i + 1 }}).Parse(`
{{- define "author"}}
    {{- range .}}
      <li id="{{.ID}}" class="note {{.Series}}"><span class="marker" aria-hidden="true">{{.Marker}}</span><div class="note-body"><span class="vh">{{.Label}}: </span>{{.HTML}}</div>
        {{- range $i, $b := .Backs}} <a class="backlink" href="#{{$b}}" role="doc-backlink" aria-label="Back to the text{{if $i}} ({{inc $i}}){{end}}">↩</a>{{end}}</li>
    {{- end}}
{{- end}}
{{- define "editor"}}
    {{- range .}}
      <li id="{{.ID}}" class="note {{.Series}}"><span class="marker" aria-hidden="true">{{.Marker}}</span><div class="note-body"><span class="vh">{{.Label}}: </span><span class="ed-mark" aria-hidden="true">Ed.</span> {{.HTML}}</div>
        {{- range $i, $b := .Backs}} <a class="backlink" href="#{{$b}}" role="doc-backlink" aria-label="Back to the text{{if $i}} ({{inc $i}}){{end}}">↩</a>{{end}}</li>
    {{- end}}
{{- end}}`))

type formerNote struct {
	ID, Marker, Series, Label string
	HTML                      template.HTML
	Backs                     []string
}

// TestNoteListIsTheTemplates: the notes of chapter pages, written in Go,
// are what the template's loops wrote, byte for byte, with hostile ids,
// markers and references.
func TestNoteListIsTheTemplates(t *testing.T) {
	x, tmpl := hostileEdition(t)
	for _, ch := range x.Chapters {
		for j := range ch.Notes {
			n := &ch.Notes[j]
			if j%3 == 0 {
				n.ID += `"&<+>/#?%41 é`
				n.Refs = append(n.Refs, "r/e f#?&", "x")
			}
		}
	}
	var all strings.Builder
	for _, p := range tmpl.Pages(x, nil) {
		ch, ok := p.Subject.(*index.Chapter)
		if !ok {
			continue
		}
		out, err := tmpl.Render(p)
		if err != nil {
			t.Fatal(err)
		}
		var author, editor []formerNote
		for _, n := range ch.Notes {
			label := "Note " + n.Marker
			series := "author"
			switch n.Series {
			case index.EditorNote:
				label, series = "Editor’s note "+n.Marker, "editor"
			case index.UnnumberedNote:
				label, series = "Unnumbered note", "unnumbered"
			}
			f := formerNote{ID: n.ID, Marker: n.Marker, Series: series, Label: label, HTML: n.HTML, Backs: n.Refs}
			if n.Series == index.EditorNote {
				editor = append(editor, f)
			} else {
				author = append(author, f)
			}
		}
		slices.SortStableFunc(author, func(a, b formerNote) int {
			return strings.Compare(strconv.FormatBool(a.Series != "unnumbered"), strconv.FormatBool(b.Series != "unnumbered"))
		})
		for _, list := range []struct {
			name, heading string
			notes         []formerNote
		}{{"author", `<h2 id="notes-h">Notes</h2>`, author}, {"editor", `<h2 id="ednotes-h">Editor’s notes</h2>`, editor}} {
			if len(list.notes) == 0 {
				if bytes.Contains(out, []byte(list.heading)) {
					t.Errorf("%s: a list of %s notes without notes", p.Path, list.name)
				}
				continue
			}
			got := between(t, out, list.heading+"\n    <ol class=\"note-list\">", "\n    </ol>")
			var want bytes.Buffer
			if err := formerNotes.ExecuteTemplate(&want, list.name, list.notes); err != nil {
				t.Fatal(err)
			}
			if got != want.String() {
				t.Fatalf("%s: the %s notes are\n%s\nthe template wrote\n%s", p.Path, list.name, got, want.String())
			}
			all.WriteString(got)
		}
	}
	for _, s := range []string{"&lt;script&gt;", "&#43;", "&amp;", "&#39;", `href="#r%2fe%20f%23%3f%26"`, `&#34;&amp;&lt;&#43;&gt;/#?%41 é"`, "(3)", "Editor’s note ", "Unnumbered note"} {
		if !strings.Contains(all.String(), s) {
			t.Errorf("no %q in the notes", s)
		}
	}
}

var formerCitations = template.Must(template.New("").Parse(`
      {{- range .}}
      <li><a href="{{.NoteHref}}">{{.NoteLabel}}</a>{{with .Locator}}, <span class="locator">{{.}}</span>{{end}}{{if .ParaHref}} · called from <a href="{{.ParaHref}}">{{.ParaLabel}}</a>{{end}}
        {{with .NoteText}}<p class="note-text">{{.}}</p>{{end}}</li>
      {{- end}}`))

type formerCitation struct{ NoteLabel, NoteHref, ParaHref, ParaLabel, Locator, NoteText string }

// TestCitationListIsTheTemplates: the notes citing a source, written in
// Go, are what source.html's loop wrote, byte for byte, with hostile
// locators, note texts, ids and references.
func TestCitationListIsTheTemplates(t *testing.T) {
	x, tmpl := hostileEdition(t)
	for _, ch := range x.Chapters {
		for j := range ch.Notes {
			n := &ch.Notes[j]
			n.Text += ` <i>"+&'</i>`
			if j%2 == 0 && len(n.Refs) > 0 {
				n.Refs[0] += `"&<+>/#?%41 é`
			}
		}
	}
	cited := 0
	var all strings.Builder
	for _, p := range tmpl.Pages(x, nil) {
		s, ok := p.Subject.(*index.Source)
		if !ok {
			continue
		}
		cites := x.Citations(s.ID)
		for j := range cites {
			cites[j].Locator += ` & <p. 5+>`
		}
		out, err := tmpl.Render(p)
		if err != nil {
			t.Fatal(err)
		}
		var items []formerCitation
		for _, c := range cites {
			ch, ok := x.Chapter(c.Chapter)
			if !ok {
				continue
			}
			cp := x.Layout.Chapter(ch.Slug)
			item := formerCitation{Locator: c.Locator, NoteLabel: "In the text", NoteHref: index.Rel(p.Path, cp+"#"+c.ID)}
			if n, ok := ch.Note(c.Note); ok {
				item.NoteLabel = map[index.NoteSeries]string{index.EditorNote: "Editor’s note " + n.Marker, index.UnnumberedNote: "Unnumbered note"}[n.Series]
				if item.NoteLabel == "" {
					item.NoteLabel = "Note " + n.Marker
				}
				item.NoteHref, item.NoteText = index.Rel(p.Path, cp+"#"+n.ID), n.Text
				if len(n.Refs) > 0 {
					item.ParaHref, item.ParaLabel = index.Rel(p.Path, cp+"#"+n.Refs[0]), "the passage that calls it"
					if para, ok := ch.Paragraph(n.Paragraph); ok && para.Number > 0 {
						item.ParaLabel = "¶ " + strconv.Itoa(para.Number)
					}
				}
			}
			items = append(items, item)
		}
		if len(items) == 0 {
			if !bytes.Contains(out, []byte("<p>Not cited, in the text or its notes.</p>")) {
				t.Errorf("%s: an uncited source does not say so", p.Path)
			}
			continue
		}
		got := between(t, out, `<ul class="citing">`, "\n    </ul>")
		var want bytes.Buffer
		if err := formerCitations.Execute(&want, items); err != nil {
			t.Fatal(err)
		}
		if got != want.String() {
			t.Fatalf("%s: the citations are\n%s\nthe template wrote\n%s", p.Path, got, want.String())
		}
		all.WriteString(got)
		cited++
	}
	if cited < 5 {
		t.Fatalf("only %d cited sources", cited)
	}
	for _, s := range []string{"&lt;script&gt;", "&amp; &lt;p. 5&#43;&gt;", "&lt;i&gt;&#34;&#43;&amp;&#39;&lt;/i&gt;", "%22&amp;%3c&#43;%3e/#?%41%20%c3%a9", "called from"} {
		if !strings.Contains(all.String(), s) {
			t.Errorf("no %q in the citations", s)
		}
	}
}

// TestChromeSeesOnlyTheFolder: a block of the layout's chrome, drawn once
// per folder, that asks for something of one page (its title) is an error
// reported at the block's line, not a title repeated on other pages.
func TestChromeSeesOnlyTheFolder(t *testing.T) {
	res := site.Generate(site.Options{Content: "../../content", Templates: "../../templates"})
	if !res.OK() {
		t.Fatal(res.Diags.Err())
	}
	fsys := fstest.MapFS{}
	for _, name := range []string{"layout.html", "_reuse.html", "page.html", "404.html"} {
		b, err := os.ReadFile("../../templates/" + name)
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: b}
	}
	layout := string(fsys["layout.html"].Data)
	const block = `{{define "chrome-header"}}`
	i := strings.Index(layout, block)
	if i < 0 {
		t.Fatal("no chrome-header block in layout.html")
	}
	line := strings.Count(layout[:i], "\n") + 1
	fsys["layout.html"].Data = []byte(layout[:i] + block + `<p title="{{.Title}}"></p>` + layout[i+len(block):])
	tmpl, ds := render.Load(fsys, "templates")
	if ds.HasErrors() {
		t.Fatal(ds.Err())
	}
	var failed []render.PageError
	for _, p := range tmpl.Pages(res.Index, nil) {
		if p.Template != "404.html" {
			continue
		}
		if _, err := tmpl.Render(p); err != nil {
			failed = append(failed, render.PageError{Path: p.Path, Err: err})
		}
	}
	if len(failed) == 0 {
		t.Fatal("a chrome block that reads a page's title renders")
	}
	d := tmpl.Diagnose(failed)
	if len(d) != 1 || d[0].Pos.File != "templates/layout.html" || d[0].Pos.Line != line ||
		!strings.Contains(d[0].Message, "can't evaluate field Title in type *render.Chrome") {
		t.Fatalf("diagnostics: %v, want one at templates/layout.html:%d", d, line)
	}
}
