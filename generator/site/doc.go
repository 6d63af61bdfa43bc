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
package site
