// Package browser holds the edition's tests in a real browser: it builds
// the edition in content/ with site.Build, serves it from a subpath of a
// localhost server (under Content-Security-Policy: default-src 'self') and
// opens it from file://, and drives Debian's Chromium with chromedp to read
// it as a reader would:
//
//	site.Build ─▶ t.TempDir() ─┬─ httptest server, /edition/… ─┐
//	                           └─ file://…                    ─┴─▶ Chromium (one browser, a tab per test)
//
// The tests check notes beside the text and in place, previews on hover,
// focus and touch, the way from a mention to its entry and back, the
// annotation and theme switches and their memory, citing a passage, the
// measure and the absence of overflow and layout shift (and of titles
// broken inside a word, with the text at 200%), the header as first drawn
// on a CPU slowed twentyfold (it must already have its size at rest, and
// nothing drawn may move) and the room it leaves for the text on a phone
// with the text at 200%, where the header's links stand for editions of
// other sizes (built into the test's own folder) at widths across the
// range, and that their row shows no part of a word at its edges, the
// strip's labels, the general index's bar of letters and the overview's
// heat map on a phone with the text at 200% (at the reader's size, in
// one row, with room for the cells), the
// keyboard's order
// through a chapter, what a screen reader hears for the general index's
// locators, the way from a folder's address (text/, sources/) to the page
// that lists its pages, with scripts and without, axe-core's verdict on
// every kind of page in both themes, and
// that no request leaves the page's origin. They wait for what they test
// (a condition, or a delay measured by the page's clock), not for time to
// pass, so that a loaded machine makes them slower, not wrong. They write screenshots of each kind of page at 390 and
// 1400 pixels, light and dark, to $EDITION_SCREENSHOTS (default: a new
// temporary folder, named in the log).
//
// The package has no code of its own: everything is in _test.go files. The
// tests skip, saying why, only when no Chromium binary is installed
// ($EDITION_CHROMIUM names one explicitly). axe-core comes from npm (a
// pinned version, checked against its registry integrity) and is cached in
// the user's cache folder; $EDITION_AXE may name an axe.min.js instead.
package browser
