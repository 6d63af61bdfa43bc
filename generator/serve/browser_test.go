package serve_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The tests in this file drive Chromium against a live preview: the page
// reloads by itself after a save, the reader lands on the passage that
// changed or stays where they were, and a failed build shows its errors
// over the page until the fix.

// chromium finds the browser: $EDITION_CHROMIUM, or Debian's.
func chromium() string {
	if p := os.Getenv("EDITION_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser starts a headless Chromium with a fresh profile and returns a
// tab of the given size.
func browser(t *testing.T, width, height int) context.Context {
	t.Helper()
	exe := chromium()
	if exe == "" {
		t.Skip("no Chromium binary found: install Debian's chromium (apt-get install -y chromium) or set EDITION_CHROMIUM")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.WindowSize(width, height),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelTab(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	return ctx
}

// eval evaluates a JavaScript expression in the tab.
func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// waitFor polls a JavaScript condition until it holds. It tolerates the
// page going away in between (a reload).
func waitFor(t *testing.T, ctx context.Context, what, js string) {
	t.Helper()
	end := time.Now().Add(deadline)
	var last error
	for time.Now().Before(end) {
		cctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		var ok bool
		ok, last = chromedp.Run(cctx, chromedp.Evaluate[bool](js))
		cancel()
		if last == nil && ok {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%s: not within %v (%s; last error %v)", what, deadline, js, last)
}

// open loads a page and waits until its live-reload script listens.
func open(t *testing.T, ctx context.Context, s *session, page string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(s.srv.URL()+page)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the page loads", `document.readyState === "complete"`)
	// A marker that a reload wipes out.
	eval[bool](t, ctx, `window.stillTheSamePage = true`)
}

const reloaded = `window.stillTheSamePage === undefined && document.readyState === "complete"`

// After a save that changes the passage the reader is far from, the page
// reloads on that passage, marked.
func TestBrowserLandsOnTheChangedPassage(t *testing.T) {
	s := start(t, nil)
	ctx := browser(t, 800, 400)
	open(t, ctx, s, chapterPage)
	if y := eval[float64](t, ctx, `window.scrollY`); y != 0 {
		t.Fatalf("the page opens scrolled to %v", y)
	}
	id := eval[string](t, ctx, `[...document.querySelectorAll("main p[id]")].find(p => p.textContent.includes("fifty years")).id`)
	s.edit(chapterFile, "It stood for nearly fifty years", "It stood for almost fifty years")
	waitFor(t, ctx, "the page reloads", reloaded)
	waitFor(t, ctx, "the changed passage is in view", fmt.Sprintf(`(() => {
		const p = document.getElementById(%q), r = p.getBoundingClientRect();
		return p.textContent.includes("almost fifty") && r.top >= 0 && r.bottom <= innerHeight && scrollY > 0;
	})()`, id))
	// The outline lasts 2.5 s; on a loaded machine the check may come
	// later, when only the mark's time says it was there.
	if mark := eval[string](t, ctx, fmt.Sprintf(`(() => {
		const p = document.getElementById(%q), at = p.getAttribute("data-edition-marked");
		if (at === null) return "never marked";
		if (p.style.outlineStyle === "solid" || performance.now() - Number(at) >= 2500) return "";
		return "outline " + JSON.stringify(p.style.outlineStyle) + " " + Math.round(performance.now() - Number(at)) + " ms after the mark";
	})()`, id)); mark != "" {
		t.Errorf("the changed passage is not marked: %s", mark)
	}
}

// After a save that changes what every page looks like (the stylesheet),
// the page reloads and the reader stays at the passage they were reading.
func TestBrowserKeepsTheReadersPlace(t *testing.T) {
	s := start(t, nil)
	ctx := browser(t, 800, 400)
	open(t, ctx, s, chapterPage)
	id := eval[string](t, ctx, `(() => {
		const p = [...document.querySelectorAll("main p[id]")].find(p => p.textContent.includes("Henry Winstanley"));
		p.scrollIntoView({block: "start"});
		scrollBy(0, -37);
		return p.id;
	})()`)
	before := eval[float64](t, ctx, fmt.Sprintf(`document.getElementById(%q).getBoundingClientRect().top`, id))
	if before < 30 || before > 45 {
		t.Fatalf("could not scroll the passage to 37px from the top (%v)", before)
	}
	p := s.templates + "/assets/style.css"
	css, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, append(css, "\n/* touched */\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the page reloads", reloaded)
	waitFor(t, ctx, "the passage is back where it was", fmt.Sprintf(
		`Math.abs(document.getElementById(%q).getBoundingClientRect().top - %v) <= 2`, id, before))
}

// A broken save shows the errors over the page, which stays as it was;
// the fix clears them and reloads.
func TestBrowserShowsTheErrorUntilFixed(t *testing.T) {
	s := start(t, nil)
	ctx := browser(t, 1000, 700)
	open(t, ctx, s, chapterPage)
	s.edit(chapterFile, "Nine miles south-west", "Nine miles, said [Zebedee](person:nobody), south-west")
	line, col := lineCol(t, s.path(chapterFile), "[Zebedee]")
	const overlay = `document.querySelector("edition-live-errors")`
	waitFor(t, ctx, "the overlay shows", overlay+` !== null`)
	text := eval[string](t, ctx, overlay+`.shadowRoot.textContent`)
	for _, want := range []string{fmt.Sprintf("01-first-lights.md:%d:%d", line, col), `unknown entry "person:nobody"`, "could not be rebuilt"} {
		if !strings.Contains(text, want) {
			t.Errorf("the overlay does not say %q:\n%s", want, text)
		}
	}
	if role := eval[string](t, ctx, overlay+`.shadowRoot.querySelector(".box").getAttribute("role")`); role != "alert" {
		t.Errorf("the overlay's role is %q, want alert", role)
	}
	if !eval[bool](t, ctx, `window.stillTheSamePage === true && !document.body.textContent.includes("Zebedee")`) {
		t.Errorf("the page changed while the build was broken")
	}
	// The overlay can be dismissed from the keyboard.
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](overlay+`.shadowRoot.querySelector("button").focus()`),
		chromedp.KeyEvent("\r")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "Hide closes the overlay", overlay+` === null`)

	// A new failure shows again; the fix clears it and reloads.
	s.edit(chapterFile, "[Zebedee](person:nobody)", "[Zebedee](person:nobody2)")
	waitFor(t, ctx, "the overlay shows again", overlay+` !== null`)
	s.edit(chapterFile, ", said [Zebedee](person:nobody2),", " and more")
	waitFor(t, ctx, "the fix reloads the page", reloaded)
	waitFor(t, ctx, "the fixed text shows, without the overlay", overlay+` === null && document.body.textContent.includes("Nine miles and more")`)
}
