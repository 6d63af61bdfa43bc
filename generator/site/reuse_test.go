package site_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/net/html"

	"edition/generator/bib"
	"edition/generator/index"
	"edition/generator/site"
)

// The tests in this file check what the edition offers for reuse, on the
// edition in content/ built with a base URL: metadata on every page, the
// bibliography in CSL-JSON, BibTeX and RIS read back by other people's
// parsers, the TEI text checked by xmllint, and the sitemap.

const testBase = "https://example.org/beyond-preemption/"

var (
	baseOnce sync.Once
	baseRes  *site.Result
	baseOut  string
	baseErr  error
)

// buildWithBase builds a copy of the edition whose edition.yaml names a
// base URL, once for all tests.
func buildWithBase(t *testing.T) (*site.Result, string) {
	t.Helper()
	baseOnce.Do(func() {
		dir, err := os.MkdirTemp("", "edition-reuse-test-")
		if err != nil {
			baseErr = err
			return
		}
		content := filepath.Join(dir, "content")
		if baseErr = os.CopyFS(content, os.DirFS(editionContent)); baseErr != nil {
			return
		}
		yaml, err := os.ReadFile(filepath.Join(content, "edition.yaml"))
		if err != nil {
			baseErr = err
			return
		}
		yaml = append(yaml, []byte("\nbase_url: "+testBase+"\n")...)
		if baseErr = os.WriteFile(filepath.Join(content, "edition.yaml"), yaml, 0o644); baseErr != nil {
			return
		}
		baseOut = filepath.Join(dir, "public")
		baseRes, baseErr = site.Build(site.Options{Content: content, Templates: editionTemplates, Output: baseOut})
		if baseErr == nil && !baseRes.OK() {
			baseErr = baseRes.Diags.Err()
		}
	})
	if baseErr != nil {
		t.Fatal(baseErr)
	}
	return baseRes, baseOut
}

func TestMain(m *testing.M) {
	code := m.Run()
	if baseOut != "" {
		os.RemoveAll(filepath.Dir(baseOut))
	}
	os.Exit(code)
}

// htmlPages lists the site paths of the HTML files a build wrote.
func htmlPages(t *testing.T, out string) []string {
	t.Helper()
	var pages []string
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(out, p)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(pages)
	return pages
}

func parsePage(t *testing.T, out, page string) *html.Node {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(page)))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", page, err)
	}
	return doc
}

