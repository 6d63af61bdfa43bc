package diag

import (
	"slices"
	"strings"
)

// Nearest returns up to n candidates closest to word by edit distance,
// leaving out those too far away to be a plausible typo and those further
// than the best: when one candidate is a letter away, one three letters
// away is noise. It feeds the "did you mean" hints.
func Nearest(word string, candidates []string, n int) []string {
	type scored struct {
		s string
		d int
	}
	w := strings.ToLower(word)
	limit := max(2, len([]rune(w))/3)
	var found []scored
	for _, c := range candidates {
		lc := strings.ToLower(c)
		d := distance(w, lc)
		if strings.HasPrefix(lc, w) || strings.HasPrefix(w, lc) {
			d = min(d, 1)
		}
		if d <= limit {
			found = append(found, scored{c, d})
		}
	}
	slices.SortStableFunc(found, func(a, b scored) int {
		if a.d != b.d {
			return a.d - b.d
		}
		return strings.Compare(a.s, b.s)
	})
	var out []string
	for _, f := range found {
		if len(out) == n || f.d > found[0].d {
			break
		}
		if !slices.Contains(out, f.s) {
			out = append(out, f.s)
		}
	}
	return out
}

// DidYouMean formats Nearest as a hint, or returns fallback when nothing is
// near.
func DidYouMean(word string, candidates []string, fallback string) string {
	near := Nearest(word, candidates, 3)
	if len(near) == 0 {
		return fallback
	}
	return "did you mean " + quoteJoin(near) + "?"
}

func quoteJoin(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = "“" + s + "”"
	}
	switch len(q) {
	case 1:
		return q[0]
	case 2:
		return q[0] + " or " + q[1]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// distance is the Levenshtein distance between a and b, by runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
