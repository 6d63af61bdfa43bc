package serve_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"edition/generator/diag"
	"edition/generator/render"
	"edition/generator/serve"
	"edition/generator/site"
)

// The tests in this file run the live preview for real: the pipeline
// (site.Builder) on a copy of the fixture edition in a temporary folder,
// a real fsnotify watcher on it, the server on a free loopback port, and
// HTTP and Server-Sent Events clients. Every wait polls with a deadline.

const (
	fixtureContent = "../testdata/fixture/content"
	repoTemplates  = "../../templates"
	deadline       = 20 * time.Second
	chapterFile    = "text/01-first-lights.md"
	chapterPage    = "text/first-lights.html"
)

// logBuffer collects the server's log lines.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// session is a live preview of a copy of the fixture edition.
type session struct {
	t                       *testing.T
	dir, content, templates string
	out                     string
	srv                     *serve.Server
	log                     *logBuffer
}

func copyTree(t testing.TB, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// builder adapts the site's Builder to the server, as cmd/edition does.
func builder(opts site.Options) (func([]string) serve.Build, func(serve.Build) error) {
	b := site.NewBuilder(opts)
	build := func(changed []string) serve.Build {
		res := b.GeneratePages(changed...)
		return serve.Build{Files: res.Files, Diags: res.Diags, Rest: func() ([]render.File, diag.List) {
			n := len(res.Files)
			b.Finish(res)
			return res.Files[n:], res.Diags
		}}
	}
	publish := func(bl serve.Build) error { return b.Publish(&site.Result{Files: bl.Files}) }
	return build, publish
}

// start copies the fixture and starts a preview of it. edit, if given,
// changes the copy before the server starts.
func start(t *testing.T, edit func(content string)) *session {
	t.Helper()
	dir := t.TempDir()
	s := &session{t: t, dir: dir, content: filepath.Join(dir, "content"), templates: filepath.Join(dir, "templates"),
		out: filepath.Join(dir, "public"), log: &logBuffer{}}
	copyTree(t, fixtureContent, s.content)
	copyTree(t, repoTemplates, s.templates)
	if edit != nil {
		edit(s.content)
	}
	build, publish := builder(site.Options{Content: s.content, Templates: s.templates, Output: s.out})
	srv, err := serve.Start(serve.Options{Build: build, Publish: publish, Watch: []string{s.content, s.templates}, Log: s.log})
	if err != nil {
		t.Fatal(err)
	}
	s.srv = srv
	// The first build is served at once; its search index and exports,
	// and the output folder, follow in the background.
	end := time.Now().Add(deadline)
	for !regexp.MustCompile(`build 1 (failed|in .*written in)`).MatchString(s.log.String()) {
		if time.Now().After(end) {
			t.Fatalf("the first build did not finish:\n%s", s.log)
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Cleanup(func() {
		srv.Close()
		if t.Failed() {
			t.Logf("server log:\n%s", s.log)
		}
	})
	return s
}

func (s *session) path(rel string) string { return filepath.Join(s.content, filepath.FromSlash(rel)) }

// edit replaces old by new in a content file, once.
func (s *session) edit(rel, old, new string) {
	s.t.Helper()
	p := s.path(rel)
	b, err := os.ReadFile(p)
	if err != nil {
		s.t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		s.t.Fatalf("%s does not contain %q", rel, old)
	}
	s.save(p, bytes.Replace(b, []byte(old), []byte(new), 1))
}

func (s *session) write(rel, text string) {
	s.t.Helper()
	p := s.path(rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		s.t.Fatal(err)
	}
	s.save(p, []byte(text))
}

// save writes data to the file p as most editors save: into a temporary
// file beside it, which the watcher ignores, then renamed over p. Written
// in place (truncated, then written), a file can be seen empty by a build
// when the machine is so loaded that more than the watcher's quiet time
// passes between the two; the server then rightly reports the empty
// chapter, which is not what these tests are about.
func (s *session) save(p string, data []byte) {
	s.t.Helper()
	f, err := os.CreateTemp(filepath.Dir(p), ".save-*.tmp")
	if err != nil {
		s.t.Fatal(err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(f.Name(), p)
	}
	if err != nil {
		os.Remove(f.Name())
		s.t.Fatal(err)
	}
}

// get requests a path of the site.
func (s *session) get(p string) (*http.Response, string) {
	s.t.Helper()
	resp, err := http.Get(strings.TrimSuffix(s.srv.URL(), "/") + p)
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		s.t.Fatal(err)
	}
	return resp, string(b)
}

// waitLog waits until the log has a line containing each of parts, and
// returns it.
func (s *session) waitLog(parts ...string) string {
	s.t.Helper()
	end := time.Now().Add(deadline)
	for time.Now().Before(end) {
		for line := range strings.Lines(s.log.String()) {
			ok := true
			for _, p := range parts {
				ok = ok && strings.Contains(line, p)
			}
			if ok {
				return line
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	s.t.Fatalf("no log line with %q within %v", parts, deadline)
	return ""
}

// buildsOf counts the builds whose log line names the file rel.
func (s *session) buildsOf(rel string) int {
	n := 0
	re := regexp.MustCompile(`^\d\d:\d\d:\d\d .*` + regexp.QuoteMeta(filepath.FromSlash(rel)) + `.*: build \d+ `)
	for line := range strings.Lines(s.log.String()) {
		if re.MatchString(line) {
			n++
		}
	}
	return n
}

// sentinel makes one more change, to a file the site does not use, and
// waits for its build: any build still due for earlier changes has run by
// then, or is folded into this one (and then named in its log line).
func (s *session) sentinel(name string) string {
	s.t.Helper()
	s.write(name, "not part of the edition")
	return s.waitLog(filepath.Base(name), "build ")
}

// sse is an event read from the event stream.
type sse struct {
	Name string
	Data map[string]any
}

// stream is a client of the server's event stream.
type stream struct {
	t      testing.TB
	events chan sse
}

func (s *session) stream() *stream { return openStream(s.t, s.srv) }

func openStream(t testing.TB, srv *serve.Server) *stream {
	t.Helper()
	resp, err := http.Get(srv.URL() + "_edition/events")
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Fatalf("event stream has Content-Type %q", ct)
	}
	st := &stream{t: t, events: make(chan sse, 64)}
	go func() {
		defer close(st.events)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		var name, data string
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				data = strings.TrimPrefix(line, "data: ")
			case line == "" && name != "":
				e := sse{Name: name}
				if err := json.Unmarshal([]byte(data), &e.Data); err != nil {
					e.Data = map[string]any{"unparsable": data}
				}
				st.events <- e
				name, data = "", ""
			}
		}
	}()
	t.Cleanup(func() { resp.Body.Close() })
	return st
}

// next returns the next event, which must be called name.
func (st *stream) next(name string) sse {
	st.t.Helper()
	e := nextEvent(st.t, st)
	if e.Name != name {
		st.t.Fatalf("event %q (%v), want %q", e.Name, e.Data, name)
	}
	return e
}

// nextEvent returns the next event, whatever its name.
func nextEvent(t testing.TB, st *stream) sse {
	t.Helper()
	select {
	case e, ok := <-st.events:
		if !ok {
			t.Fatal("the event stream ended")
		}
		return e
	case <-time.After(deadline):
		t.Fatalf("no event within %v", deadline)
	}
	return sse{}
}

// reloadsUntil reads reload events until one names page, and returns
// every page the events named, in order. Any other event, or none within
// the deadline, fails the test.
func (st *stream) reloadsUntil(page string) []string {
	st.t.Helper()
	var pages []string
	for {
		got := strs(st.next("reload").Data["pages"])
		pages = append(pages, got...)
		if slices.Contains(got, page) {
			return pages
		}
	}
}

func strs(v any) []string {
	var out []string
	if list, ok := v.([]any); ok {
		for _, x := range list {
			out = append(out, fmt.Sprint(x))
		}
	}
	return out
}

// Editing a chapter makes exactly one build, one reload event naming the
// page and the passage that changed, and the next request has the new
// text (with the live-reload script, which only the server adds).
func TestEditReloadsOnce(t *testing.T) {
	s := start(t, nil)
	st := s.stream()
	hello := st.next("hello")
	if hello.Data["failed"] != nil {
		t.Fatalf("hello says the build failed: %v", hello.Data)
	}
	s.edit(chapterFile, "Nine miles south-west of Plymouth", "Nine long miles south-west of Plymouth")
	ev := st.next("reload")
	if !slices.Contains(strs(ev.Data["pages"]), chapterPage) {
		t.Errorf("reload names pages %v, not %s", ev.Data["pages"], chapterPage)
	}
	anchors, _ := ev.Data["anchors"].(map[string]any)
	if anchors[chapterPage] != "p1" {
		t.Errorf("the changed passage of %s is %v, want p1 (the first paragraph)", chapterPage, anchors[chapterPage])
	}
	if ev.Data["build"] == hello.Data["build"] {
		t.Errorf("the reload event has the old build %v", ev.Data["build"])
	}
	resp, body := s.get("/" + chapterPage)
	if resp.StatusCode != 200 || !strings.Contains(body, "Nine long miles") {
		t.Fatalf("the page does not have the new text (status %d)", resp.StatusCode)
	}
	if !strings.Contains(body, `<script src="/_edition/live.js" data-build="`+ev.Data["build"].(string)+`" data-page="`+chapterPage+`" defer></script>`) {
		t.Errorf("the page has no live-reload script for its build")
	}
	// The output folder has the new page too, without the script, once
	// the build's log line says it was written.
	s.waitLog("build 2 ", "written in")
	// The files no page shows (search index, exports) are current too, and
	// served as built.
	if resp, tei := s.get("/edition.tei.xml"); resp.StatusCode != 200 || !strings.Contains(tei, "Nine long miles") ||
		resp.Header.Get("Content-Type") != "application/xml" {
		t.Errorf("the TEI text is not the new build's (status %d, %s)", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	out, err := os.ReadFile(filepath.Join(s.out, filepath.FromSlash(chapterPage)))
	if err != nil || !bytes.Contains(out, []byte("Nine long miles")) || bytes.Contains(out, []byte("_edition")) {
		t.Errorf("the output folder's page is not the new build, as built (%v)", err)
	}

	line := s.sentinel("text/notes.txt")
	if strings.Contains(line, "01-first-lights.md") {
		t.Errorf("a build for the edit came late, with the sentinel: %s", line)
	}
	if n := s.buildsOf(chapterFile); n != 1 {
		t.Errorf("the edit made %d builds, want 1:\n%s", n, s.log)
	}
	if got := s.srv.Builds(); got != 3 {
		t.Errorf("%d builds: want the first, the edit's and the sentinel's", got)
	}
	// The sentinel changed no page: its reload event says so.
	if ev := st.next("reload"); len(strs(ev.Data["pages"])) != 0 || ev.Data["all"] != false {
		t.Errorf("a change outside the edition reloads %v", ev.Data)
	}
}

// A new file in a new folder is picked up, and every page it touches is
// current: the entry's page, the chapter that mentions it, the index.
func TestNewFileInNewFolder(t *testing.T) {
	s := start(t, nil)
	st := s.stream()
	st.next("hello")
	s.write("registry/concept/weather/great-storm.md",
		"---\nname: Great Storm\naliases: [Great Storm]\n---\nThe storm of November 1703.\n")
	// The folder and the file are two changes: on a busy machine the
	// folder's batch can be sent, and built, before the file is renamed
	// into it, and its reload then names no page. The pages the file
	// touches are those the reloads name up to the one with its page.
	pages := st.reloadsUntil("concepts/great-storm.html")
	for _, want := range []string{"concepts/great-storm.html", "concepts/index.html", "general-index.html", chapterPage} {
		if !slices.Contains(pages, want) {
			t.Errorf("reload does not name %s: %v", want, pages)
		}
	}
	if resp, body := s.get("/concepts/great-storm.html"); resp.StatusCode != 200 || !strings.Contains(body, "The storm of November 1703.") {
		t.Errorf("the new entry's page: status %d", resp.StatusCode)
	}
	if _, body := s.get("/" + chapterPage); !strings.Contains(body, `href="../concepts/great-storm.html"`) {
		t.Errorf("the chapter does not link the new entry")
	}
	if _, body := s.get("/general-index.html"); !strings.Contains(body, "Great Storm") {
		t.Errorf("the general index does not list the new entry")
	}
}

// A burst of 50 writes makes one or two builds, not 50, and the last write
// wins.
func TestBurstOfWrites(t *testing.T) {
	s := start(t, nil)
	p := s.path(chapterFile)
	orig, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	// The watcher sends a burst's first change at once and the rest after
	// its Burst (100ms) of quiet, or after MaxDelay (500ms) while changes
	// keep coming: two builds. A machine too busy to write 50 files in a
	// row may pause the loop for longer than those, and each such pause
	// (or half second of writing) may rightly cost a build more.
	const burst, maxDelay = 100 * time.Millisecond, 500 * time.Millisecond
	start, last := time.Now(), time.Now()
	extra := 0
	for i := range 50 {
		text := bytes.Replace(orig, []byte("Nine miles"), fmt.Appendf(nil, "Nine miles (draft %d)", i), 1)
		if err := os.WriteFile(p, text, 0o644); err != nil {
			t.Fatal(err)
		}
		now := time.Now()
		if now.Sub(last) > burst/2 {
			extra++
		}
		last = now
	}
	extra += int(time.Since(start) / maxDelay)
	s.sentinel("text/notes.txt") // which may fold into the burst's last build
	if builds := s.buildsOf(chapterFile); builds < 1 || builds > 2+extra {
		t.Errorf("50 writes in %v made %d builds, want 1 to %d:\n%s", time.Since(start), builds, 2+extra, s.log)
	}
	// In all: the first build, the burst's, and the sentinel's, which
	// the pauses above may part from the burst's last too.
	if all := s.srv.Builds(); all > 1+2+extra+1 {
		t.Errorf("%d builds in all, want at most %d (the first, 2 for the burst and %d for its pauses, the sentinel's):\n%s", all, 4+extra, extra, s.log)
	}
	if _, body := s.get("/" + chapterPage); !strings.Contains(body, "(draft 49)") {
		t.Errorf("the page does not have the last write")
	}
}

// lineCol is the line and column (counted in characters) where needle
// starts in a file.
func lineCol(t *testing.T, file, needle string) (int, int) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(string(b), needle)
	if i < 0 {
		t.Fatalf("%s does not contain %q", file, needle)
	}
	before := string(b[:i])
	line := strings.Count(before, "\n") + 1
	col := len([]rune(before[strings.LastIndex(before, "\n")+1:])) + 1
	return line, col
}

// A broken edit keeps the last good page served and reports the error,
// with its file, line and column, to open pages and to pages opened
// later; the fix clears it.
func TestBrokenEditKeepsTheLastGoodSite(t *testing.T) {
	s := start(t, nil)
	st := s.stream()
	st.next("hello")
	_, before := s.get("/" + chapterPage)

	s.edit(chapterFile, "Nine miles south-west", "Nine miles, said [the keeper](person:nobody), south-west")
	ev := st.next("failed")
	line, col := lineCol(t, s.path(chapterFile), "[the keeper]")
	wantPos := fmt.Sprintf("%s:%d:%d", s.path(chapterFile), line, col)
	errs, _ := ev.Data["errors"].([]any)
	if len(errs) != 1 {
		t.Fatalf("failed event with %d errors: %v", len(errs), ev.Data)
	}
	first := errs[0].(map[string]any)
	if first["pos"] != wantPos || !strings.Contains(first["message"].(string), `unknown entry "person:nobody"`) {
		t.Errorf("the error is reported as %v %q, want %s and the unknown entry", first["pos"], first["message"], wantPos)
	}
	resp, during := s.get("/" + chapterPage)
	if resp.StatusCode != 200 || during != before {
		t.Errorf("during the failure the page is not the last good one (status %d)", resp.StatusCode)
	}
	s.waitLog(wantPos + `: error: unknown entry "person:nobody"`)

	// A page opened now learns of the failure at once.
	late := s.stream()
	if h := late.next("hello"); h.Data["failed"] == nil {
		t.Errorf("a new stream is not told of the failure: %v", h.Data)
	}

	s.edit(chapterFile, ", said [the keeper](person:nobody),", " and more")
	ev = st.next("reload")
	if !slices.Contains(strs(ev.Data["pages"]), chapterPage) {
		t.Errorf("the fix does not reload %s: %v", chapterPage, ev.Data)
	}
	late.next("reload")
	if h := s.stream().next("hello"); h.Data["failed"] != nil {
		t.Errorf("after the fix, a new stream is told of a failure: %v", h.Data)
	}
	if _, body := s.get("/" + chapterPage); !strings.Contains(body, "Nine miles and more south-west") {
		t.Errorf("the fixed page is not served")
	}
}

// TestBrokenTemplateStillShowsTheContentsMistakes: a template that does
// not parse, saved while the content has a mistake, shows the browsers
// both errors, not the template's alone; fixed, the content's mistake
// stays shown; that fixed too, the site is built whole and reloaded.
func TestBrokenTemplateStillShowsTheContentsMistakes(t *testing.T) {
	s := start(t, nil)
	st := s.stream()
	st.next("hello")
	line, col := lineCol(t, s.path(chapterFile), "Nine miles south-west")
	contentPos := fmt.Sprintf("%s:%d:%d", s.path(chapterFile), line, col)
	entry := filepath.Join(s.templates, "entry.html")
	tmpl, err := os.ReadFile(entry)
	if err != nil {
		t.Fatal(err)
	}
	templatePos := fmt.Sprintf("%s:%d", entry, bytes.Count(tmpl[:bytes.Index(tmpl, []byte(`<p class="count">`))], []byte("\n"))+1)
	// The errors of a failed event, as "pos: message".
	failed := func(step string, want ...string) {
		t.Helper()
		errs, _ := st.next("failed").Data["errors"].([]any)
		var got []string
		for _, e := range errs {
			e := e.(map[string]any)
			got = append(got, fmt.Sprintf("%v: %v", e["pos"], e["message"]))
		}
		ok := len(got) == len(want)
		for i := 0; ok && i < len(want); i++ {
			ok = strings.HasPrefix(got[i], want[i])
		}
		if !ok {
			t.Fatalf("%s: the browsers are shown\n  %s\nwant\n  %s…", step, strings.Join(got, "\n  "), strings.Join(want, "…\n  "))
		}
	}
	unknown := contentPos + `: unknown entry "person:nobody"`
	broken := templatePos + ": template error: missing value for if"

	s.edit(chapterFile, "Nine miles south-west", "[Nine](person:nobody) miles south-west")
	failed("the content's mistake", unknown)
	s.save(entry, bytes.Replace(tmpl, []byte(`<p class="count">`), []byte(`<p class="count">{{if}}`), 1))
	failed("a template broken", unknown, broken)
	s.save(entry, tmpl)
	failed("the template fixed", unknown)
	s.edit(chapterFile, "[Nine](person:nobody) miles", "Nine long miles")
	st.reloadsUntil(chapterPage)
	if _, body := s.get("/" + chapterPage); !strings.Contains(body, "Nine long miles south-west") {
		t.Errorf("the fixed page is not served")
	}
}

// rawGet sends a request line as written, without the client cleaning the
// path, and returns the status code and the body.
func rawGet(t *testing.T, srv *serve.Server, target, host string) (int, string) {
	t.Helper()
	addr := strings.TrimSuffix(strings.TrimPrefix(srv.URL(), "http://"), "/")
	if host == "" {
		host = addr
	}
	conn, err := net.DialTimeout("tcp", addr, deadline)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(deadline))
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, host)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// No request reaches a file outside the site: not with "..", encoded or
// not, not with backslashes, not through a symbolic link, whatever is on
// the disk.
func TestNoAccessOutsideTheSite(t *testing.T) {
	s := start(t, nil)
	const secret = "TOP-SECRET-a91f3"
	if err := os.WriteFile(filepath.Join(s.dir, "secret.txt"), []byte(secret), 0o644); err != nil {
		t.Fatal(err)
	}
	// A link in the output folder leading out of it.
	if err := os.Symlink(filepath.Join(s.dir, "secret.txt"), filepath.Join(s.out, "leak.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(s.dir, filepath.Join(s.out, "up")); err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{
		"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/text/../../secret.txt",
		"/text/%2e%2e/%2e%2e/secret.txt", "/text/..%2f..%2fsecret.txt", "/%2e%2e%2fsecret.txt",
		"/..%5csecret.txt", "/text/..\\..\\secret.txt", "/assets/%2e%2e/%2e%2e/%2e%2e/secret.txt",
		"/leak.txt", "/up/secret.txt", "/up/content/edition.yaml", "//secret.txt",
		"/" + s.dir + "/secret.txt", "/%00/secret.txt", "/..", "/text/..",
	} {
		code, body := rawGet(t, s.srv, target, "")
		if code != 400 && code != 404 {
			t.Errorf("GET %s: status %d, want 400 or 404", target, code)
		}
		if strings.Contains(body, secret) || strings.Contains(body, "Fixture Press") && strings.Contains(body, "kinds:") {
			t.Errorf("GET %s: the answer shows a file outside the site", target)
		}
	}
}

// The server's rules: content types, folders, the site's 404 page, no
// caching, GET and HEAD only, and only requests for localhost.
func TestServingRules(t *testing.T) {
	s := start(t, nil)
	built := map[string][]byte{}
	err := filepath.WalkDir(s.out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(s.out, p)
			built[filepath.ToSlash(rel)], err = os.ReadFile(p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path, ctype string
		status      int
		want        string
	}{
		{"/", "text/html; charset=utf-8", 200, "<title>The Light on the Eddystone</title>"},
		{"/index.html", "text/html; charset=utf-8", 200, "<title>The Light on the Eddystone</title>"},
		{"/concepts/", "text/html; charset=utf-8", 200, "<h1"},
		// The folders without an index of their own have a page that leads on.
		{"/text/", "text/html; charset=utf-8", 200, `<meta http-equiv="refresh" content="0; url=../index.html#contents-h">`},
		{"/sources/", "text/html; charset=utf-8", 200, `<meta http-equiv="refresh" content="0; url=../bibliography.html">`},
		{"/assets/style.css", "text/css; charset=utf-8", 200, ""},
		{"/assets/edition.js", "text/javascript; charset=utf-8", 200, ""},
		{"/no-such-page.html", "text/html; charset=utf-8", 404, "Page not found"},
		{"/_edition/live.js", "text/javascript; charset=utf-8", 200, "EventSource"},
		{"/_edition/overlay.css", "text/css; charset=utf-8", 200, ".box"},
	} {
		resp, body := s.get(c.path)
		if resp.StatusCode != c.status || resp.Header.Get("Content-Type") != c.ctype || !strings.Contains(body, c.want) {
			t.Errorf("GET %s: %d %q; want %d %q with %q", c.path, resp.StatusCode, resp.Header.Get("Content-Type"), c.status, c.ctype, c.want)
		}
		if cc := resp.Header.Get("Cache-Control"); cc != "no-store" {
			t.Errorf("GET %s: Cache-Control %q", c.path, cc)
		}
		site := strings.TrimPrefix(c.path, "/")
		if data, ok := built[site]; ok && !strings.HasSuffix(site, ".html") && body != string(data) {
			t.Errorf("GET %s: not the file as built", c.path)
		}
	}
	// HTML gets the script, once; other files are served as built.
	_, home := s.get("/")
	if strings.Count(home, "/_edition/live.js") != 1 || strings.Replace(home, scriptRE.FindString(home), "", 1) != string(built["index.html"]) {
		t.Errorf("the home page is not the page as built with one script added")
	}
	// A folder without its slash is redirected to it.
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(s.srv.URL() + "concepts?x=1")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != "/concepts/?x=1" {
		t.Errorf("GET /concepts: %d to %q, want 302 to /concepts/?x=1", resp.StatusCode, resp.Header.Get("Location"))
	}
	// The 404 page deep in the site still finds its stylesheet and links.
	resp, deep := s.get("/text/no/such/page.html")
	if resp.StatusCode != 404 || !regexp.MustCompile(`href="/assets/style\.[0-9a-f]{10}\.css"`).MatchString(deep) || !strings.Contains(deep, `href="/index.html"`) ||
		!strings.Contains(deep, `href="#main"`) {
		t.Errorf("a deep 404 page keeps links relative to the root it was built for")
	}
	// HEAD: headers only.
	req, _ := http.NewRequest(http.MethodHead, s.srv.URL()+"assets/style.css", nil)
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || len(b) != 0 || resp.ContentLength != int64(len(built["assets/style.css"])) {
		t.Errorf("HEAD: %d, %d bytes of body, Content-Length %d", resp.StatusCode, len(b), resp.ContentLength)
	}
	resp, err = http.Post(s.srv.URL(), "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d, want 405", resp.StatusCode)
	}
	// Only requests for localhost: another site cannot read the preview by
	// pointing its own name at 127.0.0.1.
	if code, _ := rawGet(t, s.srv, "/", "attacker.example"); code != http.StatusMisdirectedRequest {
		t.Errorf("Host attacker.example: %d, want 421", code)
	}
	port := s.srv.URL()[strings.LastIndex(s.srv.URL(), ":")+1 : len(s.srv.URL())-1]
	for _, host := range []string{"localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "localhost"} {
		if code, _ := rawGet(t, s.srv, "/", host); code != 200 {
			t.Errorf("Host %s: %d, want 200", host, code)
		}
	}
}

var scriptRE = regexp.MustCompile(`<script src="/_edition/live.js"[^>]*></script>\n`)

// tree reads every file under dir.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			b, err := os.ReadFile(p)
			files[filepath.ToSlash(rel)] = string(b)
			return err
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// What edition build writes is byte for byte the same whether or not a
// preview ran, and what the preview writes is what edition build writes.
func TestOutputIsTheSameWithOrWithoutServe(t *testing.T) {
	s := start(t, nil)
	// A session: requests, an edit, a failure, and back.
	st := s.stream()
	st.next("hello")
	s.get("/")
	s.get("/" + chapterPage)
	s.edit(chapterFile, "Nine miles", "Ten miles")
	st.next("reload")
	s.edit(chapterFile, "Ten miles", "Ten miles [x](person:nobody)")
	st.next("failed")
	s.edit(chapterFile, "Ten miles [x](person:nobody)", "Nine miles")
	st.next("reload")
	s.get("/" + chapterPage)
	s.srv.Close()
	served := tree(t, s.out)

	fresh := filepath.Join(t.TempDir(), "public")
	res, err := site.Build(site.Options{Content: s.content, Templates: s.templates, Output: fresh})
	if err != nil || !res.OK() {
		t.Fatalf("build: %v %v", err, res.Diags.Err())
	}
	built := tree(t, fresh)
	if len(served) != len(built) {
		t.Fatalf("the preview wrote %d files, edition build %d", len(served), len(built))
	}
	for p, data := range built {
		if served[p] != data {
			t.Errorf("%s differs between the preview's output and edition build's", p)
		}
		if strings.Contains(served[p], "_edition") {
			t.Errorf("%s holds the preview's script", p)
		}
	}
	// And a build over the preview's output changes nothing.
	res, err = site.Build(site.Options{Content: s.content, Templates: s.templates, Output: s.out})
	if err != nil || res.Stats.Written != 0 {
		t.Errorf("a build after the preview rewrote %d files (%v)", res.Stats.Written, err)
	}
}

// A first build that fails still serves: a page with the errors, which
// reloads once the content is fixed.
func TestFirstBuildFails(t *testing.T) {
	s := start(t, func(content string) {
		p := filepath.Join(content, filepath.FromSlash(chapterFile))
		b, _ := os.ReadFile(p)
		os.WriteFile(p, bytes.Replace(b, []byte("Nine miles"), []byte("Nine [miles](concept:nowhere)"), 1), 0o644)
	})
	resp, body := s.get("/" + chapterPage)
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, `unknown entry &#34;concept:nowhere&#34;`) ||
		!strings.Contains(body, "/_edition/live.js") {
		t.Fatalf("before any good build: status %d\n%s", resp.StatusCode, body)
	}
	st := s.stream()
	if h := st.next("hello"); h.Data["failed"] == nil {
		t.Errorf("hello does not report the failure")
	}
	s.edit(chapterFile, "Nine [miles](concept:nowhere)", "Nine miles")
	if ev := st.next("reload"); ev.Data["all"] != true {
		t.Errorf("the first good build does not reload every page: %v", ev.Data)
	}
	if resp, _ := s.get("/" + chapterPage); resp.StatusCode != 200 {
		t.Errorf("after the fix: status %d", resp.StatusCode)
	}
}

// Close ends the event streams and stops serving, promptly.
func TestCloseIsClean(t *testing.T) {
	s := start(t, nil)
	st := s.stream()
	st.next("hello")
	done := make(chan error)
	go func() { done <- s.srv.Close() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Close: %v", err)
		}
	case <-time.After(deadline):
		t.Fatal("Close did not return")
	}
	select {
	case _, ok := <-st.events:
		if ok {
			t.Error("an event after Close")
		}
	case <-time.After(deadline):
		t.Error("the event stream is still open after Close")
	}
	if _, err := http.Get(s.srv.URL()); err == nil {
		t.Error("the server still answers after Close")
	}
}

func TestPortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	_, err = serve.Start(serve.Options{Build: func([]string) serve.Build { return serve.Build{} }, Port: port, Log: io.Discard})
	if err == nil || !strings.Contains(err.Error(), "in use") || !strings.Contains(err.Error(), "-port 0") {
		t.Fatalf("starting on a busy port: %v", err)
	}
}

func TestLoopback(t *testing.T) {
	for host, want := range map[string]bool{
		"127.0.0.1": true, "127.1.2.3": true, "::1": true, "[::1]": true, "localhost": true, "LocalHost": true,
		"app.localhost": true, "0.0.0.0": false, "::": false, "192.168.1.5": false, "example.org": false, "": false,
		"localhost.example.org": false,
	} {
		if got := serve.Loopback(host); got != want {
			t.Errorf("Loopback(%q) = %v, want %v", host, got, want)
		}
	}
}
