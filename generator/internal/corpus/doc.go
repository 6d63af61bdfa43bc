// Package corpus writes synthetic editions for benchmarks and tests: an
// edition.yaml, a registry of concepts, actors and events, a CSL-YAML
// bibliography, a further page and any number of chapters, all in the
// content model of the README, and always the same for the same Config.
//
//	Config ──Generate──▶ map[path][]byte ──Write──▶ dir/edition.yaml, dir/text/0001-….md, …
//
// The text is invented filler: every entry is mentioned (by alias, and now
// and then by an explicit link), every source is cited from a note, each
// chapter has sections, a block quotation, the author's notes and the
// editor's notes. A build of a generated corpus has no errors and no
// warnings, so timings measure the work a real edition makes.
//
// Names are made of syllables that no English filler word contains, so
// aliases match only where the generator put them.
package corpus
