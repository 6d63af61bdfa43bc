package main

import (
	"bytes"
	"encoding/binary"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"edition/generator/internal/words"
)

// The fixture edition and the repository's real templates, found from the
// package folder before any test changes the working directory.
var (
	fixtureContent = mustAbs("../../testdata/fixture/content")
	repoTemplates  = mustAbs("../../../templates")
)

func mustAbs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		panic(err)
	}
	return a
}

// edition runs the command as a user would from the edition's folder and
// returns its exit code, standard output and standard error.
func edition(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// workspace copies the fixture's content and the templates into a fresh
// folder and makes it the working directory: content/, templates/, and
// public/ once built.
func workspace(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	copyTree(t, fixtureContent, filepath.Join(dir, "content"))
	copyTree(t, repoTemplates, filepath.Join(dir, "templates"))
	t.Chdir(dir)
	return dir
}

func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// snapshot reads every file under dir (relative paths → contents); a
// missing dir is an empty snapshot.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir && os.IsNotExist(err) {
				return filepath.SkipDir
			}
			return err
		}
		if !d.IsDir() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(dir, p)
			files[filepath.ToSlash(rel)] = string(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// sameFiles reports how two snapshots differ, or "" when they do not.
func sameFiles(before, after map[string]string) string {
	var diffs []string
	for p, b := range before {
		a, ok := after[p]
		switch {
		case !ok:
			diffs = append(diffs, "removed "+p)
		case a != b:
			diffs = append(diffs, "changed "+p)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			diffs = append(diffs, "added "+p)
		}
	}
	slices.Sort(diffs)
	return strings.Join(diffs, ", ")
}

// edit replaces the one occurrence of old in file (a path in the
// workspace) with new.
func edit(t *testing.T, file, old, new string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(b), old); n != 1 {
		t.Fatalf("%s holds %q %d times; the mutation needs exactly one", file, old, n)
	}
	write(t, file, strings.Replace(string(b), old, new, 1))
}

func write(t *testing.T, file, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// at returns "file:line:col" of the first occurrence of needle in file, the
// column counted in characters as the diagnostics count it; with col false,
// "file:line".
func at(t *testing.T, file, needle string, col bool) string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(b, []byte(needle))
	if i < 0 {
		t.Fatalf("%s does not hold %q", file, needle)
	}
	line := bytes.Count(b[:i], []byte("\n")) + 1
	pos := file + ":" + strconv.Itoa(line)
	if col {
		start := bytes.LastIndexByte(b[:i], '\n') + 1
		pos += ":" + strconv.Itoa(utf8.RuneCount(b[start:i])+1)
	}
	return pos
}

// Files of the fixture, as paths in the workspace.
const (
	chapter1     = "content/text/01-first-lights.md"
	chapter2     = "content/text/02-stone.md"
	bibliography = "content/bibliography.yaml"
	registry     = "content/registry/"
)

// errorCase is one mistake in an edition and what the command must say
// about it.
type errorCase struct {
	name string
	// mutate makes the mistake in the workspace and returns where the
	// diagnostic must point ("file:line:col" or "file:line" or "file").
	mutate func(t *testing.T) string
	msg    []string // what the diagnostic must say, in order
	args   []string // the command line; default: build
	// errors is the number of errors the command must count, where the
	// case is one mistake that must be said once; 0: not checked.
	errors int
}