func TestSitemapListsEveryPageAndOnlyThose(t *testing.T) {
	_, out := buildWithBase(t)
	b, err := os.ReadFile(filepath.Join(out, "sitemap.xml"))
	if err != nil {
		t.Fatal(err)
	}
	var sm struct {
		XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		URLs    []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(b, &sm); err != nil {
		t.Fatalf("sitemap.xml: %v", err)
	}
	var got []string
	for _, u := range sm.URLs {
		got = append(got, u.Loc)
	}
	slices.Sort(got)
	var want []string
	for _, p := range htmlPages(t, out) {
		if p == index.NotFoundPage {
			continue // an error page is no page to index
		}
		if noindex(parsePage(t, out, p)) {
			continue // nor one that asks not to be (a folder's, which leads on)
		}
		if path.Base(p) == "index.html" {
			p = strings.TrimSuffix(p, "index.html")
		}
		want = append(want, testBase+p)
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("sitemap.xml lists %d URLs, the site has %d pages:\n missing %v\n extra %v",
			len(got), len(want), minus(want, got), minus(got, want))
	}
	robots, err := os.ReadFile(filepath.Join(out, "robots.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(robots), "Sitemap: "+testBase+"sitemap.xml") {
		t.Errorf("robots.txt does not name the sitemap:\n%s", robots)
	}

	// Without a base URL there can be no sitemap (its URLs must be
	// absolute), and robots.txt says nothing of one.
	_, plain := buildEdition(t)
	if _, err := os.Stat(filepath.Join(plain, "sitemap.xml")); err == nil {
		t.Errorf("a sitemap was written without a base URL")
	}
	if r, err := os.ReadFile(filepath.Join(plain, "robots.txt")); err != nil || strings.Contains(string(r), "Sitemap") {
		t.Errorf("robots.txt without a base URL: %q, %v", r, err)
	}
}

func minus(a, b []string) []string {
	var out []string
	for _, s := range a {
		if !slices.Contains(b, s) {
			out = append(out, s)
		}
	}
	return out
}

// jsonLD returns the JSON-LD nodes of a page: the one object, or the
// members of its @graph.
func jsonLD(t *testing.T, page string, doc *html.Node) []map[string]any {
	t.Helper()
	var scripts []*html.Node
	for _, n := range findAll(doc, func(n *html.Node) bool { return n.Data == "script" && attr(n, "type") == "application/ld+json" }) {
		scripts = append(scripts, n)
	}
	if len(scripts) != 1 {
		t.Errorf("%s: %d JSON-LD scripts, want 1", page, len(scripts))
		return nil
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(textOf(scripts[0])), &v); err != nil {
		t.Errorf("%s: JSON-LD does not parse: %v", page, err)
		return nil
	}
	if v["@context"] != "https://schema.org" {
		t.Errorf("%s: @context is %v", page, v["@context"])
	}
	if g, ok := v["@graph"].([]any); ok {
		var out []map[string]any
		for _, n := range g {
			out = append(out, n.(map[string]any))
		}
		return out
	}
	return []map[string]any{v}
}

func TestJSONLDOnEveryPage(t *testing.T) {
	res, out := buildWithBase(t)
	x := res.Index
	need := func(page string, n map[string]any, props ...string) {
		for _, p := range props {
			v, ok := n[p]
			if l, isList := v.([]any); !ok || v == "" || (isList && len(l) == 0) {
				t.Errorf("%s: the %v lacks %q", page, n["@type"], p)
			}
		}
	}
	byPage := map[string][]map[string]any{}
	for _, page := range htmlPages(t, out) {
		doc := parsePage(t, out, page)
		if noindex(doc) {
			continue // a folder's page, which leads on (TestFolderPages)
		}
		nodes := jsonLD(t, page, doc)
		byPage[page] = nodes
		for _, n := range nodes {
			need(page, n, "@type", "name")
		}
	}
	// The chapter: a Chapter with its author, the book it is part of,
	// everything it mentions and every work it cites.
	for _, ch := range x.Chapters {
		p := x.Layout.Chapter(ch.Slug)
		nodes := byPage[p]
		if len(nodes) == 0 || nodes[0]["@type"] != "Chapter" {
			t.Fatalf("%s: the first JSON-LD node is not a Chapter: %v", p, nodes)
		}
		c := nodes[0]
		need(p, c, "author", "isPartOf", "mentions", "citation", "inLanguage", "url")
		if c["url"] != testBase+p {
			t.Errorf("%s: url %v", p, c["url"])
		}
		mentioned := map[string]bool{}
		for _, e := range x.Entries {
			for _, o := range x.Occurrences(e.Ref()) {
				if o.Chapter == ch.Slug {
					mentioned[testBase+x.Layout.Ref(e.Ref())] = true
				}
			}
		}
		ms, _ := c["mentions"].([]any)
		if len(ms) != len(mentioned) {
			t.Errorf("%s: %d mentions in JSON-LD, %d entries mentioned", p, len(ms), len(mentioned))
		}
		for _, m := range ms {
			if id, _ := m.(map[string]any)["@id"].(string); !mentioned[id] {
				t.Errorf("%s: mentions %v, which the chapter does not mention", p, m)
			}
		}
		cited := map[string]bool{}
		for _, s := range x.Sources {
			for _, ct := range x.Citations(s.ID) {
				if ct.Chapter == ch.Slug {
					cited[s.Title()] = true
				}
			}
		}
		cs, _ := c["citation"].([]any)
		if len(cs) != len(cited) {
			t.Errorf("%s: %d citations in JSON-LD, %d works cited", p, len(cs), len(cited))
		}
		for _, ct := range cs {
			if !cited[ct.(map[string]any)["name"].(string)] {
				t.Errorf("%s: cites %v, which the chapter does not cite", p, ct)
			}
		}
	}
	// Entries: concepts are DefinedTerms in their kind's set; persons,
	// organizations and states are Person, Organization and Country with
	// sameAs their Wikidata item.
	types := map[string]string{"person": "Person", "organization": "Organization", "group": "Organization", "state": "Country"}
	for _, e := range x.Entries {
		p := x.Layout.Ref(e.Ref())
		n := byPage[p]
		if len(n) != 1 {
			continue
		}
		want := types[e.Type]
		switch {
		case e.Kind == "concept":
			want = "DefinedTerm"
			need(p, n[0], "inDefinedTermSet")
		case e.Kind == "event":
			want = "Event"
		}
		if n[0]["@type"] != want {
			t.Errorf("%s: @type %v, want %s", p, n[0]["@type"], want)
		}
		if n[0]["name"] != e.Name {
			t.Errorf("%s: name %v, want %q", p, n[0]["name"], e.Name)
		}
		if e.Wikidata != "" && n[0]["sameAs"] != "https://www.wikidata.org/wiki/"+e.Wikidata {
			t.Errorf("%s: sameAs %v, want Wikidata %s", p, n[0]["sameAs"], e.Wikidata)
		}
	}
	// Sources: a CreativeWork (or a more specific type) with the record's
	// title, authors and date.
	for _, s := range x.Sources {
		p := x.Layout.Ref(s.Ref())
		n := byPage[p]
		if len(n) != 1 {
			continue
		}
		if n[0]["name"] != s.Title() {
			t.Errorf("%s: name %v, want %q", p, n[0]["name"], s.Title())
		}
		if len(s.Names["author"]) > 0 {
			need(p, n[0], "author")
		}
		if iso := s.Issued().ISO(); iso != "" && n[0]["datePublished"] != iso {
			t.Errorf("%s: datePublished %v, want %s", p, n[0]["datePublished"], iso)
		}
	}
	// Every page: canonical URL and Open Graph.
	for _, page := range htmlPages(t, out) {
		doc := parsePage(t, out, page)
		if noindex(doc) {
			continue // its canonical link names its target (TestFolderPages)
		}
		want := testBase + page
		if path.Base(page) == "index.html" {
			want = strings.TrimSuffix(want, "index.html")
		}
		var canon, ogURL, ogTitle string
		for _, n := range findAll(doc, func(n *html.Node) bool { return n.Data == "link" || n.Data == "meta" }) {
			switch {
			case n.Data == "link" && attr(n, "rel") == "canonical":
				canon = attr(n, "href")
			case attr(n, "property") == "og:url":
				ogURL = attr(n, "content")
			case attr(n, "property") == "og:title":
				ogTitle = attr(n, "content")
			}
		}
		if canon != want || ogURL != want || ogTitle == "" {
			t.Errorf("%s: canonical %q, og:url %q, og:title %q; want %s", page, canon, ogURL, ogTitle, want)
		}
	}
}

// referenceFields splits a citation_reference value into its fields.
func referenceFields(v string) map[string][]string {
	out := map[string][]string{}
	for _, part := range strings.Split(v, "; ") {
		k, val, ok := strings.Cut(part, "=")
		if ok {
			out[k] = append(out[k], val)
		}
	}
	return out
}

func inverted(ns []bib.Name) []string {
	var out []string
	for _, n := range ns {
		out = append(out, n.Inverted())
	}
	return out
}

func TestCitationTagsMatchTheBibliography(t *testing.T) {
	res, out := buildWithBase(t)
	x := res.Index
	book, ok := x.Source("daalder2007beyond")
	if !ok {
		t.Fatal("the edition's book is not in the bibliography")
	}
	for _, ch := range x.Chapters {
		p := x.Layout.Chapter(ch.Slug)
		tags := map[string][]string{}
		for _, n := range findAll(parsePage(t, out, p), func(n *html.Node) bool {
			return n.Data == "meta" && strings.HasPrefix(attr(n, "name"), "citation_")
		}) {
			tags[attr(n, "name")] = append(tags[attr(n, "name")], attr(n, "content"))
		}
		var authors []string
		for _, a := range ch.Authors {
			authors = append(authors, a.Family+", "+a.Given)
		}
		for name, want := range map[string][]string{
			"citation_title":             {ch.Title},
			"citation_author":            authors,
			"citation_publication_date":  {strconv.Itoa(book.Issued().Year())},
			"citation_inbook_title":      {book.Title()},
			"citation_editor":            inverted(book.Names["editor"]),
			"citation_publisher":         {book.Var("publisher")},
			"citation_language":          {x.Edition.Language},
			"citation_fulltext_html_url": {testBase + p},
		} {
			if !slices.Equal(tags[name], want) {
				t.Errorf("%s: %s is %q, want %q", p, name, tags[name], want)
			}
		}
		// One citation_reference per cited work, each true to its record.
		cited := map[string]*index.Source{}
		for _, s := range x.Sources {
			for _, c := range x.Citations(s.ID) {
				if c.Chapter == ch.Slug {
					cited[s.Title()] = s
				}
			}
		}
		refs := tags["citation_reference"]
		if len(refs) != len(cited) {
			t.Errorf("%s: %d citation_reference tags for %d cited works", p, len(refs), len(cited))
		}
		seen := map[string]bool{}
		for _, r := range refs {
			f := referenceFields(r)
			title := strings.Join(f["citation_title"], "")
			s, ok := cited[title]
			if !ok {
				t.Errorf("%s: citation_reference to %q, which the chapter does not cite", p, title)
				continue
			}
			if seen[title] {
				t.Errorf("%s: %q is referenced twice", p, title)
			}
			seen[title] = true
			check := func(field string, want []string) {
				if !slices.Equal(f[field], want) {
					t.Errorf("%s: reference %q: %s %q, the bibliography says %q", p, title, field, f[field], want)
				}
			}
			check("citation_author", inverted(s.Names["author"]))
			if y := s.Issued().Year(); y != 0 {
				check("citation_publication_date", []string{strconv.Itoa(y)})
			}
			switch s.Type {
			case "article-journal", "article-magazine", "article-newspaper":
				check("citation_journal_title", []string{s.Var("container-title")})
			case "chapter":
				check("citation_inbook_title", []string{s.Var("container-title")})
			}
			if v := s.Var("volume"); v != "" {
				check("citation_volume", []string{v})
			}
			if u := s.Var("URL"); u != "" {
				check("citation_public_url", []string{u})
			}
		}
	}
}

// npmModules makes sure that the npm packages the tests read exports with
// are installed, and returns the folder that holds their node_modules: the
// folder in EDITION_NODE_MODULES (.ci/run installs there), or a folder in
// the user's cache where the test installs them once.
func npmModules(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node is not installed: the exports cannot be read back (apt-get install nodejs npm)")
	}
	pkgs := []string{"@retorquere/bibtex-parser@9.0.29", "@citation-js/core@0.8.2", "@citation-js/plugin-ris@0.8.2"}
	dir := os.Getenv("EDITION_NODE_MODULES")
	if dir == "" {
		cache, err := os.UserCacheDir()
		if err != nil {
			cache = os.TempDir()
		}
		dir = filepath.Join(cache, "edition-tests", "npm")
	}
	missing := false
	for _, p := range pkgs {
		name := p[:strings.LastIndex(p, "@")]
		if _, err := os.Stat(filepath.Join(dir, "node_modules", name, "package.json")); err != nil {
			missing = true
		}
	}
	if missing {
		if _, err := exec.LookPath("npm"); err != nil {
			t.Skip("npm is not installed: the parsers cannot be installed (apt-get install npm)")
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("npm", append([]string{"install", "--prefix", dir, "--no-audit", "--no-fund", "--silent"}, pkgs...)...)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("cannot install %v into %s (install them there by hand, or set EDITION_NODE_MODULES): %v\n%s", pkgs, dir, err, b)
		}
	}
	return dir
}

// parse runs testdata/parsers.mjs in mode on files and decodes its answer.
func parse(t *testing.T, mode string, out any, files ...string) {
	t.Helper()
	dir := npmModules(t)
	script, err := os.ReadFile("testdata/parsers.mjs")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("node", append([]string{"--input-type=module", "-e", string(script), "--", mode}, files...)...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("parsers.mjs %s: %v\n%s", mode, err, stderr.String())
	}
	if err := json.Unmarshal(b, out); err != nil {
		t.Fatalf("parsers.mjs %s: %v", mode, err)
	}
}

// exportFiles are the whole bibliography in a format and every source's
// own file.
func exportFiles(x *index.Index, out, ext string) []string {
	files := []string{filepath.Join(out, "bibliography."+ext)}
	for _, s := range x.Sources {
		files = append(files, filepath.Join(out, filepath.FromSlash(strings.TrimSuffix(x.Layout.Ref(s.Ref()), ".html")+"."+ext)))
	}
	return files
}

func TestBibTeXRoundTrips(t *testing.T) {
	res, out := buildWithBase(t)
	x := res.Index
	var answers []struct {
		File    string
		Errors  []any
		Entries []struct {
			Key, Type string
			Fields    map[string]any
		}
	}
	files := exportFiles(x, out, "bib")
	parse(t, "bibtex", &answers, files...)
	if len(answers) != len(files) {
		t.Fatalf("%d answers for %d files", len(answers), len(files))
	}
	for i, a := range answers {
		if len(a.Errors) > 0 {
			t.Errorf("%s: %v", a.File, a.Errors)
		}
		want := len(x.Sources)
		if i > 0 {
			want = 1
		}
		if len(a.Entries) != want {
			t.Errorf("%s: %d entries, want %d", a.File, len(a.Entries), want)
		}
		for _, e := range a.Entries {
			s, ok := x.Source(e.Key)
			if !ok {
				t.Errorf("%s: entry %q is not in the bibliography", a.File, e.Key)
				continue
			}
			// A field is text, or a list for those biblatex reads as lists
			// (publisher, institution, location).
			str := func(f string) string {
				switch v := e.Fields[f].(type) {
				case string:
					return v
				case []any:
					var parts []string
					for _, p := range v {
						parts = append(parts, asString(p))
					}
					return strings.Join(parts, " and ")
				}
				return ""
			}
			if got := str("title"); got != s.Title() {
				t.Errorf("%s: title %q, want %q", e.Key, got, s.Title())
			}
			if y := s.Issued().Year(); y != 0 && str("year") != strconv.Itoa(y) {
				t.Errorf("%s: year %q, want %d", e.Key, str("year"), y)
			}
			if u := s.Var("URL"); str("url") != u {
				t.Errorf("%s: url %q, want %q", e.Key, str("url"), u)
			}
			for _, role := range []string{"author", "editor"} {
				var got []string
				people, _ := e.Fields[role].([]any)
				for _, p := range people {
					m := p.(map[string]any)
					if n, ok := m["name"].(string); ok {
						got = append(got, n)
					} else {
						got = append(got, strings.TrimSuffix(m["lastName"].(string)+", "+asString(m["firstName"]), ", "))
					}
				}
				if want := inverted(s.Names[role]); !slices.Equal(got, want) {
					t.Errorf("%s: %s %q, want %q", e.Key, role, got, want)
				}
			}
			if c := s.Var("container-title"); c != "" {
				got := str("journal") + str("booktitle") + str("howpublished")
				if got != c {
					t.Errorf("%s: container %q, want %q", e.Key, got, c)
				}
			}
			// The publisher (“Rowman & Littlefield” tests the escaping).
			if p := s.Var("publisher"); p != "" && str("publisher")+str("institution")+str("school") != p {
				t.Errorf("%s: publisher %q, want %q", e.Key, str("publisher")+str("institution")+str("school"), p)
			}
			if p := s.Var("page"); p != "" && strings.ReplaceAll(str("pages"), "–", "-") != strings.ReplaceAll(p, "–", "-") {
				t.Errorf("%s: pages %q, want %q", e.Key, str("pages"), p)
			}
		}
	}
}

func asString(v any) string { s, _ := v.(string); return s }

func TestRISAndCSLJSONParse(t *testing.T) {
	res, out := buildWithBase(t)
	x := res.Index
	type name struct{ Family, Given, Literal string }
	type item struct {
		ID     string
		Title  string
		Author []name
		Issued struct {
			DateParts [][]any `json:"date-parts"`
		}
	}
	for _, format := range []string{"ris", "json"} {
		var answers []struct {
			File  string
			Items []item
		}
		mode := format
		if format == "json" {
			mode = "csl"
		}
		files := exportFiles(x, out, format)
		parse(t, mode, &answers, files...)
		for i, a := range answers {
			want := len(x.Sources)
			if i > 0 {
				want = 1
			}
			if len(a.Items) != want {
				t.Errorf("%s: %d records, want %d", a.File, len(a.Items), want)
			}
			for _, it := range a.Items {
				s, ok := x.Source(it.ID)
				if !ok {
					t.Errorf("%s: record %q is not in the bibliography", a.File, it.ID)
					continue
				}
				if it.Title != s.Title() {
					t.Errorf("%s %s: title %q, want %q", format, it.ID, it.Title, s.Title())
				}
				// Family names, and institutions whole. (RIS splits an
				// institution's name at a comma: its parts must still
				// make up the name.)
				var fam []string
				if format == "ris" && (s.Type == "article-newspaper" || s.Type == "bill") {
					// Citation.js follows the 2011 RIS specification, which
					// labels AU of a newspaper article "reporter" and of a
					// bill "sponsor": the names are not filed as authors.
					continue
				}
				for i, au := range it.Author {
					name := au.Family + au.Literal
					if i < len(s.Names["author"]) && s.Names["author"][i].IsLiteral() && au.Given != "" {
						name += ", " + au.Given
					}
					fam = append(fam, name)
				}
				var want []string
				for _, n := range s.Names["author"] {
					want = append(want, n.FamilyPart())
				}
				if !slices.Equal(fam, want) {
					t.Errorf("%s %s: authors %q, want %q", format, it.ID, fam, want)
				}
				if y := s.Issued().Year(); y != 0 && (len(it.Issued.DateParts) == 0 || len(it.Issued.DateParts[0]) == 0 || it.Issued.DateParts[0][0] != float64(y)) {
					t.Errorf("%s %s: issued %v, want %d", format, it.ID, it.Issued.DateParts, y)
				}
			}
		}
	}
}

// TestCSLJSONValidates checks the CSL-JSON files against the CSL-JSON
// schema (csl-data.json of CSL 1.0.2): an array of items, each with the
// required id and type, a type from the schema's list, and only the
// schema's properties, names and dates shaped as it says.
func TestCSLJSONValidates(t *testing.T) {
	res, out := buildWithBase(t)
	allowed := map[string]string{"id": "id", "type": "type", "custom": "object", "categories": "list", "language": "string"}
	for _, v := range bib.StandardVars {
		allowed[v] = "string"
	}
	for _, v := range bib.NameVars {
		allowed[v] = "names"
	}
	for _, v := range bib.DateVars {
		allowed[v] = "date"
	}
	nameParts := []string{"family", "given", "dropping-particle", "non-dropping-particle", "suffix", "comma-suffix", "static-ordering", "literal", "parse-names"}
	dateParts := []string{"date-parts", "season", "circa", "literal", "raw", "edtf"}
	for _, f := range exportFiles(res.Index, out, "json") {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var items []map[string]any
		if err := json.Unmarshal(b, &items); err != nil {
			t.Fatalf("%s: not a JSON array of objects: %v", f, err)
		}
		for i, it := range items {
			where := f + " item " + strconv.Itoa(i)
			for _, req := range []string{"id", "type"} {
				if _, ok := it[req]; !ok {
					t.Errorf("%s: the required %q is missing", where, req)
				}
			}
			if typ, _ := it["type"].(string); !slices.Contains(bib.Types, typ) {
				t.Errorf("%s: type %v is not a CSL type", where, it["type"])
			}
			for k, v := range it {
				switch allowed[k] {
				case "":
					t.Errorf("%s: %q is not a CSL variable", where, k)
				case "id":
					if _, ok := v.(string); !ok {
						if _, ok := v.(float64); !ok {
							t.Errorf("%s: id is %T", where, v)
						}
					}
				case "string", "type":
					if _, ok := v.(string); !ok {
						t.Errorf("%s: %s is %T, not a string", where, k, v)
					}
				case "object":
					if _, ok := v.(map[string]any); !ok {
						t.Errorf("%s: custom is %T, not an object", where, v)
					}
				case "names":
					list, ok := v.([]any)
					if !ok {
						t.Errorf("%s: %s is not a list of names", where, k)
					}
					for _, n := range list {
						m, ok := n.(map[string]any)
						if !ok {
							t.Errorf("%s: a name in %s is %T", where, k, n)
							continue
						}
						for part := range m {
							if !slices.Contains(nameParts, part) {
								t.Errorf("%s: name part %q in %s", where, part, k)
							}
						}
					}
				case "date":
					m, ok := v.(map[string]any)
					if !ok {
						t.Errorf("%s: %s is %T, not a date object", where, k, v)
						continue
					}
					for part := range m {
						if !slices.Contains(dateParts, part) {
							t.Errorf("%s: date part %q in %s", where, part, k)
						}
					}
					if dp, ok := m["date-parts"]; ok {
						list, _ := dp.([]any)
						if len(list) < 1 || len(list) > 2 {
							t.Errorf("%s: %s date-parts has %d dates", where, k, len(list))
						}
						for _, d := range list {
							parts, _ := d.([]any)
							if len(parts) < 1 || len(parts) > 3 {
								t.Errorf("%s: %s date %v", where, k, d)
							}
						}
					}
				}
			}
		}
	}
}

// TestTEI checks the TEI text with xmllint and then resolves every
// reference: each ref to an entry or a source points at an xml:id in the
// header, and every mention of the text is marked up.
func TestTEI(t *testing.T) {
	res, out := buildWithBase(t)
	file := filepath.Join(out, "edition.tei.xml")
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint is not installed (apt-get install libxml2-utils); .ci/run installs it")
	}
	if b, err := exec.Command(xmllint, "--noout", "--nonet", file).CombinedOutput(); err != nil {
		t.Fatalf("xmllint: the TEI file is not well-formed: %v\n%s", err, b)
	}
	list := func(xpath string) []string {
		b, err := exec.Command(xmllint, "--nonet", "--xpath", xpath, file).Output()
		if err != nil {
			return nil
		}
		return strings.Fields(strings.NewReplacer("\"", " ", "=", " ").Replace(string(b)))
	}
	values := func(xpath, attrName string) []string {
		var out []string
		for _, f := range list(xpath) {
			if f != attrName && f != "xml:id" && f != "ref" && f != "target" {
				out = append(out, f)
			}
		}
		return out
	}
	ns := "/*[local-name()='TEI']"
	headerIDs := values(ns+"/*[local-name()='teiHeader']//@*[name()='xml:id']", "xml:id")
	allIDs := values("//@*[name()='xml:id']", "xml:id")
	refs := values(ns+"/*[local-name()='text']//@ref", "ref")
	targets := values(ns+"/*[local-name()='text']//@target", "target")
	if len(headerIDs) == 0 || len(refs) == 0 {
		t.Fatalf("no ids in the header (%d) or no refs in the text (%d)", len(headerIDs), len(refs))
	}
	for _, r := range refs {
		if !strings.HasPrefix(r, "#") || !slices.Contains(headerIDs, r[1:]) {
			t.Errorf("ref %q does not point at an entry of the header", r)
		}
	}
	for _, tg := range targets {
		if strings.HasPrefix(tg, "#") && !slices.Contains(allIDs, tg[1:]) {
			t.Errorf("target %q does not resolve", tg)
		}
	}
	// Every mention in the text is a name with a ref (a mention that is a
	// citation is a ref with a target instead).
	mentions := 0
	for _, e := range res.Index.Entries {
		mentions += len(res.Index.Occurrences(e.Ref()))
	}
	for _, s := range res.Index.Sources {
		mentions += len(res.Index.Occurrences(s.Ref()))
	}
	if len(refs) != mentions {
		t.Errorf("%d refs in the TEI text, %d mentions in the edition", len(refs), mentions)
	}
	// The lists: persons, organizations, places, the taxonomy, the
	// bibliography.
	for what, xpath := range map[string]string{
		"listPerson": "//*[local-name()='listPerson']/*[local-name()='person']",
		"listOrg":    "//*[local-name()='listOrg']/*[local-name()='org']",
		"listPlace":  "//*[local-name()='listPlace']/*[local-name()='place']",
		"taxonomy":   "//*[local-name()='taxonomy']/*[local-name()='category']",
		"listBibl":   "//*[local-name()='listBibl']/*[local-name()='biblStruct']",
	} {
		b, _ := exec.Command(xmllint, "--nonet", "--xpath", "count("+xpath+")", file).Output()
		if n, _ := strconv.Atoi(strings.TrimSpace(string(b))); n == 0 {
			t.Errorf("the header has no %s", what)
		}
	}
	b, _ := exec.Command(xmllint, "--nonet", "--xpath", "count(//*[local-name()='listBibl']/*[local-name()='biblStruct'])", file).Output()
	if n, _ := strconv.Atoi(strings.TrimSpace(string(b))); n != len(res.Index.Sources) {
		t.Errorf("listBibl has %d records, the bibliography %d", n, len(res.Index.Sources))
	}
	paras := 0
	for _, ch := range res.Index.Chapters {
		paras += len(ch.Paragraphs)
	}
	b, _ = exec.Command(xmllint, "--nonet", "--xpath", "count(//*[local-name()='body']//*[@n and (local-name()='p' or local-name()='item')])", file).Output()
	if n, _ := strconv.Atoi(strings.TrimSpace(string(b))); n != paras {
		t.Errorf("the TEI text has %d numbered paragraphs, the edition %d", n, paras)
	}
}

