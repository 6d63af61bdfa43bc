package search_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The tests in this file use the search as a reader does, in Chromium, on
// the built edition opened from disk (file://, where browsers refuse
// fetch(): the index must load as scripts).

func browser(t *testing.T) context.Context {
	t.Helper()
	bin := "/usr/bin/chromium"
	if _, err := os.Stat(bin); err != nil {
		p, err := exec.LookPath("chromium")
		if err != nil {
			t.Skip("no Chromium binary: install Debian's chromium to run the browser tests")
		}
		bin = p
	}
	// A fresh profile, removed after Chromium has quit (t.TempDir would
	// complain of files Chromium writes while it shuts down).
	profile, err := os.MkdirTemp("", "edition-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.UserDataDir(profile), chromedp.WindowSize(1400, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA(); os.RemoveAll(profile) })
	return ctx
}

func fileURL(dir, page string) string {
	return "file://" + filepath.ToSlash(filepath.Join(dir, page))
}

// TestSearchBoxByKeyboard: on a chapter opened from disk, "/" focuses the
// search box, typing an alias offers the entry first in a listbox, and the
// arrow keys and Enter go to it.
func TestSearchBoxByKeyboard(t *testing.T) {
	ctx := browser(t)
	_, dir := edition(t)
	var focused, expanded, first, location string
	err := chromedp.Run(ctx,
		chromedp.Navigate(fileURL(dir, "text/overview.html")),
		chromedp.WaitReady("#site-search-q", chromedp.ByQuery),
		// A "/" typed where no field has the focus. (Sent as keydown only:
		// through the DevTools protocol the character would reach the
		// field anyway, where a real keyboard's would be cancelled.)
		chromedp.Evaluate(`document.body.dispatchEvent(new KeyboardEvent("keydown", {key: "/", bubbles: true, cancelable: true})); document.activeElement.id`, &focused),
	)
	if err != nil {
		t.Fatal(err)
	}
	if focused != "site-search-q" {
		t.Fatalf("/ focused %q, not the search box", focused)
	}
	err = chromedp.Run(ctx,
		chromedp.KeyEvent("R2P"),
		chromedp.WaitVisible("#site-search-opt-0", chromedp.ByQuery),
		chromedp.AttributeValue("#site-search-q", "aria-expanded", &expanded, nil),
		chromedp.Text("#site-search-opt-0", &first, chromedp.ByQuery),
	)
	if err != nil {
		t.Fatal(err)
	}
	if expanded != "true" || !strings.Contains(first, "Responsibility to protect") {
		t.Fatalf("typing R2P: aria-expanded %q, first option %q", expanded, first)
	}
	var active, selected string
	err = chromedp.Run(ctx,
		chromedp.KeyEvent(kb.ArrowDown),
		chromedp.AttributeValue("#site-search-q", "aria-activedescendant", &active, nil),
		chromedp.AttributeValue("#site-search-opt-0", "aria-selected", &selected, nil),
		chromedp.KeyEvent(kb.Enter),
		chromedp.WaitReady("#entry-title", chromedp.ByQuery),
		chromedp.Location(&location),
	)
	if err != nil {
		t.Fatal(err)
	}
	if active != "site-search-opt-0" || selected != "true" {
		t.Errorf("ArrowDown: aria-activedescendant %q, aria-selected %q", active, selected)
	}
	if !strings.HasSuffix(location, "concepts/responsibility-to-protect.html") {
		t.Errorf("Enter went to %s", location)
	}
}

// TestSearchPage: search.html?q=Annan lists the actor first and then the
// passages, each linking to its paragraph or note with the words marked;
// the filters narrow the list to a kind.
func TestSearchPage(t *testing.T) {
	ctx := browser(t)
	_, dir := edition(t)
	var n int
	var firstTitle, firstHref, marks string
	err := chromedp.Run(ctx,
		chromedp.Navigate(fileURL(dir, "search.html")+"?q=Annan"),
		chromedp.WaitVisible(".search-result", chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll(".search-result").length`, &n),
		chromedp.Text(".search-result .result-head a", &firstTitle, chromedp.ByQuery),
		chromedp.AttributeValue(".search-result .result-head a", "href", &firstHref, nil, chromedp.ByQuery),
		chromedp.Evaluate(`Array.from(document.querySelectorAll(".search-result.text mark")).map(m => m.textContent).join("|")`, &marks),
	)
	if err != nil {
		t.Fatal(err)
	}
	if firstTitle != "Kofi Annan" || firstHref != "actors/kofi-annan.html" {
		t.Errorf("first result %q → %q", firstTitle, firstHref)
	}
	if n < 10 || !strings.Contains(marks, "Annan") {
		t.Errorf("%d results, marked %q", n, marks)
	}
	var kinds []string
	err = chromedp.Run(ctx,
		chromedp.Evaluate(`document.querySelectorAll("#search-filters input").forEach(b => { if (b.value !== "notes") b.click(); }); true`, nil),
		chromedp.Sleep(300*time.Millisecond),
		chromedp.Evaluate(`Array.from(document.querySelectorAll(".search-result")).map(r => r.className)`, &kinds),
	)
	if err != nil {
		t.Fatal(err)
	}
	if len(kinds) == 0 {
		t.Fatal("no notes name Annan, after filtering")
	}
	for _, k := range kinds {
		if !strings.Contains(k, "notes") {
			t.Errorf("a result of class %q among the notes", k)
		}
	}
}