var errorCases = []errorCase{
	{
		name: "unknown key in an explicit link",
		mutate: func(t *testing.T) string {
			edit(t, chapter1, "(place:eddystone-rocks)", "(place:eddystone-rock)")
			return at(t, chapter1, "[the reef](place:eddystone-rock)", true)
		},
		msg: []string{`unknown entry "place:eddystone-rock"`, `did you mean “eddystone-rocks”?`},
	},
	{
		// A kind unlike any of the edition's, with a key that is an entry's.
		name: "explicit link with a kind the edition does not have",
		mutate: func(t *testing.T) string {
			edit(t, chapter1, "(place:eddystone-rocks)", "(landmark:eddystone-rocks)")
			return at(t, chapter1, "[the reef](landmark:", true)
		},
		msg:    []string{`unknown kind "landmark" in the link "landmark:eddystone-rocks": the edition's kinds are concept, person, place, source (did you mean “place:eddystone-rocks”?)`},
		errors: 1,
	},
	{
		name: "explicit link to a key of another kind",
		mutate: func(t *testing.T) string {
			edit(t, chapter1, "(place:eddystone-rocks)", "(person:eddystone-rocks)")
			return at(t, chapter1, "[the reef](person:eddystone-rocks)", true)
		},
		msg: []string{`no person "eddystone-rocks", but there is place:eddystone-rocks`, `write place:eddystone-rocks`},
	},
	{
		name: "misspelt kind in an explicit link",
		mutate: func(t *testing.T) string {
			edit(t, chapter1, "(place:eddystone-rocks)", "(plcae:eddystone-rocks)")
			return at(t, chapter1, "[the reef](plcae:eddystone-rocks)", true)
		},
		msg: []string{`unknown kind "plcae" in the link "plcae:eddystone-rocks"`, `did you mean “place:eddystone-rocks”?`},
	},
	{
		name: "explicit link without its closing parenthesis",
		mutate: func(t *testing.T) string {
			edit(t, chapter1, "(place:eddystone-rocks)", "(place:eddystone-rocks")
			return at(t, chapter1, "](place:eddystone-rocks", true)
		},
		msg: []string{`“](place:eddystone-rocks” does not make a link, and shows as text`, `with no space in the key and “)” right after it`},
	},
	{
		name: "ordinary link to a page the site does not have",
		mutate: func(t *testing.T) string {
			edit(t, chapter1, "(place:eddystone-rocks)", "(place:eddystone-rocks) ([the log](../keepers-log.html))")
			return at(t, chapter1, "[the log](../keepers-log.html)", true)
		},
		msg: []string{`link "../keepers-log.html" leads to keepers-log.html, which the site does not have`, `from this text's page, text/first-lights.html`},
	},
	{
		name: "ordinary link to an id the page does not have",
		mutate: func(t *testing.T) string {
			edit(t, chapter1, "(place:eddystone-rocks)", "(place:eddystone-rocks) ([the tower](stone.html#p70))")
			return at(t, chapter1, "[the tower](stone.html#p70)", true)
		},
		msg: []string{`link "stone.html#p70" leads to text/stone.html, which has no id "p70"`, `did you mean “#p7”?`},
	},
	{
		// Said in the same run as the content's other errors, not after
		// they are fixed.
		name: "ordinary link to a page the site does not have, in a build with another error",
		mutate: func(t *testing.T) string {
			edit(t, chapter2, "[^ed-hoe]: The stump", "As [@mariner1899x] says.\n\n[^ed-hoe]: The stump")
			edit(t, chapter1, "(place:eddystone-rocks)", "(place:eddystone-rocks) ([the log](../keepers-log.html))")
			return at(t, chapter1, "[the log](../keepers-log.html)", true)
		},
		msg:    []string{`link "../keepers-log.html" leads to keepers-log.html, which the site does not have`, `from this text's page, text/first-lights.html`},
		errors: 2,
	},
	{
		name: "ordinary link to an id the page does not have, in a build with another error",
		mutate: func(t *testing.T) string {
			// The error is in this chapter; the chapter linked to has none.
			edit(t, chapter1, "(place:eddystone-rocks)", "(place:eddystone-rocks) ([the tower](stone.html#p70)) [@mariner1899x]")
			return at(t, chapter1, "[the tower](stone.html#p70)", true)
		},
		msg:    []string{`link "stone.html#p70" leads to text/stone.html, which has no id "p70"`, `did you mean “#p7”?`},
		errors: 2,
	},
	{
		name: "ordinary link with a misspelt scheme",
		mutate: func(t *testing.T) string {
			edit(t, chapter1, "(place:eddystone-rocks)", "(place:eddystone-rocks) ([a chart](htps://example.org/chart))")
			return at(t, chapter1, "[a chart](htps://example.org/chart)", true)
		},
		msg: []string{`link "htps://example.org/chart" has the scheme "htps", which is not one the edition links with (https, http, mailto, tel)`, `did you mean “https://example.org/chart”?`},
	},
	{
		name: "image that the site does not have",
		mutate: func(t *testing.T) string {
			edit(t, chapter2, "chose stone.", "chose stone.\n\n![The third tower](img/tower.png)\n")
			return at(t, chapter2, "![The third tower]", true)
		},
		msg: []string{`image "img/tower.png" leads to text/img/tower.png, which the site does not have`},
	},
	{
		name: "unknown citation key",
		mutate: func(t *testing.T) string {
			edit(t, chapter1, "[@smeaton1791, p. 3]", "[@smeton1791, p. 3]")
			return at(t, chapter1, "@smeton1791", true)
		},
		msg: []string{`citation of unknown source @smeton1791`, `did you mean “smeaton1791”?`},
	},
	{
		name: "unknown second key of a citation",
		mutate: func(t *testing.T) string {
			edit(t, chapter1, "[@smeaton1791; @mariner1899, p. 22]", "[@smeaton1791; @marinr1899, p. 22]")
			return at(t, chapter1, "@marinr1899", true)
		},
		msg: []string{`citation of unknown source @marinr1899`, `did you mean “mariner1899”?`},
	},
	{
		name: "citation without its closing bracket",
		mutate: func(t *testing.T) string {
			edit(t, chapter1, "[@smeaton1791, p. 3].", "[@smeaton1791, p. 3.")
			return at(t, chapter1, "[@smeaton1791, p. 3.", true)
		},
		msg: []string{`the citation “[@smeaton1791, p. 3.” is not closed, and shows as text`, `close it with “]”`},
	},
	{
		name: "citation with a part that has no key",
		mutate: func(t *testing.T) string {
			edit(t, chapter1, "[@smeaton1791; @mariner1899, p. 22]", "[@smeaton1791; mariner1899, p. 22]")
			return at(t, chapter1, "[@smeaton1791; mariner1899", true)
		},
		msg: []string{`“[@smeaton1791; mariner1899, p. 22]” is not a citation, and shows as text`, `give every part between semicolons its @key`},
	},
	{
		name: "heading with only a note reference",
		mutate: func(t *testing.T) string {
			edit(t, chapter1, "# The Rocks and the First Lights[^*]", "# [^*]")
			return chapter1 + ":6:1"
		},
		msg: []string{`the heading has no words`, `write its words before its note's reference or citation`},
	},
	{
		name: "note reference without a definition",
		mutate: func(t *testing.T) string {
			edit(t, chapter2, "chose stone.", "chose stone.[^missing]")
			return at(t, chapter2, "[^missing]", true)
		},
		msg: []string{`note reference [^missing] has no definition`, `add a line “[^missing]: …”`},
	},
	{
		name: "note definition without its colon",
		mutate: func(t *testing.T) string {
			edit(t, chapter2, "[^lime]: ", "[^lime] ")
			return at(t, chapter2, "[^lime] Smeaton", true)
		},
		msg: []string{`note reference [^lime] has no definition`, `to define the note here, write a colon after it: “[^lime]: …”`},
	},
	{
		name: "note reference without its closing bracket",
		mutate: func(t *testing.T) string {
			edit(t, chapter2, "under water.[^lime]", "under water.[^lime")
			return at(t, chapter2, "[^lime", true)
		},
		msg:    []string{`note reference “[^lime” is not closed`, `write [^lime] with its closing bracket`},
		errors: 1, // not the definition as never referenced too
	},
	{
		// One mistake, one error: not the definition as never referenced too.
		name: "a note's definition relabelled, its reference kept",
		mutate: func(t *testing.T) string {
			if def := at(t, chapter2, "[^log]:", false); def != chapter2+":42" {
				t.Fatalf("the fixture's note [^log] is defined at %s, not line 42 as the message below says", def)
			}
			edit(t, chapter2, "[^log]: ", "[^log-a]: ")
			return at(t, chapter2, "[^log]", true)
		},
		msg:    []string{`note reference [^log] has no definition; the note [^log-a] defined at line 42 is never referenced (did you mean it? Write [^log-a] here, or relabel its definition “[^log]:”)`},
		errors: 1,
	},
	{
		name: "a note without text",
		mutate: func(t *testing.T) string {
			edit(t, chapter2, "[^log]: From a log transcribed in [@mariner1899; @smeaton1791].", "[^log]:")
			return at(t, chapter2, "[^log]:", true)
		},
		msg:    []string{`note [^log] has no text (write the note's text after “[^log]:”, on its line, or remove the note and its reference)`},
		errors: 1,
	},
	{
		name: "an alias of punctuation only",
		mutate: func(t *testing.T) string {
			f := registry + "person/smeaton.md"
			edit(t, f, "  - Smeaton\n", "  - Smeaton\n  - \"—\"\n")
			return at(t, f, `"—"`, true)
		},
		msg:    []string{`alias "—" has no letter or digit, so it matches nothing in the text (give the alias the words it stands for in the text, or remove it)`},
		errors: 1,
	},
	{
		// Other tools order pages so; a chapter's file name orders it.
		name: "a chapter's order given in its front matter",
		mutate: func(t *testing.T) string {
			edit(t, chapter2, "---\n## The Stone Tower", "order: 2\n---\n## The Stone Tower")
			return at(t, chapter2, "order:", true)
		},
		msg:    []string{`unknown field "order" in the chapter's front matter (the chapters are in the order of their files' names: begin each name with its number, 01-…, 02-…, and remove “order:”)`},
		errors: 1,
	},
	{
		name: "a heading of seven “#”",
		mutate: func(t *testing.T) string {
			edit(t, chapter2, "## A Second Life on the Hoe", "####### A Second Life on the Hoe")
			return at(t, chapter2, "####### A Second", true)
		},
		msg:    []string{`a heading of 7 “#” is not a heading, and shows as text: Markdown's headings have six levels (write six “#” at most, “###### …”, or a level of heading the text already uses)`},
		errors: 1,
	},
	{
		name: "note defined twice",
		mutate: func(t *testing.T) string {
			if first := at(t, chapter2, "[^lime]:", false); first != chapter2+":40" {
				t.Fatalf("the fixture's note [^lime] is defined at %s, not line 40 as the message below says", first)
			}
			edit(t, chapter2, "[^ed-narrative]: ", "[^lime]: Again.\n\n[^ed-narrative]: ")
			return at(t, chapter2, "[^lime]: Again.", true)
		},
		msg: []string{`note [^lime] is defined twice`, `the first is at line 40: remove or relabel one definition`},
	},
	{
		name: "note defined but never referenced",
		mutate: func(t *testing.T) string {
			edit(t, chapter2, "[^ed-narrative]: ", "[^unused]: Never called.\n\n[^ed-narrative]: ")
			return at(t, chapter2, "[^unused]:", true)
		},
		msg: []string{`note [^unused] is defined but never referenced`, `add [^unused] where the note belongs, or delete the definition`},
	},
	{
		name: "alias claimed by two entries",
		mutate: func(t *testing.T) string {
			f := registry + "place/smeatons-tower.md"
			edit(t, f, "aliases: [Smeaton’s Tower]", "aliases: [Smeaton’s Tower, Plymouth Hoe]")
			return at(t, f, "Plymouth Hoe", true)
		},
		msg: []string{`alias "Plymouth Hoe" is also claimed by place:plymouth-hoe (content/registry/place/plymouth-hoe.md:5:5)`,
			`keep the alias in one entry and link the other explicitly`},
	},
	{
		// Said where the alias was added, not at the entry it names.
		name: "an alias that another entry's key spells, claimed by both",
		mutate: func(t *testing.T) string {
			f := registry + "concept/dovetailing.md"
			edit(t, f, "aliases: [dovetailing, dovetailed, dovetail joints]", "aliases: [dovetailing, dovetailed, dovetail joints, lighthouse]")
			return at(t, f, "lighthouse]", true)
		},
		msg: []string{`alias "lighthouse" is also claimed by concept:lighthouse (content/registry/concept/lighthouse.md:3:11)`, `[lighthouse](concept:dovetailing)`},
	},
	{
		name: "one key in two kinds",
		mutate: func(t *testing.T) string {
			write(t, registry+"person/plymouth.md", "---\nname: Plymouth Brethren\n---\nA church.\n")
			return registry + "place/plymouth.md:1:1"
		},
		msg: []string{`duplicate key "plymouth": also content/registry/person/plymouth.md`, `keys are unique across all kinds`},
	},
	{
		name: "two records whose pages collide",
		mutate: func(t *testing.T) string {
			b, _ := os.ReadFile(bibliography)
			write(t, bibliography, string(b)+"\n  - id: Quarry1897\n    type: book\n    title: Another Book\n")
			return at(t, bibliography, "id: Quarry1897", true)
		},
		msg: []string{`record "Quarry1897" would have the same page as record "quarry1897" (` + bibliography + `:`, `change one of the ids`},
	},
	{
		name: "two chapters with one slug",
		mutate: func(t *testing.T) string {
			b, _ := os.ReadFile(chapter2)
			write(t, "content/text/03-stone.md", string(b))
			return "content/text/03-stone.md"
		},
		msg: []string{`chapter slug "stone" is already used by ` + chapter2, `set another “slug:”`},
	},
	{
		name: "related names a missing entry",
		mutate: func(t *testing.T) string {
			f := registry + "person/rudyerd.md"
			edit(t, f, "related: [winstanley, smeaton]", "related: [winstanley, smeeton]")
			return at(t, f, "smeeton", true)
		},
		msg: []string{`entry "rudyerd" names "smeeton" as related, but there is no such entry`, `did you mean “smeaton”?`},
	},
	{
		// The key is the file's name: the old key stays behind in every
		// reference, and only the entry's alias still spells it.
		name: "a renamed registry file's old key in related",
		mutate: func(t *testing.T) string {
			if err := os.Rename(registry+"person/smeaton.md", registry+"person/john-smeaton.md"); err != nil {
				t.Fatal(err)
			}
			return at(t, registry+"person/rudyerd.md", "smeaton]", true)
		},
		msg: []string{`entry "rudyerd" names "smeaton" as related, but there is no such entry`, `did you mean “john-smeaton”, the entry with the alias “Smeaton”?`},
	},
	{
		name: "a renamed registry file's old key in an explicit link",
		mutate: func(t *testing.T) string {
			if err := os.Rename(registry+"place/eddystone-rocks.md", registry+"place/rocks.md"); err != nil {
				t.Fatal(err)
			}
			return at(t, chapter1, "[the reef](place:eddystone-rocks)", true)
		},
		msg: []string{`unknown entry "place:eddystone-rocks"`, `did you mean “rocks”, the entry named “Eddystone Rocks”?`},
	},
	{
		// YAML reads it as one key, with commas.
		name: "related without its brackets",
		mutate: func(t *testing.T) string {
			f := registry + "person/rudyerd.md"
			edit(t, f, "related: [winstanley, smeaton]", "related: winstanley, smeaton")
			return at(t, f, "winstanley, smeaton", true)
		},
		msg: []string{`related is a list without its brackets, which YAML reads as one value, “winstanley, smeaton”`, `(write the list in brackets: [winstanley, smeaton])`},
	},
	{
		name: "related names the entry itself",
		mutate: func(t *testing.T) string {
			f := registry + "person/rudyerd.md"
			edit(t, f, "related: [winstanley, smeaton]", "related: [winstanley, rudyerd, smeaton]")
			return at(t, f, "rudyerd, smeaton]", true)
		},
		msg: []string{`entry "rudyerd" names itself as related`, `remove it from “related:”`},
	},
	{
		name: "related names an entry twice",
		mutate: func(t *testing.T) string {
			f := registry + "person/rudyerd.md"
			edit(t, f, "related: [winstanley, smeaton]", "related: [winstanley, smeaton, smeaton]")
			return at(t, f, "smeaton]", true)
		},
		msg: []string{`entry "rudyerd" names "smeaton" as related twice`, `remove the repeated key`},
	},
	{
		name: "parent names a missing entry",
		mutate: func(t *testing.T) string {
			f := registry + "place/plymouth-sound.md"
			edit(t, f, "parent: plymouth", "parent: plymoth")
			return at(t, f, "plymoth", true)
		},
		msg: []string{`entry "plymouth-sound" has parent "plymoth", but there is no such entry`, `did you mean “plymouth”`},
	},
	{
		name: "parents in a circle",
		mutate: func(t *testing.T) string {
			f := registry + "place/plymouth.md"
			edit(t, f, "wikidata: Q43382\n", "wikidata: Q43382\nparent: smeatons-tower\n")
			return at(t, f, "smeatons-tower", true)
		},
		msg:    []string{`entry "plymouth" is its own ancestor: plymouth → smeatons-tower → plymouth-hoe → plymouth`, `remove or change one “parent:” of the circle`},
		errors: 1, // not again at each entry of the circle
	},
	{
		name: "malformed YAML in front matter: a colon in a value",
		mutate: func(t *testing.T) string {
			edit(t, chapter1, `title: "The Rocks and the First Lights"`, `title: The Rocks: and the First Lights`)
			return at(t, chapter1, ": and the First", true)
		},
		msg: []string{`malformed YAML: mapping values are not allowed in this context`, `quote values that contain “: ”`},
	},
	{
		name: "malformed YAML in front matter: an unclosed quotation mark",
		mutate: func(t *testing.T) string {
			edit(t, chapter1, `title: "The Rocks and the First Lights"`, `title: "The Rocks and the First Lights`)
			return at(t, chapter1, `"The Rocks`, true)
		},
		msg: []string{`malformed YAML: a quotation mark is never closed`, `close the quotation with " on this line`},
	},
	{
		name: "malformed YAML in front matter: an unclosed list",
		mutate: func(t *testing.T) string {
			edit(t, chapter1, `authors: ["Edith Mariner"]`, `authors: ["Edith Mariner"`)
			return at(t, chapter1, `["Edith Mariner"`, true)
		},
		msg: []string{`malformed YAML: did not find expected ',' or ']'`},
	},
	{
		name: "malformed YAML in the bibliography: bad indentation",
		mutate: func(t *testing.T) string {
			edit(t, bibliography, "    publisher: G. Nicol\n", "    publisher: G. Nicol\n     place: London\n")
			return at(t, bibliography, "     place: London", false) + ":11"
		},
		msg: []string{`malformed YAML: the line is indented under the field before it, and read as more of its value`,
			`indent it as the fields around it are`},
	},
	{
		name: "malformed YAML in front matter: a tab that indents a line",
		mutate: func(t *testing.T) string {
			f := registry + "person/rudyerd.md"
			edit(t, f, "related: [winstanley, smeaton]", "related:\n\t- winstanley")
			return at(t, f, "\t- winstanley", true)
		},
		msg: []string{`malformed YAML: a tab indents the line`, `YAML indents with spaces only: replace the tab with spaces`},
	},
	{
		name: "malformed YAML in front matter: a value in curly quotes",
		mutate: func(t *testing.T) string {
			edit(t, chapter1, `title: "The Rocks and the First Lights"`, `title: “The Rocks: the First Lights”`)
			return at(t, chapter1, `“The Rocks`, true)
		},
		msg: []string{`malformed YAML: the value is in curly quotes, which YAML does not read as quotes`,
			`write straight quotes, "…", around a value that holds “: ”`},
	},
	{
		name: "a value in curly quotes that YAML reads",
		mutate: func(t *testing.T) string {
			f := registry + "person/smeaton.md"
			edit(t, f, "name: John Smeaton", "name: “John Smeaton”")
			return at(t, f, "“John Smeaton”", true)
		},
		msg: []string{`name is in curly quotes, which YAML keeps as part of it`, `write straight quotes, "John Smeaton", or none`},
	},
	{
		name: "front matter without a closing fence",
		mutate: func(t *testing.T) string {
			f := registry + "concept/masonry.md"
			edit(t, f, "related: [hydraulic-lime]\n---\n", "related: [hydraulic-lime]\n")
			return f + ":1:1"
		},
		msg: []string{`front matter opened on line 1 is never closed`, `add a line “---” after the last front-matter field`},
	},
	{
		name: "front matter after a blank line",
		mutate: func(t *testing.T) string {
			b, _ := os.ReadFile(chapter2)
			write(t, chapter2, "\n"+string(b))
			return chapter2 + ":2:1"
		},
		msg: []string{`the front matter begins on line 2, after blank lines`, `remove the blank lines before “---”`},
	},
	{
		name: "front matter fenced with four hyphens",
		mutate: func(t *testing.T) string {
			f := registry + "concept/masonry.md"
			b, _ := os.ReadFile(f)
			write(t, f, "-"+string(b))
			return f + ":1:1"
		},
		msg: []string{`the front matter's fence is “----”, not “---”`, `write three hyphens, “---”`},
	},
	{
		name: "unknown front-matter field",
		mutate: func(t *testing.T) string {
			edit(t, chapter2, "\nauthors:", "\nautors:")
			return at(t, chapter2, "autors:", true)
		},
		msg: []string{`unknown field "autors" in the chapter's front matter`, `did you mean “authors”?`},
	},
	{
		name: "a list item after the field's value on its line",
		mutate: func(t *testing.T) string {
			f := registry + "person/smeaton.md"
			edit(t, f, "aliases:\n  - John Smeaton\n", "aliases: [John Smeaton]\n")
			return at(t, f, "- Smeaton", true)
		},
		msg: []string{`malformed YAML: a list item follows “aliases:”, which has a value on its line already`, `(write the list on the line, [a, b], or each item on a line of its own, “- item”, under “aliases:” with nothing after the colon)`},
	},
	{
		// YAML reads it as more of the alias before: no syntax error.
		name: "an alias indented under the one before it",
		mutate: func(t *testing.T) string {
			f := registry + "person/smeaton.md"
			edit(t, f, "  - Smeaton\n", "    - Smeaton\n")
			return at(t, f, "- Smeaton", true)
		},
		msg: []string{`the alias is indented under the one before it, and read as more of its text: “John Smeaton - Smeaton” (indent it as the items around it are)`},
	},
	{
		name: "unknown field in a registry entry",
		mutate: func(t *testing.T) string {
			f := registry + "person/smeaton.md"
			edit(t, f, "dates: ", "date: ")
			return at(t, f, "date: ", true)
		},
		msg: []string{`unknown field "date" in the entry's front matter`, `did you mean “dates”?`},
	},
	{
		// One mistake, one error: not "unknown field" and "no name" both.
		name: "a required field misspelt",
		mutate: func(t *testing.T) string {
			f := registry + "person/smeaton.md"
			edit(t, f, "name: John Smeaton", "nmae: John Smeaton")
			return at(t, f, "nmae: ", true)
		},
		msg: []string{`unknown field "nmae" in the entry's front matter, and the entry has no name`, `(did you mean “name”?)`},
	},
	{
		name: "bibliography record without an id",
		mutate: func(t *testing.T) string {
			edit(t, bibliography, "  - id: trinity1882\n    type: webpage", "  - type: webpage")
			return at(t, bibliography, "type: webpage", true)
		},
		msg: []string{`the record has no id`, `add “id: …”`},
	},
	{
		name: "bibliography record without a title",
		mutate: func(t *testing.T) string {
			edit(t, bibliography, "    title: Notes on Hydraulic Lime\n", "")
			return at(t, bibliography, "id: quarry1897", true)
		},
		msg: []string{`record "quarry1897" has no title`, `add “title: …”`},
	},
	{
		name: "bibliography record of a type CSL does not have",
		mutate: func(t *testing.T) string {
			edit(t, bibliography, "  - id: trinity1882\n    type: webpage", "  - id: trinity1882\n    type: web-page")
			return at(t, bibliography, "web-page", true)
		},
		msg: []string{`record "trinity1882" has type "web-page", which is not a CSL type`, `did you mean “webpage”?`},
	},
	{
		name: "a name's static-ordering other than true or false",
		mutate: func(t *testing.T) string {
			edit(t, bibliography, "- {family: Smeaton, given: John}", "- {family: Smeaton, given: John, static-ordering: yes}")
			return at(t, bibliography, "yes}", true)
		},
		msg: []string{`static-ordering must be true or false, not the value "yes" (write “static-ordering: true” if the person's own usage puts the family name first, as in “Wu Xinbo”, or remove the field)`},
	},
	{
		name: "invalid CSL date parts",
		mutate: func(t *testing.T) string {
			edit(t, bibliography, "[[1897, 5]]", "[[1897, 13]]")
			return at(t, bibliography, "{date-parts: [[1897, 13]]}", true)
		},
		msg: []string{`invalid issued date: month 13 is not between 1 and 12`},
	},
	{
		name: "a date in words",
		mutate: func(t *testing.T) string {
			edit(t, bibliography, `issued: "1882-05-18"`, `issued: May 18, 1882`)
			return at(t, bibliography, `May 18, 1882`, true)
		},
		msg: []string{`invalid issued date: "May 18, 1882" is not a date (write it in figures, year first: “1882-05-18”)`},
	},
	{
		name: "invalid CSL date string",
		mutate: func(t *testing.T) string {
			edit(t, bibliography, `issued: "1899"`, `issued: "1899-02-30"`)
			return at(t, bibliography, `"1899-02-30"`, true)
		},
		msg: []string{`invalid issued date: day 30 is not in February`},
	},
	{
		name: "file that is not UTF-8",
		mutate: func(t *testing.T) string {
			edit(t, chapter2, "chose stone", "chose st\xf6ne") // Latin-1 ö
			return at(t, chapter2, "\xf6", true)
		},
		msg: []string{`the file is not valid UTF-8 (byte 0xf6)`, `save the file as UTF-8`},
	},
	{
		name: "kind key the edition keeps for itself",
		mutate: func(t *testing.T) string {
			edit(t, "content/edition.yaml", "kinds:\n", "kinds:\n  - key: text\n")
			return at(t, "content/edition.yaml", "key: text", true)
		},
		msg: []string{`kind key "text" is reserved: the edition uses it for the search's results in the text`, `choose another key, such as “text-entry”`},
	},
	{
		name: "a slug: that another chapter has",
		mutate: func(t *testing.T) string {
			edit(t, "content/text/02-stone.md", "title: \"Smeaton", "slug: first-lights\ntitle: \"Smeaton")
			return at(t, "content/text/02-stone.md", "first-lights", true)
		},
		msg: []string{`chapter slug "first-lights" is already used by content/text/01-first-lights.md`, `set another “slug:” in one of them`},
	},
	{
		name: "empty chapter",
		mutate: func(t *testing.T) string {
			write(t, "content/text/03-empty.md", "---\ntitle: Empty\n---\n\n")
			return "content/text/03-empty.md:4:1"
		},
		msg: []string{`the chapter is empty`},
	},
	{
		name: "template that does not parse",
		mutate: func(t *testing.T) string {
			edit(t, "templates/entry.html", `<p class="count">`, `{{if}}<p class="count">`)
			return at(t, "templates/entry.html", "{{if}}", false)
		},
		msg: []string{`template error: missing value for if`, `fix the template`},
	},
	{
		name: "template that fails to execute",
		mutate: func(t *testing.T) string {
			edit(t, "templates/entry.html", `{{.Entry.Name}}`, `{{.Entry.Nme}}`)
			return at(t, "templates/entry.html", ".Nme", true)
		},
		msg: []string{`template error: can't evaluate field Nme in type *index.Entry, making `, ` and 13 other pages`},
	},
	{
		// One mistake, one error: not a missing name and a missing type.
		name: "an empty registry file",
		mutate: func(t *testing.T) string {
			write(t, registry+"concept/masonry.md", "")
			return registry + "concept/masonry.md:1:1"
		},
		msg: []string{`the file is empty; concept:masonry is left out until it reads, so the 2 places that name it are not checked`, `(write the entry, or remove the file: a line “---”, “name: …”, “aliases: […]”, a line “---”, then its annotation)`},
	},
	{
		// One mistake, one error: not one for each registry folder.
		name: "edition.yaml without kinds",
		mutate: func(t *testing.T) string {
			b, err := os.ReadFile("content/edition.yaml")
			if err != nil {
				t.Fatal(err)
			}
			before, _, ok := strings.Cut(string(b), "kinds:\n")
			if !ok {
				t.Fatal("the fixture's edition.yaml has no kinds")
			}
			write(t, "content/edition.yaml", before)
			return "content/registry"
		},
		msg: []string{`edition.yaml declares no kinds, so the registry's folders are not read: concept, person, place`, `(declare each under “kinds:” in edition.yaml: “- key: concept”, “- key: person”, “- key: place”)`},
	},
	{
		// One mistake, one error: the folders unread are its consequence.
		name: "“kinds:” misspelt in edition.yaml",
		mutate: func(t *testing.T) string {
			edit(t, "content/edition.yaml", "kinds:\n", "knids:\n")
			return at(t, "content/edition.yaml", "knids:", true)
		},
		msg:    []string{`unknown field "knids" in edition.yaml, so the edition declares no kinds and the registry's folders are not read: concept, person, place; the 4 links to their entries are not checked (did you mean “kinds”?)`},
		errors: 1,
	},
	{
		// As Windows' editors save “Unicode”.
		name: "a file saved as UTF-16",
		mutate: func(t *testing.T) string {
			b, err := os.ReadFile(chapter2)
			if err != nil {
				t.Fatal(err)
			}
			u := []byte{0xff, 0xfe}
			for _, r := range string(b) {
				u = binary.LittleEndian.AppendUint16(u, uint16(r)) // the fixture's text is in the BMP
			}
			write(t, chapter2, string(u))
			return chapter2
		},
		msg: []string{`the file is UTF-16, not UTF-8; the chapter's text is not checked until it reads (save it as UTF-8: in the editor's “Save as”, choose the encoding UTF-8)`},
	},
	{
		// One mistake, one error: not one at each citation.
		name: "an empty bibliography",
		mutate: func(t *testing.T) string {
			write(t, bibliography, "references: []\n")
			return bibliography
		},
		msg:    []string{`the bibliography has no records, so 13 citations of 4 keys (@mariner1899, @quarry1897, @smeaton1791, @trinity1882; the first at content/pages/about.md:6:38) find no source`, `(write a CSL-YAML record in it for each source cited, such as “- id: mariner1899”`},
		errors: 1,
	},
	{
		name: "the bibliography missing",
		mutate: func(t *testing.T) string {
			if err := os.Remove(bibliography); err != nil {
				t.Fatal(err)
			}
			return "content"
		},
		msg:    []string{`the content folder has no bibliography (bibliography.yaml, bibliography.yml, bibliography.json), so 13 citations of 4 keys`, `(create content/bibliography.yaml with a CSL-YAML record for each source cited`},
		errors: 1,
	},
	{
		name: "edition.yaml missing",
		mutate: func(t *testing.T) string {
			if err := os.Remove("content/edition.yaml"); err != nil {
				t.Fatal(err)
			}
			return "content/edition.yaml"
		},
		msg: []string{`the content folder has no edition.yaml, which says what the edition is`, `(create it with the edition's “title:” and its “kinds:”`},
	},
	{
		name: "a symbolic link to a file that is gone",
		mutate: func(t *testing.T) string {
			if err := os.Symlink("03-keepers.md", "content/text/03-link.md"); err != nil {
				t.Skip("no symbolic links here:", err)
			}
			return "content/text/03-link.md"
		},
		msg: []string{`the file is a symbolic link to a file that does not exist; the chapter's text is not checked until it reads (restore the file it links to, or remove the link)`},
	},
	{
		// Said as a folder, with what it leaves unchecked: every citation.
		name: "a folder where a file should be",
		mutate: func(t *testing.T) string {
			if err := os.Remove(bibliography); err != nil {
				t.Fatal(err)
			}
			write(t, bibliography+"/notes.txt", "a folder named as the bibliography\n")
			return bibliography
		},
		msg: []string{`bibliography.yaml is a folder, where the edition reads a file; no record is read until it is fixed, so 13 citations of 4 keys (`,
			`are not checked (rename or move the folder, and put the file in its place)`},
		errors: 1,
	},
	{
		name: "content folder that does not exist",
		mutate: func(t *testing.T) string {
			return "nowhere"
		},
		args: []string{"build", "-content", "nowhere"},
		msg:  []string{`the content folder "nowhere" does not exist`, `give the folder with -content`},
	},
}

