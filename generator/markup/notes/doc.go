// Package notes is a goldmark extension that renders footnotes as an
// edition needs them: in series (the author's notes numbered 1, 2, 3; the
// editor's lettered a, b, c and marked as the editor's; unnumbered notes
// marked with an asterisk), with stable ids and valid DPUB-ARIA roles, and
// with every mistake reported instead of silently dropped.
//
// It builds on goldmark's footnote parsers (the definition parser wrapped
// to keep the list of definitions it makes), and replaces goldmark's
// transformer and renderer (which writes the deprecated role doc-endnote):
//
//	[^1] ─goldmark─▶ FootnoteLink ─┐
//	                               ├─Checker (998): unreferenced, undefined, duplicate, empty;
//	[^1]: … ─goldmark─▶ Footnote ──┤   the references in the text, in the same walk
//	                               └─Numberer (1000): drops the unreferenced, orders by
//	                                   first reference, *Ref nodes, []*Note in the context
//
// A reference to no definition where a definition is never referenced
// under a label near it ("[^3]" and "[^3a]:"), or where the document has
// one of each, is one mistake: an *UnmatchedError at the reference, naming
// the definition. A reference not closed ("[^3") is not also reported at
// its definition as never referenced.
//
// After parsing, List returns the notes in reference order; the list is taken
// out of the document, so rendering the document renders the text alone and
// each note is rendered on its own (see RenderNote). Label prefixes choose
// the series: "ed-" for the editor's notes, "*" for unnumbered ones. A
// document parsed with Options takes its notes and references from slabs
// kept from document to document: Options.Release gives them back once the
// tree and the list are no longer used.
package notes
