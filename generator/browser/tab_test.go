package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// tab is a browser tab a test reads the edition in. It records every
// request the page makes and every script error, and fails the test if a
// request leaves the page's origin, a script throws, or the page breaks
// its content security policy.
type tab struct {
	t      *testing.T
	ctx    context.Context
	origin origin

	mu       sync.Mutex
	requests []string
	errors   []string
	// also, if set, is given every event too (set with onEvent). It runs
	// on the browser's event loop, under mu: it must not block.
	also func(ev any)
}

// onEvent gives fn every event the tab receives from now on, as the
// tab's own listener does.
func (tb *tab) onEvent(fn func(ev any)) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	tb.also = fn
}

// watch is run in every document before the page's own scripts: it
// records policy violations and layout shifts, and gives the tests a few
// helpers. It comes from the test, not the page, so the policy does not
// apply to it.
const watch = `(() => {
  const w = window.__test = {csp: [], shift: 0, shifts: []};
  document.addEventListener("securitypolicyviolation", e => w.csp.push(e.violatedDirective + " " + e.blockedURI));
  // What moved, for the message of a test that finds a shift.
  const what = n => !n ? "?" : n.nodeType !== 1 ? what(n.parentElement) + " text"
    : n.tagName.toLowerCase() + (n.id ? "#" + n.id : "") + (n.className && typeof n.className === "string" ? "." + n.className.trim().split(/\s+/).join(".") : "");
  try {
    new PerformanceObserver(list => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) {
        w.shift += e.value;
        w.shifts.push(e.value.toFixed(4) + " at " + Math.round(e.startTime) + " ms: " + (e.sources || []).map(s => what(s.node)).join(", "));
      }
    }).observe({type: "layout-shift", buffered: true});
  } catch (e) {}
  w.rect = el => {
    if (typeof el === "string") el = document.querySelector(el);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height};
  };
  w.shown = el => {
    if (typeof el === "string") el = document.querySelector(el);
    return !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  };
})();`

// newTab opens a tab of width × height CSS pixels; touch makes it a touch
// screen.
func newTab(t *testing.T, o origin, width, height int64, touch bool) *tab {
	t.Helper()
	needBrowser(t)
	tb := &tab{t: t, origin: o}
	ctx, cancel := chromedp.NewContext(env.browser, chromedp.WithListener(tb.listen))
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	tb.ctx = ctx
	t.Cleanup(tb.finish)
	var vp []chromedp.EmulateViewportOption
	if touch {
		vp = append(vp, chromedp.EmulateTouch, chromedp.EmulateMobile)
	}
	tb.do(
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
				return err
			}
			_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: watch})
			return err
		}),
		chromedp.EmulateViewport(width, height, vp...),
	)
	return tb
}

func (tb *tab) listen(ev any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	if tb.also != nil {
		tb.also(ev)
	}
	switch e := ev.(type) {
	case *network.EventRequestWillBeSent:
		tb.requests = append(tb.requests, e.Request.URL)
	case *runtime.EventExceptionThrown:
		msg := e.ExceptionDetails.Text
		if e.ExceptionDetails.Exception != nil {
			msg += " " + e.ExceptionDetails.Exception.Description
		}
		tb.errors = append(tb.errors, msg)
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError {
			var parts []string
			for _, a := range e.Args {
				parts = append(parts, strings.Trim(string(a.Value), `"`)+a.Description)
			}
			tb.errors = append(tb.errors, "console.error: "+strings.Join(parts, " "))
		}
	}
}

// finish fails the test for requests outside the origin and for errors.
func (tb *tab) finish() {
	tb.checkPage()
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for _, u := range tb.requests {
		if !tb.local(u) {
			tb.t.Errorf("a request left the page's origin: %s", u)
		}
	}
	for _, e := range tb.errors {
		tb.t.Errorf("script error: %s", e)
	}
	env.mu.Lock()
	defer env.mu.Unlock()
	for _, r := range env.strayReq {
		tb.t.Errorf("the server got a request outside the site or for a missing file: %s", r)
	}
	env.strayReq = nil
}

// local reports whether u stays where the edition is: under the site's
// subpath on the server, or on disk.
func (tb *tab) local(u string) bool {
	if tb.origin.name == "file" {
		return strings.HasPrefix(u, "file://")
	}
	return strings.HasPrefix(u, env.base)
}