// TestBuildErrors makes one mistake per case in a copy of the fixture and
// checks that `edition build` fails with exit code 1, names the place and
// the problem, and leaves the site it built before exactly as it was.
func TestBuildErrors(t *testing.T) {
	for _, tc := range errorCases {
		t.Run(tc.name, func(t *testing.T) {
			dir := workspace(t)
			if code, _, stderr := edition("build"); code != 0 {
				t.Fatalf("the fixture does not build (exit %d):\n%s", code, stderr)
			}
			before := snapshot(t, "public")
			if len(before) == 0 {
				t.Fatal("the first build wrote nothing")
			}

			where := tc.mutate(t)
			args := tc.args
			if args == nil {
				args = []string{"build"}
			}
			code, stdout, stderr := edition(args...)
			if code != 1 {
				t.Errorf("exit code %d, want 1\nstdout: %s", code, stdout)
			}
			line := diagnosticAt(stderr, where+": error: ")
			if line == "" {
				t.Errorf("no error at %s; the command said:\n%s", where, stderr)
			} else if !containsInOrder(line, tc.msg) {
				t.Errorf("the error at %s says\n  %s\nwant, in order: %q", where, line, tc.msg)
			}
			if n := words.Count(tc.errors, "error", "errors"); tc.errors > 0 && !strings.Contains(stderr, "edition: "+n+";") {
				t.Errorf("the command does not count %s:\n%s", n, stderr)
			}
			if !strings.Contains(stderr, "public was not changed") {
				t.Errorf("the command does not say that the site was left alone:\n%s", stderr)
			}
			if diff := sameFiles(before, snapshot(t, "public")); diff != "" {
				t.Errorf("a failed build changed the site: %s", diff)
			}
			if left, _ := filepath.Glob(filepath.Join(dir, "public.*")); len(left) > 0 {
				t.Errorf("a failed build left %v behind", left)
			}
		})
	}
}

