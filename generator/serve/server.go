package serve

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"edition/generator/diag"
	"edition/generator/internal/words"
	"edition/generator/render"
	"edition/generator/watch"
)

// Build is what a build of the site made and found.
type Build struct {
	Files []render.File // the site; not used when Diags has errors
	Diags diag.List
	Note  string // what the pipeline did, for the log line (optional)
	// Rest, if set, makes the site's remaining files, those no page shows
	// (a search index, exports), and returns them with the diagnostics of
	// the whole build. The server calls it after a good build, once the
	// browsers have been told to reload, in the background (the next build
	// may start meanwhile, and then this build's rest is not used), and
	// then serves and publishes them with the others; until then it serves
	// the previous ones. Rests are made one at a time; one still waiting
	// when a newer build is done is not made at all.
	Rest func() ([]render.File, diag.List)
}

// Options configure a Server.
type Options struct {
	// Build runs the pipeline. changed holds the paths the watcher saw
	// change since the last build; it is nil for the first build.
	Build func(changed []string) Build
	// Publish, if set, is called after each good build, once browsers have
	// been told to reload: to write the output folder, say. It gets the
	// files as built, without anything the server injects.
	Publish func(Build) error

	// Watch are the folders whose changes trigger a build.
	Watch []string
	// WatchOptions tune the watcher (debounce, folders to ignore).
	WatchOptions watch.Options

	// Addr is the host to listen on; default 127.0.0.1, which only this
	// machine can reach.
	Addr string
	// Port to listen on; 0 picks a free one.
	Port int

	// Log receives one line per build (and the diagnostics of a failed
	// one); default os.Stderr.
	Log io.Writer
}

// Server serves a site and rebuilds it as its sources change.
type Server struct {
	opts     Options
	instance string // tells a page from another run of the server
	ln       net.Listener
	url      string
	loopback bool

	http    *http.Server
	hub     *hub
	watcher *watch.Watcher

	site   atomic.Pointer[siteState] // the last good site; nil until one built
	failed atomic.Pointer[failure]   // the errors of the last build, if it failed
	builds atomic.Int64              // builds run, good or not

	logMu     sync.Mutex
	done      chan struct{}
	loopWG    sync.WaitGroup
	restWG    sync.WaitGroup // builds' rests, made in the background
	restMu    sync.Mutex
	restNext  *restJob // the rest to make next: the newest build's
	restBusy  bool     // whether a goroutine is making rests
	publishMu sync.Mutex
	served    chan error
	closed    sync.Once
}

// Loopback reports whether host is a name or address that only this
// machine can reach.
func Loopback(host string) bool {
	if strings.EqualFold(host, "localhost") || strings.HasSuffix(strings.ToLower(host), ".localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// Start listens, builds the site once, starts watching and serves. It
// returns when the site can be requested (or with the error that keeps it
// from listening). A first build with errors is no error: the server then
// shows the errors until a build succeeds.
func Start(opts Options) (*Server, error) {
	if opts.Build == nil {
		return nil, errors.New("serve: no Build function")
	}
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1"
	}
	if opts.Log == nil {
		opts.Log = os.Stderr
	}
	if opts.Port < 0 || opts.Port > 65535 {
		return nil, fmt.Errorf("serve: port %d is not a port number (0 to 65535; 0 picks a free one)", opts.Port)
	}
	var id [6]byte
	_, _ = rand.Read(id[:])
	s := &Server{opts: opts, instance: hex.EncodeToString(id[:]), hub: newHub(), done: make(chan struct{}),
		served: make(chan error, 1), loopback: Loopback(opts.Addr)}

	addr := net.JoinHostPort(strings.Trim(opts.Addr, "[]"), strconv.Itoa(opts.Port))
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return nil, fmt.Errorf("serve: port %d on %s is in use: choose another with -port, or -port 0 for a free one", opts.Port, opts.Addr)
		}
		return nil, fmt.Errorf("serve: cannot listen on %s: %w", addr, err)
	}
	s.ln = ln
	host := opts.Addr
	if host == "0.0.0.0" || host == "::" || host == "[::]" {
		host = "127.0.0.1" // reachable from here too
	}
	s.url = "http://" + net.JoinHostPort(strings.Trim(host, "[]"), strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)) + "/"

	if len(opts.Watch) > 0 {
		w, err := watch.New(opts.Watch, opts.WatchOptions)
		if err != nil {
			ln.Close()
			return nil, fmt.Errorf("serve: %w", err)
		}
		s.watcher = w
	}
	s.rebuild(nil)

	s.http = &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: time.Minute}
	s.http.RegisterOnShutdown(s.hub.close)
	go func() { s.served <- s.http.Serve(ln) }()
	if s.watcher != nil {
		s.loopWG.Go(s.loop)
	}
	return s, nil
}

