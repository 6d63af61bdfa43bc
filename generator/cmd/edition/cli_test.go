package main

import (
	"os"
	"strings"
	"testing"
)

// "edition -h" explains the commands, on standard output.
func TestHelp(t *testing.T) {
	for _, arg := range []string{"-h", "--help", "help"} {
		code, stdout, stderr := edition(arg)
		if code != 0 {
			t.Errorf("edition %s: exit code %d, want 0", arg, code)
		}
		for _, want := range []string{"edition build", "edition check"} {
			if !strings.Contains(stdout, want) {
				t.Errorf("edition %s does not mention %q:\n%s%s", arg, want, stdout, stderr)
			}
		}
	}
}

// "edition <command> -h" explains each of the command's flags, and only
// those, and exits 0.
func TestCommandHelp(t *testing.T) {
	for cmd, flags := range map[string][]string{
		"build": {"content", "templates", "out", "v"},
		"check": {"content", "templates"},
	} {
		code, stdout, stderr := edition(cmd, "-h")
		if code != 0 {
			t.Errorf("edition %s -h: exit code %d, want 0", cmd, code)
		}
		help := stdout + stderr
		got := flagHelp(help)
		for _, f := range flags {
			if words := len(strings.Fields(got[f])); words < 3 {
				t.Errorf("edition %s -h does not explain -%s (%q):\n%s", cmd, f, got[f], help)
			}
		}
		for f := range got {
			if !strings.Contains(" "+strings.Join(flags, " ")+" ", " "+f+" ") {
				t.Errorf("edition %s -h lists -%s, which the command should not have", cmd, f)
			}
		}
		if !strings.Contains(help, "Usage: edition "+cmd) {
			t.Errorf("edition %s -h has no usage line:\n%s", cmd, help)
		}
	}
}

// flagHelp reads the flag package's help: "  -name arg" then a tab-indented
// explanation (on the same line for a boolean flag).
func flagHelp(help string) map[string]string {
	out := map[string]string{}
	name := ""
	for line := range strings.Lines(help) {
		line = strings.TrimRight(line, "\n")
		switch {
		case strings.HasPrefix(line, "  -"):
			f := strings.Fields(line[3:])
			name = f[0]
			out[name] = ""
			if _, expl, ok := strings.Cut(line, "\t"); ok {
				out[name] = expl
			}
		case strings.HasPrefix(line, "    \t") && name != "":
			out[name] += strings.TrimSpace(line)
		default:
			name = ""
		}
	}
	return out
}

// Wrong usage exits 2, says what is wrong, and touches nothing.
func TestUsageErrors(t *testing.T) {
	dir := workspace(t)
	before := snapshot(t, dir)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "Usage:"},
		{[]string{"publish"}, `unknown command "publish"`},
		{[]string{"buidl"}, `unknown command "buidl" (did you mean “build”?)`},
		{[]string{"build", "-contnet", "content"}, "edition build: did you mean “-content”?"},
		{[]string{"serve", "--templtes=t"}, "edition serve: did you mean “-templates”?"},
		{[]string{"build", "-bogus"}, "flag provided but not defined: -bogus"},
		{[]string{"check", "-out", "site"}, "flag provided but not defined: -out"},
		{[]string{"build", "public"}, `unexpected argument "public"`},
		{[]string{"check", "-content", "content", "extra"}, `unexpected argument "extra"`},
	} {
		code, stdout, stderr := edition(tc.args...)
		if code != 2 {
			t.Errorf("edition %v: exit code %d, want 2", tc.args, code)
		}
		if !strings.Contains(stderr, tc.want) {
			t.Errorf("edition %v does not say %q:\n%s", tc.args, tc.want, stderr)
		}
		if stdout != "" {
			t.Errorf("edition %v wrote to standard output: %q", tc.args, stdout)
		}
	}
	if diff := sameFiles(before, snapshot(t, dir)); diff != "" {
		t.Errorf("wrong usage changed the folder: %s", diff)
	}
}

