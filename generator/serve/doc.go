// Package serve is the live preview of an edition: an HTTP server for the
// site, which it rebuilds whenever a watched file changes and reloads in
// the browsers that show it.
//
//	watch.Batch ──Build (the pipeline, given by the caller)──▶ Build{Files, Diags, Rest}
//	   good: swap the pages in ─▶ SSE "reload" (pages changed, first changed passage of each)
//	         ─▶ in the background: Rest (search index, exports) ─▶ swap in ─▶ Publish (optional)
//	   bad:  keep the last good site ─▶ SSE "failed" (file:line:col, message) ─▶ overlay
//
// The package does not know the pipeline: the caller (cmd/edition) hands it
// a Build function. Builds run one at a time; changes that come in during a
// build are folded into the next one (see package watch). A build's rest
// is made while the next build may already run, and dropped if a newer
// build was served first; rests are made one at a time, and one still
// waiting when a newer build is done is not made at all.
//
// The site is served from memory, never from the disk, so no request can
// reach a file outside it, whatever its path (.., %2e%2e, symbolic links).
// Folders serve their index.html; unknown paths get the site's own 404.html
// with status 404; every response says Cache-Control: no-store. On a
// loopback address the server answers only requests addressed to a
// loopback name, which keeps other web sites from reading it through DNS
// rebinding.
//
// Into HTML responses, and only into them, the server injects one script
// element for /_edition/live.js. The files built are untouched: what the
// server holds and what the caller publishes are the pipeline's bytes. The
// script listens on /_edition/events (Server-Sent Events), reloads the page
// when it changed, and puts the reader back where they were, or on the
// passage that changed; when a build fails it shows the errors over the page
// until a build succeeds.
package serve