// diagnosticAt returns the first line of out that starts with prefix.
func diagnosticAt(out, prefix string) string {
	for line := range strings.Lines(out) {
		if strings.HasPrefix(line, prefix) {
			return strings.TrimSpace(line)
		}
	}
	return ""
}

func containsInOrder(s string, parts []string) bool {
	for _, p := range parts {
		i := strings.Index(s, p)
		if i < 0 {
			return false
		}
		s = s[i+len(p):]
	}
	return true
}

// buildWarns runs edition build, which must succeed, and checks that a
// line of what it says begins with each of warnings; its summary must
// count them, when count is not -1. It returns what the build said.
func buildWarns(t *testing.T, count int, warnings ...string) (stdout, stderr string) {
	t.Helper()
	code, stdout, stderr := edition("build")
	if code != 0 {
		t.Fatalf("exit code %d, want 0:\n%s", code, stderr)
	}
	for _, want := range warnings {
		if diagnosticAt(stderr, want) == "" {
			t.Errorf("no warning\n  %s\nthe command said:\n%s", want, stderr)
		}
	}
	if n := words.Count(count, "warning", "warnings"); count >= 0 && !strings.Contains(stdout, n) {
		t.Errorf("the summary does not count %s: %s", n, stdout)
	}
	return stdout, stderr
}

