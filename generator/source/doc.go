// Package source reads an edition's content folder into index data. It does
// the part of parsing that comes before Markdown: it checks that files are
// UTF-8, splits YAML front matter from the body (remembering on which line
// the body starts, so that later diagnostics point into the file), and
// decodes edition.yaml, the registry and the bibliography strictly, naming
// the file, line and column of every mistake.
//
//	content/ (an fs.FS)
//	  edition.yaml          ──▶ index.Edition
//	  text/*.md             ──▶ []Chapter   (front matter + Markdown body)
//	  registry/<kind>/*.md  ──▶ []*index.Entry
//	  bibliography.yaml     ──▶ []*index.Source
//	  pages/*.md            ──▶ []Page
//
// Markdown bodies are left unparsed: that is package markup's job.
package source
