package render_test

import (
	"fmt"
	"html"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"edition/generator/index"
	"edition/generator/internal/corpus"
	"edition/generator/render"
	"edition/generator/site"
)

var (
	bandRE      = regexp.MustCompile(`<rect class="band(?: alt)?"`)
	headCellRE  = regexp.MustCompile(`<th scope="col"><a href="[^"]*"><span class="col-no">[^<]*</span><span class="col-name">([^<]*)</span></a></th>`)
	omittedNote = regexp.MustCompile(`Only the (\d+) most mentioned are shown; (\d+) more are mentioned`)
)

// TestStripsAndOverviewDoNotGrowWithTheText: in an edition of 60 chapters
// (300 sections) and 160 concepts, every strip has at most 24 bands, one
// per run of 3 chapters; the overview's columns are the same runs, with
// the mentions of each concept in each run as the index counts them; and
// its heat map shows the 60 most mentioned concepts, saying how many more
// there are.
func TestStripsAndOverviewDoNotGrowWithTheText(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	if err := corpus.Write(dir, corpus.Config{Chapters: 60, Entries: 400, Sources: 40}); err != nil {
		t.Fatal(err)
	}
	res := site.Generate(site.Options{Content: dir, Templates: "../../templates"})
	if !res.OK() {
		t.Fatal(res.Diags.Err())
	}
	x := res.Index
	files := map[string]string{}
	for _, f := range res.Files {
		files[f.Path] = string(f.Data)
	}
	const runs, per = 20, 3 // 60 chapters in runs of 3
	for _, e := range x.Entries {
		page := files[x.Layout.Ref(e.Ref())]
		if len(x.Occurrences(e.Ref())) == 0 {
			continue
		}
		if n := len(bandRE.FindAllString(page, -1)); n != runs {
			t.Fatalf("%s: %d bands, want %d (runs of %d chapters)", e.Key, n, runs, per)
		}
		if !strings.Contains(page, "across the shaded runs of chapters") {
			t.Fatalf("%s: the strip's caption does not say what its bands are", e.Key)
		}
	}

	b := files[render.OverviewPage]
	var heads []string
	for _, m := range headCellRE.FindAllStringSubmatch(b, -1) {
		heads = append(heads, html.UnescapeString(m[1]))
	}
	if len(heads) != runs || heads[0] != "Chapters 1–3" || heads[runs-1] != "Chapters 58–60" {
		t.Fatalf("the overview's columns are %q", heads)
	}
	concepts := 0
	for _, e := range x.EntriesOf("concept") {
		if len(x.Occurrences(e.Ref())) > 0 {
			concepts++
		}
	}
	m := omittedNote.FindStringSubmatch(b)
	if m == nil || m[1] != "60" || m[2] != strconv.Itoa(concepts-60) {
		t.Fatalf("the overview does not say that it shows 60 of %d concepts: %q", concepts, m)
	}
	rows := heatRowRE.FindAllStringSubmatch(b, -1)
	if len(rows) != 60 {
		t.Fatalf("%d rows in the overview's table, want 60", len(rows))
	}
	order := map[string]int{}
	for i, ch := range x.Chapters {
		order[ch.Slug] = i
	}
	byPage := map[string]*index.Entry{}
	for _, e := range x.EntriesOf("concept") {
		byPage[index.Rel(render.OverviewPage, x.Layout.Ref(e.Ref()))] = e
	}
	for _, r := range rows {
		e := byPage[html.UnescapeString(r[1])]
		if e == nil {
			t.Fatalf("a row for %s, which is no concept", r[1])
		}
		want := make([]int, runs+1)
		for _, o := range x.Occurrences(e.Ref()) {
			want[order[o.Chapter]/per]++
			want[runs]++
		}
		var got []int
		for _, c := range heatCellRE.FindAllStringSubmatch(r[2], -1) {
			n, _ := strconv.Atoi(c[2])
			got = append(got, n)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: the table says %v, the index %v", e.Key, got, want)
		}
	}
	if !regexp.MustCompile(`<div class="scroll" tabindex="0"[^>]*>\s*<table class="heatmap[ "]`).MatchString(b) {
		t.Error("a heat map of 20 columns is not in a box that scrolls, by keyboard too")
	}
}

// The overview counts what it leaves out in the right number: with 61
// concepts mentioned and 60 rows, "1 more is mentioned".
func TestOverviewOmittedOneIsSingular(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	// Two entries in five are concepts, and every entry is mentioned:
	// entries 0–150 have 61 concepts.
	if err := corpus.Write(dir, corpus.Config{Chapters: 3, Entries: 151, Sources: 5}); err != nil {
		t.Fatal(err)
	}
	res := site.Generate(site.Options{Content: dir, Templates: "../../templates"})
	if !res.OK() {
		t.Fatal(res.Diags.Err())
	}
	concepts := 0
	for _, e := range res.Index.EntriesOf("concept") {
		if len(res.Index.Occurrences(e.Ref())) > 0 {
			concepts++
		}
	}
	if concepts != 61 {
		t.Fatalf("the corpus has %d concepts mentioned, want 61", concepts)
	}
	for _, f := range res.Files {
		if f.Path != render.OverviewPage {
			continue
		}
		if page := string(f.Data); !strings.Contains(page, "Only the 60 most mentioned are shown; 1 more is mentioned") {
			t.Errorf("the overview does not say that one more concept is mentioned:\n%s", omittedNote.FindString(page))
		}
		return
	}
	t.Fatal("no overview page")
}
