// Package render turns index data into pages with html/template. Templates
// are parsed once, from the templates folder: layout.html and partials
// (files starting with "_") make the base every page template is added to;
// each page template defines "content" (and may define "head").
//
//	*index.Index ──views (typed, one per page)──▶ templates ──▶ []File
//	             ──textMap──▶ strips (entry.html, source.html), overview.html
//	             ──previews──▶ assets/previews.js
//
// A folder of pages without an index page of its own (text/, sources/)
// gets one, folder.html, that leads on to the page listing the folder's
// pages (index.Layout.Forwards): by a refresh, with no script, and a link.
//
// Every link in a page is relative (a view's Root leads back to the site's
// root), so the site works under any subpath and from file://. Everything
// from content is escaped by html/template, except HTML that package markup
// rendered from Markdown, which is trusted because raw HTML is never passed
// through. The long lists of a page (occurrences in context, notes, citing
// notes, lists of entries, the general index's headings) and the few
// repeated parts of chapter and source pages (citation blocks, a chapter's
// table of contents, template functions in citeblock.go) are written by Go
// code into pooled buffers (markup, in escape.go), which escapes each value
// exactly as html/template would in the same place of the template (tests
// compare the two on hostile strings): executed once per value, a template's
// escaping costs a reflected call, which over the 80,000 occurrences of a
// large edition is most of the time taken. The lists of entry, source and
// chapter pages stay in their buffers, not copied out, until the page is
// rendered and Page.Release puts them back (markup.keep). The templates
// keep each page's skeleton and say where such a list comes from; what a
// page would compute with a template function on every page (a heading's
// fit class, the citation blocks) is a field of its view. The parts of the layout that
// are the same across a folder (the asset links, by the fingerprinted names
// of Fingerprinted, the navigation, the search
// box, the footer) are blocks of layout.html and _reuse.html executed once
// per folder (Chrome); the layout reads the page's own fields through .Base,
// where text/template finds them without searching embedded structs. What
// the views of one build share is made once for them (pageSet): the text
// map, which finds each chapter's paragraphs and notes by id in arrays
// laid side by side, each folder's links to the chapters, escaped once,
// each folder's root and navigation, and each entry's path and reference.
//
// The figures are drawn here, at build time, as SVG that needs no script
// and no style attribute (colours come from the stylesheet's classes, so
// they follow the theme): each entry's and source's strip of where it
// occurs (textMap lays the whole text on one line, each paragraph taking the
// same room, in bands: the sections, or the chapters or runs of chapters of
// a long text; the bands' labels are HTML in it, at the reader's size of
// text, cut or left out by the browser where a band is too narrow for
// them), and the bars of the overview's chart of the pairs of
// entries that share most paragraphs and notes (its words are the page's,
// at the reader's size of text), with a table of the same numbers. The
// overview's heat map of the first kind of entry by the same bands is a
// table, its cells shaded by class (HeatRow.Levels), so that its row
// headers can stay in view while it scrolls sideways; on a narrow screen
// its columns are headed by their numbers (HeatColumn.Short), named in a
// key and, for screen readers, in the headers. The preview cards that edition.js
// shows are written as a script (previews.js), not JSON, because browsers
// refuse fetch() from file://.
package render
