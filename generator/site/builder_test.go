package site_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"edition/generator/index"
	"edition/generator/internal/corpus"
	"edition/generator/site"
)

// The tests in this file check the incremental Builder against the
// one-shot Generate: after any change to the content or the templates, a
// Builder that kept what it could must produce exactly what a fresh build
// produces, file for file, byte for byte, diagnostic for diagnostic.

// copyDir copies a folder tree.
func copyDir(t testing.TB, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// fixture makes a content folder (a small generated corpus) and a copy of
// the edition's templates in a temporary folder.
func fixture(t testing.TB, chapters int) site.Options {
	t.Helper()
	return fixtureOf(t, corpus.Config{Chapters: chapters, Entries: 25, Sources: 10})
}

// fixtureOf is fixture for a corpus of any size.
func fixtureOf(t testing.TB, cfg corpus.Config) site.Options {
	t.Helper()
	dir := t.TempDir()
	opts := site.Options{Content: filepath.Join(dir, "content"), Templates: filepath.Join(dir, "templates"),
		Output: filepath.Join(dir, "public")}
	if err := corpus.Write(opts.Content, cfg); err != nil {
		t.Fatal(err)
	}
	copyDir(t, editionTemplates, opts.Templates)
	return opts
}

// sameAsFresh checks that res is what a fresh build of the same folders
// makes.
func sameAsFresh(t *testing.T, step string, opts site.Options, res *site.Result) {
	t.Helper()
	fresh := site.Generate(opts)
	if got, want := diagStrings(res), diagStrings(fresh); got != want {
		t.Fatalf("%s: diagnostics differ from a fresh build:\nkept:\n%s\nfresh:\n%s", step, got, want)
	}
	if len(res.Files) != len(fresh.Files) {
		t.Fatalf("%s: %d files, a fresh build makes %d", step, len(res.Files), len(fresh.Files))
	}
	for i, f := range fresh.Files {
		g := res.Files[i]
		if g.Path != f.Path {
			t.Fatalf("%s: file %d is %s, in a fresh build %s", step, i, g.Path, f.Path)
		}
		if !bytes.Equal(g.Data, f.Data) {
			t.Fatalf("%s: %s differs from a fresh build", step, f.Path)
		}
	}
}

func diagStrings(r *site.Result) string {
	var b strings.Builder
	for _, d := range r.Diags {
		fmt.Fprintln(&b, d)
	}
	return b.String()
}

// edit rewrites a file with f, and returns its path.
func edit(t *testing.T, p string, f func(string) string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	after := f(string(b))
	if after == string(b) {
		t.Fatalf("the edit of %s changes nothing", p)
	}
	if err := os.WriteFile(p, []byte(after), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func replaceOnce(old, new string) func(string) string {
	return func(s string) string { return strings.Replace(s, old, new, 1) }
}

var (
	firstParagraph = regexp.MustCompile(`(?m)^# .*\n\n(\S+)`)
	explicitLink   = regexp.MustCompile(`\[(this [a-z]+)\]\([a-z]+:[a-z0-9-]+\)`)
)

// editFirstParagraph puts a word at the start of a chapter's first
// paragraph.
func editFirstParagraph(word string) func(string) string {
	return func(s string) string {
		m := firstParagraph.FindStringSubmatchIndex(s)
		return s[:m[2]] + word + " " + s[m[2]:]
	}
}

func TestBuilderMatchesFreshBuildAfterEveryChange(t *testing.T) {
	opts := fixture(t, 8)
	c := func(p string) string { return filepath.Join(opts.Content, filepath.FromSlash(p)) }
	b := site.NewBuilder(opts)
	site.Verify(b)
	res := b.Generate()
	if !res.OK() {
		t.Fatalf("the fixture does not build: %v", res.Diags.Err())
	}
	sameAsFresh(t, "first build", opts, res)

	entries, _ := filepath.Glob(c("registry/actor/*.md"))
	concepts, _ := filepath.Glob(c("registry/concept/*.md"))
	var removed []byte    // a chapter taken out, to be put back
	var wantInText string // what a step's chapter must now hold, if not ""
	var wantDiag string   // what a step's diagnostics must say, if not ""
	steps := []struct {
		name    string
		change  func() []string // returns the paths changed
		wantErr bool
	}{
		{"nothing changed", func() []string { return nil }, false},
		{"a paragraph edited", func() []string {
			return []string{edit(t, c(corpus.ChapterPath(3)), editFirstParagraph("Meanwhile"))}
		}, false},
		{"a mention added", func() []string {
			name := strings.TrimSuffix(filepath.Base(entries[0]), ".md")
			return []string{edit(t, c(corpus.ChapterPath(2)), editFirstParagraph(fmt.Sprintf("[Someone](actor:%s) said", name)))}
		}, false},
		{"a bracketed citation written in the text", func() []string {
			return []string{edit(t, c(corpus.ChapterPath(2)), func(s string) string {
				m := regexp.MustCompile(`\[@([^\],\s]+), (p\. \d+)\]`).FindStringSubmatchIndex(s)
				if m == nil {
					t.Fatal("the chapter has no citation [@key, p. N]")
				}
				wantInText = `class="cite in-text" id="`
				return s[:m[0]] + "@" + s[m[2]:m[3]] + " [" + s[m[4]:m[5]] + "]" + s[m[1]:]
			})}
		}, false},
		{"a word just after a mention changed", func() []string {
			// Only the mention's context changes: not its place, not the
			// text before it.
			return []string{edit(t, c(corpus.ChapterPath(3)), func(s string) string {
				m := regexp.MustCompile(`\]\([a-z]+:[a-z0-9-]+\) (\w+)`).FindStringSubmatchIndex(s)
				return s[:m[2]] + "unexpectedly" + s[m[3]:]
			})}
		}, false},
		{"a chapter's title changed", func() []string {
			return []string{edit(t, c(corpus.ChapterPath(4)), func(s string) string {
				return regexp.MustCompile(`(?m)^title: .*$`).ReplaceAllString(s, `title: "A New Title"`)
			})}
		}, false},
		{"a note removed", func() []string {
			return []string{edit(t, c(corpus.ChapterPath(5)), func(s string) string {
				s = strings.Replace(s, "[^1]", "", 1)
				return regexp.MustCompile(`(?m)^\[\^1\]: .*\n\n`).ReplaceAllString(s, "")
			})}
		}, false},
		{"a chapter added", func() []string {
			p := c("text/0005b-interlude.md")
			if err := os.WriteFile(p, []byte("---\ntitle: Interlude\n---\nA short interlude on the kind of force.\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			return []string{p}
		}, false},
		{"a chapter removed", func() []string {
			p := c(corpus.ChapterPath(6))
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			return []string{p}
		}, false},
		{"an annotation edited", func() []string {
			return []string{edit(t, entries[1], func(s string) string { return s + "\nA further remark.\n" })}
		}, false},
		{"an alias added", func() []string {
			return []string{edit(t, concepts[0], replaceOnce("aliases:\n", "aliases:\n  - \"kind of force\"\n"))}
		}, false},
		{"an entry renamed", func() []string {
			return []string{edit(t, entries[2], func(s string) string {
				return regexp.MustCompile(`(?m)^name: .*$`).ReplaceAllString(s, `name: "Quite Another Name"`)
			})}
		}, false},
		{"a source's author renamed", func() []string {
			return []string{edit(t, c("bibliography.yaml"), replaceOnce("{family: ", "{family: Mac"))}
		}, false},
		{"a page edited", func() []string {
			return []string{edit(t, c("pages/about.md"), replaceOnce("## The text", "## The text we print"))}
		}, false},
		// Every page's footer links the further pages by their titles.
		{"a page retitled", func() []string {
			return []string{edit(t, c("pages/about.md"), replaceOnce("title: About this edition", "title: About the edition"))}
		}, false},
		{"a page added", func() []string {
			p := c("pages/colophon.md")
			if err := os.WriteFile(p, []byte("---\ntitle: Colophon\n---\nSet in Source Serif.\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			return []string{p}
		}, false},
		{"a page removed", func() []string {
			p := c("pages/colophon.md")
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			return []string{p}
		}, false},
		{"the edition retitled", func() []string {
			return []string{edit(t, c("edition.yaml"), replaceOnce("title: \"A Synthetic", "title: \"Another Synthetic"))}
		}, false},
		{"a template changed", func() []string {
			return []string{edit(t, filepath.Join(opts.Templates, "entry.html"), replaceOnce("in the text</p>", "in this text</p>"))}
		}, false},
		{"a section added", func() []string {
			return []string{edit(t, c(corpus.ChapterPath(2)), func(s string) string { return s + "\n## Keepers\n\nThe keepers' log.\n" })}
		}, false},
		{"a template takes the section's id", func() []string {
			// The chapter is the same, but its section must now be
			// "keepers-2": the text is converted again.
			return []string{edit(t, filepath.Join(opts.Templates, "chapter.html"), replaceOnce("<article", `<span id="keepers" hidden></span><article`))}
		}, false},
		{"an asset changed", func() []string {
			return []string{edit(t, filepath.Join(opts.Templates, "assets", "style.css"), func(s string) string { return s + "\n/* more */\n" })}
		}, false},
		{"a broken link written", func() []string {
			return []string{edit(t, c(corpus.ChapterPath(1)), editFirstParagraph("[nobody](actor:no-such-entry)"))}
		}, true},
		{"the broken link fixed", func() []string {
			return []string{edit(t, c(corpus.ChapterPath(1)), replaceOnce("[nobody](actor:no-such-entry) ", ""))}
		}, false},
		{"a mention taken out while a broken link is written", func() []string {
			// The build fails after converting the chapter: the next build
			// must still render the page of the entry whose mention went.
			return []string{edit(t, c(corpus.ChapterPath(4)), func(s string) string {
				s = explicitLink.ReplaceAllString(s, "$1")
				return editFirstParagraph("[nobody](actor:no-such-entry)")(s)
			})}
		}, true},
		{"the broken link fixed, the mentions still out", func() []string {
			return []string{edit(t, c(corpus.ChapterPath(4)), replaceOnce("[nobody](actor:no-such-entry) ", ""))}
		}, false},
		{"ordinary links written", func() []string {
			return []string{edit(t, c(corpus.ChapterPath(1)), editFirstParagraph(
				"[on](chapter-0003.html#p5) [its first mention](chapter-0003.html#m1) [style](../assets/style.css)"))}
		}, false},
		{"the chapter a kept chapter links to removed", func() []string {
			p := c(corpus.ChapterPath(2))
			var err error
			if removed, err = os.ReadFile(p); err != nil {
				t.Fatal(err)
			}
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			return []string{p}
		}, true},
		{"the chapter restored", func() []string {
			p := c(corpus.ChapterPath(2))
			if err := os.WriteFile(p, removed, 0o644); err != nil {
				t.Fatal(err)
			}
			return []string{p}
		}, false},
		// A file whose front matter does not parse leaves the others,
		// and its own text, to check in the same build.
		{"a chapter's front matter broken, a broken link in its text", func() []string {
			return []string{edit(t, c(corpus.ChapterPath(3)), func(s string) string {
				s = regexp.MustCompile(`(?m)^title: .*$`).ReplaceAllString(s, `title: "Unclosed`)
				wantDiag = `error: unknown entry "actor:no-such-entry"`
				return editFirstParagraph("[nobody](actor:no-such-entry)")(s)
			})}
		}, true},
		{"the front matter and the link fixed", func() []string {
			return []string{edit(t, c(corpus.ChapterPath(3)), func(s string) string {
				s = strings.Replace(s, `title: "Unclosed`, `title: "Closed"`, 1)
				return strings.Replace(s, "[nobody](actor:no-such-entry) ", "", 1)
			})}
		}, false},
		{"an entry's front matter broken", func() []string {
			return []string{edit(t, entries[4], replaceOnce("name: ", "name: \"Unclosed "))}
		}, true},
		{"the entry's front matter fixed", func() []string {
			return []string{edit(t, entries[4], replaceOnce("name: \"Unclosed ", "name: "))}
		}, false},
		{"a template broken", func() []string {
			return []string{edit(t, filepath.Join(opts.Templates, "kind.html"), replaceOnce("{{end}}", "{{end"))}
		}, true},
		{"the template fixed", func() []string {
			return []string{edit(t, filepath.Join(opts.Templates, "kind.html"), replaceOnce("{{end", "{{end}}"))}
		}, false},
		// Templates that do not load leave the content to check in the
		// same build; once they are fixed, the site is built whole.
		{"the layout broken, a broken link written", func() []string {
			wantDiag = `error: unknown entry "actor:no-such-entry"`
			return []string{edit(t, filepath.Join(opts.Templates, "layout.html"), replaceOnce(`{{block "content" .}}{{end}}`, `{{block "content" .}}{{end`)),
				edit(t, c(corpus.ChapterPath(1)), editFirstParagraph("[nobody](actor:no-such-entry)"))}
		}, true},
		{"the layout fixed, the link still broken", func() []string {
			wantDiag = `error: unknown entry "actor:no-such-entry"`
			return []string{edit(t, filepath.Join(opts.Templates, "layout.html"), replaceOnce(`{{block "content" .}}{{end`, `{{block "content" .}}{{end}}`))}
		}, true},
		{"the link fixed", func() []string {
			return []string{edit(t, c(corpus.ChapterPath(1)), replaceOnce("[nobody](actor:no-such-entry) ", ""))}
		}, false},
		{"a template broken and a chapter's section added", func() []string {
			wantDiag = `error: unknown entry "actor:no-such-entry"`
			return []string{edit(t, filepath.Join(opts.Templates, "entry.html"), replaceOnce("in this text</p>", "in this text{{if}}</p>")),
				edit(t, c(corpus.ChapterPath(5)), func(s string) string {
					return s + "\n## Tool annotations\n\nSee [nobody](actor:no-such-entry).\n"
				})}
		}, true},
		{"the template and the link fixed at once", func() []string {
			return []string{edit(t, filepath.Join(opts.Templates, "entry.html"), replaceOnce("{{if}}", "")),
				edit(t, c(corpus.ChapterPath(5)), replaceOnce("See [nobody](actor:no-such-entry).", "See nobody."))}
		}, false},
		{"an entry removed", func() []string {
			if err := os.Remove(entries[3]); err != nil {
				t.Fatal(err)
			}
			return []string{entries[3]}
		}, true},
	}
	for _, st := range steps {
		changed := st.change()
		res := b.Generate(changed...)
		if res.OK() == st.wantErr {
			t.Fatalf("%s: errors %v, want errors: %v", st.name, res.Diags.Err(), st.wantErr)
		}
		sameAsFresh(t, st.name, opts, res)
		if wantDiag != "" && !strings.Contains(diagStrings(res), wantDiag) {
			t.Errorf("%s: the diagnostics do not say %s:\n%s", st.name, wantDiag, diagStrings(res))
		}
		wantDiag = ""
		if wantInText != "" {
			found := false
			for _, f := range res.Files {
				found = found || strings.HasPrefix(f.Path, "text/") && bytes.Contains(f.Data, []byte(wantInText))
			}
			if !found {
				t.Errorf("%s: no chapter holds %s", st.name, wantInText)
			}
			wantInText = ""
		}
	}
}

// TestBuilderKeepsWhatDidNotChange: after one paragraph of one chapter
// changed, one file is read and parsed, one chapter converted, and the
// pages that do not show the change are kept, not rendered again.
func TestBuilderKeepsWhatDidNotChange(t *testing.T) {
	opts := fixture(t, 10)
	b := site.NewBuilder(opts)
	first := b.Generate()
	if !first.OK() {
		t.Fatal(first.Diags.Err())
	}
	w := b.Work()
	if w.Converted != 10 || w.Reused != 0 || w.Rendered == 0 {
		t.Fatalf("first build: %+v", w)
	}
	pages := w.Rendered
	p := edit(t, filepath.Join(opts.Content, filepath.FromSlash(corpus.ChapterPath(7))), editFirstParagraph("Meanwhile"))
	res := b.Generate(p)
	w = b.Work()
	if w.Read != 1 || w.Parsed != 1 || w.Converted != 1 {
		t.Errorf("after one chapter changed: %d files read, %d parsed, %d chapters converted; want 1, 1, 1", w.Read, w.Parsed, w.Converted)
	}
	if len(w.Changed) != 1 || w.Changed[0] != p {
		t.Errorf("changed files %q, want [%s]", w.Changed, p)
	}
	if w.Rendered+w.Reused != pages || w.Reused == 0 {
		t.Errorf("%d pages rendered and %d kept, of %d", w.Rendered, w.Reused, pages)
	}
	// The other chapters' pages are the very bytes of the first build.
	for i, f := range res.Files {
		if !strings.HasPrefix(f.Path, "text/chapter-") || f.Path == "text/"+corpus.ChapterSlug(7)+".html" {
			continue
		}
		if old := first.Files[i]; old.Path != f.Path || &old.Data[0] != &f.Data[0] {
			t.Errorf("%s was rendered again", f.Path)
		}
	}
	var changed []string
	for i, f := range res.Files {
		if !bytes.Equal(f.Data, first.Files[i].Data) && strings.HasSuffix(f.Path, ".html") {
			changed = append(changed, f.Path)
		}
	}
	if !slices.Contains(changed, "text/"+corpus.ChapterSlug(7)+".html") {
		t.Errorf("pages changed: %q", changed)
	}
	if len(changed) > w.Rendered {
		t.Errorf("%d pages changed but only %d were rendered", len(changed), w.Rendered)
	}
}

// TestBuilderRereadsFilesItIsToldChanged: a file rewritten with the same
// size and modification time is missed by the size-and-time check, but
// not when the caller names it (as the watcher does).
func TestBuilderRereadsFilesItIsToldChanged(t *testing.T) {
	opts := fixture(t, 3)
	b := site.NewBuilder(opts)
	if res := b.Generate(); !res.OK() {
		t.Fatal(res.Diags.Err())
	}
	p := filepath.Join(opts.Content, filepath.FromSlash(corpus.ChapterPath(1)))
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	edit(t, p, editFirstParagraph("Xxx"))                                          // four bytes more…
	edit(t, p, func(s string) string { return strings.Replace(s, "the ", "", 1) }) // …and four fewer: same size
	if err := os.Chtimes(p, fi.ModTime(), fi.ModTime()); err != nil {
		t.Fatal(err)
	}
	if fi2, _ := os.Stat(p); fi2.Size() != fi.Size() || !fi2.ModTime().Equal(fi.ModTime()) {
		t.Fatalf("the test could not keep the size and time")
	}
	b.Generate()
	if w := b.Work(); w.Read != 0 {
		t.Fatalf("a file with the same size and time was read again (%+v)", w)
	}
	res := b.Generate(p)
	if w := b.Work(); w.Read != 1 || w.Converted != 1 {
		t.Errorf("the file named as changed was not read again: %+v", w)
	}
	sameAsFresh(t, "named change", opts, res)
}

// TestBuilderBuildsTheEdition: the Builder on the edition itself makes
// what Build makes, and publishes it.
func TestBuilderBuildsTheEdition(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	opts := site.Options{Content: editionContent, Templates: editionTemplates, Output: out}
	b := site.NewBuilder(opts)
	res, err := b.Build()
	if err != nil || !res.OK() {
		t.Fatalf("%v %v", err, res.Diags.Err())
	}
	sameAsFresh(t, "edition", opts, res)
	if res.Stats.Files != len(res.Files) || res.Duration <= 0 || res.Duration > time.Minute {
		t.Errorf("stats %+v, duration %v", res.Stats, res.Duration)
	}
	for _, f := range res.Files {
		got, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(f.Path)))
		if err != nil || !bytes.Equal(got, f.Data) {
			t.Fatalf("%s was not published as built (%v)", f.Path, err)
		}
	}
}

// TestBuilderRandomEdits makes random small edits to random chapters, as
// an editor might, and checks after each that the Builder (in verify mode:
// every page kept by its pre-key is checked against its view) makes what
// a fresh build makes. The edits are the same at every run.
func TestBuilderRandomEdits(t *testing.T) {
	opts := fixture(t, 6)
	b := site.NewBuilder(opts)
	site.Verify(b)
	if res := b.Generate(); !res.OK() {
		t.Fatal(res.Diags.Err())
	}
	r := rand.New(rand.NewPCG(7, 7))
	words := regexp.MustCompile(`[A-Za-z]{3,}`)
	for step := range 15 {
		p := filepath.Join(opts.Content, filepath.FromSlash(corpus.ChapterPath(r.IntN(6))))
		var what string
		edit(t, p, func(s string) string {
			body := strings.Index(s, "\n# ") // after the front matter
			ms := words.FindAllStringIndex(s[body:], -1)
			m := ms[r.IntN(len(ms))]
			at, end := body+m[0], body+m[1]
			switch r.IntN(4) {
			case 0:
				what = "a word inserted"
				return s[:at] + "newly " + s[at:]
			case 1:
				what = "a word removed"
				return s[:at] + s[end:]
			case 2:
				what = "a word replaced"
				return s[:at] + "otherwise" + s[end:]
			default:
				what = "a paragraph split"
				return s[:at] + "\n\n" + strings.ToUpper(s[at:at+1]) + s[at+1:]
			}
		})
		res := b.Generate(p)
		sameAsFresh(t, fmt.Sprintf("step %d (%s in %s)", step, what, filepath.Base(p)), opts, res)
	}
}

// TestBuilderRendersOnlyThePagesOfWhatAChapterNames: in an edition whose
// entries are each named in a chapter or two, an edit of one chapter
// renders again the pages of the entries and sources it names, not every
// entry's page; and a build that fails between two others does not make
// the Builder forget the pages the failed edit touched.
func TestBuilderRendersOnlyThePagesOfWhatAChapterNames(t *testing.T) {
	opts := fixtureOf(t, corpus.Config{Chapters: 4, Entries: 300, Sources: 30})
	b := site.NewBuilder(opts)
	site.Verify(b)
	first := b.Generate()
	if !first.OK() {
		t.Fatal(first.Diags.Err())
	}
	x := first.Index
	// An entry linked explicitly in chapter 2 and named nowhere else.
	p := filepath.Join(opts.Content, filepath.FromSlash(corpus.ChapterPath(1)))
	src, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var link, ref string
	for _, m := range regexp.MustCompile(`\[this [a-z]+\]\(([a-z]+:[a-z0-9-]+)\)`).FindAllStringSubmatch(string(src), -1) {
		kind, key, _ := strings.Cut(m[1], ":")
		if occ := x.Occurrences(index.Ref{Kind: kind, Key: key}); len(occ) == 1 {
			link, ref = m[0], m[1]
			break
		}
	}
	if link == "" {
		t.Fatal("no entry of the corpus is named once, by an explicit link in chapter 2")
	}
	kind, key, _ := strings.Cut(ref, ":")
	page := x.Layout.Ref(index.Ref{Kind: kind, Key: key})

	// A word edited: a few pages, not the 300 entries'.
	edit(t, p, editFirstParagraph("Meanwhile"))
	res := b.Generate(p)
	sameAsFresh(t, "a word edited", opts, res)
	if w := b.Work(); w.Rendered > 60 {
		t.Errorf("one word edited: %d pages rendered, %d kept", w.Rendered, w.Reused)
	}
	// The mention taken out, and a broken link written: the build fails.
	edit(t, p, func(s string) string {
		s = strings.Replace(s, link, "this entry", 1)
		return editFirstParagraph("[nobody](actor:no-such-entry)")(s)
	})
	if res := b.Generate(p); res.OK() {
		t.Fatal("a broken link did not fail the build")
	}
	// The link fixed: the entry's page says it is no longer mentioned.
	edit(t, p, replaceOnce("[nobody](actor:no-such-entry) ", ""))
	res = b.Generate(p)
	sameAsFresh(t, "after a failed build", opts, res)
	for _, f := range res.Files {
		if f.Path == page && !strings.Contains(string(f.Data), "Not mentioned in the text") {
			t.Errorf("%s still shows the mention taken out", page)
		}
	}
}
