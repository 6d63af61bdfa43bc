package site

import (
	"bytes"
	"fmt"
	"html"
	"maps"
	"net/url"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"edition/generator/diag"
	"edition/generator/export"
	"edition/generator/index"
	"edition/generator/markup"
	"edition/generator/search"
)

// webSchemes are the schemes a link may have besides none (a path in the
// site): those a browser follows to another site or program. Content
// links with any other scheme are errors, and so are such links that
// CheckLinks finds in the pages.
var webSchemes = map[string]bool{"http": true, "https": true, "mailto": true, "tel": true}

// contentLink is an ordinary link or image of a converted text, and the
// page the text lands on, which a relative destination starts from.
type contentLink struct {
	markup.Link
	page string
	// at, when it has a file, is where the link is reported instead of
	// its position: for a text whose columns, or lines, are not those of
	// its file (a field of edition.yaml, a source's annotation folded by
	// YAML), the field's line, or the file alone.
	at diag.Pos
}

// linkTarget is the file of the site that a relative link leads to, and
// the id in it that its #fragment names.
type linkTarget struct {
	link *contentLink
	path string
	id   string
}

// linkCheck checks the content's ordinary links against the site being
// built, in three steps: what a link says on its own (scheme, form) as
// soon as the texts are converted; the files and ids it leads to once the
// pages are rendered; and the files that only Finish makes (exports,
// search index) at the end.
//
// An id is looked up, for a chapter's page, in what the index knows of the
// chapter (its paragraphs, sections, notes and note references, whose ids
// the chapter's HTML carries); for any other page, or an id that the
// index does not know (one a template writes), in the page's HTML, as it
// is rendered: only the pages that a link with such a #fragment leads to
// are searched, for those ids alone.
type linkCheck struct {
	targets  []linkTarget
	chapters map[string]*index.Chapter    // by page
	known    map[string]map[string]bool   // ids of the chapters' pages, made when asked for
	want     map[string]map[string]*found // page → ids to find in its HTML
}

// found says whether an id was found in a page's HTML; each is written by
// the one goroutine that renders the page.
type found struct{ ok bool }

// newLinkCheck checks what the links say on their own, and prepares the
// rest.
func newLinkCheck(links []contentLink, x *index.Index) (*linkCheck, diag.List) {
	var diags diag.List
	lc := &linkCheck{known: map[string]map[string]bool{}, want: map[string]map[string]*found{}}
	if len(links) == 0 {
		return lc, nil
	}
	lc.chapters = make(map[string]*index.Chapter, len(x.Chapters))
	for _, ch := range x.Chapters {
		lc.chapters[x.Layout.Chapter(ch.Slug)] = ch
	}
	for i := range links {
		l := &links[i]
		t, ok := resolveLink(l, &diags)
		if !ok {
			continue
		}
		lc.targets = append(lc.targets, t)
		if t.id == "" || lc.chapterHas(t.path, t.id) {
			continue
		}
		ids := lc.want[t.path]
		if ids == nil {
			ids = map[string]*found{}
			lc.want[t.path] = ids
		}
		if ids[t.id] == nil {
			ids[t.id] = &found{}
		}
	}
	return lc, diags
}

// chapterHas reports whether the index knows id as one of the chapter's
// whose page is p.
func (lc *linkCheck) chapterHas(p, id string) bool {
	ch := lc.chapters[p]
	if ch == nil {
		return false
	}
	ids := lc.known[p]
	if ids == nil {
		ids = map[string]bool{}
		for _, para := range ch.Paragraphs {
			ids[para.ID] = true
		}
		for _, s := range ch.Sections {
			if s.ID != index.OpeningSection { // a heading the text may not have
				ids[s.ID] = true
			}
		}
		for _, n := range ch.Notes {
			ids[n.ID] = true
			for _, r := range n.Refs {
				ids[r] = true
			}
		}
		lc.known[p] = ids
	}
	return ids[id]
}

