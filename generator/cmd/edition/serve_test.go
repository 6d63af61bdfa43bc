package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"edition/generator/site"
)

// "edition serve -h" explains every flag of the command.
func TestServeHelp(t *testing.T) {
	code, stdout, stderr := edition("serve", "-h")
	help := stdout + stderr
	if code != 0 || !strings.Contains(help, "Usage: edition serve") {
		t.Fatalf("edition serve -h: exit %d\n%s", code, help)
	}
	got := flagHelp(help)
	for _, f := range []string{"content", "templates", "out", "addr", "port"} {
		if len(strings.Fields(got[f])) < 3 {
			t.Errorf("edition serve -h does not explain -%s", f)
		}
	}
	if len(got) != 5 {
		t.Errorf("edition serve -h lists %d flags: %v", len(got), got)
	}
	if _, out, _ := edition("-h"); !strings.Contains(out, "edition serve") {
		t.Errorf("edition -h does not list serve")
	}
}

// An output folder that would replace the content or the templates is
// refused before anything starts.
func TestServeRefusesToWriteOverTheSources(t *testing.T) {
	workspace(t)
	for _, out := range []string{"content", ".", "templates"} {
		code, _, stderr := edition("serve", "-out", out, "-port", "0")
		if code != 2 || !strings.Contains(stderr, "choose another -out") {
			t.Errorf("edition serve -out %s: exit %d, %q", out, code, stderr)
		}
	}
}

// Listening on an address other machines can reach is allowed, with a
// warning; the URL printed is one this machine can open.
func TestServeWarnsWhenVisibleToTheNetwork(t *testing.T) {
	workspace(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // stop as soon as it serves
	var out, errb strings.Builder
	code := serveUntil(ctx, site.Options{Content: "content", Templates: "templates"}, "0.0.0.0", 0, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(errb.String(), "warning: listening on 0.0.0.0 makes the preview") {
		t.Errorf("no warning: %q", errb.String())
	}
	if !regexp.MustCompile(`serving content at http://127\.0\.0\.1:\d+/`).MatchString(out.String()) {
		t.Errorf("the URL printed: %q", out.String())
	}
	// On loopback: no warning, and -out "" writes nothing.
	errb.Reset()
	if code := serveUntil(ctx, site.Options{Content: "content", Templates: "templates"}, "127.0.0.1", 0, &out, &errb); code != 0 ||
		strings.Contains(errb.String(), "warning") {
		t.Errorf("on loopback: exit %d, %q", code, errb.String())
	}
	if _, err := os.Stat("public"); !os.IsNotExist(err) {
		t.Errorf("with no -out, a public folder was written (%v)", err)
	}
}

// Ctrl-C (SIGINT) and SIGTERM stop the preview cleanly: open event streams
// end, the command exits 0, and what it wrote is the site as built.
func TestServeStopsCleanlyOnSignal(t *testing.T) {
	bin := buildBinary(t)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := workspace(t)
			cmd := exec.Command(bin, "serve", "-port", "0")
			cmd.Dir = dir
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			lines := make(chan string, 16)
			go func() {
				sc := bufio.NewScanner(stdout)
				for sc.Scan() {
					lines <- sc.Text()
				}
				close(lines)
				exited <- cmd.Wait()
			}()
			t.Cleanup(func() { _ = cmd.Process.Kill() })

			var url string
			select {
			case line := <-lines:
				url = regexp.MustCompile(`http://\S+/`).FindString(line)
			case <-time.After(30 * time.Second):
				t.Fatalf("no URL printed; stderr:\n%s", stderr.String())
			}
			resp, err := http.Get(url)
			if err != nil || resp.StatusCode != 200 {
				t.Fatalf("GET %s: %v", url, err)
			}
			resp.Body.Close()
			events, err := http.Get(url + "_edition/events")
			if err != nil {
				t.Fatal(err)
			}
			ended := make(chan struct{})
			go func() { io.Copy(io.Discard, events.Body); close(ended) }()

			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			select {
			case err := <-exited:
				if err != nil {
					t.Fatalf("after %v: %v\n%s", sig, err, stderr.String())
				}
			case <-time.After(30 * time.Second):
				t.Fatalf("still running 30s after %v", sig)
			}
			select {
			case <-ended:
			case <-time.After(10 * time.Second):
				t.Error("the event stream did not end")
			}
			if line := <-lines; line != "edition: stopping" {
				t.Errorf("last line %q, want \"edition: stopping\"", line)
			}
			if b, err := os.ReadFile(filepath.Join(dir, "public", "index.html")); err != nil || strings.Contains(string(b), "_edition") {
				t.Errorf("public/index.html is not the page as built (%v)", err)
			}
		})
	}
}
