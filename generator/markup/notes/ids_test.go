package notes

import (
	"strconv"
	"testing"
)

func TestLetters(t *testing.T) {
	for n, want := range map[int]string{1: "a", 2: "b", 26: "z", 27: "aa", 28: "ab", 52: "az", 53: "ba", 702: "zz", 703: "aaa"} {
		if got := letters(n); got != want {
			t.Errorf("letters(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestIDSafe(t *testing.T) {
	for in, want := range map[string]string{
		"qian":         "qian",
		"Qian_2":       "qian_2",
		"a.b":          "a-b",
		"-a b-":        "a-b",
		"Qián":         "qi-n",
		"<script>":     "script",
		"":             "",
		"***":          "",
		"x\"onclick=y": "x-onclick-y",
	} {
		if got := idSafe(in); got != want {
			t.Errorf("idSafe(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestAuthorIDs checks the ids made once against the ids they stand for,
// in and past the range made.
func TestAuthorIDs(t *testing.T) {
	for k := range cachedIDs + 3 {
		id := "n" + strconv.Itoa(k)
		if got := authorID(k); got != id {
			t.Errorf("authorID(%d) = %q, want %q", k, got, id)
		}
		if got := authorRefID(k); got != "r-"+id {
			t.Errorf("authorRefID(%d) = %q, want %q", k, got, "r-"+id)
		}
	}
}
