package site

import (
	"fmt"
	"strings"
	"time"

	"edition/generator/bib"
	"edition/generator/diag"
	"edition/generator/index"
	"edition/generator/internal/words"
	"edition/generator/markup"
	"edition/generator/publish"
	"edition/generator/render"
	"edition/generator/search"
)

// Options says where a build reads and writes.
type Options struct {
	Content   string // the content folder
	Templates string // the templates folder
	Output    string // the output folder; Build replaces it whole
}

// Result is what a build produced and found.
type Result struct {
	Diags    diag.List
	Index    *index.Index // nil when the content could not be indexed
	Files    []render.File
	Search   *search.Index // nil when the site was not generated
	Stats    publish.Stats
	Duration time.Duration

	unfinished bool           // by Builder.GeneratePages: Finish is still to run
	pending    *pendingFinish // what Finish adds, when it is being made already
	links      []linkTarget   // content links to files not made yet, for Finish to check
}

// OK reports whether the build had no errors.
func (r *Result) OK() bool { return !r.Diags.HasErrors() }

// md is the program's one Markdown processor.
var md = markup.New()

// Build makes the site and, if there were no errors, publishes it to
// opts.Output. The error is for failures to write; problems in the input are
// in Result.Diags.
func Build(opts Options) (*Result, error) { return newBuilder(opts).Build() }

// Write is Build for a caller that does not need the files once they are
// written, such as edition build: each file goes to the output's staging
// folder as soon as it is made, so that the site is never held in memory
// whole and writing overlaps making. Result.Files (and Result.Search's
// files) then have their paths but no bytes. As with Build, a build with
// errors leaves the output folder as it was.
func Write(opts Options) (*Result, error) {
	b := newBuilder(opts)
	b.stream = true
	return b.Build()
}

// Generate runs the pipeline without writing anything.
func Generate(opts Options) *Result { return newBuilder(opts).Generate() }

func recordsOf(sources []*index.Source) []*bib.Record {
	out := make([]*bib.Record, len(sources))
	for i, s := range sources {
		out[i] = s.Record
	}
	return out
}

// Check generates the site without writing it and verifies it: every
// internal link and anchor must resolve. The content's own links are
// checked by Generate, at their places in the content; CheckLinks then
// checks those the templates make.
func Check(opts Options) *Result {
	res := Generate(opts)
	if res.OK() {
		res.Diags.Append(CheckLinks(res.Files))
		res.Diags.Sort()
	}
	return res
}

// Summarize returns the one-line account of a build.
func Summarize(r *Result) string {
	var b strings.Builder
	if r.Index != nil {
		occ := 0
		for _, e := range r.Index.Entries {
			occ += len(r.Index.Occurrences(e.Ref()))
		}
		fmt.Fprintf(&b, "%s, %s, %s, %s linked; ", words.Count(len(r.Index.Chapters), "chapter", "chapters"),
			words.Count(len(r.Index.Entries), "entry", "entries"), words.Count(len(r.Index.Sources), "source", "sources"), words.Count(occ, "mention", "mentions"))
	}
	fmt.Fprintf(&b, "%s (%d written, %d unchanged, %.1f MB) in %s",
		words.Count(r.Stats.Files, "file", "files"), r.Stats.Written, r.Stats.Unchanged, float64(r.Stats.Bytes)/1e6, r.Duration.Round(time.Millisecond))
	if r.Search != nil {
		fmt.Fprintf(&b, "; %s", r.Search)
	}
	if w := r.Diags.Count(diag.Warning); w > 0 {
		fmt.Fprintf(&b, "; %s", words.Count(w, "warning", "warnings"))
	}
	return b.String()
}
