package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"edition/generator/internal/corpus"
)

// spec is one corpus to measure.
type spec struct {
	Chapters, Entries, Sources int
}

func (s spec) name() string { return fmt.Sprintf("c%d-e%d", s.Chapters, s.Entries) }

// label names the corpus in the table: "1,000 chapters × 3,000 entries".
func (s spec) label() string {
	ch := "chapters"
	if s.Chapters == 1 {
		ch = "chapter"
	}
	return fmt.Sprintf("%s %s × %s entries", thousands(s.Chapters), ch, thousands(s.Entries))
}

// thousands writes n with commas between thousands.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func (s spec) config() corpus.Config {
	return corpus.Config{Chapters: s.Chapters, Entries: s.Entries, Sources: s.Sources}
}

// sample is one run of one tool.
type sample struct {
	wall, cpu time.Duration
	maxRSS    int64 // bytes
	files     int
	bytes     int64
}

// result is the median of a tool's runs on a corpus.
type result struct {
	tool string
	sample
	ok bool
}

// row is a corpus with its tools' results.
type row struct {
	spec
	words    int
	edition  result
	floor    result
	written  result // the edition's files written, and nothing else (bench write)
	hugo     result
	rebuild  string // what a rebuild after one edit wrote
	hugoNote string
}

type options struct {
	chapters, entries []int
	runs              int
	cores             int
	dir               string
	edition           string
	hugo              string
	gotest            bool
	reload            bool
	results           string
}

func measureCmd(args []string) int {
	fl := flag.NewFlagSet("bench", flag.ContinueOnError)
	var o options
	chapters := fl.String("chapters", "1,100,1000", "comma-separated `counts` of chapters")
	entries := fl.String("entries", "300,3000", "comma-separated `counts` of registry entries")
	fl.IntVar(&o.runs, "runs", 5, "runs of each tool on each corpus; the median is reported")
	fl.IntVar(&o.cores, "cores", runtime.NumCPU(), "GOMAXPROCS for every tool")
	fl.StringVar(&o.dir, "dir", "bench/corpus", "where the corpora and outputs go (git-ignored)")
	fl.StringVar(&o.edition, "edition", "bin/edition", "the edition binary")
	fl.StringVar(&o.hugo, "hugo", "", "the hugo binary (default: .cache/bin/hugo, then hugo on $PATH; \"none\" to skip)")
	fl.BoolVar(&o.gotest, "gotest", true, "also run the go test benchmarks of matching, indexing and rendering")
	fl.BoolVar(&o.reload, "reload", true, "also run BenchmarkReload (edition serve at 1,000 chapters)")
	fl.StringVar(&o.results, "results", "bench/results.md", "the results file: its measured section is replaced")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() > 0 {
		// A word where a flag or command belongs ("bench help", a typo of
		// "profile") would otherwise start ten minutes of measuring.
		fmt.Fprintf(os.Stderr, "bench: unknown command %q: the commands are floor, write and profile; with none, flags only (bench -h lists them)\n", fl.Arg(0))
		return 2
	}
	var err error
	if o.chapters, err = ints(*chapters); err != nil {
		fmt.Fprintln(os.Stderr, "bench: -chapters:", err)
		return 2
	}
	if o.entries, err = ints(*entries); err != nil {
		fmt.Fprintln(os.Stderr, "bench: -entries:", err)
		return 2
	}
	o.hugo = findHugo(o.hugo)
	report, err := measure(o)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		return 1
	}
	fmt.Print(report)
	if o.results != "" {
		if err := writeResults(o.results, report); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			return 1
		}
		fmt.Printf("\nwritten into %s\n", o.results)
	}
	return 0
}

func ints(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("%q is not a positive number", f)
		}
		out = append(out, n)
	}
	return out, nil
}

func findHugo(flagValue string) string {
	switch flagValue {
	case "none":
		return ""
	case "":
		if p, err := filepath.Abs(filepath.Join(".cache", "bin", "hugo")); err == nil {
			if _, err := os.Stat(p); err == nil {
				return p
			}
		}
		p, _ := exec.LookPath("hugo")
		return p
	}
	return flagValue
}