// An entry the text never mentions is worth a warning, not a failure.
func TestBuildWarnsOfUnmentionedEntry(t *testing.T) {
	workspace(t)
	write(t, registry+"concept/beacon.md", "---\nname: Beacon\naliases: [beacon]\n---\nA fire lit as a signal.\n")
	buildWarns(t, 1, registry+`concept/beacon.md:1:1: warning: entry "beacon" is never mentioned in the text`)
	if _, err := os.Stat("public/concepts/beacon.html"); err != nil {
		t.Errorf("the entry's page was not written: %v", err)
	}
}

// A file named as Markdown often is, but not ending in .md, is not read:
// the build says so instead of leaving a chapter, entry or page out
// without a word. Other files (images, notes in other formats) are left
// alone.
// An alias that is another entry's key links the word to the wrong entry,
// most likely: a warning at the alias.
func TestBuildWarnsOfAliasThatIsAnotherKey(t *testing.T) {
	workspace(t)
	edit(t, registry+"concept/lighthouse.md", "aliases: [lighthouse, lighthouses]", "aliases: [lighthouses]")
	edit(t, registry+"concept/masonry.md", "aliases: [masonry, granite]", "aliases: [masonry, granite, lighthouse]")
	buildWarns(t, -1, at(t, registry+"concept/masonry.md", "lighthouse]", true)+
		`: warning: alias "lighthouse" of concept:masonry is the key of concept:lighthouse, yet links to masonry (if the alias belongs to concept:lighthouse, move it there; to point from masonry to it, list "lighthouse" under “related:”)`)
}

