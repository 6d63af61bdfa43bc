package browser

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// A reader who trims a page's address to its folder (text/overview.html
// to text/, a source's page to sources/) lands on the page that lists the
// folder's pages: the title page at its contents, the bibliography. So on a
// static host, which serves a folder's index.html, and from disk, where
// the reader opens the index.html; with the page's scripts on or off, since
// the folder's page leads on by a refresh, not a script.
func TestFoldersLeadOn(t *testing.T) {
	needBrowser(t)
	for _, c := range []struct {
		origin      origin
		page, lands string
		scripts     bool
	}{
		{overHTTP, "text/", "index.html#contents-h", true},
		{overHTTP, "text/", "index.html#contents-h", false},
		{overHTTP, "sources/", "bibliography.html", true},
		{fromDisk, "text/index.html", "index.html#contents-h", true},
		{fromDisk, "sources/index.html", "bibliography.html", false},
	} {
		t.Run(fmt.Sprintf("%s/%s/scripts=%v", c.origin.name, c.page, c.scripts), func(t *testing.T) {
			tb := newTab(t, c.origin, 1400, 900, false)
			if !c.scripts {
				tb.disableScripts()
			}
			tb.do(chromedp.Navigate(c.origin.url(c.page)))
			// A host may redirect index.html to its folder, as Go's file
			// server does: the title page at "…/#contents-h" is the same.
			want := c.origin.url(c.lands)
			tb.waitFor(fmt.Sprintf(`[%s, %s].includes(location.href) && document.readyState === "complete"`,
				jsString(want), jsString(strings.Replace(want, "/index.html", "/", 1))),
				"the browser to land on "+c.lands)
			if _, id, ok := strings.Cut(c.lands, "#"); ok {
				// The list is the target, in view: at the top of the
				// window, below the room :target leaves above it.
				tb.waitFor(fmt.Sprintf(`(document.querySelector(":target") || {}).id === %s`, jsString(id)), "#"+id+" to be the target")
				inView := fmt.Sprintf(`scrollY > 0 && (t => t >= 0 && t < 200)(document.getElementById(%s).getBoundingClientRect().top)`, jsString(id))
				if !tb.poll(inView, waitTimeout) {
					t.Errorf("%s: #%s is at %.0f px from the window's top, scrolled %.0f px; want it scrolled to the top",
						c.lands, id, tb.rect("#"+id).Top, eval[float64](tb, `scrollY`))
				}
			}
		})
	}
}

// The folder's page as a reader sees it if the browser does not follow
// the refresh: the site's page, with a heading and a sentence whose link
// leads where the refresh does, clean for axe-core in both themes. The
// test answers the browser's request for the target with 204 No Content,
// which leaves the browser where it is.
func TestFolderPageWhereTheBrowserStays(t *testing.T) {
	needBrowser(t)
	axeSource(t)
	for _, scheme := range []string{"light", "dark"} {
		t.Run(scheme, func(t *testing.T) {
			tb := newTab(t, overHTTP, 1400, 900, false)
			tb.setScheme(scheme)
			target := env.base + "index.html"
			held := make(chan fetch.RequestID, 1)
			tb.onEvent(func(ev any) {
				if e, ok := ev.(*fetch.EventRequestPaused); ok {
					select {
					case held <- e.RequestID:
					default:
					}
				}
			})
			tb.do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
				// A request answered from the cache would not be held.
				if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
					return err
				}
				_, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{
					{URLPattern: target, RequestStage: fetch.RequestStageRequest}}})
				return err
			}))
			tb.do(chromedp.Navigate(env.base + "text/"))
			select {
			case id := <-held:
				tb.do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
					_, err := chromedp.Call(ctx, fetch.FulfillRequest, fetch.FulfillRequestParams{RequestID: id, ResponseCode: 204})
					return err
				}))
			case <-time.After(waitTimeout):
				t.Fatal("the folder's page did not refresh to the title page")
			}
			tb.waitFor(fmt.Sprintf(`location.href === %s && document.readyState === "complete"`, jsString(env.base+"text/")),
				"the browser to stay on the folder's page")
			if h := tb.text("main h1"); h == "" {
				t.Error("the folder's page has no heading")
			}
			link := eval[string](tb, `(() => { const a = document.querySelector("main p a"); return a ? a.href : "" })()`)
			if link != target+"#contents-h" {
				t.Errorf("the sentence links to %q, want %q", link, target+"#contents-h")
			}
			if !tb.shown("main p a") || !tb.shown(".site-header") || !tb.shown(".site-footer") {
				t.Error("the folder's page does not show its link, the site's header and footer")
			}
			tb.axeCheck("the folder's page (" + scheme + ")")
			if dir := os.Getenv("EDITION_SCREENSHOTS"); dir != "" {
				png, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, "folder-text-1400-"+scheme+".png"), png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}
