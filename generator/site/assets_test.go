package site_test

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path"
	"path/filepath"
	"regexp"
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
	if _, ok := files[oldStyle]; ok {
		t.Errorf("%s is still there after the style sheet changed", oldStyle)
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
