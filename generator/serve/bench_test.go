package serve_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
	"time"

	"edition/generator/internal/corpus"
	"edition/generator/serve"
	"edition/generator/site"
)

// BenchmarkReload measures what an editor waits for: the time from saving a
// one-paragraph change to a chapter to the reload event reaching the
// browser's event stream. In between: fsnotify, the watcher's debounce,
// an incremental build, and the server's comparison of the new site with
// the old one. Saves are spaced as an editor's are (the pause between them
// is not timed), so that each is a single save, not a burst.
//
// On the edition in content/ (one long chapter) and on a synthetic corpus
// of 1,000 chapters of 2,000 words (internal/corpus, as make bench makes
// it: 3,000 entries, 300 sources, 80,000 mentions, 4,300 pages). Besides the mean (ns/op), it reports the median,
// the 95th percentile and the worst save.
func BenchmarkReload(b *testing.B) {
	b.Run("edition", func(b *testing.B) {
		dir := b.TempDir()
		copyTree(b, "../../content", filepath.Join(dir, "content"))
		benchReload(b, dir, "text/01-overview.md", 10)
	})
	b.Run("corpus-1000", func(b *testing.B) {
		dir := b.TempDir()
		err := corpus.Write(filepath.Join(dir, "content"), corpus.Config{Chapters: 1000, Entries: 3000, Sources: 300})
		if err != nil {
			b.Fatal(err)
		}
		benchReload(b, dir, corpus.ChapterPath(499), 3)
	})
}

var buildTimeRE = regexp.MustCompile(`build \d+ in ([0-9.]+[µm]?s):`)

// paragraphs splits a Markdown file into blocks separated by blank lines.
func paragraphs(src []byte) [][]byte { return bytes.Split(src, []byte("\n\n")) }

func benchReload(b *testing.B, dir, chapter string, para int) {
	content, templates := filepath.Join(dir, "content"), filepath.Join(dir, "templates")
	copyTree(b, repoTemplates, templates)
	build, _ := builder(site.Options{Content: content, Templates: templates})
	log := &logBuffer{}
	srv, err := serve.Start(serve.Options{Build: build, Watch: []string{content, templates}, Log: log})
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	events := openStream(b, srv)
	if e := nextEvent(b, events); e.Name != "hello" {
		b.Fatalf("first event %q", e.Name)
	}

	file := filepath.Join(content, filepath.FromSlash(chapter))
	orig, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	blocks := paragraphs(orig)
	// The first block is the front matter; count paragraphs of text.
	target := -1
	for i, n := 1, 0; i < len(blocks); i++ {
		if len(blocks[i]) > 0 && !bytes.HasPrefix(blocks[i], []byte("#")) && !bytes.HasPrefix(blocks[i], []byte("[^")) {
			if n++; n == para {
				target = i
				break
			}
		}
	}
	if target < 0 {
		b.Fatalf("%s has no paragraph %d", chapter, para)
	}
	var lat []time.Duration
	b.ResetTimer()
	for i := range b.N {
		b.StopTimer()
		time.Sleep(200 * time.Millisecond) // an editor's pause: longer than the watcher's burst window
		edited := slices.Clone(blocks)
		edited[target] = bytes.Replace(blocks[target], []byte(" "), fmt.Appendf(nil, " (revision %d) ", i), 1)
		text := bytes.Join(edited, []byte("\n\n"))
		b.StartTimer()
		t0 := time.Now()
		if err := os.WriteFile(file, text, 0o644); err != nil {
			b.Fatal(err)
		}
		e := nextEvent(b, events)
		lat = append(lat, time.Since(t0))
		if e.Name != "reload" || len(strs(e.Data["pages"])) == 0 {
			b.Fatalf("save %d: event %q %v", i, e.Name, e.Data)
		}
	}
	b.StopTimer()
	slices.Sort(lat)
	pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))]) / 1e6 }
	b.ReportMetric(pct(0.5), "p50-ms")
	b.ReportMetric(pct(0.95), "p95-ms")
	b.ReportMetric(pct(1), "max-ms")
	// Of which the build itself (the log's "build N in …"), the median.
	var builds []float64
	for _, m := range buildTimeRE.FindAllStringSubmatch(log.String(), -1) {
		if d, err := time.ParseDuration(m[1]); err == nil {
			builds = append(builds, float64(d)/1e6)
		}
	}
	if len(builds) > 1 {
		builds = builds[1:] // the first build is the whole site
		slices.Sort(builds)
		b.ReportMetric(builds[len(builds)/2], "build-p50-ms")
	}
}
