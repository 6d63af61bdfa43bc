// Package markup turns an edition's Markdown into HTML and index data. It
// builds the one goldmark instance of the program (CommonMark, GFM tables
// and strikethrough, and our extensions: mention, cite, notes, highlight),
// parses each document with its own context, walks the tree once to give
// paragraphs, sections, mentions and citations their ids and to collect
// occurrences, and then renders.
//
//	Doc ──Parse──▶ AST ──inspect──▶ index.Chapter, []Occurrence, []Citation
//	                  ├──Render──▶ BodyHTML, each note's HTML
//	                  ╰──writeTEI──▶ TitleTEI, BodyTEI (the chapter in TEI, for export)
//
// The walk that finds explicit links Markdown did not read as links also
// records every ordinary link and image left (Link, in Result.Links and
// from FragmentLinks), with its position, for the build to check against
// the site.
//
// Links (the registry's aliases and everything a link can point at) is built
// once per build and shared by all documents; it is read-only.
package markup