// scan looks in the HTML of page p for the ids that links lead to and the
// index does not know. It may be called for different pages at once.
func (lc *linkCheck) scan(p string, data []byte) {
	if lc == nil || len(lc.want) == 0 {
		return
	}
	for id, f := range lc.want[p] {
		f.ok = bytes.Contains(data, []byte(` id="`+html.EscapeString(id)+`"`))
	}
}

// check checks the links that lead to files for which exists is true, and
// returns the others. exists is not called when no link leads into the
// site.
func (lc *linkCheck) check(exists func(string) bool, diags *diag.List) []linkTarget {
	if len(lc.targets) == 0 {
		return nil
	}
	var rest []linkTarget
	for _, t := range lc.targets {
		if !exists(t.path) {
			rest = append(rest, t)
			continue
		}
		if t.id == "" || !strings.HasSuffix(t.path, ".html") || lc.chapterHas(t.path, t.id) {
			continue
		}
		if f := lc.want[t.path][t.id]; f != nil && f.ok {
			continue
		}
		lc.noID(t, diags)
	}
	return rest
}

// noID reports the link t as leading to a page that has no id t.id.
func (lc *linkCheck) noID(t linkTarget, diags *diag.List) {
	hint := "link to an id that the page has, a paragraph's such as #p12, a note's or a section heading's, or leave out the #…"
	if lc.chapters[t.path] != nil {
		lc.chapterHas(t.path, t.id) // makes the chapter's ids known
		hint = diag.DidYouMean(t.id, slices.Sorted(maps.Keys(lc.known[t.path])), hint)
		if strings.HasPrefix(hint, "did you mean") {
			hint = strings.ReplaceAll(hint, "“", "“#")
		}
	}
	diags.Errorf(t.link.pos(), hint, "%s %q leads to %s, which has no id %q", t.link.what(), t.link.Dest, t.path, t.id)
}

// unbuiltSite is what a build with errors, which makes no pages, knows of
// the site it would make.
type unbuiltSite struct {
	// paths are the files the site would have: its pages, assets and
	// preview cards, and what Finish adds (see finishPaths) but the
	// search index, whose files' names are not known before it is made.
	paths map[string]bool
	// moved reports whether a file at p may be missing from paths, or
	// be there under another name, because a content file that would
	// make it has an error in its loading (see movedBy).
	moved func(p string) bool
	// chapter returns the HTML of the chapter's page p, made alone, or
	// false where the chapter's own file has an error (its ids may
	// change with the fix) or the page does not render.
	chapter func(p string) ([]byte, bool)
}

// checkUnbuilt checks, in a build with errors, where the content's links
// lead, as far as the site it would make can tell without being made, so
// that an editor sees the broken links with the other errors rather than
// after fixing them:
//
//   - a link to a file that the site would not have is reported, unless
//     an error in loading a content file (a chapter's, an entry's, the
//     bibliography, edition.yaml) may have left that file out of the
//     site or put it elsewhere, or it is in the search index;
//   - a link to an id of a chapter's page is checked against the ids the
//     index knows of the chapter, and then the chapter's page made alone,
//     unless the chapter's own file has an error;
//
// and the rest wait for a build without errors: a link to an id of any
// other page, which its template writes from what the whole build makes
// (such as an entry's mentions, which a chapter with errors may lack).
func (lc *linkCheck) checkUnbuilt(u *unbuiltSite, diags *diag.List) {
	var gone []linkTarget
	pages := map[string][]byte{} // the chapters' pages made, nil where none could be
	for _, t := range lc.targets {
		if !u.paths[t.path] {
			if !strings.HasPrefix(t.path, search.Folder+"/") && !u.moved(t.path) {
				gone = append(gone, t)
			}
			continue
		}
		if t.id == "" || !strings.HasSuffix(t.path, ".html") || lc.chapters[t.path] == nil || lc.chapterHas(t.path, t.id) {
			continue
		}
		page, made := pages[t.path]
		if !made {
			page, _ = u.chapter(t.path)
			pages[t.path] = page
		}
		if page == nil || bytes.Contains(page, []byte(` id="`+html.EscapeString(t.id)+`"`)) {
			continue
		}
		lc.noID(t, diags)
	}
	if len(gone) > 0 {
		missing(gone, slices.Sorted(maps.Keys(u.paths)), diags)
	}
}

