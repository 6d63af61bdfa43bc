// Package render turns index data into pages with html/template. Templates
// are parsed once, from the templates folder: layout.html and partials
// (files starting with "_") make the base every page template is added to;
// each page template defines "content" (and may define "head").
//
//	*index.Index ──views (typed, one per page)──▶ templates ──▶ []File
//
// Every link in a page is relative (a view's Root leads back to the site's
// root), so the site works under any subpath and from file://. Everything
// from content is escaped by html/template, except HTML that package markup
// rendered from Markdown, which is trusted because raw HTML is never passed
// through.
package render
