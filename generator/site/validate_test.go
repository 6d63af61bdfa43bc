package site_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// vnuJar finds the Nu Html Checker: $VNU_JAR, or where .ci/run installs the
// npm package vnu-jar.
func vnuJar() string {
	if j := os.Getenv("VNU_JAR"); j != "" {
		return j
	}
	home, _ := os.UserHomeDir()
	return filepath.Join(home, ".cache", "edition-npm", "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
}

// TestEditionHTMLIsValid runs the Nu Html Checker (the W3C validator) over
// every page of the built edition: it must report no errors.
func TestEditionHTMLIsValid(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the Nu Html Checker; skipped in -short mode")
	}
	jar := vnuJar()
	java, err := exec.LookPath("java")
	if _, statErr := os.Stat(jar); err != nil || statErr != nil {
		t.Skipf("the Nu Html Checker needs java and %s (npm install --prefix ~/.cache/edition-npm vnu-jar; .ci/run does it)", jar)
	}
	_, out := buildEdition(t)
	cmd := exec.Command(java, "-jar", jar, "--errors-only", "--skip-non-html", out)
	b, err := cmd.CombinedOutput()
	if err != nil || len(strings.TrimSpace(string(b))) > 0 {
		lines := strings.Split(strings.TrimSpace(string(b)), "\n")
		if len(lines) > 40 {
			lines = append(lines[:40], "…")
		}
		t.Fatalf("the Nu Html Checker reports errors (%v):\n%s", err, strings.Join(lines, "\n"))
	}
}
