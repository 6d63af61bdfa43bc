// Package search builds the edition's static search index at build time,
// from the parsed text and the registry, as small files that the reader's
// browser loads on demand (templates/assets/search.js is the client).
//
//	*index.Index ──documents──▶ entries, sources, paragraphs, notes
//	             ──Tokens─────▶ terms with weights (names and aliases count more)
//	             ──shards─────▶ search/index.js             the manifest: kinds, shard ranges
//	                            search/t/<hash>.js          postings, one range of the sorted vocabulary each
//	                            search/d/<n>.js             documents: title, context, link, text; for entries
//	                                                        and sources also aliases and occurrences (in an edition
//	                                                        of more than MaxDocFiles documents, a run of them: the
//	                                                        manifest's "per" documents a file)
//
// The files are small: a shard maps each term to a string of base-32
// digits (encode.go: appendPostings), the steps between the documents
// that hold it and their weights where not 1; a document file keeps each
// context and page once (a chapter's paragraphs share them) and a
// document is an array, its kind known from its number; an entry's
// occurrences are a string of digits too, with the words that name it
// once each.
//
// Every file is JavaScript that hands its data to EditionSearch.register
// when it is added as a <script src>, so the index loads over http and from
// file:// alike (browsers refuse fetch() of local files) under a
// Content-Security-Policy of default-src 'self'. A query loads the manifest,
// the shards whose range holds its words (or, to forgive a typo, the shards
// of its first letter) and the documents it shows.
//
// Tokens here and tokens() in search.js must agree exactly; the tests
// compare them on the whole text.
package search
