package site

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"edition/generator/diag"
	"edition/generator/internal/words"
	"edition/generator/source"
)

// The messages with which markup reports a citation, or an explicit link
// to a source, whose key no record has.
const (
	unknownCitation = "citation of unknown source @"
	unknownRecord   = `unknown bibliography record "source:`
)

// foldUnsourced makes the citations of an edition whose bibliography holds
// no record one mistake: a missing or empty bibliography file, said once
// at the file (or the content folder), with the keys cited and the count
// of citations, instead of an error at every citation; for a bibliography
// that does not read, said in its error. dir is the content folder as
// diagnostics name it. With records, or no citation, it does nothing.
func foldUnsourced(diags *diag.List, c *source.Content, dir string) {
	if len(c.Sources) > 0 {
		return
	}
	var keys []string
	var first diag.Pos
	n := 0
	kept := (*diags)[:0]
	for _, d := range *diags {
		key, ok := unsourcedKey(d)
		if !ok {
			kept = append(kept, d)
			continue
		}
		if n == 0 || posLess(d.Pos, first) {
			first = d.Pos
		}
		n++
		if !slices.Contains(keys, key) {
			keys = append(keys, key)
		}
	}
	if n == 0 {
		return
	}
	clear((*diags)[len(kept):])
	*diags = kept
	slices.Sort(keys)
	cited := keys
	if len(cited) > 4 {
		cited = cited[:4]
	}
	list := "@" + strings.Join(cited, ", @")
	if len(keys) > len(cited) {
		list += fmt.Sprintf(" and %d more", len(keys)-len(cited))
	}
	what := fmt.Sprintf("%s of %s (%s; the first at %s)", words.Count(n, "citation", "citations"),
		words.Count(len(keys), "key", "keys"), list, first)
	if c.Bibliography != "" {
		// A bibliography that does not read (its YAML malformed, not a
		// list) has had its error: the citations are its consequence,
		// said there, not as records missing.
		if diags.AddToError(c.Bibliography, fmt.Sprintf("no record is read until it is fixed, so %s are not checked", what)) {
			return
		}
		diags.Errorf(diag.Pos{File: c.Bibliography}, "write a CSL-YAML record in it for each source cited, such as “- id: "+keys[0]+"” with its “type:”, “title:”, “author:” and “issued:”; a reference manager such as Zotero exports them",
			"the bibliography has no records, so %s find no source", what)
		return
	}
	diags.Errorf(diag.Pos{File: dir}, "create "+path.Join(dir, source.BibliographyFiles[0])+" with a CSL-YAML record for each source cited, such as “- id: "+keys[0]+"” with its “type:”, “title:”, “author:” and “issued:” ; a reference manager such as Zotero exports them",
		"the content folder has no bibliography (%s), so %s find no source", strings.Join(source.BibliographyFiles, ", "), what)
}

// unsourcedKey returns the key of an error about a citation, or a link to a
// source, whose key no record has.
func unsourcedKey(d diag.Diagnostic) (string, bool) {
	if d.Severity != diag.Error {
		return "", false
	}
	if k, ok := strings.CutPrefix(d.Message, unknownCitation); ok {
		return k, true
	}
	if k, ok := strings.CutPrefix(d.Message, unknownRecord); ok {
		return strings.TrimSuffix(k, `"`), true
	}
	return "", false
}

// posLess orders places by file, line and column.
func posLess(a, b diag.Pos) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Col < b.Col
}
