package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestBuildReportsEveryMistakeAtOnce makes one mistake of each kind, each
// in a file of its own, in a copy of the fixture, and checks that one
// build reports every one of them at its file:line:col, sorted, each
// once, and nothing else; that what depends on a file left out is not
// reported as a mistake of its own but said in that file's error; and
// that the site built before is left as it was.
func TestBuildReportsEveryMistakeAtOnce(t *testing.T) {
	workspace(t)
	if code, _, stderr := edition("build"); code != 0 {
		t.Fatalf("the fixture does not build (exit %d):\n%s", code, stderr)
	}
	before := snapshot(t, "public")

	// A record with a date that is no date: the other records are read.
	edit(t, bibliography, `issued: "1899"`, `issued: "1899-13"`)
	// A link to a page the site does not have, in a further page.
	appendTo(t, "content/pages/about.md", "\nSee [the log](keepers-log.html).\n")
	// An entry whose front matter does not parse: it is left out, and the
	// link to it below waits for it.
	edit(t, registry+"person/rudyerd.md", "index_name: Rudyerd, John\n", "index_name: Rudyerd, John\n\tborn: 1650\n")
	// Two entries claiming one alias.
	edit(t, registry+"place/plymouth.md", "aliases: [", "aliases: [Smeaton, ")
	// A citation with a bracket in it, never closed: the bracket and both
	// unknown keys.
	appendTo(t, chapter1, "\nAs [a @k1 [b @k2] c says, [the merchant](person:rudyerd) built again.\n")
	// Front matter that does not parse; the text after it is still checked,
	// an unknown key in a note among it.
	edit(t, chapter2, `title: "Smeaton’s Tower"`, `title: "Smeaton’s Tower`)
	appendTo(t, chapter2, "\nThe ledger is lost.[^lost]\n\n[^lost]: So says [@ledger1760].\n")
	// A chapter that is not UTF-8.
	chapter3 := "content/text/03-log.md"
	if err := os.WriteFile(chapter3, []byte("---\ntitle: Log\n---\nCaf\xe9.\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	want := []struct{ at, msg string }{
		{at(t, bibliography, `"1899-13"`, true), `invalid issued date: month 13 is not between 1 and 12 (`},
		{at(t, "content/pages/about.md", "[the log]", true), `link "keepers-log.html" leads to keepers-log.html, which the site does not have (`},
		{at(t, registry+"person/rudyerd.md", "\tborn", true), `malformed YAML: a tab indents the line; person:rudyerd is left out until it reads, so the place that names it is not checked (`},
		{at(t, registry+"place/plymouth.md", "Smeaton, ", true), `alias "Smeaton" is also claimed by person:smeaton (`},
		{at(t, chapter1, "[a @k1", true), `the citation “[a @k1 [b @k2] c says, [the merchant](person:rudyerd) built again.” is not closed, and shows as text (`},
		{at(t, chapter1, "@k1", true), `citation of unknown source @k1 (`},
		{at(t, chapter1, "@k2", true), `citation of unknown source @k2 (`},
		{at(t, chapter2, `"Smeaton’s Tower`, true), `malformed YAML: a quotation mark is never closed (`},
		{at(t, chapter2, "@ledger1760", true), `citation of unknown source @ledger1760 (`},
		{at(t, chapter3, "\xe9", true), `the file is not valid UTF-8 (byte 0xe9); the chapter's text is not checked until it reads (`},
	}
	code, _, stderr := edition("build")
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	errs := errorLines(stderr)
	for i, w := range want {
		prefix := w.at + ": error: " + w.msg
		if i >= len(errs) || !strings.HasPrefix(errs[i], prefix) {
			t.Errorf("error %d: want\n  %s…\nthe command said:\n%s", i+1, prefix, stderr)
			break
		}
	}
	if len(errs) != len(want) {
		t.Errorf("%d errors, want %d:\n%s", len(errs), len(want), stderr)
	}
	if !strings.Contains(stderr, "edition: 10 errors; public was not changed") {
		t.Errorf("the command does not count 10 errors and say public was left alone:\n%s", stderr)
	}
	if diff := sameFiles(before, snapshot(t, "public")); diff != "" {
		t.Errorf("a failed build changed the site: %s", diff)
	}
}

// TestBuildSaysWhatAnUnreadFileLeavesUnchecked: a file whose mistake
// makes checks of others meaningless says so in its error, and those
// checks are not reported as mistakes of their own; the other files are
// still checked.
func TestBuildSaysWhatAnUnreadFileLeavesUnchecked(t *testing.T) {
	t.Run("a bibliography that does not parse", func(t *testing.T) {
		workspace(t)
		edit(t, bibliography, "    type: book\n    title: Keepers", "    type: book\n   title: Keepers")
		edit(t, chapter1, "(place:eddystone-rocks)", "(place:eddystone-rock)")
		code, _, stderr := edition("build")
		if code != 1 {
			t.Errorf("exit code %d, want 1", code)
		}
		errs := errorLines(stderr)
		if len(errs) != 2 {
			t.Fatalf("%d errors, want 2 (the bibliography's, the chapter's unknown entry):\n%s", len(errs), stderr)
		}
		if !strings.HasPrefix(errs[0], bibliography+":") || !strings.Contains(errs[0], "malformed YAML") ||
			!strings.Contains(errs[0], "; no record is read until it is fixed, so 13 citations of 4 keys (@mariner1899, @quarry1897, @smeaton1791, @trinity1882; the first at content/pages/about.md:") {
			t.Errorf("the bibliography's error does not say that the citations are not checked:\n%s", errs[0])
		}
		if want := at(t, chapter1, "[the reef](place:eddystone-rock)", true) + `: error: unknown entry "place:eddystone-rock"`; !strings.HasPrefix(errs[1], want) {
			t.Errorf("the chapter's mistake is not reported:\n%s\nwant %s…", errs[1], want)
		}
	})
	t.Run("edition.yaml that does not parse", func(t *testing.T) {
		workspace(t)
		edit(t, "content/edition.yaml", "kinds:\n", "kinds:\n\t")
		code, _, stderr := edition("build")
		if code != 1 {
			t.Errorf("exit code %d, want 1", code)
		}
		if !strings.Contains(stderr, "content/edition.yaml:") || !strings.Contains(stderr, "; the rest of the content is not checked without it (") {
			t.Errorf("edition.yaml's error does not say that nothing else was checked:\n%s", stderr)
		}
	})
}

// appendTo adds text at the end of file.
func appendTo(t *testing.T, file, text string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	write(t, file, string(b)+text)
}

// errorLines is the lines of what the command said that are errors.
func errorLines(stderr string) []string {
	var errs []string
	for line := range strings.Lines(stderr) {
		if strings.Contains(line, ": error: ") {
			errs = append(errs, strings.TrimSpace(line))
		}
	}
	return errs
}

// TestBuildWithTemplatesThatDoNotLoadChecksTheContent: templates that do
// not load leave no page to make, but the content is still checked in the
// same build, `edition check` as `edition build`: its mistakes are
// reported with the templates', each at its file:line:col, sorted. What
// the templates folder says besides the templates' code is known all the
// same (an image among the assets, an id of a page whose templates load);
// what it cannot say (an id a page that does not load would write, an
// asset that does not read) waits, rather than being said wrongly. Once
// the templates are fixed, the build says the same mistakes of the
// content, and those that waited.
func TestBuildWithTemplatesThatDoNotLoadChecksTheContent(t *testing.T) {
	const dangling = "templates/assets/tower.png"
	for _, tc := range []struct {
		name     string
		mistake  func(t *testing.T) string // makes the templates' mistake, returns its error
		fix      func(t *testing.T)
		idsKnown bool // the chapter's page can be made alone
		unread   bool // the image tower.png is an asset that does not read
	}{
		{
			name: "the layout",
			mistake: func(t *testing.T) string {
				edit(t, "templates/layout.html", `<main id="main" tabindex="-1">`, `<main id="main" tabindex="-1">{{if}}`)
				return at(t, "templates/layout.html", "{{if}}", false) + `: error: template error: missing value for if (`
			},
			fix: func(t *testing.T) { edit(t, "templates/layout.html", "{{if}}", "") },
		},
		{
			name: "a page template",
			mistake: func(t *testing.T) string {
				edit(t, "templates/entry.html", `<p class="count">`, `<p class="count">{{if}}`)
				return at(t, "templates/entry.html", "{{if}}", false) + `: error: template error: missing value for if (`
			},
			fix:      func(t *testing.T) { edit(t, "templates/entry.html", "{{if}}", "") },
			idsKnown: true,
		},
		{
			name: "an asset that does not read",
			mistake: func(t *testing.T) string {
				if err := os.Symlink("tower-original.png", dangling); err != nil {
					t.Fatal(err)
				}
				return dangling + `: error: the file is a symbolic link to a file that does not exist (restore the file it links to, or remove the link)`
			},
			fix:      func(t *testing.T) { write(t, "templates/assets/tower-original.png", "PNG") },
			idsKnown: true,
			unread:   true,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			workspace(t)
			if code, _, stderr := edition("build"); code != 0 {
				t.Fatalf("the fixture does not build (exit %d):\n%s", code, stderr)
			}
			before := snapshot(t, "public")

			appendTo(t, chapter1, "\nAs [@nosuch1900] says of [the rock](place:eddystone-rok), in [its log](stone.html#p70).\n")
			// A link to a page the site does not have; an image among the
			// templates' assets, and an id the chapter's template writes,
			// which are no mistakes; an image that does not read.
			appendTo(t, chapter2, "\nSee [the log](keepers-log.html), ![the lamp](../assets/icon.svg), [the title](#chapter-title)"+
				" and ![the tower](../assets/tower.png).\n")
			content := []string{
				at(t, chapter1, "@nosuch1900", true) + `: error: citation of unknown source @nosuch1900 (`,
				at(t, chapter1, "[the rock]", true) + `: error: unknown entry "place:eddystone-rok" (`,
				at(t, chapter1, "[its log]", true) + `: error: link "stone.html#p70" leads to text/stone.html, which has no id "p70" (`,
				at(t, chapter2, "[the log]", true) + `: error: link "keepers-log.html" leads to text/keepers-log.html, which the site does not have (`,
				at(t, chapter2, "![the tower]", true) + `: error: image "../assets/tower.png" leads to assets/tower.png, which the site does not have (`,
			}
			var want []string
			for i, w := range content {
				if i == 2 && !tc.idsKnown || i == 4 && tc.unread {
					continue // waits for the chapter's page, for the asset to read
				}
				want = append(want, w)
			}
			want = append(want, tc.mistake(t))
			for _, cmd := range []string{"build", "check"} {
				code, _, stderr := edition(cmd)
				if code != 1 {
					t.Errorf("%s: exit code %d, want 1", cmd, code)
				}
				errs := errorLines(stderr)
				for i, w := range want {
					if i >= len(errs) || !strings.HasPrefix(errs[i], w) {
						t.Errorf("%s: error %d: want\n  %s…\nthe command said:\n%s", cmd, i+1, w, stderr)
						break
					}
				}
				if len(errs) != len(want) {
					t.Errorf("%s: %d errors, want %d:\n%s", cmd, len(errs), len(want), stderr)
				}
			}
			if diff := sameFiles(before, snapshot(t, "public")); diff != "" {
				t.Errorf("a failed build changed the site: %s", diff)
			}

			tc.fix(t)
			if tc.unread {
				content = content[:4] // the image is there now
			}
			code, _, stderr := edition("build")
			if code != 1 {
				t.Errorf("with the templates fixed: exit code %d, want 1", code)
			}
			if errs := errorLines(stderr); len(errs) != len(content) || !slices.Equal(errs, errorLinesOf(content, errs)) {
				t.Errorf("with the templates fixed, the build does not say the content's mistakes alone, want\n  %s\nthe command said:\n%s",
					strings.Join(content, "…\n  "), stderr)
			}
		})
	}
}

// errorLinesOf is the lines of errs that begin with one of prefixes, in
// order, or nil when one of the prefixes begins none.
func errorLinesOf(prefixes, errs []string) []string {
	var out []string
	for _, p := range prefixes {
		i := slices.IndexFunc(errs, func(e string) bool { return strings.HasPrefix(e, p) })
		if i < 0 {
			return nil
		}
		out = append(out, errs[i])
	}
	return out
}

// TestFirstBuildWithErrorsSaysNothingWasWritten: a build with errors where
// there is no site yet says that nothing was written, not that a site it
// never had was left as it was, and leaves no folder behind.
func TestFirstBuildWithErrorsSaysNothingWasWritten(t *testing.T) {
	dir := workspace(t)
	appendTo(t, chapter1, "\nAs [@nosuch1900] says.\n")
	code, _, stderr := edition("build")
	if code != 1 {
		t.Fatalf("exit code %d, want 1:\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "edition: 1 error; nothing was written\n") {
		t.Errorf("the command does not say that nothing was written:\n%s", stderr)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "public*")); len(left) > 0 {
		t.Errorf("a failed first build left %v", left)
	}
}
