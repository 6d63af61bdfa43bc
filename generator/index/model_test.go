package index

import (
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestParagraphNumber compares ParagraphNumber with its definition: id is
// "p" and the decimal of a number from 1 up, as strconv writes it (no
// sign, no leading zeros), of at most nine digits.
func TestParagraphNumber(t *testing.T) {
	ids := []string{"", "p", "p0", "p1", "p01", "p10", "p999999999", "p1000000000", "p-1", "p+1", "P1", "p1a", "pp1", "n1", "p 1", "p１"}
	r := rand.New(rand.NewPCG(7, 8))
	const alphabet = "p0123456789-a"
	for range 20000 {
		b := []byte{'p'}
		for range r.IntN(11) {
			b = append(b, alphabet[r.IntN(len(alphabet))])
		}
		ids = append(ids, string(b))
	}
	for _, id := range ids {
		n, ok := ParagraphNumber(id)
		want, err := strconv.Atoi(id[min(1, len(id)):])
		wantOK := len(id) > 1 && id[0] == 'p' && err == nil && want >= 1 && len(id) <= 10 && "p"+strconv.Itoa(want) == id
		if ok != wantOK || ok && n != want {
			t.Errorf("ParagraphNumber(%q) = %d, %v; want %d, %v", id, n, ok, want, wantOK)
		}
	}
}
