package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"edition/generator/diag"
	"edition/generator/internal/words"
	"edition/generator/render"
	"edition/generator/serve"
	"edition/generator/site"
	"edition/generator/watch"
)

func serveCmd(args []string, stdout, stderr io.Writer) int {
	fs, o := commonFlags("serve", stderr)
	fs.StringVar(&o.Output, "out", "public", "the output `folder`, replaced after each good build as by edition build; -out \"\" keeps the site in memory only")
	addr := fs.String("addr", "127.0.0.1", "the `host` to listen on; any but a loopback address makes the preview visible to the network")
	port := fs.Int("port", 8080, "the `port` to listen on; 0 picks a free one")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: edition serve [flags]\n\nServe the edition on this machine for editors: build it, watch the content and\ntemplates folders, rebuild on every save and reload the pages open in the browser,\nat the passage that changed. A build with errors keeps the last good site and shows\nthe errors over the page. Ctrl-C stops.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if msg := outputClash(*o); msg != "" {
		fmt.Fprintf(stderr, "edition serve: %s\n", msg)
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serveUntil(ctx, *o, *addr, *port, stdout, stderr)
}

// outputClash says what is wrong when the output folder would replace the
// content or the templates.
func outputClash(o site.Options) string {
	if o.Output == "" {
		return ""
	}
	out, _ := filepath.Abs(o.Output)
	for _, d := range []struct{ path, flag string }{{o.Content, "-content"}, {o.Templates, "-templates"}} {
		p, _ := filepath.Abs(d.path)
		if rel, err := filepath.Rel(out, p); err == nil && filepath.IsLocal(rel) {
			return fmt.Sprintf("the output folder %s holds the %s folder %s, which a build would replace; choose another -out", o.Output, d.flag, d.path)
		}
	}
	return ""
}

// serveUntil runs the live preview until ctx is done.
func serveUntil(ctx context.Context, o site.Options, addr string, port int, stdout, stderr io.Writer) int {
	if !serve.Loopback(addr) {
		fmt.Fprintf(stderr, "edition serve: warning: listening on %s makes the preview, drafts and errors included, visible to the network\n", addr)
	}
	b := site.NewBuilder(o)
	opts := serve.Options{
		Build: func(changed []string) serve.Build {
			res := b.GeneratePages(changed...)
			w := b.Work()
			return serve.Build{Files: res.Files, Diags: res.Diags,
				Note: fmt.Sprintf("%s converted, %d of %d pages rendered", words.Count(w.Converted, "chapter", "chapters"), w.Rendered, w.Rendered+w.Reused),
				Rest: func() ([]render.File, diag.List) {
					n := len(res.Files)
					b.Finish(res)
					return res.Files[n:], res.Diags
				}}
		},
		Watch:        []string{o.Content, o.Templates},
		WatchOptions: watch.Options{Ignore: outputFolder(o.Output)},
		Addr:         addr,
		Port:         port,
		Log:          stderr,
	}
	if o.Output != "" {
		opts.Publish = func(bl serve.Build) error { return b.Publish(&site.Result{Files: bl.Files}) }
	}
	s, err := serve.Start(opts)
	if err != nil {
		fmt.Fprintf(stderr, "edition serve: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "edition: serving %s at %s (Ctrl-C to stop)\n", o.Content, s.URL())
	<-ctx.Done()
	fmt.Fprintln(stdout, "edition: stopping")
	if err := s.Close(); err != nil {
		fmt.Fprintf(stderr, "edition serve: %v\n", err)
		return 1
	}
	return 0
}

// outputFolder returns a test for paths in the output folder and its
// staging copies, in case it lies inside a watched folder.
func outputFolder(out string) func(string) bool {
	if out == "" {
		return nil
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return nil
	}
	parent, base := filepath.Dir(abs), filepath.Base(abs)
	return func(p string) bool {
		ap, err := filepath.Abs(p)
		if err != nil {
			return false
		}
		rel, err := filepath.Rel(parent, ap)
		if err != nil || !filepath.IsLocal(rel) {
			return false
		}
		first, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
		return first == base || strings.HasPrefix(first, base+".staging-") || strings.HasPrefix(first, base+".old-")
	}
}
