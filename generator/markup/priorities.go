package markup

import (
	"edition/generator/markup/cite"
	"edition/generator/markup/highlight"
	"edition/generator/markup/mention"
	"edition/generator/markup/notes"
)

// Every priority in the goldmark pipeline, in one place. Lower runs first;
// for renderers, the lower number wins a node kind.
const (
	// Inline parsers. goldmark's: footnote reference 101, link 200.

	// CiteParser must see "[@key]" before the link parser turns it into
	// literal text for want of a link definition.
	CiteParser = cite.ParserPriority // 150

	// AST transformers. goldmark's footnote transformer (999) is not
	// registered: the notes Numberer does its work.

	// MentionTransformer runs before the notes Numberer drops notes never
	// referenced, so every note's words are matched; links are all parsed
	// by then.
	MentionTransformer = mention.TransformerPriority // 500
	// NotesChecker sees every definition before the unreferenced ones are
	// dropped, and reports them.
	NotesChecker = notes.CheckerPriority // 998
	// NotesNumberer drops the unreferenced notes and numbers the others by
	// first reference.
	NotesNumberer = notes.NumbererPriority // 1000

	// Node renderers. goldmark's HTML renderer is 1000.

	// ParagraphRenderer adds permalinks; it must win paragraphs from
	// goldmark's renderer.
	ParagraphRenderer = 100
	// HeadingRenderer lets a heading's aria-label through; it must win
	// headings from goldmark's renderer.
	HeadingRenderer = 100
	// HighlightRenderer wins fenced code blocks from goldmark's renderer.
	HighlightRenderer = highlight.RendererPriority // 200
	// NotesRenderer renders note references and bodies; goldmark's footnote
	// renderer is never registered.
	NotesRenderer = notes.RendererPriority // 400
)
