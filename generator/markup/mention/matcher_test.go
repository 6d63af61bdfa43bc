package mention_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"edition/generator/markup/mention"
)

// show writes a match as "[start,end) text", which reads well in a diff.
func show(text string, ms []mention.Match) []string {
	var out []string
	for _, m := range ms {
		out = append(out, fmt.Sprintf("[%d,%d) %s", m.Start, m.End, text[m.Start:m.End]))
	}
	return out
}

func smart(texts ...string) []mention.Pattern {
	var ps []mention.Pattern
	for i, t := range texts {
		ps = append(ps, mention.Pattern{Text: t, Case: mention.Smart, Target: i})
	}
	return ps
}

func TestMatcherFind(t *testing.T) {
	tests := []struct {
		desc     string
		patterns []mention.Pattern
		text     string
		want     []string
	}{
		{
			desc:     "no patterns",
			patterns: nil,
			text:     "anything at all",
		},
		{
			desc:     "empty text",
			patterns: smart("council"),
			text:     "",
		},
		{
			desc:     "longest at the same start",
			patterns: smart("Council", "Security Council", "UN Security Council"),
			text:     "The UN Security Council, the Security Council, the Council.",
			want:     []string{"[4,23) UN Security Council", "[29,45) Security Council", "[51,58) Council"},
		},
		{
			desc:     "leftmost wins over longer later",
			patterns: smart("a b", "b c d"),
			text:     "a b c d",
			want:     []string{"[0,3) a b"},
		},
		{
			desc:     "scanning resumes after a match",
			patterns: smart("new york", "york times"),
			text:     "new york times",
			want:     []string{"[0,8) new york"},
		},
		{
			desc:     "a longer prefix that does not complete falls back",
			patterns: smart("new york", "new york times"),
			text:     "new york time",
			want:     []string{"[0,8) new york"},
		},
		{
			desc:     "a longer alias ending inside a word falls back to the shorter",
			patterns: smart("preempt", "preemptive"),
			text:     "preemptively preempt",
			want:     []string{"[13,20) preempt"},
		},
		{
			desc:     "not inside words",
			patterns: smart("cat"),
			text:     "cats concat scat cat2 cat",
			want:     []string{"[22,25) cat"},
		},
		{
			desc:     "punctuation, apostrophes and hyphens end words",
			patterns: smart("cat"),
			text:     "(cat) cat. cat’s cat's anti-cat cat-like",
			want:     []string{"[1,4) cat", "[6,9) cat", "[11,14) cat", "[19,22) cat", "[30,33) cat", "[34,37) cat"},
		},
		{
			desc:     "an alias ending in punctuation may touch a letter",
			patterns: []mention.Pattern{{Text: "U.S.", Case: mention.Exact}},
			text:     "U.S. and U.S.A.",
			want:     []string{"[0,4) U.S.", "[9,13) U.S."},
		},
		{
			desc:     "an alias ending in a letter may not",
			patterns: []mention.Pattern{{Text: "U.S", Case: mention.Exact}},
			text:     "U.S U.SA",
			want:     []string{"[0,3) U.S"},
		},
		{
			desc:     "digits are word characters",
			patterns: smart("G8"),
			text:     "G8s G80 1G8 G8.",
			want:     []string{"[12,14) G8"},
		},
		{
			desc:     "smart: lowercase alias in any case",
			patterns: smart("preemption"),
			text:     "preemption Preemption PREEMPTION",
			want:     []string{"[0,10) preemption", "[11,21) Preemption", "[22,32) PREEMPTION"},
		},
		{
			desc:     "smart: alias with a capital as written",
			patterns: smart("Bush"),
			text:     "bush Bush BUSH",
			want:     []string{"[5,9) Bush"},
		},
		{
			desc:     "exact",
			patterns: []mention.Pattern{{Text: "us", Case: mention.Exact}},
			text:     "US us Us",
			want:     []string{"[3,5) us"},
		},
		{
			desc:     "ignore",
			patterns: []mention.Pattern{{Text: "NATO", Case: mention.Ignore}},
			text:     "NATO nato Nato",
			want:     []string{"[0,4) NATO", "[5,9) nato", "[10,14) Nato"},
		},
		{
			desc:     "byte offsets in UTF-8 text",
			patterns: smart("Qián Qíchēn"),
			text:     "« Qián Qíchēn »",
			want:     []string{"[3,17) Qián Qíchēn"},
		},
		{
			desc:     "non-ASCII letters fold",
			patterns: smart("élysée"),
			text:     "ÉLYSÉE, Élysée",
			want:     []string{"[0,8) ÉLYSÉE", "[10,18) Élysée"},
		},
		{
			desc:     "accented letters are word characters",
			patterns: smart("preemption"),
			text:     "épreemption preemptioné preemption",
			want:     []string{"[26,36) preemption"},
		},
		{
			desc:     "a combining accent continues a word",
			patterns: smart("qia"),
			text:     "Qia\u0301n qia",
			want:     []string{"[7,10) qia"},
		},
		{
			desc:     "line breaks and tabs count as spaces",
			patterns: smart("UN Security Council", "security council"),
			text:     "UN Security\nCouncil\tmet; security\r\ncouncil",
			want:     []string{"[0,19) UN Security\nCouncil"},
		},
		{
			desc:     "a space is not any white space run",
			patterns: smart("security council"),
			text:     "security  council",
		},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			m, err := mention.NewMatcher(tt.patterns)
			if err != nil {
				t.Fatal(err)
			}
			got := show(tt.text, m.Find(nil, []byte(tt.text)))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Find(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestMatcherFindTargets(t *testing.T) {
	ps := []mention.Pattern{
		{Text: "Bush", Case: mention.Smart, Target: 7},
		{Text: "George W. Bush", Case: mention.Smart, Target: 7},
		{Text: "Rice", Case: mention.Smart, Target: 3},
	}
	m, err := mention.NewMatcher(ps)
	if err != nil {
		t.Fatal(err)
	}
	prior := mention.Match{Start: -1}
	got := m.Find([]mention.Match{prior}, []byte("Rice and George W. Bush"))
	want := []mention.Match{prior, {Start: 0, End: 4, Pattern: 2, Target: 3}, {Start: 9, End: 23, Pattern: 1, Target: 7}}
	if !slices.Equal(got, want) {
		t.Errorf("Find appended %v, want %v", got, want)
	}
	if !slices.Equal(m.Patterns(), ps) {
		t.Errorf("Patterns() = %v, want %v", m.Patterns(), ps)
	}
}

func TestNewMatcherEmptyPattern(t *testing.T) {
	_, err := mention.NewMatcher(smart("council", ""))
	if !errors.Is(err, mention.ErrEmptyPattern) {
		t.Fatalf("NewMatcher with an empty pattern: err = %v, want ErrEmptyPattern", err)
	}
	if !strings.Contains(err.Error(), "pattern 1") {
		t.Errorf("error %q does not say which pattern", err)
	}
}

// The property test and the fuzz test check what must hold for any text.

// propertyAliases mix case rules, multi-word aliases sharing prefixes,
// punctuation and non-ASCII letters.
var propertyAliases = []mention.Pattern{
	{Text: "council", Case: mention.Smart},
	{Text: "Security Council", Case: mention.Smart},
	{Text: "UN Security Council", Case: mention.Smart},
	{Text: "preemption", Case: mention.Smart},
	{Text: "preemptive", Case: mention.Smart},
	{Text: "preemptive war", Case: mention.Smart},
	{Text: "pre-emption", Case: mention.Smart},
	{Text: "U.S.", Case: mention.Exact},
	{Text: "US", Case: mention.Exact},
	{Text: "NATO", Case: mention.Ignore},
	{Text: "Qián Qíchēn", Case: mention.Smart},
	{Text: "élysée", Case: mention.Smart},
	{Text: "war", Case: mention.Smart},
}

var propertyFiller = []string{
	"the", "a", "of", "us", "preemptively", "Councils", "warfare", "Qián", "états", "U.S.A.",
	"2002", "anti", "Qia\u0301n", "security", "UN", "pre", "emption",
}

var propertySeparators = []string{" ", " ", " ", "\n", ", ", ". ", "-", "’s ", "'", "(", ")", "—", "  ", "\t"}

// randomCase changes the case of some aliases and fillers so that case rules
// are exercised both ways.
func randomCase(r *rand.Rand, s string) string {
	switch r.IntN(4) {
	case 0:
		return strings.ToUpper(s)
	case 1:
		return strings.ToLower(s)
	case 2:
		rs := []rune(s)
		rs[0] = unicode.ToUpper(rs[0])
		return string(rs)
	}
	return s
}

// pieceText is a random text of one to most pieces, each made by piece
// and followed by one of seps.
func pieceText(r *rand.Rand, most int, piece func() string, seps []string) string {
	var b strings.Builder
	for range 1 + r.IntN(most) {
		b.WriteString(piece())
		b.WriteString(seps[r.IntN(len(seps))])
	}
	return b.String()
}

// oneOf is a piece for pieceText: one of words, as it is.
func oneOf(r *rand.Rand, words []string) func() string {
	return func() string { return words[r.IntN(len(words))] }
}

func randomText(r *rand.Rand) string {
	return pieceText(r, 30, func() string {
		if r.IntN(2) == 0 {
			return randomCase(r, propertyAliases[r.IntN(len(propertyAliases))].Text)
		}
		return randomCase(r, propertyFiller[r.IntN(len(propertyFiller))])
	}, propertySeparators)
}

func TestMatcherFindProperties(t *testing.T) {
	m, err := mention.NewMatcher(propertyAliases)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(2007, 1))
	found := 0
	for range 3000 {
		text := randomText(r)
		found += findAsNaive(t, m, propertyAliases, text)
	}
	if found < 3000 {
		t.Errorf("only %d matches in 3000 texts: the generator no longer exercises the matcher", found)
	}
}

func FuzzMatcherFind(f *testing.F) {
	for _, s := range []string{"UN Security Council", "preemptive war", "U.S.A.", "Qia\u0301n Qíchēn", "US\nus", "\xff\xfeNATO"} {
		f.Add(s)
	}
	m, err := mention.NewMatcher(propertyAliases)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got := m.Find(nil, []byte(text))
		checkMatches(t, propertyAliases, text, got)
		if utf8.ValidString(text) {
			if want := naiveFind(propertyAliases, text); !slices.Equal(got, want) {
				t.Fatalf("Find(%q)\n got %q\nwant %q", text, show(text, got), show(text, want))
			}
		}
	})
}