func measure(o options) (string, error) {
	if _, err := os.Stat(o.edition); err != nil {
		return "", fmt.Errorf("no edition binary at %s (run make first): %w", o.edition, err)
	}
	edition, err := filepath.Abs(o.edition)
	if err != nil {
		return "", err
	}
	self, err := os.Executable()
	if err != nil {
		return "", err
	}
	templates, err := filepath.Abs("templates")
	if err != nil {
		return "", err
	}
	env := append(os.Environ(), "GOMAXPROCS="+strconv.Itoa(o.cores))
	hugoVersion := ""
	if o.hugo != "" {
		out, err := exec.Command(o.hugo, "version").Output()
		if err != nil {
			return "", fmt.Errorf("%s version: %w", o.hugo, err)
		}
		hugoVersion = strings.TrimSpace(string(out))
	}

	// Outputs of earlier runs are moved aside, not deleted, until every
	// run is done: see trashDir.
	trash, err := newTrash(filepath.Join(o.dir, ".trash"))
	if err != nil {
		return "", err
	}
	defer trash.empty()

	var rows []row
	for _, ch := range o.chapters {
		for _, en := range o.entries {
			sp := spec{Chapters: ch, Entries: en, Sources: max(20, en/10)}
			fmt.Fprintf(os.Stderr, "bench: %s: generating\n", sp.name())
			dir := filepath.Join(o.dir, sp.name())
			content := filepath.Join(dir, "content")
			words, err := prepare(dir, sp)
			if err != nil {
				return "", err
			}
			r := row{spec: sp, words: words}
			if o.hugo != "" {
				if err := prepareHugo(filepath.Join(dir, "hugo"), content); err != nil {
					return "", err
				}
			}
			public := filepath.Join(dir, "public")
			tools := []tool{
				{name: "edition build", res: &r.edition, out: public, cmd: func(out string) *exec.Cmd {
					return exec.Command(edition, "build", "-content", content, "-templates", templates, "-out", out)
				}},
				{name: "goldmark floor", res: &r.floor, out: filepath.Join(dir, "floor"), cmd: func(out string) *exec.Cmd {
					return exec.Command(self, "floor", content, out)
				}},
				// After the edition's run, whose output it writes again.
				{name: "edition's files, written alone", res: &r.written, out: filepath.Join(dir, "written"), own: true, cmd: func(out string) *exec.Cmd {
					return exec.Command(self, "write", public, out)
				}},
			}
			if o.hugo != "" {
				tools = append(tools, tool{name: "hugo", res: &r.hugo, out: filepath.Join(dir, "hugo-public"), cmd: func(out string) *exec.Cmd {
					abs, _ := filepath.Abs(out)
					return exec.Command(o.hugo, "--quiet", "--source", filepath.Join(dir, "hugo"), "--destination", abs,
						"--cacheDir", filepath.Join(abs+"-cache"))
				}})
			}
			samples := make([][]sample, len(tools))
			// Interleaved, so that a burst of load on the shared machine
			// weighs on every tool alike.
			for run := range o.runs {
				for i, t := range tools {
					fmt.Fprintf(os.Stderr, "bench: %s: %s, run %d\n", sp.name(), t.name, run+1)
					if err := trash.put(t.out, t.out+"-cache"); err != nil {
						return "", err
					}
					s, err := runChild(t.cmd(t.out), env, t.out, t.own)
					if err != nil {
						return "", fmt.Errorf("%s on %s: %w", t.name, sp.name(), err)
					}
					samples[i] = append(samples[i], s)
				}
			}
			for i, t := range tools {
				*t.res = result{tool: t.name, sample: median(samples[i]), ok: true}
			}
			r.rebuild, err = rebuildAfterEdit(edition, content, templates, filepath.Join(dir, "public"), sp, env)
			if err != nil {
				return "", err
			}
			rows = append(rows, r)
		}
	}

	var b strings.Builder
	fmt.Fprintf(&b, "Measured by `make bench` on %s: %d cores, GOMAXPROCS=%d for every tool, %s, load average %s at the start; "+
		"median of %d interleaved runs. Corpora: `generator/internal/corpus` (about 2,000 words, 24 notes and 80 mentions a chapter; "+
		"entries with 1–3 aliases; a tenth as many sources, at least 20).\n\n",
		time.Now().Format("2006-01-02"), runtime.NumCPU(), o.cores, runtime.Version(), loadAverage(), o.runs)
	if hugoVersion != "" {
		fmt.Fprintf(&b, "Hugo: `%s`, the same chapter files as plain pages (layout `{{ .Content }}` in a minimal HTML page; no taxonomies, lists, RSS or sitemap).\n\n", hugoVersion)
	} else {
		b.WriteString("Hugo: not measured (no hugo binary; see the notes below).\n\n")
	}
	b.WriteString(table(rows))
	if o.gotest {
		out, err := goBench()
		if err != nil {
			return "", err
		}
		b.WriteString(out)
	}
	if o.reload {
		out, err := reloadBench()
		if err != nil {
			return "", err
		}
		b.WriteString(out)
	}
	return b.String(), nil
}

