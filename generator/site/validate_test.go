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

// TestXMLOutputsAreValid runs xmllint over every XML file of the edition
// built with a base URL: each must be well-formed, and the sitemap must fit
// the sitemap protocol's schema.
func TestXMLOutputsAreValid(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint is not installed (apt-get install libxml2-utils); .ci/run installs it")
	}
	_, out := buildWithBase(t)
	var xmls []string
	_ = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".xml") {
			xmls = append(xmls, p)
		}
		return err
	})
	if len(xmls) < 2 {
		t.Fatalf("only %d XML files: want the sitemap and the TEI text at least", len(xmls))
	}
	for _, f := range xmls {
		args := []string{"--noout", "--nonet"}
		if filepath.Base(f) == "sitemap.xml" {
			args = append(args, "--schema", "testdata/sitemap.xsd")
		}
		if b, err := exec.Command(xmllint, append(args, f)...).CombinedOutput(); err != nil {
			t.Errorf("xmllint %s: %v\n%s", filepath.Base(f), err, b)
		}
	}
}
