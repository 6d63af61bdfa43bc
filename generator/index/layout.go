package index

import (
	"path"
	"strings"
)

// Layout is where each page of the site lives. Paths are relative to the
// site's root, use "/" and end in ".html": every page is a file, so that
// links work on any static host, under a subpath, and from file://.
type Layout struct {
	kindPath map[string]string // kind key → URL path
}

// NewLayout makes the layout for an edition's kinds.
func NewLayout(ed *Edition) Layout {
	l := Layout{kindPath: map[string]string{SourceKind.Key: SourceKind.Path}}
	for _, k := range ed.Kinds {
		l.kindPath[k.Key] = k.Path
	}
	return l
}

// The site's fixed pages.
const (
	HomePage         = "index.html"
	BibliographyPage = "bibliography.html"
	GeneralIndexPage = "general-index.html"
	NotFoundPage     = "404.html"
)

// Chapter is the path of a chapter.
func (Layout) Chapter(slug string) string { return "text/" + slug + ".html" }

// Page is the path of a further page.
func (Layout) Page(slug string) string { return slug + ".html" }

// Ref is the path of an entry's or source's page.
func (l Layout) Ref(r Ref) string { return l.kindPath[r.Kind] + "/" + Slug(r.Key) + ".html" }

// Kind is the path of a kind's A–Z page.
func (l Layout) Kind(kind string) string { return l.kindPath[kind] + "/index.html" }

// Asset is the path of a static asset.
func (Layout) Asset(name string) string { return "assets/" + name }

// Lists returns the page that lists the pages the layout puts in folder
// dir: a kind's A–Z page for the kind's folder, the bibliography for the
// sources' folder, and the title page, whose contents list the chapters,
// for the text's folder and any other.
func (l Layout) Lists(dir string) string {
	if dir == l.kindPath[SourceKind.Key] {
		return BibliographyPage
	}
	for kind, p := range l.kindPath {
		if p == dir && kind != SourceKind.Key {
			return l.Kind(kind)
		}
	}
	return HomePage
}

// Forwards reports whether the page at site path p is one that only leads
// on: the index.html of a folder of pages that has no index page of its
// own, such as text/ and sources/, so that a reader who trims a page's
// address to its folder still finds a page. It returns the page it leads
// to, the one that lists the folder's pages (Lists). Such a page is not
// one to list in a sitemap or search: its target is.
func (l Layout) Forwards(p string) (target string, ok bool) {
	dir, name := path.Split(p)
	if name != "index.html" || dir == "" {
		return "", false
	}
	target = l.Lists(strings.TrimSuffix(dir, "/"))
	return target, target != p
}

// Rel returns the relative URL from page from to target, both site paths;
// target may carry a #fragment.
func Rel(from, target string) string {
	frag := ""
	if i := strings.IndexByte(target, '#'); i >= 0 {
		target, frag = target[:i], target[i:]
	}
	if target == "" {
		return frag
	}
	if target == from && frag != "" {
		return frag
	}
	if !isCleanPath(from) || !isCleanPath(target) {
		return relGeneral(from, target, frag)
	}
	// Both are clean: each directory is the path before its last "/", and
	// the part of target after the directories the two share is what
	// follows "../" once for each of from's directories left.
	fromDir := from[:max(strings.LastIndexByte(from, '/'), 0)]
	if fromDir == "" {
		return target + frag
	}
	toDir := target[:max(strings.LastIndexByte(target, '/'), 0)]
	up, rest := 1+strings.Count(fromDir, "/"), 0
	for toDir != "" {
		a, moreFrom := cutSlash(fromDir)
		b, moreTo := cutSlash(toDir)
		if a != b {
			break
		}
		up--
		rest += len(b) + 1
		fromDir, toDir = fromDir[len(a)+boolInt(moreFrom):], toDir[len(b)+boolInt(moreTo):]
		if !moreFrom || !moreTo {
			break
		}
	}
	if up == 0 && frag == "" {
		return target[rest:]
	}
	var b strings.Builder
	b.Grow(3*up + len(target) - rest + len(frag))
	for range up {
		b.WriteString("../")
	}
	b.WriteString(target[rest:])
	b.WriteString(frag)
	return b.String()
}

// cutSlash returns the first part of a slash-separated path, and whether
// more follows.
func cutSlash(p string) (string, bool) {
	if i := strings.IndexByte(p, '/'); i >= 0 {
		return p[:i], true
	}
	return p, false
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// isCleanPath reports whether p is a path that path.Clean leaves as it is
// and whose parts are not "." or "..": parts joined by single slashes,
// without one at either end. Site paths are.
func isCleanPath(p string) bool {
	start := 0
	for i := 0; i <= len(p); i++ {
		if i < len(p) && p[i] != '/' {
			continue
		}
		switch part := p[start:i]; part {
		case "", ".", "..":
			return false
		}
		start = i + 1
	}
	return true
}

// relGeneral is Rel for any paths, target without its fragment frag.
func relGeneral(from, target, frag string) string {
	dir := path.Dir(from)
	if dir == "." {
		return target + frag
	}
	up := strings.Count(dir, "/") + 1
	// Share as much of the directory as possible.
	fromParts := strings.Split(dir, "/")
	toParts := strings.Split(path.Dir(target), "/")
	if path.Dir(target) == "." {
		toParts = nil
	}
	common := 0
	for common < len(fromParts) && common < len(toParts) && fromParts[common] == toParts[common] {
		common++
	}
	up = len(fromParts) - common
	rest := strings.Join(append(toParts[common:], path.Base(target)), "/")
	return strings.Repeat("../", up) + rest + frag
}