// trashDir holds the outputs of earlier runs until the measuring is over.
// Deleting them right before the next run would be measured as that run's:
// ext4 without a journal (this machine's file system) will not hand out an
// inode freed in the last 60 seconds (300 while its table block is unwritten)
// and reads each one it passes over to find that out, so creating n files
// just after deleting n costs time growing with n². Here 7,000 files took
// 1.2 s to create after an rm -rf and 0.12 s after a mv; the floor's 1,000
// files barely notice it. A full build into a fresh folder is what is
// measured, for every tool alike.
type trashDir struct {
	root, dir string // dir is this run's folder under root
	n         int
}

func newTrash(root string) (*trashDir, error) {
	if err := os.MkdirAll(root, 0o755); err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp(root, "run-")
	return &trashDir{root: root, dir: dir}, err
}

// put moves each path that exists into the trash.
func (t *trashDir) put(paths ...string) error {
	for _, p := range paths {
		if _, err := os.Lstat(p); err != nil {
			continue
		}
		t.n++
		if err := os.Rename(p, filepath.Join(t.dir, fmt.Sprintf("%d-%s", t.n, filepath.Base(p)))); err != nil {
			return err
		}
	}
	return nil
}

// empty deletes the trash, with what an interrupted run left there.
func (t *trashDir) empty() { os.RemoveAll(t.root) }

// prepare generates the corpus into dir/content unless it is there
// already (a stamp file says with which config), and returns its words of
// running text.
func prepare(dir string, sp spec) (int, error) {
	content := filepath.Join(dir, "content")
	stamp := filepath.Join(dir, "corpus.stamp")
	want := fmt.Sprintf("%+v\n", sp.config())
	words := 0
	files := corpus.Generate(sp.config())
	for p, data := range files {
		if strings.HasPrefix(p, "text/") {
			words += len(strings.Fields(string(body(data))))
		}
	}
	if got, err := os.ReadFile(stamp); err == nil && string(got) == want {
		return words, nil
	}
	if err := os.RemoveAll(dir); err != nil {
		return 0, err
	}
	if err := corpus.Write(content, sp.config()); err != nil {
		return 0, err
	}
	return words, os.WriteFile(stamp, []byte(want), 0o644)
}

// prepareHugo makes a Hugo site whose pages are the corpus's chapters, as
// they are (Hugo reads their YAML front matter), rendered into a minimal
// page. Everything Hugo would add besides the pages is turned off.
func prepareHugo(site, content string) error {
	if err := os.RemoveAll(site); err != nil {
		return err
	}
	files := map[string]string{
		"hugo.toml": `baseURL = "http://example.org/"
title = "bench"
disableKinds = ["home", "section", "taxonomy", "term", "rss", "sitemap", "robotstxt", "404"]
[markup.goldmark.renderer]
  unsafe = false
`,
		"layouts/baseof.html": "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><main>{{ block \"main\" . }}{{ end }}</main></body></html>\n",
		"layouts/page.html":   "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}\n",
	}
	for p, s := range files {
		full := filepath.Join(site, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			return err
		}
	}
	chapters, err := filepath.Glob(filepath.Join(content, "text", "*.md"))
	if err != nil {
		return err
	}
	dst := filepath.Join(site, "content")
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err
	}
	for _, c := range chapters {
		data, err := os.ReadFile(c)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dst, filepath.Base(c)), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// tool is one of the programs measured on each corpus.
type tool struct {
	name string
	res  *result
	out  string                     // the folder it writes
	cmd  func(out string) *exec.Cmd // the command that writes out
	own  bool                       // it times itself (bench write)
}

