// Package index is the edition as data: its kinds of entry, its registry and
// bibliography, its chapters with their paragraphs and notes, and every
// occurrence of every entry. It is pure: no I/O, no Markdown.
//
//	source (Edition, Entries, Sources) ─┐
//	markup (Chapters, Occurrences,      ├──Build──▶ *Index ──▶ render
//	        Citations)                 ─┘           (lookups, back-references,
//	                                                 validation diagnostics)
package index