// A symbolic link to a folder is not followed (a loop among them would not
// end): a warning, not a folder of chapters or entries left out unsaid.
func TestBuildWarnsOfLinkedFolders(t *testing.T) {
	workspace(t)
	if err := os.Symlink(".", "content/text/loop"); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := os.Mkdir("more-people", 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, "more-people/beacon.md", "---\nname: Beacon\n---\nA fire.\n")
	if err := os.Symlink("../../more-people", registry+"people"); err != nil {
		t.Fatal(err)
	}
	buildWarns(t, -1,
		"content/text/loop: warning: the folder is not read: it is a symbolic link, which the build does not follow into (put the folder itself here, or link each of its files)",
		registry+"people: warning: the folder is not read: it is a symbolic link, which the build does not follow into (put the folder itself here, or link each of its files)")
}

func TestBuildWarnsOfUnreadMarkdownFiles(t *testing.T) {
	workspace(t)
	write(t, "content/text/03-lamp.markdown", "# The lamp\n\nText.\n")
	write(t, registry+"concept/beacon.MD", "---\nname: Beacon\n---\nA fire.\n")
	write(t, "content/pages/credits.txt", "Credits.\n")
	write(t, "content/text/figure.png", "not an image")
	// An entry written as its fields alone, in YAML; elsewhere a YAML file
	// may be data of the editor's, and is left alone.
	write(t, registry+"concept/signal.yaml", "name: Signal\naliases: [signal]\n")
	write(t, "content/text/notes.yaml", "todo: check the dates\n")
	_, stderr := buildWarns(t, 4,
		"content/text/03-lamp.markdown: warning: the file is not read: only files whose names end in .md are (rename it to 03-lamp.md)",
		registry+"concept/beacon.MD: warning: the file is not read: only files whose names end in .md are (rename it to beacon.md)",
		"content/pages/credits.txt: warning: the file is not read: only files whose names end in .md are (rename it to credits.md)",
		registry+"concept/signal.yaml: warning: the file is not read: only files whose names end in .md are (an entry is a Markdown file with its fields as front matter: rename it to signal.md, and put a line “---” before the fields and another after them)")
	if strings.Contains(stderr, "figure.png") || strings.Contains(stderr, "notes.yaml") {
		t.Errorf("a file of another kind is warned about:\n%s", stderr)
	}
}

