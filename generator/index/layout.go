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