// checkPage fails the test if the current page broke its policy.
func (tb *tab) checkPage() {
	if tb.ctx.Err() != nil {
		return
	}
	ctx, cancel := tb.step()
	defer cancel()
	csp, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.__test ? window.__test.csp : []`))
	if err != nil {
		return // no page yet
	}
	for _, v := range csp {
		tb.t.Errorf("content security policy violated: %s", v)
	}
}

// stepTimeout bounds each step of a test in its tab (an action, an
// evaluation, one look at a condition it waits for), so that a browser
// that hangs fails the test. It bounds steps, not the test: a loaded
// machine makes a test of many pages slow, not wrong.
const stepTimeout = time.Minute

// step is the tab's context for one step.
func (tb *tab) step() (context.Context, context.CancelFunc) {
	return context.WithTimeout(tb.ctx, stepTimeout)
}

func (tb *tab) do(steps ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := tb.step()
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		tb.t.Fatalf("%v", err)
	}
}

// visit opens a page of the site ("text/overview.html#p3").
func (tb *tab) visit(p string) {
	tb.t.Helper()
	tb.checkPage()
	tb.do(chromedp.Navigate(tb.origin.url(p)))
	tb.waitFor(`document.readyState === "complete"`, "the page to load")
	// Where page scripts are off, the watch did not run: give the tests
	// their helpers anyway.
	eval[bool](tb, `window.__test ? true : (`+strings.TrimSuffix(watch, ";")+`, true)`)
}

// disableScripts turns the page's JavaScript off, as a reader may.
func (tb *tab) disableScripts() {
	tb.t.Helper()
	tb.do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	}))
}

// clickSel clicks an element with the mouse, as a reader does.
func clickSel(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible)
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](tb *tab, js string) T {
	tb.t.Helper()
	ctx, cancel := tb.step()
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// waitTimeout is how long waitFor waits for a condition: long enough for
// a loaded machine, since waitFor waits for what must come, not for what
// must come quickly (a test of a delay measures it).
const waitTimeout = 20 * time.Second

// waitFor waits until a JavaScript condition holds, for up to waitTimeout.
func (tb *tab) waitFor(cond, what string) {
	tb.t.Helper()
	if !tb.poll(cond, waitTimeout) {
		tb.t.Fatalf("waited in vain for %s (%s)", what, cond)
	}
}

// poll reports whether cond comes to hold within d.
func (tb *tab) poll(cond string, d time.Duration) bool {
	tb.t.Helper()
	deadline := time.Now().Add(d)
	for {
		// While a page loads, evaluating may fail: try again.
		ctx, cancel := tb.step()
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("!!("+cond+")"))
		cancel()
		if err == nil && ok {
			return true
		}
		if tb.ctx.Err() != nil {
			tb.t.Fatalf("waiting for %s: %v", cond, tb.ctx.Err())
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// rect is an element's box in the viewport, in CSS pixels.
type rect struct {
	Left, Top, Right, Bottom, Width, Height float64
}

func (r rect) centerX() float64 { return r.Left + r.Width/2 }
func (r rect) centerY() float64 { return r.Top + r.Height/2 }

// overlaps reports whether two boxes share any area.
func (r rect) overlaps(o rect) bool {
	return r.Left < o.Right && o.Left < r.Right && r.Top < o.Bottom && o.Top < r.Bottom
}

func (tb *tab) rect(sel string) rect {
	tb.t.Helper()
	r := eval[*rect](tb, fmt.Sprintf(`__test.rect(%s)`, jsString(sel)))
	if r == nil {
		tb.t.Fatalf("no element %s", sel)
	}
	return *r
}

func (tb *tab) shown(sel string) bool {
	tb.t.Helper()
	return eval[bool](tb, fmt.Sprintf(`__test.shown(%s)`, jsString(sel)))
}

// reveal scrolls an element to the middle of the viewport.
func (tb *tab) reveal(sel string) rect {
	tb.t.Helper()
	eval[bool](tb, fmt.Sprintf(`(document.querySelector(%s).scrollIntoView({block: "center"}), true)`, jsString(sel)))
	return tb.rect(sel)
}

// hover moves the mouse over an element (scrolled into view).
func (tb *tab) hover(sel string) rect {
	tb.t.Helper()
	r := tb.reveal(sel)
	tb.mouseTo(r.centerX(), r.centerY())
	return r
}

func (tb *tab) mouseTo(x, y float64) {
	tb.t.Helper()
	tb.do(chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x, y))
}

// tap touches an element (scrolled into view) with one finger.
func (tb *tab) tap(sel string) {
	tb.t.Helper()
	r := tb.reveal(sel)
	tb.tapAt(r.centerX(), r.centerY())
}

func (tb *tab) tapAt(x, y float64) {
	tb.t.Helper()
	tb.do(chromedp.TapXY(x, y))
}

// focus focuses an element as the keyboard would reach it.
func (tb *tab) focus(sel string) {
	tb.t.Helper()
	tb.reveal(sel)
	eval[bool](tb, fmt.Sprintf(`(document.querySelector(%s).focus({focusVisible: true}), true)`, jsString(sel)))
}

func (tb *tab) key(k string) {
	tb.t.Helper()
	tb.do(chromedp.KeyEvent(k))
}

func (tb *tab) press(k string) { tb.key(k) }

// Keys, for readability at the call site.
const (
	keyEnter  = kb.Enter
	keyEscape = kb.Escape
	keyTab    = kb.Tab
)

// location is the page's address.
func (tb *tab) location() string { return eval[string](tb, `location.href`) }

func (tb *tab) text(sel string) string {
	tb.t.Helper()
	return eval[string](tb, fmt.Sprintf(`(document.querySelector(%s) || {}).textContent || ""`, jsString(sel)))
}

func (tb *tab) attr(sel, name string) string {
	tb.t.Helper()
	return eval[string](tb, fmt.Sprintf(`(document.querySelector(%s) || {getAttribute(){return ""}}).getAttribute(%s) || ""`, jsString(sel), jsString(name)))
}

func (tb *tab) layoutShift() float64 { return eval[float64](tb, `__test.shift`) }

// layoutShifts describes each layout shift of the page: its score, when,
// and what moved.
func (tb *tab) layoutShifts() string {
	return strings.Join(eval[[]string](tb, `__test.shifts`), "; ")
}

// settled is the condition of a page at rest: its fonts loaded and no
// transition or animation running in time. An animation driven by
// scrolling (the row of links hides a link its box cuts) runs for as long
// as the page is open, and moves only as the reader scrolls.
const settled = `document.fonts.status === "loaded" && document.getAnimations().every(a => a.playState !== "running" || !(a.timeline instanceof DocumentTimeline))`

// settle waits until the page is at rest (settled) and has drawn a frame
// since: what a test then measures is where things stay.
func (tb *tab) settle() {
	tb.t.Helper()
	tb.waitFor(settled, "the page to come to rest")
	eval[bool](tb, `new Promise(ok => requestAnimationFrame(() => requestAnimationFrame(() => ok(true))))`)
}

// clearStorage forgets the reader's choices for the current origin.
func (tb *tab) clearStorage() { eval[bool](tb, `(localStorage.clear(), true)`) }

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

// grantClipboard lets the page read the clipboard, so that a test can see
// what was copied.
func grantClipboard(tb *tab) {
	tb.t.Helper()
	origin := strings.TrimSuffix(env.server.URL, "/")
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		p := browser.SetPermissionParams{Permission: &browser.PermissionDescriptor{Name: name}, Setting: browser.PermissionSettingGranted, Origin: origin}
		if _, err := chromedp.CallBrowser(tb.ctx, browser.SetPermission, p); err != nil {
			tb.t.Fatalf("grant %s: %v", name, err)
		}
	}
}

// accessibleName returns the name Chromium gives the element sel in its
// accessibility tree: what a screen reader says for it.
func (tb *tab) accessibleName(sel string) string {
	_, name := tb.axNode(sel)
	return name
}

// axNode returns the role and the name Chromium gives the element sel in
// its accessibility tree.
func (tb *tab) axNode(sel string) (role, name string) {
	tb.t.Helper()
	tb.do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		obj, err := chromedp.Call(ctx, runtime.Evaluate, runtime.EvaluateParams{Expression: "document.querySelector(" + jsString(sel) + ")"})
		if err != nil {
			return err
		}
		if obj.Result == nil || obj.Result.ObjectID == "" {
			return fmt.Errorf("no element %s", sel)
		}
		relatives := false
		ax, err := chromedp.Call(ctx, accessibility.GetPartialAXTree, accessibility.GetPartialAXTreeParams{ObjectID: obj.Result.ObjectID, FetchRelatives: &relatives})
		if err != nil {
			return err
		}
		if len(ax.Nodes) == 0 {
			return fmt.Errorf("%s is not in the accessibility tree", sel)
		}
		n := ax.Nodes[0]
		if n.Role != nil {
			if err := json.Unmarshal([]byte(n.Role.Value), &role); err != nil {
				return err
			}
		}
		if n.Name != nil {
			return json.Unmarshal([]byte(n.Name.Value), &name)
		}
		return nil
	}))
	return role, name
}
