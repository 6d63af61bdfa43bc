package browser

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"crypto/sha512"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// The axe-core release the tests use, and its integrity as the npm
// registry publishes it (npm view axe-core@4.14.1 dist.integrity).
const (
	axeVersion   = "4.14.1"
	axeIntegrity = "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="
)

var axe struct {
	once sync.Once
	src  string
	err  error
}

// axeSource returns axe.min.js: from $EDITION_AXE, from the user's cache,
// or fetched with npm pack into the cache (outside the repository).
func axeSource(t *testing.T) string {
	t.Helper()
	axe.once.Do(func() { axe.src, axe.err = loadAxe() })
	if axe.err != nil {
		t.Fatalf("axe-core %s is needed for the accessibility checks: %v", axeVersion, axe.err)
	}
	return axe.src
}

func loadAxe() (string, error) {
	if p := os.Getenv("EDITION_AXE"); p != "" {
		b, err := os.ReadFile(p)
		return string(b), err
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	dir := filepath.Join(cache, "edition", "axe-core-"+axeVersion)
	file := filepath.Join(dir, "axe.min.js")
	if b, err := os.ReadFile(file); err == nil {
		return string(b), nil
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		return "", errors.New("npm is not installed (apt-get install -y npm), and $EDITION_AXE names no axe.min.js")
	}
	tmp, err := os.MkdirTemp("", "edition-axe-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	cmd := exec.Command(npm, "pack", "axe-core@"+axeVersion, "--silent", "--pack-destination", tmp)
	cmd.Dir = tmp
	cmd.Env = append(os.Environ(), "npm_config_update_notifier=false", "npm_config_fund=false", "npm_config_audit=false")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("npm pack axe-core@%s: %v\n%s", axeVersion, err, out)
	}
	tgz, err := os.ReadFile(filepath.Join(tmp, "axe-core-"+axeVersion+".tgz"))
	if err != nil {
		return "", err
	}
	sum := sha512.Sum512(tgz)
	if got := "sha512-" + base64.StdEncoding.EncodeToString(sum[:]); got != axeIntegrity {
		return "", fmt.Errorf("the axe-core package's integrity is %s, want %s", got, axeIntegrity)
	}
	src, err := untarFile(tgz, "package/axe.min.js")
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err == nil {
		part := file + ".part"
		if os.WriteFile(part, src, 0o644) == nil {
			_ = os.Rename(part, file)
		}
	}
	return string(src), nil
}

func untarFile(tgz []byte, name string) ([]byte, error) {
	zr, err := gzip.NewReader(strings.NewReader(string(tgz)))
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil, fmt.Errorf("%s is not in the package", name)
		}
		if err != nil {
			return nil, err
		}
		if h.Name == name {
			return io.ReadAll(tr)
		}
	}
}

// A page of each kind, as a reader meets them.
var pagesOfEachKind = []struct{ name, path string }{
	{"title", "index.html"},
	{"text", textPage},
	{"concept", "concepts/preemption.html"},
	{"actor", "actors/kofi-annan.html"},
	{"event", "events/iraq-war.html"},
	{"source", "sources/whitehouse2002nss.html"},
	{"a-z", "concepts/index.html"},
	{"bibliography", "bibliography.html"},
	{"overview", "overview.html"},
	{"general-index", "general-index.html"},
	{"search", "search.html"},
	{"page", "about.html"},
	{"not-found", "404.html"},
}

// setScheme makes the browser prefer a light or dark colour scheme, as the
// reader's system would.
func (tb *tab) setScheme(scheme string) {
	tb.t.Helper()
	tb.do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
		return err
	}))
}

// violation is what axe-core reports about one rule.
type violation struct {
	ID, Impact, Help string
	Nodes            []string
}

const runAxe = `axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.map(v => ({
  ID: v.id, Impact: v.impact || "", Help: v.help,
  Nodes: v.nodes.slice(0, 6).map(n => n.target.join(" ") + ": " + (n.failureSummary || "").replace(/\s+/g, " "))
})))`

// axeCheck runs axe-core on the current page, once it is at rest (its
// fonts in, nothing fading in or out), and fails the test for each
// violation.
func (tb *tab) axeCheck(what string) {
	tb.t.Helper()
	if !eval[bool](tb, `typeof axe === "object"`) {
		eval[bool](tb, axeSource(tb.t)+"\n;true")
	}
	tb.settle()
	for _, v := range eval[[]violation](tb, runAxe) {
		tb.t.Errorf("%s: axe %s (%s): %s\n\t%s", what, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n\t"))
	}
}

func TestAccessibilityOfEveryKindOfPageInBothThemes(t *testing.T) {
	needBrowser(t)
	axeSource(t)
	for _, scheme := range []string{"light", "dark"} {
		t.Run(scheme, func(t *testing.T) {
			t.Parallel() // two tabs at once: axe does not depend on timing
			tb := newTab(t, overHTTP, 1400, 900, false)
			tb.setScheme(scheme)
			for _, p := range pagesOfEachKind {
				tb.visit(p.path)
				tb.axeCheck(p.name)
			}
			// What scripts add: a preview card, the bare text.
			tb.visit(textPage)
			tb.hover(firstConcept)
			tb.waitFor(`__test.shown("#preview")`, "the card")
			tb.axeCheck("text with a preview card")
			tb.do(clickSel("#tool-annotations"))
			tb.axeCheck("the bare text")
			tb.do(clickSel("#tool-annotations"))

			// A narrow screen, with a note open in place.
			nb := newTab(t, overHTTP, 390, 844, true)
			nb.setScheme(scheme)
			nb.visit(textPage)
			nb.tap("#r-n1")
			nb.waitFor(`__test.shown("#sn-n1")`, "the note to open")
			nb.axeCheck("narrow text with a note open")
			nb.visit("overview.html")
			nb.axeCheck("narrow overview")
		})
	}
}
