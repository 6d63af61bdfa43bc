package site_test

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"edition/generator/index"
	"edition/generator/site"
)

// linksFixture copies the fixture's content into a temporary folder, with
// files added or replaced (by path under content/) and texts appended to
// files (add, by path), and returns the options of a build of it into
// public/ there.
func linksFixture(t *testing.T, files, add map[string]string) site.Options {
	t.Helper()
	dir := t.TempDir()
	opts := site.Options{Content: filepath.Join(dir, "content"), Templates: repoTemplates, Output: filepath.Join(dir, "public")}
	copyDir(t, fixtureContent, opts.Content)
	for name, body := range files {
		p := filepath.Join(opts.Content, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, text := range add {
		edit(t, filepath.Join(opts.Content, filepath.FromSlash(name)), func(s string) string { return s + text })
	}
	return opts
}

// validLinks is a chapter with every form of link that leads somewhere.
const validLinks = `---
title: Links
---
Every kind of link that leads somewhere: [the about page](../about.html),
[a paragraph of another chapter](stone.html#p2), [its first note](stone.html#n1),
[where it calls it](stone.html#r-n1), [a section](stone.html#the-stone-tower),
[this page's first paragraph](#p1), [an id of a template](../concepts/dovetailing.html#entry-title),
[the style sheet](../assets/style.css), ![the icon](../assets/icon.svg "Icon"),
[the concepts](../concepts/), [the BibTeX](../bibliography.bib), [the search index](../search/index.js),
[a site](https://example.org/a?b=c#d), <https://example.org>, [HTTP](HTTP://example.org),
[write](mailto:editor@example.org), [call](tel:+441234567), [an entry](concept:dovetailing),
[a reference][ref], [a note of this page](#n1) and [a query](../about.html?x=1).[^1]

[ref]: ../general-index.html#main

[^1]: A note that links [back to its call](#r-n1).
`

// Every valid form of link builds, from a chapter, an entry, a source's
// annotation, a further page and the edition's own texts.
func TestValidLinksBuild(t *testing.T) {
	opts := linksFixture(t, map[string]string{"text/03-links.md": validLinks}, map[string]string{
		"registry/concept/dovetailing.md": "\nSee [the second chapter](../text/stone.html#p1) and [its page](#entry-title).\n",
		"pages/about.md":                  "\nThe [general index](general-index.html#main), [the first chapter](text/first-lights.html).\n",
	})
	edit(t, filepath.Join(opts.Content, "bibliography.yaml"), replaceOnce("himself.", "himself; see [the first chapter](../text/first-lights.html#p1)."))
	edit(t, filepath.Join(opts.Content, "edition.yaml"), replaceOnce("copied freely.", "copied freely ([write](mailto:a@example.org))."))
	res, err := site.Write(opts)
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK() {
		t.Fatalf("valid links reported:\n%s", diagStrings(res))
	}
	page, err := os.ReadFile(filepath.Join(opts.Output, "text", "links.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, href := range []string{`href="../about.html"`, `href="stone.html#p2"`, `src="../assets/icon.svg"`, `href="tel:+441234567"`} {
		if !strings.Contains(string(page), href) {
			t.Errorf("text/links.html has no %s", href)
		}
	}
	if res := site.Check(opts); !res.OK() {
		t.Errorf("edition check reports valid links:\n%s", diagStrings(res))
	}
}

// brokenLinks is a chapter with one broken link a line, from line 4.
const brokenLinks = `---
title: Links
---
A page that is not there: [x](../missing.html).
A paragraph that is not there: [x](stone.html#p-999).
A misspelt scheme: [x](htp://example.org), [y](htps://example.org/a).
A scheme with one slash: [x](http:/example.org).
![An image that is not there](img/nope.png)
A script: [x](javascript:alert(1)).
A path from the host's root: [x](/about.html).
An address without its scheme: [x](www.example.org).
A folder above the site: [x](../../secret.html).
An id a template does not write, [x](../concepts/dovetailing.html#nowhere), and a misspelt one, [y](#p11).
A near miss: [x](../abut.html) and <htp://example.org/auto>.
`

// Every broken link is an error at its file, line and column, saying what
// is wrong and what to do, from a chapter, an entry, a source, a page and
// edition.yaml; the build writes nothing, and edition check says the same.
func TestBrokenLinksAreErrorsAtTheirSource(t *testing.T) {
	opts := linksFixture(t, nil, nil)
	res, err := site.Write(opts)
	if err != nil || !res.OK() {
		t.Fatalf("the fixture must build: %v %s", err, diagStrings(res))
	}
	before := tree(t, opts.Output)

	for name, body := range map[string]string{"text/03-links.md": brokenLinks} {
		if err := os.WriteFile(filepath.Join(opts.Content, filepath.FromSlash(name)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edit(t, filepath.Join(opts.Content, "registry/concept/dovetailing.md"), func(s string) string { return s + "\nSee [the plates](plates.html).\n" })
	edit(t, filepath.Join(opts.Content, "pages/about.md"), func(s string) string { return s + "\nSee [the text](text/stone.html#p99).\n" })
	edit(t, filepath.Join(opts.Content, "bibliography.yaml"), replaceOnce("himself.", "himself; [plates](ftp://example.org/plates)."))
	edit(t, filepath.Join(opts.Content, "edition.yaml"), replaceOnce("copied freely.", "copied [freely](licence.html)."))

	want := []string{
		`03-links.md:10:30: error: link "/about.html" starts at the root of the host, where the edition may not be (write the path from this text's page, text/links.html: “../about.html”)`,
		`03-links.md:11:32: error: link "www.example.org" leads to text/www.example.org, which the site does not have (did you mean “https://www.example.org”?)`,
		`03-links.md:12:26: error: link "../../secret.html" leads out of the site (write the path from this text's page, text/links.html, to a file of the site)`,
		`03-links.md:13:34: error: link "../concepts/dovetailing.html#nowhere" leads to concepts/dovetailing.html, which has no id "nowhere" (link to an id that the page has, a paragraph's such as #p12, a note's or a section heading's, or leave out the #…)`,
		`03-links.md:13:97: error: link "#p11" leads to text/links.html, which has no id "p11" (did you mean “#p1”?)`,
		`03-links.md:14:14: error: link "../abut.html" leads to abut.html, which the site does not have (did you mean “../about.html”?)`,
		`03-links.md:14:36: error: link "htp://example.org/auto" has the scheme "htp", which is not one the edition links with (https, http, mailto, tel) (did you mean “http://example.org/auto”?)`,
		`03-links.md:4:27: error: link "../missing.html" leads to missing.html, which the site does not have (write the path of a page or file of the site from this text's page, text/links.html; for an entry, write [words](kind:key))`,
		`03-links.md:5:32: error: link "stone.html#p-999" leads to text/stone.html, which has no id "p-999" (link to an id that the page has, a paragraph's such as #p12, a note's or a section heading's, or leave out the #…)`,
		`03-links.md:6:20: error: link "htp://example.org" has the scheme "htp", which is not one the edition links with (https, http, mailto, tel) (did you mean “http://example.org”?)`,
		`03-links.md:6:44: error: link "htps://example.org/a" has the scheme "htps", which is not one the edition links with (https, http, mailto, tel) (did you mean “https://example.org/a”?)`,
		`03-links.md:7:26: error: link "http:/example.org" has no host (did you mean “http://example.org”?)`,
		`03-links.md:8:1: error: image "img/nope.png" leads to text/img/nope.png, which the site does not have (put the image in the templates' assets folder and write its path from this text's page, text/links.html: “../assets/nope.png”)`,
		`03-links.md:9:11: error: link "javascript:alert(1)" has the scheme "javascript", which the site empties for safety, leaving a link that goes nowhere (remove it: a link in the content may not run a script or carry a file; put files under the templates' assets and link to them)`,
		`about.md:8:5: error: link "text/stone.html#p99" leads to text/stone.html, which has no id "p99" (did you mean “#p1”, “#p2” or “#p3”?)`,
		`bibliography.yaml:16:73: error: link "ftp://example.org/plates" has the scheme "ftp", which is not one the edition links with (https, http, mailto, tel) (did you mean “http://example.org/plates”?)`,
		`dovetailing.md:10:5: error: link "plates.html" leads to concepts/plates.html, which the site does not have (write the path of a page or file of the site from this text's page, concepts/dovetailing.html; for an entry, write [words](kind:key))`,
		`edition.yaml:12:69: error: link "licence.html" leads to licence.html, which the site does not have (write the path of a page or file of the site from this text's page, index.html; for an entry, write [words](kind:key))`,
	}
	for _, run := range []struct {
		name string
		do   func() *site.Result
	}{
		{"build", func() *site.Result {
			res, err := site.Write(opts)
			if err != nil {
				t.Fatal(err)
			}
			return res
		}},
		{"check", func() *site.Result { return site.Check(opts) }},
	} {
		res := run.do()
		var got []string
		for _, d := range res.Diags {
			if d.Severity == 0 {
				got = append(got, strings.TrimPrefix(d.String(), filepath.ToSlash(opts.Content)+"/"))
			}
		}
		for i, g := range got {
			got[i] = trimDirs(g)
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: errors:\n%s\nwant:\n%s", run.name, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	if after := tree(t, opts.Output); !maps.Equal(before, after) {
		t.Errorf("a build with broken links changed the output folder")
	}
}

// trimDirs keeps the file name of a diagnostic's path.
func trimDirs(s string) string {
	colon := strings.IndexByte(s, ':')
	if colon < 0 {
		return s
	}
	return filepath.Base(s[:colon]) + s[colon:]
}

// tree returns a digest of every file under dir, by path.
func tree(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		out[p] = sha256.Sum256(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 10 {
		t.Fatalf("only %d files in %s", len(out), dir)
	}
	return out
}

// A link to a chapter's paragraph, section, note or note reference is
// checked against the index, without reading the page: every such id must
// be in the chapter's page.
func TestChapterIDsTheIndexKnowsAreInThePage(t *testing.T) {
	res := site.Generate(site.Options{Content: fixtureContent, Templates: repoTemplates})
	if !res.OK() {
		t.Fatal(res.Diags.Err())
	}
	pages := map[string]string{}
	for _, f := range res.Files {
		pages[f.Path] = string(f.Data)
	}
	n := 0
	for _, ch := range res.Index.Chapters {
		page := pages[res.Index.Layout.Chapter(ch.Slug)]
		var ids []string
		for _, p := range ch.Paragraphs {
			ids = append(ids, p.ID)
		}
		for _, s := range ch.Sections {
			if s.ID != index.OpeningSection {
				ids = append(ids, s.ID)
			}
		}
		for _, note := range ch.Notes {
			ids = append(ids, note.ID)
			ids = append(ids, note.Refs...)
		}
		for _, id := range ids {
			n++
			if !strings.Contains(page, ` id="`+id+`"`) {
				t.Errorf("%s: no id %q in the page", ch.Slug, id)
			}
		}
	}
	if n < 20 {
		t.Fatalf("only %d ids checked", n)
	}
}

// A build with errors elsewhere still reports what every link says on its
// own (scheme, form), where it leads, and every mistake of the further
// pages: an editor sees them all at once, not a batch more after each fix.
func TestLinkAndPageErrorsComeWithOtherErrors(t *testing.T) {
	opts := linksFixture(t, nil, map[string]string{
		"registry/concept/dovetailing.md": "\nSee [the plates](plates.html) and [the root](/about.html).\n",
		"pages/about.md":                  "\nSee [the reef](place:eddystone-rock) and [a site](htps://example.org).\n",
		"text/02-stone.md":                "\nAs [@nobody1900] says.\n",
	})
	want := []string{
		`02-stone.md:51:5: error: citation of unknown source @nobody1900 (check the key against the ids of the bibliography's records)`,
		`about.md:8:42: error: link "htps://example.org" has the scheme "htps", which is not one the edition links with (https, http, mailto, tel) (did you mean “https://example.org”?)`,
		`about.md:8:5: error: unknown entry "place:eddystone-rock" (did you mean “eddystone-rocks”?)`,
		`dovetailing.md:10:35: error: link "/about.html" starts at the root of the host, where the edition may not be (write the path from this text's page, concepts/dovetailing.html: “../about.html”)`,
		`dovetailing.md:10:5: error: link "plates.html" leads to concepts/plates.html, which the site does not have (write the path of a page or file of the site from this text's page, concepts/dovetailing.html; for an entry, write [words](kind:key))`,
	}
	res := site.Check(opts)
	var got []string
	for _, d := range res.Diags {
		if d.Severity == 0 {
			got = append(got, trimDirs(d.String()))
		}
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A build with errors checks where the links lead against the site it
// would make, in the same run as the other errors, sorted with them:
// every broken link of TestBrokenLinksAreErrorsAtTheirSource is said with
// an unknown citation in another chapter, but for the link to an id of a
// page that is not a chapter's, which its template writes from what the
// whole build makes; that one waits for a build without errors. The
// previous site is left as it was.
func TestBrokenLinksComeWithOtherErrors(t *testing.T) {
	opts := linksFixture(t, nil, nil)
	res, err := site.Write(opts)
	if err != nil || !res.OK() {
		t.Fatalf("the fixture must build: %v %s", err, diagStrings(res))
	}
	before := tree(t, opts.Output)
	if err := os.WriteFile(filepath.Join(opts.Content, "text", "03-links.md"), []byte(brokenLinks), 0o644); err != nil {
		t.Fatal(err)
	}
	edit(t, filepath.Join(opts.Content, "text/01-first-lights.md"), func(s string) string { return s + "\nAs [@nobody1900] says.\n" })
	edit(t, filepath.Join(opts.Content, "pages/about.md"), func(s string) string { return s + "\nSee [the text](text/stone.html#p99).\n" })
	res, err = site.Write(opts)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range res.Diags {
		if d.Severity == 0 {
			got = append(got, trimDirs(d.String()))
		}
	}
	want := []string{
		`01-first-lights.md:`,
		`03-links.md:10:30: error: link "/about.html" starts at the root`,
		`03-links.md:11:32: error: link "www.example.org" leads to text/www.example.org, which the site does not have (did you mean “https://www.example.org”?)`,
		`03-links.md:12:26: error: link "../../secret.html" leads out of the site`,
		`03-links.md:13:97: error: link "#p11" leads to text/links.html, which has no id "p11" (did you mean “#p1”?)`,
		`03-links.md:14:14: error: link "../abut.html" leads to abut.html, which the site does not have (did you mean “../about.html”?)`,
		`03-links.md:14:36: error: link "htp://example.org/auto" has the scheme "htp"`,
		`03-links.md:4:27: error: link "../missing.html" leads to missing.html, which the site does not have`,
		`03-links.md:5:32: error: link "stone.html#p-999" leads to text/stone.html, which has no id "p-999"`,
		`03-links.md:6:20: error: link "htp://example.org" has the scheme "htp"`,
		`03-links.md:6:44: error: link "htps://example.org/a" has the scheme "htps"`,
		`03-links.md:7:26: error: link "http:/example.org" has no host`,
		`03-links.md:8:1: error: image "img/nope.png" leads to text/img/nope.png, which the site does not have`,
		`03-links.md:9:11: error: link "javascript:alert(1)" has the scheme "javascript"`,
		`about.md:8:5: error: link "text/stone.html#p99" leads to text/stone.html, which has no id "p99" (did you mean “#p1”, “#p2” or “#p3”?)`,
	}
	sorted := slices.Clone(got)
	slices.Sort(sorted)
	if len(sorted) != len(want) {
		t.Fatalf("%d errors, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(sorted[i], want[i]) {
			t.Errorf("error %d:\n got %s\nwant %s…", i, sorted[i], want[i])
		}
	}
	// Sorted by file and line, the links' errors among the others.
	var at []string
	for _, d := range res.Diags {
		at = append(at, fmt.Sprintf("%s:%09d:%09d", d.File, d.Line, d.Col))
	}
	if !slices.IsSorted(at) {
		t.Errorf("the diagnostics are not sorted by file, line and column:\n%s", strings.Join(got, "\n"))
	}
	if after := tree(t, opts.Output); !maps.Equal(before, after) {
		t.Errorf("a build with errors changed the output folder")
	}
}

// Where an entry is left out of the site (its key is another's), the page
// it would make, once renamed, may be anywhere in its kind's folder: links
// into that folder wait for a build without errors, and links elsewhere
// are still checked. (An error in reading a file stops the build before
// the texts are converted, and their links with them.)
func TestBrokenLinksWaitWhereAnEntryIsLeftOut(t *testing.T) {
	opts := linksFixture(t, map[string]string{
		"registry/concept/smeaton.md": "---\nname: Smeaton's method\n---\nA method.\n",
	}, map[string]string{
		"pages/about.md": "\nSee [the plates](people/plates.html), [the engineer](people/smeaton.html), [the log](log.html), [the method](concepts/method.html).\n",
	})
	res := site.Generate(opts)
	var got []string
	for _, d := range res.Diags {
		if d.Severity == 0 {
			got = append(got, trimDirs(d.String()))
		}
	}
	all := strings.Join(got, "\n")
	// The person is left out, the concept kept.
	for _, want := range []string{
		`smeaton.md:1:1: error: duplicate key "smeaton": also `,
		`concept/smeaton.md (rename one of the files`,
		`about.md:8:76: error: link "log.html" leads to log.html, which the site does not have`,
		`about.md:8:97: error: link "concepts/method.html" leads to concepts/method.html, which the site does not have`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("no error\n  %s\nin\n%s", want, all)
		}
	}
	if strings.Contains(all, `"people/`) {
		t.Errorf("a link into the folder of the entry left out is reported:\n%s", all)
	}
}

// A build with errors checks links to what Finish adds against
// finishPaths: every file Finish makes but the search index's must be
// among them, or a link to it would be said to lead nowhere.
func TestFinishPathsHoldWhatFinishMakes(t *testing.T) {
	b := site.NewBuilder(site.Options{Content: fixtureContent, Templates: repoTemplates})
	part := b.GeneratePages()
	if !part.OK() {
		t.Fatal(part.Diags.Err())
	}
	known := map[string]bool{}
	for _, p := range site.FinishPaths(part.Index) {
		known[p] = true
	}
	before := map[string]bool{}
	for _, f := range part.Files {
		before[f.Path] = true
	}
	b.Finish(part)
	n := 0
	for _, f := range part.Files {
		if before[f.Path] || strings.HasPrefix(f.Path, "search/") {
			continue
		}
		n++
		if !known[f.Path] {
			t.Errorf("Finish makes %s, which finishPaths does not name", f.Path)
		}
	}
	if n < 10 {
		t.Fatalf("only %d files made by Finish", n)
	}
}
