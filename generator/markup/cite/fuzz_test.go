package cite

import (
	"reflect"
	"strings"
	"testing"
)

// FuzzParseItems checks that any bracket content parses without panic, as
// parseItemsByDefinition parses it, and that every item it accepts has a
// key that appears after an @ in the input.
func FuzzParseItems(f *testing.F) {
	for _, s := range []string{"@key", "@key, p. 15", "see @a, pp. 63–64; @b", "-@x", "@{braced key}, chap. 2",
		"sic", "@", "@;@", "a@b", "@x]; [@y", "@{unclosed", ";;;", "@k:", "@é.ü-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, inside string) {
		items, ok := ParseItems([]byte(inside))
		if want, wantOK := parseItemsByDefinition([]byte(inside)); ok != wantOK || !reflect.DeepEqual(items, want) && (ok || len(items)+len(want) > 0) {
			t.Fatalf("ParseItems(%q) = %+v, %v; by definition %+v, %v", inside, items, ok, want, wantOK)
		}
		if !ok {
			return
		}
		for _, it := range items {
			if it.Key == "" {
				t.Fatalf("an item without a key from %q", inside)
			}
			if !strings.Contains(inside, "@"+it.Key) && !strings.Contains(inside, "@{"+it.Key+"}") {
				t.Fatalf("key %q is not in %q", it.Key, inside)
			}
		}
	})
}

// parseItemsByDefinition is ParseItems as first written: the bracket split
// into its parts at the semicolons outside brackets, then each parsed.
func parseItemsByDefinition(inside []byte) ([]Item, bool) {
	var items []Item
	parts, starts := splitItems(inside)
	for i, part := range parts {
		it, ok := parseItem(part)
		if !ok {
			return nil, false
		}
		it.Offset += starts[i]
		items = append(items, it)
	}
	return items, len(items) > 0
}

// splitItems splits at semicolons outside brackets, and returns where each
// part starts.
func splitItems(b []byte) (parts [][]byte, starts []int) {
	depth, start := 0, 0
	for i, c := range b {
		switch c {
		case '[', '{':
			depth++
		case ']', '}':
			depth--
		case ';':
			if depth == 0 {
				parts, starts = append(parts, b[start:i]), append(starts, start)
				start = i + 1
			}
		}
	}
	return append(parts, b[start:]), append(starts, start)
}
