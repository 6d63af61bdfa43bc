// Command edition builds an annotated online edition from Markdown.
//
//	edition build   build content/ + templates/ into public/
//	edition check   check everything a build checks, write nothing
//	edition serve   live preview: serve the site, rebuild and reload on every save
//
// Exit codes: 0 success, 1 errors in the content or templates (or a
// failure to write), 2 wrong usage.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"text/tabwriter"

	"edition/generator/diag"
	"edition/generator/internal/words"
	"edition/generator/site"
)

const usage = `edition turns a scholarly text in Markdown into an annotated online edition.

Usage:
  edition build [flags]   build the site into the output folder
  edition check [flags]   check the content and the would-be site; write nothing
  edition serve [flags]   serve the site on this machine, rebuild it on every save
                          and reload the pages open in the browser

Run "edition <command> -h" for the flags of a command.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is main without the process: it returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch cmd := args[0]; cmd {
	case "build":
		return build(args[1:], stdout, stderr)
	case "check":
		return check(args[1:], stdout, stderr)
	case "serve":
		return serveCmd(args[1:], stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		hint := diag.DidYouMean(cmd, []string{"build", "check", "serve"}, "")
		if hint != "" {
			hint = " (" + hint + ")"
		}
		fmt.Fprintf(stderr, "edition: unknown command %q%s\n\n%s", cmd, hint, usage)
		return 2
	}
}

// commonFlags are the folders every command reads.
func commonFlags(name string, stderr io.Writer) (*flag.FlagSet, *site.Options) {
	fs := flag.NewFlagSet("edition "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	o := &site.Options{}
	fs.StringVar(&o.Content, "content", "content", "the content `folder`: edition.yaml, text/, registry/, bibliography")
	fs.StringVar(&o.Templates, "templates", "templates", "the templates `folder`: layout.html, page templates, assets/")
	return fs, o
}

func parse(fs *flag.FlagSet, args []string) (int, bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, false
		}
		// The flag package has said what is wrong and printed the flags;
		// a mistyped flag's name gets a hint after them.
		if name, ok := strings.CutPrefix(err.Error(), "flag provided but not defined: -"); ok {
			var names []string
			fs.VisitAll(func(f *flag.Flag) { names = append(names, "-"+f.Name) })
			if hint := diag.DidYouMean("-"+strings.TrimPrefix(name, "-"), names, ""); hint != "" {
				fmt.Fprintf(fs.Output(), "\n%s: %s\n", fs.Name(), hint)
			}
		}
		return 2, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "%s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		fs.Usage()
		return 2, false
	}
	return 0, true
}

func build(args []string, stdout, stderr io.Writer) int {
	fs, o := commonFlags("build", stderr)
	fs.StringVar(&o.Output, "out", "public", "the output `folder`; replaced whole by a successful build")
	verbose := fs.Bool("v", false, "list every entry with the number of mentions linked")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: edition build [flags]\n\nBuild the edition into the output folder. A build with errors writes nothing,\nso the previous site stays as it was.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if code, ok := parse(fs, args); !ok {
		return code
	}
	defer tuneGC()()
	res, err := site.Write(*o)
	report(stderr, res.Diags)
	if err != nil {
		fmt.Fprintf(stderr, "edition: %v\n", err)
		return 1
	}
	if !res.OK() {
		kept := o.Output + " was not changed"
		if _, err := os.Stat(o.Output); errors.Is(err, os.ErrNotExist) {
			kept = "nothing was written"
		}
		fmt.Fprintf(stderr, "edition: %s; %s\n", words.Count(res.Diags.Count(diag.Error), "error", "errors"), kept)
		return 1
	}
	if *verbose {
		mentionTable(stdout, res)
	}
	fmt.Fprintf(stdout, "edition: built %s: %s\n", o.Output, site.Summarize(res))
	return 0
}

// tuneGC lets a one-shot build's heap grow to three times what is live
// (GOGC=200) before collecting, but no further than buildMemoryLimit: a
// build allocates about 800 MB at 1,000 chapters, most of it short-lived,
// and at the default (GOGC=100) garbage collection took a tenth of its
// CPU time. It leaves the GOGC and GOMEMLIMIT the user set alone, and
// returns a function that puts the settings back (for the tests, which
// call run in their own process).
func tuneGC() (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	gc := debug.SetGCPercent(200)
	limit := debug.SetMemoryLimit(buildMemoryLimit)
	return func() {
		debug.SetGCPercent(gc)
		debug.SetMemoryLimit(limit)
	}
}

// buildMemoryLimit is the heap size past which a build collects garbage
// as often as it must to stay below it (see tuneGC); with it the 1,000
// chapter build peaks under 1 GiB.
const buildMemoryLimit = 768 << 20

func check(args []string, stdout, stderr io.Writer) int {
	fs, o := commonFlags("check", stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: edition check [flags]\n\nCheck the content, the templates and every internal link of the would-be site.\nNothing is written. Exit status 1 on any error.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if code, ok := parse(fs, args); !ok {
		return code
	}
	res := site.Check(*o)
	report(stderr, res.Diags)
	if !res.OK() {
		fmt.Fprintf(stderr, "edition: %s\n", words.Count(res.Diags.Count(diag.Error), "error", "errors"))
		return 1
	}
	fmt.Fprintf(stdout, "edition: check passed (%s, %s)\n", words.Count(len(res.Files), "file", "files"),
		words.Count(res.Diags.Count(diag.Warning), "warning", "warnings"))
	return 0
}

func report(w io.Writer, diags diag.List) {
	for _, d := range diags {
		fmt.Fprintln(w, d)
	}
}

// mentionTable prints, per entry, how many mentions the build linked.
func mentionTable(w io.Writer, res *site.Result) {
	x := res.Index
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "mentions\tentry\t")
	var rows []string
	for _, e := range x.Entries {
		rows = append(rows, fmt.Sprintf("%d\t%s\t", len(x.Occurrences(e.Ref())), e.Ref()))
	}
	for _, s := range x.Sources {
		rows = append(rows, fmt.Sprintf("%d\t%s (+%d citations)\t", len(x.Occurrences(s.Ref())), s.Ref(), len(x.Citations(s.ID))))
	}
	slices.Sort(rows)
	fmt.Fprintln(tw, strings.Join(rows, "\n"))
	tw.Flush()
}