// URL is the address of the site's home page.
func (s *Server) URL() string { return s.url }

// Builds returns how many builds have run.
func (s *Server) Builds() int { return int(s.builds.Load()) }

// Close stops watching, waits for a build in progress, ends the event
// streams and shuts the HTTP server down, giving requests in progress a
// few seconds to finish.
func (s *Server) Close() error {
	var err error
	s.closed.Do(func() {
		close(s.done)
		if s.watcher != nil {
			s.watcher.Close()
		}
		s.loopWG.Wait()
		s.restWG.Wait()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		err = s.http.Shutdown(ctx)
		if serr := <-s.served; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
			err = serr
		}
	})
	return err
}

// loop rebuilds on each batch of changes, one build at a time.
func (s *Server) loop() {
	for {
		select {
		case <-s.done:
			return
		case b, ok := <-s.watcher.Batches():
			if !ok {
				return
			}
			changed := b.Paths
			if b.Overflow {
				s.logf("too many changes at once for the watcher; rebuilding everything")
				changed = append(changed, s.opts.Watch...)
			}
			s.rebuild(changed)
		case err := <-s.watcher.Errors():
			s.logf("%v", err)
		}
	}
}

// rebuild runs a build and makes its outcome the served state.
func (s *Server) rebuild(changed []string) {
	start := time.Now()
	b := s.opts.Build(changed)
	n := s.builds.Add(1)
	took := time.Since(start)
	what := describe(changed)

	if b.Diags.HasErrors() {
		s.fail(what, n, took, b.Diags)
		return
	}

	old := s.site.Load()
	var oldRest []render.File
	if old != nil {
		oldRest = old.restFiles()
	}
	next := newSite(b.Files, oldRest, s.instance, int(n))
	ch := changes(old, next)
	wasFailed := s.failed.Swap(nil) != nil
	s.site.Store(next)
	if old != nil || wasFailed {
		s.hub.send(event{name: "reload", data: ch.json(next.tag)})
	}
	sent := time.Since(start)

	var line strings.Builder
	fmt.Fprintf(&line, "%sbuild %d in %s: ", what, n, ms(sent))
	switch {
	case old == nil:
		line.WriteString(words.Count(len(b.Files), "file", "files"))
	case len(ch.pages) == 0:
		line.WriteString("no page changed")
	default:
		fmt.Fprintf(&line, "%s changed (%s)", words.Count(len(ch.pages), "page", "pages"), listSome(ch.pages, 3))
	}
	if w := b.Diags.Count(diag.Warning); w > 0 {
		fmt.Fprintf(&line, "; %s", words.Count(w, "warning", "warnings"))
	}
	if b.Note != "" {
		fmt.Fprintf(&line, "; %s", b.Note)
	}
	if b.Rest == nil {
		s.publish(b.Files, b, &line)
		s.logf("%s", line.String())
		s.restWG.Go(collect)
		return
	}
	// The rest in the background: the next build need not wait for it.
	s.queueRest(&restJob{b: b, line: &line, stored: s.site.Load(), what: what, n: n, start: start})
}

// restJob is a build's rest, to be made in the background.
type restJob struct {
	b      Build
	line   *strings.Builder
	stored *siteState // the site the build made
	what   string
	n      int64
	start  time.Time
}

// superseded is the end of the log line of a build whose rest a newer
// build made needless.
const superseded = "; a newer build took over before the search index and exports were done"

// queueRest has a build's rest made in the background. Rests are made one
// at a time, the newest first: a rest still waiting when a newer build
// queues its own is dropped (the newer one replaces what it would make),
// so that an editor saving again and again does not pile up work that
// slows the next reload.
func (s *Server) queueRest(j *restJob) {
	s.restMu.Lock()
	defer s.restMu.Unlock()
	if old := s.restNext; old != nil {
		old.line.WriteString(superseded)
		s.logf("%s", old.line.String())
	}
	s.restNext = j
	if !s.restBusy {
		s.restBusy = true
		s.restWG.Go(s.makeRests)
	}
}

