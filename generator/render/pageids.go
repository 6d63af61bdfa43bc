package render

import (
	"hash/fnv"
	"maps"
	"regexp"
	"slices"
	"strings"
)

// PageIDs is the set of ids the templates and their scripts give elements
// of their own ("main", "site-search-q", "toast", "sn-…"): ids a text's
// section headings must not take, or a link to the section would lead to
// the search box. An id ending in "-" stands for every id it begins.
type PageIDs struct {
	exact    map[string]bool
	prefixes []string
	key      uint64
}

var (
	// An id written out in a template: id="main", not id="{{.ID}}".
	templateIDRE = regexp.MustCompile(`\sid="([^"{}]+)"`)
	// An id a script gives or looks up: el.id = "preview",
	// {id: "site-search-list"}, getElementById("toast"), "sn-" + id.
	scriptIDRE = regexp.MustCompile(`(?:\.id\s*=|\bid:|getElementById\()\s*["']([^"']+)["']`)
)

// pageIDs collects the ids of the templates' texts and of the scripts
// among the assets.
func (ts *Templates) pageIDs() *PageIDs {
	ids := &PageIDs{exact: map[string]bool{}}
	add := func(id string) {
		if strings.HasSuffix(id, "-") {
			ids.prefixes = append(ids.prefixes, id)
		} else {
			ids.exact[id] = true
		}
	}
	for _, b := range ts.src {
		for _, m := range templateIDRE.FindAllSubmatch(b, -1) {
			add(string(m[1]))
		}
	}
	for _, f := range ts.assets {
		if !strings.HasSuffix(f.Path, ".js") {
			continue
		}
		for _, m := range scriptIDRE.FindAllSubmatch(f.Data, -1) {
			add(string(m[1]))
		}
	}
	all := slices.Sorted(maps.Keys(ids.exact))
	slices.Sort(ids.prefixes)
	ids.prefixes = slices.Compact(ids.prefixes)
	h := fnv.New64a()
	for _, id := range append(all, ids.prefixes...) {
		h.Write([]byte(id))
		h.Write([]byte{0})
	}
	ids.key = h.Sum64()
	return ids
}

// Has reports whether the templates or their scripts use id.
func (ids *PageIDs) Has(id string) bool {
	if ids == nil {
		return false
	}
	if ids.exact[id] {
		return true
	}
	for _, p := range ids.prefixes {
		if strings.HasPrefix(id, p) {
			return true
		}
	}
	return false
}

// Key is a hash of the set: texts converted with one set need converting
// again only when it changes.
func (ids *PageIDs) Key() uint64 {
	if ids == nil {
		return 0
	}
	return ids.key
}