// check writes nothing, passes on the fixture, and fails (exit 1) on a
// mistake in the content or on a link the templates break.
func TestCheck(t *testing.T) {
	dir := workspace(t)
	before := snapshot(t, dir)
	code, stdout, stderr := edition("check")
	if code != 0 || !strings.Contains(stdout, "check passed") {
		t.Errorf("check on the fixture: exit code %d, want 0\n%s%s", code, stdout, stderr)
	}

	edit(t, chapter1, "(place:eddystone-rocks)", "(place:eddystone-rock)")
	code, _, stderr = edition("check")
	if code != 1 || diagnosticAt(stderr, at(t, chapter1, "[the reef]", true)+": error: unknown entry") == "" {
		t.Errorf("check with an unknown key: exit code %d, want 1 and the error\n%s", code, stderr)
	}
	edit(t, chapter1, "(place:eddystone-rock)", "(place:eddystone-rocks)")

	// A link that the build would write but that leads nowhere: only check
	// looks at every link of the would-be site.
	edit(t, "templates/home.html", `<h2 id="contents-h">Contents</h2>`, `<h2 id="contents-h"><a href="{{.URL "contents.html"}}">Contents</a></h2>`)
	code, _, stderr = edition("check")
	if code != 1 || diagnosticAt(stderr, `output:index.html: error: link "contents.html" points at contents.html, which is not in the site`) == "" {
		t.Errorf("check with a broken link: exit code %d, want 1 and the error\n%s", code, stderr)
	}
	edit(t, "templates/home.html", `<h2 id="contents-h"><a href="{{.URL "contents.html"}}">Contents</a></h2>`, `<h2 id="contents-h">Contents</h2>`)

	if diff := sameFiles(before, snapshot(t, dir)); diff != "" {
		t.Errorf("check changed the folder: %s", diff)
	}
}

// build succeeds on the fixture, says what it did, and a second build
// leaves every file as it was.
func TestBuild(t *testing.T) {
	workspace(t)
	code, stdout, stderr := edition("build")
	if code != 0 {
		t.Fatalf("build: exit code %d, want 0\n%s", code, stderr)
	}
	if stderr != "" {
		t.Errorf("build on the fixture reported:\n%s", stderr)
	}
	if !strings.HasPrefix(stdout, "edition: built public: 2 chapters, 14 entries, 4 sources, ") {
		t.Errorf("build summary: %q", stdout)
	}
	first := snapshot(t, "public")
	for _, p := range []string{"index.html", "404.html", "text/first-lights.html", "text/stone.html", "about.html", "assets/code.css"} {
		if _, ok := first[p]; !ok {
			t.Errorf("build did not write %s", p)
		}
	}

	code, stdout, _ = edition("build", "-v")
	if code != 0 {
		t.Fatalf("second build: exit code %d", code)
	}
	if !strings.Contains(stdout, "person:smeaton") || !strings.Contains(stdout, "(0 written, ") {
		t.Errorf("second build with -v: want the mention table and nothing written:\n%s", stdout)
	}
	if diff := sameFiles(first, snapshot(t, "public")); diff != "" {
		t.Errorf("a second build changed the site: %s", diff)
	}

	code, _, stderr = edition("build", "-out", "elsewhere")
	if code != 0 {
		t.Fatalf("build -out elsewhere: exit code %d\n%s", code, stderr)
	}
	if diff := sameFiles(first, snapshot(t, "elsewhere")); diff != "" {
		t.Errorf("build -out elsewhere differs from public: %s", diff)
	}
	if _, err := os.Stat("elsewhere/index.html"); err != nil {
		t.Error(err)
	}
}

// The command's summaries say "1 chapter", "1 shard", "1 warning" and
// "1 error", not "1 chapters": an edition of one chapter is the usual
// start, and one error the usual failure.
func TestSummariesCountInTheSingular(t *testing.T) {
	workspace(t)
	write(t, registry+"concept/beacon.md", "---\nname: Beacon\naliases: [beaconless]\n---\nA fire lit as a signal.\n")
	_, stdout, _ := edition("build")
	if !strings.HasSuffix(stdout, "; 1 warning\n") {
		t.Errorf("build with one warning: %s", stdout)
	}
	if _, stdout, _ = edition("check"); !strings.HasSuffix(stdout, " files, 1 warning)\n") {
		t.Errorf("check with one warning: %s", stdout)
	}
	if err := os.Remove(chapter2); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := edition("build")
	if code != 0 {
		t.Fatalf("build: exit code %d, want 0\n%s", code, stderr)
	}
	for _, want := range []string{"edition: built public: 1 chapter, ", " in 1 shard, "} {
		if !strings.Contains(stdout, want) {
			t.Errorf("the summary lacks %q: %s", want, stdout)
		}
	}
	edit(t, chapter1, "(place:eddystone-rocks)", "(place:eddystone-rock)")
	for _, cmd := range []string{"build", "check"} {
		code, _, stderr = edition(cmd)
		if code != 1 || !strings.Contains(stderr, "edition: 1 error") || strings.Contains(stderr, "1 errors") {
			t.Errorf("%s with one error: exit code %d, said:\n%s", cmd, code, stderr)
		}
	}
}