// findAsNaive runs m.Find on text, checks the matches (checkMatches) and
// compares them with naiveFind's, and returns how many there are.
func findAsNaive(t *testing.T, m *mention.Matcher, ps []mention.Pattern, text string) int {
	t.Helper()
	got := m.Find(nil, []byte(text))
	checkMatches(t, ps, text, got)
	if want := naiveFind(ps, text); !slices.Equal(got, want) {
		t.Fatalf("Find(%q)\n got %q\nwant %q (by trying every alias at every word start)", text, show(text, got), show(text, want))
	}
	return len(got)
}

// checkMatches checks that matches are sorted, do not overlap, lie on word
// boundaries and are what their pattern says.
func checkMatches(t *testing.T, ps []mention.Pattern, text string, ms []mention.Match) {
	t.Helper()
	prevEnd := 0
	for _, m := range ms {
		if m.Start < prevEnd || m.End <= m.Start || m.End > len(text) {
			t.Fatalf("Find(%q): match [%d,%d) overlaps the previous one (ending at %d) or is out of order",
				text, m.Start, m.End, prevEnd)
		}
		prevEnd = m.End
		if !startsWord(text, m.Start) || !endsWord(text, m.End) {
			t.Fatalf("Find(%q): match [%d,%d) %q is not on word boundaries", text, m.Start, m.End, text[m.Start:m.End])
		}
		p := ps[m.Pattern]
		if m.Target != p.Target {
			t.Fatalf("Find(%q): match %q has target %d, its pattern %d", text, text[m.Start:m.End], m.Target, p.Target)
		}
		if !sameText(text[m.Start:m.End], p) {
			t.Fatalf("Find(%q): match %q is not pattern %q under its case rule", text, text[m.Start:m.End], p.Text)
		}
	}
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// startsWord: the text starts at i, or the rune before i is not part of a
// word (a combining mark continues the word it follows).
func startsWord(text string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return !isWordRune(r)
}

// endsWord: the text ends at i, or the next rune is not part of a word, or
// the match itself ends in punctuation.
func endsWord(text string, i int) bool {
	if i == len(text) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[i:])
	last, _ := utf8.DecodeLastRuneInString(text[:i])
	return !isWordRune(next) || !isWordRune(last)
}

