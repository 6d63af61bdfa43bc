package site

import (
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strings"

	"edition/generator/diag"
	"edition/generator/render"
)

var (
	idRE   = regexp.MustCompile(`\sid="([^"]+)"`)
	linkRE = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)
)

// CheckLinks verifies that every relative link in the site's HTML points at
// a file of the site and, with a #fragment, at an id in it, and that every
// other link has one of webSchemes. The links of the content are checked
// by every build, at their places in the content (see linkCheck); this
// is the safety net for the links that templates make, which it can name
// only by the page they are on.
func CheckLinks(files []render.File) diag.List {
	var diags diag.List
	ids := map[string]map[string]bool{}
	exists := map[string]bool{}
	for _, f := range files {
		exists[f.Path] = true
		if strings.HasSuffix(f.Path, ".html") {
			set := map[string]bool{}
			for _, m := range idRE.FindAllSubmatch(f.Data, -1) {
				set[string(m[1])] = true
			}
			ids[f.Path] = set
		}
	}
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".html") {
			continue
		}
		seen := map[string]bool{}
		for _, m := range linkRE.FindAllSubmatch(f.Data, -1) {
			raw := htmlUnescape(string(m[1]))
			if seen[raw] {
				continue
			}
			seen[raw] = true
			if msg := checkLink(f.Path, raw, exists, ids); msg != "" {
				diags.Errorf(diag.Pos{File: "output:" + f.Path}, "check the template or content that makes this link", "%s", msg)
			}
		}
	}
	return diags
}

func checkLink(from, raw string, exists map[string]bool, ids map[string]map[string]bool) string {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Sprintf("malformed link %q", raw)
	}
	switch {
	case webSchemes[strings.ToLower(u.Scheme)]:
		return "" // external
	case u.Scheme == "":
		if u.Host != "" || strings.HasPrefix(raw, "//") {
			return fmt.Sprintf("link %q depends on the page's scheme; write https://", raw)
		}
	default:
		// An entry link the generator did not resolve (concept:x), or a
		// scheme no browser follows.
		return fmt.Sprintf("link %q has the scheme %q, which is not a web link", raw, u.Scheme)
	}
	if strings.HasPrefix(u.Path, "/") {
		return fmt.Sprintf("link %q is absolute; the site must use relative links", raw)
	}
	target, inside := siteTarget(from, u.Path)
	if !inside {
		return fmt.Sprintf("link %q leaves the site", raw)
	}
	if !exists[target] {
		return fmt.Sprintf("link %q points at %s, which is not in the site", raw, target)
	}
	if u.Fragment != "" && ids[target] != nil && !ids[target][u.Fragment] {
		return fmt.Sprintf("link %q: %s has no id %q", raw, target, u.Fragment)
	}
	return ""
}

// siteTarget is the file of the site that the relative path p leads to
// from page (a folder's index.html for a folder; page itself for ""),
// and whether it is inside the site.
func siteTarget(page, p string) (string, bool) {
	if p == "" {
		return page, true
	}
	target := path.Join(path.Dir(page), p)
	if strings.HasSuffix(p, "/") || p == "." || p == ".." {
		target = path.Join(target, "index.html")
	}
	return target, target != ".." && !strings.HasPrefix(target, "../")
}

func htmlUnescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&#34;", `"`, "&#39;", "'", "&quot;", `"`).Replace(s)
}
