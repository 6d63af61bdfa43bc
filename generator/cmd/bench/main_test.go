package main

import "testing"

// TestUnknownCommandMeasuresNothing checks that a stray word is refused at
// once: measureCmd with it returns before generating or building anything.
// Should it measure instead, the smallest corpus goes to a temporary folder.
func TestUnknownCommandMeasuresNothing(t *testing.T) {
	dir := t.TempDir()
	small := []string{"-dir", dir, "-results", dir + "/results.md", "-chapters", "1", "-entries", "300",
		"-runs", "1", "-hugo", "none", "-gotest=false", "-reload=false", "-edition", dir + "/none"}
	for _, word := range []string{"help", "profil"} {
		args := append(small[:len(small):len(small)], word)
		if got := measureCmd(args); got != 2 {
			t.Errorf("measureCmd(%q) = %d, want 2", args, got)
		}
	}
}
