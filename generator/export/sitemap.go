package export

import (
	"path"
	"slices"
	"strings"
)

// Sitemap writes a sitemap listing pages, given as site paths, as absolute
// URLs under base (the edition's base_url, ending in "/"). A folder's
// index.html is listed as the folder. Sitemaps allow only absolute URLs, so
// without a base there is no sitemap: ok is false.
func Sitemap(base string, pages []string) (data []byte, ok bool) {
	if base == "" {
		return nil, false
	}
	pages = slices.Clone(pages)
	slices.Sort(pages)
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range pages {
		b.WriteString("  <url><loc>" + xmlText(PageURL(base, p)) + "</loc></url>\n")
	}
	b.WriteString("</urlset>\n")
	return []byte(b.String()), true
}

// PageURL is the absolute URL of a page under base; a folder's index.html is
// the folder itself, as the canonical links say.
func PageURL(base, page string) string {
	if path.Base(page) == "index.html" {
		page = strings.TrimSuffix(page, "index.html")
	}
	return base + page
}

// Robots writes robots.txt: everything may be crawled, and the sitemap is
// named when there is one. (Crawlers read robots.txt only at a host's root;
// an edition published under a subpath should merge these lines into the
// host's own file.)
func Robots(base string, hasSitemap bool) []byte {
	s := "User-agent: *\nAllow: /\n"
	if hasSitemap {
		s += "\nSitemap: " + base + SitemapFile + "\n"
	}
	return []byte(s)
}