// runChild runs cmd with env and measures it: wall time, CPU time (user
// and system) and peak resident memory from the child's rusage, then the
// files and bytes under out. With own, the wall and CPU time are those
// the child printed of its own work (see writeCmd).
func runChild(cmd *exec.Cmd, env []string, out string, own bool) (sample, error) {
	var stdout, stderr bytes.Buffer
	cmd.Env = env
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	s := sample{wall: time.Since(start)}
	if err != nil {
		return s, fmt.Errorf("%v: %w\n%s", cmd.Args, err, tail(stderr.String(), 2000))
	}
	s.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	s.maxRSS = maxRSS(cmd.ProcessState)
	if own {
		if s.wall, s.cpu, err = ownTimes(stdout.String()); err != nil {
			return s, fmt.Errorf("%v: %w", cmd.Args, err)
		}
	}
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		s.files++
		s.bytes += fi.Size()
		return nil
	})
	return s, err
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// median takes each measure's median over the samples.
func median(ss []sample) sample {
	pick := func(f func(sample) int64) int64 {
		v := make([]int64, len(ss))
		for i, s := range ss {
			v[i] = f(s)
		}
		slices.Sort(v)
		return v[len(v)/2]
	}
	return sample{
		wall:   time.Duration(pick(func(s sample) int64 { return int64(s.wall) })),
		cpu:    time.Duration(pick(func(s sample) int64 { return int64(s.cpu) })),
		maxRSS: pick(func(s sample) int64 { return s.maxRSS }),
		files:  int(pick(func(s sample) int64 { return int64(s.files) })),
		bytes:  pick(func(s sample) int64 { return s.bytes }),
	}
}

var writtenRE = regexp.MustCompile(`\((\d+) written, (\d+) unchanged`)

// rebuildAfterEdit changes one word of the middle chapter, builds again
// over the existing output, and says how many files the build wrote and
// how many it kept; then puts the chapter back.
func rebuildAfterEdit(edition, content, templates, out string, sp spec, env []string) (string, error) {
	p := filepath.Join(content, filepath.FromSlash(corpus.ChapterPath(sp.Chapters/2)))
	orig, err := os.ReadFile(p)
	if err != nil {
		return "", err
	}
	defer os.WriteFile(p, orig, 0o644)
	i := bytes.Index(orig, []byte("\n\n")) // in the first paragraph after the title
	j := bytes.Index(orig[i+2:], []byte("\n\n"))
	k := bytes.IndexByte(orig[i+2+j+2:], ' ')
	if i < 0 || j < 0 || k < 0 {
		return "", fmt.Errorf("%s: no paragraph to edit", p)
	}
	at := i + 2 + j + 2 + k
	edited := slices.Concat(orig[:at], []byte(" newly"), orig[at:])
	if err := os.WriteFile(p, edited, 0o644); err != nil {
		return "", err
	}
	cmd := exec.Command(edition, "build", "-content", content, "-templates", templates, "-out", out)
	cmd.Env = env
	stdout, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("rebuild after an edit: %w", err)
	}
	m := writtenRE.FindSubmatch(stdout)
	if m == nil {
		return "", fmt.Errorf("rebuild after an edit: no count of files written in %q", stdout)
	}
	return fmt.Sprintf("%s written, %s kept", m[1], m[2]), nil
}

func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Join(strings.Fields(string(b))[:3], " ")
}

func secs(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

func mib(n int64) string { return fmt.Sprintf("%.0f MiB", float64(n)/(1<<20)) }

func ratio(a, b time.Duration) string {
	if b <= 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f×", float64(a)/float64(b))
}

func table(rows []row) string {
	var b strings.Builder
	b.WriteString("| corpus | words | tool | wall | CPU | peak memory | files | MB written | wall ÷ floor | CPU ÷ floor |\n")
	b.WriteString("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	for _, r := range rows {
		name := r.spec.label()
		for _, res := range []result{r.edition, r.floor, r.written, r.hugo} {
			if !res.ok {
				continue
			}
			fmt.Fprintf(&b, "| %s | %d | %s | %s | %s | %s | %d | %.1f | %s | %s |\n", name, r.words, res.tool,
				secs(res.wall), secs(res.cpu), mib(res.maxRSS), res.files, float64(res.bytes)/1e6,
				ratio(res.wall, r.floor.wall), ratio(res.cpu, r.floor.cpu))
		}
	}
	b.WriteString("\nA second `edition build` over the first, after one word of one chapter changed:\n\n")
	b.WriteString("| corpus | files |\n| --- | --- |\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %s |\n", r.spec.label(), r.rebuild)
	}
	b.WriteString("\n")
	return b.String()
}