// sameText compares s with a pattern under its case rule, white space in s
// standing for the pattern's spaces.
func sameText(s string, p mention.Pattern) bool {
	s = strings.NewReplacer("\n", " ", "\r", " ", "\t", " ").Replace(s)
	exact := p.Case == mention.Exact || p.Case == mention.Smart && strings.ToLower(p.Text) != p.Text
	if exact {
		return s == p.Text
	}
	return strings.ToLower(s) == strings.ToLower(p.Text)
}

// naiveFind is the specification of Find written the slow way: at each word
// start, try every pattern, keep the longest that ends on a word boundary,
// and continue after it.
func naiveFind(ps []mention.Pattern, text string) []mention.Match {
	var out []mention.Match
	for i := 0; i < len(text); {
		_, size := utf8.DecodeRuneInString(text[i:])
		r, _ := utf8.DecodeRuneInString(text[i:])
		if !startsWord(text, i) || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += size
			continue
		}
		best := -1
		for pi, p := range ps {
			end := i + len(p.Text)
			if end > len(text) || !endsWord(text, end) || !sameText(text[i:end], p) {
				continue
			}
			if best < 0 || len(p.Text) > len(ps[best].Text) {
				best = pi
			}
		}
		if best < 0 {
			i += size
			continue
		}
		out = append(out, mention.Match{Start: i, End: i + len(ps[best].Text), Pattern: best, Target: ps[best].Target})
		i += len(ps[best].Text)
	}
	return out
}

