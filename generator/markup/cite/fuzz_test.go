package cite

import (
	"strings"
	"testing"
)

// FuzzParseItems checks that any bracket content parses without panic and
// that every item it accepts has a key that appears after an @ in the input.
func FuzzParseItems(f *testing.F) {
	for _, s := range []string{"@key", "@key, p. 15", "see @a, pp. 63–64; @b", "-@x", "@{braced key}, chap. 2",
		"sic", "@", "@;@", "a@b", "@x]; [@y", "@{unclosed", ";;;", "@k:", "@é.ü-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, inside string) {
		items, ok := ParseItems([]byte(inside))
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