// goBench runs the go test benchmarks of matching, indexing and
// rendering, and reports them with the matching throughput's ratio.
func goBench() (string, error) {
	fmt.Fprintln(os.Stderr, "bench: go test -bench (matching, indexing, rendering)")
	var out []byte
	for _, run := range []struct {
		count string
		pkgs  []string
	}{
		// Matching is measured more often: its ratio is a target, and the
		// machine is noisy.
		{"7", []string{"./generator/markup/mention"}},
		{"3", []string{"./generator/index", "./generator/render"}},
	} {
		args := append([]string{"test", "-run", "^$", "-bench", "^Benchmark(Find|Index|Render)", "-benchmem", "-count", run.count}, run.pkgs...)
		cmd := exec.Command("go", args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		o, err := cmd.Output()
		if err != nil {
			return "", fmt.Errorf("go test -bench: %w\n%s%s", err, o, stderr.String())
		}
		out = append(out, o...)
	}
	var b strings.Builder
	b.WriteString("### go test benchmarks\n\n")
	if r, ok := matchRatio(string(out)); ok {
		fmt.Fprintf(&b, "Mention matching throughput with 30,000 aliases is %.1f%% of that with 300 (median of 7 runs each).\n\n", 100*r)
	}
	b.WriteString("```\n")
	for _, l := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(l, "Benchmark") || strings.HasPrefix(l, "pkg:") {
			b.WriteString(l + "\n")
		}
	}
	b.WriteString("```\n\n")
	return b.String(), nil
}

var mbRE = regexp.MustCompile(`(?m)^BenchmarkFind/aliases-(\d+)\S*\s+\d+\s+[\d.]+ ns/op\s+([\d.]+) MB/s`)

// matchRatio is the median throughput with 30,000 aliases over that with
// 300.
func matchRatio(out string) (float64, bool) {
	mb := map[string][]float64{}
	for _, m := range mbRE.FindAllStringSubmatch(out, -1) {
		v, _ := strconv.ParseFloat(m[2], 64)
		mb[m[1]] = append(mb[m[1]], v)
	}
	med := func(v []float64) float64 { slices.Sort(v); return v[len(v)/2] }
	if len(mb["300"]) == 0 || len(mb["30000"]) == 0 {
		return 0, false
	}
	return med(mb["30000"]) / med(mb["300"]), true
}

// reloadBench runs BenchmarkReload: from a save to the reload event.
func reloadBench() (string, error) {
	fmt.Fprintln(os.Stderr, "bench: BenchmarkReload")
	cmd := exec.Command("go", "test", "-run", "^$", "-bench", "^BenchmarkReload$", "-benchtime", "20x", "./generator/serve")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("BenchmarkReload: %w\n%s%s", err, out, stderr.String())
	}
	var b strings.Builder
	b.WriteString("### edition serve: from a save to the reload event (BenchmarkReload, 20 saves)\n\n```\n")
	for _, l := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(l, "Benchmark") {
			b.WriteString(l + "\n")
		}
	}
	b.WriteString("```\n\n")
	return b.String(), nil
}

const (
	beginMark = "<!-- bench:begin (written by make bench) -->"
	endMark   = "<!-- bench:end -->"
)

// writeResults puts the report between the marks of the results file,
// keeping what is written around them; a file without them gets them at
// its end.
func writeResults(path, report string) error {
	old, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	s := string(old)
	section := beginMark + "\n\n" + report + endMark
	i, j := strings.Index(s, beginMark), strings.Index(s, endMark)
	switch {
	case i >= 0 && j > i:
		s = s[:i] + section + s[j+len(endMark):]
	case s == "":
		s = "# Benchmarks\n\n" + section + "\n"
	default:
		s = strings.TrimRight(s, "\n") + "\n\n" + section + "\n"
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(s), 0o644)
}
