package site_test

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"edition/generator/site"
)

// readSite reads every file under dir by its site path.
func readSite(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// absURLRE matches a URL that leaves the site: with a scheme of the web,
// or protocol-relative.
var absURLRE = regexp.MustCompile(`(?i)^\s*(?:(?:https?|wss?|ftp):)?//`)

// loadingRels are the values of <link rel> that make the browser fetch
// the href (or connect to its host) without the reader clicking.
var loadingRels = map[string]bool{"stylesheet": true, "preload": true, "modulepreload": true, "prefetch": true,
	"prerender": true, "icon": true, "apple-touch-icon": true, "mask-icon": true, "manifest": true,
	"dns-prefetch": true, "preconnect": true}

// loadingAttrs are the attributes whose URL an element fetches by itself.
var loadingAttrs = map[string]bool{"src": true, "srcset": true, "poster": true, "data": true, "background": true,
	"imagesrcset": true, "ping": true}

var (
	cssURLRE    = regexp.MustCompile(`(?i)url\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*))\)`)
	cssImportRE = regexp.MustCompile(`(?i)@import\s+(?:"([^"]*)"|'([^']*)')`)
	// jsLoadRE matches a script fetching or loading a literal URL: fetch,
	// import (static or dynamic), workers, beacons, sockets, XHR's open,
	// and assignments to an element's src (an href may be a link's).
	jsLoadRE = regexp.MustCompile("(?i)(?:\\b(?:fetch|import|importScripts|EventSource|WebSocket|Worker|SharedWorker|sendBeacon|open)\\s*\\(\\s*(?:\"[A-Z]+\"\\s*,\\s*)?|\\bimport\\b[^;\"'`]*?\\bfrom\\s*|\\bimport\\s*|\\.(?:src|srcset)\\s*=\\s*)[\"'`]((?:(?:https?|wss?):)?//[^\"'`]*)")
)

// fetchedFromElsewhere lists what the file at site path p makes a browser
// fetch from outside the site by itself: nothing a reader must click.
func fetchedFromElsewhere(p string, b []byte) []string {
	var out []string
	style := func(css string) {
		for _, m := range cssURLRE.FindAllStringSubmatch(css, -1) {
			if u := m[1] + m[2] + m[3]; absURLRE.MatchString(strings.Trim(u, " \"'")) {
				out = append(out, "url("+u+")")
			}
		}
		for _, m := range cssImportRE.FindAllStringSubmatch(css, -1) {
			if u := m[1] + m[2]; absURLRE.MatchString(u) {
				out = append(out, "@import "+u)
			}
		}
	}
	switch path.Ext(p) {
	case ".css":
		style(string(b))
	case ".js", ".mjs":
		for _, m := range jsLoadRE.FindAllStringSubmatch(string(b), -1) {
			out = append(out, m[0])
		}
	case ".html", ".svg":
		z := html.NewTokenizer(strings.NewReader(string(b)))
		inStyle := false
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				break
			}
			tok := z.Token()
			switch tt {
			case html.TextToken:
				if inStyle {
					style(tok.Data)
				}
				continue
			case html.EndTagToken:
				inStyle = false
				continue
			case html.StartTagToken, html.SelfClosingTagToken:
			default:
				continue
			}
			inStyle = tok.Data == "style" && tt == html.StartTagToken
			rels := map[string]bool{}
			for _, a := range tok.Attr {
				if a.Key == "rel" {
					for _, r := range strings.Fields(strings.ToLower(a.Val)) {
						rels[r] = true
					}
				}
			}
			loadingLink := false
			for r := range rels {
				loadingLink = loadingLink || loadingRels[r]
			}
			for _, a := range tok.Attr {
				key := strings.ToLower(a.Key)
				fetched := loadingAttrs[key] ||
					key == "href" && (tok.Data == "link" && loadingLink || tok.Data == "base" || tok.Data == "image" || tok.Data == "use" || tok.Data == "feimage") ||
					key == "xlink:href" || a.Namespace == "xlink" && a.Key == "href" ||
					key == "content" && tok.Data == "meta" && strings.Contains(strings.ToLower(attrOf(tok, "http-equiv")), "refresh")
				if key == "style" {
					style(a.Val)
					continue
				}
				if !fetched {
					continue
				}
				val := a.Val
				if key == "content" {
					_, val, _ = strings.Cut(strings.ToLower(val), "url=")
				}
				for _, u := range strings.Split(val, ",") { // srcset lists URLs
					if absURLRE.MatchString(u) {
						out = append(out, "<"+tok.Data+" "+a.Key+"="+a.Val+">")
						break
					}
				}
			}
		}
	}
	return out
}