// A locator that names pages in an unusual form ("pg 15", "p 15", "pp15")
// is worth a warning that says what to write, at the cited @key: the
// citation is made all the same, with the locator as written.
func TestBuildWarnsOfUnusualPageLocators(t *testing.T) {
	workspace(t)
	const file = "content/text/03-locators.md"
	write(t, file, "---\ntitle: Locators\n---\nThe light was seen [@mariner1899, pg 15].[^1]\n\n"+
		"[^1]: So the keepers said [see @mariner1899, pp15; @smeaton1791, p. 4; @mariner1899, Page 7-9].\n")
	const hint = "“p.” for a page, “pp.” for pages, a space before the number"
	_, stderr := buildWarns(t, 3,
		at(t, file, "@mariner1899, pg", true)+": warning: the locator “pg 15” names pages in an unusual form (write “p. 15”: "+hint+")",
		at(t, file, "@mariner1899, pp15", true)+": warning: the locator “pp15” names pages in an unusual form (write “pp. 15”: "+hint+")",
		at(t, file, "@mariner1899, Page", true)+": warning: the locator “Page 7-9” names pages in an unusual form (write “pp. 7–9”: "+hint+")")
	if strings.Contains(stderr, "“p. 4”") {
		t.Errorf("a locator in the usual form is warned about:\n%s", stderr)
	}
	page, err := os.ReadFile("public/text/locators.html")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "</a>, pg 15</span>") {
		t.Errorf("the citation does not keep its locator as written")
	}
}

