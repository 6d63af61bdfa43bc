package browser

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"

	"edition/generator/site"
)

// The edition under test, built once for every test of the package.
var env struct {
	skip     string // why the tests cannot run, if they cannot
	site     string // the built site's folder
	server   *httptest.Server
	base     string          // the site on the server: http://127.0.0.1:port/edition/
	browser  context.Context // the one browser; each test opens its tabs in it
	mu       sync.Mutex
	strayReq []string // requests the server saw outside the site, or that failed
}

// subpath is where the server puts the site, so that any absolute link
// (or asset) shows up as a request outside it.
const subpath = "/edition/"

// csp is the policy every served page gets: the site must work fully
// without inline scripts or styles and without anything from elsewhere.
const csp = "default-src 'self'"

func TestMain(m *testing.M) { os.Exit(run(m)) }

func run(m *testing.M) int {
	exe := chromium()
	if exe == "" {
		env.skip = "no Chromium binary found: install Debian's chromium (apt-get install -y chromium) or set EDITION_CHROMIUM"
		return m.Run()
	}
	dir, err := os.MkdirTemp("", "edition-browser-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	env.site = filepath.Join(dir, "public")
	res, err := site.Build(site.Options{Content: "../../content", Templates: "../../templates", Output: env.site})
	if err != nil || !res.OK() {
		fmt.Fprintf(os.Stderr, "browser tests: cannot build the edition: %v\n%s", err, res.Diags)
		return 1
	}

	files := http.StripPrefix(subpath, http.FileServer(http.Dir(env.site)))
	env.server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, subpath) {
			env.mu.Lock()
			env.strayReq = append(env.strayReq, r.URL.Path+" (outside the site's subpath)")
			env.mu.Unlock()
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Security-Policy", csp)
		rec := &statusRecorder{ResponseWriter: w, status: 200}
		files.ServeHTTP(rec, r)
		if rec.status >= 400 {
			env.mu.Lock()
			env.strayReq = append(env.strayReq, fmt.Sprintf("%s (%d)", r.URL.Path, rec.status))
			env.mu.Unlock()
		}
	}))
	defer env.server.Close()
	env.base = env.server.URL + subpath

	profile, err := os.MkdirTemp("", "edition-chromium-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(profile)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(profile),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
	)
	defer cancelAlloc()
	browser, cancelBrowser := chromedp.NewContext(alloc)
	defer cancelBrowser()
	if err := chromedp.Do(browser); err != nil {
		fmt.Fprintf(os.Stderr, "browser tests: cannot start %s: %v\n", exe, err)
		return 1
	}
	env.browser = browser
	return m.Run()
}

// chromium finds the browser: $EDITION_CHROMIUM, or Chromium or Chrome
// where Debian and others install them.
func chromium() string {
	if p := os.Getenv("EDITION_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	for _, p := range []string{"/usr/bin/chromium", "/usr/lib/chromium/chromium", "/snap/bin/chromium"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

// needBrowser skips the test, saying why, when there is no browser.
func needBrowser(t *testing.T) {
	t.Helper()
	if env.skip != "" {
		t.Skip(env.skip)
	}
}

// origin is one way of opening the edition: over HTTP from a subpath, or
// from disk.
type origin struct {
	name string
	url  func(page string) string
}

var (
	overHTTP = origin{"http", func(p string) string { return env.base + p }}
	fromDisk = origin{"file", func(p string) string {
		return "file://" + filepath.ToSlash(filepath.Join(env.site, filepath.FromSlash(p)))
	}}
	origins = []origin{overHTTP, fromDisk}
)