// makeRests makes the queued rests until there is none.
func (s *Server) makeRests() {
	for {
		s.restMu.Lock()
		j := s.restNext
		s.restNext = nil
		if j == nil {
			s.restBusy = false
			s.restMu.Unlock()
			collect()
			return
		}
		s.restMu.Unlock()
		s.makeRest(j)
	}
}

// collect collects garbage while the server is idle: after a build and
// its rest, before the editor's next save. A large edition keeps hundreds
// of megabytes live between builds (the pages, the converted chapters,
// the index) and a build allocates a third of that again, so that left to
// itself the collector would start in the middle of every second or third
// build, and mark the whole live heap while the editor waits for the
// reload. Collected now, the next build has the heap's whole headroom. At
// 1,000 chapters this takes the 95th percentile of save to reload from
// about 240 ms to about 150 (BenchmarkReload).
func collect() { runtime.GC() }

// makeRest makes a build's rest and, if no newer build took over, serves
// and publishes it.
func (s *Server) makeRest(j *restJob) {
	b, line := j.b, j.line
	if s.site.Load() != j.stored {
		line.WriteString(superseded)
		s.logf("%s", line.String())
		return
	}
	rstart := time.Now()
	rest, diags := b.Rest()
	switch {
	case s.site.Load() != j.stored:
		line.WriteString(superseded)
	case diags.HasErrors():
		s.logf("%s", line.String())
		s.fail(j.what, j.n, time.Since(j.start), diags)
		return
	default:
		if !s.site.CompareAndSwap(j.stored, newSite(b.Files, rest, s.instance, int(j.n))) {
			line.WriteString(superseded)
			break
		}
		fmt.Fprintf(line, "; %s more in %s", words.Count(len(rest), "file", "files"), ms(time.Since(rstart)))
		s.publish(append(slices.Clip(b.Files), rest...), b, line)
	}
	s.logf("%s", line.String())
}

// publish hands a good build's files to Options.Publish, one build at a
// time, and says how it went on the log line.
func (s *Server) publish(files []render.File, b Build, line *strings.Builder) {
	if s.opts.Publish == nil {
		return
	}
	s.publishMu.Lock()
	defer s.publishMu.Unlock()
	start := time.Now()
	if err := s.opts.Publish(Build{Files: files, Diags: b.Diags, Note: b.Note}); err != nil {
		fmt.Fprintf(line, "; could not write the output: %v", err)
	} else {
		fmt.Fprintf(line, "; written in %s", ms(time.Since(start)))
	}
}

// fail makes a failed build's errors the served state: browsers show
// them over the last good site.
func (s *Server) fail(what string, n int64, took time.Duration, diags diag.List) {
	f := newFailure(diags)
	s.failed.Store(f)
	s.hub.send(event{name: "failed", data: f.json})
	kept := "no site to show yet"
	if s.site.Load() != nil {
		kept = "still serving the last good build"
	}
	var lines strings.Builder
	for _, d := range diags {
		lines.WriteString("  " + d.String() + "\n")
	}
	s.logf("%sbuild %d failed in %s: %s; %s\n%s", what, n, ms(took), words.Count(diags.Count(diag.Error), "error", "errors"), kept,
		strings.TrimRight(lines.String(), "\n"))
}

// describe says what changed, for the log line.
func describe(changed []string) string {
	if changed == nil {
		return ""
	}
	var files []string
	for _, p := range changed {
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			continue
		}
		files = append(files, filepath.ToSlash(p))
	}
	if len(files) == 0 {
		return "folders changed: "
	}
	slices.Sort(files)
	return listSome(files, 2) + ": "
}

// listSome lists the first n items and counts the rest.
func listSome(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:n], ", ") + fmt.Sprintf(" and %d more", len(items)-n)
}

func ms(d time.Duration) string {
	if d < 10*time.Millisecond {
		return d.Round(100 * time.Microsecond).String()
	}
	return d.Round(time.Millisecond).String()
}

func (s *Server) logf(format string, args ...any) {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	fmt.Fprintf(s.opts.Log, "%s %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, args...))
}
