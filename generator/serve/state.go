package serve

import (
	"bytes"
	"encoding/json"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"edition/generator/diag"
	"edition/generator/render"
)

// siteState is a good build as the server serves it.
type siteState struct {
	build int
	tag   string // instance and build, written into each page
	files map[string][]byte
	rest  []render.File // the files no page shows (see Build.Rest)
}

// newSite makes a site of a build's pages and other files and its rest,
// which may still be the previous build's.
func newSite(files, rest []render.File, instance string, build int) *siteState {
	s := &siteState{build: build, tag: instance + "-" + strconv.Itoa(build), files: make(map[string][]byte, len(files)+len(rest)),
		rest: rest}
	for _, f := range rest {
		s.files[f.Path] = f.Data
	}
	for _, f := range files {
		s.files[f.Path] = f.Data
	}
	return s
}

func (s *siteState) restFiles() []render.File { return s.rest }

// changeSet is what a build changed in the site.
type changeSet struct {
	pages   []string          // site paths new, changed or gone, sorted
	anchors map[string]string // page → id of the first passage that changed
	all     bool              // a file other than a page changed: every page may look different
}

// maxListed is how many changed pages a reload event lists; beyond it, it
// says that everything changed.
const maxListed = 500

func changes(old, next *siteState) changeSet {
	c := changeSet{anchors: map[string]string{}}
	if old == nil {
		c.all = true
		return c
	}
	rest := map[string]bool{} // files no page shows: no reason to reload
	for _, f := range next.rest {
		rest[f.Path] = true
	}
	for p, data := range next.files {
		if rest[p] {
			continue
		}
		prev, ok := old.files[p]
		if ok && sameBytes(prev, data) {
			continue
		}
		c.pages = append(c.pages, p)
		if !strings.HasSuffix(p, ".html") {
			c.all = true
		} else if ok {
			if id := firstChange(prev, data); id != "" {
				c.anchors[p] = id
			}
		}
	}
	for p := range old.files {
		if _, ok := next.files[p]; !ok && !rest[p] {
			c.pages = append(c.pages, p)
		}
	}
	slices.Sort(c.pages)
	if len(c.pages) > maxListed {
		c.all = true
	}
	return c
}

func sameBytes(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	if len(a) == 0 || &a[0] == &b[0] {
		return true
	}
	return bytes.Equal(a, b)
}

// blockIDRE finds the opening tags of block elements with an id: the
// passages a reader can be taken to.
var blockIDRE = regexp.MustCompile(`<(?:p|li|h[1-6]|blockquote|section|article|aside|div|dd|dt|tr|figure|pre|table|ol|ul)\b[^>]*?\sid="([^"]+)"`)

// firstChange returns the id of the passage where the main content of
// next first differs from that of old: the last block with an id that
// opens before the first difference, or in whose opening tag the
// difference is, within <main>. Differences before <main> (the title, the
// metadata, the navigation) are no passage. It returns "" when there is
// no such passage.
func firstChange(old, next []byte) string {
	mo, mn := bytes.Index(old, []byte("<main")), bytes.Index(next, []byte("<main"))
	if mo < 0 || mn < 0 {
		return ""
	}
	o, n := old[mo:], next[mn:]
	i := 0
	for i < len(o) && i < len(n) && o[i] == n[i] {
		i++
	}
	if i == len(o) && i == len(n) {
		return ""
	}
	// Take in the tag the difference falls in: a passage inserted or
	// renumbered differs inside its own opening tag.
	end := i
	if j := bytes.IndexByte(n[i:], '>'); j >= 0 {
		end = i + j + 1
	}
	ms := blockIDRE.FindAllSubmatch(n[:end], -1)
	if len(ms) == 0 {
		return ""
	}
	return string(ms[len(ms)-1][1])
}

func (c changeSet) json(tag string) []byte {
	v := struct {
		Build   string            `json:"build"`
		All     bool              `json:"all"`
		Pages   []string          `json:"pages"`
		Anchors map[string]string `json:"anchors"`
	}{Build: tag, All: c.all, Pages: c.pages, Anchors: c.anchors}
	if v.Pages == nil || len(v.Pages) > maxListed {
		v.Pages = []string{}
	}
	b, _ := json.Marshal(v)
	return b
}

// failure is a build that failed: its errors, for the overlay.
type failure struct {
	errors diag.List
	json   []byte
}

// maxShown is how many errors the overlay lists.
const maxShown = 20

func newFailure(diags diag.List) *failure {
	f := &failure{}
	for _, d := range diags {
		if d.Severity == diag.Error {
			f.errors = append(f.errors, d)
		}
	}
	type item struct {
		Pos     string `json:"pos"`
		Message string `json:"message"`
		Hint    string `json:"hint,omitempty"`
		Text    string `json:"text"`
	}
	v := struct {
		Errors []item `json:"errors"`
		More   int    `json:"more"`
	}{Errors: []item{}}
	for i, d := range f.errors {
		if i == maxShown {
			v.More = len(f.errors) - maxShown
			break
		}
		v.Errors = append(v.Errors, item{Pos: d.Pos.String(), Message: d.Message, Hint: d.Hint, Text: d.String()})
	}
	f.json, _ = json.Marshal(v)
	return f
}
