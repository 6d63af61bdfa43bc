package site_test

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"edition/generator/internal/corpus"
	"edition/generator/site"
)

// pageAssets lists the assets a page loads by <link rel=stylesheet> and
// <script src>, as site paths.
func pageAssets(t *testing.T, p string, b []byte) []string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(string(b)))
	if err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	var out []string
	for _, n := range findAll(doc, func(n *html.Node) bool {
		return n.Type == html.ElementNode && (n.Data == "script" && hasAttr(n, "src") ||
			n.Data == "link" && attr(n, "rel") == "stylesheet")
	}) {
		ref := attr(n, "src") + attr(n, "href")
		out = append(out, path.Clean(path.Join(path.Dir(p), ref)))
	}
	return out
}

var fingerprintedRE = regexp.MustCompile(`^assets/[a-z-]+\.([0-9a-f]{10})\.(css|js)$`)

// A host or CDN may cache the style sheets and scripts for good: pages link
// to them by names that hold a hash of their bytes, so that a new build's
// pages never load an old copy. The build stays deterministic (a second
// build writes nothing), and a changed style sheet gets a new name that
// every page links to, the old one gone.
func TestAssetsAreFingerprinted(t *testing.T) {
	opts := fixtureOf(t, corpus.Config{Chapters: 3, Entries: 30, Sources: 5})
	res, err := site.Write(opts)
	if err != nil || !res.OK() {
		t.Fatalf("the fixture does not build: %v %v", err, res.Diags.Err())
	}
	files := readSite(t, opts.Output)
	styles := map[string]bool{}
	pages := 0
	for p, b := range files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		pages++
		for _, a := range pageAssets(t, p, b) {
			if a == "assets/previews.js" {
				continue // made from the content: see render.Fingerprinted
			}
			m := fingerprintedRE.FindStringSubmatch(a)
			if m == nil {
				t.Errorf("%s loads %s, not by a fingerprinted name", p, a)
				continue
			}
			data, ok := files[a]
			if !ok {
				t.Errorf("%s loads %s, which the site does not have", p, a)
				continue
			}
			sum := sha256.Sum256(data)
			if h := hex.EncodeToString(sum[:5]); h != m[1] {
				t.Errorf("%s: its name says %s, its bytes hash to %s", a, m[1], h)
			}
			if strings.HasPrefix(a, "assets/style.") {
				styles[a] = true
			}
		}
	}
	if pages < 10 || len(styles) != 1 {
		t.Fatalf("%d pages, linking %d style sheets (%v)", pages, len(styles), styles)
	}
	var oldStyle string
	for s := range styles {
		oldStyle = s
	}
	// Content may link to the assets by their own names: they stay.
	for _, a := range []string{"assets/style.css", "assets/edition.js", "assets/code.css"} {
		if _, ok := files[a]; !ok {
			t.Errorf("no %s", a)
		}
	}

	again, err := site.Write(opts)
	if err != nil || !again.OK() {
		t.Fatalf("the second build: %v %v", err, again.Diags.Err())
	}
	if again.Stats.Written != 0 {
		t.Errorf("a second build of the same folders wrote %d files", again.Stats.Written)
	}

	css := filepath.Join(opts.Templates, "assets", "style.css")
	b, err := os.ReadFile(css)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(css, append(b, "\n/* revised */\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err = site.Write(opts)
	if err != nil || !res.OK() {
		t.Fatalf("the build after the change: %v %v", err, res.Diags.Err())
	}
	files = readSite(t, opts.Output)
	// The old one stays a build more, for pages cached from the last
	// build: see TestPreviousAssetsStayOneVersion.
	if _, ok := files[oldStyle]; !ok {
		t.Errorf("%s is gone as soon as the style sheet changed", oldStyle)
	}
	for p, b := range files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		for _, a := range pageAssets(t, p, b) {
			if a == oldStyle {
				t.Errorf("%s still loads the old style sheet %s", p, a)
			}
			if _, ok := files[a]; !ok {
				t.Errorf("%s loads %s, which the site does not have", p, a)
			}
		}
	}
}

// versionsOf lists the fingerprinted versions of an asset (such as
// "style.css") in the output folder, sorted.
func versionsOf(t *testing.T, output, asset string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(output, "assets"))
	if err != nil {
		t.Fatal(err)
	}
	ext := path.Ext(asset)
	re := regexp.MustCompile(`^` + regexp.QuoteMeta(strings.TrimSuffix(asset, ext)) + `\.[0-9a-f]{10}` + regexp.QuoteMeta(ext) + `$`)
	var out []string
	for _, e := range entries {
		if re.MatchString(e.Name()) {
			out = append(out, "assets/"+e.Name())
		}
	}
	return out
}

// linkedStyles lists the fingerprinted style sheets the site's pages load.
func linkedStyles(t *testing.T, files map[string][]byte) map[string]bool {
	t.Helper()
	styles := map[string]bool{}
	for p, b := range files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		for _, a := range pageAssets(t, p, b) {
			if strings.HasPrefix(a, "assets/style.") {
				styles[a] = true
			}
		}
	}
	return styles
}