// TestMatcherFindShortKeys checks the first steps of the walk, which the
// matcher takes from a table of the first two bytes of each word: keys of
// one and two bytes, keys that share or do not share a second byte, and
// words of one letter, against naiveFind.
func TestMatcherFindShortKeys(t *testing.T) {
	ps := smart("a", "ab", "abc d", "b c", "bd", "x", "Xy", "é", "éa", "1", "12", "q.")
	m, err := mention.NewMatcher(ps)
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"a", "ab", "abc", "abcd", "b", "c", "bd", "bde", "x", "X", "xy", "Xy", "XY", "é", "éa", "É", "1", "12", "123", "q", "q.", "z", "a\u0301"}
	seps := []string{" ", "\n", ". ", "-", "", "é"}
	r := rand.New(rand.NewPCG(5, 9))
	for range 2000 {
		text := pieceText(r, 8, oneOf(r, words), seps)
		findAsNaive(t, m, ps, text)
	}
}

// TestMatcherFindManyBranches checks the walk through a node of many
// children, whose first bytes the matcher searches with bytes.IndexByte
// rather than one by one: after "doctrine of " come words beginning with
// every letter and digit and with letters outside ASCII, against
// naiveFind.
func TestMatcherFindManyBranches(t *testing.T) {
	var texts []string
	for _, c := range "abcdefghijklmnopqrstuvwxyz0123456789éñüøΩ" {
		texts = append(texts, "doctrine of "+string(c)+"ole", string(c)+"x doctrine", "Doctrine Of "+strings.ToUpper(string(c))+"OLE")
	}
	ps := smart(texts...)
	m, err := mention.NewMatcher(ps)
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"doctrine of", "doctrine", "of", "Doctrine of", "OF", "aole", "Éole", "éole", "ñole", "Ωole", "ωole", "zole", "9ole", "ole", "_ole", "x", "ax", "éx", "ÉX", "Øx", "øx"}
	seps := []string{" ", " ", " ", "\n", ". ", "-", ""}
	r := rand.New(rand.NewPCG(16, 17))
	found := 0
	for range 3000 {
		text := pieceText(r, 12, func() string {
			if r.IntN(3) == 0 {
				return randomCase(r, texts[r.IntN(len(texts))])
			}
			return words[r.IntN(len(words))]
		}, seps)
		found += findAsNaive(t, m, ps, text)
	}
	if found < 1000 {
		t.Errorf("only %d matches in 3000 texts: the test no longer reaches the branches", found)
	}
}

