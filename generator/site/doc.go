// Package site runs the pipeline that turns a content folder and a
// templates folder into a site, collecting every diagnostic on the way. It
// is the only package that knows the order of the steps:
//
//	source.Load ─▶ index.CheckKeys ─▶ markup.NewLinks ─▶ markup (fragments, chapters, in parallel)
//	  ─▶ index.Build ─▶ render (pages + assets, in parallel) ─▶ publish.Replace
//	                ─▶ search, export (findAndReuse, alongside the pages) ─┘
//
// A build with errors stops before publishing, so the previous site stays.
// Publishing over a previous site keeps the previous version of each
// fingerprinted style sheet and script, for pages cached from it
// (carry.go).
// Every build checks the ordinary links and images of the content (those
// markup records as it converts each text, with their positions) against
// the files and ids of the site it makes, and reports a broken one at its
// place in the content (links.go). A build whose content has errors makes
// no pages, yet checks its links in the same run, against what it knows
// of the site it would make (checkUnbuilt): the files it would have, and
// the ids of the chapters whose files have no error; a link that only a
// build without errors can check (to an id of another page, or into a
// folder a left-out entry's page may move to) waits for one. A file of
// the content with errors, even one that could not be read, leaves the
// others to be converted and checked in the same build (only edition.yaml
// unread stops it before the texts; templates that do not load make no
// page, so the content is checked as in a build with errors, against
// their assets and ids, which render.Load reads all the same); what
// is an error only because a file is left out (a link to an entry whose
// file did not read, a citation when the bibliography did not, a link to
// an entry of a kind not declared) is not said, but counted in that file's
// error (leftout.go, unsourced.go). Check runs the same steps and, instead
// of publishing, also verifies that every link of the would-be site's HTML
// resolves (CheckLinks), the safety net for links that templates make. Write (edition build) hands
// each file to a publish.Writer as soon as it is made, instead of holding
// the site in memory to the end; a page goes in the pooled buffer it was
// rendered into, which is used again once the file is written (sink.go). A
// build with errors aborts the Writer.
//
// A Builder runs the pipeline again and again for a live preview, keeping
// between builds what did not change: the folders' files in memory, each
// file's parse (source.Memo), converted Markdown while the things it links
// to are the same, and every page that shows nothing that changed. The
// pages of chapters, entries and sources are kept while what they read
// besides their own chapter or occurrences is the same (subjectsKey) and
// no chapter converted in the build names them (dirtyClosure); the general
// index and the overview by a pre-key of the index data they show; any
// other page by a fingerprint of its view. The index is built afresh every
// time, so entry pages, indexes and back-references are always current:
//
//	changed files ─▶ snapshot (re-read what changed) ─▶ Memo.Load (re-parse it)
//	  ─▶ links, fragments, chapters (convert what changed) ─▶ index.Build
//	  ─▶ render.Pages ─▶ keep, pre-key or fingerprint each page ─▶ render what changed
//
// GeneratePages stops before the files no page shows (search index,
// exports, TEI, sitemap), which Finish makes, so that a preview can reload
// the browsers in between; a Builder keeps what those are made of (each
// chapter's TEI, each text's search terms, each registry entry's JSON) and
// makes them again from what changed, and while a newer build runs, Finish
// waits. Build, Generate, Write and Check are one-shot: a fresh Builder
// each time.
package site