func TestRegistryJSON(t *testing.T) {
	res, out := buildWithBase(t)
	b, err := os.ReadFile(filepath.Join(out, "registry.json"))
	if err != nil {
		t.Fatal(err)
	}
	var reg struct {
		Entries []struct {
			Key, Kind, Name string
			Aliases         []struct{ Text string }
			Occurrences     []struct{ Chapter, Paragraph, ID, Text, URL string }
		}
		Sources []struct {
			ID        string
			Citations []struct{ Chapter, Note, Paragraph string }
		}
	}
	if err := json.Unmarshal(b, &reg); err != nil {
		t.Fatal(err)
	}
	x := res.Index
	if len(reg.Entries) != len(x.Entries) || len(reg.Sources) != len(x.Sources) {
		t.Fatalf("%d entries and %d sources, want %d and %d", len(reg.Entries), len(reg.Sources), len(x.Entries), len(x.Sources))
	}
	for _, e := range reg.Entries {
		ie, ok := x.Entry(index.Ref{Kind: e.Kind, Key: e.Key})
		if !ok {
			t.Errorf("entry %s:%s is not in the registry", e.Kind, e.Key)
			continue
		}
		if len(e.Aliases) != len(ie.Aliases) {
			t.Errorf("%s: %d aliases, want %d", e.Key, len(e.Aliases), len(ie.Aliases))
		}
		occ := x.Occurrences(ie.Ref())
		if len(e.Occurrences) != len(occ) {
			t.Errorf("%s: %d occurrences, want %d", e.Key, len(e.Occurrences), len(occ))
			continue
		}
		for i, o := range e.Occurrences {
			ch, _ := x.Chapter(o.Chapter)
			_, isPara := ch.Paragraph(o.Paragraph)
			_, isNote := ch.Note(o.Paragraph)
			if !isPara && !isNote || o.ID != occ[i].ID || o.Text != occ[i].Snippet.Match {
				t.Errorf("%s: occurrence %+v does not match %s in %s", e.Key, o, occ[i].ID, occ[i].Paragraph)
			}
		}
	}
	for _, s := range reg.Sources {
		if len(s.Citations) != len(x.Citations(s.ID)) {
			t.Errorf("source %s: %d citations, want %d", s.ID, len(s.Citations), len(x.Citations(s.ID)))
		}
	}
}

