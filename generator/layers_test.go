// Package generator_test keeps the import direction of the generator's
// packages true (see the table in README.md): the pipeline flows down
// cmd → site → source, markup, index, render, publish, and nothing
// imports back up.
package generator_test

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const module = "edition/generator/"

// pkg is what `go list -json` says of a package.
type pkg struct {
	ImportPath string
	Imports    []string // direct
	Deps       []string // transitive
}

// packages lists the generator's packages with their imports, by short
// name ("index", "markup/cite", "cmd/edition").
func packages(t *testing.T) map[string]pkg {
	t.Helper()
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to list the packages: %v", err)
	}
	out, err := exec.Command(goCmd, "list", "-json", "./...").Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("go list: %v\n%s", err, ee.Stderr)
		}
		t.Fatalf("go list: %v", err)
	}
	pkgs := map[string]pkg{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var p pkg
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		if name, ok := strings.CutPrefix(p.ImportPath, module); ok {
			pkgs[name] = p
		}
	}
	for _, want := range []string{"cmd/edition", "site", "source", "markup", "markup/cite", "markup/mention",
		"markup/notes", "markup/highlight", "index", "bib", "render", "publish", "diag"} {
		if _, ok := pkgs[want]; !ok {
			t.Errorf("go list does not list %s%s; update this test if it moved", module, want)
		}
	}
	return pkgs
}

// standard reports whether path is in Go's standard library: its first
// element has no dot, and it is not this module.
func standard(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".") && !strings.HasPrefix(path, module)
}

func TestImportDirection(t *testing.T) {
	pkgs := packages(t)
	for name, p := range pkgs {
		// Nothing imports cmd or site, except cmd.
		if !strings.HasPrefix(name, "cmd/") {
			for _, d := range p.Deps {
				if d == module+"site" || strings.HasPrefix(d, module+"cmd/") {
					t.Errorf("%s imports %s: only cmd may import site, and nothing imports cmd", name, d)
				}
			}
		}
		// The markup extensions import only goldmark, chroma (with its
		// regular expressions, regexp2), the standard library and what they
		// share in markup/internal, which is held to the same rule, and
		// the module's internal packages that need nothing but the
		// standard library (edit, words).
		if ext, ok := strings.CutPrefix(name, "markup/"); ok && ext != "" {
			for _, imp := range p.Imports {
				if !standard(imp) && !strings.HasPrefix(imp, "github.com/yuin/goldmark") &&
					!strings.HasPrefix(imp, "github.com/alecthomas/chroma/v2") && imp != "github.com/dlclark/regexp2/v2" &&
					!strings.HasPrefix(imp, module+"markup/internal/") && !standardOnly(pkgs, imp) {
					t.Errorf("%s imports %s: a goldmark extension imports only goldmark, chroma, the standard library, markup/internal and the module's internal packages built on the standard library alone", name, imp)
				}
			}
		}
	}

	// index is pure data: no goldmark, no I/O — neither in it nor in the
	// packages of this module it builds on.
	index := pkgs["index"]
	for _, d := range index.Deps {
		if strings.HasPrefix(d, "github.com/yuin/goldmark") {
			t.Errorf("index depends on %s; it must not know Markdown", d)
		}
	}
	for _, name := range append([]string{"index"}, inModule(index.Deps)...) {
		for _, imp := range pkgs[name].Imports {
			if slices.Contains(ioPackages, imp) {
				t.Errorf("%s imports %s; index and what it builds on do no I/O", name, imp)
			}
		}
	}

	// render never imports goldmark, directly or not.
	for _, d := range pkgs["render"].Deps {
		if strings.HasPrefix(d, "github.com/yuin/goldmark") {
			t.Errorf("render depends on %s; it renders index data, not Markdown", d)
		}
	}
}

// standardOnly reports whether path is one of the module's internal
// packages that depends on nothing but the standard library.
func standardOnly(pkgs map[string]pkg, path string) bool {
	name, ok := strings.CutPrefix(path, module+"internal/")
	if !ok {
		return false
	}
	for _, d := range pkgs["internal/"+name].Deps {
		if !standard(d) {
			return false
		}
	}
	return true
}

// ioPackages are the standard packages that reach files, the network or
// other processes.
var ioPackages = []string{"os", "os/exec", "io/fs", "io/ioutil", "path/filepath", "net", "net/http", "syscall", "embed"}

// inModule returns the short names of the module's packages among deps.
func inModule(deps []string) []string {
	var out []string
	for _, d := range deps {
		if name, ok := strings.CutPrefix(d, module); ok {
			out = append(out, name)
		}
	}
	return out
}
