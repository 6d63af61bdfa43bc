// Package bib holds bibliography records in the Citation Style Language's data
// model (CSL-JSON / CSL-YAML, the format of Zotero and Pandoc) and formats
// them: a Chicago notes-bibliography entry for the bibliography page and an
// author-date label for citation links.
//
//	bibliography.yaml ──source──▶ []Record ──Chicago, Label──▶ render
//
// bib does no I/O and knows nothing of Markdown.
package bib
