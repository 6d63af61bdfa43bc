package render

import (
	"bytes"
	"errors"
	"html/template"
	"path"

	"edition/generator/index"
	"edition/generator/search"
)

// Chrome is the part of the layout that is the same on every page of a
// folder: the links to the assets in <head>, the site's title and
// navigation, the search box, the footer. layout.html defines it in the
// blocks "chrome-head", "chrome-header" and "chrome-footer", _reuse.html in
// "chrome-find" and "chrome-search", which are executed with a Chrome once
// per folder (and, for the header, per current navigation item) and given
// to every page as HTML, so that their dozens of links are not escaped
// again on each of thousands of pages. A block sees only what is the same
// across the folder: Root, Edition, Nav, FurtherPages, URL, Asset and
// SearchIndex; any other field is an error when the block is executed.
type Chrome struct {
	Root         string
	Edition      *index.Edition
	Nav          []NavItem
	FurtherPages []NavItem // the footer's links to the further pages

	from   string // a page of the folder, for URL
	abs    string
	assets map[string]string // Templates.named
	nav    string            // the header's class, NavClass's, made with the Chrome

	Head   template.HTML // "chrome-head"
	Header template.HTML // "chrome-header", which ends with "chrome-search"
	Footer template.HTML // "chrome-footer"
	Find   template.HTML // "chrome-find": the search's style and script
}

// URL returns the relative URL of a site path from the folder.
func (c *Chrome) URL(target string) string {
	if c.abs != "" {
		return c.abs + target
	}
	return index.Rel(c.from, target)
}

// Asset is the relative URL of a static asset, by its fingerprinted name
// if it has one (see Fingerprinted).
func (c *Chrome) Asset(name string) string {
	return c.URL(assetPath(c.assets, name))
}

// assetPath is the site path of the asset name, by its fingerprinted name
// where named, the templates' assets, has one.
func assetPath(named map[string]string, name string) string {
	if fp, ok := named[name]; ok {
		name = fp
	}
	return AssetsDir + "/" + name
}

// SearchIndex is the relative URL of the search index's manifest, as
// Base.SearchIndex.
func (c *Chrome) SearchIndex() string { return c.URL(search.ManifestFile) }

// chromeKey is what a page's Chrome depends on.
type chromeKey struct {
	dir, abs string
	current  int  // index in Nav of the current page's item, or -1
	here     bool // whether that item's link is the page itself
	further  int  // index in FurtherPages of the page itself, or -1
}

type chromeResult struct {
	c   *Chrome
	err error
}

// Chrome returns the layout's parts that are the same for every page in
// this page's folder, made once per site (see Chrome).
func (b *Base) Chrome() (*Chrome, error) {
	if b.chrome == nil {
		return nil, errors.New("the page's view was not made by Templates.Pages")
	}
	return b.chrome(b)
}

// chrome returns page b's Chrome, made on first use for its folder.
func (s *pageSet) chrome(b *Base) (*Chrome, error) {
	k := chromeKey{dir: path.Dir(b.Path), abs: b.abs, current: -1, further: -1}
	for i, n := range b.Nav {
		if n.Current {
			k.current, k.here = i, n.Here
			break
		}
	}
	for i, n := range b.FurtherPages {
		if n.Here {
			k.further = i
			break
		}
	}
	s.mu.Lock()
	r, ok := s.chromes[k]
	s.mu.Unlock()
	if ok {
		return r.c, r.err
	}
	c := &Chrome{Root: b.Root, Edition: b.Edition, Nav: b.Nav, FurtherPages: b.FurtherPages, from: b.Path, abs: b.abs, assets: s.t.named}
	c.nav = navClass(c)
	err := s.t.chromeParts(c)
	s.mu.Lock()
	if r, ok := s.chromes[k]; ok { // made meanwhile: use the first
		s.mu.Unlock()
		return r.c, r.err
	}
	s.chromes[k] = chromeResult{c, err}
	s.mu.Unlock()
	return c, err
}

// chromeParts executes the layout's chrome blocks for c.
func (t *Templates) chromeParts(c *Chrome) error {
	var b bytes.Buffer
	for _, part := range []struct {
		name string
		out  *template.HTML
	}{{"chrome-head", &c.Head}, {"chrome-header", &c.Header}, {"chrome-footer", &c.Footer},
		{"chrome-find", &c.Find}} {
		b.Reset()
		if err := t.base.ExecuteTemplate(&b, part.name, c); err != nil {
			return err
		}
		*part.out = template.HTML(b.String())
	}
	return nil
}
