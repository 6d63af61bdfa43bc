package main

import (
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestKilledBuildLeavesOldOrNewSite runs the real binary and kills it with
// SIGKILL at random moments of a build. Each time, the output folder must be
// exactly the previous site or exactly the new one, never a mix and never
// missing; and the next build must clean up whatever the killed one left.
func TestKilledBuildLeavesOldOrNewSite(t *testing.T) {
	if testing.Short() {
		t.Skip("kills real builds; skipped in -short mode")
	}
	bin := buildBinary(t)
	root := t.TempDir()
	contentA := filepath.Join(root, "a")
	contentB := filepath.Join(root, "b")
	makeBigEdition(t, contentA, "")
	makeBigEdition(t, contentB, "A paragraph that only the second version has.")

	build := func(content, out string) time.Duration {
		t.Helper()
		start := time.Now()
		cmd := exec.Command(bin, "build", "-content", content, "-templates", "../../../templates", "-out", out)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("build %s: %v\n%s", content, err, b)
		}
		return time.Since(start)
	}
	refA, refB := filepath.Join(root, "refA"), filepath.Join(root, "refB")
	took := build(contentA, refA)
	build(contentB, refB)
	snapA, snapB := snapshot(t, refA), snapshot(t, refB)
	if equalSnap(snapA, snapB) {
		t.Fatal("the two versions must build different sites")
	}

	out := filepath.Join(root, "site", "public")
	build(contentA, out)
	current, other := "a", "b"
	rng := rand.New(rand.NewPCG(1, 2))
	runs := 24
	for i := range runs {
		next := map[string]string{"a": contentA, "b": contentB}[other]
		cmd := exec.Command(bin, "build", "-content", next, "-templates", "../../../templates", "-out", out)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		delay := time.Duration(rng.Int64N(int64(took) * 5 / 4))
		timer := time.AfterFunc(delay, func() { _ = cmd.Process.Signal(syscall.SIGKILL) })
		err := cmd.Wait()
		timer.Stop()
		finished := err == nil

		got := snapshot(t, out)
		switch {
		case equalSnap(got, map[string]map[string]string{"a": snapA, "b": snapB}[current]):
			if finished {
				t.Fatalf("run %d: the build finished but the old site is still there", i)
			}
		case equalSnap(got, map[string]map[string]string{"a": snapA, "b": snapB}[other]):
			current, other = other, current
		default:
			t.Fatalf("run %d (killed after %v): the output is neither the old site nor the new one (%d files)", i, delay, len(got))
		}
	}
	// A clean build removes what killed builds left next to the output.
	build(map[string]string{"a": contentA, "b": contentB}[current], out)
	entries, _ := os.ReadDir(filepath.Dir(out))
	for _, e := range entries {
		if e.Name() != "public" {
			t.Errorf("leftover %s after a clean build", e.Name())
		}
	}
}

// makeBigEdition copies the edition in content/ and adds 40 more chapters,
// so that a build takes long enough to be killed in each of its phases.
func makeBigEdition(t *testing.T, dst, extra string) {
	t.Helper()
	src := "../../../content"
	copyTree(t, src, dst)
	chapter, err := os.ReadFile(filepath.Join(src, "text", "01-overview.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(chapter)
	for i := 2; i <= 41; i++ {
		c := strings.Replace(text, "slug: overview", "slug: copy-"+itoa(i), 1)
		if extra != "" {
			c = strings.Replace(c, "## Conclusion\n", "## Conclusion\n\n"+extra+"\n", 1)
		}
		name := filepath.Join(dst, "text", itoa(i)+"-copy.md")
		if err := os.WriteFile(name, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func itoa(i int) string {
	return strings.TrimLeft(string([]byte{byte('0' + i/100), byte('0' + i/10%10), byte('0' + i%10)}), "0")
}

func equalSnap(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// buildBinary compiles the command once per test binary run.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "edition")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, b)
	}
	return bin
}