// finishPaths are the files that Finish adds (see findAndReuse) but the
// search index's: the exports, whole and a source at a time, the TEI
// text, the sitemap and robots.txt. A build with errors, which does not
// make them, checks links to them against these.
func finishPaths(x *index.Index) []string {
	paths := []string{export.RegistryFile, export.TEIFile, export.SitemapFile, export.RobotsFile}
	for _, f := range export.Formats {
		paths = append(paths, export.BibliographyFile(f))
		for _, s := range x.Sources {
			paths = append(paths, export.SourceFile(x.Layout, s, f))
		}
	}
	return paths
}

// movedBy returns the test of unbuiltSite.moved for a build whose errors
// in loading the content (in content, its folder) are loadErrs: a file
// with such an error may be left out of the site, or make its page under
// another name (a slug in error), so no file is said to be missing from
// the folders of the site its pages would be in: text/ for a chapter's,
// the root for a further page's, the kind's folder for an entry's, the
// sources' folder for the bibliography's, and the root (the
// bibliography's exports) when noSources says that it has no record
// read. An error elsewhere (edition.yaml, which says the kinds and their
// folders) leaves every file unsure.
func movedBy(loadErrs diag.List, content string, ed *index.Edition, l index.Layout, noSources bool) func(string) bool {
	all := false
	dirs := map[string]bool{} // folders of the site, "" for the root
	for _, d := range loadErrs {
		if d.Severity != diag.Error {
			continue
		}
		rel, err := filepath.Rel(content, d.File)
		if d.File == "" || err != nil {
			all = true
			break
		}
		parts := strings.Split(filepath.ToSlash(rel), "/")
		switch {
		case parts[0] == "text":
			dirs[path.Dir(l.Chapter("x"))] = true
		case parts[0] == "pages":
			dirs[path.Dir(l.Page("x"))] = true
		case parts[0] == "registry" && len(parts) > 2:
			k, ok := ed.Kind(parts[1])
			if !ok {
				all = true
			} else {
				dirs[k.Path] = true
			}
		case len(parts) == 1 && strings.HasPrefix(parts[0], "bibliography."):
			dirs[index.SourceKind.Path] = true
			dirs["."] = dirs["."] || noSources
		default:
			all = true
		}
	}
	return func(p string) bool { return all || dirs[path.Dir(p)] }
}

// missing reports the links in targets as leading to no file; paths is
// every file of the site, for suggestions.
func missing(targets []linkTarget, paths []string, diags *diag.List) {
	if len(targets) == 0 {
		return
	}
	byDir := map[string][]string{} // the names of the files in each folder
	for _, p := range paths {
		dir, name := path.Split(p)
		byDir[dir] = append(byDir[dir], name)
	}
	for _, t := range targets {
		l := t.link
		hint := fmt.Sprintf("write the path of a page or file of the site from this text's page, %s; for an entry, write [words](kind:key)", l.page)
		if l.Image {
			hint = fmt.Sprintf("put the image in the templates' assets folder and write its path from this text's page, %s: “%s”",
				l.page, index.Rel(l.page, "assets/"+path.Base(t.path)))
		}
		dir, name := path.Split(t.path)
		if near := diag.Nearest(name, byDir[dir], 1); len(near) > 0 {
			hint = fmt.Sprintf("did you mean “%s”?", index.Rel(l.page, dir+near[0]))
		} else if looksExternal(l.Dest) {
			hint = fmt.Sprintf("did you mean “https://%s”?", strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(l.Dest, "http//"), "https//"), "//"))
		}
		diags.Errorf(l.pos(), hint, "%s %q leads to %s, which the site does not have", l.what(), l.Dest, t.path)
	}
}

// looksExternal reports whether a relative destination looks like an
// address of another site with its scheme left out or mistyped.
func looksExternal(dest string) bool {
	d := strings.ToLower(dest)
	return strings.HasPrefix(d, "www.") || strings.HasPrefix(d, "http//") || strings.HasPrefix(d, "https//")
}