// A key written bare, "@key", is a citation in the text where a source has
// the key; where none has it but one has a key a letter or two from it,
// it is text, with a warning (it may be a handle); and a locator after a
// citation in the text, "@key [pg 15]", is checked as a bracketed one's.
func TestBuildWarnsOfInTextCitations(t *testing.T) {
	workspace(t)
	const file = "content/text/03-in-text.md"
	write(t, file, "---\ntitle: In the text\n---\nAs @mariner1899 [pg 15] says, and @smeaton1719 too; ask @keeper or a@b.org.\n")
	_, stderr := buildWarns(t, 2,
		at(t, file, "pg 15", true)+": warning: the locator “pg 15” names pages in an unusual form (write “p. 15”:",
		at(t, file, "@smeaton1719", true)+": warning: “@smeaton1719” is not a citation, and shows as text: no source has the key smeaton1719 (did you mean “@smeaton1791”? To keep it as text, write \\@smeaton1719)")
	if strings.Contains(stderr, "keeper") {
		t.Errorf("a handle that is no key near a source's is warned about:\n%s", stderr)
	}
	page, err := os.ReadFile("public/text/in-text.html")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), `data-ref="source:mariner1899">`) || !strings.Contains(string(page), "(1899, pg 15)</a> says") {
		t.Errorf("the citation in the text is not a link with its locator as written:\n%s", page)
	}
}

// A known "@key" after a "[" that its paragraph never closes is text
// (Markdown reads it as a link's text): a warning at the bracket, once.
func TestBuildWarnsOfKeyAfterOpenBracket(t *testing.T) {
	workspace(t)
	const file = "content/text/03-open.md"
	write(t, file, "---\ntitle: Open\n---\nThe keepers [as their log says;\nas @mariner1899 says, and @smeaton1791 too.\n")
	buildWarns(t, 1, at(t, file, "[as", true)+": warning: the “[” is never closed, so “@mariner1899” after it is not a citation and shows as text: Markdown reads what follows an open bracket as a link's text (close the bracket with “]” where its words end, or write \\[ if it is text)")
}

// A known "@key" in a bracket inside a citation is part of the item's
// locator or suffix, text: a warning at the key.
func TestBuildWarnsOfKeyInBracketInCitation(t *testing.T) {
	workspace(t)
	const file = "content/text/03-nested.md"
	write(t, file, "---\ntitle: Nested\n---\nThe keepers say so [see @smeaton1791 [and @mariner1899] here].\n")
	buildWarns(t, 1, at(t, file, "@mariner1899", true)+": warning: “@mariner1899” is in a bracket inside the citation “[see @smeaton1791 [and @mariner1899] here]”, so it is not a citation and shows as text: a citation holds no other (to cite the source too, give it a part of the citation's own, after a semicolon, [see @a; @b], or a citation after this one; to keep it as text, write \\@mariner1899)")
}

// A known "@key" in a bracket that its paragraph closes but that is
// neither a citation nor a link is text: a warning at the key. One in a
// link's text is that text, and no warning.
func TestBuildWarnsOfKeyInBracketNoCitation(t *testing.T) {
	workspace(t)
	const file = "content/text/03-bracket.md"
	write(t, file, "---\ntitle: Bracket\n---\nThe keepers [as their log says; @mariner1899] and [the log of @smeaton1791](../index.html) agree.\n")
	buildWarns(t, 1, at(t, file, "@mariner1899", true)+": warning: “@mariner1899” is in the bracket “[as their log says; @mariner1899]”, which is neither a citation nor a link, so it is not a citation and shows as text: a part of it between semicolons has no @key (to cite the source, give every part between semicolons its @key, [see @a; @b, p. 4], or write [@mariner1899] where the citation belongs; to keep it as text, write \\@mariner1899)")
}

// A person's name written as one string in the bibliography is kept
// whole, as an institution's is: a warning that says how to write it.
func TestBuildWarnsOfPersonNameAsOneString(t *testing.T) {
	workspace(t)
	edit(t, bibliography, "- {family: Smeaton, given: John}", "- John Smeaton")
	buildWarns(t, 1, at(t, bibliography, "John Smeaton", true)+`: warning: the author "John Smeaton" is written as one string, which is kept whole as an institution's name is: it sorts under “J” and citations read “John Smeaton”, not the family name alone (write a person as {family: Smeaton, given: John} if the family name is written last, or as {family: John, given: Smeaton, static-ordering: true} if it is written first, as Chinese, Japanese, Korean and Hungarian names often are; for an institution, write {literal: John Smeaton} and the warning goes)`)
}

// A name with an initial is a person's in the order written: the warning
// says which word is the family name.
func TestBuildWarnsOfPersonNameWithInitialAsOneString(t *testing.T) {
	workspace(t)
	edit(t, bibliography, "- {family: Smeaton, given: John}", "- John F. Smeaton")
	buildWarns(t, 1, at(t, bibliography, "John F. Smeaton", true)+`: warning: the author "John F. Smeaton" is written as one string, which is kept whole as an institution's name is: it sorts under “J” and citations read “John F. Smeaton”, not “Smeaton” (write a person as {family: Smeaton, given: John F.}; for an institution, write {literal: John F. Smeaton} and the warning goes)`)
}

// Two chapters of one title: a warning at the second's title.
func TestBuildWarnsOfChaptersOfOneTitle(t *testing.T) {
	workspace(t)
	edit(t, chapter2, `title: "Smeaton’s Tower"`, `title: "The rocks and the first lights"`)
	buildWarns(t, 1, at(t, chapter2, `"The rocks`, true)+`: warning: chapter title "The rocks and the first lights" is also the title of `+
		at(t, chapter1, `"The Rocks`, true)+` (give each chapter its own title: the contents and the pages' titles name chapters by it)`)
}

// An entry's alias repeated but for case: only the first is used, which
// the editor may not expect (a lowercase alias matches any case).
func TestBuildWarnsOfAliasRepeatedButForCase(t *testing.T) {
	workspace(t)
	f := registry + "person/smeaton.md"
	edit(t, f, "  - Smeaton\n", "  - Smeaton\n  - smeaton\n")
	buildWarns(t, 1, at(t, f, "smeaton\n", true)+`: warning: alias "smeaton" repeats "Smeaton" (line 6) of person:smeaton but for case, and only the first is used (keep the one you mean: an alias in lowercase matches the text in any case, one with capitals as it is written)`)
}

// An alias that is a common word links all over the text: a warning at
// the alias, and the build goes on.
func TestBuildWarnsOfCommonWordAlias(t *testing.T) {
	workspace(t)
	f := registry + "person/smeaton.md"
	edit(t, f, "  - Smeaton\n", "  - Smeaton\n  - the\n")
	buildWarns(t, -1, at(t, f, "the\n", true)+`: warning: alias "the" of person:smeaton matches `)
}