// TestMatcherFindLongRuns checks words of letters and digits around the
// eight and sixteen bytes that the matcher reads at once, at every
// distance from the end of the text, against naiveFind: a word equal to
// an alias matches in any case, one letter more or less does not.
func TestMatcherFindLongRuns(t *testing.T) {
	ps := smart("abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklmno", "abcdefghijklmnop",
		"abcdefghijklmnopq", "abcdefghijklmnopqrstuvwxyz0123456789", "2002abcd", "the abcdefghijklmnopq")
	m, err := mention.NewMatcher(ps)
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, p := range ps {
		for _, word := range []string{p.Text, strings.ToUpper(p.Text), p.Text + "x", p.Text[:len(p.Text)-1], "x" + p.Text} {
			for _, tail := range []string{"", ".", " y", "z", "é", " the end of the text"} {
				for pad := range 18 {
					text := strings.Repeat("w ", pad) + word + tail
					found += findAsNaive(t, m, ps, text)
				}
			}
		}
	}
	if found < 1000 {
		t.Errorf("only %d matches: the test no longer exercises long words", found)
	}
}

// TestMatcherFindTokens checks aliases with letters outside ASCII,
// punctuation inside and at the end, and no letters in one case, against
// naiveFind.
func TestMatcherFindTokens(t *testing.T) {
	ps := smart("Qián-Qíchēn", "St. Élysée", "U.S.–Ωmega", "Zoë's", "ĳssel meer", "rock 'n' roll",
		"C++", "naïve art", "a.b.c", "x", "日本語", "ω")
	m, err := mention.NewMatcher(ps)
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"Qián-Qíchēn", "qián-qíchēn", "Qián-Qíchēnx", "Qián", "St. Élysée", "St.Élysée", "ST. ÉLYSÉE",
		"U.S.–Ωmega", "U.S.–Ωmegas", "U.S.–ΩMEGA", "Zoë's", "Zoë", "ĳssel meer", "ĲSSEL MEER", "Ĳssel", "rock 'n' roll",
		"ROCK 'N' ROLL", "C++", "C++x", "c++", "naïve art", "NAÏVE ART", "naïve", "a.b.c", "A.B.C", "a.b.cd", "x", "X",
		"日本語", "日本", "ω", "Ω", "ωx", "é"}
	seps := []string{" ", "\n", ". ", "-", "", "—", "x"}
	r := rand.New(rand.NewPCG(23, 29))
	found := 0
	for range 3000 {
		text := pieceText(r, 8, oneOf(r, words), seps)
		found += findAsNaive(t, m, ps, text)
	}
	if found < 3000 {
		t.Errorf("only %d matches in 3000 texts: the test no longer reaches the aliases", found)
	}
}

// TestMatcherFindMarkAfterNonWord checks a combining mark that follows no
// letter (at the start of the text, after a space or after punctuation):
// it still belongs to a word, so an alias right after it is inside that
// word, as naiveFind has it. (FuzzMatcherFind found "\u0659US ".)
func TestMatcherFindMarkAfterNonWord(t *testing.T) {
	ps := []mention.Pattern{{Text: "US", Case: mention.Exact}, {Text: "U.S.", Case: mention.Exact}, {Text: "qia", Case: mention.Smart}}
	m, err := mention.NewMatcher(ps)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"\u0659US ", "a \u0301US", "(\u0301qia)", "U.S.\u0301qia", "US \u0659 US", "\u0301\u0301qia qia"} {
		findAsNaive(t, m, ps, text)
	}
}