// resolveLink checks what a link says on its own and returns the file
// (and id) of the site it leads to, if it leads into the site.
func resolveLink(l *contentLink, diags *diag.List) (linkTarget, bool) {
	raw := l.Dest
	u, err := url.Parse(raw)
	if err != nil {
		diags.Errorf(l.pos(), "write a path in the site or a full address such as https://example.org/page",
			"%s %q is not a valid address: %v", l.what(), raw, unwrapURLError(err))
		return linkTarget{}, false
	}
	if u.Scheme != "" {
		scheme := strings.ToLower(u.Scheme)
		switch {
		case webSchemes[scheme] && (scheme == "http" || scheme == "https") && u.Host == "":
			diags.Errorf(l.pos(), fmt.Sprintf("did you mean “%s”?", scheme+"://"+strings.TrimLeft(raw[len(scheme)+1:], "/")),
				"%s %q has no host", l.what(), raw)
		case webSchemes[scheme]:
		default:
			diags.Errorf(l.pos(), schemeHint(scheme, raw), "%s %q has the scheme %q, which %s", l.what(), raw, u.Scheme, schemeWhy(scheme))
		}
		return linkTarget{}, false
	}
	switch {
	case u.Host != "" || strings.HasPrefix(raw, "//"):
		diags.Errorf(l.pos(), fmt.Sprintf("write “https:%s”", raw), "%s %q has no scheme", l.what(), raw)
		return linkTarget{}, false
	case strings.HasPrefix(u.Path, "/"):
		diags.Errorf(l.pos(), fmt.Sprintf("write the path from this text's page, %s: “%s”", l.page, relFromRoot(l.page, u)),
			"%s %q starts at the root of the host, where the edition may not be", l.what(), raw)
		return linkTarget{}, false
	}
	target, inside := siteTarget(l.page, u.Path)
	if !inside {
		diags.Errorf(l.pos(), fmt.Sprintf("write the path from this text's page, %s, to a file of the site", l.page),
			"%s %q leads out of the site", l.what(), raw)
		return linkTarget{}, false
	}
	return linkTarget{link: l, path: target, id: u.Fragment}, true
}

// relFromRoot is the destination u, a path from the root, as a path from
// page.
func relFromRoot(page string, u *url.URL) string {
	target := strings.TrimPrefix(path.Clean(u.Path), "/")
	if target == "" || strings.HasSuffix(u.Path, "/") {
		target = path.Join(target, "index.html")
	}
	rel := index.Rel(page, target)
	if u.Fragment != "" {
		rel += "#" + u.Fragment
	}
	return rel
}

// schemeHint is what to do about a link with a scheme that is not a web
// link's.
func schemeHint(scheme, raw string) string {
	rest := strings.TrimLeft(raw[len(scheme)+1:], "/")
	switch scheme {
	case "doi":
		return fmt.Sprintf("write “https://doi.org/%s”", rest)
	case "javascript", "data", "vbscript":
		return "remove it: a link in the content may not run a script or carry a file; put files under the templates' assets and link to them"
	case "www":
		return fmt.Sprintf("did you mean “https://www.%s”?", rest)
	}
	if near := diag.Nearest(scheme, []string{"http", "https", "mailto"}, 1); len(near) > 0 {
		sep := "://"
		if near[0] == "mailto" {
			sep = ":"
		}
		return fmt.Sprintf("did you mean “%s%s%s”?", near[0], sep, rest)
	}
	return "write an address that starts with https://, http://, mailto: or tel:, or a path in the site"
}

// schemeWhy says what is wrong with a scheme.
func schemeWhy(scheme string) string {
	switch scheme {
	case "javascript", "data", "vbscript":
		return "the site empties for safety, leaving a link that goes nowhere"
	}
	return "is not one the edition links with (https, http, mailto, tel)"
}

func unwrapURLError(err error) error {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err
	}
	return err
}

// what names the kind of link, for a message.
func (l *contentLink) what() string {
	if l.Image {
		return "image"
	}
	return "link"
}

// pos is where the link is reported.
func (l *contentLink) pos() diag.Pos {
	if l.at.File != "" {
		return l.at
	}
	return l.Pos
}
