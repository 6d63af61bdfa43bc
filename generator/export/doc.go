// Package export writes the edition in the formats that other tools read,
// so that scholars can reuse it with what they already have: the
// bibliography as CSL-JSON (Zotero, Pandoc), BibTeX and RIS, whole and per
// source; the registry and every occurrence as JSON; the annotated text as
// TEI P5 XML; and sitemap.xml and robots.txt for crawlers.
//
//	*index.Index ──CSLJSON, BibTeX, RIS──▶ bibliography.{json,bib,ris}, sources/<id>.{json,bib,ris}
//	             ──Registry──────────────▶ registry.json
//	             ──TEI───────────────────▶ edition.tei.xml
//	[]page paths ──Sitemap, Robots───────▶ sitemap.xml, robots.txt
//
// export does no I/O: every function returns bytes for the caller to write.
// The TEI of each chapter's text is written by markup when the chapter is
// converted (index.Chapter.TitleTEI, BodyTEI); TEI writes the header and
// puts the chapters together, filling in each chapter's id and the
// element of each entry mentioned. RegistryWith keeps, in a cache the
// caller holds from one build to the next, each entry's JSON, for a live
// preview that changes a little at a time.
package export