func attrOf(tok html.Token, key string) string {
	for _, a := range tok.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// The check itself finds what it must, and lets links be.
func TestFetchedFromElsewhereFinds(t *testing.T) {
	for _, c := range []struct {
		path, text string
		found      bool
	}{
		{"a.html", `<link rel="stylesheet" href="https://cdn.example/x.css">`, true},
		{"a.html", `<link rel="preload icon" href="//cdn.example/x.woff2">`, true},
		{"a.html", `<script src="http://cdn.example/x.js"></script>`, true},
		{"a.html", `<img alt="" srcset="a.png 1x, https://cdn.example/b.png 2x">`, true},
		{"a.html", `<p style="background: url('https://cdn.example/b.png')">x</p>`, true},
		{"a.html", `<style>@import "https://fonts.example/css";</style>`, true},
		{"a.html", `<meta http-equiv="refresh" content="0; url=https://elsewhere.example/">`, true},
		{"a.svg", `<svg><image href="https://cdn.example/b.png"/></svg>`, true},
		{"a.css", `@font-face { src: url(https://fonts.example/a.woff2) }`, true},
		{"a.css", `@import url("//fonts.example/css");`, true},
		{"a.js", `fetch("https://api.example/q")`, true},
		{"a.js", "const m = await import(`https://cdn.example/m.js`);", true},
		{"a.js", `import { x } from "https://cdn.example/m.js";`, true},
		{"a.js", `xhr.open("GET", "https://api.example/q")`, true},
		{"a.js", `s.src = "//cdn.example/x.js"`, true},
		{"a.js", `navigator.sendBeacon('https://stats.example/', d)`, true},
		// What a reader clicks, and data, may name elsewhere.
		{"a.html", `<a href="https://example.org/">elsewhere</a><link rel="canonical" href="https://example.org/ed/">`, false},
		{"a.html", `<script type="application/ld+json">{"url":"https://example.org/"}</script>`, false},
		{"a.css", `@font-face { src: url(fonts/a.woff2) }`, false},
		{"a.js", `var cards = ["https://example.org/a"]; fetch(base + "x.js"); a.href = "https://example.org/";`, false},
	} {
		if got := fetchedFromElsewhere(c.path, []byte(c.text)); (len(got) > 0) != c.found {
			t.Errorf("%s %s: found %q", c.path, c.text, got)
		}
	}
}

// The site loads nothing from elsewhere: no page, style sheet, script or
// image of the edition as built makes a request that leaves the site
// before the reader clicks a link, so that it works offline, under
// Content-Security-Policy: default-src 'self', and tells no third party
// who reads it. The edition's content names many web addresses (its
// sources); they may be links, never loaded.
func TestNothingIsFetchedFromElsewhere(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	res, err := site.Build(site.Options{Content: editionContent, Templates: editionTemplates, Output: out})
	if err != nil || !res.OK() {
		t.Fatalf("the edition does not build: %v %v", err, res.Diags.Err())
	}
	kinds := map[string]int{}
	links := 0
	for p, b := range readSite(t, out) {
		kinds[path.Ext(p)]++
		links += strings.Count(string(b), `href="https://`) + strings.Count(string(b), `href="http://`)
		for _, f := range fetchedFromElsewhere(p, b) {
			t.Errorf("%s loads from elsewhere: %s", p, f)
		}
	}
	if kinds[".html"] < 50 || kinds[".css"] < 3 || kinds[".js"] < 10 || kinds[".svg"] < 1 {
		t.Errorf("the check saw too little of the site: %v", kinds)
	}
	if links == 0 {
		t.Errorf("no link to elsewhere in the whole edition: the check saw no content")
	}
}