// TestPagesKeepToAStrictCSP: every page works under a
// Content-Security-Policy of default-src 'self': scripts come from files
// (JSON-LD is data, not script), there is no inline style or event
// handler, and nothing is loaded from elsewhere.
func TestPagesKeepToAStrictCSP(t *testing.T) {
	res, out := buildWithBase(t)
	// Absolute URLs under the site's own address are 'self' (the 404 page
	// uses them, since a host serves it at any depth).
	self := res.Index.Edition.BaseURL
	elsewhere := func(u string) bool { return strings.Contains(u, "//") && !strings.HasPrefix(u, self) }
	for _, page := range htmlPages(t, out) {
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				switch n.Data {
				case "script":
					if attr(n, "src") == "" && attr(n, "type") != "application/ld+json" {
						t.Errorf("%s: an inline script", page)
					}
					if src := attr(n, "src"); elsewhere(src) {
						t.Errorf("%s: a script from elsewhere: %s", page, src)
					}
				case "style":
					t.Errorf("%s: an inline <style>", page)
				case "link":
					if h := attr(n, "href"); attr(n, "rel") == "stylesheet" && elsewhere(h) {
						t.Errorf("%s: a stylesheet from elsewhere: %s", page, h)
					}
				}
				for _, a := range n.Attr {
					if a.Key == "style" || strings.HasPrefix(a.Key, "on") {
						t.Errorf("%s: <%s %s=…>", page, n.Data, a.Key)
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(parsePage(t, out, page))
	}
}
