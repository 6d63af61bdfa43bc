package diag

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"edition/generator/internal/edit"
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
		d := edit.Distance(w, lc)
		if strings.HasPrefix(lc, w) || strings.HasPrefix(w, lc) {
			d = min(d, 1)
		}
		if d <= limit {
			found = append(found, scored{c, d})
		}
	}
	var out []string
	for _, f := range closest(found, n, func(f scored) (int, string) { return f.d, f.s }) {
		out = append(out, f.s)
	}
	return out
}

// closest sorts found by distance, then by name, and returns up to n of
// those as near as the nearest, each name once.
func closest[T any](found []T, n int, score func(T) (d int, name string)) []T {
	slices.SortStableFunc(found, func(a, b T) int {
		da, na := score(a)
		db, nb := score(b)
		if da != db {
			return da - db
		}
		return strings.Compare(na, nb)
	})
	if len(found) == 0 {
		return nil
	}
	best, _ := score(found[0])
	var out []T
	var names []string
	for _, f := range found {
		d, name := score(f)
		if len(out) == n || d > best {
			break
		}
		if !slices.Contains(names, name) {
			out, names = append(out, f), append(names, name)
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

// Known is a key with the names it is known by, for DidYouMeanKey.
type Known struct {
	Key     string
	Name    string
	Aliases []string
}

// keyMatch is a candidate of nearestKey: its distance, and the name that
// brought it closer than its key did, if one did.
type keyMatch struct {
	Known
	d   int
	via string
}

// nearestKey is Nearest for a key that may name something renamed: an
// entry's key is its file name, and an editor who renames the file leaves
// every reference to the old key behind, though the entry's name or an
// alias usually still spells it. A candidate is as near as its key, or as
// the nearest of its names written as a key (lowercase words joined by
// hyphens, accents dropped), or one letter away when a name has the same
// words in another order, or just near enough when the words of one, two
// or more, are all among the other's. Names get no credit for a shared
// prefix, which short ones (“UN”) would have with too much.
func nearestKey(word string, known []Known, n int) []keyMatch {
	w := strings.ToLower(word)
	ws := keyWords(word)
	wsorted := slices.Sorted(slices.Values(ws))
	limit := max(2, len([]rune(w))/3)
	var found []keyMatch
	for _, k := range known {
		lk := strings.ToLower(k.Key)
		m := keyMatch{Known: k, d: edit.Distance(w, lk)}
		if strings.HasPrefix(lk, w) || strings.HasPrefix(w, lk) {
			m.d = min(m.d, 1)
		}
		for i := -1; i < len(k.Aliases); i++ {
			name := k.Name
			if i >= 0 {
				name = k.Aliases[i]
			}
			if m.d == 0 {
				break
			}
			nw := keyWords(name)
			d := edit.Distance(w, strings.Join(nw, "-"))
			if d > 1 && len(nw) == len(ws) && len(ws) > 1 {
				slices.Sort(nw)
				if slices.Equal(nw, wsorted) {
					d = 1
				}
			}
			// All the words of one, two or more, among the other's
			// (“kofi-annan”, “Kofi Atta Annan”): as near as may be.
			if d > limit && min(len(nw), len(ws)) > 1 && (allIn(ws, nw) || allIn(nw, ws)) {
				d = limit
			}
			if d < m.d {
				m.d, m.via = d, name
			}
		}
		if m.d <= limit {
			found = append(found, m)
		}
	}
	return closest(found, n, func(m keyMatch) (int, string) { return m.d, m.Key })
}

// DidYouMeanKey formats the keys of known nearest to word, as nearestKey
// finds them, as a hint, naming the name that matched where the key itself
// was further (“did you mean “unsc”, the entry named “UN Security
// Council”?”), or returns fallback when nothing is near. It costs a pass
// over every name: call it only for an error.
func DidYouMeanKey(word string, known []Known, fallback string) string {
	near := nearestKey(word, known, 3)
	if len(near) == 0 {
		return fallback
	}
	q := make([]string, len(near))
	for i, m := range near {
		q[i] = m.Key
	}
	hint := "did you mean " + quoteJoin(q)
	switch m := near[0]; {
	case len(near) > 1 || m.via == "":
	case m.via == m.Name:
		hint += ", the entry named “" + m.via + "”"
	default:
		hint += ", the entry with the alias “" + m.via + "”"
	}
	return hint + "?"
}

// allIn reports whether every word of a is among b's.
func allIn(a, b []string) bool {
	for _, w := range a {
		if !slices.Contains(b, w) {
			return false
		}
	}
	return true
}

// keyWords returns the words of s as a key writes them: lowercase letters
// and digits, accents dropped, in order.
func keyWords(s string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r): // a combining accent: drop it
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			flush()
		}
	}
	flush()
	return out
}
