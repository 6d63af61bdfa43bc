package site

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"edition/generator/diag"
	"edition/generator/index"
	"edition/generator/internal/words"
	"edition/generator/source"
)

// foldLeftOut keeps a registry entry left out for its errors (a file that
// cannot be read, front matter that does not parse) from hiding or
// multiplying the other mistakes. The build goes on without it, so that
// every other file is checked; but a link to it, “related:” or “parent:”
// naming it, would be an error only because it is left out, to vanish once
// its file is fixed. Those are dropped, and the entry's own first error
// says how many places that name it wait for it. So for the links to the
// entries of a registry folder whose kind edition.yaml does not declare
// (Content.Undeclared): they are counted in the error that says the
// folder is not read. dir is the content folder as diagnostics name it.
func foldLeftOut(diags *diag.List, c *source.Content, dir string) {
	loaded := make(map[string]bool, len(c.Entries))
	for _, e := range c.Entries {
		loaded[e.File] = true
	}
	refs := map[index.Ref]string{}  // each entry left out → its file
	byKey := map[string]index.Ref{} // the same, by key, for related: and parent:
	for _, d := range *diags {
		if d.Severity != diag.Error || loaded[d.File] || !strings.HasSuffix(d.File, ".md") {
			continue
		}
		rel, err := filepath.Rel(dir, d.File)
		if err != nil {
			continue
		}
		parts := strings.Split(filepath.ToSlash(rel), "/")
		if len(parts) < 3 || parts[0] != source.RegistryDir {
			continue
		}
		if _, ok := c.Edition.Kind(parts[1]); !ok {
			continue // the folder's own error says so
		}
		ref := index.Ref{Kind: parts[1], Key: strings.TrimSuffix(path.Base(rel), ".md")}
		if _, seen := refs[ref]; !seen {
			refs[ref] = d.File
			byKey[ref.Key] = ref
		}
	}
	if len(refs) == 0 && len(c.Undeclared) == 0 {
		return
	}
	waiting := map[index.Ref]int{}
	inFolders := map[string]int{} // links to the entries of an undeclared kind, by kind
	kept := (*diags)[:0]
	for _, d := range *diags {
		if ref, ok := leftOutRef(d, refs, byKey); ok {
			waiting[ref]++
			continue
		}
		if k, ok := undeclaredKind(d, c.Undeclared); ok {
			inFolders[k]++
			continue
		}
		kept = append(kept, d)
	}
	clear((*diags)[len(kept):])
	*diags = kept
	// One clause for each error that says the folders are not read.
	counts := map[int]int{}
	for k, n := range inFolders {
		for i, d := range *diags {
			if d.Severity == diag.Error && (strings.HasPrefix(d.Message, fmt.Sprintf("registry folder %q is not a kind", k)) ||
				strings.Contains(d.Message, "the registry's folders are not read")) {
				counts[i] += n
				break
			}
		}
	}
	for i, n := range counts {
		links := "the " + words.Count(n, "link", "links") + " to their entries are"
		if n == 1 {
			links = "the link to their entries is"
		}
		(*diags)[i].Message += "; " + links + " not checked"
	}
	for ref, n := range waiting {
		places := "the " + words.Count(n, "place", "places") + " that name it are"
		if n == 1 {
			places = "the place that names it is"
		}
		diags.AddToError(refs[ref], fmt.Sprintf("%s is left out until it reads, so %s not checked", ref, places))
	}
}

// leftOutRef returns the entry of refs (or byKey) that the error d is
// about only because it is left out: a link to it, “related:” or
// “parent:” naming it.
func leftOutRef(d diag.Diagnostic, refs map[index.Ref]string, byKey map[string]index.Ref) (index.Ref, bool) {
	if d.Severity != diag.Error {
		return index.Ref{}, false
	}
	if rest, ok := strings.CutPrefix(d.Message, `unknown entry "`); ok {
		kind, key, _ := strings.Cut(strings.TrimSuffix(rest, `"`), ":")
		ref := index.Ref{Kind: kind, Key: key}
		_, left := refs[ref]
		return ref, left
	}
	for _, form := range [...]string{`" as related, but there is no such entry`, `", but there is no such entry`} {
		rest, ok := strings.CutSuffix(d.Message, form)
		if !ok {
			continue
		}
		i := strings.LastIndexByte(rest, '"')
		if i < 0 {
			return index.Ref{}, false
		}
		ref, left := byKey[rest[i+1:]]
		return ref, left
	}
	return index.Ref{}, false
}

// undeclaredKind returns the kind of kinds, registry folders that
// edition.yaml does not declare, that the error d is about only because
// it is not declared: a link to an entry of it, whose scheme is then no
// kind.
func undeclaredKind(d diag.Diagnostic, kinds []string) (string, bool) {
	if d.Severity != diag.Error {
		return "", false
	}
	for _, k := range kinds {
		if strings.HasPrefix(d.Message, `link "`+k+`:`) && strings.Contains(d.Message, `has the scheme "`+k+`", which is not one`) ||
			strings.HasPrefix(d.Message, fmt.Sprintf("unknown kind %q in the link ", k)) {
			return k, true
		}
	}
	return "", false
}

// leftOutErrs returns the errors of ds, those of loading c, that may leave
// a page out of the site or move it (see movedBy): all but those at a
// chapter, a further page or an entry that was read, which keep their
// pages where they are.
func leftOutErrs(ds diag.List, c *source.Content) diag.List {
	read := map[string]bool{}
	for _, ch := range c.Chapters {
		read[ch.File] = !ch.Unread
	}
	for _, p := range c.Pages {
		read[p.File] = !p.Unread
	}
	for _, e := range c.Entries {
		read[e.File] = true
	}
	var out diag.List
	for _, d := range ds {
		if d.Severity == diag.Error && !read[d.File] {
			out = append(out, d)
		}
	}
	return out
}
