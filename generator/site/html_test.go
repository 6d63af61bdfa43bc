package site_test

import (
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// page is an HTML file of the built site, parsed.
type page struct {
	Path string // site path: "text/first-lights.html"
	Doc  *html.Node
	ids  map[string]*html.Node
}

// readPage parses the built file at site path p under dir.
func readPage(t *testing.T, dir, p string) *page {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, filepath.FromSlash(p)))
	if err != nil {
		t.Fatalf("the site has no %s: %v", p, err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	pg := &page{Path: p, Doc: doc, ids: map[string]*html.Node{}}
	for _, n := range findAll(doc, func(n *html.Node) bool { return attr(n, "id") != "" }) {
		id := attr(n, "id")
		if _, dup := pg.ids[id]; dup {
			t.Errorf("%s: id %q is used twice", p, id)
		}
		pg.ids[id] = n
	}
	return pg
}

// byID returns the element with id, or nil.
func (p *page) byID(id string) *html.Node { return p.ids[id] }

// resolve turns href, found on this page, into a site path with its
// fragment ("text/stone.html#m4"). External and absolute links come back
// as they are.
func (p *page) resolve(href string) string {
	u, err := url.Parse(href)
	if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(href, "/") {
		return href
	}
	target := p.Path
	if u.Path != "" {
		target = path.Join(path.Dir(p.Path), u.Path)
		if strings.HasSuffix(u.Path, "/") {
			target = path.Join(target, "index.html")
		}
	}
	if u.Fragment != "" {
		target += "#" + u.Fragment
	}
	return target
}

// findAll returns the elements under n (n included) that pass keep, in
// document order.
func findAll(n *html.Node, keep func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && keep(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// find returns the first element under n that passes keep, or nil.
func find(n *html.Node, keep func(*html.Node) bool) *html.Node {
	if all := findAll(n, keep); len(all) > 0 {
		return all[0]
	}
	return nil
}

// ancestor returns the nearest element above n that passes keep, or nil.
func ancestor(n *html.Node, keep func(*html.Node) bool) *html.Node {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && keep(p) {
			return p
		}
	}
	return nil
}

// children returns n's element children that pass keep.
func children(n *html.Node, keep func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && keep(c) {
			out = append(out, c)
		}
	}
	return out
}

func attr(n *html.Node, name string) string {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, name string) bool {
	return slices.ContainsFunc(n.Attr, func(a html.Attribute) bool { return a.Key == name })
}

func hasClass(n *html.Node, class string) bool {
	return slices.Contains(strings.Fields(attr(n, "class")), class)
}

// is matches an element by tag.
func is(a atom.Atom) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.DataAtom == a }
}

// tagClass matches an element by tag and class.
func tagClass(a atom.Atom, class string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.DataAtom == a && hasClass(n, class) }
}

// text is the text of n with white space collapsed.
func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}
