// Package site runs the pipeline that turns a content folder and a
// templates folder into a site, collecting every diagnostic on the way. It
// is the only package that knows the order of the steps:
//
//	source.Load ─▶ index.CheckKeys ─▶ markup.NewLinks ─▶ markup (fragments, chapters, in parallel)
//	  ─▶ index.Build ─▶ render (pages + assets) ─▶ search, export (findAndReuse) ─▶ publish.Replace
//
// A build with errors stops before publishing, so the previous site stays.
// Check runs the same steps and, instead of publishing, verifies that every
// internal link of the would-be site resolves.
//
// A Builder runs the pipeline again and again for a live preview, keeping
// between builds what did not change: the folders' files in memory, each
// file's parse (source.Memo), converted Markdown while the things it links
// to are the same, and every page whose view, template and path are the
// same (a fingerprint of the view decides; for the general index, a
// pre-key of the index data it shows). The index is built afresh every
// time, so entry pages, indexes and back-references are always current:
//
//	changed files ─▶ snapshot (re-read what changed) ─▶ Memo.Load (re-parse it)
//	  ─▶ links, fragments, chapters (convert what changed) ─▶ index.Build
//	  ─▶ render.Pages ─▶ fingerprint each view ─▶ render what changed
//
// GeneratePages stops before the files no page shows (search index,
// exports, TEI, sitemap), which Finish makes, so that a preview can reload
// the browsers in between. Build, Generate and Check are one-shot: a fresh
// Builder each time.
package site