// A page cached from the previous build (by a browser or a CDN, or read
// while a host swaps a deploy in) names the style sheet of that build:
// when the style sheet changes, the output folder keeps its previous
// version, and only that one, until it changes again. Whether the build
// streams its files (edition build) or not (the live preview), and only
// when building over an earlier output: a fresh folder gets the current
// version alone, so the output of a clean build depends on the sources.
func TestPreviousAssetsStayOneVersion(t *testing.T) {
	for _, build := range []struct {
		name string
		run  func(site.Options) (*site.Result, error)
	}{{"Write", site.Write}, {"Build", site.Build}} {
		t.Run(build.name, func(t *testing.T) {
			opts := fixtureOf(t, corpus.Config{Chapters: 2, Entries: 10, Sources: 3})
			css := filepath.Join(opts.Templates, "assets", "style.css")
			orig, err := os.ReadFile(css)
			if err != nil {
				t.Fatal(err)
			}
			// step builds the site with the style sheet's bytes ending in
			// suffix, checks that every page loads the new version, and
			// returns it and the build's stats.
			step := func(name, suffix string) (string, site.Result) {
				t.Helper()
				if err := os.WriteFile(css, append(slices.Clip(orig), suffix...), 0o644); err != nil {
					t.Fatal(err)
				}
				res, err := build.run(opts)
				if err != nil || !res.OK() {
					t.Fatalf("%s: %v %v", name, err, res.Diags.Err())
				}
				files := readSite(t, opts.Output)
				styles := linkedStyles(t, files)
				if len(styles) != 1 {
					t.Fatalf("%s: the pages load %v, want one style sheet", name, styles)
				}
				for s := range styles {
					sum := sha256.Sum256(files[s])
					if !strings.Contains(s, hex.EncodeToString(sum[:5])) || string(files[s]) != string(orig)+suffix {
						t.Fatalf("%s: the pages load %s, not the new style sheet", name, s)
					}
					return s, *res
				}
				return "", *res
			}
			v1, _ := step("first build", "")
			if got := versionsOf(t, opts.Output, "style.css"); !slices.Equal(got, []string{v1}) {
				t.Errorf("a first build into a fresh folder has style sheets %v, want %s alone", got, v1)
			}
			before, err := os.Stat(filepath.Join(opts.Output, v1))
			if err != nil {
				t.Fatal(err)
			}

			v2, res := step("after a change", "\n/* revised */\n")
			if got, want := versionsOf(t, opts.Output, "style.css"), sorted(v1, v2); !slices.Equal(got, want) {
				t.Errorf("after a change: style sheets %v, want %v", got, want)
			}
			if after, err := os.Stat(filepath.Join(opts.Output, v1)); err != nil || !os.SameFile(before, after) {
				t.Errorf("the previous style sheet %s was not kept as it was (%v)", v1, err)
			}
			if res.Stats.Carried != 1 {
				t.Errorf("after a change: %d files carried over, want 1 (%+v)", res.Stats.Carried, res.Stats)
			}

			// Building the same sources again changes nothing: the previous
			// version stays until the style sheet changes again.
			_, res = step("again", "\n/* revised */\n")
			if got, want := versionsOf(t, opts.Output, "style.css"), sorted(v1, v2); !slices.Equal(got, want) {
				t.Errorf("built again: style sheets %v, want %v", got, want)
			}
			if res.Stats.Written != 0 || res.Stats.Carried != 1 {
				t.Errorf("built again: %d files written, %d carried over, want 0 and 1", res.Stats.Written, res.Stats.Carried)
			}

			v3, _ := step("after a second change", "\n/* revised twice */\n")
			if got, want := versionsOf(t, opts.Output, "style.css"), sorted(v2, v3); !slices.Equal(got, want) {
				t.Errorf("after a second change: style sheets %v, want %v (%s gone)", got, want, v1)
			}
			// The other assets did not change: no version of theirs is kept.
			for _, a := range []string{"edition.js", "code.css", "theme.js"} {
				if got := versionsOf(t, opts.Output, a); len(got) != 1 {
					t.Errorf("%s: versions %v, want the current one alone", a, got)
				}
			}

			fresh := opts
			fresh.Output = filepath.Join(t.TempDir(), "public")
			if res, err := build.run(fresh); err != nil || !res.OK() || res.Stats.Carried != 0 {
				t.Fatalf("a build into a fresh folder: %v, %d carried over", err, res.Stats.Carried)
			}
			if got := versionsOf(t, fresh.Output, "style.css"); !slices.Equal(got, []string{v3}) {
				t.Errorf("a fresh folder has style sheets %v, want %s alone", got, v3)
			}
		})
	}
}

func sorted(s ...string) []string {
	slices.Sort(s)
	return s
}
